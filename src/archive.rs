//! Archives, a step at a time: the map step writes each article's own mentions
//! and events as one JSON line (`extract --per-article --format jsonl`), reading
//! files one at a time or a JSON Lines stream in batches, so memory stays flat
//! however large the input; the reduce step (`newsline merge`) merges such lines
//! into one timeline, the one `extract` gives for all the articles at once.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::events::spread::{self, Plan, Reaching, Unit};
use crate::events::{self, ArticleMentions};
use crate::source::{self, Article, LoadError};
use crate::temporal::Tagger;
use crate::timeline::{ArticleMeta, Event, Timeline};

/// Records of a stream read and tagged together: enough to keep two cores busy,
/// few enough that memory stays flat.
const BATCH: usize = 256;

/// One line of the map step's output (Contract 1): the article, its own events
/// (not merged across articles), and the mentions they were made from, which the
/// reduce step merges.
#[derive(Serialize)]
struct Line<'a> {
    article: &'a ArticleMeta,
    at: usize,
    events: Vec<Event>,
    mentions: &'a [events::Placed],
}

/// What the map step did.
#[derive(Debug, Default, PartialEq)]
pub struct MapReport {
    pub articles: usize,
    /// What could not be read, each with its reason; the rest was mapped.
    pub skipped: Vec<LoadError>,
}

/// Tags a batch of articles in parallel and writes their lines in order. `first` is
/// the run's index of the first; `at` each article's place in its file or stream.
fn map_batch(batch: &[(Article, usize)], first: usize, out: &mut impl Write) -> std::io::Result<()> {
    let parts: Vec<ArticleMentions> = batch
        .par_iter()
        .enumerate()
        .map_init(Tagger::new, |t, (k, (a, at))| ArticleMentions { at: *at, ..events::article_mentions(first + k, a, t) })
        .collect();
    for p in &parts {
        let mut own = events::merge_part(vec![p.clone()]).events;
        // Merging names the lone article a1; its line keeps the run's name.
        let id: std::sync::Arc<str> = p.article.id.as_str().into();
        for m in own.iter_mut().flat_map(|e| e.mentions.iter_mut()) {
            m.article = id.clone();
        }
        let line = Line { article: &p.article, at: p.at, events: own, mentions: &p.mentions };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn dated(mut a: Article, dct: Option<NaiveDate>) -> Article {
    if let Some(d) = dct {
        a.date_by_default(d);
    }
    a
}

/// The map step over files and folders, one file at a time.
pub fn map_paths(paths: &[PathBuf], dct: Option<NaiveDate>, out: &mut impl Write) -> std::io::Result<MapReport> {
    let (files, skipped) = source::collect_files(paths);
    let mut report = MapReport { skipped, ..Default::default() };
    for f in &files {
        match source::load_file(f) {
            Ok(c) => {
                report.skipped.extend(c.problems);
                if c.timeline.is_some() {
                    report.skipped.push(LoadError::new(f, "a saved timeline, not articles: the map step reads articles"));
                }
                let batch: Vec<(Article, usize)> = c.articles.into_iter().enumerate().map(|(at, a)| (dated(a, dct), at)).collect();
                for chunk in batch.chunks(BATCH) {
                    map_batch(chunk, report.articles, out)?;
                    report.articles += chunk.len();
                }
            }
            Err(e) => report.skipped.push(e),
        }
    }
    Ok(report)
}

/// The map step over a JSON Lines stream of news records (stdin), a batch at a time.
pub fn map_stream(input: impl BufRead, dct: Option<NaiveDate>, out: &mut impl Write) -> std::io::Result<MapReport> {
    let mut report = MapReport::default();
    let mut batch: Vec<(Article, usize)> = Vec::with_capacity(BATCH);
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        match source::records::read_line(&line) {
            Ok(a) => batch.push((dated(a, dct), n)),
            Err(why) => report.skipped.push(LoadError::new(std::path::Path::new("-"), format!("line {}: {why}; skipped", n + 1))),
        }
        if batch.len() == BATCH {
            map_batch(&batch, report.articles, out)?;
            report.articles += batch.len();
            batch.clear();
        }
    }
    map_batch(&batch, report.articles, out)?;
    report.articles += batch.len();
    Ok(report)
}

/// Reads the map step's lines; a line that is not one is reported and skipped.
pub fn read_parts(input: impl BufRead, name: &str, parts: &mut Vec<ArticleMentions>, skipped: &mut Vec<LoadError>) -> std::io::Result<()> {
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<ArticleMentions>(&line) {
            Ok(p) => parts.push(p),
            Err(e) => {
                skipped.push(LoadError::new(std::path::Path::new(name), format!("line {}: not a per-article line ({e}); skipped", n + 1)))
            }
        }
    }
    Ok(())
}

/// The reduce step: one timeline from per-article lines, whatever their order and
/// however they were split. Articles are ordered as one run over their files would
/// order them (by file and place, else by link, title and date).
pub fn merge(mut parts: Vec<ArticleMentions>) -> Timeline {
    parts.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    events::merge_articles(parts)
}

/// The reduce step spread over machines, step 1: the reach of an article's mentions,
/// each under every bucket it goes to ([`spread::buckets`]): "BUCKET\tREACH" records,
/// which the Spark job groups by bucket.
pub fn reach_lines<W: Write>(line: &ArticleMentions, out: &mut Records<W>) -> std::io::Result<()> {
    for r in spread::reaches(line) {
        let json = serde_json::to_string(&r)?;
        for b in spread::buckets(&r.reach) {
            out.record(&b.to_string(), &json)?;
        }
    }
    Ok(())
}

/// Separates records packed into one line: JSON never holds it unescaped.
pub const RECORD_SEPARATOR: char = '\u{1e}';

/// Where the steps write "KEY\tVALUE" records: a line each, or packed by shard. Packed,
/// a line "SHARD\tRECORD\u{1e}RECORD…" holds records whose keys hash to one shard
/// (FNV-1a of the key, modulo the shards), so a shuffle moves a few long lines instead
/// of millions of short ones; every record of a key is in its shard's lines. A shard's
/// line is written when it holds four megabytes.
pub struct Records<W: Write> {
    out: W,
    /// Each shard's line so far; none when records go a line each.
    lines: Vec<String>,
}

impl<W: Write> Records<W> {
    const LINE: usize = 1 << 22;

    /// Records a line each (`shards` none), or packed into `shards` shards.
    pub fn new(out: W, shards: Option<usize>) -> Records<W> {
        Records { out, lines: vec![String::new(); shards.map_or(0, |n| n.max(1))] }
    }

    /// Writes a record.
    pub fn record(&mut self, key: &str, value: &str) -> std::io::Result<()> {
        if self.lines.is_empty() {
            return writeln!(self.out, "{key}\t{value}");
        }
        let k = {
            use std::hash::Hasher;
            let mut h = crate::hashing::Fnv::default();
            h.write(key.as_bytes());
            (h.finish() % self.lines.len() as u64) as usize
        };
        let line = &mut self.lines[k];
        if !line.is_empty() {
            line.push(RECORD_SEPARATOR);
        }
        line.push_str(key);
        line.push('\t');
        line.push_str(value);
        if line.len() >= Self::LINE {
            self.flush_shard(k)?;
        }
        Ok(())
    }

    /// Writes a line as it is, never packed (the Spark job tells them apart).
    pub fn line(&mut self, text: &str) -> std::io::Result<()> {
        writeln!(self.out, "{text}")
    }

    fn flush_shard(&mut self, k: usize) -> std::io::Result<()> {
        if !self.lines[k].is_empty() {
            writeln!(self.out, "{k}\t{}", self.lines[k])?;
            self.lines[k].clear();
        }
        Ok(())
    }

    /// Writes what is held; the writer back.
    pub fn finish(mut self) -> std::io::Result<W> {
        for k in 0..self.lines.len() {
            self.flush_shard(k)?;
        }
        Ok(self.out)
    }
}

/// The records of some input: its lines, and within a line of packed records
/// ([`Records`], the shard's key already taken off by the shuffle) each record.
fn records(text: &str) -> impl Iterator<Item = &str> {
    text.lines().flat_map(|l| l.split(RECORD_SEPARATOR)).filter(|r| !r.trim().is_empty())
}

/// Step 2: the links among the reaches of some buckets ("BUCKET\tREACH" records, one a
/// line or packed, each bucket's all here): "AT ROOT AT ROOT", a pair of units for each
/// join.
pub fn links(input: &str, out: &mut impl Write) -> std::io::Result<Result<(), String>> {
    let mut by_bucket: crate::hashing::FastMap<&str, Vec<Reaching>> = Default::default();
    for (n, record) in records(input).enumerate() {
        let Some((bucket, json)) = record.split_once('\t') else { return Ok(Err(format!("record {}: not \"BUCKET<TAB>REACH\"", n + 1))) };
        match serde_json::from_str::<Reaching>(json) {
            Ok(r) => by_bucket.entry(bucket).or_default().push(r),
            Err(e) => return Ok(Err(format!("record {}: not a reach ({e})", n + 1))),
        }
    }
    let mut buckets: Vec<(&str, Vec<Reaching>)> = by_bucket.into_iter().collect();
    buckets.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let found: Vec<Vec<(Unit, Unit)>> = buckets
        .par_iter()
        .map(|(bucket, rs)| {
            let items: Vec<spread::Item<Unit>> =
                rs.iter().map(|r| spread::Item { unit: r.unit, article: r.unit.0, reach: &r.reach }).collect();
            spread::links(spread::Bucket::is_day_key(bucket), &items)
        })
        .collect();
    for ((a0, a1), (b0, b1)) in found.into_iter().flatten() {
        writeln!(out, "{a0} {a1} {b0} {b1}")?;
    }
    Ok(Ok(()))
}

/// Pairs of units, a line "AT ROOT AT ROOT" each (the links, and the plan); `shape`
/// names the line in errors.
fn unit_pairs<'t>(text: &'t str, shape: &'t str) -> impl Iterator<Item = Result<(Unit, Unit), String>> + 't {
    text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).map(move |(n, l)| {
        let bad = || format!("line {}: not \"{shape}\"", n + 1);
        let v: Vec<usize> = l.split_whitespace().map(str::parse).collect::<Result<_, _>>().map_err(|_| bad())?;
        let [a0, a1, b0, b1] = v[..] else { return Err(bad()) };
        Ok(((a0, a1), (b0, b1)))
    })
}

/// Step 3: the plan, from the links of all buckets ("AT ROOT AT ROOT" lines): each
/// linked unit with its part, "AT ROOT PART_AT PART_ROOT" lines. A unit not listed is
/// a part of its own.
pub fn plan(links: &str) -> Result<Vec<(Unit, Unit)>, String> {
    let mut plan: Plan<Unit> = Plan::default();
    for pair in unit_pairs(links, "AT ROOT AT ROOT") {
        let (a, b) = pair?;
        plan.link(a, b);
    }
    Ok(plan.assignments())
}

/// Reads a plan ("AT ROOT PART_AT PART_ROOT" lines).
pub fn read_plan(text: &str) -> Result<crate::hashing::FastMap<Unit, Unit>, String> {
    unit_pairs(text, "AT ROOT PART_AT PART_ROOT").collect()
}

/// Step 4: an article's line cut by part: one line per part it has mentions in, with
/// that part.
pub fn split_by_plan(line: &ArticleMentions, plan: &crate::hashing::FastMap<Unit, Unit>) -> Vec<(Unit, ArticleMentions)> {
    let of: Vec<Unit> = spread::units(line).into_iter().map(|u| plan.get(&u).copied().unwrap_or(u)).collect();
    cut(line, &of)
}

/// One article's line cut by the part of each mention (`of`): a line per part, with
/// that part; `part_of` is counted within the new line (a mention whose `part_of` is
/// in another part points at itself, as [`events::merge_articles`] has it).
pub fn cut<K: Ord + Copy>(part: &ArticleMentions, of: &[K]) -> Vec<(K, ArticleMentions)> {
    let mut by_part: std::collections::BTreeMap<K, Vec<usize>> = Default::default();
    for (i, &k) in of.iter().enumerate() {
        by_part.entry(k).or_default().push(i);
    }
    by_part
        .into_iter()
        .map(|(k, ix)| {
            let mentions = ix
                .iter()
                .enumerate()
                .map(|(local, &i)| {
                    let mut m = part.mentions[i].clone();
                    m.part_of = m.part_of.filter(|&w| w < part.mentions.len()).map(|w| ix.binary_search(&w).unwrap_or(local));
                    m
                })
                .collect();
            (k, ArticleMentions { article: part.article.clone(), at: part.at, mentions })
        })
        .collect()
}

/// Step 5's input: `PART<TAB>LINE` records (one a line, or packed), the lines of each
/// part together; a record that is not one is reported and skipped.
pub fn read_keyed_parts(text: &str) -> (std::collections::BTreeMap<String, Vec<ArticleMentions>>, Vec<LoadError>) {
    let mut parts: std::collections::BTreeMap<String, Vec<ArticleMentions>> = Default::default();
    let mut skipped = Vec::new();
    for (n, line) in records(text).enumerate() {
        let parsed = line
            .split_once('\t')
            .ok_or_else(|| "no PART<TAB>".to_string())
            .and_then(|(k, json)| serde_json::from_str::<ArticleMentions>(json).map(|p| (k, p)).map_err(|e| e.to_string()));
        match parsed {
            Ok((k, p)) => parts.entry(k.to_string()).or_default().push(p),
            Err(e) => skipped.push(LoadError::new(
                std::path::Path::new("-"),
                format!("record {}: not a \"PART<TAB>LINE\" record ({e}); skipped", n + 1),
            )),
        }
    }
    (parts, skipped)
}

/// Step 5: the events of one part, merged as one ([`events::merge_part`]), each mention
/// naming its article by its place in the whole run (`a{at+1}`), not by its place
/// among these lines; [`join`] completes the timeline.
pub fn merge_part_by_place(mut parts: Vec<ArticleMentions>) -> Vec<Event> {
    parts.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    // `merge_part` names the kth line `article_id(k)`; it is the run's `article_id(at)`.
    let global: crate::hashing::FastMap<String, std::sync::Arc<str>> =
        parts.iter().enumerate().map(|(k, p)| (events::article_id(k), events::article_id(p.at).into())).collect();
    let mut events = events::merge_part(parts).events;
    for m in events.iter_mut().flat_map(|e| e.mentions.iter_mut()) {
        m.article = global[&*m.article].clone();
    }
    events
}

/// Step 6, the timeline of a merge spread over machines: the run's articles (their
/// lines, mentions not needed) with the events of every part ([`merge_part_by_place`]),
/// articles named in the run's order and events numbered. Each article's `at` must be
/// its own in the run (the Spark job numbers the records of its one stream).
pub fn join(mut heads: Vec<ArticleMentions>, mut events: Vec<Event>) -> Result<Timeline, String> {
    heads.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    let mut name: crate::hashing::FastMap<String, std::sync::Arc<str>> = Default::default();
    for (g, h) in heads.iter().enumerate() {
        if name.insert(events::article_id(h.at), events::article_id(g).into()).is_some() {
            return Err(format!("two articles have the place {}: number the run's articles once, across all its inputs", h.at));
        }
    }
    for m in events.iter_mut().flat_map(|e| e.mentions.iter_mut()) {
        m.article = name
            .get(&*m.article)
            .cloned()
            .ok_or_else(|| format!("an event names article {}, which is not among the articles", m.article))?;
    }
    events::number_events(&mut events);
    let articles = heads
        .into_iter()
        .enumerate()
        .map(|(g, mut h)| {
            h.article.id = events::article_id(g);
            h.article
        })
        .collect();
    Ok(Timeline { version: crate::timeline::VERSION, articles, events })
}

/// The reduce step spread over machines, in one process: the steps the Spark job
/// spreads, through the same functions. The articles are numbered in the run's order
/// (the job's `zipWithIndex`); their reaches are grouped by bucket and linked, the
/// links planned into parts, each line cut by part, the parts dealt into `bins` (each
/// part whole), each part merged alone; [`join`] puts them together. Gives
/// [`merge`]'s timeline, event ids aside, since [`events::merge_articles`] merges part
/// by part too.
pub fn merge_spread(mut parts: Vec<ArticleMentions>, bins: usize) -> Timeline {
    parts.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    for (g, p) in parts.iter_mut().enumerate() {
        p.at = g;
    }
    let mut records = Records::new(Vec::new(), None);
    for p in &parts {
        reach_lines(p, &mut records).expect("writes to memory");
    }
    let reach = records.finish().expect("writes to memory");
    let mut found = Vec::new();
    links(std::str::from_utf8(&reach).expect("UTF-8"), &mut found).expect("writes to memory").expect("lines written above");
    let plan = plan(std::str::from_utf8(&found).expect("ASCII")).expect("links written above").into_iter().collect();
    let bins = bins.max(1);
    let mut split: Vec<crate::hashing::FastMap<Unit, Vec<ArticleMentions>>> = (0..bins).map(|_| Default::default()).collect();
    for p in &parts {
        for (k, piece) in split_by_plan(p, &plan) {
            split[(k.0 * 31 + k.1) % bins].entry(k).or_default().push(piece);
        }
    }
    let events: Vec<Event> = split.into_par_iter().flat_map_iter(|bin| bin.into_values().flat_map(merge_part_by_place)).collect();
    let heads = parts.iter().map(ArticleMentions::head).collect();
    join(heads, events).expect("places numbered once above")
}

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
        let mut own = events::merge_articles(vec![p.clone()]).events;
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

/// The date partitions of a merge spread over machines: the merge ranges (start,
/// end) that no merge crosses, in date order.
///
/// Two mentions merge only when their merge ranges overlap (one contains the other,
/// or two publication dates a day apart meet), and a mention that is part of another
/// goes with it. So the mentions whose ranges overlap, directly or through others,
/// form one partition, and merging each partition on its own gives the events of one
/// merge of everything. A wide range (a year, a quarter) needs no rule of its own: it
/// joins the partitions it overlaps into one, so no merge that one machine makes is
/// lost; the cost is a larger partition, not a different timeline.
pub fn date_partitions(parts: &[ArticleMentions]) -> Vec<(NaiveDate, NaiveDate)> {
    unite(parts.iter().flat_map(|p| blocks(&p.mentions).into_iter().map(|(_, hull)| hull)).collect())
}

/// Date ranges united where they overlap, in date order: how the partitions of
/// several inputs become those of all of them.
pub fn unite(mut ranges: Vec<(NaiveDate, NaiveDate)>) -> Vec<(NaiveDate, NaiveDate)> {
    ranges.sort_unstable();
    let mut out: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for (s, e) in ranges {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// An article's mentions in blocks that stay together: each mention with those it is
/// part of. Each block is its mentions' indices and the hull of their merge ranges.
fn blocks(mentions: &[events::Placed]) -> Vec<(Vec<usize>, (NaiveDate, NaiveDate))> {
    let root = |mut i: usize| {
        // `part_of` points to an earlier or later mention of the same article; a chain ends
        // at a mention that is part of none (a bad index or a cycle ends it too).
        for _ in 0..mentions.len() {
            match mentions[i].part_of.filter(|&w| w < mentions.len() && w != i) {
                Some(w) => i = w,
                None => break,
            }
        }
        i
    };
    let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..mentions.len() {
        by_root.entry(root(i)).or_default().push(i);
    }
    by_root
        .into_values()
        .map(|ix| {
            let ranges = ix.iter().map(|&i| events::merge::merge_range(&mentions[i]));
            let hull = ranges.fold((NaiveDate::MAX, NaiveDate::MIN), |h, r| (h.0.min(r.0), h.1.max(r.1)));
            (ix, hull)
        })
        .collect()
}

/// One article's line cut into one line per date partition it has mentions in,
/// each with that partition's index; `part_of` is renumbered within the new line.
pub fn split_by_date(part: &ArticleMentions, partitions: &[(NaiveDate, NaiveDate)]) -> Vec<(usize, ArticleMentions)> {
    let mut by_partition: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (ix, hull) in blocks(&part.mentions) {
        let k = partitions.partition_point(|p| p.1 < hull.0).min(partitions.len().saturating_sub(1));
        by_partition.entry(k).or_default().extend(ix);
    }
    by_partition
        .into_iter()
        .map(|(k, mut ix)| {
            ix.sort_unstable();
            let mentions = ix
                .iter()
                .map(|&i| {
                    let mut m = part.mentions[i].clone();
                    m.part_of = m.part_of.and_then(|w| ix.binary_search(&w).ok());
                    m
                })
                .collect();
            (k, ArticleMentions { article: part.article.clone(), at: part.at, mentions })
        })
        .collect()
}

/// The events of some per-article lines merged, each mention naming its article by
/// its place in the whole run (`a{at+1}`), not by its place among these lines: a
/// partition's share of the merge spread by date, which [`join`] completes.
pub fn merge_events_by_place(mut parts: Vec<ArticleMentions>) -> Vec<Event> {
    parts.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    // `merge_articles` names the kth line `article_id(k)`; it is the run's `article_id(at)`.
    let global: crate::hashing::FastMap<String, std::sync::Arc<str>> =
        parts.iter().enumerate().map(|(k, p)| (events::article_id(k), events::article_id(p.at).into())).collect();
    let mut events = events::merge_articles(parts).events;
    for m in events.iter_mut().flat_map(|e| e.mentions.iter_mut()) {
        m.article = global[&*m.article].clone();
    }
    events
}

/// The timeline of a merge spread by date: the run's articles (their lines, mentions
/// not needed) with the events each partition merged ([`merge_events_by_place`]),
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

/// The reduce step spread by date, in one process: the steps the Spark job spreads
/// over machines. The articles are numbered in the run's order (the job's
/// `zipWithIndex`); each is cut by [`date_partitions`]; each partition merges on its
/// own (in parallel here); [`join`] puts them together. Gives [`merge`]'s timeline,
/// event ids aside, with one exception: in an article with more than
/// [`events::merge`]'s comparison limit of mentions sharing a word, a partition,
/// holding fewer of them, may compare (and so merge) a pair that one run skipped.
pub fn merge_by_date(mut parts: Vec<ArticleMentions>) -> Timeline {
    parts.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    // Numbering keeps the order: within a file the places were already increasing.
    for (g, p) in parts.iter_mut().enumerate() {
        p.at = g;
    }
    let partitions = date_partitions(&parts);
    let mut split: Vec<Vec<ArticleMentions>> = vec![Vec::new(); partitions.len()];
    for p in &parts {
        for (k, line) in split_by_date(p, &partitions) {
            split[k].push(line);
        }
    }
    let events: Vec<Event> = split.into_par_iter().flat_map_iter(merge_events_by_place).collect();
    let heads = parts.iter().map(ArticleMentions::head).collect();
    join(heads, events).expect("places numbered once above")
}

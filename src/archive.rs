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

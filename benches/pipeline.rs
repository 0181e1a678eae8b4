//! The whole pipeline at the sizes the issues name, with baselines from the same run:
//! - `load/read_files` (baseline: only reading the bytes of the files) and
//!   `load/10k_articles` (reading, decoding, tagging, events, merging) over
//!   10,000 articles generated from the TempEval-3 TBAQ texts with shifted dates;
//! - `export/svg_10k_events` (baseline: layout and SVG text only) and
//!   `export/png_10k_events` (the same, rasterised to a 1600×900 PNG).
//!
//! The articles are written once to `target/bench-articles/` (not committed).
//! Run with `cargo bench --bench pipeline`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use newsline::export::{self, ImageSpec};
use newsline::{events, source};

const ARTICLES: usize = 10_000;

/// The allocator the `newsline` binary uses, so the bench measures what users run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Writes ARTICLES text files: TBAQ document i mod 256, its date moved on by a
/// week per round, as a title line, a dateline and the text.
fn generate() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-articles");
    let done = dir.join(".complete");
    if done.exists() {
        return dir;
    }
    let path = std::env::var("NEWSLINE_TBAQ").unwrap_or_else(|_| "../shared/corpus/tempeval3/tbaq.jsonl".into());
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e} (set NEWSLINE_TBAQ)"));
    let docs: Vec<(String, NaiveDate)> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| Some((v["text"].as_str()?.to_string(), v["dct"].as_str()?.get(..10)?.parse().ok()?)))
        .collect();
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..ARTICLES {
        let (text, dct) = &docs[i % docs.len()];
        let date = *dct + Duration::weeks((i / docs.len()) as i64);
        let title = text.split_whitespace().take(10).collect::<Vec<_>>().join(" ");
        let body = format!("{title}\n{date}\n{}", text.trim());
        std::fs::write(dir.join(format!("{:02}/{i:05}.txt", i % 50)).tap_parent(), body).unwrap();
    }
    std::fs::write(&done, "").unwrap();
    dir
}

trait TapParent {
    fn tap_parent(self) -> Self;
}

impl TapParent for PathBuf {
    /// Creates the file's folder, then yields the path.
    fn tap_parent(self) -> Self {
        std::fs::create_dir_all(self.parent().unwrap()).unwrap();
        self
    }
}

fn bench(c: &mut Criterion) {
    let dir = generate();
    let (files, _) = source::collect_files(std::slice::from_ref(&dir));
    assert_eq!(files.len(), ARTICLES);
    let mut g = c.benchmark_group("load");
    g.sample_size(10);
    g.bench_function("read_files", |b| b.iter(|| files.iter().map(|f| std::fs::read(f).unwrap().len()).sum::<usize>()));
    g.bench_function("10k_articles", |b| {
        b.iter(|| {
            let loaded = source::load_paths(black_box(std::slice::from_ref(&dir)));
            events::extract(&loaded.articles).events.len()
        })
    });
    g.finish();

    let loaded = source::load_paths(std::slice::from_ref(&dir));
    let mut timeline = events::extract(&loaded.articles);
    eprintln!("{} articles, {} events", timeline.articles.len(), timeline.events.len());
    // A picture of 10,000 events in 20 lanes (one per source), as a wire-service
    // timeline would be drawn: the events keep their dates, their sources are folded.
    timeline.events.truncate(10_000);
    timeline.articles.truncate(20);
    for (i, e) in timeline.events.iter_mut().enumerate() {
        for m in &mut e.mentions {
            m.article = format!("a{}", i % 20 + 1).into();
        }
    }
    let spec = ImageSpec { width: 1600, height: 900, ..Default::default() };
    let mut g = c.benchmark_group("export");
    g.sample_size(10);
    g.bench_function("svg_10k_events", |b| b.iter(|| export::render_svg(black_box(&timeline), &spec).len()));
    g.bench_function("png_10k_events", |b| b.iter(|| export::render_png(black_box(&timeline), &spec).unwrap().len()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

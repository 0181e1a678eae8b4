//! Tagger throughput over the TempEval-3 TBAQ texts (`../shared/corpus/tempeval3/tbaq.jsonl`).
//!
//! Three measurements in one run, so the tagger's figure can be read against
//! baselines taken on the same machine at the same moment:
//! - `baseline/count_lines`: a pass over the bytes that does nothing clever;
//! - `scan`: the tokenizer with lexicon look-ups alone;
//! - `tag`: the full tagger (scan, rules, resolution).
//!
//! Run with `cargo bench --bench tagger`.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsline::temporal::{Tagger, scan};

fn corpus() -> Vec<(String, Option<NaiveDate>)> {
    let path = std::env::var("NEWSLINE_TBAQ").unwrap_or_else(|_| "../shared/corpus/tempeval3/tbaq.jsonl".into());
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e} (set NEWSLINE_TBAQ)"));
    data.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let dct = v["dct"].as_str().and_then(|d| d.parse().ok());
            (v["text"].as_str().unwrap_or_default().to_string(), dct)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    let mut group = c.benchmark_group("tbaq");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("baseline/count_lines", |b| {
        b.iter(|| docs.iter().map(|(t, _)| t.bytes().filter(|&c| c == b'\n').count()).sum::<usize>())
    });
    let mut toks = Vec::new();
    group.bench_function("scan", |b| {
        b.iter(|| {
            let mut n = 0;
            for (t, _) in &docs {
                scan::scan_into(black_box(t), &mut toks);
                n += toks.len();
            }
            n
        })
    });
    let mut tagger = Tagger::new();
    group.bench_function("tag", |b| {
        b.iter(|| {
            let mut n = 0;
            for (t, dct) in &docs {
                n += tagger.tag(black_box(t), *dct).len();
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

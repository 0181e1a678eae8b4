//! One long article (a live blog, a transcript, a long record in a dump): its cost
//! must grow with its length, not faster. N sentences, each "The company
//! announced results on <a date> and said it would meet again.", are extracted
//! at 5,000 and at 50,000 sentences; the time per mention should stay flat.
//!
//! Run with `cargo bench --bench long_article`.

use std::hint::black_box;

use chrono::{Duration, NaiveDate};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn article(n: usize) -> newsline::source::Article {
    let day0 = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap();
    let mut text = String::from("Company results\n2020-01-15\n");
    for i in 0..n {
        let d = day0 + Duration::days((i % 365) as i64);
        text.push_str(&format!("The company announced results on {} and said it would meet again. ", d.format("%B %-d, %Y")));
        if i % 5 == 4 {
            text.push('\n');
        }
    }
    newsline::source::text::read(&text)
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("long_article");
    g.sample_size(10);
    let mut per_mention = Vec::new();
    for n in [5_000usize, 50_000] {
        let a = article(n);
        let mentions: usize = newsline::events::extract(std::slice::from_ref(&a)).events.iter().map(|e| e.mentions.len()).sum();
        g.bench_with_input(BenchmarkId::new("sentences", n), &a, |b, a| {
            b.iter(|| black_box(newsline::events::extract(std::slice::from_ref(a))).events.len())
        });
        let t = std::time::Instant::now();
        black_box(newsline::events::extract(std::slice::from_ref(&a)));
        per_mention.push((n, mentions, t.elapsed().as_secs_f64() * 1e6 / mentions.max(1) as f64));
    }
    g.finish();
    eprintln!("\n{:>10} {:>10} {:>16}", "sentences", "mentions", "µs per mention");
    for (n, m, us) in per_mention {
        eprintln!("{n:>10} {m:>10} {us:>16.2}");
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Tags the TBAQ texts repeatedly, for profiling the tagger with perf:
//! `cargo build --release --example tag_speed && perf record target/release/examples/tag_speed`.
//! The benchmark of record is `cargo bench --bench tagger`.

fn main() {
    let path = std::env::var("NEWSLINE_TBAQ").unwrap_or_else(|_| "../shared/corpus/tempeval3/tbaq.jsonl".into());
    let data = std::fs::read_to_string(&path).expect("the TBAQ corpus");
    let docs: Vec<(String, Option<chrono::NaiveDate>)> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| (v["text"].as_str().unwrap_or_default().to_string(), v["dct"].as_str().and_then(|d| d.get(..10)?.parse().ok())))
        .collect();
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    let rounds = 40;
    let mut tagger = newsline::temporal::Tagger::new();
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for (t, d) in &docs {
            n += tagger.tag(t, *d).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{n} timexes, {:.1} MB/s", (bytes * rounds) as f64 / secs / 1e6);
}

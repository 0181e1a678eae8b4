//! Part-of-speech tagging speed over the TBAQ texts, in MB/s and words/s, for profiling.
//!
//! cargo run --release --example pos_speed

use newsline::events::sentences::sentences;
use newsline::language::{pos::Model, tokens};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/corpus/tempeval3/tbaq.jsonl".into());
    let data = std::fs::read_to_string(&path).expect("read the corpus");
    let texts: Vec<String> =
        data.lines().filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()?["text"].as_str().map(String::from)).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let model = Model::english();
    let mut words = 0usize;
    let mut toks = Vec::new();
    let mut scratch = newsline::language::pos::Scratch::default();
    let mut tags = Vec::new();
    let started = std::time::Instant::now();
    let rounds: usize = std::env::var("ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(10);
    for _ in 0..rounds {
        for t in &texts {
            for (s, e) in sentences(t) {
                toks.clear();
                tokens::tokenize_into(t, s, e, &mut toks);
                let ws: Vec<&str> = toks.iter().map(|k| k.text(t)).collect();
                tags.clear();
                model.tag_into(&ws, &mut scratch, &mut tags);
                words += tags.len();
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!("{:.1} MB/s, {:.2} M words/s ({words} words)", (bytes * rounds) as f64 / secs / 1e6, words as f64 / secs / 1e6);
}

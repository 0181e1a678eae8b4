//! A large timeline JSON for the "1M events open in ≤ 3 s within 1 GB" check:
//!
//! ```sh
//! cargo run --release --example large_timeline -- gen 1000000 target/large.json
//! cargo run --release --example large_timeline -- open target/large.json
//! ```
//!
//! `gen` writes a deterministic timeline (Contract 2, pretty-printed as
//! `newsline extract` writes it; `--compact` for one line) of N events from 20
//! sources over ten years (`benches/common/synthetic.rs`).
//! `open` reads it the way the app does (`source::load_paths`, then the drawing
//! index) and prints the wall time and the process's peak resident memory.

#[path = "../benches/common/synthetic.rs"]
mod synthetic;

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("gen") => {
            let n: usize = args.get(2).and_then(|a| a.parse().ok()).expect("gen N PATH");
            let path = args.get(3).expect("gen N PATH");
            let t = synthetic::timeline(n, 20);
            let f = std::io::BufWriter::new(std::fs::File::create(path).expect("create the file"));
            if args.get(4).map(String::as_str) == Some("--compact") {
                serde_json::to_writer(f, &t)
            } else {
                serde_json::to_writer_pretty(f, &t)
            }
            .expect("write the timeline");
            println!("wrote {n} events to {path} ({} MB)", std::fs::metadata(path).map_or(0, |m| m.len() >> 20));
        }
        Some("open") => {
            let path = std::path::PathBuf::from(args.get(2).expect("open PATH"));
            let t0 = std::time::Instant::now();
            let loaded = newsline::source::load_paths(&[path]);
            let saved: Vec<_> =
                loaded.timelines.into_iter().map(|s| newsline::timeline::Timeline::read_saved(s).expect("a readable timeline")).collect();
            let parsed_mb = peak_rss_mb();
            let parsed_s = t0.elapsed().as_secs_f64();
            let mut timeline = newsline::events::extract(&loaded.articles);
            for t in saved {
                timeline.append(t);
            }
            let index = newsline::layout::index::TimelineIndex::new(&timeline);
            let secs = t0.elapsed().as_secs_f64();
            println!(
                "{} events opened and indexed in {secs:.2} s (parsed in {parsed_s:.2} s, {parsed_mb:.0} MB); peak resident memory {:.0} MB; errors: {}",
                index.len(),
                peak_rss_mb(),
                loaded.errors.len()
            );
        }
        _ => eprintln!("usage: large_timeline gen N PATH | open PATH"),
    }
}

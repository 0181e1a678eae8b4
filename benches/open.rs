//! Opening a saved timeline of a million events: `source::load_paths` (the
//! JSON streamed from disk) and the drawing index, as the app does. The file
//! (574 MB, pretty-printed like `newsline extract` writes it) is generated
//! once into `target/bench-large.json`. Baseline in the same run: reading the
//! same file's bytes. After the measurements it prints the process's peak
//! resident memory, which includes criterion's repeated opens.
//!
//! Run with `cargo bench --bench open`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};

#[path = "common/synthetic.rs"]
mod synthetic;

fn file() -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-large.json");
    if !path.exists() {
        let t = synthetic::timeline(1_000_000, 20);
        let f = std::io::BufWriter::new(std::fs::File::create(&path).expect("create the file"));
        serde_json::to_writer_pretty(f, &t).expect("write the timeline");
    }
    path
}

fn bench(c: &mut Criterion) {
    let path = file();
    let mut g = c.benchmark_group("open");
    g.sample_size(10);
    g.bench_function("baseline/read_bytes", |b| b.iter(|| std::fs::read(black_box(&path)).map(|v| v.len()).unwrap_or(0)));
    g.bench_function("timeline_1m_events", |b| {
        b.iter(|| {
            let loaded = newsline::source::load_paths(std::slice::from_ref(&path));
            let saved = loaded.timelines.into_iter().next().expect("the timeline");
            let timeline = newsline::timeline::Timeline::read_saved(saved).expect("a readable timeline");
            newsline::layout::index::TimelineIndex::new(&timeline).len()
        })
    });
    g.finish();
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(hwm) = status.lines().find(|l| l.starts_with("VmHWM:")) {
        eprintln!("peak resident memory of the bench process: {}", hwm.trim_start_matches("VmHWM:").trim());
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

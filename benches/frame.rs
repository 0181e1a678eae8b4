//! Frames of the timeline view, drawn headless: egui `Context::run_ui` with the
//! real `timeline_ui` (labels on), then tessellation, as a GPU backend would
//! receive it. Each iteration is one frame of a fixed sequence of pans and
//! zooms, from the whole span down to a week, with 10k, 100k and 1M events in
//! 20 lanes. Baseline in the same run: an empty frame (the plot, no events).
//!
//! Run with `cargo bench --bench frame`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use newsline::app::timeline_view::timeline_ui;
use newsline::layout::index::TimelineIndex;
use newsline::layout::x_from_date;
use newsline::timeline::Timeline;

#[path = "common/synthetic.rs"]
mod synthetic;

const LANES: usize = 20;

fn synthetic(n: usize) -> Timeline {
    synthetic::timeline(n, LANES)
}

/// The views of one navigation sequence: zoom in from the whole span to a week around
/// a busy spot, pan across it, and zoom out again.
fn views(tl: &Timeline) -> Vec<(f64, f64)> {
    let (s, e) = tl.date_span().map(|(s, e)| (x_from_date(s), x_from_date(e) + 1.0)).unwrap_or((0.0, 1.0));
    let centre = s + 73.0 * 20.0 + 3.0;
    let mut v = Vec::new();
    let mut width = e - s;
    while width > 7.0 {
        v.push((centre - width / 2.0, centre + width / 2.0));
        width /= 1.5;
    }
    for k in 0..20 {
        let c = centre + k as f64 * 2.0;
        v.push((c - 3.5, c + 3.5));
    }
    let mut w = 7.0;
    while w < e - s {
        v.push((centre - w / 2.0, centre + w / 2.0));
        w *= 1.5;
    }
    v
}

fn frame(ctx: &egui::Context, tl: &Timeline, idx: &TimelineIndex, view: (f64, f64)) -> usize {
    let input =
        egui::RawInput { screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0))), ..Default::default() };
    let out = ctx.run_ui(input, |ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            black_box(timeline_ui(ui, tl, idx, None, Some(view)));
        });
    });
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("frame");
    g.sample_size(60);
    let empty = synthetic(0);
    let empty_idx = TimelineIndex::new(&empty);
    let ctx = egui::Context::default();
    let v0 = views(&synthetic(1000));
    let mut report = Vec::new();
    let mut k = 0;
    g.bench_function("baseline/empty", |b| {
        b.iter(|| {
            k = (k + 1) % v0.len();
            frame(&ctx, &empty, &empty_idx, v0[k])
        })
    });
    for n in [10_000usize, 100_000, 1_000_000] {
        let tl = synthetic(n);
        let idx = TimelineIndex::new(&tl);
        let vs = views(&tl);
        let ctx = egui::Context::default();
        // Warm the font atlas and the plot's memory.
        frame(&ctx, &tl, &idx, vs[0]);
        let mut k = 0;
        g.bench_with_input(BenchmarkId::new("pan_zoom", n), &n, |b, _| {
            b.iter(|| {
                k = (k + 1) % vs.len();
                frame(&ctx, &tl, &idx, vs[k])
            })
        });
        report.push((n, per_frame(&ctx, &tl, &idx, &vs)));
    }
    window(&mut g);
    g.finish();
    // Criterion reports means of batches; the issue asks for the median and p95 of frames.
    eprintln!("\nper-frame times over 5 passes of the {}-view pan/zoom sequence:", views(&synthetic(1000)).len());
    eprintln!("{:>10} {:>10} {:>10} {:>10}", "events", "median", "p95", "max");
    for (n, (median, p95, max)) in report {
        eprintln!("{n:>10} {median:>8.2}ms {p95:>8.2}ms {max:>8.2}ms");
    }
}

/// Frames of the whole window as a user sees it — top bar, sources, details and the
/// timeline — with the A380 sample open, through the app's own `ui_root`.
fn window(g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    let ctx = egui::Context::default();
    let mut app = newsline::app::NewslineApp::new(vec!["sample_data/wikinews-a380".into()]);
    let frame = |app: &mut newsline::app::NewslineApp| {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0))),
            ..Default::default()
        };
        let out = ctx.run_ui(input, |ui| app.ui_root(ui));
        ctx.tessellate(out.shapes, out.pixels_per_point).len()
    };
    let start = std::time::Instant::now();
    while app.is_loading() || app.timeline().events.is_empty() {
        frame(&mut app);
        std::thread::sleep(std::time::Duration::from_millis(5));
        assert!(start.elapsed().as_secs() < 60, "the sample did not load");
    }
    g.bench_function("window/a380", |b| b.iter(|| frame(&mut app)));
}

/// Median, 95th percentile and maximum of single frames, in milliseconds.
fn per_frame(ctx: &egui::Context, tl: &Timeline, idx: &TimelineIndex, vs: &[(f64, f64)]) -> (f64, f64, f64) {
    let mut times: Vec<f64> = Vec::new();
    for _ in 0..5 {
        for &v in vs {
            let t = std::time::Instant::now();
            black_box(frame(ctx, tl, idx, v));
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95), at(1.0))
}

criterion_group!(benches, bench);
criterion_main!(benches);

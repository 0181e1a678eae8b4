//! How a merge spreads over machines: the per-article lines on stdin, planned into
//! parts as the Spark job plans them (`newsline merge --reach`, `--links`, `--plan`,
//! `--split`), with the share of mentions in the largest parts; and whether the merge
//! spread over 64 bins gives the timeline of one merge.
//!
//!     newsline extract --per-article --format jsonl - < records | cargo run --release --example spread_stats

use newsline::archive;

fn comparable(t: &newsline::timeline::Timeline) -> Vec<String> {
    let mut v: Vec<String> = t
        .events
        .iter()
        .map(|e| format!("{}..{} {} {:?} {}", e.start, e.end, e.title, e.basis, serde_json::to_string(&e.mentions).unwrap()))
        .collect();
    v.sort();
    v
}

fn main() -> std::io::Result<()> {
    let mut lines = Vec::new();
    let mut skipped = Vec::new();
    archive::read_parts(std::io::stdin().lock(), "-", &mut lines, &mut skipped)?;
    for (g, l) in lines.iter_mut().enumerate() {
        l.at = g;
    }
    let t = std::time::Instant::now();
    let mut records = archive::Records::new(Vec::new(), None);
    for l in &lines {
        archive::reach_lines(l, &mut records)?;
    }
    let reach = records.finish()?;
    let mut links = Vec::new();
    archive::links(std::str::from_utf8(&reach).unwrap(), &mut links)?.expect("reach lines");
    let plan: newsline::hashing::FastMap<_, _> = archive::plan(std::str::from_utf8(&links).unwrap()).unwrap().into_iter().collect();
    let mut sizes: std::collections::HashMap<(usize, usize), usize> = Default::default();
    for l in &lines {
        for (k, piece) in archive::split_by_plan(l, &plan) {
            *sizes.entry(k).or_default() += piece.mentions.len();
        }
    }
    let mut sizes: Vec<usize> = sizes.into_values().collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    let total: usize = sizes.iter().sum();
    let share = |k: usize| 100.0 * sizes.get(k).copied().unwrap_or(0) as f64 / total.max(1) as f64;
    println!(
        "{} lines ({} skipped): {} reach lines ({:.1} MB), {} links, {} units in the plan; {} parts in {:.2} s, the largest {:.1} %, then {:.1} %, {:.1} % of {total} mentions",
        lines.len(),
        skipped.len(),
        reach.iter().filter(|&&b| b == b'\n').count(),
        reach.len() as f64 / 1e6,
        links.iter().filter(|&&b| b == b'\n').count(),
        plan.len(),
        sizes.len(),
        t.elapsed().as_secs_f64(),
        share(0),
        share(1),
        share(2)
    );
    let t = std::time::Instant::now();
    let one = archive::merge(lines.clone());
    let one_s = t.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    let spread = archive::merge_spread(lines, 64);
    println!(
        "one merge {one_s:.2} s, spread over 64 bins {:.2} s; {} and {} events; the same timeline: {}",
        t.elapsed().as_secs_f64(),
        one.events.len(),
        spread.events.len(),
        comparable(&one) == comparable(&spread)
    );
    Ok(())
}

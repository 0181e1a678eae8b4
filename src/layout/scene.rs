//! The scene: everything a picture of the timeline holds, in pixels, computed
//! from the model alone. The SVG/PNG exporter draws it as it is; nothing here
//! knows about SVG or egui.
//!
//! Labels are placed greedily by importance (events reported by more sources
//! first, then earlier ones) into a few rows above each lane; a label that would
//! overlap one already placed is left out, never drawn on top of it.

use crate::layout::index::TimelineIndex;
use crate::layout::ticks;
use crate::timeline::{Event, Timeline};

/// At most this many events in view are drawn one by one; beyond it the view
/// shows density bars per lane, with the most reported events still marked.
pub const DETAIL_BUDGET: usize = 3000;
/// Events marked (and so labellable) on top of density bars.
const DENSE_MARKS: usize = 300;
/// Label candidates tried per frame, most important first.
const LABEL_TRIES: usize = 400;

/// What to draw and how big.
#[derive(Debug, Clone)]
pub struct SceneSpec {
    pub width: f32,
    pub height: f32,
    /// Visible x range, in days since 1970-01-01 (see [`layout::x_from_date`]).
    pub x_min: f64,
    pub x_max: f64,
    pub title: String,
    /// Font size of labels, in pixels.
    pub font_size: f32,
    /// Room for a title, a legend, an axis and a footer (a picture), or none
    /// (the window, where the plot draws its own axis).
    pub framed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rect {
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LaneBand {
    pub top: f32,
    pub bottom: f32,
    pub name: String,
    pub colour: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub event: usize,
    pub lane: usize,
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    /// A single day (or less) at this zoom: drawn as a point.
    pub point: bool,
    /// The range's start or end is vague (a month, a week, "late November"): drawn fading.
    pub fuzzy: bool,
    /// The date was inferred (the narrative, the publication date), not written
    /// beside the event: drawn hollow, or lighter.
    pub inferred: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub event: usize,
    pub lane: usize,
    pub x: f32,
    /// Baseline of the text.
    pub y: f32,
    pub width: f32,
    pub text: String,
    /// Where the leader line from the label meets its marker.
    pub anchor: (f32, f32),
}

/// Many events close together in one lane, drawn as one bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub lane: usize,
    pub x0: f32,
    pub x1: f32,
    pub top: f32,
    pub bottom: f32,
    pub count: u32,
    /// The densest column's share of the densest column in view, 0–1, for shading.
    pub density: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: f32,
    pub height: f32,
    pub title: String,
    pub plot: Rect,
    pub ticks: Vec<(f32, String)>,
    pub lanes: Vec<LaneBand>,
    pub marks: Vec<Mark>,
    pub clusters: Vec<Cluster>,
    pub labels: Vec<Label>,
    pub footer: String,
}

/// Width of a label in pixels. Conservative for DejaVu Sans, the export font,
/// so that labels measured apart are apart when drawn.
pub fn text_width(text: &str, font_size: f32) -> f32 {
    text.chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | '\'' | ':' | ';' | '|' | '!' | ' ' => 0.34,
            'm' | 'w' | 'M' | 'W' | '—' | '…' => 0.92,
            c if c.is_uppercase() => 0.72,
            _ => 0.62,
        })
        .sum::<f32>()
        * font_size
}

/// Label text: the title, cut at a word boundary.
pub fn label_text(title: &str, max_chars: usize) -> String {
    if title.chars().count() <= max_chars {
        return title.to_string();
    }
    let cut: String = title.chars().take(max_chars - 1).collect();
    let at = cut.rfind(' ').filter(|&i| i > max_chars / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':']))
}

/// The lane of each event: the article of its first mention.
pub fn lanes_of(timeline: &Timeline) -> Vec<usize> {
    let index: std::collections::HashMap<&str, usize> = timeline.articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    timeline.events.iter().map(|e| e.mentions.first().and_then(|m| index.get(m.article.as_ref()).copied()).unwrap_or(0)).collect()
}

fn is_fuzzy(e: &Event) -> bool {
    e.modifier.is_some() || e.granularity.is_wide()
}

/// Rows of labels above each lane's markers.
const LABEL_ROWS: usize = 6;

/// Lays out the timeline for a picture of `spec`'s size and range.
pub fn build(timeline: &Timeline, spec: &SceneSpec) -> Scene {
    build_indexed(timeline, &TimelineIndex::new(timeline), spec)
}

/// [`build`] with the timeline's index already made (the window keeps it).
/// The work grows with the events in view, capped by [`DETAIL_BUDGET`], and
/// with the size of the picture, not with the whole timeline.
pub fn build_indexed(timeline: &Timeline, idx: &TimelineIndex, spec: &SceneSpec) -> Scene {
    let n_lanes = idx.n_lanes.max(1);
    let plot = if spec.framed {
        let title_h = if spec.title.is_empty() { 12.0 } else { spec.font_size * 2.6 };
        let legend_w = (spec.width * 0.22).clamp(120.0, 280.0);
        let footer_h = spec.font_size * 2.0;
        let axis_h = spec.font_size * 2.4;
        Rect { left: 16.0, top: title_h, right: spec.width - legend_w - 16.0, bottom: spec.height - footer_h - axis_h }
    } else {
        Rect { left: 0.0, top: 0.0, right: spec.width, bottom: spec.height }
    };
    // Lanes share the height, but a few lanes stay compact at the top rather than
    // stretching their markers far from one another.
    let lane_h = ((plot.bottom - plot.top) / n_lanes as f32).clamp(0.01, spec.font_size * 14.0);
    let span = (spec.x_max - spec.x_min).max(1e-9);
    let scale = (plot.right - plot.left) as f64 / span;
    let px = |x: f64| plot.left + ((x - spec.x_min) * scale) as f32;

    let ticks = ticks::ticks(spec.x_min, spec.x_max, (plot.right - plot.left) as f64, 90.0)
        .into_iter()
        .map(|t| (px(t.x), t.label))
        .filter(|(x, _)| *x >= plot.left && *x <= plot.right)
        .collect();

    // Bands only where a lane is tall enough to see.
    let bands = if lane_h >= 2.0 {
        (0..n_lanes)
            .map(|i| LaneBand {
                top: plot.top + i as f32 * lane_h,
                bottom: plot.top + (i + 1) as f32 * lane_h,
                name: if spec.framed { idx.lane_names.get(i).cloned().unwrap_or_default() } else { String::new() },
                colour: i,
            })
            .collect()
    } else {
        Vec::new()
    };

    // Markers sit low in their lane; label rows stack above them.
    let marker_y = |lane: usize| plot.top + (lane as f32 + 0.8) * lane_h;
    let mark_at = |p: usize| {
        let e = idx.order[p] as usize;
        let lane = idx.lanes[p] as usize;
        let (p0, p1) = (px(idx.starts[p]).max(plot.left - 2.0), px(idx.ends[p]).min(plot.right + 2.0));
        let ev = &timeline.events[e];
        Mark {
            event: e,
            lane,
            x0: p0,
            x1: p1,
            y: marker_y(lane),
            point: p1 - p0 < 4.0,
            fuzzy: is_fuzzy(ev),
            inferred: ev.basis.is_inferred(),
        }
    };
    let range = idx.candidates(spec.x_min, spec.x_max);
    let in_view = |p: &usize| idx.ends[*p] >= spec.x_min;
    let (marks, clusters): (Vec<Mark>, Vec<Cluster>) = if range.len() <= DETAIL_BUDGET {
        (range.filter(in_view).map(mark_at).collect(), Vec::new())
    } else {
        let clusters = density(idx, range.clone(), &plot, lane_h, &px);
        // The most reported events stay marked, so they keep their labels: chosen
        // from an even sample of the view, so the cost stays bounded.
        let step = (range.len() / (DENSE_MARKS * 8)).max(1);
        let mut top: Vec<usize> = range.step_by(step).filter(in_view).collect();
        // Ties (most events have one mention) are broken by a scrambled position,
        // so the marked events spread over the view instead of bunching at its start.
        top.sort_by_key(|&p| (std::cmp::Reverse(idx.weight[p]), (p as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32, p));
        top.truncate(DENSE_MARKS);
        top.sort_unstable();
        (top.into_iter().map(mark_at).collect(), clusters)
    };

    let labels = place_labels(timeline, &marks, spec, &plot, lane_h);
    let footer = if spec.framed { footer_text(timeline) } else { String::new() };
    Scene { width: spec.width, height: spec.height, title: spec.title.clone(), plot, ticks, lanes: bands, marks, clusters, labels, footer }
}

/// Width in pixels of one density column.
const COLUMN_PX: f32 = 3.0;

/// Counts the events in view per lane and per column of a few pixels, and
/// merges neighbouring non-empty columns into bars.
fn density(idx: &TimelineIndex, range: std::ops::Range<usize>, plot: &Rect, lane_h: f32, px: &dyn Fn(f64) -> f32) -> Vec<Cluster> {
    let n_lanes = idx.n_lanes.max(1);
    // Many thin lanes share a row of at least two pixels.
    let rows = n_lanes.min((((plot.bottom - plot.top) / 2.0).max(1.0)) as usize).max(1);
    let cols = (((plot.right - plot.left) / COLUMN_PX).ceil() as usize).max(1);
    let mut counts = vec![0u32; rows * cols];
    let x_min_px = plot.left;
    for p in range {
        let (a, b) = (px(idx.starts[p]), px(idx.ends[p]));
        if b < x_min_px || a > plot.right {
            continue;
        }
        let mid = ((a.max(plot.left) + b.min(plot.right)) / 2.0 - plot.left) / COLUMN_PX;
        let col = (mid as usize).min(cols - 1);
        let row = idx.lanes[p] as usize * rows / n_lanes;
        counts[row * cols + col] += 1;
    }
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f32;
    let row_h = (plot.bottom - plot.top).min(lane_h * n_lanes as f32) / rows as f32;
    let mut out = Vec::new();
    for row in 0..rows {
        let line = &counts[row * cols..(row + 1) * cols];
        let mut c = 0;
        while c < cols {
            if line[c] == 0 {
                c += 1;
                continue;
            }
            let start = c;
            let (mut total, mut peak) = (0u32, 0u32);
            while c < cols && line[c] > 0 {
                total += line[c];
                peak = peak.max(line[c]);
                c += 1;
            }
            let lane = row * n_lanes / rows;
            // A bar sits where the lane's markers would, a third of the row high.
            let y = plot.top + (row as f32 + 0.8) * row_h;
            let h = (row_h * 0.35).clamp(1.0, 8.0);
            out.push(Cluster {
                lane,
                x0: plot.left + start as f32 * COLUMN_PX,
                x1: plot.left + c as f32 * COLUMN_PX,
                top: y - h,
                bottom: y + h,
                count: total,
                density: (peak as f32 / max).sqrt(),
            });
        }
    }
    out
}

fn place_labels(timeline: &Timeline, marks: &[Mark], spec: &SceneSpec, plot: &Rect, lane_h: f32) -> Vec<Label> {
    let row_h = spec.font_size * 1.35;
    let rows = (((lane_h * 0.8 - spec.font_size * 0.6) / row_h).floor() as usize).clamp(0, LABEL_ROWS);
    if rows == 0 {
        return Vec::new();
    }
    let mut order: Vec<&Mark> = marks.iter().collect();
    order.sort_by(|a, b| {
        let (ea, eb) = (&timeline.events[a.event], &timeline.events[b.event]);
        eb.mentions.len().cmp(&ea.mentions.len()).then(ea.start.cmp(&eb.start)).then(a.event.cmp(&b.event))
    });
    order.truncate(LABEL_TRIES);
    // Occupied x intervals per (lane, row), kept sorted by start.
    let mut taken: Vec<Vec<(f32, f32)>> = vec![Vec::new(); marks.iter().map(|m| m.lane + 1).max().unwrap_or(0) * rows];
    let mut out = Vec::new();
    let gap = spec.font_size * 0.6;
    for m in order {
        let e = &timeline.events[m.event];
        // A label starts at its marker, or, where that runs out of room, ends at it;
        // near the right edge it is also shortened, down to a readable minimum.
        // Titles are short headlines (at most 60 characters): whole wherever there is room.
        let mut chars = 60;
        let mut text = label_text(&e.title, chars);
        let mut w = text_width(&text, spec.font_size);
        while m.x0.max(plot.left) + w > plot.right && m.x1.min(plot.right) - w < plot.left && chars > 12 {
            chars -= 4;
            text = label_text(&e.title, chars);
            w = text_width(&text, spec.font_size);
        }
        let candidates = [m.x0.max(plot.left), m.x1.min(plot.right) - w];
        'rows: for row in 0..rows {
            for &x in &candidates {
                if x < plot.left || x + w > plot.right {
                    continue;
                }
                let slot = &mut taken[m.lane * rows + row];
                let at = slot.partition_point(|&(s, _)| s < x);
                let clear_before = at == 0 || slot[at - 1].1 + gap <= x;
                let clear_after = at == slot.len() || x + w + gap <= slot[at].0;
                if clear_before && clear_after {
                    slot.insert(at, (x, x + w));
                    let y = m.y - spec.font_size * 0.7 - row as f32 * row_h;
                    let anchor_x = if x == candidates[0] { x } else { x + w };
                    out.push(Label { event: m.event, lane: m.lane, x, y, width: w, text, anchor: (anchor_x, m.y) });
                    break 'rows;
                }
            }
        }
    }
    out
}

/// "Sources: en.wikinews.org (10 articles)" and where the picture came from.
fn footer_text(timeline: &Timeline) -> String {
    let mut hosts: Vec<(String, usize)> = Vec::new();
    for a in &timeline.articles {
        let host =
            a.url.as_deref().and_then(|u| u.split("://").nth(1)).and_then(|r| r.split('/').next()).unwrap_or("local files").to_string();
        match hosts.iter_mut().find(|(h, _)| *h == host) {
            Some((_, n)) => *n += 1,
            None => hosts.push((host, 1)),
        }
    }
    let list: Vec<String> = hosts.iter().map(|(h, n)| if *n == 1 { h.clone() } else { format!("{h} ({n})") }).collect();
    format!("Sources: {} · Timeline by Newsline", if list.is_empty() { "none".to_string() } else { list.join(", ") })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_never_overlap() {
        let text = include_str!("../../sample_data/huawei-ncsc-walkout-2018-12-13.txt");
        let a = crate::source::text::read(text);
        let tl = crate::events::extract(&[a]);
        let (s, e) = tl.date_span().unwrap();
        for width in [400.0, 800.0, 1600.0] {
            let spec = SceneSpec {
                width,
                height: 400.0,
                x_min: crate::layout::x_from_date(s) - 30.0,
                x_max: crate::layout::x_from_date(e) + 30.0,
                title: "t".into(),
                font_size: 12.0,
                framed: true,
            };
            let scene = build(&tl, &spec);
            assert_eq!(scene.marks.len(), tl.events.len());
            assert!(!scene.labels.is_empty());
            for (i, a) in scene.labels.iter().enumerate() {
                assert!(a.x >= scene.plot.left && a.x + a.width <= scene.plot.right);
                for b in &scene.labels[i + 1..] {
                    let same_row = (a.y - b.y).abs() < 1.0;
                    assert!(!same_row || a.x + a.width <= b.x || b.x + b.width <= a.x, "{a:?} overlaps {b:?}");
                }
            }
        }
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        assert_eq!(label_text("BT Group announced that it would strip Huawei equipment", 30), "BT Group announced that it…");
        assert_eq!(label_text("Short", 30), "Short");
    }
}

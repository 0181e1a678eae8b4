//! The scene: everything a picture of the timeline holds, in pixels, computed
//! from the model alone. The SVG/PNG exporter draws it as it is; nothing here
//! knows about SVG or egui.
//!
//! Labels are placed greedily by importance (events reported by more sources
//! first, then earlier ones) into a few rows above each lane; a label that would
//! overlap one already placed is left out, never drawn on top of it.

use crate::layout::{self, ticks};
use crate::timeline::{Event, Timeline};

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

#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: f32,
    pub height: f32,
    pub title: String,
    pub plot: Rect,
    pub ticks: Vec<(f32, String)>,
    pub lanes: Vec<LaneBand>,
    pub marks: Vec<Mark>,
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
    timeline.events.iter().map(|e| e.mentions.first().and_then(|m| index.get(m.article.as_str()).copied()).unwrap_or(0)).collect()
}

fn is_fuzzy(e: &Event) -> bool {
    e.modifier.is_some()
        || matches!(e.granularity.as_str(), "week" | "month" | "quarter" | "half" | "season" | "year" | "decade" | "century")
}

/// Rows of labels above each lane's markers.
const LABEL_ROWS: usize = 6;

/// Lays out the timeline for a picture of `spec`'s size and range.
pub fn build(timeline: &Timeline, spec: &SceneSpec) -> Scene {
    build_with_lanes(timeline, &lanes_of(timeline), spec)
}

/// [`build`] with the lane of each event already known (the window keeps them).
pub fn build_with_lanes(timeline: &Timeline, lanes: &[usize], spec: &SceneSpec) -> Scene {
    let n_lanes = timeline.articles.len().max(1);
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
    let lane_h = ((plot.bottom - plot.top) / n_lanes as f32).clamp(1.0, spec.font_size * 14.0);
    let span = (spec.x_max - spec.x_min).max(1e-9);
    let px = |x: f64| plot.left + ((x - spec.x_min) / span) as f32 * (plot.right - plot.left);

    let ticks = ticks::ticks(spec.x_min, spec.x_max, (plot.right - plot.left) as f64, 90.0)
        .into_iter()
        .map(|t| (px(t.x), t.label))
        .filter(|(x, _)| *x >= plot.left && *x <= plot.right)
        .collect();

    let bands = (0..n_lanes)
        .map(|i| LaneBand {
            top: plot.top + i as f32 * lane_h,
            bottom: plot.top + (i + 1) as f32 * lane_h,
            name: timeline.articles.get(i).map(|a| a.title.clone()).unwrap_or_default(),
            colour: i,
        })
        .collect::<Vec<_>>();

    // Markers sit low in their lane; label rows stack above them.
    let marker_y = |lane: usize| plot.top + (lane as f32 + 0.8) * lane_h;
    let mut marks = Vec::new();
    for (i, e) in timeline.events.iter().enumerate() {
        let (x0, x1) = (layout::x_from_date(e.start), layout::x_from_date(e.end) + 1.0);
        if x1 < spec.x_min || x0 > spec.x_max {
            continue;
        }
        let lane = lanes.get(i).copied().unwrap_or(0);
        let (p0, p1) = (px(x0).max(plot.left - 2.0), px(x1).min(plot.right + 2.0));
        marks.push(Mark { event: i, lane, x0: p0, x1: p1, y: marker_y(lane), point: p1 - p0 < 4.0, fuzzy: is_fuzzy(e) });
    }

    let labels = place_labels(timeline, &marks, spec, &plot, lane_h);
    let footer = footer_text(timeline);
    Scene { width: spec.width, height: spec.height, title: spec.title.clone(), plot, ticks, lanes: bands, marks, labels, footer }
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
    // Occupied x intervals per (lane, row), kept sorted by start.
    let mut taken: Vec<Vec<(f32, f32)>> = vec![Vec::new(); marks.iter().map(|m| m.lane + 1).max().unwrap_or(0) * rows];
    let mut out = Vec::new();
    let gap = spec.font_size * 0.6;
    for m in order {
        let e = &timeline.events[m.event];
        // A label starts at its marker, or, where that runs out of room, ends at it;
        // near the right edge it is also shortened, down to a readable minimum.
        let mut chars = 42;
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
                x_min: layout::x_from_date(s) - 30.0,
                x_max: layout::x_from_date(e) + 30.0,
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

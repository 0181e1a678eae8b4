//! The timeline panel: events on a date axis (egui_plot), one lane per
//! article, drag to pan, wheel to zoom, hover for the sentence, click to select.

use egui::{Color32, Ui};
use egui_plot::{GridMark, Line, MarkerShape, Plot, PlotPoint, Points, Text};

use crate::layout::{self, ticks};
use crate::timeline::Timeline;

/// Colours for lanes, readable on light and dark backgrounds.
pub const PALETTE: [Color32; 8] = [
    Color32::from_rgb(31, 119, 180),
    Color32::from_rgb(255, 127, 14),
    Color32::from_rgb(44, 160, 44),
    Color32::from_rgb(214, 39, 40),
    Color32::from_rgb(148, 103, 189),
    Color32::from_rgb(140, 86, 75),
    Color32::from_rgb(227, 119, 194),
    Color32::from_rgb(23, 190, 207),
];

pub fn lane_colour(lane: usize) -> Color32 {
    PALETTE[lane % PALETTE.len()]
}

pub use crate::layout::scene::lanes_of;

/// How near (in points) the pointer must be to an event to hover it.
const HOVER_RADIUS: f32 = 10.0;

/// What the timeline reports back each frame.
pub struct TimelineOutput {
    pub clicked: Option<usize>,
    /// The visible x range (days since 1970), for exporting what the user sees.
    pub visible: (f64, f64),
}

/// Draws the timeline.
pub fn timeline_ui(ui: &mut Ui, timeline: &Timeline, lanes: &[usize], selected: Option<usize>) -> TimelineOutput {
    let width = ui.available_width() as f64;
    let plot = Plot::new("timeline")
        .x_grid_spacer(move |input| {
            let (min, max) = input.bounds;
            ticks::ticks(min, max, width, 90.0).into_iter().map(|t| GridMark { value: t.x, step_size: (max - min) / 10.0 }).collect()
        })
        .x_axis_formatter(move |mark, range| {
            let (min, max) = (*range.start(), *range.end());
            ticks::ticks(min, max, width, 90.0).into_iter().find(|t| (t.x - mark.value).abs() < 1e-6).map(|t| t.label).unwrap_or_default()
        })
        .show_y(false)
        .show_axes([true, false])
        .show_grid([true, false])
        .y_axis_min_width(0.0)
        .allow_boxed_zoom(true)
        .allow_zoom([true, false])
        .allow_scroll([true, false])
        .allow_drag([true, false])
        .label_formatter(|_| None)
        .include_y(0.5)
        .include_y(-(timeline.articles.len().max(1) as f64) + 0.5)
        .set_margin_fraction(egui::vec2(0.05, 0.1));
    let response = plot.show(ui, |plot_ui| {
        for (i, e) in timeline.events.iter().enumerate() {
            let lane = lanes.get(i).copied().unwrap_or(0);
            let y = -(lane as f64);
            let (x0, x1) = (layout::x_from_date(e.start), layout::x_from_date(e.end) + 1.0);
            let colour = lane_colour(lane);
            let is_selected = selected == Some(i);
            if e.start == e.end {
                plot_ui.points(
                    Points::new(format!("e{i}"), vec![[x0 + 0.5, y]])
                        .shape(MarkerShape::Circle)
                        .filled(true)
                        .radius(if is_selected { 7.0 } else { 5.0 })
                        .color(colour)
                        .allow_hover(false),
                );
            } else {
                plot_ui.line(
                    Line::new(format!("e{i}"), vec![[x0, y], [x1, y]])
                        .width(if is_selected { 9.0 } else { 6.0 })
                        .color(colour.gamma_multiply(0.8))
                        .allow_hover(false),
                );
            }
        }
        place_labels(plot_ui, timeline, lanes);
        // Which event is under the pointer: nearest in screen space.
        let pointer = plot_ui.pointer_coordinate()?;
        let pointer_screen = plot_ui.screen_from_plot(pointer);
        let mut best: Option<(f32, usize)> = None;
        for (i, e) in timeline.events.iter().enumerate() {
            let y = -(lanes.get(i).copied().unwrap_or(0) as f64);
            let (x0, x1) = (layout::x_from_date(e.start), layout::x_from_date(e.end) + 1.0);
            let x = pointer.x.clamp(x0, x1);
            let d = plot_ui.screen_from_plot(PlotPoint::new(x, y)).distance(pointer_screen);
            if d < HOVER_RADIUS && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, i));
            }
        }
        best.map(|(_, i)| i)
    });
    let bounds = response.transform.bounds();
    let visible = (bounds.min()[0], bounds.max()[0]);
    let hovered = response.inner;
    let mut clicked = None;
    if let Some(i) = hovered {
        let e = &timeline.events[i];
        let clicked_now = response.response.clicked();
        response.response.on_hover_ui_at_pointer(|ui| {
            ui.set_max_width(420.0);
            ui.strong(&e.title);
            ui.label(date_range_text(e.start, e.end));
            if let Some(m) = e.mentions.first() {
                ui.label(egui::RichText::new(&m.sentence).italics());
            }
        });
        if clicked_now {
            clicked = Some(i);
        }
    }
    TimelineOutput { clicked, visible }
}

/// Short labels beside events, skipped where they would overlap the previous label in the lane.
fn place_labels(plot_ui: &mut egui_plot::PlotUi<'_>, timeline: &Timeline, lanes: &[usize]) {
    const CHAR_WIDTH: f32 = 6.5;
    let mut lane_end: Vec<f32> = Vec::new();
    let mut order: Vec<usize> = (0..timeline.events.len()).collect();
    order.sort_by_key(|&i| timeline.events[i].start);
    for i in order {
        let e = &timeline.events[i];
        let lane = lanes.get(i).copied().unwrap_or(0);
        if lane_end.len() <= lane {
            lane_end.resize(lane + 1, f32::NEG_INFINITY);
        }
        let label: String = e.title.chars().take(40).collect();
        let x = layout::x_from_date(e.start);
        let left = plot_ui.screen_from_plot(PlotPoint::new(x, 0.0)).x;
        let width = label.chars().count() as f32 * CHAR_WIDTH;
        if left < lane_end[lane] + 8.0 {
            continue;
        }
        lane_end[lane] = left + width;
        // Just above the marker, a fixed number of points whatever the zoom.
        let marker = plot_ui.screen_from_plot(PlotPoint::new(x, -(lane as f64)));
        let anchor = plot_ui.plot_from_screen(marker - egui::vec2(0.0, 8.0));
        plot_ui.text(Text::new(format!("l{i}"), anchor, label).anchor(egui::Align2::LEFT_BOTTOM).color(lane_colour(lane)));
    }
}

/// "13 Dec 2018" or "21 Nov 2018 – 30 Nov 2018".
pub fn date_range_text(start: chrono::NaiveDate, end: chrono::NaiveDate) -> String {
    let f = |d: chrono::NaiveDate| d.format("%-d %b %Y").to_string();
    if start == end { f(start) } else { format!("{} – {}", f(start), f(end)) }
}

//! The timeline panel. egui_plot gives the date axis, the grid and navigation
//! (drag to pan, wheel or pinch to zoom, box zoom, double-click to fit); the
//! events, lanes and labels are the same [`scene`] the exporter draws, painted
//! over the plot, so an exported picture shows what the window shows.

use egui::{Color32, Pos2, Rect, Stroke, Ui, pos2, vec2};
use egui_plot::{GridMark, Plot};

use crate::layout::index::TimelineIndex;
use crate::layout::scene::{self, Scene, SceneSpec};
use crate::layout::ticks;
use crate::layout::view::{self, TimeView};
use crate::timeline::Timeline;

/// Lane `i`'s colour, the one the exported pictures use (`layout::PALETTE`).
pub fn lane_colour(lane: usize) -> Color32 {
    let [r, g, b] = crate::layout::lane_rgb(lane);
    Color32::from_rgb(r, g, b)
}

/// How near (in points) the pointer must be to an event to hover it.
const HOVER_RADIUS: f32 = 8.0;
const FONT_SIZE: f32 = 12.0;

/// What the timeline reports back each frame.
pub struct TimelineOutput {
    pub clicked: Option<usize>,
    /// The visible x range (days since 1970), for exporting what the user sees.
    pub visible: (f64, f64),
    /// Where each drawn event's marker is on screen (its middle).
    pub markers: Vec<(usize, Pos2)>,
}

/// Draws the timeline. `set_view` moves the view to an x range this frame
/// (keyboard navigation, benchmarks); otherwise the plot keeps its own.
pub fn timeline_ui(
    ui: &mut Ui,
    timeline: &Timeline,
    index: &TimelineIndex,
    selected: Option<usize>,
    set_view: Option<(f64, f64)>,
) -> TimelineOutput {
    let width = ui.available_width() as f64;
    let mut plot = Plot::new("timeline")
        .x_grid_spacer(move |input| {
            let (min, max) = input.bounds;
            ticks::ticks(min, max, width, 90.0).into_iter().map(|t| GridMark { value: t.x, step_size: (max - min) / 10.0 }).collect()
        })
        .x_axis_formatter(move |mark, range| {
            let (min, max) = (*range.start(), *range.end());
            ticks::ticks(min, max, width, 90.0).into_iter().find(|t| (t.x - mark.value).abs() < 1e-6).map(|t| t.label).unwrap_or_default()
        })
        .show_y(false)
        .show_x(false)
        .show_axes([true, false])
        .show_grid([true, false])
        .y_axis_min_width(0.0)
        .allow_boxed_zoom(true)
        .allow_zoom([true, false])
        .allow_scroll([false, false])
        .allow_drag([true, false])
        .label_formatter(|_| None)
        .include_y(0.0)
        .include_y(1.0)
        .set_margin_fraction(vec2(view::FIT_MARGIN as f32, 0.0));
    // What "fit everything" (double-click) shows.
    if let Some((s, e)) = index.extent {
        plot = plot.include_x(s).include_x(e);
    }
    let response = plot.show(ui, |plot_ui| {
        if let Some((a, b)) = set_view {
            plot_ui.set_plot_bounds_x(a..=b);
        }
        // The wheel zooms around the pointer, as in map and timeline tools; a
        // sideways scroll (or Shift+wheel) pans. egui_plot zooms only with Ctrl.
        if plot_ui.response().hovered() {
            let (delta, zoom) = plot_ui.ctx().input(|i| (i.smooth_scroll_delta, i.modifiers.command));
            if !zoom && delta.y != 0.0 {
                // Within the view's limits: an hour to 5,000 years across.
                let width = plot_ui.plot_bounds().width();
                let factor = (delta.y / 200.0).exp();
                if TimeView::can_span(width / factor as f64) {
                    plot_ui.zoom_bounds_around_hovered(vec2(factor, 1.0));
                }
            }
            if delta.x != 0.0 {
                let b = plot_ui.plot_bounds();
                let days_per_px = b.width() / plot_ui.response().rect.width().max(1.0) as f64;
                plot_ui.translate_bounds(vec2(-delta.x * days_per_px as f32, 0.0));
            }
        }
    });
    let frame = *response.transform.frame();
    let bounds = response.transform.bounds();
    let visible = (bounds.min()[0], bounds.max()[0]);

    let spec = SceneSpec {
        width: frame.width(),
        height: frame.height(),
        x_min: visible.0,
        x_max: visible.1,
        title: String::new(),
        font_size: FONT_SIZE,
        framed: false,
    };
    let scene = scene::build_indexed(timeline, index, &spec);
    let painter = ui.painter_at(frame);
    paint(&painter, frame.min, &scene, selected, ui.visuals());

    // The event under the pointer: the nearest marker in screen space.
    let hovered = response.response.hover_pos().and_then(|p| nearest_mark(&scene, p - frame.min.to_vec2()));
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
    let markers = scene.marks.iter().map(|m| (m.event, frame.min + vec2((m.x0 + m.x1) / 2.0, m.y))).collect();
    TimelineOutput { clicked, visible, markers }
}

fn nearest_mark(scene: &Scene, p: Pos2) -> Option<usize> {
    scene
        .marks
        .iter()
        .map(|m| {
            let x = p.x.clamp(m.x0, m.x1.max(m.x0));
            (pos2(x, m.y).distance(p), m.x1 - m.x0, m.event)
        })
        .filter(|(d, _, _)| *d < HOVER_RADIUS)
        // Nearest first; on a tie, the shorter mark: a day inside a week's bar wins.
        .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)))
        .map(|(_, _, e)| e)
}

/// Paints lanes, markers, leader lines and labels, offset to the plot's frame.
fn paint(painter: &egui::Painter, origin: Pos2, scene: &Scene, selected: Option<usize>, visuals: &egui::Visuals) {
    let at = |x: f32, y: f32| origin + vec2(x, y);
    let band = if visuals.dark_mode { Color32::from_white_alpha(6) } else { Color32::from_black_alpha(8) };
    for (i, lane) in scene.lanes.iter().enumerate() {
        if i % 2 == 0 {
            painter.rect_filled(Rect::from_min_max(at(scene.plot.left, lane.top), at(scene.plot.right, lane.bottom)), 0.0, band);
        }
    }
    for c in &scene.clusters {
        // Density bars: the denser, the more opaque.
        let colour = lane_colour(c.lane).gamma_multiply(0.25 + 0.75 * c.density);
        painter.rect_filled(Rect::from_min_max(at(c.x0, c.top), at(c.x1, c.bottom)), 1.0, colour);
    }
    // Counts on the bars wide enough to hold them.
    let small = egui::FontId::proportional(FONT_SIZE - 2.0);
    for c in scene.clusters.iter().filter(|c| c.count >= 10 && c.x1 - c.x0 >= 40.0) {
        let label = if c.count >= 10_000 { format!("{}k", c.count / 1000) } else { c.count.to_string() };
        painter.text(at((c.x0 + c.x1) / 2.0, c.bottom + 1.0), egui::Align2::CENTER_TOP, label, small.clone(), visuals.weak_text_color());
    }
    for m in &scene.marks {
        let colour = lane_colour(m.lane);
        let is_selected = selected == Some(m.event);
        if m.point && m.inferred {
            // A date inferred from the story or the publication date: a hollow marker.
            let r = if is_selected { 6.0 } else { 4.0 };
            painter.circle(at((m.x0 + m.x1) / 2.0, m.y), r, visuals.extreme_bg_color, Stroke::new(2.0, colour));
        } else if m.point {
            painter.circle_filled(at((m.x0 + m.x1) / 2.0, m.y), if is_selected { 7.0 } else { 5.0 }, colour);
        } else {
            let colour = if m.inferred { colour.gamma_multiply(0.45) } else { colour };
            let h = if is_selected { 6.0 } else { 4.0 };
            let r = Rect::from_min_max(at(m.x0, m.y - h), at(m.x1.max(m.x0 + 1.0), m.y + h));
            if m.fuzzy {
                // Vague ends fade: a solid middle and lighter ends.
                let fade = (r.width() * 0.2).min(40.0);
                painter.rect_filled(r.shrink2(vec2(fade, 0.0)), 2.0, colour);
                painter.rect_filled(Rect::from_min_max(r.min, pos2(r.min.x + fade, r.max.y)), 2.0, colour.gamma_multiply(0.35));
                painter.rect_filled(Rect::from_min_max(pos2(r.max.x - fade, r.min.y), r.max), 2.0, colour.gamma_multiply(0.35));
            } else {
                painter.rect_filled(r, 2.0, colour);
            }
            if is_selected {
                painter.rect_stroke(r.expand(1.5), 2.0, Stroke::new(1.5, visuals.strong_text_color()), egui::StrokeKind::Outside);
            }
        }
    }
    let leader = Stroke::new(0.8, visuals.weak_text_color().gamma_multiply(0.6));
    for l in &scene.labels {
        let (ax, ay) = l.anchor;
        painter.line_segment([at(ax, l.y + 3.0), at(ax, ay - 5.0)], leader);
    }
    let font = egui::FontId::proportional(FONT_SIZE);
    for l in &scene.labels {
        let colour = if selected == Some(l.event) { visuals.strong_text_color() } else { visuals.text_color() };
        painter.text(at(l.x, l.y), egui::Align2::LEFT_BOTTOM, &l.text, font.clone(), colour);
    }
}

/// "13 Dec 2018" or "21 Nov 2018 – 30 Nov 2018".
pub fn date_range_text(start: chrono::NaiveDate, end: chrono::NaiveDate) -> String {
    let f = |d: chrono::NaiveDate| d.format("%-d %b %Y").to_string();
    if start == end { f(start) } else { format!("{} – {}", f(start), f(end)) }
}

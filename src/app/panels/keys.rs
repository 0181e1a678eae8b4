//! The keyboard: Ctrl+O opens, Ctrl+E exports; arrows pan, + and - zoom, Home or F
//! fits everything; N and P step through the shown events in date order, Delete
//! hides the selected one, Escape clears the selection (when no text field has
//! the keyboard). Files dropped onto the window open like File ▸ Open.

use std::path::PathBuf;

use super::Command;
use crate::layout::index::TimelineIndex;
use crate::layout::view::TimeView;

pub fn read(ctx: &egui::Context, index: &TimelineIndex, selected: Option<usize>, visible: Option<(f64, f64)>, out: &mut Vec<Command>) {
    let open = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::O);
    let export = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::E);
    if ctx.input_mut(|i| i.consume_shortcut(&open)) {
        out.push(Command::PickFiles);
    }
    if ctx.input_mut(|i| i.consume_shortcut(&export)) {
        out.push(Command::OpenImageDialog);
    }
    navigation(ctx, index, selected, visible, out);
    let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
    if !dropped.is_empty() {
        out.push(Command::Open(dropped));
    }
}

fn navigation(ctx: &egui::Context, index: &TimelineIndex, selected: Option<usize>, visible: Option<(f64, f64)>, out: &mut Vec<Command>) {
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    let Some((a, b)) = visible else { return };
    let view = TimeView::new((a, b));
    let pressed = |keys: &[egui::Key]| ctx.input(|i| keys.iter().any(|&k| i.key_pressed(k)));
    let (next, prev) = (pressed(&[egui::Key::N]), pressed(&[egui::Key::P]));
    if (next || prev) && !index.is_empty() {
        let pos = selected.and_then(|s| index.order.iter().position(|&e| e as usize == s));
        let p = match (pos, next) {
            (Some(p), true) => (p + 1).min(index.len() - 1),
            (Some(p), false) => p.saturating_sub(1),
            (None, _) => index.candidates(a, b).start.min(index.len() - 1),
        };
        out.push(Command::Select(Some(index.order[p] as usize)));
        // Keep it in view.
        let (s, t) = (index.starts[p], index.ends[p]);
        if s < a || t > b {
            out.push(Command::ShowRange(view.centred_on((s + t) / 2.0).range()));
        }
        return;
    }
    if pressed(&[egui::Key::Delete]) {
        if let Some(e) = selected {
            out.push(Command::HideEvent(e));
        }
        return;
    }
    if pressed(&[egui::Key::Escape]) {
        out.push(Command::Select(None));
        return;
    }
    let moved = if pressed(&[egui::Key::ArrowLeft]) {
        Some(view.pan(-0.2))
    } else if pressed(&[egui::Key::ArrowRight]) {
        Some(view.pan(0.2))
    } else if pressed(&[egui::Key::Plus, egui::Key::Equals]) {
        Some(view.zoom(1.5))
    } else if pressed(&[egui::Key::Minus]) {
        Some(view.zoom(1.0 / 1.5))
    } else if pressed(&[egui::Key::Home, egui::Key::F]) {
        TimeView::fit(index.extent)
    } else {
        None
    };
    if let Some(v) = moved.filter(|&v| v != view) {
        out.push(Command::ShowRange(v.range()));
    }
}

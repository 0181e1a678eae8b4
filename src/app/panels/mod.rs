//! The window's panels. Each draws from the workspace and the view state, which
//! it only reads, and says what the user asked for as [`Command`]s; the app
//! applies them in one place. A panel keeps only what is being typed or edited.

pub mod article_view;
pub mod details;
pub mod image_dialog;
pub mod keys;
pub mod menu;
pub mod sources;

pub use super::command::Command;

/// A coloured dot, as the timeline draws the lane `lane`.
pub fn lane_dot(ui: &mut egui::Ui, lane: usize) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    ui.painter().circle_filled(rect.center(), 5.0, super::timeline_view::lane_colour(lane));
}

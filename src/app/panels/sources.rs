//! The sources panel: skipped files, the lanes' legend, and one row per article
//! with its show/hide switch, date and event count, and a date field for an
//! article that has none.

use std::collections::HashMap;

use egui::{RichText, Ui};

use super::{Command, lane_dot};
use crate::app::state::ViewState;
use crate::app::workspace::Workspace;
use crate::layout::lanes::LaneMode;

/// Publication dates being typed for undated articles, by article position.
#[derive(Default)]
pub struct SourcesPanel {
    date_inputs: HashMap<usize, String>,
}

impl SourcesPanel {
    /// Forgets what was typed: the articles it was typed for are gone.
    pub fn clear(&mut self) {
        self.date_inputs.clear();
    }

    pub fn show(&mut self, ui: &mut Ui, ws: &Workspace, state: &ViewState, notice: Option<&str>, out: &mut Vec<Command>) {
        ui.heading("Sources");
        if let Some(n) = notice {
            ui.label(RichText::new(n).small().color(ui.visuals().warn_fg_color));
        }
        if !ws.errors.is_empty() {
            egui::CollapsingHeader::new(format!("Skipped files ({})", ws.errors.len())).default_open(true).show(ui, |ui| {
                egui::ScrollArea::vertical().id_salt("skipped").max_height(160.0).show(ui, |ui| {
                    for e in &ws.errors {
                        ui.label(RichText::new(e).small().color(ui.visuals().warn_fg_color));
                    }
                });
            });
            ui.separator();
        }
        // Lanes by article need no legend but when many articles share one.
        let shared = state.lanes == LaneMode::Article && ws.index.lane_names.len() < ws.timeline.articles.len();
        if state.lanes != LaneMode::Article || shared {
            ui.label(RichText::new(format!("Lanes by {}", state.lanes.label().to_lowercase())).strong());
            // Up to 40 lanes: the legend scrolls on its own and leaves room for the articles.
            egui::ScrollArea::vertical().id_salt("lanes").max_height(ui.available_height() * 0.4).show(ui, |ui| {
                for (i, name) in ws.index.lane_names.iter().enumerate() {
                    ui.horizontal(|ui| {
                        lane_dot(ui, i);
                        ui.label(name);
                    });
                }
            });
            ui.separator();
        }
        let articles = &ws.timeline.articles;
        let date_inputs = &mut self.date_inputs;
        let mut source_row = |ui: &mut Ui, i: usize| {
            let a = &articles[i];
            let count = ws.lane_counts.get(i).copied().unwrap_or(0);
            // By article, the row's dot is its lane's colour.
            let lane = if state.lanes == LaneMode::Article { ws.index.lane_of_article.get(i).copied().unwrap_or(i) } else { i };
            ui.horizontal(|ui| {
                lane_dot(ui, lane);
                ui.vertical(|ui| {
                    // The check box shows or hides the source's events; its text is the title.
                    let mut shown = !ws.hidden.contains(&i);
                    if ui.checkbox(&mut shown, RichText::new(&a.title).strong()).changed() {
                        out.push(Command::ToggleSource(i));
                    }
                    let date = a.published.map(|d| d.to_string()).unwrap_or_else(|| "no date".into());
                    ui.label(RichText::new(format!("{date} · {count} events")).small());
                    // An undated article can be given its date; its events then resolve again.
                    if a.published.is_none() && i < ws.articles.len() {
                        ui.horizontal(|ui| {
                            let input = date_inputs.entry(i).or_default();
                            let l = ui.label(RichText::new("Published").small());
                            ui.add(egui::TextEdit::singleline(input).hint_text("YYYY-MM-DD").desired_width(90.0)).labelled_by(l.id);
                            if let Ok(d) = input.trim().parse::<chrono::NaiveDate>()
                                && ui.small_button("Set").clicked()
                            {
                                out.push(Command::SetArticleDate(i, d));
                            }
                        });
                    }
                });
            });
        };
        // A few sources are all laid out; thousands only as far as they show.
        if articles.len() <= 500 {
            egui::ScrollArea::vertical().show(ui, |ui| (0..articles.len()).for_each(|i| source_row(ui, i)));
        } else {
            let row_h = 2.0 * ui.text_style_height(&egui::TextStyle::Body) + ui.text_style_height(&egui::TextStyle::Small) + 8.0;
            egui::ScrollArea::vertical().show_rows(ui, row_h, articles.len(), |ui, rows| rows.for_each(|i| source_row(ui, i)));
        }
        if !state.edits.hidden_events.is_empty() {
            ui.separator();
            if ui.button(format!("Show {} hidden events", state.edits.hidden_events.len())).clicked() {
                out.push(Command::ShowHiddenEvents);
            }
        }
    }
}

//! The top bar: the filter, the dates, the lanes, the written-dates switch, the
//! theme, the File menu, and the running job's progress or the status.

use std::path::PathBuf;

use egui::Ui;

use super::Command;
use crate::app::jobs::{JobKind, Running};
use crate::app::state::ViewState;
use crate::layout::lanes::LaneMode;

/// What the top bar shows besides the view state.
pub struct Bar<'a> {
    pub state: &'a ViewState,
    /// What was opened before, newest first (the first is what is open).
    pub recent: &'a [Vec<PathBuf>],
    pub job: Option<&'a Running>,
    /// The running export, by what it does.
    pub task: Option<&'a str>,
    pub status: &'a str,
}

/// What is being typed in the bar's text fields: copies of the view state's values,
/// kept between frames so that drawing the bar allocates nothing until they change.
#[derive(Default)]
pub struct MenuBar {
    search: String,
    date_from: String,
    date_to: String,
}

impl MenuBar {
    pub fn show(&mut self, ui: &mut Ui, bar: &Bar<'_>, out: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            filters(ui, self, bar.state, out);
            theme(ui, out);
            file_menu(ui, bar.recent, out);
            ui.separator();
            if let Some(job) = bar.job {
                match job.kind {
                    JobKind::Load => {
                        let fraction = if job.total > 0 { job.done as f32 / job.total as f32 } else { 0.0 };
                        ui.add(egui::ProgressBar::new(fraction).desired_width(200.0).text(format!("{} / {} files", job.done, job.total)));
                    }
                    JobKind::Extract => {
                        ui.spinner();
                        ui.label("Resolving dates again…");
                    }
                }
                if ui.button("Cancel").clicked() {
                    out.push(Command::CancelJob);
                }
            } else if let Some(what) = bar.task {
                ui.spinner();
                ui.label(what);
                if ui.button("Cancel").clicked() {
                    out.push(Command::CancelTask);
                }
            } else {
                ui.label(bar.status);
            }
        });
    }
}

/// The filter box, the date filter, the lanes and the written-dates switch: each
/// edits its draft of the value and says when it changed.
fn filters(ui: &mut Ui, drafts: &mut MenuBar, state: &ViewState, out: &mut Vec<Command>) {
    let text_field = |ui: &mut Ui, label: &str, draft: &mut String, value: &str, hint: &str, width: f32| {
        // The state changed elsewhere (a restored session): the draft follows it.
        if draft != value {
            draft.replace_range(.., value);
        }
        let l = ui.label(label);
        let changed = ui.add(egui::TextEdit::singleline(draft).hint_text(hint).desired_width(width)).labelled_by(l.id).changed();
        changed.then(|| draft.clone())
    };
    if let Some(v) = text_field(ui, "Filter", &mut drafts.search, &state.search, "Filter events…", 220.0) {
        out.push(Command::SetSearch(v));
    }
    if let Some(v) = text_field(ui, "From", &mut drafts.date_from, &state.date_from, "YYYY[-MM[-DD]]", 90.0) {
        out.push(Command::SetDateFrom(v));
    }
    if let Some(v) = text_field(ui, "To", &mut drafts.date_to, &state.date_to, "YYYY[-MM[-DD]]", 90.0) {
        out.push(Command::SetDateTo(v));
    }
    let l = ui.label("Lanes");
    let mut lanes = state.lanes;
    egui::ComboBox::from_id_salt("lanes")
        .selected_text(lanes.label())
        .show_ui(ui, |ui| {
            for m in LaneMode::ALL {
                ui.selectable_value(&mut lanes, m, m.label());
            }
        })
        .response
        .labelled_by(l.id);
    if lanes != state.lanes {
        out.push(Command::SetLanes(lanes));
    }
    let mut explicit = state.explicit_only;
    if ui
        .checkbox(&mut explicit, "Written dates only")
        .on_hover_text("Hide events whose date was inferred from the story or the publication date (hollow markers)")
        .changed()
    {
        out.push(Command::SetExplicitOnly(explicit));
    }
}

/// Follows the system's light or dark theme until the user picks one here.
fn theme(ui: &mut Ui, out: &mut Vec<Command>) {
    let current = ui.ctx().options(|o| o.theme_preference);
    let mut pref = current;
    let l = ui.label("Theme");
    egui::ComboBox::from_id_salt("theme")
        .selected_text(format!("{pref:?}"))
        .show_ui(ui, |ui| {
            for p in [egui::ThemePreference::System, egui::ThemePreference::Light, egui::ThemePreference::Dark] {
                ui.selectable_value(&mut pref, p, format!("{p:?}"));
            }
        })
        .response
        .labelled_by(l.id);
    if pref != current {
        out.push(Command::SetTheme(pref));
    }
}

fn file_menu(ui: &mut Ui, recent: &[Vec<PathBuf>], out: &mut Vec<Command>) {
    ui.menu_button("File", |ui| {
        if ui.add(egui::Button::new("Open files…").shortcut_text("Ctrl+O")).clicked() {
            out.push(Command::PickFiles);
            ui.close();
        }
        if ui.button("Open folder…").clicked() {
            out.push(Command::PickFolder);
            ui.close();
        }
        ui.add_enabled_ui(recent.len() > 1, |ui| {
            ui.menu_button("Open recent", |ui| {
                for paths in recent.iter().skip(1) {
                    let name = paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
                    if ui.button(name).clicked() {
                        out.push(Command::Open(paths.clone()));
                        ui.close();
                    }
                }
            });
        });
        ui.separator();
        if ui.add(egui::Button::new("Export image…").shortcut_text("Ctrl+E")).clicked() {
            out.push(Command::OpenImageDialog);
            ui.close();
        }
        if ui.button("Export data…").clicked() {
            out.push(Command::ExportData);
            ui.close();
        }
    });
}

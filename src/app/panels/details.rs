//! The details panel: the selected event's title and dates, where each mention's
//! date came from, its sentence, and the ways to correct or hide the event and
//! to open its article.

use egui::{RichText, Ui};

use super::Command;
use crate::app::timeline_view::date_range_text;
use crate::app::workspace::Workspace;

/// The selected event's fields while they are being corrected.
struct Editing {
    event: usize,
    title: String,
    start: String,
    end: String,
}

#[derive(Default)]
pub struct DetailsPanel {
    editing: Option<Editing>,
}

const HELP: &str = "Click an event to see where its date came from. Drag to pan, wheel or pinch to zoom, double-click to fit; keys: arrows, + and -, Home, N and P to step through events, Delete to hide one.";

impl DetailsPanel {
    pub fn show(&mut self, ui: &mut Ui, ws: &Workspace, selected: Option<usize>, out: &mut Vec<Command>) {
        // A correction belongs to the event it was started on.
        if self.editing.as_ref().is_some_and(|e| Some(e.event) != selected) {
            self.editing = None;
        }
        let Some((i, e)) = selected.and_then(|i| Some((i, ws.timeline.events.get(i)?))) else {
            ui.label(HELP);
            return;
        };
        ui.heading(&e.title);
        ui.label(format!("{}  ({})", date_range_text(e.start, e.end), e.timex));
        ui.horizontal(|ui| {
            if self.editing.is_none() && ui.small_button("Edit…").clicked() {
                self.editing = Some(Editing { event: i, title: e.title.clone(), start: e.start.to_string(), end: e.end.to_string() });
            }
            if ui.small_button("Hide event").clicked() {
                out.push(Command::HideEvent(i));
            }
        });
        if let Some(edit) = &mut self.editing
            && let Some(done) = edit_form(ui, edit)
        {
            if let Form::Apply(title, start, end) = done {
                out.push(Command::CorrectEvent { event: i, title, start, end });
            }
            self.editing = None;
        }
        egui::ScrollArea::vertical().show(ui, |ui| {
            for (k, m) in e.mentions.iter().enumerate() {
                let article = ws.article_of(&m.article);
                let meta = article.map(|a| &ws.timeline.articles[a]);
                let source = meta.map_or("", |a| a.title.as_str());
                // How the date was found: the words and what they were resolved against,
                // the narrative it follows, or the article's publication date.
                let basis = m.basis_text(meta.and_then(|a| a.published));
                ui.label(RichText::new(format!("{basis} → {} — {source}", date_range_text(e.start, e.end))).small());
                ui.label(&m.sentence);
                ui.horizontal(|ui| {
                    // The article's text is at hand for articles read in this session.
                    if let Some(a) = article.filter(|&a| a < ws.articles.len())
                        && ui.small_button("Show in article").clicked()
                    {
                        out.push(Command::ShowInArticle { article: a, event: i, mention: k });
                    }
                    // Only web links open, and only when asked.
                    if let Some(url) = meta.and_then(|a| a.url.as_deref()).filter(|u| u.starts_with("https://") || u.starts_with("http://"))
                    {
                        if ui.small_button("Open original").on_hover_text(url).clicked() {
                            ui.ctx().open_url(egui::OpenUrl::new_tab(url));
                        }
                    } else if let Some(abs) = article.and_then(|a| ws.file_links.get(a)).and_then(Option::as_ref)
                        && ui.small_button("Open file").on_hover_text(abs.display().to_string()).clicked()
                    {
                        // The file this session read, never a path named inside an article.
                        ui.ctx().open_url(egui::OpenUrl::new_tab(format!("file://{}", abs.display())));
                    }
                });
                ui.add_space(4.0);
            }
        });
    }
}

/// How the correction form was left.
enum Form {
    Apply(String, chrono::NaiveDate, chrono::NaiveDate),
    Cancel,
}

/// The correction form; what the user did with it, once they did.
fn edit_form(ui: &mut Ui, edit: &mut Editing) -> Option<Form> {
    egui::Grid::new("edit-event").num_columns(2).show(ui, |ui| {
        let l = ui.label("Title");
        ui.add(egui::TextEdit::singleline(&mut edit.title).desired_width(480.0)).labelled_by(l.id);
        ui.end_row();
        let l = ui.label("From (YYYY-MM-DD)");
        ui.add(egui::TextEdit::singleline(&mut edit.start).desired_width(110.0)).labelled_by(l.id);
        ui.end_row();
        let l = ui.label("To (YYYY-MM-DD)");
        ui.add(egui::TextEdit::singleline(&mut edit.end).desired_width(110.0)).labelled_by(l.id);
        ui.end_row();
    });
    let dates = (edit.start.trim().parse::<chrono::NaiveDate>(), edit.end.trim().parse::<chrono::NaiveDate>());
    let mut done = None;
    ui.horizontal(|ui| {
        match dates {
            (Ok(a), Ok(b)) if a <= b && !edit.title.trim().is_empty() => {
                if ui.button("Apply").clicked() {
                    done = Some(Form::Apply(edit.title.trim().to_string(), a, b));
                }
            }
            _ => {
                ui.label(RichText::new("A title, and dates with From ≤ To").color(ui.visuals().warn_fg_color));
            }
        }
        if ui.button("Cancel").clicked() {
            done = Some(Form::Cancel);
        }
    });
    done
}

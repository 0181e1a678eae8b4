//! What the user can ask of the window, and the one place where it is done. The
//! panels and the keyboard say what they want as commands; `apply` changes the
//! view state and the workspace, then rebuilds what derives from them once.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::NewslineApp;
use super::panels::article_view::ArticleView;
use super::panels::image_dialog::ImageDialog;
use crate::layout::lanes::LaneMode;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Open these files and folders in place of what is open.
    Open(Vec<PathBuf>),
    /// Ask for files, or a folder, with the system's dialog, and open them.
    PickFiles,
    PickFolder,
    /// Stop the running load or extraction.
    CancelJob,
    /// Stop the running export: nothing is written.
    CancelTask,
    SetSearch(String),
    SetDateFrom(String),
    SetDateTo(String),
    SetLanes(LaneMode),
    SetExplicitOnly(bool),
    SetTheme(egui::ThemePreference),
    /// Show or hide the source (article) at this position.
    ToggleSource(usize),
    /// Give an undated article its publication date: its events resolve again.
    SetArticleDate(usize, NaiveDate),
    Select(Option<usize>),
    HideEvent(usize),
    ShowHiddenEvents,
    /// The user's own title and dates for an event.
    CorrectEvent {
        event: usize,
        title: String,
        start: NaiveDate,
        end: NaiveDate,
    },
    /// Move the timeline to show this range (days since 1970-01-01).
    ShowRange((f64, f64)),
    /// The timeline reports the range it shows.
    Viewed((f64, f64)),
    /// Open an article at an event's mention.
    ShowInArticle {
        article: usize,
        event: usize,
        mention: usize,
    },
    CloseArticle,
    OpenImageDialog,
    ExportImage(ImageDialog),
    ExportData,
}

impl NewslineApp {
    /// Applies the commands in order, then rebuilds the index once if the view changed.
    pub(super) fn apply(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        let mut refilter = false;
        for c in commands {
            refilter |= c.changes_view();
            self.apply_one(ctx, c);
        }
        if refilter {
            self.ws.refilter(&self.state);
            if self.selected.is_some_and(|s| !self.ws.shows(s)) {
                self.selected = None;
            }
        }
    }

    fn apply_one(&mut self, ctx: &egui::Context, command: Command) {
        let state = &mut self.state;
        match command {
            Command::Open(paths) => self.start_loading(ctx, paths),
            Command::PickFiles => {
                let filter = super::open_extensions();
                if let Some(files) = rfd::FileDialog::new().add_filter("Articles, pages, feeds, dumps", &filter).pick_files() {
                    self.start_loading(ctx, files);
                }
            }
            Command::PickFolder => {
                if let Some(dir) = rfd::FileDialog::new().pick_folder() {
                    self.start_loading(ctx, vec![dir]);
                }
            }
            Command::CancelJob => self.jobs.cancel(),
            Command::CancelTask => {
                if let Some(t) = &self.task {
                    t.cancel();
                }
            }
            Command::SetSearch(s) => state.search = s,
            Command::SetDateFrom(s) => state.date_from = s,
            Command::SetDateTo(s) => state.date_to = s,
            Command::SetLanes(m) => state.lanes = m,
            Command::SetExplicitOnly(b) => state.explicit_only = b,
            Command::SetTheme(t) => ctx.set_theme(t),
            Command::ToggleSource(i) => {
                if let Some(key) = self.ws.keys.key(i) {
                    state.toggle_source(key);
                }
            }
            Command::SetArticleDate(i, d) => {
                if let Some(key) = self.ws.keys.key(i).map(str::to_string) {
                    state.edits.article_dates.retain(|(k, _)| *k != key);
                    state.edits.article_dates.push((key, d));
                    if self.ws.apply_article_dates(&self.state.edits) {
                        self.extract_again(ctx);
                    }
                }
            }
            Command::Select(e) => self.selected = e,
            Command::HideEvent(i) => {
                if let Some(key) = self.ws.event_key(i) {
                    state.edits.hidden_events.push(key);
                }
            }
            Command::ShowHiddenEvents => state.edits.hidden_events.clear(),
            Command::CorrectEvent { event, title, start, end } => {
                if let Some(key) = self.ws.event_key(event) {
                    state.edits.titles.retain(|(k, _)| *k != key);
                    state.edits.dates.retain(|(k, _, _)| *k != key);
                    state.edits.titles.push((key.clone(), title));
                    state.edits.dates.push((key, start, end));
                    self.ws.apply_edits(&self.state.edits);
                }
            }
            Command::ShowRange(r) => self.set_view = Some(r),
            Command::Viewed(r) => state.view = Some(r),
            Command::ShowInArticle { article, event, mention } => {
                let m = self.ws.timeline.events.get(event).and_then(|e| e.mentions.get(mention));
                if let (Some(a), Some(m)) = (self.ws.articles.get(article), m) {
                    self.article_view = Some(ArticleView::of_mention(article, &a.text, m));
                }
            }
            Command::CloseArticle => self.article_view = None,
            Command::OpenImageDialog => {
                self.image_dialog.get_or_insert_default();
            }
            Command::ExportImage(d) => self.export_image(ctx, &d),
            Command::ExportData => self.export_data(ctx),
        }
    }
}

impl Command {
    /// Does applying it change which events the view shows, or how?
    fn changes_view(&self) -> bool {
        matches!(
            self,
            Command::SetSearch(_)
                | Command::SetDateFrom(_)
                | Command::SetDateTo(_)
                | Command::SetLanes(_)
                | Command::SetExplicitOnly(_)
                | Command::ToggleSource(_)
                | Command::HideEvent(_)
                | Command::ShowHiddenEvents
                | Command::CorrectEvent { .. }
        )
    }
}

//! The window's side of its background work: starting a load or an extraction
//! again and taking in what it gives, and exports. The work itself runs in
//! [`super::jobs`].

use std::path::PathBuf;

use super::NewslineApp;
use super::jobs::{Loaded, Msg};
use super::panels::image_dialog::ImageDialog;
use super::session;
use super::tasks::{self, Task, TaskError};
use crate::export;

impl NewslineApp {
    pub(super) fn start_loading(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>) {
        self.keeper.opened(&paths);
        let ctx = ctx.clone();
        // A new generation: whatever the jobs before it give is dropped.
        self.jobs.load(paths, move || ctx.request_repaint());
        self.extract_later = false;
        self.status = "Loading…".into();
    }

    /// Extracts again on a worker after an article's date changed. During a load
    /// it waits: the load gives the articles their dates when it finishes.
    pub(super) fn extract_again(&mut self, ctx: &egui::Context) {
        if self.jobs.is_loading() {
            return;
        }
        let ctx = ctx.clone();
        self.jobs.extract(self.ws.articles.clone(), move || ctx.request_repaint());
        self.status = "Resolving dates again…".into();
    }

    /// Takes in what the background work finished this frame.
    pub(super) fn poll_background(&mut self, ctx: &egui::Context) {
        match self.jobs.poll() {
            Some(Msg::Loaded(loaded)) => self.finish_loading(*loaded),
            Some(Msg::Extracted(tl)) => {
                self.ws.set_timeline(*tl, &self.state);
                self.selected = None;
                self.status = format!("{} articles, {} events", self.ws.timeline.articles.len(), self.ws.timeline.events.len());
            }
            Some(Msg::Failed(why)) => self.status = format!("Loading failed: {why}"),
            Some(Msg::Cancelled) => self.status = "Cancelled; the timeline is as it was".into(),
            Some(Msg::Progress { .. }) | None => {}
        }
        if std::mem::take(&mut self.extract_later) {
            self.extract_again(ctx);
        }
        if let Some(task) = &mut self.task
            && let Some(result) = task.poll()
        {
            self.status = match result {
                Ok(msg) => msg,
                Err(TaskError::Cancelled) => "Export cancelled; nothing was written".into(),
                Err(TaskError::Failed(e)) => format!("Export failed: {e}"),
            };
            self.task = None;
        }
    }

    fn finish_loading(&mut self, loaded: Loaded) {
        self.article_view = None;
        self.sources.clear();
        self.selected = None;
        let cancelled = loaded.cancelled;
        // The session restored with these files: its view and corrections, keyed by
        // article, hold on whatever was opened beside them.
        if let Some(mut s) = self.keeper.take_restore() {
            session::migrate(&mut s, &session::ArticleKeys::of(&loaded.timeline));
            self.set_view = s.state.view;
            self.state = s.state;
        }
        // New files are shown as the view says: its filter, dates, lanes, hidden sources.
        self.ws.set_loaded(loaded, &self.state);
        if self.ws.apply_article_dates(&self.state.edits) {
            self.extract_later = true;
        }
        let skipped = self.ws.errors.len();
        self.status = format!(
            "{} articles, {} events{}{}",
            self.ws.timeline.articles.len(),
            self.ws.timeline.events.len(),
            if skipped == 0 { String::new() } else { format!(", {skipped} files skipped") },
            if cancelled { " (cancelled)" } else { "" }
        );
    }

    /// Runs an export off the UI thread; the window keeps drawing meanwhile.
    fn run_task(
        &mut self,
        ctx: &egui::Context,
        what: String,
        work: impl FnOnce(&tasks::Cancel) -> Result<String, String> + Send + 'static,
    ) {
        let ctx = ctx.clone();
        self.task = Some(Task::spawn(what, work, move || ctx.request_repaint()));
    }

    pub(super) fn export_image(&mut self, ctx: &egui::Context, d: &ImageDialog) {
        let Some(path) = rfd::FileDialog::new()
            .add_filter("PNG image", &["png"])
            .add_filter("SVG image", &["svg"])
            .set_file_name("timeline.png")
            .save_file()
        else {
            return;
        };
        let spec = d.spec(self.state.view);
        // The window's own query: its filtered events, its lanes, its range.
        let (timeline, index) = (self.ws.timeline.clone(), self.ws.index.clone());
        self.run_task(ctx, format!("Exporting {}…", path.display()), move |cancel| {
            let bytes = export::render_image_of(&timeline, &index, &spec, &path).map_err(|e| e.to_string())?;
            tasks::save(&path, &bytes, cancel)
        });
    }

    pub(super) fn export_data(&mut self, ctx: &egui::Context) {
        let Some(path) = rfd::FileDialog::new()
            .add_filter("Timeline JSON", &["json"])
            .add_filter("CSV", &["csv"])
            .add_filter("TimelineJS JSON", &["timelinejs.json"])
            .set_file_name("timeline.json")
            .save_file()
        else {
            return;
        };
        let timeline = self.ws.timeline.clone();
        self.run_task(ctx, format!("Exporting {}…", path.display()), move |cancel| {
            let format =
                export::DataFormat::from_file_name(&path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
            tasks::save(&path, export::render_data(&timeline, format).as_bytes(), cancel)
        });
    }
}

//! The eframe shell: panels, commands and background jobs. It calls the layers
//! below and never parses text itself.

pub mod jobs;
pub mod session;
pub mod timeline_view;

use std::path::PathBuf;

use egui::Ui;

use crate::export::{self, ImageSpec, Theme};
use crate::layout::view::TimeView;
use crate::source::Article;
use crate::timeline::Timeline;
use jobs::{ExtractJob, LoadJob, Loaded, Task};

/// Every extension the readers understand, for the open dialog.
pub fn open_extensions() -> Vec<&'static str> {
    crate::source::EXTENSIONS.iter().map(|&(e, _)| e).collect()
}

/// What the Export image dialog asks.
#[derive(Debug, Clone)]
struct ImageDialog {
    width: u32,
    height: u32,
    scale: f32,
    dark: bool,
    /// Export the visible range rather than everything.
    visible_only: bool,
}

impl Default for ImageDialog {
    fn default() -> Self {
        ImageDialog { width: 1600, height: 900, scale: 1.0, dark: false, visible_only: true }
    }
}

pub struct NewslineApp {
    articles: Vec<Article>,
    /// Each article's file, absolute, where it exists (see `jobs::Loaded::file_links`).
    file_links: Vec<Option<PathBuf>>,
    timeline: Timeline,
    /// Built once per timeline: what each frame draws from.
    index: crate::layout::index::TimelineIndex,
    errors: Vec<String>,
    status: String,
    selected: Option<usize>,
    job: Option<LoadJob>,
    /// Paths to load on the next frame (the context is needed to start the job).
    pending: Option<Vec<PathBuf>>,
    /// The x range the timeline showed last frame (days since 1970).
    view: Option<(f64, f64)>,
    image_dialog: Option<ImageDialog>,
    task: Option<Task>,
    /// Events per lane, for the sources panel.
    lane_counts: Vec<usize>,
    /// A view range to move to on the next frame.
    set_view: Option<(f64, f64)>,
    /// The search box: events whose title or sentences contain it.
    search: String,
    /// One lane per article, per source or per topic.
    lane_mode: crate::layout::lanes::LaneMode,
    /// The lanes of the current timeline in `lane_mode`, kept between filterings:
    /// typing in the filter box must not re-split every sentence into topics.
    lanes: Option<(crate::layout::lanes::LaneMode, crate::layout::lanes::Lanes)>,
    /// How many times lanes were assigned (a test hook for the cache above).
    lane_assignments: usize,
    /// The date filter's two ends as typed ("2007", "2007-10", "2007-10-15").
    date_from: String,
    date_to: String,
    /// Only events whose date is written in the text, not inferred.
    explicit_only: bool,
    /// Sources (lanes) the user has hidden.
    hidden: std::collections::HashSet<usize>,
    /// What names each article whatever else is open: edits and hidden sources use it.
    article_keys: session::ArticleKeys,
    /// The article shown in the article view, and the byte range to highlight.
    article_view: Option<ArticleView>,
    /// Scroll the article view to its highlight on its next frame.
    scroll_to_highlight: bool,
    fonts_installed: bool,
    /// Screen positions of the markers drawn last frame (tests click them).
    markers: Vec<(usize, egui::Pos2)>,
    /// What is open, for the session.
    opened: Vec<PathBuf>,
    /// What was opened before, newest first.
    recent: Vec<Vec<PathBuf>>,
    /// A session to apply once its files have loaded.
    restore: Option<session::Session>,
    saver: Option<session::Saver>,
    last_saved: Option<(session::Session, std::time::Instant)>,
    /// Why the last session could not be restored, shown until the next start.
    session_notice: Option<String>,
    /// The user's corrections (kept in the session).
    edits: session::Edits,
    /// The selected event's fields while they are being edited: title, start, end.
    editing: Option<(String, String, String)>,
    /// Publication dates being typed for undated articles, by article position.
    date_inputs: std::collections::HashMap<usize, String>,
    reextract: Option<ExtractJob>,
    /// Restored article dates ask for a new extraction on the next frame.
    start_reextract_later: bool,
}

impl NewslineApp {
    /// An app that starts loading `paths` on its first frame.
    pub fn new(paths: Vec<PathBuf>) -> Self {
        NewslineApp {
            articles: Vec::new(),
            file_links: Vec::new(),
            timeline: Timeline::default(),
            index: Default::default(),
            errors: Vec::new(),
            status: String::new(),
            selected: None,
            job: None,
            pending: Some(paths),
            view: None,
            image_dialog: None,
            task: None,
            markers: Vec::new(),
            lane_counts: Vec::new(),
            set_view: None,
            search: String::new(),
            date_from: String::new(),
            date_to: String::new(),
            explicit_only: false,
            lane_mode: Default::default(),
            lanes: None,
            lane_assignments: 0,
            hidden: Default::default(),
            article_keys: Default::default(),
            article_view: None,
            scroll_to_highlight: false,
            fonts_installed: false,
            opened: Vec::new(),
            recent: Vec::new(),
            restore: None,
            saver: None,
            last_saved: None,
            session_notice: None,
            edits: session::Edits::default(),
            editing: None,
            date_inputs: Default::default(),
            reextract: None,
            start_reextract_later: false,
        }
    }

    /// The app as the window opens it: the files asked for on the command line,
    /// else the last session's, else `fallback`; the session saved to
    /// `session_path` as it changes.
    pub fn with_session(paths: Vec<PathBuf>, fallback: Vec<PathBuf>, session_path: Option<PathBuf>) -> Self {
        let restored = session_path.as_deref().map(session::load).unwrap_or(session::Restored::Fresh);
        let recent = if let session::Restored::Session(s) = &restored { s.recent.clone() } else { Vec::new() };
        let mut notice = None;
        let (paths, restore) = match restored {
            session::Restored::Session(s) if paths.is_empty() && !s.paths.is_empty() => (s.paths.clone(), Some(s)),
            session::Restored::Corrupt { reason, backup } => {
                let kept = backup.map(|b| format!("; a copy is at {}", b.display())).unwrap_or_default();
                notice = Some(format!("The last session could not be read ({reason}){kept}. Starting fresh."));
                (if paths.is_empty() { fallback } else { paths }, None)
            }
            _ => (if paths.is_empty() { fallback } else { paths }, None),
        };
        let mut app = NewslineApp::new(paths);
        app.recent = recent;
        app.restore = restore.map(|s| *s);
        app.saver = session_path.map(session::Saver::new);
        app.session_notice = notice;
        app
    }

    /// The session as it stands: what is open and how it is viewed.
    pub fn session(&self) -> session::Session {
        session::Session {
            paths: self.opened.clone(),
            hidden_articles: self.hidden_keys(),
            search: self.search.clone(),
            date_from: self.date_from.clone(),
            date_to: self.date_to.clone(),
            explicit_only: self.explicit_only,
            lanes: self.lane_mode.label().to_string(),
            view: self.view,
            edits: self.edits.clone(),
            recent: self.recent.clone(),
            ..Default::default()
        }
    }

    /// Hands the session to the saver when it has changed, at most once a second.
    fn autosave(&mut self) {
        let Some(saver) = &self.saver else { return };
        if self.is_loading() {
            return;
        }
        // Checked at most once a second: building the session every frame would
        // clone paths and edits on the per-frame path.
        if self.last_saved.as_ref().is_some_and(|(_, at)| at.elapsed() < std::time::Duration::from_secs(1)) {
            return;
        }
        let now = self.session();
        let due = self.last_saved.as_ref().is_none_or(|(last, _)| *last != now);
        if due {
            saver.save(now.clone());
            self.last_saved = Some((now, std::time::Instant::now()));
        }
    }

    pub fn is_loading(&self) -> bool {
        self.job.is_some() || self.pending.is_some() || self.reextract.is_some() || self.start_reextract_later
    }

    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// The x range the timeline showed last frame, in days since 1970-01-01.
    pub fn visible_range(&self) -> Option<(f64, f64)> {
        self.view
    }

    /// Where the marker of an event was drawn last frame, if it was.
    pub fn marker_position(&self, event: usize) -> Option<egui::Pos2> {
        self.markers.iter().find(|(e, _)| *e == event).map(|(_, p)| *p)
    }

    /// The names of the lanes drawn (articles, sources or topics).
    pub fn lane_names(&self) -> &[String] {
        &self.index.lane_names
    }

    /// How many events the timeline draws from: all, less those filtered out.
    pub fn shown_event_count(&self) -> usize {
        self.index.len()
    }

    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// The hidden sources by their article keys, sorted.
    fn hidden_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.hidden.iter().filter_map(|&i| self.article_keys.key(i).map(str::to_string)).collect();
        keys.sort_unstable();
        keys
    }

    /// How many times the window assigned events to lanes (they are kept between
    /// filterings, and assigned again only when the timeline or the lane mode changes).
    pub fn lane_assignments(&self) -> usize {
        self.lane_assignments
    }

    fn start_loading(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>) {
        if let Some(old) = &self.job {
            old.cancel();
        }
        // A re-extraction of the old articles must not replace the new timeline
        // when it finishes late: its result is dropped with it.
        self.reextract = None;
        self.start_reextract_later = false;
        self.opened = paths.clone();
        self.recent.retain(|r| *r != paths);
        self.recent.insert(0, paths.clone());
        self.recent.truncate(10);
        let ctx = ctx.clone();
        self.job = Some(LoadJob::spawn(paths, move || ctx.request_repaint()));
        self.status = "Loading…".into();
    }

    fn finish_loading(&mut self, loaded: Loaded) {
        // Hidden sources go by their keys: the same articles stay hidden whatever
        // opened beside them.
        let mut hidden = self.hidden_keys();
        self.article_view = None;
        let restore = self.restore.take();
        self.articles = loaded.articles;
        self.file_links = loaded.file_links;
        self.timeline = loaded.timeline;
        self.article_keys = session::ArticleKeys::of(&self.timeline);
        self.lanes = None;
        self.count_events();
        self.errors = loaded.errors.iter().map(ToString::to_string).collect();
        self.selected = None;
        if let Some(mut s) = restore {
            session::migrate(&mut s, &self.article_keys);
            self.edits = s.edits;
            hidden = s.hidden_articles;
            self.search = s.search;
            self.date_from = s.date_from;
            self.date_to = s.date_to;
            self.explicit_only = s.explicit_only;
            self.lane_mode = crate::layout::lanes::LaneMode::ALL.into_iter().find(|m| m.label() == s.lanes).unwrap_or_default();
            self.set_view = s.view;
        }
        self.hidden = hidden.iter().filter_map(|k| self.article_keys.index_of(k)).collect();
        // The user's corrections, keyed by article, hold on whatever was opened.
        if self.apply_article_dates() {
            self.start_reextract_later = true;
        }
        self.apply_edits();
        // New files are shown as the view says: its filter, dates and lanes.
        self.refilter();
        self.status = format!(
            "{} articles, {} events{}{}",
            self.timeline.articles.len(),
            self.timeline.events.len(),
            if self.errors.is_empty() { String::new() } else { format!(", {} files skipped", self.errors.len()) },
            if loaded.cancelled { " (cancelled)" } else { "" }
        );
    }

    /// The whole window's contents; also what the UI tests drive.
    pub fn ui_root(&mut self, ui: &mut Ui) {
        if !self.fonts_installed {
            self.fonts_installed = true;
            // DejaVu Sans, the export's font, as a fallback: news quotes every script and
            // symbol, and the default font lacks many ("→", "é" in some faces, Cyrillic).
            let data = egui::FontData::from_static(crate::export::png::FONT_REGULAR);
            let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
                .map(|family| egui::epaint::text::InsertFontFamily { family, priority: egui::epaint::text::FontPriority::Lowest });
            ui.ctx().add_font(egui::epaint::text::FontInsert::new("DejaVu Sans", data, families.to_vec()));
        }
        if let Some(paths) = self.pending.take() {
            self.start_loading(ui.ctx(), paths);
        }
        if let Some(job) = &mut self.job
            && let Some(loaded) = job.poll()
        {
            self.job = None;
            self.finish_loading(loaded);
        }
        self.poll_task();
        self.poll_reextract();
        if std::mem::take(&mut self.start_reextract_later) {
            self.reextract(&ui.ctx().clone());
        }
        self.shortcuts(ui);
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        self.image_dialog_ui(ui);
        self.article_view_ui(&ui.ctx().clone());
        egui::Panel::left("sources").resizable(true).default_size(280.0).min_size(220.0).show(ui, |ui| self.sources_ui(ui));
        egui::Panel::bottom("details").resizable(true).default_size(180.0).min_size(120.0).show(ui, |ui| self.details_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            let out = timeline_view::timeline_ui(ui, &self.timeline, &self.index, self.selected, self.set_view.take());
            if let Some(clicked) = out.clicked {
                if self.selected != Some(clicked) {
                    self.editing = None;
                }
                self.selected = Some(clicked);
            }
            self.view = Some(out.visible);
            self.markers = out.markers;
        });
        self.autosave();
    }

    fn menu_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let label = ui.label("Filter");
            let search =
                ui.add(egui::TextEdit::singleline(&mut self.search).hint_text("Filter events…").desired_width(220.0)).labelled_by(label.id);
            let l = ui.label("From");
            let from =
                ui.add(egui::TextEdit::singleline(&mut self.date_from).hint_text("YYYY[-MM[-DD]]").desired_width(90.0)).labelled_by(l.id);
            let l = ui.label("To");
            let to =
                ui.add(egui::TextEdit::singleline(&mut self.date_to).hint_text("YYYY[-MM[-DD]]").desired_width(90.0)).labelled_by(l.id);
            let mut lanes_changed = false;
            let l = ui.label("Lanes");
            egui::ComboBox::from_id_salt("lanes")
                .selected_text(self.lane_mode.label())
                .show_ui(ui, |ui| {
                    for m in crate::layout::lanes::LaneMode::ALL {
                        lanes_changed |= ui.selectable_value(&mut self.lane_mode, m, m.label()).changed();
                    }
                })
                .response
                .labelled_by(l.id);
            let explicit = ui
                .checkbox(&mut self.explicit_only, "Written dates only")
                .on_hover_text("Hide events whose date was inferred from the story or the publication date (hollow markers)");
            if search.changed() || from.changed() || to.changed() || lanes_changed || explicit.changed() {
                self.refilter();
            }
            // Follows the system's light or dark theme until the user picks one here.
            let mut pref = ui.ctx().options(|o| o.theme_preference);
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
            if pref != ui.ctx().options(|o| o.theme_preference) {
                ui.ctx().set_theme(pref);
            }
            ui.menu_button("File", |ui| {
                if ui.add(egui::Button::new("Open files…").shortcut_text("Ctrl+O")).clicked() {
                    self.open_files(ui.ctx());
                    ui.close();
                }
                if ui.button("Open folder…").clicked() {
                    if let Some(dir) = rfd::FileDialog::new().pick_folder() {
                        self.start_loading(ui.ctx(), vec![dir]);
                    }
                    ui.close();
                }
                let mut reopen = None;
                ui.add_enabled_ui(self.recent.len() > 1, |ui| {
                    ui.menu_button("Open recent", |ui| {
                        for paths in self.recent.iter().skip(1) {
                            let name = paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
                            if ui.button(name).clicked() {
                                reopen = Some(paths.clone());
                                ui.close();
                            }
                        }
                    });
                });
                if let Some(paths) = reopen {
                    self.start_loading(ui.ctx(), paths);
                }
                ui.separator();
                if ui.add(egui::Button::new("Export image…").shortcut_text("Ctrl+E")).clicked() {
                    self.image_dialog = Some(self.image_dialog.take().unwrap_or_default());
                    ui.close();
                }
                if ui.button("Export data…").clicked() {
                    self.export_data(ui.ctx());
                    ui.close();
                }
            });
            ui.separator();
            if let Some(job) = &self.job {
                let fraction = if job.total > 0 { job.done as f32 / job.total as f32 } else { 0.0 };
                ui.add(egui::ProgressBar::new(fraction).desired_width(200.0).text(format!("{} / {} files", job.done, job.total)));
                if ui.button("Cancel").clicked() {
                    job.cancel();
                }
            } else if let Some(task) = &self.task {
                ui.spinner();
                ui.label(&task.what);
                if ui.button("Cancel").clicked() {
                    task.cancel();
                }
            } else {
                ui.label(&self.status);
            }
        });
    }

    fn shortcuts(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let open = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::O);
        let export = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::E);
        if ctx.input_mut(|i| i.consume_shortcut(&open)) {
            self.open_files(&ctx);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&export)) {
            self.image_dialog = Some(self.image_dialog.take().unwrap_or_default());
        }
        self.keyboard_navigation(&ctx);
        // Files dropped onto the window open like File ▸ Open.
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
        if !dropped.is_empty() {
            self.start_loading(&ctx, dropped);
        }
    }

    /// Rebuilds the drawing index for the search, the date filter and the hidden sources.
    fn refilter(&mut self) {
        let needle = self.search.trim().to_lowercase();
        let from = crate::timeline::date_bound(&self.date_from, false);
        let to = crate::timeline::date_bound(&self.date_to, true);
        if self.lanes.as_ref().is_none_or(|(mode, _)| *mode != self.lane_mode) {
            self.lanes = Some((self.lane_mode, crate::layout::lanes::assign(&self.timeline, self.lane_mode)));
            self.lane_assignments += 1;
        }
        let lanes = self.lanes.as_ref().map(|(_, l)| l.clone()).unwrap_or_default();
        let (tl, hidden, explicit_only, keys) = (&self.timeline, &self.hidden, self.explicit_only, &self.article_keys);
        let hidden_events: std::collections::HashSet<&str> = self.edits.hidden_events.iter().map(String::as_str).collect();
        self.index = crate::layout::index::TimelineIndex::with_lanes(tl, lanes, |i, lane| {
            if hidden.contains(&lane)
                || (!hidden_events.is_empty() && hidden_events.contains(session::event_key(&tl.events[i], keys).as_str()))
            {
                return false;
            }
            let e = &tl.events[i];
            if from.is_some_and(|f| e.end < f) || to.is_some_and(|t| e.start > t) || explicit_only && e.basis.is_inferred() {
                return false;
            }
            if needle.is_empty() {
                return true;
            }
            tl.events[i].matches(&needle)
        });
        if self.selected.is_some_and(|s| !self.index.order.contains(&(s as u32))) {
            self.selected = None;
        }
    }

    /// Corrected titles and dates, written over the extracted ones. The caller
    /// refilters, which builds the index again from them.
    fn apply_edits(&mut self) {
        if self.edits.titles.is_empty() && self.edits.dates.is_empty() {
            return;
        }
        let titles: std::collections::HashMap<&str, &str> = self.edits.titles.iter().map(|(k, t)| (k.as_str(), t.as_str())).collect();
        let dates: std::collections::HashMap<&str, (chrono::NaiveDate, chrono::NaiveDate)> =
            self.edits.dates.iter().map(|(k, a, b)| (k.as_str(), (*a, *b))).collect();
        self.lanes = None;
        for e in &mut self.timeline.events {
            let key = session::event_key(e, &self.article_keys);
            if let Some(t) = titles.get(key.as_str()) {
                e.title = t.to_string();
            }
            if let Some(&(a, b)) = dates.get(key.as_str()) {
                (e.start, e.end) = (a, b);
            }
        }
    }

    /// Publication dates the user gave, set on the articles; true if any changed.
    fn apply_article_dates(&mut self) -> bool {
        let mut changed = false;
        for (key, d) in &self.edits.article_dates {
            let Some(i) = self.article_keys.index_of(key) else { continue };
            if let Some(a) = self.articles.get_mut(i)
                && a.published != Some(*d)
            {
                a.published = Some(*d);
                a.warnings.retain(|w| !w.starts_with("no publication date"));
                changed = true;
            }
        }
        changed
    }

    /// Each article's event count for the sources panel, from the timeline as it
    /// is now (after a load, and after dates are resolved again).
    fn count_events(&mut self) {
        self.lane_counts = vec![0; self.timeline.articles.len()];
        for a in crate::layout::scene::lanes_of(&self.timeline) {
            if let Some(c) = self.lane_counts.get_mut(a) {
                *c += 1;
            }
        }
    }

    /// Extracts again on a worker after an article's date changed.
    fn reextract(&mut self, ctx: &egui::Context) {
        let ctx = ctx.clone();
        self.reextract = Some(ExtractJob::spawn(self.articles.clone(), move || ctx.request_repaint()));
        self.status = "Resolving dates again…".into();
    }

    fn poll_reextract(&mut self) {
        if let Some(job) = &mut self.reextract
            && let Some(tl) = job.poll()
        {
            self.reextract = None;
            self.timeline = tl;
            self.article_keys = session::ArticleKeys::of(&self.timeline);
            self.lanes = None;
            self.count_events();
            self.selected = None;
            self.apply_edits();
            self.refilter();
            self.status = format!("{} articles, {} events", self.timeline.articles.len(), self.timeline.events.len());
        }
    }

    /// Arrows pan, + and - zoom, Home or F fits everything (when no text field has the keyboard).
    fn keyboard_navigation(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        let Some((a, b)) = self.view else { return };
        let view = TimeView::new((a, b));
        let (left, right, zoom_in, zoom_out, fit) = ctx.input(|i| {
            (
                i.key_pressed(egui::Key::ArrowLeft),
                i.key_pressed(egui::Key::ArrowRight),
                i.key_pressed(egui::Key::Plus) || i.key_pressed(egui::Key::Equals),
                i.key_pressed(egui::Key::Minus),
                i.key_pressed(egui::Key::Home) || i.key_pressed(egui::Key::F),
            )
        });
        // N and P step through the shown events in date order; Delete hides the selected
        // one; Escape clears the selection: events are reachable without a mouse.
        let (next, prev, hide, clear) = ctx.input(|i| {
            (i.key_pressed(egui::Key::N), i.key_pressed(egui::Key::P), i.key_pressed(egui::Key::Delete), i.key_pressed(egui::Key::Escape))
        });
        if (next || prev) && !self.index.is_empty() {
            let pos = self.selected.and_then(|s| self.index.order.iter().position(|&e| e as usize == s));
            let p = match (pos, next) {
                (Some(p), true) => (p + 1).min(self.index.len() - 1),
                (Some(p), false) => p.saturating_sub(1),
                (None, _) => self.index.candidates(a, b).start.min(self.index.len() - 1),
            };
            let e = self.index.order[p] as usize;
            self.selected = Some(e);
            self.editing = None;
            // Keep it in view.
            let (s, t) = (self.index.starts[p], self.index.ends[p]);
            if s < a || t > b {
                self.set_view = Some(view.centred_on((s + t) / 2.0).range());
            }
            return;
        }
        if hide && let Some(e) = self.selected.and_then(|i| self.timeline.events.get(i)) {
            self.edits.hidden_events.push(session::event_key(e, &self.article_keys));
            self.refilter();
            return;
        }
        if clear {
            self.selected = None;
            return;
        }
        let moved = if left {
            Some(view.pan(-0.2))
        } else if right {
            Some(view.pan(0.2))
        } else if zoom_in {
            Some(view.zoom(1.5))
        } else if zoom_out {
            Some(view.zoom(1.0 / 1.5))
        } else if fit {
            TimeView::fit(self.index.extent)
        } else {
            None
        };
        if let Some(v) = moved.filter(|&v| v != view) {
            self.set_view = Some(v.range());
        }
    }

    fn open_files(&mut self, ctx: &egui::Context) {
        if let Some(files) = rfd::FileDialog::new().add_filter("Articles, pages, feeds, dumps", &open_extensions()).pick_files() {
            self.start_loading(ctx, files);
        }
    }

    fn poll_task(&mut self) {
        if let Some(task) = &mut self.task
            && let Some(result) = task.poll()
        {
            self.status = match result {
                Ok(msg) => msg,
                Err(jobs::TaskError::Cancelled) => "Export cancelled; nothing was written".into(),
                Err(jobs::TaskError::Failed(e)) => format!("Export failed: {e}"),
            };
            self.task = None;
        }
    }

    /// Runs an export off the UI thread; the window keeps drawing meanwhile.
    fn run_task(&mut self, ctx: &egui::Context, what: String, work: impl FnOnce(&jobs::Cancel) -> Result<String, String> + Send + 'static) {
        let ctx = ctx.clone();
        self.task = Some(Task::spawn(what, work, move || ctx.request_repaint()));
    }

    fn image_dialog_ui(&mut self, ui: &mut Ui) {
        let Some(mut d) = self.image_dialog.take() else { return };
        let mut open = true;
        let mut go = false;
        egui::Window::new("Export image").open(&mut open).collapsible(false).resizable(false).show(ui.ctx(), |ui| {
            egui::Grid::new("image-export").num_columns(2).show(ui, |ui| {
                let label = ui.label("Width (px)");
                ui.add(egui::DragValue::new(&mut d.width).range(64..=16384)).labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Height (px)");
                ui.add(egui::DragValue::new(&mut d.height).range(64..=16384)).labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Scale (PNG)");
                ui.add(egui::DragValue::new(&mut d.scale).range(0.5..=4.0).speed(0.25)).labelled_by(label.id);
                ui.end_row();
                ui.label("Theme");
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut d.dark, false, "Light");
                    ui.selectable_value(&mut d.dark, true, "Dark");
                });
                ui.end_row();
                ui.label("Range");
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut d.visible_only, true, "Visible");
                    ui.selectable_value(&mut d.visible_only, false, "Everything");
                });
                ui.end_row();
            });
            go = ui.button("Save as PNG or SVG…").clicked();
        });
        if go {
            self.export_image(ui.ctx(), &d);
        } else if open {
            self.image_dialog = Some(d);
        }
    }

    fn export_image(&mut self, ctx: &egui::Context, d: &ImageDialog) {
        let Some(path) = rfd::FileDialog::new()
            .add_filter("PNG image", &["png"])
            .add_filter("SVG image", &["svg"])
            .set_file_name("timeline.png")
            .save_file()
        else {
            return;
        };
        let spec = self.image_spec(d);
        // The window's own query: its filtered events, its lanes, its range.
        let (timeline, index) = (self.timeline.clone(), self.index.clone());
        self.run_task(ctx, format!("Exporting {}…", path.display()), move |cancel| {
            jobs::save(&path, &export::render_image_of(&timeline, &index, &spec, &path)?, cancel)
        });
    }

    fn image_spec(&self, d: &ImageDialog) -> ImageSpec {
        ImageSpec {
            width: d.width,
            height: d.height,
            range: if d.visible_only { self.view } else { None },
            theme: if d.dark { Theme::Dark } else { Theme::Light },
            title: None,
            scale: d.scale,
        }
    }

    /// The scene that Export image draws with the dialog's defaults: what the
    /// window shows (the UI tests compare the two).
    pub fn export_scene(&self) -> crate::layout::scene::Scene {
        export::image_scene(&self.timeline, &self.index, &self.image_spec(&ImageDialog::default()))
    }

    fn export_data(&mut self, ctx: &egui::Context) {
        let Some(path) = rfd::FileDialog::new()
            .add_filter("Timeline JSON", &["json"])
            .add_filter("CSV", &["csv"])
            .add_filter("TimelineJS JSON", &["timelinejs.json"])
            .set_file_name("timeline.json")
            .save_file()
        else {
            return;
        };
        let timeline = self.timeline.clone();
        self.run_task(ctx, format!("Exporting {}…", path.display()), move |cancel| {
            let format =
                export::DataFormat::from_file_name(&path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
            jobs::save(&path, export::render_data(&timeline, format).as_bytes(), cancel)
        });
    }

    fn sources_ui(&mut self, ui: &mut Ui) {
        ui.heading("Sources");
        if let Some(n) = &self.session_notice {
            ui.label(egui::RichText::new(n).small().color(ui.visuals().warn_fg_color));
        }
        if !self.errors.is_empty() {
            egui::CollapsingHeader::new(format!("Skipped files ({})", self.errors.len())).default_open(true).show(ui, |ui| {
                egui::ScrollArea::vertical().id_salt("skipped").max_height(160.0).show(ui, |ui| {
                    for e in &self.errors {
                        ui.label(egui::RichText::new(e).small().color(ui.visuals().warn_fg_color));
                    }
                });
            });
            ui.separator();
        }
        if self.lane_mode != crate::layout::lanes::LaneMode::Article {
            ui.label(egui::RichText::new(format!("Lanes by {}", self.lane_mode.label().to_lowercase())).strong());
            for (i, name) in self.index.lane_names.iter().enumerate() {
                ui.horizontal(|ui| {
                    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter().circle_filled(rect.center(), 5.0, timeline_view::lane_colour(i));
                    ui.label(name);
                });
            }
            ui.separator();
        }
        let articles = &self.timeline.articles;
        let mut toggled = None;
        let mut dated = None;
        let date_inputs = &mut self.date_inputs;
        let mut source_row = |ui: &mut Ui, i: usize| {
            let a = &articles[i];
            let count = self.lane_counts.get(i).copied().unwrap_or(0);
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                ui.painter().circle_filled(rect.center(), 5.0, timeline_view::lane_colour(i));
                ui.vertical(|ui| {
                    // The check box shows or hides the source's events; its text is the title.
                    let mut shown = !self.hidden.contains(&i);
                    if ui.checkbox(&mut shown, egui::RichText::new(&a.title).strong()).changed() {
                        toggled = Some(i);
                    }
                    let date = a.published.map(|d| d.to_string()).unwrap_or_else(|| "no date".into());
                    ui.label(egui::RichText::new(format!("{date} · {count} events")).small());
                    // An undated article can be given its date; its events then resolve again.
                    if a.published.is_none() && i < self.articles.len() {
                        ui.horizontal(|ui| {
                            let input = date_inputs.entry(i).or_default();
                            let l = ui.label(egui::RichText::new("Published").small());
                            ui.add(egui::TextEdit::singleline(input).hint_text("YYYY-MM-DD").desired_width(90.0)).labelled_by(l.id);
                            if let Ok(d) = input.trim().parse::<chrono::NaiveDate>()
                                && ui.small_button("Set").clicked()
                            {
                                dated = Some((i, d));
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
        if let Some(i) = toggled {
            if !self.hidden.remove(&i) {
                self.hidden.insert(i);
            }
            self.refilter();
        }
        if let Some((i, d)) = dated
            && let Some(key) = self.article_keys.key(i).map(str::to_string)
        {
            self.edits.article_dates.retain(|(k, _)| *k != key);
            self.edits.article_dates.push((key, d));
            if self.apply_article_dates() {
                self.reextract(&ui.ctx().clone());
            }
        }
        if !self.edits.hidden_events.is_empty() {
            ui.separator();
            if ui.button(format!("Show {} hidden events", self.edits.hidden_events.len())).clicked() {
                self.edits.hidden_events.clear();
                self.refilter();
            }
        }
    }

    fn details_ui(&mut self, ui: &mut Ui) {
        let Some(e) = self.selected.and_then(|i| self.timeline.events.get(i)) else {
            ui.label("Click an event to see where its date came from. Drag to pan, wheel or pinch to zoom, double-click to fit; keys: arrows, + and -, Home, N and P to step through events, Delete to hide one.");
            return;
        };
        ui.heading(&e.title);
        ui.label(format!("{}  ({})", timeline_view::date_range_text(e.start, e.end), e.timex));
        let key = session::event_key(e, &self.article_keys);
        let mut edit_done = None;
        let mut cancel = false;
        ui.horizontal(|ui| {
            if self.editing.is_none() && ui.small_button("Edit…").clicked() {
                self.editing = Some((e.title.clone(), e.start.to_string(), e.end.to_string()));
            }
            if ui.small_button("Hide event").clicked() {
                edit_done = Some(None);
            }
        });
        if let Some((title, start, end)) = &mut self.editing {
            egui::Grid::new("edit-event").num_columns(2).show(ui, |ui| {
                let l = ui.label("Title");
                ui.add(egui::TextEdit::singleline(title).desired_width(480.0)).labelled_by(l.id);
                ui.end_row();
                let l = ui.label("From (YYYY-MM-DD)");
                ui.add(egui::TextEdit::singleline(start).desired_width(110.0)).labelled_by(l.id);
                ui.end_row();
                let l = ui.label("To (YYYY-MM-DD)");
                ui.add(egui::TextEdit::singleline(end).desired_width(110.0)).labelled_by(l.id);
                ui.end_row();
            });
            let dates = (start.trim().parse::<chrono::NaiveDate>(), end.trim().parse::<chrono::NaiveDate>());
            ui.horizontal(|ui| {
                match dates {
                    (Ok(a), Ok(b)) if a <= b && !title.trim().is_empty() => {
                        if ui.button("Apply").clicked() {
                            edit_done = Some(Some((title.trim().to_string(), a, b)));
                        }
                    }
                    _ => {
                        ui.label(egui::RichText::new("A title, and dates with From ≤ To").color(ui.visuals().warn_fg_color));
                    }
                }
                if ui.button("Cancel").clicked() {
                    cancel = true;
                }
            });
        }
        if cancel {
            self.editing = None;
        }
        if let Some(done) = edit_done {
            self.editing = None;
            match done {
                None => self.edits.hidden_events.push(key),
                Some((title, a, b)) => {
                    self.edits.titles.retain(|(k, _)| *k != key);
                    self.edits.dates.retain(|(k, _, _)| *k != key);
                    self.edits.titles.push((key.clone(), title));
                    self.edits.dates.push((key, a, b));
                    self.apply_edits();
                }
            }
            self.refilter();
            return;
        }
        let mut open_article = None;
        egui::ScrollArea::vertical().show(ui, |ui| {
            for m in &e.mentions {
                let article = self.timeline.articles.iter().position(|a| a.id == m.article);
                let meta = article.map(|i| &self.timeline.articles[i]);
                let source = meta.map_or("", |a| a.title.as_str());
                // How the date was found: the words and what they were resolved against,
                // the narrative it follows, or the article's publication date.
                let basis = m.basis_text(meta.and_then(|a| a.published));
                ui.label(egui::RichText::new(format!("{basis} → {} — {source}", timeline_view::date_range_text(e.start, e.end))).small());
                ui.label(&m.sentence);
                ui.horizontal(|ui| {
                    // The article's text is at hand for articles read in this session.
                    if let Some(i) = article.filter(|&i| i < self.articles.len())
                        && ui.small_button("Show in article").clicked()
                    {
                        let text = &self.articles[i].text;
                        let (start, end) = match (m.sentence_start, m.sentence_end) {
                            (Some(s), Some(e)) => (s, e),
                            // A timeline saved before sentences kept their place: up to the date.
                            _ => {
                                let at = m.anchor().unwrap_or(0).min(text.len());
                                (text.get(..at).and_then(|t| t.rfind(['.', '\n'])).map_or(0, |p| p + 1), m.end.unwrap_or(at))
                            }
                        };
                        open_article = Some((i, start.min(text.len())..end.min(text.len())));
                    }
                    // Only web links open, and only when asked.
                    if let Some(url) = meta.and_then(|a| a.url.as_deref()).filter(|u| u.starts_with("https://") || u.starts_with("http://"))
                    {
                        if ui.small_button("Open original").on_hover_text(url).clicked() {
                            ui.ctx().open_url(egui::OpenUrl::new_tab(url));
                        }
                    } else if let Some(abs) = article.and_then(|i| self.file_links.get(i)).and_then(Option::as_ref)
                        && ui.small_button("Open file").on_hover_text(abs.display().to_string()).clicked()
                    {
                        // The file this session read, never a path named inside an article.
                        ui.ctx().open_url(egui::OpenUrl::new_tab(format!("file://{}", abs.display())));
                    }
                });
                ui.add_space(4.0);
            }
        });
        if let Some((i, range)) = open_article {
            // The sentence as the mention recorded it, wherever it lies in the text.
            let text = &self.articles[i].text;
            let m = e.mentions.iter().find(|m| self.timeline.articles.iter().position(|a| a.id == m.article) == Some(i));
            let range = m.and_then(|m| text.find(m.sentence.trim()).map(|s| s..s + m.sentence.trim().len())).unwrap_or(range);
            self.article_view = Some(ArticleView::new(i, text, range));
            self.scroll_to_highlight = true;
        }
    }

    /// The article's text with the mention's sentence highlighted and scrolled into view.
    fn article_view_ui(&mut self, ctx: &egui::Context) {
        let Some(view) = &self.article_view else { return };
        let Some(article) = self.articles.get(view.article) else {
            self.article_view = None;
            return;
        };
        let mut open = true;
        let scroll = std::mem::take(&mut self.scroll_to_highlight);
        egui::Window::new("Article").open(&mut open).default_size([560.0, 520.0]).show(ctx, |ui| {
            ui.strong(&article.title);
            egui::ScrollArea::vertical().show(ui, |ui| {
                let text = &article.text;
                ui.label(&text[view.shown.start..view.highlight.start]);
                let mark =
                    ui.label(egui::RichText::new(&text[view.highlight.clone()]).background_color(ui.visuals().selection.bg_fill).strong());
                if scroll {
                    mark.scroll_to_me(Some(egui::Align::Center));
                }
                ui.label(&text[view.highlight.end..view.shown.end]);
            });
        });
        if !open {
            self.article_view = None;
        }
    }
}

/// What the article view shows: byte ranges into one article's text, worked
/// out once when it opens rather than on every frame.
struct ArticleView {
    article: usize,
    highlight: std::ops::Range<usize>,
    /// The neighbourhood of the sentence: long articles are not laid out whole.
    shown: std::ops::Range<usize>,
}

impl ArticleView {
    fn new(article: usize, text: &str, range: std::ops::Range<usize>) -> ArticleView {
        let (s, e) = (range.start.min(text.len()), range.end.min(text.len()));
        let (s, e) = if text.is_char_boundary(s) && text.is_char_boundary(e) && s <= e { (s, e) } else { (0, 0) };
        let from = text[..s].char_indices().rev().nth(20_000).map_or(0, |(p, _)| p);
        let to = text[e..].char_indices().nth(20_000).map_or(text.len(), |(p, _)| e + p);
        ArticleView { article, highlight: s..e, shown: from..to }
    }
}

/// The app in its window, with what only a real window has.
struct Window {
    app: NewslineApp,
    /// When the process started, for the start-up probe.
    started: std::time::Instant,
    /// Set by `NEWSLINE_STARTUP_PROBE`: print the time to the first frame and close.
    probe: bool,
}

impl eframe::App for Window {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.app.ui_root(ui);
        if self.probe {
            self.probe = false;
            eprintln!("newsline: first frame {} ms after start", self.started.elapsed().as_millis());
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// Opens the window. `started` is when the process started: with
/// `NEWSLINE_STARTUP_PROBE=1` the window reports how long its first frame took
/// to come and closes (the start-up measurement in the README).
pub fn run(paths: Vec<PathBuf>, fallback: Vec<PathBuf>, started: std::time::Instant) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1280.0, 800.0]).with_title("Newsline"),
        ..Default::default()
    };
    let probe = std::env::var_os("NEWSLINE_STARTUP_PROBE").is_some();
    eframe::run_native(
        "Newsline",
        options,
        Box::new(move |_cc| {
            Ok(Box::new(Window { app: NewslineApp::with_session(paths, fallback, session::default_path()), started, probe }))
        }),
    )
}

//! The eframe shell. It calls the layers below and never parses text itself.
//!
//! - [`state::ViewState`]: what the user chose to see; it is the saved session.
//! - [`workspace::Workspace`]: what is open, and all that derives from it for a view.
//! - [`command::Command`]: what the user asks; applied in one place.
//! - [`panels`]: the top bar, the sources, the details, the article view, the
//!   export dialog and the keyboard, each emitting commands.
//! - [`timeline_view`]: the timeline itself.
//! - [`jobs`], [`tasks`] and [`background`]: loading, extracting again and exporting
//!   off the UI thread, a late result never replacing a newer one.
//! - [`session`] and [`persist`]: the session file, and keeping it as things change.

mod background;
pub mod command;
pub mod jobs;
pub mod panels;
mod persist;
pub mod session;
pub mod state;
pub mod tasks;
pub mod timeline_view;
pub mod workspace;

use std::path::PathBuf;

use egui::Ui;

use crate::timeline::Timeline;
use command::Command;
use panels::article_view::ArticleView;
use panels::details::DetailsPanel;
use panels::image_dialog::ImageDialog;
use panels::sources::SourcesPanel;
use persist::SessionKeeper;
use state::ViewState;
use workspace::Workspace;

/// Every extension the readers understand, for the open dialog.
pub fn open_extensions() -> Vec<&'static str> {
    crate::source::EXTENSIONS.iter().map(|&(e, _)| e).collect()
}

pub struct NewslineApp {
    /// What is open and what derives from it.
    ws: Workspace,
    /// What the user chose to see (saved as the session).
    state: ViewState,
    /// The job that makes the timeline: a load, or an extraction again.
    jobs: jobs::Timelines,
    /// An export running.
    task: Option<tasks::Task>,
    /// Paths to load on the next frame (the context is needed to start the job).
    pending: Option<Vec<PathBuf>>,
    /// Restored article dates ask for a new extraction on the next frame.
    extract_later: bool,
    keeper: SessionKeeper,
    status: String,
    selected: Option<usize>,
    /// A view range to move to on the next frame.
    set_view: Option<(f64, f64)>,
    /// Screen positions of the markers drawn last frame (tests click them).
    markers: Vec<(usize, egui::Pos2)>,
    fonts_installed: bool,
    menu: panels::menu::MenuBar,
    sources: SourcesPanel,
    details: DetailsPanel,
    image_dialog: Option<ImageDialog>,
    article_view: Option<ArticleView>,
}

impl NewslineApp {
    /// An app that starts loading `paths` on its first frame.
    pub fn new(paths: Vec<PathBuf>) -> Self {
        NewslineApp {
            ws: Workspace::default(),
            state: ViewState::default(),
            jobs: Default::default(),
            task: None,
            pending: Some(paths),
            extract_later: false,
            keeper: SessionKeeper::default(),
            status: String::new(),
            selected: None,
            set_view: None,
            markers: Vec::new(),
            fonts_installed: false,
            menu: Default::default(),
            sources: Default::default(),
            details: Default::default(),
            image_dialog: None,
            article_view: None,
        }
    }

    /// The app as the window opens it: the files asked for on the command line,
    /// else the last session's, else `fallback`; the session saved to
    /// `session_path` as it changes.
    pub fn with_session(paths: Vec<PathBuf>, fallback: Vec<PathBuf>, session_path: Option<PathBuf>) -> Self {
        let (keeper, open) = SessionKeeper::open(session_path, paths, fallback);
        NewslineApp { keeper, ..NewslineApp::new(open) }
    }

    /// The session as it stands: what is open and how it is viewed.
    pub fn session(&self) -> session::Session {
        self.keeper.session(&self.state)
    }

    pub fn is_loading(&self) -> bool {
        self.jobs.is_running() || self.pending.is_some() || self.extract_later
    }

    pub fn timeline(&self) -> &Timeline {
        &self.ws.timeline
    }

    /// The x range the timeline showed last frame, in days since 1970-01-01.
    pub fn visible_range(&self) -> Option<(f64, f64)> {
        self.state.view
    }

    /// Where the marker of an event was drawn last frame, if it was.
    pub fn marker_position(&self, event: usize) -> Option<egui::Pos2> {
        self.markers.iter().find(|(e, _)| *e == event).map(|(_, p)| *p)
    }

    /// The names of the lanes drawn (articles, sources or topics).
    pub fn lane_names(&self) -> &[String] {
        &self.ws.index.lane_names
    }

    /// How many events the timeline draws from: all, less those filtered out.
    pub fn shown_event_count(&self) -> usize {
        self.ws.index.len()
    }

    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// How many times the window assigned events to lanes (they are kept between
    /// filterings, and assigned again only when the timeline or the lane mode changes).
    pub fn lane_assignments(&self) -> usize {
        self.ws.lane_assignments
    }

    /// The scene that Export image draws with the dialog's defaults: what the
    /// window shows (the UI tests compare the two).
    pub fn export_scene(&self) -> crate::layout::scene::Scene {
        crate::export::image_scene(&self.ws.timeline, &self.ws.index, &ImageDialog::default().spec(self.state.view))
    }

    /// The whole window's contents; also what the UI tests drive. Each frame: take
    /// in finished work, draw the panels (which say what the user asked), apply that.
    pub fn ui_root(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            self.fonts_installed = true;
            install_fonts(&ctx);
        }
        if let Some(paths) = self.pending.take() {
            self.start_loading(&ctx, paths);
        }
        self.poll_background(&ctx);
        let mut out: Vec<Command> = Vec::new();
        panels::keys::read(&ctx, &self.ws.index, self.selected, self.state.view, &mut out);
        egui::Panel::top("menu").show(ui, |ui| {
            let bar = panels::menu::Bar {
                state: &self.state,
                recent: &self.keeper.recent,
                job: self.jobs.running.as_ref(),
                task: self.task.as_ref().map(|t| t.what.as_str()),
                status: &self.status,
            };
            self.menu.show(ui, &bar, &mut out);
        });
        if let Some(d) = &mut self.image_dialog
            && !d.show(&ctx, &mut out)
        {
            self.image_dialog = None;
        }
        if let Some(view) = &mut self.article_view {
            match self.ws.articles.get(view.article) {
                Some(article) => view.show(&ctx, article, &mut out),
                None => out.push(Command::CloseArticle),
            }
        }
        egui::Panel::left("sources")
            .resizable(true)
            .default_size(280.0)
            .min_size(220.0)
            .show(ui, |ui| self.sources.show(ui, &self.ws, &self.state, self.keeper.notice.as_deref(), &mut out));
        egui::Panel::bottom("details")
            .resizable(true)
            .default_size(180.0)
            .min_size(120.0)
            .show(ui, |ui| self.details.show(ui, &self.ws, self.selected, &mut out));
        egui::CentralPanel::default().show(ui, |ui| {
            let drawn = timeline_view::timeline_ui(ui, &self.ws.timeline, &self.ws.index, self.selected, self.set_view.take());
            if let Some(clicked) = drawn.clicked {
                out.push(Command::Select(Some(clicked)));
            }
            out.push(Command::Viewed(drawn.visible));
            self.markers = drawn.markers;
        });
        self.apply(&ctx, out);
        if !self.is_loading() {
            self.keeper.autosave(&self.state);
        }
    }
}

/// DejaVu Sans, the export's font, as a fallback: news quotes every script and
/// symbol, and the default font lacks many ("→", "é" in some faces, Cyrillic).
fn install_fonts(ctx: &egui::Context) {
    let data = egui::FontData::from_static(crate::export::png::FONT_REGULAR);
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .map(|family| egui::epaint::text::InsertFontFamily { family, priority: egui::epaint::text::FontPriority::Lowest });
    ctx.add_font(egui::epaint::text::FontInsert::new("DejaVu Sans", data, families.to_vec()));
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

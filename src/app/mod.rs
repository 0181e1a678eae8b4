//! The eframe shell: panels, commands and background jobs. It calls the layers
//! below and never parses text itself.

pub mod jobs;
pub mod timeline_view;

use std::path::PathBuf;

use egui::Ui;

use crate::source::Article;
use crate::timeline::Timeline;
use jobs::{LoadJob, Loaded};

pub struct NewslineApp {
    articles: Vec<Article>,
    timeline: Timeline,
    lanes: Vec<usize>,
    errors: Vec<String>,
    status: String,
    selected: Option<usize>,
    job: Option<LoadJob>,
    /// Paths to load on the next frame (the context is needed to start the job).
    pending: Option<Vec<PathBuf>>,
}

impl NewslineApp {
    /// An app that starts loading `paths` on its first frame.
    pub fn new(paths: Vec<PathBuf>) -> Self {
        NewslineApp {
            articles: Vec::new(),
            timeline: Timeline::default(),
            lanes: Vec::new(),
            errors: Vec::new(),
            status: String::new(),
            selected: None,
            job: None,
            pending: Some(paths),
        }
    }

    pub fn is_loading(&self) -> bool {
        self.job.is_some() || self.pending.is_some()
    }

    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    fn start_loading(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>) {
        if let Some(old) = &self.job {
            old.cancel();
        }
        let ctx = ctx.clone();
        self.job = Some(LoadJob::spawn(paths, move || ctx.request_repaint()));
        self.status = "Loading…".into();
    }

    fn finish_loading(&mut self, loaded: Loaded) {
        self.lanes = timeline_view::lanes_of(&loaded.timeline);
        self.articles = loaded.articles;
        self.timeline = loaded.timeline;
        self.errors = loaded.errors.iter().map(ToString::to_string).collect();
        self.selected = None;
        self.status = format!(
            "{} articles, {} events{}{}",
            self.articles.len(),
            self.timeline.events.len(),
            if self.errors.is_empty() { String::new() } else { format!(", {} files skipped", self.errors.len()) },
            if loaded.cancelled { " (cancelled)" } else { "" }
        );
    }

    /// The whole window's contents; also what the UI tests drive.
    pub fn ui_root(&mut self, ui: &mut Ui) {
        if let Some(paths) = self.pending.take() {
            self.start_loading(ui.ctx(), paths);
        }
        if let Some(job) = &mut self.job
            && let Some(loaded) = job.poll()
        {
            self.job = None;
            self.finish_loading(loaded);
        }
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::left("sources").resizable(true).default_size(280.0).min_size(220.0).show(ui, |ui| self.sources_ui(ui));
        egui::Panel::bottom("details").resizable(true).default_size(180.0).show(ui, |ui| self.details_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(clicked) = timeline_view::timeline_ui(ui, &self.timeline, &self.lanes, self.selected) {
                self.selected = Some(clicked);
            }
        });
    }

    fn menu_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open files…").clicked() {
                    if let Some(files) = rfd::FileDialog::new().add_filter("Articles", &["txt", "md", "markdown", "text"]).pick_files() {
                        self.start_loading(ui.ctx(), files);
                    }
                    ui.close();
                }
                if ui.button("Open folder…").clicked() {
                    if let Some(dir) = rfd::FileDialog::new().pick_folder() {
                        self.start_loading(ui.ctx(), vec![dir]);
                    }
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
            } else {
                ui.label(&self.status);
            }
        });
    }

    fn sources_ui(&mut self, ui: &mut Ui) {
        ui.heading("Sources");
        egui::ScrollArea::vertical().show(ui, |ui| {
            for (i, a) in self.timeline.articles.iter().enumerate() {
                let count = self.lanes.iter().filter(|&&l| l == i).count();
                ui.horizontal(|ui| {
                    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter().circle_filled(rect.center(), 5.0, timeline_view::lane_colour(i));
                    ui.vertical(|ui| {
                        ui.label(egui::RichText::new(&a.title).strong());
                        let date = a.published.map(|d| d.to_string()).unwrap_or_else(|| "no date".into());
                        ui.label(egui::RichText::new(format!("{date} · {count} events")).small());
                    });
                });
            }
            if !self.errors.is_empty() {
                ui.separator();
                ui.label(egui::RichText::new("Skipped files").strong());
                for e in &self.errors {
                    ui.label(egui::RichText::new(e).small().color(ui.visuals().warn_fg_color));
                }
            }
        });
    }

    fn details_ui(&mut self, ui: &mut Ui) {
        let Some(e) = self.selected.and_then(|i| self.timeline.events.get(i)) else {
            ui.label("Click an event to see where its date came from. Drag to pan, scroll to zoom, double-click to fit.");
            return;
        };
        ui.heading(&e.title);
        ui.label(format!("{}  ({})", timeline_view::date_range_text(e.start, e.end), e.timex));
        egui::ScrollArea::vertical().show(ui, |ui| {
            for m in &e.mentions {
                let source = self.timeline.articles.iter().find(|a| a.id == m.article).map(|a| a.title.as_str()).unwrap_or("");
                ui.label(egui::RichText::new(format!("“{}” — {source}", m.text)).small());
                ui.label(&m.sentence);
                ui.add_space(4.0);
            }
        });
    }
}

impl eframe::App for NewslineApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }
}

/// Opens the window.
pub fn run(paths: Vec<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1280.0, 800.0]).with_title("Newsline"),
        ..Default::default()
    };
    eframe::run_native("Newsline", options, Box::new(|_cc| Ok(Box::new(NewslineApp::new(paths)))))
}

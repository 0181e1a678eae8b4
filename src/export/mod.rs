//! Exporters: the timeline as a picture (SVG, PNG) and as data for other tools
//! (CSV, TimelineJS). Every file is written atomically.

pub mod csv;
pub mod png;
pub mod svg;
pub mod timelinejs;

use std::path::Path;

use crate::layout::index::TimelineIndex;
use crate::layout::{self, scene};
use crate::timeline::Timeline;

pub use svg::Theme;

/// What a picture shows and how big it is.
#[derive(Debug, Clone)]
pub struct ImageSpec {
    pub width: u32,
    pub height: u32,
    /// Visible days since 1970-01-01; None fits every event.
    pub range: Option<(f64, f64)>,
    pub theme: Theme,
    pub title: Option<String>,
    /// Pixel density: 2.0 doubles the PNG's pixels, not its layout.
    pub scale: f32,
}

impl Default for ImageSpec {
    fn default() -> Self {
        ImageSpec { width: 1600, height: 900, range: None, theme: Theme::Light, title: None, scale: 1.0 }
    }
}

pub const FONT_SIZE: f32 = 12.0;

/// The x range that shows every event, with a margin.
pub fn fit_range(timeline: &Timeline) -> (f64, f64) {
    fit_extent(timeline.date_span().map(|(s, e)| (layout::x_from_date(s), layout::x_from_date(e) + 1.0)))
}

/// The x range that shows an extent (earliest start, latest end), with a margin;
/// a month around today when there is nothing to show.
pub fn fit_extent(extent: Option<(f64, f64)>) -> (f64, f64) {
    layout::view::TimeView::fit(extent).map(layout::view::TimeView::range).unwrap_or_else(|| {
        let today = layout::x_from_date(chrono::Utc::now().date_naive());
        (today - 30.0, today + 30.0)
    })
}

/// The picture's title: the one asked for, the article's, or a count.
pub fn default_title(timeline: &Timeline) -> String {
    match timeline.articles.as_slice() {
        [one] => one.title.clone(),
        many => format!("Timeline of {} articles", many.len()),
    }
}

pub fn render_svg(timeline: &Timeline, spec: &ImageSpec) -> String {
    render_svg_of(timeline, &TimelineIndex::new(timeline), spec)
}

/// The picture of what an index holds: the window passes its own, so an exported
/// image shows the events, lanes and range the window shows.
pub fn image_scene(timeline: &Timeline, idx: &TimelineIndex, spec: &ImageSpec) -> scene::Scene {
    let (x_min, x_max) = spec.range.unwrap_or_else(|| fit_extent(idx.extent));
    let scene_spec = scene::SceneSpec {
        width: spec.width as f32,
        height: spec.height as f32,
        x_min,
        x_max,
        title: spec.title.clone().unwrap_or_else(|| default_title(timeline)),
        font_size: FONT_SIZE,
        framed: true,
    };
    scene::build_indexed(timeline, idx, &scene_spec)
}

/// Why a picture could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExportError {
    #[error("cannot tell the image format of {}: name it .svg or .png", .0.display())]
    Format(std::path::PathBuf),
    #[error("the image is too large to rasterise (over 400 million pixels)")]
    TooLarge,
    #[error("cannot read the SVG: {0}")]
    Svg(String),
    #[error("cannot encode PNG: {0}")]
    Png(String),
}

pub fn render_svg_of(timeline: &Timeline, idx: &TimelineIndex, spec: &ImageSpec) -> String {
    svg::to_svg(&image_scene(timeline, idx, spec), spec.theme, FONT_SIZE)
}

pub fn render_png(timeline: &Timeline, spec: &ImageSpec) -> Result<Vec<u8>, ExportError> {
    png::svg_to_png(&render_svg(timeline, spec), spec.scale)
}

/// The data formats other tools read (`extract --format`, Export data…).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFormat {
    /// Contract 2.
    Json,
    /// One event per line.
    Jsonl,
    Csv,
    TimelineJs,
}

impl DataFormat {
    /// The format a file name asks for: `.csv`, `.timelinejs.json`, `.jsonl`, else Contract 2 JSON.
    pub fn from_file_name(name: &str) -> DataFormat {
        let name = name.to_ascii_lowercase();
        if name.ends_with(".csv") {
            DataFormat::Csv
        } else if name.ends_with(".timelinejs.json") {
            DataFormat::TimelineJs
        } else if name.ends_with(".jsonl") {
            DataFormat::Jsonl
        } else {
            DataFormat::Json
        }
    }
}

/// The timeline as text in a data format, ending with a newline.
pub fn render_data(timeline: &Timeline, format: DataFormat) -> String {
    match format {
        DataFormat::Json => timeline.to_json() + "\n",
        DataFormat::Jsonl => timeline.events.iter().map(|e| serde_json::to_string(e).expect("an event always serialises") + "\n").collect(),
        DataFormat::Csv => csv::to_csv(timeline),
        DataFormat::TimelineJs => {
            serde_json::to_string_pretty(&timelinejs::to_timelinejs(timeline, &default_title(timeline))).expect("JSON values serialise")
                + "\n"
        }
    }
}

/// The picture a file name asks for: SVG for `.svg`, PNG for `.png`.
pub fn render_image(timeline: &Timeline, spec: &ImageSpec, path: &Path) -> Result<Vec<u8>, ExportError> {
    render_image_of(timeline, &TimelineIndex::new(timeline), spec, path)
}

/// [`render_image`] of what an index holds (the window's filtered, laned view).
pub fn render_image_of(timeline: &Timeline, idx: &TimelineIndex, spec: &ImageSpec, path: &Path) -> Result<Vec<u8>, ExportError> {
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("svg") => Ok(render_svg_of(timeline, idx, spec).into_bytes()),
        Some("png") => png::svg_to_png(&render_svg_of(timeline, idx, spec), spec.scale),
        _ => Err(ExportError::Format(path.to_path_buf())),
    }
}

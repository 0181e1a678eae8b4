//! Exporters: the timeline as data for other tools (CSV, TimelineJS).

pub mod csv;
pub mod timelinejs;

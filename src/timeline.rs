//! The timeline model and its JSON form (Contract 2 in DESIGN.md): the
//! articles, and the events found in them with every mention that reported them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::temporal::Mod;

pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    pub version: u32,
    pub articles: Vec<ArticleMeta>,
    pub events: Vec<Event>,
}

impl Default for Timeline {
    fn default() -> Self {
        Timeline { version: VERSION, articles: Vec::new(), events: Vec::new() }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub id: String,
    pub title: String,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub path: Option<String>,
    #[serde(default)]
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub title: String,
    /// Inclusive date range (Contract 3).
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The TIMEX3 value the range came from.
    pub timex: String,
    #[serde(rename = "mod")]
    pub modifier: Option<Mod>,
    pub granularity: String,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Id of the article (`a1`, `a2` …).
    pub article: String,
    /// UTF-8 byte offsets of the time expression in the article's text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub trigger: Option<Span>,
    pub sentence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Timeline {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a timeline always serialises")
    }

    pub fn from_json(s: &str) -> Result<Timeline, serde_json::Error> {
        serde_json::from_str(s)
    }

    /// The earliest start and latest end over all events.
    pub fn date_span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let start = self.events.iter().map(|e| e.start).min()?;
        let end = self.events.iter().map(|e| e.end).max()?;
        Some((start, end))
    }
}

//! The timeline model and its JSON form (Contract 2 in DESIGN.md): the
//! articles, and the events found in them with every mention that reported them.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::source::{LoadError, SavedTimeline};
pub use crate::temporal::Granularity;
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
    pub granularity: Granularity,
    /// How the date was found: the most direct basis among the mentions (a timeline
    /// saved before bases existed reads as explicit).
    #[serde(default)]
    pub basis: Basis,
    pub mentions: Vec<Mention>,
}

impl Event {
    /// Does the filter `needle` (already lower case) occur in the event's title or
    /// in one of its sentences? An ASCII needle is compared without allocating,
    /// since the window asks this of every event at every keystroke.
    pub fn matches(&self, needle: &str) -> bool {
        let hit = |hay: &str| {
            if needle.is_ascii() {
                let n = needle.as_bytes();
                n.is_empty() || hay.as_bytes().windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
            } else {
                hay.to_lowercase().contains(needle)
            }
        };
        hit(&self.title) || self.mentions.iter().any(|m| hit(&m.sentence))
    }
}

/// How a mention's date was found (Contract 2), from the most direct to the least.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// A time expression that names the event's date ("On Dec. 5, BT announced").
    #[default]
    Explicit,
    /// The time the text is telling of ("On Dec. 5, BT announced … It said it would …").
    Narrative,
    /// Today's news: the article's publication date ("Airbus has unveiled the A380").
    Published,
}

impl Basis {
    /// The name in the JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Explicit => "explicit",
            Basis::Narrative => "narrative",
            Basis::Published => "published",
        }
    }

    pub fn is_inferred(self) -> bool {
        self != Basis::Explicit
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Id of the article (`a1`, `a2` …).
    pub article: Arc<str>,
    /// UTF-8 byte offsets of the time expression the date came from, in the
    /// article's text (for a narrative date, perhaps in an earlier sentence); null
    /// for a date from the publication date.
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub text: Option<String>,
    pub trigger: Option<Span>,
    pub sentence: String,
    /// Byte range of `sentence` in the article's text (absent from timelines saved before it was kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence_start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence_end: Option<usize>,
    #[serde(default)]
    pub basis: Basis,
}

impl Mention {
    /// Where the mention stands in its article: the time expression, else the trigger, else the sentence.
    pub fn anchor(&self) -> Option<usize> {
        match self.basis {
            Basis::Explicit => self.start,
            _ => self.trigger.as_ref().map(|t| t.start),
        }
        .or(self.sentence_start)
    }

    /// How the date was found, for a reader: "“Dec. 5”", "follows “On Dec. 5” earlier in
    /// the article", "the article's own news, published 13 Dec 2018".
    pub fn basis_text(&self, published: Option<NaiveDate>) -> String {
        let quoted = self.text.as_deref().map(|t| format!("\u{201c}{t}\u{201d}")).unwrap_or_default();
        match self.basis {
            Basis::Explicit => {
                let against = published.map(|d| format!(", relative to {}", d.format("%-d %b %Y"))).unwrap_or_default();
                format!("{quoted}{against}")
            }
            Basis::Narrative => {
                let here = matches!((self.start, self.sentence_start, self.sentence_end), (Some(s), Some(a), Some(b)) if a <= s && s < b);
                if here { format!("follows {quoted} in the same sentence") } else { format!("follows {quoted} earlier in the paragraph") }
            }
            Basis::Published => match published {
                Some(d) => format!("the article's own news, published {}", d.format("%-d %b %Y")),
                None => "the article's own news".to_string(),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: Arc<str>,
}

/// One end of a date filter as a user types it, "2007", "2007-10" or "2007-10-15": the
/// first day of that year, month or day, or with `end` its last day.
pub fn date_bound(typed: &str, end: bool) -> Option<NaiveDate> {
    let (y, m, d) = match typed.trim().split('-').collect::<Vec<_>>().as_slice() {
        [y] => (y.parse().ok()?, if end { 12 } else { 1 }, None),
        [y, m] => (y.parse().ok()?, m.parse().ok()?, None),
        [y, m, d] => (y.parse().ok()?, m.parse().ok()?, Some(d.parse().ok()?)),
        _ => return None,
    };
    match d {
        Some(d) => NaiveDate::from_ymd_opt(y, m, d),
        None if end => crate::temporal::TimexValue::Month(y, m).date_range(None).ok().map(|r| r.1),
        None => NaiveDate::from_ymd_opt(y, m, 1),
    }
}

impl Timeline {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a timeline always serialises")
    }

    pub fn from_json(s: &str) -> Result<Timeline, serde_json::Error> {
        serde_json::from_str(s)
    }

    /// Reads a saved timeline that the readers recognised. It is untrusted input,
    /// like any other file: it is repaired to keep the model's invariants, and its
    /// repeated strings are shared.
    pub fn read_saved(saved: SavedTimeline) -> Result<Timeline, LoadError> {
        let mut timeline: Timeline = match saved {
            SavedTimeline::File(path) => {
                let file = std::fs::File::open(&path).map_err(|e| LoadError::new(&path, format!("cannot read: {e}")))?;
                serde_json::from_reader(std::io::BufReader::with_capacity(1 << 20, file))
                    .map_err(|e| LoadError::new(&path, format!("not a readable Newsline timeline: {e}")))?
            }
            SavedTimeline::Json { from, value } => serde_json::from_value(value)
                .map_err(|e| LoadError::new(&from, format!("a Newsline timeline that does not match its schema: {e}")))?,
        };
        timeline.repair();
        timeline.share_strings();
        Ok(timeline)
    }

    /// Reads each saved timeline and adds it to this one; those that cannot be read
    /// are returned, for the caller to report.
    pub fn append_saved(&mut self, saved: Vec<SavedTimeline>) -> Vec<LoadError> {
        let mut errors = Vec::new();
        for s in saved {
            match Timeline::read_saved(s) {
                Ok(t) => self.append(t),
                Err(e) => errors.push(e),
            }
        }
        errors
    }

    /// Stores each article id and trigger word once: a saved timeline of a million
    /// events would otherwise hold a million copies of "a1" and "announced".
    pub fn share_strings(&mut self) {
        let mut seen: std::collections::HashSet<Arc<str>> = std::collections::HashSet::new();
        let mut share = |s: &mut Arc<str>| match seen.get(&**s) {
            Some(shared) => *s = shared.clone(),
            None => {
                seen.insert(s.clone());
            }
        };
        for m in self.events.iter_mut().flat_map(|e| e.mentions.iter_mut()) {
            share(&mut m.article);
            if let Some(t) = &mut m.trigger {
                share(&mut t.text);
            }
        }
    }

    /// Makes a timeline read from a file keep the model's invariants, noting each
    /// repair on the article it concerns: an event whose start is after its end has
    /// the two swapped, and a link that is not a web address (`javascript:`,
    /// `file:`) is dropped, as the readers drop it.
    pub fn repair(&mut self) {
        let mut notes: Vec<(String, String)> = Vec::new();
        for e in &mut self.events {
            if e.start > e.end {
                std::mem::swap(&mut e.start, &mut e.end);
                let article = e.mentions.first().map(|m| m.article.to_string()).unwrap_or_default();
                notes.push((article, format!("event {} had its start after its end; the two were swapped", e.id)));
            }
        }
        for a in &mut self.articles {
            if let Some(u) = a.url.take() {
                a.url = crate::source::web_url(&u);
                if a.url.is_none() {
                    a.warnings.push("its link was dropped: not a web address".to_string());
                }
            }
        }
        for (article, note) in notes {
            let at = self.articles.iter().position(|a| a.id == article).unwrap_or(0);
            if let Some(a) = self.articles.get_mut(at) {
                a.warnings.push(note);
            }
        }
    }

    /// Adds another timeline (one opened from a saved file) to this one. Ids are
    /// renumbered so they stay unique, and events stay in date order.
    pub fn append(&mut self, other: Timeline) {
        // The common case, opening one saved timeline: it is taken as it is.
        if self.articles.is_empty() && self.events.is_empty() {
            *self = other;
            return;
        }
        let offset = self.articles.len();
        let renumber = |id: &str| -> String {
            match id.strip_prefix('a').and_then(|n| n.parse::<usize>().ok()) {
                Some(n) => format!("a{}", n + offset),
                None => format!("a{}-{id}", offset),
            }
        };
        for mut a in other.articles {
            a.id = renumber(&a.id);
            self.articles.push(a);
        }
        for mut e in other.events {
            for m in &mut e.mentions {
                m.article = renumber(&m.article).into();
            }
            self.events.push(e);
        }
        self.events.sort_by_key(|e| (e.start, e.end));
        for (i, e) in self.events.iter_mut().enumerate() {
            e.id = format!("e{}", i + 1);
        }
    }

    /// Keeps only the events whose date is written in the text (basis explicit), their
    /// ids renumbered in order (`--explicit-only`, "Written dates only").
    pub fn keep_explicit(&mut self) {
        self.events.retain(|e| e.basis == Basis::Explicit);
        for (i, e) in self.events.iter_mut().enumerate() {
            e.id = format!("e{}", i + 1);
        }
    }

    /// The earliest start and latest end over all events.
    pub fn date_span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let start = self.events.iter().map(|e| e.start).min()?;
        let end = self.events.iter().map(|e| e.end).max()?;
        Some((start, end))
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_filter_matches_titles_and_sentences_in_any_case() {
        let mut tl = Timeline::from_json(r#"{"version":1,"articles":[],"events":[]}"#).unwrap();
        let json = r#"{"id":"e1","title":"BT strips Huawei kit","start":"2018-12-05","end":"2018-12-05","timex":"2018-12-05",
            "granularity":"day","mentions":[{"article":"a1","start":0,"end":1,"text":"x","trigger":null,
            "sentence":"On Dec. 5, BT Group announced it would strip Huawei equipment from its Zürich core."}]}"#;
        tl.events.push(serde_json::from_str(json).unwrap());
        let e = &tl.events[0];
        assert!(e.matches("huawei") && e.matches("bt group") && e.matches("") && e.matches("zürich"));
        assert!(!e.matches("airbus") && !e.matches("zurich"));
    }

    use super::*;

    #[test]
    fn date_bounds_cover_what_was_typed() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(date_bound("2007", false), d("2007-01-01"));
        assert_eq!(date_bound("2007", true), d("2007-12-31"));
        assert_eq!(date_bound(" 2008-02 ", true), d("2008-02-29"));
        assert_eq!(date_bound("2007-10-15", true), d("2007-10-15"));
        assert_eq!(date_bound("2007-13", false), None);
        assert_eq!(date_bound("soon", false), None);
    }
}

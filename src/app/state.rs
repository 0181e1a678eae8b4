//! What the user chose to see: the filter, the dates, the lanes, the hidden sources
//! and events, the corrections and the visible range. It is the saved session's
//! body ([`super::session::Session`] flattens it), so what the window shows and what
//! a restart restores are one value. Commands change it; the workspace derives the
//! picture from it.

use serde::{Deserialize, Serialize};

use super::session::Edits;
use crate::layout::lanes::LaneMode;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    /// The search box: events whose title or sentences contain it.
    pub search: String,
    /// The date filter's two ends as typed ("2007", "2007-10", "2007-10-15").
    pub date_from: String,
    pub date_to: String,
    /// Only events whose date is written in the text, not inferred ("Written dates only").
    pub explicit_only: bool,
    /// Lanes per "Article", "Source" or "Topic".
    #[serde(with = "lane_label")]
    pub lanes: LaneMode,
    /// Sources the user hid, by their article keys ([`super::session::ArticleKeys`]), sorted.
    pub hidden_articles: Vec<String>,
    /// The visible range, in days since 1970-01-01.
    pub view: Option<(f64, f64)>,
    /// What the user corrected.
    pub edits: Edits,
}

impl ViewState {
    /// Shows the source with `key` if it is hidden, else hides it.
    pub fn toggle_source(&mut self, key: &str) {
        match self.hidden_articles.binary_search_by(|k| k.as_str().cmp(key)) {
            Ok(i) => {
                self.hidden_articles.remove(i);
            }
            Err(i) => self.hidden_articles.insert(i, key.to_string()),
        }
    }
}

/// A lane mode as its label, as sessions have always stored it; an unknown label
/// (a newer or a hand-edited session) reads as the default.
mod lane_label {
    use super::LaneMode;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(mode: &LaneMode, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(mode.label())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<LaneMode, D::Error> {
        let label = String::deserialize(d)?;
        Ok(LaneMode::ALL.into_iter().find(|m| m.label() == label).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_are_kept_by_label_and_unknown_ones_read_as_the_default() {
        let s = ViewState { lanes: LaneMode::Topic, ..Default::default() };
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains(r#""lanes":"Topic""#), "{json}");
        assert_eq!(serde_json::from_str::<ViewState>(&json).unwrap(), s);
        let odd: ViewState = serde_json::from_str(r#"{"lanes": "Colour"}"#).unwrap();
        assert_eq!(odd.lanes, LaneMode::default());
    }

    #[test]
    fn a_source_toggles_and_the_keys_stay_sorted() {
        let mut s = ViewState::default();
        s.toggle_source("b.txt#0");
        s.toggle_source("a.txt#0");
        assert_eq!(s.hidden_articles, ["a.txt#0", "b.txt#0"]);
        s.toggle_source("b.txt#0");
        assert_eq!(s.hidden_articles, ["a.txt#0"]);
    }
}

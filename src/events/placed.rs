//! One article's dated mentions, each complete in itself: its sentence, trigger,
//! date and title. Events are merged from these, within an article and across
//! articles, and nothing else: so the map step (`extract --per-article`) writes
//! them per article, and merging the lines of many runs (`newsline merge`) gives
//! the timeline one run over all the articles gives.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::temporal::{Granularity, Mod};
use crate::timeline::{ArticleMeta, Basis, Event, Mention};

/// A mention as merging reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Placed {
    /// The mention as the timeline shows it (Contract 2).
    #[serde(flatten)]
    pub mention: Mention,
    /// The date range it gives.
    pub range: (NaiveDate, NaiveDate),
    /// The TIMEX3 value, `mod` and granularity its event takes when this mention dates it.
    pub value: String,
    #[serde(rename = "mod")]
    pub modifier: Option<Mod>,
    pub granularity: Granularity,
    /// The title its event takes when this mention dates it.
    pub title: String,
    /// Another mention of the same article (its position among them) that this
    /// one is part of: an infinitive with its verb, a headline with the story's event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<usize>,
    /// The article's position among those being merged (set when merging).
    #[serde(skip)]
    pub article: usize,
}

impl Placed {
    pub fn basis(&self) -> Basis {
        self.mention.basis
    }

    /// The sentence's byte span in its article.
    pub fn sentence_span(&self) -> (usize, usize) {
        (self.mention.sentence_start.unwrap_or(0), self.mention.sentence_end.unwrap_or(0))
    }

    /// The trigger's byte span in its article.
    pub fn trigger_span(&self) -> Option<(usize, usize)> {
        self.mention.trigger.as_ref().map(|t| (t.start, t.end))
    }
}

/// One article and its mentions: the map step's record, one JSON line per article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleMentions {
    pub article: ArticleMeta,
    /// The article's place among those of its file (or the record's line on stdin):
    /// with the path, it orders articles as one run over the files would.
    #[serde(default)]
    pub at: usize,
    pub mentions: Vec<Placed>,
}

impl ArticleMentions {
    /// Names the article `id` in it and in its mentions.
    pub fn set_id(&mut self, id: &str) {
        let shared: Arc<str> = id.into();
        self.article.id = id.to_string();
        for m in &mut self.mentions {
            m.mention.article = shared.clone();
        }
    }

    /// The article alone, its mentions left out: what joining a merge spread by date needs of it.
    pub fn head(&self) -> ArticleMentions {
        ArticleMentions { article: self.article.clone(), at: self.at, mentions: Vec::new() }
    }

    /// The order articles are merged in: by file and place, else by link, title and
    /// date, so that any split of the same articles merges alike.
    pub fn order_key(&self) -> (Option<&str>, usize, Option<&str>, &str, Option<NaiveDate>) {
        let a = &self.article;
        (a.path.as_deref(), self.at, a.url.as_deref(), a.title.as_str(), a.published)
    }
}

/// The event a group of mentions makes: the most direct basis wins, then the most
/// specific date, then the earliest mention; its mention goes first, so that a
/// reader (or the CSV's one "sentence" column) sees the sentence the title is from.
pub fn event_of(group: &[usize], placed: &[Placed]) -> Event {
    let best = *group
        .iter()
        .min_by_key(|&&i| (placed[i].basis(), (placed[i].range.1 - placed[i].range.0).num_days(), placed[i].range.0, i))
        .expect("groups are never empty");
    let b = &placed[best];
    let mentions = std::iter::once(best).chain(group.iter().copied().filter(|&i| i != best)).map(|i| placed[i].mention.clone()).collect();
    Event {
        id: String::new(),
        title: b.title.clone(),
        start: b.range.0,
        end: b.range.1,
        timex: b.value.clone(),
        modifier: b.modifier,
        granularity: b.granularity,
        basis: b.basis(),
        mentions,
    }
}

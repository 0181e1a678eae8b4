//! What is open: the articles, their timeline with the user's corrections, and
//! everything the window derives from them for a [`ViewState`] — the article
//! keys, the events per source, the lanes and the drawing index. Whatever is
//! derived is rebuilt here, from one change: a new timeline or a new view.

use std::collections::HashSet;
use std::path::PathBuf;

use super::jobs::Loaded;
use super::session::{ArticleKeys, Edits, event_key};
use super::state::ViewState;
use crate::layout::index::TimelineIndex;
use crate::layout::lanes::{LaneMode, Lanes};
use crate::source::Article;
use crate::timeline::Timeline;

#[derive(Default)]
pub struct Workspace {
    /// The articles as read this session (a saved timeline brings none).
    pub articles: Vec<Article>,
    /// Each article's file, absolute, where it exists (see [`Loaded::file_links`]).
    pub file_links: Vec<Option<PathBuf>>,
    /// Files that could not be read, and why.
    pub errors: Vec<String>,
    /// The events, with the user's corrected titles and dates written over them.
    pub timeline: Timeline,
    /// What names each article whatever else is open: edits and hidden sources use it.
    pub keys: ArticleKeys,
    /// Events per article, for the sources panel.
    pub lane_counts: Vec<usize>,
    /// What each frame draws from: the events the view shows, in their lanes.
    pub index: TimelineIndex,
    /// The hidden sources' positions, for the view's keys.
    pub hidden: HashSet<usize>,
    /// The lanes in one mode, kept between filterings: typing in the filter box
    /// must not re-split every sentence into topics.
    lanes: Option<(LaneMode, Lanes)>,
    /// How many times lanes were assigned (a test hook for the cache above).
    pub lane_assignments: usize,
}

impl Workspace {
    /// A finished load: its articles, files, errors and timeline.
    pub fn set_loaded(&mut self, loaded: Loaded, state: &ViewState) {
        self.articles = loaded.articles;
        self.file_links = loaded.file_links;
        self.errors = loaded.errors.iter().map(ToString::to_string).collect();
        self.set_timeline(loaded.timeline, state);
    }

    /// A new timeline for the same articles (or a loaded one's): its keys, counts
    /// and corrections, then the view's index.
    pub fn set_timeline(&mut self, timeline: Timeline, state: &ViewState) {
        self.timeline = timeline;
        self.keys = ArticleKeys::of(&self.timeline);
        self.lane_counts = vec![0; self.timeline.articles.len()];
        for a in crate::layout::scene::lanes_of(&self.timeline) {
            if let Some(c) = self.lane_counts.get_mut(a) {
                *c += 1;
            }
        }
        self.apply_edits(&state.edits);
        self.refilter(state);
    }

    /// Corrected titles and dates, written over the extracted ones. Lanes are
    /// assigned again (topics read titles); the caller refilters.
    pub fn apply_edits(&mut self, edits: &Edits) {
        self.lanes = None;
        if edits.titles.is_empty() && edits.dates.is_empty() {
            return;
        }
        let titles: std::collections::HashMap<&str, &str> = edits.titles.iter().map(|(k, t)| (k.as_str(), t.as_str())).collect();
        let dates: std::collections::HashMap<&str, (chrono::NaiveDate, chrono::NaiveDate)> =
            edits.dates.iter().map(|(k, a, b)| (k.as_str(), (*a, *b))).collect();
        for e in &mut self.timeline.events {
            let key = event_key(e, &self.keys);
            if let Some(t) = titles.get(key.as_str()) {
                e.title = t.to_string();
            }
            if let Some(&(a, b)) = dates.get(key.as_str()) {
                (e.start, e.end) = (a, b);
            }
        }
    }

    /// Publication dates the user gave, set on the articles; true if any changed
    /// (their events are then extracted again).
    pub fn apply_article_dates(&mut self, edits: &Edits) -> bool {
        let mut changed = false;
        for (key, d) in &edits.article_dates {
            let Some(i) = self.keys.index_of(key) else { continue };
            if let Some(a) = self.articles.get_mut(i)
                && a.published != Some(*d)
            {
                a.set_published(*d);
                changed = true;
            }
        }
        changed
    }

    /// Rebuilds the drawing index for the view: its search, dates, hidden sources and
    /// events, and lanes.
    pub fn refilter(&mut self, state: &ViewState) {
        let needle = state.search.trim().to_lowercase();
        let from = crate::timeline::date_bound(&state.date_from, false);
        let to = crate::timeline::date_bound(&state.date_to, true);
        if self.lanes.as_ref().is_none_or(|(mode, _)| *mode != state.lanes) {
            self.lanes = Some((state.lanes, crate::layout::lanes::assign(&self.timeline, state.lanes)));
            self.lane_assignments += 1;
        }
        self.hidden = state.hidden_articles.iter().filter_map(|k| self.keys.index_of(k)).collect();
        let lanes = self.lanes.as_ref().map(|(_, l)| l.clone()).unwrap_or_default();
        let (tl, hidden, keys) = (&self.timeline, &self.hidden, &self.keys);
        let hidden_events: HashSet<&str> = state.edits.hidden_events.iter().map(String::as_str).collect();
        self.index = TimelineIndex::with_lanes(tl, lanes, |i, lane| {
            if hidden.contains(&lane) || (!hidden_events.is_empty() && hidden_events.contains(event_key(&tl.events[i], keys).as_str())) {
                return false;
            }
            let e = &tl.events[i];
            if from.is_some_and(|f| e.end < f) || to.is_some_and(|t| e.start > t) || state.explicit_only && e.basis.is_inferred() {
                return false;
            }
            needle.is_empty() || e.matches(&needle)
        });
    }

    /// Is event `i` among those the view shows?
    pub fn shows(&self, i: usize) -> bool {
        self.index.order.contains(&(i as u32))
    }

    /// The stable key of event `i` (for corrections and hiding).
    pub fn event_key(&self, i: usize) -> Option<String> {
        self.timeline.events.get(i).map(|e| event_key(e, &self.keys))
    }

    /// The position of the article whose id is `id` (`a3`), looked up, not searched:
    /// the details panel asks it for every mention on every frame.
    pub fn article_of(&self, id: &str) -> Option<usize> {
        self.keys.index_of_id(id)
    }
}

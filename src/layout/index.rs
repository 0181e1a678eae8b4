//! An index of the timeline's events for drawing: built once when a timeline is
//! opened, it lets a frame find the events in view by binary search and count
//! them in a few tight arrays, so a frame's work grows with what is visible and
//! the window's size, not with the whole timeline.

use crate::layout;
use crate::timeline::Timeline;

/// Events sorted by start, as parallel arrays.
#[derive(Debug, Clone, Default)]
pub struct TimelineIndex {
    /// Event indices (into `Timeline::events`) in order of start.
    pub order: Vec<u32>,
    /// Start of each event in `order`, in days since 1970 (see [`layout::x_from_date`]).
    pub starts: Vec<f64>,
    /// End (exclusive: the day after the last) of each event in `order`.
    pub ends: Vec<f64>,
    /// Lane of each event in `order`.
    pub lanes: Vec<u32>,
    /// How many mentions report each event in `order`: its importance for labels.
    pub weight: Vec<u32>,
    /// Lane of each event by its own index (what the window's hover uses).
    pub lane_of_event: Vec<usize>,
    /// The lanes' names (articles, sources or topics).
    pub lane_names: Vec<String>,
    /// Lanes by article: each article's lane (see [`super::lanes::Lanes::of_article`]).
    pub lane_of_article: Vec<usize>,
    /// The longest range, so a search by start also finds long events that began earlier.
    pub max_span: f64,
    /// The x range that holds every event: earliest start, latest end.
    pub extent: Option<(f64, f64)>,
    pub n_lanes: usize,
}

impl TimelineIndex {
    pub fn new(timeline: &Timeline) -> TimelineIndex {
        Self::filtered(timeline, |_, _| true)
    }

    /// The index of the events that `keep(event, article)` accepts (a search, hidden
    /// sources), one lane per article.
    pub fn filtered(timeline: &Timeline, keep: impl Fn(usize, usize) -> bool) -> TimelineIndex {
        Self::with_lanes(timeline, super::lanes::assign(timeline, super::lanes::LaneMode::Article), keep)
    }

    /// [`Self::filtered`] with the events' lanes given (by source, by topic).
    pub fn with_lanes(timeline: &Timeline, lanes: super::lanes::Lanes, keep: impl Fn(usize, usize) -> bool) -> TimelineIndex {
        let article_of = super::scene::lanes_of(timeline);
        let super::lanes::Lanes { of_event: lane_of_event, names: lane_names, of_article: lane_of_article } = lanes;
        let n_lanes = lane_names.len().max(1);
        let mut order: Vec<u32> = (0..timeline.events.len() as u32).filter(|&i| keep(i as usize, article_of[i as usize])).collect();
        let x: Vec<(f64, f64)> = timeline.events.iter().map(|e| (layout::x_from_date(e.start), layout::x_from_date(e.end) + 1.0)).collect();
        order.sort_by(|&a, &b| x[a as usize].0.total_cmp(&x[b as usize].0).then(a.cmp(&b)));
        let starts = order.iter().map(|&i| x[i as usize].0).collect();
        let ends = order.iter().map(|&i| x[i as usize].1).collect();
        let lanes = order.iter().map(|&i| lane_of_event[i as usize] as u32).collect();
        let weight = order.iter().map(|&i| timeline.events[i as usize].mentions.len() as u32).collect();
        let max_span = x.iter().map(|(a, b)| b - a).fold(0.0, f64::max);
        let extent =
            (!x.is_empty()).then(|| (x.iter().map(|p| p.0).fold(f64::MAX, f64::min), x.iter().map(|p| p.1).fold(f64::MIN, f64::max)));
        TimelineIndex { order, starts, ends, lanes, weight, lane_of_event, lane_names, lane_of_article, max_span, extent, n_lanes }
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Positions (in `order`) of the events that may overlap `[x_min, x_max]`:
    /// every event in view is inside; a few before it may end before `x_min`.
    pub fn candidates(&self, x_min: f64, x_max: f64) -> std::ops::Range<usize> {
        let lo = self.starts.partition_point(|&s| s < x_min - self.max_span);
        let hi = self.starts.partition_point(|&s| s <= x_max);
        lo..hi.max(lo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_hold_every_event_in_view() {
        let text = include_str!("../../sample_data/huawei-ncsc-walkout-2018-12-13.txt");
        let tl = crate::events::extract(&[crate::source::text::read(text)]);
        let idx = TimelineIndex::new(&tl);
        assert_eq!(idx.len(), tl.events.len());
        assert!(idx.starts.windows(2).all(|w| w[0] <= w[1]));
        let nov15 = layout::x_from_date("2018-11-15".parse().unwrap());
        let dec15 = layout::x_from_date("2018-12-15".parse().unwrap());
        let range = idx.candidates(nov15, dec15);
        let inside: Vec<usize> = range.clone().filter(|&p| idx.ends[p] > nov15).map(|p| idx.order[p] as usize).collect();
        let want: Vec<usize> = (0..tl.events.len())
            .filter(|&i| layout::x_from_date(tl.events[i].end) + 1.0 > nov15 && layout::x_from_date(tl.events[i].start) <= dec15)
            .collect();
        let mut got = inside.clone();
        got.sort();
        assert_eq!(got, want);
    }
}

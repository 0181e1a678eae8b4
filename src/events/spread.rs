//! The parts of a merge: which mentions may become one event, so that each part can
//! be merged on its own, on one machine or many.
//!
//! Merging joins mentions within each article first, then across articles, pair by
//! pair ([`merge`]). What an article joins alone, its own events (the *units* here),
//! every merge keeps whole. Across articles two mentions meet only if their dates
//! agree and they share a name and an event word (or one's event word is named in the
//! other's sentence), or if both are dated to the same day and share two words
//! ([`Reach::may_meet`]). The units that may meet, directly or through others, form a
//! part. Merging is defined part by part ([`super::merge_articles`]): each part is
//! merged alone, so a merge spread over machines, each merging whole parts, gives the
//! very timeline of one process, and the limit on how many candidates a mention is
//! compared with counts only mentions it may meet.
//!
//! Parts are not stretches of time. A continuous archive has news every day, and
//! publication dates a day apart overlap, so date ranges alone would chain every day
//! of it into one part, and a year-long mention ("this year") would glue its year.
//! Here a mention meets only what shares its keys: its reach goes to one bucket per
//! name and month its range covers, and to its day if it is dated to one; the pairs
//! that may meet are found within buckets ([`links`]) and united ([`Plan`]). Every
//! pair that may meet shares a bucket: a name and the month where the later one
//! starts (it starts within the other's range), or their one day.

use std::hash::Hash;

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::merge::{self, Keys, Reach};
use super::{ArticleMentions, Placed};
use crate::hashing::FastMap;

/// An article's own event in a run spread over machines: the article's place in the
/// run (`at`) and the index of the event's root mention in the article's line.
pub type Unit = (usize, usize);

/// One mention's reach, with its unit: a line of `newsline merge --reach`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reaching {
    #[serde(rename = "u")]
    pub unit: Unit,
    #[serde(flatten)]
    pub reach: Reach,
}

/// Where reaches meet: a name in a month, or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bucket {
    Name(u32, i32),
    Day(NaiveDate),
}

impl Bucket {
    /// Whether a bucket's key (as [`Bucket`]'s `Display` writes it) is a day's.
    pub fn is_day_key(key: &str) -> bool {
        key.starts_with('d')
    }
}

impl std::fmt::Display for Bucket {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Bucket::Name(n, m) => write!(f, "n{n:06x}.{m}"),
            Bucket::Day(d) => write!(f, "d{d}"),
        }
    }
}

/// The width of the bands reaches are indexed by (in days): wider than
/// [`merge::VAGUE_DAYS`], so that two reaches that are not vague beside each other are
/// in one band or two next to each other.
const BAND: i64 = merge::VAGUE_DAYS + 1;

/// Months counted from year 0, so a range's months are a span of integers.
fn month(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

/// The buckets a reach goes to: each name in each month its range covers, and its
/// day if it is dated to one.
pub fn buckets(r: &Reach) -> impl Iterator<Item = Bucket> + '_ {
    let months = month(r.range.0)..=month(r.range.1);
    let names = r.names.iter().flat_map(move |&n| months.clone().map(move |m| Bucket::Name(n, m)));
    names.chain(r.one_day.then_some(Bucket::Day(r.range.0)))
}

/// A reach in a bucket: its unit and its article.
#[derive(Clone, Copy)]
pub struct Item<'r, U> {
    pub unit: U,
    pub article: usize,
    pub reach: &'r Reach,
}

/// Links that join the units (of different articles) that may meet, among the
/// reaches of one bucket: a pair for each join, not every pair, since only what ends
/// up joined matters (a bucket of many reports of one story would give their square).
/// Each reach looks up its own trigger, not every word of its sentence: another's
/// trigger named in its sentence is found from the other's side. In a day's bucket
/// (`day`) reaches meet only by the words they share; by name, in the others.
pub fn links<U: Copy + Ord + Hash>(day: bool, bucket: &[Item<'_, U>]) -> Vec<(U, U)> {
    let mut order: Vec<(NaiveDate, usize)> = bucket.iter().enumerate().map(|(i, x)| (x.reach.range.0, i)).collect();
    order.sort_unstable();
    // Items by start date under each trigger; under each word of their sentence that is
    // a trigger here, by the band of their width (another's trigger named in a
    // sentence counts only between ranges within VAGUE_DAYS of each other's width, so
    // in the same band or the next); and, for one-day reaches, under each content word.
    type Index<K> = FastMap<K, Vec<(NaiveDate, usize)>>;
    let band = |r: &Reach| (r.span() / BAND) as u32;
    let (mut by_trigger, mut by_word, mut by_content): (Index<u32>, Index<(u32, u32)>, Index<u32>) = Default::default();
    for &(start, i) in order.iter().filter(|_| !day) {
        by_trigger.entry(bucket[i].reach.trigger).or_default().push((start, i));
    }
    for &e in &order {
        let r = bucket[e.1].reach;
        if day {
            for &c in &r.content {
                by_content.entry(c).or_default().push(e);
            }
        } else {
            for w in r.words.iter().filter(|w| by_trigger.contains_key(w)) {
                by_word.entry((*w, band(r))).or_default().push(e);
            }
        }
    }
    // Items of a list that start within `from..=to`.
    fn starting(list: Option<&Vec<(NaiveDate, usize)>>, from: NaiveDate, to: NaiveDate) -> &[(NaiveDate, usize)] {
        let Some(v) = list else { return &[] };
        let a = v.partition_point(|e| e.0 < from);
        let b = v.partition_point(|e| e.0 <= to);
        &v[a..b.max(a)]
    }
    // Units joined so far, by their first item here.
    let mut first: FastMap<U, usize> = FastMap::default();
    let mut local: Vec<usize> = (0..bucket.len()).map(|i| *first.entry(bucket[i].unit).or_insert(i)).collect();
    // The item last looked at from each item: every candidate is weighed once.
    let mut seen = vec![usize::MAX; bucket.len()];
    let mut out = Vec::new();
    for (i, x) in bucket.iter().enumerate() {
        let r = x.reach;
        let (start, end) = r.range;
        // Of two reaches that may meet, one starts within the other's range. From
        // each reach: those with its trigger that start within its range (the same
        // trigger, found from the earlier), and those of a band next to its own whose
        // sentence names its trigger, starting within its range or earlier with a range
        // that holds its start (at most as many days earlier as the band's widest spans).
        let same = starting(by_trigger.get(&r.trigger), start, end);
        let bands = band(r).saturating_sub(1)..=band(r) + 1;
        let named = bands.flat_map(|b| {
            let list = by_word.get(&(r.trigger, b));
            let earliest = start.checked_sub_signed(chrono::Duration::days(i64::from(b + 1) * BAND)).unwrap_or(NaiveDate::MIN);
            starting(list, earliest, end)
        });
        let content = r.content.iter().flat_map(|c| starting(by_content.get(c), start, end));
        for &(_, j) in same.iter().chain(named).chain(content) {
            if seen[j] == i || j == i {
                continue;
            }
            seen[j] = i;
            let y = &bucket[j];
            let (ri, rj) = (merge::root(&mut local, i), merge::root(&mut local, j));
            if ri != rj && x.article != y.article && r.may_meet(y.reach) {
                local[ri.max(rj)] = ri.min(rj);
                out.push((x.unit.min(y.unit), x.unit.max(y.unit)));
            }
        }
    }
    out
}

/// Units joined into parts by the links found; each part is named by its smallest
/// unit. A unit never linked is a part of its own.
#[derive(Debug)]
pub struct Plan<U> {
    parent: FastMap<U, U>,
}

impl<U> Default for Plan<U> {
    fn default() -> Self {
        Plan { parent: FastMap::default() }
    }
}

impl<U: Copy + Ord + Hash> Plan<U> {
    fn root(&mut self, u: U) -> U {
        let mut r = u;
        while let Some(&p) = self.parent.get(&r).filter(|&&p| p != r) {
            r = p;
        }
        let mut u = u;
        while let Some(&p) = self.parent.get(&u).filter(|&&p| p != u) {
            self.parent.insert(u, r);
            u = p;
        }
        r
    }

    /// Joins the parts of two units.
    pub fn link(&mut self, a: U, b: U) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            let (keep, child) = (ra.min(rb), ra.max(rb));
            self.parent.insert(child, keep);
            self.parent.entry(keep).or_insert(keep);
        }
    }

    /// The part of unit `u`: the smallest unit of its part.
    pub fn part(&mut self, u: U) -> U {
        self.root(u)
    }

    /// Every linked unit with its part, in unit order.
    pub fn assignments(&mut self) -> Vec<(U, U)> {
        let mut units: Vec<U> = self.parent.keys().copied().collect();
        units.sort_unstable();
        units.into_iter().map(|u| (u, self.root(u))).collect()
    }
}

/// The parts of mentions `found` (grouped by article, with their `keys`): each
/// mention's part, numbered from 0 in the order of their first mentions.
pub fn parts(found: &[Placed], keys: &[Keys]) -> (usize, Vec<usize>) {
    let mut own = merge::within(found, keys);
    let roots: Vec<usize> = (0..found.len()).map(|i| own.find(i)).collect();
    let reach: Vec<Option<Reach>> = found.par_iter().zip(keys).map(|(p, k)| merge::reach(p, k)).collect();
    let mut by_bucket: FastMap<Bucket, Vec<usize>> = FastMap::default();
    for (i, r) in reach.iter().enumerate() {
        for b in r.iter().flat_map(buckets) {
            by_bucket.entry(b).or_default().push(i);
        }
    }
    let mut buckets: Vec<(Bucket, Vec<usize>)> = by_bucket.into_iter().collect();
    buckets.sort_unstable_by_key(|(b, _)| *b);
    let edges: Vec<Vec<(usize, usize)>> = buckets
        .par_iter()
        .map(|(b, ix)| {
            let items: Vec<Item<usize>> = ix
                .iter()
                .filter_map(|&i| reach[i].as_ref().map(|r| Item { unit: roots[i], article: found[i].article, reach: r }))
                .collect();
            links(matches!(b, Bucket::Day(_)), &items)
        })
        .collect();
    let mut plan = Plan::default();
    for (a, b) in edges.into_iter().flatten() {
        plan.link(a, b);
    }
    let mut number: FastMap<usize, usize> = FastMap::default();
    let of = roots
        .iter()
        .map(|&root| {
            let next = number.len();
            *number.entry(plan.part(root)).or_insert(next)
        })
        .collect();
    (number.len(), of)
}

/// One article's line merged alone: each mention's root in it, and the keys read.
fn own(line: &ArticleMentions) -> (Vec<Keys>, Vec<usize>) {
    let keys = merge::keys_of_article(&line.mentions);
    let mut own = merge::within(&line.mentions, &keys);
    let roots = (0..line.mentions.len()).map(|i| own.find(i)).collect();
    (keys, roots)
}

/// Each mention's unit in one article's line: the split step's.
pub fn units(line: &ArticleMentions) -> Vec<Unit> {
    own(line).1.into_iter().map(|root| (line.at, root)).collect()
}

/// The reach of the mentions of one article's line that have one, named by unit: the
/// map of `merge --reach`.
pub fn reaches(line: &ArticleMentions) -> Vec<Reaching> {
    let (keys, roots) = own(line);
    line.mentions
        .iter()
        .zip(&keys)
        .zip(&roots)
        .filter_map(|((m, k), &root)| merge::reach(m, k).map(|reach| Reaching { unit: (line.at, root), reach }))
        .collect()
}
#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn reach(from: &str, to: &str, trigger: u32, names: &[u32]) -> Reach {
        Reach {
            range: (day(from), day(to)),
            trigger,
            names: names.to_vec(),
            words: vec![trigger],
            content: Vec::new(),
            published: false,
            one_day: from == to,
        }
    }

    #[test]
    fn a_reach_goes_to_each_name_in_each_month_and_its_day() {
        let year = reach("2024-01-01", "2024-12-31", 7, &[1, 2]);
        assert_eq!(buckets(&year).count(), 24);
        let d = reach("2024-03-05", "2024-03-05", 7, &[1]);
        assert_eq!(buckets(&d).collect::<Vec<_>>(), vec![Bucket::Name(1, month(day("2024-03-05"))), Bucket::Day(day("2024-03-05"))]);
        // A year and a day in it share the day's month under their common name.
        assert!(buckets(&d).any(|b| buckets(&year).any(|c| c == b)));
    }

    /// Four reports of one event (two in one article) and one of another: the four are
    /// joined by a link for each join, three in all, and the other stays alone.
    #[test]
    fn links_join_what_may_meet_with_a_link_a_join() {
        let story = reach("2024-03-05", "2024-03-05", 7, &[1]);
        let year = reach("2024-01-01", "2024-12-31", 7, &[1]);
        let other = reach("2024-03-05", "2024-03-05", 9, &[1]);
        let items = [
            Item { unit: (0, 0), article: 0, reach: &story },
            Item { unit: (1, 0), article: 1, reach: &story },
            Item { unit: (2, 0), article: 2, reach: &story },
            Item { unit: (2, 4), article: 2, reach: &year },
            Item { unit: (3, 0), article: 3, reach: &other },
        ];
        let found = links(false, &items);
        assert_eq!(found.len(), 3, "{found:?}");
        let mut plan = Plan::default();
        for (a, b) in found {
            plan.link(a, b);
        }
        for u in [(1, 0), (2, 0), (2, 4)] {
            assert_eq!(plan.part(u), (0, 0));
        }
        assert_eq!(plan.part((3, 0)), (3, 0));
        assert_eq!(plan.assignments().len(), 4, "only linked units are listed");
    }
}

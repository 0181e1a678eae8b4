//! Events: every placeable date in an article becomes a mention (sentence,
//! trigger, date range); mentions of one event are merged, within an article
//! and across articles, into the [`Timeline`]'s events.
//!
//! Merging rule: two mentions are one event when their date ranges are
//! compatible (one contains the other) and they speak of the same thing: the
//! same trigger, or, within one article, one's trigger named in the other's
//! sentence ("hit a low last month when an official walked out of a meeting" and
//! "the meeting in late November"); across articles they must also share a
//! named participant. The most specific date wins.

pub mod sentences;
pub mod title;
pub mod trigger;

use chrono::NaiveDate;

use crate::source::Article;
use crate::temporal::{Mod, Tagger, Timex, TimexType, TimexValue};
use crate::timeline::{ArticleMeta, Event, Mention, Span, Timeline, VERSION};

/// One dated mention, before merging.
#[derive(Debug, Clone)]
struct Found {
    article: usize,
    timex: Timex,
    range: (NaiveDate, NaiveDate),
    sentence: (usize, usize),
    /// The dates written together with this one ("in August or September of this
    /// year"), which leave a title together.
    date_group: (usize, usize),
    trigger: Option<(usize, usize)>,
    /// The trigger's stem, hashed ([`key`]).
    trig: Option<u64>,
    /// The trigger is a reporting verb ("said").
    reporting: bool,
    /// Stems of the sentence's words, hashed, sorted: "is the other's trigger named here?".
    words: Vec<u64>,
    /// The same, without filler words: "what else do they share?".
    content: Vec<u64>,
    /// Capitalised words other than the first, hashed, sorted: "same participants?".
    names: Vec<u64>,
}

/// A stable 64-bit key for a word (FNV-1a): merging compares keys, not strings.
fn key(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn sorted(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v.dedup();
    v
}

fn contains(sorted: &[u64], k: u64) -> bool {
    sorted.binary_search(&k).is_ok()
}

/// How many keys two sorted lists share, by one merge walk.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

impl Found {
    fn span_days(&self) -> i64 {
        (self.range.1 - self.range.0).num_days()
    }
}

/// A rough stem, so "meeting"/"meetings", "launched"/"launch",
/// "delivery"/"deliveries"/"delivered" and "service"/"services" compare equal.
fn stem_word(word: &str) -> String {
    let mut w = word.to_ascii_lowercase();
    for (suffix, by) in [("ies", "y"), ("ings", ""), ("ing", ""), ("ed", ""), ("es", "e"), ("s", "")] {
        if let Some(s) = w.strip_suffix(suffix)
            && s.len() >= 3
            && !w.ends_with("ss")
        {
            w = format!("{s}{by}");
            break;
        }
    }
    // "announce"/"announc", "delivery"/"deliver".
    if w.len() > 4 && (w.ends_with('e') || w.ends_with('y')) {
        w.pop();
    }
    w
}

/// The stem, with synonyms of an event word mapped to one ("unveiled" → "reveal").
fn stem(word: &str) -> String {
    static SYNONYMS: std::sync::OnceLock<std::collections::HashMap<String, String>> = std::sync::OnceLock::new();
    let map = SYNONYMS.get_or_init(|| {
        let mut m = std::collections::HashMap::new();
        for line in include_str!("lexicon/synonyms.txt").lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let mut words = line.split_whitespace().map(stem_word);
            let Some(head) = words.next() else { continue };
            for w in words {
                m.insert(w, head.clone());
            }
        }
        m
    });
    let s = stem_word(word);
    map.get(&s).cloned().unwrap_or(s)
}

/// Words that say nothing about which event a sentence is about.
fn is_filler(stem: &str) -> bool {
    const FILLER: &[&str] = &[
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "that",
        "thi",
        "thes",
        "it",
        "its",
        "their",
        "they",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "you",
        "i",
        "wa",
        "wer",
        "be",
        "been",
        "is",
        "are",
        "ha",
        "hav",
        "had",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "not",
        "no",
        "said",
        "say",
        "told",
        "which",
        "who",
        "what",
        "when",
        "where",
        "after",
        "befor",
        "until",
        "since",
        "than",
        "then",
        "also",
        "more",
        "most",
        "about",
        "into",
        "over",
        "new",
        "first",
        "last",
        "next",
        "year",
        "month",
        "week",
        "day",
        "today",
        "yesterday",
        "tomorrow",
        "januar",
        "februar",
        "march",
        "april",
        "may",
        "jun",
        "jul",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "earlier",
        "later",
        "ago",
        "mr",
        "ms",
        "one",
        "two",
        "three",
        "some",
        "all",
        "other",
        "there",
        "was",
        "were",
        "has",
        "have",
        "does",
        "did",
        "this",
        "these",
        "those",
        "being",
        "time",
        "now",
        "plan",
        "expect",
        "date",
    ];
    stem.len() <= 2 || stem.starts_with(|c: char| c.is_ascii_digit()) || FILLER.contains(&stem)
}

fn placeable(t: &Timex) -> Option<(NaiveDate, NaiveDate)> {
    if !matches!(t.kind, TimexType::Date | TimexType::Time) {
        return None;
    }
    // Centuries and decades are too coarse to be an event's date.
    if matches!(t.value, TimexValue::Century(_) | TimexValue::Decade(_)) {
        return None;
    }
    t.value.date_range(t.modifier).ok()
}

/// Finds the dated mentions of one article.
/// What joins two dates into one phrase: "August or September", "June 5-7",
/// "September of this year".
const DATE_JOINERS: &[&str] = &[" or ", " and ", " to ", " through ", " until ", "-", "\u{2013}", " of "];

/// The span of the dates written together with `timexes[k]`.
fn date_group(text: &str, timexes: &[Timex], k: usize) -> (usize, usize) {
    let joined = |a: usize, b: usize| a <= b && text.get(a..b).is_some_and(|between| DATE_JOINERS.contains(&between));
    let (mut start, mut end) = (timexes[k].start, timexes[k].end);
    for t in &timexes[k + 1..] {
        if !joined(end, t.start) {
            break;
        }
        end = t.end;
    }
    for t in timexes[..k].iter().rev() {
        if !joined(t.end, start) {
            break;
        }
        start = t.start;
    }
    (start, end)
}

fn mentions_of(article_idx: usize, article: &Article, tagger: &mut Tagger) -> Vec<Found> {
    let text = &article.text;
    let sents = sentences::sentences(text);
    let timexes = tagger.tag(text, article.published);
    let mut out = Vec::new();
    // The headline is not an event.
    let headline = sents.first().copied().filter(|&(s, e)| text[s..e].trim_start_matches('#').trim() == article.title);
    for (k, t) in timexes.iter().enumerate() {
        if t.start < article.body_start {
            continue;
        }
        let date_group = date_group(text, &timexes, k);
        let t = t.clone();
        let Some(range) = placeable(&t) else { continue };
        let Some(&(ss, se)) = sents.iter().find(|(s, e)| *s <= t.start && t.end <= *e) else { continue };
        if headline == Some((ss, se)) || is_dateline(text, ss, se, &t) {
            continue;
        }
        let words = trigger::words(text, ss, se);
        let trig = trigger::find_trigger(text, &words, t.start, t.end).map(|w| (w.start, w.end));
        let stems: Vec<String> = words.iter().map(|w| stem(w.text)).collect();
        let content = sorted(stems.iter().filter(|w| !is_filler(w)).map(|w| key(w)).collect());
        let names = sorted(
            words
                .iter()
                .skip(1)
                .filter(|w| w.text.chars().next().is_some_and(char::is_uppercase) && (w.start < t.start || w.start >= t.end))
                .map(|w| key(w.text))
                .collect(),
        );
        let trig_stem = trig.map(|(s, e)| stem(&text[s..e]));
        let reporting = trig_stem.as_deref().is_some_and(is_reporting);
        out.push(Found {
            article: article_idx,
            timex: t,
            range,
            sentence: (ss, se),
            date_group,
            trigger: trig,
            trig: trig_stem.as_deref().map(key),
            reporting,
            words: sorted(stems.iter().map(|w| key(w)).collect()),
            content,
            names,
        });
    }
    out
}

/// A line that is only a date (with "Updated:" and the like) is the article's dateline.
fn is_dateline(text: &str, ss: usize, se: usize, t: &Timex) -> bool {
    let line = &text[ss..se];
    let rest = format!("{}{}", &text[ss..t.start], &text[t.end..se]);
    line.len() < 80 && rest.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count() <= 3
}

type Range = (NaiveDate, NaiveDate);

/// Groups of mentions. A group keeps its narrowest range and the intersection of
/// all its ranges, and two groups join only if every member stays compatible
/// with the narrowest: otherwise a vague "this year" would chain a March event
/// to an October one.
struct Groups {
    parent: Vec<usize>,
    narrow: Vec<Range>,
    common: Vec<Range>,
}

impl Groups {
    fn new(found: &[Found]) -> Groups {
        Groups {
            parent: (0..found.len()).collect(),
            narrow: found.iter().map(|f| f.range).collect(),
            common: found.iter().map(|f| f.range).collect(),
        }
    }

    fn find(&mut self, i: usize) -> usize {
        let mut r = i;
        while self.parent[r] != r {
            r = self.parent[r];
        }
        let mut i = i;
        while self.parent[i] != r {
            let next = self.parent[i];
            self.parent[i] = r;
            i = next;
        }
        r
    }

    /// Joins the groups of `a` and `b` if their dates allow; returns whether they are one group now.
    fn join(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let (na, nb) = (self.narrow[ra], self.narrow[rb]);
        if !compatible(na, nb) {
            return false;
        }
        let narrow = if (na.1 - na.0) <= (nb.1 - nb.0) { na } else { nb };
        let common = (self.common[ra].0.max(self.common[rb].0), self.common[ra].1.min(self.common[rb].1));
        if !(common.0 <= narrow.0 && narrow.1 <= common.1) {
            return false;
        }
        let (root, child) = (ra.min(rb), ra.max(rb));
        self.parent[child] = root;
        self.narrow[root] = narrow;
        self.common[root] = common;
        true
    }
}

fn compatible(a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate)) -> bool {
    (a.0 <= b.0 && b.1 <= a.1) || (b.0 <= a.0 && a.1 <= b.1)
}

fn same_event(a: &Found, b: &Found) -> bool {
    if !compatible(a.range, b.range) {
        return false;
    }
    // One sentence naming the very same date twice ("Sunday … 7/8/07") restates one day.
    if a.article == b.article && a.sentence == b.sentence && a.range == b.range {
        return true;
    }
    let (Some(sa), Some(sb)) = (a.trig, b.trig) else { return false };
    // Two statements are two events, even on the same day.
    if a.sentence != b.sentence && (a.reporting || b.reporting) {
        return false;
    }
    let related = sa == sb || contains(&b.words, sa) || contains(&a.words, sb);
    if a.article == b.article {
        // The same sentence with two dates speaks of two events unless the trigger is shared.
        if a.sentence == b.sentence {
            return a.trigger == b.trigger;
        }
        return related;
    }
    // Across articles: the same trigger, or one's trigger named in the other's
    // sentence, and a participant in common ("Singapore", "Airbus") …
    if related && shared(&a.names, &b.names) > 0 {
        return true;
    }
    // … or the very same day and two things in common ("special", "service").
    a.range == b.range && a.span_days() == 0 && shared(&a.content, &b.content) >= 2
}

/// Reporting verbs name the report, not the event: two articles that "said"
/// something on the same day are not one event.
fn is_reporting(stem: &str) -> bool {
    matches!(stem, "said" | "say" | "says" | "told" | "tell" | "stat" | "add" | "report" | "announc" | "wrote" | "comment")
}

/// How many later candidates one mention is compared with, at most, in a
/// cross-article bucket: keeps merging near-linear on dumps where thousands of
/// articles share a trigger and a name on one day.
const MAX_COMPARISONS: usize = 64;

/// Pairs of mentions that may be one event: every pair within an article, and
/// across articles only pairs that share a trigger stem or a name and whose
/// dates overlap. Quadratic only within an article.
fn merge(found: &[Found]) -> Groups {
    let mut uf = Groups::new(found);
    // Within each article (found is grouped by article).
    let mut start = 0;
    while start < found.len() {
        let art = found[start].article;
        let end = found[start..].iter().position(|f| f.article != art).map_or(found.len(), |p| start + p);
        for i in start..end {
            for j in i + 1..end {
                if same_event(&found[i], &found[j]) {
                    uf.join(i, j);
                }
            }
        }
        start = end;
    }
    // Across articles, bucketed by trigger, by name and by day.
    let mut buckets: std::collections::HashMap<(u8, u64), Vec<usize>> = std::collections::HashMap::new();
    for (i, f) in found.iter().enumerate() {
        let Some(t) = f.trig else { continue };
        if f.reporting {
            continue;
        }
        // Mentions meet when they share the trigger, a name or a day; `same_event` decides.
        buckets.entry((0, t)).or_default().push(i);
        if f.span_days() == 0 {
            buckets.entry((1, (f.range.0 - NaiveDate::default()).num_days() as u64)).or_default().push(i);
        }
        for &n in &f.names {
            buckets.entry((2, n)).or_default().push(i);
        }
    }
    let mut keys: Vec<_> = buckets.keys().cloned().collect();
    keys.sort();
    for k in keys {
        let mut b = buckets.remove(&k).unwrap_or_default();
        b.sort_by_key(|&i| (found[i].range.0, i));
        for x in 0..b.len() {
            let a = &found[b[x]];
            for &j in b[x + 1..].iter().take(MAX_COMPARISONS) {
                let c = &found[j];
                if c.range.0 > a.range.1 {
                    break;
                }
                if c.article != a.article && same_event(a, c) {
                    uf.join(b[x], j);
                }
            }
        }
    }
    uf
}

/// Builds the timeline of a set of articles: mentions, merged into events.
/// Articles are tagged in parallel; the result does not depend on the thread count.
pub fn extract(articles: &[Article]) -> Timeline {
    use rayon::prelude::*;
    let per_article: Vec<Vec<Found>> =
        articles.par_iter().enumerate().map_init(Tagger::new, |tagger, (i, a)| mentions_of(i, a, tagger)).collect();
    let found: Vec<Found> = per_article.into_iter().flatten().collect();
    let mut uf = merge(&found);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of = vec![usize::MAX; found.len()];
    for i in 0..found.len() {
        let r = uf.find(i);
        if group_of[r] == usize::MAX {
            group_of[r] = groups.len();
            groups.push(Vec::new());
        }
        groups[group_of[r]].push(i);
    }
    let mut events: Vec<Event> = groups.par_iter().map(|g| event_of(g, &found, articles)).collect();
    events.sort_by(|a, b| (a.start, a.end, &a.title).cmp(&(b.start, b.end, &b.title)));
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
    }
    Timeline { version: VERSION, articles: articles.iter().enumerate().map(|(i, a)| article_meta(i, a)).collect(), events }
}

pub fn article_id(idx: usize) -> String {
    format!("a{}", idx + 1)
}

fn article_meta(i: usize, a: &Article) -> ArticleMeta {
    ArticleMeta {
        id: article_id(i),
        title: a.title.clone(),
        published: a.published,
        url: a.url.clone(),
        path: a.path.as_ref().map(|p| p.display().to_string()),
        warnings: a.warnings.clone(),
    }
}

fn event_of(group: &[usize], found: &[Found], articles: &[Article]) -> Event {
    // The most specific date wins; among equals, the earliest mention.
    let best = *group.iter().min_by_key(|&&i| (found[i].span_days(), i)).expect("groups are never empty");
    let b = &found[best];
    let text = &articles[b.article].text;
    // The mention the title comes from goes first, so that a reader (or the CSV's
    // one "sentence" column) sees the sentence the title was read from.
    let mentions = std::iter::once(best)
        .chain(group.iter().copied().filter(|&i| i != best))
        .map(|i| {
            let f = &found[i];
            let t = &articles[f.article].text;
            Mention {
                article: article_id(f.article).into(),
                start: f.timex.start,
                end: f.timex.end,
                text: t[f.timex.start..f.timex.end].to_string(),
                trigger: f.trigger.map(|(s, e)| Span { start: s, end: e, text: t[s..e].to_string().into() }),
                sentence: t[f.sentence.0..f.sentence.1].to_string(),
            }
        })
        .collect();
    Event {
        id: String::new(),
        title: title::title_from_mention(text, b.sentence, b.date_group, b.trigger),
        start: b.range.0,
        end: b.range.1,
        timex: b.timex.value.to_string(),
        modifier: b.timex.modifier.filter(|m| matches!(m, Mod::Start | Mod::Mid | Mod::End)),
        granularity: b.timex.value.granularity().to_string().into(),
        mentions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_sentence_two_events() {
        let text = "Board plan\nDecember 13, 2018\nThe board will meet next Monday and publish results on April 22.";
        let a = crate::source::text::read(text);
        let tl = extract(&[a]);
        assert_eq!(tl.events.len(), 2, "{:#?}", tl.events);
    }

    #[test]
    fn one_sentence_restating_one_date_is_one_event() {
        let text = "Boeing unveils the 787\nJuly 9, 2007\nSunday was chosen as its date matches the aircraft's number when written in the American format, 7/8/07.";
        let a = crate::source::text::read(text);
        let tl = extract(&[a]);
        assert_eq!(tl.events.len(), 1, "{:#?}", tl.events);
        assert_eq!(tl.events[0].mentions.len(), 2);
    }

    #[test]
    fn dates_written_together_leave_a_title_together() {
        let text = "Boeing unveils the 787\nJuly 9, 2007\nThe first flight is expected to take place in August or September of this year.";
        let tl = extract(&[crate::source::text::read(text)]);
        let titles: Vec<&str> = tl.events.iter().map(|e| e.title.as_str()).collect();
        assert!(!titles.is_empty());
        assert!(titles.iter().all(|t| *t == "The first flight is expected to take place"), "{titles:?}");
    }

    #[test]
    fn stems() {
        assert_eq!(stem("meetings"), stem("meeting"));
        assert_eq!(stem("launched"), stem("launch"));
        assert_eq!(stem("deliveries"), stem("delivered"));
        assert_eq!(stem("delivery"), stem("delivered"));
        assert_eq!(stem("services"), stem("service"));
        assert_eq!(stem("announced"), stem("announce"));
        assert_ne!(stem("press"), stem("pres"));
        assert_eq!(stem("unveiled"), stem("revealed"));
        assert_eq!(stem("flew"), stem("flights"));
    }
}

//! Merging mentions into events, within an article and across articles.
//!
//! Two mentions are one event when their dates are compatible (one range contains
//! the other) and they speak of the same thing: the same trigger, or, within one
//! article, one's trigger named in the other's sentence ("hit a low last month when
//! an official walked out of a meeting" and "the meeting in late November"); across
//! articles they must also share a named participant. A date from the publication
//! date counts as the day before as well, so reports of the same news published a
//! day apart meet. Candidates are found through buckets (a trigger, a word, a name,
//! a day) and each mention is compared with at most [`MAX_COMPARISONS`] others per
//! bucket, so merging stays near-linear in mentions however long an article is.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::placed::Placed;
use crate::timeline::Basis;

/// A stable 64-bit key for a word (FNV-1a): merging compares keys, not strings.
fn key(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn sorted(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v.dedup();
    v
}

fn contains<T: Ord>(sorted: &[T], k: T) -> bool {
    sorted.binary_search(&k).is_ok()
}

/// How many keys two sorted lists share, by one merge walk.
fn shared<T: Ord>(a: &[T], b: &[T]) -> usize {
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

/// A rough stem, so "meeting"/"meetings", "launched"/"launch",
/// "delivery"/"deliveries"/"delivered" and "service"/"services" compare equal.
/// `w` is lower case.
fn stem_word(w: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    // An event noun made from its verb names the verb's event: "the announcement" of
    // "announced", "the suspension" of "suspended", "the invasion" of "invaded", "the
    // election" of "elected". Only where the verb left is long enough to be one
    // ("station", "mission", "nation" are not made from "stat", "mis", "nat").
    let singular = w.strip_suffix('s').filter(|s| s.ends_with("ment") || s.ends_with("ion")).unwrap_or(w);
    if let Some(verb) = singular.strip_suffix("ment").filter(|v| v.len() >= 4) {
        return Cow::Owned(pop_final(verb).into_owned());
    }
    if let Some(stem) = singular.strip_suffix("sion").filter(|v| v.len() >= 4 && !v.ends_with('s')) {
        return Cow::Owned(format!("{stem}d"));
    }
    if let Some(verb) = singular.strip_suffix("ion").filter(|v| v.len() >= 5 && v.ends_with('t')) {
        return Cow::Owned(verb.to_string());
    }
    for (suffix, by) in [("ies", "y"), ("ings", ""), ("ing", ""), ("ed", ""), ("es", "e"), ("s", "")] {
        if let Some(s) = w.strip_suffix(suffix)
            && s.len() >= 3
            && !w.ends_with("ss")
        {
            // "deliveries" → "delivery" → "deliver" (the rule below); "dies" → "die".
            if by.is_empty() {
                return pop_final(s);
            }
            return if s.len() + by.len() > 4 { Cow::Borrowed(s) } else { Cow::Owned(format!("{s}{by}")) };
        }
    }
    pop_final(w)
}

/// "announce"/"announc", "delivery"/"deliver".
fn pop_final(w: &str) -> std::borrow::Cow<'_, str> {
    if w.len() > 4 && (w.ends_with('e') || w.ends_with('y')) {
        std::borrow::Cow::Borrowed(&w[..w.len() - 1])
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

/// The stem, with synonyms of an event word mapped to one ("unveiled" → "reveal"),
/// and irregular verbs to their base ("won" → "win").
pub fn stem(word: &str) -> String {
    with_stem(word, str::to_string)
}

/// Calls `f` with the stem of `word`, without allocating for a short lower-case word.
fn with_stem<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    static SYNONYMS: std::sync::OnceLock<crate::hashing::FastMap<String, String>> = std::sync::OnceLock::new();
    let map = SYNONYMS.get_or_init(|| {
        let mut m = crate::hashing::FastMap::default();
        for line in include_str!("lexicon/synonyms.txt").lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let mut words = line.split_whitespace().map(|w| stem_word(&w.to_ascii_lowercase()).into_owned());
            let Some(head) = words.next() else { continue };
            for w in words {
                m.insert(w, head.clone());
            }
        }
        m
    });
    let mut buf = [0u8; 32];
    let owned;
    let lower: &str = if word.len() <= buf.len() && word.is_ascii() {
        buf[..word.len()].copy_from_slice(word.as_bytes());
        buf[..word.len()].make_ascii_lowercase();
        std::str::from_utf8(&buf[..word.len()]).unwrap_or(word)
    } else {
        owned = word.to_ascii_lowercase();
        &owned
    };
    let s = stem_word(super::lexicon::irregular_base(lower).unwrap_or(lower));
    f(map.get(s.as_ref()).map_or(s.as_ref(), String::as_str))
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
        // Months and weekdays shortened, and time zones: a date's own words ("Thu 05
        // Mar 2026 08:36 EST"), which two sentences naming one day share whatever they
        // tell.
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "utc",
        "gmt",
        "est",
        "edt",
        "pst",
        "pdt",
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
    static SET: std::sync::OnceLock<crate::hashing::FastSet<&'static str>> = std::sync::OnceLock::new();
    stem.len() <= 2 || stem.starts_with(|c: char| c.is_ascii_digit()) || SET.get_or_init(|| FILLER.iter().copied().collect()).contains(stem)
}

/// Reporting verbs name the report, not the event: two articles that "said"
/// something on the same day are not one event.
fn is_reporting(stem: &str) -> bool {
    matches!(stem, "said" | "say" | "says" | "told" | "tell" | "stat" | "add" | "report" | "announc" | "wrote" | "comment")
}

/// What merging compares of a mention, computed once.
#[derive(Clone)]
pub struct Keys {
    /// The trigger's stem, hashed ([`key`]).
    trig: Option<u64>,
    /// The trigger is a reporting verb ("said").
    reporting: bool,
    /// What the mention's sentence says, shared by the mentions of one sentence.
    sentence: std::sync::Arc<SentenceKeys>,
}

/// The words of a sentence as merging compares them.
pub struct SentenceKeys {
    /// Stems of the sentence's words, hashed, sorted: "is the other's trigger named here?".
    words: Vec<u64>,
    /// The same, without filler words: "what else do they share?".
    content: Vec<u64>,
    /// Capitalised words other than the first (not months or weekdays), hashed,
    /// sorted: "same participants?".
    names: Vec<u64>,
}

impl SentenceKeys {
    /// The keys of the sentence `text`; `memo` remembers the stems of the article's
    /// words, which repeat.
    fn of<'t>(text: &'t str, memo: &mut crate::hashing::FastMap<&'t str, (u64, bool)>) -> SentenceKeys {
        let words = sentence_words(text, 0, text.len());
        // Each word's stem key, and whether it is filler.
        let stems: Vec<(u64, bool)> =
            words.iter().map(|w| *memo.entry(w.1).or_insert_with(|| with_stem(w.1, |st| (key(st), is_filler(st))))).collect();
        let names = sorted(
            words
                .iter()
                .zip(&stems)
                .skip(1)
                .filter(|(w, (_, filler))| w.1.chars().next().is_some_and(char::is_uppercase) && !filler)
                .map(|(w, _)| key(w.1))
                .collect(),
        );
        SentenceKeys {
            content: sorted(stems.iter().filter(|(_, filler)| !filler).map(|&(k, _)| k).collect()),
            words: sorted(stems.iter().map(|&(k, _)| k).collect()),
            names,
        }
    }
}

/// The merge keys of one article's mentions, read from their sentences and trigger
/// words: a sentence is read once however many mentions it holds.
pub fn keys_of_article(placed: &[Placed]) -> Vec<Keys> {
    let mut sentences: crate::hashing::FastMap<(usize, usize), std::sync::Arc<SentenceKeys>> = Default::default();
    let mut memo = crate::hashing::FastMap::default();
    placed
        .iter()
        .map(|p| {
            let sentence = sentences
                .entry(p.sentence_span())
                .or_insert_with(|| std::sync::Arc::new(SentenceKeys::of(&p.mention.sentence, &mut memo)))
                .clone();
            let trig = p.mention.trigger.as_ref().map(|t| with_stem(&t.text, |st| (key(st), is_reporting(st))));
            Keys { trig: trig.map(|t| t.0), reporting: trig.is_some_and(|t| t.1), sentence }
        })
        .collect()
}

/// Words of `text[start..end]` with their offsets: letters, digits and inner hyphens.
fn sentence_words(text: &str, start: usize, end: usize) -> Vec<(usize, &str)> {
    let s = &text[start..end];
    let mut out = Vec::new();
    let mut word_start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let part_of_word = c.is_alphanumeric() || (c == '-' && word_start.is_some());
        match (part_of_word, word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(ws)) => {
                let w = s[ws..i].trim_end_matches('-');
                out.push((start + ws, w));
                word_start = None;
            }
            _ => {}
        }
    }
    out
}

/// A date range, first and last day.
pub type Range = (NaiveDate, NaiveDate);

/// The range a mention merges with: a publication date stands for that day and the
/// day before, since the news it reports may be a day old.
pub fn merge_range(f: &Placed) -> Range {
    match f.basis() {
        Basis::Published => (f.range.0 - Duration::days(1), f.range.1),
        _ => f.range,
    }
}

fn span_days(r: Range) -> i64 {
    (r.1 - r.0).num_days()
}

/// The root of `i` in a union-find's `parent` list, pointing the path at it.
pub(super) fn root(parent: &mut [usize], i: usize) -> usize {
    let mut r = i;
    while parent[r] != r {
        r = parent[r];
    }
    let mut i = i;
    while parent[i] != r {
        let next = parent[i];
        parent[i] = r;
        i = next;
    }
    r
}

/// Groups of mentions. A group keeps its narrowest range and the intersection of
/// all its ranges, and two groups join only if every member stays compatible
/// with the narrowest: otherwise a vague "this year" would chain a March event
/// to an October one. Groups of publication dates alone join when they overlap.
pub struct Groups {
    parent: Vec<usize>,
    narrow: Vec<Range>,
    common: Vec<Range>,
    published_only: Vec<bool>,
}

impl Groups {
    fn new(found: &[Placed]) -> Groups {
        Groups {
            parent: (0..found.len()).collect(),
            narrow: found.iter().map(merge_range).collect(),
            common: found.iter().map(merge_range).collect(),
            published_only: found.iter().map(|f| f.basis() == Basis::Published).collect(),
        }
    }

    pub fn find(&mut self, i: usize) -> usize {
        root(&mut self.parent, i)
    }

    /// Joins the groups of `a` and `b` if their dates allow; returns whether they are one group now.
    fn join(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let (na, nb) = (self.narrow[ra], self.narrow[rb]);
        let common = (self.common[ra].0.max(self.common[rb].0), self.common[ra].1.min(self.common[rb].1));
        let both_published = self.published_only[ra] && self.published_only[rb];
        let narrow = if both_published {
            if common.0 > common.1 {
                return false;
            }
            common
        } else {
            if !compatible(na, nb) {
                return false;
            }
            let narrow = if span_days(na) <= span_days(nb) { na } else { nb };
            if !(common.0 <= narrow.0 && narrow.1 <= common.1) {
                return false;
            }
            narrow
        };
        let (root, child) = (ra.min(rb), ra.max(rb));
        self.parent[child] = root;
        self.narrow[root] = narrow;
        self.common[root] = common;
        self.published_only[root] = both_published;
        true
    }
}

fn compatible(a: Range, b: Range) -> bool {
    (a.0 <= b.0 && b.1 <= a.1) || (b.0 <= a.0 && a.1 <= b.1)
}

fn same_event(a: &Placed, ka: &Keys, b: &Placed, kb: &Keys) -> bool {
    let (ra, rb) = (merge_range(a), merge_range(b));
    let dates_agree = compatible(ra, rb) || a.basis() == Basis::Published && b.basis() == Basis::Published && ra.0 <= rb.1 && rb.0 <= ra.1;
    if !dates_agree {
        return false;
    }
    // One sentence naming the very same date twice ("Sunday … 7/8/07") restates one day.
    if a.article == b.article
        && a.sentence_span() == b.sentence_span()
        && a.range == b.range
        && a.basis() == Basis::Explicit
        && b.basis() == Basis::Explicit
    {
        return true;
    }
    let (Some(sa), Some(sb)) = (ka.trig, kb.trig) else { return false };
    // Two statements are two events, even on the same day.
    if a.sentence_span() != b.sentence_span() && (ka.reporting || kb.reporting) {
        return false;
    }
    let related = sa == sb || contains(&kb.sentence.words, sa) || contains(&ka.sentence.words, sb);
    if a.article == b.article {
        // The same sentence with two dates speaks of two events unless the trigger is
        // shared, or unless both come to the same headline: "The plane left four hours
        // after its scheduled 9:45 a.m. departure" is one line on the timeline, not two.
        // So is an event noun dated on the day that a headline whose subject it is
        // tells of: "The take-off, at 08:30 UTC, … took place exactly on time" (not
        // "Boeing challenged the award", which is another event than the award).
        if a.sentence_span() == b.sentence_span() {
            let titled = |title: &str, trig: u64| {
                let content = sentence_words(title, 0, title.len()).into_iter().map(|w| with_stem(w.1, |st| (key(st), is_filler(st))));
                content.filter(|&(_, filler)| !filler).take(2).any(|(k, _)| k == trig)
            };
            return a.trigger_span() == b.trigger_span()
                || a.title == b.title
                || ra.0 <= rb.1 && rb.0 <= ra.1 && (titled(&a.title, sb) || titled(&b.title, sa));
        }
        // An inferred date is a weaker tie: the same event word, something else in
        // common and someone in common, where both name someone ("Saddam called Bush a
        // liar Thursday" and, later, "Libya called for a meeting" are two events).
        if a.basis().is_inferred() || b.basis().is_inferred() {
            let names_agree =
                ka.sentence.names.is_empty() || kb.sentence.names.is_empty() || shared(&ka.sentence.names, &kb.sentence.names) > 0;
            return sa == sb && names_agree && shared(&ka.sentence.content, &kb.sentence.content) >= 2;
        }
        return related;
    }
    // Across articles: the same trigger, or one's trigger named in the other's
    // sentence, and a participant in common ("Singapore", "Airbus") … A vague date
    // ("later this year") meets a precise one only through the same event word.
    let vague = (span_days(ra) - span_days(rb)).abs() > VAGUE_DAYS;
    if related && (!vague || sa == sb) && shared(&ka.sentence.names, &kb.sentence.names) > 0 {
        return true;
    }
    // … or the very same day, written out in both, and two things in common
    // ("special", "service").
    written_day(a) && written_day(b) && a.range == b.range && shared(&ka.sentence.content, &kb.sentence.content) >= 2
}

/// Whether a mention is dated to one day by a date written out ("October 28",
/// "12/5/2018"): two articles that name the same day may tell of one event. Not by
/// "today", a weekday or a clock time, which only point at the day each article was
/// written: many articles of one day say "today" of different things.
fn written_day(p: &Placed) -> bool {
    p.basis() == Basis::Explicit && span_days(p.range) == 0 && p.mention.text.as_deref().is_some_and(names_calendar_day)
}

/// Is `word` a month's name, whole or shortened ("December", "Dec", "Sept"), as the
/// tagger's lexicon knows them?
fn is_month(word: &str) -> bool {
    let lexicon = crate::temporal::lexicon::Lexicon::get();
    lexicon.entry_at(lexicon.lookup(word)).month != 0
}

/// Does a time expression name its day by the calendar: a month, or a date in digits?
fn names_calendar_day(expression: &str) -> bool {
    let numeric = expression.split_whitespace().any(|w| {
        let parts: Vec<&str> = w.trim_matches(|c: char| !c.is_ascii_digit()).split(['/', '-', '.']).collect();
        parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    });
    numeric || expression.split(|c: char| !c.is_alphanumeric()).any(is_month)
}

/// How much wider than another a mention's range may be before it is vague beside
/// it: then the two merge across articles only through the same event word.
pub const VAGUE_DAYS: i64 = 31;

/// What a mention can meet in another article: the merge across articles, seen from
/// one mention, so that the merge can be spread over machines ([`crate::archive`])
/// without parting a pair that [`same_event`] would join. A mention with no trigger,
/// a reporting one, or one that is part of another meets no other article's mention
/// (the buckets across articles leave them out); its event's other mentions do.
///
/// Keys are cut to 24 bits to keep the lines that carry them short: two keys that
/// then collide can only make more pairs meet, never fewer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "ReachLine", try_from = "ReachLine")]
pub struct Reach {
    /// Its merge range ([`merge_range`]).
    pub range: Range,
    /// Its trigger's key.
    pub trigger: u32,
    /// The names in its sentence, sorted.
    pub names: Vec<u32>,
    /// The words of its sentence, sorted: another's trigger named here.
    pub words: Vec<u32>,
    /// The same without filler, sorted, of a mention dated to one day: what else two
    /// sentences of that day share. Empty for others, which never need it.
    pub content: Vec<u32>,
    /// Dated by its article's publication date.
    pub published: bool,
    /// Dated to one day by a date written out ([`written_day`]).
    pub one_day: bool,
}

/// A reach as its line carries it, short: keys as one string of six hex digits each,
/// the content words as a mask over the words (a hex digit for four).
#[derive(Clone, Serialize, Deserialize)]
struct ReachLine {
    r: Range,
    t: u32,
    n: String,
    w: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    c: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    p: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    d: bool,
}

fn hex_keys(keys: &[u32]) -> String {
    keys.iter().map(|k| format!("{k:06x}")).collect()
}

fn keys_of_hex(text: &str) -> Result<Vec<u32>, String> {
    if !text.len().is_multiple_of(6) || !text.is_ascii() {
        return Err("keys are six hex digits each".into());
    }
    (0..text.len()).step_by(6).map(|i| u32::from_str_radix(&text[i..i + 6], 16).map_err(|e| e.to_string())).collect()
}

impl From<Reach> for ReachLine {
    fn from(r: Reach) -> ReachLine {
        let mut c = String::new();
        if !r.content.is_empty() {
            for chunk in r.words.chunks(4) {
                let nibble = chunk.iter().enumerate().filter(|(_, w)| contains(&r.content, **w)).fold(0u32, |m, (i, _)| m | 1 << i);
                c.push(char::from_digit(nibble, 16).expect("a nibble"));
            }
        }
        ReachLine { r: r.range, t: r.trigger, n: hex_keys(&r.names), w: hex_keys(&r.words), c, p: r.published, d: r.one_day }
    }
}

impl TryFrom<ReachLine> for Reach {
    type Error = String;

    fn try_from(l: ReachLine) -> Result<Reach, String> {
        let words = keys_of_hex(&l.w)?;
        let mut content = Vec::new();
        for (k, digit) in l.c.chars().enumerate() {
            let nibble = digit.to_digit(16).ok_or("the content mask is hex digits")?;
            content.extend((0..4).filter(|i| nibble & 1 << i != 0).filter_map(|i| words.get(k * 4 + i)));
        }
        Ok(Reach { range: l.r, trigger: l.t, names: keys_of_hex(&l.n)?, words, content, published: l.p, one_day: l.d })
    }
}

/// A key cut to 24 bits.
fn short_key(k: u64) -> u32 {
    (k & 0xff_ffff) as u32
}

fn short(keys: &[u64]) -> Vec<u32> {
    let mut v: Vec<u32> = keys.iter().map(|&k| short_key(k)).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The reach of mention `p` across articles, `None` if it has none.
pub fn reach(p: &Placed, k: &Keys) -> Option<Reach> {
    let trigger = k.trig.filter(|_| !k.reporting && p.part_of.is_none())?;
    let one_day = written_day(p);
    Some(Reach {
        range: merge_range(p),
        trigger: short_key(trigger),
        names: short(&k.sentence.names),
        words: short(&k.sentence.words),
        content: if one_day { short(&k.sentence.content) } else { Vec::new() },
        published: p.basis() == Basis::Published,
        one_day,
    })
}

impl Reach {
    /// The days its range spans.
    pub fn span(&self) -> i64 {
        span_days(self.range)
    }

    /// Whether it may be one event with `other`, a mention of another article:
    /// [`same_event`]'s test across articles, on the keys alone. True of every pair
    /// that `same_event` joins across articles, so a spread merge that keeps together
    /// what may meet loses no merge.
    pub fn may_meet(&self, other: &Reach) -> bool {
        let (a, b) = (self, other);
        if a.one_day && b.one_day && a.range == b.range && shared(&a.content, &b.content) >= 2 {
            return true;
        }
        let overlap = a.range.0 <= b.range.1 && b.range.0 <= a.range.1;
        if !(compatible(a.range, b.range) || a.published && b.published && overlap) || shared(&a.names, &b.names) == 0 {
            return false;
        }
        let vague = (a.span() - b.span()).abs() > VAGUE_DAYS;
        a.trigger == b.trigger || !vague && (contains(&b.words, a.trigger) || contains(&a.words, b.trigger))
    }
}

/// How many later candidates one mention is compared with, at most, in a bucket:
/// keeps merging near-linear on dumps where thousands of articles share a trigger
/// and a name on one day, and in articles of thousands of sentences.
const MAX_COMPARISONS: usize = 64;

/// The pairs of one article's mentions (`found[start..end]`) that are one event, in
/// the order they were found.
fn same_event_pairs(found: &[Placed], keys: &[Keys], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut buckets: crate::hashing::FastMap<(u8, u64), Vec<usize>> = Default::default();
    // A mention that is part of another (`with`) meets others only through it.
    for i in (start..end).filter(|&i| found[i].part_of.is_none()) {
        buckets.entry((0, found[i].sentence_span().0 as u64)).or_default().push(i);
        if let Some(t) = keys[i].trig {
            buckets.entry((1, t)).or_default().push(i);
        }
        for &w in &keys[i].sentence.content {
            buckets.entry((2, w)).or_default().push(i);
        }
    }
    // Each pair is tried once. A pair is (earlier, later) and comes up only at the
    // steps of its two mentions: at the earlier one's (its later partners, recorded
    // in `later`, sorted once the step is done) or at the later one's (checked there).
    // Sorted lists instead of one set of every pair keep memory and time linear in a
    // long article's mentions.
    let mut later: Vec<Vec<u32>> = vec![Vec::new(); end - start];
    let mut seen: crate::hashing::FastSet<usize> = Default::default();
    for i in (start..end).filter(|&i| found[i].part_of.is_none()) {
        let mut meet: Vec<&Vec<usize>> = Vec::new();
        meet.extend(buckets.get(&(0, found[i].sentence_span().0 as u64)));
        if let Some(t) = keys[i].trig {
            meet.extend(buckets.get(&(1, t)));
            // Mentions whose sentence names this trigger.
            meet.extend(buckets.get(&(2, t)));
        }
        seen.clear();
        for b in meet {
            let at = b.partition_point(|&j| j <= i);
            // The nearest after it, and the nearest before it, for the trigger named
            // in an earlier sentence.
            let after = b[at..].iter().take(MAX_COMPARISONS).map(|&j| (i, j));
            let before = b[..at].iter().rev().take(MAX_COMPARISONS).filter(|&&j| j != i).map(|&j| (j, i));
            for (x, y) in after.chain(before) {
                let other = if x == i { y } else { x };
                let first = seen.insert(other) && (x == i || later[x - start].binary_search(&(i as u32)).is_err());
                if first && same_event(&found[x], &keys[x], &found[y], &keys[y]) {
                    out.push((x, y));
                }
            }
        }
        let mut mine: Vec<u32> = seen.iter().filter(|&&j| j > i).map(|&j| j as u32).collect();
        mine.sort_unstable();
        later[i - start] = mine;
    }
    out
}

/// The spans of `found` that are one article each (`found` is grouped by article).
pub fn article_spans(found: &[Placed]) -> Vec<(usize, usize)> {
    let mut v = Vec::new();
    let mut start = 0;
    while start < found.len() {
        let art = found[start].article;
        let end = found[start..].iter().position(|f| f.article != art).map_or(found.len(), |p| start + p);
        v.push((start, end));
        start = end;
    }
    v
}

/// Each article's own events: its mentions merged within the article only (the
/// first step of [`merge`], which merging across articles never undoes). `found` is
/// grouped by article.
pub fn within(found: &[Placed], keys: &[Keys]) -> Groups {
    let mut uf = Groups::new(found);
    // Mentions that are part of another: joined whatever else is said of them.
    for (i, f) in found.iter().enumerate() {
        if let Some(w) = f.part_of.filter(|&w| w < found.len()) {
            uf.join(i, w);
        }
    }
    // Within each article: mentions meet through their sentence, their trigger, and
    // the words of their sentence (one's trigger named in the other's sentence). The
    // pairs are found article by article in parallel, then joined in order, so the
    // groups are the same whatever the thread count.
    use rayon::prelude::*;
    let pairs: Vec<Vec<(usize, usize)>> =
        article_spans(found).par_iter().map(|&(start, end)| same_event_pairs(found, keys, start, end)).collect();
    for (i, j) in pairs.into_iter().flatten() {
        uf.join(i, j);
    }
    uf
}

/// Merges mentions into groups: within each article, then across articles. `found`
/// is grouped by article.
pub fn merge(found: &[Placed], keys: &[Keys]) -> Groups {
    use rayon::prelude::*;
    let mut uf = within(found, keys);
    // Across articles, bucketed by trigger, by name and by day.
    let mut buckets: crate::hashing::FastMap<(u8, u64), Vec<usize>> = Default::default();
    for (i, f) in found.iter().enumerate() {
        let Some(t) = keys[i].trig else { continue };
        if keys[i].reporting || f.part_of.is_some() {
            continue;
        }
        let r = merge_range(f);
        buckets.entry((0, t)).or_default().push(i);
        if span_days(r) <= 1 {
            buckets.entry((1, (r.1 - NaiveDate::default()).num_days() as u64)).or_default().push(i);
        }
        for &n in &keys[i].sentence.names {
            buckets.entry((2, n)).or_default().push(i);
        }
    }
    // Each bucket's pairs are found in parallel, then joined bucket by bucket in key
    // order: the same groups whatever the thread count.
    let mut buckets: Vec<((u8, u64), Vec<usize>)> = buckets.into_iter().collect();
    buckets.sort_unstable_by_key(|(k, _)| *k);
    let pairs: Vec<Vec<(usize, usize)>> = buckets
        .par_iter_mut()
        .map(|(_, b)| {
            b.sort_by_key(|&i| (merge_range(&found[i]).0, i));
            let mut out = Vec::new();
            for x in 0..b.len() {
                let a = &found[b[x]];
                let ra = merge_range(a);
                for &j in b[x + 1..].iter().take(MAX_COMPARISONS) {
                    let c = &found[j];
                    if merge_range(c).0 > ra.1 {
                        break;
                    }
                    if c.article != a.article && same_event(a, &keys[b[x]], c, &keys[j]) {
                        out.push((b[x], j));
                    }
                }
            }
            out
        })
        .collect();
    for (i, j) in pairs.into_iter().flatten() {
        uf.join(i, j);
    }
    uf
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reach from words, as a mention's sentence would give it.
    fn reach_of(range: (&str, &str), trigger: &str, names: &[&str], words: &[&str]) -> Reach {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let keys = |v: &[&str]| short(&v.iter().map(|w| with_stem(w, key)).collect::<Vec<u64>>());
        Reach {
            range: (d(range.0), d(range.1)),
            trigger: short_key(with_stem(trigger, key)),
            names: keys(names),
            words: keys(words),
            content: Vec::new(),
            published: false,
            one_day: range.0 == range.1,
        }
    }

    #[test]
    fn a_calendar_day_is_written_out() {
        for e in ["October 28", "Dec. 5", "5 Dec 2018", "Thu 05 Mar 2026 08:36:05 AM EST", "12/5/2018", "2018-12-05"] {
            assert!(names_calendar_day(e), "{e}");
        }
        for e in ["today", "Thursday", "this morning", "08:36 EST", "00:05:38", "tonight", "2018"] {
            assert!(!names_calendar_day(e), "{e}");
        }
    }

    #[test]
    fn what_may_meet_across_articles() {
        let day = reach_of(("2024-03-05", "2024-03-05"), "launched", &["Airbus"], &["Airbus", "launched", "jet"]);
        let year = reach_of(("2024-01-01", "2024-12-31"), "launch", &["Airbus"], &["Airbus", "launch", "plans"]);
        assert!(year.may_meet(&day) && day.may_meet(&year), "a year and a day in it: the same event word and a name");
        let boeing = reach_of(("2024-01-01", "2024-12-31"), "launch", &["Boeing"], &["Boeing", "launch"]);
        assert!(!boeing.may_meet(&day), "no name in common");
        // Beside a day, a year is vague: the day's event word in its sentence is not enough …
        let expects = reach_of(("2024-01-01", "2024-12-31"), "expects", &["Airbus"], &["Airbus", "expects", "launched"]);
        assert!(!expects.may_meet(&day) && !day.may_meet(&expects));
        // … beside a month it is.
        let march = reach_of(("2024-03-01", "2024-03-31"), "expects", &["Airbus"], &["Airbus", "expects", "launched"]);
        assert!(march.may_meet(&day) && day.may_meet(&march));
        let april = reach_of(("2024-04-01", "2024-04-30"), "launched", &["Airbus"], &["Airbus", "launched"]);
        assert!(!april.may_meet(&day), "dates that do not agree");
        // Two publication days a day apart overlap.
        let mut monday = reach_of(("2024-03-03", "2024-03-04"), "launched", &["Airbus"], &["launched"]);
        let mut tuesday = reach_of(("2024-03-04", "2024-03-05"), "launched", &["Airbus"], &["launched"]);
        assert!(!monday.may_meet(&tuesday));
        (monday.published, tuesday.published) = (true, true);
        assert!(monday.may_meet(&tuesday));
        // The same day, two content words in common and no name.
        let mut held = reach_of(("2024-03-05", "2024-03-05"), "held", &[], &["special", "service", "held"]);
        let mut attended = reach_of(("2024-03-05", "2024-03-05"), "attended", &[], &["special", "service", "attended"]);
        assert!(!held.may_meet(&attended));
        held.content = held.words.clone();
        attended.content = attended.words.clone();
        assert!(held.may_meet(&attended));
    }

    #[test]
    fn a_reach_line_gives_the_reach_back() {
        let mut r = reach_of(("2024-03-05", "2024-03-05"), "held", &["London"], &["special", "service", "held", "in", "London", "the"]);
        r.content = short(&["special", "service", "held", "London"].iter().map(|w| with_stem(w, key)).collect::<Vec<u64>>());
        r.published = true;
        let line = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<Reach>(&line).unwrap(), r, "{line}");
        assert!(serde_json::from_str::<Reach>(&line.replace("\"w\":\"", "\"w\":\"zz")).is_err(), "keys are hex");
    }

    /// On real articles (the A380 sample), every pair of mentions of two articles that
    /// merging joins may meet: spreading the merge by what may meet parts no such pair.
    #[test]
    fn every_pair_merged_across_articles_may_meet() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/wikinews-a380");
        let loaded = crate::source::load_paths(&[dir]);
        let mut tagger = crate::temporal::Tagger::new();
        let mut found: Vec<Placed> = Vec::new();
        for (i, a) in loaded.articles.iter().enumerate() {
            found.extend(crate::events::article_mentions(i, a, &mut tagger).mentions.into_iter().map(|mut p| {
                p.article = i;
                p
            }));
        }
        let mut keys = Vec::new();
        for (s, e) in article_spans(&found) {
            keys.extend(keys_of_article(&found[s..e]));
        }
        let mut joined = 0;
        for i in 0..found.len() {
            for j in i + 1..found.len() {
                let (Some(ri), Some(rj)) = (reach(&found[i], &keys[i]), reach(&found[j], &keys[j])) else { continue };
                if found[i].article != found[j].article && same_event(&found[i], &keys[i], &found[j], &keys[j]) {
                    joined += 1;
                    assert!(ri.may_meet(&rj) && rj.may_meet(&ri), "{:?} / {:?}", found[i].title, found[j].title);
                }
            }
        }
        assert!(joined >= 5, "{joined} pairs joined across articles");
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
        for (noun, verb) in [
            ("announcement", "announced"),
            ("suspension", "suspended"),
            ("invasion", "invaded"),
            ("election", "elected"),
            ("negotiations", "negotiated"),
            ("agreement", "agreed"),
            ("settlements", "settled"),
        ] {
            assert_eq!(stem(noun), stem(verb), "{noun}");
        }
        assert_ne!(stem("station"), stem("stated"));
        assert_ne!(stem("mission"), stem("missed"));
        assert_eq!(stem("unveiled"), stem("revealed"));
        assert_eq!(stem("flew"), stem("flights"));
        assert_eq!(stem("won"), stem("wins"));
    }
}

//! The temporal tagger: finds time expressions in English text and normalises
//! them to TimeML TIMEX3 values, resolved against the document's date.
//!
//! The pipeline, in the order it runs:
//! 1. [`scan`] splits the text into tokens and looks words up in the [`lexicon`];
//! 2. the [`rules`] propose matches ([`raw::RawTimex`]), the longest one winning at each token;
//! 3. refiners widen a match by the words TimeML counts as part of it ("early", "the end of");
//! 4. [`resolve`] turns each match into a [`TimexValue`], using the [`tense`] around it
//!    and the narrative reference time.
//!
//! ```
//! use newsline::temporal::tag;
//! let dct = chrono::NaiveDate::from_ymd_opt(2018, 12, 13);
//! let found = tag("The arrest last week in Canada", dct);
//! assert_eq!(found[0].value.to_string(), "2018-W49");
//! ```

pub mod lexicon;
pub mod pattern;
pub mod phash;
pub mod raw;
pub mod resolve;
pub mod rules;
pub mod scan;
pub mod tense;
pub mod value;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

pub use value::{Mod, TimexType, TimexValue};

use pattern::{Ctx, Slots};
use raw::{Raw, RawTimex};
use resolve::{Anchors, Direction};
use scan::{Gap, Kind, Token};

/// A time expression found in a text: its byte span, type, value and modifier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: TimexType,
    pub value: TimexValue,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Mod>,
    /// The rule that found it, for debugging and error analysis.
    #[serde(skip)]
    pub rule: &'static str,
}

/// A reusable tagger: keeps its token buffer between calls.
#[derive(Default)]
pub struct Tagger {
    toks: Vec<Token>,
}

/// Tags one text (a convenience for [`Tagger::tag`]).
pub fn tag(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    Tagger::default().tag(text, dct)
}

impl Tagger {
    pub fn new() -> Self {
        Self::default()
    }

    /// Finds and resolves every time expression in `text`. `dct` is the
    /// document creation time; without it, relative expressions stay unresolved
    /// (values with `X` in them) while absolute dates still resolve.
    pub fn tag(&mut self, text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
        scan::scan_into(text, &mut self.toks);
        let ctx = Ctx { text, toks: &self.toks };
        let mut found = find(&ctx);
        found.retain(|m| !quoted_title(&ctx, m));
        for m in &mut found {
            widen_with_part(&ctx, m);
            widen_with_or_so(&ctx, m);
        }
        coordinated_days(&ctx, &mut found);
        clock_on_day(&ctx, &mut found);
        resolve_all(&ctx, &found, dct)
    }
}

/// The rules' first-token dispatch table and their compiled patterns, built once.
fn compiled_rules() -> &'static (pattern::first::Dispatch, Vec<&'static [pattern::Node]>) {
    static COMPILED: std::sync::OnceLock<(pattern::first::Dispatch, Vec<&'static [pattern::Node]>)> = std::sync::OnceLock::new();
    COMPILED.get_or_init(|| {
        let patterns: Vec<&'static [pattern::E]> = rules::RULES.iter().map(|r| r.pattern).collect();
        (pattern::first::Dispatch::build(&patterns), patterns.iter().map(|p| pattern::compile(p)).collect())
    })
}

/// Proposes matches left to right, the longest at each token.
fn find(ctx: &Ctx<'_>) -> Vec<RawTimex> {
    find_with(ctx, false)
}

/// With `every_rule`, each rule is tried at each token: what the dispatch tables
/// must reproduce exactly, which a test checks.
fn find_with(ctx: &Ctx<'_>, every_rule: bool) -> Vec<RawTimex> {
    let (dispatch, compiled) = compiled_rules();
    let all_rules = if rules::RULES.len() == 128 { u128::MAX } else { (1u128 << rules::RULES.len()) - 1 };
    let mut out = Vec::new();
    let mut i = 0;
    let n = ctx.toks.len();
    while i < n {
        let mut candidates = if every_rule { all_rules } else { dispatch.rules_at(ctx.toks, i) };
        if candidates == 0 {
            i += 1;
            continue;
        }
        let mut best: Option<RawTimex> = None;
        while candidates != 0 {
            let r = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let rule = &rules::RULES[r];
            let mut caps = Slots::default();
            let Some(j) = pattern::seq(ctx, compiled[r], i, &mut caps) else { continue };
            if j <= i || best.as_ref().is_some_and(|b| b.last >= j) {
                continue;
            }
            if let Some((raw, modifier)) = (rule.make)(&caps.caps()) {
                best = Some(RawTimex { first: i, last: j, raw, modifier, rule: rule.name });
            }
        }
        match best {
            Some(b) => {
                i = b.last;
                out.push(b);
            }
            None => i += 1,
        }
    }
    out
}

/// Day `n` of the month of a day match (`raw`), which must lie after its day (`later`)
/// or before it: "25" in "April 24 and 25", "5" in "5-7 June".
fn other_day(raw: &Raw, n: u32, later: bool) -> Option<Raw> {
    let in_order = |day: u32| if later { n > day } else { n >= 1 && n < day };
    match raw {
        Raw::Named { what: raw::Cyclic::MonthDay(month, day), year, shift }
            if in_order(*day) && NaiveDate::from_ymd_opt(2000, *month, n).is_some() =>
        {
            Some(Raw::Named { what: raw::Cyclic::MonthDay(*month, n), year: *year, shift: *shift })
        }
        Raw::Absolute(TimexValue::Day(d)) if in_order(d.day()) => Some(Raw::Absolute(TimexValue::Day(d.with_day(n)?))),
        _ => None,
    }
}

/// "April 24 and 25", "Dec. 5-6": the second day of a pair is a date of its own in
/// the first one's month (TimeML tags it alone: "25"). The number must come after
/// the first day and end the phrase, so "April 24 and 25 people" is not a date.
fn coordinated_days(ctx: &Ctx<'_>, found: &mut Vec<RawTimex>) {
    let mut extra: Vec<(usize, RawTimex)> = Vec::new();
    for (idx, m) in found.iter().enumerate() {
        let k = m.last;
        let (Some(link), Some(num)) = (ctx.toks.get(k), ctx.toks.get(k + 1)) else { continue };
        let linked = (link.kind == Kind::Word && ctx.word_is(k, &["and", "or", "to", "through", "until"]))
            || (link.is_punct('-') && link.gap == Gap::None && num.gap == Gap::None);
        if !linked || num.kind != Kind::Number || num.digits > 2 || found.get(idx + 1).is_some_and(|n| n.first <= k + 1) {
            continue;
        }
        let ends = match ctx.toks.get(k + 2) {
            None => true,
            Some(t) if t.gap == Gap::Newline => true,
            Some(t) if t.kind == Kind::Punct => [',', '.', ';', ')', '!', '?'].iter().any(|&c| t.is_punct(c)),
            Some(_) => ctx.word_is(k + 2, &["in", "at", "on", "for", "when", "with", "as", "from", "after", "before", "during"]),
        };
        if !ends {
            continue;
        }
        let Some(raw) = other_day(&m.raw, num.num, true) else { continue };
        extra.push((idx + 1, RawTimex { first: k + 1, last: k + 2, raw, modifier: None, rule: "coordinated_day" }));
    }
    // "from 5 to 7 June", "5-7 June": the first day of a day-first pair.
    for (idx, m) in found.iter().enumerate() {
        let (Some(link), Some(num)) = (m.first.checked_sub(1), m.first.checked_sub(2)) else { continue };
        let (link_tok, num_tok, day_tok) = (&ctx.toks[link], &ctx.toks[num], &ctx.toks[m.first]);
        let tight_dash = link_tok.is_punct('-') && link_tok.gap == Gap::None && day_tok.gap == Gap::None;
        let spelled = ctx.word_is(link, &["to", "and", "through", "until"])
            && num.checked_sub(1).is_some_and(|w| ctx.word_is(w, &["from", "between", "on"]));
        let taken = idx > 0 && found[idx - 1].last > num || extra.iter().any(|(_, e)| e.first == num);
        if !(tight_dash || spelled) || taken || day_tok.kind != Kind::Number || num_tok.kind != Kind::Number || num_tok.digits > 2 {
            continue;
        }
        let Some(raw) = other_day(&m.raw, num_tok.num, false) else { continue };
        extra.push((idx, RawTimex { first: num, last: num + 1, raw, modifier: None, rule: "coordinated_day" }));
    }
    extra.sort_by_key(|(at, _)| *at);
    for (at, m) in extra.into_iter().rev() {
        found.insert(at, m);
    }
}

/// "at 5pm on Friday", "shortly before midnight on Saturday": a clock time followed by
/// "on" and a day is a time of that day (each keeps its own span, as TimeML tags them).
fn clock_on_day(ctx: &Ctx<'_>, found: &mut [RawTimex]) {
    for k in 1..found.len() {
        let (before, after) = found.split_at_mut(k);
        let (time, day) = (&mut before[k - 1], &after[0]);
        let Raw::Time { day: day_slot @ None, time: value::DayTime::Clock { .. } } = &mut time.raw else { continue };
        let is_day = matches!(
            day.raw,
            Raw::Named { what: raw::Cyclic::Weekday(_) | raw::Cyclic::MonthDay(..), .. }
                | Raw::Deictic { .. }
                | Raw::Absolute(TimexValue::Day(_))
        );
        // "at 14:35 local time on 3 March": the words "local time" may come between.
        let on = if ctx.word_is(time.last, &["local"]) && ctx.word_is(time.last + 1, &["time"]) { time.last + 2 } else { time.last };
        if is_day && day.first == on + 1 && ctx.word_is(on, &["on"]) {
            *day_slot = Some(Box::new(day.raw.clone()));
        }
    }
}

/// Widens a calendar match by a part-of-period phrase before it:
/// "early 2024", "mid-November", "late last year", "the end of 1994".
fn widen_with_part(ctx: &Ctx<'_>, m: &mut RawTimex) {
    // "later this afternoon" too: "earlier"/"later" qualify a time as well as a date.
    let calendar = matches!(m.raw, Raw::Absolute(_) | Raw::Named { .. } | Raw::Shifted { .. } | Raw::Deictic { .. });
    if m.modifier.is_some() || !(calendar || matches!(m.raw, Raw::Time { .. })) {
        return;
    }
    let Some(mut i) = m.first.checked_sub(1) else { return };
    // "mid-2017": the hyphen is tight on both sides.
    if ctx.toks[i].is_punct('-') && ctx.toks[i].gap == Gap::None && ctx.toks[m.first].gap == Gap::None {
        let Some(j) = i.checked_sub(1) else { return };
        i = j;
    }
    // "the end of", "the beginning of", "the middle of".
    if ctx.word_is(i, &["of"]) {
        let Some(j) = i.checked_sub(1).filter(|_| calendar) else { return };
        if !ctx.word_is(j, &["end", "beginning", "start", "middle", "close", "dawn", "turn"]) {
            return;
        }
        i = j;
    } else if ctx.word_is(i, &["earlier", "later"]) {
        // "earlier this year", "Later yesterday": TimeML keeps the word in the span
        // without changing the value; "two years later" is an offset, matched elsewhere.
        if i == 0 || ctx.toks[i - 1].lex().unit.is_none() {
            m.first = i;
        }
        return;
    } else if !calendar || !ctx.word_is(i, &["early", "mid", "late", "middle"]) {
        return;
    }
    let Some(part) = ctx.toks[i].lex().part.or_else(|| ctx.word_is(i, &["turn"]).then_some(Mod::Start)) else { return };
    if i > 0 && ctx.word_is(i - 1, &["the"]) {
        i -= 1;
    }
    m.first = i;
    m.modifier = Some(part);
}

/// A phrase in title case right after an opening quote is a title: ABC's "This Week",
/// CBS's "60 Minutes". (One capitalised word may just open a quoted sentence.)
fn quoted_title(ctx: &Ctx<'_>, m: &RawTimex) -> bool {
    let words: Vec<&Token> = ctx.toks[m.first..m.last].iter().filter(|t| t.kind == Kind::Word).collect();
    let quoted = m.first > 0 && {
        let q = &ctx.toks[m.first - 1];
        q.kind == Kind::Punct && ['"', '\u{201c}', '`', '\''].iter().any(|&c| q.is_punct(c)) && ctx.toks[m.first].gap == Gap::None
    };
    quoted
        && m.last - m.first >= 2
        && !words.is_empty()
        && words
            .iter()
            .all(|t| t.capitalized() && t.lex().mask & (pattern::first::MONTH | pattern::first::WEEKDAY | pattern::first::HOLIDAY) == 0)
}

/// "the next year or so", "a year or two", "1994 or later", "1990 and beyond": TimeML
/// keeps the hedge in the span (the value stays the expression's own).
fn widen_with_or_so(ctx: &Ctx<'_>, m: &mut RawTimex) {
    let hedge = (ctx.word_is(m.last, &["or"]) && ctx.word_is(m.last + 1, &["so", "two", "three", "more", "later", "earlier", "longer"]))
        || (ctx.word_is(m.last, &["and"]) && ctx.word_is(m.last + 1, &["beyond"]));
    if hedge && ctx.toks[m.last].gap != Gap::Newline {
        m.last += 2;
    }
}

/// Whether a resolved value moves the narrative reference time.
fn sets_reference(raw: &Raw, value: &TimexValue) -> Option<NaiveDate> {
    let explicit = matches!(raw, Raw::Absolute(_) | Raw::Named { .. } | Raw::Anaphoric(_) | Raw::Deictic { .. } | Raw::Time { .. });
    if !explicit {
        return None;
    }
    match value {
        TimexValue::Day(d) | TimexValue::DayTime(d, _) => Some(*d),
        _ => None,
    }
}

/// "the nine months", "the first six months": a definite span of a whole number of
/// quarters, reported on like a quarter.
fn reports_months(ctx: &Ctx<'_>, m: &RawTimex) -> bool {
    matches!(m.raw, Raw::Duration { unit: lexicon::Unit::Month, amount: raw::Amount::N(n) } if n >= 6.0 && n % 3.0 == 0.0)
        && ctx.word_is(m.first, &["the"])
}

/// Whether a match names a period the story moves to ("in June 1998", "last year"),
/// rather than measuring, counting back from one, or repeating.
fn names_a_period(raw: &Raw) -> bool {
    matches!(raw, Raw::Absolute(_) | Raw::Named { .. } | Raw::Anaphoric(_) | Raw::Deictic { .. } | Raw::Time { .. })
        || matches!(raw, Raw::Shifted { anaphoric: false, .. })
}

/// "that year", "later that year", "the following month": counted from the last period
/// the story named, even a month or a year ("fled in June 1998 and returned later that
/// year"), where the narrative day anchor only follows days.
fn same_period_as(raw: &Raw, coarse: Option<&TimexValue>) -> Option<TimexValue> {
    // "that summer": the named period in the story's year.
    if let Raw::Anaphoric(inner) = raw
        && let Raw::Named { year: raw::YearSpec::Shift(0), .. } = **inner
    {
        let (year, _) = year_and_month(coarse?)?;
        let jan1 = NaiveDate::from_ymd_opt(year, 1, 1)?;
        return Some(resolve::resolve(inner, Direction::Unknown, Anchors { dct: Some(jan1), reference: None }));
    }
    let (unit, by) = match raw {
        Raw::Shifted { unit, by, anaphoric: true } => (unit, *by),
        // "He joined in 1990. Two years later …": whole years or months from a named
        // year or month. (From a named day, the narrative day anchor counts.)
        Raw::Offset { unit, amount: raw::Amount::N(n), dir, anaphoric: true }
            if n.fract() == 0.0 && *n <= 1000.0 && !matches!(coarse, Some(TimexValue::Day(_) | TimexValue::DayTime(..))) =>
        {
            (unit, *n as i32 * dir)
        }
        _ => return None,
    };
    match (unit, coarse) {
        (lexicon::Unit::Decade, Some(TimexValue::Decade(d))) if by == 0 => return Some(TimexValue::Decade(*d)),
        (lexicon::Unit::Century, Some(TimexValue::Century(c))) if by == 0 => return Some(TimexValue::Century(*c)),
        _ => {}
    }
    let (year, month) = year_and_month(coarse?)?;
    match unit {
        lexicon::Unit::Year => Some(TimexValue::Year(year.checked_add(by)?)),
        lexicon::Unit::Month => {
            let index = year.checked_mul(12)?.checked_add(month? as i32 - 1)?.checked_add(by)?;
            Some(TimexValue::Month(index.div_euclid(12), index.rem_euclid(12) as u32 + 1))
        }
        _ => None,
    }
}

/// The year of a period within one year, and its month when it lies within one month.
fn year_and_month(v: &TimexValue) -> Option<(i32, Option<u32>)> {
    match v {
        TimexValue::Day(d) | TimexValue::DayTime(d, _) => Some((d.year(), Some(d.month()))),
        TimexValue::Month(y, m) => Some((*y, Some(*m))),
        TimexValue::Quarter(y, _) | TimexValue::Half(y, _) | TimexValue::Season(y, _) | TimexValue::Year(y) => Some((*y, None)),
        _ => None,
    }
}

/// "a year earlier" after "the third quarter" compares quarters: the same quarter a year before.
fn year_back_from_quarter(raw: &Raw, last: Option<&TimexValue>) -> Option<TimexValue> {
    let one_year_back = match raw {
        Raw::Offset { unit: lexicon::Unit::Year, amount: raw::Amount::N(n), dir: -1, .. } => *n == 1.0,
        Raw::Shifted { unit: lexicon::Unit::Year, by: -1, .. } => true,
        _ => false,
    };
    match last? {
        TimexValue::Quarter(y, q) if one_year_back => Some(TimexValue::Quarter(y - 1, *q)),
        _ => None,
    }
}

fn resolve_all(ctx: &Ctx<'_>, found: &[RawTimex], dct: Option<NaiveDate>) -> Vec<Timex> {
    let mut reference = dct;
    let mut last_value: Option<TimexValue> = None;
    // The last period the text named, of any size: "that year" after "June 1998".
    let mut coarse: Option<TimexValue> = None;
    let mut out = Vec::with_capacity(found.len());
    for m in found {
        let dir = match m.raw {
            Raw::Named { .. } | Raw::Time { .. } | Raw::Anaphoric(_) | Raw::Shifted { unit: lexicon::Unit::Weekend, .. } => {
                tense::direction(ctx.toks, ctx.text, m.first, m.last)
            }
            _ => Direction::Unknown,
        };
        let year_back = year_back_from_quarter(&m.raw, last_value.as_ref());
        // A comparison a year back ("the year-ago quarter", "a year earlier") does not
        // move the period being reported: a second one compares with the same quarter.
        let compares_back =
            year_back.is_some() || matches!(m.raw, Raw::ReportedQuarter { years_back, year } if years_back > 0 || year.is_some());
        let value = year_back
            .or_else(|| same_period_as(&m.raw, coarse.as_ref()))
            .unwrap_or_else(|| resolve::resolve(&m.raw, dir, Anchors { dct, reference }));
        if names_a_period(&m.raw) && value.is_placeable() && !compares_back {
            coarse = Some(value.clone());
        }
        if value.is_placeable() && !compares_back {
            last_value = Some(value.clone());
        } else if reports_months(ctx, m) {
            // "For the nine months, … a year earlier": the comparison is now of a span
            // of months, so "a year earlier" is the year before, not a quarter.
            last_value = None;
        }
        if let Some(d) = sets_reference(&m.raw, &value) {
            reference = Some(d);
        }
        out.push(Timex {
            start: ctx.toks[m.first].start as usize,
            end: ctx.toks[m.last - 1].end as usize,
            kind: m.raw.timex_type(),
            value,
            modifier: m.modifier,
            rule: m.rule,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Walks every rule's examples at the fixed reference date.
    #[test]
    fn every_rule_example() {
        let dct = Some(rules::example_dct());
        let mut failures = Vec::new();
        for rule in rules::RULES {
            for ex in rule.examples {
                let found = tag(ex.text, dct);
                let got: Vec<(String, String)> = found.iter().map(|t| (ex.text[t.start..t.end].to_string(), t.value.to_string())).collect();
                if ex.span.is_empty() {
                    if !found.is_empty() {
                        failures.push(format!("{}: {:?} should find nothing, found {:?}", rule.name, ex.text, got));
                    }
                } else if !got.iter().any(|(s, v)| s == ex.span && v == ex.value) {
                    failures.push(format!("{}: {:?} should find {:?} = {}, found {:?}", rule.name, ex.text, ex.span, ex.value, got));
                }
            }
        }
        assert!(failures.is_empty(), "{} example(s) failed:\n{}", failures.len(), failures.join("\n"));
    }

    /// Compiled patterns compare literal words by lexicon index: a word missing
    /// from the lexicon would silently never match.
    #[test]
    fn compiling_keeps_every_literal_word() {
        use pattern::{E, Node};
        fn check(e: &[E], n: &[Node]) {
            assert_eq!(e.len(), n.len());
            for (e, n) in e.iter().zip(n) {
                match (e, n) {
                    (E::W(words), Node::W(ids, kept)) => {
                        assert_eq!(words, kept);
                        assert_eq!(ids.len(), words.len());
                    }
                    (E::Tight(a), Node::Tight(b)) => check(std::slice::from_ref(*a), std::slice::from_ref(*b)),
                    (E::Opt(a), Node::Opt(b, _)) => check(a, b),
                    (E::Alt(a), Node::Alt(b, ..)) => a.iter().zip(b.iter()).for_each(|(x, y)| check(x, y)),
                    (E::W(_) | E::Tight(_) | E::Opt(_) | E::Alt(_), _) => panic!("{e:?} compiled to {n:?}"),
                    _ => {}
                }
            }
        }
        let (_, compiled) = compiled_rules();
        for (rule, nodes) in rules::RULES.iter().zip(compiled) {
            check(rule.pattern, nodes);
        }
    }

    /// Backtracking copies the captures; past 128 bytes the copy becomes a `memcpy` call
    /// (a sixth of the tagger's time when they were 176 bytes).
    #[test]
    fn captures_stay_small() {
        assert!(std::mem::size_of::<Slots>() <= 128, "Slots is {} bytes", std::mem::size_of::<Slots>());
    }

    /// The dispatch tables only skip rules that cannot match: tagging with them gives
    /// what trying every rule at every token gives, on the rules' examples and on
    /// real articles.
    #[test]
    fn dispatch_skips_only_rules_that_cannot_match() {
        let mut texts: Vec<String> = rules::RULES.iter().flat_map(|r| r.examples.iter().map(|e| e.text.to_string())).collect();
        let mut dirs = vec![std::path::PathBuf::from("sample_data")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("sample_data is readable") {
                let path = entry.expect("a directory entry").path();
                if path.is_dir() {
                    dirs.push(path);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    texts.push(text);
                }
            }
        }
        assert!(texts.len() > 100);
        let mut toks = Vec::new();
        for text in &texts {
            scan::scan_into(text, &mut toks);
            let ctx = Ctx { text, toks: &toks };
            let fast: Vec<(usize, usize, &str)> = find_with(&ctx, false).iter().map(|m| (m.first, m.last, m.rule)).collect();
            let slow: Vec<(usize, usize, &str)> = find_with(&ctx, true).iter().map(|m| (m.first, m.last, m.rule)).collect();
            assert_eq!(fast, slow, "in {:?}", &text[..text.len().min(80)]);
        }
    }

    #[test]
    fn quoted_titles_are_not_times() {
        let dct = Some(rules::example_dct());
        assert!(tag("Baker, speaking on ABC News' \"This Week,\" said", dct).is_empty());
        assert_eq!(tag("He said \"this week\" twice", dct).len(), 1);
        assert_eq!(tag("the \"Dec. 5\" memo", dct).len(), 1);
        assert!(tag("Gonzalez said on CBS's ''60 Minutes.''", dct).is_empty());
        assert_eq!(tag("He said ``Today we begin''", dct).len(), 1);
    }

    #[test]
    fn must_not_match() {
        for text in [
            "the 4G and 5G networks",
            "running Windows 10 on",
            "the F-35 fighter",
            "COVID-19 spread",
            "a $4.2 billion deal",
            "cut 1,200 jobs",
            "a 7 nm process",
            "Huawei may lose",
            "protesters march through",
            "the Sunday Times reported",
            "version 3.2.1 shipped",
            "won 3-2 on",
            "call 555-867-5309",
            "a pledge to spend $2 billion",
        ] {
            let found = tag(text, Some(rules::example_dct()));
            assert!(found.is_empty(), "{text:?} gave {found:?}");
        }
    }

    #[test]
    fn seed_article_expressions() {
        let dct = Some(rules::example_dct());
        let cases = [
            ("hit a low last month when", "last month", "2018-11", None),
            ("said the meeting in late November ended", "late November", "2018-11", Some(Mod::End)),
            ("In an April report, the", "April", "2018-04", None),
            ("a report released in July found", "July", "2018-07", None),
            ("The arrest last week in Canada", "last week", "2018-W49", None),
            ("On Dec. 5, BT Group announced", "Dec. 5", "2018-12-05", None),
        ];
        for (text, span, value, modifier) in cases {
            let found = tag(text, dct);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(&text[found[0].start..found[0].end], span);
            assert_eq!(found[0].value.to_string(), value);
            assert_eq!(found[0].modifier, modifier);
        }
    }

    #[test]
    fn part_of_period_prefixes() {
        let dct = Some(rules::example_dct());
        for (text, span, value, m) in [
            ("growth in mid-2017 slowed", "mid-2017", "2017", Mod::Mid),
            ("by early 2024 the", "early 2024", "2024", Mod::Start),
            ("at the end of 1994 the", "the end of 1994", "1994", Mod::End),
            ("in early December the", "early December", "2018-12", Mod::Start),
        ] {
            let found = tag(text, dct);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(&text[found[0].start..found[0].end], span, "{text}");
            assert_eq!(found[0].value.to_string(), value);
            assert_eq!(found[0].modifier, Some(m));
        }
    }

    #[test]
    fn narrative_time_moves_with_the_text() {
        let text = "On March 3, 2015 the plant closed. The following day workers protested.";
        let found = tag(text, Some(rules::example_dct()));
        assert_eq!(found[1].value.to_string(), "2015-03-04");
    }

    #[test]
    fn a_second_year_back_comparison_compares_with_the_same_quarter() {
        let text = "Profit rose in the third quarter. In the year-ago quarter it fell. The year-ago results included a charge.";
        let values: Vec<String> = tag(text, Some(rules::example_dct())).iter().map(|t| t.value.to_string()).collect();
        assert_eq!(values, ["2018-Q3", "2017-Q3", "2017-Q3"]);
    }

    #[test]
    fn a_clock_time_on_a_named_day_is_on_that_day() {
        let values = |text: &str| -> Vec<String> { tag(text, Some(rules::example_dct())).iter().map(|t| t.value.to_string()).collect() };
        assert_eq!(values("The offer expires at 5pm on Friday."), ["2018-12-14T17:00", "2018-12-14"]);
        assert_eq!(values("The attack happened shortly before midnight on Saturday."), ["2018-12-08T24:00", "2018-12-08"]);
        assert_eq!(values("It opens at 9 a.m. on Dec. 20."), ["2018-12-20T09:00", "2018-12-20"]);
        assert_eq!(values("The plane landed at 14:35 local time on Dec. 1."), ["2018-12-01T14:35", "2018-12-01"]);
        // Not across other words: the time is today's.
        assert_eq!(values("Trading stopped at 3 p.m. and on Friday it resumed."), ["2018-12-13T15:00", "2018-12-07"]);
    }

    /// Rule examples check spans and values; this checks the TIMEX3 `mod` of parts of periods.
    #[test]
    fn parts_of_periods_carry_their_modifier() {
        for (text, want) in [
            ("due at the end of the month", Mod::End),
            ("by the close of the year", Mod::End),
            ("at the start of the decade", Mod::Start),
            ("in the middle of the year", Mod::Mid),
            ("in late November", Mod::End),
            ("in early 2019", Mod::Start),
            ("in mid-2017", Mod::Mid),
            ("by mid-afternoon", Mod::Mid),
            ("in the early morning", Mod::Start),
        ] {
            let found = tag(text, Some(rules::example_dct()));
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].modifier, Some(want), "{text}");
        }
    }

    #[test]
    fn that_year_and_the_following_month_count_from_the_last_named_period() {
        let values = |text: &str| -> Vec<String> { tag(text, Some(rules::example_dct())).iter().map(|t| t.value.to_string()).collect() };
        assert_eq!(values("She fled in June 1998 and returned later that year."), ["1998-06", "1998"]);
        assert_eq!(values("Revenue fell to $300 million last year, down from $450 million the year before."), ["2017", "2016"]);
        assert_eq!(values("It hired a chief in January 2016. The following month, it put itself up for sale."), ["2016-01", "2016-02"]);
        // Offsets in whole years or months too.
        assert_eq!(values("He joined the company in 1990. Two years later, he became its chief."), ["1990", "1992"]);
        assert_eq!(values("The war began in March 2003. A month later, Baghdad fell."), ["2003-03", "2003-04"]);
        // Without a named period, from the document date.
        assert_eq!(values("That year, nothing changed."), ["2018"]);
        assert_eq!(values("Two years later, he became its chief."), ["2020"]);
    }

    #[test]
    fn after_a_span_of_months_a_year_back_is_the_year() {
        let text = "Profit rose in the third quarter from a year earlier. For the nine months, net fell from a year earlier.";
        let values: Vec<String> = tag(text, Some(rules::example_dct())).iter().map(|t| t.value.to_string()).collect();
        assert_eq!(values, ["2018-Q3", "2017-Q3", "P9M", "2017"]);
    }

    #[test]
    fn the_second_day_of_a_pair_is_a_date() {
        let dct = Some(rules::example_dct());
        let found = |text: &str| -> Vec<(String, String)> {
            tag(text, dct).iter().map(|t| (text[t.start..t.end].to_string(), t.value.to_string())).collect()
        };
        assert_eq!(found("the summit on April 24 and 25."), [("April 24".into(), "2018-04-24".into()), ("25".into(), "2018-04-25".into())]);
        assert_eq!(found("talks on Dec. 5-6 in Geneva"), [("Dec. 5".into(), "2018-12-05".into()), ("6".into(), "2018-12-06".into())]);
        assert_eq!(found("on April 24 and 25 people died"), [("April 24".to_string(), "2018-04-24".to_string())]);
        assert_eq!(found("on April 24 and 3 more"), [("April 24".to_string(), "2018-04-24".to_string())]);
        // Day first: the first day of the pair.
        assert_eq!(found("held from 5 to 7 June in Biarritz"), [("5".into(), "2018-06-05".into()), ("7 June".into(), "2018-06-07".into())]);
        assert_eq!(found("held 5-7 June in Biarritz"), [("5".into(), "2018-06-05".into()), ("7 June".into(), "2018-06-07".into())]);
        assert_eq!(found("it sold 5 to 7 June contracts"), [("7 June".to_string(), "2018-06-07".to_string())]);
    }

    #[test]
    fn undated_text_leaves_relative_values_unresolved() {
        let found = tag("He left last week, and came back on Dec. 5, 2018.", None);
        assert!(found[0].value.to_string().contains('X'));
        assert_eq!(found[1].value.to_string(), "2018-12-05");
    }

    #[test]
    fn spans_lie_on_char_boundaries_in_any_text() {
        let texts = ["ñ2018ü—Dec.", "\u{2019}90s", "日本 2018年12月5日", "\u{feff}Dec. 5", "Dec.\u{a0}5", "5\u{200b}th"];
        for t in texts {
            for x in tag(t, Some(rules::example_dct())) {
                assert!(t.is_char_boundary(x.start) && t.is_char_boundary(x.end) && x.start < x.end);
            }
        }
    }
}

//! Passes over the matches, for what one rule cannot see from where it matched:
//! the words TimeML adds to a span ("early", "the end of", "or so"), titles that only
//! look like times, the second day of "April 24 and 25", and the day of "5pm on Friday".

use chrono::{Datelike, NaiveDate};

use super::pattern::{self, Ctx};
use super::raw::{self, Raw, RawTimex};
use super::scan::{Gap, Kind, Token};
use super::value::{self, Mod, TimexValue};

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
pub(super) fn coordinated_days(ctx: &Ctx<'_>, found: &mut Vec<RawTimex>) {
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
pub(super) fn clock_on_day(ctx: &Ctx<'_>, found: &mut [RawTimex]) {
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

/// "the day before Christmas", "the day after last Tuesday": a day counted from the
/// day named right after (TimeML tags the whole phrase with the day it means).
pub(super) fn widen_with_day_before(ctx: &Ctx<'_>, m: &mut RawTimex) {
    let named_day = matches!(
        m.raw,
        Raw::Named { what: raw::Cyclic::Weekday(_) | raw::Cyclic::MonthDay(..) | raw::Cyclic::Holiday(_), .. }
            | Raw::Absolute(TimexValue::Day(_))
    );
    // "a day after Christmas" is left alone: "a day" is a duration of its own.
    if !named_day || m.modifier.is_some() || m.first < 3 {
        return;
    }
    let (the, rel) = (m.first - 3, m.first - 1);
    if !ctx.word_is(the, &["the"]) || !ctx.word_is(the + 1, &["day"]) || !ctx.word_is(rel, &["before", "after"]) {
        return;
    }
    let days = if ctx.word_is(rel, &["before"]) { -1 } else { 1 };
    let named = std::mem::replace(&mut m.raw, Raw::VagueDuration);
    m.raw = Raw::DaysFrom { day: Box::new(named), days };
    m.first = the;
}

/// Widens a calendar match by a part-of-period phrase before it:
/// "early 2024", "mid-November", "late last year", "the end of 1994".
pub(super) fn widen_with_part(ctx: &Ctx<'_>, m: &mut RawTimex) {
    // "later this afternoon" too: "earlier"/"later" qualify a time as well as a date.
    let calendar = matches!(m.raw, Raw::Absolute(_) | Raw::Named { .. } | Raw::Shifted { .. } | Raw::Deictic { .. });
    if m.modifier.is_some() || !(calendar || matches!(m.raw, Raw::Time { .. })) {
        return;
    }
    let Some(mut i) = m.first.checked_sub(1) else { return };
    // "mid-2017": the hyphen is tight on both sides. Business copy also writes
    // "at end-March", "by end-2023", "since start-June".
    let mut hyphened = false;
    if ctx.toks[i].is_punct('-') && ctx.toks[i].gap == Gap::None && ctx.toks[m.first].gap == Gap::None {
        let Some(j) = i.checked_sub(1).filter(|&j| ctx.toks[j].kind == Kind::Word) else { return };
        i = j;
        hyphened = true;
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
    } else if !calendar || !(ctx.word_is(i, &["early", "mid", "late", "middle"]) || hyphened && ctx.word_is(i, &["end", "start"])) {
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
pub(super) fn quoted_title(ctx: &Ctx<'_>, m: &RawTimex) -> bool {
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
pub(super) fn widen_with_or_so(ctx: &Ctx<'_>, m: &mut RawTimex) {
    let hedge = (ctx.word_is(m.last, &["or"]) && ctx.word_is(m.last + 1, &["so", "two", "three", "more", "later", "earlier", "longer"]))
        || (ctx.word_is(m.last, &["and"]) && ctx.word_is(m.last + 1, &["beyond"]));
    if hedge && ctx.toks[m.last].gap != Gap::Newline {
        m.last += 2;
    }
}

//! Resolution in document order: each match is resolved against the anchors the text
//! has set so far, the narrative day ("the following day"), the last period named
//! ("later that year"), and the quarter being reported ("a year earlier").

use chrono::{Datelike, NaiveDate};

use super::pattern::Ctx;
use super::raw::{self, Raw, RawTimex};
use super::resolve::{self, Anchors, Direction};
use super::{Timex, TimexValue, lexicon, tense};

/// Whether a resolved value moves the narrative reference time.
fn sets_reference(raw: &Raw, value: &TimexValue) -> Option<NaiveDate> {
    let explicit = matches!(
        raw,
        Raw::Absolute(_) | Raw::Named { .. } | Raw::Anaphoric(_) | Raw::DaysFrom { .. } | Raw::Deictic { .. } | Raw::Time { .. }
    );
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
    matches!(
        raw,
        Raw::Absolute(_)
            | Raw::Named { .. }
            | Raw::WeekOf(_)
            | Raw::DaysFrom { .. }
            | Raw::Anaphoric(_)
            | Raw::Deictic { .. }
            | Raw::Time { .. }
    ) || matches!(raw, Raw::Shifted { anaphoric: false, .. })
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

pub(super) fn resolve_all(ctx: &Ctx<'_>, found: &[RawTimex], dct: Option<NaiveDate>) -> Vec<Timex> {
    let mut reference = dct;
    let mut last_value: Option<TimexValue> = None;
    // The last period the text named, of any size: "that year" after "June 1998".
    let mut coarse: Option<TimexValue> = None;
    let mut out = Vec::with_capacity(found.len());
    for m in found {
        let dir = match m.raw {
            Raw::Named { .. }
            | Raw::WeekOf(_)
            | Raw::DaysFrom { .. }
            | Raw::Time { .. }
            | Raw::Anaphoric(_)
            | Raw::Shifted { unit: lexicon::Unit::Weekend, .. } => tense::direction(ctx, m.first, m.last),
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

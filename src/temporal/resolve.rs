//! Resolution: from a [`Raw`] match to a TIMEX3 value, given the anchor dates
//! and the tense around the expression.
//!
//! Two anchors exist, as in TimeML: the document creation time (DCT), which
//! deictic words count from ("yesterday", "last week", "two days ago"), and the
//! narrative reference time, the last fully specified date the text moved to,
//! which anaphoric words count from ("the following day", "a week later").
//! Arithmetic that leaves chrono's calendar gives an unresolved value, never a panic.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::lexicon::{HolidayRule, Lexicon, RefKind, Unit};
use super::raw::{Amount, Cyclic, Raw, YearSpec};
use super::value::{DayTime, PartOfDay, TimexValue};

/// The direction the tense points to, relative to the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Past,
    /// Not after the anchor, for certain: "since January" (a past tense may be a passive).
    Since,
    Future,
    Unknown,
}

#[derive(Debug, Clone, Copy)]
pub struct Anchors {
    pub dct: Option<NaiveDate>,
    pub reference: Option<NaiveDate>,
}

const UNRESOLVED_DAY: &str = "XXXX-XX-XX";

fn unresolved(s: &str) -> TimexValue {
    TimexValue::Other(s.to_string())
}

pub fn resolve(raw: &Raw, dir: Direction, anchors: Anchors) -> TimexValue {
    let anchor_for = |anaphoric: bool| if anaphoric { anchors.reference.or(anchors.dct) } else { anchors.dct };
    match raw {
        Raw::Absolute(v) => v.clone(),
        Raw::Named { what, year, shift } => named(*what, *year, *shift, dir, anchors.dct),
        Raw::WeekOf(day) => match resolve(day, dir, anchors) {
            TimexValue::Day(d) => TimexValue::Week(d.iso_week().year(), d.iso_week().week()),
            _ => unresolved("XXXX-WXX"),
        },
        Raw::DaysFrom { day, days } => match resolve(day, dir, anchors) {
            TimexValue::Day(d) => add_days(d, i64::from(*days)).map_or_else(|| unresolved(UNRESOLVED_DAY), TimexValue::Day),
            _ => unresolved(UNRESOLVED_DAY),
        },
        Raw::Anaphoric(inner) => resolve(inner, dir, Anchors { dct: anchor_for(true), reference: anchors.reference }),
        Raw::Deictic { days } => match anchors.dct.and_then(|d| add_days(d, *days as i64)) {
            Some(d) => TimexValue::Day(d),
            None => unresolved(UNRESOLVED_DAY),
        },
        Raw::Shifted { unit: Unit::Weekend, by: 0, anaphoric } => match anchor_for(*anaphoric) {
            Some(base) => shifted(base, Unit::Weekend, weekend_shift(base, dir)).unwrap_or_else(|| unresolved(UNRESOLVED_DAY)),
            None => unresolved(UNRESOLVED_DAY),
        },
        Raw::Shifted { unit, by, anaphoric } => match anchor_for(*anaphoric) {
            Some(base) => shifted(base, *unit, *by).unwrap_or_else(|| unresolved(UNRESOLVED_DAY)),
            None => unresolved(UNRESOLVED_DAY),
        },
        Raw::Offset { unit, amount, dir: sign, anaphoric } => match amount {
            Amount::Vague => {
                if *sign < 0 {
                    TimexValue::PastRef
                } else {
                    TimexValue::FutureRef
                }
            }
            Amount::N(n) => match anchor_for(*anaphoric) {
                Some(base) => offset(base, *unit, *n * *sign as f64).unwrap_or_else(|| unresolved(UNRESOLVED_DAY)),
                None => unresolved(UNRESOLVED_DAY),
            },
        },
        // The last completed quarter: earnings are reported in the weeks after a quarter ends.
        Raw::ReportedQuarter { years_back, year } => match anchors.dct.and_then(|d| add_months(d, -3)) {
            Some(d) => TimexValue::Quarter(year.unwrap_or(d.year()) - years_back, quarter_of(d)),
            None => unresolved("XXXX-QX"),
        },
        Raw::Ref(RefKind::Past) => TimexValue::PastRef,
        Raw::Ref(RefKind::Present) => TimexValue::PresentRef,
        Raw::Ref(RefKind::Future) => TimexValue::FutureRef,
        Raw::Duration { amount, unit } => TimexValue::Other(duration_value(*amount, *unit)),
        Raw::VagueDuration => unresolved("PXX"),
        Raw::Set(s) => TimexValue::Other(s.clone()),
        Raw::Time { day, time } => {
            let day_value = match day {
                Some(d) => resolve(d, dir, anchors),
                // A bare clock time ("at 10:35 a.m.") is on the day the story is telling.
                None => match anchor_for(matches!(time, DayTime::Clock { .. })) {
                    Some(d) => TimexValue::Day(d),
                    None => unresolved(UNRESOLVED_DAY),
                },
            };
            match day_value {
                TimexValue::Day(d) => TimexValue::DayTime(d, *time),
                other => other,
            }
        }
    }
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 { d.checked_add_days(Days::new(n as u64)) } else { d.checked_sub_days(Days::new(n.unsigned_abs())) }
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = u32::try_from(n.unsigned_abs()).ok()?;
    if n >= 0 { d.checked_add_months(Months::new(m)) } else { d.checked_sub_months(Months::new(m)) }
}

fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

/// Which weekend "the weekend" is, in weeks from the anchor's: the one ahead
/// when the tense says so, the one just past when it does, and otherwise the
/// nearer one (early in the week, the one just past).
fn weekend_shift(base: NaiveDate, dir: Direction) -> i32 {
    let day = base.weekday().number_from_monday();
    match dir {
        _ if day >= 6 => 0,
        Direction::Future => 0,
        Direction::Past | Direction::Since => -1,
        Direction::Unknown => {
            if day <= 3 {
                -1
            } else {
                0
            }
        }
    }
}

/// The anchor's own unit, moved by `by` units.
fn shifted(base: NaiveDate, unit: Unit, by: i32) -> Option<TimexValue> {
    let by64 = by as i64;
    Some(match unit {
        Unit::Day => TimexValue::Day(add_days(base, by64)?),
        Unit::Night => TimexValue::DayTime(add_days(base, by64)?, DayTime::Part(PartOfDay::Night)),
        Unit::Week | Unit::Fortnight => {
            let w = add_days(base, 7 * by64)?.iso_week();
            TimexValue::Week(w.year(), w.week())
        }
        Unit::Weekend => {
            let w = add_days(base, 7 * by64)?.iso_week();
            TimexValue::Weekend(w.year(), w.week())
        }
        Unit::Month => {
            let d = add_months(base, by64)?;
            TimexValue::Month(d.year(), d.month())
        }
        Unit::Quarter => {
            let d = add_months(base, 3 * by64)?;
            TimexValue::Quarter(d.year(), quarter_of(d))
        }
        Unit::Year => TimexValue::Year(base.year().checked_add(by)?),
        Unit::Decade => TimexValue::Decade(base.year().div_euclid(10).checked_add(by)?),
        Unit::Century => TimexValue::Century(base.year().div_euclid(100).checked_add(by)?),
        Unit::Millennium => TimexValue::Year(base.year().checked_add(by.checked_mul(1000)?)?),
        Unit::Hour | Unit::Minute | Unit::Second => TimexValue::Day(base),
    })
}

/// `base` moved by `n` units (negative: back), at the unit's granularity.
fn offset(base: NaiveDate, unit: Unit, n: f64) -> Option<TimexValue> {
    if !n.is_finite() || n.abs() > 1e7 {
        return None;
    }
    let months = |m: f64| add_months(base, m.round() as i64);
    Some(match unit {
        Unit::Second | Unit::Minute | Unit::Hour => {
            let hours = match unit {
                Unit::Hour => n,
                Unit::Minute => n / 60.0,
                _ => n / 3600.0,
            };
            TimexValue::Day(add_days(base, (hours / 24.0).round() as i64)?)
        }
        Unit::Day | Unit::Night => TimexValue::Day(add_days(base, n.round() as i64)?),
        Unit::Week | Unit::Weekend => {
            let w = add_days(base, (7.0 * n).round() as i64)?.iso_week();
            TimexValue::Week(w.year(), w.week())
        }
        Unit::Fortnight => {
            let w = add_days(base, (14.0 * n).round() as i64)?.iso_week();
            TimexValue::Week(w.year(), w.week())
        }
        Unit::Month => {
            let d = months(n)?;
            TimexValue::Month(d.year(), d.month())
        }
        Unit::Quarter => {
            let d = months(3.0 * n)?;
            TimexValue::Quarter(d.year(), quarter_of(d))
        }
        Unit::Year => {
            if n.fract() != 0.0 {
                let d = months(12.0 * n)?;
                TimexValue::Month(d.year(), d.month())
            } else {
                TimexValue::Year(base.year().checked_add(n as i32)?)
            }
        }
        // "a decade ago" is ten years back, a year, not the previous decade.
        Unit::Decade => TimexValue::Year(base.year().checked_add((10.0 * n).round() as i32)?),
        Unit::Century => TimexValue::Century((base.year() as f64 + 100.0 * n).div_euclid(100.0) as i32),
        Unit::Millennium => TimexValue::Year((base.year() as f64 + 1000.0 * n) as i32),
    })
}

/// TIMEX3 duration value: "P3D", "PT2H", "P2Y6M", "PXM".
pub fn duration_value(amount: Amount, unit: Unit) -> String {
    // ISO 8601 has no decades or centuries: "two decades" is P20Y (TimeBank writes it so).
    let years = match unit {
        Unit::Decade => Some(10.0),
        Unit::Century => Some(100.0),
        Unit::Millennium => Some(1000.0),
        _ => None,
    };
    if let Some(per) = years {
        let amount = match amount {
            Amount::N(n) => Amount::N(n * per),
            Amount::Vague => Amount::Vague,
        };
        return duration_value(amount, Unit::Year);
    }
    let (letter, time, per_smaller, smaller) = match unit {
        Unit::Second => ("S", true, 0.0, ""),
        Unit::Minute => ("M", true, 60.0, "S"),
        Unit::Hour => ("H", true, 60.0, "M"),
        Unit::Day | Unit::Night => ("D", false, 24.0, "TH"),
        Unit::Week => ("W", false, 7.0, "D"),
        Unit::Weekend => ("WE", false, 0.0, ""),
        Unit::Fortnight => ("W", false, 7.0, "D"),
        Unit::Month => ("M", false, 0.0, ""),
        Unit::Quarter => ("Q", false, 3.0, "M"),
        Unit::Year => ("Y", false, 12.0, "M"),
        Unit::Decade | Unit::Century | Unit::Millennium => unreachable!("written in years above"),
    };
    let t = if time { "T" } else { "" };
    match amount {
        Amount::Vague => format!("P{t}X{letter}"),
        Amount::N(n) => {
            let n = if unit == Unit::Fortnight { n * 2.0 } else { n };
            let whole = n.trunc();
            let frac = n - whole;
            if frac.abs() < 1e-9 || per_smaller == 0.0 {
                return format!("P{t}{}{letter}", whole as i64);
            }
            let rest = (frac * per_smaller).round() as i64;
            if whole == 0.0 {
                // "half an hour" → PT30M; "half a day" → PT12H.
                let rest_t = if !time && smaller.starts_with('T') { "" } else { t };
                return format!("P{rest_t}{rest}{smaller}");
            }
            if !time && smaller.starts_with('T') {
                format!("P{}{letter}{rest}{smaller}", whole as i64)
            } else {
                format!("P{t}{}{letter}{rest}{smaller}", whole as i64)
            }
        }
    }
}

/// Date of a holiday in a given year.
pub fn holiday_date(rule: HolidayRule, year: i32) -> Option<NaiveDate> {
    match rule {
        HolidayRule::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
        HolidayRule::Easter(offset) => add_days(easter(year)?, offset as i64),
        HolidayRule::Nth { n, weekday, month, offset } => {
            let wd = Weekday::try_from((weekday as u8).checked_sub(1)?).ok()?;
            let d = if n > 0 {
                NaiveDate::from_weekday_of_month_opt(year, month, wd, n as u8)?
            } else {
                let last = super::value::month_end(year, month)?;
                let back = (last.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
                add_days(last, -(back as i64))?
            };
            add_days(d, offset as i64)
        }
    }
}

/// Easter Sunday (Gregorian), by the anonymous Gregorian algorithm.
fn easter(year: i32) -> Option<NaiveDate> {
    let y = year;
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

/// The value and date range of a cyclic period in a given year.
fn cyclic_in_year(what: Cyclic, year: i32) -> Option<(TimexValue, NaiveDate, NaiveDate)> {
    let v = match what {
        Cyclic::Month(m) => TimexValue::Month(year, m),
        Cyclic::MonthDay(m, d) => TimexValue::Day(NaiveDate::from_ymd_opt(year, m, d)?),
        Cyclic::Season(s) => TimexValue::Season(year, s),
        Cyclic::Holiday(h) => TimexValue::Day(holiday_date(Lexicon::get().holidays.get(h)?.rule, year)?),
        Cyclic::Quarter(q) => TimexValue::Quarter(year, q),
        Cyclic::Half(h) => TimexValue::Half(year, h),
        Cyclic::NthWeekday { n, weekday, month } => TimexValue::Day(holiday_date(HolidayRule::Nth { n, weekday, month, offset: 0 }, year)?),
        Cyclic::Weekday(_) | Cyclic::DayOfMonth(_) => return None,
    };
    let (s, e) = v.date_range(None).ok()?;
    Some((v, s, e))
}

fn unresolved_named(what: Cyclic) -> TimexValue {
    TimexValue::Other(match what {
        Cyclic::Month(m) => format!("XXXX-{m:02}"),
        Cyclic::MonthDay(m, d) => format!("XXXX-{m:02}-{d:02}"),
        Cyclic::Weekday(w) => format!("XXXX-WXX-{w}"),
        Cyclic::Season(s) => format!("XXXX-{}", s.code()),
        Cyclic::Quarter(q) => format!("XXXX-Q{q}"),
        Cyclic::Half(h) => format!("XXXX-H{h}"),
        Cyclic::Holiday(_) | Cyclic::NthWeekday { .. } => UNRESOLVED_DAY.to_string(),
        Cyclic::DayOfMonth(d) => format!("XXXX-XX-{d:02}"),
    })
}

fn named(what: Cyclic, year: YearSpec, shift: Option<i32>, dir: Direction, dct: Option<NaiveDate>) -> TimexValue {
    let explicit_year = match year {
        YearSpec::Explicit(y) => Some(y),
        YearSpec::Shift(n) => dct.and_then(|d| d.year().checked_add(n)),
        YearSpec::Implicit => None,
    };
    if let Some(y) = explicit_year {
        return cyclic_in_year(what, y).map(|(v, ..)| v).unwrap_or_else(|| unresolved_named(what));
    }
    let Some(anchor) = dct else { return unresolved_named(what) };
    if let Cyclic::Weekday(w) = what {
        return weekday(anchor, w, shift, dir).map(TimexValue::Day).unwrap_or_else(|| unresolved_named(what));
    }
    if let Cyclic::DayOfMonth(d) = what {
        return day_of_month(anchor, d, dir).map(TimexValue::Day).unwrap_or_else(|| unresolved_named(what));
    }
    if shift == Some(0) {
        return cyclic_in_year(what, anchor.year()).map(|(v, ..)| v).unwrap_or_else(|| unresolved_named(what));
    }
    let candidates: Vec<(TimexValue, NaiveDate, NaiveDate)> =
        (-2..=2).filter_map(|k| anchor.year().checked_add(k)).filter_map(|y| cyclic_in_year(what, y)).collect();
    let pick = match (shift, dir) {
        // "last July": the latest one wholly before the anchor.
        (Some(s), _) if s < 0 => candidates.iter().rev().find(|(_, _, e)| *e < anchor),
        (Some(_), _) => candidates.iter().find(|(_, s, _)| *s > anchor),
        // A quarter or half is reported after it ends: "expects to report third-quarter
        // results" in late October is the quarter just ended.
        (None, Direction::Future) if matches!(what, Cyclic::Quarter(_) | Cyclic::Half(_)) => {
            candidates.iter().find(|(_, _, e)| (anchor - *e).num_days() <= 92)
        }
        // Future cues ("will", "to expire") are reliable: the next one.
        (None, Direction::Future) => candidates.iter().find(|(_, _, e)| *e >= anchor),
        // "since January": the latest one that has begun.
        (None, Direction::Since) => candidates.iter().rev().find(|(_, s, _)| *s <= anchor),
        // Past cues are not (a passive "-ed" is no past tense), and news mostly reports
        // what happened: the nearest one, with the past preferred two to one
        // ("an April report" in December is last April's; "payable Jan. 2" in November is next January's).
        // A quarter or half is mostly spoken of once reported, so it leans back as a past tense does.
        (None, d) => {
            let weight = if d == Direction::Past || matches!(what, Cyclic::Quarter(_) | Cyclic::Half(_)) { 3 } else { 2 };
            candidates.iter().min_by_key(|(_, s, e)| {
                // Distance to the middle of the period, so a month is as near as its middle day.
                let mid = *s + (*e - *s) / 2;
                if mid <= anchor { (anchor - mid).num_days() } else { weight * (mid - anchor).num_days() }
            })
        }
    };
    pick.map(|(v, ..)| v.clone()).unwrap_or_else(|| unresolved_named(what))
}

/// Which date "the 15th" means: that day in a month near the anchor's (a 31st may be two
/// months back), by tense; with none, the nearest, the past preferred two to one.
fn day_of_month(anchor: NaiveDate, day: u32, dir: Direction) -> Option<NaiveDate> {
    let first = anchor.with_day(1)?;
    let candidates: Vec<NaiveDate> =
        (-2..=2).filter_map(|k| add_months(first, k)).filter_map(|m| NaiveDate::from_ymd_opt(m.year(), m.month(), day)).collect();
    match dir {
        Direction::Future => candidates.into_iter().find(|d| *d >= anchor),
        Direction::Past | Direction::Since => candidates.into_iter().rev().find(|d| *d <= anchor),
        Direction::Unknown => {
            candidates.into_iter().min_by_key(|d| if *d <= anchor { (anchor - *d).num_days() } else { 2 * (*d - anchor).num_days() })
        }
    }
}

/// Which date a weekday name means.
fn weekday(anchor: NaiveDate, w: u32, shift: Option<i32>, dir: Direction) -> Option<NaiveDate> {
    let today = anchor.weekday().number_from_monday() as i64;
    let w = w as i64;
    let back = (today - w).rem_euclid(7); // days back to the latest such weekday, 0 = today
    let fwd = (w - today).rem_euclid(7);
    let days = match (shift, dir) {
        (Some(s), _) if s < 0 => -(if back == 0 { 7 } else { back }),
        (Some(s), _) if s > 0 => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        // "this Friday": the one of the anchor's week.
        (Some(_), _) => w - today,
        (None, Direction::Future) => fwd,
        (None, _) => -back,
    };
    add_days(anchor, days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::value::Season;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn weekday_direction_follows_tense() {
        let thu = d("2018-12-13");
        assert_eq!(weekday(thu, 2, None, Direction::Past), Some(d("2018-12-11")));
        assert_eq!(weekday(thu, 2, None, Direction::Future), Some(d("2018-12-18")));
        assert_eq!(weekday(thu, 4, None, Direction::Past), Some(d("2018-12-13")));
        assert_eq!(weekday(thu, 4, Some(-1), Direction::Unknown), Some(d("2018-12-06")));
    }

    #[test]
    fn bare_month_crosses_year_boundary() {
        let jan = d("2022-01-05");
        let v = named(Cyclic::Month(12), YearSpec::Implicit, None, Direction::Past, Some(jan));
        assert_eq!(v.to_string(), "2021-12");
        let v = named(Cyclic::Month(12), YearSpec::Implicit, None, Direction::Unknown, Some(jan));
        assert_eq!(v.to_string(), "2021-12");
        let v = named(Cyclic::MonthDay(1, 2), YearSpec::Implicit, None, Direction::Unknown, Some(d("1989-11-02")));
        assert_eq!(v.to_string(), "1990-01-02");
        let v = named(Cyclic::DayOfMonth(15), YearSpec::Implicit, None, Direction::Future, Some(d("2018-12-13")));
        assert_eq!(v.to_string(), "2018-12-15");
        let v = named(Cyclic::DayOfMonth(15), YearSpec::Implicit, None, Direction::Past, Some(d("2018-12-13")));
        assert_eq!(v.to_string(), "2018-11-15");
        let v = named(Cyclic::DayOfMonth(31), YearSpec::Implicit, None, Direction::Past, Some(d("2018-12-13")));
        assert_eq!(v.to_string(), "2018-10-31");
        // A quarter leans back: "first-quarter results" in October are this year's.
        let v = named(Cyclic::Quarter(1), YearSpec::Implicit, None, Direction::Unknown, Some(d("2018-10-15")));
        assert_eq!(v.to_string(), "2018-Q1");
    }

    #[test]
    fn holidays() {
        assert_eq!(easter(2019), Some(d("2019-04-21")));
        assert_eq!(easter(2024), Some(d("2024-03-31")));
        let thanksgiving = HolidayRule::Nth { n: 4, weekday: 4, month: 11, offset: 0 };
        assert_eq!(holiday_date(thanksgiving, 2018), Some(d("2018-11-22")));
        let memorial = HolidayRule::Nth { n: -1, weekday: 1, month: 5, offset: 0 };
        assert_eq!(holiday_date(memorial, 2018), Some(d("2018-05-28")));
    }

    #[test]
    fn durations() {
        assert_eq!(duration_value(Amount::N(3.0), Unit::Day), "P3D");
        assert_eq!(duration_value(Amount::N(2.0), Unit::Hour), "PT2H");
        assert_eq!(duration_value(Amount::N(2.5), Unit::Year), "P2Y6M");
        assert_eq!(duration_value(Amount::N(5.5), Unit::Hour), "PT5H30M");
        assert_eq!(duration_value(Amount::Vague, Unit::Month), "PXM");
        assert_eq!(duration_value(Amount::N(1.0), Unit::Decade), "P10Y");
        assert_eq!(duration_value(Amount::N(2.0), Unit::Century), "P200Y");
    }

    #[test]
    fn far_offsets_do_not_panic() {
        let base = d("2018-12-13");
        assert!(offset(base, Unit::Year, 1e12).is_none());
        assert!(offset(base, Unit::Day, -1e6).is_some());
        assert!(shifted(NaiveDate::MAX, Unit::Day, 1).is_none());
        let _ = resolve(&Raw::Deictic { days: 1 }, Direction::Unknown, Anchors { dct: Some(NaiveDate::MAX), reference: None });
    }

    #[test]
    fn season_values() {
        let v = named(Cyclic::Season(Season::Summer), YearSpec::Shift(0), None, Direction::Unknown, Some(d("2018-12-13")));
        assert_eq!(v.to_string(), "2018-SU");
    }
}

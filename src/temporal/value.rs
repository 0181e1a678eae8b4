//! TIMEX3 values: the normalised, resolved form of a time expression, and the
//! calendar date range each one stands for (Contract 3 in DESIGN.md).
//!
//! A [`TimexValue`] prints as the TimeML string (`2018-12-05`, `2018-W49`, `P3D`)
//! and parses back from it, so the timeline JSON can carry plain strings while
//! the code works with a typed value.
//!
//! ```
//! use newsline::temporal::{TimexValue, Mod};
//! let v: TimexValue = "2018-11".parse().unwrap();
//! let (start, end) = v.date_range(Some(Mod::End)).unwrap();
//! assert_eq!((start.to_string(), end.to_string()), ("2018-11-21".into(), "2018-11-30".into()));
//! ```

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// TIMEX3 `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// How precise a date is: the unit its time expression names ("day", "month", …
/// in JSON). A name this version does not know reads as `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    #[default]
    Day,
    Time,
    Week,
    Month,
    Quarter,
    Half,
    Season,
    Year,
    Decade,
    Century,
    #[serde(other)]
    None,
}

impl Granularity {
    /// Its name, as JSON and CSV write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Time => "time",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Quarter => "quarter",
            Granularity::Half => "half",
            Granularity::Season => "season",
            Granularity::Year => "year",
            Granularity::Decade => "decade",
            Granularity::Century => "century",
            Granularity::None => "none",
        }
    }

    /// Coarser than a day: a week or longer, drawn as a range.
    pub fn is_wide(self) -> bool {
        !matches!(self, Granularity::Day | Granularity::Time | Granularity::None)
    }
}

impl std::fmt::Display for Granularity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// TIMEX3 `mod`: a part of the period, or a hedge on a quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Mod {
    Start,
    Mid,
    End,
    Approx,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
}

impl Mod {
    pub fn as_str(self) -> &'static str {
        match self {
            Mod::Start => "START",
            Mod::Mid => "MID",
            Mod::End => "END",
            Mod::Approx => "APPROX",
            Mod::LessThan => "LESS_THAN",
            Mod::MoreThan => "MORE_THAN",
            Mod::EqualOrLess => "EQUAL_OR_LESS",
            Mod::EqualOrMore => "EQUAL_OR_MORE",
        }
    }

    pub fn parse(s: &str) -> Option<Mod> {
        Some(match s {
            "START" => Mod::Start,
            "MID" => Mod::Mid,
            "END" => Mod::End,
            "APPROX" => Mod::Approx,
            "LESS_THAN" => Mod::LessThan,
            "MORE_THAN" => Mod::MoreThan,
            "EQUAL_OR_LESS" => Mod::EqualOrLess,
            "EQUAL_OR_MORE" => Mod::EqualOrMore,
            _ => return None,
        })
    }
}

/// Meteorological seasons as TimeML writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
    pub fn from_code(s: &str) -> Option<Season> {
        Some(match s {
            "SP" => Season::Spring,
            "SU" => Season::Summer,
            "FA" => Season::Fall,
            "WI" => Season::Winter,
            _ => return None,
        })
    }
    /// First month of the season (winter starts in December of its year).
    pub fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// Part of a day: TimeML's `TMO`, `TAF`, `TEV`, `TNI`, `TMI`, `TDT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartOfDay {
    Morning,
    Midday,
    Afternoon,
    Evening,
    Night,
    Daytime,
}

impl PartOfDay {
    pub fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Midday => "MI",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
            PartOfDay::Daytime => "DT",
        }
    }
    pub fn from_code(s: &str) -> Option<PartOfDay> {
        Some(match s {
            "MO" => PartOfDay::Morning,
            "MI" => PartOfDay::Midday,
            "AF" => PartOfDay::Afternoon,
            "EV" => PartOfDay::Evening,
            "NI" => PartOfDay::Night,
            "DT" => PartOfDay::Daytime,
            _ => return None,
        })
    }
}

/// Time within a day, as a clock time or a part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayTime {
    Clock { hour: u32, minute: Option<u32> },
    Part(PartOfDay),
}

/// A resolved TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TimexValue {
    Day(NaiveDate),
    /// A day with a time: `2018-12-05T15:00`, `2018-12-05TMO`.
    DayTime(NaiveDate, DayTime),
    Month(i32, u32),
    /// ISO week: `2018-W49`.
    Week(i32, u32),
    /// The weekend of an ISO week: `2018-W49-WE`.
    Weekend(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, Season),
    Year(i32),
    /// `199` = the 1990s.
    Decade(i32),
    /// `19` = 1900–1999.
    Century(i32),
    PastRef,
    PresentRef,
    FutureRef,
    /// Anything else TimeML allows that Newsline cannot place: durations
    /// (`P3D`), sets (`XXXX-WXX-1`), and partly unknown dates (`XXXX-12-05`).
    Other(String),
}

/// Why a value has no date range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RangeError {
    #[error("'{0}' is not a calendar date (a duration, set or reference)")]
    NotADate(String),
    #[error("'{0}' lies outside the representable calendar")]
    OutOfRange(String),
}

fn year4(f: &mut fmt::Formatter<'_>, y: i32) -> fmt::Result {
    if (0..=9999).contains(&y) {
        write!(f, "{y:04}")
    } else {
        // ISO 8601 expanded years carry a sign.
        write!(f, "{y:+05}")
    }
}

impl fmt::Display for TimexValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimexValue::Day(d) => {
                year4(f, d.year())?;
                write!(f, "-{:02}-{:02}", d.month(), d.day())
            }
            TimexValue::DayTime(d, t) => {
                year4(f, d.year())?;
                write!(f, "-{:02}-{:02}T", d.month(), d.day())?;
                match t {
                    DayTime::Clock { hour, minute: Some(m) } => write!(f, "{hour:02}:{m:02}"),
                    DayTime::Clock { hour, minute: None } => write!(f, "{hour:02}"),
                    DayTime::Part(p) => f.write_str(p.code()),
                }
            }
            TimexValue::Month(y, m) => {
                year4(f, *y)?;
                write!(f, "-{m:02}")
            }
            TimexValue::Week(y, w) => {
                year4(f, *y)?;
                write!(f, "-W{w:02}")
            }
            TimexValue::Weekend(y, w) => {
                year4(f, *y)?;
                write!(f, "-W{w:02}-WE")
            }
            TimexValue::Quarter(y, q) => {
                year4(f, *y)?;
                write!(f, "-Q{q}")
            }
            TimexValue::Half(y, h) => {
                year4(f, *y)?;
                write!(f, "-H{h}")
            }
            TimexValue::Season(y, s) => {
                year4(f, *y)?;
                write!(f, "-{}", s.code())
            }
            TimexValue::Year(y) => year4(f, *y),
            TimexValue::Decade(d) => write!(f, "{d:03}"),
            TimexValue::Century(c) => write!(f, "{c:02}"),
            TimexValue::PastRef => f.write_str("PAST_REF"),
            TimexValue::PresentRef => f.write_str("PRESENT_REF"),
            TimexValue::FutureRef => f.write_str("FUTURE_REF"),
            TimexValue::Other(s) => f.write_str(s),
        }
    }
}

impl Serialize for TimexValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimexValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(s.parse().unwrap_or(TimexValue::Other(s)))
    }
}

/// Parses a plain decimal of exactly `n` ASCII digits.
fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn parse_year(s: &str) -> Option<i32> {
    if let Some(rest) = s.strip_prefix(['+', '-']) {
        let v: i32 = rest.parse().ok().filter(|_| rest.len() >= 4)?;
        return Some(if s.starts_with('-') { -v } else { v });
    }
    digits(s, 4).map(|y| y as i32)
}

impl FromStr for TimexValue {
    type Err = std::convert::Infallible;

    /// Never fails: a string Newsline cannot place becomes [`TimexValue::Other`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(parse_value(s).unwrap_or_else(|| TimexValue::Other(s.to_string())))
    }
}

fn parse_value(s: &str) -> Option<TimexValue> {
    match s {
        "PAST_REF" => return Some(TimexValue::PastRef),
        "PRESENT_REF" => return Some(TimexValue::PresentRef),
        "FUTURE_REF" => return Some(TimexValue::FutureRef),
        _ => {}
    }
    if let Some(c) = digits(s, 2) {
        return Some(TimexValue::Century(c as i32));
    }
    if let Some(d) = digits(s, 3) {
        return Some(TimexValue::Decade(d as i32));
    }
    // Split the year off: a leading sign belongs to it.
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let year_len = body.find('-').unwrap_or(body.len()) + (s.len() - body.len());
    let year = parse_year(&s[..year_len])?;
    let rest = &s[year_len..];
    if rest.is_empty() {
        return Some(TimexValue::Year(year));
    }
    let rest = rest.strip_prefix('-')?;
    if let Some(season) = Season::from_code(rest) {
        return Some(TimexValue::Season(year, season));
    }
    if let Some(w) = rest.strip_prefix('W') {
        if let Some(w) = w.strip_suffix("-WE") {
            return Some(TimexValue::Weekend(year, digits(w, 2)?));
        }
        return Some(TimexValue::Week(year, digits(w, 2)?));
    }
    if let Some(q) = rest.strip_prefix('Q') {
        return Some(TimexValue::Quarter(year, digits(q, 1).filter(|q| (1..=4).contains(q))?));
    }
    if let Some(h) = rest.strip_prefix('H') {
        return Some(TimexValue::Half(year, digits(h, 1).filter(|h| (1..=2).contains(h))?));
    }
    let (month, rest) = rest.split_at_checked(2)?;
    let month = digits(month, 2).filter(|m| (1..=12).contains(m))?;
    if rest.is_empty() {
        return Some(TimexValue::Month(year, month));
    }
    let rest = rest.strip_prefix('-')?;
    let (day, rest) = rest.split_at_checked(2)?;
    let date = NaiveDate::from_ymd_opt(year, month, digits(day, 2)?)?;
    if rest.is_empty() {
        return Some(TimexValue::Day(date));
    }
    let time = rest.strip_prefix('T')?;
    if let Some(p) = PartOfDay::from_code(time) {
        return Some(TimexValue::DayTime(date, DayTime::Part(p)));
    }
    let hour = digits(time.get(..2)?, 2).filter(|h| *h <= 24)?;
    let minute = match time.get(2..) {
        Some("") | None => None,
        Some(m) => Some(digits(m.strip_prefix(':')?.get(..2)?, 2).filter(|m| *m < 60)?),
    };
    Some(TimexValue::DayTime(date, DayTime::Clock { hour, minute }))
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Last day of a month.
pub fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y.checked_add(1)?, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1)?.pred_opt()
}

/// Splits a span into thirds (START, MID, END) the way Contract 3 does for years,
/// and into 1–10 / 11–20 / 21–end for months.
fn part_of(start: NaiveDate, end: NaiveDate, m: Option<Mod>, is_month: bool) -> (NaiveDate, NaiveDate) {
    let m = match m {
        Some(m @ (Mod::Start | Mod::Mid | Mod::End)) => m,
        _ => return (start, end),
    };
    if is_month {
        let y = start.year();
        let mo = start.month();
        return match m {
            Mod::Start => (start, ymd(y, mo, 10).unwrap_or(end)),
            Mod::Mid => (ymd(y, mo, 11).unwrap_or(start), ymd(y, mo, 20).unwrap_or(end)),
            _ => (ymd(y, mo, 21).unwrap_or(start), end),
        };
    }
    let len = (end - start).num_days() + 1;
    let third = len / 3;
    let first_end = start + chrono::Duration::days(third - 1);
    let last_start = end - chrono::Duration::days(third - 1);
    match m {
        Mod::Start => (start, first_end),
        Mod::Mid => (first_end.succ_opt().unwrap_or(first_end), last_start.pred_opt().unwrap_or(last_start)),
        _ => (last_start, end),
    }
}

impl TimexValue {
    /// The inclusive calendar date range the value stands for (Contract 3).
    pub fn date_range(&self, modifier: Option<Mod>) -> Result<(NaiveDate, NaiveDate), RangeError> {
        let out = || RangeError::OutOfRange(self.to_string());
        let r = match *self {
            TimexValue::Day(d) | TimexValue::DayTime(d, _) => (d, d),
            TimexValue::Month(y, m) => {
                let s = ymd(y, m, 1).ok_or_else(out)?;
                let e = month_end(y, m).ok_or_else(out)?;
                part_of(s, e, modifier, true)
            }
            TimexValue::Week(y, w) => {
                let s = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon).ok_or_else(out)?;
                (s, s.checked_add_days(Days::new(6)).ok_or_else(out)?)
            }
            TimexValue::Weekend(y, w) => {
                let s = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Sat).ok_or_else(out)?;
                (s, s.checked_add_days(Days::new(1)).ok_or_else(out)?)
            }
            TimexValue::Quarter(y, q) => {
                let s = ymd(y, (q - 1) * 3 + 1, 1).ok_or_else(out)?;
                (s, month_end(y, q * 3).ok_or_else(out)?)
            }
            TimexValue::Half(y, h) => {
                let s = ymd(y, (h - 1) * 6 + 1, 1).ok_or_else(out)?;
                (s, month_end(y, h * 6).ok_or_else(out)?)
            }
            TimexValue::Season(y, season) => {
                let first = season.first_month();
                let s = ymd(y, first, 1).ok_or_else(out)?;
                let (ey, em) = if first + 2 > 12 { (y.checked_add(1).ok_or_else(out)?, first + 2 - 12) } else { (y, first + 2) };
                (s, month_end(ey, em).ok_or_else(out)?)
            }
            TimexValue::Year(y) => {
                let s = ymd(y, 1, 1).ok_or_else(out)?;
                part_of(s, ymd(y, 12, 31).ok_or_else(out)?, modifier, false)
            }
            TimexValue::Decade(d) => {
                let y = d.checked_mul(10).ok_or_else(out)?;
                let s = ymd(y, 1, 1).ok_or_else(out)?;
                part_of(s, ymd(y + 9, 12, 31).ok_or_else(out)?, modifier, false)
            }
            TimexValue::Century(c) => {
                let y = c.checked_mul(100).ok_or_else(out)?;
                let s = ymd(y, 1, 1).ok_or_else(out)?;
                part_of(s, ymd(y + 99, 12, 31).ok_or_else(out)?, modifier, false)
            }
            TimexValue::PastRef | TimexValue::PresentRef | TimexValue::FutureRef | TimexValue::Other(_) => {
                return Err(RangeError::NotADate(self.to_string()));
            }
        };
        Ok(r)
    }

    /// How fine the value is, for the timeline JSON's `granularity`.
    pub fn granularity(&self) -> Granularity {
        match self {
            TimexValue::Day(_) => Granularity::Day,
            TimexValue::DayTime(..) => Granularity::Time,
            TimexValue::Month(..) => Granularity::Month,
            TimexValue::Week(..) | TimexValue::Weekend(..) => Granularity::Week,
            TimexValue::Quarter(..) => Granularity::Quarter,
            TimexValue::Half(..) => Granularity::Half,
            TimexValue::Season(..) => Granularity::Season,
            TimexValue::Year(_) => Granularity::Year,
            TimexValue::Decade(_) => Granularity::Decade,
            TimexValue::Century(_) => Granularity::Century,
            _ => Granularity::None,
        }
    }

    /// True for values that name a place on the calendar.
    pub fn is_placeable(&self) -> bool {
        self.date_range(None).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(v: &str, m: Option<Mod>) -> (String, String) {
        let (s, e) = v.parse::<TimexValue>().unwrap().date_range(m).unwrap();
        (s.to_string(), e.to_string())
    }

    #[test]
    fn contract_3_ranges() {
        let r = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(range("2018-12-05", None), r("2018-12-05", "2018-12-05"));
        assert_eq!(range("2018-12-05T15:00", None), r("2018-12-05", "2018-12-05"));
        assert_eq!(range("2018-11", None), r("2018-11-01", "2018-11-30"));
        assert_eq!(range("2018-11", Some(Mod::Start)), r("2018-11-01", "2018-11-10"));
        assert_eq!(range("2018-11", Some(Mod::Mid)), r("2018-11-11", "2018-11-20"));
        assert_eq!(range("2018-11", Some(Mod::End)), r("2018-11-21", "2018-11-30"));
        assert_eq!(range("2018-W49", None), r("2018-12-03", "2018-12-09"));
        assert_eq!(range("2018-Q3", None), r("2018-07-01", "2018-09-30"));
        assert_eq!(range("2018-H2", None), r("2018-07-01", "2018-12-31"));
        assert_eq!(range("2018-WI", None), r("2018-12-01", "2019-02-28"));
        assert_eq!(range("2018-SU", None), r("2018-06-01", "2018-08-31"));
        assert_eq!(range("2018", None), r("2018-01-01", "2018-12-31"));
        assert_eq!(range("199", None), r("1990-01-01", "1999-12-31"));
        assert_eq!(range("19", None), r("1900-01-01", "1999-12-31"));
        assert_eq!(range("2018", Some(Mod::Start)).0, "2018-01-01");
        assert_eq!(range("2018", Some(Mod::End)).1, "2018-12-31");
    }

    #[test]
    fn values_round_trip() {
        for s in [
            "2018-12-05",
            "2018-12-05T15:00",
            "2018-12-05TNI",
            "2018-11",
            "2018-W49",
            "2018-W49-WE",
            "2018-Q3",
            "2018-H1",
            "2018-WI",
            "2018",
            "199",
            "19",
            "PAST_REF",
            "PRESENT_REF",
            "FUTURE_REF",
            "P3D",
            "XXXX-WXX-1",
            "-0044",
        ] {
            assert_eq!(s.parse::<TimexValue>().unwrap().to_string(), s);
        }
        assert!(matches!("P3D".parse::<TimexValue>().unwrap(), TimexValue::Other(_)));
        assert!("P3D".parse::<TimexValue>().unwrap().date_range(None).is_err());
    }

    #[test]
    fn out_of_range_is_an_error_not_a_panic() {
        assert!(TimexValue::Year(i32::MAX).date_range(None).is_err());
        assert!(TimexValue::Decade(i32::MAX).date_range(None).is_err());
        assert!(TimexValue::Month(i32::MIN, 1).date_range(None).is_err());
    }
}

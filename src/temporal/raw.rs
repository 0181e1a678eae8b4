//! What a rule found, before it is resolved against an anchor date.
//!
//! A [`Raw`] keeps what the words said ("Friday", "two days ago", "the third
//! quarter") without deciding which Friday: that is [`super::resolve`]'s job,
//! which knows the anchor date and the tense around the expression.

use super::lexicon::{RefKind, Unit};
use super::value::{DayTime, Mod, Season, TimexType, TimexValue};

/// Which year a named period belongs to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum YearSpec {
    /// Written out: "Dec. 5, 2018".
    Explicit(i32),
    /// Relative to the anchor's year: "last year's third quarter" (-1).
    Shift(i32),
    /// Left to context: "Dec. 5".
    Implicit,
}

/// A period that recurs every year or week, named without its year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cyclic {
    Month(u32),
    MonthDay(u32, u32),
    Weekday(u32),
    Season(Season),
    Holiday(usize),
    Quarter(u32),
    Half(u32),
    /// A day of a month left unnamed: "on the 15th".
    DayOfMonth(u32),
    /// The `n`th `weekday` (1 = Monday) of `month`, `n = -1` the last: "the first Tuesday in November".
    NthWeekday {
        n: i32,
        weekday: u32,
        month: u32,
    },
}

/// A count of units: a number, or a vague one ("several days").
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    N(f64),
    Vague,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    /// A value needing no anchor: "2018-12-05", "1990", "the 1990s".
    Absolute(TimexValue),
    /// A named period: "July", "Dec. 5", "Friday", "the third quarter", "Christmas".
    /// `shift` is last (-1), this (0), next (+1) when written.
    Named {
        what: Cyclic,
        year: YearSpec,
        shift: Option<i32>,
    },
    /// "today", "yesterday", "tomorrow".
    Deictic {
        days: i32,
    },
    /// The anchor's own week, month, year … moved by whole units: "last week", "next year".
    /// Anaphoric ones ("the following day", "that year") count from the narrative time.
    Shifted {
        unit: Unit,
        by: i32,
        anaphoric: bool,
    },
    /// An offset counted in units: "two days ago" (-2 days from the document date),
    /// "three months later" (+3 months from the narrative time).
    Offset {
        unit: Unit,
        amount: Amount,
        dir: i32,
        anaphoric: bool,
    },
    /// "the quarter" of an earnings report: the quarter most recently ended (a
    /// story's last-named quarter was tried, and is wrong as often as right); `years_back` years before it for "the
    /// year-ago quarter", or the same quarter of `year` for "the 1988 period".
    ReportedQuarter {
        years_back: i32,
        year: Option<i32>,
    },
    /// The ISO week holding a day: "the week of March 6".
    WeekOf(Box<Raw>),
    /// A day counted from a named one: "the day before Christmas" (-1).
    DaysFrom {
        day: Box<Raw>,
        days: i32,
    },
    /// Resolved against the narrative reference time rather than the document
    /// date: "the previous Friday", "the following Monday".
    Anaphoric(Box<Raw>),
    /// PAST_REF, PRESENT_REF, FUTURE_REF.
    Ref(RefKind),
    Duration {
        amount: Amount,
        unit: Unit,
    },
    /// "for a while": a length of time of no named unit (PXX).
    VagueDuration,
    /// A TIMEX3 SET value, complete as written.
    Set(String),
    /// A time of day, on a day given by `day` (the anchor's day when `None`).
    Time {
        day: Option<Box<Raw>>,
        time: DayTime,
    },
}

impl Raw {
    pub fn timex_type(&self) -> TimexType {
        match self {
            Raw::Anaphoric(inner) => inner.timex_type(),
            Raw::Duration { .. } | Raw::VagueDuration => TimexType::Duration,
            Raw::Set(_) => TimexType::Set,
            Raw::Time { time: DayTime::Clock { .. }, .. } => TimexType::Time,
            Raw::Time { day, time: DayTime::Part(_) } => {
                // "Friday night" is annotated as a DATE in TimeBank, "this morning" as a TIME.
                match day.as_deref() {
                    Some(Raw::Named { what: Cyclic::Weekday(_), .. }) => TimexType::Date,
                    _ => TimexType::Time,
                }
            }
            _ => TimexType::Date,
        }
    }
}

/// A match, with its token span and what it means.
#[derive(Debug, Clone)]
pub struct RawTimex {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    pub raw: Raw,
    pub modifier: Option<Mod>,
    pub rule: &'static str,
}

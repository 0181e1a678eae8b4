//! The rules: each a name, a token pattern, a production, and the examples it
//! must get right. The examples run at a fixed document date (Thursday
//! 13 December 2018, the seed article's date) in `tests::every_rule_example`:
//! a positive example names the exact span and value, a negative one a text in
//! which nothing may be found.
//!
//! When two rules match at the same token, the longer match wins, and at equal
//! length the rule listed first.

use chrono::NaiveDate;

use super::lexicon::{RefKind, Unit};
use super::pattern::{Caps, E, E::*};
use super::raw::{Amount, Cyclic, Raw, YearSpec};
use super::value::{DayTime, Mod, PartOfDay, TimexValue};

pub type Production = fn(&Caps) -> Option<(Raw, Option<Mod>)>;

pub struct Rule {
    pub name: &'static str,
    pub pattern: &'static [E],
    pub make: Production,
    pub examples: &'static [Example],
}

/// `span` empty: nothing may be found in `text`.
pub struct Example {
    pub text: &'static str,
    pub span: &'static str,
    pub value: &'static str,
}

const fn ex(text: &'static str, span: &'static str, value: &'static str) -> Example {
    Example { text, span, value }
}
const fn no(text: &'static str) -> Example {
    Example { text, span: "", value: "" }
}

/// The document date the examples are written for.
pub fn example_dct() -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 12, 13).expect("valid date")
}

fn year_spec(c: &Caps) -> YearSpec {
    match (c.year, c.shift) {
        (Some(y), _) => YearSpec::Explicit(y),
        _ => YearSpec::Implicit,
    }
}

fn plain(raw: Raw) -> Option<(Raw, Option<Mod>)> {
    Some((raw, None))
}

/// What follows "Sept. 11" when it names the 2001 attacks.
const ATTACK_WORDS: &[&str] = &["attacks", "attack", "terrorist", "terror", "hijackers", "hijackings", "commission", "memorial", "victims"];

fn full_date(c: &Caps) -> Option<(Raw, Option<Mod>)> {
    let d = NaiveDate::from_ymd_opt(c.year?, c.month?, c.day?)?;
    plain(Raw::Absolute(TimexValue::Day(d)))
}

fn month_day(c: &Caps) -> Option<(Raw, Option<Mod>)> {
    let (m, d) = (c.month?, c.day?);
    // "Feb 30" is not a date; 29 Feb is checked once the year is known.
    NaiveDate::from_ymd_opt(2000, m, d)?;
    plain(Raw::Named { what: Cyclic::MonthDay(m, d), year: YearSpec::Implicit, shift: c.shift })
}

fn quarter(c: &Caps) -> Option<(Raw, Option<Mod>)> {
    let q = c.ordinal.filter(|q| (1..=4).contains(q))? as u32;
    plain(Raw::Named { what: Cyclic::Quarter(q), year: of_shifted_year(c).unwrap_or_else(|| year_spec(c)), shift: None })
}

/// "of last year", "of next year" after a period: the year counted from the anchor's.
const OF_SHIFTED_YEAR: &[E] = &[W(&["of"]), Shift, W(&["year"])];

/// The year a quarter or half belongs to: "of 2019", "of fiscal 1990", "of last year",
/// "of the year" (the anchor's, as without a tail).
const OF_WHICH_YEAR: &[&[E]] = &[&[W(&["of"]), Opt(FISCAL), Year], OF_SHIFTED_YEAR, &[W(&["of"]), W(&["the"]), Opt(FISCAL), W(&["year"])]];

/// The year an `OF_SHIFTED_YEAR` tail names (its last word read is then "year").
fn of_shifted_year(c: &Caps) -> Option<YearSpec> {
    (c.word == Some("year")).then_some(YearSpec::Shift(c.shift?))
}

fn amount(c: &Caps) -> Amount {
    match (c.num, c.quant) {
        (Some(n), _) => Amount::N(n),
        (None, Some(q)) if q > 0 => Amount::N(q as f64),
        _ => Amount::Vague,
    }
}

/// "the past five years" and its kin open a duration, whatever else they say.
fn duration(c: &Caps) -> Option<(Raw, Option<Mod>)> {
    let unit = c.unit?;
    if unit == Unit::Night && c.num.is_none() {
        return None;
    }
    // "the 14-day waiting period": the article belongs to the noun, not the duration;
    // the same rule matches again from the number.
    if c.the && c.shift.is_none() && c.word.is_none() && !c.unit_plural && c.num.is_some_and(|n| n > 1.0) {
        return None;
    }
    let amount = match (amount(c), c.word) {
        (Amount::N(n), Some("half")) => Amount::N(n + 0.5),
        (a, _) => a,
    };
    Some((Raw::Duration { amount, unit }, c.approx))
}

fn clock_hour(c: &Caps) -> Option<u32> {
    let h = c.hour?;
    Some(match c.pm {
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        _ => h,
    })
}

/// A day of a month: the date itself with a year, else the day to find near the anchor.
fn month_day_in(year: Option<i32>, month: u32, day: u32) -> Option<Raw> {
    Some(match year {
        Some(y) => Raw::Absolute(TimexValue::Day(NaiveDate::from_ymd_opt(y, month, day)?)),
        None => Raw::Named { what: Cyclic::MonthDay(month, day), year: YearSpec::Implicit, shift: None },
    })
}

/// The day a pattern names: a date if it has one ("Friday, Dec. 7" is the 7th), else a weekday.
fn day_of(c: &Caps) -> Option<Box<Raw>> {
    if let (Some(m), Some(d)) = (c.month, c.day) {
        return month_day_in(c.year, m, d).map(Box::new);
    }
    if let Some(w) = c.weekday {
        return Some(Box::new(Raw::Named { what: Cyclic::Weekday(w), year: YearSpec::Implicit, shift: c.shift }));
    }
    c.deictic.map(|days| Box::new(Raw::Deictic { days }))
}

fn clock_time(c: &Caps) -> Option<(Raw, Option<Mod>)> {
    let time = DayTime::Clock { hour: clock_hour(c)?, minute: c.minute.or(Some(0)) };
    Some((Raw::Time { day: day_of(c), time }, c.approx))
}

// A weekday before a date ("Thursday, Jan. 6") is its own expression, as TimeBank annotates it.
/// "Monday, Oct. 26, 1998": a weekday before a date is part of it.
const WEEKDAY_COMMA: &[E] = &[Weekday, P(',')];
const MONTH_DAY_YEAR: &[E] = &[Opt(WEEKDAY_COMMA), Month, Day, Opt(&[P(',')]), Year];
/// British order may follow a weekday without a comma: "Monday 3 June 2019".
const WEEKDAY_BEFORE_DAY: &[E] = &[Weekday, Opt(&[P(',')])];
const DAY_MONTH_YEAR: &[E] = &[Opt(WEEKDAY_BEFORE_DAY), Opt(&[W(&["the"])]), Day, Opt(&[W(&["of"])]), Month, Opt(&[P(',')]), Year];
const THE: &[E] = &[The];
/// "two and a half years", "a minute and a half": `c.word` is then "half".
const AND_A_HALF: &[E] = &[W(&["and"]), W(&["a"]), W(&["half"])];
const FISCAL: &[E] = &[W(&["fiscal"])];
/// The day written after a time: "Tuesday", "today", "Dec. 12, 2018", "Wed December 12, 2018".
const DAY_AFTER_TIME: &[E] = &[
    Opt(&[P(',')]),
    Alt(&[
        &[Opt(&[Shift]), Weekday, Opt(&[P(',')]), Month, Day, Opt(&[P(','), Year])],
        &[Opt(&[Shift]), Weekday],
        &[Deictic],
        &[Month, Day, Opt(&[P(','), Year])],
    ]),
];
/// "FY2019", "FY19", "FY 2019".
const FY_YEAR: &[E] = &[W(&["fy"]), Alt(&[&[Tight(&NumYear)], &[Year]])];
/// Plural nouns that make a number before them a count ("1999 shares"), not a year.
const COUNT_NOUNS: &[&str] = &[
    "shares",
    "people",
    "troops",
    "soldiers",
    "workers",
    "employees",
    "jobs",
    "votes",
    "points",
    "degrees",
    "miles",
    "feet",
    "meters",
    "metres",
    "kilometers",
    "kilometres",
    "acres",
    "tons",
    "tonnes",
    "barrels",
    "units",
    "cars",
    "homes",
    "houses",
    "students",
    "residents",
    "passengers",
    "flights",
    "cases",
    "deaths",
    "copies",
    "pages",
    "words",
    "dollars",
    "euros",
    "pounds",
    "yen",
    "calories",
    // On the web: "4.4 stars out of 1935 reviews", "a peak of 1600 nits".
    "reviews",
    "ratings",
    "users",
    "customers",
    "members",
    "subscribers",
    "followers",
    "views",
    "downloads",
    "comments",
    "likes",
    "visitors",
    "items",
    "products",
    "orders",
    "patients",
    "participants",
    "respondents",
    "nits",
];

pub static RULES: &[Rule] = &[
    // ---- calendar dates -------------------------------------------------
    Rule {
        name: "iso_date",
        pattern: &[NumYear, J('-'), Tight(&MonthNum), J('-'), Tight(&DayNum)],
        make: full_date,
        examples: &[ex("released 2018-12-05 at", "2018-12-05", "2018-12-05"), no("call 555-1234 please")],
    },
    Rule {
        name: "iso_date_time",
        // ISO 8601 as feeds and web pages stamp a story: "2018-12-05T14:30:00Z".
        pattern: &[NumYear, J('-'), Tight(&MonthNum), J('-'), Tight(&DayNum), Tight(&W(&["t"])), Tight(&Clock), Opt(&[Tight(&W(&["z"]))])],
        make: |c| {
            let day = Raw::Absolute(TimexValue::Day(NaiveDate::from_ymd_opt(c.year?, c.month?, c.day?)?));
            plain(Raw::Time { day: Some(Box::new(day)), time: DayTime::Clock { hour: c.hour?, minute: c.minute } })
        },
        examples: &[
            ex("Published 2018-12-05T14:30:00Z by", "2018-12-05T14:30:00Z", "2018-12-05T14:30"),
            ex("at 2018-12-05T09:05+01:00", "2018-12-05T09:05", "2018-12-05T09:05"),
        ],
    },
    Rule {
        name: "numeric_date_us",
        // US order by default; a first part over 12 can only be a day.
        pattern: &[Alt(&[&[MonthNum, J('/'), Tight(&DayNum)], &[DayNum, J('/'), Tight(&MonthNum)]]), J('/'), Tight(&NumYear)],
        make: full_date,
        examples: &[
            ex("on 12/05/2018 the", "12/05/2018", "2018-12-05"),
            ex("on 25/12/2018 the", "25/12/2018", "2018-12-25"),
            no("a 3/4 majority"),
        ],
    },
    Rule {
        name: "nth_weekday_of_month",
        // "the first Tuesday in November", "the last Friday of March 2019".
        pattern: &[Opt(THE), Alt(&[&[Ordinal], &[W(&["last"])]]), Weekday, W(&["in", "of"]), Month, Opt(&[Opt(&[P(',')]), Year])],
        make: |c| {
            // Without an ordinal the pattern read "last".
            let n = match c.ordinal {
                Some(n @ 1..=5) => n,
                None => -1,
                _ => return None,
            };
            let what = Cyclic::NthWeekday { n, weekday: c.weekday?, month: c.month? };
            plain(Raw::Named { what, year: year_spec(c), shift: None })
        },
        examples: &[
            ex("The vote will be held on the first Tuesday in November.", "the first Tuesday in November", "2019-11-05"),
            ex("on the last Friday of March 2019", "the last Friday of March 2019", "2019-03-29"),
            ex("Sales rose on the second Monday of June.", "the second Monday of June", "2018-06-11"),
        ],
    },
    Rule {
        name: "day_of_the_month",
        // "due on the 15th.", "arrested on the 5th,": a day of the month the story is in.
        // Only where nothing follows that could make it "the 5th floor" or "the 15th century".
        pattern: &[After(&["on", "by", "until", "till", "since", "from", "before", "after", "through"]), W(&["the"]), Day, End],
        make: |c| plain(Raw::Named { what: Cyclic::DayOfMonth(c.day?), year: YearSpec::Implicit, shift: None }),
        examples: &[
            ex("The payment is due on the 15th.", "the 15th", "2018-12-15"),
            ex("He was arrested on the 5th, police said.", "the 5th", "2018-12-05"),
            no("She lives on the 5th floor."),
            no("Offices on the 15th floor were damaged."),
        ],
    },
    Rule {
        name: "numeric_date_ymd",
        // "2018/11/30": year first, as East Asian and some European copy writes it.
        pattern: &[NumYear, J('/'), Tight(&MonthNum), J('/'), Tight(&DayNum)],
        make: full_date,
        examples: &[ex("hit a high on 2018/11/30.", "2018/11/30", "2018-11-30")],
    },
    Rule {
        name: "numeric_date_dots",
        pattern: &[DayNum, J('.'), Tight(&MonthNum), J('.'), Tight(&NumYear)],
        make: full_date,
        examples: &[ex("am 05.12.2018 war", "05.12.2018", "2018-12-05")],
    },
    Rule {
        name: "month_day_year",
        pattern: MONTH_DAY_YEAR,
        make: full_date,
        examples: &[
            ex("On December 5th, 2018, BT", "December 5th, 2018", "2018-12-05"),
            ex("due Oct. 15, 1999.", "Oct. 15, 1999", "1999-10-15"),
            ex("Sept. 11, 2001 attacks", "Sept. 11, 2001", "2001-09-11"),
            no("He may 5,000 times"),
        ],
    },
    Rule {
        name: "day_month_year",
        pattern: DAY_MONTH_YEAR,
        make: full_date,
        examples: &[
            ex("on 5 December 2018 the", "5 December 2018", "2018-12-05"),
            ex("the 5th of December, 2018", "the 5th of December, 2018", "2018-12-05"),
        ],
    },
    Rule {
        name: "nine_eleven",
        // The one day news names without its year, and without meaning this year's:
        // "9/11", "since the Sept. 11 attacks". (A month and day alone otherwise need a year
        // to be a numeric date: "a 3/4 majority".)
        pattern: &[Alt(&[&[MonthNum, J('/'), Tight(&DayNum)], &[Month, Day, Followed(ATTACK_WORDS)]])],
        make: |c| {
            if (c.month?, c.day?) != (9, 11) {
                return None;
            }
            plain(Raw::Absolute(TimexValue::Day(NaiveDate::from_ymd_opt(2001, 9, 11)?)))
        },
        examples: &[
            ex("Security tightened after 9/11.", "9/11", "2001-09-11"),
            ex("since the Sept. 11 attacks on New York", "Sept. 11", "2001-09-11"),
            ex("the September 11 terrorist attacks", "September 11", "2001-09-11"),
            ex("on 9/11/2001", "9/11/2001", "2001-09-11"),
            no("a 3/4 majority"),
            no("the 9/10 split"),
        ],
    },
    Rule {
        name: "month_day",
        pattern: &[Opt(&[Opt(&[Shift, Opt(&[Shift])]), Weekday, Opt(&[P(',')])]), Opt(&[Shift]), Month, Day],
        make: month_day,
        examples: &[
            ex("arrested Friday, Oct. 23, at", "Friday, Oct. 23", "2018-10-23"),
            ex("stocks fell on Friday Oct. 13 when", "Friday Oct. 13", "2018-10-13"),
            ex("is this coming Sunday, December sixteenth. A", "this coming Sunday, December sixteenth", "2018-12-16"),
            ex("On Dec. 5, BT Group announced", "Dec. 5", "2018-12-05"),
            ex("the Sept. 11 meeting", "Sept. 11", "2018-09-11"),
            ex("will vote on Jan. 2", "Jan. 2", "2019-01-02"),
            ex("was shot last Oct. 23 at home", "last Oct. 23", "2018-10-23"),
            no("Feb 30 was cited"),
            no("the 4G rollout"),
        ],
    },
    Rule {
        name: "day_month",
        pattern: &[Opt(WEEKDAY_BEFORE_DAY), Opt(&[W(&["the"])]), Day, Opt(&[W(&["of"])]), Month],
        make: month_day,
        examples: &[
            ex("on 5 December the", "5 December", "2018-12-05"),
            ex("On Monday 3 December the queen arrived", "Monday 3 December", "2018-12-03"),
        ],
    },
    Rule {
        name: "month_year",
        pattern: &[Month, Opt(&[P(',')]), Opt(&[W(&["of"])]), Year],
        make: |c| plain(Raw::Absolute(TimexValue::Month(c.year?, c.month?))),
        examples: &[ex("in July 1997 the", "July 1997", "1997-07"), ex("in Dec. 2018.", "Dec. 2018", "2018-12")],
    },
    Rule {
        name: "month",
        pattern: &[NotSurname, MonthAlone],
        make: |c| plain(Raw::Named { what: Cyclic::Month(c.month?), year: YearSpec::Implicit, shift: None }),
        examples: &[
            ex("a report released in July found", "July", "2018-07"),
            // "since" is certain where a past tense is not: the latest January begun.
            ex("Prices have risen since January", "January", "2018-01"),
            ex("the November meeting", "November", "2018-11"),
            no("Huawei may lose"),
            no("They will march on"),
            no("Jan Smith said"),
            no("Theresa May said the deal was dead"),
            no("a song by Brian May in"),
            ex("The November meeting was cancelled.", "November", "2018-11"),
            ex("In May, sales fell.", "May", "2018-05"),
            no("protesters at the annual March for Life on"),
            ex("the march began in March for the first time", "March", "2018-03"),
        ],
    },
    Rule {
        name: "shifted_month",
        pattern: &[Shift, Opt(&[Shift]), MonthAlone],
        make: |c| plain(Raw::Named { what: Cyclic::Month(c.month?), year: YearSpec::Implicit, shift: c.shift2.or(c.shift) }),
        examples: &[ex("since last November", "last November", "2018-11"), ex("by next March", "next March", "2019-03")],
    },
    Rule {
        name: "year",
        // "1999 shares", "2000 degrees": a count of something, not a year.
        pattern: &[NotAfterName, BareYear, NotFollowed(COUNT_NOUNS)],
        make: |c| plain(Raw::Absolute(TimexValue::Year(c.year?))),
        examples: &[
            ex("founded in 1987 by", "1987", "1987"),
            ex("since nineteen ninety-six, when", "nineteen ninety-six", "1996"),
            no("a $2018 fee"),
            no("the 1,990 workers"),
            no("Windows 10"),
            no("raised 2018.5 points"),
            no("Saudi Vision 2030 was announced"),
            no("fans flocked to Euro 2024 matches"),
            no("They bought 1999 shares."),
            no("Temperatures hit 2000 degrees."),
            no("4.4 stars out of 1935 reviews"),
            no("a peak of 1600 nits in HDR"),
            ex("Sales Rise In 2019", "2019", "2019"),
            ex("It rose. 2019 was a good year", "2019", "2019"),
            ex("the summer. Summer 2019 was hot", "Summer 2019", "2019-SU"),
        ],
    },
    Rule {
        name: "the_year_spoken",
        // Transcripts spell years out: "by the year two thousand".
        pattern: &[Opt(THE), W(&["year"]), Num],
        make: |c| {
            let n = c.num?;
            if n.fract() != 0.0 || !(1000.0..=2999.0).contains(&n) {
                return None;
            }
            plain(Raw::Absolute(TimexValue::Year(n as i32)))
        },
        examples: &[
            ex("by the year two thousand the", "the year two thousand", "2000"),
            ex("in the year 1066 the", "the year 1066", "1066"),
            no("the year three people left"),
        ],
    },
    Rule {
        name: "year_with_preposition",
        // Years outside 1900–2099 need a preposition to be read as years.
        pattern: &[
            After(&["in", "since", "by", "until", "till", "before", "after", "during", "from", "of", "circa"]),
            Year,
            NotFollowed(COUNT_NOUNS),
        ],
        make: |c| plain(Raw::Absolute(TimexValue::Year(c.year?))),
        examples: &[ex("built in 1066 by", "1066", "1066"), no("out of 1935 reviews"), no("by 2000 votes to 1500")],
    },
    Rule {
        name: "decade",
        pattern: &[Opt(THE), Opt(&[Part, Opt(&[J('-')])]), Decade],
        make: |c| Some((Raw::Absolute(TimexValue::Decade(c.decade?)), c.part)),
        examples: &[
            ex("in the 1990s the", "the 1990s", "199"),
            ex("by the mid-1990s", "the mid-1990s", "199"),
            ex("since the '80s", "the '80s", "198"),
            ex("in the late nineties", "the late nineties", "199"),
            no("when Kopp was in his 30s, said"),
            no("a woman in her early 40s"),
        ],
    },
    Rule {
        name: "century",
        // A century before Christ has no TIMEX3 value here: better none than the wrong era.
        pattern: &[Opt(THE), Opt(&[Part, Opt(&[J('-')])]), Ordinal, Opt(&[J('-')]), W(&["century"]), NotFollowed(&["bc", "bce"])],
        make: |c| Some((Raw::Absolute(TimexValue::Century(c.ordinal? - 1)), c.part)),
        examples: &[
            ex("in the 19th century", "the 19th century", "18"),
            ex("an 11th century temple", "11th century", "10"),
            no("founded in the 12th century BC by"),
        ],
    },
    Rule {
        name: "fiscal_year",
        pattern: &[Opt(THE), W(&["fiscal", "financial"]), Opt(&[W(&["year"])]), Year],
        make: |c| plain(Raw::Absolute(TimexValue::Year(c.year?))),
        examples: &[ex("profit in fiscal 2019 rose", "fiscal 2019", "2019"), ex("in the fiscal year 2017", "the fiscal year 2017", "2017")],
    },
    Rule {
        name: "fiscal_code",
        // "FY2019", "FY19", "FY 2019".
        pattern: FY_YEAR,
        make: |c| plain(Raw::Absolute(TimexValue::Year(c.year?))),
        examples: &[ex("Profit for FY2019 rose", "FY2019", "2019"), ex("guidance for FY19 was", "FY19", "2019"), no("the FY scheme")],
    },
    // ---- quarters, halves, seasons, holidays ------------------------------
    Rule {
        name: "quarter",
        pattern: &[Opt(THE), Opt(FISCAL), Ordinal, Opt(FISCAL), W(&["quarter"]), Opt(&[Alt(OF_WHICH_YEAR)]), NotOfAnotherPeriod],
        make: quarter,
        examples: &[
            ex("in the third quarter of 2019", "the third quarter of 2019", "2019-Q3"),
            ex("Sales fell in the fourth quarter of last year.", "the fourth quarter of last year", "2017-Q4"),
            ex("the fourth quarter", "the fourth quarter", "2018-Q4"),
            ex("profit in the third quarter of the year", "the third quarter of the year", "2018-Q3"),
            no("he scored in the fourth quarter of the game"),
            ex("a loss for the third quarter of $226.3 million", "the third quarter", "2018-Q3"),
            no("a quarter of the staff"),
        ],
    },
    Rule {
        name: "quarter_adjective",
        // "third-quarter profit": the adjective alone, without its article.
        pattern: &[Ordinal, J('-'), Tight(&W(&["quarter"]))],
        make: quarter,
        examples: &[ex("its third-quarter profit", "third-quarter", "2018-Q3"), ex("the third-quarter loss", "third-quarter", "2018-Q3")],
    },
    Rule {
        name: "quarter_of_shifted_year",
        // "last year's fourth quarter", "fiscal 2019's third quarter".
        pattern: &[
            Alt(&[&[Shift, W(&["year"])], &[Opt(FISCAL), Year]]),
            J('\''),
            Tight(&W(&["s"])),
            Opt(FISCAL),
            Ordinal,
            Opt(&[J('-')]),
            W(&["quarter"]),
        ],
        make: |c| {
            let q = c.ordinal.filter(|q| (1..=4).contains(q))? as u32;
            let year = if c.year.is_some() { year_spec(c) } else { YearSpec::Shift(c.shift?) };
            plain(Raw::Named { what: Cyclic::Quarter(q), year, shift: None })
        },
        examples: &[
            ex("last year's fourth quarter", "last year's fourth quarter", "2017-Q4"),
            ex("Profit in fiscal 2019's third quarter fell.", "fiscal 2019's third quarter", "2019-Q3"),
        ],
    },
    Rule {
        name: "quarter_code",
        // "Q3", "Q3 2019", "2019 Q3", and the half-years "H1 2019", "2H".
        pattern: &[Alt(&[&[QuarterCode, Opt(&[Alt(&[&[Year], FY_YEAR])])], &[Year, QuarterCode]])],
        make: |c| {
            let n = c.ordinal? as u32;
            let what = match c.word {
                Some("h") if n <= 2 => Cyclic::Half(n),
                Some("h") => return None,
                _ => Cyclic::Quarter(n),
            };
            plain(Raw::Named { what, year: year_spec(c), shift: None })
        },
        examples: &[
            ex("revenue in Q3 rose", "Q3", "2018-Q3"),
            ex("in Q1 2019 the", "Q1 2019", "2019-Q1"),
            ex("sales in H1 2019 rose", "H1 2019", "2019-H1"),
            ex("sales fell in Q4 FY19.", "Q4 FY19", "2019-Q4"),
            ex("profit rose in 2Q18, analysts said", "2Q18", "2018-Q2"),
            ex("a loss in 3Q98 and", "3Q98", "1998-Q3"),
            no("the Q7 model"),
            no("the H3 gene"),
        ],
    },
    Rule {
        name: "reported_quarter",
        // The quarter an earnings story reports on.
        pattern: &[
            The,
            Opt(&[W(&["latest", "most", "recent", "just", "ended", "fiscal"])]),
            Opt(&[W(&["recent", "completed"])]),
            // A unit, so that "the quarter-to-quarter comparison" is a compound.
            Unit,
        ],
        make: |c| (c.unit == Some(Unit::Quarter) && !c.unit_plural).then_some((Raw::ReportedQuarter { years_back: 0, year: None }, None)),
        examples: &[
            ex("profit in the latest quarter", "the latest quarter", "2018-Q3"),
            ex("sales in the quarter rose", "the quarter", "2018-Q3"),
            no("The quarter-to-quarter comparison was"),
        ],
    },
    Rule {
        name: "latest_period",
        // Earnings reports call the quarter reported on "the latest period".
        pattern: &[The, W(&["latest"]), W(&["period"])],
        make: |_| plain(Raw::ReportedQuarter { years_back: 0, year: None }),
        examples: &[ex("Sales in the latest period were", "the latest period", "2018-Q3"), no("the latest periodical")],
    },
    Rule {
        name: "year_period",
        // "the 1988 period", "the 1988 third quarter": the quarter reported on, in another year.
        pattern: &[The, Year, Alt(&[&[W(&["period", "quarter"])], &[Ordinal, W(&["quarter"])]])],
        make: |c| match c.ordinal {
            Some(q) if (1..=4).contains(&q) => {
                plain(Raw::Named { what: Cyclic::Quarter(q as u32), year: YearSpec::Explicit(c.year?), shift: None })
            }
            Some(_) => None,
            None => plain(Raw::ReportedQuarter { years_back: 0, year: Some(c.year?) }),
        },
        examples: &[
            ex("from $3 million in the 1988 period", "the 1988 period", "1988-Q3"),
            ex("earned $2 in the 1988 third quarter", "the 1988 third quarter", "1988-Q3"),
        ],
    },
    Rule {
        name: "latest_fiscal_year",
        // "in the latest fiscal year", "the last fiscal year": the year most recently completed.
        // ("the previous year" counts from the story's time: another rule's.)
        pattern: &[The, Alt(&[&[W(&["latest"]), Opt(FISCAL)], &[W(&["last"]), W(&["fiscal"])]]), W(&["year"]), NotHyphenated],
        make: |_| plain(Raw::Shifted { unit: Unit::Year, by: -1, anaphoric: false }),
        examples: &[
            ex("C$8 billion in sales in the latest fiscal year.", "the latest fiscal year", "2017"),
            ex("profit in the last fiscal year rose", "the last fiscal year", "2017"),
            ex("On March 3, 2015 it said the previous year was bad", "the previous year", "2014"),
        ],
    },
    Rule {
        name: "year_ended",
        // "the year ended Sept. 30": a twelve-month period, named by its end date.
        pattern: &[The, Opt(FISCAL), Unit, Followed(&["ended", "ending"])],
        make: |c| {
            let unit = c.unit?;
            if c.unit_plural || !matches!(unit, Unit::Year | Unit::Quarter | Unit::Month | Unit::Week) {
                return None;
            }
            plain(Raw::Duration { amount: Amount::N(1.0), unit })
        },
        examples: &[
            ex("net income for the year ended Aug. 31 rose", "the year", "P1Y"),
            ex("In the fiscal year ending June 30, 1990, the", "the fiscal year", "P1Y"),
        ],
    },
    Rule {
        name: "the_current_year",
        // "for the year", "throughout the fiscal year", "for the week": in business copy,
        // the period being reported.
        pattern: &[After(&["for", "of", "throughout"]), The, Opt(&[W(&["full", "fiscal", "current", "whole", "entire"])]), Unit],
        make: |c| {
            let unit = c.unit?;
            if !matches!(unit, Unit::Year | Unit::Month | Unit::Week) || c.unit_plural {
                return None;
            }
            plain(Raw::Shifted { unit, by: 0, anaphoric: false })
        },
        examples: &[
            ex("Sales for the full year were $6.6 billion", "the full year", "2018"),
            ex("a high for the year of $42", "the year", "2018"),
            ex("For the week, the index dropped", "the week", "2018-W50"),
            // The compound is another rule's, and the longer match.
            ex("profit for the year-ago quarter", "the year-ago quarter", "2017-Q3"),
            no("for the years that followed"),
        ],
    },
    Rule {
        name: "year_ago_quarter",
        pattern: &[
            Opt(THE),
            Opt(&[W(&["comparable", "same"])]),
            W(&["year"]),
            J('-'),
            Tight(&W(&["ago", "earlier"])),
            Opt(&[Ordinal]),
            W(&["quarter", "period"]),
        ],
        make: |c| match c.ordinal {
            Some(q @ 1..=4) => plain(Raw::Named { what: Cyclic::Quarter(q as u32), year: YearSpec::Shift(-1), shift: None }),
            Some(_) => None,
            None => plain(Raw::ReportedQuarter { years_back: 1, year: None }),
        },
        examples: &[
            ex("up from the year-earlier quarter", "the year-earlier quarter", "2017-Q3"),
            ex("In the year-earlier third quarter, it", "the year-earlier third quarter", "2017-Q3"),
        ],
    },
    Rule {
        name: "period_last_year",
        // Earnings copy: "the corresponding period last year", "last year's quarter".
        pattern: &[Alt(&[
            &[
                Opt(THE),
                W(&["same", "corresponding", "comparable", "like"]),
                W(&["quarter", "period"]),
                Opt(&[W(&["of"])]),
                W(&["last"]),
                W(&["year"]),
            ],
            &[W(&["last"]), W(&["year"]), J('\''), Tight(&W(&["s"])), W(&["quarter", "period"])],
        ])],
        make: |_| plain(Raw::ReportedQuarter { years_back: 1, year: None }),
        examples: &[
            ex("against $5 million in the corresponding period last year", "the corresponding period last year", "2017-Q3"),
            ex("compared with last year's quarter, when", "last year's quarter", "2017-Q3"),
        ],
    },
    Rule {
        name: "year_ago_adjective",
        pattern: &[W(&["year"]), J('-'), Tight(&W(&["ago", "earlier"]))],
        make: |_| plain(Raw::Shifted { unit: Unit::Year, by: -1, anaphoric: false }),
        examples: &[ex("year-ago levels", "year-ago", "2017")],
    },
    Rule {
        name: "half",
        pattern: &[
            Opt(THE),
            Alt(&[&[Ordinal], &[W(&["latter", "last"])]]),
            Opt(&[J('-')]),
            W(&["half"]),
            NotFollowed(&["hour", "hours", "century", "decade", "dozen", "mile", "point", "percent", "an", "a"]),
            Opt(&[Alt(OF_WHICH_YEAR)]),
            NotOfAnotherPeriod,
        ],
        make: |c| {
            // Without an ordinal the pattern read "latter" or "last".
            let h = match c.ordinal {
                Some(h @ 1..=2) => h as u32,
                None => 2,
                _ => return None,
            };
            plain(Raw::Named { what: Cyclic::Half(h), year: of_shifted_year(c).unwrap_or_else(|| year_spec(c)), shift: None })
        },
        examples: &[
            ex("in the first half of 2019", "the first half of 2019", "2019-H1"),
            ex("by the second half of next year", "the second half of next year", "2019-H2"),
            ex("in the first half of the year", "the first half of the year", "2018-H1"),
            no("The first half of the decade saw growth."),
            ex("a second-half recovery", "second-half", "2018-H2"),
            ex("in the last half of 1989 the", "the last half of 1989", "1989-H2"),
            no("in the last half hour"),
        ],
    },
    Rule {
        name: "that_season",
        // "She arrived in 1962. That summer, …": the season of the year the story is in.
        // (Before "season", which would read "that" as "the", at the same length.)
        pattern: &[W(&["that"]), Season],
        make: |c| {
            let named = Raw::Named { what: Cyclic::Season(c.season?), year: YearSpec::Shift(0), shift: Some(0) };
            plain(Raw::Anaphoric(Box::new(named)))
        },
        examples: &[
            ex("She arrived in Paris in 1962. That summer, she met him.", "That summer", "1962-SU"),
            ex("On June 5, 2016 the plant opened; that fall it closed.", "that fall", "2016-FA"),
            ex("That winter was cold.", "That winter", "2018-WI"),
        ],
    },
    Rule {
        name: "season",
        pattern: &[Opt(THE), Opt(&[Shift, Opt(&[Shift])]), Season, Opt(&[Alt(&[&[Opt(&[W(&["of"])]), Year], OF_SHIFTED_YEAR])])],
        make: |c| {
            let s = c.season?;
            if let Some(year) = of_shifted_year(c) {
                return plain(Raw::Named { what: Cyclic::Season(s), year, shift: None });
            }
            let year = match c.year {
                Some(y) => YearSpec::Explicit(y),
                None => YearSpec::Implicit,
            };
            plain(Raw::Named { what: Cyclic::Season(s), year, shift: c.shift2.or(c.shift) })
        },
        examples: &[
            ex("expected this summer", "this summer", "2018-SU"),
            ex("in the summer of 2016", "the summer of 2016", "2016-SU"),
            ex("since last fall", "last fall", "2018-FA"),
            ex("in spring 2019", "spring 2019", "2019-SP"),
            ex("will close in the spring of next year", "the spring of next year", "2019-SP"),
            ex("sold in the summer of last year", "the summer of last year", "2017-SU"),
            ex("expected in the fall", "the fall", "2019-FA"),
            no("prices fall sharply"),
        ],
    },
    Rule {
        name: "holiday",
        pattern: &[Opt(&[Shift]), Holiday, Opt(&[Opt(&[P(',')]), Year])],
        make: |c| plain(Raw::Named { what: Cyclic::Holiday(c.holiday?), year: year_spec(c), shift: c.shift }),
        examples: &[
            ex("before Christmas the", "Christmas", "2018-12-25"),
            ex("on New Year's Day", "New Year's Day", "2019-01-01"),
            ex("since Easter 2016", "Easter 2016", "2016-03-27"),
            ex("over Thanksgiving the", "Thanksgiving", "2018-11-22"),
            ex("last Thanksgiving", "last Thanksgiving", "2018-11-22"),
            ex("voted on Election Day 2016 in", "Election Day 2016", "2016-11-08"),
            ex("sales on Cyber Monday rose", "Cyber Monday", "2018-11-26"),
        ],
    },
    // ---- weekdays, deictic days, times of day ------------------------------
    Rule {
        name: "weekday",
        // "Super Tuesday", "Bloody Sunday", "Black Monday" name events, not days.
        pattern: &[NotAfter(&["super", "bloody", "black", "blue"]), Opt(&[Opt(THE), Shift, Opt(&[Shift])]), Weekday],
        make: |c| {
            let w = c.weekday?;
            if c.weekday_plural {
                return plain(Raw::Set(format!("XXXX-WXX-{w}")));
            }
            let named = Raw::Named { what: Cyclic::Weekday(w), year: YearSpec::Implicit, shift: c.shift2.or(c.shift) };
            // "the previous Friday" counts from the story's time; "last Friday" from the document's.
            plain(if c.the { Raw::Anaphoric(Box::new(named)) } else { named })
        },
        examples: &[
            ex("said on Tuesday that", "Tuesday", "2018-12-11"),
            ex("will meet on Tuesday", "Tuesday", "2018-12-18"),
            ex("met last Friday", "last Friday", "2018-12-07"),
            no("Voters went to the polls on Super Tuesday."),
            ex("On Dec. 5 he said he had called the previous Friday", "the previous Friday", "2018-11-30"),
            ex("on Tues. the", "Tues.", "2018-12-11"),
            ex("closed on Mondays", "Mondays", "XXXX-WXX-1"),
            no("the Sun reported"),
        ],
    },
    Rule {
        name: "weekday_part_of_day",
        pattern: &[Opt(&[Shift]), Weekday, PartOfDay],
        // TimeML values "Friday night" as the day and its part (2018-12-07TNI); TimeBank
        // mostly types it a DATE, which `Raw::timex_type` keeps for a weekday.
        make: |c| plain(Raw::Time { day: day_of(c), time: DayTime::Part(c.part_of_day?) }),
        examples: &[ex("late on Friday night", "Friday night", "2018-12-07TNI")],
    },
    Rule {
        name: "part_of_part_of_day",
        // "mid-afternoon yesterday", "in the early morning", "late evening": the part of
        // the day, with early/mid/late as its TimeML mod.
        pattern: &[Opt(THE), Part, Opt(&[J('-')]), PartOfDay, Opt(&[Opt(&[P(',')]), Alt(&[&[Opt(&[Shift]), Weekday], &[Deictic]])])],
        make: |c| {
            let part = c.part.filter(|p| matches!(p, Mod::Start | Mod::Mid | Mod::End))?;
            Some((Raw::Time { day: day_of(c), time: DayTime::Part(c.part_of_day?) }, Some(part)))
        },
        examples: &[
            ex("shares fell at mid-afternoon yesterday.", "mid-afternoon yesterday", "2018-12-12TAF"),
            ex("By mid afternoon, results came.", "mid afternoon", "2018-12-13TAF"),
            ex("The blast came in the early morning.", "the early morning", "2018-12-13TMO"),
        ],
    },
    Rule {
        name: "deictic",
        pattern: &[Deictic, NotContemporary],
        make: |c| plain(Raw::Deictic { days: c.deictic? }),
        examples: &[
            ex("said yesterday that", "yesterday", "2018-12-12"),
            ex("will vote tomorrow", "tomorrow", "2018-12-14"),
            ex("Today the board", "Today", "2018-12-13"),
            ex("in today's editions of the paper", "today", "2018-12-13"),
            no("the case is for today's youth what"),
            no("many of today's personal computers"),
            no("If I were choosing the people of tomorrow, I"),
        ],
    },
    Rule {
        name: "tonight",
        pattern: &[W(&["tonight"])],
        make: |_| plain(Raw::Time { day: None, time: DayTime::Part(PartOfDay::Night) }),
        examples: &[ex("will speak tonight", "tonight", "2018-12-13TNI")],
    },
    Rule {
        name: "deictic_part_of_day",
        pattern: &[Deictic, PartOfDay],
        make: |c| plain(Raw::Time { day: day_of(c), time: DayTime::Part(c.part_of_day?) }),
        examples: &[ex("arrived yesterday afternoon", "yesterday afternoon", "2018-12-12TAF")],
    },
    Rule {
        name: "this_part_of_day",
        pattern: &[W(&["this", "that"]), PartOfDay],
        make: |c| {
            if c.word == Some("that") {
                let day = Some(Box::new(Raw::Shifted { unit: Unit::Day, by: 0, anaphoric: true }));
                return plain(Raw::Time { day, time: DayTime::Part(c.part_of_day?) });
            }
            plain(Raw::Time { day: None, time: DayTime::Part(c.part_of_day?) })
        },
        examples: &[
            ex("said this morning", "this morning", "2018-12-13TMO"),
            ex("will speak later this afternoon", "later this afternoon", "2018-12-13TAF"),
        ],
    },
    Rule {
        name: "the_next_morning",
        // "the next morning", "the previous evening": a part of the day after or before the story's.
        pattern: &[The, W(&["next", "following", "previous", "preceding"]), PartOfDay],
        make: |c| {
            let by = if matches!(c.word, Some("next" | "following")) { 1 } else { -1 };
            let day = Some(Box::new(Raw::Shifted { unit: Unit::Day, by, anaphoric: true }));
            plain(Raw::Time { day, time: DayTime::Part(c.part_of_day?) })
        },
        examples: &[ex("On Dec. 5 he fell ill and appeared in court the next morning.", "the next morning", "2018-12-06TMO")],
    },
    Rule {
        name: "in_the_morning",
        // "orders placed in the morning": that part of the story's day.
        pattern: &[After(&["in", "during", "by"]), The, PartOfDay, NotFollowed(&["of"])],
        make: |c| {
            let day = Some(Box::new(Raw::Shifted { unit: Unit::Day, by: 0, anaphoric: true }));
            plain(Raw::Time { day, time: DayTime::Part(c.part_of_day?) })
        },
        examples: &[ex("On Dec. 5 dealers placed orders in the morning to", "the morning", "2018-12-05TMO")],
    },
    Rule {
        name: "last_night",
        pattern: &[W(&["last"]), W(&["night"])],
        make: |_| plain(Raw::Time { day: Some(Box::new(Raw::Deictic { days: -1 })), time: DayTime::Part(PartOfDay::Night) }),
        examples: &[ex("died last night at", "last night", "2018-12-12TNI")],
    },
    Rule {
        name: "clock_time",
        pattern: &[Opt(&[Approx]), Clock, Opt(&[AmPm]), Opt(&[Zone]), Opt(DAY_AFTER_TIME)],
        make: clock_time,
        examples: &[
            ex("at 15:30 the", "15:30", "2018-12-13T15:30"),
            // A bare time is on the day the story tells of.
            ex("On Dec. 5, 2018 the plant closed at 10:35 a.m. and", "10:35 a.m.", "2018-12-05T10:35"),
            ex("at 10:35 a.m. Tuesday", "10:35 a.m. Tuesday", "2018-12-11T10:35"),
            ex("talks resume at 9.30am today", "9.30am today", "2018-12-13T09:30"),
            ex("Updated 3:45 PM ET, Wed December 12, 2018", "3:45 PM ET, Wed December 12, 2018", "2018-12-12T15:45"),
            ex("Last modified on Thu 13 Dec 2018 09.30 GMT", "09.30 GMT", "2018-12-13T09:30"),
            no("won 3:2 at"),
            no("rose 9.30 percent"),
            no("rose 9.30 in Paris"),
            // A place in a recording, not a time of day; a time to the second is one.
            no("Kimberly (00:05:38): So that is one way"),
            no("[01:02:03] Chapter two"),
            ex("Generated: Thu 05 Mar 2026 08:36:05 AM EST", "08:36:05 AM EST", "2026-03-05T08:36"),
        ],
    },
    Rule {
        name: "hour_am_pm",
        pattern: &[Opt(&[Approx]), Hour, AmPm, Opt(&[Zone]), Opt(DAY_AFTER_TIME)],
        make: clock_time,
        examples: &[
            ex("at 3 p.m. the", "3 p.m.", "2018-12-13T15:00"),
            ex("The market opens at 3pm. Then", "3pm", "2018-12-13T15:00"),
            ex("at 3 p.m. EST, the", "3 p.m. EST", "2018-12-13T15:00"),
            ex("by 5 p.m. EST, Nov. 6", "5 p.m. EST, Nov. 6", "2018-11-06T17:00"),
            ex("at 10 p.m. Wednesday", "10 p.m. Wednesday", "2018-12-12T22:00"),
            no("I am 5 feet"),
        ],
    },
    Rule {
        name: "military_time",
        // Wire copy: "at 1400 GMT", "2200 GMT Tuesday".
        pattern: &[HourMinute, Zone, Opt(DAY_AFTER_TIME)],
        make: clock_time,
        examples: &[
            ex("The polls close at 2200 GMT.", "2200 GMT", "2018-12-13T22:00"),
            ex("talks began at 0930 GMT Tuesday", "0930 GMT Tuesday", "2018-12-11T09:30"),
            no("about 1400 EU citizens"),
        ],
    },
    Rule {
        name: "noon_midnight",
        pattern: &[
            NotAfter(&["high"]),
            W(&["noon", "midday", "midnight"]),
            Opt(&[Zone]),
            Opt(&[Alt(&[&[Opt(&[Shift]), Weekday], &[Deictic]])]),
        ],
        make: |c| {
            let hour = if c.word == Some("midnight") { 24 } else { 12 };
            plain(Raw::Time { day: day_of(c), time: DayTime::Clock { hour, minute: Some(0) } })
        },
        examples: &[
            ex("by noon Saturday", "noon Saturday", "2018-12-08T12:00"),
            ex("at noon the", "noon", "2018-12-13T12:00"),
            ex("released at noon ET on Wednesday", "noon ET", "2018-12-12T12:00"),
            no("for the people of Poland, high noon comes"),
        ],
    },
    Rule {
        name: "hour_in_the_part_of_day",
        pattern: &[Hour, W(&["in"]), W(&["the"]), PartOfDay],
        make: |c| {
            let h = c.hour?;
            let hour = match c.part_of_day? {
                PartOfDay::Afternoon | PartOfDay::Evening if h < 12 => h + 12,
                PartOfDay::Night if (6..12).contains(&h) => h + 12,
                _ => h,
            };
            plain(Raw::Time { day: None, time: DayTime::Clock { hour, minute: Some(0) } })
        },
        examples: &[ex("at 4 in the morning", "4 in the morning", "2018-12-13T04:00")],
    },
    // ---- relative: last week, two days ago, the following day ---------------
    Rule {
        name: "shifted_unit",
        // "the current year" keeps its article; "the next year" is another rule's (anaphoric).
        pattern: &[Opt(&[W(&["the"]), Followed(&["current"])]), Shift, Opt(&[Shift]), Opt(FISCAL), Unit],
        make: |c| {
            let unit = c.unit?;
            // "this past weekend", "this coming week": the second word says which.
            let by = c.shift?;
            if c.unit_plural || matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) {
                return None;
            }
            plain(Raw::Shifted { unit, by, anaphoric: false })
        },
        examples: &[
            ex("The arrest last week in Canada", "last week", "2018-W49"),
            ex("hit a low last month", "last month", "2018-11"),
            ex("due next year", "next year", "2019"),
            ex("rose this year", "this year", "2018"),
            ex("from the current year's figures", "the current year", "2018"),
            ex("profit for the current fiscal year rose", "the current fiscal year", "2018"),
            ex("a loss next fiscal year", "next fiscal year", "2019"),
            ex("this weekend the", "this weekend", "2018-W50-WE"),
            ex("this past weekend the", "this past weekend", "2018-W49-WE"),
            // "following" as a preposition: only "last month" is the time.
            ex("the week following last month's credit squeeze", "last month", "2018-11"),
        ],
    },
    Rule {
        name: "the_weekend",
        pattern: &[The, W(&["weekend"])],
        make: |_| plain(Raw::Shifted { unit: Unit::Weekend, by: 0, anaphoric: false }),
        examples: &[
            ex("said over the weekend that", "the weekend", "2018-W49-WE"),
            ex("will meet over the weekend", "the weekend", "2018-W50-WE"),
        ],
    },
    Rule {
        name: "anaphoric_unit",
        pattern: &[
            Alt(&[&[The, W(&["following", "next", "previous", "preceding", "prior", "same"])], &[W(&["that"]), Opt(&[W(&["same"])])]]),
            Unit,
        ],
        make: |c| {
            let unit = c.unit?;
            if c.unit_plural {
                return None;
            }
            let by = match c.word {
                Some("following" | "next") => 1,
                Some("previous" | "preceding" | "prior") => -1,
                _ => 0,
            };
            plain(Raw::Shifted { unit, by, anaphoric: true })
        },
        examples: &[
            ex("On Dec. 5 it said; the following day it", "the following day", "2018-12-06"),
            ex("On Dec. 5 it said; that same day it", "that same day", "2018-12-05"),
        ],
    },
    Rule {
        name: "unit_before_after",
        pattern: &[The, Unit, Alt(&[&[W(&["earlier", "later"])], &[W(&["before", "after"]), End]])],
        make: |c| {
            if c.unit_plural {
                return None;
            }
            let by = if matches!(c.word, Some("before" | "earlier")) { -1 } else { 1 };
            plain(Raw::Shifted { unit: c.unit?, by, anaphoric: true })
        },
        examples: &[
            ex("On Dec. 5 it said; the day before, it", "the day before", "2018-12-04"),
            ex("On Dec. 5 it said; the week after.", "the week after", "2018-W50"),
            no("He was seen the day before authorities issued a warrant"),
        ],
    },
    Rule {
        name: "offset_ago",
        pattern: &[
            Opt(&[Approx]),
            Alt(&[&[Num], &[Quant], &[W(&["a"]), Quant, Opt(&[W(&["of"])])]]),
            Unit,
            Opt(&[W(&["or"]), W(&["so"])]),
            Ago,
            // "three days later than planned" compares lengths: a duration.
            NotFollowed(&["than"]),
        ],
        make: |c| {
            let raw = Raw::Offset { unit: c.unit?, amount: amount(c), dir: c.ago?, anaphoric: c.anaphoric };
            Some((raw, c.approx))
        },
        examples: &[
            ex("two days ago the", "two days ago", "2018-12-11"),
            ex("a year ago the", "a year ago", "2017"),
            ex("three months ago", "three months ago", "2018-09"),
            ex("more than four decades ago", "more than four decades ago", "1978"),
            ex("On Dec. 5 it said; a week later it", "a week later", "2018-W50"),
            ex("several years ago", "several years ago", "PAST_REF"),
            ex("a week or so ago the", "a week or so ago", "2018-W49"),
            ex("it arrives on Dec. 20, three days later than planned", "three days", "P3D"),
        ],
    },
    Rule {
        name: "from_now",
        // "two weeks from now", "a year from today".
        pattern: &[Opt(&[Approx]), Alt(&[&[Num], &[Quant]]), Unit, W(&["from"]), W(&["now", "today"])],
        make: |c| Some((Raw::Offset { unit: c.unit?, amount: amount(c), dir: 1, anaphoric: false }, c.approx)),
        examples: &[
            // An offset keeps its unit's granularity, as "two weeks ago" does.
            ex("results come two weeks from now.", "two weeks from now", "2018-W52"),
            ex("A year from now, the rules change", "A year from now", "2019"),
        ],
    },
    Rule {
        name: "units_time",
        // "in two weeks' time", "in a year's time": British for "two weeks from now".
        pattern: &[Opt(&[Approx]), Alt(&[&[Num], &[Quant]]), Unit, J('\''), Opt(&[Tight(&W(&["s"]))]), W(&["time"])],
        make: |c| Some((Raw::Offset { unit: c.unit?, amount: amount(c), dir: 1, anaphoric: false }, c.approx)),
        examples: &[
            ex("The election is in two weeks' time.", "two weeks' time", "2018-W52"),
            ex("It will be built in a year's time.", "a year's time", "2019"),
            no("at the time"),
        ],
    },
    Rule {
        name: "day_before_yesterday",
        pattern: &[The, W(&["day"]), W(&["before", "after"]), Deictic],
        make: |c| {
            let by = if c.word == Some("before") { -1 } else { 1 };
            plain(Raw::Deictic { days: c.deictic? + by })
        },
        examples: &[
            ex("She arrived the day before yesterday.", "the day before yesterday", "2018-12-11"),
            ex("due the day after tomorrow", "the day after tomorrow", "2018-12-15"),
        ],
    },
    Rule {
        name: "unit_before_last",
        // "the week before last", "the year after next": two units back or ahead. The
        // phrase must end there: "the day before last Tuesday" counts from a Tuesday.
        pattern: &[The, Unit, W(&["before", "after"]), Shift, End],
        make: |c| {
            let by = match (c.word, c.shift) {
                (Some("before"), Some(-1)) => -2,
                (Some("after"), Some(1)) => 2,
                _ => return None,
            };
            if c.unit_plural {
                return None;
            }
            plain(Raw::Shifted { unit: c.unit?, by, anaphoric: false })
        },
        examples: &[
            ex("He resigned the week before last.", "the week before last", "2018-W48"),
            ex("The vote is due the month after next, officials said.", "the month after next", "2019-02"),
            no("the week before next"),
        ],
    },
    Rule {
        name: "part_of_that_unit",
        // "Staff were told in early 2020 …; by the end of that year": the unit the story
        // is in, as "that year" alone. (Before "part_of_the_unit", which would read
        // "that" as "the", at the same length.)
        pattern: &[The, Part, W(&["of"]), W(&["that"]), Unit],
        make: |c| {
            let unit = c.unit?;
            if c.unit_plural || !matches!(unit, Unit::Week | Unit::Month | Unit::Quarter | Unit::Year | Unit::Decade | Unit::Century) {
                return None;
            }
            Some((Raw::Shifted { unit, by: 0, anaphoric: true }, c.part))
        },
        examples: &[
            ex("Staff moved in 2020. The losses grew by the end of that year.", "the end of that year", "2020"),
            ex("On June 5, 2016 the plant opened; at the start of that month", "the start of that month", "2016-06"),
        ],
    },
    Rule {
        name: "part_of_the_unit",
        // "the end of the month", "the start of the year": the current one.
        // (The part is read by `Part`: a `W` here would be overwritten by "of".)
        pattern: &[The, Part, W(&["of"]), The, Unit],
        make: |c| {
            let unit = c.unit?;
            if c.unit_plural || !matches!(unit, Unit::Week | Unit::Month | Unit::Quarter | Unit::Year | Unit::Decade | Unit::Century) {
                return None;
            }
            // "In the 1990s … by the end of the decade": a decade or century with "the"
            // is the one the story is in.
            let anaphoric = matches!(unit, Unit::Decade | Unit::Century);
            Some((Raw::Shifted { unit, by: 0, anaphoric }, c.part))
        },
        examples: &[
            ex("due at the end of the month.", "the end of the month", "2018-12"),
            ex("In the 1990s the firm grew; by the end of the decade it was huge.", "the end of the decade", "199"),
            ex("By the end of the decade, emissions must fall.", "the end of the decade", "201"),
            ex("by the start of the year the", "the start of the year", "2018"),
            no("at the end of the days"),
        ],
    },
    Rule {
        name: "year_end",
        // "by year-end", "since year-end": the last day of the year, this one or the one before by tense.
        pattern: &[
            Opt(THE),
            W(&["year"]),
            Alt(&[&[J('-'), Tight(&W(&["end"]))], &[W(&["end"])], &[J('\''), Tight(&W(&["s"])), W(&["end"])]]),
        ],
        make: |_| plain(Raw::Named { what: Cyclic::MonthDay(12, 31), year: YearSpec::Implicit, shift: None }),
        examples: &[
            ex("complete the deal by year-end.", "year-end", "2018-12-31"),
            ex("The change is since year-end.", "year-end", "2017-12-31"),
            ex("to cut 6,000 jobs by year end.", "year end", "2018-12-31"),
            ex("should be in place by year's end.", "year's end", "2018-12-31"),
        ],
    },
    Rule {
        name: "earlier_in_the_unit",
        // "earlier in the year", "later in the month": the current one.
        pattern: &[W(&["earlier", "later"]), W(&["in"]), The, Unit],
        make: |c| {
            let unit = c.unit?;
            if c.unit_plural || !matches!(unit, Unit::Week | Unit::Month | Unit::Quarter | Unit::Year | Unit::Day) {
                return None;
            }
            plain(Raw::Shifted { unit, by: 0, anaphoric: true })
        },
        examples: &[ex("was delayed earlier in the year by rain", "earlier in the year", "2018")],
    },
    Rule {
        name: "units_before_event",
        // "in the weeks before the shooting": a stretch before an event (which is no date).
        // TimeML leaves the article out of the span, as most of TBAQ does.
        pattern: &[After(&["the", "those", "these"]), Unit, Followed(&["before", "after", "following", "leading", "since", "ahead"])],
        make: |c| {
            if !c.unit_plural {
                return None;
            }
            plain(Raw::Offset { unit: c.unit?, amount: Amount::Vague, dir: -1, anaphoric: true })
        },
        examples: &[ex("was seen in the weeks before the shooting", "weeks", "PAST_REF")],
    },
    Rule {
        name: "ordinal_day_of_month",
        // "the first week of March", "the second day of June 2019".
        pattern: &[Opt(THE), Ordinal, Unit, W(&["of"]), Month, Opt(&[Opt(&[P(',')]), Year])],
        make: |c| {
            let n = u32::try_from(c.ordinal?).ok().filter(|n| *n >= 1)?;
            let day = match c.unit? {
                Unit::Day if !c.unit_plural => n,
                Unit::Week if !c.unit_plural && n <= 4 => 1 + 7 * (n - 1),
                _ => return None,
            };
            let month = c.month?;
            NaiveDate::from_ymd_opt(2000, month, day)?;
            let named = month_day_in(c.year, month, day)?;
            plain(if c.unit == Some(Unit::Week) { Raw::WeekOf(Box::new(named)) } else { named })
        },
        examples: &[
            ex("The talks began in the first week of March 2018.", "the first week of March 2018", "2018-W09"),
            ex("on the second day of June, 2019, the", "the second day of June, 2019", "2019-06-02"),
        ],
    },
    Rule {
        name: "ordinal_day",
        // "the second day of an offensive", "his first day in office": a day of the story's,
        // taken as the day it is telling.
        pattern: &[Opt(THE), Ordinal, Unit, NotHyphenated],
        make: |c| {
            let unit = c.unit?;
            if c.unit_plural || !matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year) || c.ordinal? < 1 {
                return None;
            }
            plain(Raw::Shifted { unit, by: 0, anaphoric: true })
        },
        examples: &[
            ex("On Dec. 5, 2018 it was the second day of an offensive", "the second day", "2018-12-05"),
            ex("profit in the second quarter rose", "the second quarter", "2018-Q2"),
        ],
    },
    Rule {
        name: "for_a_while",
        // "for a while", "for some time", "for a long time": a length of no named unit.
        pattern: &[
            After(&["for"]),
            Alt(&[
                &[W(&["a"]), Opt(&[W(&["long", "short", "little"])]), W(&["while"])],
                &[W(&["a"]), W(&["long"]), W(&["time"])],
                &[W(&["some"]), W(&["time"])],
            ]),
        ],
        make: |_| plain(Raw::VagueDuration),
        examples: &[
            ex("will have to live without it for a while.", "a while", "PXX"),
            ex("could be in the region for some time.", "some time", "PXX"),
            no("for a time-out"),
        ],
    },
    Rule {
        name: "unit_long",
        // "a day-long meeting", "a decades-long battle", "an hour-long speech".
        pattern: &[Unit, J('-'), Tight(&W(&["long"]))],
        make: |c| {
            let amount = if c.unit_plural { Amount::Vague } else { Amount::N(1.0) };
            plain(Raw::Duration { amount, unit: c.unit? })
        },
        examples: &[ex("their third day-long meeting", "day-long", "P1D"), ex("the decades-long battle", "decades-long", "PXY")],
    },
    Rule {
        name: "month_shifted_year",
        // "in February this year", "June last year".
        pattern: &[Month, Shift, W(&["year"])],
        make: |c| plain(Raw::Named { what: Cyclic::Month(c.month?), year: YearSpec::Shift(c.shift?), shift: None }),
        examples: &[
            ex("began in February this year with", "February this year", "2018-02"),
            ex("since June last year the", "June last year", "2017-06"),
        ],
    },
    Rule {
        name: "week_of",
        // "the week of March 6": the ISO week holding that day.
        pattern: &[The, W(&["week"]), W(&["of"]), Alt(&[MONTH_DAY_YEAR, &[Month, Day]])],
        make: |c| {
            let day = day_of(c)?;
            plain(Raw::WeekOf(day))
        },
        examples: &[ex("a hearing the week of Dec. 17, the", "the week of Dec. 17", "2018-W51")],
    },
    Rule {
        name: "month_day_shifted_year",
        // "Jan. 1 next year", "March 3 last year".
        pattern: &[Month, Day, Opt(&[P(',')]), Shift, W(&["year"])],
        make: |c| {
            let (m, d) = (c.month?, c.day?);
            NaiveDate::from_ymd_opt(2000, m, d)?;
            plain(Raw::Named { what: Cyclic::MonthDay(m, d), year: YearSpec::Shift(c.shift?), shift: None })
        },
        examples: &[ex("apply from Jan. 1 next year.", "Jan. 1 next year", "2019-01-01")],
    },
    Rule {
        name: "early_late_this_unit",
        pattern: &[W(&["early", "late"]), Opt(&[W(&["in"])]), Alt(&[&[Shift], &[W(&["the"])]]), Unit],
        make: |c| {
            let unit = c.unit?;
            if c.unit_plural {
                return None;
            }
            let by = c.shift.unwrap_or(0);
            plain(Raw::Shifted { unit, by, anaphoric: false })
        },
        examples: &[ex("early this year the", "early this year", "2018"), ex("late last year", "late last year", "2017")],
    },
    // ---- durations ----------------------------------------------------------
    Rule {
        name: "duration",
        pattern: &[
            NotRate,
            Opt(THE),
            // "will last 24 hours": after a modal or "to", "last" is a verb.
            Opt(&[
                NotAfter(&["will", "would", "to", "can", "could", "may", "might", "should", "must", "not", "did", "does", "do", "t"]),
                Alt(&[&[Shift], &[W(&["first", "last", "final", "initial", "latest", "recent", "entire", "full", "whole"])]]),
            ]),
            Opt(&[Approx]),
            // "two to three weeks" reads the last number.
            Alt(&[&[Num, Opt(&[W(&["to", "or"]), Num])], &[Quant, Opt(&[W(&["of"])])], &[W(&["a"]), Quant, Opt(&[W(&["of"])])]]),
            Opt(AND_A_HALF),
            Opt(&[J('-')]),
            // "two more weeks", "eight trading days".
            Opt(&[W(&["more", "additional", "further", "extra", "straight", "consecutive", "trading", "business", "working"])]),
            Unit,
            Opt(AND_A_HALF),
            // An age is not a duration of the story.
            NotFollowed(&["old"]),
        ],
        make: duration,
        examples: &[
            ex("lasted 30 minutes", "30 minutes", "PT30M"),
            ex("for two years", "two years", "P2Y"),
            ex("a 24-hour strike", "24-hour", "PT24H"),
            ex("the 14-day waiting period", "14-day", "P14D"),
            ex("over the past five years", "the past five years", "P5Y"),
            ex("for a decade", "a decade", "P10Y"),
            ex("took 2 1/2 years", "2 1/2 years", "P2Y6M"),
            ex("for several months", "several months", "PXM"),
            ex("within the next two weeks", "the next two weeks", "P2W"),
            ex("The strike will last 24 hours.", "24 hours", "PT24H"),
            ex("The talks won't last two days.", "two days", "P2D"),
            ex("in the first nine months", "the first nine months", "P9M"),
            ex("for about two weeks", "two weeks", "P2W"),
            ex("for nearly two weeks", "nearly two weeks", "P2W"),
            ex("for more than two years", "more than two years", "P2Y"),
            ex("held at least 30 days", "at least 30 days", "P30D"),
            ex("in twenty-five years", "twenty-five years", "P25Y"),
            ex("a few days", "a few days", "PXD"),
            ex("within two to three weeks", "two to three weeks", "P3W"),
            ex("for two more weeks", "two more weeks", "P2W"),
            ex("for two and a half years", "two and a half years", "P2Y6M"),
            ex("took a minute and a half.", "a minute and a half", "PT1M30S"),
            ex("Eight trading days later", "Eight trading days", "P8D"),
            ex("over the next couple of years", "the next couple of years", "P2Y"),
            ex("for a year or two", "a year or two", "P1Y"),
            no("Mr. Schwarz, 52 years old, will"),
            no("A second group of directors"),
            ex("It took a second or two", "a second or two", "PT1S"),
            ex("It rose for two years", "two years", "P2Y"),
            no("a dividend of $1.76 a year"),
            no("creating 358,000 a month"),
            no("up from four flights a week"),
            no("1,200 jobs"),
            no("three-quarters of voters"),
            no("the F-35 jet"),
            no("a 7 nm chip"),
            no("COVID-19 cases"),
            no("$4.2 billion"),
            no("won 3-2 at home"),
            no("call 555-0123"),
            no("version 2.3.1"),
        ],
    },
    Rule {
        name: "duration_past_unit",
        // "the past year", "the last decade": a span reaching up to now.
        pattern: &[The, W(&["past", "last", "previous", "next", "coming", "following"]), Unit],
        make: |c| {
            if c.unit_plural {
                return None;
            }
            Some((Raw::Duration { amount: Amount::N(1.0), unit: c.unit? }, c.approx))
        },
        examples: &[ex("over the past decade", "the past decade", "P10Y")],
    },
    Rule {
        name: "vague_duration",
        // "for years", "within weeks".
        pattern: &[After(&["for", "within", "over", "in", "after", "took", "taken", "take", "last", "lasted"]), Unit],
        make: |c| {
            if !c.unit_plural {
                return None;
            }
            plain(Raw::Duration { amount: Amount::Vague, unit: c.unit? })
        },
        examples: &[ex("has lobbied for years", "years", "PXY")],
    },
    // ---- sets -----------------------------------------------------------------
    Rule {
        name: "set_word",
        pattern: &[NotRate, SetWord],
        make: |c| plain(Raw::Set(c.set?.to_string())),
        examples: &[
            ex("published weekly", "weekly", "P1W"),
            ex("paid annually", "annually", "P1Y"),
            no("sales should rise 8.5% annually"),
            no("a plant producing 10,000 units annually"),
        ],
    },
    Rule {
        name: "set_every",
        pattern: &[
            W(&["every", "each", "per"]),
            Opt(&[Alt(&[&[Num], &[W(&["other"])]])]),
            Alt(&[&[Unit], &[Weekday], &[MonthAlone], &[Season], &[PartOfDay]]),
        ],
        make: |c| {
            let every = match (c.num, c.word) {
                (Some(n), _) => n,
                (None, Some("other")) => 2.0,
                _ => 1.0,
            };
            let value = if let Some(u) = c.unit {
                super::resolve::duration_value(Amount::N(every), u)
            } else if let Some(w) = c.weekday {
                format!("XXXX-WXX-{w}")
            } else if let Some(m) = c.month {
                format!("XXXX-{m:02}")
            } else if let Some(s) = c.season {
                format!("XXXX-{}", s.code())
            } else {
                format!("XXXX-XX-XXT{}", c.part_of_day?.code())
            };
            plain(Raw::Set(value))
        },
        examples: &[
            ex("meets every Monday", "every Monday", "XXXX-WXX-1"),
            ex("held each year", "each year", "P1Y"),
            ex("every two weeks", "every two weeks", "P2W"),
            ex("each July the", "each July", "XXXX-07"),
        ],
    },
    Rule {
        name: "set_times_per",
        pattern: &[Alt(&[&[W(&["once", "twice", "thrice"])], &[Num, W(&["times"])]]), W(&["a", "an", "per", "each", "every"]), Unit],
        make: |c| plain(Raw::Set(super::resolve::duration_value(Amount::N(1.0), c.unit?))),
        examples: &[ex("meets twice a month", "twice a month", "P1M"), ex("three times a year", "three times a year", "P1Y")],
    },
    // ---- references -----------------------------------------------------------
    Rule {
        name: "soon",
        // "will soon begin": ahead of now. "as soon as" and "soon after" are conjunctions,
        // and "soon became", "was soon released" tell a story's past. "the soon-to-open
        // terminal" is an adjective.
        pattern: &[
            NotAfter(&["was", "were", "had"]),
            W(&["soon"]),
            NotHyphenated,
            NotFollowed(&["after", "afterward", "afterwards", "thereafter", "as", "became", "began", "followed"]),
        ],
        make: |_| plain(Raw::Ref(RefKind::Future)),
        examples: &[
            ex("it soon will begin selling", "soon", "FUTURE_REF"),
            ex("they may soon seek an indictment", "soon", "FUTURE_REF"),
            no("return the boy as soon as possible"),
            no("killed soon after being captured"),
            no("He was soon released and appeared well."),
            no("at the soon-to-open Terminal 3"),
        ],
    },
    Rule {
        name: "reference",
        pattern: &[Opt(&[W(&["right", "just", "more", "until"])]), Ref, NotDiscourseMarker],
        make: |c| {
            if c.word == Some("until") {
                return None;
            }
            plain(Raw::Ref(c.reference?))
        },
        examples: &[
            ex("is now under", "now", "PRESENT_REF"),
            ex("Now the board will", "Now", "PRESENT_REF"),
            no("It fell. Now, Ms. Conlin said, it"),
            ex("has recently", "recently", "PAST_REF"),
            ex("currently runs", "currently", "PRESENT_REF"),
            ex("right now the", "right now", "PRESENT_REF"),
        ],
    },
    Rule {
        name: "the_future_past",
        // "the future of our peoples" is a noun's fate, not a time.
        pattern: &[
            Opt(THE),
            Opt(&[W(&["near", "distant", "foreseeable", "immediate", "recent"])]),
            W(&["future", "past"]),
            NotFollowed(&["of"]),
        ],
        make: |c| {
            // Bare "future" is mostly an adjective ("future growth").
            let past = matches!(c.word, Some("past"));
            if !c.the {
                return None;
            }
            plain(Raw::Ref(if past { RefKind::Past } else { RefKind::Future }))
        },
        examples: &[
            ex("in the future the", "the future", "FUTURE_REF"),
            ex("in the near future", "the near future", "FUTURE_REF"),
            ex("in the past it", "the past", "PAST_REF"),
            no("important to the future of our peoples"),
        ],
    },
    Rule {
        name: "the_term",
        // "in the near term", "over the long term": the time ahead ("the long run" is an idiom).
        pattern: &[The, W(&["near", "short", "long", "longer"]), W(&["term"])],
        make: |_| plain(Raw::Ref(RefKind::Future)),
        examples: &[ex("profits in the near term will", "the near term", "FUTURE_REF"), no("a long-term plan"), no("in the long run")],
    },
    Rule {
        name: "units_ahead",
        // "the weeks ahead", "the months to come".
        pattern: &[The, Unit, Alt(&[&[W(&["ahead"])], &[W(&["to"]), W(&["come"])]])],
        make: |c| if c.unit_plural { plain(Raw::Ref(RefKind::Future)) } else { None },
        examples: &[
            ex("in the weeks ahead the", "the weeks ahead", "FUTURE_REF"),
            ex("for the years to come", "the years to come", "FUTURE_REF"),
        ],
    },
    Rule {
        name: "a_later_date",
        pattern: &[W(&["a"]), W(&["later", "future"]), W(&["date"])],
        make: |_| plain(Raw::Ref(RefKind::Future)),
        examples: &[ex("postponed to a later date.", "a later date", "FUTURE_REF")],
    },
    Rule {
        name: "recent_units",
        pattern: &[Opt(THE), W(&["recent", "coming", "upcoming", "past"]), Unit],
        make: |c| {
            if !c.unit_plural {
                return None;
            }
            let r = if c.word == Some("recent") || c.word == Some("past") { RefKind::Past } else { RefKind::Future };
            plain(Raw::Ref(r))
        },
        examples: &[ex("in recent years the", "recent years", "PAST_REF"), ex("in the coming months", "the coming months", "FUTURE_REF")],
    },
    Rule {
        name: "current_adjective",
        // TimeML reads "current" before a noun as the present ("current market conditions").
        pattern: &[W(&["current"]), WordFollows],
        make: |_| plain(Raw::Ref(RefKind::Present)),
        examples: &[
            ex("because of current market conditions", "current", "PRESENT_REF"),
            no("the current was strong"),
            no("against the current."),
        ],
    },
    Rule {
        name: "these_days",
        pattern: &[W(&["these"]), W(&["days"])],
        make: |_| plain(Raw::Ref(RefKind::Present)),
        examples: &[ex("these days the", "these days", "PRESENT_REF")],
    },
];

/// Every literal word the rules mention, so the scanner can flag them.
pub fn literal_words() -> Vec<&'static str> {
    let mut out = Vec::new();
    for r in RULES {
        super::pattern::literal_words_of(r.pattern, &mut out);
    }
    out.extend(["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]);
    out.extend(["est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "et", "pt", "ct", "z", "jst"]);
    out.extend(["am", "pm", "a", "p", "m", "q", "h", "s"]);
    // Words the matcher's helpers compare against (approximations, "a.m."), so that
    // their first-token class test in `pattern::could_start` sees them.
    out.extend(["more", "less", "fewer", "shorter", "longer", "than", "at", "least", "most", "up", "to", "no", "just", "over", "under"]);
    // First words of the multi-word hedges ("more than", "at least", "up to").
    out.extend(["more", "longer", "less", "fewer", "shorter", "at", "up", "no", "just"]);
    out
}

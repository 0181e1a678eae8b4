//! A small pattern language over tokens, in which the rules are written.
//!
//! A pattern is a slice of [`E`] elements. Each element matches one or a few
//! tokens and, where it means something, records its reading in a named field of
//! [`Caps`] (`caps.month`, `caps.day`, `caps.unit` …): the rules' productions read
//! those fields, never numbered groups. `Opt` and `Alt` backtrack, so a pattern
//! reads like the phrase it matches:
//!
//! ```text
//! [Opt(&[Weekday, Opt(&[P(',')])]), Month, Day, Opt(&[P(',')]), Year]   "Tuesday, Dec. 5, 2018"
//! ```

use super::lexicon::{Lexicon, RefKind, Unit};
use super::scan::{Gap, Kind, Token, token_is};
use super::value::{Mod, PartOfDay, Season};

/// One pattern element.
#[derive(Debug, Clone, Copy)]
pub enum E {
    /// A month name, capitalised; an abbreviation may carry its period ("Dec.").
    Month,
    /// A month name spelled out, or an abbreviation with its period: safe alone.
    MonthAlone,
    /// A month number 1–12.
    MonthNum,
    /// A day of the month: "5", "5th", "fifth", "twenty-first".
    Day,
    /// A day of the month as bare digits, inside a numeric date ("12/05/2018").
    DayNum,
    /// A quarter code: "Q3", "3Q".
    QuarterCode,
    /// The previous token is one of these words (it is context, not part of the match).
    After(&'static [&'static str]),
    /// The match ends here: no word follows on the same line ("the day before." but
    /// not "the day before authorities issued", where the anchor is an event).
    End,
    /// A lower-case word follows (context, not part of the match): "current" as an adjective.
    WordFollows,
    /// One of these words follows (context, not part of the match): "the year" before "ended".
    Followed(&'static [&'static str]),
    /// None of these words follows: "52 years" but not "52 years old".
    NotFollowed(&'static [&'static str]),
    /// The previous token is none of these words: "noon" but not "high noon".
    NotAfter(&'static [&'static str]),
    /// Not "a"/"an" or "annually" right after an amount: "$1.76 a year", "358,000 a
    /// month" and "rise 8.5% annually" are rates.
    NotRate,
    /// Not right after a capitalised name inside a sentence: "Vision 2030", "Euro 2024".
    NotAfterName,
    /// Not right after a capitalised name, even one opening a sentence: the month in
    /// "Theresa May said" is a surname.
    NotSurname,
    /// Not "'s" and a generic noun: "today's youth" is the present age, not a day.
    NotContemporary,
    /// Not "of" and another period than a year: "the first half of the decade", "the
    /// fourth quarter of the game" (but "the third quarter of $226 million" passes).
    NotOfAnotherPeriod,
    /// The word just read is not a sentence's opening "Now," (a discourse marker).
    NotDiscourseMarker,
    /// The word just read does not start a hyphenated compound ("day-long").
    NotHyphenated,
    /// A four-digit year, or "'98".
    Year,
    /// A four-digit year standing alone, where a bare number must look like a year.
    BareYear,
    /// A two- or four-digit year in a numeric date.
    NumYear,
    /// A capitalised weekday name (abbreviations need their period).
    Weekday,
    /// A quantity: digits ("2.5", "2 1/2", "1,000"), number words ("twenty-five"), "a"/"an".
    Num,
    /// An ordinal: "third", "3rd".
    Ordinal,
    /// A time unit ("days", "year").
    Unit,
    /// "last" / "this" / "next" and their kin.
    Shift,
    /// "today", "yesterday", "tomorrow", "tonight".
    Deictic,
    /// "now", "recently", "soon".
    Ref,
    /// "early", "mid", "late", "end" …
    Part,
    /// A hedge on a quantity: "about", "more than", "at least", "up to".
    Approx,
    /// "ago", "earlier", "later", "before", "after".
    Ago,
    PartOfDay,
    Season,
    /// "daily", "weekly" …
    SetWord,
    /// "several", "few", "couple".
    Quant,
    /// A holiday name ("Christmas", "New Year's Day").
    Holiday,
    /// "the", "that", "these", "those".
    The,
    /// Clock time "15:30".
    Clock,
    /// An hour 1–12 before a.m./p.m.
    Hour,
    /// A four-digit 24-hour time, "1400": a rule must follow it with a time zone
    /// ("1400 GMT"), since alone it reads as a number or a year.
    HourMinute,
    /// "a.m.", "pm" …
    AmPm,
    /// A time zone abbreviation.
    Zone,
    /// "1990s", "'90s", "nineties".
    Decade,
    /// One of these words, case-insensitively.
    W(&'static [&'static str]),
    /// This punctuation character.
    P(char),
    /// This punctuation character, written tight against the previous token.
    J(char),
    /// The element, written tight against the previous token.
    Tight(&'static E),
    /// An optional sequence.
    Opt(&'static [E]),
    /// The first alternative sequence that lets the rest match.
    Alt(&'static [&'static [E]]),
}

impl E {
    /// A context element looks at the tokens around it without consuming any.
    pub fn is_context(&self) -> bool {
        matches!(
            self,
            E::After(_)
                | E::End
                | E::WordFollows
                | E::Followed(_)
                | E::NotFollowed(_)
                | E::NotAfter(_)
                | E::NotDiscourseMarker
                | E::NotHyphenated
                | E::NotRate
                | E::NotAfterName
                | E::NotSurname
                | E::NotContemporary
                | E::NotOfAnotherPeriod
        )
    }
}

/// Declares the captures from one list, twice: wide in [`Caps`], which the rules'
/// productions read, and narrow in [`Slots`], which matching fills. Backtracking
/// copies the slots at every optional part it tries, so they are kept small enough
/// for the copy to stay in registers rather than call `memcpy` (a test holds them
/// to 128 bytes); the wide form is made once a pattern has matched.
macro_rules! captures {
    ($( $(#[$doc:meta])* $name:ident: $wide:ty => $narrow:ty, )*) => {
        /// What a pattern's elements read, by name.
        #[derive(Debug, Clone, Copy, Default)]
        pub struct Caps {
            $( $(#[$doc])* pub $name: $wide, )*
        }

        /// The captures while matching: [`Caps`] with narrow numbers.
        #[derive(Debug, Clone, Copy, Default)]
        pub struct Slots {
            $( pub $name: $narrow, )*
        }

        impl Slots {
            pub fn caps(&self) -> Caps {
                Caps { $( $name: Widen::widen(self.$name), )* }
            }
        }
    };
}

/// A narrow capture's wide reading (or the same value, where both are one type).
trait Widen<T> {
    fn widen(self) -> T;
}

impl<T> Widen<T> for T {
    fn widen(self) -> T {
        self
    }
}

impl Widen<Option<u32>> for Option<u8> {
    fn widen(self) -> Option<u32> {
        self.map(u32::from)
    }
}

impl Widen<Option<i32>> for Option<i8> {
    fn widen(self) -> Option<i32> {
        self.map(i32::from)
    }
}

impl Widen<Option<usize>> for Option<u16> {
    fn widen(self) -> Option<usize> {
        self.map(usize::from)
    }
}

captures! {
    year: Option<i32> => Option<i32>,
    month: Option<u32> => Option<u8>,
    day: Option<u32> => Option<u8>,
    weekday: Option<u32> => Option<u8>,
    weekday_plural: bool => bool,
    num: Option<f64> => Option<f64>,
    unit: Option<Unit> => Option<Unit>,
    unit_plural: bool => bool,
    ordinal: Option<i32> => Option<i32>,
    shift: Option<i32> => Option<i8>,
    /// Two shifts ("this coming Sunday") keep the first here.
    shift2: Option<i32> => Option<i8>,
    deictic: Option<i32> => Option<i8>,
    reference: Option<RefKind> => Option<RefKind>,
    part: Option<Mod> => Option<Mod>,
    approx: Option<Mod> => Option<Mod>,
    ago: Option<i32> => Option<i8>,
    /// The offset word counts from the narrative time ("earlier", "later"), not the document date ("ago").
    anaphoric: bool => bool,
    part_of_day: Option<PartOfDay> => Option<PartOfDay>,
    season: Option<Season> => Option<Season>,
    set: Option<&'static str> => Option<&'static str>,
    quant: Option<u8> => Option<u8>,
    holiday: Option<usize> => Option<u16>,
    hour: Option<u32> => Option<u8>,
    minute: Option<u32> => Option<u8>,
    pm: Option<bool> => Option<bool>,
    zone: bool => bool,
    decade: Option<i32> => Option<i32>,
    the: bool => bool,
    /// The literal word last matched by a `W` element (lower-case as written in the rule).
    word: Option<&'static str> => Option<&'static str>,
}

pub struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
}

const ORDINAL_SUFFIXES: [&str; 4] = ["st", "nd", "rd", "th"];
const ZONES: [&str; 18] =
    ["est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "et", "pt", "ct", "z", "jst"];
/// Nouns for people and things in general: "today's youth", "the cars of tomorrow"
/// speak of an age, not of a day.
#[rustfmt::skip]
const GENERIC_NOUNS: [&str; 31] = [
    "world", "youth", "young", "society", "generation", "children", "kids", "teenagers", "economy", "markets", "culture",
    "standards", "technology", "computers", "politics", "media", "families", "workers", "consumers", "women", "men",
    "people", "students", "parents", "americans", "europeans", "global", "modern", "fast", "cars", "leaders",
];
const DECADE_WORD_LIST: [&str; 8] = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];
/// The first words of the hedges [`Ctx::approx`] reads as more than one word.
const HEDGE_FIRST_WORDS: [&str; 9] = ["more", "longer", "less", "fewer", "shorter", "at", "up", "no", "just"];
const DECADE_WORDS: [(&str, i32); 8] =
    [("twenties", 2), ("thirties", 3), ("forties", 4), ("fifties", 5), ("sixties", 6), ("seventies", 7), ("eighties", 8), ("nineties", 9)];

/// The year a number of two or four digits writes in a numeric date or a quarter code:
/// "98" is 1998, "05" is 2005. (A year after an apostrophe, "'98", is read by `Ctx::year`.)
fn year_of_digits(t: &Token) -> i32 {
    let y = t.num as i32;
    match (t.digits, y) {
        (4, _) => y,
        (_, 0..50) => 2000 + y,
        _ => 1900 + y,
    }
}

impl<'a> Ctx<'a> {
    #[inline]
    pub(super) fn tok(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i)
    }

    /// A token joined to the previous one with no space.
    #[inline]
    fn tight(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.gap == Gap::None)
    }

    /// The token at `i` is one of these words (case-insensitively).
    pub fn word_is(&self, i: usize, words: &[&str]) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Word && words.iter().any(|w| token_is(t, self.text, w)))
    }

    /// A number token that is not glued to letters or further digits ("4G", "F-35", "3.5").
    fn plain_number(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        if t.kind != Kind::Number {
            return false;
        }
        if i > 0 {
            let prev = &self.toks[i - 1];
            // "$2", "F-35", "COVID-19", "#3", "v2": glued on the left.
            if t.gap == Gap::None && (prev.kind == Kind::Word || prev.kind == Kind::Number) {
                return false;
            }
            if t.gap == Gap::None && prev.kind == Kind::Punct {
                let c = char::from_u32(prev.num).unwrap_or(' ');
                if matches!(c, '$' | '£' | '€' | '¥' | '#' | '.' | ',' | '/' | ':' | '+' | '-')
                    && i >= 2
                    && self.toks[i - 2].gap == Gap::None
                    && self.toks[i - 2].kind != Kind::Punct
                {
                    return false;
                }
                if matches!(c, '$' | '£' | '€' | '¥' | '#') {
                    return false;
                }
            }
        }
        if let Some(next) = self.tok(i + 1)
            && next.gap == Gap::None
        {
            if next.kind == Kind::Number {
                return false;
            }
            if next.is_punct('%') {
                return false;
            }
            // "3,000", "3.5", "3:45", "3-2": part of a bigger number, a time or a score.
            if (next.is_punct(',') || next.is_punct('.') || next.is_punct(':'))
                && self.tok(i + 2).is_some_and(|n| n.kind == Kind::Number && n.gap == Gap::None)
            {
                return false;
            }
        }
        true
    }

    /// A number followed by an ordinal suffix ("5th"), or a plain number. Returns (value, next index).
    fn number_with_suffix(&self, i: usize) -> Option<(u32, usize, bool)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Number || !self.plain_number_left(i) {
            return None;
        }
        if let Some(n) = self.tok(i + 1)
            && n.gap == Gap::None
            && n.kind == Kind::Word
        {
            if ORDINAL_SUFFIXES.iter().any(|s| token_is(n, self.text, s)) {
                return Some((t.num, i + 2, true));
            }
            return None;
        }
        if !self.plain_number(i) {
            return None;
        }
        Some((t.num, i + 1, false))
    }

    /// Only the left-hand checks of [`Self::plain_number`].
    fn plain_number_left(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        let t = &self.toks[i];
        let prev = &self.toks[i - 1];
        if t.gap != Gap::None {
            return true;
        }
        match prev.kind {
            // The "T" of an ISO 8601 date and time, "2018-12-05T14:30".
            Kind::Word => {
                prev.text(self.text).eq_ignore_ascii_case("t") && prev.gap == Gap::None && i >= 2 && self.toks[i - 2].kind == Kind::Number
            }
            Kind::Number => false,
            Kind::Punct => !matches!(char::from_u32(prev.num), Some('$' | '£' | '€' | '¥' | '#' | '.' | ',' | '/' | ':')),
        }
    }

    fn ordinal_word(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        let lex = t.lex();
        // "twenty-first", "thirty first".
        if let Some(tens) = lex.cardinal.filter(|v| *v == 20 || *v == 30) {
            let mut j = i + 1;
            if self.tok(j).is_some_and(|t| t.is_punct('-') && t.gap == Gap::None) {
                j += 1;
            }
            if let Some(o) = self.tok(j).and_then(|t| t.lex().ordinal).filter(|o| (1..=9).contains(o)) {
                return Some((tens as i32 + o as i32, j + 1));
            }
        }
        lex.ordinal.filter(|o| *o > 0).map(|o| (o as i32, i + 1))
    }

    /// A cardinal number in words: "five", "twenty-five", "twenty five", "two hundred".
    fn cardinal_words(&self, i: usize) -> Option<(f64, usize)> {
        let v = self.tok(i)?.lex().cardinal? as f64;
        let mut j = i + 1;
        let mut value = v;
        if (20.0..100.0).contains(&v) && (v as u32).is_multiple_of(10) {
            let k = if self.tok(j).is_some_and(|t| t.is_punct('-') && t.gap == Gap::None) { j + 1 } else { j };
            if let Some(u) = self.tok(k).and_then(|t| t.lex().cardinal).filter(|u| (1..=9).contains(u)) {
                value += u as f64;
                j = k + 1;
            }
        }
        if self.word_is(j, &["hundred"]) {
            value *= 100.0;
            j += 1;
        } else if self.word_is(j, &["thousand"]) {
            value *= 1000.0;
            j += 1;
        }
        Some((value, j))
    }

    /// Digits with an optional decimal part, thousands separators, or a following fraction.
    fn digit_number(&self, i: usize) -> Option<(f64, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Number || !self.plain_number_left(i) {
            return None;
        }
        let mut value = t.num as f64;
        let mut j = i + 1;
        // "1,000": groups of three digits.
        while self.tok(j).is_some_and(|c| c.is_punct(',') && c.gap == Gap::None)
            && self.tok(j + 1).is_some_and(|n| n.kind == Kind::Number && n.gap == Gap::None && n.digits == 3)
        {
            value = value * 1000.0 + self.toks[j + 1].num as f64;
            j += 2;
        }
        // "2.5"
        if self.tok(j).is_some_and(|c| c.is_punct('.') && c.gap == Gap::None)
            && let Some(n) = self.tok(j + 1).filter(|n| n.kind == Kind::Number && n.gap == Gap::None)
        {
            value += n.num as f64 / 10f64.powi(n.digits as i32);
            j += 2;
        }
        // "2 1/2", "1/2"
        if let (Some(a), Some(s), Some(b)) = (self.tok(j), self.tok(j + 1), self.tok(j + 2))
            && a.kind == Kind::Number
            && s.is_punct('/')
            && s.gap == Gap::None
            && b.kind == Kind::Number
            && b.gap == Gap::None
            && b.num > a.num
            && b.num <= 16
            && self.tok(j + 3).is_none_or(|n| n.gap != Gap::None || n.is_punct('-'))
        {
            value += a.num as f64 / b.num as f64;
            j += 3;
        }
        // Glued to letters or digits on the right: "4G", "7nm", "3-2".
        if let Some(n) = self.tok(j)
            && n.gap == Gap::None
            && (n.kind != Kind::Punct || n.is_punct('%') || (n.is_punct('-') && self.tok(j + 1).is_some_and(|m| m.kind == Kind::Number)))
        {
            return None;
        }
        Some((value, j))
    }

    fn approx(&self, i: usize) -> Option<(Mod, usize)> {
        let t = self.tok(i)?;
        let two = |a: &[&str], b: &[&str]| self.word_is(i, a) && self.word_is(i + 1, b);
        if two(&["more", "longer"], &["than"]) {
            return Some((Mod::MoreThan, i + 2));
        }
        if two(&["less", "fewer", "shorter"], &["than"]) {
            return Some((Mod::LessThan, i + 2));
        }
        if two(&["at"], &["least"]) {
            return Some((Mod::EqualOrMore, i + 2));
        }
        if two(&["at"], &["most"]) || two(&["up"], &["to"]) || two(&["no"], &["more"]) {
            return Some((Mod::EqualOrLess, i + 2));
        }
        if two(&["just"], &["over"]) {
            return Some((Mod::MoreThan, i + 2));
        }
        if two(&["just"], &["under"]) {
            return Some((Mod::LessThan, i + 2));
        }
        t.lex().approx.map(|m| (m, i + 1))
    }

    fn holiday(&self, i: usize) -> Option<(usize, usize)> {
        let t = self.tok(i)?;
        if !t.lex().holiday || !t.capitalized() {
            return None;
        }
        let mut best: Option<(usize, usize)> = None;
        for (h_idx, h) in Lexicon::get().holidays.iter().enumerate() {
            let n = h.words.len();
            let fits = h.words.iter().enumerate().all(|(k, w)| self.tok(i + k).is_some_and(|t| token_is(t, self.text, w)));
            if fits && best.is_none_or(|(_, end)| i + n > end) {
                best = Some((h_idx, i + n));
            }
        }
        best
    }

    /// Consumes a period right after an abbreviation ("Dec.", "Tues.").
    fn abbrev_dot(&self, i: usize, word_len: usize, full_len: usize) -> usize {
        if word_len < full_len && self.tok(i + 1).is_some_and(|t| t.is_punct('.') && t.gap == Gap::None) { i + 2 } else { i + 1 }
    }

    fn month(&self, i: usize, alone: bool) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        let m = t.lex().month;
        if m == 0 || !t.capitalized() {
            return None;
        }
        let len = t.text(self.text).len();
        let full = MONTH_LEN[m as usize - 1];
        let next = self.abbrev_dot(i, len, full);
        if alone && len < full && next == i + 1 {
            // A bare "Mar" or "Jan" is more often a name than a month.
            return None;
        }
        // "the annual March for Life", "the March of the Mothers": a march, named.
        if alone
            && m == 3
            && i > 0
            && self.word_is(i - 1, &["the", "a", "annual", "s"])
            && self.word_is(i + 1, &["for", "of", "on", "to", "against", "through"])
            && !self.tok(i + 2).is_some_and(|n| n.kind == Kind::Number)
        {
            return None;
        }
        Some((m as u32, next))
    }

    fn weekday(&self, i: usize) -> Option<(u32, bool, usize)> {
        let t = self.tok(i)?;
        let lex = t.lex();
        if lex.weekday == 0 || !t.capitalized() {
            return None;
        }
        let len = t.text(self.text).len();
        if let Some(n) = self.tok(i + 1)
            && n.gap == Gap::Space
            && n.capitalized()
            && !is_time_word(n.lex())
            && !self.abbreviation_like(i + 1)
        {
            return None;
        }
        if lex.weekday_plural {
            return Some((lex.weekday as u32, true, i + 1));
        }
        let full = WEEKDAY_LEN[lex.weekday as usize - 1];
        let next = self.abbrev_dot(i, len, full);
        // "Wed" alone may be a verb and "Sun" a star; with a date after it ("Wed 12 Dec
        // 2018", "Sat, Dec 15") it is a dateline's weekday.
        if len < full && next == i + 1 && !self.date_follows(i + 1) {
            return None;
        }
        Some((lex.weekday as u32, false, next))
    }

    /// A day and month start at `i`, after an optional comma: "12 Dec", "December 12".
    fn date_follows(&self, mut i: usize) -> bool {
        if self.tok(i).is_some_and(|c| c.is_punct(',')) {
            i += 1;
        }
        let month = |k: usize| self.tok(k).is_some_and(|t| t.capitalized() && t.lex().month != 0);
        let day = |k: usize| self.tok(k).is_some_and(|t| t.kind == Kind::Number && t.digits <= 2);
        month(i) && day(i + 1) || day(i) && month(i + 1)
    }

    /// "EST", "GMT": all-capital short words, which may follow a weekday.
    fn abbreviation_like(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.text(self.text).len() <= 4 && t.text(self.text).bytes().all(|b| b.is_ascii_uppercase()))
    }

    fn year(&self, i: usize, bare: bool) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        // "'98"
        if t.is_punct('\'') {
            let n = self.tok(i + 1)?;
            if n.kind == Kind::Number && n.digits == 2 && n.gap == Gap::None && self.plain_number(i + 1) && !bare {
                let y = n.num as i32;
                return Some((if y < 30 { 2000 + y } else { 1900 + y }, i + 2));
            }
            return None;
        }
        // Spoken years in transcripts: "nineteen ninety-six".
        if t.kind == Kind::Word && t.lex().cardinal == Some(19) {
            let (n, j) = self.cardinal_words(i + 1)?;
            return (10.0..=99.0).contains(&n).then_some((1900 + n as i32, j));
        }
        if t.kind != Kind::Number || t.digits != 4 || !self.plain_number(i) {
            return None;
        }
        let y = t.num as i32;
        let range = if bare { 1900..=2099 } else { 1000..=2999 };
        if !range.contains(&y) {
            return None;
        }
        Some((y, i + 1))
    }

    fn decade(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        if let Some(&(_, d)) = DECADE_WORDS.iter().find(|(w, _)| token_is(t, self.text, w)) {
            return Some((190 + d, i + 1));
        }
        let (num, digits, j) = if t.is_punct('\'') {
            let n = self.tok(i + 1).filter(|n| n.gap == Gap::None && n.kind == Kind::Number)?;
            (n.num, 2, i + 2)
        } else if t.kind == Kind::Number && self.plain_number_left(i) {
            (t.num, t.digits, i + 1)
        } else {
            return None;
        };
        if !(digits == 2 || digits == 4) || !num.is_multiple_of(10) {
            return None;
        }
        // "in his 30s", "in her early 40s": an age.
        if digits == 2 && t.kind == Kind::Number {
            let mut p = i.checked_sub(1);
            if p.is_some_and(|p| self.toks[p].lex().part.is_some()) {
                p = p.and_then(|p| p.checked_sub(1));
            }
            if p.is_some_and(|p| self.word_is(p, &["his", "her", "their", "my", "our", "your"])) {
                return None;
            }
        }
        // "1990s" or "1990's"
        let k = if self.tok(j).is_some_and(|a| a.is_punct('\'') && a.gap == Gap::None) { j + 1 } else { j };
        let s = self.tok(k)?;
        if s.gap != Gap::None || !token_is(s, self.text, "s") {
            return None;
        }
        let decade = if digits == 4 { num as i32 / 10 } else { 190 + num as i32 / 10 };
        Some((decade, k + 1))
    }

    fn am_pm(&self, i: usize) -> Option<(bool, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let pm = if token_is(t, self.text, "am") {
            false
        } else if token_is(t, self.text, "pm") {
            true
        } else if token_is(t, self.text, "a") || token_is(t, self.text, "p") {
            // "a.m." / "p.m" as four or three tokens.
            let dot = self.tok(i + 1).filter(|d| d.is_punct('.') && d.gap == Gap::None)?;
            let _ = dot;
            let m = self.tok(i + 2).filter(|m| m.gap == Gap::None && token_is(m, self.text, "m"))?;
            let _ = m;
            let pm = token_is(t, self.text, "p");
            // The last period belongs to the sentence when one ends there ("at 6 a.m. The …").
            let ends_sentence = self.tok(i + 4).is_none_or(|n| {
                n.gap == Gap::Newline || (n.capitalized() && n.lex().weekday == 0 && n.lex().month == 0 && !self.abbreviation_like(i + 4))
            });
            let dot = self.tok(i + 3).is_some_and(|d| d.is_punct('.') && d.gap == Gap::None);
            let end = if dot && !ends_sentence { i + 4 } else { i + 3 };
            return Some((pm, end));
        } else {
            return None;
        };
        // "3pm." ends a sentence far more often than it abbreviates: the period is left out.
        Some((pm, i + 1))
    }

    /// A time zone abbreviation: "GMT", "EST" (upper case only: "est" and "Pt" are words).
    fn zone(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            t.kind == Kind::Word
                && t.text(self.text).bytes().all(|b| b.is_ascii_uppercase())
                && ZONES.iter().any(|z| token_is(t, self.text, z))
        })
    }

    fn clock(&self, i: usize) -> Option<(u32, u32, usize)> {
        let h = self.tok(i)?;
        let c = self.tok(i + 1)?;
        let m = self.tok(i + 2)?;
        // "15:30"; "9.30am" and "09.30 GMT" (British) only with a.m./p.m. or a time
        // zone after them, where "9.30" is no decimal.
        let separator = c.is_punct(':') || c.is_punct('.') && (self.am_pm(i + 3).is_some() || self.zone(i + 3));
        if h.kind != Kind::Number
            || h.digits > 2
            || !self.plain_number_left(i)
            || !separator
            || c.gap != Gap::None
            || m.kind != Kind::Number
            || m.gap != Gap::None
            || m.digits != 2
            || h.num > 24
            || m.num > 59
        {
            return None;
        }
        // "15:30:12" seconds are read and dropped; "3:45 a.m." keeps going in the pattern.
        let mut end = i + 3;
        if self.tok(end).is_some_and(|c| c.is_punct(':') && c.gap == Gap::None)
            && self.tok(end + 1).is_some_and(|s| s.kind == Kind::Number && s.digits == 2)
        {
            end += 2;
        }
        if self.tok(end).is_some_and(|n| n.gap == Gap::None && (n.kind == Kind::Number || n.is_punct(':'))) {
            return None;
        }
        // "Kimberly (00:05:38): So…": a time to the second in brackets marks a place in
        // a recording (a transcript, a video's chapters), not a time of day.
        let bracket = |t: Option<&Token>, c: [char; 2]| t.is_some_and(|t| t.is_punct(c[0]) || t.is_punct(c[1]));
        if end == i + 5
            && h.gap == Gap::None
            && i > 0
            && bracket(self.tok(i - 1), ['(', '['])
            && self.tok(end).is_some_and(|t| t.gap == Gap::None)
            && bracket(self.tok(end), [')', ']'])
        {
            return None;
        }
        Some((h.num, m.num, end))
    }
}

/// Words that can follow a weekday in a date ("Friday night", "Monday, Dec. 5").
fn is_time_word(lex: &super::lexicon::Lex) -> bool {
    lex.month != 0 || lex.part_of_day.is_some() || lex.deictic.is_some() || lex.unit.is_some() || lex.holiday
}

const MONTH_LEN: [usize; 12] = [7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8];
const WEEKDAY_LEN: [usize; 7] = [6, 7, 9, 8, 6, 8, 6];

/// Words that may open a year or month in a title-case headline ("Sales Rise In 2019"),
/// so are no names.
const HEADLINE_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "by",
    "from",
    "until",
    "for",
    "of",
    "on",
    "at",
    "to",
    "and",
    "or",
    "through",
    "after",
    "before",
    "during",
    "than",
    "circa",
    "fiscal",
    "year",
    "between",
    "throughout",
    "around",
    "about",
    "till",
];

/// Whether token `i` follows a capitalised name: a capitalised word that is no time
/// word and none of the prepositions of a title-case headline ("Sales Rise In 2019").
/// A word opening a sentence counts only with `at_sentence_start`.
fn after_name(ctx: &Ctx<'_>, i: usize, at_sentence_start: bool) -> bool {
    let Some(p) = i.checked_sub(1) else { return false };
    let prev = &ctx.toks[p];
    let sentence_start = p == 0
        || prev.gap == Gap::Newline
        || ctx.toks[p - 1].kind == Kind::Punct && ['.', '!', '?', '"', '\'', '(', ':'].iter().any(|&c| ctx.toks[p - 1].is_punct(c));
    prev.capitalized()
        && ctx.tok(i).is_some_and(|t| t.gap == Gap::Space)
        && (at_sentence_start || !sentence_start)
        && prev.lex().mask & !(first::LIT | first::CARD) == 0
        && !ctx.word_is(p, HEADLINE_PREPOSITIONS)
}

/// A context element: looks at the tokens around `i` without consuming any, and
/// holds at the end of the text too. Returns `Some(i)` when the context fits.
fn look(ctx: &Ctx<'_>, e: &E, i: usize) -> Option<usize> {
    match *e {
        E::End => match ctx.tok(i) {
            Some(n) if n.kind == Kind::Word && n.gap != Gap::Newline => None,
            _ => Some(i),
        },
        E::NotFollowed(words) => (!ctx.word_is(i, words)).then_some(i),
        E::NotAfter(words) => (!i.checked_sub(1).is_some_and(|p| ctx.word_is(p, words))).then_some(i),
        E::NotHyphenated => {
            let compound = ctx.tok(i).is_some_and(|h| h.is_punct('-') && h.gap == Gap::None)
                && ctx.tok(i + 1).is_some_and(|w| w.kind == Kind::Word && w.gap == Gap::None);
            (!compound).then_some(i)
        }
        E::NotDiscourseMarker => {
            let marker = i >= 1
                && ctx.word_is(i - 1, &["now"])
                && ctx.tok(i).is_some_and(|c| c.is_punct(','))
                && (i == 1 || ctx.toks[i - 1].gap == Gap::Newline || {
                    let before = &ctx.toks[i - 2];
                    before.kind == Kind::Punct && ['.', '!', '?', '"', '`', '\''].iter().any(|&c| before.is_punct(c))
                });
            (!marker).then_some(i)
        }
        E::NotContemporary => {
            let generic = |k: usize| ctx.word_is(k, &GENERIC_NOUNS);
            // "today's youth", "today's personal computers" (an adjective may come first).
            let possessive = ctx.tok(i).is_some_and(|a| a.is_punct('\'') && a.gap == Gap::None) && ctx.word_is(i + 1, &["s"]);
            // "the people of tomorrow".
            let of_generic = i >= 3 && ctx.word_is(i - 2, &["of"]) && generic(i - 3);
            (!(possessive && (generic(i + 2) || generic(i + 3)) || of_generic)).then_some(i)
        }
        E::NotOfAnotherPeriod => {
            let of_the = ctx.word_is(i, &["of"]) && ctx.word_is(i + 1, &["the", "a", "an", "its", "his", "her", "their", "this", "that"]);
            let other = of_the && !ctx.word_is(i + 2, &["year", "fiscal", "financial", "calendar", "current", "same", "previous", "prior"]);
            (!other).then_some(i)
        }
        E::WordFollows => match ctx.tok(i) {
            // A noun, not a verb or a function word: "the current was strong" is water.
            Some(n)
                if n.kind == Kind::Word
                    && n.gap != Gap::Newline
                    && !n.capitalized()
                    && !ctx.word_is(
                        i,
                        &["was", "is", "were", "are", "has", "had", "of", "and", "or", "that", "which", "in", "to", "for", "from"],
                    ) =>
            {
                Some(i)
            }
            _ => None,
        },
        E::After(words) => {
            let prev = i.checked_sub(1)?;
            ctx.word_is(prev, words).then_some(i)
        }
        E::Followed(words) => ctx.word_is(i, words).then_some(i),
        E::NotAfterName => (!after_name(ctx, i, false)).then_some(i),
        E::NotSurname => (!after_name(ctx, i, true)).then_some(i),
        E::NotRate => {
            let amount = |p: usize| {
                let prev = &ctx.toks[p];
                prev.kind == Kind::Number
                    || prev.is_punct('%')
                    || prev.lex().cardinal.is_some()
                    || ctx.word_is(p, &["million", "billion", "trillion", "thousand", "hundred", "percent", "cents", "dollars"])
            };
            // "$2 a year", "358,000 a month", and "four flights a week" (an amount of something);
            // "rise 8.5% annually", "10,000 units annually".
            let rate = ctx.tok(i).is_some_and(|t| t.lex().article || t.lex().set.is_some())
                && i.checked_sub(1).is_some_and(|p| {
                    amount(p)
                        || (ctx.toks[p].kind == Kind::Word
                            && !ctx.toks[p].capitalized()
                            && ctx.toks[p].text(ctx.text).ends_with('s')
                            && p.checked_sub(1).is_some_and(amount))
                });
            (!rate).then_some(i)
        }
        _ => unreachable!("only context elements are looked at"),
    }
}

/// Matches one element at token `i`; returns the index after it.
fn elem(ctx: &Ctx<'_>, e: &E, i: usize, caps: &mut Slots) -> Option<usize> {
    if e.is_context() {
        return look(ctx, e, i);
    }
    let t = ctx.tok(i)?;
    match *e {
        E::Month | E::MonthAlone => {
            let (m, j) = ctx.month(i, matches!(e, E::MonthAlone))?;
            caps.month = Some(m as u8);
            Some(j)
        }
        E::MonthNum => {
            if t.kind != Kind::Number || t.digits > 2 || !(1..=12).contains(&t.num) {
                return None;
            }
            caps.month = Some(t.num as u8);
            Some(i + 1)
        }
        E::Day => {
            if let Some((d, j, _)) = ctx.number_with_suffix(i) {
                if !(1..=31).contains(&d) || t.digits > 2 {
                    return None;
                }
                caps.day = Some(d as u8);
                return Some(j);
            }
            let (o, j) = ctx.ordinal_word(i)?;
            if !(1..=31).contains(&o) {
                return None;
            }
            caps.day = Some(o as u8);
            Some(j)
        }
        E::Year | E::BareYear => {
            let (y, j) = ctx.year(i, matches!(e, E::BareYear))?;
            caps.year = Some(y);
            Some(j)
        }
        E::DayNum => {
            if t.kind != Kind::Number || t.digits > 2 || !(1..=31).contains(&t.num) {
                return None;
            }
            caps.day = Some(t.num as u8);
            Some(i + 1)
        }
        E::QuarterCode => {
            let n = ctx.tok(i + 1).filter(|n| n.gap == Gap::None)?;
            // The letter is "Q" for a quarter or "H" for a half; `caps.word` says which.
            let letter = |w: &Token| ["q", "h"].into_iter().find(|l| w.capitalized() && token_is(w, ctx.text, l));
            let (q, letter) = match (t.kind, n.kind) {
                (Kind::Word, Kind::Number) => (n.num, letter(t)?),
                (Kind::Number, Kind::Word) => (t.num, letter(n)?),
                _ => return None,
            };
            // Analysts' "2Q18": the year written tight after the letter.
            let year = ctx
                .tok(i + 2)
                .filter(|y| t.kind == Kind::Number && y.kind == Kind::Number && y.gap == Gap::None && (y.digits == 2 || y.digits == 4))
                .filter(|_| ctx.tok(i + 3).is_none_or(|x| x.gap != Gap::None || x.kind == Kind::Punct));
            let end = if year.is_some() { i + 3 } else { i + 2 };
            if !(1..=4).contains(&q) || ctx.tok(end).is_some_and(|x| x.gap == Gap::None && x.kind != Kind::Punct) {
                return None;
            }
            if let Some(y) = year {
                caps.year = Some(year_of_digits(y));
            }
            caps.ordinal = Some(q as i32);
            caps.word = Some(letter);
            Some(end)
        }
        E::NumYear => {
            if t.kind != Kind::Number || !(t.digits == 2 || t.digits == 4) {
                return None;
            }
            caps.year = Some(year_of_digits(t));
            Some(i + 1)
        }
        E::Weekday => {
            let (w, plural, j) = ctx.weekday(i)?;
            caps.weekday = Some(w as u8);
            caps.weekday_plural = plural;
            Some(j)
        }
        E::Num => {
            if let Some((v, j)) = ctx.digit_number(i) {
                caps.num = Some(v);
                return Some(j);
            }
            if t.lex().article {
                caps.num = Some(1.0);
                return Some(i + 1);
            }
            let (v, j) = ctx.cardinal_words(i)?;
            caps.num = Some(v);
            Some(j)
        }
        E::Ordinal => {
            if let Some((v, j, true)) = ctx.number_with_suffix(i) {
                caps.ordinal = Some(v as i32);
                return Some(j);
            }
            let (o, j) = ctx.ordinal_word(i)?;
            caps.ordinal = Some(o);
            Some(j)
        }
        E::Unit => {
            let lex = t.lex();
            // "second-half", "year-ago": the unit starts a compound, not a quantity
            // (but "day-long" is a length of time).
            if ctx.tok(i + 1).is_some_and(|h| h.is_punct('-') && h.gap == Gap::None)
                && ctx.tok(i + 2).is_some_and(|w| w.kind == Kind::Word && w.gap == Gap::None)
                && !ctx.word_is(i + 2, &["long"])
            {
                return None;
            }
            // "three-quarters" is a fraction; compounds take the singular ("24-hour").
            if lex.unit_plural && i > 0 && ctx.toks[i - 1].is_punct('-') && t.gap == Gap::None {
                return None;
            }
            // "a quarter of the staff" is a fraction.
            if lex.unit == Some(Unit::Quarter) && !lex.unit_plural && ctx.word_is(i + 1, &["of"]) {
                return None;
            }
            // "a second group", "a second term": the ordinal, before a noun.
            if lex.unit == Some(Unit::Second)
                && !lex.unit_plural
                && i > 0
                && ctx.toks[i - 1].lex().article
                && ctx.tok(i + 1).is_some_and(|n| n.kind == Kind::Word && n.gap != Gap::Newline)
                && !ctx.word_is(i + 1, &["later", "earlier", "ago", "before", "after", "longer", "or", "and", "to", "of", "in", "the"])
            {
                return None;
            }
            caps.unit = Some(lex.unit?);
            caps.unit_plural = lex.unit_plural;
            Some(i + 1)
        }
        E::Shift => {
            let s = t.lex().shift?;
            if caps.shift.is_some() {
                // Two in a row only after "this": "this coming Sunday", "this past
                // weekend"; in "the week following last month's", "following" is a preposition.
                if caps.shift != Some(0) {
                    return None;
                }
                caps.shift2 = caps.shift;
            }
            caps.shift = Some(s);
            Some(i + 1)
        }
        E::Deictic => {
            caps.deictic = Some(t.lex().deictic?);
            Some(i + 1)
        }
        E::Ref => {
            caps.reference = Some(t.lex().reference?);
            Some(i + 1)
        }
        E::Part => {
            caps.part = Some(t.lex().part?);
            Some(i + 1)
        }
        E::Approx => {
            let (m, j) = ctx.approx(i)?;
            caps.approx = Some(m);
            Some(j)
        }
        E::Ago => {
            // "13 days after the bombings": measured from an event, not a date.
            if (token_is(t, ctx.text, "after") || token_is(t, ctx.text, "before"))
                && ctx.tok(i + 1).is_some_and(|n| n.kind == Kind::Word && n.gap != Gap::Newline)
            {
                return None;
            }
            caps.ago = Some(t.lex().ago?);
            caps.anaphoric = !token_is(t, ctx.text, "ago");
            Some(i + 1)
        }
        E::PartOfDay => {
            caps.part_of_day = Some(t.lex().part_of_day?);
            Some(i + 1)
        }
        E::Season => {
            let season = t.lex().season?;
            // "prices fall", "spring up": the verbs need a determiner or a year to be seasons.
            if (token_is(t, ctx.text, "fall") || token_is(t, ctx.text, "spring"))
                && !(i > 0 && (ctx.toks[i - 1].lex().shift.is_some() || ctx.toks[i - 1].lex().the || ctx.toks[i - 1].lex().part.is_some()))
                && !ctx.word_is(i.wrapping_sub(1), &["in", "during", "by", "until", "since", "each", "every", "of"])
                && !ctx.tok(i + 1).is_some_and(|n| n.kind == Kind::Number)
            {
                return None;
            }
            caps.season = Some(season);
            Some(i + 1)
        }
        E::SetWord => {
            caps.set = Some(t.lex().set?);
            Some(i + 1)
        }
        E::Quant => {
            caps.quant = Some(t.lex().quant?);
            Some(i + 1)
        }
        E::Holiday => {
            let (h, j) = ctx.holiday(i)?;
            caps.holiday = Some(h as u16);
            Some(j)
        }
        E::The => {
            if !t.lex().the {
                return None;
            }
            caps.the = true;
            Some(i + 1)
        }
        E::Clock => {
            let (h, m, j) = ctx.clock(i)?;
            caps.hour = Some(h as u8);
            caps.minute = Some(m as u8);
            Some(j)
        }
        E::Hour => {
            if t.kind != Kind::Number || t.digits > 2 || !(1..=12).contains(&t.num) || !ctx.plain_number_left(i) {
                return None;
            }
            caps.hour = Some(t.num as u8);
            Some(i + 1)
        }
        E::HourMinute => {
            if t.kind != Kind::Number || t.digits != 4 || t.num / 100 > 23 || t.num % 100 > 59 || !ctx.plain_number_left(i) {
                return None;
            }
            if ctx.tok(i + 1).is_some_and(|n| n.gap == Gap::None) {
                return None;
            }
            caps.hour = Some((t.num / 100) as u8);
            caps.minute = Some((t.num % 100) as u8);
            Some(i + 1)
        }
        E::AmPm => {
            let (pm, j) = ctx.am_pm(i)?;
            caps.pm = Some(pm);
            Some(j)
        }
        E::Zone => ctx.zone(i).then(|| {
            caps.zone = true;
            i + 1
        }),
        E::Decade => {
            let (d, j) = ctx.decade(i)?;
            caps.decade = Some(d);
            Some(j)
        }
        E::P(c) => t.is_punct(c).then_some(i + 1),
        E::J(c) => (t.is_punct(c) && t.gap == Gap::None).then_some(i + 1),
        // `compile` turns literal words, tight and optional parts and alternatives into nodes.
        E::W(_) | E::Tight(_) | E::Opt(_) | E::Alt(_) => unreachable!("compiled into nodes"),
        _ => unreachable!("context elements are looked at, not matched"),
    }
}

/// A pattern element compiled for matching. Rules are written as [`E`], for
/// reading; [`compile`] turns them, once, into nodes in which a literal word is a
/// lexicon index (compared as a number, not as text) and every optional or
/// alternative part carries the first-token classes it can start with, so that
/// an absent part is skipped without saving the captures.
#[derive(Debug, Clone, Copy)]
pub enum Node {
    /// Any element but `W`, `Tight`, `Opt` and `Alt`.
    Leaf(E),
    /// Literal words: their lexicon indices, and the words themselves for `caps.word`.
    W(&'static [u16], &'static [&'static str]),
    Tight(&'static Node),
    /// An optional sequence and its first-token classes.
    Opt(&'static [Node], u32),
    /// Alternatives, their first-token classes, and whether one can match nothing.
    Alt(&'static [&'static [Node]], u32, bool),
}

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

/// Compiles a pattern. Done once per rule for the life of the process (the
/// nodes are leaked on purpose: they are as static as the rules).
pub fn compile(pat: &'static [E]) -> &'static [Node] {
    leak(pat.iter().map(compile_elem).collect())
}

fn compile_elem(e: &'static E) -> Node {
    match e {
        E::W(words) => {
            let lexicon = Lexicon::get();
            // Every literal word is put in the lexicon (`rules::literal_words`); a
            // test checks that none is dropped here.
            let (ids, kept): (Vec<u16>, Vec<&'static str>) = words.iter().filter_map(|w| Some((lexicon.index_of(w)?, *w))).unzip();
            Node::W(leak(ids), leak(kept))
        }
        E::Tight(inner) => Node::Tight(Box::leak(Box::new(compile_elem(inner)))),
        E::Opt(inner) => Node::Opt(compile(inner), first::seq(inner).0),
        E::Alt(alts) => {
            let (mask, nullable) = first::elem_classes(e);
            Node::Alt(leak(alts.iter().map(|a| compile(a)).collect()), mask, nullable)
        }
        e => Node::Leaf(*e),
    }
}

#[inline]
fn node(ctx: &Ctx<'_>, n: &Node, i: usize, caps: &mut Slots) -> Option<usize> {
    match n {
        Node::Leaf(e) => elem(ctx, e, i, caps),
        Node::W(ids, words) => {
            let t = ctx.tok(i)?;
            if t.kind != Kind::Word {
                return None;
            }
            let k = ids.iter().position(|&id| id == t.lex)?;
            caps.word = Some(words[k]);
            Some(i + 1)
        }
        Node::Tight(inner) => {
            if !ctx.tight(i) {
                return None;
            }
            node(ctx, inner, i, caps)
        }
        Node::Opt(..) | Node::Alt(..) => seq(ctx, std::slice::from_ref(n), i, caps),
    }
}

/// Matches a whole compiled pattern at token `i`, backtracking over `Opt` and `Alt`.
pub fn seq(ctx: &Ctx<'_>, pat: &[Node], i: usize, caps: &mut Slots) -> Option<usize> {
    let Some((first, rest)) = pat.split_first() else { return Some(i) };
    match first {
        Node::Opt(inner, mask) => {
            // Most optional parts are absent: skip them without saving the captures.
            if !starts(ctx, *mask, i) {
                return seq(ctx, rest, i, caps);
            }
            let saved = *caps;
            if let Some(j) = seq(ctx, inner, i, caps)
                && j > i
                && let Some(k) = seq(ctx, rest, j, caps)
            {
                return Some(k);
            }
            *caps = saved;
            seq(ctx, rest, i, caps)
        }
        Node::Alt(alternatives, mask, nullable) => {
            if !nullable && !starts(ctx, *mask, i) {
                return None;
            }
            let saved = *caps;
            for alt in *alternatives {
                if let Some(j) = seq(ctx, alt, i, caps)
                    && let Some(k) = seq(ctx, rest, j, caps)
                {
                    return Some(k);
                }
                *caps = saved;
            }
            None
        }
        n => {
            let j = node(ctx, n, i, caps)?;
            seq(ctx, rest, j, caps)
        }
    }
}

/// Whether the token at `i` has one of the classes in `mask`.
#[inline]
fn starts(ctx: &Ctx<'_>, mask: u32, i: usize) -> bool {
    ctx.toks.get(i).is_some_and(|t| mask & first::token_mask(t) != 0)
}

/// Every literal word in a pattern, for marking them in the lexicon.
pub fn literal_words_of(pat: &[E], out: &mut Vec<&'static str>) {
    for e in pat {
        match e {
            E::W(words) => out.extend_from_slice(words),
            E::Tight(inner) => literal_words_of(std::slice::from_ref(inner), out),
            E::Opt(inner) => literal_words_of(inner, out),
            E::Alt(alts) => alts.iter().for_each(|a| literal_words_of(a, out)),
            _ => {}
        }
    }
}

/// Token classes, as bits: what a token can be, and what a pattern can start with.
/// Comparing the two skips every rule that cannot match at a token, before any matching.
pub mod first {
    use super::super::lexicon::{Lex, Lexicon};
    use super::super::scan::{Kind, Token};
    use super::E;

    pub const MONTH: u32 = 1;
    pub const WEEKDAY: u32 = 1 << 1;
    pub const NUMBER: u32 = 1 << 2;
    pub const CARD: u32 = 1 << 3;
    pub const UNIT: u32 = 1 << 4;
    pub const SHIFT: u32 = 1 << 5;
    pub const DEICTIC: u32 = 1 << 6;
    pub const REF: u32 = 1 << 7;
    pub const PART: u32 = 1 << 8;
    pub const APPROX: u32 = 1 << 9;
    pub const AGO: u32 = 1 << 10;
    pub const POD: u32 = 1 << 11;
    pub const SEASON: u32 = 1 << 12;
    pub const SET: u32 = 1 << 13;
    pub const QUANT: u32 = 1 << 14;
    pub const HOLIDAY: u32 = 1 << 15;
    pub const THE: u32 = 1 << 16;
    pub const LIT: u32 = 1 << 17;
    pub const APOS: u32 = 1 << 18;
    pub const PUNCT: u32 = 1 << 19;
    /// "a", "an": a quantity of one, and always a single token (unlike "twenty-five").
    pub const ARTICLE: u32 = 1 << 20;
    /// The first word of a hedge read as two words: "more (than)", "at (least)".
    pub const HEDGE: u32 = 1 << 21;

    /// What the token can be.
    pub fn token_mask(t: &Token) -> u32 {
        match t.kind {
            Kind::Number => NUMBER,
            Kind::Punct => PUNCT | if t.is_punct('\'') { APOS } else { 0 },
            Kind::Word => t.lex().mask,
        }
    }

    /// What a word with this lexicon entry can be.
    pub fn lex_mask(l: &Lex) -> u32 {
        let mut m = 0;
        let mut set = |cond: bool, bit: u32| {
            if cond {
                m |= bit
            }
        };
        set(l.month != 0, MONTH);
        set(l.weekday != 0, WEEKDAY);
        set(l.cardinal.is_some() || l.ordinal.is_some(), CARD);
        set(l.article, ARTICLE);
        set(super::HEDGE_FIRST_WORDS.contains(&l.word), HEDGE);
        set(l.unit.is_some(), UNIT);
        set(l.shift.is_some(), SHIFT);
        set(l.deictic.is_some(), DEICTIC);
        set(l.reference.is_some(), REF);
        set(l.part.is_some(), PART);
        set(l.approx.is_some(), APPROX);
        set(l.ago.is_some(), AGO);
        set(l.part_of_day.is_some(), POD);
        set(l.season.is_some(), SEASON);
        set(l.set.is_some(), SET);
        set(l.quant.is_some(), QUANT);
        set(l.holiday, HOLIDAY);
        set(l.the, THE);
        set(l.literal, LIT);
        m
    }

    /// A set of rules (bits in rule order) for each kind of token: per lexicon
    /// entry for words, one set each for numbers, apostrophes and other punctuation.
    struct Table {
        by_entry: Vec<u128>,
        number: u128,
        punct: u128,
        apos: u128,
    }

    impl Table {
        fn build(rules_with: impl Fn(u32) -> u128) -> Table {
            let lexicon = Lexicon::get();
            Table {
                by_entry: (0..lexicon.len()).map(|i| rules_with(lex_mask(lexicon.entry_at(i as u16)))).collect(),
                number: rules_with(NUMBER),
                punct: rules_with(PUNCT),
                apos: rules_with(PUNCT | APOS),
            }
        }

        #[inline]
        fn get(&self, t: &Token) -> u128 {
            match t.kind {
                Kind::Number => self.number,
                Kind::Punct if t.is_punct('\'') => self.apos,
                Kind::Punct => self.punct,
                Kind::Word => self.by_entry[t.lex as usize],
            }
        }
    }

    /// Which rules to try at a token, decided by tables built once from the
    /// rules' patterns, so that a token is tried only against rules it can start:
    /// - by the first token: the rules whose first word it can be ("the", "this")
    ///   rather than every rule that starts with some literal word;
    /// - by the second token: after "the" or "a", taken as one token, the next
    ///   token must be able to continue the rule ("the third quarter" but not
    ///   "the company"). Rules that can end after one token, and tokens an element
    ///   may read together with the next ("Dec." "twenty-five"), are never cut.
    pub struct Dispatch {
        first: Table,
        /// Rules the second token cannot rule out, given the first.
        unfiltered: Table,
        /// Rules the token can be the second token of.
        second: Table,
    }

    impl Dispatch {
        pub fn build(rules: &[&[E]]) -> Dispatch {
            assert!(rules.len() <= 128, "the dispatch table holds 128 rules");
            let lexicon = Lexicon::get();
            let firsts: Vec<(u32, Vec<&'static str>)> = rules
                .iter()
                .map(|p| {
                    let mut words = Vec::new();
                    let (mask, _) = seq_words(p, &mut words);
                    (mask, words)
                })
                .collect();
            let follows: Vec<Follow> = rules.iter().map(|p| follow(p)).collect();
            let rules_where =
                |f: &dyn Fn(usize) -> bool| -> u128 { (0..rules.len()).filter(|&r| f(r)).fold(0, |acc, r| acc | (1u128 << r)) };
            let mut first = Table::build(|m| rules_where(&|r| firsts[r].0 & m != 0));
            for (r, (_, words)) in firsts.iter().enumerate() {
                for w in words {
                    let idx = lexicon.index_of(w).expect("every literal word is in the lexicon");
                    first.by_entry[idx as usize] |= 1u128 << r;
                }
            }
            let mut unfiltered = Table::build(|m| rules_where(&|r| follows[r].open || follows[r].multi & m != 0));
            for (r, f) in follows.iter().enumerate() {
                for w in &f.multi_words {
                    let idx = lexicon.index_of(w).expect("every word an element reads is in the lexicon");
                    unfiltered.by_entry[idx as usize] |= 1u128 << r;
                }
            }
            let mut second = Table::build(|m| rules_where(&|r| follows[r].second & m != 0));
            for (r, f) in follows.iter().enumerate() {
                for w in &f.second_words {
                    let idx = lexicon.index_of(w).expect("every literal word is in the lexicon");
                    second.by_entry[idx as usize] |= 1u128 << r;
                }
            }
            Dispatch { first, unfiltered, second }
        }

        /// The rules worth trying at token `i`.
        #[inline]
        pub fn rules_at(&self, toks: &[Token], i: usize) -> u128 {
            let t = &toks[i];
            let candidates = self.first.get(t);
            if candidates == 0 {
                return 0;
            }
            let second = toks.get(i + 1).map_or(0, |n| self.second.get(n));
            candidates & (self.unfiltered.get(t) | second)
        }
    }

    /// What can follow a pattern's first token, when an element takes that token alone.
    #[derive(Default)]
    struct Follow {
        /// The classes the second token can have.
        second: u32,
        /// A match may be one token long: the second token says nothing.
        open: bool,
        /// First-token classes an element may read together with the tokens after
        /// it: for such a token the second token is not where `second` says.
        multi: u32,
        /// Words an element may read together with the tokens after them ("at least").
        multi_words: Vec<&'static str>,
        /// Literal words the second token can be ("the corresponding period", "the
        /// first Tuesday"): named, not the whole literal class.
        second_words: Vec<&'static str>,
    }

    fn follow(pat: &[E]) -> Follow {
        let mut f = Follow::default();
        walk_first(&[pat], &mut f);
        f
    }

    /// Walks every way a match can take its first token, `conts` being the
    /// sequences still to match, in order.
    fn walk_first(conts: &[&[E]], f: &mut Follow) {
        let Some(k) = conts.iter().position(|s| !s.is_empty()) else {
            // The pattern can match nothing: a zero-length match is never kept.
            return;
        };
        let (e, rest) = conts[k].split_first().expect("non-empty");
        let mut next: Vec<&[E]> = vec![rest];
        next.extend_from_slice(&conts[k + 1..]);
        let with = |inner: &'static [E]| -> Vec<&[E]> { std::iter::once(inner).chain(next.iter().copied()).collect() };
        match e {
            E::Opt(inner) => {
                walk_first(&next, f);
                walk_first(&with(inner), f);
            }
            E::Alt(alts) => alts.iter().for_each(|a| walk_first(&with(a), f)),
            e if e.is_context() => walk_first(&next, f),
            E::Tight(inner) => walk_first(&with(std::slice::from_ref(*inner)), f),
            leaf => {
                let (classes, words) = multi_token(leaf);
                f.multi |= classes;
                f.multi_words.extend_from_slice(words);
                let (second, nullable) = first_of(&next, &mut f.second_words);
                f.second |= second;
                f.open |= nullable;
            }
        }
    }

    /// The classes of the first token of a sequence of sequences, and whether all can
    /// match nothing; literal words go to `words`.
    fn first_of(conts: &[&[E]], words: &mut Vec<&'static str>) -> (u32, bool) {
        let mut mask = 0;
        for s in conts {
            let (m, nullable) = seq_words(s, words);
            mask |= m;
            if !nullable {
                return (mask, false);
            }
        }
        (mask, true)
    }

    /// The first tokens for which a leaf element may take more than one token: by
    /// class, and by word where only some words of a class do (a literal class that
    /// held "the" would leave every rule after "the" unfiltered).
    fn multi_token(e: &E) -> (u32, &'static [&'static str]) {
        match e {
            // "Dec.", "Tues.": the period is part of the element.
            E::Month | E::MonthAlone | E::Weekday => (MONTH | WEEKDAY, &[]),
            // "5th", "twenty-first", "2.5", "1,000", "twenty-five".
            E::Day | E::Ordinal | E::Num => (NUMBER | CARD, &[]),
            // "'98", "nineteen ninety-six".
            E::Year | E::BareYear => (APOS | CARD, &[]),
            // "more than", "at least", "just over".
            E::Approx => (0, &super::HEDGE_FIRST_WORDS),
            // "15:30", "a.m.", "1990s", "'90s", "Q3", "3Q", "New Year's Day".
            E::Clock => (NUMBER, &[]),
            E::AmPm => (0, &["a", "p"]),
            E::Decade => (NUMBER | APOS, &[]),
            E::QuarterCode => (NUMBER, &["q", "h"]),
            E::Holiday => (HOLIDAY, &[]),
            E::Tight(inner) => multi_token(inner),
            E::Opt(_) | E::Alt(_) => (u32::MAX, &[]),
            _ => (0, &[]),
        }
    }

    /// (the first-token classes, whether the element can match nothing). With
    /// `words`, a literal word element adds its words there instead of the whole
    /// literal class.
    fn elem(e: &E, mut words: Option<&mut Vec<&'static str>>) -> (u32, bool) {
        // For the dispatch table, an element that starts with particular words
        // names them, so that only those words try the rule: the whole literal
        // class would send every "the" and "a" to rules that begin "Q3" or "1990s".
        if let Some(words) = words.as_deref_mut() {
            let (classes, named): (u32, &[&'static str]) = match e {
                E::W(ws) => (0, ws),
                E::Approx => (APPROX, &super::HEDGE_FIRST_WORDS),
                E::AmPm => (0, &["am", "pm", "a", "p"]),
                E::Zone => (0, &super::ZONES),
                E::Decade => (NUMBER | APOS, &super::DECADE_WORD_LIST),
                E::QuarterCode => (NUMBER, &["q", "h"]),
                _ => (u32::MAX, &[]),
            };
            if classes != u32::MAX {
                words.extend_from_slice(named);
                return (classes, false);
            }
        }
        match e {
            E::Month | E::MonthAlone => (MONTH, false),
            E::MonthNum | E::DayNum | E::NumYear | E::Clock | E::Hour | E::HourMinute => (NUMBER, false),
            E::Day | E::Ordinal => (NUMBER | CARD, false),
            E::Num => (NUMBER | CARD | ARTICLE, false),
            E::Year | E::BareYear => (NUMBER | APOS | CARD, false),
            E::Weekday => (WEEKDAY, false),
            E::Unit => (UNIT, false),
            E::Shift => (SHIFT, false),
            E::Deictic => (DEICTIC, false),
            E::Ref => (REF, false),
            E::Part => (PART, false),
            E::Approx => (APPROX | HEDGE, false),
            E::Ago => (AGO, false),
            E::PartOfDay => (POD, false),
            E::Season => (SEASON, false),
            E::SetWord => (SET, false),
            E::Quant => (QUANT, false),
            E::Holiday => (HOLIDAY, false),
            E::The => (THE, false),
            E::AmPm | E::Zone | E::W(_) => (LIT, false),
            E::Decade => (NUMBER | APOS | LIT, false),
            E::QuarterCode => (NUMBER | LIT, false),
            // An apostrophe is a class of its own: "1990's" must not send every "1990,".
            E::P(c) | E::J(c) => (if *c == '\'' { APOS } else { PUNCT }, false),
            E::Tight(inner) => elem(inner, words),
            E::Opt(inner) => (seq_with(inner, words).0, true),
            E::Alt(alts) => alts.iter().map(|a| seq_with(a, words.as_deref_mut())).fold((0, false), |(m, n), (am, an)| (m | am, n || an)),
            // The rest look without consuming: they can match nothing. (The dispatch table
            // is built at start-up, so an element missing above fails every test.)
            e => {
                assert!(e.is_context(), "{e:?} has no first-token classes");
                (0, true)
            }
        }
    }

    /// The classes one element's first token can have, and whether it can match nothing.
    pub fn elem_classes(e: &E) -> (u32, bool) {
        elem(e, None)
    }

    /// The classes a pattern's first token can have.
    pub fn seq(pat: &[E]) -> (u32, bool) {
        seq_with(pat, None)
    }

    /// Like [`seq`], but a literal word element adds its words to `words` instead
    /// of the whole literal class.
    pub fn seq_words(pat: &[E], words: &mut Vec<&'static str>) -> (u32, bool) {
        seq_with(pat, Some(words))
    }

    fn seq_with(pat: &[E], mut words: Option<&mut Vec<&'static str>>) -> (u32, bool) {
        let mut mask = 0;
        for e in pat {
            let (m, nullable) = elem(e, words.as_deref_mut());
            mask |= m;
            if !nullable {
                return (mask, false);
            }
        }
        (mask, true)
    }
}

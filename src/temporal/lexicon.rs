//! The tagger's word lists, loaded once from the TSV files in `lexicon/`.
//!
//! Every word the rules care about maps to one [`Lex`] record that carries all
//! its readings ("may" is a month and a modal, "second" an ordinal and a unit). The scanner
//! looks each word up once, in a hash map keyed by the lower-cased word, and the
//! rules then test the record's fields: no string comparison on the hot path.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::phash::PerfectHash;

use super::value::{Mod, PartOfDay, Season};

/// A time unit, as durations and offsets use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Night,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "second" => Unit::Second,
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "night" => Unit::Night,
            "week" => Unit::Week,
            "weekend" => Unit::Weekend,
            "fortnight" => Unit::Fortnight,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" => Unit::Century,
            "millennium" => Unit::Millennium,
            _ => return None,
        })
    }
}

/// Deictic reference values (TimeML's PAST_REF, PRESENT_REF, FUTURE_REF).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    Past,
    Present,
    Future,
}

/// What a word says about tense (`lexicon/tense.tsv`), read by [`super::tense`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenseCue {
    Future,
    Past,
    /// A simple past that is no participle: "fell", "came".
    PastFinite,
    /// Ends in "-ed" but is no past tense: "hundred", "planned".
    NotPast,
}

/// Every reading of one word. Fields are `None`/`0`/`false` where the word has no such reading.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lex {
    pub month: u8,
    pub weekday: u8,
    pub weekday_plural: bool,
    pub cardinal: Option<u16>,
    pub ordinal: Option<i16>,
    pub article: bool,
    pub unit: Option<Unit>,
    pub unit_plural: bool,
    pub shift: Option<i8>,
    pub deictic: Option<i8>,
    pub reference: Option<RefKind>,
    pub part: Option<Mod>,
    pub approx: Option<Mod>,
    pub ago: Option<i8>,
    pub part_of_day: Option<PartOfDay>,
    pub season: Option<Season>,
    pub set: Option<&'static str>,
    pub quant: Option<u8>,
    pub the: bool,
    /// First word of at least one holiday phrase.
    pub holiday: bool,
    /// Mentioned by a rule as a literal word.
    pub literal: bool,
    pub tense: Option<TenseCue>,
    /// A verb that moves a time ahead ("extended", "postponed"): `tense.tsv`'s
    /// "moves-ahead". A word may have a tense cue besides.
    pub moves_ahead: bool,
    /// The word itself, in lower case.
    pub word: &'static str,
    /// Its first-token classes for rule dispatch (see `pattern::first`), computed once.
    pub mask: u32,
}

/// A holiday: its words (scanned the way text is) and its date rule.
#[derive(Debug)]
pub struct Holiday {
    pub words: Vec<&'static str>,
    pub rule: HolidayRule,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HolidayRule {
    Fixed {
        month: u32,
        day: u32,
    },
    /// Days after Easter Sunday (negative: before).
    Easter(i32),
    /// The `n`th `weekday` (1 = Monday) of `month`, `n = -1` the last; then `offset` days.
    Nth {
        n: i32,
        weekday: u32,
        month: u32,
        offset: i32,
    },
}

pub struct Lexicon {
    /// Building and `index_of` (the rules' words, once); `lookup` uses `table`.
    words: HashMap<&'static str, u16>,
    /// Entry `k + 1`'s word is key `k`.
    table: PerfectHash,
    entries: Vec<Lex>,
    pub holidays: Vec<Holiday>,
}

/// Entry 0 is "no entry"; tokens store the index.
pub const NO_ENTRY: u16 = 0;

const MONTHS: &str = include_str!("lexicon/months.tsv");
const WEEKDAYS: &str = include_str!("lexicon/weekdays.tsv");
const NUMBERS: &str = include_str!("lexicon/numbers.tsv");
const UNITS: &str = include_str!("lexicon/units.tsv");
const WORDS: &str = include_str!("lexicon/words.tsv");
const HOLIDAYS: &str = include_str!("lexicon/holidays.tsv");
const TENSE: &str = include_str!("lexicon/tense.tsv");

/// Rows of a TSV file, without comments and blank lines.
fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').map(str::trim).collect())
}

fn parse_mod(s: &str) -> Option<Mod> {
    Mod::parse(s)
}

impl Lexicon {
    /// The shared lexicon, built on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn entry(&mut self, word: &'static str) -> &mut Lex {
        let next = self.entries.len() as u16;
        let idx = *self.words.entry(word).or_insert(next);
        if idx == next {
            self.entries.push(Lex { word, ..Lex::default() });
        }
        &mut self.entries[idx as usize]
    }

    fn build() -> Lexicon {
        let mut lx = Lexicon { words: HashMap::new(), table: PerfectHash::build(&[]), entries: vec![Lex::default()], holidays: Vec::new() };
        for r in rows(MONTHS) {
            lx.entry(r[0]).month = r[1].parse().expect("months.tsv: month number");
        }
        for r in rows(WEEKDAYS) {
            let e = lx.entry(r[0]);
            e.weekday = r[1].parse().expect("weekdays.tsv: weekday number");
            e.weekday_plural = r[0].ends_with('s') && r[0].len() > 4;
        }
        for r in rows(NUMBERS) {
            let v: i16 = r[1].parse().expect("numbers.tsv: value");
            let e = lx.entry(r[0]);
            match r[2] {
                "cardinal" => e.cardinal = Some(v as u16),
                "ordinal" => e.ordinal = Some(v),
                "article" => e.article = true,
                other => panic!("numbers.tsv: unknown kind {other}"),
            }
        }
        for r in rows(UNITS) {
            let e = lx.entry(r[0]);
            e.unit = Some(Unit::parse(r[1]).expect("units.tsv: unit"));
            e.unit_plural = r[2] == "1";
        }
        for r in rows(WORDS) {
            let (word, class, value) = (r[0], r[1], r[2]);
            let e = lx.entry(word);
            match class {
                "shift" => e.shift = Some(value.parse().expect("words.tsv: shift")),
                "deictic" => e.deictic = Some(value.parse().expect("words.tsv: deictic")),
                "ref" => {
                    e.reference = Some(match value {
                        "PAST_REF" => RefKind::Past,
                        "PRESENT_REF" => RefKind::Present,
                        _ => RefKind::Future,
                    })
                }
                "mod" => e.part = parse_mod(value),
                "approx" => e.approx = parse_mod(value),
                "ago" => e.ago = Some(value.parse().expect("words.tsv: ago")),
                "partofday" => e.part_of_day = PartOfDay::from_code(value),
                "season" => e.season = Season::from_code(value),
                "set" => e.set = Some(value),
                "quant" => e.quant = Some(if value == "X" { 0 } else { value.parse().expect("words.tsv: quant") }),
                "the" => e.the = true,
                other => panic!("words.tsv: unknown class {other}"),
            }
        }
        for r in rows(HOLIDAYS) {
            let words = super::scan::words_of(r[0]);
            let rule = parse_holiday_rule(r[1]).unwrap_or_else(|| panic!("holidays.tsv: bad rule {}", r[1]));
            lx.entry(words[0]).holiday = true;
            lx.holidays.push(Holiday { words, rule });
        }
        for r in rows(TENSE) {
            let e = lx.entry(r[0]);
            match r[1] {
                "future" => e.tense = Some(TenseCue::Future),
                "past" => e.tense = Some(TenseCue::Past),
                "past-finite" => e.tense = Some(TenseCue::PastFinite),
                "not-past" => e.tense = Some(TenseCue::NotPast),
                "moves-ahead" => e.moves_ahead = true,
                // Read in pairs by tense.rs: the word needs an entry, nothing more.
                "phrase" => {}
                other => panic!("tense.tsv: unknown cue {other}"),
            }
        }
        for word in super::rules::literal_words() {
            lx.entry(word).literal = true;
        }
        for e in &mut lx.entries[1..] {
            e.mask = super::pattern::first::lex_mask(e);
        }
        lx.table = PerfectHash::build(&lx.entries[1..].iter().map(|e| e.word).collect::<Vec<_>>());
        lx
    }

    /// Looks a word up, ignoring ASCII case: one perfect-hash slot, one comparison.
    /// Words longer than any entry are not looked up.
    #[inline]
    pub fn lookup(&self, word: &str) -> u16 {
        let bytes = word.as_bytes();
        if bytes.len() > 24 || bytes.is_empty() {
            return NO_ENTRY;
        }
        let Some(k) = self.table.candidate(bytes) else { return NO_ENTRY };
        let entry = self.entries[k + 1].word.as_bytes();
        if entry.len() == bytes.len() && entry.iter().zip(bytes).all(|(e, b)| *e == b.to_ascii_lowercase()) {
            (k + 1) as u16
        } else {
            NO_ENTRY
        }
    }

    /// Number of entries, including entry 0 ("no entry").
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.len() <= 1
    }

    /// The entry index of a word already in lower case, if it has one.
    pub fn index_of(&self, lower: &str) -> Option<u16> {
        self.words.get(lower).copied()
    }

    #[inline]
    pub fn entry_at(&self, idx: u16) -> &Lex {
        &self.entries[idx as usize]
    }
}

fn parse_holiday_rule(s: &str) -> Option<HolidayRule> {
    if let Some(rest) = s.strip_prefix("easter") {
        let rest = rest.strip_prefix('+').unwrap_or(rest);
        return Some(HolidayRule::Easter(rest.parse().ok()?));
    }
    if let Some(rest) = s.strip_prefix("nth:") {
        let (spec, offset) = match rest.split_once('+') {
            Some((a, b)) => (a, b.parse().ok()?),
            None => (rest, 0),
        };
        let parts: Vec<&str> = spec.split(':').collect();
        return Some(HolidayRule::Nth {
            n: parts.first()?.parse().ok()?,
            weekday: parts.get(1)?.parse().ok()?,
            month: parts.get(2)?.parse().ok()?,
            offset,
        });
    }
    let (m, d) = s.split_once('-')?;
    Some(HolidayRule::Fixed { month: m.parse().ok()?, day: d.parse().ok()? })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_have_all_their_readings() {
        let lx = Lexicon::get();
        let may = lx.entry_at(lx.lookup("May"));
        assert_eq!(may.month, 5);
        let second = lx.entry_at(lx.lookup("second"));
        assert_eq!(second.ordinal, Some(2));
        assert_eq!(second.unit, Some(Unit::Second));
        assert_eq!(lx.lookup("banana"), NO_ENTRY);
        assert_eq!(lx.entry_at(lx.lookup("Fridays")).weekday, 5);
        assert!(lx.entry_at(lx.lookup("Fridays")).weekday_plural);
        assert!(!lx.entry_at(lx.lookup("Friday")).weekday_plural);
    }

    /// The perfect hash finds every entry, in any case, and nothing else.
    #[test]
    fn lookup_finds_every_entry() {
        let lx = Lexicon::get();
        for idx in 1..lx.len() as u16 {
            let word = lx.entry_at(idx).word;
            if word.len() <= 24 {
                assert_eq!(lx.lookup(word), idx, "{word}");
                assert_eq!(lx.lookup(&word.to_ascii_uppercase()), idx, "{word}");
            }
            assert_eq!(lx.index_of(word), Some(idx));
        }
        for other in ["Decembers", "Mayday", "x", "thee", "yesterdays"] {
            assert_eq!(lx.lookup(other), lx.index_of(&other.to_ascii_lowercase()).unwrap_or(NO_ENTRY), "{other}");
        }
    }

    #[test]
    fn holidays_are_parsed() {
        let lx = Lexicon::get();
        let thanks = lx.holidays.iter().find(|h| h.words == ["thanksgiving"]).unwrap();
        assert_eq!(thanks.rule, HolidayRule::Nth { n: 4, weekday: 4, month: 11, offset: 0 });
        let ny = lx.holidays.iter().find(|h| h.words[0] == "new" && h.words.len() == 5 && h.words[4] == "day").unwrap();
        assert_eq!(ny.words, ["new", "year", "'", "s", "day"]);
    }
}

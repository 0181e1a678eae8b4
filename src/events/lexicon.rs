//! The events layer's word lists, read once from the data files beside this
//! module: verb classes (`verbs.tsv`), event nouns, occasions, habit words and synonyms.

use std::sync::OnceLock;

use crate::hashing::FastMap;
use crate::hashing::FastSet as HashSet;

/// A class of verbs (`verbs.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerbClass {
    /// "said", "told": a bare attribution.
    Report,
    /// "announced", "confirmed": a statement that is news itself.
    Announce,
    /// "has", "remained", "owns": a state.
    State,
    /// "plans", "is expected": its infinitive is a future.
    Expect,
    /// "made a flight", "held talks": the event is the noun.
    Light,
    /// "began", "continued", "managed": its infinitive happens when it does.
    Aspect,
    /// "delayed", "postponed", "rescheduled": sets when its object happens.
    Timing,
    /// "found", "concluded", "ruled": its "that"-clause tells of what happened before.
    Finding,
}

/// Words that lead a date in ("starting in April", "beginning Monday", "effective
/// January 1"): part of the date's phrase, never its event, and cut with it.
pub const DATE_LEADERS: &[&str] = &["starting", "beginning", "effective", "commencing", "dating", "ending"];

fn list(data: &'static str) -> HashSet<&'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// Each listed verb form and the classes it is in (a bit per class).
fn verb_classes() -> &'static FastMap<&'static str, u8> {
    static CLASSES: OnceLock<FastMap<&'static str, u8>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut m: FastMap<&'static str, u8> = FastMap::default();
        for line in include_str!("lexicon/verbs.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let Some((class, forms)) = line.split_once('\t') else { continue };
            let class = match class {
                "report" => VerbClass::Report,
                "announce" => VerbClass::Announce,
                "state" => VerbClass::State,
                "expect" => VerbClass::Expect,
                "light" => VerbClass::Light,
                "aspect" => VerbClass::Aspect,
                "timing" => VerbClass::Timing,
                "finding" => VerbClass::Finding,
                _ => continue,
            };
            for form in forms.split_whitespace() {
                *m.entry(form).or_default() |= 1 << class as u8;
            }
        }
        m
    })
}

/// Is `word` (lower case) a verb of saying or announcing: a statement's head ("said",
/// "told", "announced", "confirmed")?
pub fn is_stating(word: &str) -> bool {
    is_verb_of(VerbClass::Report, word) || is_verb_of(VerbClass::Announce, word)
}

/// Is `word` (lower case) a verb of telling someone something ("told reporters he
/// would resign", "assured investors it had the cash"): a report, or a verb that takes
/// its hearer before what it says.
pub fn is_telling(word: &str) -> bool {
    is_verb_of(VerbClass::Report, word) || matches!(word, "informed" | "assured" | "warned" | "reminded" | "convinced" | "persuaded")
}

/// Is `word` (lower case) a verb of `class`?
pub fn is_verb_of(class: VerbClass, word: &str) -> bool {
    verb_classes().get(word).is_some_and(|bits| bits & (1 << class as u8) != 0)
}

pub fn is_event_noun(word: &str) -> bool {
    static NOUNS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let nouns = NOUNS.get_or_init(|| list(include_str!("lexicon/event_nouns.txt")));
    if word.len() > 20 {
        return false;
    }
    let listed = |w: &str| nouns.contains(w) || singular(w).is_some_and(|s| nouns.contains(s.as_str()));
    if word.bytes().all(|b| !b.is_ascii_uppercase() && b != b'-') {
        return listed(word);
    }
    // "Take-off" is "takeoff", "walk-out" "walkout" ("cease-fire" is listed both ways).
    let w = word.to_ascii_lowercase();
    listed(w.as_str()) || w.contains('-') && listed(w.replace('-', "").as_str())
}

/// The singular of a regular plural: "celebrations", "deliveries", "crashes".
fn singular(word: &str) -> Option<String> {
    if word.ends_with("ss") || word.len() < 4 {
        return None;
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix("es").filter(|s| s.ends_with("sh") || s.ends_with("ch") || s.ends_with('x') || s.ends_with("ss"))
    {
        return Some(stem.to_string());
    }
    word.strip_suffix('s').map(str::to_string)
}

pub use crate::language::irregular_base;

/// Is `word` (lower case) an occasion another event happens at ("a news conference",
/// "an interview")?
pub fn is_occasion(word: &str) -> bool {
    static OCCASIONS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    OCCASIONS.get_or_init(|| list(include_str!("lexicon/occasions.txt"))).contains(word)
}

/// Is `word` (lower case) the head of an organisation's name ("commission", "jury"),
/// which "he" or "she" never stands for?
pub fn is_institution_word(word: &str) -> bool {
    static INSTITUTIONS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    INSTITUTIONS.get_or_init(|| list(include_str!("lexicon/institutions.txt"))).contains(word)
}

/// Words that make a clause a habit ("every spring", "usually").
pub fn is_habit_word(word: &str) -> bool {
    static HABITS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    HABITS.get_or_init(|| list(include_str!("lexicon/habits.txt"))).contains(word)
}

/// Does `word` make a present perfect a span up to now ("since", "in recent years")?
pub fn is_span_word(word: &str) -> bool {
    static SPANS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SPANS.get_or_init(|| list(include_str!("lexicon/spans.txt"))).contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_read_from_the_data() {
        assert!(is_verb_of(VerbClass::Report, "said"));
        assert!(is_verb_of(VerbClass::Announce, "announced"));
        assert!(is_verb_of(VerbClass::State, "has"));
        assert!(is_verb_of(VerbClass::Expect, "plans"));
        assert!(is_verb_of(VerbClass::Light, "made"));
        assert!(is_verb_of(VerbClass::Aspect, "began"));
        assert!(!is_verb_of(VerbClass::Report, "announced"));
        assert!(is_event_noun("Meeting"));
        assert!(is_event_noun("take-off") && is_event_noun("Walk-out") && !is_event_noun("well-being"));
        // A regular plural names events as its singular names one.
        assert!(is_event_noun("celebrations") && is_event_noun("deliveries") && is_event_noun("crashes"));
        assert!(!is_event_noun("business") && !is_event_noun("news"));
        assert!(is_habit_word("every"));
        assert!(is_span_word("since"));
        assert!(is_occasion("conference"));
        assert!(is_institution_word("commission") && !is_institution_word("lawyer"));
        assert_eq!(irregular_base("won"), Some("win"));
        assert_eq!(irregular_base("flown"), Some("fly"));
    }
}

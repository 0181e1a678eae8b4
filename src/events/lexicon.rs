//! The events layer's word lists, read once from the data files beside this
//! module: verb classes (`verbs.tsv`), event nouns, habit words and synonyms.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

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
}

fn list(data: &'static str) -> HashSet<&'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

fn verb_classes() -> &'static HashMap<VerbClass, HashSet<&'static str>> {
    static CLASSES: OnceLock<HashMap<VerbClass, HashSet<&'static str>>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut m: HashMap<VerbClass, HashSet<&'static str>> = HashMap::new();
        for line in include_str!("lexicon/verbs.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let Some((class, forms)) = line.split_once('\t') else { continue };
            let class = match class {
                "report" => VerbClass::Report,
                "announce" => VerbClass::Announce,
                "state" => VerbClass::State,
                "expect" => VerbClass::Expect,
                _ => continue,
            };
            m.entry(class).or_default().extend(forms.split_whitespace());
        }
        m
    })
}

/// Is `word` (lower case) a verb of `class`?
pub fn is_verb_of(class: VerbClass, word: &str) -> bool {
    verb_classes().get(&class).is_some_and(|s| s.contains(word))
}

pub fn is_event_noun(word: &str) -> bool {
    static NOUNS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    word.len() <= 20 && NOUNS.get_or_init(|| list(include_str!("lexicon/event_nouns.txt"))).contains(word.to_ascii_lowercase().as_str())
}

pub use crate::language::irregular_base;

/// Words that make a clause a habit ("every spring", "usually").
pub fn is_habit_word(word: &str) -> bool {
    static HABITS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    HABITS.get_or_init(|| list(include_str!("lexicon/habits.txt"))).contains(word)
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
        assert!(!is_verb_of(VerbClass::Report, "announced"));
        assert!(is_event_noun("Meeting"));
        assert!(is_habit_word("every"));
        assert_eq!(irregular_base("won"), Some("win"));
        assert_eq!(irregular_base("flown"), Some("fly"));
    }
}

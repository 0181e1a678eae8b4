//! Triggers: the verb or event noun a date belongs to ("walked", "meeting",
//! "announced", "arrest"), found by distance in the sentence, with event nouns
//! right next to the date preferred ("the November meeting", "the arrest last week").

use std::collections::HashSet;
use std::sync::OnceLock;

/// A word of a sentence with its byte span (absolute, in the article's text).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

fn list(data: &'static str) -> HashSet<&'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

fn event_nouns() -> &'static HashSet<&'static str> {
    static NOUNS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    NOUNS.get_or_init(|| list(include_str!("lexicon/event_nouns.txt")))
}

fn past_verbs() -> &'static HashSet<&'static str> {
    static VERBS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    VERBS.get_or_init(|| list(include_str!("lexicon/past_verbs.txt")))
}

/// Words of `text[start..end]`, with absolute offsets.
pub fn words(text: &str, start: usize, end: usize) -> Vec<Word<'_>> {
    let s = &text[start..end];
    let mut out = Vec::new();
    let mut word_start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let part_of_word = c.is_alphanumeric() || (c == '-' && word_start.is_some());
        match (part_of_word, word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(ws)) => {
                let w = s[ws..i].trim_end_matches('-');
                out.push(Word { start: start + ws, end: start + ws + w.len(), text: w });
                word_start = None;
            }
            _ => {}
        }
    }
    out
}

pub fn is_event_noun(w: &str) -> bool {
    w.len() <= 20 && event_nouns().contains(w.to_ascii_lowercase().as_str())
}

/// A verb in the past, future or present perfect: the kind of verb a dated event hangs on.
pub fn is_event_verb(words: &[Word<'_>], i: usize) -> bool {
    let w = words[i].text;
    if w.len() > 20 || w.chars().next().is_some_and(char::is_uppercase) && i > 0 {
        return false;
    }
    let lower = w.to_ascii_lowercase();
    if matches!(lower.as_str(), "was" | "were" | "had" | "did" | "been" | "be" | "is" | "are") {
        return false;
    }
    if lower.len() > 4 && lower.ends_with("ed") && !matches!(lower.as_str(), "hundred" | "indeed" | "need" | "based" | "united") {
        return true;
    }
    if past_verbs().contains(lower.as_str()) {
        return true;
    }
    // "out-sold", "re-elected": a prefixed past tense.
    if let Some((_, last)) = lower.rsplit_once('-')
        && (past_verbs().contains(last) || last.len() > 4 && last.ends_with("ed"))
    {
        return true;
    }
    // "will meet", "may take", "to meet": the verb after a modal or a future marker.
    // "to" is also a preposition: "travelling to the U.S.", "back to the business".
    i > 0
        && matches!(
            words[i - 1].text.to_ascii_lowercase().as_str(),
            "will" | "would" | "to" | "shall" | "may" | "might" | "could" | "can" | "should" | "must"
        )
        && lower.len() > 2
        && !matches!(
            lower.as_str(),
            "the"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "your"
                | "this"
                | "that"
                | "these"
                | "those"
                | "all"
                | "any"
                | "some"
                | "one"
                | "two"
                | "three"
                | "date"
                | "what"
                | "which"
                | "who"
                | "also"
                | "not"
                | "now"
                | "then"
                | "again"
                | "help"
        )
        && !lower.bytes().all(|b| b.is_ascii_digit())
}

/// How much further a word across a clause break counts, in words.
const ACROSS_CLAUSE: i32 = 6;

/// Picks the trigger for a time expression at `[t_start, t_end)` among a sentence's
/// words; `text` is what the words' offsets point into.
pub fn find_trigger<'a>(text: &str, words: &[Word<'a>], t_start: usize, t_end: usize) -> Option<Word<'a>> {
    let first_in = words.iter().position(|w| w.end > t_start)?;
    let after = words.iter().position(|w| w.start >= t_end).unwrap_or(words.len());
    // "last month when a top official walked out": the date frames the when-clause.
    if after < words.len()
        && matches!(words[after].text.to_ascii_lowercase().as_str(), "when" | "as")
        && let Some(v) = (after + 1..words.len().min(after + 8)).find(|&j| is_event_verb(words, j))
    {
        return Some(words[v]);
    }
    let mut best: Option<(i32, usize)> = None;
    for (j, w) in words.iter().enumerate() {
        if j >= first_in && j < after {
            continue;
        }
        let (dist, right) = if j < first_in { ((first_in - j - 1) as i32, false) } else { ((j - after) as i32, true) };
        let noun = is_event_noun(w.text);
        let verb = !noun && is_event_verb(words, j);
        if !noun && !verb {
            continue;
        }
        let mut score = dist * 2 + right as i32;
        let between = if right { text.get(t_end..w.start) } else { text.get(w.end..t_start) }.unwrap_or("");
        // A word across a clause break belongs to another clause ("may take place as
        // early as March, and the first commercial flight …": "flight" is not March's).
        if super::title::CLAUSE_BREAKS.iter().any(|b| between.contains(b)) {
            score += ACROSS_CLAUSE * 2;
        }
        if noun {
            score -= if dist <= 2 { 6 } else { 0 };
        }
        if best.is_none_or(|(s, _)| score < s) {
            best = Some((score, j));
        }
    }
    best.map(|(_, j)| words[j])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trigger(sentence: &str, timex: &str) -> Option<String> {
        let ws = words(sentence, 0, sentence.len());
        let s = sentence.find(timex).unwrap();
        find_trigger(sentence, &ws, s, s + timex.len()).map(|w| w.text.to_string())
    }

    #[test]
    fn seed_triggers() {
        let s = "On Dec. 5, BT Group, a British telecom services provider, announced that it would strip its equipment.";
        assert_eq!(trigger(s, "Dec. 5").as_deref(), Some("announced"));
        let s = "The arrest last week in Canada of its chief financial officer has ramped up the pressure.";
        assert_eq!(trigger(s, "last week").as_deref(), Some("arrest"));
        let s = "Levy's dramatic exit from the November meeting showed company officials the way.";
        assert_eq!(trigger(s, "November").as_deref(), Some("meeting"));
        let s = "Relations hit a low last month when a top official walked out of a meeting with the company.";
        assert_eq!(trigger(s, "last month").as_deref(), Some("walked"));
        let s = "In an April report, the commission pointed to extensive ties.";
        assert_eq!(trigger(s, "April").as_deref(), Some("report"));
    }

    #[test]
    fn triggers_stay_in_the_dates_clause() {
        let s = "The first test flight may take place as early as March, and the first commercial flight is expected in mid-2006.";
        assert_eq!(trigger(s, "March").as_deref(), Some("take"));
        let s = "Boeing's rival Airbus, which has out-sold Boeing since 2003, believes that the future of passenger flight is in large aircraft.";
        assert_eq!(trigger(s, "2003").as_deref(), Some("out-sold"));
    }

    #[test]
    fn words_have_offsets() {
        let ws = words("xx Dec. 5, BT", 3, 13);
        assert_eq!(ws.iter().map(|w| w.text).collect::<Vec<_>>(), ["Dec", "5", "BT"]);
        assert_eq!(ws[0].start, 3);
    }
}

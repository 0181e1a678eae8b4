//! Tense around a time expression: does "Tuesday" lie before or after the
//! anchor? "said on Tuesday" is past, "will meet on Tuesday" future.
//!
//! Looks for the nearest verb cue in the same sentence, backwards first (the
//! governing verb usually comes before the date in English news), then forwards.
//! The cue words are data (`lexicon/tense.tsv`), read by the scanner's one lookup.

use super::lexicon::TenseCue;
use super::resolve::Direction;
use super::scan::{Gap, Kind, Token};

fn ends_sentence(toks: &[Token], text: &str, i: usize) -> bool {
    let t = &toks[i];
    if t.kind != Kind::Punct {
        return false;
    }
    match char::from_u32(t.num) {
        Some('!' | '?' | ';') => true,
        Some('.') => {
            // "Dec." and "U.S." do not end a sentence; "year." does; nor does the point
            // in "9.30am" or "2.5".
            let decimal = toks.get(i + 1).is_some_and(|n| n.kind == Kind::Number && n.gap == Gap::None);
            !decimal
                && (i > 0 && toks[i - 1].kind == Kind::Word && toks[i - 1].text(text).len() > 3
                    || i > 0 && toks[i - 1].kind == Kind::Number)
        }
        _ => false,
    }
}

/// Words that make the next word a noun: "the plan", "its plans".
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "our", "your", "this", "that", "whose", "new"];

/// Two-word timetable phrases whose words alone say nothing or mislead: "take effect
/// Monday", "has until Friday", "is set for Tuesday" ("set" alone is a past tense, and
/// "originally set for Nov. 30" looks back), "the deadline is Friday" (but "by the
/// Tuesday deadline" says nothing). `word` is the token's lexicon word, in lower case.
fn phrase_cue(toks: &[Token], text: &str, i: usize, word: &str) -> Option<Direction> {
    let word_is = |k: Option<usize>, words: &[&str]| {
        k.and_then(|k| toks.get(k)).is_some_and(|t| t.kind == Kind::Word && words.iter().any(|w| t.text(text).eq_ignore_ascii_case(w)))
    };
    let (prev, next) = (i.checked_sub(1), Some(i + 1));
    let future = match word {
        "effect" => word_is(prev, &["take", "takes"]),
        "until" => word_is(prev, &["has", "have"]),
        "set" => word_is(next, &["for", "to"]) && word_is(prev, &["is", "are", "be", "been", "now"]),
        "deadline" => word_is(next, &["is"]),
        _ => false,
    };
    future.then_some(Direction::Future)
}

/// The tense cue of token `i`, if any.
fn cue_at(toks: &[Token], text: &str, i: usize) -> Option<Direction> {
    let word = toks[i].lex().word;
    if let Some(d) = phrase_cue(toks, text, i, word) {
        return Some(d);
    }
    let d = cue(&toks[i], text)?;
    // "announced the plan Aug. 21": a future-sounding noun is no verb.
    let noun = d == Direction::Future && i > 0 && toks[i - 1].kind == Kind::Word && {
        let prev = toks[i - 1].text(text);
        DETERMINERS.iter().any(|w| w.eq_ignore_ascii_case(prev))
    };
    // "will be held": a participle after "be" has no tense of its own; the auxiliary
    // before it decides.
    let participle = d == Direction::Past && i > 0 && toks[i - 1].kind == Kind::Word && {
        let prev = toks[i - 1].text(text);
        prev.eq_ignore_ascii_case("be") || prev.eq_ignore_ascii_case("being")
    };
    if noun || participle {
        return None;
    }
    // "could have emerged", "would have met": a modal's perfect looks back.
    let perfect =
        d == Direction::Future && toks.get(i + 1).is_some_and(|n| n.kind == Kind::Word && n.text(text).eq_ignore_ascii_case("have"));
    Some(if perfect { Direction::Past } else { d })
}

/// The cue of one word: its lexicon reading (`lexicon/tense.tsv`), else a past tense in
/// "-ed" ("announced"), unless capitalised ("Ted").
fn cue(tok: &Token, text: &str) -> Option<Direction> {
    if tok.kind != Kind::Word {
        return None;
    }
    match tok.lex().tense {
        Some(TenseCue::Future) => Some(Direction::Future),
        Some(TenseCue::Past) => Some(Direction::Past),
        Some(TenseCue::NotPast) => None,
        None => {
            let w = tok.text(text).as_bytes();
            let ed = w.len() > 4 && w[w.len() - 2..].eq_ignore_ascii_case(b"ed");
            (ed && !tok.capitalized()).then_some(Direction::Past)
        }
    }
}

/// "to resume", "set to expire": an infinitive points ahead of the anchor.
/// "according to the", "to Cuba" do not.
fn infinitive(toks: &[Token], text: &str, i: usize) -> Option<Direction> {
    const NOT_VERBS: &[&str] = &[
        "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "be", "have", "date", "more", "about", "some",
        "all", "as",
    ];
    let t = &toks[i];
    if t.kind != Kind::Word || !t.text(text).eq_ignore_ascii_case("to") {
        return None;
    }
    let next = toks.get(i + 1).filter(|n| n.kind == Kind::Word && !n.capitalized())?;
    let w = next.text(text);
    if NOT_VERBS.iter().any(|v| v.eq_ignore_ascii_case(w)) || w.ends_with("ed") || w.ends_with("ing") || w.ends_with('s') {
        return None;
    }
    // "was shot to death", "was pleased to note": the "to" belongs to a past verb.
    // ("set to expire" and "due to" look ahead.)
    if i > 0 && !toks[i - 1].text(text).eq_ignore_ascii_case("set") && cue(&toks[i - 1], text) == Some(Direction::Past) {
        return Some(Direction::Past);
    }
    Some(Direction::Future)
}

/// "Wednesday's ruling": a possessive date names something that has happened.
fn possessive(toks: &[Token], text: &str, after: usize) -> bool {
    let (Some(apos), Some(s)) = (toks.get(after), toks.get(after + 1)) else { return false };
    apos.kind == Kind::Punct
        && matches!(char::from_u32(apos.num), Some('\'' | '’'))
        && apos.gap == Gap::None
        && s.gap == Gap::None
        && s.text(text).eq_ignore_ascii_case("s")
}

/// "had been due to expire Friday", "had been scheduled to expire at midnight Friday":
/// a plan in the pluperfect is a past one, whatever its own words say.
fn pluperfect_before(toks: &[Token], text: &str, i: usize) -> bool {
    (i.saturating_sub(4)..i).rev().take_while(|&k| toks[k].kind == Kind::Word).any(|k| toks[k].text(text).eq_ignore_ascii_case("had"))
}

/// The direction of the nearest tense cue for tokens `first..last`.
pub fn direction(toks: &[Token], text: &str, first: usize, last: usize) -> Direction {
    if possessive(toks, text, last) {
        return Direction::Past;
    }
    if first > 0 && toks[first - 1].kind == Kind::Word && toks[first - 1].text(text).eq_ignore_ascii_case("since") {
        return Direction::Since;
    }
    // Backwards, within the sentence.
    let mut i = first;
    let mut steps = 0;
    while i > 0 && steps < 12 {
        if toks[i].gap == Gap::Newline && i != first {
            break;
        }
        i -= 1;
        // A comma closes the clause the date belongs to: in "to overturn the decision,
        // but in March a judge ruled", "to overturn" is another clause's verb.
        if ends_sentence(toks, text, i) || toks[i].is_punct(',') {
            break;
        }
        if let Some(d) = cue_at(toks, text, i).or_else(|| infinitive(toks, text, i)) {
            return if d == Direction::Future && pluperfect_before(toks, text, i) { Direction::Past } else { d };
        }
        steps += 1;
    }
    // Forwards.
    let mut j = last;
    steps = 0;
    while j < toks.len() && steps < 20 {
        if ends_sentence(toks, text, j) || (toks[j].gap == Gap::Newline && j != last) {
            break;
        }
        if let Some(d) = cue_at(toks, text, j) {
            return d;
        }
        j += 1;
        steps += 1;
    }
    Direction::Unknown
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    /// The value of the one expression found in `text`, in a story of `dct`.
    fn value(text: &str, dct: &str) -> String {
        let found = crate::temporal::tag(text, NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok());
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        found[0].value.to_string()
    }

    #[test]
    fn a_future_sounding_noun_is_no_verb() {
        assert_eq!(value("The thrift announced the plan Aug. 21.", "1989-10-27"), "1989-08-21");
        assert_eq!(value("The company plans to close the plant Aug. 21.", "1989-10-27"), "1990-08-21");
    }

    #[test]
    fn a_participle_after_be_takes_the_auxiliary_s_tense() {
        assert_eq!(value("The summit will be held on 7 June in Biarritz.", "2018-12-13"), "2019-06-07");
        assert_eq!(value("The summit was held on 7 June in Biarritz.", "2018-12-13"), "2018-06-07");
    }

    #[test]
    fn a_present_tense_with_a_day_is_a_timetable() {
        assert_eq!(value("The offer expires on Friday.", "2018-12-13"), "2018-12-14");
        assert_eq!(value("Arafat and Netanyahu meet separately Monday with Albright.", "1998-05-01"), "1998-05-04");
        // After a determiner the word is a noun. ("the track meet" is not caught: no
        // part-of-speech tagging here.)
        assert_eq!(value("He won the meet on Monday.", "1998-05-01"), "1998-04-27");
    }

    #[test]
    fn a_plan_in_the_pluperfect_is_past() {
        assert_eq!(value("The offer had been due to expire Friday evening.", "1989-10-30"), "1989-10-27TEV");
        assert_eq!(value("It had been scheduled to expire at midnight Friday.", "1989-10-30"), "1989-10-27T24:00");
        assert_eq!(value("The offer is due to expire Friday evening.", "1989-10-30"), "1989-11-03TEV");
    }

    #[test]
    fn an_infinitive_after_a_past_verb_is_past() {
        assert_eq!(value("He was shot to death on the night of Oct. 23 in his kitchen.", "1999-05-05"), "1998-10-23");
        assert_eq!(value("The talks are set to resume on Oct. 23.", "1999-05-05"), "1999-10-23");
    }

    #[test]
    fn a_modal_looks_ahead_and_its_perfect_looks_back() {
        // "could" is "can"'s past as often as a modal: "could not be located Wednesday".
        assert_eq!(value("He could not be located on Wednesday.", "2000-01-06"), "2000-01-05");
        assert_eq!(value("The ruling may come in April.", "1999-05-05"), "2000-04");
        assert_eq!(value("On April 8, investigators wondered how he could have escaped.", "1999-05-05"), "1999-04-08");
    }
}

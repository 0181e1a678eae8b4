//! Which event a date belongs to: the nearest event word of its clause — a verb
//! group's head ("walked", "announced") or an event noun ("meeting", "arrest") —
//! with event nouns right next to the date preferred ("the November meeting",
//! "the arrest last week") and the verb of a when-clause that the date frames
//! ("last month when a top official walked out").

use super::grammar::{Sentence, Tense, lower};
use super::lexicon::{VerbClass, is_occasion, is_stating, is_verb_of};
use super::mentions::is_event_noun_at;
use crate::language::Pos;
use std::cmp::Ordering;

/// How much further a verb whose tense disagrees with the date counts, in words.
const TENSE_DISAGREES: i32 = 4;

/// How much further a word across a clause break counts, in words.
const ACROSS_CLAUSE: i32 = 6;

/// Clause boundaries in the text between a date and a word.
const CLAUSE_BREAKS: &[&str] =
    &["; ", ", and ", ", but ", ", while ", ", which ", ", where ", ", when ", ", whereas ", " — ", " -- ", " and will ", " and would "];

/// Could the word at `i` be the event a date belongs to?
fn is_candidate(s: &Sentence, text: &str, i: usize, date: (usize, usize)) -> bool {
    if is_event_noun_at(s, text, i) {
        return true;
    }
    let Some(g) = s.group_at(i) else { return false };
    let w = lower(s.word(text, i));
    // "take effect beginning Monday": the word leads the date in; the event is before it.
    let leads_date =
        s.words.get(i + 1).is_some_and(|n| n.start >= date.0 || n.pos == Pos::IN && s.words.get(i + 2).is_some_and(|d| d.start >= date.0))
            && s.words[i].end <= date.0;
    if leads_date && super::lexicon::DATE_LEADERS.contains(&w.as_ref()) {
        return false;
    }
    if s.is_name_like(text, i) {
        return false;
    }
    // A participle before a noun describes it ("Los Angeles based Northrop", "the
    // revised bids", "its scheduled 9:45 a.m. departure": over the date to the noun).
    // Over other such modifiers joined to it, too: "the dismembered and decapitated body".
    let next = (i + 1..s.words.len()).find(|&k| {
        let in_date = s.words[k].start >= date.0 && s.words[k].end <= date.1 && s.words[k].start > s.words[i].end;
        let joined = matches!(s.words[k].pos, Pos::CC | Pos::Comma)
            && s.words.get(k + 1).is_some_and(|n| matches!(n.pos, Pos::VBN | Pos::JJ))
            || k > i + 1 && matches!(s.words[k].pos, Pos::VBN | Pos::JJ) && matches!(s.words[k - 1].pos, Pos::CC | Pos::Comma);
        !(in_date || joined)
    });
    if g.first == i
        && matches!(s.words[i].pos, Pos::VBN | Pos::VBG)
        && next.is_some_and(|k| s.words[k].pos.is_noun() || s.words[k].pos == Pos::JJ)
    {
        let next_is_date = s.words.get(i + 1).is_some_and(|w| w.start >= date.0 && w.end <= date.1);
        // "announced last November": the word after is the date itself, and nothing follows it.
        if !next_is_date || next.is_some_and(|k| k > i + 1) {
            return false;
        }
    }
    // A state is dated by its event or not at all ("was a former director").
    !is_verb_of(VerbClass::State, &w) || g.passive
}

/// A participle with no auxiliary after a date: "wrapped", "killing"; or a past form
/// whose subject would run back over the date at word `date` (a participle taken for a
/// past tense).
fn participle_after_date(s: &Sentence, i: usize, date: usize) -> bool {
    let Some(g) = s.group_at(i).filter(|g| g.first == i) else { return false };
    matches!(s.words[i].pos, Pos::VBN | Pos::VBG) || s.words[i].pos == Pos::VBD && g.clause_start < date
}

/// A reporting verb that closes its sentence after a comma, with at most its subject
/// and a few words more: ", police said.", ", said a spokesman on Thursday."
fn trailing_attribution(s: &Sentence, text: &str, i: usize) -> bool {
    let w = lower(s.word(text, i));
    if !is_verb_of(VerbClass::Report, &w) {
        return false;
    }
    let Some(comma) = (0..i).rev().find(|&k| s.words[k].pos == Pos::Comma) else { return false };
    let words_after = (i + 1..s.words.len()).filter(|&k| !s.words[k].pos.is_punct()).count();
    i - comma <= 5 && words_after <= 5 && !s.groups.iter().any(|g| g.head > comma && g.head != i)
}

/// Does the noun at `j`, with its own agent, reach the date starting at word `date`
/// through its own "of" phrase and one preposition: "Iraq's invasion of Kuwait on"?
/// The noun then tells the whole event, who did what to whom, and the date is its.
/// (Without an agent, "welcomed the release of the hostages on Sunday" may date the
/// welcoming: the verb keeps it.)
fn of_phrase_to_date(s: &Sentence, text: &str, j: usize, date: usize) -> bool {
    let words = &s.words;
    date > j + 3
        && j > 0
        && matches!(words[j - 1].pos, Pos::Possessive | Pos::PRPS)
        && lower(words[j + 1].text(text)) == "of"
        && (j + 2..date - 1)
            .all(|k| matches!(words[k].pos, Pos::DT | Pos::JJ | Pos::CD | Pos::Possessive | Pos::PRPS) || words[k].pos.is_noun())
        && words[date - 1].pos == Pos::IN
}

/// Words between `from` and `to`, a run of names counting as one ("Los Angeles based
/// Northrop Grumman" is three): a long name is no further off than a short one.
fn chunks(s: &Sentence, from: usize, to: usize) -> i32 {
    let mut n = 0;
    for i in from..to {
        let name_continues = i > from && s.words[i].pos.is_proper() && s.words[i - 1].pos.is_proper();
        if !name_continues {
            n += 1;
        }
    }
    n
}

/// Is the date at bytes `[t_start, t_end)` its clause's subject? Then it is what the
/// clause is about, not when anything happened: "Sunday was chosen as its date
/// matches the aircraft's number", "today is Boeing's day".
pub fn is_subject(text: &str, s: &Sentence, t_start: usize, t_end: usize) -> bool {
    let Some((first_in, after)) = date_words(s, t_start, t_end) else { return false };
    let opens_clause = first_in == 0 || matches!(s.words[first_in - 1].pos, Pos::Comma | Pos::CC | Pos::Colon);
    after < s.words.len() && opens_clause && matches!(lower(s.word(text, after)).as_ref(), "was" | "is" | "will" | "has" | "had")
}

/// Does the date at bytes `[t_start, t_end)` say which thing a noun after it is, not
/// when anything happened? "covers the 2022 to 2025 Summit models", "will report its
/// fourth-quarter results on Feb. 26": a date set before a noun that names no event
/// (a range's two ends count as one date), after a determiner or, written with a
/// hyphen as an adjective, after the verb. Not "announced Tuesday plans to cut", where
/// a bare date after the verb is when, nor "the 2016 election", an event's own date,
/// nor a name ("the 2008 Beijing Olympic Games"). The caller keeps to dates of a
/// quarter or more: a day before a noun is when ("his Aug. 2 power-grab").
///
/// Gives the byte span of the whole date phrase, a range's two ends and what joins them.
pub fn names_a_thing(text: &str, s: &Sentence, t_start: usize, t_end: usize, dates: &[(usize, usize)]) -> Option<(usize, usize)> {
    let (mut first_in, mut after) = date_words(s, t_start, t_end)?;
    let in_date = |k: usize| s.words.get(k).is_some_and(|w| w.overlaps(dates));
    let joins = |k: usize| matches!(lower(s.word(text, k)).as_ref(), "to" | "through" | "and" | "-");
    while after + 1 < s.words.len() && joins(after) && in_date(after + 1) {
        after += 1;
        while in_date(after) {
            after += 1;
        }
    }
    while first_in >= 2 && joins(first_in - 1) && in_date(first_in - 2) {
        first_in -= 2;
        while first_in > 0 && in_date(first_in - 1) {
            first_in -= 1;
        }
    }
    let before = first_in.checked_sub(1)?;
    let hyphened = text[t_start..t_end].contains('-');
    let set_before = matches!(s.words[before].pos, Pos::DT | Pos::PRPS | Pos::Possessive) || hyphened && s.words[before].pos.is_verb();
    let mut head = None;
    for k in after..s.words.len() {
        match s.words[k].pos {
            p if p.is_noun() => head = Some(k).filter(|_| !p.is_proper() && !s.word(text, k).starts_with(char::is_uppercase)),
            Pos::JJ => {}
            Pos::CC if k > after && s.words[k - 1].pos.is_noun() && s.words.get(k + 1).is_some_and(|n| n.pos.is_noun()) => {}
            _ => break,
        }
    }
    let thing = set_before
        && s.words.get(after).is_some_and(|w| w.pos.is_noun() || w.pos == Pos::JJ)
        && head.is_some_and(|h| !is_event_noun_at(s, text, h));
    thing.then(|| (s.words[first_in].start, s.words[after - 1].end))
}

/// The event a verb that sets times moves to the date that starts at word `date`:
/// "the delivery will be delayed until October 2007", "postponed the vote to
/// Tuesday". The date is when that event now happens, not when it was moved (which
/// is the news of the day): the passive's subject or the object, where an event
/// noun says what it is.
pub(super) fn rescheduled(text: &str, s: &Sentence, verb: usize, date: usize) -> Option<usize> {
    let g = s.group_at(verb).filter(|g| g.head == verb)?;
    if date <= verb + 1 || !is_verb_of(VerbClass::Timing, &lower(s.word(text, verb))) {
        return None;
    }
    if !matches!(lower(s.word(text, date - 1)).as_ref(), "until" | "till" | "to" | "into" | "for") {
        return None;
    }
    let events = |from: usize, to: usize| (from..to).find(|&k| is_event_noun_at(s, text, k) && !s.words[k + 1].pos.is_noun());
    if g.passive { events(g.clause_start, g.first) } else { events(verb + 1, date - 1) }
}

/// The event whose date the subject names, where the date follows the verb: "the
/// delivery date is now expected to be around 2020", "the launch deadline was moved
/// to March" tell when the delivery and the launch happen.
fn date_of(text: &str, s: &Sentence, verb: usize, date: usize) -> Option<usize> {
    let g = s.group_at(verb).filter(|g| g.head == verb && date > verb)?;
    (g.clause_start + 1..g.first)
        .find(|&k| matches!(lower(s.word(text, k)).as_ref(), "date" | "dates" | "deadline") && is_event_noun_at(s, text, k - 1))
        .map(|k| k - 1)
}

/// The event other than the verb at `verb` that a date after it dates: one the verb
/// moves there, or one whose date the subject names.
fn elsewhere_dated(text: &str, s: &Sentence, verb: usize, date: usize) -> Option<usize> {
    rescheduled(text, s, verb, date).or_else(|| date_of(text, s, verb, date))
}

/// The date's first word and the word after it (the sentence's length if none).
fn date_words(s: &Sentence, t_start: usize, t_end: usize) -> Option<(usize, usize)> {
    let first_in = s.words.iter().position(|w| w.end > t_start)?;
    Some((first_in, s.words.iter().position(|w| w.start >= t_end).unwrap_or(s.words.len())))
}

/// The word index of the event the date at bytes `[t_start, t_end)` belongs to.
/// `when` is the date against the publication date, where both are known: a date to
/// come belongs to a verb that tells of what is to come rather than to one in the past.
pub fn attach(text: &str, s: &Sentence, t_start: usize, t_end: usize, when: Option<Ordering>) -> Option<usize> {
    let words = &s.words;
    let (first_in, after) = date_words(s, t_start, t_end)?;
    // "last month when a top official walked out": the date frames the when-clause; so
    // does "since 2018, when he replaced Turnbull" (not an "as" after a comma: "on
    // Monday, as prices fell").
    let comma = after < words.len() && words[after].pos == Pos::Comma && lower(s.word(text, (after + 1).min(words.len() - 1))) == "when";
    let opener = after + usize::from(comma);
    if opener < words.len()
        && matches!(lower(s.word(text, opener)).as_ref(), "when" | "as")
        && let Some(v) =
            (opener + 1..words.len().min(opener + 8)).find(|&j| s.group_at(j).is_some() && is_candidate(s, text, j, (t_start, t_end)))
    {
        return Some(v);
    }
    // "told analysts on a call late Wednesday that orders had not recovered": a date
    // between a statement and the "that" of what it says is the statement's.
    if after < words.len()
        && lower(s.word(text, after)) == "that"
        && let Some(v) = (0..first_in).rev().take(10).find(|&j| s.group_at(j).is_some_and(|g| g.head == j))
        && is_stating(&lower(s.word(text, v)))
        && !CLAUSE_BREAKS.iter().any(|b| text.get(words[v].end..t_start).unwrap_or("").contains(b))
    {
        return Some(v);
    }
    let has_left_verb = (0..first_in).rev().take(10).any(|j| {
        s.group_at(j).is_some() && is_candidate(s, text, j, (t_start, t_end)) && {
            let between = text.get(words[j].end..t_start).unwrap_or("");
            !CLAUSE_BREAKS.iter().any(|b| between.contains(b))
        }
    });
    let any_left_verb = (0..first_in).any(|j| s.group_at(j).is_some() && is_candidate(s, text, j, (t_start, t_end)));
    let mut best: Option<(i32, usize)> = None;
    for (j, word) in words.iter().enumerate() {
        if (first_in..after).contains(&j) || !is_candidate(s, text, j, (t_start, t_end)) {
            continue;
        }
        let (dist, right) = if j < first_in { (chunks(s, j + 1, first_in), false) } else { (chunks(s, after, j), true) };
        // After a verb and its object, a bare participle that follows the date describes
        // the object ("found the body Friday wrapped in plastic"), and a closing
        // attribution is the source ("… at 10 p.m. Wednesday, police said."): neither is
        // what the date tells of. Nor is an infinitive of purpose right after it
        // ("selected Northrop on February 29 to build the aircraft").
        let purpose = dist <= 1 && s.group_at(j).is_some_and(|g| g.tense == Tense::Infinitive) && lower(s.word(text, after.min(j))) == "to";
        if right
            && (has_left_verb && dist <= 1 && (participle_after_date(s, j, first_in) || purpose)
                || any_left_verb && trailing_attribution(s, text, j))
        {
            continue;
        }
        let noun = word.pos.is_noun();
        // "was set to land on Monday after a test flight": a noun that a preposition of
        // time sets after the date is the other event the dated one is timed against.
        if right && noun && (after..j).any(|k| matches!(lower(s.word(text, k)).as_ref(), "after" | "before" | "following" | "until")) {
            continue;
        }
        let mut score = dist * 2 + right as i32;
        let between = if right { text.get(t_end..word.start) } else { text.get(word.end..t_start) }.unwrap_or("");
        // A word across a clause break belongs to another clause ("may take place as
        // early as March, and the first commercial flight …": "flight" is not March's).
        if CLAUSE_BREAKS.iter().any(|b| between.contains(b)) {
            score += ACROSS_CLAUSE * 2;
        }
        // An event noun right by the date is its event ("the November meeting", "the
        // arrest last week"); further off, the date is an adverbial of the clause's
        // verb ("wrapped up a meeting with Saddam Hussein in Baghdad today").
        // So is one with its agent whose "of" phrase alone stands between them: "Iraq's
        // invasion of Kuwait on Aug. 2".
        if noun {
            score += if dist <= 2 || of_phrase_to_date(s, text, j, first_in) { -6 } else { 12 };
        }
        // A comma between them makes another phrase, if not another clause.
        if between.contains(',') {
            score += 6;
        }
        // A date after a verb and its object dates that verb, not a verb that follows
        // ("selected Northrop on February 29 to build": "selected").
        if right && has_left_verb {
            score += 4;
        }
        // A date to come is not of a verb in the past, nor a past date of a future
        // ("which will be the first to operate the jet, in July 2006, have opened a
        // reservation site": July 2006, a year ahead, is the operating).
        if let (Some(g), Some(when)) = (s.group_at(j), when) {
            let past = g.tense == Tense::Past || g.perfect && g.tense == Tense::Present;
            // Not an infinitive: it takes its time from its verb ("began to fall in 1996").
            let future = matches!(g.tense, Tense::Future | Tense::Modal);
            if when == Ordering::Greater && past || when == Ordering::Less && future {
                score += TENSE_DISAGREES * 2;
            }
        }
        // A participle that the date follows is what it dates: "released in July".
        if !noun && !right && dist <= 1 && word.pos == Pos::VBN {
            score -= 8;
        }
        if best.is_none_or(|(b, _)| score < b) {
            best = Some((score, j));
        }
    }
    // A dated noun in a verb's predicate is part of that verb's event: "welcomed the
    // job figures at a news conference Friday" is the welcoming. (Not a reporting
    // verb's: "said the meeting in late November ended" is about the meeting.)
    let best = best.map(|(_, j)| j)?;
    if let Some(other) = elsewhere_dated(text, s, best, first_in) {
        return Some(other);
    }
    // Not a noun that the date stands before: "serving a life sentence for the
    // November 1995 assassination" dates the assassination.
    let prenominal = best >= after && (after..best).all(|k| words[k].pos.is_adjective() || words[k].pos.is_noun());
    // Nor one that the date follows with only its "of" phrase between: "had condemned
    // Iraq's invasion of Kuwait on Aug. 2" dates the invasion.
    if words[best].pos.is_noun() && !prenominal && !of_phrase_to_date(s, text, best, first_in) {
        let verb = (0..best).rev().take(8).find(|&v| s.group_at(v).is_some() && is_candidate(s, text, v, (t_start, t_end)));
        if let Some(v) = verb {
            let between = text.get(words[v].end..words[best].start).unwrap_or("");
            let w = lower(s.word(text, v));
            // An occasion is where the statement was made ("told a news conference on
            // Tuesday", "said in an interview Friday"): the date is the statement's. (Not
            // a noun that opens what is said: "said the meeting in late November ended".)
            let addressed = matches!(w.as_ref(), "tell" | "tells" | "told" | "telling")
                || (v + 1..best).any(|k| matches!(lower(s.word(text, k)).as_ref(), "at" | "in" | "during"));
            let occasion = addressed && is_occasion(&lower(s.word(text, best)));
            let reporting = is_stating(&w) && !occasion;
            if let Some(other) = elsewhere_dated(text, s, v, first_in) {
                return Some(other);
            }
            if !between.contains(',') && !CLAUSE_BREAKS.iter().any(|b| between.contains(b)) && !reporting {
                return Some(v);
            }
        }
    }
    Some(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trigger(sentence: &str, timex: &str) -> Option<String> {
        let s = Sentence::read(sentence, (0, sentence.len()));
        let at = sentence.find(timex).unwrap();
        attach(sentence, &s, at, at + timex.len(), None).map(|i| s.word(sentence, i).to_string())
    }

    #[test]
    fn a_date_that_is_its_clauses_subject_dates_nothing() {
        let subject = |sentence: &str, timex: &str| {
            let s = Sentence::read(sentence, (0, sentence.len()));
            let at = sentence.find(timex).unwrap();
            is_subject(sentence, &s, at, at + timex.len())
        };
        assert!(subject("Sunday was chosen as the launch date.", "Sunday"));
        assert!(subject("Fares rose, and 2023 was a record year.", "2023"));
        assert!(!subject("On Sunday the plane was unveiled.", "Sunday"));
        assert!(!subject("He said Sunday was a good day.", "Sunday"));
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
        let s = "Morrison had led the coalition since 2018, when he replaced Malcolm Turnbull in a party-room revolt.";
        assert_eq!(trigger(s, "2018").as_deref(), Some("replaced"));
        let s = "He is serving a life sentence for the March 2001 bombing of the embassy.";
        assert_eq!(trigger(s, "March 2001").as_deref(), Some("bombing"));
        let s = "In an April report, the commission pointed to extensive ties.";
        assert_eq!(trigger(s, "April").as_deref(), Some("report"));
        let s = "But a British government report released in July found that shortcomings had exposed networks.";
        assert_eq!(trigger(s, "July").as_deref(), Some("released"));
    }

    #[test]
    fn triggers_stay_in_the_dates_clause() {
        let s = "The first test flight may take place as early as March, and the first commercial flight is expected in mid-2006.";
        assert_eq!(trigger(s, "March").as_deref(), Some("take"));
        let s = "Boeing's rival Airbus, which has outsold Boeing since 2003, believes that the future of passenger flight is in large aircraft.";
        assert_eq!(trigger(s, "2003").as_deref(), Some("outsold"));
    }

    #[test]
    fn a_dated_object_is_its_verbs_event() {
        let s = "President Clinton welcomed the job figures at a news conference Friday.";
        assert_eq!(trigger(s, "Friday").as_deref(), Some("welcomed"));
        let s = "Boeing's newest commercial aircraft, the 787 Dreamliner, made its first test flight Tuesday in Everett.";
        assert_eq!(trigger(s, "Tuesday").as_deref(), Some("made"));
        // The occasion of a statement dates the statement.
        let s = "The mayor told a news conference on Monday that the bridge would reopen.";
        assert_eq!(trigger(s, "Monday").as_deref(), Some("told"));
        let s = "The minister said in an interview on Tuesday that the talks had failed.";
        assert_eq!(trigger(s, "Tuesday").as_deref(), Some("said"));
        let s = "A spokesman said the meeting in late November ended early.";
        assert_eq!(trigger(s, "late November").as_deref(), Some("meeting"));
        // A date between the statement and the "that" of what it says is the statement's.
        let s = "The chief executive told analysts on a call late Wednesday that orders had not recovered.";
        assert_eq!(trigger(s, "late Wednesday").as_deref(), Some("told"));
    }

    #[test]
    fn a_noun_timed_against_the_date_is_not_its_event() {
        let s = "The delegation was scheduled to arrive at the headquarters of the United Nations on Friday after a meeting in Paris.";
        assert_eq!(trigger(s, "Friday").as_deref(), Some("arrive"));
        let s = "Police made the arrest on Friday before the hearing.";
        assert_eq!(trigger(s, "Friday").as_deref(), Some("made"));
    }

    #[test]
    fn a_date_an_event_is_moved_to_or_its_date_is_that_events() {
        let s = "The aircraft's delivery, originally due this year, will be delayed until October 2007.";
        assert_eq!(trigger(s, "October 2007").as_deref(), Some("delivery"));
        let s = "The council postponed the vote to next Tuesday.";
        assert_eq!(trigger(s, "next Tuesday").as_deref(), Some("vote"));
        // Not a date of the moving itself, nor a move of no event.
        let s = "The council postponed the vote on Monday.";
        assert_eq!(trigger(s, "Monday").as_deref(), Some("postponed"));
        // A date the subject names is its event's.
        let s = "The delivery date for the plane is now expected to be around 2020.";
        assert_eq!(trigger(s, "2020").as_deref(), Some("delivery"));
        let s = "The company moved its offices to Texas in 2019.";
        assert_eq!(trigger(s, "2019").as_deref(), Some("moved"));
    }

    #[test]
    fn states_are_not_triggers() {
        let s = "Huawei founder Ren Zhengfei was a former director of research in 1990.";
        assert_eq!(trigger(s, "1990"), None);
    }
}

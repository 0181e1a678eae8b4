//! What happens with a placed event is part of it and has its date, though it has
//! no date or tense of its own to be placed by: the verbs that complete it
//! ([`completions`]: "agreed **to purchase**", "sought peace, **promising** to
//! withdraw") and ([`attached`]):
//!
//! - a participle clause that opens the sentence: "**Citing** a precautionary
//!   measure, Airbus announced …" is part of the announcement;
//! - a participle with a subject of its own after "with": "the test flight lasted
//!   four hours, with the aircraft **flying** no higher than 10,000 feet";
//! - the occasion it happened at: "welcomed the figures at a news **conference**",
//!   "said in an **interview**";
//! - what went on as it happened: "the accident occurred as the aircraft **was
//!   leaving** a parking space";
//! - the subject of a verb of happening: "the **accident** occurred during push
//!   back", "the **take-off** took place on time".
//!
//! Each is returned as the word that names it and the placed mention it joins; the
//! caller makes it a mention of that event (`with`), so it adds no event of its own
//! to the timeline.

use super::grammar::{Opener, Sentence, Tense, VerbGroup, lower};
use super::lexicon::{VerbClass, is_occasion, is_verb_of};
use crate::language::Pos;

/// The words of `s` that are part of a placed event, each with the mention (an index
/// into the caller's list) it joins. `placed` pairs a group index with its mention.
/// `dates` are the byte spans of the sentence's dates, which end an occasion's phrase
/// ("at a news conference Friday").
pub fn attached(s: &Sentence, text: &str, placed: &[(usize, usize)], dates: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mention_of = |gi: usize| placed.iter().find(|&&(p, _)| p == gi).map(|&(_, at)| at);
    let mut out = Vec::new();
    for (gi, g) in s.groups.iter().enumerate() {
        if g.negated || mention_of(gi).is_some() {
            continue;
        }
        let owner = if opening_participle(s, text, gi) {
            main_clause(s, gi + 1)
        } else if with_participle(s, text, gi) || while_clause(s, text, gi) && !opens_sentence(s, text, g.clause_start - 1) {
            s.groups[..gi].iter().rposition(|p| p.is_finite() && !matches!(p.opener, Some(Opener::Time | Opener::Relative | Opener::If)))
        } else if while_clause(s, text, gi) {
            main_clause(s, gi + 1)
        } else {
            None
        };
        if let Some(at) = owner.and_then(mention_of) {
            out.push((g.head, at));
        }
    }
    // The occasions of each placed verb's clause, before or after the verb.
    for &(gi, at) in placed {
        let g = s.groups[gi];
        if let Some(n) = happening_subject(s, text, gi) {
            out.push((n, at));
        }
        let from = if main_clause(s, 0) == Some(gi) { 0 } else { g.clause_start };
        let to = s.groups.get(gi + 1).map_or(s.words.len(), |n| n.clause_start.max(g.head + 1));
        for i in from..to {
            if let Some(n) = occasion_after(s, text, i, dates).filter(|&n| n < to) {
                out.push((n, at));
            }
        }
    }
    out
}

/// The verbs that complete a placed verb, each with the mention it joins: an
/// infinitive ("agreed to purchase 20 planes", "defeated Boeing to win the order") and
/// a participle clause ("sought peace, promising to withdraw"). Not the infinitive of
/// a plan or a promise, which is still to come ("promised to withdraw"), nor a verb
/// dated on its own (`dated`).
pub fn completions(s: &Sentence, text: &str, placed: &[(usize, usize)], dated: &[bool]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for &(gi, at) in placed {
        let g = s.groups[gi];
        let governor = lower(s.word(text, g.head));
        let promise = is_verb_of(VerbClass::Expect, &governor) || is_verb_of(VerbClass::Announce, &governor);
        let mut prev = g;
        for next in s.groups[gi + 1..].iter() {
            if next.is_finite() || next.opener.is_some() || next.negated {
                break;
            }
            let between = &s.words[prev.head + 1..next.first];
            // A participle before a noun describes it, and a capitalised word read as a
            // participle is a name ("Boeing saying …").
            let prenominal =
                next.first == next.head && s.words.get(next.head + 1).is_some_and(|w| w.pos.is_noun()) || s.is_name_like(text, next.head);
            let joins = match next.tense {
                Tense::Infinitive => !promise && next.first - prev.head <= 8,
                Tense::Participle => s.words[next.head].pos == Pos::VBG && between.last().is_some_and(|w| w.pos == Pos::Comma),
                _ => false,
            };
            if !joins || prenominal || dated[next.head] {
                break;
            }
            out.push((next.head, at));
            prev = *next;
        }
    }
    out
}

/// Is word `i` where the sentence starts, but for quotation marks, brackets and a
/// dateline ("JERUSALEM (AP)_ Taking the stand, …")?
fn opens_sentence(s: &Sentence, text: &str, i: usize) -> bool {
    let from = super::title::dateline_end(s, text, 0, i).map_or(0, |j| j + 1);
    s.words[from..i].iter().all(|w| matches!(w.pos, Pos::Quote | Pos::OpenBracket))
}

/// The sentence's main clause from group `from` on: its first finite group that
/// no word opens as a subordinate clause.
fn main_clause(s: &Sentence, from: usize) -> Option<usize> {
    (from..s.groups.len()).find(|&k| s.groups[k].is_finite() && matches!(s.groups[k].opener, None | Some(Opener::And)))
}

/// A bare present participle ("citing", not "is citing", nor "the leaving party").
fn bare_participle(s: &Sentence, text: &str, g: &VerbGroup) -> bool {
    let w = lower(s.word(text, g.head));
    !s.is_name_like(text, g.head)
        && g.tense == Tense::Participle
        && g.first == g.head
        && s.words[g.head].pos == Pos::VBG
        && !is_verb_of(VerbClass::Report, &w)
        && !is_verb_of(VerbClass::State, &w)
        // Prepositions in the form of participles: "according to", "including".
        && !matches!(w.as_ref(), "according" | "including" | "following" | "regarding" | "concerning" | "excluding" | "considering")
}

/// "Citing a precautionary measure, Airbus announced …": a participle clause that
/// opens the sentence and closes with a comma before its main clause.
fn opening_participle(s: &Sentence, text: &str, gi: usize) -> bool {
    let g = &s.groups[gi];
    let comma_after = s.groups.get(gi + 1).is_some_and(|n| (g.head + 1..n.first).any(|i| s.words[i].pos == Pos::Comma));
    gi == 0 && opens_sentence(s, text, g.first) && bare_participle(s, text, g) && comma_after
}

/// "with the aircraft flying no higher than 10,000 feet": "with", a subject, a participle.
fn with_participle(s: &Sentence, text: &str, gi: usize) -> bool {
    let g = &s.groups[gi];
    if gi == 0 || !bare_participle(s, text, g) {
        return false;
    }
    let mut i = g.first;
    while i > 0
        && g.first - i < 6
        && matches!(
            s.words[i - 1].pos,
            Pos::DT | Pos::PRPS | Pos::JJ | Pos::NN | Pos::NNS | Pos::NNP | Pos::NNPS | Pos::CD | Pos::PRP | Pos::Possessive
        )
    {
        i -= 1;
    }
    i < g.first && i > 0 && lower(s.word(text, i - 1)) == "with"
}

/// "as the aircraft was leaving a parking space", "while the talks went on": a clause
/// of what went on at the time, in the past or the present, not a state. After "as",
/// a progressive or a past: "as its date matches the number" gives a reason, not a time.
fn while_clause(s: &Sentence, text: &str, gi: usize) -> bool {
    let g = &s.groups[gi];
    // The clause starts after its opening word.
    let opener = g.clause_start.checked_sub(1).map(|k| lower(s.word(text, k)));
    let progressive = s.words[g.head].pos == Pos::VBG && g.first < g.head;
    let when = match opener.as_deref() {
        Some("while") => true,
        // "as the vote passed", not the comparison "as did manufacturing".
        Some("as") => progressive || g.tense == Tense::Past && g.first > g.clause_start,
        _ => false,
    };
    g.opener == Some(Opener::Time)
        && when
        && matches!(g.tense, Tense::Past | Tense::Present)
        && !g.perfect
        && (g.passive || !is_verb_of(VerbClass::State, &lower(s.word(text, g.head))))
}

/// "The minor accident occurred during push back", "the take-off … took place on
/// time": the subject of a verb of happening names the event that happened.
fn happening_subject(s: &Sentence, text: &str, gi: usize) -> Option<usize> {
    let g = s.groups[gi];
    let w = lower(s.word(text, g.head));
    let place = s.words.get(g.head + 1).is_some_and(|n| lower(n.text(text)) == "place");
    let happening = matches!(w.as_ref(), "occur" | "occurs" | "occurred" | "happen" | "happens" | "happened")
        || place && matches!(w.as_ref(), "take" | "takes" | "took" | "taken");
    if !happening {
        return None;
    }
    // A verb joined by "and" with no subject of its own shares the one before it.
    let mut k = gi;
    while k > 0
        && s.groups[k].opener == Some(Opener::And)
        && (s.groups[k].clause_start..s.groups[k].first).all(|i| s.words[i].pos == Pos::RB)
    {
        k -= 1;
    }
    let (from, to) = (s.groups[k].clause_start, s.groups[k].first);
    // The subject's head: the last noun of its first noun run.
    let start = (from..to).find(|&i| matches!(s.words[i].pos, Pos::NN | Pos::NNS))?;
    let head = (start..to).take_while(|&i| matches!(s.words[i].pos, Pos::NN | Pos::NNS)).last()?;
    super::mentions::is_event_noun_at(s, text, head).then_some(head)
}

/// "at a news conference", "during his visit", "in an interview": the occasion noun
/// of a phrase that word `i` opens, if it is one.
fn occasion_after(s: &Sentence, text: &str, i: usize, dates: &[(usize, usize)]) -> Option<usize> {
    if s.words[i].pos != Pos::IN || !matches!(lower(s.word(text, i)).as_ref(), "at" | "during" | "in") {
        return None;
    }
    let mut j = i + 1;
    let mut last_noun = None;
    while j < s.words.len() && j <= i + 6 && !s.words[j].overlaps(dates) {
        match s.words[j].pos {
            Pos::DT | Pos::PRPS | Pos::JJ | Pos::CD | Pos::Possessive | Pos::NNP | Pos::NNPS => {}
            Pos::NN | Pos::NNS => last_noun = Some(j),
            _ => break,
        }
        j += 1;
    }
    // The phrase's head is its last noun: "a news conference", not "a conference call".
    let n = last_noun.filter(|&n| n + 1 == j)?;
    // Only a phrase that starts with a determiner names one occasion: "in a speech",
    // not "in speech".
    let determined = matches!(s.words[i + 1].pos, Pos::DT | Pos::PRPS) || s.words[i + 1].pos.is_proper();
    (determined && is_occasion(&lower(s.word(text, n)))).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words attached to each group of `text` when every group is placed.
    fn attached_words(text: &str) -> Vec<String> {
        let s = Sentence::read(text, (0, text.len()));
        let placed: Vec<(usize, usize)> = s
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| g.is_finite() && matches!(g.opener, None | Some(Opener::And)))
            .map(|(gi, _)| (gi, gi))
            .collect();
        attached(&s, text, &placed, &[]).into_iter().map(|(w, _)| s.word(text, w).to_string()).collect()
    }

    #[test]
    fn what_happens_with_an_event_is_part_of_it() {
        let cases: &[(&str, &[&str])] = &[
            ("Citing a precautionary measure, Airbus announced that two engines would be replaced.", &["Citing"]),
            ("The test flight lasted four hours, with the aircraft flying no higher than 10,000 feet.", &["flying"]),
            ("President Clinton welcomed the job figures at a news conference.", &["conference"]),
            ("In an interview from Jordan, he declined to discuss details.", &["interview"]),
            ("The minor accident occurred as the aircraft was leaving a parking space.", &["leaving", "accident"]),
            // Not: a preposition in a participle's form, a state, a participle before a noun,
            // an occasion without a determiner, a conference call, a state in an "as" clause.
            ("According to analysts, the company cut 4,300 jobs.", &[]),
            ("Having more staff, the company grew.", &[]),
            ("The company lost money in the banking crisis.", &[]),
            ("He joined in a conference call.", &[]),
            ("Prices fell as demand remained weak.", &[]),
            ("He spoke at length in speech after speech.", &[]),
            ("The minor accident occurred during the push back.", &["accident"]),
            ("The launch was normal and took place exactly on time.", &["launch"]),
            ("Sunday was chosen as its date matches the aircraft's number.", &[]),
            ("The company took the place of its rival.", &[]),
            ("Nothing unusual happened.", &[]),
            ("A deal with aircraft manufacturer Boeing has been entered into the record.", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(attached_words(text), *want, "{text}");
        }
    }
}

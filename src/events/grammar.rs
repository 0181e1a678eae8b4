//! What a sentence says, read from its words' parts of speech: its verb groups
//! ("has been freed", "would strip", "did not meet", "to fly") with their tense,
//! aspect, voice and negation, and the word that opens each one's clause ("that",
//! "if", "which", "and"). Enough grammar to tell an event from a state, a
//! report from what it reports, and to cut a headline from a clause; no parse tree.
//!
//! ```
//! use newsline::events::grammar::{Sentence, Tense};
//! let text = "BT Group announced that it would strip its network.";
//! let s = Sentence::read(text, (0, text.len()));
//! assert_eq!(s.groups.len(), 2);
//! assert_eq!(s.word(text, s.groups[0].head), "announced");
//! assert_eq!(s.groups[0].tense, Tense::Past);
//! assert_eq!(s.groups[1].tense, Tense::Modal);
//! ```

use crate::language::{Pos, Word, pos};

/// The tense of a verb group, as far as dating is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// "announced", "was arrested", "did not meet", "had become".
    Past,
    /// "says", "is expected", "has unveiled".
    Present,
    /// "will meet", "is going to", "shall".
    Future,
    /// "would strip", "could hit", "may take": a future seen from the past, or a possibility.
    Modal,
    /// "to fly", "helped build".
    Infinitive,
    /// A participle on its own: "a report released in July", "citing concerns".
    Participle,
}

/// One verb group: its auxiliaries, adverbs and head verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbGroup {
    /// First word of the group (an auxiliary, a modal, "to" or the head itself).
    pub first: usize,
    /// The main verb.
    pub head: usize,
    pub tense: Tense,
    /// "has unveiled", "had become".
    pub perfect: bool,
    /// "was arrested", "has been freed".
    pub passive: bool,
    /// "did not meet", "never flew", "won't".
    pub negated: bool,
    /// The word that opens the group's clause, if any ("that", "if", "which", "and").
    pub opener: Option<Opener>,
    /// Index of the word where the group's clause starts.
    pub clause_start: usize,
}

/// What opens a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opener {
    /// "that", or nothing after a reporting verb.
    That,
    /// "if", "unless", "whether": a condition.
    If,
    /// "which", "who", "where": a relative clause.
    Relative,
    /// "when", "after", "before", "as", "while", "since", "until", "once".
    Time,
    /// "because", "although", "though", "so".
    Reason,
    /// "and", "but", "or" between clauses.
    And,
    /// ";", ":" or a dash.
    Break,
}

/// A sentence's words and verb groups. Word offsets are absolute in the article's text.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: (usize, usize),
    pub words: Vec<Word>,
    pub groups: Vec<VerbGroup>,
}

/// A word in lower case with treebank apostrophes: what the word lists compare.
/// Most words are lower case already and are not copied.
pub fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic() && b < 0x80) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(pos::normalise(word).to_lowercase())
    }
}

pub(super) fn is_be(w: &str) -> bool {
    matches!(w, "be" | "is" | "are" | "was" | "were" | "been" | "being" | "am" | "'s" | "'re" | "'m")
}

fn is_have(w: &str) -> bool {
    matches!(w, "have" | "has" | "had" | "having" | "'ve" | "'d")
}

fn is_do(w: &str) -> bool {
    matches!(w, "do" | "does" | "did")
}

fn is_negation(w: &str) -> bool {
    matches!(w, "not" | "n't" | "never" | "no longer")
}

fn is_future_modal(w: &str) -> bool {
    matches!(w, "will" | "'ll" | "shall" | "wo")
}

fn opener_of(w: &str, pos: Pos) -> Option<Opener> {
    Some(match w {
        "that" if matches!(pos, Pos::IN | Pos::WDT) => {
            if pos == Pos::WDT {
                Opener::Relative
            } else {
                Opener::That
            }
        }
        "if" | "unless" | "whether" => Opener::If,
        "which" | "who" | "whom" | "whose" | "where" => Opener::Relative,
        "when" | "after" | "before" | "while" | "since" | "until" | "once" | "as" if pos != Pos::RB => Opener::Time,
        "because" | "although" | "though" | "so" | "whereas" if pos != Pos::RB => Opener::Reason,
        "and" | "but" | "or" | "yet" if pos == Pos::CC => Opener::And,
        ";" | ":" | "\u{2014}" | "--" => Opener::Break,
        _ => return None,
    })
}

/// A model's name, which a tagger may call a number, an adjective or a plural:
/// "777-200LR", "A380-800F".
pub fn is_model_name(w: &str) -> bool {
    w.contains(|c: char| c.is_ascii_digit()) && w.contains(char::is_alphabetic)
}

impl VerbGroup {
    /// A finite verb: one with a tense of its own, not an infinitive or a participle.
    pub fn is_finite(&self) -> bool {
        matches!(self.tense, Tense::Past | Tense::Present | Tense::Future | Tense::Modal)
    }
}

impl Sentence {
    /// Tags and reads the sentence at `span` of `text`.
    pub fn read(text: &str, span: (usize, usize)) -> Sentence {
        let words = crate::language::tag_sentence(text, span.0, span.1);
        Sentence::from_words(text, span, words)
    }

    /// Reads a sentence whose words are tagged already.
    pub fn from_words(text: &str, span: (usize, usize), words: Vec<Word>) -> Sentence {
        let lowered: Vec<std::borrow::Cow<'_, str>> = words.iter().map(|w| lower(w.text(text))).collect();
        let groups = verb_groups(&words, &lowered);
        Sentence { span, words, groups }
    }

    pub fn word<'a>(&self, text: &'a str, i: usize) -> &'a str {
        self.words[i].text(text)
    }

    /// Does word `i` read as a name: capitalised, and not the sentence's first word?
    /// ("manufacturer Boeing", which a tagger may take for a participle.)
    pub fn is_name_like(&self, text: &str, i: usize) -> bool {
        // After a quotation mark, a bracket or a dash ("JERUSALEM (AP)_ Taking the
        // stand, …") a capital may open a sentence.
        let opens = |k: usize| matches!(self.words[k].pos, Pos::Quote | Pos::OpenBracket | Pos::Colon);
        i > 0 && !opens(i - 1) && self.word(text, i).starts_with(char::is_uppercase)
    }

    /// Is the comma at word `i` one between adjectives ("his small, neighborhood store",
    /// "a cramped, rented flat"), which parts no phrases?
    pub fn joins_adjectives(&self, i: usize) -> bool {
        let pos = |k: usize| self.words.get(k).map(|w| w.pos);
        // A participle before its noun is an adjective: after a determiner or another modifier.
        let modifier = |k: usize| {
            pos(k).is_some_and(|p| p.is_adjective())
                || pos(k) == Some(Pos::VBN)
                    && k > 0
                    && pos(k - 1).is_some_and(|p| matches!(p, Pos::DT | Pos::PRPS | Pos::Possessive | Pos::RB) || p.is_adjective())
        };
        pos(i) == Some(Pos::Comma)
            && i > 0
            && modifier(i - 1)
            && pos(i + 1).is_some_and(|p| p.is_noun() || p.is_adjective() || p == Pos::VBN)
    }

    /// The word index at byte offset `at`, if a word covers it.
    pub fn word_at(&self, at: usize) -> Option<usize> {
        self.words.iter().position(|w| w.start <= at && at < w.end)
    }

    /// The first word index at or after byte offset `at`.
    pub fn word_from(&self, at: usize) -> usize {
        self.words.iter().position(|w| w.end > at).unwrap_or(self.words.len())
    }

    /// The verb group whose head is word `i`.
    pub fn group_at(&self, i: usize) -> Option<&VerbGroup> {
        self.groups.iter().find(|g| g.head == i)
    }

    /// Does the sentence ask a question?
    pub fn is_question(&self, text: &str) -> bool {
        text[self.span.0..self.span.1].trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ' ']).ends_with('?')
    }
}

/// Finds the verb groups of a sentence and the word that opens each one's clause.
fn verb_groups(words: &[Word], lw: &[std::borrow::Cow<'_, str>]) -> Vec<VerbGroup> {
    let n = words.len();
    let verbish = |i: usize| words[i].pos.is_verb() || words[i].pos == Pos::MD;
    let mut out: Vec<VerbGroup> = Vec::new();
    let mut i = 0;
    while i < n {
        let starts_infinitive =
            words[i].pos == Pos::TO && (i + 1..n.min(i + 3)).find(|&j| words[j].pos != Pos::RB).is_some_and(|j| words[j].pos == Pos::VB);
        // "its scheduled departure", "the planned stop", "Airbus's proposed merger": a
        // participle between a determiner and its noun is an adjective, not a verb.
        let attributive = i > 0
            && matches!(words[i].pos, Pos::VBN | Pos::VBG)
            && matches!(words[i - 1].pos, Pos::DT | Pos::PRPS | Pos::Possessive)
            && words.get(i + 1).is_some_and(|n| n.pos.is_noun() || n.pos.is_adjective() || n.pos == Pos::CD);
        if !(verbish(i) || starts_infinitive) || attributive {
            i += 1;
            continue;
        }
        let first = i;
        let mut j = i;
        // "never flew": a negation just before the group belongs to it.
        let mut negated = i > 0 && matches!(&*lw[i - 1], "never" | "not" | "n't");
        let mut head = None;
        // Auxiliaries, adverbs and "to", up to the first verb that is not an auxiliary.
        while j < n {
            let w: &str = &lw[j];
            let p = words[j].pos;
            if p == Pos::RB || (p == Pos::Other && w == "n't") {
                // An adverb inside a group only if more verb follows ("has also won", "did not meet").
                let more = (j + 1..n.min(j + 3)).find(|&k| words[k].pos != Pos::RB).is_some_and(|k| verbish(k) || words[k].pos == Pos::TO);
                if !more || head.is_some() {
                    break;
                }
                negated |= is_negation(w);
                j += 1;
                continue;
            }
            if p == Pos::TO && j == first {
                j += 1;
                continue;
            }
            // "have been “strained": a quote mark inside a group.
            if p == Pos::Quote && head.is_none() && j > first && (j + 1 < n && words[j + 1].pos.is_verb()) {
                j += 1;
                continue;
            }
            if !(p.is_verb() || p == Pos::MD) {
                break;
            }
            // An auxiliary followed by more verb (after adverbs) is not the head.
            let next_verb = (j + 1..n.min(j + 4)).find(|&k| !matches!(words[k].pos, Pos::RB | Pos::Quote) && lw[k] != "n't");
            let aux = (p == Pos::MD || is_be(w) || is_have(w) || is_do(w))
                && next_verb.is_some_and(|k| words[k].pos.is_verb() && !(is_have(w) && p != Pos::MD && words[k].pos == Pos::VB));
            // "going to fly", "is about to", "has to": the future marker and its verb are one group.
            let going = w == "going" && next_verb.is_some_and(|k| words[k].pos == Pos::TO);
            if aux {
                j += 1;
                continue;
            }
            if going && next_verb.is_some_and(|k| k + 1 < n && words[k + 1].pos == Pos::VB) {
                j = next_verb.map_or(j + 1, |k| k + 1);
                continue;
            }
            head = Some(j);
            j += 1;
            break;
        }
        let Some(head) = head else {
            i = j.max(i + 1);
            continue;
        };
        // Negation written after the head of a be/do group is not possible; "not" after
        // a lone copula ("was not") was taken above as part of the group.
        let auxes: Vec<&str> = (first..head).map(|k| &*lw[k]).collect();
        let tense = tense_of(&auxes, words[head].pos, words[first].pos, &lw[head]);
        // A have-auxiliary makes a perfect, whatever tag its participle got ("had announced/VBD").
        let perfect = auxes.iter().any(|a| is_have(a) && *a != "'d") && matches!(words[head].pos, Pos::VBN | Pos::VBD)
            || auxes.iter().any(|a| is_have(a)) && auxes.contains(&"been");
        let passive = words[head].pos == Pos::VBN && auxes.iter().any(|a| is_be(a) || matches!(*a, "get" | "got" | "gets"));
        out.push(VerbGroup { first, head, tense, perfect, passive, negated, opener: None, clause_start: 0 });
        i = j;
    }
    // The opener of each group's clause: the nearest opening word between the
    // previous group's head and this group.
    for k in 0..out.len() {
        let from = if k == 0 { 0 } else { out[k - 1].head + 1 };
        let first = out[k].first;
        let mut opener = None;
        let mut clause_start = from;
        for (j, w) in words.iter().enumerate().take(first).skip(from) {
            if let Some(o) = opener_of(&lw[j], w.pos) {
                // "and" joins clauses after a comma, at the start, or right before the
                // verb ("met and agreed"); elsewhere it joins words ("Economic and Security").
                // (A sentence that opens with "But" opens no clause with it.)
                // So does one between a finite verb's object, with its prepositions, and a
                // subject of this finite verb ("took him hostage and police found", "will
                // begin production in 2006 and the aircraft should enter service").
                let np = |m: usize| {
                    words[m].pos.is_noun()
                        || words[m].pos.is_adjective()
                        || matches!(words[m].pos, Pos::DT | Pos::PRP | Pos::PRPS | Pos::CD | Pos::Possessive)
                };
                // Not after a verb of saying, whose object is the next clause and whose
                // subject may join two names ("said Israel radio and army radio reported").
                let saying = k > 0 && {
                    let v = &lw[out[k - 1].head];
                    super::lexicon::is_verb_of(super::lexicon::VerbClass::Report, v)
                        || super::lexicon::is_verb_of(super::lexicon::VerbClass::Announce, v)
                };
                let between_clauses = k > 0
                    && !saying
                    && j > from
                    && out[k - 1].is_finite()
                    && out[k - 1].opener != Some(Opener::Relative)
                    && out[k].is_finite()
                    && np(from)
                    && (from..j).all(|m| np(m) || words[m].pos == Pos::IN && opener_of(&lw[m], Pos::IN).is_none())
                    && (j + 1..first).all(np)
                    && (j + 1..first).any(|m| words[m].pos.is_noun() || words[m].pos == Pos::PRP);
                let joins_clauses = o != Opener::And
                    || j > 0 && words[j - 1].pos == Pos::Comma
                    || j > 0 && (j + 1..first).all(|m| words[m].pos == Pos::RB)
                    || between_clauses;
                // "since 2003, believes": a preposition, not a clause, when a comma
                // comes between it and the verb.
                let preposition =
                    matches!(o, Opener::Time | Opener::Reason) && w.pos == Pos::IN && (j + 1..first).any(|m| words[m].pos == Pos::Comma);
                if joins_clauses && !preposition {
                    opener = Some(o);
                    clause_start = j + 1;
                }
            }
        }
        if opener.is_none() && k > 0 {
            let last_comma = (from..first).rev().find(|&j| words[j].pos == Pos::Comma);
            match last_comma {
                // ", Boeing challenged the award": a new clause after the comma.
                Some(c) if c + 1 < first => clause_start = c + 1,
                // "The airline, which is the third largest, signed", "The superjumbo,
                // made by Airbus, was delivered": the clause resumes before the aside,
                // whose subject it shares.
                Some(_) => {
                    if let Some(aside) = aside_start(words, &out[..k]) {
                        let r = out[..k].iter().position(|g| g.first > aside).unwrap_or(0);
                        clause_start = if r >= 1 { (out[r - 1].head + 1).min(aside) } else { 0 };
                        clause_start = clause_start.min(aside);
                    }
                }
                _ => {}
            }
        }
        // "a report released in July found": a participle (or infinitive) without a
        // comma or opener is part of the next verb's subject; that verb's clause
        // starts where the participle's did.
        let no_comma = !(from..first).any(|j| words[j].pos == Pos::Comma);
        if opener.is_none() && k > 0 && no_comma && !out[k - 1].is_finite() && out[k - 1].opener.is_none() && out[k].is_finite() {
            clause_start = clause_start.min(out[k - 1].clause_start);
        }
        // "The arrest on charges that she misled banks has ramped up the pressure": a
        // second finite verb after a relative clause, with no opener of its own, is
        // the main clause resuming after the relative.
        // "the aircraft they intend to launch": a subject pronoun opens a clause of
        // its own (a relative without "that"); the main clause does not resume here.
        let pronoun_subject = (from..first).rev().find(|&j| matches!(lw[j].as_ref(), "i" | "he" | "she" | "we" | "they"));
        if let Some(p) = pronoun_subject.filter(|_| opener.is_none() && k > 0) {
            clause_start = clause_start.max(p);
        }
        if opener.is_none() && k > 0 && no_comma && out[k].is_finite() && pronoun_subject.is_none() {
            let mut r = k;
            while r > 0 && !out[r - 1].is_finite() && out[r - 1].opener.is_none() {
                r -= 1;
            }
            if r > 0 && out[r - 1].is_finite() && out[r - 1].opener == Some(Opener::Relative) {
                let before_relative = out[r - 1].clause_start.saturating_sub(1);
                clause_start = if r >= 2 { (out[r - 2].head + 1).min(before_relative) } else { 0 };
            }
        }
        out[k].opener = opener;
        out[k].clause_start = clause_start;
        // "will bypass the stop and fly directly": a bare verb joined by "and" shares
        // the tense of the verb it is joined to.
        if opener == Some(Opener::And) && k > 0 && out[k].tense == Tense::Infinitive && words[first].pos == Pos::VB && first == out[k].head
        {
            out[k].tense = out[k - 1].tense;
        }
        // "Nothing happened", "No one was hurt": a negative subject negates the verb.
        if (clause_start..first)
            .any(|j| matches!(lw[j].as_ref(), "nothing" | "nobody" | "none" | "neither" | "no") && words[j].pos != Pos::Stop)
        {
            out[k].negated = true;
        }
    }
    drop_comments(words, lw, &mut out);
    main_verb(words, lw, &mut out);
    out
}

/// The verbs of a comment set between a subject and its verb: ", it turned out,",
/// ", he said,", ", it seems,", ", analysts believe,".
const COMMENT_VERBS: &[&str] = &[
    "said", "says", "seems", "seemed", "appears", "appeared", "turned", "turns", "emerged", "believe", "believes", "believed", "think",
    "thinks", "thought", "reckon", "reckons", "added", "noted", "insisted", "argued", "admitted",
];

/// A comment set off by commas between a subject and its verb ("Prelogar, it turned
/// out, won that vote", "Jones, he said, resigned"), or between an opening phrase and
/// a clause ("Since October 7, he says, he’s treated two patients"), is no clause of
/// the sentence's own: its group goes, and a verb after it with no subject of its own
/// takes back the subject before it.
fn drop_comments(words: &[Word], lw: &[std::borrow::Cow<'_, str>], out: &mut Vec<VerbGroup>) {
    let mut k = 0;
    while k + 1 < out.len() {
        let g = out[k];
        let from = if k == 0 { 0 } else { out[k - 1].head + 1 };
        // The comma that opens the comment, right before its subject.
        let open = (from..g.first).rev().find(|&j| words[j].pos == Pos::Comma).filter(|&c| c >= 1);
        let particle = lw.get(g.head + 1).is_some_and(|w| w == "out");
        let close = g.head + 1 + usize::from(particle);
        let noun = |i: usize| matches!(words[i].pos, Pos::PRP | Pos::NN | Pos::NNS | Pos::NNP | Pos::NNPS);
        // A lone verb in a past form, whatever the tagger read it as.
        let past_form = |n: &VerbGroup| n.first == n.head && (lw[n.head].ends_with("ed") || crate::language::irregular_past(&lw[n.head]));
        let next = out[k + 1];
        // The verb after it shares the subject before it ("Prelogar, it turned out, won"),
        // or has its own after an opening phrase ("Since October 7, he says, he’s treated").
        let shares = next.first == close + 1 && (next.is_finite() || past_form(&next));
        let own = next.first > close + 1 && next.clause_start == close + 1 && next.opener.is_none() && next.is_finite();
        let before = |c: usize| noun(c - 1) || own && words[c - 1].pos == Pos::CD;
        let comment = open.is_some_and(|c| before(c) && (1..=2).contains(&(g.first - c - 1)) && (c + 1..g.first).all(noun))
            && g.first == g.head
            && !g.negated
            && COMMENT_VERBS.contains(&lw[g.head].as_ref())
            && words.get(close).is_some_and(|w| w.pos == Pos::Comma)
            && (shares || own);
        if let (true, Some(c)) = (comment, open) {
            let next = &mut out[k + 1];
            if shares {
                next.clause_start = (from..c).rev().find(|&j| words[j].pos == Pos::Comma).map_or(from, |j| j + 1);
            }
            next.opener = None;
            // After the comment's comma the tagger took "resigned" for a participle.
            if !next.is_finite() {
                next.tense = Tense::Past;
            }
            out.remove(k);
        } else {
            k += 1;
        }
    }
}

/// A sentence has a main verb. When the tagger read none ("Pedro Toledo urged people
/// who might be targeted to be alert": "urged" read as a participle describing
/// "Toledo"), the first participle that could be a past tense, with no auxiliary and
/// no comma before it, right after its subject and before its object, is that verb.
///
/// So is a participle joined by "and" to a past that follows it ("The minister
/// resigned and left the country"): "and" joins verbs of one tense.
fn main_verb(words: &[Word], lw: &[std::borrow::Cow<'_, str>], out: &mut [VerbGroup]) {
    let Some(k) = out.iter().position(|g| g.opener.is_none() && g.tense == Tense::Participle && g.first == g.head) else { return };
    let h = out[k].head;
    let joined_past = out.get(k + 1).is_some_and(|n| {
        n.opener == Some(Opener::And) && n.tense == Tense::Past && !n.perfect && n.first == n.clause_start && n.clause_start == h + 2
    });
    let has_main =
        out.iter().enumerate().any(|(j, g)| g.is_finite() && matches!(g.opener, None | Some(Opener::And)) && !(joined_past && j == k + 1));
    if has_main {
        return;
    }
    let w = &lw[h];
    let past_form = w.ends_with("ed") || crate::language::irregular_past(w);
    let after_subject = h > 0 && (words[h - 1].pos.is_noun() || words[h - 1].pos == Pos::PRP);
    let before_object =
        words.get(h + 1).is_some_and(|n| matches!(n.pos, Pos::DT | Pos::PRP | Pos::PRPS | Pos::NNS | Pos::NNP | Pos::NN | Pos::CD));
    if words[h].pos == Pos::VBN && past_form && after_subject && (before_object || joined_past) {
        out[k].tense = Tense::Past;
    }
}

/// Where the aside just before a verb opens: the comma before a relative clause or a
/// participle that the groups before the verb belong to (", which is …,", ", made by
/// Airbus,", ", which will be the first company to operate …,").
fn aside_start(words: &[Word], before: &[VerbGroup]) -> Option<usize> {
    let mut r = before.len().checked_sub(1)?;
    loop {
        let g = before[r];
        let comma_before = |at: usize| (0..at).rev().take(2).find(|&j| words[j].pos == Pos::Comma);
        match g.opener {
            // "that development, begun two years ago, has been": a participle set off by
            // commas is an aside, whatever opener its clause took.
            _ if !g.is_finite() && comma_before(g.first).is_some() => return comma_before(g.first),
            Some(o) if o != Opener::And && o != Opener::Break => return comma_before(g.clause_start.saturating_sub(1) + 1),
            // "who led the government and championed a republic,": a verb joined by
            // "and" goes on the clause before it, an aside if that one is.
            Some(Opener::And) => r = r.checked_sub(1)?,
            None if !g.is_finite() => {
                if let Some(c) = comma_before(g.first) {
                    return Some(c);
                }
                r = r.checked_sub(1)?;
            }
            _ => return None,
        }
    }
}

/// The group of what a statement at group `gi` states: the next clause, when it is
/// the verb's complement ("said [that] it would cut"), or for an attribution that
/// comes last ("…, the sources said"), the sentence's first clause.
pub fn stated_group(s: &Sentence, gi: usize) -> Option<usize> {
    let g = s.groups[gi];
    // "announced that development of a replacement, begun two years ago, has been
    // pushed back": an aside between the verb and what it states is passed over.
    let mut k = gi + 1;
    while k + 1 < s.groups.len() && is_aside(s, &s.groups[k]) && s.groups[k + 1].opener.is_none() {
        k += 1;
    }
    if let Some(next) = s.groups.get(k).filter(|n| k == gi + 1 || n.is_finite()) {
        // "said of trade: “There are no shipments”": a colon before a quote still introduces what is said.
        let quoted = (g.head + 1..next.first).any(|i| s.words[i].pos == Pos::Quote);
        let between_ok = quoted || (g.head + 1..next.first).all(|i| s.words[i].pos != Pos::Colon);
        // "reported on Friday, a sign that demand has recovered": a "that" after a noun
        // past the statement's comma is that noun's; what is stated stands before.
        let past_comma = next.opener == Some(Opener::That)
            && next.clause_start >= 2
            && s.words[next.clause_start - 2].pos.is_noun()
            && (g.head + 1..next.clause_start).any(|i| s.words[i].pos == Pos::Comma);
        if matches!(next.opener, None | Some(Opener::That)) && between_ok && next.tense != Tense::Participle && !past_comma {
            return Some(k);
        }
    }
    // "…, the sources said." / "…,” a source told Reuters." / "…, the government
    // reported on Friday, evidence that …": the attribution closes its clause.
    let last = s.groups[gi + 1..].iter().all(|o| (g.head + 1..o.clause_start).any(|i| s.words[i].pos == Pos::Comma));
    let after_comma = (0..g.first).rev().take(6).any(|i| matches!(s.words[i].pos, Pos::Comma | Pos::Quote));
    (last && gi > 0 && after_comma).then_some(0)
}

/// A participle or relative clause set off by a comma: ", begun two years ago,",
/// ", which was delayed,".
fn is_aside(s: &Sentence, g: &VerbGroup) -> bool {
    let participle = g.tense == Tense::Participle && g.first == g.head;
    // A relative clause starts after its "which": the comma is before that.
    let start = if participle { g.first } else { g.clause_start.saturating_sub(1) };
    (participle || g.opener == Some(Opener::Relative)) && start > 0 && s.words[start - 1].pos == Pos::Comma
}

fn tense_of(auxes: &[&str], head_pos: Pos, first_pos: Pos, head: &str) -> Tense {
    if first_pos == Pos::TO {
        return Tense::Infinitive;
    }
    if auxes.iter().any(|a| is_future_modal(a)) || (auxes.contains(&"going") && auxes.contains(&"to")) {
        return Tense::Future;
    }
    if auxes.iter().any(|a| matches!(*a, "would" | "could" | "might" | "may" | "should" | "must" | "can" | "ca" | "ought")) {
        return Tense::Modal;
    }
    // "'d" before a bare verb is "would"; before a participle, "had".
    if auxes.contains(&"'d") && head_pos == Pos::VB {
        return Tense::Modal;
    }
    // The first auxiliary carries the tense; without one, the head does.
    if let Some(a) = auxes.iter().find(|a| is_be(a) || is_have(a) || is_do(a)) {
        return match *a {
            "was" | "were" | "had" | "did" | "'d" => Tense::Past,
            "be" => Tense::Infinitive,
            "being" | "having" | "been" => Tense::Participle,
            _ => Tense::Present,
        };
    }
    match head_pos {
        Pos::VBD => Tense::Past,
        Pos::VBZ | Pos::VBP => Tense::Present,
        Pos::VBN | Pos::VBG => Tense::Participle,
        // A bare verb with no auxiliary: after "helped", "let", "make", or an imperative.
        _ => {
            let _ = head;
            Tense::Infinitive
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (head, tense, perfect, passive, negated) of each group.
    fn groups(text: &str) -> Vec<(String, Tense, bool, bool, bool)> {
        let s = Sentence::read(text, (0, text.len()));
        s.groups.iter().map(|g| (s.word(text, g.head).to_string(), g.tense, g.perfect, g.passive, g.negated)).collect()
    }

    fn heads(text: &str) -> Vec<(String, Tense)> {
        groups(text).into_iter().map(|g| (g.0, g.1)).collect()
    }

    #[test]
    fn tenses() {
        use Tense::*;
        let own = |v: Vec<(&str, Tense)>| v.into_iter().map(|(w, t)| (w.to_string(), t)).collect::<Vec<_>>();
        assert_eq!(heads("Airbus has unveiled the A380."), own(vec![("unveiled", Present)]));
        assert_eq!(heads("BT Group announced that it would strip its network."), own(vec![("announced", Past), ("strip", Modal)]));
        assert_eq!(heads("The board will meet next Monday."), own(vec![("meet", Future)]));
        assert_eq!(heads("Singapore Airlines plans to fly the plane to Sydney."), own(vec![("plans", Present), ("fly", Infinitive)]));
        assert_eq!(heads("A report released in July found flaws."), own(vec![("released", Participle), ("found", Past)]));
        assert_eq!(heads("NCSC officials had become frustrated."), own(vec![("become", Past)]));
        // A participle between a determiner and its noun is no verb.
        assert_eq!(heads("The plane left four hours after its scheduled departure."), own(vec![("left", Past)]));
        assert_eq!(heads("The airliner will bypass the planned stop in Malaysia."), own(vec![("bypass", Future)]));
        // A sentence has a main verb: a participle reading with none is a past.
        let urged = heads("Pedro Toledo urged people who might be targeted by kidnappers to be alert.");
        assert_eq!(urged[0], ("urged".to_string(), Past), "{urged:?}");
        assert_eq!(heads("A report released in July found flaws.")[0].1, Participle);
        assert_eq!(heads("The A380, pictured in Toulouse.")[0].1, Participle);
    }

    #[test]
    fn aspect_voice_and_negation() {
        let g = groups("Meng, who has been freed on bail, said she did not meet him.");
        assert_eq!(g[0], ("freed".into(), Tense::Present, true, true, false));
        assert_eq!(g[1].0, "said");
        assert_eq!(g[2], ("meet".into(), Tense::Past, false, false, true));
        let g = groups("Meng was arrested in Canada.");
        assert_eq!(g[0], ("arrested".into(), Tense::Past, false, true, false));
        let g = groups("The company has never flown it.");
        assert!(g[0].4, "{g:?}");
        let g = groups("To this day I cannot say.");
        assert!(g.iter().any(|g| g.0 == "say" && g.4), "{g:?}");
    }

    #[test]
    fn openers() {
        let text = "Officials said that if the plan failed, Airbus, which has won orders, would cut jobs.";
        let s = Sentence::read(text, (0, text.len()));
        let opener = |head: &str| s.groups.iter().find(|g| s.word(text, g.head) == head).and_then(|g| g.opener);
        assert_eq!(opener("said"), None);
        assert_eq!(opener("failed"), Some(Opener::If));
        assert_eq!(opener("won"), Some(Opener::Relative));
        // After a relative clause of two verbs joined by "and", the main clause resumes
        // at its subject.
        let text = "Paul Keating, who led the government and championed a republic, welcomed the result.";
        let s = Sentence::read(text, (0, text.len()));
        let welcomed = s.groups.iter().find(|g| s.word(text, g.head) == "welcomed").unwrap();
        assert_eq!(welcomed.clause_start, 0);
    }

    #[test]
    fn what_a_statement_states() {
        let stated = |text: &str| {
            let s = Sentence::read(text, (0, text.len()));
            stated_group(&s, 0).map(|k| s.word(text, s.groups[k].head).to_string())
        };
        assert_eq!(stated("BT announced that it would strip the equipment.").as_deref(), Some("strip"));
        // An aside between the verb and what it states is passed over.
        assert_eq!(
            stated("The company has announced that development of a replacement, begun two years ago, has been pushed back.").as_deref(),
            Some("pushed")
        );
        assert_eq!(stated("He said the plan, which was agreed in May, would cost more.").as_deref(), Some("cost"));
        // A participle after the verb is not what it states.
        assert_eq!(stated("Prices rose, pushing the index up."), None);
    }

    #[test]
    fn a_closing_attribution_states_what_comes_before_it() {
        let stated = |text: &str, verb: &str| {
            let s = Sentence::read(text, (0, text.len()));
            let gi = s.groups.iter().position(|g| s.word(text, g.head) == verb).unwrap();
            stated_group(&s, gi).map(|k| s.word(text, s.groups[k].head).to_string())
        };
        assert_eq!(stated("The plant hired 300 workers, the company said.", "said").as_deref(), Some("hired"));
        // Whatever follows it after a comma: "a sign that …" is the writer's.
        let text = "The plant hired 300 workers in May, the company reported on Friday, a sign that the economy has recovered.";
        assert_eq!(stated(text, "reported").as_deref(), Some("hired"));
        // Not a statement whose own clause runs over a comma.
        let text = "It is unclear, and sources indicate that the stop in Perth, on May 1, may be cut.";
        assert_ne!(stated(text, "indicate").as_deref(), Some("is"));
    }

    #[test]
    fn questions() {
        let text = "Will Airbus deliver on time?";
        assert!(Sentence::read(text, (0, text.len())).is_question(text));
    }
}

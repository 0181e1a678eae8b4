//! Event titles: a headline cut from the event's clause — subject, verb, object —
//! at most [`MAX_TITLE`] characters and never with an ellipsis.
//!
//! From the clause, in this order: the date and its preposition leave; so do
//! datelines ("LONDON—"), leading conjunctions and adverbials ("But", "On Dec. 5,"),
//! parentheses, appositives (", a British telecom services provider,"), relative
//! clauses and trailing participle clauses (", citing …"). A reported statement
//! loses its frame ("BT Group announced that it would strip …" is about the
//! stripping: "BT Group to strip …"), a passive its auxiliary ("Meng was arrested"
//! → "Meng arrested"), a future its modal ("will fly" → "to fly"). A title still too
//! long drops articles, adverbs, adjectives (one at a time), a clause that says what
//! a noun holds, trailing phrases and a compound's modifiers, in that order, and last
//! of all ends at a phrase boundary.

use super::grammar::{Opener, Sentence, Tense, VerbGroup, lower};
use crate::language::Pos;

pub const MAX_TITLE: usize = 60;

/// What a title is made from.
pub struct TitleSpec<'a> {
    pub text: &'a str,
    pub sentence: &'a Sentence,
    /// The event's word: a verb group's head or an event noun (a word index).
    pub focus: Option<usize>,
    /// For a statement ("said it would cut"): the group of what is stated, whose
    /// clause becomes the title; the statement's own subject stands in for a pronoun.
    pub stated: Option<usize>,
    /// Byte spans of the dates to cut out.
    pub dates: &'a [(usize, usize)],
    /// Who "it", "he" or "they" most likely is: the last named subject before this
    /// sentence ([`named_subject`]), looked up only when a title needs it.
    pub antecedent: &'a dyn Fn() -> Option<String>,
}

/// A word kept for the title, with its tag.
#[derive(Debug, Clone)]
struct Piece {
    text: String,
    /// `text`'s length in characters, counted once: shortening measures often.
    chars: usize,
    pos: Pos,
    /// Part of the verb group: shortening never cuts it.
    verb: bool,
    /// A participle used as an adjective ("its existing network", "the revised bids").
    modifier: bool,
    /// The "that" of a clause that says what a noun holds ("a sign that talks resume").
    opens: bool,
}

/// Prepositions that go with a date when it is cut out.
const DATE_PREPOSITIONS: &[&str] =
    &["on", "in", "at", "by", "since", "during", "until", "from", "for", "of", "before", "after", "through", "between", "around", "as of"];

/// Leading words a headline does without.
const LEADING_DROPS: &[&str] = &[
    "but",
    "and",
    "or",
    "so",
    "yet",
    "however",
    "meanwhile",
    "also",
    "still",
    "then",
    "now",
    "previously",
    "later",
    "earlier",
    "finally",
    "instead",
    "although",
    "though",
    "while",
    "thus",
    "moreover",
    "furthermore",
    "additionally",
    "today",
    "yesterday",
    "tomorrow",
    "recently",
];

pub fn title(spec: &TitleSpec<'_>) -> String {
    let s = spec.sentence;
    let text = spec.text;
    let group_of = |head: usize| s.groups.iter().position(|g| g.head == head);
    // The group whose clause gives the title.
    let focus_group = match (spec.stated, spec.focus) {
        (Some(g), _) => Some(g),
        // A participle that describes the subject ("a report released in July found …")
        // is titled by the clause it stands in.
        (None, Some(f)) => match group_of(f) {
            Some(k) if s.groups[k].tense == Tense::Participle && s.groups[k].first == f && f > 0 && s.words[f - 1].pos.is_noun() => {
                governing_group(s, f)
                    .filter(|&g| s.groups[g].first > f)
                    .or_else(|| s.groups[..k].iter().rposition(|g| g.is_finite()))
                    .or(Some(k))
            }
            // An infinitive is titled with the verb it completes: "The first flight is
            // expected to take place", "Singapore Airlines plans to fly the plane".
            Some(k) if s.groups[k].tense == Tense::Infinitive && k > 0 && s.groups[k].opener.is_none() => {
                let p = s.groups[k - 1];
                let adjacent = !(p.head + 1..s.groups[k].first).any(|i| s.words[i].pos.is_punct());
                if p.is_finite() && adjacent { Some(k - 1) } else { Some(k) }
            }
            Some(k) => Some(k),
            None => governing_group(s, f),
        },
        (None, None) => None,
    };
    let Some(gi) = focus_group else { return fallback(spec) };
    let g = s.groups[gi];
    let noun_subject = spec.focus.filter(|&f| group_of(f).is_none() && f >= g.clause_start && f < g.first);
    let (cs, ce) = clause_bounds(s, gi, text);
    let mut keep = vec![true; s.words.len()];
    for (i, k) in keep.iter_mut().enumerate() {
        *k = i >= cs && i < ce;
    }
    cut_dates(spec, &mut keep);
    cut_asides(s, text, cs, ce, &mut keep);
    // No comma stands between a subject and its verb once the asides are cut:
    // "Singapore Airlines, which will be the first to operate it, have opened" and "The
    // airline, founded in 1990," become "Singapore Airlines have opened", "The airline founded".
    // Nor before an adverb of the verb's: "The proposal, first put forward".
    if let Some(c) =
        (cs..g.first.min(keep.len())).rev().find(|&i| keep[i] && s.words[i].pos != Pos::RB).filter(|&i| s.words[i].pos == Pos::Comma)
    {
        keep[c] = false;
    }
    // The verb group in headline form.
    let mut verb: Vec<Piece> = Vec::new();
    let lw = |i: usize| lower(s.word(text, i));
    let future = matches!(g.tense, Tense::Future | Tense::Modal | Tense::Infinitive);
    if future {
        verb.push(Piece::new("to".into(), Pos::TO));
        // "will be compensated" → "to be compensated".
        if g.passive {
            verb.push(Piece::new("be".into(), Pos::VB));
        }
        verb.push(piece(s, text, g.head));
    } else if g.passive {
        // "was arrested", "has been freed", "is scheduled": the participle alone.
        verb.push(piece(s, text, g.head));
    } else {
        for i in g.first..=g.head {
            if s.words[i].pos == Pos::RB || lw(i) == "to" && i != g.head {
                continue;
            }
            verb.push(piece(s, text, i));
        }
    }
    // The subject: what stands before the group in its clause, or, for a pronoun or
    // none at all, the statement's subject or the relative clause's antecedent.
    // An infinitive's "to" (tagged as a preposition before "receive") is the verb's.
    let subject_end = if future && g.first > cs && lw(g.first - 1) == "to" { g.first - 1 } else { g.first };
    let mut subject: Vec<Piece> = (cs..subject_end).filter(|&i| keep[i]).map(|i| piece(s, text, i)).collect();
    subject = drop_leading(subject);
    // "with the council set to vote": an absolute clause's "with" is no part of its subject.
    if !g.is_finite() && subject.len() > 1 && subject[0].pos == Pos::IN && lower(&subject[0].text) == "with" {
        subject.remove(0);
    }
    // "with the first customer, All Nippon Airways, due to receive": an adjective that
    // opens an infinitive's clause ("due", "set", "likely") says something of the
    // phrase before it, which is the subject.
    let predicative = future && !subject.is_empty() && subject.iter().all(|p| p.pos.is_adjective() || p.pos == Pos::VBN);
    if let Some(np) = predicative.then(|| phrase_before(s, text, cs)).flatten() {
        subject = np.into_iter().chain(subject).collect();
    }
    // "I", "we" and "you" outside a quotation are the writer and the reader, whom no
    // other clause's subject stands for ("As we move toward 2030, blockchain is maturing").
    let person = subject.len() == 1
        && matches!(lower(&subject[0].text).as_ref(), "i" | "we" | "you")
        && !super::mentions::in_quotes(s, text, g.first);
    let pronoun = (subject.len() == 1 && matches!(subject[0].pos, Pos::PRP) || subject.is_empty()) && !person;
    let subject_len = subject.len();
    if pronoun {
        let stand_in = match spec.stated {
            Some(_) => spec.focus.and_then(&group_of).map(|r| resolved_subject(s, text, r, spec, 0)),
            None => Some(resolved_subject(s, text, gi, spec, 0)),
        };
        if let Some(sub) = stand_in.filter(|v| !no_subject(v)) {
            subject = sub;
        }
    }
    // A pronoun no sentence-level stand-in replaced: the last named subject before.
    let pronoun = subject.len() == 1 && matches!(lower(&subject[0].text).as_ref(), "it" | "he" | "she" | "they");
    if let (true, Some(a)) = (pronoun, pronoun.then(spec.antecedent).flatten()) {
        subject = vec![Piece::new(a, Pos::NNP)];
    }
    // "they’re becoming" with a name for "they": the verb's clitic, which leant on the
    // pronoun, is written out ("Consumers are becoming", not "Consumers’re"); so it is
    // after any subject but the pronoun it was written with.
    let own_pronoun = subject_len == 1 && subject.len() == 1 && subject[0].pos == Pos::PRP;
    if !own_pronoun && let Some(full) = verb.first().and_then(|v| written_out(&v.text, verb.get(1))) {
        verb[0] = Piece::new(full.into(), verb[0].pos);
    }
    for p in &mut verb {
        p.verb = true;
    }
    let rest: Vec<Piece> = (g.head + 1..ce).filter(|&i| keep[i]).map(|i| piece(s, text, i)).collect();
    // An event noun in a longer phrase is titled by its own phrase: "The arrest last
    // week in Canada of …, has ramped up the pressure" is about the arrest; "Ian Levy's
    // dramatic exit from the November meeting showed …" about the exit. A short
    // phrase ("the meeting", "an April report") takes its clause instead.
    let date: Vec<bool> = s.words.iter().map(|w| w.overlaps(spec.dates)).collect();
    let noun_phrase = spec
        .stated
        .is_none()
        .then_some(())
        .and(noun_subject.or(spec.focus.filter(|&f| group_of(f).is_none())))
        .map(|n| noun_phrase(s, text, n, &keep, &date));
    // Only a phrase that says something on its own: a few words with a phrase of
    // their own ("arrest in Canada of …"); "a British government report" takes its clause.
    let telling = |np: &[Piece]| np.iter().filter(|p| !p.pos.is_punct()).count() > 3 && np.iter().any(|p| p.pos == Pos::IN);
    // "“No one could explain this disruption,” Maurizi said": a saying whose clause
    // says nothing more is titled as headlines quote, "Maurizi: No one could explain
    // this disruption".
    let saying = spec.stated.is_none() && is_saying(&lower(s.word(text, g.head)));
    // The speaker: the subject, or a name after the verb ("…,” says Tahseen Elayyan").
    let name_after = rest.iter().take_while(|p| p.pos.is_proper()).count();
    let speaker = match (no_subject(&subject), name_after) {
        (false, _) if rest.iter().all(|p| p.pos.is_punct()) => Some(subject.clone()),
        (true, n) if n > 0 && rest[n..].iter().all(|p| p.pos.is_punct()) => Some(rest[..n].to_vec()),
        _ => None,
    };
    // Only a speaker that reads as one: a noun phrase ending in its noun ("out his
    // chest" is what is left of a misread clause, not who spoke).
    let in_name = |p: &Piece| {
        p.pos.is_noun() || p.pos.is_adjective() || matches!(p.pos, Pos::DT | Pos::PRPS | Pos::Possessive | Pos::CD) || p.text == "of"
    };
    let speaks = |who: &Vec<Piece>| who.last().is_some_and(|p| p.pos.is_noun()) && who.iter().all(in_name);
    let quoted = speaker.filter(|who| saying && speaks(who)).and_then(|who| Some((who, quotation(s, text)?)));
    if let Some(t) = quoted.and_then(|(who, q)| quote_title(who, q)) {
        return t;
    }
    let mut pieces: Vec<Piece> = match noun_phrase {
        Some(np) if telling(&np) => np,
        _ => subject.into_iter().chain(verb).chain(rest).collect(),
    };
    pieces = drop_leading(pieces);
    pieces.retain(|p| !matches!(p.pos, Pos::Quote) && !p.text.is_empty());
    let out = shorten(pieces);
    if out.split_whitespace().count() < 2 { fallback(spec) } else { out }
}

impl Piece {
    fn new(text: String, pos: Pos) -> Piece {
        Piece { chars: text.chars().count(), text, pos, verb: false, modifier: false, opens: false }
    }
}

/// The full word of a verb's clitic ("’re" → "are"), given the verb piece after it;
/// `None` for anything else. "’s" and "’d" are read from what follows: "’s been" is
/// "has been", "’d left" is "had left", "’d leave" is "would leave".
fn written_out(clitic: &str, next: Option<&Piece>) -> Option<&'static str> {
    let c = clitic.strip_prefix(['\'', '\u{2019}'])?;
    let participle = next.is_some_and(|n| n.pos == Pos::VBN);
    Some(match c.to_ascii_lowercase().as_str() {
        "re" => "are",
        "ve" => "have",
        "ll" => "will",
        "m" => "am",
        "s" if next.is_some_and(|n| matches!(lower(&n.text).as_ref(), "been" | "got" | "gotten")) => "has",
        "s" => "is",
        "d" if participle => "had",
        "d" => "would",
        _ => return None,
    })
}

/// Verbs of saying that say how, beside the lexicon's bare attributions ("said",
/// "told"): a quotation after them is what was said.
const SAYING_HOW: &[&str] = &[
    "quipped",
    "quips",
    "joked",
    "jokes",
    "tweeted",
    "tweets",
    "vowed",
    "vows",
    "countered",
    "counters",
    "interjected",
    "rejoined",
    "responded",
    "responds",
    "exclaimed",
    "asked",
    "asks",
];

/// A verb of saying: an attribution or one that says how ("quipped", "countered").
fn is_saying(w: &str) -> bool {
    super::lexicon::is_verb_of(super::lexicon::VerbClass::Report, w) || SAYING_HOW.contains(&w)
}

/// The sentence's quotation, its words without the marks: its quoted stretches in
/// order ("“From now on,” he quipped, “I’m going to …”"), from the sentence's start
/// when the quotation opened in a sentence before ("… throats 24/7,” Gates said.").
/// At least three words, or none.
fn quotation(s: &Sentence, text: &str) -> Option<Vec<Piece>> {
    let mut marks: Vec<usize> = (0..s.words.len()).filter(|&i| s.words[i].pos == Pos::Quote).collect();
    let closes_first = marks.first().is_some_and(|&m| m > 0 && s.word(text, m) != "\u{201c}" && s.words[m - 1].pos.is_punct());
    // An opening mark before the sentence: one past `usize::MAX` wraps to its start.
    if marks.len() % 2 == 1 && closes_first {
        marks.insert(0, usize::MAX);
    }
    let inside: Vec<usize> = marks.chunks_exact(2).flat_map(|m| m[0].wrapping_add(1)..m[1]).collect();
    (inside.iter().filter(|&&i| !s.words[i].pos.is_punct()).count() >= 3).then(|| inside.into_iter().map(|i| piece(s, text, i)).collect())
}

/// "Maurizi: No one could explain this disruption": the speaker, a colon and the
/// quotation's words as said, cut at a word to fit [`MAX_TITLE`] (never shortened
/// the way a clause is: a quotation keeps its words). None when a long name leaves
/// room for less than three of them.
fn quote_title(speaker: Vec<Piece>, quotation: Vec<Piece>) -> Option<String> {
    let said = speaker.len() + 1;
    let mut v: Vec<Piece> = speaker.into_iter().chain([Piece::new(":".into(), Pos::Colon)]).chain(quotation).collect();
    let words = |v: &[Piece]| v.iter().filter(|p| !p.pos.is_punct()).count();
    let all = words(&v);
    // One character is kept for the ellipsis a cut quotation ends with.
    let room = if len(&v) > MAX_TITLE { MAX_TITLE - 1 } else { MAX_TITLE };
    while len(&v) > room && v.len() > 2 {
        v.pop();
    }
    // A cut quotation ends at a word that ends a phrase; a whole one as said.
    let cut = words(&v) < all;
    while v.len() > 2 && v.last().is_some_and(|p| p.pos.is_punct() || cut && matches!(p.pos, Pos::CC | Pos::IN | Pos::DT | Pos::TO)) {
        v.pop();
    }
    if words(&v[said.min(v.len())..]) < 3 {
        return None;
    }
    let out = join(&v);
    Some(if cut { format!("{out}\u{2026}") } else { out })
}

/// No subject, or only a pronoun: one to stand in for it is wanted.
fn no_subject(v: &[Piece]) -> bool {
    v.is_empty() || v.len() == 1 && v[0].pos == Pos::PRP
}

fn piece(s: &Sentence, text: &str, i: usize) -> Piece {
    // A participle between a determiner (or adjective) and a noun describes the noun.
    let modifier = matches!(s.words[i].pos, Pos::VBG | Pos::VBN)
        && i > 0
        && matches!(s.words[i - 1].pos, Pos::DT | Pos::PRPS | Pos::JJ | Pos::Possessive | Pos::CD)
        && s.words.get(i + 1).is_some_and(|n| n.pos.is_noun() || n.pos.is_adjective() || n.pos == Pos::CD);
    // "aircrafts' delivery": an apostrophe right after a plural is its possessive.
    let w = s.word(text, i);
    let possessive = matches!(w, "'" | "\u{2019}") && i > 0 && s.words[i - 1].end == s.words[i].start && s.word(text, i - 1).ends_with('s');
    let pos = if possessive { Pos::Possessive } else { s.words[i].pos };
    let text = if w.contains(['\u{201c}', '\u{201d}']) { w.replace(['\u{201c}', '\u{201d}'], "\"") } else { w.to_string() };
    Piece { modifier, ..Piece::new(text, pos) }
}

/// The subject of the sentence's main clause, if it names someone: "Singapore
/// Airlines", "The Airbus A380" — the likely referent of a pronoun in what follows.
pub fn named_subject(s: &Sentence, text: &str) -> Option<String> {
    let gi = s.groups.iter().position(|g| g.is_finite() && g.opener.is_none())?;
    let subject = |gi: usize| {
        let g = s.groups[gi];
        let (cs, _) = clause_bounds(s, gi, text);
        let mut keep: Vec<bool> = (0..s.words.len()).map(|i| i >= cs && i < g.first).collect();
        cut_asides(s, text, cs, g.first, &mut keep);
        let mut words = drop_leading((cs..g.first).filter(|&i| keep[i]).map(|i| piece(s, text, i)).collect());
        // "Alito once stood": the adverb is the verb's, not the name's.
        while words.last().is_some_and(|p| p.pos == Pos::RB) {
            words.pop();
        }
        words
    };
    let words: Vec<Piece> = subject(gi);
    // A name, short enough to stand for it, with no clause or quote inside.
    let named = |words: &[Piece]| {
        words.iter().any(|p| p.pos.is_proper())
            && words.len() <= 6
            && words.iter().all(|p| !matches!(p.pos, Pos::PRP | Pos::WDT | Pos::WP | Pos::Quote | Pos::Comma | Pos::IN | Pos::CC))
    };
    if named(&words) {
        return Some(join(&words));
    }
    // "When Wong Kwan bought the house, he thought it a great deal": a pronoun in the
    // main clause stands for the name of a clause that opens the sentence before it.
    if no_subject(&words) {
        let before = (0..gi).find(|&k| s.groups[k].is_finite() && matches!(s.groups[k].opener, Some(Opener::Time | Opener::Reason)));
        if let Some(w) = before.map(subject).filter(|w| named(w)) {
            return Some(join(&w));
        }
    }
    None
}

/// The phrase of the event noun at `n`: its determiners and modifiers, the noun
/// it is the object of ("exit from the meeting"), and its own phrases ("in Canada of
/// Meng Wanzhou on U.S. charges"), up to a comma, a verb or a clause.
fn noun_phrase(s: &Sentence, text: &str, n: usize, keep: &[bool], date: &[bool]) -> Vec<Piece> {
    let mut start = n;
    loop {
        while start > 0 && np_word(s.words[start - 1].pos) {
            start -= 1;
        }
        // "exit from [the meeting]": over a preposition to the noun it hangs from.
        // Only from a common noun: "Canada after a test flight" is two phrases, and
        // not over a relation in time ("four hours after its departure").
        // Nor from a noun whose own date stands before it: "a life sentence for the
        // March 2001 bombing" is titled by the bombing.
        let dated_before = n > 0 && date[n - 1];
        // Nor from a bare plural that a verb takes as its object ("told oil
        // companies of a cutback"): a phrase the noun hangs from has a determiner.
        let determiner = |p: Pos| matches!(p, Pos::DT | Pos::PRPS | Pos::Possessive);
        let determined = |noun: usize| {
            let mut d = noun;
            while d > 0 && np_word(s.words[d - 1].pos) && !determiner(s.words[d - 1].pos) {
                d -= 1;
            }
            s.words[noun].pos == Pos::NN || d > 0 && determiner(s.words[d - 1].pos)
        };
        if start >= 2
            && !dated_before
            && s.words[start - 1].pos == Pos::IN
            && s.words[start - 2].pos.is_noun()
            && !s.words[start - 2].pos.is_proper()
            && !date[start - 2]
            && !matches!(lower(s.word(text, start - 1)).as_ref(), "that" | "because" | "as" | "after" | "before" | "since" | "until")
            && determined(start - 2)
        {
            start -= 1;
            continue;
        }
        break;
    }
    let mut end = n + 1;
    loop {
        while end < s.words.len() && (np_word(s.words[end].pos) || date[end]) {
            end += 1;
        }
        // "in Canada", "of its chief financial officer", and an aside that names it.
        if end + 1 < s.words.len()
            && s.words[end].pos == Pos::IN
            && !matches!(lower(s.word(text, end)).as_ref(), "that" | "because" | "as" | "if" | "while")
        {
            end += 1;
            continue;
        }
        // An aside cut out of the clause (", Meng Wanzhou," stands for what it follows).
        if end + 1 < s.words.len() && s.words[end].pos == Pos::Comma && !keep[end] && keep[end + 1] {
            end += 1;
            continue;
        }
        if end + 1 < s.words.len() && s.words[end].pos == Pos::CC && np_word(s.words[end + 1].pos) && s.words[end + 1].pos != Pos::DT {
            end += 1;
            continue;
        }
        break;
    }
    (start..end).filter(|&i| keep[i]).map(|i| piece(s, text, i)).collect()
}

/// A word a noun phrase is made of: a determiner, an adjective, a noun, a number.
fn np_word(p: Pos) -> bool {
    p.is_noun() || p.is_adjective() || matches!(p, Pos::DT | Pos::Possessive | Pos::PRPS | Pos::CD)
}

/// The noun phrase that ends right before word `at`, over a comma: "All Nippon Airways"
/// in "the first customer, All Nippon Airways, due to".
fn phrase_before(s: &Sentence, text: &str, at: usize) -> Option<Vec<Piece>> {
    let mut end = at;
    while end > 0 && s.words[end - 1].pos == Pos::Comma {
        end -= 1;
    }
    let start = (0..end).rev().take_while(|&k| np_word(s.words[k].pos)).last()?;
    (start..end)
        .any(|k| s.words[k].pos.is_noun() || super::grammar::is_model_name(s.word(text, k)))
        .then(|| (start..end).map(|k| piece(s, text, k)).collect())
}

/// The group whose clause holds word `i`: the first finite group after it whose
/// clause takes it in (past participles and infinitives of the subject on the way:
/// "a report released in July found"), or else the last group before it.
fn governing_group(s: &Sentence, i: usize) -> Option<usize> {
    let next_finite = s.groups.iter().position(|g| g.first > i && g.is_finite() && g.opener.is_none());
    let in_reach = next_finite.filter(|&k| {
        let g = s.groups[k];
        g.clause_start <= i || s.groups[..k].iter().filter(|p| p.first > i).all(|p| !p.is_finite() && p.opener.is_none())
    });
    // A finite clause before a participle one: "left four hours after its scheduled
    // departure, carrying 150 passengers" is the leaving's.
    in_reach
        .or_else(|| s.groups.iter().position(|g| g.clause_start <= i && i < g.first && g.is_finite()))
        .or_else(|| s.groups.iter().rposition(|g| g.head < i && g.is_finite()))
        .or_else(|| s.groups.iter().position(|g| g.clause_start <= i && i < g.first))
        .or_else(|| s.groups.iter().rposition(|g| g.head < i))
}

/// The word range of group `gi`'s clause: from after its opener to before the next
/// clause that is not its own complement.
fn clause_bounds(s: &Sentence, gi: usize, text: &str) -> (usize, usize) {
    let g = s.groups[gi];
    let mut start = g.clause_start;
    // "that development, begun two years ago, has been pushed back": a clause resumed
    // after an aside starts at the word that opened it.
    if start < g.first && s.words[start].pos == Pos::IN && lower(s.word(text, start)) == "that" {
        start += 1;
    }
    // The clause starts at a pronoun subject right before the verb when what stands
    // before it is an introductory phrase without its comma ("At the same time it
    // raised its prices") or the hearer of a verb of telling ("told passengers it had
    // cancelled the flight").
    if g.first > start + 1 && crate::language::is_subject_pronoun(s.word(text, g.first - 1)) {
        let before = start..g.first - 1;
        let intro = s.words[start].pos == Pos::IN
            && !before.clone().any(|i| s.words[i].pos == Pos::Comma || s.words[i].pos.is_verb() || s.words[i].pos == Pos::PRP);
        let told = start > 0 && s.words[start - 1].pos.is_verb() && super::lexicon::is_telling(&lower(s.word(text, start - 1)));
        let hearer = told
            && before
                .into_iter()
                .all(|i| matches!(s.words[i].pos, Pos::DT | Pos::JJ | Pos::NN | Pos::NNS | Pos::NNP | Pos::NNPS | Pos::PRP));
        if intro || hearer {
            start = g.first - 1;
        }
    }
    // An introductory phrase set off by a comma belongs to no title ("In an April report, the commission …").
    // So does a second one after it ("And at the big brokerage houses, after ten years
    // of boom, they're talking"), and one that a word like "all" leads ("All across
    // Hong Kong, the market has crashed").
    let opens_intro = |i: usize| {
        matches!(s.words[i].pos, Pos::IN | Pos::RB | Pos::CC | Pos::TO | Pos::VBG)
            || lower(s.word(text, i)) == "last"
            || matches!(lower(s.word(text, i)).as_ref(), "all" | "even" | "just" | "right")
                && s.words.get(i + 1).is_some_and(|n| n.pos == Pos::IN)
    };
    if let Some(c) = (start..g.first).find(|&i| s.words[i].pos == Pos::Comma) {
        let intro = c > start && opens_intro(start);
        if intro {
            start = c + 1;
            // The introductory phrase's own aside goes with it: "In the bond market, a
            // sensitive barometer of inflation anxiety, prices edged up". Only when a
            // subject follows the aside: in "In Paris, Airbus, the planemaker, unveiled"
            // the aside is the subject's, and "Airbus, Boeing and Embraer showed" lists.
            if let Some(c2) = (start..g.first).rev().find(|&i| s.words[i].pos == Pos::Comma) {
                let aside_has_verb = s.groups.iter().any(|h| (start..c2).contains(&h.head));
                let described = s.words[start].pos == Pos::DT;
                let subject_after = (c2 + 1..g.first).any(|i| s.words[i].pos.is_noun() || s.words[i].pos == Pos::PRP)
                    && !(c2 + 1..g.first).any(|i| s.words[i].pos == Pos::CC);
                if described && !aside_has_verb && subject_after {
                    start = c2 + 1;
                }
            }
            // A second introductory phrase, with no verb of its own.
            while let Some(c) = (start..g.first).find(|&i| s.words[i].pos == Pos::Comma) {
                if !(c > start && opens_intro(start)) || s.groups.iter().any(|h| (start..c).contains(&h.head)) {
                    break;
                }
                start = c + 1;
            }
        }
    }
    // A comma between adjectives parts no phrases: "his small, neighborhood store".
    let between_adjectives = |i: usize| s.joins_adjectives(i);
    let mut end = s.words.len();
    for later in &s.groups[gi + 1..] {
        let after_comma = later.first > 0 && s.words[later.first - 1].pos == Pos::Comma;
        // A participle before its noun is an adjective: "his small, rented flat".
        let prenominal = later.first == later.head
            && s.words[later.head].pos == Pos::VBN
            && s.words.get(later.head + 1).is_some_and(|n| n.pos.is_noun())
            && later.first > 0
            && (s.joins_adjectives(later.first - 1) || matches!(s.words[later.first - 1].pos, Pos::DT | Pos::PRPS | Pos::Possessive));
        match later.opener {
            // What the verb says or finds: "found that shortcomings had exposed …".
            Some(Opener::That) => continue,
            None if prenominal => continue,
            // A participle or infinitive inside the clause ("Los Angeles based", "to
            // build"), or what a finite verb says ("said the meeting ended").
            None if !after_comma
                && !(g.head + 1..later.first).any(|i| s.words[i].pos == Pos::Comma)
                && (!later.is_finite() || g.is_finite()) =>
            {
                continue;
            }
            _ => {
                // The clause ends at the comma or opener before the next clause.
                end = (g.head + 1..later.first)
                    .rev()
                    .filter(|&i| matches!(s.words[i].pos, Pos::Comma | Pos::CC | Pos::IN | Pos::WDT | Pos::WP | Pos::WRB | Pos::Colon))
                    .find(|&i| i < later.clause_start || s.words[i].pos == Pos::Comma)
                    .map_or(later.clause_start.max(g.head + 1), |i| i);
                // A comma between the head and the next clause ends it earlier.
                if let Some(c) =
                    (g.head + 1..end).find(|&i| s.words[i].pos == Pos::Comma && later.opener.is_none() && !between_adjectives(i))
                {
                    end = c;
                }
                break;
            }
        }
    }
    // A comma after the verb's phrase ends the clause, unless it lists names
    // ("to Sydney, Melbourne and Brisbane"), numbers or adjectives.
    if let Some(c) = (g.head + 1..end).find(|&i| {
        let lists = s.words.get(i + 1).is_some_and(|n| n.pos.is_proper() || n.pos == Pos::CD) || between_adjectives(i);
        s.words[i].pos == Pos::Comma && !lists && !(i > 0 && s.words[i - 1].pos == Pos::Quote)
    }) {
        end = c;
    }
    // A participle clause after a comma ends the clause even when no group follows.
    if let Some(c) = (g.head + 1..end).find(|&i| s.words[i].pos == Pos::Comma && s.words.get(i + 1).is_some_and(|w| w.pos == Pos::VBG)) {
        end = c;
    }
    (start, end.max(start))
}

/// Cuts the dates, with their prepositions, out of the kept words.
fn cut_dates(spec: &TitleSpec<'_>, keep: &mut [bool]) {
    let s = spec.sentence;
    for &(ds, de) in spec.dates {
        let inside: Vec<usize> = (0..s.words.len()).filter(|&i| s.words[i].start < de && ds < s.words[i].end).collect();
        let Some(&first) = inside.first() else { continue };
        let last = *inside.last().expect("non-empty");
        // "Sunday was chosen": a date that is the subject stays.
        let subject = s.groups.iter().any(|g| g.first == last + 1 && g.is_finite())
            && (first == 0 || matches!(s.words[first - 1].pos, Pos::Comma | Pos::CC | Pos::Quote));
        if subject {
            continue;
        }
        for &i in &inside {
            keep[i] = false;
        }
        // "the November meeting": a date that modifies a noun leaves alone; its
        // possessive goes with it ("for Tuesday's trip" → "for trip").
        if s.words.get(last + 1).is_some_and(|w| w.pos == Pos::Possessive) {
            keep[last + 1] = false;
            continue;
        }
        if s.words.get(last + 1).is_some_and(|w| w.pos.is_noun() && !w.pos.is_proper()) {
            continue;
        }
        // "on Dec. 5", "as early as March", "in late November": the preposition goes too.
        let mut k = first;
        while k > 0 {
            let w = lower(s.word(spec.text, k - 1));
            // "until at least 2027": the hedge goes, and the preposition before it.
            if k >= 2 && matches!(w.as_ref(), "least" | "most") && lower(s.word(spec.text, k - 2)) == "at" {
                keep[k - 1] = false;
                keep[k - 2] = false;
                k -= 2;
                continue;
            }
            if DATE_PREPOSITIONS.contains(&w.as_ref()) || matches!(w.as_ref(), "as" | "early" | "late" | "the") && k >= 2 {
                keep[k - 1] = false;
                k -= 1;
                if DATE_PREPOSITIONS.contains(&w.as_ref()) {
                    break;
                }
            } else {
                break;
            }
        }
        // "late on Saturday", "early in the day": the word that times the date goes too.
        if k > 1 && keep[k - 1] && !keep[k] && matches!(lower(s.word(spec.text, k - 1)).as_ref(), "late" | "early") {
            keep[k - 1] = false;
            k -= 1;
        }
        // "starting in April 2007", "effective January 1": the word that leads the
        // date in goes with it.
        if k > 0 && keep[k - 1] && super::lexicon::DATE_LEADERS.contains(&lower(s.word(spec.text, k - 1)).as_ref()) {
            keep[k - 1] = false;
            k -= 1;
        }
        // A participle whose only complement was the date would dangle: "a report
        // released in July found" → "a report found".
        if k > 0 && keep[k - 1] {
            let before = k - 1;
            let lone_participle = s.groups.iter().any(|g| g.head == before && g.first == before && g.tense == Tense::Participle);
            let next_kept = (inside.last().copied().unwrap_or(first) + 1..s.words.len()).find(|&i| keep[i]);
            if lone_participle && next_kept.is_some_and(|i| s.groups.iter().any(|g| g.first == i)) {
                keep[before] = false;
            }
        }
        // A comma left behind after an opening date ("On Dec. 5, BT …").
        if (k == 0 || !keep[..k].iter().any(|&x| x)) && s.words.get(last + 1).is_some_and(|next| next.pos == Pos::Comma) {
            keep[last + 1] = false;
        }
    }
}

/// The separator that ends a dateline opening words `from..to`: a place in capitals,
/// then more of the place, a date or the agency, then a dash ("LONDON—", "PARIS (AP) -",
/// "TOKYO, March 3 -", "CAGUAS, Puerto Rico (AP)_", "WASHINGTON (Reuters) --").
pub(super) fn dateline_end(s: &Sentence, text: &str, from: usize, to: usize) -> Option<usize> {
    let capitals = |i: usize| {
        let w = s.word(text, i);
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
    };
    let mut i = from;
    while i < to && capitals(i) {
        i += 1;
    }
    if i == from {
        return None;
    }
    // At most a few words more, each a name, a number, a comma, a period or within brackets.
    let mut depth = 0;
    for j in i..to.min(i + 12) {
        let w = s.word(text, j);
        match s.words[j].pos {
            Pos::OpenBracket => depth += 1,
            Pos::CloseBracket if depth > 0 => depth -= 1,
            _ if matches!(w, "-" | "\u{2014}" | "\u{2013}" | "--" | "_" | ":") => return (depth == 0).then_some(j),
            _ if depth > 0 => {}
            Pos::Comma | Pos::CD | Pos::Stop => {}
            _ if w.starts_with(char::is_uppercase) => {}
            _ => return None,
        }
    }
    None
}

/// Cuts parentheses, appositives, relative clauses and datelines.
fn cut_asides(s: &Sentence, text: &str, cs: usize, ce: usize, keep: &mut [bool]) {
    let n = ce;
    if let Some(sep) = dateline_end(s, text, cs, n) {
        for k in keep.iter_mut().take(sep + 1).skip(cs) {
            *k = false;
        }
    }
    // Parentheses.
    let mut depth = 0;
    for (i, k) in keep.iter_mut().enumerate().take(n).skip(cs) {
        match s.words[i].pos {
            Pos::OpenBracket => {
                depth += 1;
                *k = false;
            }
            Pos::CloseBracket => {
                depth = (depth - 1).max(0);
                *k = false;
            }
            _ if depth > 0 => *k = false,
            _ => {}
        }
    }
    // Asides between commas or dashes that hold no verb of the clause: appositives
    // (", a British telecom services provider,"), and relative clauses (", who …,").
    let heads: Vec<usize> = s.groups.iter().map(|g| g.head).collect();
    let is_mark = |i: usize| s.words[i].pos == Pos::Comma || matches!(s.word(text, i), "\u{2014}" | "--");
    let mut i = cs;
    while i < n {
        if !is_mark(i) {
            i += 1;
            continue;
        }
        let Some(mut close) = (i + 1..n).find(|&j| is_mark(j) && s.word(text, j) == s.word(text, i)) else { break };
        let first = lower(s.word(text, (i + 1).min(n - 1)));
        // "Alito, a Trenton, New Jersey, native, once stood": a description after a name
        // holds its own commas (a place and its state) up to the last before the verb.
        if i > cs && s.words[i - 1].pos.is_proper() && matches!(first.as_ref(), "a" | "an" | "the") {
            let verb = heads.iter().copied().filter(|&h| h > close && h < n).min().unwrap_or(n);
            close = (close..verb).rev().find(|&j| is_mark(j) && s.word(text, j) == s.word(text, i)).unwrap_or(close);
        }
        let inner: Vec<usize> = (i + 1..close).collect();
        // A relative clause, or a participle one (", founded in 1990,", ", begun two years ago,").
        let participle =
            inner.first().is_some_and(|&k| s.groups.iter().any(|g| g.first == k && g.head == k && g.tense == Tense::Participle));
        let relative = matches!(first.as_ref(), "who" | "which" | "whose" | "whom" | "where") || participle;
        let has_verb = inner.iter().any(|k| heads.contains(k));
        let after_noun = i > cs && (s.words[i - 1].pos.is_noun() || matches!(s.words[i - 1].pos, Pos::PRP | Pos::CD | Pos::CloseBracket));
        let short = inner.len() <= 12;
        if short && (relative || (!has_verb && after_noun)) {
            // A name set beside a description replaces it: "its chief financial
            // officer and founder's daughter, Meng Wanzhou," → "Meng Wanzhou".
            let np_start = (cs..i)
                .rev()
                .find(|&k| matches!(s.words[k].pos, Pos::IN | Pos::VBD | Pos::VBZ | Pos::VBP | Pos::VBN | Pos::VB))
                .map_or(cs, |k| k + 1);
            let name = !relative
                && inner.iter().all(|&k| s.words[k].pos.is_proper())
                && !(np_start..i).any(|k| s.words[k].pos.is_proper() && keep[k]);
            if name {
                for k in keep.iter_mut().take(i + 1).skip(np_start) {
                    *k = false;
                }
                keep[close] = false;
            } else {
                for k in keep.iter_mut().take(close + 1).skip(i) {
                    *k = false;
                }
            }
            i = close + 1;
            continue;
        }
        i += 1;
    }
}

/// Drops leading conjunctions, adverbs, commas and openers.
fn drop_leading(mut v: Vec<Piece>) -> Vec<Piece> {
    loop {
        let Some(first) = v.first() else { return v };
        let w = lower(&first.text);
        let drop = first.pos.is_punct() && first.pos != Pos::OpenBracket
            || matches!(first.pos, Pos::CC | Pos::RB | Pos::UH)
            || LEADING_DROPS.contains(&w.as_ref())
            || w == "that" && first.pos == Pos::IN;
        if !drop {
            return v;
        }
        v.remove(0);
    }
}

/// The subject of group `r`, with a pronoun or a missing subject resolved inside the
/// sentence: a relative clause's antecedent ("Airbus, which has out-sold Boeing"), the
/// subject of the clause a coordinated or subordinate one hangs on ("will bypass … and
/// fly", "After the plane was delivered, it was flown"), a statement's subject for
/// what it states ("Forgeard stated that he expected").
fn resolved_subject(s: &Sentence, text: &str, r: usize, spec: &TitleSpec<'_>, depth: usize) -> Vec<Piece> {
    let own = subject_of(s, text, r, spec);
    let pronoun = own.is_empty() || own.len() == 1 && own[0].pos == Pos::PRP || own.len() == 1 && matches!(own[0].pos, Pos::WDT | Pos::WP);
    if !pronoun || depth > 3 {
        return own;
    }
    let g = s.groups[r];
    if g.opener == Some(Opener::Relative) && (own.is_empty() || matches!(own[0].pos, Pos::WDT | Pos::WP)) {
        return antecedent(s, text, g.clause_start, spec);
    }
    // "he" or "she" is a person, not an institution nor a plural.
    let person = own.len() == 1 && matches!(lower(&own[0].text).as_ref(), "he" | "she");
    // What a statement states: "he" is most often the one stating.
    if let Some(rep) = (0..r).rev().find(|&k| super::grammar::stated_group(s, k) == Some(r)) {
        let w = lower(s.word(text, s.groups[rep].head));
        if super::lexicon::is_verb_of(super::lexicon::VerbClass::Report, &w)
            || super::lexicon::is_verb_of(super::lexicon::VerbClass::Announce, &w)
        {
            let speaker = resolved_subject(s, text, rep, spec, depth + 1);
            return if person && is_institution(&speaker) { own } else { speaker };
        }
    }
    // "received five orders for the 777-200LR since it was announced": "it" in a
    // passive clause set after its main clause is what was acted on, most often the
    // phrase right before the clause's opener, not the main clause's subject.
    // So is "it" after a main clause whose own subject says nothing ("It is the third
    // recall for the Summit since it went on sale").
    let it = own.len() == 1 && lower(&own[0].text) == "it";
    let empty_main =
        || (0..r).rev().find(|&p| s.groups[p].is_finite()).is_some_and(|p| no_subject(&resolved_subject(s, text, p, spec, depth + 1)));
    if it && (g.passive || empty_main()) && matches!(g.opener, Some(Opener::Time | Opener::Reason)) && r > 0 && g.clause_start > 1 {
        let named = |p: &Piece| p.pos.is_noun() || super::grammar::is_model_name(&p.text);
        if let Some(np) = phrase_before(s, text, g.clause_start - 1).filter(|np| np.last().is_some_and(named)) {
            return np;
        }
    }
    // The nearest finite clause before, for a clause joined to it; not one inside a
    // quotation the clause stands outside of (""No one should doubt …," he said": the
    // speaker is not "No one"; "The minister said: "We will sign"": "we" is the minister).
    let quoted = |k: usize| super::mentions::in_quotes(s, text, s.groups[k].head);
    if let Some(p) = (0..r).rev().find(|&p| s.groups[p].is_finite() && (quoted(r) || !quoted(p))) {
        let prev = resolved_subject(s, text, p, spec, depth + 1);
        // Not the institution that acted before ("The Securities and Exchange Commission
        // sued Reyes …, and he was arrested"): the person it acted on, named right after
        // its verb, is.
        if person && is_institution(&prev) {
            return named_object(s, text, p).unwrap_or(own);
        }
        if !no_subject(&prev) {
            return prev;
        }
    }
    // A clause after this one's subordinate clause: "After the plane was delivered, it was flown".
    if let Some(p) =
        s.groups[r + 1..].iter().position(|p| p.is_finite()).map(|p| p + r + 1).filter(|_| g.opener.is_some_and(|o| o != Opener::And))
    {
        return resolved_subject(s, text, p, spec, depth + 1);
    }
    own
}

/// Is the phrase no one "he" or "she" can stand for: an organisation ("The Securities
/// and Exchange Commission", a name after "the"; "the company", "a federal jury") or
/// more than one ("prosecutors", "Smith and Jones")?
fn is_institution(v: &[Piece]) -> bool {
    let the_name = v.first().is_some_and(|p| lower(&p.text) == "the") && v.iter().skip(1).any(|p| p.pos.is_proper());
    // A lone capitalised plural may be a name ("Howes"): a plural is one in lower case
    // or after other words.
    let plural = |p: &Piece| p.pos == Pos::NNS && (v.len() > 1 || !p.text.starts_with(char::is_uppercase));
    let many = v.last().is_some_and(plural) || v.iter().any(|p| p.pos == Pos::CC);
    the_name || many || v.last().is_some_and(|p| super::lexicon::is_institution_word(lower(&p.text).trim_end_matches('.')))
}

/// The name right after group `p`'s verb, its object: "sued **Reyes**".
fn named_object(s: &Sentence, text: &str, p: usize) -> Option<Vec<Piece>> {
    let from = s.groups[p].head + 1;
    let to = (from..s.words.len()).find(|&i| !s.words[i].pos.is_proper()).unwrap_or(s.words.len());
    (to > from && (to == s.words.len() || !matches!(s.words[to].pos, Pos::Possessive)))
        .then(|| (from..to).map(|i| piece(s, text, i)).collect())
}

/// The subject words of group `r`.
fn subject_of(s: &Sentence, text: &str, r: usize, spec: &TitleSpec<'_>) -> Vec<Piece> {
    let g: VerbGroup = s.groups[r];
    let (cs, _) = clause_bounds(s, r, text);
    let mut keep = vec![false; s.words.len()];
    for k in keep.iter_mut().take(g.first).skip(cs) {
        *k = true;
    }
    cut_dates(spec, &mut keep);
    cut_asides(s, text, cs, g.first, &mut keep);
    drop_leading((cs..g.first).filter(|&i| keep[i]).map(|i| piece(s, text, i)).collect())
}

/// The noun phrase before a relative pronoun at word `at` (its clause's start).
fn antecedent(s: &Sentence, text: &str, clause_start: usize, _spec: &TitleSpec<'_>) -> Vec<Piece> {
    let mut end = clause_start.saturating_sub(1);
    while end > 0 && matches!(s.words[end - 1].pos, Pos::Comma) {
        end -= 1;
    }
    let mut start = end;
    loop {
        while start > 0
            && matches!(
                s.words[start - 1].pos,
                Pos::NNP | Pos::NNPS | Pos::NN | Pos::NNS | Pos::JJ | Pos::DT | Pos::Possessive | Pos::CD | Pos::PRPS
            )
        {
            start -= 1;
        }
        // "a trial of 240 patients that ended in March": the "of" phrase is part of
        // the noun it follows, which is what ended.
        if start >= 2 && start < end && lower(s.word(text, start - 1)) == "of" && s.words[start - 2].pos.is_noun() {
            start -= 1;
        } else {
            break;
        }
    }
    (start..end).map(|i| piece(s, text, i)).collect()
}

/// Is there a space before piece `i`?
fn glued(pieces: &[Piece], i: usize) -> bool {
    let p = &pieces[i];
    i > 0
        && !(matches!(p.pos, Pos::Comma | Pos::Stop | Pos::Possessive | Pos::CloseBracket)
            || p.text == "n't"
            || p.text == "n\u{2019}t"
            || p.text == "not" && pieces[i - 1].text.eq_ignore_ascii_case("can")
            || matches!(p.text.as_str(), ":" | ";")
            || p.text == "%" && pieces[i - 1].pos == Pos::CD
            || p.text.starts_with('\'') && p.text.len() <= 3 && p.pos != Pos::Quote
            || p.text.starts_with('\u{2019}')
            || matches!(pieces[i - 1].pos, Pos::OpenBracket)
            || pieces[i - 1].text == "$" && p.pos == Pos::CD)
}

fn join(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for (i, p) in pieces.iter().enumerate() {
        if glued(pieces, i) {
            out.push(' ');
        }
        out.push_str(&p.text);
    }
    let out = without_stray_brackets(&out);
    // An opening quotation mark whose quotation was cut opens nothing.
    let out = out
        .trim()
        .trim_end_matches([',', ';', ':', ' ', '-', '\u{2014}', '`', '\u{201c}', '\u{2018}'])
        .trim_start_matches([',', ';', ':', '-', '\u{2014}', ' ']);
    capitalise(out)
}

/// A title without footnote marks ("[2]", or "[2" whose "]" was cut) and without a
/// bracket whose partner was cut with an aside: "varied over the years.[2" →
/// "varied over the years.", "insertions(+, 6 deletions(" → "insertions+, 6 deletions".
fn without_stray_brackets(title: &str) -> String {
    let chars: Vec<char> = title.chars().collect();
    let mut keep = vec![true; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '[' {
            let digits = chars[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            let after = i + 1 + digits;
            if (1..=3).contains(&digits) && chars.get(after).is_none_or(|&c| c == ']' || c == ' ') {
                let end = if chars.get(after) == Some(&']') { after + 1 } else { after };
                keep[i..end].iter_mut().for_each(|k| *k = false);
                i = end;
                continue;
            }
        }
        i += 1;
    }
    let mut open: Vec<(usize, char)> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if !keep[i] {
            continue;
        }
        match c {
            '(' | '[' => open.push((i, c)),
            ')' | ']' => match open.last() {
                Some(&(_, o)) if (o, c) == ('(', ')') || (o, c) == ('[', ']') => {
                    open.pop();
                }
                _ => keep[i] = false,
            },
            _ => {}
        }
    }
    for (i, _) in open {
        keep[i] = false;
    }
    let kept: String = chars.iter().zip(&keep).filter(|(_, k)| **k).map(|(c, _)| *c).collect();
    kept.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The length in characters [`join`] gives, counted without building the string
/// (shortening asks it after every step). Edge punctuation that `join` trims counts
/// here, so this is never less than the joined length.
fn len(pieces: &[Piece]) -> usize {
    pieces.iter().enumerate().map(|(i, p)| p.chars + usize::from(glued(pieces, i))).sum()
}

/// Does a verb that makes its object's participle the point come before ("to have
/// the tanker built", "got the law changed")?
fn causative(v: &[Piece]) -> bool {
    v.iter().any(|p| p.verb && matches!(lower(&p.text).as_ref(), "have" | "has" | "had" | "having" | "get" | "gets" | "got" | "getting"))
}

/// Shortens a title to [`MAX_TITLE`] characters, dropping what a headline can do without.
fn shorten(mut pieces: Vec<Piece>) -> String {
    // Trailing punctuation and conjunctions never end a title, nor a participle whose
    // phrase was cut ("traced the fault to a wiring harness supplied").
    let trim_tail = |v: &mut Vec<Piece>| {
        while v.last().is_some_and(|p| {
            let before = v.len().checked_sub(2).filter(|_| v.len() > 2).map(|k| v[k].pos);
            !p.verb
                && (p.pos.is_punct() && p.pos != Pos::CloseBracket
                    || matches!(p.text.as_str(), "$" | "\u{20ac}" | "\u{a3}")
                    || matches!(p.pos, Pos::CC | Pos::IN | Pos::DT | Pos::TO | Pos::WDT | Pos::PRPS)
                    || p.pos == Pos::VBN && before.is_some_and(|b| b.is_noun()) && !causative(v)
                    // A comparison cut from what it compares with: "for the first time in more [than four years]".
                    || matches!(p.pos, Pos::JJR | Pos::RBR) && before == Some(Pos::IN))
        }) {
            v.pop();
        }
    };
    trim_tail(&mut pieces);
    // Every cut below can leave a phrase's opening word at the end ("orders for").
    let finish = |mut v: Vec<Piece>| {
        trim_tail(&mut v);
        join(&v)
    };
    // `len` counts edge punctuation that `join` trims: close calls are joined to check.
    let fits = |v: &[Piece]| {
        let n = len(v);
        n <= MAX_TITLE || n <= MAX_TITLE + 4 && join(v).chars().count() <= MAX_TITLE
    };
    if fits(&pieces) {
        return finish(pieces);
    }
    // 1. Articles, and "that" before a clause: headlines do without them. A clause
    //    that says what a noun holds ("a sign that the talks are on track", "charges
    //    that she hid payments") is marked where it starts, to go as a relative clause
    //    goes; not one that is what a verb says ("told reporters that").
    let that = |p: &Piece| p.pos == Pos::IN && lower(&p.text) == "that";
    let article = |p: &Piece| p.pos == Pos::DT && matches!(lower(&p.text).as_ref(), "the" | "a" | "an");
    for i in 1..pieces.len() {
        let of_noun = matches!(pieces[i - 1].pos, Pos::NN | Pos::NNS) && !(i >= 2 && pieces[i - 2].verb);
        pieces[i].opens = that(&pieces[i]) && !pieces[i].verb && of_noun;
    }
    // A number's "of" phrase is what it counts, and goes with the article: "purchased
    // six of these aeroplanes" → "purchased six aeroplanes", "Two of the Rolls-Royce
    // engines" → "Two Rolls-Royce engines". Not "one of" (its noun is plural), nor
    // before another number ("two of the four").
    let mut i = 0;
    while i + 2 < pieces.len() {
        let counts = pieces[i].pos == Pos::CD && lower(&pieces[i].text) != "one" && lower(&pieces[i + 1].text) == "of";
        let det = usize::from(matches!(pieces[i + 2].pos, Pos::DT | Pos::PRPS));
        let head = pieces.get(i + 2 + det).is_some_and(|n| n.pos.is_noun() || n.pos.is_adjective());
        if counts && head && !pieces[i + 1].verb {
            pieces.drain(i + 1..i + 2 + det);
        }
        i += 1;
    }
    // "$1.2 billion a year", "30 miles an hour": an article between an amount and a
    // unit means "per" and stays.
    let per: Vec<bool> = (0..pieces.len())
        .map(|i| {
            i > 0
                && matches!(lower(&pieces[i].text).as_ref(), "a" | "an")
                && pieces[i - 1].pos == Pos::CD
                && pieces.get(i + 1).is_some_and(|n| n.pos == Pos::NN)
        })
        .collect();
    let mut per = per.into_iter();
    pieces.retain(|p| per.next().unwrap_or(false) || p.verb || p.opens || !(article(p) || that(p)));
    if fits(&pieces) {
        return finish(pieces);
    }
    // 2. Adverbs, and possessive pronouns before a noun ("its existing network").
    // A verb's particle stays: "pushed back", "set up", "took off".
    let particle = |v: &[Piece], i: usize| {
        i > 0 && v[i - 1].verb && matches!(lower(&v[i].text).as_ref(), "back" | "up" | "down" | "off" | "out" | "over" | "away")
    };
    let mut i = 0;
    while i < pieces.len() {
        let p = &pieces[i];
        if !p.verb && matches!(p.pos, Pos::RB | Pos::PRPS) && lower(&p.text) != "not" && !particle(&pieces, i) {
            pieces.remove(i);
        } else {
            i += 1;
        }
    }
    if fits(&pieces) {
        return finish(pieces);
    }
    // 3. Adjectives that are not names (and participles used as adjectives: "existing
    //    network"), and the conjunctions between them, until the title fits. Not an
    //    ordinal, nor a quantity.
    let mut i = 0;
    while i < pieces.len() {
        // Only one that describes what follows: a last word tagged as an adjective
        // ("for the 777-200LR", "is worth") is the phrase's head, not its modifier.
        let describes = |n: &Piece| n.pos.is_noun() || n.pos.is_adjective() || n.pos == Pos::CD || n.pos == Pos::CC;
        // One of a list of adjectives goes with its comma ("small, neighborhood store").
        let listed = pieces.get(i + 1).is_some_and(|c| c.pos == Pos::Comma)
            && pieces.get(i + 2).is_some_and(|n| n.pos.is_noun() || n.pos.is_adjective() || n.modifier);
        let modifies = pieces.get(i + 1).is_some_and(describes) || listed;
        // A quantity says how much happened: "pushed back several years"; an ordinal
        // or a superlative which one, often the news itself ("the first company to
        // operate the jet", "fell to its lowest level").
        let quantity = is_quantity(&pieces[i].text) || crate::language::is_ordinal(&pieces[i].text) || pieces[i].pos == Pos::JJS;
        // Nor one before a name, part of who that is ("former prime minister Paul
        // Keating", "chief executive Maria Okafor"); a name that heads its phrase, not
        // one that describes a thing ("other U.N. members", "the new Airbus A380 jet").
        let name_heads = |from: usize| {
            let end = (from..pieces.len()).find(|&k| !pieces[k].pos.is_proper()).unwrap_or(pieces.len());
            end > from && pieces.get(end).is_none_or(|n| !n.pos.is_noun())
        };
        let before_name = pieces.get(i + 1).is_some_and(|n| n.pos.is_proper()) && name_heads(i + 1)
            || pieces.get(i + 1).is_some_and(|n| n.pos.is_noun() && !n.pos.is_proper()) && name_heads(i + 2);
        let adj = !pieces[i].verb
            && !quantity
            && !before_name
            && (pieces[i].pos.is_adjective() || pieces[i].modifier)
            && !pieces[i].text.starts_with(char::is_uppercase)
            && modifies;
        if adj {
            pieces.remove(i);
            if listed {
                pieces.remove(i);
            }
            if i < pieces.len() && pieces[i].pos == Pos::CC && pieces.get(i + 1).is_some_and(|p| p.pos.is_adjective()) {
                pieces.remove(i);
            }
            // One at a time, from the first: the adjective nearest its noun most often
            // says what kind of thing it is ("new ultra-long range version").
            if fits(&pieces) {
                return finish(pieces);
            }
            continue;
        }
        i += 1;
    }
    if fits(&pieces) {
        return finish(pieces);
    }
    let verb_end = pieces.iter().rposition(|p| p.verb);
    // 4. A clause that says what a noun after the verb holds, whole, as a relative
    //    clause would go.
    if let Some(o) = verb_end.and_then(|v| (v + 1..pieces.len()).find(|&k| pieces[k].opens)) {
        pieces.truncate(o);
        trim_tail(&mut pieces);
        if fits(&pieces) {
            return finish(pieces);
        }
    }
    // 5. Trailing phrases after the verb's object, one at a time from the end.
    if let Some(v) = verb_end {
        loop {
            // Not a comma between adjectives ("his small, neighborhood store").
            let between_adjectives = |c: usize| {
                pieces[c].pos == Pos::Comma
                    && c > 0
                    && (pieces[c - 1].pos.is_adjective() || pieces[c - 1].modifier)
                    && pieces.get(c + 1).is_some_and(|n| n.pos.is_noun() || n.pos.is_adjective() || n.modifier)
            };
            // Nor the "of" inside a name ("the University of Michigan", "Bank of England").
            let in_name = |c: usize| {
                lower(&pieces[c].text) == "of"
                    && c > 0
                    && pieces[c - 1].pos.is_proper()
                    && pieces.get(c + 1).is_some_and(|n| n.pos.is_proper())
            };
            let cut = (0..pieces.len())
                .rev()
                .find(|&c| {
                    matches!(pieces[c].pos, Pos::IN | Pos::TO | Pos::Comma | Pos::WDT | Pos::Colon) && !between_adjectives(c) && !in_name(c)
                })
                .map(|c| phrase_start(&pieces, c));
            match cut {
                Some(c) if c > v + 1 && !fits(&pieces) => {
                    pieces.truncate(c);
                    trim_tail(&mut pieces);
                    // Nor a preposition's gerund that has lost its object ("by offering [to
                    // meet their union]").
                    let n = pieces.len();
                    if n > v + 2 && pieces[n - 1].pos == Pos::VBG && !pieces[n - 1].verb && pieces[n - 2].pos == Pos::IN {
                        pieces.truncate(n - 2);
                        trim_tail(&mut pieces);
                    }
                }
                _ => break,
            }
        }
        if fits(&pieces) {
            return finish(pieces);
        }
        // 6. Noun compounds after the verb keep their names and their head:
        //    "3G and 4G core communications infrastructure" → "infrastructure". After
        //    the trailing phrases: a compound's modifiers say what the thing was ("test
        //    flight", "river bridge"), a phrase after the object mostly where. From the
        //    end, so that a conjunction goes only inside a compound ("oil and gas
        //    pipeline" → "pipeline"), never between two heads ("Americans and Westerners
        //    trapped", "the arms and head cut off"). The cuts above leave the verb at `v`.
        let mut modifier = vec![false; pieces.len()];
        for i in (v + 1..pieces.len()).rev() {
            let noun = |k: usize| pieces.get(k).is_some_and(|n| matches!(n.pos, Pos::NN | Pos::NNS));
            modifier[i] = match pieces[i].pos {
                Pos::NN | Pos::NNS => noun(i + 1) || pieces[i + 1..].first().is_some_and(|n| n.pos == Pos::CC) && modifier[i + 1],
                Pos::CC => noun(i + 1) && modifier[i + 1] && pieces[i - 1].pos != Pos::CD,
                _ => false,
            };
        }
        let mut flags = modifier.into_iter();
        pieces.retain(|_| !flags.next().unwrap_or(false));
        if fits(&pieces) {
            return finish(pieces);
        }
        // 7. The subject's own phrases: "A spokesman for the NCSC said" → "A spokesman
        //    said"; and of a subject that is still long, its first names only
        //    ("Northrop Grumman and Airbus parent company EADS" → "Northrop Grumman").
        let verb_start = pieces.iter().position(|p| p.verb).unwrap_or(0);
        if let Some(c) =
            pieces[..verb_start].iter().position(|p| matches!(p.pos, Pos::IN | Pos::Comma | Pos::WDT | Pos::OpenBracket)).filter(|&c| c > 0)
        {
            pieces.drain(c..verb_start);
        }
        let verb_start = pieces.iter().position(|p| p.verb).unwrap_or(0);
        if !fits(&pieces) && len(&pieces[..verb_start]) > 30 {
            // Not inside one name ("U.S.-China Economic and Security Review Commission").
            let cut = pieces[..verb_start]
                .iter()
                .position(|p| p.pos == Pos::CC)
                .filter(|&c| c > 0 && pieces[c + 1..verb_start].iter().any(|p| matches!(p.pos, Pos::NN | Pos::NNS | Pos::DT)));
            // "British and American airline Virgin Atlantic": adjectives joined by a
            // conjunction describe the head; they go, not the head.
            let adjectives = cut.filter(|&c| pieces[c - 1].pos.is_adjective() && pieces[c + 1].pos.is_adjective());
            if let Some(c) = adjectives {
                let from = (0..c).rev().take_while(|&k| pieces[k].pos.is_adjective() || pieces[k].pos == Pos::Comma).last().unwrap_or(c);
                let to = (c + 1..verb_start).find(|&k| !pieces[k].pos.is_adjective()).unwrap_or(verb_start);
                pieces.drain(from..to);
            } else if let Some(c) = cut {
                pieces.drain(c..verb_start);
            }
        }
        if fits(&pieces) {
            return finish(pieces);
        }
    }
    // 7b. A subject that is one long name ("U.S.-China Economic and Security Review
    //    Commission pointed to ties") loses its first words before the verb loses its
    //    object: "Economic and Security Review Commission pointed to ties", not
    //    "… Commission pointed".
    if let Some(v) = pieces.iter().position(|p| p.verb).filter(|&v| !fits(&pieces) && len(&pieces[..v]) > 30) {
        let mut trial = pieces.clone();
        let mut v = v;
        while !fits(&trial) && v > 2 {
            trial.remove(0);
            v -= 1;
            while v > 1 && (trial[0].pos.is_punct() || matches!(trial[0].pos, Pos::CC | Pos::IN | Pos::DT | Pos::Possessive)) {
                trial.remove(0);
                v -= 1;
            }
        }
        if fits(&trial) {
            pieces = trial;
        }
    }
    // 8. Last: whole words from the end, never the verb, ending where a phrase can end
    //    (not on a verb that has lost its object: "found shortcomings had exposed"; not
    //    inside a name: "landed at Singapore's Changi International").
    let name = |p: &Piece| matches!(p.pos, Pos::NNP | Pos::NNPS | Pos::Possessive);
    while !fits(&pieces) && pieces.len() > 2 && !pieces.last().is_some_and(|p| p.verb) {
        let cut = pieces.pop().expect("more than two pieces");
        while name(&cut) && pieces.last().is_some_and(|p| !p.verb && name(p)) {
            pieces.pop();
        }
        trim_tail(&mut pieces);
        while pieces.last().is_some_and(|p| !p.verb && (p.pos.is_verb() || p.pos == Pos::MD)) {
            pieces.pop();
            trim_tail(&mut pieces);
        }
    }
    // A subject so long that the verb is still past the limit loses its first words.
    while !fits(&pieces) && pieces.len() > 2 && !pieces[0].verb {
        pieces.remove(0);
    }
    let out = finish(pieces);
    if out.chars().count() <= MAX_TITLE { out } else { out.chars().take(MAX_TITLE).collect::<String>().trim_end().to_string() }
}

/// A word that says how much: "several", "many", "more".
fn is_quantity(word: &str) -> bool {
    matches!(lower(word).as_ref(), "several" | "many" | "few" | "more" | "fewer" | "most")
}

/// Where the phrase opened by the preposition at `c` starts: before a preposition of
/// several words ("in favour of", "ahead of", "because of") and before the measure of
/// a relation in time ("18 months behind schedule", "four hours after"), which mean
/// nothing without what follows.
fn phrase_start(pieces: &[Piece], c: usize) -> usize {
    let word = |i: usize| lower(&pieces[i].text);
    let noun = |i: usize| matches!(pieces[i].pos, Pos::NN | Pos::NNS);
    // "to" opens a phrase ("in response to the"), not an infinitive ("in aid to help").
    let infinitive = pieces.get(c + 1).is_some_and(|n| n.pos == Pos::VB);
    match word(c).as_ref() {
        _ if infinitive => c,
        "of" | "to" if c >= 2 && noun(c - 1) && pieces[c - 2].pos == Pos::IN => c - 2,
        "of" | "to" if c >= 1 && matches!(pieces[c - 1].pos, Pos::RB | Pos::JJ) && !pieces[c - 1].verb => c - 1,
        "after" | "before" | "behind" | "ahead" | "into" | "since"
            if c >= 2 && noun(c - 1) && (pieces[c - 2].pos == Pos::CD || is_quantity(&pieces[c - 2].text)) =>
        {
            c - 2
        }
        _ => c,
    }
}

/// A title for a date that belongs to no event word: the sentence, shortened.
fn fallback(spec: &TitleSpec<'_>) -> String {
    let s = spec.sentence;
    let mut keep = vec![true; s.words.len()];
    cut_dates(spec, &mut keep);
    cut_asides(s, spec.text, 0, s.words.len(), &mut keep);
    let pieces: Vec<Piece> = (0..s.words.len()).filter(|&i| keep[i]).map(|i| piece(s, spec.text, i)).collect();
    let mut pieces = drop_leading(pieces);
    // A sentence that is all aside, "(We recorded temps above 160 in our testing …)":
    // its own words, shortened like any title.
    if pieces.is_empty() {
        let words = (0..s.words.len()).filter(|&i| !matches!(s.words[i].pos, Pos::OpenBracket | Pos::CloseBracket));
        pieces = drop_leading(words.map(|i| piece(s, spec.text, i)).collect());
    }
    if pieces.is_empty() {
        return capitalise(spec.text[s.span.0..s.span.1].trim()).chars().take(MAX_TITLE).collect();
    }
    shorten(pieces)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stray_brackets_and_footnote_marks_leave_a_title() {
        for (t, want) in [
            ("A monetary award has varied throughout the years.[2", "A monetary award has varied throughout the years."),
            ("UNHCR awarded the prize[11] twice", "UNHCR awarded the prize twice"),
            ("5 files changed, 251 insertions(+, 6 deletions(", "5 files changed, 251 insertions+, 6 deletions"),
            ("Airbus (the maker) delivered the jet", "Airbus (the maker) delivered the jet"),
            ("The plan) was approved [in part]", "The plan was approved [in part]"),
        ] {
            assert_eq!(without_stray_brackets(t), want);
        }
    }

    #[test]
    fn a_negation_joins_its_verb_as_written() {
        for n in ["n't", "n\u{2019}t"] {
            assert_eq!(
                join(&[Piece::new("We".into(), Pos::PRP), Piece::new("do".into(), Pos::VBP), Piece::new(n.into(), Pos::RB)]),
                format!("We do{n}")
            );
        }
        // "cannot", which the tokenizer parts as the treebank does.
        let can = [Piece::new("It".into(), Pos::PRP), Piece::new("can".into(), Pos::MD), Piece::new("not".into(), Pos::RB)];
        assert_eq!(join(&can), "It cannot");
    }

    /// The title of the event at `focus` (the first occurrence of the word), without `date`.
    fn t(sentence: &str, focus: &str, date: Option<&str>) -> String {
        let s = Sentence::read(sentence, (0, sentence.len()));
        let f = s.words.iter().position(|w| w.text(sentence) == focus).expect("focus word");
        let dates: Vec<(usize, usize)> = date.map(|d| sentence.find(d).map(|i| (i, i + d.len())).expect("date")).into_iter().collect();
        title(&TitleSpec { text: sentence, sentence: &s, focus: Some(f), stated: None, dates: &dates, antecedent: &|| None })
    }

    /// The title of a statement at `report` about the group headed by `stated`.
    fn stated(sentence: &str, report: &str, what: &str) -> String {
        let s = Sentence::read(sentence, (0, sentence.len()));
        let f = s.words.iter().position(|w| w.text(sentence) == report).unwrap();
        let g = s.groups.iter().position(|g| s.word(sentence, g.head) == what).unwrap();
        title(&TitleSpec { text: sentence, sentence: &s, focus: Some(f), stated: Some(g), dates: &[], antecedent: &|| None })
    }

    #[test]
    fn the_clause_without_its_date() {
        assert_eq!(
            t("The board will meet next Monday and will publish results on April 22.", "meet", Some("next Monday")),
            "The board to meet"
        );
        assert_eq!(t("Meng was arrested in Canada last week.", "arrested", Some("last week")), "Meng arrested in Canada");
        assert_eq!(
            t(
                "But a British government report released in July found that technical shortcomings had exposed networks.",
                "found",
                Some("July")
            ),
            "British government report found shortcomings"
        );
    }

    #[test]
    fn frames_and_asides_go() {
        assert_eq!(
            stated(
                "On Dec. 5, BT Group, a British telecom services provider, announced that it would strip its core network of any Huawei equipment.",
                "announced",
                "strip"
            ),
            "BT Group to strip its core network of any Huawei equipment"
        );
        assert_eq!(
            t("LONDON—Huawei's relations hit a low when a top official walked out of a meeting with the company.", "walked", None),
            "A top official walked out of a meeting with the company"
        );
        assert_eq!(t("Meng, who has been freed on bail, will contest the charges.", "freed", None), "Meng freed on bail");
    }

    #[test]
    fn a_cut_quotation_leaves_no_opening_mark() {
        let s = "The minister told a news conference on Tuesday that the blockade now in force might be extended to Jordan's Aqaba ``if it is a hole through which trade flows'' in and out of the country.";
        let title = stated(s, "told", "extended");
        assert!(!title.ends_with(['`', '\u{201c}', ' ']), "{title}");
        assert!(title.contains("extended to Jordan's Aqaba"), "{title}");
    }

    #[test]
    fn short_and_whole() {
        let long = "Northrop Grumman and Airbus parent company European Aeronautic Defence and Space Company EADS N.V. have unexpectedly defeated Boeing for a US$ 40 billion contract to supply the United States Air Force with 179 new aerial refueling tankers at a rate of 15 a year.";
        let title = t(long, "defeated", None);
        assert!(title.chars().count() <= MAX_TITLE, "{title}");
        assert!(!title.contains('…'));
        assert!(title.contains("defeated Boeing"), "{title}");
    }
}

//! The words of a sentence and their parts of speech: what the events layer needs
//! to tell a verb from a noun and a past from a future ("has unveiled", "was
//! arrested", "will strip"), whatever the word.
//!
//! ```
//! use newsline::language::{Pos, tag_sentence};
//! let text = "Airbus has unveiled the A380.";
//! let words = tag_sentence(text, 0, text.len());
//! assert_eq!(words[2].text(text), "unveiled");
//! assert_eq!(words[2].pos, Pos::VBN);
//! ```

pub mod pos;
pub mod tokens;
pub mod train;

pub use pos::Pos;
pub use tokens::Tok;

/// A token with its part of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub pos: Pos,
}

impl Word {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Does the word share a byte with one of `spans` (a sentence's dates, say)?
    pub fn overlaps(&self, spans: &[(usize, usize)]) -> bool {
        spans.iter().any(|&(a, b)| self.start < b && a < self.end)
    }
}

/// The tagged words of `text[start..end]`, one sentence.
pub fn tag_sentence(text: &str, start: usize, end: usize) -> Vec<Word> {
    thread_local! {
        static SCRATCH: std::cell::RefCell<(pos::Scratch, Vec<u8>, Vec<Tok>)> = Default::default();
    }
    let model = pos::Model::english();
    SCRATCH.with(|cell| {
        let (scratch, tags, toks) = &mut *cell.borrow_mut();
        toks.clear();
        tokens::tokenize_into(text, start, end, toks);
        let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        tags.clear();
        model.tag_into(&words, scratch, tags);
        let mut out: Vec<Word> = toks
            .iter()
            .zip(tags.iter())
            .map(|(t, &tag)| {
                let pos = correct(t.text(text), model.pos(tag));
                Word { start: t.start, end: t.end, pos }
            })
            .collect();
        correct_pasts(text, &mut out);
        correct_opening_name(text, &mut out);
        correct_subject_participles(text, &mut out);
        correct_coordinated_pasts(text, &mut out);
        correct_ordinals(text, &mut out);
        correct_plurals_after_to(text, &mut out);
        correct_prepositional_to(text, &mut out);
        correct_rating_after_to(text, &mut out);
        correct_bare_infinitives(text, &mut out);
        correct_aside_participles(text, &mut out);
        correct_reduced_relatives(text, &mut out);
        correct_opening_plural(text, &mut out);
        correct_base_after_subject(text, &mut out);
        correct_present_after_subject(text, &mut out);
        out
    })
}

/// A form that can only be a past is one, whatever else the tagger read: "exports
/// grew" (read as a participle), and after a plural noun "prices rose", "shares fell"
/// (read as nouns, adjectives or presents, "shares" then as a verb). A past form after
/// a plural noun and before no noun is that noun's verb; after a singular one, before
/// a figure.
fn correct_pasts(text: &str, words: &mut [Word]) {
    for i in 0..words.len() {
        let raw = words[i].text(text);
        // Most words are lower case already: no copy for them (this runs on every word).
        let w: std::borrow::Cow<str> =
            if raw.bytes().any(|b| b.is_ascii_uppercase()) { raw.to_ascii_lowercase().into() } else { raw.into() };
        // "has out-sold", "had re-opened": a hyphenated participle after "have".
        if let Some((_, last)) = w.rsplit_once('-')
            && i > 0
            && matches!(words[i - 1].text(text).to_ascii_lowercase().as_str(), "has" | "have" | "had" | "having")
            && (last.len() > 3 && last.ends_with("ed") || irregular().participles.contains(last) && irregular_base(last).is_some())
        {
            words[i].pos = Pos::VBN;
            continue;
        }
        // "a deal begun last year", "plans drawn up": a form that is only a participle
        // is never a past.
        if words[i].pos == Pos::VBD && participle_only(&w) {
            words[i].pos = Pos::VBN;
            continue;
        }
        if words[i].pos == Pos::VBD || !past_only(&w) {
            continue;
        }
        if words[i].pos == Pos::VBN {
            words[i].pos = Pos::VBD;
            continue;
        }
        let plural_before = i > 0 && {
            let p = words[i - 1];
            let pt = p.text(text);
            p.pos == Pos::NNS || p.pos == Pos::VBZ && pt.ends_with('s') && pt.chars().all(char::is_alphabetic)
        };
        let noun_after = words.get(i + 1).is_some_and(|n| n.pos.is_noun());
        if plural_before && !noun_after {
            words[i - 1].pos = Pos::NNS;
            words[i].pos = Pos::VBD;
            continue;
        }
        // After a singular noun, only before a figure: "the average rose 72 points",
        // "the index fell 3 percent" (a noun "rose" is no measure of anything).
        // Or before an adverb of how much: "inflation fell more sharply than expected".
        // Or before "to", "by" or "from" a figure: "the jobless rate rose to 8.1 percent".
        let singular_before = i > 0 && words[i - 1].pos == Pos::NN;
        let to_a_figure = words.get(i + 1).is_some_and(|n| matches!(n.text(text), "to" | "by" | "from"))
            && words.get(i + 2).is_some_and(|f| f.pos == Pos::CD || matches!(f.text(text), "$" | "\u{20ac}" | "\u{a3}"));
        if singular_before && (to_a_figure || words.get(i + 1).is_some_and(|n| matches!(n.pos, Pos::CD | Pos::RB | Pos::RBR))) {
            words[i].pos = Pos::VBD;
        }
    }
}

/// Conjunctions that open a clause with its own subject and verb.
const SUBORDINATORS: &[&str] = &["after", "before", "when", "until", "because", "although", "though", "while", "once", "unless", "whereas"];

/// How far after a participle its clause's other verb is looked for, in words.
const CLAUSE_REACH: usize = 40;

/// A capitalized word the model does not know as a name opens many stories: "Albanese
/// promised to act", "Okafor, 52, resigned on Friday". Read as an adjective or an
/// interjection, it left the verb a participle with no subject. Before a form in "-ed"
/// (over an age set off by commas) that takes no noun after it, it is the subject's
/// name and the form its past. ("Newly elected officials": the form describes a noun.)
fn correct_opening_name(text: &str, words: &mut [Word]) {
    let Some(first) = words.first() else { return };
    let w = first.text(text);
    // Read as an adverb too ("Harlow filed for bankruptcy"), when it is none that
    // opens sentences ("Recently", "Later", "Still").
    let adverb = first.pos == Pos::RB && !w.ends_with("ly") && !OPENING_ADVERBS.iter().any(|a| w.eq_ignore_ascii_case(a));
    if !(matches!(first.pos, Pos::JJ | Pos::UH) || adverb) || !w.starts_with(char::is_uppercase) || w.len() < 3 {
        return;
    }
    let aside = words.len() > 3 && words[1].pos == Pos::Comma && words[2].pos == Pos::CD && words[3].pos == Pos::Comma;
    let v = if aside { 4 } else { 1 };
    let Some(verb) = words.get(v) else { return };
    let ed = matches!(verb.pos, Pos::VBN | Pos::VBD) && verb.text(text).ends_with("ed");
    let takes_no_noun =
        words.get(v + 1).is_none_or(|n| matches!(n.pos, Pos::TO | Pos::DT | Pos::IN | Pos::PRP | Pos::PRPS | Pos::RP) || n.pos.is_punct());
    if ed && takes_no_noun {
        words[0].pos = Pos::NNP;
        words[v].pos = Pos::VBD;
    }
}

/// Adverbs that open a sentence before its verb, with no subject in between.
const OPENING_ADVERBS: &[&str] = &[
    "also",
    "still",
    "later",
    "earlier",
    "then",
    "now",
    "once",
    "soon",
    "yet",
    "already",
    "meanwhile",
    "however",
    "instead",
    "here",
    "there",
    "today",
    "yesterday",
    "tomorrow",
    "never",
    "ever",
    "often",
    "again",
    "together",
    "first",
    "next",
    "last",
    "thus",
    "hence",
    "since",
    "just",
    "even",
    "only",
    "perhaps",
    "almost",
    "nearly",
    "well",
    "long",
    "far",
    "away",
    "back",
    "over",
    "out",
    "up",
    "down",
    "off",
    "in",
    "on",
];

/// A form in "-ed" right after "and", joined to a simple past with no auxiliary between,
/// is a past too: "who led the government and championed a republic". Read as a
/// participle, it left its object to start the next clause. (Not after a passive or a
/// perfect: "was arrested and charged", "has sold and shipped".)
fn correct_coordinated_pasts(text: &str, words: &mut [Word]) {
    for i in 2..words.len() {
        if words[i].pos != Pos::VBN || !words[i].text(text).ends_with("ed") || !words[i - 1].text(text).eq_ignore_ascii_case("and") {
            continue;
        }
        // The nearest verb before, within the clause (no comma, no other conjunction).
        let Some(v) =
            (0..i - 1).rev().take_while(|&k| words[k].pos != Pos::Comma && words[k].pos != Pos::CC).find(|&k| words[k].pos.is_verb())
        else {
            continue;
        };
        let aux_before = v > 0 && matches!(words[v - 1].pos, Pos::VBD | Pos::VBZ | Pos::VBP | Pos::MD | Pos::VB | Pos::VBN);
        if words[v].pos == Pos::VBD && !aux_before {
            words[i].pos = Pos::VBD;
        }
    }
}

/// A participle right after its clause's subject, with no auxiliary and no other
/// finite verb in the clause, is the clause's past: "One reader pointed out",
/// "prices edged up, pushing down the yield", "he described it as". A participle that
/// another verb follows in its clause modifies the noun ("plates recovered at the
/// scene appear to match"), as does one after a preposition's noun ("in a speech
/// delivered at the Pentagon").
fn correct_subject_participles(text: &str, words: &mut [Word]) {
    // From the end, so that a later participle that is its clause's verb is one
    // before an earlier one is looked at ("an elephant named Olly received gifts").
    for i in (1..words.len()).rev() {
        if words[i].pos != Pos::VBN || !words[i].text(text).ends_with("ed") {
            continue;
        }
        // "yields edged down": a plural noun the tagger read as a verb.
        let plural_read_as_verb = words[i - 1].pos == Pos::VBZ && {
            let t = words[i - 1].text(text);
            t.ends_with('s')
                && t.len() > 4
                && t.chars().all(|c| c.is_ascii_lowercase())
                && !matches!(t, "gets" | "does" | "goes" | "seems" | "looks" | "feels" | "sounds" | "becomes" | "remains")
                && (i == 1
                    || matches!(words[i - 2].pos, Pos::Comma | Pos::CC | Pos::JJ | Pos::PRPS | Pos::Possessive)
                    || ["the", "these", "those"].iter().any(|d| words[i - 2].text(text).eq_ignore_ascii_case(d)))
        };
        let subject = if plural_read_as_verb { Pos::NNS } else { words[i - 1].pos };
        let nominative = subject == Pos::PRP && is_subject_pronoun(words[i - 1].text(text));
        if !(nominative || subject.is_noun()) {
            continue;
        }
        // The subject's noun phrase opens the clause: the sentence, a comma's, or a conjunction's.
        // An "of" phrase is the subject's too: "Truckloads of goods rolled into Iraq".
        let mut b = i - 1;
        loop {
            while b > 0
                && matches!(
                    words[b - 1].pos,
                    Pos::DT
                        | Pos::JJ
                        | Pos::JJS
                        | Pos::JJR
                        | Pos::NN
                        | Pos::NNS
                        | Pos::NNP
                        | Pos::NNPS
                        | Pos::PRPS
                        | Pos::CD
                        | Pos::Possessive
                )
            {
                b -= 1;
            }
            if !nominative && b > 1 && words[b - 1].text(text).eq_ignore_ascii_case("of") && words[b - 2].pos.is_noun() {
                b -= 1;
            } else {
                break;
            }
        }
        if !nominative && b == i - 1 && b > 0 && words[b - 1].pos == Pos::Possessive {
            continue;
        }
        // A subject pronoun after a verb opens the clause that verb says or thinks:
        // "believes they acted"; "it" and "you" only after a verb of saying ("Iraq said
        // it invaded Kuwait"), being objects too ("wanted it faxed", "keep you advised").
        let after_verb = nominative && b > 0 && words[b - 1].pos.is_verb() && !is_auxiliary(words[b - 1].text(text)) && {
            let p = words[i - 1].text(text);
            let object_too = p.eq_ignore_ascii_case("it") || p.eq_ignore_ascii_case("you");
            !object_too || CLAUSE_VERBS.iter().any(|v| words[b - 1].text(text).eq_ignore_ascii_case(v))
        };
        // So does a noun after a verb that takes only a clause: "Prosecutors said Reyes
        // ordered staff" (not "told reporters gathered outside": "told" takes a person).
        let after_saying = !nominative && b > 0 && SAYING_ONLY.iter().any(|v| words[b - 1].text(text).eq_ignore_ascii_case(v));
        // So does a conjunction that opens a clause of time or reason: "before the
        // lender collapsed in 2021" (not "as": "such as the plane displayed").
        let conjunction = b > 0 && SUBORDINATORS.iter().any(|c| words[b - 1].text(text).eq_ignore_ascii_case(c));
        let opens = b == 0
            || matches!(words[b - 1].pos, Pos::Comma | Pos::CC)
            || matches!(words[b - 1].text(text), ";" | ":")
            || after_verb
            || after_saying
            || conjunction;
        // A lone singular noun is a label's or a headline's ("passport needed", "web
        // based"), not a sentence's subject; "by" makes the participle a passive's.
        let bare_singular = subject == Pos::NN && !matches!(words[b].pos, Pos::DT | Pos::PRPS | Pos::Possessive);
        let by_after = words.get(i + 1).is_some_and(|w| w.text(text).eq_ignore_ascii_case("by"));
        // Within the clause, and within reach: a sentence without punctuation may run on.
        let finite_after = words[i + 1..]
            .iter()
            .enumerate()
            .take(CLAUSE_REACH)
            .take_while(|(_, w)| {
                // A conjunction opens another clause, with its own verb: "ordered staff
                // to move the positions so they would not appear".
                let opens_clause = SUBORDINATORS.iter().chain(&["so", "if"]).any(|c| w.text(text).eq_ignore_ascii_case(c));
                !matches!(w.pos, Pos::Comma | Pos::Colon | Pos::Stop | Pos::CC) && !opens_clause
            })
            .any(|(k, w)| matches!(w.pos, Pos::VBD | Pos::VBZ | Pos::VBP | Pos::MD) || w.pos == Pos::VBN && words[i + k].pos.is_noun());
        if opens && !bare_singular && !by_after && !finite_after {
            words[i - 1].pos = subject;
            words[i].pos = Pos::VBD;
        }
    }
}

/// `irregular.tsv`, read once: each past and participle with its base, and the pasts.
struct Irregular {
    base: crate::hashing::FastMap<&'static str, &'static str>,
    pasts: crate::hashing::FastSet<&'static str>,
    /// The participles and the bases: the forms that are not a past alone.
    participles: crate::hashing::FastSet<&'static str>,
}

fn irregular() -> &'static Irregular {
    use std::sync::OnceLock;
    static FORMS: OnceLock<Irregular> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut forms = Irregular { base: Default::default(), pasts: Default::default(), participles: Default::default() };
        for line in include_str!("irregular.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if let [base, past, participle] = cols[..] {
                forms.base.insert(past, base);
                forms.base.insert(participle, base);
                forms.pasts.insert(past);
                forms.participles.insert(participle);
                forms.participles.insert(base);
            }
        }
        forms
    })
}

/// The base form of an irregular verb's past or participle ("won" → "win").
pub fn irregular_base(word: &str) -> Option<&'static str> {
    irregular().base.get(word).copied()
}

/// Is `word` (lower case) the past tense of an irregular verb ("won", "told")?
pub fn irregular_past(word: &str) -> bool {
    irregular().pasts.contains(word)
}

/// Is `word` (lower case) a past tense and nothing else: not a participle nor a base
/// ("rose", "fell", "took"; not "cut", "won", "come")?
fn past_only(word: &str) -> bool {
    let forms = irregular();
    forms.pasts.contains(word) && !forms.participles.contains(word)
}

/// Is `word` (lower case) an irregular past participle and nothing else: not a past
/// nor a base ("begun", "taken", "written"; not "won", "come", "cut")?
fn participle_only(word: &str) -> bool {
    let forms = irregular();
    forms.participles.contains(word) && !forms.pasts.contains(word) && irregular_base(word).is_some_and(|b| b != word)
}

/// Past forms that are also common nouns or adjectives, or the same as their base:
/// the tagger's reading of these stands.
const AMBIGUOUS_PASTS: &[&str] = &[
    "left",
    "found",
    "saw",
    "ground",
    "bound",
    "lay",
    "rose",
    "wound",
    "felt",
    "shed",
    "lit",
    "spoke",
    "fell",
    "bore",
    "lead",
    "read",
    "set",
    "cut",
    "hit",
    "put",
    "cost",
    "bet",
    "bid",
    "cast",
    "let",
    "quit",
    "shut",
    "split",
    "spread",
    "upset",
    "hurt",
    "burst",
    "broadcast",
    "forecast",
    "become",
    "come",
    "run",
    "been",
    "had",
    "did",
    "done",
    "was",
    "were",
    "got",
    "gotten",
    "kept",
    "born",
    "drawn",
    "sworn",
    "beaten",
    "given",
    "known",
    "shown",
    "proven",
    "won",
    "beat",
];

/// Irregular pasts that are also the present of another verb ("they found a firm",
/// "saw the wood", "lay the table"): a present reading of these stands.
const PRESENT_TOO: &[&str] = &["found", "saw", "wound", "ground", "bore", "lay", "fell", "bound"];

/// The tagger learnt from web text; a few news words it misreads have one reading
/// only. An irregular past form ("flew", "took", "began") tagged as a noun or an
/// adjective is a verb, and one tagged as a present ("exports rose") is a past.
fn correct(word: &str, pos: Pos) -> Pos {
    if word.len() < 3 || word.chars().next().is_some_and(char::is_uppercase) {
        return pos;
    }
    let lower = word.to_ascii_lowercase();
    if pos == Pos::VBP {
        let past_only = irregular_past(&lower) && irregular_base(&lower) != Some(lower.as_str()) && !PRESENT_TOO.contains(&lower.as_str());
        return if past_only { Pos::VBD } else { pos };
    }
    // A prefixed irregular verb the tagger never saw ("upheld", "withstood",
    // "overtook") is read as anything, even a preposition.
    if pos == Pos::IN && prefixed_irregular(&lower) {
        return Pos::VBD;
    }
    if !(pos.is_noun() || pos.is_adjective()) {
        return pos;
    }
    let irregular = irregular_base(&lower).is_some() && !AMBIGUOUS_PASTS.contains(&lower.as_str()) || prefixed_irregular(&lower);
    if irregular { Pos::VBD } else { pos }
}

/// Prefixes that make a verb of a verb and keep its irregular forms: "uphold" →
/// "upheld", "overtake" → "overtook". Not "re-" ("resent" is its own verb).
const VERB_PREFIXES: &[&str] = &["up", "with", "over", "under", "out", "mis", "fore"];

/// Is `word` (lower case) a prefix and an irregular past or participle that is not
/// also its base nor a common noun ("upheld", "undertaken"; not "outlet", "upset",
/// "underground")?
fn prefixed_irregular(word: &str) -> bool {
    irregular_base(word).is_none()
        && VERB_PREFIXES.iter().any(|p| {
            word.strip_prefix(p)
                .is_some_and(|stem| stem.len() >= 3 && irregular_base(stem).is_some_and(|b| b != stem) && !AMBIGUOUS_PASTS.contains(&stem))
        })
}

/// Ordinals before a noun describe it ("First flight is scheduled", "the last
/// meeting"); the tagger reads a capitalised "First" as the adverb of "First, …".
fn correct_ordinals(text: &str, words: &mut [Word]) {
    for i in 0..words.len().saturating_sub(1) {
        if words[i].pos == Pos::RB && matches!(words[i + 1].pos, Pos::NN | Pos::NNS) && is_ordinal(words[i].text(text)) {
            words[i].pos = Pos::JJ;
        }
    }
}

/// After "to" a verb is in its base form, which never ends in a plain "-s": "pleaded
/// guilty to charges", "sold to investors" (read as "to" + verb). In UD-EWT no word
/// after "to" ending so (not "-ss", "-us", "-is") is a base verb but one mistagged.
fn correct_plurals_after_to(text: &str, words: &mut [Word]) {
    for i in 1..words.len() {
        let w = words[i].text(text);
        let plural_form = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is");
        if words[i].pos == Pos::VB && plural_form && words[i - 1].text(text).eq_ignore_ascii_case("to") {
            words[i].pos = Pos::NNS;
        }
    }
}

/// "According to", "owing to", "thanks to", "prior to" and "next to" are prepositions:
/// what follows is a noun phrase, never an infinitive ("according to court filings"),
/// whatever the tagger read. ("Due to" is not: "due to arrive".)
fn correct_prepositional_to(text: &str, words: &mut [Word]) {
    for i in 1..words.len().saturating_sub(1) {
        let before = words[i - 1].text(text);
        let fixed = ["according", "owing", "thanks", "prior", "next"].iter().any(|w| before.eq_ignore_ascii_case(w));
        if fixed && words[i].text(text).eq_ignore_ascii_case("to") && words[i + 1].pos == Pos::VB {
            words[i + 1].pos = Pos::NN;
        }
    }
}

/// A rating or a rank that a thing is moved to is a noun, not an infinitive: "downgraded
/// the stock to underweight", "promoted her to captain"; and so is a word quoted alone
/// after "to" ("cut its rating to \"junk\""), a label, not a verb.
fn correct_rating_after_to(text: &str, words: &mut [Word]) {
    const MOVES: &[&str] = &[
        "downgrade",
        "downgrades",
        "downgraded",
        "downgrading",
        "upgrade",
        "upgrades",
        "upgraded",
        "upgrading",
        "promote",
        "promotes",
        "promoted",
        "promoting",
        "demote",
        "demotes",
        "demoted",
        "demoting",
    ];
    for i in 1..words.len() {
        if words[i].pos != Pos::VB {
            continue;
        }
        // (Not one with an object after it: 'is to "replenish" the cash'.)
        let ends = |k: usize| words.get(k).is_none_or(|n| n.pos.is_punct() || matches!(n.pos, Pos::IN | Pos::CC));
        let quoted = words[i - 1].pos == Pos::Quote && words.get(i + 1).is_some_and(|n| n.pos == Pos::Quote) && ends(i + 2);
        let to = if quoted { i.saturating_sub(2) } else { i - 1 };
        if !words[to].text(text).eq_ignore_ascii_case("to") {
            continue;
        }
        // The mover, then its object, right before "to".
        let object = |p: Pos| matches!(p, Pos::DT | Pos::PRPS | Pos::PRP | Pos::Possessive | Pos::JJ | Pos::CD) || p.is_noun();
        let start = (0..to).rev().take_while(|&k| object(words[k].pos)).last();
        let moved = start.is_some_and(|k| k > 0 && MOVES.iter().any(|m| words[k - 1].text(text).eq_ignore_ascii_case(m)));
        if quoted || moved {
            words[i].pos = Pos::NN;
        }
    }
}

/// A sentence that opens with a form in "-s", a preposition and its noun phrase, then a
/// finite verb, opens with its plural subject: "Talks with the army began" (the model
/// reads "Talks" as the verb). Only a plain noun phrase may stand between: "Depends on
/// what you want" and "Seems to me like" are verbs with no subject; nor a comparison.
fn correct_opening_plural(text: &str, words: &mut [Word]) {
    let Some(first) = words.first() else { return };
    let w = first.text(text);
    if first.pos != Pos::VBZ || words.get(1).is_none_or(|n| n.pos != Pos::IN) || !w.ends_with('s') || w.ends_with("ss") {
        return;
    }
    // "Looks like the kids had", "Sounds as though Eric has": a comparison's clause.
    if matches!(words[1].text(text).to_ascii_lowercase().as_str(), "like" | "as" | "if" | "though" | "than" | "whether") {
        return;
    }
    let phrase = |p: Pos| matches!(p, Pos::DT | Pos::JJ | Pos::CD | Pos::Possessive | Pos::IN) || p.is_noun();
    let Some(verb) = words[2..].iter().position(|n| !phrase(n.pos)).map(|k| k + 2) else { return };
    if verb > 2 && matches!(words[verb].pos, Pos::VBD | Pos::VBZ | Pos::VBP | Pos::MD) && words[verb - 1].pos.is_noun() {
        words[0].pos = Pos::NNS;
    }
}

/// Two pasts in one clause with nothing between them but a phrase of time or place: the
/// first, right after its noun, is a participle that describes it: "A round held last
/// August ended without agreement", "the report released in July found". (Not when a
/// noun between them could be the second's subject: "said Reyes ordered".)
fn correct_reduced_relatives(text: &str, words: &mut [Word]) {
    for i in 1..words.len() {
        if words[i].pos != Pos::VBD || !matches!(words[i - 1].pos, Pos::NN | Pos::NNS | Pos::JJ) {
            continue;
        }
        let w = words[i].text(text).to_ascii_lowercase();
        let participle_too = w.ends_with("ed") || irregular().participles.contains(w.as_str()) && irregular_base(&w) != Some(w.as_str());
        if !participle_too {
            continue;
        }
        let Some(j) =
            (i + 1..words.len().min(i + 7)).find(|&k| !matches!(words[k].pos, Pos::IN | Pos::DT | Pos::JJ | Pos::CD | Pos::NNP | Pos::RB))
        else {
            continue;
        };
        let between_has_time = (i + 1..j).any(|k| words[k].pos == Pos::NNP || words[k].pos == Pos::CD);
        if j > i + 1 && between_has_time && matches!(words[j].pos, Pos::VBD | Pos::VBZ) {
            words[i].pos = Pos::VBN;
            // "A round held": an adjective right after the article heads the phrase.
            if words[i - 1].pos == Pos::JJ && i >= 2 && words[i - 2].pos == Pos::DT {
                words[i - 1].pos = Pos::NN;
            }
        }
    }
}

/// A verb whose base, past and participle are one form ("put", "set", "cut"), set off
/// after a noun by a comma, is a participle that describes it: "The proposal, first
/// put forward in February, was meant to save". Read as a base form, with no "to" or
/// modal before it, it made an infinitive of the aside.
fn correct_aside_participles(text: &str, words: &mut [Word]) {
    for i in 2..words.len() {
        if words[i].pos != Pos::VB {
            continue;
        }
        let w = words[i].text(text).to_ascii_lowercase();
        if irregular_base(&w) != Some(w.as_str()) {
            continue;
        }
        let mut b = i;
        while b > 0 && words[b - 1].pos == Pos::RB {
            b -= 1;
        }
        // A passive participle takes no object: "let me say", "let Canon deal" are imperatives.
        let object = words.get(i + 1).is_some_and(|n| matches!(n.pos, Pos::PRP | Pos::DT | Pos::PRPS | Pos::CD) || n.pos.is_noun());
        if b >= 2 && words[b - 1].pos == Pos::Comma && words[b - 2].pos.is_noun() && !object {
            words[i].pos = Pos::VBN;
        }
    }
}

/// A verb of perceiving or causing takes its object and a bare infinitive: "watching her
/// clothes dry", "heard Amir talk", "made him resign". The tagger reads the infinitive,
/// after a noun, as a present tense, which would make it a clause of its own.
fn correct_bare_infinitives(text: &str, words: &mut [Word]) {
    for i in 2..words.len() {
        if words[i].pos != Pos::VBP {
            continue;
        }
        // The object: a short noun phrase or an object pronoun right before.
        let Some(verb) = (i.saturating_sub(5)..i).rev().find(|&k| words[k].pos.is_verb()) else { continue };
        let object = verb + 1..i;
        // Not a subject pronoun: "made the plans they want" is a relative clause.
        let object_pronoun =
            |k: usize| words[k].pos == Pos::PRP && OBJECT_PRONOUNS.iter().any(|p| words[k].text(text).eq_ignore_ascii_case(p));
        let noun_phrase = !object.is_empty()
            && object.clone().all(|k| {
                matches!(words[k].pos, Pos::DT | Pos::PRPS | Pos::JJ | Pos::CD | Pos::Possessive) || words[k].pos.is_noun() || object_pronoun(k)
            })
            && (words[i - 1].pos.is_noun() || object_pronoun(i - 1))
            // "make sure you have": an adjective after the verb is its complement, and a clause follows.
            && !words[verb + 1].pos.is_adjective();
        let w = words[verb].text(text);
        if noun_phrase && BARE_INFINITIVE_TAKERS.iter().any(|t| w.eq_ignore_ascii_case(t)) {
            words[i].pos = Pos::VB;
        }
    }
}

/// A verb whose past is its base ("hit", "cut", "set") right after a singular subject
/// that opens a clause is a past: "when a storm hit the coast", "the bank cut rates".
/// A singular subject's present would end in "-s", and no modal or "to" stands before
/// it. Not after a verb that takes a bare infinitive ("let the ball hit") or a "that"
/// of a demand, whose verb is a subjunctive ("insisted that he quit").
fn correct_base_after_subject(text: &str, words: &mut [Word]) {
    for i in 1..words.len() {
        // The tag first: this runs on every word, and only a base form needs a copy.
        if words[i].pos != Pos::VB {
            continue;
        }
        let w = words[i].text(text).to_ascii_lowercase();
        if irregular_base(&w) != Some(w.as_str()) || !irregular_past(&w) {
            continue;
        }
        let subject = &words[i - 1];
        let singular = matches!(subject.pos, Pos::NN | Pos::NNP)
            || subject.pos == Pos::PRP && ["he", "she", "it"].iter().any(|p| subject.text(text).eq_ignore_ascii_case(p));
        if !singular {
            continue;
        }
        // The subject's noun phrase, and the word before it.
        let k = if subject.pos == Pos::PRP {
            i - 1
        } else {
            phrase_start(words, i - 1, 5, |p| {
                matches!(p, Pos::DT | Pos::PRPS | Pos::JJ | Pos::CD | Pos::Possessive | Pos::NN | Pos::NNP | Pos::NNS)
            })
        };
        let opens = k == 0 || {
            let before = &words[k - 1];
            let bw = before.text(text).to_ascii_lowercase();
            let demand = bw == "that"
                && k >= 2
                && ["demand", "insist", "recommend", "suggest", "require", "ask", "urge", "propose", "request"]
                    .iter()
                    .any(|d| words[k - 2].text(text).to_ascii_lowercase().starts_with(d));
            !demand
                && (matches!(before.pos, Pos::Comma | Pos::CC | Pos::WRB | Pos::WDT)
                    || before.pos == Pos::IN
                        && bw != "to"
                        && !matches!(bw.as_str(), "of" | "for" | "with" | "in" | "on" | "at" | "by" | "from"))
        };
        if opens {
            words[i].pos = Pos::VBD;
        }
    }
}

/// Where the phrase that ends at word `last` starts: the words before it that `part`
/// allows, at most `reach` of them.
fn phrase_start(words: &[Word], last: usize, reach: usize, part: impl Fn(Pos) -> bool) -> usize {
    let mut k = last;
    while k > 0 && last - k < reach && part(words[k - 1].pos) {
        k -= 1;
    }
    k
}

/// A word in "-s" read as a plural noun right after a singular subject that a "when",
/// "if" or "after" opens is that subject's verb, when no other verb follows in its
/// clause: "when the new parliament meets on March 3", "if the bank raises rates". (A
/// plural after a noun that another verb follows is a compound: "when car sales fell".)
fn correct_present_after_subject(text: &str, words: &mut [Word]) {
    for i in 2..words.len() {
        let w = words[i].text(text);
        if words[i].pos != Pos::NNS || !w.ends_with('s') || w.ends_with("ss") || words[i - 1].pos != Pos::NN {
            continue;
        }
        let k = phrase_start(words, i - 1, 4, |p| matches!(p, Pos::DT | Pos::PRPS | Pos::JJ | Pos::Possessive | Pos::NN));
        let opens = k > 0 && {
            let o = words[k - 1].text(text).to_ascii_lowercase();
            matches!(words[k - 1].pos, Pos::WRB | Pos::IN)
                && matches!(o.as_str(), "when" | "if" | "after" | "before" | "until" | "once" | "unless" | "while" | "because" | "as")
        };
        if !opens || !words[k].pos.is_noun() && words[k].pos != Pos::DT && words[k].pos != Pos::PRPS {
            continue;
        }
        let next_ok =
            words.get(i + 1).is_none_or(|n| matches!(n.pos, Pos::IN | Pos::DT | Pos::RB | Pos::TO | Pos::Comma | Pos::Stop | Pos::PRPS));
        let clause_end = (i + 1..words.len()).find(|&m| matches!(words[m].pos, Pos::Comma | Pos::CC | Pos::Stop)).unwrap_or(words.len());
        let other_verb = (i + 1..clause_end).any(|m| words[m].pos.is_verb());
        if next_ok && !other_verb {
            words[i].pos = Pos::VBZ;
        }
    }
}

/// The verbs that take an object and a bare infinitive, every form.
const BARE_INFINITIVE_TAKERS: &[&str] = &[
    "watch",
    "watches",
    "watched",
    "watching",
    "see",
    "sees",
    "saw",
    "seen",
    "seeing",
    "hear",
    "hears",
    "heard",
    "hearing",
    "feel",
    "feels",
    "felt",
    "feeling",
    "let",
    "lets",
    "letting",
    "make",
    "makes",
    "made",
    "making",
    "help",
    "helps",
    "helped",
    "helping",
    "notice",
    "notices",
    "noticed",
    "noticing",
    "observe",
    "observes",
    "observed",
    "observing",
];
const OBJECT_PRONOUNS: &[&str] = &["me", "him", "her", "us", "them", "it", "you"];

/// Verbs of saying and thinking, whose object is a clause: "said it invaded". (The
/// events layer's lexicon has the full classes; the tagger, below it, needs only these.)
const CLAUSE_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "added",
    "claimed",
    "stated",
    "announced",
    "reported",
    "believed",
    "thought",
    "confirmed",
    "insisted",
    "denied",
    "admitted",
    "argued",
];

/// Verbs of saying and thinking whose object is a clause and never a person or a
/// thing: after them a noun and a form in "-ed" are a clause's subject and verb.
const SAYING_ONLY: &[&str] =
    &["said", "says", "say", "claimed", "claims", "stated", "insisted", "argued", "believed", "believes", "thought", "think"];

/// Is `word` (any case) a form of "be", "have" or "do", which a question puts before
/// its subject ("is it supposed to")?
fn is_auxiliary(word: &str) -> bool {
    ["is", "are", "was", "were", "am", "be", "been", "has", "have", "had", "do", "does", "did"].iter().any(|a| word.eq_ignore_ascii_case(a))
}

/// Is `word` (any case) a pronoun that can only be a subject ("he", "they"; "you" and
/// "it" too, which are objects as well)?
pub fn is_subject_pronoun(word: &str) -> bool {
    ["i", "he", "she", "we", "they", "it", "you"].iter().any(|p| word.eq_ignore_ascii_case(p))
}

/// Is `word` (any case) an ordinal: which one of a series ("first", "last", "next")?
pub fn is_ordinal(word: &str) -> bool {
    // "31st", "2nd", "103rd", "4th".
    let numeric = word.len() >= 3 && word.is_char_boundary(word.len() - 2) && {
        let (digits, suffix) = word.split_at(word.len() - 2);
        !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && ["st", "nd", "rd", "th"].iter().any(|x| suffix.eq_ignore_ascii_case(x))
    };
    numeric || ORDINALS.iter().any(|o| word.eq_ignore_ascii_case(o))
}

const ORDINALS: &[&str] =
    &["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last", "next", "final"];

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str) -> Vec<(String, Pos)> {
        tag_sentence(text, 0, text.len()).iter().map(|w| (w.text(text).to_string(), w.pos)).collect()
    }

    /// The tag of `word`'s first occurrence in `text`.
    fn pos_of(text: &str, word: &str) -> Option<Pos> {
        tags(text).into_iter().find(|(w, _)| w == word).map(|(_, p)| p)
    }

    #[test]
    fn a_form_that_can_only_be_a_past_is_one() {
        for (text, noun, verb) in
            [("Shares fell 3 percent.", 0, 1), ("Oil prices rose sharply.", 1, 2), ("Car exports rose strongly.", 1, 2)]
        {
            let t = tags(text);
            assert_eq!(t[noun].1, Pos::NNS, "{text}: {t:?}");
            assert_eq!(t[verb].1, Pos::VBD, "{text}: {t:?}");
        }
        let t = tags("The industrial average rose 72.24 points.");
        assert_eq!(t[3].1, Pos::VBD, "{t:?}");
        let t = tags("The jobless rate rose to 8.1 percent in February.");
        assert_eq!(t[3].1, Pos::VBD, "{t:?}");
        // Not before a noun, nor a form that is also a participle or a present.
        let t = tags("He saw the rose garden.");
        assert_ne!(t[3].1, Pos::VBD, "{t:?}");
        assert!(past_only("rose") && past_only("took"));
        assert!(!past_only("cut") && !past_only("won") && !past_only("come"));
    }

    #[test]
    fn a_prefixed_irregular_verb_is_a_verb() {
        let t = tags("The court upheld the ruling.");
        assert_eq!(t[2].1, Pos::VBD, "{t:?}");
        assert!(prefixed_irregular("upheld") && prefixed_irregular("outgrown") && prefixed_irregular("withstood"));
        // Not a noun made of the same letters, nor a form that is also its base.
        assert!(!prefixed_irregular("outlet") && !prefixed_irregular("upset") && !prefixed_irregular("underground"));
        assert!(!prefixed_irregular("resent") && !prefixed_irregular("held"));
    }

    #[test]
    fn a_plural_after_to_is_no_verb() {
        let t = tags("She pleaded not guilty to charges of fraud.");
        assert_eq!(t[5].1, Pos::NNS, "{t:?}");
        let t = tags("They want to discuss the plan.");
        assert_eq!(t[3].1, Pos::VB, "{t:?}");
    }

    #[test]
    fn a_past_before_a_time_and_another_past_describes_its_noun() {
        assert_eq!(pos_of("A round held last August ended without agreement.", "held"), Some(Pos::VBN));
        assert_eq!(pos_of("A round held last August ended without agreement.", "round"), Some(Pos::NN));
        assert_eq!(pos_of("Prosecutors said Reyes ordered staff in 2020 to move.", "said"), Some(Pos::VBD));
    }

    #[test]
    fn a_past_only_form_before_an_adverb_is_a_past() {
        assert_eq!(pos_of("British inflation fell more sharply than expected.", "fell"), Some(Pos::VBD));
    }

    #[test]
    fn a_clause_after_a_conjunction_or_a_verb_of_saying_has_its_own_past() {
        assert_eq!(pos_of("He hid the losses before the lender collapsed in 2021.", "collapsed"), Some(Pos::VBD));
        assert_eq!(pos_of("Prosecutors said Reyes ordered staff to move the positions.", "ordered"), Some(Pos::VBD));
        // A form that is its own participle, set off after a noun, is one.
        assert_eq!(pos_of("The proposal, first put forward in February, was meant to save money.", "put"), Some(Pos::VBN));
        // A verb after a conjunction is another clause's.
        assert_eq!(pos_of("Prosecutors said Reyes ordered staff to move them so they would not appear.", "ordered"), Some(Pos::VBD));
        // Not a participle that describes the subject of a verb after it, nor one with its agent.
        assert_ne!(pos_of("He said the money raised will go to charity.", "raised"), Some(Pos::VBD));
        assert_ne!(pos_of("It fell after the bill passed by the House was vetoed.", "passed"), Some(Pos::VBD));
    }

    #[test]
    fn according_to_takes_a_noun() {
        assert_eq!(pos_of("The losses grew, according to court filings.", "court"), Some(Pos::NN));
        assert_eq!(pos_of("The team is due to arrive on Monday.", "arrive"), Some(Pos::VB));
    }

    #[test]
    fn an_unknown_name_opening_a_sentence_is_its_subject() {
        assert_eq!(pos_of("Albanese promised to act on climate change.", "promised"), Some(Pos::VBD));
        assert_eq!(pos_of("Albanese, 59, promised to act on climate change.", "Albanese"), Some(Pos::NNP));
        assert_eq!(pos_of("Albanese, 59, promised to act on climate change.", "promised"), Some(Pos::VBD));
        // Read as an adverb, too; not an adverb that opens sentences.
        assert_eq!(pos_of("Harlow filed for bankruptcy in September 2021.", "Harlow"), Some(Pos::NNP));
        assert_ne!(pos_of("Later filed reports were lost.", "Later"), Some(Pos::NNP));
        // Not a participle that describes the noun after it.
        assert_ne!(pos_of("Newly elected officials took their seats.", "elected"), Some(Pos::VBD));
    }

    #[test]
    fn a_form_in_ed_joined_to_a_simple_past_is_a_past() {
        let t = "Paul Keating, who led the government for five years and championed a republic, welcomed the result.";
        assert_eq!(pos_of(t, "championed"), Some(Pos::VBD));
        // Not one joined to a passive.
        assert_eq!(pos_of("He was arrested and charged with fraud.", "charged"), Some(Pos::VBN));
    }

    #[test]
    fn a_rating_a_thing_is_moved_to_is_a_noun() {
        assert_eq!(pos_of("Analysts downgraded the stock to underweight on Thursday.", "underweight"), Some(Pos::NN));
        assert_eq!(pos_of("Moody's cut the bank's rating to \"junk\" on Friday.", "junk"), Some(Pos::NN));
        // Not an infinitive of purpose, nor a quoted verb with its object.
        assert_eq!(pos_of("The firm raised money to build a plant.", "build"), Some(Pos::VB));
        assert_eq!(pos_of("The request is to \"replenish\" the cash.", "replenish"), Some(Pos::VB));
    }

    #[test]
    fn a_verb_of_perceiving_or_causing_takes_a_bare_infinitive() {
        assert_eq!(pos_of("A man who was watching his dogs play in the park was hurt.", "play"), Some(Pos::VB));
        assert_eq!(pos_of("Witnesses saw the two cars collide near the bridge.", "collide"), Some(Pos::VB));
        // Not a clause with a subject of its own.
        assert_eq!(pos_of("Make sure you have the tickets.", "have"), Some(Pos::VBP));
        assert_eq!(pos_of("The council made the changes they wanted.", "wanted"), Some(Pos::VBD));
    }

    #[test]
    fn a_past_after_a_subject_pronoun_that_a_verb_of_saying_leads_is_a_past() {
        assert_eq!(pos_of("The club said it signed Marco Rossi from Genoa.", "signed"), Some(Pos::VBD));
        // A question's auxiliary is no such verb.
        assert_eq!(pos_of("Is it supposed to rain today?", "supposed"), Some(Pos::VBN));
    }

    #[test]
    fn a_sentence_opening_with_a_plural_and_its_phrase_opens_with_its_subject() {
        assert_eq!(pos_of("Talks with the army began on May 8.", "Talks"), Some(Pos::NNS));
        // A verb with no subject, before a comparison's clause, stays a verb.
        assert_eq!(pos_of("Looks like the kids had a great time!", "Looks"), Some(Pos::VBZ));
    }

    #[test]
    fn a_verb_whose_past_is_its_base_after_a_singular_subject_is_a_past() {
        assert_eq!(pos_of("The ferry sank when a storm hit the coast on Friday.", "hit"), Some(Pos::VBD));
        // A subjunctive after a demand, and an infinitive after "let", stay base forms.
        assert_eq!(pos_of("The union insisted that the manager cut the hours.", "cut"), Some(Pos::VB));
        assert_eq!(pos_of("They let the company set the price.", "set"), Some(Pos::VB));
    }

    #[test]
    fn a_word_in_s_after_a_singular_subject_that_when_opens_is_its_verb() {
        assert_eq!(pos_of("He will resign when the new parliament meets on March 3.", "meets"), Some(Pos::VBZ));
        // Another verb after it makes it a compound's noun.
        assert_eq!(pos_of("Stocks fell when the company shares dropped on Monday.", "shares"), Some(Pos::NNS));
    }

    #[test]
    fn an_ordinal_before_a_noun_describes_it() {
        let t = tags("First flight is scheduled in early March.");
        assert_eq!(t[0].1, Pos::JJ, "{t:?}");
        let t = tags("First, the board met.");
        assert_ne!(t[0].1, Pos::JJ, "{t:?}");
        assert!(is_ordinal("31st") && is_ordinal("2ND") && is_ordinal("103rd") && is_ordinal("Sixth"));
        // Not a word that merely ends so, nor one whose last bytes are inside a character.
        assert!(!is_ordinal("best") && !is_ordinal("1st5") && !is_ordinal("\u{2019}s") && !is_ordinal("5\u{2019}s"));
    }

    #[test]
    fn a_form_that_can_only_be_a_participle_is_never_a_past() {
        let t = tags("The strike was the end of a dispute begun between the union and the owners in May.");
        assert_eq!(t[8].1, Pos::VBN, "{t:?}");
        assert!(participle_only("begun") && participle_only("written"));
        assert!(!participle_only("won") && !participle_only("come") && !participle_only("cut"));
    }

    #[test]
    fn a_participle_right_after_its_subject_is_the_clauses_past() {
        let t = tags("Angry crowds chanted slogans outside the embassy.");
        assert_eq!(t[2].1, Pos::VBD, "{t:?}");
        let t = tags("Truckloads of goods rolled into the city on Tuesday.");
        assert_eq!(t[3].1, Pos::VBD, "{t:?}");
        let t = tags("In the bond market, yields edged down.");
        assert_eq!((t[5].1, t[6].1), (Pos::NNS, Pos::VBD), "{t:?}");
        // Another verb in the clause, "by", or a bare singular noun: the participle modifies.
        for (text, at) in [
            ("Steel plates recovered at the site were sent to a laboratory.", 2),
            ("A man killed by the police was buried.", 2),
            ("Passport needed for the cruise.", 1),
        ] {
            let t = tags(text);
            assert_ne!(t[at].1, Pos::VBD, "{text}: {t:?}");
        }
    }
}

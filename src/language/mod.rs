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
        toks.iter()
            .zip(tags.iter())
            .map(|(t, &tag)| {
                let pos = correct(t.text(text), model.pos(tag));
                Word { start: t.start, end: t.end, pos }
            })
            .collect()
    })
}

/// `irregular.tsv`, read once: each past and participle with its base, and the pasts.
struct Irregular {
    base: crate::hashing::FastMap<&'static str, &'static str>,
    pasts: crate::hashing::FastSet<&'static str>,
}

fn irregular() -> &'static Irregular {
    use std::sync::OnceLock;
    static FORMS: OnceLock<Irregular> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut forms = Irregular { base: Default::default(), pasts: Default::default() };
        for line in include_str!("irregular.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if let [base, past, participle] = cols[..] {
                forms.base.insert(past, base);
                forms.base.insert(participle, base);
                forms.pasts.insert(past);
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

/// The tagger learnt from web text; a few news words it misreads have one reading
/// only. An irregular past form ("flew", "took", "began") tagged as a noun or an
/// adjective is a verb.
fn correct(word: &str, pos: Pos) -> Pos {
    if !(pos.is_noun() || pos.is_adjective()) || word.len() < 3 || word.chars().next().is_some_and(char::is_uppercase) {
        return pos;
    }
    let lower = word.to_ascii_lowercase();
    if irregular_base(&lower).is_some() && !AMBIGUOUS_PASTS.contains(&lower.as_str()) { Pos::VBD } else { pos }
}

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
    let toks = tokens::tokenize(text, start, end);
    let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
    let tags = pos::Model::english().tag(&words);
    toks.iter().zip(tags).map(|(t, pos)| Word { start: t.start, end: t.end, pos }).collect()
}

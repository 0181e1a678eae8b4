//! The scanner: splits text into word, number and punctuation tokens with byte
//! offsets, and looks every word up in the lexicon once.
//!
//! Hyphens and apostrophes are tokens of their own, so "third-quarter",
//! "mid-1990s" and "year's" reach the rules in parts; `gap` tells whether space
//! separated a token from the one before it, which is how the rules tell
//! "4G" or "F-35" from "4 years" or "16-hour".

use super::lexicon::{Lex, Lexicon, NO_ENTRY};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
}

/// What separates a token from the previous one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    None,
    Space,
    /// A line break (and so, in news copy, often a heading or dateline ends).
    Newline,
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    pub gap: Gap,
    /// Lexicon entry of a word, [`NO_ENTRY`] otherwise.
    pub lex: u16,
    /// Value of a number token (saturating), or the punctuation character.
    pub num: u32,
    /// Digit count of a number token; for words, whether the first letter is upper case.
    pub digits: u8,
}

impl Token {
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }
    #[inline]
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.num == c as u32
    }
    #[inline]
    pub fn capitalized(&self) -> bool {
        self.kind == Kind::Word && self.digits == 1
    }
    #[inline]
    pub fn lex(&self) -> &'static Lex {
        Lexicon::get().entry_at(self.lex)
    }
}

/// Apostrophes and dashes are normalised so the rules need only one form of each.
#[inline]
fn normalise_punct(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '`' => '\'',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => '-',
        c => c,
    }
}

/// The token a blank line leaves between paragraphs: punctuation no rule reads.
const PARAGRAPH: char = '\u{2029}';

/// Splits `text` into tokens, reusing `out`'s allocation.
pub fn scan_into(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let lexicon = Lexicon::get();
    let bytes = text.as_bytes();
    let mut i = 0usize;
    let mut gap = Gap::Newline;
    // Line breaks since the last token: a blank line parts paragraphs, and no time
    // expression runs across one ("… at 16:18" / "July 20, 1969 – Moon landing").
    let mut breaks = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            if b == b'\n' {
                gap = Gap::Newline;
                breaks += 1;
                if breaks == 2 && !out.is_empty() {
                    out.push(Token {
                        start: i as u32,
                        end: i as u32 + 1,
                        kind: Kind::Punct,
                        gap,
                        lex: NO_ENTRY,
                        num: PARAGRAPH as u32,
                        digits: 0,
                    });
                }
            } else if gap == Gap::None {
                gap = Gap::Space;
            }
            i += 1;
            continue;
        }
        breaks = 0;
        let start = i;
        if b.is_ascii_digit() {
            let mut v: u32 = 0;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                v = v.saturating_mul(10).saturating_add((bytes[i] - b'0') as u32);
                i += 1;
            }
            let digits = (i - start).min(255) as u8;
            out.push(Token { start: start as u32, end: i as u32, kind: Kind::Number, gap, lex: NO_ENTRY, num: v, digits });
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && is_letter_at(text, i)) {
            while i < bytes.len() {
                let c = bytes[i];
                if c.is_ascii_alphabetic() {
                    i += 1;
                } else if c >= 0x80 && is_letter_at(text, i) {
                    i += utf8_len(c);
                } else {
                    break;
                }
            }
            let word = &text[start..i];
            let lex = if bytes[start] < 0x80 { lexicon.lookup(word) } else { NO_ENTRY };
            let cap = bytes[start].is_ascii_uppercase() as u8;
            out.push(Token { start: start as u32, end: i as u32, kind: Kind::Word, gap, lex, num: 0, digits: cap });
        } else {
            let len = if b < 0x80 { 1 } else { utf8_len(b) };
            let c = text[start..].chars().next().map(normalise_punct).unwrap_or('\u{fffd}');
            i += len;
            if c.is_whitespace() {
                // Non-ASCII spaces (no-break space and the like) separate like spaces.
                gap = gap.max(Gap::Space);
                continue;
            }
            out.push(Token { start: start as u32, end: i as u32, kind: Kind::Punct, gap, lex: NO_ENTRY, num: c as u32, digits: 0 });
        }
        gap = Gap::None;
    }
}

#[inline]
fn utf8_len(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

#[inline]
fn is_letter_at(text: &str, i: usize) -> bool {
    text.get(i..).and_then(|s| s.chars().next()).is_some_and(char::is_alphabetic)
}

/// The lower-case token texts of a phrase, for matching multi-word lexicon entries.
pub fn words_of(phrase: &'static str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let bytes = phrase.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let start = i;
        if bytes[i].is_ascii_alphabetic() {
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
        } else if bytes[i].is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
        } else {
            i += 1;
        }
        out.push(&phrase[start..i]);
    }
    out
}

/// Case-insensitive comparison of a token with a lexicon word, with punctuation normalised.
#[inline]
pub fn token_is(tok: &Token, text: &str, word: &str) -> bool {
    if tok.kind == Kind::Punct {
        return word.chars().next().is_some_and(|c| c as u32 == tok.num) && word.len() == 1;
    }
    if (tok.end - tok.start) as usize != word.len() {
        return false;
    }
    // A word in the lexicon compares by its entry's lower-case form: no case folding.
    if tok.lex != NO_ENTRY {
        // Same length already; the first byte settles most comparisons without a call.
        let entry = tok.lex().word.as_bytes();
        return entry.first() == word.as_bytes().first() && entry == word.as_bytes();
    }
    tok.text(text).eq_ignore_ascii_case(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, Kind, Gap)> {
        let mut toks = Vec::new();
        scan_into(text, &mut toks);
        toks.iter().map(|t| (t.text(text).to_string(), t.kind, t.gap)).collect()
    }

    #[test]
    fn splits_hyphens_and_apostrophes() {
        let k = kinds("third-quarter year\u{2019}s 4G");
        let texts: Vec<&str> = k.iter().map(|(t, ..)| t.as_str()).collect();
        assert_eq!(texts, ["third", "-", "quarter", "year", "\u{2019}", "s", "4", "G"]);
        assert_eq!(k[1].2, Gap::None);
        assert_eq!(k[3].2, Gap::Space);
        assert_eq!(k[7].2, Gap::None);
    }

    #[test]
    fn offsets_stay_on_char_boundaries() {
        let text = "Ünïcode — 5 décembre 2018 ✓";
        let mut toks = Vec::new();
        scan_into(text, &mut toks);
        for t in &toks {
            assert!(text.is_char_boundary(t.start as usize) && text.is_char_boundary(t.end as usize));
        }
        assert_eq!(toks[0].text(text), "Ünïcode");
    }

    #[test]
    fn numbers_saturate() {
        let mut toks = Vec::new();
        scan_into("99999999999999999999", &mut toks);
        assert_eq!(toks[0].num, u32::MAX);
    }
}

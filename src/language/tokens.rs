//! Word tokens of a sentence, split the way the Penn Treebank and the English Web
//! Treebank split them (the tagger was trained on those): punctuation apart from
//! words, "n't" and "'s" apart from their host, "$" apart from its number, while
//! "U.S.", "Dec." and "10,000" stay whole. Every token keeps its byte span.

/// A token: a byte span in the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
}

impl Tok {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Words after which a period belongs to the word.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st", "jr", "sr", "inc", "corp", "co", "ltd",
    "bros", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
    "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "approx", "dept", "univ", "ft", "mt", "ave", "blvd", "rev", "hon", "pres", "supt",
    "pp", "vol", "fig",
];

/// Clitics split from their host, longest first; "n't" is handled apart.
const CLITICS: &[&str] = &["'s", "'re", "'ve", "'ll", "'d", "'m", "'S", "'RE", "'VE", "'LL", "'D", "'M"];

/// Punctuation peeled off a word's front. An underscore is punctuation at a word's
/// edge: emphasis in plain text ("_not_"), a dash in wire copy ("(AP)_").
fn is_open_punct(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '{' | '\u{201c}' | '\u{2018}' | '«' | '`' | '*' | '<' | '_')
}

fn is_close_punct(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '}' | '\u{201d}' | '\u{2019}' | '»' | ',' | ';' | ':' | '!' | '?' | '.' | '…' | '*' | '>' | '_')
}

/// Characters that always stand alone, even inside a chunk: dashes between words, and
/// curly double quotes, which copy often runs into a word ("commitment,”said").
fn is_dash(c: char) -> bool {
    matches!(c, '\u{2014}' | '\u{2013}' | '\u{2015}' | '\u{201c}' | '\u{201d}')
}

/// Splits `text[start..end]` into tokens, appending to `out` (offsets absolute).
pub fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let first = out.len();
    let s = &text[start..end];
    let bytes = s.as_bytes();
    let mut chunk_start = None;
    let mut i = 0;
    while i <= bytes.len() {
        // Whitespace: ASCII by its byte, anything else (no-break spaces) by its character.
        let (space, width) = match bytes.get(i) {
            None => (true, 1),
            Some(&b) if b < 0x80 => (b.is_ascii_whitespace(), 1),
            Some(_) => {
                let c = s[i..].chars().next().expect("a char boundary");
                (c.is_whitespace(), c.len_utf8())
            }
        };
        if space {
            if let Some(cs) = chunk_start.take() {
                chunk(text, start + cs, start + i, out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
        i += width;
    }
    // The sentence's last word gives up its period unless the period is one of
    // several ("U.S."): "said no." ends with "no" and "." (closing quotes may follow).
    let toks = &out[first..];
    let last_word = toks.iter().rposition(|t| !t.text(text).chars().all(is_close_punct));
    if let Some(k) = last_word.map(|k| first + k) {
        let last = out[k];
        let w = last.text(text);
        if w.len() > 1 && w.ends_with('.') && w.matches('.').count() == 1 {
            let cut = last.end - 1;
            out[k] = Tok { start: last.start, end: cut };
            out.insert(k + 1, Tok { start: cut, end: last.end });
        }
    }
}

/// Tokens of `text[start..end]`.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    tokenize_into(text, start, end, &mut out);
    out
}

/// One whitespace-delimited chunk: dashes split it, then each piece loses its
/// punctuation and clitics.
fn chunk(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let mut piece = start;
    let s = &text[start..end];
    // Most chunks are plain ASCII words with no dash in them.
    if s.is_ascii() && !s.contains("--") {
        piece_tokens(text, start, end, out);
        return;
    }
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let double_hyphen = c == '-' && s[i..].starts_with("--");
        if is_dash(c) || double_hyphen {
            piece_tokens(text, piece, start + i, out);
            let len = if double_hyphen { 2 } else { c.len_utf8() };
            out.push(Tok { start: start + i, end: start + i + len });
            if double_hyphen {
                iter.next();
            }
            piece = start + i + len;
        }
    }
    piece_tokens(text, piece, end, out);
}

fn piece_tokens(text: &str, mut start: usize, mut end: usize, out: &mut Vec<Tok>) {
    // Leading punctuation and currency, one token each.
    while start < end {
        let c = text[start..end].chars().next().expect("non-empty");
        if is_open_punct(c) || matches!(c, '$' | '£' | '€' | '¥' | '#') {
            out.push(Tok { start, end: start + c.len_utf8() });
            start += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation, kept to be pushed after the word (rarely more than a few marks).
    let mut trailing: [Tok; 8] = [Tok { start: 0, end: 0 }; 8];
    let mut n_trailing = 0;
    while start < end {
        let word = &text[start..end];
        let c = word.chars().next_back().expect("non-empty");
        let is_period = c == '.';
        if is_period && keeps_period(&word[..word.len() - 1]) {
            break;
        }
        if (is_close_punct(c) || c == '%') && n_trailing < trailing.len() {
            // "..." stays one token.
            let len = if word.ends_with("...") && word.len() > 3 { 3 } else { c.len_utf8() };
            trailing[n_trailing] = Tok { start: end - len, end };
            n_trailing += 1;
            end -= len;
        } else {
            break;
        }
    }
    if start < end {
        split_clitic(text, start, end, out);
    }
    out.extend(trailing[..n_trailing].iter().rev());
}

/// "U.S.", "Dec.", "J." keep their period.
fn keeps_period(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    // "U.S", "e.g", "p.m": letters between periods.
    if word.contains('.') && word.split('.').all(|p| (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic)) {
        return true;
    }
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        return true;
    }
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn split_clitic(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let word = &text[start..end];
    // "cannot" → "can" "not", as the treebank the tagger learnt from has it.
    if word.eq_ignore_ascii_case("cannot") {
        out.push(Tok { start, end: start + 3 });
        out.push(Tok { start: start + 3, end });
        return;
    }
    // Most words have no apostrophe at all: nothing to split.
    if !word.contains(['\'', '\u{2019}']) {
        out.push(Tok { start, end });
        return;
    }
    let w = word.replace('\u{2019}', "'");
    // Offsets in `w` differ from `word` by 2 bytes per curly apostrophe; clitics are
    // matched at the end, so count back in characters.
    let back = |chars: usize| -> usize { word.char_indices().rev().nth(chars - 1).map_or(0, |(i, _)| i) };
    let split = |cut: usize, out: &mut Vec<Tok>| {
        out.push(Tok { start, end: start + cut });
        out.push(Tok { start: start + cut, end });
    };
    // "can't" → "ca" "n't", "won't" → "wo" "n't" (as the treebanks do).
    // (By `get`: the last three bytes may start inside a character, "l'Œil".)
    if w.len() > 3 && w.get(w.len() - 3..).is_some_and(|t| t.eq_ignore_ascii_case("n't")) {
        return split(back(3), out);
    }
    if let Some(c) = CLITICS.iter().find(|c| w.len() > c.len() && w.ends_with(*c)) {
        return split(back(c.chars().count()), out);
    }
    // "Reuters'" → "Reuters" "'": a plural possessive.
    if w.len() > 2 && w.ends_with("s'") {
        return split(back(1), out);
    }
    out.push(Tok { start, end });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s, 0, s.len()).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn treebank_splits() {
        assert_eq!(
            toks("On Dec. 5, BT Group, a U.S. firm, didn't say \"no.\""),
            ["On", "Dec.", "5", ",", "BT", "Group", ",", "a", "U.S.", "firm", ",", "did", "n't", "say", "\"", "no", ".", "\""]
        );
        assert_eq!(toks("Huawei’s $2 billion (12%) pledge"), ["Huawei", "’s", "$", "2", "billion", "(", "12", "%", ")", "pledge"]);
        assert_eq!(toks("the NCSC—part of GCHQ—said"), ["the", "NCSC", "—", "part", "of", "GCHQ", "—", "said"]);
        assert_eq!(
            toks("It can't, won't -- and 10,000 U.S.-led"),
            ["It", "ca", "n't", ",", "wo", "n't", "--", "and", "10,000", "U.S.-led"]
        );
        assert_eq!(toks("It cannot say; Cannot."), ["It", "can", "not", "say", ";", "Can", "not", "."]);
        assert_eq!(toks("the sources' view..."), ["the", "sources", "'", "view", "..."]);
        // A word with an apostrophe whose last three bytes start inside a character.
        assert_eq!(toks("dans l'Œil"), ["dans", "l'Œil"]);
        assert_eq!(
            toks("CAGUAS (AP)_ Kidnappers _never_ snake_case"),
            ["CAGUAS", "(", "AP", ")", "_", "Kidnappers", "_", "never", "_", "snake_case"]
        );
    }

    #[test]
    fn spans_are_offsets_into_the_text() {
        let text = "xx He said.";
        let t = tokenize(text, 3, text.len());
        assert_eq!(t[0], Tok { start: 3, end: 5 });
        assert_eq!(t.last().unwrap().text(text), ".");
    }
}

//! Sentence segmentation that survives news abbreviations ("Dec.", "U.S.",
//! "Mr.", "Inc.", "p.m.", initials) and treats a line break as a boundary,
//! since headlines, datelines and one-sentence-per-line copy carry no period.

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st", "jr", "sr", "inc", "corp", "co", "ltd",
    "plc", "llc", "bros", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "a.m", "p.m", "u.s", "u.k", "u.n", "e.g", "i.e", "approx", "est",
    "dept", "univ", "ft", "mt", "ave", "blvd", "rev", "hon", "pres", "supt",
];

/// Byte ranges of the sentences of `text`, trimmed of surrounding white space.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let boundary = match b {
            b'\n' => Some(i),
            b'.' | b'!' | b'?' => {
                // Closing quotes and brackets stay with the sentence they close.
                let mut end = i + 1;
                while end < bytes.len() && matches!(bytes[end], b'"' | b'\'' | b')') {
                    end += 1;
                }
                if text[end..].starts_with(['\u{201d}', '\u{2019}']) {
                    end += 3;
                }
                let next_is_space = end >= bytes.len() || bytes[end].is_ascii_whitespace();
                (next_is_space && !(b == b'.' && is_abbreviation(&text[start..i]))).then_some(end)
            }
            _ => None,
        };
        if let Some(end) = boundary {
            push_trimmed(text, start, end, &mut out);
            start = end;
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start, bytes.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push((start + lead, end - trail));
    }
}

/// Does the text before a period end in an abbreviation or an initial?
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"').next().unwrap_or("");
    let lower = word.to_ascii_lowercase();
    // Initials and single letters: "J. Smith", "U.S."
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        return true;
    }
    if word.len() <= 4 && word.contains('.') {
        return true;
    }
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let t = "On Dec. 5, BT Group Inc. said U.S. officials met Mr. Smith at 3 p.m. on Friday. He left.";
        assert_eq!(split(t), ["On Dec. 5, BT Group Inc. said U.S. officials met Mr. Smith at 3 p.m. on Friday.", "He left."]);
    }

    #[test]
    fn lines_are_boundaries() {
        assert_eq!(
            split("Headline\n\nDecember 13, 2018\nBody one. Body two!"),
            ["Headline", "December 13, 2018", "Body one.", "Body two!"]
        );
    }

    #[test]
    fn closing_quotes_stay() {
        assert_eq!(split("He said \"never.\" Then left."), ["He said \"never.\"", "Then left."]);
    }

    #[test]
    fn initials() {
        assert_eq!(split("J. R. Smith spoke. Then."), ["J. R. Smith spoke.", "Then."]);
    }
}

//! Event titles: a readable line of at most [`MAX_TITLE`] characters, built from
//! the sentence's main clause rather than its first characters: a leading
//! adverbial ("On Dec. 5,") and appositives (", a British telecom provider,")
//! are dropped before the line is cut at a word boundary.

pub const MAX_TITLE: usize = 90;

const LEADING_PREPOSITIONS: &[&str] = &[
    "on",
    "in",
    "at",
    "by",
    "since",
    "during",
    "after",
    "before",
    "last",
    "earlier",
    "later",
    "this",
    "next",
    "until",
    "from",
    "as",
    "but",
    "and",
    "however",
    "meanwhile",
    "previously",
    "yesterday",
    "today",
];

pub fn title_from_sentence(sentence: &str) -> String {
    // One plain space between words: news copy is full of no-break and thin spaces.
    let mut s = sentence.split_whitespace().collect::<Vec<_>>().join(" ").replace(['\u{201c}', '\u{201d}', '"'], "");
    s = drop_leading_adverbial(&s);
    s = drop_appositives(&s);
    let s = s.trim().trim_end_matches(['.', '!', '?', ',', ';', ':']).trim();
    let mut out = capitalise(s);
    if out.chars().count() > MAX_TITLE {
        let cut: String = out.chars().take(MAX_TITLE - 1).collect();
        let at_word = cut.rfind(' ').filter(|&i| i > MAX_TITLE / 2).unwrap_or(cut.len());
        out = format!("{}…", cut[..at_word].trim_end_matches([',', ';', ':', ' ']));
    }
    out
}

/// "On Dec. 5, BT Group …" → "BT Group …".
fn drop_leading_adverbial(s: &str) -> String {
    let Some(comma) = s.find(", ") else { return s.to_string() };
    let head = &s[..comma];
    let first = head.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
    if head.len() <= 45 && LEADING_PREPOSITIONS.contains(&first.as_str()) { s[comma + 2..].to_string() } else { s.to_string() }
}

/// "BT Group, a British telecom services provider, announced" → "BT Group announced".
fn drop_appositives(s: &str) -> String {
    let mut out = s.to_string();
    let mut search_from = 0;
    while let Some(rel) = out[search_from..].find(", ") {
        let open = search_from + rel;
        let rest = &out[open + 2..];
        let first = rest.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
        if matches!(first.as_str(), "a" | "an" | "the")
            && let Some(close) = rest.find(", ").filter(|&c| c <= 60)
        {
            out.replace_range(open..open + 2 + close + 1, "");
            continue;
        }
        search_from = open + 2;
    }
    out
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
    fn clause_not_prefix() {
        let t = title_from_sentence(
            "On Dec. 5, BT Group, a British telecom services provider, announced that it would strip its existing 3G and 4G core communications infrastructure of any Huawei equipment.",
        );
        assert!(t.starts_with("BT Group announced that it would strip"), "{t}");
        assert!(t.chars().count() <= MAX_TITLE);
        assert!(t.ends_with('…'));
    }

    #[test]
    fn no_break_spaces_count_as_spaces() {
        assert_eq!(title_from_sentence("On Dec. 5,\u{a0}BT Group, a provider, announced it."), "BT Group announced it");
    }

    #[test]
    fn short_sentence_kept() {
        assert_eq!(title_from_sentence("Meng was arrested in Canada."), "Meng was arrested in Canada");
    }
}

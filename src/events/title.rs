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

/// Clause boundaries, tried in the sentence: the title comes from the clause
/// that holds the event's trigger, so "The board will meet next Monday and
/// publish results on April 22" gives two titles, not one.
pub(super) const CLAUSE_BREAKS: &[&str] =
    &["; ", ", and ", ", but ", ", while ", ", which ", ", where ", ", when ", ", whereas ", " — ", " -- ", " and will ", " and would "];

/// Prepositions that introduce a date and go with it when it is cut out.
const DATE_PREPOSITIONS: &[&str] =
    &["on", "in", "at", "by", "since", "during", "until", "from", "for", "of", "as early as", "as late as", "before", "after"];

/// The title of an event mentioned at `timex` (with its `trigger`) in the
/// sentence `text[sentence]`: the trigger's clause, without the date itself.
/// All ranges are byte offsets into `text`.
pub fn title_from_mention(text: &str, sentence: (usize, usize), timex: (usize, usize), trigger: Option<(usize, usize)>) -> String {
    let (ss, se) = sentence;
    let focus = trigger.unwrap_or(timex).0;
    // The clause around the focus.
    let sent = &text[ss..se];
    let mut start = 0;
    let mut opened_by = "";
    let mut end = sent.len();
    for b in CLAUSE_BREAKS {
        for (i, _) in sent.match_indices(b) {
            let at = ss + i;
            if at + b.len() <= focus && i + b.len() > start {
                start = i + b.len();
                opened_by = b;
            } else if at >= focus {
                end = end.min(i);
            }
        }
    }
    // " and will publish": the verb keeps its auxiliary.
    if opened_by == " and will " || opened_by == " and would " {
        start -= opened_by.len() - " and ".len();
    }
    // A relative clause takes its antecedent as subject: "Airbus, which has
    // out-sold Boeing" → "Airbus has out-sold Boeing".
    let relative = matches!(opened_by, ", which " | ", where " | ", when ");
    if relative {
        // The relative clause ends at its closing comma: "Airbus, which has out-sold
        // Boeing since 2003, believes …" stops before "believes".
        let from = focus.max(timex.1).saturating_sub(ss).max(start).min(sent.len());
        if let Some(close) = sent[from..].find(", ") {
            end = end.min(from + close);
        }
    }
    let subject = if relative {
        let head = &sent[..start - opened_by.len()];
        let words: Vec<&str> = head.split_whitespace().collect();
        words[words.len().saturating_sub(4)..].join(" ")
    } else {
        String::new()
    };
    let (ts, te) = (timex.0.clamp(ss + start, ss + end), timex.1.clamp(ss + start, ss + end));
    let before = &text[ss + start..ts];
    let after = &text[te..ss + end];
    // The date leaves the clause with its preposition ("on Dec. 5"), or when it
    // opens or closes the clause as an adverb ("yesterday", "last week"); a date
    // that is the clause's subject ("Sunday was chosen") stays.
    let lower = before.to_ascii_lowercase();
    let lower = lower.trim_end();
    let prep = DATE_PREPOSITIONS.iter().find(|p| lower.ends_with(&format!(" {p}")) || lower == **p);
    let at_edge =
        before.trim().is_empty() && after.trim_start().starts_with(',') || after.trim().trim_end_matches(['.', '!', '?']).is_empty();
    let clause = match prep {
        Some(p) => format!("{} {}", &before[..before.trim_end().len() - p.len()], after),
        None if at_edge => format!("{before} {after}"),
        None => format!("{before}{}{after}", &text[ts..te]),
    };
    let clause = if subject.is_empty() {
        clause
    } else {
        let rest = clause.trim_start();
        format!("{subject} {rest}")
    };
    let clause = tidy(&clause);
    let clause = strip_impersonal(&clause);
    if clause.split_whitespace().count() < 3 {
        return title_from_sentence(sent);
    }
    title_from_sentence(clause)
}

/// Punctuation left behind where a date was cut out: ", ,", " ,", leading commas.
fn tidy(s: &str) -> String {
    let mut out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    for (from, to) in [(" ,", ","), (",,", ","), (", ,", ","), ("( )", ""), ("()", ""), (" .", ".")] {
        while out.contains(from) {
            out = out.replace(from, to);
        }
    }
    out.trim().trim_start_matches([',', ';', ':', '-', '—', ' ']).trim_end_matches([',', ';', ':', ' ']).to_string()
}

/// "It is expected that the Airbus will …" → "the Airbus will …".
fn strip_impersonal(s: &str) -> &str {
    let lower = s.to_ascii_lowercase();
    for head in ["it is ", "it was ", "it has been ", "it had been "] {
        if lower.starts_with(head)
            && let Some(i) = lower.find(" that ").or_else(|| lower.find(" whether "))
            && i < 40
        {
            let skip = if lower[i..].starts_with(" that ") { 6 } else { 9 };
            return &s[i + skip..];
        }
    }
    s
}

pub fn title_from_sentence(sentence: &str) -> String {
    // One plain space between words: news copy is full of no-break and thin spaces.
    // A quote mark goes, but not the space it may stand for ("charity-flight”from").
    let unquoted = sentence.replace(['\u{201c}', '\u{201d}', '"'], " ");
    let mut s = unquoted.split_whitespace().collect::<Vec<_>>().join(" ").replace(" ,", ",").replace(" .", ".");
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

    fn mention_title(sentence: &str, date: &str, trigger: &str) -> String {
        let t = sentence.find(date).unwrap();
        let g = sentence.find(trigger).unwrap();
        title_from_mention(sentence, (0, sentence.len()), (t, t + date.len()), Some((g, g + trigger.len())))
    }

    #[test]
    fn titles_come_from_the_triggers_clause_without_the_date() {
        let s = "The board will meet next Monday and will publish results on April 22.";
        assert_eq!(mention_title(s, "next Monday", "meet"), "The board will meet");
        assert_eq!(mention_title(s, "April 22", "publish"), "Will publish results");
        let s = "It is expected that the Airbus 380 will wear the livery of Singapore Airlines when it arrives on November 11.";
        assert_eq!(mention_title(s, "November 11", "arrives"), "The Airbus 380 will wear the livery of Singapore Airlines when it arrives");
        let s = "Singapore Airlines plans to fly the plane to Sydney on October 25, and regular service will begin on October 28.";
        assert_eq!(mention_title(s, "October 25", "fly"), "Singapore Airlines plans to fly the plane to Sydney");
        assert_eq!(mention_title(s, "October 28", "begin"), "Regular service will begin");
        let s = "Boeing's European rival Airbus, which has out-sold Boeing since 2003, believes that the future lies in large aircraft.";
        assert_eq!(mention_title(s, "2003", "out-sold"), "Boeing's European rival Airbus has out-sold Boeing");
        let s = "On Dec. 5, BT Group, a British telecom services provider, announced that it would strip its core network.";
        assert_eq!(mention_title(s, "Dec. 5", "announced"), "BT Group announced that it would strip its core network");
    }

    #[test]
    fn a_quote_mark_between_words_leaves_a_space() {
        assert_eq!(
            title_from_sentence("It will make a special “charity-flight”from Singapore."),
            "It will make a special charity-flight from Singapore"
        );
        assert_eq!(title_from_sentence("He said, “Today is a great day”."), "He said, Today is a great day");
    }

    #[test]
    fn short_sentence_kept() {
        assert_eq!(title_from_sentence("Meng was arrested in Canada."), "Meng was arrested in Canada");
    }
}

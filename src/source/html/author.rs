//! The note on the story's author that many pages set at its end ("Jane Roe is a
//! staff writer who covers energy…"), in a box whose markup says nothing of what it
//! is: found by the author's name, which the page's metadata gives.

/// Words that open a note on a person after their full name: "Jane Roe is a …",
/// "… has covered energy since 2009", "Jane Roe, an experienced …".
const AFTER_NAME: &[&str] = &[
    "is",
    "was",
    "has",
    "holds",
    "covers",
    "covered",
    "writes",
    "wrote",
    "started",
    "founded",
    "co-founded",
    "cofounded",
    "joined",
    "leads",
    "serves",
    "specializes",
    "specialises",
    "brings",
];

/// After a first name alone, only what a note says ("Irene is an experienced
/// writer", "Jean-Luc started CNX Software in 2010"): not what others say of them
/// ("Jack has taught my son").
const AFTER_FIRST_NAME: &[&str] = &[
    "is a ",
    "is an ",
    "is the ",
    "holds ",
    "covers ",
    "writes ",
    "started ",
    "founded ",
    "co-founded ",
    "joined ",
    "has over ",
    "has more than ",
    "has been a ",
    "has been an ",
    "specializes ",
    "specialises ",
];

/// `body` without its notes on its `authors` (people's names, "Jane Roe"): the lines
/// late in the text that open with an author's name and a verb that tells of them (a
/// writer tells of themselves in the third person only in such a note). `None` if
/// there are none.
pub fn without_note(body: &str, authors: &[String]) -> Option<String> {
    // "Jean-Luc Aufranc (CNXSoft)": the name, without the handle after it.
    let people: Vec<&str> =
        authors.iter().map(|a| a.split_once(" (").map_or(a.as_str(), |(name, _)| name).trim()).filter(|a| is_person(a)).collect();
    if people.is_empty() {
        return None;
    }
    let lines: Vec<&str> = body.lines().collect();
    let late = (lines.len() * 3 / 5).max(1);
    let notes: Vec<bool> = lines.iter().enumerate().map(|(i, l)| i >= late && people.iter().any(|p| opens_note(l, p))).collect();
    if !notes.contains(&true) {
        return None;
    }
    let mut kept = String::new();
    for (l, _) in lines.iter().zip(&notes).filter(|(_, note)| !**note) {
        kept.push_str(l);
        kept.push('\n');
    }
    Some(kept)
}

/// A person's name as bylines give it: two to four capitalised words ("Jane Roe",
/// "Jean-Luc Aufranc"), not an organisation's ("The Motley Fool" is three, but
/// opens with "The").
fn is_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || "-.'’".contains(c)))
        && !matches!(words[0], "The" | "A" | "An" | "Team" | "Staff" | "Editorial")
}

/// Does `line` open with `person`'s name and a verb telling of them, or with their
/// first name and what a note says?
fn opens_note(line: &str, person: &str) -> bool {
    if let Some(rest) = line.strip_prefix(person) {
        if let Some(apposition) = rest.strip_prefix(", ") {
            return ["a ", "an ", "the "].iter().any(|a| apposition.starts_with(a));
        }
        // "Eduard Kovacs (@EduardKovacs) is …": a handle between name and verb.
        let rest = rest.trim_start();
        let rest = match rest.strip_prefix('(') {
            Some(r) => r.split_once(") ").map_or(rest, |(_, after)| after),
            None => rest,
        };
        return rest.split_whitespace().next().is_some_and(|w| AFTER_NAME.contains(&w));
    }
    let first = person.split_whitespace().next().unwrap_or(person);
    line.strip_prefix(first).and_then(|r| r.strip_prefix(' ')).is_some_and(|rest| AFTER_FIRST_NAME.iter().any(|a| rest.starts_with(a)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(lines: &[&str]) -> String {
        let mut s = (0..8).map(|i| format!("Paragraph {i} of the story, about the plant that opened in June.\n")).collect::<String>();
        for l in lines {
            s.push_str(l);
            s.push('\n');
        }
        s
    }

    #[test]
    fn a_closing_note_on_the_author_goes() {
        let authors = vec!["Jane Roe".to_string()];
        for note in [
            "Jane Roe is a staff writer who covers energy and industry for the paper.",
            "Jane Roe, an experienced reporter, has covered the town since 2009.",
            "Jane has over 20 years of experience in tax preparation.",
            "Jane Roe (@janeroe) is the managing editor.",
        ] {
            let kept = without_note(&story(&[note, "Contact her at jane@example.com."]), &["Jane Roe (JR)".to_string()]).expect(note);
            assert!(!kept.contains("Jane"), "{kept}");
            let kept = without_note(&story(&[note, "Contact her at jane@example.com."]), &authors).expect(note);
            assert!(kept.contains("Paragraph 7") && !kept.contains("Jane") && kept.contains("Contact"), "{kept}");
        }
    }

    #[test]
    fn the_story_itself_stays() {
        let authors = vec!["Jane Roe".to_string()];
        // Her name opens a line of the story, not its close, or with no verb about her.
        let early = format!("Jane Roe is a staff writer.\n{}", story(&[]));
        assert_eq!(without_note(&early, &authors), None);
        assert_eq!(without_note(&story(&["Jane Roe and her team visited the plant."]), &authors), None);
        // What others say of her by her first name.
        assert_eq!(without_note(&story(&["Jane has taught my son for four years."]), &authors), None);
        // An organisation's name is no person's.
        let org = vec!["The Motley Fool".to_string(), "Method".to_string()];
        assert_eq!(without_note(&story(&["Method has also deployed the tool across its teams."]), &org), None);
    }
}

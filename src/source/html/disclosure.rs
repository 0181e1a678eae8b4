//! An affiliate disclosure ("This post contains affiliate links…", "We may earn a
//! commission…"): the law makes sites say it on every page that earns from links, in
//! words, set anywhere in the story and marked by nothing else. It tells the reader
//! about the site, not the story.

/// What a disclosure says, lower-cased: the site's own voice on its links, not prose
/// about affiliate marketing ("Streamers earn a commission when viewers buy…").
const SAYS: &[&str] = &[
    "as an amazon associate",
    "contains affiliate links",
    "contain affiliate links",
    "includes affiliate links",
    "include affiliate links",
    "we use affiliate links",
    "we use some affiliate links",
    "i use affiliate links",
    "may use affiliate links",
    "may earn a commission",
    "may earn a small commission",
    "may earn an affiliate commission",
    "may earn us a commission",
    "we earn a commission",
    "we will earn a commission",
    "we may receive a commission",
    "we may receive compensation",
];

/// A disclosure is a line or two: a longer paragraph that says one of these things
/// is about something else.
const AT_MOST: usize = 400;

/// Is `line` an affiliate disclosure?
pub fn is_disclosure(line: &str) -> bool {
    if line.len() > AT_MOST {
        return false;
    }
    let lower = line.to_lowercase().replace(['’', '\''], "");
    SAYS.iter().any(|s| lower.contains(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disclosures_by_example() {
        for l in [
            "This post contains affiliate links. Click here to read my full disclosure.",
            "This article includes affiliate links. These links have no influence on our editorial content.",
            "As an Amazon Associate we earn from qualifying purchases.",
            "Our editors and experts handpick every product we feature. We may earn a commission from your purchases.",
            "Editorial Note: Talk Android may contain affiliate links on some articles.",
        ] {
            assert!(is_disclosure(l), "{l}");
        }
        for l in [
            "Affiliate programs: Streamers earn a commission when viewers buy games, gear, or software via affiliate links.",
            "To measure the outcomes of these partnerships, implement affiliate links, UTM tracking and exclusive discount codes.",
            "Those articles often seem to exist only for affiliate link to be inserted somewhere.",
        ] {
            assert!(!is_disclosure(l), "{l}");
        }
    }
}

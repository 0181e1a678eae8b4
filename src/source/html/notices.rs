//! The site's notices set in a story and marked by nothing but their words: an
//! affiliate disclosure ("This post contains affiliate links…", "We may earn a
//! commission…"), which the law makes sites give on every page that earns from links,
//! and a newsletter's pitch ("Sign up for our newsletter", "delivered to your inbox")
//! where no e-mail field gives its box away. They tell the reader about the site, not
//! the story, and their dates are no events.

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

/// What a newsletter's pitch says, lower-cased.
const PITCHES: &[&str] = &[
    "delivered to your inbox",
    "delivered right to your inbox",
    "delivered straight to your inbox",
    "by signing up, you agree",
    "by subscribing, you agree",
    "by submitting your email",
    "join our mailing list",
];

/// A disclosure is a line or two: a longer paragraph that says one of these things
/// is about something else. A pitch is a line.
const AT_MOST: usize = 400;
const PITCH_AT_MOST: usize = 200;

/// Is `line` one of the site's notices: an affiliate disclosure, or a newsletter's
/// pitch ("Sign up for our newsletter", "Subscribe to the Neural Network Newsletter")?
pub fn is_notice(line: &str) -> bool {
    if line.len() > AT_MOST {
        return false;
    }
    let lower = line.to_lowercase().replace(['’', '\''], "");
    let pitch = || {
        line.len() <= PITCH_AT_MOST
            && (PITCHES.iter().any(|s| lower.contains(s))
                || (lower.contains("sign up") || lower.contains("subscribe")) && lower.contains("newsletter"))
    };
    SAYS.iter().any(|s| lower.contains(s)) || pitch()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_by_example() {
        for l in [
            "This post contains affiliate links. Click here to read my full disclosure.",
            "This article includes affiliate links. These links have no influence on our editorial content.",
            "As an Amazon Associate we earn from qualifying purchases.",
            "Our editors and experts handpick every product we feature. We may earn a commission from your purchases.",
            "Editorial Note: Talk Android may contain affiliate links on some articles.",
            "🚀 Sign up for The Replay newsletter",
            "The best of Hindustan Times, delivered to your inbox every morning",
            "By submitting your email to subscribe, you agree to Scicomm Media's Privacy Policy.",
        ] {
            assert!(is_notice(l), "{l}");
        }
        for l in [
            "Affiliate programs: Streamers earn a commission when viewers buy games, gear, or software via affiliate links.",
            "To measure the outcomes of these partnerships, implement affiliate links, UTM tracking and exclusive discount codes.",
            "Those articles often seem to exist only for affiliate link to be inserted somewhere.",
            "Monitor industry trends: stay informed about developments in your industry. Follow relevant news sources, subscribe to \
             newsletters, and attend the conferences where your competitors show what they are building next year.",
        ] {
            assert!(!is_notice(l), "{l}");
        }
    }
}

//! The page's headline: what a reader sees at the top of the story, agreed between
//! the `<h1>`s, og:title, the JSON-LD headline and `<title>`, without the site's name.

/// What the page offers as its title, each cleaned of runs of whitespace.
#[derive(Default)]
pub struct Candidates {
    /// Every `<h1>` outside page furniture, in page order.
    pub h1: Vec<String>,
    /// og:title, twitter:title, then the JSON-LD headline.
    pub meta: Vec<String>,
    /// `<title>`.
    pub title: Option<String>,
    /// og:site_name, application-name, and the URL's host.
    pub site: Vec<String>,
}

/// The headline.
pub fn choose(c: &Candidates) -> String {
    // A site name is short: an og:site_name that holds the whole title names nothing.
    let mut site: Vec<String> =
        c.site.iter().filter(|s| s.split_whitespace().count() <= 6 && !SEPARATORS.iter().any(|p| s.contains(p))).cloned().collect();
    // A short <h1> that ends the <title> ("Headline | Site") is the site's name.
    if let Some(t) = &c.title {
        let splits: Vec<(&str, &str)> = SEPARATORS.iter().filter_map(|sep| t.rsplit_once(sep)).collect();
        let last: Vec<String> = splits.iter().map(|(_, last)| squash(last)).collect();
        let head_words = splits.iter().map(|(head, _)| head.split_whitespace().count()).max().unwrap_or(0);
        site.extend(
            c.h1.iter()
                .filter(|h| h.split_whitespace().count() <= 4.min(head_words.saturating_sub(1)) && last.contains(&squash(h)))
                .cloned(),
        );
    }
    let others: Vec<&String> = c.h1.iter().chain(&c.meta).chain(&c.title).collect();
    let metas: Vec<String> = c.meta.iter().chain(&c.title).map(|t| strip_site_name(t, &site, &others)).filter(|t| !t.is_empty()).collect();
    let h1s: Vec<&String> = c.h1.iter().filter(|h| h.split_whitespace().count() >= 1 && h.len() >= 3 && !is_site(h, &site)).collect();
    // The visible headline that the metadata agrees is the story's title (a logo or
    // a section name in an <h1> does not): one the metadata names word for word,
    // else the first that agrees.
    let same = h1s.iter().find(|h| metas.iter().any(|m| closeness(h, m) == 1.0));
    if let Some(h) = same.or_else(|| h1s.iter().find(|h| metas.iter().any(|m| agree(h, m)))) {
        return h.to_string();
    }
    // A page with one headline of a few words shows that one: where the metadata
    // says otherwise, it is more often a search-engine title than the page's.
    // (Not a label that shares no word with any of it: "Our blog", "Latest updates".)
    let shares_a_word = |h: &str| {
        let hw: Vec<String> = words(h).into_iter().filter(|w| w.chars().count() >= 3).collect();
        metas.is_empty() || metas.iter().any(|m| words(m).iter().any(|w| hw.contains(w)))
    };
    if h1s.len() == 1 && h1s[0].split_whitespace().count() >= 2 && shares_a_word(h1s[0]) {
        return h1s[0].to_string();
    }
    metas.into_iter().next().or_else(|| h1s.first().map(|h| h.to_string())).unwrap_or_default()
}

/// How much of both titles their shared words make: 1 for the same words.
fn closeness(a: &str, b: &str) -> f32 {
    let (wa, wb) = (words(a), words(b));
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    shared as f32 / wa.len().max(wb.len()).max(1) as f32
}

/// Lower-case words, for comparing.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Two titles of the same story: most of the shorter one's words are in the longer.
fn agree(a: &str, b: &str) -> bool {
    let (wa, wb) = (words(a), words(b));
    let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    if short.is_empty() {
        return false;
    }
    let shared = short.iter().filter(|w| long.contains(w)).count();
    shared * 10 >= short.len() * 7 && shared * 10 >= long.len() * 4
}

/// Letters and digits only, lower case: "Newegg.com" → "neweggcom".
pub(super) fn squash(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// A host name standing as a name: "davidbau.com", "Newegg.com".
fn is_host_name(part: &str) -> bool {
    let part = part.trim();
    let Some((name, tld)) = part.rsplit_once('.') else { return false };
    !part.contains(char::is_whitespace)
        && !name.is_empty()
        && name.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
        && COMMON_TLDS.contains(&tld.to_ascii_lowercase().as_str())
}

/// The endings of host names that stand as names ("Node.js" is no host).
const COMMON_TLDS: &[&str] = &[
    "com", "org", "net", "edu", "gov", "io", "co", "ai", "dev", "app", "info", "news", "blog", "uk", "us", "ca", "au", "de", "fr", "nl",
    "in", "me", "tv", "eu", "ie", "nz", "xyz", "site", "online", "tech",
];

/// Is `part` the site's name ("Newegg.com" for the site "newegg", or any host name)?
fn is_site(part: &str, site: &[String]) -> bool {
    if is_host_name(part) {
        return true;
    }
    let p = squash(part);
    !p.is_empty()
        && site
            .iter()
            .map(|s| squash(s))
            .any(|s| !s.is_empty() && (p == s || p.starts_with(&s) && p.len() <= s.len() + 4 || p.len() >= 3 && s.starts_with(&p)))
}

const SEPARATORS: &[&str] = &[" | ", " – ", " — ", " - ", " :: ", " · ", " • ", " » ", " / "];

/// "Walkout at Huawei meeting | The Daily Bugle" → "Walkout at Huawei meeting":
/// a part that is the site's name goes, else a short last part after a separator,
/// unless one of the page's `others` titles tells it as part of the headline
/// ("Industry Choice - Consulting or Insurance?" beside a JSON-LD "Industry Choice:
/// Consulting or Insurance?").
fn strip_site_name(t: &str, site: &[String], others: &[&String]) -> String {
    let t = t.trim();
    for sep in SEPARATORS {
        let parts: Vec<&str> = t.split(sep).collect();
        if parts.len() < 2 {
            continue;
        }
        let kept: Vec<&str> = parts.iter().copied().filter(|p| !is_site(p, site)).collect();
        if !kept.is_empty() && kept.len() < parts.len() {
            return kept.join(sep).trim().to_string();
        }
    }
    // "davidbau.com Vibe Coding": a host name before or after the headline.
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() >= 2 {
        if is_host_name(words[0]) {
            return words[1..].join(" ");
        }
        if is_host_name(words[words.len() - 1]) {
            return words[..words.len() - 1].join(" ");
        }
    }
    // "Site: Headline" with the site's name first.
    if let Some((head, rest)) = t.split_once(": ")
        && is_site(head, site)
        && !rest.trim().is_empty()
    {
        return rest.trim().to_string();
    }
    for sep in SEPARATORS {
        if let Some(i) = t.rfind(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            // The site name is the short part at the end.
            let told = |o: &&&String| {
                let (so, st) = (squash(o), squash(tail));
                so.len() > st.len() && so.contains(&st) && !o.contains(&format!("{sep}{tail}"))
            };
            if tail.split_whitespace().count() <= 4
                && head.split_whitespace().count() >= 2
                && tail.len() < head.len()
                && !others.iter().any(|o| told(&o))
            {
                return head.trim().to_string();
            }
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(s: &[&str]) -> Vec<String> {
        s.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn site_names_are_stripped() {
        assert_eq!(strip_site_name("Walkout at Huawei meeting | The Daily Bugle", &[], &[]), "Walkout at Huawei meeting");
        assert_eq!(strip_site_name("Walkout at Huawei meeting - BBC News", &[], &[]), "Walkout at Huawei meeting");
        assert_eq!(
            strip_site_name("A380 makes maiden flight - Wikinews, the free news source", &[], &[]),
            "A380 makes maiden flight - Wikinews, the free news source"
        );
        assert_eq!(
            strip_site_name("Using the Fetch API - Web APIs | MDN", &site(&["MDN Web Docs"]), &[]),
            "Using the Fetch API - Web APIs"
        );
        assert_eq!(strip_site_name("Economy | Al Jazeera", &site(&["Al Jazeera English"]), &[]), "Economy");
        assert_eq!(strip_site_name("Bonds rally - Newegg.com", &site(&["newegg"]), &[]), "Bonds rally");
        assert_eq!(strip_site_name("Reuters: Bonds rally on rate hopes", &site(&["Reuters"]), &[]), "Bonds rally on rate hopes");
    }

    #[test]
    fn the_visible_headline_wins_when_the_metadata_agrees() {
        let c = Candidates {
            h1: vec!["Daily Bugle".into(), "Black Friday 2025 cybersecurity deals to explore".into()],
            meta: vec!["Black Friday 2025 cybersecurity deals to explore - Help Net Security".into()],
            title: Some("Black Friday 2025 cybersecurity deals | Help Net Security".into()),
            site: site(&["Help Net Security", "helpnetsecurity.com"]),
        };
        assert_eq!(choose(&c), "Black Friday 2025 cybersecurity deals to explore");
    }

    #[test]
    fn host_names_are_site_names() {
        assert_eq!(strip_site_name("davidbau.com Vibe Coding", &[], &[]), "Vibe Coding");
        assert_eq!(strip_site_name("Getting started with Node.js", &[], &[]), "Getting started with Node.js");
        let c = Candidates { h1: vec!["davidbau.com".into()], title: Some("davidbau.com Vibe Coding".into()), ..Default::default() };
        assert_eq!(choose(&c), "Vibe Coding");
    }

    #[test]
    fn the_closest_headline_wins_and_the_title_names_the_site() {
        // Two <h1>s, the publication's name and the post's: the <title> holds both.
        let c = Candidates {
            h1: vec!["Jane's Substack".into(), "Choosing a Web framework".into()],
            meta: vec!["Choosing a Web framework".into()],
            title: Some("Choosing a Web framework - Jane's Substack".into()),
            ..Default::default()
        };
        assert_eq!(choose(&c), "Choosing a Web framework");
        // A lone <h1> that is the <title>'s last part is the site's name.
        let c = Candidates {
            h1: vec!["Playful Tones".into()],
            title: Some("Reflections on a UI Pipeline - Part 1 | Playful Tones".into()),
            ..Default::default()
        };
        assert_eq!(choose(&c), "Reflections on a UI Pipeline - Part 1");
        // An og:site_name that repeats the whole title names no site, and a last
        // part that the JSON-LD headline tells is the headline's.
        let c = Candidates {
            h1: vec![],
            meta: vec![
                "Actuary's Industry Choice - Consulting or Insurance?".into(),
                "Actuary's Industry Choice: Consulting or Insurance?".into(),
            ],
            site: site(&["Actuary's Industry Choice - Consulting or Insurance? | Smith Hanley"]),
            ..Default::default()
        };
        assert_eq!(choose(&c), "Actuary's Industry Choice - Consulting or Insurance?");
    }

    #[test]
    fn a_logo_in_an_h1_is_no_headline() {
        let c = Candidates {
            h1: vec!["The Daily Bugle".into(), "Menu".into()],
            meta: vec!["Council closes the old bridge | The Daily Bugle".into()],
            title: None,
            site: site(&["The Daily Bugle"]),
        };
        assert_eq!(choose(&c), "Council closes the old bridge");
    }

    #[test]
    fn a_lone_h1_that_shares_no_word_with_the_metadata_is_a_label() {
        let c = Candidates {
            h1: vec!["Our Blog".into()],
            meta: vec!["Council closes the old bridge to traffic".into()],
            title: Some("Council closes the old bridge to traffic - The Daily Bugle".into()),
            site: site(&["The Daily Bugle"]),
        };
        assert_eq!(choose(&c), "Council closes the old bridge to traffic");
        // One that shares a word is the page's own headline, though worded otherwise.
        let c = Candidates { h1: vec!["Old bridge shut for good".into()], ..c };
        assert_eq!(choose(&c), "Old bridge shut for good");
    }
}

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
    let metas: Vec<String> = c.meta.iter().chain(&c.title).map(|t| strip_site_name(t, &c.site)).filter(|t| !t.is_empty()).collect();
    let h1s: Vec<&String> = c.h1.iter().filter(|h| h.split_whitespace().count() >= 1 && h.len() >= 3 && !is_site(h, &c.site)).collect();
    // The visible headline, when the metadata agrees it is the story's title (a
    // logo or a section name in an <h1> does not).
    if let Some(h) = h1s.iter().find(|h| metas.iter().any(|m| agree(h, m))) {
        return h.to_string();
    }
    // A page with one headline of a few words shows that one.
    if h1s.len() == 1 && h1s[0].split_whitespace().count() >= 2 {
        return h1s[0].to_string();
    }
    metas.into_iter().next().or_else(|| h1s.first().map(|h| h.to_string())).unwrap_or_default()
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

/// Is `part` the site's name ("Newegg.com" for the site "newegg")?
fn is_site(part: &str, site: &[String]) -> bool {
    let p = squash(part);
    !p.is_empty()
        && site
            .iter()
            .map(|s| squash(s))
            .any(|s| !s.is_empty() && (p == s || p.starts_with(&s) && p.len() <= s.len() + 4 || p.len() >= 3 && s.starts_with(&p)))
}

const SEPARATORS: &[&str] = &[" | ", " – ", " — ", " - ", " :: ", " · ", " • ", " » ", " / "];

/// "Walkout at Huawei meeting | The Daily Bugle" → "Walkout at Huawei meeting":
/// a part that is the site's name goes, else a short last part after a separator.
pub fn strip_site_name(t: &str, site: &[String]) -> String {
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
            if tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 2 && tail.len() < head.len() {
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
        assert_eq!(strip_site_name("Walkout at Huawei meeting | The Daily Bugle", &[]), "Walkout at Huawei meeting");
        assert_eq!(strip_site_name("Walkout at Huawei meeting - BBC News", &[]), "Walkout at Huawei meeting");
        assert_eq!(
            strip_site_name("A380 makes maiden flight - Wikinews, the free news source", &[]),
            "A380 makes maiden flight - Wikinews, the free news source"
        );
        assert_eq!(strip_site_name("Using the Fetch API - Web APIs | MDN", &site(&["MDN Web Docs"])), "Using the Fetch API - Web APIs");
        assert_eq!(strip_site_name("Economy | Al Jazeera", &site(&["Al Jazeera English"])), "Economy");
        assert_eq!(strip_site_name("Bonds rally - Newegg.com", &site(&["newegg"])), "Bonds rally");
        assert_eq!(strip_site_name("Reuters: Bonds rally on rate hopes", &site(&["Reuters"])), "Bonds rally on rate hopes");
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
    fn a_logo_in_an_h1_is_no_headline() {
        let c = Candidates {
            h1: vec!["The Daily Bugle".into(), "Menu".into()],
            meta: vec!["Council closes the old bridge | The Daily Bugle".into()],
            title: None,
            site: site(&["The Daily Bugle"]),
        };
        assert_eq!(choose(&c), "Council closes the old bridge");
    }
}

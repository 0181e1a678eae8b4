//! The page's publication date, looked for where htmldate looks: the URL's own
//! date, structured data and meta tags, `<time>` and `datePublished` markup, and
//! the visible dateline near the headline. Published beats modified; a modified
//! date is the last resort. Nothing comes from the day the page was saved.

use chrono::NaiveDate;

use super::title::squash;
use crate::source::dates::parse_date;

/// A full date in the URL's path: "/2019/11/18/", "/2025-12-17-title", "/20191118/".
pub fn in_url(url: &str) -> Option<NaiveDate> {
    // "blog.example.fr%2Farticles%2F2025-12-15%2BRust": an escaped path is still a path.
    let decoded = percent_encoding::percent_decode_str(url).decode_utf8_lossy();
    let url = decoded.as_ref();
    let path = url.split("://").nth(1).and_then(|r| r.find('/').map(|i| &r[i..]))?;
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let b = path.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let s = path.get(from..from + n)?;
        s.bytes().all(|c| c.is_ascii_digit()).then(|| s.parse().ok()).flatten()
    };
    for i in 0..b.len() {
        // Each date starts after a separator and is not part of a longer number.
        if i > 0 && b[i - 1].is_ascii_digit() || !(i == 0 || matches!(b[i - 1], b'/' | b'-' | b'_')) {
            continue;
        }
        let Some(y) = digits(i, 4).filter(|y| (1990..=2100).contains(y)) else { continue };
        for sep in [b'/', b'-', b'_'] {
            if b.get(i + 4) == Some(&sep)
                && b.get(i + 7) == Some(&sep)
                && let (Some(m), Some(d)) = (digits(i + 5, 2), digits(i + 8, 2))
                && !b.get(i + 10).is_some_and(u8::is_ascii_digit)
                && let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d)
            {
                return Some(date);
            }
        }
    }
    None
}

/// How many lines below the headline a dateline is looked for among the story's
/// lines, and among those of a byline block.
pub const BELOW_HEADLINE: usize = 60;
pub const BYLINE_BELOW_HEADLINE: usize = 12;

/// The dateline around the headline among the page's visible lines: from the
/// headline's line on (or the top of the page, if it is not there), then the few
/// lines above it, nearest first ("February 4, 2025 - 11 minutes" over the <h1>).
pub fn near_headline<S: AsRef<str>>(lines: &[S], headline: &str, below: usize) -> Option<NaiveDate> {
    let from = headline_line(lines, headline).unwrap_or(0);
    around(lines, from, below)
}

/// [`near_headline`], only where the headline is among the lines: no guess from the
/// top of the page.
pub fn by_headline<S: AsRef<str>>(lines: &[S], headline: &str, below: usize) -> Option<NaiveDate> {
    around(lines, headline_line(lines, headline)?, below)
}

/// The headline's line among `lines`.
fn headline_line<S: AsRef<str>>(lines: &[S], headline: &str) -> Option<usize> {
    let headline = squash(headline);
    lines.iter().position(|l| !headline.is_empty() && squash(l.as_ref()) == headline)
}

/// The dateline among `lines` around the headline's line `from`.
fn around<S: AsRef<str>>(lines: &[S], from: usize, below: usize) -> Option<NaiveDate> {
    // The byline's lines right under the headline, then the few over it, then the
    // rest below: a date just over the headline is nearer than a card further down.
    let near = below.min(BYLINE_BELOW_HEADLINE);
    let under = lines[from..].iter().take(near);
    let above = lines[from.saturating_sub(8)..from].iter().rev();
    let further = lines[from..].iter().take(below).skip(near);
    in_lines(under.chain(above).chain(further).map(AsRef::as_ref))
}

/// A dateline among the page's visible lines: a short line with a full date,
/// "Published" or "Posted" before "Updated", nearest the headline first.
pub fn in_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Option<NaiveDate> {
    let mut updated = None;
    for line in lines {
        if line.len() > 120 || !line.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let lower = line.to_lowercase();
        let Some(d) = parse_date(line) else { continue };
        if lower.contains("updated") || lower.contains("modified") || lower.contains("©") || lower.contains("copyright") {
            updated = updated.or(Some(d));
            continue;
        }
        return Some(d);
    }
    updated
}

/// A byline with its date anywhere on the page, the first: a short line that opens
/// with "Written by", "By", "Posted" or "Published" ("Written by Ann Lee April 8,
/// 2024", at the foot of a story that gives no date by its headline).
pub fn byline(lines: &[String]) -> Option<NaiveDate> {
    lines.iter().filter(|l| l.len() <= 120).find_map(|l| {
        let lower = l.trim_start().to_lowercase();
        let opens = ["written by ", "by ", "posted ", "published "].iter().any(|w| lower.starts_with(w));
        opens.then(|| parse_date(l)).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates_in_urls() {
        assert_eq!(in_url("https://example.com/2019/11/18/bridge-closes/"), d(2019, 11, 18));
        assert_eq!(in_url("https://lmsys.org/blog/2025-12-17-minisgl"), d(2025, 12, 17));
        assert_eq!(in_url("https://example.com/2025/12/small-things.html"), None);
        assert_eq!(in_url("https://example.com/item/120191118/x"), None);
        assert_eq!(in_url("https://2019-11-18.example.com/"), None);
        assert_eq!(in_url("https://example.com/a?d=2019-11-18"), None);
        assert_eq!(in_url("https://blog.example.fr%2Farticles%2F2025-12-15%2BRust%2BGCC"), d(2025, 12, 15));
        assert_eq!(in_url("https://example.com/100%25-sure/2019-11-18-x"), d(2019, 11, 18));
    }

    #[test]
    fn a_byline_anywhere_dates_the_page() {
        let lines =
            ["Bridge closes for good", "The council voted.", "Tags: bridges, council", "Written by Ann Lee and Bo Kim April 8, 2024"];
        assert_eq!(byline(&lines.map(String::from)), d(2024, 4, 8));
        // Not a date in a line that is no byline.
        assert_eq!(byline(&["The bridge opened on April 8, 1924."].map(String::from)), None);
    }

    #[test]
    fn datelines() {
        let lines =
            ["Home", "Bridge closes for good", "Updated March 3, 2024", "Published: January 9, 2024 by Ann Lee", "The council voted."];
        assert_eq!(in_lines(lines), d(2024, 1, 9));
        assert_eq!(in_lines(["Bridge closes", "Updated March 3, 2024"]), d(2024, 3, 3));
        assert_eq!(in_lines(["No date here", "Call 555-0100"]), None);
        // Above the headline, nearest first; below it first of all.
        let page = ["Menu", "March 1, 2024", "February 4, 2025 - 11 minutes", "Bridge closes for good", "The council voted."];
        assert_eq!(near_headline(&page, "Bridge Closes for Good", BELOW_HEADLINE), d(2025, 2, 4));
        let page = ["Posted March 1, 2024", "Bridge closes for good", "Published May 2, 2024"];
        assert_eq!(near_headline(&page, "Bridge closes for good", BELOW_HEADLINE), d(2024, 5, 2));
        // The byline's lines below it, then above it, before a card further down.
        let story = ["The council voted."; 14];
        let page: Vec<&str> =
            ["December 17, 2025", "Bridge closes for good"].into_iter().chain(story).chain(["More stories", "November 25, 2025"]).collect();
        assert_eq!(near_headline(&page, "Bridge closes for good", BELOW_HEADLINE), d(2025, 12, 17));
        // A zero timestamp is no date.
        assert_eq!(in_lines(["Posted January 1, 1970"]), None);
    }
}

//! The page's publication date, looked for where htmldate looks: the URL's own
//! date, structured data and meta tags, `<time>` and `datePublished` markup, and
//! the visible dateline near the headline. Published beats modified where a page
//! gives both. But a structured date the page never shows gives way to the
//! dateline it shows by its headline, even one that says "Updated": the reader is
//! told that day, and the text is as of it (a guide rewritten since it first
//! appeared says "this year" of the year it was updated). A modified date from
//! metadata alone is the last resort. Nothing comes from the day the page was saved.

use chrono::{Datelike, NaiveDate};

use super::title::squash;
use crate::source::dates::parse_date;
use crate::temporal::TimexValue;

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
    around(lines, from, below, true).map(|d| d.day)
}

/// [`near_headline`], only where the headline is among the lines: no guess from the
/// top of the page.
pub fn by_headline<S: AsRef<str>>(lines: &[S], headline: &str, below: usize) -> Option<NaiveDate> {
    around(lines, headline_line(lines, headline)?, below, true).map(|d| d.day)
}

/// [`by_headline`], with what the dateline says of its day, from datelines alone: no
/// sentence of the story, which may hold a date of its own.
pub fn dateline_by_headline<S: AsRef<str>>(lines: &[S], headline: &str, below: usize) -> Option<Dateline> {
    around(lines, headline_line(lines, headline)?, below, false)
}

/// A date a page shows its reader, and whether it says the page was updated then
/// rather than published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dateline {
    pub day: NaiveDate,
    pub updated: bool,
}

/// The headline's line among `lines`.
fn headline_line<S: AsRef<str>>(lines: &[S], headline: &str) -> Option<usize> {
    let headline = squash(headline);
    lines.iter().position(|l| !headline.is_empty() && squash(l.as_ref()) == headline)
}

/// The dateline among `lines` around the headline's line `from`; among sentences too
/// if `sentences`.
fn around<S: AsRef<str>>(lines: &[S], from: usize, below: usize, sentences: bool) -> Option<Dateline> {
    // The byline's lines right under the headline, then the few over it, then the
    // rest below: a date just over the headline is nearer than a card further down.
    let near = below.min(BYLINE_BELOW_HEADLINE);
    let end = |n: usize| (from + n).min(lines.len());
    let under = from..end(near);
    let above = (from.saturating_sub(8)..from).rev();
    let further = end(near)..end(below);
    dateline(lines, under.chain(above).chain(further), sentences)
}

/// A dateline among the page's visible lines: a short line with a full date,
/// "Published" or "Posted" before "Updated", nearest the headline first.
#[cfg(test)]
fn in_lines<const N: usize>(lines: [&str; N]) -> Option<NaiveDate> {
    dateline(&lines, 0..N, true).map(|d| d.day)
}

/// The first dateline among `lines` in the order `at` gives, one that says the page
/// was published before one that says it was updated (on its own line or on the
/// short label line before it: "Last updated:" / "August 19, 2025").
fn dateline<S: AsRef<str>>(lines: &[S], at: impl Iterator<Item = usize>, sentences: bool) -> Option<Dateline> {
    let says_updated = |lower: &str| ["updated", "modified", "©", "copyright"].iter().any(|w| lower.contains(w));
    let mut updated = None;
    for i in at {
        let line = lines[i].as_ref();
        if line.len() > 120 || !line.bytes().any(|b| b.is_ascii_digit()) || !sentences && is_sentence(line) {
            continue;
        }
        // Inline elements set apart by style sheets, not spaces: "ByKathryn GiuffridaMar 5, 2025".
        let Some(day) = parse_date(line).or_else(|| parse_date(&words_apart(line))) else { continue };
        // A thread's last reply dates the reply, not the page.
        let lower = line.to_lowercase();
        if ["last post", "last reply", "latest reply", "last activity"].iter().any(|w| lower.contains(w)) {
            continue;
        }
        let label = i.checked_sub(1).map(|j| lines[j].as_ref()).filter(|l| l.len() <= 30 && parse_date(l).is_none());
        if says_updated(&lower) || label.is_some_and(|l| says_updated(&l.to_lowercase())) {
            updated = updated.or(Some(Dateline { day, updated: true }));
            continue;
        }
        return Some(Dateline { day, updated: false });
    }
    updated
}

/// A sentence of the story, not a dateline: it ends as one, or runs on
/// ("The date of the ceremony, 7/8/07, was chosen to match the aircraft's name.").
fn is_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?']) || line.split_whitespace().count() > 16
}

/// `line` with a space where a lower-case letter runs into an upper-case one.
fn words_apart(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut last = ' ';
    for c in line.chars() {
        if last.is_lowercase() && c.is_uppercase() {
            out.push(' ');
        }
        out.push(c);
        last = c;
    }
    out
}

/// Does any of the page's `lines` show the day `d`, in any form? ("09.10.2024" may be
/// either of two days: it shows both.)
pub fn shows(lines: &[String], d: NaiveDate) -> bool {
    let numeric = |s: &str| s.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'/' | b'-'));
    let swapped = |x: NaiveDate| NaiveDate::from_ymd_opt(x.year(), x.day(), x.month());
    lines.iter().filter(|l| l.len() <= 300 && l.bytes().any(|b| b.is_ascii_digit())).any(|l| {
        crate::temporal::tag(l, None).iter().any(|t| match t.value {
            TimexValue::Day(x) | TimexValue::DayTime(x, _) => x == d || l.get(t.start..t.end).is_some_and(numeric) && swapped(x) == Some(d),
            _ => false,
        })
    })
}

/// A byline with its date anywhere on the page, the first: a short line that opens
/// with "Written by", "By", "Posted" or "Published" ("Written by Ann Lee April 8,
/// 2024", at the foot of a story that gives no date by its headline).
pub fn byline(lines: &[String]) -> Option<NaiveDate> {
    lines.iter().enumerate().filter(|(_, l)| l.len() <= 120).find_map(|(i, l)| {
        let lower = l.trim_start().to_lowercase();
        let opens = ["written by ", "by ", "posted ", "published "].iter().any(|w| lower.starts_with(w));
        // The date on the byline's line, or alone on the next ("Written by Ann Lee" / "April 8, 2024").
        let next = || lines.get(i + 1).filter(|n| n.len() <= 40).and_then(|n| parse_date(n));
        opens.then(|| parse_date(l).or_else(next)).flatten()
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
        // The date alone on the line after the byline.
        let lines = ["Bridge closes for good", "Written by Ann Lee and Bo Kim", "April 8, 2024", "The council voted."];
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
        // A label on the line before says what the date is.
        assert_eq!(in_lines(["Last updated:", "August 19, 2025", "Published", "January 29, 2025"]), d(2025, 1, 29));
        // Inline elements with no space between them.
        assert_eq!(in_lines(["ByKathryn GiuffridaMar 5, 2025 | 6 comments"]), d(2025, 3, 5));
        // A thread's last reply is no dateline of the page.
        assert_eq!(in_lines(["12 replies · last post by Ann Jan 18, 2024", "Posted Jan 14, 2024"]), d(2024, 1, 14));
    }

    #[test]
    fn a_page_shows_a_day_in_any_form() {
        let lines = ["Bridge closes", "By Ann Lee · 09.10.2024", "The council voted."].map(String::from);
        assert!(shows(&lines, d(2024, 10, 9).unwrap()));
        // Day and month of a numeric date may be either way round.
        assert!(shows(&lines, d(2024, 9, 10).unwrap()));
        assert!(!shows(&lines, d(2024, 10, 10).unwrap()));
        let lines = ["Bridge closes", "Published Sep. 10, 2024"].map(String::from);
        assert!(shows(&lines, d(2024, 9, 10).unwrap()));
        // A named month is not swapped.
        assert!(!shows(&lines, d(2024, 10, 9).unwrap()));
    }
}

//! Plain-text and Markdown articles: the title is the first non-empty line (a
//! Markdown heading loses its `#`), the publication date comes from a dateline
//! in the first lines, and the URL from a line that is a link.

use chrono::NaiveDate;

use super::Article;
use crate::temporal::{self, TimexValue};

/// How many lines after the title may hold the dateline.
const DATELINE_LINES: usize = 6;

pub fn read(text: &str) -> Article {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next().map(|l| l.trim_start_matches('#').trim().to_string()).unwrap_or_default();
    let head: Vec<&str> = lines.take(DATELINE_LINES).collect();
    let published = head.iter().find_map(|l| dateline(l));
    let url = head.iter().find_map(|l| link(l));
    let mut warnings = Vec::new();
    if published.is_none() {
        warnings.push("no publication date found; relative dates stay unresolved".to_string());
    }
    Article { title, published, url, path: None, text: text.to_string(), warnings }
}

/// A full date near the start of a short line: "December 13, 2018 Updated: …", "2005-01-18".
fn dateline(line: &str) -> Option<NaiveDate> {
    let found = temporal::tag(line, None);
    let first = found.first()?;
    let near_start = first.start <= 40;
    let short = line.len() <= 120;
    if !(near_start && short) {
        return None;
    }
    match first.value {
        TimexValue::Day(d) | TimexValue::DayTime(d, _) => Some(d),
        _ => None,
    }
}

/// A line that is a link, or says where the article came from.
fn link(line: &str) -> Option<String> {
    let rest = ["Source:", "URL:", "Link:"].iter().find_map(|p| line.strip_prefix(p)).unwrap_or(line).trim();
    let is_url = (rest.starts_with("http://") || rest.starts_with("https://")) && !rest.contains(char::is_whitespace);
    is_url.then(|| rest.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_article_head() {
        let text = include_str!("../../sample_data/huawei-ncsc-walkout-2018-12-13.txt");
        let a = read(text);
        assert_eq!(a.title, "British Official Walks Out of Huawei Meeting Over Security Concerns");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2018, 12, 13));
        assert!(a.warnings.is_empty());
    }

    #[test]
    fn wikinews_head_with_iso_date_and_url() {
        let a = read("Airbus launches plane\n2005-01-18\nhttp://en.wikinews.org/wiki/X\nBody text.");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2005, 1, 18));
        assert_eq!(a.url.as_deref(), Some("http://en.wikinews.org/wiki/X"));
    }

    #[test]
    fn undated_article_gets_a_warning() {
        let a = read("# A title\n\nNothing dated here at all.");
        assert_eq!(a.title, "A title");
        assert_eq!(a.published, None);
        assert_eq!(a.warnings.len(), 1);
    }
}

//! Plain-text and Markdown articles: the title is the first non-empty line (a
//! Markdown heading loses its `#`), the publication date comes from a dateline
//! in the first lines, and the URL from a line that is a link.

use chrono::NaiveDate;

use super::Article;
use crate::temporal::{self, TimexValue};

/// How many lines after the title may hold the dateline.
const DATELINE_LINES: usize = 6;

pub fn read(text: &str) -> Article {
    let front = front_matter(text);
    let body = &text[front.end..];
    let mut lines = body.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().map(|l| l.trim_start_matches('#').trim().to_string()).unwrap_or_default();
    let head: Vec<&str> = lines.take(DATELINE_LINES).collect();
    // A dateline may also open the first paragraph: "LONDON, Dec. 13, 2018 (Reuters) - …".
    let published = front.date.or_else(|| head.iter().find_map(|l| dateline(l)));
    let url = front.url.or_else(|| head.iter().find_map(|l| link(l)));
    let mut warnings = Vec::new();
    if published.is_none() {
        warnings.push(super::NO_DATE.to_string());
    }
    let title = front.title.unwrap_or(first);
    Article { title, published, url, path: None, text: text.to_string(), body_start: front.end, no_story: false, warnings }
}

/// What YAML front matter (`---` … `---` at the top of a Markdown file) says.
#[derive(Default)]
struct FrontMatter {
    /// Byte offset where the article body starts: after the closing `---`.
    end: usize,
    title: Option<String>,
    date: Option<NaiveDate>,
    url: Option<String>,
}

/// Front matter holds flat `key: value` pairs for articles; only three keys
/// matter here, so a YAML library would add weight without adding meaning.
fn front_matter(text: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let Some(rest) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) else { return fm };
    let Some(close) = rest.find("\n---").filter(|&i| rest[i + 4..].starts_with(['\n', '\r']) || rest.len() == i + 4) else {
        return fm;
    };
    let yaml = &rest[..close];
    fm.end = text.len() - rest.len() + close + 4;
    for line in yaml.lines() {
        let Some((key, value)) = line.split_once(':') else { continue };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        match key.trim().to_ascii_lowercase().as_str() {
            "title" | "headline" if !value.is_empty() => fm.title = Some(value.to_string()),
            "date" | "published" | "pubdate" | "published_at" => fm.date = fm.date.or_else(|| super::dates::parse_date(value)),
            "url" | "link" | "source" | "canonical_url" => fm.url = fm.url.clone().or_else(|| link(value)),
            _ => {}
        }
    }
    fm
}

/// A full date near the start of a line: "December 13, 2018 Updated: …", "2005-01-18",
/// "Published: 13 Dec 2018", "LONDON, Dec. 13, 2018 (Reuters) - The …".
fn dateline(line: &str) -> Option<NaiveDate> {
    // Only the head of a long line: a dateline opens its paragraph.
    let head = match line.char_indices().nth(80) {
        Some((i, _)) => &line[..i],
        None => line,
    };
    let found = temporal::tag(head, None);
    let first = found.first()?;
    if first.start > 40 {
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
    fn front_matter_gives_title_date_and_url() {
        let text =
            "---\ntitle: \"Walkout at Huawei meeting\"\ndate: 2018-12-13T10:00:00Z\nurl: https://example.org/w\n---\n# Heading\nBody.";
        let a = read(text);
        assert_eq!(a.title, "Walkout at Huawei meeting");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2018, 12, 13));
        assert_eq!(a.url.as_deref(), Some("https://example.org/w"));
        assert_eq!(&text[a.body_start..], "\n# Heading\nBody.");
    }

    #[test]
    fn dateline_forms() {
        for (line, want) in [
            ("LONDON, Dec. 13, 2018 (Reuters) - Britain's security officials walked out", (2018, 12, 13)),
            ("Published: 13 Dec 2018 10:01 GMT", (2018, 12, 13)),
            ("Updated: December 13, 2018 at 5:00 p.m.", (2018, 12, 13)),
            ("2018-12-13", (2018, 12, 13)),
        ] {
            assert_eq!(dateline(line), NaiveDate::from_ymd_opt(want.0, want.1, want.2), "{line}");
        }
        assert_eq!(dateline("The company, founded in 1987, said on Dec. 5, 2018 that it would comply."), None);
    }

    #[test]
    fn undated_article_gets_a_warning() {
        let a = read("# A title\n\nNothing dated here at all.");
        assert_eq!(a.title, "A title");
        assert_eq!(a.published, None);
        assert_eq!(a.warnings.len(), 1);
    }
}

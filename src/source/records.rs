//! News-API dumps: JSON Lines, JSON arrays, and API responses that wrap their
//! records (`{"articles": [...]}`), one record per article. Also recognises
//! Newsline's own timeline JSON (Contract 2).

use serde_json::{Map, Value};

use super::dates::{epoch_date, parse_date};
use super::{Article, html};

/// What a JSON file held.
#[derive(Debug, Default)]
pub struct Records {
    pub articles: Vec<Article>,
    pub timeline: Option<super::SavedTimeline>,
    /// Records that could not be read, with where they are ("line 3: …").
    pub problems: Vec<String>,
}

const TITLE: &[&str] = &["title", "headline", "name"];
const URL: &[&str] = &["url", "link", "webUrl", "web_url", "uri"];
const DATE: &[&str] = &[
    "published",
    "publishedAt",
    "published_at",
    "publishedDate",
    "published_date",
    "date",
    "pubDate",
    "datePublished",
    "date_published",
    "dct",
    "created_at",
];
const TEXT: &[&str] =
    &["text", "content", "content_html", "content_text", "body", "article", "fullText", "full_text", "description", "summary", "abstract"];
/// Fields of an API response that hold its list of records.
const WRAPPERS: &[&str] = &["articles", "items", "results", "data", "docs", "news", "response"];

pub fn read(text: &str) -> Records {
    let trimmed = text.trim_start();
    // A whole-file JSON value first: an array, a wrapper object, or a timeline.
    if trimmed.starts_with('[') || trimmed.starts_with('{') {
        match serde_json::from_str::<Value>(trimmed) {
            Ok(v) => return from_value(v),
            // One object per line is JSON Lines, which does not parse as one value.
            Err(e) if trimmed.starts_with('[') => {
                return Records { problems: vec![format!("line {}: not valid JSON: {e}", e.line())], ..Default::default() };
            }
            Err(_) => {}
        }
    }
    let mut out = Records::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match read_line(line) {
            Ok(a) => out.articles.push(a),
            Err(why) => out.problems.push(format!("line {}: {why}; skipped", i + 1)),
        }
    }
    out
}

fn from_value(v: Value) -> Records {
    let mut out = Records::default();
    match v {
        Value::Object(o) if o.contains_key("events") && o.contains_key("articles") && o.contains_key("version") => {
            out.timeline = Some(super::SavedTimeline::Json { from: Default::default(), value: Value::Object(o) });
        }
        Value::Object(o) => {
            if let Some(list) = WRAPPERS.iter().find_map(|k| o.get(*k).filter(|v| v.is_array() || v.is_object())) {
                return from_value(list.clone());
            }
            match record(&o) {
                Some(a) => out.articles.push(a),
                None => out.problems.push("a JSON object with no title or text".into()),
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                match item.as_object().and_then(record) {
                    Some(a) => out.articles.push(a),
                    None => out.problems.push(format!("record {}: no title or text; skipped", i + 1)),
                }
            }
        }
        _ => out.problems.push("JSON that holds no news records".into()),
    }
    out
}

fn string_field(o: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match o.get(*k)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        // {"title": {"rendered": "…"}} (WordPress) and the like.
        Value::Object(inner) => inner.get("rendered").or_else(|| inner.get("value")).and_then(Value::as_str).map(str::to_string),
        _ => None,
    })
}

/// One line of a JSON Lines dump read as a stream (`extract --per-article -`): its
/// article, or why it is skipped.
pub fn read_line(line: &str) -> Result<Article, String> {
    match serde_json::from_str::<Value>(line.trim()) {
        Ok(Value::Object(o)) => record(&o).ok_or_else(|| "a record with no title or text".to_string()),
        Ok(_) => Err("not a JSON object".into()),
        Err(e) => Err(format!("not valid JSON ({e})")),
    }
}

/// One news record to an article; None when it has neither title nor text.
fn record(o: &Map<String, Value>) -> Option<Article> {
    let title = string_field(o, TITLE).map(|t| html::fragment_text(&t)).unwrap_or_default();
    let body = string_field(o, TEXT).map(|t| html::fragment_text(&t)).unwrap_or_default();
    if title.is_empty() && body.is_empty() {
        return None;
    }
    let published = DATE.iter().find_map(|k| match o.get(*k)? {
        Value::String(s) => parse_date(s),
        Value::Number(n) => n.as_i64().and_then(epoch_date),
        _ => None,
    });
    let url = string_field(o, URL).and_then(|u| super::web_url(&u));
    let title = if title.is_empty() { first_line(&body) } else { title };
    Some(Article::from_parts(title, &body, published, url))
}

fn first_line(s: &str) -> String {
    let l = s.lines().next().unwrap_or("");
    l.chars().take(90).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn json_lines_with_a_bad_line() {
        let text = "{\"headline\":\"A\",\"publishedAt\":\"2018-12-13T10:00:00Z\",\"content\":\"Met on Monday.\"}\n{broken\n\n{\"title\":\"B\",\"date\":1544691600}\n";
        let r = read(text);
        assert_eq!(r.articles.len(), 2);
        assert_eq!(r.articles[0].published, NaiveDate::from_ymd_opt(2018, 12, 13));
        assert_eq!(r.articles[0].text, "A\n\nMet on Monday.");
        assert_eq!(r.articles[1].published, NaiveDate::from_ymd_opt(2018, 12, 13));
        assert_eq!(r.problems.len(), 1);
        assert!(r.problems[0].starts_with("line 2:"), "{:?}", r.problems);
    }

    #[test]
    fn arrays_and_api_wrappers() {
        let r = read(r#"{"status":"ok","articles":[{"title":"A","url":"https://x.org/a","description":"<p>Hi</p>"},{"id":3}]}"#);
        assert_eq!(r.articles.len(), 1);
        assert_eq!(r.articles[0].url.as_deref(), Some("https://x.org/a"));
        assert_eq!(r.articles[0].text, "A\n\nHi");
        assert_eq!(r.problems.len(), 1);
    }

    #[test]
    fn unsafe_urls_are_dropped() {
        let r = read(r#"{"title":"A","url":"file:///etc/passwd","text":"x"}"#);
        assert_eq!(r.articles[0].url, None);
    }

    #[test]
    fn a_timeline_is_recognised() {
        let r = read(r#"{"version":1,"articles":[],"events":[]}"#);
        assert!(r.timeline.is_some());
        assert!(r.articles.is_empty());
    }
}

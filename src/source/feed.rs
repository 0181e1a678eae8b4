//! RSS 2.0, Atom and JSON Feed, through feed-rs: every item is an article.

use super::{Article, html};

/// Reads every item of a feed. A feed that does not parse is one error; an item
/// without text is kept (its title may still be dated) with a warning.
pub fn read(bytes: &[u8]) -> Result<Vec<Article>, super::ReadError> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| super::ReadError::Feed(e.to_string()))?;
    let feed_title = feed.title.map(|t| html::fragment_text(&t.content)).unwrap_or_default();
    let mut out = Vec::with_capacity(feed.entries.len());
    for entry in feed.entries {
        let title = entry.title.as_ref().map(|t| html::fragment_text(&t.content)).unwrap_or_default();
        let body_html = entry.content.as_ref().and_then(|c| c.body.clone()).or_else(|| entry.summary.as_ref().map(|s| s.content.clone()));
        let body = body_html.map(|b| html::fragment_text(&b)).unwrap_or_default();
        let url = entry.links.iter().find_map(|l| super::web_url(&l.href));
        let published = entry.published.or(entry.updated).map(|d| d.date_naive());
        let title = if title.is_empty() { feed_title.clone() } else { title };
        let mut article = Article::from_parts(title, &body, published, url);
        if body.is_empty() {
            article.warnings.push("the feed item has no text".to_string());
        }
        out.push(article);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn rss_items_are_articles() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Air news</title>
            <item><title>A380 delivered</title><link>https://example.org/a380</link>
            <pubDate>Mon, 15 Oct 2007 10:00:00 GMT</pubDate>
            <description>&lt;p&gt;Airbus handed over the first A380 on Monday.&lt;/p&gt;</description></item>
            <item><title>No date here</title><description>Plain text.</description></item>
            </channel></rss>"#;
        let items = read(rss).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].title, "A380 delivered");
        assert_eq!(items[0].published, NaiveDate::from_ymd_opt(2007, 10, 15));
        assert_eq!(items[0].url.as_deref(), Some("https://example.org/a380"));
        assert_eq!(items[0].text, "A380 delivered\n\nAirbus handed over the first A380 on Monday.");
        assert_eq!(items[1].published, None);
    }

    #[test]
    fn truncated_feed_is_an_error() {
        let err = read(b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>Cut").unwrap_err();
        assert!(matches!(err, crate::source::ReadError::Feed(_)), "{err}");
        assert!(err.to_string().contains("feed"), "{err}");
    }
}

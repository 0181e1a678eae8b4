//! Saved web pages. scraper (html5ever, the browsers' parsing algorithm) builds
//! the tree; metadata comes from the places publishers put it (Open Graph,
//! JSON-LD, `<time>`, meta tags); the body is the article's own text, without the
//! page's navigation, banners, asides, footers and comments.
//!
//! Every walk over the tree is iterative: hostile pages nest 100,000 levels deep.

use chrono::NaiveDate;
use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use super::Article;
use super::dates::parse_date;

/// Reads a whole page into one article.
pub fn read(html: &str) -> Article {
    let doc = Html::parse_document(html);
    let ld = json_ld(&doc);
    let root = main_content(&doc);
    let body = block_text(root);
    let title = page_title(&doc, &ld);
    let published = meta(&doc, &["article:published_time", "og:published_time", "datePublished"])
        .and_then(|s| parse_date(&s))
        .or_else(|| ld.published.as_deref().and_then(parse_date))
        .or_else(|| time_in(root).or_else(|| time_in(*doc.root_element())))
        .or_else(|| {
            meta(
                &doc,
                &["date", "pubdate", "publishdate", "publish-date", "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date"],
            )
            .and_then(|s| parse_date(&s))
        });
    let url =
        select_attr(&doc, "link[rel=canonical]", "href").or_else(|| meta(&doc, &["og:url"])).or(ld.url).and_then(|u| super::web_url(&u));
    let mut text = String::new();
    if !title.is_empty() && !body.starts_with(&title) {
        text.push_str(&title);
        text.push_str("\n\n");
    }
    text.push_str(&body);
    let mut article = super::text::read(&text);
    // The page's metadata is better than anything found in its text.
    article.title = if title.is_empty() { article.title } else { title };
    if published.is_some() {
        article.published = published;
        article.warnings.retain(|w| !w.starts_with("no publication date"));
    }
    article.url = url.or(article.url);
    if body.trim().is_empty() {
        article.warnings.push("the page holds no article text".into());
    }
    article
}

/// The text of an HTML fragment (a feed item's content), paragraphs kept apart.
pub fn fragment_text(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return html.trim().to_string();
    }
    let doc = Html::parse_fragment(html);
    block_text(doc.tree.root())
}

/// What JSON-LD says about the article.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    published: Option<String>,
    url: Option<String>,
}

fn json_ld(doc: &Html) -> LinkedData {
    let mut out = LinkedData::default();
    let sel = Selector::parse(r#"script[type="application/ld+json"]"#).expect("valid selector");
    for script in doc.select(&sel) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&script.text().collect::<String>()) else { continue };
        // Iterative walk: objects may sit in arrays and in "@graph".
        let mut stack = vec![&v];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Array(items) => stack.extend(items.iter()),
                serde_json::Value::Object(o) => {
                    if let Some(g) = o.get("@graph") {
                        stack.push(g);
                    }
                    let s = |k: &str| o.get(k).and_then(|x| x.as_str()).map(str::to_string);
                    if o.contains_key("headline") || o.contains_key("datePublished") {
                        out.headline = out.headline.or_else(|| s("headline"));
                        out.published = out.published.or_else(|| s("datePublished"));
                        out.url = out.url.or_else(|| s("url")).or_else(|| {
                            o.get("mainEntityOfPage")
                                .and_then(|m| m.as_str().or_else(|| m.get("@id").and_then(|i| i.as_str())))
                                .map(str::to_string)
                        });
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// The content of the first `<meta>` whose property or name is one of `keys`, in key order.
fn meta(doc: &Html, keys: &[&str]) -> Option<String> {
    let sel = Selector::parse("meta").expect("valid selector");
    let metas: Vec<ElementRef> = doc.select(&sel).collect();
    keys.iter().find_map(|k| {
        metas.iter().find_map(|m| {
            let e = m.value();
            let name = e.attr("property").or_else(|| e.attr("name")).or_else(|| e.attr("itemprop"))?;
            if !name.eq_ignore_ascii_case(k) {
                return None;
            }
            let c = e.attr("content").or_else(|| e.attr("datetime"))?.trim();
            (!c.is_empty()).then(|| c.to_string())
        })
    })
}

fn select_attr(doc: &Html, selector: &str, attr: &str) -> Option<String> {
    let sel = Selector::parse(selector).expect("valid selector");
    doc.select(&sel).find_map(|e| e.attr(attr)).map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn page_title(doc: &Html, ld: &LinkedData) -> String {
    let clean = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(t) = meta(doc, &["og:title", "twitter:title"]).or_else(|| ld.headline.clone()) {
        return clean(t);
    }
    let h1 = Selector::parse("h1").expect("valid selector");
    if let Some(t) = doc.select(&h1).map(|h| clean(h.text().collect())).find(|t| !t.is_empty()) {
        return t;
    }
    let title = Selector::parse("title").expect("valid selector");
    let t = doc.select(&title).next().map(|t| clean(t.text().collect())).unwrap_or_default();
    strip_site_name(&t).to_string()
}

/// "Walkout at Huawei meeting | The Daily Bugle" → "Walkout at Huawei meeting".
fn strip_site_name(t: &str) -> &str {
    for sep in [" | ", " – ", " — ", " - ", " :: ", " · "] {
        if let Some(i) = t.rfind(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            // The site name is the short part at the end.
            if tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 2 {
                return head.trim();
            }
        }
    }
    t
}

/// A `<time datetime>` under `root`, the first one (the byline's).
fn time_in(root: NodeRef<Node>) -> Option<NaiveDate> {
    root.descendants().filter_map(ElementRef::wrap).filter(|e| e.value().name() == "time").find_map(|e| {
        e.attr("datetime").and_then(parse_date).or_else(|| {
            let t: String = e.text().collect();
            parse_date(&t)
        })
    })
}

/// Elements that never hold article text.
fn is_chrome_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "nav"
            | "aside"
            | "footer"
            | "form"
            | "button"
            | "iframe"
            | "svg"
            | "canvas"
            | "select"
            | "input"
            | "textarea"
            | "dialog"
            | "menu"
            | "head"
            | "object"
            | "embed"
            | "video"
            | "audio"
            | "picture"
            | "img"
    )
}

/// Class or id words that mark page furniture rather than the story.
const FURNITURE: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "banner",
    "newsletter",
    "subscribe",
    "subscription",
    "paywall",
    "share",
    "sharing",
    "social",
    "comment",
    "comments",
    "disqus",
    "related",
    "recommended",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsored",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "navbar",
    "nav",
    "menu",
    "popup",
    "modal",
    "masthead",
    "footer",
    "site-header",
    "skip",
    "tags",
    "author-bio",
    "more-stories",
    "trending",
    "most-read",
    "outbrain",
    "taboola",
];

fn is_furniture(e: &scraper::node::Element) -> bool {
    if is_chrome_tag(e.name()) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(e.attr("role"), Some("navigation" | "banner" | "contentinfo" | "complementary" | "dialog" | "alertdialog")) {
        return true;
    }
    // The header of the whole page, not an article's own header (which holds its headline and time).
    let words = e.attr("class").into_iter().chain(e.attr("id")).flat_map(|s| s.split(|c: char| c.is_whitespace() || c == '_' || c == '-'));
    let mut joined = e.attr("class").into_iter().chain(e.attr("id")).flat_map(str::split_whitespace);
    words.map(str::to_ascii_lowercase).any(|w| FURNITURE.contains(&w.as_str()))
        || joined.any(|w| FURNITURE.iter().any(|f| f.contains('-') && w.eq_ignore_ascii_case(f)))
}

/// The subtree that holds the story: an explicit article body if the page marks
/// one, else the element whose direct paragraphs hold the most text.
fn main_content(doc: &Html) -> NodeRef<'_, Node> {
    for sel in ["[itemprop=articleBody]", "article", "[role=main]", "main"] {
        let s = Selector::parse(sel).expect("valid selector");
        // Of several <article>s (teasers), the one with the most paragraph text.
        let best = doc.select(&s).map(|e| (paragraph_chars(*e), e)).max_by_key(|(n, _)| *n);
        if let Some((n, e)) = best
            && n >= 200
        {
            return *e;
        }
    }
    // Readability-style: credit each paragraph's text to its parent and half to the grandparent.
    let mut score: std::collections::HashMap<ego_tree::NodeId, usize> = std::collections::HashMap::new();
    let p = Selector::parse("p").expect("valid selector");
    for para in doc.select(&p) {
        if has_furniture_ancestor(*para) {
            continue;
        }
        let n: usize = para.text().map(|t| t.trim().len()).sum();
        if n < 25 {
            continue;
        }
        if let Some(parent) = para.parent() {
            *score.entry(parent.id()).or_default() += n;
            if let Some(gp) = parent.parent() {
                *score.entry(gp.id()).or_default() += n / 2;
            }
        }
    }
    score
        .into_iter()
        .max_by_key(|(id, n)| (*n, std::cmp::Reverse(*id)))
        .and_then(|(id, _)| doc.tree.get(id))
        .unwrap_or_else(|| doc.tree.root())
}

fn has_furniture_ancestor(n: NodeRef<Node>) -> bool {
    n.ancestors().any(|a| a.value().as_element().is_some_and(is_furniture))
}

fn paragraph_chars(root: NodeRef<Node>) -> usize {
    let mut n = 0;
    let mut skip = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) if is_furniture(e) => skip += 1,
                Node::Text(t) if skip == 0 && node.ancestors().any(|a| a.value().as_element().is_some_and(|e| e.name() == "p")) => {
                    n += t.trim().len()
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value()
                    && is_furniture(e)
                {
                    skip -= 1;
                }
            }
        }
    }
    n
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "figure"
            | "figcaption"
            | "address"
            | "hr"
            | "br"
            | "body"
    )
}

/// The visible text under `root`: one line per block, runs of whitespace collapsed,
/// furniture left out.
fn block_text(root: NodeRef<Node>) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let mut skip = 0usize;
    let flush = |line: &mut String, out: &mut String| {
        let t = line.trim();
        if !t.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(t);
        }
        line.clear();
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    if skip > 0 || is_furniture(e) {
                        skip += usize::from(is_furniture(e));
                    } else if is_block(e.name()) {
                        flush(&mut line, &mut out);
                    }
                }
                Node::Text(t) if skip == 0 => {
                    for (i, piece) in t.split(char::is_whitespace).enumerate() {
                        if i > 0 && !line.ends_with(' ') {
                            line.push(' ');
                        }
                        line.push_str(piece);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if is_furniture(e) {
                        skip = skip.saturating_sub(1);
                    } else if skip == 0 && is_block(e.name()) {
                        flush(&mut line, &mut out);
                    }
                }
            }
        }
    }
    flush(&mut line, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names_are_stripped_from_titles() {
        assert_eq!(strip_site_name("Walkout at Huawei meeting | The Daily Bugle"), "Walkout at Huawei meeting");
        assert_eq!(
            strip_site_name("A380 makes maiden flight - Wikinews, the free news source"),
            "A380 makes maiden flight - Wikinews, the free news source"
        );
        assert_eq!(strip_site_name("Walkout at Huawei meeting - BBC News"), "Walkout at Huawei meeting");
    }

    #[test]
    fn fragments_keep_paragraphs_apart() {
        assert_eq!(fragment_text("<p>First <b>one</b>.</p><p>Second &amp; last.</p>"), "First one.\nSecond & last.");
        assert_eq!(fragment_text("plain text"), "plain text");
    }

    #[test]
    fn furniture_is_left_out() {
        let page = r#"<html><head><title>Boeing unveils 787 | Planes Daily</title></head><body>
            <nav>Home World Business</nav><div class="cookie-banner">We use cookies. Accept</div>
            <div id="story"><p>Boeing unveiled its new 787 Dreamliner on July 8, 2007, in Everett, Washington.</p>
            <p>The first delivery is planned for May 2008, the company said in a statement.</p></div>
            <aside>Related: Airbus A380 delayed</aside><div class="comments"><p>Great plane!! Posted 2 hours ago, I flew it last year</p></div>
            <footer>© 2007 Planes Daily</footer><script>var x = "July 4, 1999";</script></body></html>"#;
        let a = read(page);
        assert_eq!(a.title, "Boeing unveils 787");
        assert!(a.text.contains("on July 8, 2007, in Everett"), "{}", a.text);
        assert!(a.text.contains("May 2008"));
        for junk in ["cookies", "Home World", "Related", "Great plane", "©", "1999"] {
            assert!(!a.text.contains(junk), "{junk} in {}", a.text);
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let page = format!("<p>On Dec. 5, 2018{}x", "<div>".repeat(100_000));
        let a = read(&page);
        assert!(a.text.contains("Dec. 5"));
    }
}

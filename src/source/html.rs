//! Saved web pages. scraper (html5ever, the browsers' parsing algorithm) builds
//! the tree; metadata comes from the places publishers put it (Open Graph,
//! JSON-LD, `<time>`, meta tags); the body is the article's own text, without the
//! page's navigation, banners, asides, footers and comments.
//!
//! Every walk over the tree is iterative, and the nesting is bounded before parsing
//! (`depth`): hostile pages nest 100,000 levels deep.

use std::cell::OnceCell;

use chrono::NaiveDate;
use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};

use super::Article;
use super::dates::parse_date;

mod author;
mod body;
mod date;
mod depth;
mod notices;
mod title;

/// The tree of a page, its nesting bounded first: every page goes through here.
fn parse_page(html: &str) -> Html {
    Html::parse_document(&depth::bounded(html))
}

/// Reads a whole page into one article.
pub fn read(html: &str) -> Article {
    let doc = parse_page(html);
    let ld = json_ld(&doc);
    let (mut body, mut found) = body::story(doc.tree.root());
    // A page built by script may keep its text for readers without script in
    // `<noscript>` (forums, single-page apps), which the parser keeps as raw markup:
    // where the page itself gives little, that markup is read as a page of its own.
    if body.trim().len() < NOSCRIPT_WHEN_UNDER
        && let Some(inner) = noscript_markup(&doc)
    {
        let (alt, alt_found) = body::story(parse_page(&inner).tree.root());
        if alt.trim().len() > body.trim().len() {
            (body, found) = (alt, alt_found);
        }
    }
    if found && let Some(kept) = ld.article_body.as_deref().and_then(|b| within_article_body(&body, b)) {
        body = kept;
    }
    // A closing note on the author is about the writer, not the story.
    let authors: Vec<String> = ld.authors.iter().cloned().chain(meta(&doc, &["author"])).collect();
    if found && let Some(kept) = author::without_note(&body, &authors) {
        body = kept;
    }
    // So are the site's notices (an affiliate disclosure, a newsletter's pitch),
    // wherever they stand.
    if found && body.lines().any(notices::is_notice) {
        body = body.lines().filter(|l| !notices::is_notice(l)).flat_map(|l| [l, "\n"]).collect();
    }
    let url = select_attr(&doc, "link[rel=canonical]", "href")
        .or_else(|| meta(&doc, &["og:url"]))
        .or_else(|| ld.url.clone())
        .and_then(|u| super::web_url(&u));
    let title = super::encoding::repair_mojibake(&page_title(&doc, &ld, url.as_deref())).into_owned();
    let body = super::encoding::repair_mojibake(&body).into_owned();
    let published = publication_date(&doc, &ld, url.as_deref(), &title);
    // The headline heads the text once: the story's own copy of it (often below a
    // date or a section line) goes.
    let headline = title::squash(&title);
    let mut text = String::new();
    if !title.is_empty() {
        text.push_str(&title);
        text.push_str("\n\n");
    }
    for (i, line) in body.lines().enumerate() {
        if i < 8 && !title.is_empty() && title::squash(line) == headline {
            continue;
        }
        text.push_str(line);
        text.push('\n');
    }
    let mut article = super::text::read(&text);
    // The page's metadata is better than anything found in its text.
    article.title = if title.is_empty() { article.title } else { title };
    if let Some(d) = published {
        article.set_published(d);
    }
    article.url = url.or(article.url);
    if body.trim().is_empty() {
        article.warnings.push("the page holds no article text".into());
    } else if !found {
        article.no_story = true;
        article.warnings.push("no story found on the page: its text is a listing, menus or short lines, and gives no events".into());
    }
    article
}

/// The lines of `body` that the publisher's own text of the story (JSON-LD
/// `articleBody`) holds: a sign-up box, a sponsor's note or a caption inside the story's
/// container is not in it. Only where that text is the whole story (not a teaser: at
/// least half as long as what was read) and holds nearly all of it; `None` otherwise.
fn within_article_body(body: &str, article_body: &str) -> Option<String> {
    let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let given = letters(article_body);
    let read = letters(body);
    // Each line is looked for in the whole text: bounded, so a huge page costs no more
    // than a fraction of a second.
    if given.len() < ARTICLE_BODY_AT_LEAST
        || given.len() > ARTICLE_BODY_AT_MOST
        || given.len() * 2 < read.len()
        || body.lines().count() > 1000
    {
        return None;
    }
    let mut kept = String::new();
    let mut kept_len = 0;
    for line in body.lines() {
        let l = letters(line);
        if l.is_empty() || given.contains(&l) {
            kept_len += l.len();
            kept.push_str(line);
            kept.push('\n');
        }
    }
    (kept_len * 100 >= read.len() * ARTICLE_BODY_HOLDS).then_some(kept)
}

/// The shortest publisher's story text (letters and digits) that is taken as the whole story.
const ARTICLE_BODY_AT_LEAST: usize = 500;

/// The longest publisher's story text that is compared line by line.
const ARTICLE_BODY_AT_MOST: usize = 200_000;

/// The share (%) of what was read that the publisher's text must hold for the rest to
/// go: what it leaves out is then a few boxes, not a story it tells otherwise.
const ARTICLE_BODY_HOLDS: usize = 85;

/// Below this many bytes of story text, a page's `<noscript>` markup is read too.
const NOSCRIPT_WHEN_UNDER: usize = 500;

/// The markup of the page's `<noscript>` elements that hold a page's worth of it (a
/// paragraph or a block, not a tracking pixel), joined; `None` if none does.
fn noscript_markup(doc: &Html) -> Option<String> {
    let sel = Selector::parse("noscript").expect("valid selector");
    let mut out = String::new();
    for e in doc.select(&sel) {
        let raw: String = e.text().collect();
        if raw.len() > 1000 && (raw.contains("<p") || raw.contains("<div")) {
            out.push_str(&raw);
            out.push('\n');
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The text of an HTML fragment (a feed item's content), paragraphs kept apart.
pub fn fragment_text(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return html.trim().to_string();
    }
    // A feed's item may nest as deep as a page.
    let doc = Html::parse_fragment(&depth::bounded(html));
    body::all_text(doc.tree.root())
}

/// What JSON-LD says about the article.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    url: Option<String>,
    /// The story's text as the publisher gives it (`articleBody`), whitespace as it comes.
    article_body: Option<String>,
    /// The names of its authors.
    authors: Vec<String>,
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
                        out.article_body = out.article_body.or_else(|| s("articleBody"));
                        if out.authors.is_empty() {
                            out.authors = names(o.get("author"));
                        }
                        out.headline = out.headline.or_else(|| s("headline"));
                        out.published = out.published.or_else(|| s("datePublished"));
                        out.modified = out.modified.or_else(|| s("dateModified"));
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

/// The names a JSON-LD `author` gives: a name, a person (`{"name": …}`), or a list.
fn names(author: Option<&serde_json::Value>) -> Vec<String> {
    let name = |v: &serde_json::Value| v.as_str().or_else(|| v.get("name").and_then(|n| n.as_str())).map(str::to_string);
    match author {
        Some(serde_json::Value::Array(items)) => items.iter().filter_map(name).collect(),
        Some(v) => name(v).into_iter().collect(),
        None => Vec::new(),
    }
}

/// The content of the first `<meta>` whose property or name is one of `keys`, in key order.
fn meta(doc: &Html, keys: &[&str]) -> Option<String> {
    let metas = metas(doc);
    keys.iter().find_map(|k| metas.iter().find(|(name, _)| name.eq_ignore_ascii_case(k)).map(|(_, content)| content.to_string()))
}

/// Each `<meta>` with a name (property, name or itemprop) and content (or datetime),
/// in page order, borrowed from the page.
fn metas(doc: &Html) -> Vec<(&str, &str)> {
    let sel = Selector::parse("meta").expect("valid selector");
    doc.select(&sel)
        .filter_map(|m| {
            let e = m.value();
            let name = e.attr("property").or_else(|| e.attr("name")).or_else(|| e.attr("itemprop")).or_else(|| e.attr("http-equiv"))?;
            let content = e.attr("content").or_else(|| e.attr("datetime"))?.trim();
            (!content.is_empty()).then_some((name, content))
        })
        .collect()
}

/// How the names of a site's own publication-date meta tags end ("w-published-date",
/// "dcsext.articlefirstpublished" no; "article.publishdate", "cms-publish-date" yes).
const PUBLISHED_ENDINGS: &[&str] = &[
    "published-date",
    "publish-date",
    "published_date",
    "publish_date",
    "publishdate",
    "published_time",
    "pub-date",
    "pubdate",
    "date-published",
    "datepublished",
];

/// The content of the first `<meta>` whose name ends with one of `endings` (any case).
fn meta_ending(doc: &Html, endings: &[&str]) -> Option<String> {
    metas(doc)
        .into_iter()
        .find(|(name, _)| {
            let name = name.to_ascii_lowercase();
            endings.iter().any(|end| name.ends_with(end))
        })
        .map(|(_, content)| content.to_string())
}

fn select_attr(doc: &Html, selector: &str, attr: &str) -> Option<String> {
    let sel = Selector::parse(selector).expect("valid selector");
    doc.select(&sel).find_map(|e| e.attr(attr)).map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn page_title(doc: &Html, ld: &LinkedData, url: Option<&str>) -> String {
    let clean = |s: &str| {
        // Escaped twice by its page ("SQL &#x26; AI" in the markup's text): a reader sees "&".
        let s = if s.contains('&') && s.contains(';') { fragment_text(s) } else { s.to_string() };
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    // Not inside a picture: an `<svg>`'s `<title>` names the drawing, not the page.
    let in_svg = |e: &ElementRef| e.ancestors().any(|a| a.value().as_element().is_some_and(|a| a.name() == "svg"));
    let all = |selector: &str| {
        let sel = Selector::parse(selector).expect("valid selector");
        doc.select(&sel).filter(|e| !in_svg(e)).map(|e| clean(&heading_text(e))).filter(|t| !t.is_empty()).collect::<Vec<_>>()
    };
    let mut site: Vec<String> =
        ["og:site_name", "application-name", "apple-mobile-web-app-title"].iter().filter_map(|k| meta(doc, &[k])).collect();
    // The host's own name: "helpnetsecurity" in www.helpnetsecurity.com.
    if let Some(host) = url.and_then(super::url_host) {
        site.extend(
            host.split('.')
                .filter(|l| l.len() >= 3 && !matches!(*l, "www" | "com" | "org" | "net" | "gov" | "edu" | "blog" | "news"))
                .map(str::to_string),
        );
    }
    let candidates = title::Candidates {
        h1: all("h1"),
        meta: ["og:title", "twitter:title"]
            .iter()
            .filter_map(|k| meta(doc, &[k]))
            .map(|t| clean(&t))
            .chain(ld.headline.as_deref().map(clean))
            .collect(),
        title: all("title").into_iter().next(),
        site,
    };
    title::choose(&candidates)
}

/// A heading's words as a reader sees them: a line break is a space, a `<time>`
/// inside it is its dateline, not its words ("Dec 18 2025 Preparing a transition"),
/// a logo's `<svg>` shows a picture, not its `<title>` and `<desc>` ("Artboard
/// Created with Sketch."), and a permalink's sign is no word ("Quickstart¶").
fn heading_text(e: ElementRef) -> String {
    use ego_tree::iter::Edge;
    let unread = |n: ego_tree::NodeRef<'_, Node>| {
        n.value().as_element().is_some_and(|el| matches!(el.name(), "time" | "svg") || body::is_permalink(n, el))
    };
    let mut out = String::new();
    let mut inside = 0usize;
    for edge in e.traverse() {
        match edge {
            Edge::Open(n) if unread(n) => inside += 1,
            Edge::Open(n) => match n.value() {
                Node::Element(el) if el.name() == "br" => out.push(' '),
                Node::Text(t) if inside == 0 => out.push_str(t),
                _ => {}
            },
            Edge::Close(n) if unread(n) => inside -= 1,
            Edge::Close(_) => {}
        }
    }
    out
}

/// Where the page says it was published, most direct first (see `date`).
fn publication_date(doc: &Html, ld: &LinkedData, url: Option<&str>, title: &str) -> Option<NaiveDate> {
    const PUBLISHED: &[&str] = &[
        "article:published_time",
        "og:published_time",
        "og:article:published_time",
        "datePublished",
        "publication_date",
        "publish_date",
        "publish-date",
        "publishdate",
        "pubdate",
        "published",
        "dc.date.issued",
        "dcterms.issued",
        "dc.issued",
        "dc.created",
        "dc:created",
        "dcterms.created",
        "datecreated",
        "created",
        "citation_publication_date",
        "citation_date",
        "parsely-pub-date",
        "sailthru.date",
        "article.published",
        "date",
        "dc.date",
        "dcterms.date",
    ];
    let root = *doc.root_element();
    let modified = || {
        meta(doc, &["article:modified_time", "og:updated_time", "dateModified", "last-modified", "lastmodified"])
            .and_then(|s| parse_date(&s))
            .or_else(|| ld.modified.as_deref().and_then(parse_date))
    };
    // The page's lines, without and with the furniture, each walked once if at all.
    let (story, furnished) = (OnceCell::new(), OnceCell::new());
    let story_lines = || story.get_or_init(|| body::page_lines(doc.tree.root(), body::Lines::Story)).as_slice();
    let furniture_lines = || furnished.get_or_init(|| body::page_lines(doc.tree.root(), body::Lines::WithFurniture)).as_slice();
    let story_dateline = || date::near_headline(story_lines(), title, date::BELOW_HEADLINE);
    // Structured data that gives one day as both published and modified is a stamp
    // (of the build, the last edit): an earlier dateline by the headline is the
    // story's own day, the one its reader sees.
    let structured = || {
        let d = meta(doc, PUBLISHED).and_then(|s| parse_date(&s)).or_else(|| ld.published.as_deref().and_then(parse_date))?;
        let stamped = modified() == Some(d);
        let by_headline = || date::by_headline(story_lines(), title, date::BYLINE_BELOW_HEADLINE);
        if let Some(v) = stamped.then(by_headline).flatten().filter(|&v| v < d) {
            return Some(v);
        }
        // A date the page never shows, where it shows another by its headline: the
        // reader's date is the one shown ("Last updated: August 19, 2025" on a guide
        // rewritten since its first publication; its "this year" is that year's). A
        // `<time>` shows its date, whatever a script writes in it ("3 days ago").
        let lines = furniture_lines();
        let shown = || date::shows(lines, d) || time_elements(root).filter_map(element_date).any(|t| t == d);
        match date::dateline_by_headline(lines, title, date::BYLINE_BELOW_HEADLINE) {
            Some(v) if v.day != d && !shown() => Some(v.day),
            _ => Some(d),
        }
    };
    url.and_then(date::in_url)
        .or_else(structured)
        .or_else(|| meta_ending(doc, PUBLISHED_ENDINGS).and_then(|s| parse_date(&s)))
        .or_else(|| {
            // (hAtom's `abbr.published` and the `data-utime` of older templates too.)
            let sel = Selector::parse(
                "[itemprop=datePublished], time[pubdate], [class*=publish] time, time[class*=publish], abbr.published, abbr[data-utime]",
            )
            .expect("valid selector");
            doc.select(&sel).filter(|e| !in_reply(*e)).find_map(element_date)
        })
        .or_else(|| time_in(root))
        // The visible dateline near the headline; then one in a byline that class words
        // call furniture ("entry-meta"), right by the headline.
        .or_else(story_dateline)
        // Last, from the lines with the furniture: a byline at the story's foot
        // ("Written by Ann Lee and Bo Kim April 8, 2024").
        .or_else(|| date::near_headline(furniture_lines(), title, date::BYLINE_BELOW_HEADLINE).or_else(|| date::byline(furniture_lines())))
        .or_else(modified)
}

/// A `<time datetime>` under `root`, the first one (the byline's), not a reply's; one
/// that its class calls an update only where there is no other.
fn time_in(root: NodeRef<Node>) -> Option<NaiveDate> {
    let times = || time_elements(root).filter(|e| !in_reply(*e));
    let updated = |e: &ElementRef| e.value().classes().any(|c| c.contains("updated") || c.contains("modified"));
    times().filter(|e| !updated(e)).find_map(element_date).or_else(|| times().find_map(element_date))
}

/// Every `<time>` under `root`.
fn time_elements(root: NodeRef<'_, Node>) -> impl Iterator<Item = ElementRef<'_>> {
    root.descendants().filter_map(ElementRef::wrap).filter(|e| e.value().name() == "time")
}

/// Is `e` a property of a reply's microdata (a schema.org `Comment` or `Answer`)?
/// A thread's replies carry their own `datePublished`; the page's date is its first
/// post's ("asked Feb 11", not the answer of Feb 12).
fn in_reply(e: ElementRef) -> bool {
    let scope = e.ancestors().filter_map(ElementRef::wrap).find(|a| a.attr("itemscope").is_some());
    scope.and_then(|a| a.attr("itemtype")).is_some_and(|t| {
        let kind = t.trim_end_matches('/').rsplit('/').next().unwrap_or(t);
        matches!(kind, "Comment" | "Answer")
    })
}

/// The date an element gives: its `content`, `datetime` or `data-utime` (Unix time)
/// attribute, an `<abbr>`'s `title` (the full form of what it shows), else its text.
fn element_date(e: ElementRef) -> Option<NaiveDate> {
    let abbr_title = || e.attr("title").filter(|_| e.value().name() == "abbr");
    [e.attr("content"), e.attr("datetime"), e.attr("data-utime"), abbr_title()]
        .into_iter()
        .flatten()
        .find_map(parse_date)
        .or_else(|| parse_date(&e.text().collect::<String>()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_keep_paragraphs_apart() {
        assert_eq!(fragment_text("<p>First <b>one</b>.</p><p>Second &amp; last.</p>"), "First one.\nSecond & last.");
        assert_eq!(fragment_text("plain text"), "plain text");
    }

    #[test]
    fn the_publishers_story_text_leaves_out_a_sign_up_box_inside_the_story() {
        let paras = [
            "The city council voted on Tuesday to keep the three branch libraries open for at least another three years.",
            "More than eight thousand residents had signed a petition against the closures, which were first proposed in February.",
            "The council leader said the authority had listened to residents and would look for savings in other services.",
            "Volunteers will help to run the libraries from September, while opening hours at the central library will be cut.",
            "A full review of the library service is due to be published next spring, the council said in a statement.",
            "Campaigners marched from the Kingsmoor branch to the town hall last month, and children delivered the petition.",
            "The proposal had been meant to save about six hundred thousand pounds a year from the council's budget.",
        ];
        let story: String = paras.iter().map(|p| format!("<p>{p}</p>")).collect();
        let page = |body: &str| {
            format!(
                r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Libraries stay open","articleBody":"{body}"}}</script></head>
                <body><article><h1>Libraries stay open</h1>{story}<div><p>Get our newsletter!</p></div></article></body></html>"#
            )
        };
        let whole = page(&paras.join(" "));
        let text = read(&whole).text;
        assert!(text.contains("Volunteers will help") && !text.contains("newsletter"), "{text}");
        // A teaser is not the whole story: nothing goes by it.
        let teaser = page(paras[0]);
        assert!(read(&teaser).text.contains("Get our newsletter!"));
    }

    #[test]
    fn notes_on_the_author_and_the_sites_links_are_left_out() {
        let story: String =
            (0..8).map(|i| format!("<p>Paragraph {i}: the council voted on Tuesday to close the old bridge to traffic.</p>")).collect();
        let note = "<div><p>Jane Roe is a staff writer who has covered the council since 2019.</p></div>";
        let by_meta =
            format!(r#"<html><head><meta name="author" content="Jane Roe"></head><body><article>{story}{note}</article></body></html>"#);
        let by_ld = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Bridge","author":[{{"@type":"Person","name":"Jane Roe"}}]}}</script></head>
            <body><article>{story}{note}</article></body></html>"#
        );
        for page in [by_meta, by_ld] {
            let text = read(&page).text;
            assert!(text.contains("Paragraph 7") && !text.contains("staff writer"), "{text}");
        }
        // Nor is the site's note on its links, wherever it stands.
        let disclosed =
            format!("<html><body><article><p>This post contains affiliate links. Read our disclosure.</p>{story}</article></body></html>");
        let text = read(&disclosed).text;
        assert!(text.contains("Paragraph 0") && !text.contains("affiliate"), "{text}");
        // Another's name is no note on the author.
        let other =
            format!(r#"<html><head><meta name="author" content="John Doe"></head><body><article>{story}{note}</article></body></html>"#);
        assert!(read(&other).text.contains("staff writer"));
    }

    #[test]
    fn a_deep_fragment_is_read_whole() {
        // A feed item's HTML nested 100,000 deep, closed: bounded like a page, or the
        // parser's scope checks take minutes.
        let html = format!("{}<p>Rain fell on Tuesday.</p>{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        assert_eq!(fragment_text(&html), "Rain fell on Tuesday.");
    }

    #[test]
    fn a_sites_own_publication_date_tag_is_read_by_its_name() {
        let story = "<p>The council voted on Tuesday to close the old bridge to traffic, citing a report on its steel.</p>";
        let page = format!(
            r#"<html><head><meta name="cms-last-modified" content="2025-06-02"><meta name="x-published-date" content="2025-05-27T06:03:43Z">
            </head><body><h1>Bridge closes</h1>{story}</body></html>"#
        );
        assert_eq!(read(&page).published, NaiveDate::from_ymd_opt(2025, 5, 27));
        // A modified date by any name is not one.
        let page = format!(
            r#"<html><head><meta name="cms-last-modified" content="2025-06-02"></head><body><h1>Bridge closes</h1>{story}</body></html>"#
        );
        assert_eq!(read(&page).published, None);
    }

    #[test]
    fn a_stamp_gives_way_to_the_dateline_under_the_headline() {
        let story = "<p>The council voted on Tuesday to close the old bridge to traffic, citing a report on its steel.</p>";
        let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"Jun 24, 2025","dateModified":"Jun 24, 2025"}</script>"#;
        let page =
            format!("<html><head>{ld}</head><body><h1>Bridge closes</h1><p>By Ann Lee</p><p>August 25, 2024</p>{story}</body></html>");
        assert_eq!(read(&page).published, NaiveDate::from_ymd_opt(2024, 8, 25));
        // Published and modified apart, the structured date shown further down: it stands.
        let ld2 = ld.replace(r#""dateModified":"Jun 24, 2025""#, r#""dateModified":"Jul 2, 2025""#);
        let page = format!(
            "<html><head>{ld2}</head><body><h1>Bridge closes</h1><p>By Ann Lee</p><p>August 25, 2024</p>{story}<p>Filed June 24, 2025</p></body></html>"
        );
        assert_eq!(read(&page).published, NaiveDate::from_ymd_opt(2025, 6, 24));
        // A date further down the story is no dateline.
        let filler: String = (0..14).map(|i| format!("<p>Point {i} of the council's long report on the bridge.</p>")).collect();
        let page = format!("<html><head>{ld}</head><body><h1>Bridge closes</h1>{story}{filler}<p>August 25, 2024</p></body></html>");
        assert_eq!(read(&page).published, NaiveDate::from_ymd_opt(2025, 6, 24));
    }

    #[test]
    fn a_date_the_page_shows_by_its_headline_beats_one_it_never_shows() {
        let story = "<p>The council voted on Tuesday to close the old bridge to traffic, citing a report on its steel.</p>";
        let page = |ld: &str, byline: &str| {
            let ld = format!(r#"<script type="application/ld+json">{{"@type":"Article",{ld}}}</script>"#);
            read(&format!("<html><head>{ld}</head><body><h1>Bridge closes</h1><p>By Ann Lee</p>{byline}{story}</body></html>")).published
        };
        let day = |m, d| NaiveDate::from_ymd_opt(2025, m, d);
        let both = r#""datePublished":"2025-01-29T20:47:55+00:00","dateModified":"2025-08-19T13:25:59+00:00""#;
        // The structured date is nowhere on the page: the one shown is the reader's.
        assert_eq!(page(both, "<p>March 5, 2025</p>"), day(3, 5));
        // Shown as updated, where the first publication is not shown at all: the text is as of then.
        assert_eq!(page(both, "<p>Last updated: August 19, 2025</p>"), day(8, 19));
        // Where the page shows both, published, as ever.
        assert_eq!(page(both, "<p>Published January 29, 2025</p><p>Updated August 19, 2025</p>"), day(1, 29));
        // A <time> shows its date, whatever a script writes in it.
        assert_eq!(page(both, r#"<p><time datetime="2025-01-29">2 days ago</time></p><p>Updated August 19, 2025</p>"#), day(1, 29));
        // No dateline by the headline: the structured date.
        assert_eq!(page(both, ""), day(1, 29));
    }

    #[test]
    fn older_and_rarer_date_markup_is_read() {
        let date =
            |head: &str, body: &str| read(&format!("<html><head>{head}</head><body><h1>Bridge closes</h1>{body}</body></html>")).published;
        let day = NaiveDate::from_ymd_opt(2018, 2, 6);
        assert_eq!(date(r#"<meta http-equiv="date" content="2018-02-06">"#, ""), day);
        assert_eq!(date(r#"<meta name="DC.Issued" content="2018-02-06">"#, ""), day);
        assert_eq!(date(r#"<meta itemprop="dateCreated" datetime="2018-02-06">"#, ""), day);
        // A modified date alone, by any of its names, as the last resort.
        assert_eq!(date(r#"<meta http-equiv="last-modified" content="2018-02-06">"#, ""), day);
        // hAtom's published abbreviation, and a Unix time in `data-utime`.
        assert_eq!(date("", r#"<abbr class="published" title="2018-02-06">Feb 6</abbr>"#), day);
        assert_eq!(date("", r#"<abbr data-utime="1517925600">Tuesday</abbr>"#), day);
        // The entry's date before the update's, whichever comes first.
        assert_eq!(
            date("", r#"<time class="updated" datetime="2018-03-01"></time><time class="entry-date" datetime="2018-02-06"></time>"#),
            day
        );
    }

    #[test]
    fn a_thread_is_dated_by_its_first_post_not_its_replies() {
        let page = r#"<html itemscope itemtype="https://schema.org/QAPage"><body><h1>How do I back up my system?</h1>
            <div itemscope itemtype="https://schema.org/Question"><p>Asked <time datetime="2010-10-16T21:00:00Z">Oct 16</time></p>
            <p>I would like to back up my whole system before the upgrade, with every file and setting kept.</p></div>
            <div itemscope itemtype="https://schema.org/Answer"><p>Use a disk image tool; it copies every partition as it is.</p>
            <span itemprop="datePublished">2010-10-17 08:00:00Z</span>
            <ul><li itemscope itemtype="https://schema.org/Comment">Thanks! <time itemprop="datePublished" datetime="2010-10-18">Oct 18</time></li></ul></div>
            </body></html>"#;
        assert_eq!(read(page).published, NaiveDate::from_ymd_opt(2010, 10, 16));
    }

    #[test]
    fn a_byline_marked_as_furniture_still_dates_the_page() {
        let story: String = (0..16)
            .map(|i| format!("<p>Part {i}: indexing makes a journal's articles easier to find, and many funders ask for it first.</p>"))
            .collect();
        let page = format!(
            r#"<html><body><h1>Guide to journal indexing</h1><div class="byline"><span>Posted on April 13, 2023</span></div>
            <div class="entry-content">{story}</div><aside class="related-posts"><p>Webinar recap, June 2, 2022</p></aside></body></html>"#
        );
        let a = read(&page);
        assert!(!a.text.contains("Posted on"), "the byline is no part of the story");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2023, 4, 13));
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
    fn a_headline_reads_as_shown() {
        // A line break parts words; a <time> in the heading is its dateline; text
        // escaped twice by the page reads once escaped.
        let h = |inner: &str| read(&format!("<html><body><h1>{inner}</h1><p>Words of the story, long enough.</p></body></html>")).title;
        assert_eq!(h("WEEKEND<br>CODING<br> <span>AGENT</span>"), "WEEKEND CODING AGENT");
        assert_eq!(
            h(r#"<a href="/p"><time datetime="2025-12-18">Dec <span>18</span> 2025</time> Preparing a transition</a>"#),
            "Preparing a transition"
        );
        assert_eq!(h("Tools for 2026: Python, SQL &amp;#x26; AI"), "Tools for 2026: Python, SQL & AI");
        // A logo drawn in the heading shows no words; nor is its <title> the page's.
        let logo = r#"<svg viewBox="0 0 48 44"><title>Artboard</title><desc>Created with Sketch.</desc><path d="M5 44"/></svg>"#;
        assert_eq!(h(&format!("<a href=\"/\">{logo}</a> SMF vs MyBB?")), "SMF vs MyBB?");
        let page = format!("<html><body>{logo}<h2>Words</h2><p>Words of the story, long enough.</p></body></html>");
        assert_ne!(read(&page).title, "Artboard");
        assert_eq!(h(r##"Quickstart<a class="headerlink" href="#quickstart">¶</a>"##), "Quickstart");
        // UTF-8 read as Windows-1252 and written out as entities reads as meant.
        assert_eq!(h("Google&acirc;&euro;&trade;s plan"), "Google’s plan");
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let page = format!("<p>On Dec. 5, 2018{}x", "<div>".repeat(100_000));
        let a = read(&page);
        assert!(a.text.contains("Dec. 5"));
    }
}

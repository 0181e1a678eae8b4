//! A bound on how deep a page's elements nest, before the HTML parser sees it.
//!
//! The parsing algorithm checks, at many start tags, whether an element is "in
//! scope" by scanning the stack of open elements: cheap on a real page, quadratic on
//! a hostile one (100,000 nested `<div>`s take a minute to parse). Browsers bound
//! the tree for the same reason (Blink stops nesting at 512 levels and adds deeper
//! elements beside the deepest one). This does the same on the markup: at a start
//! tag past the limit the innermost element is closed, so the new one opens beside
//! it, and the end tag that would have closed it is dropped. Every element, and all
//! text, is kept, in order. A page within the limit is returned as it is, without a
//! copy.

use std::borrow::Cow;

/// How many elements deep a page may nest (Blink's limit).
pub const MAX_DEPTH: usize = 512;

/// `html` with every element past `MAX_DEPTH` levels opened beside the deepest one.
pub fn bounded(html: &str) -> Cow<'_, str> {
    bounded_to(html, MAX_DEPTH)
}

fn bounded_to(html: &str, max: usize) -> Cow<'_, str> {
    // Most pages: one pass that only counts.
    if tags(html).all(|t| t.depth <= max) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + html.len() / 4);
    let mut copied = 0;
    // The page's open elements: those open in the output too, and runs of those
    // closed early there, whose end tags are dropped when they come.
    let mut open: Vec<Open> = Vec::new();
    let mut depth = 0;
    for t in tags(html) {
        match (t.kind, open.last_mut()) {
            (Kind::Open, _) if depth < max.max(1) => {
                open.push(Open::Kept(t.name));
                depth += 1;
            }
            (Kind::Open, _) => {
                // Past the limit: the innermost element kept closes, and this one opens
                // beside it.
                let at = open.iter().rposition(|o| matches!(o, Open::Kept(_))).unwrap_or(0);
                if let Open::Kept(name) = open[at] {
                    out.push_str(&html[copied..t.start]);
                    out.push_str("</");
                    out.push_str(name);
                    out.push('>');
                    copied = t.start;
                }
                let closed = 1 + open.drain(at..).map(|o| if let Open::Closed(n) = o { n } else { 0 }).sum::<usize>();
                match open.last_mut() {
                    Some(Open::Closed(n)) => *n += closed,
                    _ => open.push(Open::Closed(closed)),
                }
                open.push(Open::Kept(t.name));
            }
            (Kind::Close, Some(Open::Closed(n))) => {
                *n -= 1;
                if *n == 0 {
                    open.pop();
                }
                out.push_str(&html[copied..t.start]);
                copied = t.end;
                // A "<" of text right before the dropped tag must not open a tag with
                // what follows it ("<<div>x" is "<x" without the div).
                if out.ends_with('<') {
                    out.pop();
                    out.push_str("&lt;");
                }
            }
            (Kind::Close, Some(Open::Kept(_))) => {
                open.pop();
                depth -= 1;
            }
            (Kind::Close, None) => {}
        }
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// An element open in the page as `bounded_to` reads it.
enum Open<'a> {
    /// Open in the output too.
    Kept(&'a str),
    /// This many elements closed early in the output: their end tags are dropped.
    Closed(usize),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Open,
    Close,
}

/// A tag that nests: its byte span, and for a start tag the depth it opens.
struct Tag<'a> {
    name: &'a str,
    start: usize,
    end: usize,
    kind: Kind,
    depth: usize,
}

/// The start and end tags of elements that must be closed, in order, with their
/// depth as the markup counts it. Void elements, elements whose end tag may be
/// left out (`<p>`, `<li>`, `<td>`: the parser closes them itself), comments,
/// and the text of `<script>`, `<style>` and the like are passed over. This follows
/// the HTML tokenizer but for one corner: a script whose text opens a comment
/// holding another `<script>` runs past its first `</script>` in the tokenizer, not
/// here (a miscount only unwraps some elements of an over-deep page, its text kept).
fn tags(html: &str) -> impl Iterator<Item = Tag<'_>> + '_ {
    let b = html.as_bytes();
    let mut at = 0;
    let mut depth = 0usize;
    std::iter::from_fn(move || {
        loop {
            let lt = at + b.get(at..)?.iter().position(|&c| c == b'<')?;
            if b[lt..].starts_with(b"<!--") {
                // "<!-->" and "<!--->" end where they start.
                at = match &b[lt + 4..] {
                    [b'>', ..] => lt + 5,
                    [b'-', b'>', ..] => lt + 6,
                    _ => find(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3),
                };
                continue;
            }
            let close = b.get(lt + 1) == Some(&b'/');
            let name_at = lt + 1 + usize::from(close);
            let name_end = name_at + b[name_at..].iter().position(|&c| ends_name(c)).unwrap_or(b.len() - name_at);
            if name_end == name_at || !b[name_at].is_ascii_alphabetic() {
                // "<!DOCTYPE …>", "<?xml …>", "</ …>": a bogus comment, to the next ">".
                // "a < b" is text.
                at = match b.get(lt + 1) {
                    Some(b'!' | b'?' | b'/') => b[lt + 1..].iter().position(|&c| c == b'>').map_or(b.len(), |k| lt + 2 + k),
                    _ => lt + 1,
                };
                continue;
            }
            let end = tag_end(b, name_end);
            at = end;
            let name = &html[name_at..name_end];
            let is = |list: &[&str]| list.iter().any(|n| n.eq_ignore_ascii_case(name));
            if !close && is(RAW_TEXT) {
                // Its text is not markup: past its end tag, which is not counted either.
                at = (end..b.len())
                    .find(|&k| {
                        b[k] == b'<'
                            && b.get(k + 1) == Some(&b'/')
                            && b[k + 2..].get(..name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                            && b.get(k + 2 + name.len()).is_none_or(|c| matches!(c, b'>' | b'/') || c.is_ascii_whitespace())
                    })
                    .map_or(b.len(), |k| tag_end(b, k + 2 + name.len()));
                continue;
            }
            let self_closing = end >= 2 && b[end - 2] == b'/';
            if is(SELF_CLOSING) || (!close && self_closing) {
                continue;
            }
            if close {
                depth = depth.saturating_sub(1);
                return Some(Tag { name, start: lt, end, kind: Kind::Close, depth });
            }
            depth += 1;
            return Some(Tag { name, start: lt, end, kind: Kind::Open, depth });
        }
    })
}

/// Elements that hold no markup: their text runs to their own end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"];

/// Void elements, and those the parser closes by itself (an open `<p>` ends at the
/// next block, an `<li>` at the next item), which a count of tags cannot follow.
const SELF_CLOSING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen", "html",
    "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "rb",
    "rt", "rp", "rtc",
];

/// Does byte `c` end a tag's or an attribute's name?
fn ends_name(c: u8) -> bool {
    c.is_ascii_whitespace() || c == b'/' || c == b'>'
}

/// The byte after the `>` that ends the tag whose name ends at `from`: over its
/// attributes as the tokenizer reads them, so a quoted value may hold a `>`.
fn tag_end(b: &[u8], from: usize) -> usize {
    let skip = |mut k: usize, f: &dyn Fn(u8) -> bool| {
        while k < b.len() && f(b[k]) {
            k += 1;
        }
        k
    };
    let mut k = from;
    loop {
        k = skip(k, &|c| c.is_ascii_whitespace() || c == b'/');
        match b.get(k) {
            None => return b.len(),
            Some(b'>') => return k + 1,
            _ => {}
        }
        // An attribute's name (its first byte may be "="), then its value, if any.
        k = skip(k + 1, &|c| !ends_name(c) && c != b'=');
        let eq = skip(k, &|c| c.is_ascii_whitespace());
        if b.get(eq) != Some(&b'=') {
            k = eq;
            continue;
        }
        let v = skip(eq + 1, &|c| c.is_ascii_whitespace());
        k = match b.get(v) {
            Some(&q @ (b'"' | b'\'')) => b[v + 1..].iter().position(|&c| c == q).map_or(b.len(), |e| v + 2 + e),
            _ => skip(v, &|c| !c.is_ascii_whitespace() && c != b'>'),
        };
    }
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|k| from + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_within_the_limit_is_untouched() {
        let page = "<html><body><div><p>One<p>Two<ul><li>a<li>b</ul><script>if (a<b) x('<div>')</script></div></body></html>";
        assert!(matches!(bounded_to(page, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn elements_past_the_limit_open_beside_the_deepest() {
        let page = "<div><section><h1 class=\"x>y\">Deep title</h1><span>text</span></section></div><p>after";
        assert_eq!(bounded_to(page, 2), "<div><section></section><h1 class=\"x>y\">Deep title</h1><span>text</span></div><p>after");
        // Unclosed: no end tags to drop.
        assert_eq!(bounded_to("<div><div><div><div>x", 2), "<div><div></div><div></div><div>x");
        // A comment or a script that looks like markup is not counted.
        let page = "<div><!-- <div><div> --><script>'<div><div>'</script>x</div>";
        assert!(matches!(bounded_to(page, 1), Cow::Borrowed(_)));
    }

    proptest::proptest! {
        /// Any markup, however broken: no panic, no text nor element lost, nothing left too deep.
        #[test]
        fn any_markup_is_bounded_and_keeps_its_text(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["<div>", "</div>", "<span class='a>b'>", "</span>", "<p>", "<br/>", "<!--", "-->",
                    "<style>", "</style>", "<", ">", "x", "\"", "é"]),
                0..80,
            )
        ) {
            let page = parts.concat();
            let out = bounded_to(&page, 2);
            proptest::prop_assert!(tags(&out).all(|t| t.depth <= 2));
            let text = |h: &str| scraper::Html::parse_document(h).root_element().text().collect::<String>();
            proptest::prop_assert_eq!(text(&out), text(&page));
            let divs = |h: &str| scraper::Html::parse_document(h).select(&scraper::Selector::parse("div").unwrap()).count();
            proptest::prop_assert_eq!(divs(&out), divs(&page));
        }
    }
}

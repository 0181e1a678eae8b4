//! The story's text on a web page, without the page around it.
//!
//! One walk over the tree cuts the page into lines (one per block, as a reader sees
//! them) and credits each line to every element that holds it. A line is *good*
//! when it reads like prose: long enough, and mostly not link text (jusText's and
//! boilerpipe's measures). The story's container is the element that holds the most
//! good text net of a charge for the rest of its text, so a teaser `<article>`,
//! a widget or a caption loses to the element that holds the whole story, and
//! `<body>` loses to the story's own container when the page has menus and lists
//! around it. Markers that publishers set (`<article>`, `itemprop=articleBody`,
//! `<main>`) earn a small bonus; they no longer decide alone.
//!
//! Page furniture is left out by tag, and by attributes: role, `hidden`, class words,
//! an inline `display: none` on a small element. Attributes are a guess, so a second
//! walk by tag alone runs, and wins when the first found less than half its good text
//! (a theme that calls its whole page "ehf-footer", or a page streamed into a `hidden`
//! block that a script reveals, must not lose the story). When one wrapper's class
//! words hid the story (a "sidebar-container" that lays the page out), a third walk
//! exempts that wrapper alone and keeps judging the furniture inside it by its class
//! words.
//!
//! Every walk is iterative: hostile pages nest 100,000 levels deep.

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::Node;
use scraper::node::Element;

/// The story's lines under `root`, and whether they are a story: false where the page
/// has no prose, or only a listing's (its main region's text is then given).
pub fn story(root: NodeRef<'_, Node>) -> (String, bool) {
    let (strict, _) = best_container(root, Furniture::Attributes, &Wrappers::default());
    // Where the class words leave a story of its own, readers' comments are not
    // part of it even when the class words are not trusted; where they leave next
    // to nothing (a forum, a discussion page), the comments are the page's text.
    let tags = if strict.good >= OWN_STORY { Furniture::TagsAndComments } else { Furniture::Tags };
    let (lenient, wrappers) = best_container(root, tags, &Wrappers::default());
    let hid_most = strict.good * 2 < lenient.good;
    let (mut pick, mut furniture, mut exempt) = (strict, Furniture::Attributes, Wrappers::default());
    if hid_most {
        // Class words hid most of the prose. Most often one wrapper's did (a theme
        // that lays the story out in a "sidebar-container"): that wrapper is not
        // furniture, and the class words inside it still are. Else trust the tags alone.
        let (again, _) = best_container(root, Furniture::Attributes, &wrappers);
        if !wrappers.is_empty() && again.good * 2 >= lenient.good {
            (pick, exempt) = (again, wrappers);
        } else {
            (pick, furniture) = (lenient, tags);
        }
    }
    let picked = pick.node.and_then(|id| root.tree().get(id));
    let node = picked.unwrap_or(root);
    if pick.good < OWN_STORY
        && let Some(listing) = listing(root, picked)
    {
        return (listing, false);
    }
    let mut lines = lines_but_cards(node, furniture, &exempt, &signup_boxes(node));
    lines.truncate(story_end(&lines));
    let keep = first_copies(&lines);
    // A story of its own starts at its first paragraph: the byline's lines before it go.
    let first_prose = if pick.good >= OWN_STORY { lines.iter().position(Line::is_good).unwrap_or(0) } else { 0 };
    let mut out = String::new();
    for (i, (l, _)) in lines.iter().zip(&keep).enumerate().filter(|&(_, (_, &k))| k) {
        if l.is_boilerplate() || i < first_prose && l.is_byline() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&l.text);
    }
    (out, pick.good > 0)
}

/// The lines of the story's container `node` without its sign-up `boxes`, nor the
/// cards of other stories set in it (a "latest news" column) while a story of its own
/// keeps most of the prose without them. On a listing page the cards are the page's
/// text, and stay. (The cards are small: their prose is counted on its own, and the
/// container walked again only then.)
fn lines_but_cards(node: NodeRef<'_, Node>, furniture: Furniture, exempt: &Wrappers, boxes: &Wrappers) -> Vec<Line> {
    let cards = cards(node);
    if cards.is_empty() {
        return lines_without(node, furniture, exempt, boxes);
    }
    let lines = lines_without(node, furniture, exempt, &cards.union(boxes).copied().collect());
    let kept = good_bytes(&lines);
    let in_cards: usize = cards.iter().filter_map(|&id| node.tree().get(id)).map(|c| good_bytes(&self::lines(c, furniture, exempt))).sum();
    if kept < OWN_STORY || kept < in_cards { lines_without(node, furniture, exempt, boxes) } else { lines }
}

/// Text, in bytes, that a sign-up box holds at most besides its field ("Get our
/// newsletter", a line of terms, "Thanks for signing up!"); and how far above the field
/// its box is looked for.
const SIGNUP_TEXT: usize = 600;
const SIGNUP_LEVELS: usize = 12;
const SIGNUP_FIELDS: usize = 50;

/// The sign-up boxes under `root`: around each e-mail field, the widest block that
/// holds little text besides. A newsletter's or an alert's pitch is not the story,
/// and its dates ("subscribe by March 9") are no events. (Forms are furniture anyway
/// where class words are trusted; the pitch around one is not in the form.)
fn signup_boxes(root: NodeRef<'_, Node>) -> Wrappers {
    let small = |n| holds_little(n, SIGNUP_TEXT, CARD_NODES * 10);
    let mut out = Wrappers::default();
    // A page has a few sign-up fields; one of a hundred thousand must not cost their product.
    for field in root.descendants().filter(|n| n.value().as_element().is_some_and(is_email_field)).take(SIGNUP_FIELDS) {
        let widest = field
            .ancestors()
            .take(SIGNUP_LEVELS)
            .take_while(|a| {
                a.id() != root.id()
                    && a.value().as_element().is_some_and(|e| !matches!(e.name(), "body" | "html" | "main" | "article"))
                    && small(*a)
            })
            .last();
        out.extend(widest.map(|a| a.id()));
    }
    out
}

/// An `<input>` for an e-mail address: by its type, or a text field named for one.
fn is_email_field(e: &Element) -> bool {
    let kind = e.attr("type").unwrap_or("text");
    let named = || ["name", "id", "placeholder"].iter().any(|k| e.attr(k).is_some_and(|v| v.to_ascii_lowercase().contains("email")));
    e.name() == "input" && (kind.eq_ignore_ascii_case("email") || kind.eq_ignore_ascii_case("text") && named())
}

/// Bytes of prose among `lines`.
fn good_bytes(lines: &[Line]) -> usize {
    lines.iter().filter(|l| l.is_good()).map(|l| l.text.len()).sum()
}

/// A card is this short at most, in bytes of text, and in nodes.
const CARD: usize = 800;
const CARD_NODES: usize = 300;

/// The cards of other stories under `node`: `<article>` elements, two or more, each
/// short and headed by a linked title of a few words ("<article><h3><a>Title of
/// another story</a></h3>date, excerpt</article>"). Not `node` itself.
fn cards(node: NodeRef<'_, Node>) -> Wrappers {
    let is_card = |a: NodeRef<'_, Node>| {
        let mut bytes = 0;
        let mut linked_heading = false;
        // A card is a few elements: nesting 100,000 deep must not be read once per level.
        for (n, d) in a.descendants().enumerate() {
            if n > CARD_NODES {
                return false;
            }
            match d.value() {
                Node::Text(t) => {
                    bytes += t.trim().len();
                    if bytes > CARD {
                        return false;
                    }
                }
                // A title, not a name: a forum post is headed by its author's.
                Node::Element(e) if matches!(e.name(), "h2" | "h3" | "h4" | "h5" | "h6") => {
                    let link = d.descendants().take(CARD_NODES).find(|x| x.value().as_element().is_some_and(|x| x.name() == "a"));
                    let words = || {
                        link.into_iter()
                            .flat_map(|l| l.descendants().take(CARD_NODES))
                            .filter_map(|x| x.value().as_text())
                            .flat_map(|t| t.split_whitespace())
                            .count()
                    };
                    linked_heading |= link.is_some() && words() >= 4;
                }
                _ => {}
            }
        }
        linked_heading
    };
    let found: Wrappers = node
        .descendants()
        .skip(1)
        .filter(|d| d.value().as_element().is_some_and(|e| e.name() == "article"))
        .filter(|&d| is_card(d))
        .map(|d| d.id())
        .collect();
    if found.len() >= 2 { found } else { Wrappers::default() }
}

/// A paragraph at least this long is the story's own text, not a label.
const COPIED_PARAGRAPH: usize = 100;

/// A copy of this many paragraphs, in order, is a copy of the story.
const COPIED_RUN: usize = 5;

/// Which lines to keep when a page holds its story more than once (a copy for each
/// screen size, the others hidden by style sheets, which a reader of the markup
/// cannot see): lines that repeat, in order, lines before them, with several
/// paragraphs among them, are dropped; not a quotation of them (a reply in a forum
/// quotes the post it answers). A paragraph repeated on its own stays:
/// documentation repeats a step under each language's tab, with different code
/// between. (trafilatura drops repeated segments in the same spirit.)
fn first_copies(lines: &[Line]) -> Vec<bool> {
    copies(lines).0
}

/// [`first_copies`], with the number of line comparisons it made.
fn copies(lines: &[Line]) -> (Vec<bool>, usize) {
    let mut compared = 0;
    let mut first: crate::hashing::FastMap<&str, usize> = Default::default();
    let mut keep = vec![true; lines.len()];
    // Comparisons, a few per line at most: a page of a hundred thousand repeated lines
    // ("Reply", "Share") must not cost their square. A copy of the story costs one a line.
    let mut budget = 4 * lines.len();
    let mut i = 0;
    while i < lines.len() {
        let at = *first.entry(lines[i].text.as_str()).or_insert(i);
        // How far the lines from `i` on repeat those from `at` on, before `i`.
        let len = if at < i && budget > 0 {
            let len = (0..(i - at).min(budget))
                .take_while(|&k| i + k < lines.len() && lines[i + k].tag != "blockquote" && lines[i + k].text == lines[at + k].text)
                .count();
            budget = budget.saturating_sub(len + 1);
            compared += len + 1;
            len
        } else {
            0
        };
        if (i..i + len).filter(|&j| lines[j].text.len() >= COPIED_PARAGRAPH).count() >= COPIED_RUN {
            keep[i..i + len].fill(false);
            i += len;
        } else {
            i += 1;
        }
    }
    (keep, compared)
}

/// Where the story ends among its container's lines: at a heading that opens a list
/// of other stories ("Related posts", "Read this next", "Latest news") once most of
/// the container's prose has been read. A heading is a line of its own, short, with
/// no sentence in it; the prose after it is other pages' teasers.
fn story_end(lines: &[Line]) -> usize {
    let total = good_bytes(lines);
    // How often each such heading stands on the page: a label that cards repeat
    // ("most popular") opens nothing. (Counted once: a page may hold thousands.)
    // "More on Foetus" and "More on Goblin Band" under each of a list's items are one
    // label: counted by their shared opening.
    let endings: Vec<Option<Ending>> = lines.iter().map(|l| ending(&l.text)).collect();
    let mut seen: crate::hashing::FastMap<&str, usize> = Default::default();
    for (l, _) in lines.iter().zip(&endings).filter(|(_, e)| e.is_some()) {
        *seen.entry(label(&l.text)).or_default() += 1;
    }
    if seen.is_empty() {
        return lines.len();
    }
    // What follows each line, summed from the end once.
    let mut after = vec![Rest::default(); lines.len() + 1];
    let mut run = 0;
    for i in (0..lines.len()).rev() {
        let (l, r) = (&lines[i], after[i + 1]);
        let good = l.is_good();
        run = if good { run + 1 } else { 0 };
        after[i] = Rest {
            bytes: r.bytes + l.text.len(),
            links: r.links + l.link,
            lines: r.lines + 1,
            linked: r.linked + usize::from(l.density() > 0.5),
            paragraphs: r.paragraphs.max(run),
            prose: r.prose + if good { l.text.len() } else { 0 },
            other: r.other + usize::from(!good),
        };
    }
    let mut read = 0;
    for (i, l) in lines.iter().enumerate() {
        if l.is_good() {
            read += l.text.len();
        }
        let heading = l.text.trim_start().starts_with(char::is_uppercase) && seen.get(label(&l.text)) == Some(&1);
        let opens = |kind| heading && endings[i] == Some(kind);
        // What follows is other pages' teasers: mostly links, once most of the prose is
        // read; or cards that each lead with a linked title (then a date, an excerpt),
        // once more is read than their excerpts hold or a story of its own is (a long
        // column of cards outweighs any story). (Not a box of links set into the
        // story, whose paragraphs then resume: a card holds one excerpt.)
        let r = after[i + 1];
        let card_next = lines.get(i + 1).is_some_and(|l| l.density() > 0.5);
        let links_follow = r.links * 3 >= r.bytes && read * 2 >= total;
        let cards_follow =
            card_next && r.linked >= 3 && r.linked * 4 >= r.lines && r.paragraphs < 3 && (read >= r.prose || read >= OWN_STORY);
        // Or teasers without links (a script opens them): titles and dates between one
        // excerpt and the next, never a run of paragraphs, once half the prose is read.
        let teasers_follow = read * 2 >= total && r.paragraphs < 3 && r.other >= 3;
        if opens(Ending::OtherStories) && (links_follow || cards_follow || teasers_follow) {
            return i;
        }
        // The story's sources and notes, once most of it is read: a list of works, not
        // its text (and their years would read as its events).
        if opens(Ending::Endnotes) && read * 2 >= total && l.tag.starts_with('h') {
            return i;
        }
        // A note on its author, once most of it is read: a name, a title, a paragraph or
        // two of biography; not the story going on under a misplaced label.
        if opens(Ending::AboutAuthor) && read * 2 >= total && r.paragraphs < 3 {
            return i;
        }
    }
    lines.len()
}

/// What follows a line of the story's container, to the end.
#[derive(Debug, Clone, Copy, Default)]
struct Rest {
    /// Text bytes, and those inside links.
    bytes: usize,
    links: usize,
    /// Lines, and lines that are mostly a link.
    lines: usize,
    linked: usize,
    /// The longest run of prose lines with nothing between them.
    paragraphs: usize,
    /// Bytes of prose.
    prose: usize,
    /// Lines that are not prose (a teaser's title, a date).
    other: usize,
}

/// Headings that open the story's sources or notes.
const ENDNOTES: &[&str] = &[
    "references",
    "sources",
    "article sources",
    "sources and references",
    "footnotes",
    "notes",
    "endnotes",
    "bibliography",
    "works cited",
    "citations",
    "acknowledgments",
    "acknowledgements",
];

/// Headings that open a note on the story's author.
const ABOUT_AUTHOR: &[&str] = &[
    "about the author",
    "about the authors",
    "about the writer",
    "about the contributor",
    "about the contributors",
    "the author",
    "meet the author",
    "author bio",
    "written by",
];

/// What a heading that can end a story opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// A list of other stories ("Related posts", "More from Reuters").
    OtherStories,
    /// The story's sources or notes ("References").
    Endnotes,
    /// A note on its author ("About the Author").
    AboutAuthor,
}

/// Which ending a line would open as a heading, by its words lower-cased without a
/// closing colon, stop or exclamation mark ("Related posts:" → "related posts"). Short
/// lines only, measured before any copy: this is asked of every line of the page.
fn ending(line: &str) -> Option<Ending> {
    let t = line.trim().trim_end_matches([':', '.', '!']).trim();
    if t.len() > 40 {
        return None;
    }
    let t = t.to_lowercase();
    let listed = |headings: &[&str]| t.len() <= 30 && headings.contains(&t.as_str());
    if OTHER_STORIES.iter().any(|h| named_after(&t, h)) || MORE.iter().any(|m| t.starts_with(m)) || names_other_stories(&t) {
        Some(Ending::OtherStories)
    } else if listed(ENDNOTES) {
        Some(Ending::Endnotes)
    } else if listed(ABOUT_AUTHOR) {
        Some(Ending::AboutAuthor)
    } else {
        None
    }
}

/// Words that, together, say a heading opens other stories: which ones ("related",
/// "recent") and what they are ("articles", "posts"), in a short heading: "Other
/// articles you may find interesting", "Related articles that may interest you",
/// "Recent Blogs".
const WHICH_STORIES: &[&str] =
    &["related", "recent", "other", "more", "popular", "recommended", "recommend", "latest", "similar", "trending", "further"];
const STORIES: &[&str] = &["articles", "posts", "stories", "blogs", "reads", "guides"];

/// Does a short heading (lower-cased) name other stories by its words?
fn names_other_stories(heading: &str) -> bool {
    let words: Vec<&str> = heading.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.len() <= 8 && words.iter().any(|w| WHICH_STORIES.contains(w)) && words.iter().any(|w| STORIES.contains(w))
}

/// Is `heading` the label `label`, or that label saying where its stories are from
/// ("Recent posts on blogs I like", "Related articles from our network")?
fn named_after(heading: &str, label: &str) -> bool {
    const FROM: &[&str] = &["on", "from", "in", "at", "across", "around"];
    heading == label
        || heading
            .strip_prefix(label)
            .and_then(|rest| rest.strip_prefix(' '))
            .is_some_and(|rest| rest.split_once(' ').is_some_and(|(word, _)| FROM.contains(&word)))
}

/// Headings that open a list of other stories.
const OTHER_STORIES: &[&str] = &[
    "related",
    "related posts",
    "related articles",
    "related stories",
    "related content",
    "related news",
    "related reading",
    "you may also like",
    "you might also like",
    "you may also be interested in",
    "read next",
    "read this next",
    "what to read next",
    "up next",
    "more stories",
    "more articles",
    "more news",
    "latest news",
    "also in the news",
    "latest posts",
    "latest articles",
    "latest stories",
    "recent posts",
    "recent articles",
    "recent news",
    "popular posts",
    "popular articles",
    "most popular",
    "most read",
    "trending now",
    "recommended for you",
    "recommended reading",
    "keep reading",
    "more like this",
];

/// Headings of other stories that name what they are more of ("More from Reuters").
const MORE: [&str; 3] = ["more from ", "more in ", "more on "];

/// What a heading of other stories or notes is counted as: its text, or for "More on
/// X" its opening (one key whatever its case), so that a label repeated with a
/// different name is seen repeated.
fn label(line: &str) -> &str {
    let t = line.trim();
    MORE.iter().find(|m| t.get(..m.len()).is_some_and(|p| p.eq_ignore_ascii_case(m))).copied().unwrap_or(line)
}

/// A page with no story of its own whose main region holds far more text than the
/// little prose found: a listing, a shop's grid, a table of results. Its text is that
/// region's, furniture left out: what a reader of the page reads there.
fn listing(root: NodeRef<'_, Node>, story: Option<NodeRef<'_, Node>>) -> Option<String> {
    let main = root
        .descendants()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "main" || e.attr("role") == Some("main")))
        .unwrap_or(root);
    let text = |n| lines(n, Furniture::Attributes, &Wrappers::default()).into_iter().filter(|l| !l.is_placeholder()).collect::<Vec<_>>();
    let all = text(main);
    let bytes: usize = all.iter().map(|l| l.text.len()).sum();
    let own: usize = story.map_or(0, |n| text(n).iter().map(|l| l.text.len()).sum());
    (bytes >= LISTING_TIMES * own.max(LISTING_FLOOR)).then(|| all.into_iter().map(|l| l.text).collect::<Vec<_>>().join("\n"))
}

/// A listing's main region holds this many times the text of the little story found
/// (and of this many bytes at least, where none was): else that story is the page's.
const LISTING_TIMES: usize = 3;
const LISTING_FLOOR: usize = 200;

/// Good text, in bytes, that makes a story of its own: a few paragraphs.
const OWN_STORY: usize = 1500;

/// What a walk leaves out as page furniture: the elements it judges by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Furniture {
    /// Chrome tags (nav, footer, script…), and elements whose role, `hidden` or class
    /// words say furniture.
    Attributes,
    /// Chrome tags only: class words are a guess, and a theme may call its whole page
    /// "ehf-footer".
    Tags,
    /// Chrome tags and readers' comments.
    TagsAndComments,
}

/// The page's visible text, one line per block, furniture left out (a feed item's
/// HTML, or a page whose story could not be told apart).
pub fn all_text(root: NodeRef<'_, Node>) -> String {
    page_lines(root, Lines::Story).join("\n")
}

/// Which of a page's lines [`page_lines`] gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// Furniture left out, by tag and by class words.
    Story,
    /// Only chrome tags left out (navigation, header, footer, scripts): with the
    /// blocks that class words call furniture, where bylines and datelines live
    /// ("entry-meta", "post-author").
    WithFurniture,
}

/// The page's visible lines, one per block.
pub fn page_lines(root: NodeRef<'_, Node>, which: Lines) -> Vec<String> {
    let furniture = match which {
        Lines::Story => Furniture::Attributes,
        Lines::WithFurniture => Furniture::Tags,
    };
    lines(root, furniture, &Wrappers::default()).into_iter().map(|l| l.text).collect()
}

/// One line of text as a block shows it.
struct Line {
    text: String,
    /// Bytes of the line inside `<a>`.
    link: usize,
    /// The innermost block element's tag.
    tag: &'static str,
}

impl Line {
    fn density(&self) -> f32 {
        self.link as f32 / self.text.len().max(1) as f32
    }

    /// Reads like prose: a sentence or more, not a list of links, nor a template's
    /// placeholder.
    fn is_good(&self) -> bool {
        if self.is_placeholder() {
            return false;
        }
        let n = self.text.len();
        let d = self.density();
        let sentence = self.text.contains(". ") || self.text.ends_with(['.', '!', '?', '"', '”', ':']);
        d < 0.35 && (n >= 120 || n >= 50 && sentence && matches!(self.tag, "p" | "li" | "blockquote" | "dd" | "td" | "div" | "pre"))
    }

    /// A cell of a table of data ("Certificate | Certification"): the story's own
    /// words though short, so no charge against its container. (A layout's cells of
    /// links are charged as ever.)
    fn is_data_cell(&self) -> bool {
        matches!(self.tag, "td" | "th") && self.density() < 0.5
    }

    /// Before the story's first paragraph, a short line that is no heading, list item,
    /// table cell, code or sentence: a byline's or a meta line's ("Emmanuel John",
    /// "Dec 18, 2025 ⋅ 10 min read", "#ai", "• SPONSORED •").
    fn is_byline(&self) -> bool {
        let t = self.text.trim_end();
        t.len() < 80
            && !self.tag.starts_with('h')
            && !matches!(self.tag, "td" | "th" | "li" | "dd" | "dt" | "pre")
            && !t.ends_with(['.', '?', '!', ':'])
    }

    /// Inside the story's container, still not the story: a run of links ("Related:
    /// A · B · C", "Share on X").
    fn is_boilerplate(&self) -> bool {
        self.density() > 0.6 && !self.tag.starts_with('h') || self.is_placeholder() || self.is_copyright()
    }

    /// A copyright notice ("© 2025 WABC-TV. All Rights Reserved.", "Copyright 2023
    /// Scripps Media, Inc."), the site's or a wire's, set under a story or in its
    /// pictures' credits: never the story's words, and its years are no events. Short,
    /// and not a heading: a story about copyright names it in its own sentences.
    fn is_copyright(&self) -> bool {
        let t = self.text.trim();
        if t.len() > COPYRIGHT || self.tag.starts_with('h') {
            return false;
        }
        let lower = t.to_lowercase();
        let notice = lower.strip_prefix("copyright").is_some_and(|r| r.trim_start().starts_with(|c: char| c == '©' || c.is_ascii_digit()));
        t.contains('©') || notice || lower.contains("all rights reserved")
    }

    /// A template's filler that a page left in ("Lorem ipsum dolor sit amet…",
    /// a heading "Lorem Ipsum"), shown by no reader or hidden by a script.
    fn is_placeholder(&self) -> bool {
        let t = self.text.trim_start();
        t.get(..11).is_some_and(|p| p.eq_ignore_ascii_case("lorem ipsum"))
    }
}

#[derive(Clone, Copy, Default)]
struct Pick {
    node: Option<NodeId>,
    /// Good-line bytes in the container.
    good: usize,
}

/// A copyright notice is a line or two at most.
const COPYRIGHT: usize = 300;

/// Elements exempt from their class words (a set: a hostile page nests wrappers
/// 100,000 deep).
type Wrappers = crate::hashing::FastSet<NodeId>;

/// Per open element: the text credited to it so far.
struct Frame {
    id: NodeId,
    good: usize,
    other: usize,
    marked: bool,
    /// Its role, `hidden` or class words call it furniture.
    by_attributes: bool,
}

/// The element with the most good text net of a charge for its other text; and, in a
/// walk that does not judge by class words, the elements whose class words call them
/// furniture but that hold half the walk's good text or more: a layout's wrappers of
/// the story.
fn best_container(root: NodeRef<'_, Node>, furniture: Furniture, exempt: &Wrappers) -> (Pick, Wrappers) {
    // Half a byte of other text costs as much as a byte of prose gains: the story
    // with its headings and captions beats the story alone, and loses to nothing
    // that adds mainly menus.
    const CHARGE: f32 = 0.5;
    let mut best = Pick::default();
    let mut best_score = 0.0f32;
    let mut frames: Vec<Frame> = Vec::new();
    // The page's own story containers (<article>, <main>, articleBody), closed ones.
    let mut marked: Vec<Pick> = Vec::new();
    let mut furniture_good: Vec<(NodeId, usize)> = Vec::new();
    let mut total_good = 0;
    walk(root, furniture, exempt, &Wrappers::default(), |step| match step {
        Step::Open(id, e) => frames.push(Frame {
            id,
            good: 0,
            other: 0,
            marked: is_marked(e),
            by_attributes: furniture != Furniture::Attributes && is_furniture(e, Furniture::Attributes) && !has_class_word(e, NEVER_WRAPS),
        }),
        Step::Line(l) => {
            if let Some(f) = frames.last_mut() {
                if l.is_good() {
                    f.good += l.text.len();
                    total_good += l.text.len();
                } else if !l.is_data_cell() {
                    f.other += l.text.len();
                }
            }
        }
        Step::Close => {
            let Some(f) = frames.pop() else { return };
            let mut score = f.good as f32 - CHARGE * f.other as f32;
            if f.marked {
                score *= 1.1;
            }
            if f.good > 0 && score > best_score {
                best_score = score;
                best = Pick { node: Some(f.id), good: f.good };
            }
            if f.marked {
                marked.push(Pick { node: Some(f.id), good: f.good });
            }
            if f.by_attributes && f.good > 0 {
                furniture_good.push((f.id, f.good));
            }
            if let Some(p) = frames.last_mut() {
                p.good += f.good;
                p.other += f.other;
            }
        }
    });
    // A part of the story won over the whole (its tables or code charged the rest):
    // the nearest of the page's own story containers that holds it with half as much
    // prose again is the story. (Marked containers close inner ones first.)
    let inside = |outer: NodeId, inner: NodeId| root.tree().get(inner).is_some_and(|n| n.ancestors().any(|a| a.id() == outer));
    if let Some(node) = best.node
        && let Some(whole) = marked.iter().find(|m| m.node.is_some_and(|o| inside(o, node)) && m.good * 2 >= best.good * 3)
    {
        best = *whole;
    }
    let wrappers = furniture_good.into_iter().filter(|&(_, good)| good * 2 >= total_good).map(|(id, _)| id).collect();
    (best, wrappers)
}

/// The lines under `root`, furniture left out.
fn lines(root: NodeRef<'_, Node>, furniture: Furniture, exempt: &Wrappers) -> Vec<Line> {
    lines_without(root, furniture, exempt, &Wrappers::default())
}

/// [`lines`], the elements `cut` left out too.
fn lines_without(root: NodeRef<'_, Node>, furniture: Furniture, exempt: &Wrappers, cut: &Wrappers) -> Vec<Line> {
    let mut out = Vec::new();
    walk(root, furniture, exempt, cut, |step| {
        if let Step::Line(l) = step {
            out.push(l);
        }
    });
    out
}

/// What a walk over the page meets, in document order.
enum Step<'a> {
    /// An element outside furniture opens.
    Open(NodeId, &'a Element),
    /// A line of text ends, inside the innermost open element.
    Line(Line),
    /// The element last opened closes.
    Close,
}

/// Walks the tree under `root` without recursion, furniture left out, and tells
/// `visit` each element and each line. The root is never furniture: once chosen
/// as the story's container, its own class words do not hide it.
fn walk<'a>(root: NodeRef<'a, Node>, furniture: Furniture, exempt: &Wrappers, cut: &Wrappers, mut visit: impl FnMut(Step<'a>)) {
    let mut skip = 0usize;
    let mut builder = LineBuilder::default();
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let left_out = || {
                        cut.contains(&node.id())
                            || is_permalink(node, e)
                            || (is_furniture(e, furniture) || furniture == Furniture::Attributes && hidden_aside(node, e))
                                && !exempt.contains(&node.id())
                    };
                    if skip > 0 || node.id() != root.id() && left_out() {
                        skip += 1;
                        continue;
                    }
                    if is_block(e.name())
                        && let Some(l) = builder.flush(builder.tag())
                    {
                        visit(Step::Line(l));
                    }
                    builder.open(e);
                    visit(Step::Open(node.id(), e));
                }
                Node::Text(t) if skip == 0 => builder.push(t),
                _ => {}
            },
            Edge::Close(node) => {
                let Node::Element(e) = node.value() else { continue };
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                if is_block(e.name())
                    && let Some(l) = builder.flush(builder.tag())
                {
                    visit(Step::Line(l));
                }
                builder.close(e);
                visit(Step::Close);
            }
        }
    }
    // Text outside any element (a fragment's root).
    if let Some(l) = builder.flush("div") {
        visit(Step::Line(l));
    }
}

/// Builds lines from text nodes: whitespace collapsed, link bytes counted, the
/// innermost block's tag kept.
#[derive(Default)]
struct LineBuilder {
    line: String,
    link: usize,
    in_link: usize,
    blocks: Vec<&'static str>,
}

impl LineBuilder {
    fn open(&mut self, e: &Element) {
        if e.name() == "a" {
            self.in_link += 1;
        }
        if is_block(e.name()) {
            self.blocks.push(block_tag(e.name()));
        }
    }

    fn close(&mut self, e: &Element) {
        if e.name() == "a" {
            self.in_link = self.in_link.saturating_sub(1);
        }
        if is_block(e.name()) {
            self.blocks.pop();
        }
    }

    fn tag(&self) -> &'static str {
        self.blocks.last().copied().unwrap_or("div")
    }

    fn push(&mut self, t: &str) {
        for (i, piece) in t.split(char::is_whitespace).enumerate() {
            if i > 0 && !self.line.is_empty() && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            self.line.push_str(piece);
            if self.in_link > 0 {
                self.link += piece.len();
            }
        }
    }

    /// The line so far, if it holds any text; `tag` is the block it ends in.
    fn flush(&mut self, tag: &'static str) -> Option<Line> {
        let t = self.line.trim();
        let line = (!t.is_empty()).then(|| Line { text: t.to_string(), link: self.link.min(t.len()), tag });
        self.line.clear();
        self.link = 0;
        line
    }
}

/// The block tags, by the name a line keeps ("p", "li", "h2", "div", …).
fn block_tag(name: &str) -> &'static str {
    BLOCKS.iter().find(|b| **b == name).copied().unwrap_or("div")
}

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "address",
    "hr",
    "br",
    "body",
];

fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
}

/// Where publishers say the story is.
fn is_marked(e: &Element) -> bool {
    matches!(e.name(), "article" | "main") || e.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
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
            | "figcaption"
    )
}

/// Class or id words that mark page furniture rather than the story: a layout's
/// parts, which a theme may also name the story's wrapper after, and `NEVER_WRAPS`.
const FURNITURE: &[&str] = &[
    "banner",
    "share",
    "sharing",
    "social",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "navbar",
    "nav",
    "menu",
    "masthead",
    "footer",
    "skip",
    "tags",
    "byline",
    "caption",
    // A note on the author ("author-bio"): about the writer, not the story.
    "bio",
    // A forum post's panel on its poster (joined, messages, location): XenForo's,
    // phpBB's, vBulletin's, Invision's.
    "userinfo",
    "userextras",
    "userstats",
    "postprofile",
    "authorstats",
    // A poster's signature under each of their posts.
    "signature",
];

/// Class words that name the story's own container: "post-content", "entry-body".
const STORY: &[&str] = &["content", "article", "entry", "story", "body", "main", "post", "text"];

fn is_furniture(e: &Element, furniture: Furniture) -> bool {
    // A form is most often a search box or a sign-up; but some frameworks (ASP.NET
    // WebForms) wrap the whole page in one. When the first reading found next to no
    // story and the tags alone are trusted, a form's text counts like any other.
    if is_chrome_tag(e.name()) && !(e.name() == "form" && furniture == Furniture::Tags) {
        return true;
    }
    // A dialog (a consent banner, a sign-up overlay) is never a page's text, whichever
    // words are trusted: it says what it is in its role, not in a guessable class.
    if matches!(e.attr("role"), Some("dialog" | "alertdialog")) || e.attr("aria-modal") == Some("true") {
        return true;
    }
    match furniture {
        Furniture::Tags => return false,
        // A long comment thread is prose, and would win the page from its story.
        Furniture::TagsAndComments => return !matches!(e.name(), "body" | "html" | "main" | "article") && has_class_word(e, COMMENTS),
        Furniture::Attributes => {}
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(e.attr("role"), Some("navigation" | "banner" | "contentinfo" | "complementary")) {
        return true;
    }
    // Nor are an inline span's class words: a highlighter's "hljs-comment" or
    // "token comment" is a line of the code it colours.
    if matches!(e.name(), "body" | "html" | "main" | "article" | "span" | "code") {
        return false;
    }
    has_class_word(e, FURNITURE) || has_class_word(e, NEVER_WRAPS)
}

/// Does a class or id token of `e` have a part among `words` ("related-posts",
/// "comment_list"), and no part that names the story ("post-content")?
/// Text, in bytes, and elements that an element an inline style hides holds at most
/// to be left out.
const HIDDEN_ASIDE: usize = 400;
const HIDDEN_ASIDE_NODES: usize = 200;

/// An element that an inline style hides ("display:none") and that holds little: a
/// slideshow's other captions, a closed menu, a pop-over. Not a hidden panel of prose:
/// a tab's or a "read more" text is the reader's a click away (and a page that hides
/// its whole story until a script shows it is read by the walk by tags).
fn hidden_aside(node: NodeRef<'_, Node>, e: &Element) -> bool {
    e.attr("style").is_some_and(hides) && holds_little(node, HIDDEN_ASIDE, HIDDEN_ASIDE_NODES)
}

/// A heading's permalink: a link to its own anchor shown as a sign ("Quickstart¶",
/// "§Examples", "Debug Mode#"), a widget beside the words, not one of them.
pub(super) fn is_permalink(node: NodeRef<'_, Node>, e: &Element) -> bool {
    if e.name() != "a" || !e.attr("href").is_some_and(|h| h.starts_with('#')) || !holds_little(node, 8, 4) {
        return false;
    }
    let text: String = node.descendants().filter_map(|d| d.value().as_text().map(|t| t.to_string())).collect();
    let sign = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{200b}');
    matches!(sign, "¶" | "§" | "#" | "🔗")
}

/// Does `node` hold at most `bytes` of text in at most `nodes` elements and texts?
/// Bounded: the boxes asked about are small, and hostile pages nest 100,000 deep.
fn holds_little(node: NodeRef<'_, Node>, bytes: usize, nodes: usize) -> bool {
    let mut held = 0;
    for (n, d) in node.descendants().enumerate() {
        if n > nodes {
            return false;
        }
        if let Node::Text(t) = d.value() {
            held += t.trim().len();
            if held > bytes {
                return false;
            }
        }
    }
    true
}

/// Does an inline style hide its element ("display:none", "display: none !important")?
fn hides(style: &str) -> bool {
    style.split(';').any(|d| {
        let mut kv = d.splitn(2, ':');
        let (k, v) = (kv.next().unwrap_or("").trim(), kv.next().unwrap_or("").trim());
        k.eq_ignore_ascii_case("display") && v.get(..4).is_some_and(|v| v.eq_ignore_ascii_case("none"))
    })
}

fn has_class_word(e: &Element, words: &[&str]) -> bool {
    e.attr("class").into_iter().chain(e.attr("id")).flat_map(str::split_whitespace).any(|token| {
        let parts = || token.split(['-', '_']).filter(|p| !p.is_empty());
        let lower = |p: &str| p.to_ascii_lowercase();
        parts().any(|p| words.contains(&lower(p).as_str())) && !parts().any(|p| STORY.contains(&lower(p).as_str()))
    })
}

/// Class or id words of blocks that are never a layout's wrapper of the story,
/// however much prose they hold: a consent dialog, readers' comments, others' stories.
const NEVER_WRAPS: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "comment",
    "comments",
    "disqus",
    "related",
    "recommended",
    "trending",
    "newsletter",
    "subscribe",
    "subscription",
    "paywall",
    "popup",
    "modal",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsored",
    "outbrain",
    "taboola",
];

/// Class or id words of readers' comments.
const COMMENTS: &[&str] = &["comment", "comments", "commentlist", "disqus"];

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn story_of(html: &str) -> String {
        story(Html::parse_document(html).tree.root()).0
    }

    /// A paragraph of a story, and `n` of them as the story's markup.
    const PARA: &str = "The plant opened in June after two years of building, and it employs three hundred people from the town.";
    fn paragraphs(n: usize) -> String {
        (0..n).map(|_| format!("<p>{PARA}</p>")).collect()
    }

    #[test]
    fn a_forum_posts_panel_on_its_poster_and_signature_are_left_out() {
        let post = |i: usize| {
            format!(
                r#"<article class="message"><div class="message-user"><h4>poster{i}</h4><div class="message-userExtras"><dl><dt>Joined</dt><dd>Mar 3, 2019</dd><dt>Messages</dt><dd>1,204</dd></dl></div></div>
                <div class="message-content"><p>I drove over that bridge every day for twenty years and never once thought it was unsafe, which worries me now.</p>
                <div class="message-signature">Sent from my phone since 2012</div></div></article>"#
            )
        };
        let page = format!(r#"<body><div class="thread">{}</div></body>"#, (0..6).map(post).collect::<String>());
        let s = story_of(&page);
        assert!(
            s.contains("I drove over") && !s.contains("Joined") && !s.contains("2019") && !s.contains("1,204") && !s.contains("Sent from"),
            "{s}"
        );
    }

    #[test]
    fn readers_comments_do_not_join_a_story_but_are_a_discussion_page() {
        let para = "The council voted on Tuesday to close the old bridge to traffic, citing a report that found the steel corroded badly.";
        let reply = "I drove over that bridge every day for twenty years and never once thought it was unsafe, which worries me now.";
        let comments =
            |n: usize| (0..n).map(|i| format!(r#"<li class="comment" id="comment-{i}"><p>{reply}</p></li>"#)).collect::<String>();
        let story = std::iter::repeat_n(format!("<p>{para}</p>"), 14).collect::<String>();
        let page = format!(
            r#"<body><div class="entry">{story}</div><div id="comments" class="comments-wrapper"><ol>{}</ol></div></body>"#,
            comments(50)
        );
        let text = story_of(&page);
        assert!(text.contains("close the old bridge") && !text.contains("I drove over"), "{text}");
        // A discussion whose opening post is a line: the replies are the page's text.
        let page = format!(
            r#"<body><div class="post"><p>Is the old bridge safe to drive over?</p></div><div class="comments"><ol>{}</ol></div></body>"#,
            comments(20)
        );
        assert!(story_of(&page).contains("I drove over"));
    }

    #[test]
    fn a_listing_gives_its_main_regions_text_and_is_no_story() {
        let intro = "<p>Our collection of trail shoes has something for every runner and every trail.</p>";
        let cards: String = (0..30)
            .map(|i| format!(r#"<li><a href="/p/{i}">Trail shoe model {i}</a><span>$1{i}9.95</span><span>4.{i} stars</span></li>"#))
            .collect();
        let page = format!(r#"<body><nav><a href="/">Home</a></nav><main><h1>Trail shoes</h1>{intro}<ul>{cards}</ul></main></body>"#);
        let (text, is_story) = story(Html::parse_document(&page).tree.root());
        assert!(!is_story && text.contains("Trail shoe model 29") && text.contains("$1299.95") && !text.contains("Home"), "{text}");
        // A story with a few cards beside it stays a story, without them.
        let para = "<p>The council voted on Tuesday to close the old bridge to traffic, citing a report that found the steel corroded.</p>";
        let page = format!(r#"<body><main><article>{}</article><ul>{cards}</ul></main></body>"#, para.repeat(15));
        let (text, is_story) = story(Html::parse_document(&page).tree.root());
        assert!(is_story && !text.contains("Trail shoe"), "{text}");
    }

    #[test]
    fn a_dialog_is_never_the_pages_text() {
        let para = "The council voted on Tuesday to close the old bridge to traffic, citing a report that found the steel corroded badly.";
        let consent = "We use cookies and similar technologies to provide important features and functionality on our websites and apps, \
                       to measure how they are used and to show you advertising that is relevant to you.";
        let story = std::iter::repeat_n(format!("<p>{para}</p>"), 6).collect::<String>();
        // A theme that calls its whole page a footer: only the tags are trusted, and
        // the consent banner, which says it is a dialog, still stays out.
        let page = format!(
            r#"<body><div class="ehf-footer">{story}</div><section role="dialog" aria-label="Consent"><p>{consent}</p><p>{consent}</p></section>
               <div aria-modal="true"><p>Enter your email for 15% off your first order, plus the latest news from our store.</p></div></body>"#
        );
        let text = story_of(&page);
        assert!(text.contains("close the old bridge"), "{text}");
        assert!(!text.contains("We use cookies") && !text.contains("Enter your email"), "{text}");
    }

    #[test]
    fn the_story_ends_where_a_list_of_other_stories_begins() {
        let para = "The council voted on Tuesday to close the old bridge to traffic, citing a report that found the steel corroded.";
        let teaser = "A teaser for another story on this site, to draw a reader in.";
        let story = std::iter::repeat_n(format!("<p>{para}</p>"), 5).collect::<String>();
        let teasers = (0..4)
            .map(|i| {
                format!(r#"<h3><a href="/s/{i}">Other headline {i}: the mayor answers the council on the bridge</a></h3><p>{teaser}</p>"#)
            })
            .collect::<String>();
        for heading in ["Related Posts", "More Like This", "Recent posts on blogs I like", "Other articles you may find interesting"] {
            let s = story_of(&format!(r#"<body><div class="entry">{story}<h2>{heading}</h2>{teasers}</div></body>"#));
            assert!(s.contains("The council voted") && !s.contains(heading) && !s.contains("teaser"), "{s}");
        }
        // Not a heading the story itself goes on under, with prose, not links, after it;
        // nor a label that cards repeat.
        for heading in ["Most popular", "Latest news on the bridge"] {
            let s = story_of(&format!(r#"<body><div class="entry">{story}<h2>{heading}</h2><p>{para}</p></div></body>"#));
            assert!(s.contains(heading) && s.matches("The council voted").count() == 6, "{s}");
        }
        let cards =
            (0..3).map(|i| format!(r#"<div><span>most popular</span><p><a href="/c/{i}">Card {i}</a></p></div>"#)).collect::<String>();
        let s = story_of(&format!(r#"<body><div class="entry">{story}{cards}</div></body>"#));
        assert!(s.contains("most popular"), "{s}");
        // Teasers that a script opens, with no links: a title (a date) and an excerpt each.
        let unlinked = (0..4).map(|i| format!("<h4>Other headline {i}</h4><div>December 19, 2025</div><p>{para}</p>")).collect::<String>();
        let s = story_of(&format!(r#"<body><div class="entry">{story}<h2>Also in the news</h2>{unlinked}</div></body>"#));
        assert!(!s.contains("Also in the news") && !s.contains("Other headline") && s.matches("The council voted").count() == 5, "{s}");
        // "More on …" under each item of a list is a label, not the end of the list.
        let items = (0..4).map(|i| format!("<h3>Album {i}</h3><p>{para}</p><p>More on Band {i}</p>")).collect::<String>();
        let s = story_of(&format!(r#"<body><div class="entry">{items}</div></body>"#));
        assert!(s.contains("Album 3") && s.matches("The council voted").count() == 4, "{s}");
    }

    #[test]
    fn cards_of_other_stories_with_long_excerpts_end_the_story_but_a_box_set_into_it_does_not() {
        let para = "The council voted on Tuesday to close the old bridge to traffic, citing a report that found the steel corroded.";
        let excerpt = "Another story's opening paragraph, shown whole under its headline to draw a reader in: the mayor said the \
                       city would ask the state for help with the bridge, and the council's vote was only the start of a long fight.";
        let story = |from: usize| (from..from + 8).map(|i| format!("<p>{i}. {para}</p>")).collect::<String>();
        // Linked headline, date, excerpt: the excerpts outweigh the links.
        let cards = (0..4)
            .map(|i| {
                format!(r#"<div><h3><a href="/s/{i}">The mayor answers, part {i}</a></h3><p>March {i}, 2025</p><p>{excerpt}</p></div>"#)
            })
            .collect::<String>();
        let s = story_of(&format!(r#"<body><div class="entry">{}<h2>Latest News</h2>{cards}</div></body>"#, story(0)));
        assert!(s.contains("The council voted") && !s.contains("Latest News") && !s.contains("opening paragraph"), "{s}");
        // So do more cards than the story has paragraphs, once a story of its own is read.
        let cards = (0..20)
            .map(|i| {
                format!(r#"<div><h3><a href="/s/{i}">The mayor answers, part {i}</a></h3><p>March {i}, 2025</p><p>{excerpt}</p></div>"#)
            })
            .collect::<String>();
        let long = story(0) + &story(8);
        let s = story_of(&format!(r#"<body><div class="entry">{long}<h2>Read This Next</h2>{cards}</div></body>"#));
        assert!(s.matches("The council voted").count() == 16 && !s.contains("opening paragraph"), "{s}");
        // A box of links set into the story, whose paragraphs then go on.
        let links = (0..3).map(|i| format!(r#"<p><a href="/r/{i}">A related headline number {i}</a></p>"#)).collect::<String>();
        let s = story_of(&format!(r#"<body><div class="entry">{}<h2>Latest News</h2>{links}{}</div></body>"#, story(0), story(8)));
        assert_eq!(s.matches("The council voted").count(), 16, "{s}");
    }

    #[test]
    fn a_highlighted_codes_comments_are_part_of_it() {
        let para = "Version control is a critical part of a developer's toolkit, whatever the size of the project or the team.";
        let story: String = (0..6).map(|i| format!("<p>{para} Note {i}.</p>")).collect();
        let code = r#"<pre><code><span class="hljs-comment"># initialize the repository</span>
git init
<span class="token comment"># see what changed</span>
git status</code></pre>"#;
        let text = story_of(&format!("<body><h1>Git</h1><div class=\"entry\">{story}{code}</div></body>"));
        assert!(text.contains("# initialize the repository") && text.contains("# see what changed"), "{text}");
    }

    #[test]
    fn a_table_of_data_is_part_of_the_story() {
        let para = "Earning a certificate is a way to earn credits in a structured, discipline-specific way and to gain knowledge.";
        let rows: String = (0..6)
            .map(|i| {
                format!("<tr><td>Result of an educational process, step {i}</td><td>Result of an assessment process, step {i}</td></tr>")
            })
            .collect();
        let page = format!("<body><h1>Certificates</h1><div><p>{para}</p><p>Also: {para}</p><table>{rows}</table></div></body>");
        let text = story_of(&page);
        assert!(text.contains("Also: Earning") && text.contains("assessment process, step 5"), "{text}");
    }

    #[test]
    fn cards_set_in_the_storys_container_go_but_a_listings_and_a_threads_stay() {
        let para = "The council voted on Tuesday to close the old bridge to traffic, citing a report that found the steel corroded.";
        let story: String = (0..14).map(|i| format!("<p>{para} Part {i}.</p>")).collect();
        let card = |i: usize| {
            format!(
                r#"<article class="grid-item"><h3><a href="/news/{i}">Another story from the same site number {i}</a></h3>
                <span>March {i}, 2025</span><p>An excerpt of that other story, a sentence or two to draw a reader in.</p></article>"#
            )
        };
        let cards: String = (1..=4).map(card).collect();
        let page = format!(
            r#"<body><div class="layout"><div class="entry">{story}</div><div class="column"><h2>Latest</h2>{cards}</div></div></body>"#
        );
        let text = story_of(&page);
        assert!(text.contains("close the old bridge") && !text.contains("Another story") && !text.contains("An excerpt"), "{text}");
        // A listing is its cards.
        let text = story_of(&format!("<body><main><h1>Latest news</h1>{cards}</main></body>"));
        assert!(text.contains("Another story from the same site number 3"), "{text}");
        // A thread's posts are headed by their authors' names, not titles.
        let post = |i: usize| {
            format!(
                r#"<article class="message"><h4><a href="/members/{i}">Reader{i}</a></h4><p>Reply {i}: I drove over that bridge every day for twenty years and never once thought it was unsafe, which worries me now.</p></article>"#
            )
        };
        let posts: String = (1..=4).map(post).collect();
        let page = format!("<body><div class=\"thread\"><div class=\"op\">{story}</div>{posts}</div></body>");
        let text = story_of(&page);
        assert!((1..=4).all(|i| text.contains(&format!("Reply {i}:"))), "{text}");
    }

    #[test]
    fn a_story_the_page_holds_twice_is_read_once_but_a_step_repeated_under_tabs_stays() {
        let paras: Vec<String> = (0..5)
            .map(|i| {
                format!(
                    "<p>Paragraph {i} of the story: the council voted on Tuesday to close the old bridge, citing a report on its steel.</p>"
                )
            })
            .collect();
        let story = paras.concat();
        // One copy for wide screens, one for narrow ones, under one container.
        let s = story_of(&format!(
            r#"<body><article><div class="wide"><h2>The vote</h2>{story}</div><div class="narrow"><h2>The vote</h2>{story}</div></article></body>"#
        ));
        assert_eq!(s.matches("Paragraph 3 of the story").count(), 1, "{s}");
        assert_eq!(s.matches("The vote").count(), 1, "{s}");
        // Documentation: the same step under each language's tab, with its own code.
        let step = "In a new terminal window, run the following command to start the server and open a tunnel to your machine:";
        let tabs = ["python server.py", "node server.js", "go run server.go"]
            .iter()
            .map(|code| format!("<p>{step}</p><pre>{code}</pre>{}", paras[0]))
            .collect::<String>();
        let s = story_of(&format!(r#"<body><main>{story}{tabs}</main></body>"#));
        assert_eq!(s.matches("In a new terminal window").count(), 3, "{s}");
    }

    #[test]
    fn lines_repeated_many_times_are_compared_a_few_times_each() {
        // Unbounded, each line would be compared with every one before it.
        let n = 20_000;
        let lines: Vec<Line> = (0..n).map(|_| Line { text: "Reply".into(), link: 0, tag: "p" }).collect();
        let (keep, compared) = copies(&lines);
        assert!(keep.iter().all(|&k| k));
        assert!(compared <= 5 * n, "{compared} comparisons for {n} lines");
    }

    #[test]
    fn a_templates_placeholder_text_is_no_story() {
        let para = "The council voted on Tuesday to close the old bridge to traffic, citing a report that found the steel corroded.";
        let lorem =
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.";
        let filler = (0..6).map(|i| format!("<h3>Head Line {i}</h3><p>{lorem}</p>")).collect::<String>();
        let page =
            format!(r#"<body><div class="page"><section>{filler}</section><section><p>{para}</p><p>{para}</p></section></div></body>"#);
        let s = story_of(&page);
        assert!(s.contains("The council voted") && !s.contains("Lorem") && !s.contains("Head Line"), "{s}");
    }

    #[test]
    fn a_teaser_article_loses_to_the_whole_story() {
        let para = "The council voted on Tuesday to close the old bridge to traffic, citing a report that found the steel corroded.";
        let page = format!(
            r#"<body><article class="teaser"><p><a href="/other">Read more: a short teaser that links elsewhere and is not the story.</a></p></article>
            <div class="entry"><p>{para}</p><p>{para}</p><p>{para}</p><h2>What comes next</h2><p>{para}</p></div></body>"#
        );
        let s = story_of(&page);
        assert!(s.contains("What comes next"), "{s}");
        assert_eq!(s.matches("The council voted").count(), 4, "{s}");
        assert!(!s.contains("teaser"), "{s}");
    }

    #[test]
    fn a_theme_that_names_its_page_like_furniture_keeps_the_story() {
        let para = "Wearable devices and coaching platforms are among the biggest fitness trends this year, experts say.";
        let page = format!(r#"<body class="ehf-footer"><div class="post-content"><p>{para}</p><p>{para}</p></div></body>"#);
        assert!(story_of(&page).contains("Wearable devices"));
    }

    #[test]
    fn a_layout_wrapper_named_like_furniture_keeps_the_story_and_drops_the_furniture_inside_it() {
        let para = "Wearable devices and coaching platforms are among the biggest fitness trends this year, experts say.";
        let story = std::iter::repeat_n(format!("<p>{para}</p>"), 8).collect::<String>();
        let teaser = "Our weekly newsletter brings you the best of the week's stories, every Friday, with no spam at all.";
        let page = format!(
            r#"<body><div class="sidebar-container"><div class="newsletter-box"><p>{teaser}</p></div>
            <div class="lr-content">{story}</div></div></body>"#
        );
        let text = story_of(&page);
        assert!(text.contains("Wearable devices") && !text.contains("weekly newsletter"), "{text}");
    }

    #[test]
    fn link_lists_inside_the_story_are_dropped() {
        let page = format!(
            r#"<body><div><p>{PARA}</p><p>{PARA}</p><p><a href="/a">Other story one</a> <a href="/b">Other story two</a></p></div></body>"#
        );
        let s = story_of(&page);
        assert!(s.contains("The plant opened") && !s.contains("Other story"), "{s}");
    }

    #[test]
    fn a_story_starts_at_its_first_paragraph_but_keeps_headings_lists_and_tables_before_it() {
        let story = paragraphs(16);
        let front = r#"<div>Ann Lee</div><div>Dec 18, 2025 · 10 min read</div><a href="/t/ai">#ai</a>
            <h2>Schedule</h2><table><tr><td>September 10</td><td>Room 217</td></tr></table><ul><li>Bring a mat</li></ul>"#;
        let s = story_of(&format!(r#"<body><div class="post-content">{front}{story}</div></body>"#));
        assert!(s.starts_with("Schedule\nSeptember 10") && s.contains("Bring a mat\nThe plant opened"), "{s}");
        assert!(!s.contains("Ann Lee") && !s.contains("min read"), "{s}");
        // Below the story's first paragraph, a short line is the story's.
        let s = story_of(&format!(r#"<body><div class="post-content">{story}<div>Ann Lee</div>{story}</div></body>"#));
        assert!(s.contains("Ann Lee"), "{s}");
    }

    #[test]
    fn the_story_ends_at_a_note_on_its_author() {
        let story = paragraphs(8);
        let bio = "<div>About the Author</div><p>Jane Roe</p><p>Jane Roe is a contributing analyst who joined the site in 2019 and covers energy and industrials for it.</p>";
        let s = story_of(&format!(r#"<body><div class="post-content">{story}{bio}</div></body>"#));
        assert!(s.contains("The plant opened") && !s.contains("About the Author") && !s.contains("2019"), "{s}");
        // Not a label the story goes on under, in paragraphs.
        let s = story_of(&format!(r#"<body><div class="post-content">{story}{bio}{}</div></body>"#, paragraphs(3)));
        assert!(s.contains("2019") && s.matches("The plant opened").count() == 11, "{s}");
        // A box its theme names for the author's biography, headed or not, wherever it
        // stands; not the story a wrapper of that name holds.
        let card = r#"<div class="author-bio"><p>Jane Roe is a contributing analyst who joined the site in 2019 and covers energy and industrials for it.</p></div>"#;
        let more = "<p>Its second line starts in the spring, when the town expects two hundred more jobs at the plant.</p>";
        let s = story_of(&format!(r#"<body><div class="post-content">{story}{card}{more}</div></body>"#));
        assert!(s.matches("The plant opened").count() == 8 && s.contains("second line") && !s.contains("2019"), "{s}");
        let s = story_of(&format!(r#"<body><div class="bio-wrap">{story}</div></body>"#));
        assert!(s.matches("The plant opened").count() == 8, "{s}");
    }

    #[test]
    fn the_story_ends_at_its_references() {
        let story = paragraphs(8);
        let refs = "<h2>References</h2><ol><li>E. Lin, A. Kapravelos. Weaknesses in editor extensions. Symposium (2024).</li>\
            <li>S. Iyer. Security and trust in a marketplace (2025).</li></ol>";
        let s = story_of(&format!(r#"<body><div class="post-content">{story}{refs}</div></body>"#));
        assert!(s.contains("The plant opened") && !s.contains("Symposium") && !s.contains("References"), "{s}");
        // Not before most of the story is read: a section of its own.
        let s = story_of(&format!(r#"<body><div class="post-content"><p>{PARA}</p>{refs}{story}</div></body>"#));
        assert!(s.contains("Symposium"), "{s}");
    }

    #[test]
    fn a_small_element_a_style_hides_is_left_out_but_a_hidden_panel_of_prose_stays() {
        let slides = r#"<div class="gallery"><cite>Cars slide on the road on November 24.</cite><cite style="display: none">A plow heads up the hill on Sunday.</cite>
            <div style="color:red;display:none !important">Weather threatens holiday plans</div></div>"#;
        let panel = format!(
            r#"<div class="tab-pane" style="display:none">{}<p>The second shift starts in March, the company said in a statement to its workers.</p></div>"#,
            paragraphs(4)
        );
        let page = format!(r#"<body><div class="post-content">{slides}{}{panel}</div></body>"#, paragraphs(8));
        let s = story_of(&page);
        assert!(!s.contains("plow") && !s.contains("threatens") && s.contains("Cars slide"), "{s}");
        assert!(s.contains("second shift"), "{s}");
        // A style that shows its element hides nothing.
        let shown =
            format!(r#"<body><div class="post-content"><p style="display:block">Shown by its style.</p>{}</div></body>"#, paragraphs(8));
        assert!(story_of(&shown).contains("Shown by its style"));
    }

    #[test]
    fn a_headings_permalink_sign_is_no_word_of_it() {
        let page = format!(
            r##"<body><div class="document"><h2>Quickstart<a class="headerlink" href="#quickstart">¶</a></h2>{}<h3><a href="#examples">§</a>Examples</h3><p>See <a href="#fn1">1</a> and <a href="/x">#</a>.</p></div></body>"##,
            paragraphs(6)
        );
        let s = story_of(&page);
        assert!(s.contains("Quickstart\n") && s.contains("\nExamples") && !s.contains('¶') && !s.contains('§'), "{s}");
        // A note's number and a link elsewhere keep their words.
        assert!(s.contains("See 1 and #."), "{s}");
    }

    #[test]
    fn copyright_notices_are_no_part_of_the_story() {
        let page = format!(
            r#"<body><div class="post-content">{}<p>Photo: © 2013 Reuters</p><p>Copyright 2023 Scripps Media, Inc. All rights reserved. This material may not be published.</p>
            <p>™ &amp; (c) 2013 Cable News Network, a Time Warner Company. All Rights Reserved.</p>
            <h2>Copyright 1976: the law we still live by</h2><p>Copyright law protects a work from the moment it is fixed, the court said.</p></div></body>"#,
            paragraphs(8)
        );
        let s = story_of(&page);
        assert!(s.contains("The plant opened") && !s.contains("Reuters") && !s.contains("Scripps") && !s.contains("Cable News"), "{s}");
        // A heading or a sentence about copyright is the story's own.
        assert!(s.contains("Copyright 1976") && s.contains("Copyright law protects"), "{s}");
    }

    #[test]
    fn a_sign_up_box_in_the_story_is_left_out() {
        let story = paragraphs(16);
        let signup = r#"<div class="cta"><div><h3>Get the morning briefing</h3><p>Sign up by March 9 and get a free tote bag.</p></div>
            <form><input type="email" name="EMAIL" placeholder="Your email"><button>Subscribe</button></form>
            <div><div>Thanks for signing up!</div></div></div>"#;
        let page = format!(r#"<body><div class="post-content">{story}{signup}<p>{PARA}</p></div></body>"#);
        let s = story_of(&page);
        assert!(s.contains("The plant opened") && !s.contains("briefing") && !s.contains("March 9") && !s.contains("Thanks"), "{s}");
        // A field named for an e-mail in a box of the story's size takes no story with it.
        let page = format!(r#"<body><div class="post-content">{story}<input type="text" name="email"></div></body>"#);
        assert!(story_of(&page).contains("The plant opened"));
    }

    #[test]
    fn a_page_wrapped_in_a_form_is_read() {
        // ASP.NET WebForms, forum software: the whole page inside one <form>.
        let para = "The average cost of an electrician in the town is reported at between sixty and ninety dollars an hour.";
        let page =
            format!(r#"<body><form id="aspnetForm"><table><tr><td><div>{para}</div><div>{para}</div></td></tr></table></form></body>"#);
        assert!(story_of(&page).contains("average cost"));
        // Beside a story of its own, a form is a sign-up box, not text.
        let page = format!(
            r#"<body><div class="entry">{}</div><form><p>Sign up for our newsletter and get a free guide to hiring the best electrician in town.</p></form></body>"#,
            std::iter::repeat_n(format!("<p>{para}</p>"), 16).collect::<String>()
        );
        let s = story_of(&page);
        assert!(s.contains("average cost") && !s.contains("Sign up"), "{s}");
    }

    #[test]
    fn a_story_with_a_large_table_is_read_whole() {
        // The table's cells charge the whole story; a section without one would win.
        let para = "The new release passes more of the test suite than the last one, and the remaining failures are understood.";
        let cells = (0..300).map(|i| format!("<tr><td>test {i}</td><td>{}</td></tr>", i * 7)).collect::<String>();
        let page = format!(
            r#"<body><article><h2>Progress</h2><div class="sect"><p>{para}</p><table>{cells}</table><p>{para} Two left.</p></div>
            <div class="sect"><h3>How to help</h3><p>{para} Run the tests.</p><p>{para} Fix one.</p></div></article></body>"#
        );
        let s = story_of(&page);
        assert!(s.contains("Progress") && s.contains("How to help"), "{s}");
    }
}

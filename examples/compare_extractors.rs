//! Compares Newsline's HTML body extractor with dom_smoothie (a port of Mozilla's
//! readability.js) on the saved pages in `tests/data/html/`: for each page, how
//! many of the story's sentences each one keeps and how much page furniture it
//! lets through. Run: `cargo run --example compare_extractors`.

use std::path::Path;

/// (page, sentences of the story, furniture that must not appear)
const PAGES: &[(&str, &[&str], &[&str])] = &[
    (
        "news-site-og.html",
        &[
            "was delivered today to Singapore Airlines",
            "flown to Toulouse",
            "Trent 900 engines",
            "land in Sydney on October 25",
            "said Airbus President",
        ],
        &["cookies", "Business", "Share on", "Related stories", "Flew on it", "morning briefing", "All rights reserved"],
    ),
    (
        "jsonld-graph.html",
        &["for the first time on Monday", "A second A380 landed", "first flight in April 2005"],
        &["Most read", "Airport strike", "Advertisement", "Contact us"],
    ),
    (
        "plain-divs.html",
        &["at a ceremony at its plant in Everett", "7/8/07, was chosen", "first delivery, to All Nippon Airways"],
        &["Home | Archive", "the week in aviation", "1998-2007"],
    ),
];

fn score(text: &str, keep: &[&str], drop: &[&str]) -> (usize, usize) {
    (keep.iter().filter(|k| text.contains(*k)).count(), drop.iter().filter(|d| text.contains(*d)).count())
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/html");
    println!("{:<20} {:>22} {:>22}", "page", "newsline kept/leaked", "dom_smoothie kept/leaked");
    for (page, keep, drop) in PAGES {
        let html = std::fs::read_to_string(dir.join(page)).expect("test page");
        let ours = newsline::source::html::read(&html).text;
        let theirs = dom_smoothie::Readability::new(html.as_str(), None, None)
            .and_then(|mut r| r.parse())
            .map(|a| a.text_content.to_string())
            .unwrap_or_else(|e| format!("(failed: {e})"));
        let (ok, ol) = score(&ours, keep, drop);
        let (tk, tl) = score(&theirs, keep, drop);
        println!("{page:<20} {:>17}/{} {ol:>3} {:>17}/{} {tl:>3}", ok, keep.len(), tk, keep.len());
    }
    // Speed on the largest page, repeated.
    let html = std::fs::read_to_string(dir.join("news-site-og.html")).expect("test page");
    let t = std::time::Instant::now();
    for _ in 0..200 {
        std::hint::black_box(newsline::source::html::read(&html));
    }
    let ours = t.elapsed();
    let t = std::time::Instant::now();
    for _ in 0..200 {
        let _ = std::hint::black_box(dom_smoothie::Readability::new(html.as_str(), None, None).and_then(|mut r| r.parse()));
    }
    println!("200 parses of news-site-og.html: newsline {ours:?}, dom_smoothie {:?}", t.elapsed());
}

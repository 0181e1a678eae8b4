//! Every reader on real files from `tests/data/`: what the article's title,
//! date, link and text come out as, and that broken parts are reported by name.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use newsline::source::{self, Article};

fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(rel)
}

fn one(rel: &str) -> Article {
    let c = source::load_file(&data(rel)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(c.articles.len(), 1, "{rel}");
    c.articles.into_iter().next().unwrap()
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn html_with_open_graph_keeps_the_story_and_drops_the_page() {
    let a = one("html/news-site-og.html");
    // The visible headline, which <title> agrees with, not og:title's longer wording.
    assert_eq!(a.title, "First Airbus A380 delivered");
    assert_eq!(a.published, ymd(2007, 10, 15));
    assert_eq!(a.url.as_deref(), Some("https://skyledger.example/2007/10/15/first-a380-delivered"));
    for kept in ["was delivered today to Singapore Airlines", "Trent 900 engines", "land in Sydney on October 25", "said Airbus President"]
    {
        assert!(a.text.contains(kept), "missing {kept:?} in\n{}", a.text);
    }
    for dropped in ["cookies", "Business", "Share on", "Related stories", "Flew on it", "morning briefing", "All rights reserved", "1999"] {
        assert!(!a.text.contains(dropped), "kept {dropped:?} in\n{}", a.text);
    }
}

#[test]
fn html_with_json_ld_graph_and_no_article_element() {
    let a = one("html/jsonld-graph.html");
    assert_eq!(a.title, "A380 makes maiden flight to US");
    assert_eq!(a.published, ymd(2007, 3, 19));
    assert_eq!(a.url.as_deref(), Some("https://runwaypost.example/news/a380-maiden-us"));
    assert!(a.text.contains("landed in the United States for the first time on Monday"), "{}", a.text);
    assert!(a.text.contains("first flight in April 2005"));
    for dropped in ["Most read", "Airport strike", "Advertisement", "Contact us"] {
        assert!(!a.text.contains(dropped), "kept {dropped:?} in\n{}", a.text);
    }
}

#[test]
fn html_without_markup_hints_uses_title_and_date_meta() {
    let a = one("html/plain-divs.html");
    assert_eq!(a.title, "Boeing unveils new 787 Dreamliner");
    assert_eq!(a.published, ymd(2007, 7, 9));
    assert!(a.text.contains("at a ceremony at its plant in Everett"));
    assert!(!a.text.contains("Home | Archive"));
}

#[test]
fn html_of_only_scripts_is_an_article_with_no_text_and_a_warning() {
    let a = one("html/scripts-only.html");
    assert!(!a.text.contains("BT said"), "{}", a.text);
    assert!(a.warnings.iter().any(|w| w.contains("no article text")), "{:?}", a.warnings);
}

#[test]
fn rss_atom_and_json_feed_items_are_articles() {
    let rss = source::load_file(&data("feeds/a380.rss")).unwrap().articles;
    assert_eq!(rss.len(), 2);
    assert_eq!(rss[0].title, "First Airbus A380 delivered");
    assert_eq!(rss[0].published, ymd(2007, 10, 15));
    // content:encoded is preferred to the shorter description.
    assert!(rss[0].text.contains("18 months behind schedule"), "{}", rss[0].text);
    assert!(rss[1].text.contains("at 6:40 p.m. after a 12-hour flight"), "{}", rss[1].text);
    assert!(!rss[1].text.contains("<p>"));

    let atom = source::load_file(&data("feeds/a380.atom")).unwrap().articles;
    assert_eq!(atom.len(), 2);
    assert_eq!(atom[0].published, ymd(2007, 9, 1), "published beats updated");
    assert_eq!(atom[1].published, ymd(2006, 10, 5), "updated when there is no published");
    assert_eq!(atom[0].url.as_deref(), Some("http://en.wikinews.org/wiki/Airbus_A380_test_flight_delayed_after_accident"));
    assert!(atom[1].text.contains("slipped to October 2007"));

    let json = source::load_file(&data("feeds/a380.feed.json")).unwrap().articles;
    assert_eq!(json.len(), 1);
    assert_eq!(json[0].published, ymd(2007, 3, 19));
    assert!(json[0].text.contains("for the first time on Monday"));
}

#[test]
fn truncated_feed_is_reported_by_name() {
    let e = source::load_file(&data("feeds/truncated.rss")).unwrap_err();
    assert!(e.to_string().contains("truncated.rss"), "{e}");
}

#[test]
fn json_lines_skip_bad_lines_by_number_and_keep_the_rest() {
    let c = source::load_file(&data("records/newsapi.jsonl")).unwrap();
    let titles: Vec<&str> = c.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Airbus launches world's largest passenger plane",
            "Boeing unveils long-range 777",
            "Engine troubles delay Airbus superjumbo tour"
        ]
    );
    assert_eq!(c.articles[0].published, ymd(2005, 1, 18));
    assert_eq!(c.articles[1].published, ymd(2005, 2, 17));
    assert_eq!(c.articles[2].published, ymd(2005, 11, 5));
    assert_eq!(c.articles[1].url.as_deref(), Some("http://en.wikinews.org/wiki/Boeing_unveils_long-range_777"));
    let lines: Vec<String> = c.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    for (p, n) in lines.iter().zip([3, 4, 6]) {
        assert!(p.contains("newsapi.jsonl") && p.contains(&format!("line {n}:")), "{p}");
    }
}

#[test]
fn api_response_wrapping_an_array() {
    let c = source::load_file(&data("records/api-response.json")).unwrap();
    assert_eq!(c.articles.len(), 2);
    assert_eq!(c.articles[0].published, ymd(2005, 4, 27));
    assert_eq!(c.articles[1].published, ymd(2007, 7, 9), "epoch seconds");
    assert!(c.articles[0].text.contains("unveiled on January 18, 2005"), "content beats description");
}

#[test]
fn markdown_front_matter_and_reuters_dateline() {
    let a = one("text/front-matter.md");
    assert_eq!(a.title, "Engine troubles delay Airbus superjumbo tour");
    assert_eq!(a.published, ymd(2005, 11, 5));
    assert!(a.text.starts_with("---\n"), "the text is the file, so offsets point into it");
    let b = one("text/reuters-dateline.txt");
    assert_eq!(b.title, "BT to strip Huawei equipment from core network");
    assert_eq!(b.published, ymd(2018, 12, 5));
}

#[test]
fn every_encoding_reads_to_the_same_text() {
    let want = one("encodings/utf8-bom.txt");
    assert_eq!(want.title, "First Airbus A380 delivered");
    assert!(want.warnings.is_empty(), "{:?}", want.warnings);
    for f in ["utf16le-bom.txt", "utf16be-bom.txt", "utf16le-nobom.txt", "windows-1252.txt"] {
        let a = one(&format!("encodings/{f}"));
        assert_eq!(a.text, want.text, "{f}");
        assert_eq!(a.published, ymd(2007, 10, 15), "{f}");
    }
    let latin = one("encodings/latin1.txt");
    assert!(latin.title.starts_with("Café naïve résumé"), "{}", latin.title);
    assert!(latin.text.contains("« historique »"));
}

#[test]
fn a_folder_reads_every_format_and_reports_the_broken_ones() {
    let loaded = source::load_paths(&[data("")]);
    // 5 pages + 14 real pages + 2 + 2 + 1 feed items + 3 + 2 records + 2 texts + 6 encodings.
    assert_eq!(loaded.articles.len(), 37, "{:#?}", loaded.articles.iter().map(|a| &a.path).collect::<Vec<_>>());
    let errors: Vec<String> = loaded.errors.iter().map(|e| e.to_string()).collect();
    assert!(errors.iter().any(|e| e.contains("truncated.rss")), "{errors:?}");
    assert!(errors.iter().filter(|e| e.contains("newsapi.jsonl")).count() == 3, "{errors:?}");
    assert!(!errors.iter().any(|e| e.contains("README")), "{errors:?}");
}

/// The open dialog offers every extension a reader takes, `shtml` and `feed`
/// included (issue 18, defect 8).
#[test]
fn the_open_dialog_lists_what_the_readers_read() {
    let offered = newsline::app::open_extensions();
    for ext in ["shtml", "feed", "html", "jsonl", "md", "atom"] {
        assert!(offered.contains(&ext), "{ext} missing from {offered:?}");
    }
    // And a folder holding one file of each is read whole.
    let dir = std::env::temp_dir().join(format!("newsline-extensions-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for ext in &offered {
        std::fs::write(dir.join(format!("story.{ext}")), "A story\n\nIt happened.").unwrap();
    }
    let (files, errors) = source::collect_files(std::slice::from_ref(&dir));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(files.len(), offered.len(), "{files:?}");
    std::fs::remove_dir_all(dir).unwrap();
}

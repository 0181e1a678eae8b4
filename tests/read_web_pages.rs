//! `newsline read` on real saved web pages (tests/data/html/real/): each page's story
//! holds the ground truth's sentences and none of its furniture, under the page's
//! visible headline and publication date.

use std::collections::HashMap;
use std::process::Command;

/// Titles compare as the scorer compares them: lower case, words only.
fn words(s: &str) -> String {
    s.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the real CLI writes for `args`; it must succeed.
fn newsline(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_newsline")).args(args).output().expect("run newsline");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[test]
fn real_pages_give_their_story_headline_and_date() {
    let out = newsline(&["read", "--format", "jsonl", "tests/data/html/real"]);
    let read: HashMap<String, serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("one JSON object a line"))
        .map(|a| {
            let id = std::path::Path::new(a["path"].as_str().unwrap()).file_stem().unwrap().to_string_lossy().into_owned();
            (id, a)
        })
        .collect();
    let truth = std::fs::read_to_string("tests/data/html/real/truth.expected").unwrap();
    let mut failures = Vec::new();
    let mut pages = 0;
    for line in truth.lines() {
        let g: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = g["id"].as_str().unwrap();
        pages += 1;
        let Some(a) = read.get(id) else {
            failures.push(format!("{id}: not read"));
            continue;
        };
        let text = squash(a["text"].as_str().unwrap());
        for w in g["with"].as_array().unwrap() {
            let w = squash(w.as_str().unwrap());
            if !text.contains(&w) {
                failures.push(format!("{id}: story lacks {w:?}"));
            }
        }
        for w in g["without"].as_array().unwrap() {
            let w = squash(w.as_str().unwrap());
            if text.contains(&w) {
                failures.push(format!("{id}: story holds furniture {w:?}"));
            }
        }
        if words(a["title"].as_str().unwrap_or("")) != words(g["title"].as_str().unwrap()) {
            failures.push(format!("{id}: title {} is not {}", a["title"], g["title"]));
        }
        if a["published"] != g["published"] {
            failures.push(format!("{id}: date {} is not {}", a["published"], g["published"]));
        }
        // A listing gives its text, says it is no story, and gives no events.
        let no_story = a["warnings"].as_array().unwrap().iter().any(|w| w.as_str().unwrap().starts_with("no story found"));
        if no_story != (g["story"] == false) {
            failures.push(format!("{id}: read as a story: {}", !no_story));
        }
        // "text" is the body: the headline is not one of its lines.
        let headline = g["title"].as_str().unwrap();
        if a["text"].as_str().unwrap().lines().any(|l| squash(l) == squash(headline)) {
            failures.push(format!("{id}: the text repeats the headline"));
        }
    }
    assert_eq!(pages, 14);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_listing_page_gives_no_events() {
    let out = newsline(&["extract", "--format", "json", "tests/data/html/front-page.html"]);
    // Its cards' headlines are dated ("Storm hit the coast on Friday"), but they are
    // other pages' stories.
    let tl: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(tl["events"].as_array().map(Vec::len), Some(0), "{tl}");
    let warnings = tl["articles"][0]["warnings"].to_string();
    assert!(warnings.contains("no story found"), "{warnings}");
}

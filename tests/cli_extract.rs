//! Runs the real `newsline` binary on the seed article and checks the events it must find.

use std::process::Command;

use newsline::timeline::{Basis, Timeline};

fn extract(args: &[&str]) -> Timeline {
    let out = Command::new(env!("CARGO_BIN_EXE_newsline")).arg("extract").args(args).output().expect("run newsline");
    assert!(out.status.success(), "newsline failed: {}", String::from_utf8_lossy(&out.stderr));
    Timeline::from_json(&String::from_utf8(out.stdout).expect("utf-8 output")).expect("timeline JSON")
}

fn event_with<'a>(tl: &'a Timeline, mention_text: &str) -> &'a newsline::timeline::Event {
    tl.events
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.text.as_deref() == Some(mention_text)))
        .unwrap_or_else(|| panic!("no event mentioned as {mention_text:?} in {:#?}", tl.events))
}

/// The seed reads as a story: each of its events under a headline of at most 60
/// characters, with no ellipsis.
#[test]
fn seed_article_events() {
    let tl = extract(&["sample_data/huawei-ncsc-walkout-2018-12-13.txt"]);
    assert_eq!(tl.version, 1);
    assert_eq!(tl.articles.len(), 1);
    assert_eq!(tl.articles[0].published.map(|d| d.to_string()).as_deref(), Some("2018-12-13"));
    let titles: Vec<&str> = tl.events.iter().map(|e| e.title.as_str()).collect();
    for t in &titles {
        assert!(t.chars().count() <= 60 && !t.contains('…'), "{t:?}");
    }

    // The walkout from the meeting: one event, late November, its mentions together.
    let meeting = event_with(&tl, "late November");
    let texts: Vec<&str> = meeting.mentions.iter().filter_map(|m| m.text.as_deref()).collect();
    for t in ["last month", "late November", "November"] {
        assert!(texts.contains(&t), "meeting mentions {texts:?} lack {t:?}");
    }
    assert_eq!((meeting.start.to_string().as_str(), meeting.end.to_string().as_str()), ("2018-11-21", "2018-11-30"));
    assert_eq!(meeting.timex, "2018-11");
    assert!(meeting.title.to_lowercase().contains("meeting"), "{}", meeting.title);

    // The April Commission report.
    let april = event_with(&tl, "April");
    assert_eq!((april.start.to_string(), april.end.to_string()), ("2018-04-01".into(), "2018-04-30".into()));
    assert!(april.title.contains("Commission"), "{}", april.title);

    // The July report's finding.
    let july = event_with(&tl, "July");
    assert_eq!((july.start.to_string(), july.end.to_string()), ("2018-07-01".into(), "2018-07-31".into()));
    assert!(july.title.contains("report found"), "{}", july.title);

    // Meng Wanzhou's arrest, last week: 3–9 December.
    let arrest = event_with(&tl, "last week");
    assert_eq!(arrest.timex, "2018-W49");
    assert_eq!((arrest.start.to_string(), arrest.end.to_string()), ("2018-12-03".into(), "2018-12-09".into()));
    assert_eq!(arrest.mentions[0].trigger.as_ref().map(|t| t.text.as_ref()), Some("arrest"));
    assert!(arrest.title.contains("Meng Wanzhou") && arrest.title.contains("arrest"), "{}", arrest.title);

    // BT's 5 December decision, titled by what it announced, not by the announcing.
    let bt = event_with(&tl, "Dec. 5");
    assert_eq!((bt.start.to_string(), bt.end.to_string()), ("2018-12-05".into(), "2018-12-05".into()));
    assert_eq!(bt.mentions[0].trigger.as_ref().map(|t| t.text.as_ref()), Some("announced"));
    assert!(bt.title.starts_with("BT Group to strip"), "{}", bt.title);

    // What the article reports as new on 13 December takes the publication date, with
    // no time expression of its own; nothing is made from "3G", "4G", "5G" or "$2 billion".
    let today: Vec<&newsline::timeline::Event> = tl.events.iter().filter(|e| e.basis == Basis::Published).collect();
    assert!(!today.is_empty(), "{titles:#?}");
    for e in &today {
        assert_eq!(e.start.to_string(), "2018-12-13");
        assert!(e.mentions.iter().all(|m| m.start.is_none() && m.text.is_none() && m.trigger.is_some()), "{e:#?}");
    }
    for e in &tl.events {
        for m in &e.mentions {
            assert!(!["3G", "4G", "5G", "2", "$2 billion"].contains(&m.text.as_deref().unwrap_or("")), "extracted {:?}", m.text);
        }
    }
    // No event from the headline, the dateline or the credit line.
    assert!(tl.events.iter().all(|e| !e.title.contains("Walks Out") && !e.title.contains("contributed")), "{titles:#?}");
}

#[test]
fn mention_offsets_point_into_the_file() {
    let path = "sample_data/huawei-ncsc-walkout-2018-12-13.txt";
    let text = std::fs::read_to_string(path).unwrap();
    let tl = extract(&[path]);
    for e in &tl.events {
        for m in &e.mentions {
            if let (Some(s), Some(e), Some(t)) = (m.start, m.end, &m.text) {
                assert_eq!(&text[s..e], t);
            }
            if let Some(t) = &m.trigger {
                assert_eq!(&text[t.start..t.end], &*t.text);
            }
            assert!(text.contains(&m.sentence));
            if let (Some(s), Some(e)) = (m.sentence_start, m.sentence_end) {
                assert_eq!(&text[s..e], m.sentence);
            }
        }
    }
}

#[test]
fn missing_file_is_a_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_newsline")).args(["extract", "no/such/file.txt"]).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no/such/file.txt"), "{err}");
}

#[test]
fn a_bad_file_among_good_ones_is_skipped() {
    let dir = std::env::temp_dir().join(format!("newsline-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("broken.txt");
    std::fs::write(&bad, b"\x89PNG\r\n\x1a\n\0\0\0binary").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_newsline"))
        .args(["extract", bad.to_str().unwrap(), "sample_data/huawei-ncsc-walkout-2018-12-13.txt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.txt"));
    let tl = Timeline::from_json(&String::from_utf8(out.stdout).unwrap()).unwrap();
    assert_eq!(tl.articles.len(), 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn timex_command_writes_scorer_input() {
    let dir = std::env::temp_dir().join(format!("newsline-timex-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = dir.join("c.jsonl");
    std::fs::write(&corpus, "{\"id\":\"d1\",\"dct\":\"2018-12-13\",\"text\":\"On Dec. 5, BT said so.\"}\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_newsline")).args(["timex", "--corpus", corpus.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success());
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["id"], "d1");
    assert_eq!(line["timex"][0]["start"], 3);
    assert_eq!(line["timex"][0]["end"], 9);
    assert_eq!(line["timex"][0]["type"], "DATE");
    assert_eq!(line["timex"][0]["value"], "2018-12-05");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn csv_and_timelinejs_formats() {
    let run = |format: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_newsline"))
            .args(["extract", "--format", format, "sample_data/huawei-ncsc-walkout-2018-12-13.txt"])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let n = extract(&["sample_data/huawei-ncsc-walkout-2018-12-13.txt"]).events.len();
    let csv = run("csv");
    assert!(csv.starts_with("id,start,end,timex"));
    assert!(csv.lines().next().unwrap().ends_with(",basis"));
    assert_eq!(csv.lines().count(), n + 1, "{csv}");
    assert!(csv.lines().skip(1).all(|l| l.ends_with(",explicit") || l.ends_with(",published") || l.ends_with(",narrative")), "{csv}");
    let tjs: serde_json::Value = serde_json::from_str(&run("timelinejs")).unwrap();
    let events = tjs["events"].as_array().unwrap();
    assert_eq!(events.len(), n);
    for e in events {
        assert!(e["start_date"]["year"].is_string());
        assert!(e["text"]["headline"].is_string());
    }
}

#[test]
fn a_saved_timeline_opens_as_a_timeline() {
    let first = extract(&["sample_data/huawei-ncsc-walkout-2018-12-13.txt"]);
    let dir = std::env::temp_dir().join(format!("newsline-saved-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let saved = dir.join("seed.timeline.json");
    std::fs::write(&saved, first.to_json()).unwrap();
    let again = extract(&[saved.to_str().unwrap()]);
    assert_eq!(again, first, "a saved timeline reads back unchanged");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `--explicit-only` keeps the events whose date the text writes, and no other.
#[test]
fn explicit_only_keeps_written_dates() {
    let all = extract(&["sample_data/huawei-ncsc-walkout-2018-12-13.txt"]);
    let written = extract(&["--explicit-only", "sample_data/huawei-ncsc-walkout-2018-12-13.txt"]);
    assert!(all.events.iter().any(|e| e.basis.is_inferred()), "the seed has inferred dates");
    assert!(!written.events.is_empty() && written.events.iter().all(|e| e.basis == Basis::Explicit));
    let titles = |tl: &Timeline| tl.events.iter().filter(|e| e.basis == Basis::Explicit).map(|e| e.title.clone()).collect::<Vec<_>>();
    assert_eq!(titles(&written), titles(&all));
}

/// The seed's timeline, changed by `edit` and saved to a file of its own.
fn saved_seed(name: &str, edit: impl FnOnce(&mut Timeline)) -> std::path::PathBuf {
    let mut tl = extract(&["sample_data/huawei-ncsc-walkout-2018-12-13.txt"]);
    edit(&mut tl);
    let dir = std::env::temp_dir().join(format!("newsline-untrusted-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let saved = dir.join("seed.timeline.json");
    std::fs::write(&saved, tl.to_json()).unwrap();
    saved
}

/// A saved timeline is untrusted input: an event whose start is after its end is
/// repaired and a `javascript:` link dropped, each with a warning (issue 18, defect 10).
#[test]
fn a_saved_timeline_is_checked() {
    let mut first = None;
    let saved = saved_seed("checked", |tl| {
        tl.articles[0].url = Some("javascript:alert(1)".into());
        tl.events[0].start = tl.events[0].end + chrono::Days::new(5);
        first = Some(tl.events[0].clone());
    });
    let first = first.unwrap();
    let again = extract(&[saved.to_str().unwrap()]);
    assert!(again.events.iter().all(|e| e.start <= e.end), "an event ends before it starts");
    let e0 = again.events.iter().find(|e| e.id == first.id).unwrap();
    assert_eq!((e0.start, e0.end), (first.end, first.start), "the two ends are swapped");
    assert_eq!(again.articles[0].url, None, "a javascript: link is written back out");
    let warnings = again.articles[0].warnings.join("; ");
    assert!(warnings.contains("not a web address") && warnings.contains("start after its end"), "{warnings}");
    std::fs::remove_dir_all(saved.parent().unwrap()).unwrap();
}

/// An article's title reaches a TimelineJS file's `group` escaped, like its
/// headlines and text (issue 18, defect 9).
#[test]
fn timelinejs_escapes_the_group() {
    let saved = saved_seed("escaped", |tl| tl.articles[0].title = "<img src=x onerror=alert(1)>".into());
    let out =
        Command::new(env!("CARGO_BIN_EXE_newsline")).args(["extract", "--format", "timelinejs", saved.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success());
    let tjs = String::from_utf8(out.stdout).unwrap();
    assert!(!tjs.contains("<img"), "raw HTML in the TimelineJS file");
    assert!(tjs.contains("&lt;img src=x onerror=alert(1)&gt;"), "the title is lost");
    std::fs::remove_dir_all(saved.parent().unwrap()).unwrap();
}

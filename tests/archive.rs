//! The map and reduce steps for archives (issue 17): per-article lines merged in
//! any order and any grouping give the timeline one `extract` over all the
//! articles gives — checked by proptest over article sets and their splits, and
//! through the real binary, from files and from a stream on stdin.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use newsline::archive;
use newsline::events::ArticleMentions;
use newsline::timeline::Timeline;
use proptest::prelude::*;

/// Real articles, one per file: the A380 sample (two articles share events) and the seed.
fn files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir("sample_data/wikinews-a380")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.push("sample_data/huawei-ncsc-walkout-2018-12-13.txt".into());
    v.sort();
    v
}

/// Each file's per-article line, mapped once.
fn lines() -> &'static [(PathBuf, String)] {
    static LINES: OnceLock<Vec<(PathBuf, String)>> = OnceLock::new();
    LINES.get_or_init(|| {
        files()
            .into_iter()
            .map(|f| {
                let mut out = Vec::new();
                let report = archive::map_paths(std::slice::from_ref(&f), None, &mut out).unwrap();
                assert_eq!((report.articles, report.skipped.len()), (1, 0), "{}", f.display());
                (f, String::from_utf8(out).unwrap())
            })
            .collect()
    })
}

fn parts_of(text: &str) -> Vec<ArticleMentions> {
    let mut parts = Vec::new();
    let mut skipped = Vec::new();
    archive::read_parts(text.as_bytes(), "part", &mut parts, &mut skipped).unwrap();
    assert!(skipped.is_empty(), "{skipped:?}");
    parts
}

/// What must be equal: the articles and each event's dates, title, basis and
/// mentions (event ids may be renumbered).
fn comparable(t: &Timeline) -> (Vec<String>, Vec<String>) {
    let articles = t.articles.iter().map(|a| format!("{} {} {:?} {:?}", a.id, a.title, a.published, a.path)).collect();
    let mut events: Vec<String> = t
        .events
        .iter()
        .map(|e| format!("{}..{} {} {:?} {} {}", e.start, e.end, e.title, e.basis, e.timex, serde_json::to_string(&e.mentions).unwrap()))
        .collect();
    events.sort();
    (articles, events)
}

fn extract_all(chosen: &[PathBuf]) -> Timeline {
    let loaded = newsline::source::load_paths(chosen);
    assert!(loaded.errors.is_empty());
    newsline::events::extract(&loaded.articles)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Any subset of the articles, split into up to four parts in any order, merges
    /// to what one extract over the subset gives.
    #[test]
    fn merging_the_parts_gives_the_whole(
        picks in prop::collection::vec((any::<bool>(), 0usize..4), 11),
        order in prop::collection::vec(any::<u32>(), 11),
    ) {
        let all = lines();
        prop_assert_eq!(all.len(), 11);
        let chosen: Vec<usize> = (0..all.len()).filter(|&i| picks[i].0).collect();
        prop_assume!(!chosen.is_empty());
        // Parts: each chosen line goes to part picks[i].1, in a shuffled order.
        let mut shuffled = chosen.clone();
        shuffled.sort_by_key(|&i| order[i]);
        let mut parts = vec![String::new(); 4];
        for &i in &shuffled {
            parts[picks[i].1].push_str(&all[i].1);
        }
        // The parts are read in reverse, as a reducer may receive them.
        let mut merged_input = Vec::new();
        for p in parts.iter().rev() {
            merged_input.extend(parts_of(p));
        }
        let by_date = archive::merge_by_date(merged_input.clone());
        let merged = archive::merge(merged_input);
        let whole = extract_all(&chosen.iter().map(|&i| all[i].0.clone()).collect::<Vec<_>>());
        prop_assert_eq!(comparable(&merged), comparable(&whole));
        // Merged partition by partition, as a cluster spreads it by date: the same.
        prop_assert_eq!(comparable(&by_date), comparable(&whole));
    }
}

/// The sample's mentions fall in several date partitions, no partition overlaps
/// another, and each line's mentions land in the partitions that hold their dates.
#[test]
fn date_partitions_are_disjoint_and_hold_every_mention() {
    let parts: Vec<ArticleMentions> = lines().iter().flat_map(|(_, l)| parts_of(l)).collect();
    let partitions = archive::date_partitions(&parts);
    assert!(partitions.len() >= 3, "{partitions:?}");
    assert!(partitions.windows(2).all(|w| w[0].1 < w[1].0), "{partitions:?}");
    for p in &parts {
        let split = archive::split_by_date(p, &partitions);
        assert_eq!(split.iter().map(|(_, l)| l.mentions.len()).sum::<usize>(), p.mentions.len());
        for (k, line) in &split {
            for m in &line.mentions {
                let r = newsline::events::merge::merge_range(m);
                assert!(partitions[*k].0 <= r.0 && r.1 <= partitions[*k].1, "{r:?} outside {:?}", partitions[*k]);
            }
        }
    }
}

/// A wide range joins the partitions it overlaps: a year-long mention added to two
/// articles' lines puts their dates in one partition.
#[test]
fn a_wide_range_joins_the_partitions_it_overlaps() {
    let mut parts: Vec<ArticleMentions> = lines().iter().flat_map(|(_, l)| parts_of(l)).collect();
    let before = archive::date_partitions(&parts).len();
    let mut wide = parts[0].mentions[0].clone();
    let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    wide.range = (d("2005-01-01"), d("2007-12-31"));
    wide.part_of = None;
    parts[0].mentions.push(wide);
    let after = archive::date_partitions(&parts);
    assert!(after.len() < before, "{before} -> {after:?}");
    assert!(after.iter().any(|p| p.0 <= d("2005-01-01") && d("2007-12-31") <= p.1), "{after:?}");
}

fn newsline(args: &[&str], stdin: Option<&[u8]>) -> Vec<u8> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsline"))
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "newsline {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// Through the binary: the A380 folder mapped in two halves and merged equals one
/// extract of the folder, and each line holds the article's own events.
#[test]
fn the_cli_map_and_reduce_give_the_extract() {
    let dir = std::env::temp_dir().join(format!("newsline-archive-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let files: Vec<String> =
        files().iter().filter(|f| f.starts_with("sample_data/wikinews-a380")).map(|f| f.display().to_string()).collect();
    let (a, b) = files.split_at(4);
    for (name, half) in [("b.jsonl", b), ("a.jsonl", a)] {
        let mut args = vec!["extract", "--per-article", "--format", "jsonl"];
        args.extend(half.iter().map(String::as_str));
        let out = newsline(&args, None);
        let text = String::from_utf8(out.clone()).unwrap();
        assert_eq!(text.lines().count(), half.len(), "one line per article");
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert!(v["article"]["title"].is_string() && v["events"].is_array() && v["mentions"].is_array(), "{line}");
        }
        std::fs::write(dir.join(name), out).unwrap();
    }
    let parts = [dir.join("b.jsonl"), dir.join("a.jsonl")];
    let merged: Timeline =
        serde_json::from_slice(&newsline(&["merge", parts[0].to_str().unwrap(), parts[1].to_str().unwrap()], None)).unwrap();
    let whole: Timeline = serde_json::from_slice(&newsline(&["extract", "sample_data/wikinews-a380"], None)).unwrap();
    assert!(whole.events.len() > 40);
    assert_eq!(comparable(&merged), comparable(&whole));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// From a stream: JSON Lines news records on stdin, a bad line reported and
/// skipped, and the lines merged from stdin too.
#[test]
fn records_stream_through_map_and_merge() {
    let records = concat!(
        r#"{"title": "Talks end", "published": "2018-12-13", "text": "The union met the managers last week and walked out."}"#,
        "\n",
        "not json\n",
        r#"{"headline": "BT to strip Huawei kit", "date": "2018-12-06", "body": "On Dec. 5, BT Group announced that it would strip Huawei equipment from its core network."}"#,
        "\n"
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsline"))
        .args(["extract", "--per-article", "--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(records.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2"), "the bad line is reported");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
    let merged: Timeline = serde_json::from_slice(&newsline(&["merge", "-"], Some(&out.stdout))).unwrap();
    let titles: Vec<&str> = merged.events.iter().map(|e| e.title.as_str()).collect();
    assert!(merged.events.iter().any(|e| e.start.to_string() == "2018-12-05"), "{titles:?}");
    assert!(merged.events.iter().any(|e| e.start.to_string() == "2018-12-03" && e.end.to_string() == "2018-12-09"), "{titles:?}");
}

/// A line that is not a per-article line is reported and skipped by merge.
#[test]
fn merge_skips_what_is_not_a_line() {
    let good = lines()[0].1.clone();
    let input = format!("{good}{{\"title\": \"a news record, not a line\"}}\n");
    let mut parts = Vec::new();
    let mut skipped = Vec::new();
    archive::read_parts(input.as_bytes(), "mixed.jsonl", &mut parts, &mut skipped).unwrap();
    assert_eq!(parts.len(), 1);
    assert_eq!(skipped.len(), 1);
    assert!(skipped[0].to_string().contains("line 2"), "{}", skipped[0]);
}

/// The merge spread by date, through the binary, step by step as the Spark job runs
/// it: the lines numbered across the run, the partitions of two halves united, each
/// line cut by them, the pieces merged in two groups that are not stretches of time,
/// and the events joined with the articles: the timeline of one extract.
#[test]
fn the_merge_spread_by_date_through_the_cli_gives_the_extract() {
    let dir = std::env::temp_dir().join(format!("newsline-spread-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = |name: &str| dir.join(name).display().to_string();
    // The job numbers the lines of its one stream (zipWithIndex): `at` is the run's place.
    let numbered: Vec<String> = lines()
        .iter()
        .enumerate()
        .map(|(g, (_, line))| {
            let mut v: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
            v["at"] = g.into();
            v.to_string() + "\n"
        })
        .collect();
    let (a, b) = numbered.split_at(numbered.len() / 2);
    let halves = [a.concat(), b.concat()];
    let partitions: Vec<u8> = halves.iter().flat_map(|h| newsline(&["merge", "--partitions", "-"], Some(h.as_bytes()))).collect();
    let ranges = String::from_utf8(partitions.clone()).unwrap();
    assert!(ranges.lines().count() > 2, "{ranges}");
    std::fs::write(dir.join("partitions.txt"), partitions).unwrap();

    let (mut heads, mut groups) = (String::new(), [String::new(), String::new()]);
    for h in &halves {
        let out = String::from_utf8(newsline(&["merge", "--split", &path("partitions.txt"), "-"], Some(h.as_bytes()))).unwrap();
        for piece in out.lines() {
            let (k, line) = piece.split_once('\t').unwrap();
            let to = if k == "-" { &mut heads } else { &mut groups[k.parse::<usize>().unwrap() % 2] };
            to.push_str(line);
            to.push('\n');
        }
    }
    assert_eq!(heads.lines().count(), numbered.len(), "every article once");
    assert!(groups.iter().all(|g| !g.is_empty()), "both groups hold partitions");
    let events: Vec<u8> = groups.iter().flat_map(|g| newsline(&["merge", "--events", "-"], Some(g.as_bytes()))).collect();
    std::fs::write(dir.join("events.jsonl"), events).unwrap();
    let joined: Timeline =
        serde_json::from_slice(&newsline(&["merge", "--join", &path("events.jsonl"), "-"], Some(heads.as_bytes()))).unwrap();
    let whole = extract_all(&files());
    assert!(whole.events.len() > 40);
    assert_eq!(comparable(&joined), comparable(&whole));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Joining needs each article's place in the run: two articles at one place are an
/// error, not a timeline with events on the wrong article.
#[test]
fn join_refuses_articles_numbered_twice() {
    let parts = parts_of(&lines()[0].1);
    let twice = vec![parts[0].clone(), ArticleMentions { at: parts[0].at, ..parts_of(&lines()[1].1).remove(0) }];
    let err = archive::join(twice, Vec::new()).unwrap_err();
    assert!(err.contains("place"), "{err}");
}

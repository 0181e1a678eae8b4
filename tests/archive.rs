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
        bins in 1usize..5,
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
        let spread = archive::merge_spread(merged_input.clone(), bins);
        // All as one part, a single flat merge: the parts lose no merge it makes (the
        // sample is too small for the limit on candidates to matter).
        let mut sorted = merged_input.clone();
        sorted.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        let flat = newsline::events::merge_part(sorted);
        let merged = archive::merge(merged_input);
        let whole = extract_all(&chosen.iter().map(|&i| all[i].0.clone()).collect::<Vec<_>>());
        prop_assert_eq!(comparable(&merged), comparable(&whole));
        // Planned into parts and merged part by part in a few bins, as a cluster
        // spreads it: the same.
        prop_assert_eq!(comparable(&spread), comparable(&whole));
        prop_assert_eq!(comparable(&flat), comparable(&whole));
    }
}

/// The lines numbered in the run's order, as the Spark job numbers them.
fn numbered(mut parts: Vec<ArticleMentions>) -> Vec<ArticleMentions> {
    for (g, p) in parts.iter_mut().enumerate() {
        p.at = g;
    }
    parts
}

/// The part of each mention of each line, as the Spark job plans it: the reaches
/// linked bucket by bucket, the links planned.
fn planned(parts: &[ArticleMentions]) -> Vec<Vec<(usize, usize)>> {
    let mut records = archive::Records::new(Vec::new(), None);
    for p in parts {
        archive::reach_lines(p, &mut records).unwrap();
    }
    let reach = records.finish().unwrap();
    let mut links = Vec::new();
    archive::links(std::str::from_utf8(&reach).unwrap(), &mut links).unwrap().unwrap();
    let plan: std::collections::HashMap<_, _> = archive::plan(std::str::from_utf8(&links).unwrap()).unwrap().into_iter().collect();
    parts.iter().map(|p| newsline::events::spread::units(p).into_iter().map(|u| plan.get(&u).copied().unwrap_or(u)).collect()).collect()
}

/// The sample's mentions fall in many parts; articles that report one event share a
/// part; and each line cut by the plan keeps every mention once.
#[test]
fn the_plan_parts_the_sample_and_keeps_every_mention() {
    let parts = numbered(lines().iter().flat_map(|(_, l)| parts_of(l)).collect());
    let of = planned(&parts);
    let distinct: std::collections::HashSet<_> = of.iter().flatten().collect();
    assert!(distinct.len() > 20, "{} parts", distinct.len());
    let shared = distinct.iter().filter(|&&&k| of.iter().enumerate().filter(|(_, o)| o.contains(&k)).count() > 1).count();
    assert!(shared >= 3, "parts of two articles or more: {shared}");
    let plan: newsline::hashing::FastMap<_, _> =
        of.iter().zip(&parts).flat_map(|(o, p)| newsline::events::spread::units(p).into_iter().zip(o.iter().copied())).collect();
    for p in &parts {
        let pieces = archive::split_by_plan(p, &plan);
        assert_eq!(pieces.iter().map(|(_, l)| l.mentions.len()).sum::<usize>(), p.mentions.len());
    }
}

/// A year-long mention joins the part of a mention it may meet in another article
/// (the same event word and a name in common), and no other: it does not glue the
/// days of its year. With an event word nothing else has, it is a part of its own.
#[test]
fn a_wide_range_joins_only_what_it_may_meet() {
    let parts = numbered(lines().iter().flat_map(|(_, l)| parts_of(l)).collect());
    let before: std::collections::HashSet<_> = planned(&parts).into_iter().flatten().collect();
    // A narrow mention of the last article with a trigger and a name (an A380 article).
    let last = parts.len() - 2;
    let (m, narrow) = parts[last]
        .mentions
        .iter()
        .enumerate()
        .find(|(_, m)| {
            m.part_of.is_none()
                && m.mention.trigger.is_some()
                && m.mention.basis == newsline::timeline::Basis::Explicit
                && m.mention.sentence.contains("Airbus")
                && m.range.0 == m.range.1
        })
        .expect("an explicit mention of Airbus");
    let year = |d: chrono::NaiveDate| {
        (chrono::NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap(), chrono::NaiveDate::from_ymd_opt(d.year(), 12, 31).unwrap())
    };
    use chrono::Datelike;
    let mut wide = narrow.clone();
    wide.range = year(narrow.range.0);
    wide.mention.basis = newsline::timeline::Basis::Explicit;
    let mut with_wide = parts.clone();
    with_wide[0].mentions.push(wide.clone());
    let of = planned(&with_wide);
    let added = *of[0].last().unwrap();
    assert_eq!(added, of[last][m], "the year's mention is in the part of the day it may meet");
    let after: std::collections::HashSet<_> = of.iter().flatten().collect();
    assert!(after.len() + 2 >= before.len(), "it joined more than its own: {} -> {} parts", before.len(), after.len());

    // The same with an event word no other sentence has: a part of its own.
    let mut lone = wide;
    let t = lone.mention.trigger.as_mut().unwrap();
    t.text = "zzyzxed".into();
    let mut with_lone = parts.clone();
    with_lone[0].mentions.push(lone);
    let of = planned(&with_lone);
    let added = *of[0].last().unwrap();
    assert_eq!(of.iter().flatten().filter(|&&k| k == added).count(), 1, "alone in its part");
}

/// Runs the binary, `stdin` written to it.
fn run(args: &[&str], stdin: Option<&[u8]>) -> std::process::Output {
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
    child.wait_with_output().unwrap()
}

/// Runs the binary, which must succeed; its output.
fn newsline(args: &[&str], stdin: Option<&[u8]>) -> Vec<u8> {
    let out = run(args, stdin);
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

/// The merge spread over machines, through the binary, step by step as the Spark
/// job runs it: the lines numbered across the run; their reaches from two halves,
/// packed into two shards by bucket and linked shard by shard; the links planned;
/// each line cut by the plan, the pieces packed into two shards by part and merged
/// shard by shard; the events joined with the articles: the timeline of one extract.
#[test]
fn the_merge_spread_through_the_cli_gives_the_extract() {
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
    // The records packed into two shards (every record of a bucket in one), each
    // shard's lines to one group, as the job's shuffle by shard puts them.
    let shard = |line: &str| -> (usize, String) {
        let (k, packed) = line.split_once('\t').unwrap();
        (k.parse().unwrap(), format!("{packed}\n"))
    };
    let mut buckets = [String::new(), String::new()];
    for h in &halves {
        for line in String::from_utf8(newsline(&["merge", "--reach", "--shards", "2", "-"], Some(h.as_bytes()))).unwrap().lines() {
            let (k, packed) = shard(line);
            buckets[k].push_str(&packed);
        }
    }
    assert!(buckets.iter().all(|b| !b.is_empty()), "both shards hold buckets");
    let links: Vec<u8> = buckets.iter().flat_map(|b| newsline(&["merge", "--links", "-"], Some(b.as_bytes()))).collect();
    assert!(!links.is_empty(), "the A380 articles share events");
    let plan = newsline(&["merge", "--plan", "-"], Some(&links));
    std::fs::write(dir.join("plan.txt"), plan).unwrap();

    let (mut heads, mut groups) = (String::new(), [String::new(), String::new()]);
    for h in &halves {
        let out = String::from_utf8(newsline(&["merge", "--split", &path("plan.txt"), "--shards", "2", "-"], Some(h.as_bytes()))).unwrap();
        for line in out.lines() {
            match line.strip_prefix("-\t") {
                Some(head) => heads.push_str(&format!("{head}\n")),
                None => {
                    let (k, packed) = shard(line);
                    groups[k].push_str(&packed);
                }
            }
        }
    }
    assert_eq!(heads.lines().count(), numbered.len(), "every article once");
    assert!(groups.iter().all(|g| !g.is_empty()), "both groups hold parts");
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

/// The spread steps refuse what is not their input, with a clear error naming the line.
#[test]
fn the_spread_steps_refuse_what_is_not_theirs() {
    let run = |args: &[&str], stdin: &str| {
        let out = run(args, Some(stdin.as_bytes()));
        (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (ok, err) = run(&["merge", "--plan", "-"], "0 1 2 3\n0 1 two 3\n");
    assert!(!ok && err.contains("line 2"), "{err}");
    let (ok, err) = run(&["merge", "--links", "-"], "n00ab12.24000\t{\"not\": \"a reach\"}\n");
    assert!(!ok && err.contains("not a reach"), "{err}");
    let (ok, err) = run(&["merge", "--events", "--shards", "2", "-"], "");
    assert!(!ok && err.contains("--shards"), "{err}");
}

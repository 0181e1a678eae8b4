//! Bad input never panics, never loses the rest, and says what went wrong and
//! where (issue 8). Files from `tests/bad_inputs/` and files generated here.

use std::path::{Path, PathBuf};
use std::process::Command;

use newsline::source;

fn bad(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs").join(name)
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("newsline-bad-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn error_of(path: &Path) -> String {
    source::load_file(path).err().unwrap_or_else(|| panic!("{} should not load", path.display())).to_string()
}

#[test]
fn unreadable_kinds_are_named_with_their_reason() {
    for (file, reason) in
        [("empty.txt", "empty file"), ("picture-renamed.txt", "binary file"), ("truncated.rss", "not a readable RSS/Atom/JSON feed")]
    {
        let e = error_of(&bad(file));
        assert!(e.contains(file) && e.contains(reason), "{file}: {e}");
    }
}

#[test]
fn invalid_utf8_is_read_with_a_warning() {
    let c = source::load_file(&bad("invalid-utf8.txt")).unwrap();
    let a = &c.articles[0];
    assert!(a.text.contains("held on Dec. 5"), "{}", a.text);
    assert!(a.warnings.iter().any(|w| w.contains("not UTF-8")), "{:?}", a.warnings);
}

#[test]
fn a_page_of_scripts_gives_no_events_and_no_script_date() {
    let c = source::load_file(&bad("only-scripts.html")).unwrap();
    assert!(c.articles[0].published.is_none());
    assert!(c.articles[0].warnings.iter().any(|w| w.contains("no article text")));
}

#[test]
fn broken_json_lines_keep_the_good_records() {
    let c = source::load_file(&bad("broken.jsonl")).unwrap();
    assert_eq!(c.articles.len(), 2);
    let problems: Vec<String> = c.problems.iter().map(ToString::to_string).collect();
    assert!(problems[0].contains("broken.jsonl") && problems[0].contains("line 2"), "{problems:?}");
    assert!(problems[1].contains("line 4"), "{problems:?}");
}

#[test]
fn the_whole_folder_through_the_cli_reports_each_and_keeps_the_rest() {
    let out = Command::new(env!("CARGO_BIN_EXE_newsline")).args(["extract"]).arg(bad("")).output().unwrap();
    assert!(out.status.success(), "good records remain, so the run succeeds");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for f in ["empty.txt", "picture-renamed.txt", "truncated.rss", "broken.jsonl"] {
        assert!(stderr.contains(f), "{f} not reported in {stderr}");
    }
    let tl = newsline::timeline::Timeline::from_json(&String::from_utf8(out.stdout).unwrap()).unwrap();
    assert!(tl.events.iter().any(|e| e.start.to_string() == "2018-12-05"), "{:#?}", tl.events);
}

#[test]
fn a_200_mb_text_is_read_in_part_with_a_warning() {
    let dir = scratch("huge");
    let f = dir.join("huge.txt");
    {
        use std::io::Write;
        let mut w = std::io::BufWriter::new(std::fs::File::create(&f).unwrap());
        writeln!(w, "A very long file\n2018-12-13").unwrap();
        let line = "The committee met on Dec. 5 and will meet again next Monday, officials said.\n";
        for _ in 0..(200 * 1024 * 1024 / line.len()) {
            w.write_all(line.as_bytes()).unwrap();
        }
    }
    let c = source::load_file(&f).unwrap();
    let a = &c.articles[0];
    assert!(a.text.len() as u64 <= source::MAX_ARTICLE_BYTES);
    assert!(a.text.ends_with('\n'), "cut at a line end");
    assert!(a.warnings.iter().any(|w| w.contains("only the first 16 MB")), "{:?}", a.warnings);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_single_10_mb_line_and_100k_nested_tags_load() {
    let dir = scratch("shapes");
    let line = dir.join("one-line.txt");
    std::fs::write(&line, format!("Title\n2018-12-13\n{}", "On Dec. 5 it rained é. ".repeat(10 * 1024 * 1024 / 24))).unwrap();
    let a = &source::load_file(&line).unwrap().articles[0];
    assert!(a.text.len() > 10_000_000);
    let deep = dir.join("deep.html");
    std::fs::write(&deep, format!("<html><body><p>On Dec. 5, 2018 it rained.</p>{}</body></html>", "<div>".repeat(100_000))).unwrap();
    let a = &source::load_file(&deep).unwrap().articles[0];
    assert!(a.text.contains("Dec. 5, 2018"));
    // Closed, with the story at the bottom: the parser's scope checks would scan
    // 100,000 open elements at every tag (a minute's work) were the nesting not bounded.
    let story = "<h1>Council passes budget</h1><p>The council approved the budget on Monday after a long debate about the new bridge and the schools.</p>";
    std::fs::write(&deep, format!("<html><body>{}{story}{}</body></html>", "<div>".repeat(100_000), "</div>".repeat(100_000))).unwrap();
    let a = &source::load_file(&deep).unwrap().articles[0];
    assert!(a.text.contains("approved the budget on Monday"), "{:?}", a.text);
    assert_eq!(a.title, "Council passes budget");
    std::fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_ends_and_is_reported() {
    let dir = scratch("loop");
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(dir.join("a/story.txt"), "Story\n2018-12-13\nOn Dec. 5 it rained.\n").unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("a/back")).unwrap();
    let loaded = source::load_paths(std::slice::from_ref(&dir));
    assert_eq!(loaded.articles.len(), 1);
    assert!(loaded.errors.iter().any(|e| e.reason.contains("symlink loop")), "{:?}", loaded.errors);
    std::fs::remove_dir_all(dir).unwrap();
}

//! Runs `newsline export` on the seed article and checks the pictures it writes:
//! valid files of the asked size, the event labels in the SVG's text, the lane
//! colour in the PNG, and an old file left alone when the export fails.

use std::path::PathBuf;
use std::process::{Command, Output};

use resvg::tiny_skia::Pixmap;
use resvg::usvg::roxmltree;

const SEED: &str = "sample_data/huawei-ncsc-walkout-2018-12-13.txt";

fn newsline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsline")).args(args).output().expect("run newsline")
}

fn out_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("newsline-export-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn event_titles() -> Vec<String> {
    let out = newsline(&["extract", SEED]);
    let tl = newsline::timeline::Timeline::from_json(&String::from_utf8(out.stdout).unwrap()).unwrap();
    tl.events.into_iter().map(|e| e.title).collect()
}

#[test]
fn svg_is_valid_sized_and_holds_the_labels_as_text() {
    let dir = out_dir("svg");
    let file = dir.join("seed.svg");
    let out = newsline(&["export", SEED, "-o", file.to_str().unwrap(), "--width", "1200", "--height", "600"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let svg = std::fs::read_to_string(&file).unwrap();
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let root = doc.root_element();
    assert_eq!((root.attribute("width"), root.attribute("height")), (Some("1200"), Some("600")));
    let labels: Vec<String> = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("labels"))
        .expect("a labels group")
        .children()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").to_string())
        .collect();
    let titles = event_titles();
    assert!(labels.len() >= 4, "only {} of {} events labelled: {labels:?}", labels.len(), titles.len());
    for l in &labels {
        let stem = l.trim_end_matches('…');
        assert!(titles.iter().any(|t| t.starts_with(stem)), "label {l:?} is no event's title");
    }
    // The legend names the source and the title is the article's.
    assert!(svg.contains("British Official Walks Out"), "no title or legend");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn png_has_the_size_the_scale_and_the_lane_colour() {
    let dir = out_dir("png");
    let file = dir.join("seed.png");
    let out = newsline(&["export", SEED, "-o", file.to_str().unwrap(), "--width", "800", "--height", "400", "--scale", "2"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let png = Pixmap::decode_png(&std::fs::read(&file).unwrap()).expect("a decodable PNG");
    assert_eq!((png.width(), png.height()), (1600, 800));
    let pixels = png.pixels();
    let lane_blue = pixels.iter().filter(|p| (p.red(), p.green(), p.blue()) == (31, 119, 180) && p.alpha() == 255).count();
    assert!(lane_blue > 100, "the first lane's colour #1f77b4 is drawn on {lane_blue} pixels only");
    let dark_text = pixels.iter().filter(|p| p.red() < 80 && p.green() < 80 && p.blue() < 80).count();
    assert!(dark_text > 1000, "almost no text drawn ({dark_text} dark pixels)");

    let dark = dir.join("dark.png");
    let out = newsline(&["export", SEED, "-o", dark.to_str().unwrap(), "--width", "800", "--height", "400", "--theme", "dark"]);
    assert!(out.status.success());
    let png = Pixmap::decode_png(&std::fs::read(&dark).unwrap()).unwrap();
    let corner = png.pixel(2, 2).unwrap();
    assert!(corner.red() < 40 && corner.green() < 40, "dark theme background is {corner:?}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_failed_export_leaves_the_old_file_alone() {
    let dir = out_dir("fail");
    let file = dir.join("keep.png");
    std::fs::write(&file, b"old picture").unwrap();
    let out = newsline(&["export", "tests/data/html/no-such-page.html", "-o", file.to_str().unwrap()]);
    assert!(!out.status.success());
    assert_eq!(std::fs::read(&file).unwrap(), b"old picture");
    let out = newsline(&["export", SEED, "-o", dir.join("x.gif").to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(".svg or .png"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn from_and_to_limit_the_view() {
    let dir = out_dir("range");
    let file = dir.join("dec.svg");
    let out = newsline(&["export", SEED, "-o", file.to_str().unwrap(), "--from", "2018-11-15", "--to", "2018-12-15"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let svg = std::fs::read_to_string(&file).unwrap();
    // April and July are outside the view; the walkout meeting, the arrest, BT's
    // decision and the day's own news are inside: one mark each.
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let events = doc.descendants().find(|n| n.attribute("id") == Some("events")).unwrap();
    let marks = events.children().filter(|n| n.is_element()).count();
    let out = newsline(&["extract", SEED]);
    let tl = newsline::timeline::Timeline::from_json(&String::from_utf8(out.stdout).unwrap()).unwrap();
    let (from, to) = ("2018-11-15".parse().unwrap(), "2018-12-15".parse().unwrap());
    let inside = tl.events.iter().filter(|e| e.end >= from && e.start <= to).count();
    assert!(inside >= 4 && inside < tl.events.len(), "{inside} of {} events in the view", tl.events.len());
    assert_eq!(marks, inside, "{marks} marks for {inside} events in a one-month view");
    let out = newsline(&["export", SEED, "-o", file.to_str().unwrap(), "--from", "2019-01-01", "--to", "2018-01-01"]);
    assert!(!out.status.success());
    std::fs::remove_dir_all(dir).unwrap();
}

/// The picture marks inferred dates as such, and `--explicit-only` leaves them out.
#[test]
fn inferred_dates_are_marked_and_can_be_left_out() {
    let dir = out_dir("explicit");
    let (all, written) = (dir.join("all.svg"), dir.join("written.svg"));
    for (file, extra) in [(&all, None), (&written, Some("--explicit-only"))] {
        let mut args = vec!["export", SEED, "-o", file.to_str().unwrap()];
        args.extend(extra);
        let out = newsline(&args);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let (all, written) = (std::fs::read_to_string(all).unwrap(), std::fs::read_to_string(written).unwrap());
    assert!(all.contains("date inferred, not written"), "the legend explains the hollow markers");
    assert!(!written.contains("date inferred, not written"), "nothing inferred to explain");
    std::fs::remove_dir_all(dir).unwrap();
}

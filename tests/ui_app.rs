//! UI tests: the real app, driven headless through egui_kittest by accessible labels.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsline::app::NewslineApp;

fn harness_with(paths: Vec<PathBuf>) -> Harness<'static, NewslineApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut NewslineApp| app.ui_root(ui), NewslineApp::new(paths));
    wait_loaded(&mut harness);
    harness.run();
    harness
}

/// Steps the window until its files are loaded (a minute at most). `step`, not
/// `run`: the spinner repaints while loading.
fn wait_loaded(harness: &mut Harness<'static, NewslineApp>) {
    let start = Instant::now();
    while harness.state().is_loading() {
        assert!(start.elapsed() < Duration::from_secs(60), "loading did not finish");
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn window_starts_with_the_sample_articles_listed() {
    let harness = harness_with(vec![PathBuf::from("sample_data")]);
    harness.get_by_label("British Official Walks Out of Huawei Meeting Over Security Concerns");
    harness.get_by_label("First A380 enters commercial service");
    assert_eq!(harness.state().timeline().articles.len(), 11);
    assert!(harness.state().timeline().events.len() >= 5);
    harness.get_by_label_contains("11 articles");
}

#[test]
fn broken_files_are_listed_with_their_reason() {
    let dir = std::env::temp_dir().join(format!("newsline-ui-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("broken.txt"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    let harness = harness_with(vec![dir.clone(), PathBuf::from("sample_data/huawei-ncsc-walkout-2018-12-13.txt")]);
    harness.get_by_label_contains("binary file");
    assert_eq!(harness.state().timeline().articles.len(), 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn ctrl_e_opens_the_export_image_dialog_and_close_shuts_it() {
    let mut harness = harness_with(vec![PathBuf::from("sample_data/huawei-ncsc-walkout-2018-12-13.txt")]);
    assert!(harness.query_by_label("Save as PNG or SVG…").is_none());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    harness.get_by_label("Save as PNG or SVG…");
    harness.get_by_label("Width (px)");
    harness.get_by_label("Dark").click();
    harness.run();
    harness.get_by_label("Close window").click();
    harness.run();
    assert!(harness.query_by_label("Save as PNG or SVG…").is_none());
}

#[test]
fn files_of_every_format_open_in_the_window() {
    let harness = harness_with(vec![PathBuf::from("tests/data/feeds/a380.rss"), PathBuf::from("tests/data/html/news-site-og.html")]);
    harness.get_by_label("First A380 enters commercial service");
    // The page's headline names its source (and may title an event as well).
    assert!(harness.query_all_by_label("First Airbus A380 delivered").next().is_some());
    assert_eq!(harness.state().timeline().articles.len(), 3);
}

fn seed() -> Harness<'static, NewslineApp> {
    harness_with(vec![PathBuf::from("sample_data/huawei-ncsc-walkout-2018-12-13.txt")])
}

fn click(harness: &mut Harness<'static, NewslineApp>, pos: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton { pos, button: egui::PointerButton::Primary, pressed, modifiers: egui::Modifiers::NONE });
    }
    harness.run();
}

#[test]
fn clicking_an_event_shows_its_sentence_in_the_details() {
    let mut harness = seed();
    let bt = harness
        .state()
        .timeline()
        .events
        .iter()
        .position(|e| e.mentions.iter().any(|m| m.text.as_deref() == Some("Dec. 5")))
        .expect("the BT event");
    let pos = harness.state().marker_position(bt).expect("the BT event is drawn");
    click(&mut harness, pos);
    assert_eq!(harness.state().selected(), Some(bt));
    harness.get_by_label_contains("announced that it would strip its existing 3G and 4G core communications infrastructure");
}

#[test]
fn zoom_and_drag_change_the_visible_range() {
    let mut harness = seed();
    let (a, b) = harness.state().visible_range().expect("a drawn timeline");
    let middle = harness.state().marker_position(0).expect("a marker");
    // Pinch out over the timeline: a narrower range.
    harness.event(egui::Event::PointerMoved(middle));
    harness.event(egui::Event::Zoom(2.0));
    harness.run();
    let (c, d) = harness.state().visible_range().unwrap();
    assert!(d - c < (b - a) * 0.75, "zooming in left {}..{} from {a}..{b}", c, d);
    // Drag right by 200 points: earlier dates come into view.
    let start = middle;
    let end = middle + egui::vec2(200.0, 0.0);
    harness.event(egui::Event::PointerButton {
        pos: start,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    for k in 1..=10 {
        harness.event(egui::Event::PointerMoved(start + (end - start) * (k as f32 / 10.0)));
        harness.run();
    }
    harness.event(egui::Event::PointerButton {
        pos: end,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    let (e, f) = harness.state().visible_range().unwrap();
    assert!(e < c && f < d, "dragging right should show earlier dates: {c}..{d} became {e}..{f}");
    assert!(((f - e) - (d - c)).abs() < 1e-6 * (d - c).abs().max(1.0) + 1e-3, "dragging keeps the zoom");
}

#[test]
fn frames_keep_coming_while_a_thousand_files_load() {
    let dir = std::env::temp_dir().join(format!("newsline-ui-many-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let body = include_str!("../sample_data/huawei-ncsc-walkout-2018-12-13.txt");
    for i in 0..1000 {
        std::fs::write(dir.join(format!("{i:04}.txt")), body).unwrap();
    }
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut NewslineApp| app.ui_root(ui), NewslineApp::new(vec![dir.clone()]));
    let start = Instant::now();
    let (mut frames_while_loading, mut saw_progress) = (0, false);
    while harness.state().is_loading() {
        assert!(start.elapsed() < Duration::from_secs(120), "loading did not finish");
        harness.step();
        frames_while_loading += 1;
        saw_progress |= harness.query_by_label_contains(" / 1000 files").is_some();
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.run();
    // The window drew frame after frame while the files loaded, with their progress.
    assert!(frames_while_loading >= 5, "only {frames_while_loading} frames while loading");
    assert!(saw_progress, "no progress bar seen while loading");
    assert_eq!(harness.state().timeline().articles.len(), 1000);
    std::fs::remove_dir_all(&dir).unwrap();
}

fn a380() -> Harness<'static, NewslineApp> {
    harness_with(vec![PathBuf::from("sample_data/wikinews-a380")])
}

#[test]
fn unticking_a_source_hides_its_events_and_ticking_brings_them_back() {
    let mut harness = a380();
    let all = harness.state().shown_event_count();
    harness.get_by_label("Boeing unveils new 787 Dreamliner").click();
    harness.run();
    let without = harness.state().shown_event_count();
    assert!(without < all && without > 0, "{without} of {all}");
    harness.get_by_label("Boeing unveils new 787 Dreamliner").click();
    harness.run();
    assert_eq!(harness.state().shown_event_count(), all);
}

#[test]
fn the_filter_box_keeps_matching_events() {
    let mut harness = a380();
    let all = harness.state().shown_event_count();
    harness.get_by_label("Filter").click();
    harness.run();
    harness.get_by_label("Filter").type_text("Sydney");
    harness.run();
    let n = harness.state().shown_event_count();
    assert!(n >= 1 && n < all, "{n} of {all} match Sydney");
}

#[test]
fn keys_pan_zoom_and_fit() {
    let mut harness = seed();
    let (a, b) = harness.state().visible_range().unwrap();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let (c, d) = harness.state().visible_range().unwrap();
    assert!(c > a && d > b, "right arrow pans later: {a}..{b} -> {c}..{d}");
    harness.key_press(egui::Key::Plus);
    harness.run();
    let (e, f) = harness.state().visible_range().unwrap();
    assert!(f - e < d - c, "plus zooms in");
    harness.key_press(egui::Key::Home);
    harness.run();
    let (g, h) = harness.state().visible_range().unwrap();
    let idx_all = harness.state().timeline().date_span().unwrap();
    assert!(g <= newsline::layout::x_from_date(idx_all.0) && h >= newsline::layout::x_from_date(idx_all.1), "Home fits everything");
}

#[test]
fn show_in_article_opens_the_text_at_the_sentence() {
    let mut harness = seed();
    let bt = harness.state().timeline().events.iter().position(|e| e.mentions.iter().any(|m| m.text.as_deref() == Some("Dec. 5"))).unwrap();
    let pos = harness.state().marker_position(bt).unwrap();
    click(&mut harness, pos);
    harness.get_by_label("Show in article").click();
    harness.run();
    harness.get_by_label("Article");
    // The highlighted sentence is its own label in the article view, besides the details panel.
    let n = harness.query_all_by_label_contains("announced that it would strip its existing 3G").count();
    assert!(n >= 2, "the sentence shows in the details and in the article view ({n})");
}

#[test]
fn a_local_article_offers_its_file() {
    let mut harness = seed();
    select_bt(&mut harness);
    // The seed article has no web address, so its file is offered instead (not clicked:
    // that would open a browser).
    assert!(harness.query_by_label("Open original").is_none());
    harness.get_by_label("Open file");
}

fn select_bt(harness: &mut Harness<'static, NewslineApp>) -> usize {
    let bt = harness.state().timeline().events.iter().position(|e| e.mentions.iter().any(|m| m.text.as_deref() == Some("Dec. 5"))).unwrap();
    let pos = harness.state().marker_position(bt).unwrap();
    click(harness, pos);
    bt
}

#[test]
fn an_event_can_be_hidden_and_shown_again() {
    let mut harness = seed();
    let all = harness.state().shown_event_count();
    select_bt(&mut harness);
    harness.get_by_label("Hide event").click();
    harness.run();
    assert_eq!(harness.state().shown_event_count(), all - 1);
    assert_eq!(harness.state().session().state.edits.hidden_events.len(), 1, "the session keeps the edit");
    harness.get_by_label("Show 1 hidden events").click();
    harness.run();
    assert_eq!(harness.state().shown_event_count(), all);
}

/// Adds " (corrected)" to the selected event's title through the Edit… form.
fn correct_title(harness: &mut Harness<'static, NewslineApp>) {
    harness.get_by_label("Edit…").click();
    harness.run();
    harness.get_by_label("Title").click();
    harness.run();
    harness.key_press(egui::Key::End);
    harness.run();
    harness.get_by_label("Title").type_text(" (corrected)");
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
}

#[test]
fn an_events_title_can_be_corrected() {
    let mut harness = seed();
    let bt = select_bt(&mut harness);
    correct_title(&mut harness);
    let title = &harness.state().timeline().events[bt].title;
    assert!(title.ends_with("(corrected)"), "{title}");
    assert_eq!(harness.state().session().state.edits.titles.len(), 1);
}

#[test]
fn an_undated_article_given_a_date_resolves_its_events() {
    let dir = std::env::temp_dir().join(format!("newsline-ui-undated-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("undated.txt"), "Strike talks\n\nThe union met the managers last week and walked out.\n").unwrap();
    let mut harness = harness_with(vec![dir.clone()]);
    assert!(harness.state().timeline().events.is_empty(), "without a date, 'last week' cannot be placed");
    harness.get_by_label_contains(" · 0 events");
    harness.get_by_label("Published").click();
    harness.run();
    harness.get_by_label("Published").type_text("2018-12-13");
    harness.run();
    harness.get_by_label("Set").click();
    // The extraction runs with a spinner and a Cancel button: step, not run.
    harness.step();
    wait_loaded(&mut harness);
    harness.run();
    // The meeting, and the walkout joined to it by "and": both last week, 3–9 December.
    let tl = harness.state().timeline();
    assert!(!tl.events.is_empty());
    for e in &tl.events {
        assert_eq!((e.start.to_string(), e.end.to_string()), ("2018-12-03".into(), "2018-12-09".into()), "{e:#?}");
    }
    // The sources panel counts the new events (issue 18, defect 3: it kept "0 events").
    let n = tl.events.len();
    harness.get_by_label_contains(&format!("2018-12-13 · {n} events"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_wheel_zooms_around_the_pointer() {
    let mut harness = seed();
    let (a, b) = harness.state().visible_range().unwrap();
    let over = harness.state().marker_position(0).unwrap();
    harness.event(egui::Event::PointerMoved(over));
    for _ in 0..5 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, 60.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        // egui smooths the wheel over a few frames.
        harness.run_steps(8);
    }
    let (c, d) = harness.state().visible_range().unwrap();
    assert!(d - c < (b - a) * 0.9, "the wheel should zoom in: {a}..{b} -> {c}..{d}");
}

#[test]
fn the_date_filter_keeps_events_in_its_range() {
    let mut harness = a380();
    let all = harness.state().shown_event_count();
    harness.get_by_label("From").click();
    harness.run();
    harness.get_by_label("From").type_text("2007-10");
    harness.run();
    harness.get_by_label("To").click();
    harness.run();
    harness.get_by_label("To").type_text("2007-10");
    harness.run();
    let n = harness.state().shown_event_count();
    // October 2007: the delivery, the landing in Singapore, the charity flight, regular
    // service, "October 2007", and the other news of the two articles of that month.
    assert!((4..=14).contains(&n) && n < all / 2, "{n} of {all} events in October 2007");
}

#[test]
fn lanes_switch_between_article_source_and_topic() {
    let mut harness = a380();
    assert_eq!(harness.state().lane_names().len(), 10);
    harness.get_by_label("Lanes").click();
    harness.run();
    harness.get_by_label("Source").click();
    harness.run();
    assert_eq!(harness.state().lane_names(), ["en.wikinews.org"]);
    harness.get_by_label("Lanes").click();
    harness.run();
    harness.get_by_label("Topic").click();
    harness.run();
    let topics = harness.state().lane_names().to_vec();
    assert!(topics.len() >= 2 && topics.iter().any(|t| t == "Airbus" || t == "A380" || t == "Singapore"), "{topics:?}");
    assert_eq!(harness.state().shown_event_count(), harness.state().timeline().events.len(), "switching lanes hides nothing");
}

#[test]
fn events_are_reachable_by_keyboard() {
    let mut harness = seed();
    let all = harness.state().shown_event_count();
    harness.key_press(egui::Key::N);
    harness.run();
    let first = harness.state().selected().expect("N selects an event");
    harness.key_press(egui::Key::N);
    harness.run();
    let second = harness.state().selected().unwrap();
    assert_ne!(first, second);
    let tl = harness.state().timeline();
    assert!(tl.events[first].start <= tl.events[second].start, "N steps forward in time");
    harness.key_press(egui::Key::P);
    harness.run();
    assert_eq!(harness.state().selected(), Some(first));
    harness.key_press(egui::Key::Delete);
    harness.run();
    assert_eq!(harness.state().shown_event_count(), all - 1, "Delete hides the selected event");
}

#[test]
fn the_theme_can_be_switched_to_light() {
    let mut harness = seed();
    harness.get_by_label("Theme").click();
    harness.run();
    harness.get_by_label("Light").click();
    harness.run();
    assert_eq!(harness.ctx.theme(), egui::Theme::Light, "the light theme is on");
}

/// "Written dates only" hides the events whose date was inferred, and brings them back.
#[test]
fn written_dates_only_hides_inferred_events() {
    let mut harness = seed();
    let all = harness.state().shown_event_count();
    let written = harness.state().timeline().events.iter().filter(|e| !e.basis.is_inferred()).count();
    assert!(written > 0 && written < all, "{written} written of {all}");
    harness.get_by_label("Written dates only").click();
    harness.run();
    assert_eq!(harness.state().shown_event_count(), written);
    assert!(harness.state().session().state.explicit_only);
    harness.get_by_label("Written dates only").click();
    harness.run();
    assert_eq!(harness.state().shown_event_count(), all);
}

/// Export image draws what the window shows: not the events of a hidden source,
/// nor those the filter leaves out (issue 18, defect 1: it drew the whole timeline).
#[test]
fn export_image_shows_what_the_window_shows() {
    let mut harness = a380();
    harness.get_by_label("Boeing unveils new 787 Dreamliner").click();
    harness.run();
    harness.get_by_label("Filter").click();
    harness.run();
    harness.get_by_label("Filter").type_text("Airbus");
    harness.run();
    let app = harness.state();
    let tl = app.timeline();
    let boeing = tl.articles.iter().position(|a| a.title == "Boeing unveils new 787 Dreamliner").unwrap();
    let article_of = newsline::layout::scene::lanes_of(tl);
    let scene = app.export_scene();
    let drawn: std::collections::HashSet<usize> = scene.marks.iter().map(|m| m.event).collect();
    assert!(!drawn.is_empty(), "the picture is empty");
    assert!(drawn.len() <= app.shown_event_count(), "{} drawn, {} shown", drawn.len(), app.shown_event_count());
    for &e in &drawn {
        let ev = &tl.events[e];
        assert_ne!(article_of[e], boeing, "an event of the hidden source is drawn: {}", ev.title);
        let matches =
            ev.title.to_lowercase().contains("airbus") || ev.mentions.iter().any(|m| m.sentence.to_lowercase().contains("airbus"));
        assert!(matches, "an event the filter leaves out is drawn: {}", ev.title);
    }
}

/// Typing in the filter box filters the events it has, without assigning lanes
/// again at every keystroke (issue 18, defect 7: in Topic mode each keystroke
/// re-split every sentence).
#[test]
fn typing_a_filter_keeps_the_lanes() {
    let mut harness = a380();
    let before = harness.state().lane_assignments();
    assert!(before >= 1);
    harness.get_by_label("Filter").click();
    harness.run();
    harness.get_by_label("Filter").type_text("Sydney");
    harness.run();
    assert!(harness.state().shown_event_count() < harness.state().timeline().events.len());
    assert_eq!(harness.state().lane_assignments(), before, "lanes were assigned again while typing");
}

/// A file dropped on the window, as the platform hands it to egui.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops files on the window, as a user opens them, and waits for them to load.
fn drop_files(harness: &mut Harness<'static, NewslineApp>, paths: &[&str]) {
    for p in paths {
        harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(PathBuf::from(p))));
    }
    harness.step();
    wait_loaded(harness);
    for _ in 0..4 {
        harness.step();
    }
}

/// A correction and a hidden source stay with their event and their article when
/// other files open beside them, loading before them (issue 18, defect 6: they were
/// keyed by load order, `a0@1204` and source 0, and moved to other events and sources).
#[test]
fn corrections_stay_with_their_events_when_other_files_open() {
    let mut harness = seed();
    let bt = select_bt(&mut harness);
    let bt_anchor = harness.state().timeline().events[bt].mentions[0].anchor();
    correct_title(&mut harness);
    harness.get_by_label("British Official Walks Out of Huawei Meeting Over Security Concerns").click();
    harness.run();
    let huawei_events = harness.state().timeline().events.len();
    assert_eq!(harness.state().shown_event_count(), 0, "the hidden source's events are hidden");

    // An A380 article loads first now: the seed is no longer the first article.
    drop_files(
        &mut harness,
        &[
            "sample_data/wikinews-a380/2005-01-18_3307_Airbus_launches_world_largest_passenger_plane.txt",
            "sample_data/huawei-ncsc-walkout-2018-12-13.txt",
        ],
    );
    let app = harness.state();
    let tl = app.timeline();
    assert_eq!(tl.articles.len(), 2);
    let seed_article = tl.articles.iter().find(|a| a.title.starts_with("British Official")).unwrap();
    assert_ne!(seed_article.id, "a0", "the seed must not load first for this test");
    let corrected: Vec<&newsline::timeline::Event> = tl.events.iter().filter(|e| e.title.ends_with("(corrected)")).collect();
    assert_eq!(corrected.len(), 1, "one corrected event");
    assert!(corrected[0].mentions.iter().any(|m| m.text.as_deref() == Some("Dec. 5") && m.anchor() == bt_anchor), "{:?}", corrected[0]);
    // The seed's source stays hidden, the new article's events show.
    let shown = app.shown_event_count();
    assert_eq!(shown, tl.events.len() - huawei_events, "{shown} shown of {}", tl.events.len());
    assert!(shown > 0);
}

#[test]
fn a_whole_archive_by_article_keeps_to_forty_lanes_with_a_legend() {
    let dir = std::env::temp_dir().join(format!("newsline-ui-archive-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("archive.jsonl");
    let records: String = (0..60)
        .map(|i| {
            let day = i % 28 + 1;
            format!(
                "{{\"title\": \"Council story {i}\", \"published\": \"2024-03-{day:02}\", \"text\": \"The council voted on March {day}, 2024 to close bridge {i}.\"}}\n"
            )
        })
        .collect();
    std::fs::write(&path, records).unwrap();
    let harness = harness_with(vec![path]);
    assert_eq!(harness.state().timeline().articles.len(), 60);
    let lanes = harness.state().lane_names();
    assert_eq!(lanes.len(), 40, "{lanes:?}");
    assert_eq!(lanes.last().map(String::as_str), Some("Other articles (21)"));
    harness.get_by_label("Lanes by article");
    std::fs::remove_dir_all(&dir).ok();
}

//! The timeline JSON loader on any bytes: no panic, and what loads builds a
//! drawing index and a picture layout.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(timeline) = newsline::timeline::Timeline::from_json(text) else { return };
    let index = newsline::layout::index::TimelineIndex::new(&timeline);
    let spec = newsline::layout::scene::SceneSpec {
        width: 800.0,
        height: 400.0,
        x_min: index.extent.map_or(0.0, |e| e.0),
        x_max: index.extent.map_or(1.0, |e| e.1),
        title: String::new(),
        font_size: 12.0,
        framed: true,
    };
    let _ = newsline::layout::scene::build_indexed(&timeline, &index, &spec);
});

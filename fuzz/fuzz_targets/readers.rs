//! Every reader on any bytes: the first byte picks the format hint (text,
//! HTML, feed, JSON, or none, which sniffs). No panic; whatever is read goes
//! through extraction too, and every event has start ≤ end.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsline::source::{Format, read_bytes};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let hint = match pick % 5 {
        0 => Some(Format::Text),
        1 => Some(Format::Html),
        2 => Some(Format::Feed),
        3 => Some(Format::Json),
        _ => None,
    };
    if let Ok(contents) = read_bytes(bytes, hint) {
        for a in &contents.articles {
            assert!(a.body_start <= a.text.len());
        }
        let mut timeline = newsline::events::extract(&contents.articles);
        // A saved timeline found among the records is read by the model, repaired.
        if let Some(saved) = contents.timeline
            && let Ok(t) = newsline::timeline::Timeline::read_saved(saved)
        {
            timeline.append(t);
        }
        for e in &timeline.events {
            assert!(e.start <= e.end);
        }
    }
});

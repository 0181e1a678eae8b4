//! The tagger on any UTF-8 text and any anchor date: no panic, spans on char
//! boundaries, in order, and every placeable value has an ordered range.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (i32, &str)| {
    let (days, text) = input;
    let dct = chrono::NaiveDate::from_num_days_from_ce_opt(days);
    let found = newsline::temporal::tag(text, dct);
    let mut last_end = 0;
    for t in &found {
        assert!(t.start < t.end && t.end <= text.len() && t.start >= last_end);
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        if let Ok((a, b)) = t.value.date_range(t.modifier) {
            assert!(a <= b);
        }
        last_end = t.end;
    }
});

//! Property tests (proptest): the tagger on any text and any date, events on
//! any article, the timeline JSON round trip, and the date ranges of Contract 3
//! against an independent computation with chrono.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use newsline::temporal::{self, Mod, TimexValue};
use newsline::timeline::Timeline;
use proptest::prelude::*;

fn date() -> impl Strategy<Value = NaiveDate> {
    // Far past and future included: date arithmetic near chrono's limits must not panic.
    prop_oneof![
        (-200_000i64..200_000).prop_map(|d| NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Duration::days(d)),
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
    ]
}

/// Text that looks like news often enough to exercise the rules.
fn newsy() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "on",
        "Dec.",
        "5",
        ",",
        "2018",
        "last",
        "week",
        "next",
        "Monday",
        "the",
        "third",
        "quarter",
        "of",
        "1990s",
        "ago",
        "two",
        "years",
        "early",
        "mid",
        "-",
        "late",
        "November",
        "Christmas",
        "3",
        "p.m.",
        "EST",
        "every",
        "day",
        "'98",
        "said",
        "will",
        "meet",
        "in",
        "May",
        "12/05/2018",
        "31/31/31",
        "99999",
        "0",
        "BC",
        "Feb",
        "30",
        "now",
        "today",
        "tonight",
        "é",
        "東京",
        "\u{200b}",
        ".",
        "\n",
    ]);
    prop::collection::vec(words, 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn tagger_spans_lie_on_char_boundaries(text in prop_oneof![any::<String>(), newsy()], dct in prop::option::of(date())) {
        let found = temporal::tag(&text, dct);
        for t in &found {
            prop_assert!(t.start < t.end && t.end <= text.len());
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            // Every value prints, and a placeable one has an ordered range.
            let _ = t.value.to_string();
            if let Ok((a, b)) = t.value.date_range(t.modifier) {
                prop_assert!(a <= b);
            }
        }
        for w in found.windows(2) {
            prop_assert!(w[0].end <= w[1].start, "matches overlap");
        }
    }

    #[test]
    fn events_are_ordered_ranges_and_the_json_round_trips(body in newsy(), dct in prop::option::of(date())) {
        let head = dct.map(|d| d.to_string()).unwrap_or_default();
        let article = newsline::source::text::read(&format!("A title\n{head}\n{body}"));
        let tl = newsline::events::extract(&[article]);
        for e in &tl.events {
            prop_assert!(e.start <= e.end);
            for m in &e.mentions {
                // A date from a time expression points to it; one from the publication date
                // or the narrative has the event word it is about.
                if m.basis == newsline::timeline::Basis::Explicit || m.start.is_some() {
                    prop_assert!(m.start.unwrap_or(0) < m.end.unwrap_or(0));
                }
                if m.basis != newsline::timeline::Basis::Explicit {
                    prop_assert!(m.trigger.is_some());
                }
            }
        }
        let back = Timeline::from_json(&tl.to_json()).unwrap();
        prop_assert_eq!(back, tl);
    }

    #[test]
    fn month_and_quarter_ranges_follow_contract_3(y in -3000i32..3000, m in 1u32..=12, md in prop::option::of(prop_oneof![Just(Mod::Start), Just(Mod::Mid), Just(Mod::End)])) {
        let first = NaiveDate::from_ymd_opt(y, m, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(if m == 12 { y + 1 } else { y }, if m == 12 { 1 } else { m + 1 }, 1).unwrap() - Duration::days(1);
        let want = match md {
            Some(Mod::Start) => (first, first + Duration::days(9)),
            Some(Mod::Mid) => (first + Duration::days(10), first + Duration::days(19)),
            Some(Mod::End) => (first + Duration::days(20), last),
            _ => (first, last),
        };
        prop_assert_eq!(TimexValue::Month(y, m).date_range(md).unwrap(), want);
        let q = (m - 1) / 3 + 1;
        let qs = NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1).unwrap();
        let (a, b) = TimexValue::Quarter(y, q).date_range(None).unwrap();
        prop_assert_eq!(a, qs);
        prop_assert!(b.month() == q * 3 && (b + Duration::days(1)).day() == 1);
    }

    #[test]
    fn iso_weeks_run_monday_to_sunday(y in 1i32..3000, w in 1u32..=52) {
        let (a, b) = TimexValue::Week(y, w).date_range(None).unwrap();
        prop_assert_eq!(a, NaiveDate::from_isoywd_opt(y, w, Weekday::Mon).unwrap());
        prop_assert_eq!(b - a, Duration::days(6));
        prop_assert_eq!(b.weekday(), Weekday::Sun);
    }
}

//! Deterministic synthetic timelines for the benchmarks and the large-file
//! example: `n` events from `lanes` sources over ten years from 2010, bunched
//! like news (a fifth of them in 50 busy weeks), each with one mention and a
//! realistic sentence.

use chrono::{Duration, NaiveDate};
use newsline::timeline::{ArticleMeta, Basis, Event, Granularity, Mention, Span, Timeline, VERSION};

pub fn timeline(n: usize, lanes: usize) -> Timeline {
    let base = NaiveDate::from_ymd_opt(2010, 1, 1).expect("a valid date");
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let articles = (0..lanes)
        .map(|i| ArticleMeta {
            id: format!("a{}", i + 1),
            title: format!("Wire service desk {}", i + 1),
            published: Some(base),
            url: Some(format!("https://news.example/desk/{}", i + 1)),
            path: None,
            warnings: Vec::new(),
        })
        .collect();
    let mut events: Vec<Event> = (0..n)
        .map(|i| {
            let r = next();
            let day = if r % 5 == 0 { (r >> 8) % 50 * 73 + (r >> 20) % 7 } else { (r >> 8) % 3650 } as i64;
            let start = base + Duration::days(day);
            let len = match r >> 40 & 7 {
                0 => 6,
                1 => 29,
                _ => 0,
            };
            let lane = (r >> 50) as usize % lanes.max(1);
            // A third of the events dated by their article's publication date, as news gives them.
            let basis = if r % 3 == 0 { Basis::Published } else { Basis::Explicit };
            let explicit = basis == Basis::Explicit;
            Event {
                id: format!("e{}", i + 1),
                title: format!("Officials announced measure {i} after talks"),
                start,
                end: start + Duration::days(len),
                timex: start.to_string(),
                modifier: None,
                granularity: if len == 0 { Granularity::Day } else { Granularity::Week },
                basis,
                mentions: vec![Mention {
                    article: format!("a{}", lane + 1).into(),
                    start: explicit.then_some(3),
                    end: explicit.then_some(10),
                    text: explicit.then(|| "Tuesday".to_string()),
                    trigger: Some(Span { start: 21, end: 30, text: "announced".into() }),
                    sentence: format!("On Tuesday, officials announced measure {i} after talks with the unions ended."),
                    sentence_start: Some(0),
                    sentence_end: Some(70),
                    basis,
                }],
            }
        })
        .collect();
    events.sort_by_key(|e| (e.start, e.end));
    Timeline { version: VERSION, articles, events }
}

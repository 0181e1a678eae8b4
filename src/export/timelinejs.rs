//! TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html): each event
//! has a `start_date` with at least a `year`, an `end_date` for ranges, and `text` with a
//! `headline`; `group` puts it in a row named after its first source.

use chrono::{Datelike, NaiveDate};
use serde_json::{Value, json};

use crate::timeline::Timeline;

fn date(d: NaiveDate) -> Value {
    json!({"year": d.year().to_string(), "month": d.month().to_string(), "day": d.day().to_string()})
}

pub fn to_timelinejs(timeline: &Timeline, title: &str) -> Value {
    let events: Vec<Value> = timeline
        .events
        .iter()
        .map(|e| {
            let source = e.mentions.first().and_then(|m| timeline.articles.iter().find(|a| *a.id == *m.article));
            let text = e.mentions.iter().map(|m| format!("<p>{}</p>", html_escape(&m.sentence))).collect::<String>();
            let mut ev = json!({
                "unique_id": e.id,
                "start_date": date(e.start),
                "text": {"headline": html_escape(&e.title), "text": text},
            });
            if e.end != e.start {
                ev["end_date"] = date(e.end);
            }
            if let Some(a) = source {
                // The group's name is shown as HTML too: escaped like the rest.
                ev["group"] = json!(html_escape(&a.title));
            }
            ev
        })
        .collect();
    json!({"title": {"text": {"headline": html_escape(title), "text": ""}}, "events": events})
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

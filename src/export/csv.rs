//! The timeline's events as CSV, one row per event, quoted as RFC 4180 asks.
//! Cells that a spreadsheet would run as a formula are neutralised.

use crate::timeline::Timeline;

/// The columns; `basis` (how the date was found) came last, so older readers keep their columns.
const HEADER: &[&str] = &["id", "start", "end", "timex", "mod", "granularity", "title", "articles", "mentions", "sentence", "basis"];

/// A cell a spreadsheet will not evaluate: a leading `=`, `+`, `-`, `@` (or tab/CR) gets a `'`.
fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_string() }
}

fn quote(cell: &str) -> String {
    let cell = neutralise(cell);
    if cell.contains([',', '"', '\n', '\r']) { format!("\"{}\"", cell.replace('"', "\"\"")) } else { cell }
}

pub fn to_csv(timeline: &Timeline) -> String {
    let mut out = HEADER.join(",");
    out.push_str("\r\n");
    for e in &timeline.events {
        let articles: Vec<&str> = e.mentions.iter().map(|m| m.article.as_ref()).collect();
        let row = [
            e.id.clone(),
            e.start.to_string(),
            e.end.to_string(),
            e.timex.clone(),
            e.modifier.map(|m| m.as_str().to_string()).unwrap_or_default(),
            e.granularity.to_string(),
            e.title.clone(),
            articles.join(" "),
            e.mentions.len().to_string(),
            e.mentions.first().map(|m| m.sentence.clone()).unwrap_or_default(),
            e.basis.as_str().to_string(),
        ];
        out.push_str(&row.iter().map(|c| quote(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_quotes_doubled() {
        assert_eq!(quote("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(quote("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(quote("a, b"), "\"a, b\"");
        assert_eq!(quote("plain"), "plain");
    }
}

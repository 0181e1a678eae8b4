//! The event rules, by example (`tests/data/events/rules.tsv`): real news sentences,
//! each with the events it must give — their basis, dates and title — or none.
//! In the examples, "\\n" is a line break.

use newsline::timeline::Timeline;

/// The examples of a data file: its lines that are not comments, split at tabs.
fn examples(path: &str) -> Vec<Vec<String>> {
    let cases = std::fs::read_to_string(path).expect("the examples");
    cases.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.split('\t').map(str::to_string).collect()).collect()
}

/// The events of `body` (where "\\n" stands for a line break) published on `dct`.
fn events_of(dct: &str, body: &str) -> Timeline {
    let body = body.replace("\\n", "\n");
    newsline::events::extract(&[newsline::source::text::read(&format!("Test\n{dct}\n{body}"))])
}

#[test]
fn every_example_gives_its_events() {
    let mut failures = Vec::new();
    let mut n = 0;
    for cols in examples("tests/data/events/rules.tsv") {
        let [dct, body, expect] = &cols[..] else { panic!("three columns: {cols:?}") };
        n += 1;
        let tl = events_of(dct, body);
        let got: Vec<String> = tl.events.iter().map(|e| format!("{} {}..{} {}", e.basis.as_str(), e.start, e.end, e.title)).collect();
        let wanted: Vec<&str> = if expect.trim() == "-" { Vec::new() } else { expect.split(" ; ").collect() };
        if got.len() != wanted.len() {
            failures.push(format!("{body:?}: wanted {wanted:?}, got {got:?}"));
            continue;
        }
        for w in &wanted {
            let mut parts = w.splitn(3, ' ');
            let (basis, dates, words) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap_or(""));
            let (start, end) = dates.split_once("..").unwrap_or((dates, dates));
            let found = tl.events.iter().any(|e| {
                e.basis.as_str() == basis
                    && e.start.to_string() == start
                    && e.end.to_string() == end
                    && e.title.to_lowercase().contains(&words.to_lowercase())
            });
            if !found {
                failures.push(format!("{body:?}: no event {w:?} among {got:?}"));
            }
        }
    }
    assert!(n >= 20, "{n} examples read");
    assert!(failures.is_empty(), "{} of {n} examples fail:\n{}", failures.len(), failures.join("\n"));
}

/// The mentions that make one event (`tests/data/events/mentions.tsv`): the words that
/// report the same happening — in the headline, the announcement and what it
/// announces — are mentions of one event, not events of their own.
#[test]
fn every_example_joins_its_mentions() {
    let mut failures = Vec::new();
    let mut n = 0;
    for cols in examples("tests/data/events/mentions.tsv") {
        let [dct, headline, body, expect] = &cols[..] else { panic!("four columns: {cols:?}") };
        n += 1;
        let text = format!("{headline}\n{dct}\n{body}");
        let tl = newsline::events::extract(&[newsline::source::text::read(&text)]);
        let triggers = |e: &newsline::timeline::Event| {
            let mut words: Vec<String> = e
                .mentions
                .iter()
                .filter_map(|m| m.trigger.as_ref())
                .filter_map(|t| text.get(t.start..t.end))
                .map(str::to_lowercase)
                .collect();
            words.sort();
            words
        };
        let mut wanted: Vec<String> = expect.split_whitespace().map(str::to_lowercase).collect();
        wanted.sort();
        let got: Vec<Vec<String>> = tl.events.iter().map(triggers).collect();
        if !got.contains(&wanted) {
            failures.push(format!("{body:?}: no event of {wanted:?} among {got:?}"));
        }
    }
    assert!(n >= 4, "{n} examples read");
    assert!(failures.is_empty(), "{} of {n} examples fail:\n{}", failures.len(), failures.join("\n"));
}

/// Titles word for word (`tests/data/events/titles.tsv`): the clause's core, with
/// nothing left dangling where a date, an aside or a modifier was cut.
#[test]
fn every_example_gets_its_title() {
    let mut failures = Vec::new();
    let mut n = 0;
    for cols in examples("tests/data/events/titles.tsv") {
        let [dct, body, expect] = &cols[..] else { panic!("three columns: {cols:?}") };
        let titles: Vec<String> = events_of(dct, body).events.iter().map(|e| e.title.clone()).collect();
        for wanted in expect.split(" ; ") {
            n += 1;
            if !titles.iter().any(|t| t == wanted) {
                failures.push(format!("{body:?}: no title {wanted:?} among {titles:?}"));
            }
        }
    }
    assert!(n >= 8, "{n} examples read");
    assert!(failures.is_empty(), "{} of {n} titles differ:\n{}", failures.len(), failures.join("\n"));
}

/// Across articles of one day, "today" in each is no tie: many stories of a day say
/// it of different things. A date written out in both, with two things in common
/// besides it, is.
#[test]
fn articles_of_one_day_meet_through_a_written_date_not_through_today() {
    let article = |headline: &str, body: &str| newsline::source::text::read(&format!("{headline}\n2025-12-19\n{body}"));
    let cross = |a: &str, b: &str| {
        let tl = newsline::events::extract(&[article("Library news", a), article("Museum news", b)]);
        let joined = tl.events.iter().filter(|e| e.mentions.iter().map(|m| &m.article).collect::<std::collections::HashSet<_>>().len() > 1);
        joined.map(|e| e.title.clone()).collect::<Vec<_>>()
    };
    let today = cross(
        "the council opened the special reading room today, and readers filled it.",
        "the museum opened a special wing today for readers and families.",
    );
    assert!(today.is_empty(), "{today:?}");
    let written =
        cross("the first special service leaves on Dec. 22 with 455 passengers.", "the regular special service starts on December 22.");
    assert_eq!(written.len(), 1, "{written:?}");
}

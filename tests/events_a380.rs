//! The merged timeline of the ten Wikinews articles on the Airbus A380
//! (`sample_data/wikinews-a380/`), checked against what a reader of those
//! articles finds: the story's milestones appear once each, with every source
//! that reports them, and nothing else is merged across articles.

use std::collections::BTreeSet;
use std::process::Command;

use newsline::timeline::{Event, Timeline};

fn a380() -> Timeline {
    let out = Command::new(env!("CARGO_BIN_EXE_newsline")).args(["extract", "sample_data/wikinews-a380"]).output().expect("run newsline");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    Timeline::from_json(&String::from_utf8(out.stdout).unwrap()).unwrap()
}

/// Ids of the articles whose titles start with these words.
fn article(tl: &Timeline, title_start: &str) -> String {
    tl.articles.iter().find(|a| a.title.starts_with(title_start)).unwrap_or_else(|| panic!("no article {title_start:?}")).id.clone()
}

fn sources(e: &Event) -> BTreeSet<String> {
    e.mentions.iter().map(|m| m.article.to_string()).collect()
}

/// The one event placed exactly on `day` whose mentions include an event word that
/// starts with `word` (the day has the day's other news too).
fn on_day<'a>(tl: &'a Timeline, day: &str, word: &str) -> &'a Event {
    let found: Vec<&Event> = tl
        .events
        .iter()
        .filter(|e| e.start.to_string() == day && e.end.to_string() == day)
        .filter(|e| e.mentions.iter().any(|m| m.trigger.as_ref().is_some_and(|t| t.text.to_lowercase().starts_with(word))))
        .collect();
    assert_eq!(found.len(), 1, "{word:?} events on {day}: {:#?}", found.iter().map(|e| (&e.title, sources(e))).collect::<Vec<_>>());
    found[0]
}

#[test]
fn milestones_once_each_with_every_source() {
    let tl = a380();
    assert_eq!(tl.articles.len(), 10);
    let delivered = article(&tl, "First Airbus A380 delivered");
    let service = article(&tl, "First A380 enters commercial service");
    let us = article(&tl, "A380 makes maiden flight to US");
    let first_flight = article(&tl, "World's largest passenger airliner makes first flight");

    // Delivery to Singapore Airlines: "not due until October" (March 2007) and
    // "was delivered today" (15 October 2007).
    let delivery = on_day(&tl, "2007-10-15", "deliver");
    assert_eq!(sources(delivery), BTreeSet::from([delivered.clone(), us.clone()]), "{delivery:#?}");

    // The charity flight from Singapore to Sydney on 25 October, reported twice.
    let charity = on_day(&tl, "2007-10-25", "take");
    assert_eq!(sources(charity), BTreeSet::from([delivered.clone(), service.clone()]), "{charity:#?}");

    // Regular Singapore–Sydney service from 28 October, reported twice.
    let regular = on_day(&tl, "2007-10-28", "");
    assert_eq!(sources(regular), BTreeSet::from([delivered.clone(), service.clone()]), "{regular:#?}");

    // The unveiling: "revealed in January 2005" and "unveiled … on January 18, 2005" are one event.
    let unveiling = on_day(&tl, "2005-01-18", "unveil");
    let texts: BTreeSet<&str> = unveiling.mentions.iter().filter_map(|m| m.text.as_deref()).collect();
    assert!(texts.contains("January 2005") && texts.contains("January 18, 2005"), "{unveiling:#?}");
    assert!(sources(unveiling).contains(&first_flight));

    // The first landing in the US, on Monday 19 March 2007.
    assert!(tl.events.iter().any(|e| e.start.to_string() == "2007-03-19" && sources(e).contains(&us)));
    // The delayed test flight at Bangkok, "today" in the article of 1 September 2007.
    let delayed = tl
        .events
        .iter()
        .find(|e| {
            e.start.to_string() == "2007-09-01" && e.mentions.iter().any(|m| m.trigger.as_ref().is_some_and(|t| &*t.text == "delayed"))
        })
        .expect("the delayed test flight");
    assert_eq!(delayed.end.to_string(), "2007-09-01");
}

#[test]
fn nothing_else_is_merged_across_articles() {
    let tl = a380();
    // Dates on which reading the articles shows one event reported by several of them:
    // the unveiling (the day's news in the article of 18 January 2005, told again in the
    // first-flight article), the first flight (the day's news on 27 April 2005, "first
    // flew in April 2005" in the 787 article: the month, as the explicit date is kept),
    // the delivery, the entry into service, the charity flight and the regular service.
    let shared_days = ["2005-01-18", "2005-04-01", "2007-10-15", "2007-10-17", "2007-10-25", "2007-10-28"];
    for e in tl.events.iter().filter(|e| sources(e).len() > 1) {
        assert!(shared_days.contains(&e.start.to_string().as_str()), "unexpected cross-article merge: {e:#?}");
    }
    // A Boeing 777 article shares no event with the A380 ones.
    let boeing_777 = article(&tl, "Boeing unveils long-range 777");
    assert!(tl.events.iter().filter(|e| sources(e).contains(&boeing_777)).all(|e| sources(e).len() == 1));
}

/// The first mention is the one the title was read from: the title's words are in its
/// sentence, but for the headline's own words ("to", "be") and a subject that stands
/// for a pronoun ("it was flown" → "Plane flown"), named earlier in the article. So a
/// reader (and the CSV's one sentence column) sees the source.
#[test]
fn the_first_mention_is_the_title_s_source() {
    let tl = a380();
    for e in &tl.events {
        let m = &e.mentions[0];
        let article = tl.articles.iter().find(|a| *a.id == *m.article).unwrap();
        let text = std::fs::read_to_string(article.path.as_ref().unwrap()).unwrap().to_lowercase();
        let sentence = m.sentence.to_lowercase();
        let before = &text[..m.sentence_end.unwrap()];
        for word in e.title.split_whitespace() {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            if matches!(word.as_str(), "to" | "be" | "") {
                continue;
            }
            assert!(
                sentence.contains(&word) || before.contains(&word),
                "{:?}: {word:?} not in the first mention's sentence {sentence:?}",
                e.title
            );
        }
        assert!(e.title.chars().count() <= 60 && !e.title.contains('…'), "{:?}", e.title);
    }
}

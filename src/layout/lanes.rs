//! Which lane each event goes in: one per article, one per source (the site an
//! article came from, or its folder), or one per topic (the name its sentences
//! share most with other events: "Huawei", "Airbus").

use std::collections::HashMap;

use crate::timeline::Timeline;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LaneMode {
    #[default]
    Article,
    Source,
    Topic,
}

impl LaneMode {
    pub const ALL: [LaneMode; 3] = [LaneMode::Article, LaneMode::Source, LaneMode::Topic];

    pub fn label(self) -> &'static str {
        match self {
            LaneMode::Article => "Article",
            LaneMode::Source => "Source",
            LaneMode::Topic => "Topic",
        }
    }
}

/// The lane of every event, and the lanes' names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lanes {
    pub of_event: Vec<usize>,
    pub names: Vec<String>,
}

/// At most this many topic lanes; the rest share "Other topics".
const MAX_TOPICS: usize = 12;

pub fn assign(timeline: &Timeline, mode: LaneMode) -> Lanes {
    let article_of = super::scene::lanes_of(timeline);
    match mode {
        LaneMode::Article => Lanes { of_event: article_of, names: timeline.articles.iter().map(|a| a.title.clone()).collect() },
        LaneMode::Source => {
            let source_of: Vec<String> = timeline.articles.iter().map(source_name).collect();
            group(article_of.iter().map(|&a| source_of.get(a).cloned().unwrap_or_else(|| "Unknown".into())).collect())
        }
        LaneMode::Topic => topics(timeline),
    }
}

/// "en.wikinews.org" for a web article, the folder for a local file.
fn source_name(a: &crate::timeline::ArticleMeta) -> String {
    if let Some(host) = a.url.as_deref().and_then(|u| u.split("://").nth(1)).and_then(|r| r.split('/').next()) {
        return host.trim_start_matches("www.").to_string();
    }
    a.path
        .as_deref()
        .and_then(|p| std::path::Path::new(p).parent())
        .and_then(|d| d.file_name())
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Unknown".into())
}

/// Lanes from a name per event, in order of first appearance.
fn group(names: Vec<String>) -> Lanes {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut lanes = Lanes::default();
    for n in names {
        let next = lanes.names.len();
        let i = *index.entry(n.clone()).or_insert_with(|| {
            lanes.names.push(n);
            next
        });
        lanes.of_event.push(i);
    }
    lanes
}

/// Names in a sentence: capitalised words other than the first, not calendar words.
fn names_in(sentence: &str) -> impl Iterator<Item = &str> {
    const CALENDAR: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "The",
        "This",
        "That",
        "Mr",
        "Ms",
        "Mrs",
        "Dr",
        // Time zones, agencies and the generic heads of names, which say little of a topic.
        "UTC",
        "GMT",
        "EST",
        "EDT",
        "CST",
        "PST",
        "PDT",
        "BST",
        "CET",
        "Reuters",
        "AFP",
        "Airlines",
        "Airways",
        "Airport",
        "International",
        "Group",
        "Company",
        "Corp",
        "Inc",
        "Ltd",
        "News",
        "University",
        "American",
        "European",
        "British",
        "President",
        "Minister",
    ];
    sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .skip(1)
        .filter(|w| w.len() >= 3 && w.chars().next().is_some_and(char::is_uppercase) && !CALENDAR.contains(w))
}

fn topics(timeline: &Timeline) -> Lanes {
    // How many events name each word.
    let mut freq: HashMap<&str, usize> = HashMap::new();
    let per_event: Vec<Vec<&str>> = timeline
        .events
        .iter()
        .map(|e| {
            let mut ns: Vec<&str> = e.mentions.iter().flat_map(|m| names_in(&m.sentence)).collect();
            ns.sort_unstable();
            ns.dedup();
            ns
        })
        .collect();
    for ns in &per_event {
        for n in ns {
            *freq.entry(n).or_default() += 1;
        }
    }
    // Each event's topic: its most shared name (ties: alphabetical, so it is stable).
    let topic: Vec<Option<&str>> =
        per_event.iter().map(|ns| ns.iter().copied().filter(|n| freq[n] >= 2).max_by_key(|n| (freq[n], std::cmp::Reverse(*n)))).collect();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for t in topic.iter().flatten() {
        *count.entry(t).or_default() += 1;
    }
    let mut top: Vec<(&str, usize)> = count.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let kept: Vec<&str> = top.iter().take(MAX_TOPICS).map(|(t, _)| *t).collect();
    group(topic.iter().map(|t| t.filter(|t| kept.contains(t)).map_or_else(|| "Other topics".to_string(), str::to_string)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a380() -> Timeline {
        let (files, _) = crate::source::collect_files(&["sample_data/wikinews-a380".into()]);
        let articles: Vec<_> = files.iter().flat_map(|f| crate::source::load_file(f).unwrap().articles).collect();
        crate::events::extract(&articles)
    }

    #[test]
    fn lanes_by_article_source_and_topic() {
        let tl = a380();
        let by_article = assign(&tl, LaneMode::Article);
        assert_eq!(by_article.names.len(), 10);
        let by_source = assign(&tl, LaneMode::Source);
        assert_eq!(by_source.names, ["en.wikinews.org"], "all ten are from Wikinews");
        assert!(by_source.of_event.iter().all(|&l| l == 0));
        let by_topic = assign(&tl, LaneMode::Topic);
        assert_eq!(by_topic.of_event.len(), tl.events.len());
        assert!(by_topic.names.len() >= 2 && by_topic.names.len() <= MAX_TOPICS + 1, "{:?}", by_topic.names);
        assert!(by_topic.names.iter().any(|n| n == "Airbus" || n == "A380" || n == "Singapore"), "{:?}", by_topic.names);
    }
}

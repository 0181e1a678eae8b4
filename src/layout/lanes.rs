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
    if let Some(host) = a.url.as_deref().and_then(crate::source::url_host) {
        return host;
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

fn topics(timeline: &Timeline) -> Lanes {
    group(crate::events::topics::of_events(&timeline.events, MAX_TOPICS))
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

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
    /// Lanes by article: each article's lane (its own, or the one the rest share).
    /// Empty in the other modes.
    pub of_article: Vec<usize>,
}

/// At most this many topic lanes; the rest share "Other topics".
const MAX_TOPICS: usize = 12;

/// At most this many article lanes: a whole archive opened article by article would
/// give each a fraction of a pixel. The articles with the most events keep a lane.
pub const MAX_ARTICLES: usize = 40;

/// At most this many source lanes: an archive of 10,000 sites would give lanes a
/// fraction of a pixel high. The busiest sources keep a lane; the rest share one.
const MAX_SOURCES: usize = 24;

pub fn assign(timeline: &Timeline, mode: LaneMode) -> Lanes {
    let article_of = super::scene::lanes_of(timeline);
    match mode {
        LaneMode::Article => articles(timeline, article_of),
        LaneMode::Source => {
            let source_of: Vec<String> = timeline.articles.iter().map(source_name).collect();
            let names = article_of.iter().map(|&a| source_of.get(a).cloned().unwrap_or_else(|| "Unknown".into())).collect();
            capped(names, MAX_SOURCES, "Other sources")
        }
        LaneMode::Topic => topics(timeline),
    }
}

/// One lane per article, at most [`MAX_ARTICLES`]: when there are more, the
/// `MAX_ARTICLES - 1` with the most events keep a lane (in the articles' order) and the
/// rest share a last lane, "Other articles (how many)". Two articles of the same title
/// keep two lanes.
fn articles(timeline: &Timeline, article_of: Vec<usize>) -> Lanes {
    let n = timeline.articles.len();
    if n <= MAX_ARTICLES {
        let names = timeline.articles.iter().map(|a| a.title.clone()).collect();
        return Lanes { of_event: article_of, names, of_article: (0..n).collect() };
    }
    let mut count = vec![0usize; n];
    for &a in &article_of {
        if let Some(c) = count.get_mut(a) {
            *c += 1;
        }
    }
    let mut busiest: Vec<usize> = (0..n).collect();
    busiest.sort_unstable_by(|&a, &b| count[b].cmp(&count[a]).then(a.cmp(&b)));
    let mut kept = vec![false; n];
    for &a in &busiest[..MAX_ARTICLES - 1] {
        kept[a] = true;
    }
    let shared = MAX_ARTICLES - 1;
    let mut names = Vec::with_capacity(MAX_ARTICLES);
    let mut of_article = vec![shared; n];
    for a in (0..n).filter(|&a| kept[a]) {
        of_article[a] = names.len();
        names.push(timeline.articles[a].title.clone());
    }
    names.push(format!("Other articles ({})", n - shared));
    let of_event = article_of.iter().map(|&a| of_article.get(a).copied().unwrap_or(shared)).collect();
    Lanes { of_event, names, of_article }
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

/// Lanes from a name per event, as [`group`] makes them, but at most `max`: when
/// there are more names, the `max - 1` with the most events keep a lane (in order of
/// first appearance) and the rest share a last lane, "`other` (how many)".
fn capped(names: Vec<String>, max: usize, other: &str) -> Lanes {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for n in &names {
        *count.entry(n.as_str()).or_default() += 1;
    }
    if count.len() <= max {
        return group(names);
    }
    let mut busiest: Vec<(&str, usize)> = count.into_iter().collect();
    busiest.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let rest = busiest.len() - (max - 1);
    let kept: std::collections::HashSet<&str> = busiest.into_iter().take(max - 1).map(|(n, _)| n).collect();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut lanes = Lanes::default();
    for n in names.iter().filter(|n| kept.contains(n.as_str())) {
        index.entry(n.as_str()).or_insert_with(|| {
            lanes.names.push(n.clone());
            lanes.names.len() - 1
        });
    }
    let shared = lanes.names.len();
    lanes.names.push(format!("{other} ({rest})"));
    lanes.of_event = names.iter().map(|n| index.get(n.as_str()).copied().unwrap_or(shared)).collect();
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

    /// An archive from 10,000 sites: the busiest keep their lanes, the rest share one,
    /// and every event has a lane.
    #[test]
    fn ten_thousand_sources_share_a_few_lanes() {
        let mut tl = a380();
        let template = tl.events[0].clone();
        tl.articles = (0..10_000)
            .map(|i| crate::timeline::ArticleMeta {
                id: format!("a{}", i + 1),
                title: format!("Story {i}"),
                published: None,
                url: Some(format!("https://site{i}.example/news/{i}")),
                path: None,
                warnings: Vec::new(),
            })
            .collect();
        // One event from each site, and three more from each of the first thirty.
        tl.events = (0..10_000)
            .chain((0..30).flat_map(|i| [i, i, i]))
            .map(|i| {
                let mut e = template.clone();
                e.mentions.truncate(1);
                e.mentions[0].article = format!("a{}", i + 1).into();
                e
            })
            .collect();
        let lanes = assign(&tl, LaneMode::Source);
        assert_eq!(lanes.names.len(), MAX_SOURCES);
        assert_eq!(lanes.of_event.len(), tl.events.len());
        assert!(lanes.of_event.iter().all(|&l| l < MAX_SOURCES));
        assert_eq!(lanes.names.last().map(String::as_str), Some("Other sources (9977)"));
        // The busiest sites have lanes of their own, in order of first appearance.
        assert_eq!(lanes.names[0], "site0.example");
        assert_eq!(lanes.of_event[0], 0);
        assert_eq!(lanes.of_event[9_999], MAX_SOURCES - 1, "a site with one event shares the last lane");
        // A few sources keep a lane each.
        assert_eq!(assign(&a380(), LaneMode::Source).names, ["en.wikinews.org"]);

        // Opened article by article, the same archive keeps to a few lanes too.
        let lanes = assign(&tl, LaneMode::Article);
        assert_eq!(lanes.names.len(), MAX_ARTICLES);
        assert_eq!(lanes.names.last().map(String::as_str), Some("Other articles (9961)"));
        assert_eq!(lanes.of_article.len(), 10_000);
        assert!(lanes.of_event.iter().zip(&super::super::scene::lanes_of(&tl)).all(|(&l, &a)| l == lanes.of_article[a]));
        // The thirty busiest have their own lanes, in the articles' order; then the first of the rest.
        assert_eq!(lanes.names[..3], ["Story 0", "Story 1", "Story 2"]);
        assert_eq!(lanes.names[30], "Story 30");
        assert_eq!(lanes.of_article[9_999], MAX_ARTICLES - 1);
        // A few articles keep a lane each, in their order.
        let few = assign(&a380(), LaneMode::Article);
        assert_eq!(few.of_article, (0..few.names.len()).collect::<Vec<_>>());
    }
}

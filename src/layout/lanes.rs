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
            capped(group(names), MAX_SOURCES, "Other sources", true).0
        }
        LaneMode::Topic => topics(timeline),
    }
}

/// One lane per article, at most [`MAX_ARTICLES`] ([`capped`], in the articles'
/// order). Two articles of the same title keep two lanes.
fn articles(timeline: &Timeline, article_of: Vec<usize>) -> Lanes {
    let names = timeline.articles.iter().map(|a| a.title.clone()).collect();
    let (mut lanes, of_article) =
        capped(Lanes { of_event: article_of, names, of_article: Vec::new() }, MAX_ARTICLES, "Other articles", false);
    lanes.of_article = of_article;
    lanes
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

/// `keyed`'s lanes (an event's lane is its key; one name per key), but at most `max`:
/// when there are more keys, the `max - 1` with the most events keep a lane (in the
/// keys' order; ties go to the first key, or to the first name `ties_by_name`) and the
/// rest share a last lane, "`other` (how many)". Also gives each key's lane.
fn capped(keyed: Lanes, max: usize, other: &str, ties_by_name: bool) -> (Lanes, Vec<usize>) {
    let n = keyed.names.len();
    if n <= max {
        return (keyed, (0..n).collect());
    }
    let mut count = vec![0usize; n];
    for &k in &keyed.of_event {
        if let Some(c) = count.get_mut(k) {
            *c += 1;
        }
    }
    let mut busiest: Vec<usize> = (0..n).collect();
    busiest.sort_unstable_by(|&a, &b| {
        count[b].cmp(&count[a]).then_with(|| if ties_by_name { keyed.names[a].cmp(&keyed.names[b]) } else { a.cmp(&b) })
    });
    let mut kept = vec![false; n];
    for &k in &busiest[..max - 1] {
        kept[k] = true;
    }
    let shared = max - 1;
    let mut of_key = vec![shared; n];
    let mut names = Vec::with_capacity(max);
    for (k, name) in keyed.names.into_iter().enumerate() {
        if kept[k] {
            of_key[k] = names.len();
            names.push(name);
        }
    }
    names.push(format!("{other} ({})", n - shared));
    let of_event = keyed.of_event.iter().map(|&k| of_key.get(k).copied().unwrap_or(shared)).collect();
    (Lanes { of_event, names, of_article: Vec::new() }, of_key)
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

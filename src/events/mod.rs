//! Events: every clause that reports something happening becomes a mention with
//! a date and its basis ([`mentions`]); mentions of one event are merged, within an
//! article and across articles ([`merge`]), into the [`Timeline`]'s events, each
//! titled with a headline cut from its clause ([`title`]).
//!
//! A merged event keeps the most direct date among its mentions: an explicit date
//! over a narrative one over the publication date, and then the narrowest. An
//! inferred date never widens or moves an explicit one: a mention joins a group
//! only if its range is compatible with the group's.

pub mod attached;
pub mod grammar;
pub mod lexicon;
pub mod mentions;
pub mod merge;
pub mod placed;
pub mod sentences;
pub mod spread;
pub mod title;
pub mod topics;
pub mod trigger;

use crate::source::Article;
use crate::temporal::{Granularity, Mod, Tagger};
use crate::timeline::{ArticleMeta, Basis, Event, Mention, Span, Timeline, VERSION};
use mentions::Found;
pub use placed::{ArticleMentions, Placed};

/// Builds the timeline of a set of articles: mentions, merged into events.
/// Articles are tagged in parallel; the result does not depend on the thread count.
pub fn extract(articles: &[Article]) -> Timeline {
    extract_until(articles, || false).expect("never stopped")
}

/// [`extract`], stopping early (`None`) once `stop` says so: a cancelled job in the
/// window does not go on tagging thousands of articles nobody will see.
pub fn extract_until(articles: &[Article], stop: impl Fn() -> bool + Sync) -> Option<Timeline> {
    use rayon::prelude::*;
    let parts: Vec<ArticleMentions> = articles
        .par_iter()
        .enumerate()
        .map_init(Tagger::new, |tagger, (i, a)| {
            if stop() {
                ArticleMentions { article: article_meta(i, a), at: i, mentions: Vec::new() }
            } else {
                article_mentions(i, a, tagger)
            }
        })
        .collect();
    if stop() {
        return None;
    }
    Some(merge_articles(parts))
}

/// The dated mentions of the article `a`, the `i`th of a run: the map step's record.
pub fn article_mentions(i: usize, a: &Article, tagger: &mut Tagger) -> ArticleMentions {
    let id: std::sync::Arc<str> = article_id(i).into();
    let mentions = mentions::mentions_of(i, a, tagger).into_iter().map(|f| placed_of(f, &a.text, &id)).collect();
    ArticleMentions { article: article_meta(i, a), at: i, mentions }
}

/// A mention with everything merging and its event need from the article's text.
fn placed_of(f: Found, t: &str, id: &std::sync::Arc<str>) -> Placed {
    let mention = Mention {
        article: id.clone(),
        start: f.timex.as_ref().map(|x| x.start),
        end: f.timex.as_ref().map(|x| x.end),
        text: f.timex.as_ref().map(|x| t[x.start..x.end].to_string()),
        trigger: f.trigger.map(|(s, e)| Span { start: s, end: e, text: t[s..e].into() }),
        sentence: t[f.sentence.0..f.sentence.1].to_string(),
        sentence_start: Some(f.sentence.0),
        sentence_end: Some(f.sentence.1),
        basis: f.basis,
    };
    let (value, modifier, granularity) = match &f.timex {
        Some(x) if f.basis != Basis::Published => {
            (x.value.to_string(), x.modifier.filter(|m| matches!(m, Mod::Start | Mod::Mid | Mod::End)), x.value.granularity())
        }
        _ => (f.range.0.to_string(), None, Granularity::Day),
    };
    Placed { mention, range: f.range, value, modifier, granularity, title: f.title, part_of: f.with, article: f.article }
}

/// Merges articles' mentions into one timeline: within each article and across
/// them, part by part ([`spread`]). Articles are named a1, a2, … in the order given;
/// `extract` is this over each article's [`article_mentions`], and `newsline merge`
/// over the map step's lines.
pub fn merge_articles(parts: Vec<ArticleMentions>) -> Timeline {
    merge_into_timeline(parts, true)
}

/// Merges the mentions of one part of a merge as one ([`merge_articles`] merges each
/// part so): what a machine does with a part of a merge spread over many. The map
/// step's own events of an article are this too: no merge reads them.
pub fn merge_part(parts: Vec<ArticleMentions>) -> Timeline {
    merge_into_timeline(parts, false)
}

fn merge_into_timeline(parts: Vec<ArticleMentions>, by_part: bool) -> Timeline {
    use rayon::prelude::*;
    let mut articles = Vec::with_capacity(parts.len());
    let mut placed: Vec<Placed> = Vec::new();
    let mut bounds = Vec::with_capacity(parts.len());
    for (i, mut part) in parts.into_iter().enumerate() {
        part.set_id(&article_id(i));
        let offset = placed.len();
        let count = part.mentions.len();
        for mut p in part.mentions {
            p.article = i;
            // Joins within an article become indices into all the mentions (a line
            // read from a file may name a mention it does not have: no join).
            p.part_of = p.part_of.filter(|&w| w < count).map(|w| w + offset);
            placed.push(p);
        }
        bounds.push((offset, placed.len()));
        articles.push(part.article);
    }
    let keys: Vec<merge::Keys> = bounds.par_iter().flat_map_iter(|&(s, e)| merge::keys_of_article(&placed[s..e])).collect();
    let (placed, groups) = if by_part {
        merge_by_part(placed, keys)
    } else {
        let groups = groups_of(merge::merge(&placed, &keys), 0, placed.len());
        (placed, groups)
    };
    let mut events: Vec<Event> = groups.par_iter().map(|g| placed::event_of(g, &placed)).collect();
    number_events(&mut events);
    Timeline { version: VERSION, articles, events }
}

/// The groups of mentions `0..n` as `uf` holds them, each as indices from `offset`, in
/// the order of their first mentions.
fn groups_of(mut uf: merge::Groups, offset: usize, n: usize) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of = vec![usize::MAX; n];
    for i in 0..n {
        let r = uf.find(i);
        if group_of[r] == usize::MAX {
            group_of[r] = groups.len();
            groups.push(Vec::new());
        }
        groups[group_of[r]].push(offset + i);
    }
    groups
}

/// Merges mentions (grouped by article) part by part ([`spread`]): each part alone,
/// in parallel. Returns the mentions reordered by part (within a part, in their
/// order; `part_of` counted within the part) and the groups, as indices into them.
fn merge_by_part(placed: Vec<Placed>, keys: Vec<merge::Keys>) -> (Vec<Placed>, Vec<Vec<usize>>) {
    use rayon::prelude::*;
    let (n, part) = spread::parts(&placed, &keys);
    // Each part's mentions in one run, in their order; `at[i]` is mention i's new place.
    let mut starts = vec![0usize; n + 1];
    for &k in &part {
        starts[k + 1] += 1;
    }
    for k in 0..n {
        starts[k + 1] += starts[k];
    }
    let mut next = starts.clone();
    let mut at = vec![0usize; placed.len()];
    for (i, &k) in part.iter().enumerate() {
        at[i] = next[k];
        next[k] += 1;
    }
    let mut slots: Vec<Option<(Placed, merge::Keys)>> = (0..placed.len()).map(|_| None).collect();
    for (i, (mut p, k)) in placed.into_iter().zip(keys).enumerate() {
        // `part_of` is counted from the part's start, as the part is merged alone. It
        // joins mentions of one own event, so of one part, unless their dates refused
        // the join: then it points at the mention itself, still part of another, so
        // still left out of the buckets, as in the whole merge.
        let local = |j: usize| at[j] - starts[part[i]];
        p.part_of = p.part_of.map(|w| if part[w] == part[i] { local(w) } else { local(i) });
        slots[at[i]] = Some((p, k));
    }
    let (placed, keys): (Vec<Placed>, Vec<merge::Keys>) = slots.into_iter().flatten().unzip();
    let groups: Vec<Vec<usize>> = (0..n)
        .into_par_iter()
        .flat_map_iter(|k| {
            let (s, e) = (starts[k], starts[k + 1]);
            groups_of(merge::merge(&placed[s..e], &keys[s..e]), s, e - s)
        })
        .collect();
    (placed, groups)
}

/// Puts a timeline's events in date order (then by title) and names them e1, e2, ….
pub fn number_events(events: &mut [Event]) {
    events.sort_by(|a, b| (a.start, a.end, &a.title).cmp(&(b.start, b.end, &b.title)));
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
    }
}

pub fn article_id(idx: usize) -> String {
    format!("a{}", idx + 1)
}

fn article_meta(i: usize, a: &Article) -> ArticleMeta {
    ArticleMeta {
        id: article_id(i),
        title: a.title.clone(),
        published: a.published,
        url: a.url.clone(),
        path: a.path.as_ref().map(|p| p.display().to_string()),
        warnings: a.warnings.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(text: &str) -> Vec<String> {
        extract(&[crate::source::text::read(text)]).events.into_iter().map(|e| e.title).collect()
    }

    #[test]
    fn one_sentence_two_events() {
        let text = "Board plan\nDecember 13, 2018\nThe board will meet next Monday and publish results on April 22.";
        let tl = extract(&[crate::source::text::read(text)]);
        assert_eq!(tl.events.len(), 2, "{:#?}", tl.events);
    }

    #[test]
    fn one_sentence_restating_one_date_is_one_event() {
        let text = "Board meets\nJuly 9, 2007\nThe board met on Sunday and approved the budget on 7/8/07, its chairman said.";
        let tl = extract(&[crate::source::text::read(text)]);
        assert_eq!(tl.events.len(), 1, "{:#?}", tl.events);
        assert!(tl.events[0].mentions.len() >= 2, "{:#?}", tl.events);
    }

    #[test]
    fn dates_written_together_leave_a_title_together() {
        let text = "Boeing unveils the 787\nJuly 9, 2007\nThe first flight is expected to take place in August or September of this year.";
        let t = titles(text);
        assert!(!t.is_empty());
        assert!(t.iter().all(|t| t == "The first flight expected to take place"), "{t:?}");
    }

    /// "Sales fell in June 2021." is a short sentence, not a dateline.
    #[test]
    fn a_short_sentence_is_no_dateline() {
        for text in [
            "Sales report\nJuly 9, 2021\nSales fell in June 2021.",
            "Prices\nJuly 9, 2021\nPrices spiked in May 2019.",
            "Plant\nJuly 9, 2021\nThe plant was opened in June 2021.",
        ] {
            let tl = extract(&[crate::source::text::read(text)]);
            assert_eq!(tl.events.len(), 1, "{text}: {:#?}", tl.events);
            assert_eq!(tl.events[0].basis, Basis::Explicit);
        }
        // A dateline at the head still gives nothing.
        let tl = extract(&[crate::source::text::read("Title\nDecember 13, 2018 Updated: December 13, 2018\nNothing happened here.")]);
        assert!(tl.events.is_empty(), "{:#?}", tl.events);
    }

    /// A byline's or a comment's dateline further down a page is no event; a
    /// chronology's line that names what happened is.
    #[test]
    fn a_dateline_further_down_is_no_event_but_a_chronologys_line_is() {
        let text = "Launch report\nMarch 6, 2026\nThe rocket lifted off on Thursday from the coast.\n\nJohn Timmer – 3/5/2026 |\n\nUpdated November 26, 2025\n\nMar 25, 2025\n\nasked Mar 26, 2019 at 16:18\n\nJuly 20, 1969 – Moon landing";
        let t = titles(text);
        assert!(t.iter().any(|t| t.contains("rocket")) && t.iter().any(|t| t.contains("Moon landing")), "{t:?}");
        assert!(!t.iter().any(|t| t.contains("Timmer") || t.contains("Updated") || t.contains("Mar 25") || t.contains("sked")), "{t:?}");
    }

    /// A forum's header over a quoted post is no saying of the day, nor a dateline's
    /// label or a byline ("Last updated on:", "Written By Feb 11, 2019") a publication.
    #[test]
    fn a_quoted_posts_header_or_a_datelines_label_is_no_event() {
        let text = "Engine thread\nMarch 6, 2026\nThe team fired the new engine on Tuesday.\n\n6 hours ago, Bej Kerman said:\n\nIt runs well.\n\nOn 6/14/2024 at 9:14 AM, Lisias said:\n\nPosted on March 2, 2026 by Jane Roe\n\nUpdated March 3, 2026\n\nLast updated on:\n\nWritten By Feb 11, 2019";
        let t = titles(text);
        assert!(t.iter().any(|t| t.contains("engine")), "{t:?}");
        assert!(!t.iter().any(|t| t.contains("said") || t.contains("Posted") || t.contains("pdated") || t.contains("Written")), "{t:?}");
    }

    /// A date in a sentence with no verb that tells anything (a citation's tail, a
    /// heading, a label) is no event, but still the time of what the text tells next
    /// to it.
    #[test]
    fn a_date_with_no_verb_is_no_event() {
        let text = "Sleep study\nMarch 6, 2026\nSmith J, Jones K. Sleep and memory. JAMA. 2008;300(11):1350-1352.\n\nRoe A. Dreams (2016).\n\nMay 3, 2024, 12:16pm 3\n\nTop 10 sleep trends for 2025\n\nIn the spring the club met on May 4, 2024. March 2, 2026. The board resigned.";
        let tl = extract(&[crate::source::text::read(text)]);
        let t: Vec<&str> = tl.events.iter().map(|e| e.title.as_str()).collect();
        assert!(t.iter().all(|t| t.chars().any(char::is_alphabetic) && !t.contains("trends") && !t.contains("May 3")), "{t:?}");
        assert!(t.iter().any(|t| t.contains("club met")), "{t:?}");
        // A past the tagger took for a participle still tells.
        let t = titles(
            "Charges\nMay 14, 2020\nOn December 21, the day after the meeting, US prosecutors secretly filed charges against Assange in federal court in Alexandria, Virginia.",
        );
        assert!(t.iter().any(|t| t.contains("filed charges against Assange")), "{t:?}");
        let resigned = tl.events.iter().find(|e| e.title.contains("resigned")).expect("resigned");
        assert_eq!(resigned.start.to_string(), "2026-03-02", "{:#?}", tl.events);
    }

    /// An instruction to the reader is no event, dated or not; a sentence that opens
    /// with its subject or a past verb is.
    #[test]
    fn an_instruction_is_no_event() {
        let text = "Moving guide\nMarch 6, 2026\nThe company opened a depot in Ohio on Monday.\n\nSign up today and make this your best spring yet.\n\nPlease contact us on Friday to discuss your move.\n\nStart your free trial today!\n\nRead more May 3, 2025\n\nLet’s talk today.\n\nLet us meet on Friday.\n\nLet’s break down the top trends to watch in 2026.\n\nBook a call with our team.";
        let t = titles(text);
        assert_eq!(t, ["The company opened a depot in Ohio"], "{t:?}");
    }

    /// A colon in a title stands against the word before it, as written, and so does
    /// a percent sign.
    #[test]
    fn a_colon_in_a_title_has_no_space_before_it() {
        let t = titles("Phones\nMarch 6, 2026\nIn March 2025, Samsung unveiled its latest innovation: the Flex Gaming concept.");
        assert!(t.iter().any(|t| t.contains("innovation: Flex Gaming")), "{t:?}");
        // Nor before a percent sign after its figure.
        let t = titles("Sales\nMarch 6, 2026\nIn 2021, enrollments rose by 32%.");
        assert!(t.iter().any(|t| t.contains("rose by 32%")), "{t:?}");
    }

    /// What a wh-clause asks about is no event, unless "be" says it: "That's why we
    /// launched …" tells of the launch.
    #[test]
    fn a_wh_clause_is_no_event_unless_be_says_it() {
        let text = "Notes\nMarch 6, 2026\nThe trends highlight what’s shifting. Now you know what customers have bought. That’s why we launched a new series.";
        let t = titles(text);
        assert!(t.iter().any(|t| t.contains("launched a new series")), "{t:?}");
        assert!(!t.iter().any(|t| t.contains("shifting") || t.contains("bought")), "{t:?}");
    }

    /// A comment set between a subject and its verb (", it turned out,", ", he said,")
    /// is no event, and the verb keeps its subject.
    #[test]
    fn a_comment_between_subject_and_verb_is_no_event() {
        let text = "Vote\nMarch 6, 2026\nThe committee met on Monday. Prelogar, it turned out, won that vote, too. Smith, it seems, lost the second vote on Tuesday. Jones, he said, resigned on Friday.";
        let mut t = titles(text);
        t.sort();
        assert_eq!(t, ["Jones resigned", "Prelogar won that vote", "Smith lost the second vote", "The committee met"], "{t:?}");
        // After an opening phrase, the clause keeps its own subject.
        let t = titles("Clinic\nNovember 7, 2023\nSince October 7, he says, he’s treated two Palestinians who have been shot by soldiers.");
        assert_eq!(t, ["He treated two Palestinians"], "{t:?}");
    }

    /// A saying whose clause says nothing more is titled as headlines quote: the
    /// speaker, a colon and the quotation's own words, cut with an ellipsis to fit.
    #[test]
    fn a_quoted_saying_is_titled_by_speaker_and_quotation() {
        // (The last quotation opened in a paragraph before.)
        let text = "Talk\nDecember 18, 2016\n\"No one could explain this disruption,\" Maurizi said.\n\n\"No one at the plant could have known how much money the company had lost over ten years,\" Jones said.\n\nYou can’t be at each other’s throats 24/7,” Gates said.\n\n\"They cannot move freely,” says Tahseen Elayyan, a legal researcher.\n\n“What about a college that does not have a program,” Alito interjected on Monday.";
        let t = titles(text);
        for want in [
            "Maurizi: No one could explain this disruption",
            "Gates: You can’t be at each other’s throats 24/7",
            "Tahseen Elayyan: They cannot move freely",
            "Alito: What about a college that does not have a program",
        ] {
            assert!(t.iter().any(|t| t == want), "{want}: {t:?}");
        }
        // Not under a misread clause as its speaker.
        let t2 = titles(
            "Talk\nFebruary 28, 2020\nOn that day, he said Morales tore open his shirt, puffed out his chest, exclaimed: “I am a wholehearted mercenary!”",
        );
        assert!(t2.iter().all(|t| !t.contains(":")), "{t2:?}");
        let cut = t.iter().find(|t| t.starts_with("Jones: No one at the plant")).expect("Jones");
        assert!(cut.ends_with('\u{2026}') && cut.chars().count() <= title::MAX_TITLE, "{cut}");
    }

    /// A sentence that is all in brackets is titled by its words, within the limit.
    #[test]
    fn a_bracketed_sentence_gets_a_short_title() {
        let t = titles(
            "Tests\nMarch 6, 2026\n(We recorded temps above 160 in our testing on Monday, making the Sanitize cycle hot enough to kill E. coli in minutes.)",
        );
        assert!(!t.is_empty() && t.iter().all(|t| t.chars().count() <= title::MAX_TITLE && t.starts_with("We recorded")), "{t:?}");
    }

    /// A description after a name keeps its own commas ("a Trenton, New Jersey,
    /// native") out of the name, in a title and in what "he" stands for later.
    #[test]
    fn a_description_with_commas_leaves_the_name_whole() {
        let t = titles(
            "Lectern\nNovember 6, 2023\nAlito, a Trenton, New Jersey, native, once stood at the lectern on Monday. After Yale, he joined the Department of Justice in 1981.",
        );
        assert!(t.iter().any(|t| t == "Alito once stood at the lectern"), "{t:?}");
        assert!(t.iter().any(|t| t == "Alito joined the Department of Justice"), "{t:?}");
    }

    /// A question with a date of its own asks and tells of nothing.
    #[test]
    fn a_dated_question_is_no_event() {
        let t = titles(
            "Apps\nMarch 6, 2026\nWhich language app is best for me in 2025? Who was the King of England in 1650? The company launched its app in May 2025.",
        );
        assert_eq!(t, ["The company launched its app"], "{t:?}");
        // Its date still tells the time the text is about: here, the hearing's day.
        let t = titles(
            "Hearing\nNovember 6, 2023\nIn 2017, the firm valued the tower at $327 million. “You believe that as of today the club is worth $1.5 billion?” Wallace asked. Wallace spent the final hour on the loans.",
        );
        assert!(t.iter().any(|t| t.starts_with("Wallace spent the final hour")), "{t:?}");
    }

    /// "I" and "we" outside a quotation are the writer, never another clause's subject.
    #[test]
    fn the_writers_i_stays_i() {
        let t = titles("Coffee\nMarch 6, 2026\nOklahoma City has many coffee shops, but last winter I stumbled upon my favorite.");
        assert!(t.iter().any(|t| t.starts_with("I stumbled upon")), "{t:?}");
    }

    /// A name that stands for "they" takes the verb's clitic written out.
    #[test]
    fn a_pronouns_clitic_is_written_out_under_a_name() {
        let text = "Shoppers change\nMarch 6, 2026\nOhio shoppers bought less in May. They’re buying more on Friday.";
        let t = titles(text);
        assert!(t.iter().any(|t| t.contains("Ohio shoppers are buying")), "{t:?}");
        assert!(!t.iter().any(|t| t.contains("’re")), "{t:?}");
    }
}

//! The temporal tagger: finds time expressions in English text and normalises
//! them to TimeML TIMEX3 values, resolved against the document's date.
//!
//! The pipeline, in the order it runs:
//! 1. [`scan`] splits the text into tokens and looks words up in the [`lexicon`];
//! 2. the [`rules`] propose matches ([`raw::RawTimex`]), the longest one winning at each token;
//! 3. `passes` widen a match by the words TimeML counts as part of it ("early", "the end
//!    of"), drop titles, and add what one rule cannot see ("25" in "April 24 and 25");
//! 4. [`resolve`] turns each match into a [`TimexValue`], using the [`tense`] around it,
//!    in document order (`narrative`), so that "that year" finds the year last named.
//!
//! ```
//! use newsline::temporal::tag;
//! let dct = chrono::NaiveDate::from_ymd_opt(2018, 12, 13);
//! let found = tag("The arrest last week in Canada", dct);
//! assert_eq!(found[0].value.to_string(), "2018-W49");
//! ```

pub mod lexicon;
mod narrative;
mod passes;
pub mod pattern;
pub mod phash;
pub mod raw;
pub mod resolve;
pub mod rules;
pub mod scan;
pub mod tense;
pub mod value;

use chrono::NaiveDate;
use serde::Serialize;

pub use value::{Granularity, Mod, TimexType, TimexValue};

use pattern::{Ctx, Slots};
use raw::RawTimex;
use scan::Token;

/// A time expression found in a text: its byte span, type, value and modifier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: TimexType,
    pub value: TimexValue,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Mod>,
    /// The rule that found it, for debugging and error analysis.
    #[serde(skip)]
    pub rule: &'static str,
}

/// A reusable tagger: keeps its token buffer between calls.
#[derive(Default)]
pub struct Tagger {
    toks: Vec<Token>,
}

/// Tags one text (a convenience for [`Tagger::tag`]).
pub fn tag(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    Tagger::default().tag(text, dct)
}

impl Tagger {
    pub fn new() -> Self {
        Self::default()
    }

    /// Finds and resolves every time expression in `text`. `dct` is the
    /// document creation time; without it, relative expressions stay unresolved
    /// (values with `X` in them) while absolute dates still resolve.
    pub fn tag(&mut self, text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
        scan::scan_into(text, &mut self.toks);
        let ctx = Ctx { text, toks: &self.toks };
        let mut found = find(&ctx);
        found.retain(|m| !passes::quoted_title(&ctx, m));
        for m in &mut found {
            passes::widen_with_day_before(&ctx, m);
            passes::widen_with_part(&ctx, m);
            passes::widen_with_or_so(&ctx, m);
        }
        passes::coordinated_days(&ctx, &mut found);
        passes::clock_on_day(&ctx, &mut found);
        narrative::resolve_all(&ctx, &found, dct)
    }
}

/// The rules' first-token dispatch table and their compiled patterns, built once.
fn compiled_rules() -> &'static (pattern::first::Dispatch, Vec<&'static [pattern::Node]>) {
    static COMPILED: std::sync::OnceLock<(pattern::first::Dispatch, Vec<&'static [pattern::Node]>)> = std::sync::OnceLock::new();
    COMPILED.get_or_init(|| {
        let patterns: Vec<&'static [pattern::E]> = rules::RULES.iter().map(|r| r.pattern).collect();
        (pattern::first::Dispatch::build(&patterns), patterns.iter().map(|p| pattern::compile(p)).collect())
    })
}

/// Proposes matches left to right, the longest at each token.
fn find(ctx: &Ctx<'_>) -> Vec<RawTimex> {
    find_with(ctx, false)
}

/// With `every_rule`, each rule is tried at each token: what the dispatch tables
/// must reproduce exactly, which a test checks.
fn find_with(ctx: &Ctx<'_>, every_rule: bool) -> Vec<RawTimex> {
    let (dispatch, compiled) = compiled_rules();
    let all_rules = if rules::RULES.len() == 128 { u128::MAX } else { (1u128 << rules::RULES.len()) - 1 };
    let mut out = Vec::new();
    let mut i = 0;
    let n = ctx.toks.len();
    while i < n {
        let mut candidates = if every_rule { all_rules } else { dispatch.rules_at(ctx.toks, i) };
        if candidates == 0 {
            i += 1;
            continue;
        }
        let mut best: Option<RawTimex> = None;
        while candidates != 0 {
            let r = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let rule = &rules::RULES[r];
            let mut caps = Slots::default();
            let Some(j) = pattern::seq(ctx, compiled[r], i, &mut caps) else { continue };
            if j <= i || best.as_ref().is_some_and(|b| b.last >= j) {
                continue;
            }
            if let Some((raw, modifier)) = (rule.make)(&caps.caps()) {
                best = Some(RawTimex { first: i, last: j, raw, modifier, rule: rule.name });
            }
        }
        match best {
            Some(b) => {
                i = b.last;
                out.push(b);
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The values found in `text`, in order, at the rules' example date.
    fn values(text: &str) -> Vec<String> {
        tag(text, Some(rules::example_dct())).iter().map(|t| t.value.to_string()).collect()
    }

    /// The spans and values found in `text`, in order, at the rules' example date.
    fn found(text: &str) -> Vec<(String, String)> {
        tag(text, Some(rules::example_dct())).iter().map(|t| (text[t.start..t.end].to_string(), t.value.to_string())).collect()
    }

    /// A time at the end of one paragraph and a date that opens the next are two
    /// expressions (a comment's "asked … at 16:18", then a chronology's line).
    #[test]
    fn no_expression_runs_across_a_blank_line() {
        let got = found("asked Mar 26, 2019 at 16:18\n\nJuly 20, 1969 – Moon landing");
        assert!(got.iter().any(|(s, v)| s == "July 20, 1969" && v == "1969-07-20"), "{got:?}");
        assert!(got.iter().all(|(s, _)| !s.contains('\n')), "{got:?}");
    }

    /// Walks every rule's examples at the fixed reference date.
    #[test]
    fn every_rule_example() {
        let mut failures = Vec::new();
        for rule in rules::RULES {
            for ex in rule.examples {
                let got = found(ex.text);
                if ex.span.is_empty() {
                    if !got.is_empty() {
                        failures.push(format!("{}: {:?} should find nothing, found {:?}", rule.name, ex.text, got));
                    }
                } else if !got.iter().any(|(s, v)| s == ex.span && v == ex.value) {
                    failures.push(format!("{}: {:?} should find {:?} = {}, found {:?}", rule.name, ex.text, ex.span, ex.value, got));
                }
            }
        }
        assert!(failures.is_empty(), "{} example(s) failed:\n{}", failures.len(), failures.join("\n"));
    }

    /// Compiled patterns compare literal words by lexicon index: a word missing
    /// from the lexicon would silently never match.
    #[test]
    fn compiling_keeps_every_literal_word() {
        use pattern::{E, Node};
        fn check(e: &[E], n: &[Node]) {
            assert_eq!(e.len(), n.len());
            for (e, n) in e.iter().zip(n) {
                match (e, n) {
                    (E::W(words), Node::W(ids, kept)) => {
                        assert_eq!(words, kept);
                        assert_eq!(ids.len(), words.len());
                    }
                    (E::Tight(a), Node::Tight(b)) => check(std::slice::from_ref(*a), std::slice::from_ref(*b)),
                    (E::Opt(a), Node::Opt(b, _)) => check(a, b),
                    (E::Alt(a), Node::Alt(b, ..)) => a.iter().zip(b.iter()).for_each(|(x, y)| check(x, y)),
                    (E::W(_) | E::Tight(_) | E::Opt(_) | E::Alt(_), _) => panic!("{e:?} compiled to {n:?}"),
                    _ => {}
                }
            }
        }
        let (_, compiled) = compiled_rules();
        for (rule, nodes) in rules::RULES.iter().zip(compiled) {
            check(rule.pattern, nodes);
        }
    }

    /// Backtracking copies the captures; past 128 bytes the copy becomes a `memcpy` call
    /// (a sixth of the tagger's time when they were 176 bytes).
    #[test]
    fn captures_stay_small() {
        assert!(std::mem::size_of::<Slots>() <= 128, "Slots is {} bytes", std::mem::size_of::<Slots>());
    }

    /// The dispatch tables only skip rules that cannot match: tagging with them gives
    /// what trying every rule at every token gives, on the rules' examples and on
    /// real articles.
    #[test]
    fn dispatch_skips_only_rules_that_cannot_match() {
        let mut texts: Vec<String> = rules::RULES.iter().flat_map(|r| r.examples.iter().map(|e| e.text.to_string())).collect();
        let mut dirs = vec![std::path::PathBuf::from("sample_data")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("sample_data is readable") {
                let path = entry.expect("a directory entry").path();
                if path.is_dir() {
                    dirs.push(path);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    texts.push(text);
                }
            }
        }
        assert!(texts.len() > 100);
        let mut toks = Vec::new();
        for text in &texts {
            scan::scan_into(text, &mut toks);
            let ctx = Ctx { text, toks: &toks };
            let fast: Vec<(usize, usize, &str)> = find_with(&ctx, false).iter().map(|m| (m.first, m.last, m.rule)).collect();
            let slow: Vec<(usize, usize, &str)> = find_with(&ctx, true).iter().map(|m| (m.first, m.last, m.rule)).collect();
            assert_eq!(fast, slow, "in {:?}", &text[..text.len().min(80)]);
        }
    }

    #[test]
    fn quoted_titles_are_not_times() {
        let dct = Some(rules::example_dct());
        assert!(tag("Baker, speaking on ABC News' \"This Week,\" said", dct).is_empty());
        assert_eq!(tag("He said \"this week\" twice", dct).len(), 1);
        assert_eq!(tag("the \"Dec. 5\" memo", dct).len(), 1);
        assert!(tag("Gonzalez said on CBS's ''60 Minutes.''", dct).is_empty());
        assert_eq!(tag("He said ``Today we begin''", dct).len(), 1);
    }

    #[test]
    fn must_not_match() {
        for text in [
            "the 4G and 5G networks",
            "running Windows 10 on",
            "the F-35 fighter",
            "COVID-19 spread",
            "a $4.2 billion deal",
            "cut 1,200 jobs",
            "a 7 nm process",
            "Huawei may lose",
            "protesters march through",
            "the Sunday Times reported",
            "version 3.2.1 shipped",
            "won 3-2 on",
            "call 555-867-5309",
            "a pledge to spend $2 billion",
        ] {
            let found = tag(text, Some(rules::example_dct()));
            assert!(found.is_empty(), "{text:?} gave {found:?}");
        }
    }

    #[test]
    fn seed_article_expressions() {
        let dct = Some(rules::example_dct());
        let cases = [
            ("hit a low last month when", "last month", "2018-11", None),
            ("said the meeting in late November ended", "late November", "2018-11", Some(Mod::End)),
            ("In an April report, the", "April", "2018-04", None),
            ("a report released in July found", "July", "2018-07", None),
            ("The arrest last week in Canada", "last week", "2018-W49", None),
            ("On Dec. 5, BT Group announced", "Dec. 5", "2018-12-05", None),
        ];
        for (text, span, value, modifier) in cases {
            let found = tag(text, dct);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(&text[found[0].start..found[0].end], span);
            assert_eq!(found[0].value.to_string(), value);
            assert_eq!(found[0].modifier, modifier);
        }
    }

    #[test]
    fn part_of_period_prefixes() {
        let dct = Some(rules::example_dct());
        for (text, span, value, m) in [
            ("growth in mid-2017 slowed", "mid-2017", "2017", Mod::Mid),
            ("by early 2024 the", "early 2024", "2024", Mod::Start),
            ("at the end of 1994 the", "the end of 1994", "1994", Mod::End),
            ("in early December the", "early December", "2018-12", Mod::Start),
        ] {
            let found = tag(text, dct);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(&text[found[0].start..found[0].end], span, "{text}");
            assert_eq!(found[0].value.to_string(), value);
            assert_eq!(found[0].modifier, Some(m));
        }
    }

    #[test]
    fn narrative_time_moves_with_the_text() {
        let text = "On March 3, 2015 the plant closed. The following day workers protested.";
        let found = tag(text, Some(rules::example_dct()));
        assert_eq!(found[1].value.to_string(), "2015-03-04");
    }

    #[test]
    fn a_second_year_back_comparison_compares_with_the_same_quarter() {
        let text = "Profit rose in the third quarter. In the year-ago quarter it fell. The year-ago results included a charge.";
        assert_eq!(values(text), ["2018-Q3", "2017-Q3", "2017-Q3"]);
    }

    #[test]
    fn a_clock_time_on_a_named_day_is_on_that_day() {
        assert_eq!(values("The offer expires at 5pm on Friday."), ["2018-12-14T17:00", "2018-12-14"]);
        assert_eq!(values("The attack happened shortly before midnight on Saturday."), ["2018-12-08T24:00", "2018-12-08"]);
        assert_eq!(values("It opens at 9 a.m. on Dec. 20."), ["2018-12-20T09:00", "2018-12-20"]);
        assert_eq!(values("The plane landed at 14:35 local time on Dec. 1."), ["2018-12-01T14:35", "2018-12-01"]);
        // Not across other words: the time is today's.
        assert_eq!(values("Trading stopped at 3 p.m. and on Friday it resumed."), ["2018-12-13T15:00", "2018-12-07"]);
    }

    /// Rule examples check spans and values; this checks the TIMEX3 `mod` of parts of periods.
    #[test]
    fn parts_of_periods_carry_their_modifier() {
        for (text, want) in [
            ("due at the end of the month", Mod::End),
            ("by the close of the year", Mod::End),
            ("at the start of the decade", Mod::Start),
            ("in the middle of the year", Mod::Mid),
            ("in late November", Mod::End),
            ("in early 2019", Mod::Start),
            ("in mid-2017", Mod::Mid),
            ("by mid-afternoon", Mod::Mid),
            ("in the early morning", Mod::Start),
            ("debt at end-March", Mod::End),
            ("by end-2019", Mod::End),
            ("since start-June", Mod::Start),
        ] {
            let found = tag(text, Some(rules::example_dct()));
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].modifier, Some(want), "{text}");
        }
        // Only written tight: "in the end March came" is no end of March.
        assert_eq!(tag("in the end March came", Some(rules::example_dct()))[0].modifier, None);
    }

    #[test]
    fn that_year_and_the_following_month_count_from_the_last_named_period() {
        assert_eq!(values("She fled in June 1998 and returned later that year."), ["1998-06", "1998"]);
        assert_eq!(values("Revenue fell to $300 million last year, down from $450 million the year before."), ["2017", "2016"]);
        assert_eq!(values("It hired a chief in January 2016. The following month, it put itself up for sale."), ["2016-01", "2016-02"]);
        // Offsets in whole years or months too.
        assert_eq!(values("He joined the company in 1990. Two years later, he became its chief."), ["1990", "1992"]);
        assert_eq!(values("The war began in March 2003. A month later, Baghdad fell."), ["2003-03", "2003-04"]);
        // Without a named period, from the document date.
        assert_eq!(values("That year, nothing changed."), ["2018"]);
        assert_eq!(values("Two years later, he became its chief."), ["2020"]);
    }

    #[test]
    fn after_a_span_of_months_a_year_back_is_the_year() {
        let text = "Profit rose in the third quarter from a year earlier. For the nine months, net fell from a year earlier.";
        assert_eq!(values(text), ["2018-Q3", "2017-Q3", "P9M", "2017"]);
    }

    #[test]
    fn the_second_day_of_a_pair_is_a_date() {
        assert_eq!(found("the summit on April 24 and 25."), [("April 24".into(), "2018-04-24".into()), ("25".into(), "2018-04-25".into())]);
        assert_eq!(found("talks on Dec. 5-6 in Geneva"), [("Dec. 5".into(), "2018-12-05".into()), ("6".into(), "2018-12-06".into())]);
        assert_eq!(found("on April 24 and 25 people died"), [("April 24".to_string(), "2018-04-24".to_string())]);
        assert_eq!(found("on April 24 and 3 more"), [("April 24".to_string(), "2018-04-24".to_string())]);
        // Day first: the first day of the pair.
        assert_eq!(found("held from 5 to 7 June in Biarritz"), [("5".into(), "2018-06-05".into()), ("7 June".into(), "2018-06-07".into())]);
        assert_eq!(found("held 5-7 June in Biarritz"), [("5".into(), "2018-06-05".into()), ("7 June".into(), "2018-06-07".into())]);
        assert_eq!(found("it sold 5 to 7 June contracts"), [("7 June".to_string(), "2018-06-07".to_string())]);
    }

    #[test]
    fn the_day_before_a_named_day_is_one_expression() {
        assert_eq!(found("She arrived the day before last Tuesday."), [("the day before last Tuesday".into(), "2018-12-10".into())]);
        assert_eq!(found("The vote was held the day after Thanksgiving."), [("the day after Thanksgiving".into(), "2018-11-23".into())]);
        assert_eq!(found("It opens the day before Dec. 24, 2019."), [("the day before Dec. 24, 2019".into(), "2019-12-23".into())]);
        // "a day" is a duration of its own; "the day before the vote" has no named day.
        assert_eq!(found("a day after Christmas"), [("a day".into(), "P1D".into()), ("Christmas".into(), "2018-12-25".into())]);
        assert_eq!(found("the day before the vote"), Vec::<(String, String)>::new());
    }

    #[test]
    fn undated_text_leaves_relative_values_unresolved() {
        let found = tag("He left last week, and came back on Dec. 5, 2018.", None);
        assert!(found[0].value.to_string().contains('X'));
        assert_eq!(found[1].value.to_string(), "2018-12-05");
    }

    #[test]
    fn spans_lie_on_char_boundaries_in_any_text() {
        let texts = ["ñ2018ü—Dec.", "\u{2019}90s", "日本 2018年12月5日", "\u{feff}Dec. 5", "Dec.\u{a0}5", "5\u{200b}th"];
        for t in texts {
            for x in tag(t, Some(rules::example_dct())) {
                assert!(t.is_char_boundary(x.start) && t.is_char_boundary(x.end) && x.start < x.end);
            }
        }
    }
}

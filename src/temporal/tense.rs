//! Tense around a time expression: does "Tuesday" lie before or after the
//! anchor? "said on Tuesday" is past, "will meet on Tuesday" future.
//!
//! Looks for the nearest verb cue in the same sentence, backwards first (the
//! governing verb usually comes before the date in English news), then forwards.
//! The cue words are data (`lexicon/tense.tsv`), read by the scanner's one lookup.

use super::lexicon::TenseCue;
use super::pattern::Ctx;
use super::resolve::Direction;
use super::scan::{Gap, Kind};

fn ends_sentence(ctx: &Ctx<'_>, i: usize) -> bool {
    let toks = ctx.toks;
    let t = &toks[i];
    if t.kind != Kind::Punct {
        return false;
    }
    match char::from_u32(t.num) {
        Some('!' | '?' | ';') => true,
        Some('.') => {
            // "Dec." and "U.S." do not end a sentence; "year." does; nor does the point
            // in "9.30am" or "2.5".
            let decimal = toks.get(i + 1).is_some_and(|n| n.kind == Kind::Number && n.gap == Gap::None);
            !decimal
                && (i > 0 && toks[i - 1].kind == Kind::Word && toks[i - 1].text(ctx.text).len() > 3
                    || i > 0 && toks[i - 1].kind == Kind::Number)
        }
        _ => false,
    }
}

/// Words that make the next word a noun: "the plan", "its plans".
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "our", "your", "this", "that", "whose", "new"];

/// Two-word timetable phrases whose words alone say nothing or mislead: "take effect
/// Monday", "has until Friday", "is set for Tuesday" ("set" alone is a past tense, and
/// "originally set for Nov. 30" looks back), "the deadline is Friday" (but "by the
/// Tuesday deadline" says nothing).
fn phrase_cue(ctx: &Ctx<'_>, i: usize) -> Option<Direction> {
    let prev_is = |words: &[&str]| i > 0 && ctx.word_is(i - 1, words);
    let future = match ctx.toks[i].lex().word {
        // "could come Tuesday" looks ahead; "could not be located" and "could have
        // escaped" look back.
        "could" => {
            !ctx.toks[i].capitalized()
                && ctx.toks.get(i + 1).is_some_and(|n| n.kind == Kind::Word)
                && !ctx.word_is(i + 1, &["not", "never", "have", "be", "only", "hardly", "barely", "t", "also", "still"])
        }
        "effect" => prev_is(&["take", "takes"]),
        // "has until Friday"; "extended the contract until Jan. 15", "postponed until
        // March": a time something is moved to lies ahead of the moving.
        "until" | "till" => {
            prev_is(&["has", "have"])
                || (i.saturating_sub(6)..i).any(|k| ctx.tok(k).is_some_and(|t| t.kind == Kind::Word && t.lex().moves_ahead))
        }
        "set" => ctx.word_is(i + 1, &["for", "to"]) && prev_is(&["is", "are", "be", "been", "now"]),
        "deadline" => ctx.word_is(i + 1, &["is"]),
        _ => false,
    };
    future.then_some(Direction::Future)
}

/// The tense cue of token `i`, if any.
fn cue_at(ctx: &Ctx<'_>, i: usize) -> Option<Direction> {
    if let Some(d) = phrase_cue(ctx, i) {
        return Some(d);
    }
    let d = cue(ctx, i)?;
    let prev_is = |words: &[&str]| i > 0 && ctx.word_is(i - 1, words);
    // "announced the plan Aug. 21": a future-sounding noun is no verb; "next to the
    // embassy" is a place.
    let noun = d == Direction::Future && (prev_is(DETERMINERS) || ctx.word_is(i, &["next"]) && ctx.word_is(i + 1, &["to"]));
    // "will set", "could hit", "to cut": a past-looking word after a modal or "to" is a
    // bare infinitive, and looks ahead as the modal does. ("could have emerged" is a
    // perfect, and looks back; in "Theresa May said" the modal is a name.)
    if d == Direction::Past
        && !ctx.word_is(i, &["have", "been"])
        && prev_is(&["will", "would", "may", "might", "must", "should", "shall", "can", "could", "to"])
        && !ctx.toks[i - 1].capitalized()
    {
        return Some(Direction::Future);
    }
    // "will be held": a participle after "be" has no tense of its own; the auxiliary
    // before it decides.
    let participle = d == Direction::Past && prev_is(&["be", "being"]);
    // "fell more sharply than expected in September", "as planned": a comparison with
    // an expectation says nothing of when.
    let compared = d == Direction::Future && prev_is(&["than", "as"]);
    if noun || participle || compared {
        return None;
    }
    // "could have emerged", "would have met": a modal's perfect looks back.
    let perfect = d == Direction::Future && ctx.word_is(i + 1, &["have"]);
    Some(if perfect { Direction::Past } else { d })
}

/// The cue of one word: its lexicon reading (`lexicon/tense.tsv`), else a past tense in
/// "-ed" ("announced"), unless capitalised ("Ted").
fn cue(ctx: &Ctx<'_>, i: usize) -> Option<Direction> {
    let tok = &ctx.toks[i];
    if tok.kind != Kind::Word {
        return None;
    }
    match tok.lex().tense {
        Some(TenseCue::Future) => Some(Direction::Future),
        Some(TenseCue::Past | TenseCue::PastFinite) => Some(Direction::Past),
        Some(TenseCue::NotPast) => None,
        None => {
            let w = tok.text(ctx.text).as_bytes();
            let ed = w.len() > 4 && w[w.len() - 2..].eq_ignore_ascii_case(b"ed");
            (ed && !tok.capitalized()).then_some(Direction::Past)
        }
    }
}

/// Past verbs whose infinitive looks ahead of them: "agreed to buy", "vowed to fight".
const LOOK_AHEAD_TO: &[&str] = &[
    "set",
    "agreed",
    "decided",
    "planned",
    "promised",
    "pledged",
    "vowed",
    "voted",
    "offered",
    "threatened",
    "asked",
    "urged",
    "hoped",
    "intended",
    "aimed",
    "sought",
    "wanted",
    "proposed",
    "prepared",
    "arranged",
    "moved",
    "called",
];

/// "to resume", "set to expire": an infinitive points ahead of the anchor.
/// "according to the", "to Cuba", "equity to total assets" do not.
fn infinitive(ctx: &Ctx<'_>, i: usize) -> Option<Direction> {
    const NOT_VERBS: &[&str] = &[
        "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "be", "have", "date", "more", "about", "some",
        "all", "as", "total",
    ];
    if !ctx.word_is(i, &["to"]) {
        return None;
    }
    let next = ctx.toks.get(i + 1).filter(|n| n.kind == Kind::Word && !n.capitalized())?;
    let w = next.text(ctx.text);
    if ctx.word_is(i + 1, NOT_VERBS) || w.ends_with("ed") || w.ends_with("ing") || w.ends_with('s') {
        return None;
    }
    // "was shot to death", "was pleased to note": the "to" belongs to a past verb.
    // ("set to expire", "agreed to buy" and "due to" look ahead.)
    if i > 0 && !ctx.word_is(i - 1, LOOK_AHEAD_TO) && cue(ctx, i - 1) == Some(Direction::Past) {
        return Some(Direction::Past);
    }
    Some(Direction::Future)
}

/// "Wednesday's ruling": a possessive date names something that has happened.
fn possessive(ctx: &Ctx<'_>, after: usize) -> bool {
    let (Some(apos), Some(s)) = (ctx.toks.get(after), ctx.toks.get(after + 1)) else { return false };
    apos.kind == Kind::Punct
        && matches!(char::from_u32(apos.num), Some('\'' | '’'))
        && apos.gap == Gap::None
        && s.gap == Gap::None
        && s.text(ctx.text).eq_ignore_ascii_case("s")
}

/// "had been due to expire Friday", "had been scheduled to expire at midnight Friday":
/// a plan in the pluperfect is a past one, whatever its own words say.
fn pluperfect_before(ctx: &Ctx<'_>, i: usize) -> bool {
    (i.saturating_sub(4)..i).rev().take_while(|&k| ctx.toks[k].kind == Kind::Word).any(|k| ctx.word_is(k, &["had"]))
}

/// "fell", "came", "was arrested": a past that no present passive ("is expected") can
/// hide behind.
fn finite_past(ctx: &Ctx<'_>, i: usize) -> bool {
    // "was arrested": a past passive is as certain. (Without its auxiliary an "-ed"
    // word is as often an adjective, "the reduced dividend is payable Jan. 2", and a
    // version that read those as past lost 3 values on TBAQ.)
    let past_passive = ctx.toks[i].lex().tense.is_none() && i > 0 && ctx.word_is(i - 1, &["was", "were"]);
    ctx.toks[i].lex().tense == Some(TenseCue::PastFinite) || past_passive
}

/// "until mid-November", "extended to Nov. 16", "the Jan. 14 deadline": a limit set in the past
/// may still lie ahead.
fn looks_ahead(ctx: &Ctx<'_>, first: usize, last: usize) -> bool {
    first > 0 && ctx.word_is(first - 1, &["until", "till", "to", "through", "into", "by", "for", "before"])
        || ctx.word_is(last, &["deadline", "target"])
}

/// The direction cue `i` gives the expression `first..last`: a certain past ("fell",
/// "was arrested") is a period begun, as after "since", unless the expression is a limit.
fn settled(ctx: &Ctx<'_>, i: usize, d: Direction, first: usize, last: usize) -> Direction {
    if d == Direction::Past && finite_past(ctx, i) && !looks_ahead(ctx, first, last) { Direction::Since } else { d }
}

/// The direction of the nearest tense cue before tokens `first..last`, within their clause.
fn backward(ctx: &Ctx<'_>, first: usize, last: usize) -> Option<Direction> {
    let toks = ctx.toks;
    let mut i = first;
    let mut steps = 0;
    while i > 0 && steps < 12 {
        if toks[i].gap == Gap::Newline && i != first {
            break;
        }
        i -= 1;
        // A comma closes the clause the date belongs to: in "to overturn the decision,
        // but in March a judge ruled", "to overturn" is another clause's verb.
        if ends_sentence(ctx, i) || toks[i].is_punct(',') {
            break;
        }
        if let Some(d) = cue_at(ctx, i).or_else(|| infinitive(ctx, i)) {
            return Some(if d == Direction::Future && pluperfect_before(ctx, i) {
                Direction::Past
            } else {
                settled(ctx, i, d, first, last)
            });
        }
        // Twelve words back: the points of "U.S." are no words.
        if toks[i].kind != Kind::Punct {
            steps += 1;
        }
    }
    None
}

/// The direction of the nearest tense cue for tokens `first..last`.
pub fn direction(ctx: &Ctx<'_>, first: usize, last: usize) -> Direction {
    let toks = ctx.toks;
    let before = |back: usize, words: &[&str]| first >= back && ctx.word_is(first - back, words);
    if possessive(ctx, last) {
        // "awaiting Friday's jobs report", "ahead of Sunday's vote" look ahead;
        // "before Friday's deadline" says nothing alone.
        if before(1, &["awaiting", "await", "awaits"]) || before(2, &["ahead"]) && before(1, &["of"]) {
            return Direction::Future;
        }
        // "will take charge for Tuesday's trip", "will play in Saturday's final": what a
        // future is for or in lies ahead (not "would look for ways to get around
        // Wednesday's ruling").
        if !before(1, &["before", "until", "till"]) {
            let ahead = before(1, &["for", "in"]) && backward(ctx, first, last) == Some(Direction::Future);
            return if ahead { Direction::Future } else { Direction::Past };
        }
    }
    if before(1, &["since"]) {
        return Direction::Since;
    }
    // "as early as Tuesday", "as soon as next week": a date hoped for.
    if before(3, &["as"]) && before(2, &["early", "soon"]) && before(1, &["as"]) {
        return Direction::Future;
    }
    if let Some(d) = backward(ctx, first, last) {
        return d;
    }
    // Forwards.
    let mut j = last;
    let mut steps = 0;
    while j < toks.len() && steps < 20 {
        if ends_sentence(ctx, j) || (toks[j].gap == Gap::Newline && j != last) {
            break;
        }
        if let Some(d) = cue_at(ctx, j) {
            return settled(ctx, j, d, first, last);
        }
        j += 1;
        steps += 1;
    }
    Direction::Unknown
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    /// The value of the one expression found in `text`, in a story of `dct`.
    fn value(text: &str, dct: &str) -> String {
        let found = crate::temporal::tag(text, NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok());
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        found[0].value.to_string()
    }

    #[test]
    fn a_future_sounding_noun_is_no_verb() {
        assert_eq!(value("The thrift announced the plan Aug. 21.", "1989-10-27"), "1989-08-21");
        assert_eq!(value("The company plans to close the plant Aug. 21.", "1989-10-27"), "1990-08-21");
    }

    #[test]
    fn a_participle_after_be_takes_the_auxiliary_s_tense() {
        assert_eq!(value("The summit will be held on 7 June in Biarritz.", "2018-12-13"), "2019-06-07");
        assert_eq!(value("The summit was held on 7 June in Biarritz.", "2018-12-13"), "2018-06-07");
    }

    #[test]
    fn a_present_tense_with_a_day_is_a_timetable() {
        assert_eq!(value("The offer expires on Friday.", "2018-12-13"), "2018-12-14");
        assert_eq!(value("Arafat and Netanyahu meet separately Monday with Albright.", "1998-05-01"), "1998-05-04");
        // After a determiner the word is a noun. ("the track meet" is not caught: no
        // part-of-speech tagging here.)
        assert_eq!(value("He won the meet on Monday.", "1998-05-01"), "1998-04-27");
    }

    #[test]
    fn a_time_something_is_moved_to_lies_ahead() {
        assert_eq!(value("The two sides have extended their contract until Jan. 15.", "2024-10-04"), "2025-01-15");
        assert_eq!(value("The trial was adjourned until Monday.", "2024-10-04"), "2024-10-07");
        assert_eq!(value("The vote was postponed till Monday.", "2024-10-04"), "2024-10-07");
        assert_eq!(value("He stayed in office until Jan. 15.", "2024-10-04"), "2024-01-15");
    }

    #[test]
    fn a_plan_in_the_pluperfect_is_past() {
        assert_eq!(value("The offer had been due to expire Friday evening.", "1989-10-30"), "1989-10-27TEV");
        assert_eq!(value("It had been scheduled to expire at midnight Friday.", "1989-10-30"), "1989-10-27T24:00");
        assert_eq!(value("The offer is due to expire Friday evening.", "1989-10-30"), "1989-11-03TEV");
    }

    #[test]
    fn an_infinitive_after_a_past_verb_is_past() {
        assert_eq!(value("He was shot to death on the night of Oct. 23 in his kitchen.", "1999-05-05"), "1998-10-23");
        assert_eq!(value("The talks are set to resume on Oct. 23.", "1999-05-05"), "1999-10-23");
    }

    #[test]
    fn a_simple_past_tells_of_a_period_begun() {
        // "fell" can be no passive: last January, not next, in a December story.
        assert_eq!(value("In January, prices fell.", "2018-12-13"), "2018-01");
        assert_eq!(value("Snow fell in the first week of January.", "2018-12-13"), "2018-W01");
        assert_eq!(value("The suspect was arrested on Dec. 31.", "2018-12-13"), "2017-12-31");
        assert_eq!(value("The deadline was extended to Nov. 16.", "1989-10-30"), "1989-11-16");
        // A limit set in the past may lie ahead.
        assert_eq!(value("He gave them until January to leave.", "2018-12-13"), "2019-01");
        assert_eq!(value("Officials gave no reason for the Jan. 14 deadline.", "2000-01-05"), "2000-01-14");
        // An "-ed" past may be a passive: the nearer one still wins.
        assert_eq!(value("The report is expected in January.", "2018-12-13"), "2019-01");
    }

    #[test]
    fn a_past_form_after_a_modal_is_an_infinitive() {
        assert_eq!(value("The firm said it will set prices on Monday.", "2018-12-13"), "2018-12-17");
        assert_eq!(value("The storm could hit on Monday.", "2018-12-13"), "2018-12-17");
        assert_eq!(value("The talks will last until Friday.", "2018-12-12"), "2018-12-14");
        assert_eq!(value("Prices were cut on Monday.", "2018-12-13"), "2018-12-10");
    }

    #[test]
    fn a_possessive_day_lies_ahead_of_a_future_that_is_for_it() {
        assert_eq!(value("Ortiz will take charge of the side for Tuesday's trip.", "2018-12-13"), "2018-12-18");
        assert_eq!(value("They would look for ways to get around Wednesday's ruling.", "2018-12-13"), "2018-12-12");
    }

    #[test]
    fn a_comparison_with_an_expectation_is_no_future() {
        assert_eq!(value("Inflation fell more sharply than expected in September.", "2018-12-13"), "2018-09");
    }

    #[test]
    fn a_possessive_day_has_happened_unless_awaited() {
        assert_eq!(value("The markets rallied after Wednesday's ruling.", "2018-12-13"), "2018-12-12");
        assert_eq!(value("Investors are awaiting Friday's jobs report.", "2018-12-13"), "2018-12-14");
        assert_eq!(value("Campaigning ended ahead of Sunday's vote.", "2018-12-13"), "2018-12-16");
    }

    #[test]
    fn some_infinitives_and_modals_look_ahead() {
        // "agreed to purchase": the purchase is still to come.
        assert_eq!(value("Thermo Electron agreed to purchase the line for $22 million in February.", "1989-10-30"), "1990-02");
        assert_eq!(value("He could come from Cuba as early as Tuesday.", "2000-04-03"), "2000-04-04");
        assert_eq!(value("He could come on Tuesday.", "2000-04-03"), "2000-04-04");
        // "next to the embassies" is a place, and "U.S." no sentence end.
        assert_eq!(value("Hundreds were wounded in the blasts next to the U.S. embassies in Kenya on Friday.", "1998-08-08"), "1998-08-07");
    }

    #[test]
    fn to_before_a_noun_is_no_infinitive() {
        assert_eq!(value("Its ratio of equity to total assets as of Sept. 30 was 3.6%.", "1989-10-26"), "1989-09-30");
    }

    #[test]
    fn a_modal_looks_ahead_and_its_perfect_looks_back() {
        // "could" is "can"'s past as often as a modal: "could not be located Wednesday".
        assert_eq!(value("He could not be located on Wednesday.", "2000-01-06"), "2000-01-05");
        assert_eq!(value("The ruling may come in April.", "1999-05-05"), "2000-04");
        assert_eq!(value("On April 8, investigators wondered how he could have escaped.", "1999-05-05"), "1999-04-08");
    }
}

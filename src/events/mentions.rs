//! The mentions of one article: every clause that reports something happening,
//! dated by three sieves, from the most precise to the least (as CAEVO orders
//! its sieves), a later one never overriding an earlier one:
//!
//! 1. **explicit** — a time expression that belongs to the event ("On Dec. 5, BT
//!    announced"): each date is attached to the nearest event word of its clause;
//! 2. **narrative** — the time the paragraph is telling of, for a simple past with
//!    no date of its own ("On Dec. 5, BT announced … It said it would …");
//! 3. **published** — the article's own news, on its publication date: a present
//!    perfect ("Airbus has unveiled the A380": what has happened as the article is
//!    written), a progressive ("is flying"), a simple past with no narrative time,
//!    and what was said or announced for this report.
//!
//! What is not an event of its own: a bare attribution ("officials said"), a state
//! or a habit, a condition, a question, a negated happening, and the headline.

use chrono::NaiveDate;

use super::grammar::{Opener, Sentence, Tense, VerbGroup, lower, stated_group};
use super::lexicon::{VerbClass, is_event_noun, is_habit_word, is_span_word, is_stating, is_telling, is_verb_of};
use super::title::{TitleSpec, title};
use super::{sentences, trigger};
use crate::language::Pos;
use crate::source::Article;
use crate::temporal::{Tagger, Timex, TimexType, TimexValue};
use crate::timeline::Basis;

/// One mention of an event, dated, before merging.
#[derive(Debug, Clone)]
pub struct Found {
    pub article: usize,
    pub basis: Basis,
    /// The time expression the date came from (explicit, narrative); none for a published date.
    pub timex: Option<Timex>,
    pub range: (NaiveDate, NaiveDate),
    /// Byte span of the sentence the event is reported in.
    pub sentence: (usize, usize),
    /// Byte span of the event word.
    pub trigger: Option<(usize, usize)>,
    pub title: String,
    /// Another mention of this article (an index into its mentions) that this one is
    /// part of: an infinitive with its verb ("agreed to purchase"), a headline with
    /// the story's event.
    pub with: Option<usize>,
}

/// What a candidate is, for dating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A simple past: "announced", "was arrested".
    Past,
    /// A present perfect: "has unveiled".
    Perfect,
    /// A statement in the past: "said it would cut", "said she was innocent".
    Statement,
    /// A statement in the present or present perfect: "says it will", "has said".
    PresentStatement,
    /// A present progressive: "is flying", "are rolling out": under way as the article is written.
    Ongoing,
    /// Anything else (a future, an infinitive, a participle, a noun): only an explicit date places it.
    DateOnly,
}

/// The words of group `g`'s own clause: from its start to the next clause that a word
/// opens after its verb.
fn own_clause(s: &Sentence, g: &VerbGroup) -> std::ops::Range<usize> {
    let end = s.groups.iter().find(|o| o.first > g.head && o.opener.is_some()).map_or(s.words.len(), |o| o.clause_start);
    g.clause_start..end
}

/// Is group `g` a relative clause without its "that": a pronoun subject right after
/// the noun it describes ("the remedial steps it has taken", "the plane they unveiled")?
/// Not what a verb of telling says to its hearer ("told reporters he would resign").
fn reduced_relative(s: &Sentence, text: &str, g: &VerbGroup, dates: &[(usize, usize)]) -> bool {
    if g.opener.is_some() || g.first < 2 {
        return false;
    }
    let subject = s.words[g.first - 1];
    let noun = s.words[g.first - 2];
    if subject.pos != Pos::PRP || !matches!(noun.pos, Pos::NN | Pos::NNS) {
        return false;
    }
    // A time that opens a clause is no noun described: "Last week he resigned", "At
    // the same time it said".
    let when = noun.overlaps(dates)
        || matches!(lower(noun.text(text)).as_ref(), "time" | "moment" | "point" | "day" | "week" | "year" | "month" | "night");
    if when {
        return false;
    }
    let told = (0..g.first - 2).rev().take(4).find(|&i| s.words[i].pos.is_verb()).is_some_and(|i| is_telling(&lower(s.word(text, i))));
    !told
}

/// Is group `g` a "that" clause that says what a noun holds ("charges that she failed
/// to report the plan", "fears that prices will rise"), which a tagger may read as
/// the conjunction of a statement? Not one after the place or time of a statement
/// ("said in a statement that", "announced last week that").
fn noun_clause(s: &Sentence, text: &str, g: &VerbGroup, dates: &[(usize, usize)]) -> bool {
    if g.opener != Some(Opener::That) || g.clause_start < 2 {
        return false;
    }
    let that = g.clause_start - 1;
    let noun = s.words[that - 1];
    if lower(s.word(text, that)) != "that" || !matches!(noun.pos, Pos::NN | Pos::NNS) {
        return false;
    }
    // Not past a comma: "reported on Friday, a sign that the economy has recovered" is the writer's gloss.
    let stated = (that.saturating_sub(6)..that - 1)
        .any(|i| s.words[i].pos.is_verb() && is_stating(&lower(s.word(text, i))) && !(i..that).any(|k| s.words[k].pos == Pos::Comma));
    !noun.overlaps(dates) && !stated
}

/// Is group `g` in a clause a wh-word opens that stands for a thing or a manner: an
/// embedded question or a free relative ("so you know what’s happening", "the
/// application of what you’ve learned")? It names what it asks about and tells of no
/// happening; only a date of its own places it. Not after "be", where the clause is
/// what is said: "That’s why we’re launching a series", "this is what we found".
fn wh_clause(s: &Sentence, text: &str, g: &VerbGroup) -> bool {
    (g.clause_start.saturating_sub(1)..g.first).any(|i| {
        let after_be = i > 0 && super::grammar::is_be(&lower(s.word(text, i - 1)).replace('\u{2019}', "'"));
        matches!(s.words[i].pos, Pos::WP | Pos::WRB)
            && matches!(lower(s.word(text, i)).as_ref(), "what" | "whatever" | "how" | "why")
            && !after_be
    })
}

/// An explicitly and narrowly dated mention earlier in the article that the simple past
/// of group `g` tells again: the same event word ("invaded", "the invasion") and the
/// same object ("Kuwait"), a name or a noun right after the verb. Not a verb with no
/// object ("prices rose" again is most often another rise), nor one said to recur.
fn retold(s: &Sentence, text: &str, g: &VerbGroup, out: &[Found]) -> Option<usize> {
    let clause = own_clause(s, g);
    if clause.clone().any(|i| matches!(lower(s.word(text, i)).as_ref(), "again" | "also" | "too" | "once" | "twice")) {
        return None;
    }
    let mut k = g.head + 1;
    while k < clause.end && k <= g.head + 3 && matches!(s.words[k].pos, Pos::DT | Pos::PRPS | Pos::JJ | Pos::CD) {
        k += 1;
    }
    let object = (k < clause.end && s.words[k].pos.is_noun()).then(|| s.word(text, k))?;
    let stem = super::merge::stem(s.word(text, g.head));
    // Within reach, so that a live blog's thousands of mentions are not all looked at
    // again for each of its verbs.
    let from = out.len().saturating_sub(RETOLD_REACH);
    out[from..]
        .iter()
        .rposition(|f| {
            let narrow = (f.range.1 - f.range.0).num_days() < NARRATIVE_MAX_DAYS;
            f.basis == Basis::Explicit
                && f.with.is_none()
                && narrow
                && f.sentence.0 < s.span.0
                && f.trigger.is_some_and(|(a, b)| super::merge::stem(&text[a..b]) == stem)
                && f.title.split_whitespace().any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).eq_ignore_ascii_case(object))
        })
        .map(|k| from + k)
}

/// How many mentions back a retold event is looked for.
const RETOLD_REACH: usize = 200;

/// Is the clause of group `g` a habit ("publishes its figures every spring")?
fn is_habit(s: &Sentence, text: &str, g: &VerbGroup) -> bool {
    own_clause(s, g).any(|i| is_habit_word(&lower(s.word(text, i))))
}

/// Is the verb's clause timed by a season or a term that no calendar places ("led the
/// club to promotion last season", "have won two games this term")? Then neither the
/// story's date nor the publication date is its time.
fn own_season(s: &Sentence, text: &str, g: &VerbGroup) -> bool {
    own_clause(s, g).any(|i| {
        matches!(lower(s.word(text, i)).as_ref(), "season" | "term" | "campaign")
            && i > 0
            && matches!(lower(s.word(text, i - 1)).as_ref(), "last" | "this" | "next" | "previous" | "past")
    })
}

/// Is the clause of group `g` a span up to now ("has gained share in recent years",
/// "has received five orders so far")? Its perfect is not the day's news.
fn is_span(s: &Sentence, text: &str, g: &VerbGroup) -> bool {
    let before = |i: usize, n: usize| (i.saturating_sub(n)..i).map(|j| lower(s.word(text, j))).collect::<Vec<_>>();
    own_clause(s, g).any(|i| {
        let w = lower(s.word(text, i));
        is_span_word(&w)
            || w == "far" && before(i, 1) == ["so"]
            || matches!(&*w, "weeks" | "months" | "years" | "decades") && before(i, 3).iter().any(|b| b == "for" || b == "past")
    })
}

/// The head of the aspect verb ("began", "continued", "stopped") whose infinitive or
/// gerund is word `f`, right before it: "began to fall", "managed to quickly land",
/// "stopped installing the part".
fn aspect_governor(s: &Sentence, text: &str, f: usize) -> Option<usize> {
    let k = s.groups.iter().position(|g| g.head == f)?;
    let g = s.groups[k];
    let gov = s.groups[..k].last()?;
    let adjacent = (gov.head + 1..g.first).all(|i| s.words[i].pos == Pos::RB || lower(s.word(text, i)) == "to");
    let gerund = g.tense == Tense::Participle && s.words[g.head].pos == Pos::VBG && g.first == gov.head + 1;
    ((g.tense == Tense::Infinitive || gerund)
        && gov.is_finite()
        && adjacent
        && is_verb_of(VerbClass::Aspect, &lower(s.word(text, gov.head))))
    .then_some(gov.head)
}

/// The group whose clause holds word `w`: the last group whose clause starts at or
/// before it, or the first group, for a word that opens the sentence.
fn clause_group(s: &Sentence, w: usize) -> Option<usize> {
    let k = s.groups.iter().rposition(|g| g.clause_start <= w).or(if s.groups.is_empty() { None } else { Some(0) })?;
    // A clause that resumes after an aside ("development, begun two years ago, has
    // been pushed back") does not hold the aside's words: those before its verb that
    // follow the aside's start are the aside's.
    let g = s.groups[k];
    let aside = (0..k).rev().find(|&j| {
        let a = s.groups[j];
        let set_off = !a.is_finite() && a.first > g.clause_start && a.first <= w && s.words[a.first - 1].pos == Pos::Comma;
        w < g.first && (a.clause_start > g.clause_start && a.clause_start <= w || set_off)
    });
    Some(aside.unwrap_or(k))
}

/// Is the group an instruction to the reader: a bare verb that opens its sentence
/// with no subject ("Sign up today", "Please contact us on Monday", "Read more May 3,
/// 2025", "Let’s talk today"), or one joined to such a verb by "and" ("… and make
/// this your best fall")?
/// An instruction tells of nothing that happens.
fn is_imperative(s: &Sentence, text: &str, gi: usize) -> bool {
    let g = s.groups[gi];
    if g.opener == Some(Opener::And) && gi > 0 {
        return (g.clause_start..g.first).all(|i| s.words[i].pos == Pos::RB) && is_imperative(s, text, gi - 1);
    }
    let lead = |w: &crate::language::Word| {
        w.pos.is_punct() || w.pos == Pos::UH || matches!(lower(w.text(text)).as_ref(), "please" | "just" | "simply" | "now" | "so" | "then")
    };
    // "Let’s talk today", "Let us meet on Friday": "let" and its "us" lead the verb.
    let opening = s.words[..g.first].iter().position(|w| !lead(w)).unwrap_or(g.first);
    let lets = opening + 2 == g.first
        && lower(s.word(text, opening)) == "let"
        && matches!(lower(s.word(text, opening + 1)).as_ref(), "'s" | "\u{2019}s" | "us");
    s.words[g.first].pos == Pos::VB && (opening == g.first || lets)
}

/// Is the group inside a condition ("if it fails", "unless …")?
fn is_conditional(s: &Sentence, text: &str, gi: usize) -> bool {
    let g = s.groups[gi];
    if g.opener == Some(Opener::If) || g.tense == Tense::Modal && s.groups[..gi].iter().any(|p| p.opener == Some(Opener::If)) {
        return true;
    }
    // A participle right after "when", "if" or "once", with no subject of its own, says
    // what holds whenever it is so: "its date matches the number when written in the
    // American format".
    if g.tense == Tense::Participle
        && g.first == g.head
        && g.first > 0
        && matches!(lower(s.word(text, g.first - 1)).as_ref(), "when" | "if" | "once" | "unless" | "whenever")
    {
        return true;
    }
    // A sentence that opens with its condition is conditional throughout, whatever the
    // tense: "If the talks failed, the union struck" tells of no strike (the clause
    // starts after its opening "if"). A ";" or a
    // dash starts a new statement.
    if s.groups.first().is_some_and(|f| f.opener == Some(Opener::If) && f.clause_start == 1)
        && s.groups[1..=gi].iter().all(|p| p.opener != Some(Opener::Break))
    {
        return true;
    }
    // Inside the condition, before the comma that closes it: "if tomorrow Airbus will
    // get back to the business of competing".
    s.groups[..gi].iter().rposition(|p| p.opener == Some(Opener::If)).is_some_and(|k| {
        let open = s.groups[k].first;
        !(open..g.first).any(|i| s.words[i].pos == crate::language::Pos::Comma) && s.groups[k + 1..gi].iter().all(|p| p.opener.is_none())
    })
}

/// Placeable dates: days, weeks, months, quarters, seasons, years; not decades,
/// centuries, durations or sets.
fn placeable(t: &Timex) -> Option<(NaiveDate, NaiveDate)> {
    if !matches!(t.kind, TimexType::Date | TimexType::Time) {
        return None;
    }
    if matches!(t.value, TimexValue::Century(_) | TimexValue::Decade(_)) {
        return None;
    }
    t.value.date_range(t.modifier).ok()
}

/// Is `t` a phrase for a time other than now that cannot be placed: "a few years
/// ago", "in the future"? Not the adverb "recently": what happened recently is most
/// often the news of the days before publication.
fn elsewhere_in_time(text: &str, t: &Timex) -> bool {
    t.kind == TimexType::Date
        && matches!(t.value, TimexValue::PastRef | TimexValue::FutureRef)
        && text.get(t.start..t.end).is_some_and(|w| w.trim().contains(' '))
}

/// Is the verb group `gi` joined by "and", with no comma between, to a relative
/// clause's verb ("who led the government and championed a republic"; not "…, and
/// recently ordered")? It is background as that one is. (A time clause's is dated
/// with it instead.)
fn joined_to_relative(s: &Sentence, gi: usize) -> bool {
    let mut k = gi;
    while k > 0
        && s.groups[k].opener == Some(Opener::And)
        && !(s.groups[k - 1].head..s.groups[k].first).any(|i| s.words[i].pos == Pos::Comma)
    {
        k -= 1;
    }
    k < gi && s.groups[k].opener == Some(Opener::Relative)
}

/// Does "until" or "till" lead the date that starts at byte `start` in ("until at least
/// 2027", "till the end of March")?
fn ends_a_state(text: &str, s: &Sentence, start: usize) -> bool {
    let at = s.word_from(start);
    let word = |i: usize| lower(s.word(text, i));
    let hedged = at >= 3 && word(at - 2) == "at" && matches!(word(at - 1).as_ref(), "least" | "most");
    let before = if hedged { at - 2 } else { at };
    before >= 1 && matches!(word(before - 1).as_ref(), "until" | "till")
}

/// Is the date starting at byte `start` one the sentence denies: "around 2020, and
/// not 2015 as previously hoped", "in May instead of in June"? It dates nothing.
fn denied(text: &str, s: &Sentence, start: usize) -> bool {
    let at = s.word_from(start);
    let word = |i: usize| lower(s.word(text, i));
    // Over a preposition that leads the date in: "not in 2015", "instead of on Monday".
    let before = if at >= 2 && matches!(word(at - 1).as_ref(), "in" | "on" | "at" | "by") { at - 1 } else { at };
    before >= 1 && word(before - 1) == "not" || before >= 2 && word(before - 1) == "of" && word(before - 2) == "instead"
}

/// Is the date at byte `start` the time of a figure that an event is measured
/// against, not the event's: "rose to $20 billion in March from $18 billion in
/// February", "fell 3 percent, compared with a 2 percent rise in the same period of
/// 2018", "within 70 points of its record high set on Aug. 6", "the first strike
/// since 1977"? It dates nothing, and the story does not move to it.
fn comparison_base(text: &str, s: &Sentence, start: usize) -> bool {
    let at = s.word_from(start);
    // "within 70 points of its record high set on Aug. 6", "below the peak reached
    // in March": the date of a mark that a figure is set against.
    let word = |i: usize| lower(s.word(text, i));
    if at >= 3
        && matches!(word(at - 1).as_ref(), "on" | "in" | "at")
        && matches!(word(at - 2).as_ref(), "set" | "reached" | "hit" | "posted" | "recorded" | "touched")
        && matches!(word(at - 3).as_ref(), "high" | "low" | "peak" | "record" | "level" | "close" | "trough")
    {
        return true;
    }
    // "the first coast-wide strike since 1977", "its highest level since 2008": the
    // date of the last such event, which this one is measured against.
    if at >= 2
        && word(at - 1) == "since"
        && (at.saturating_sub(8)..at - 1).any(|i| matches!(word(i).as_ref(), "first" | "ever") || s.words[i].pos == Pos::JJS)
    {
        return true;
    }
    // "down 18% from a year earlier", "up 3 percent from June": a change's base. (Not
    // "will receive six aircraft from 2009 to 2011": a count is no change.)
    if at >= 2
        && word(at - 1) == "from"
        && (at.saturating_sub(5)..at - 1).any(|i| matches!(word(i).as_ref(), "%" | "percent" | "pct" | "points"))
    {
        return true;
    }
    let mut quantity = false;
    for i in (0..at).rev().take(COMPARISON_REACH) {
        let w = lower(s.word(text, i));
        match w.as_ref() {
            "compared" | "versus" | "vs" | "vs." => return true,
            // "3.8 percent higher than a year earlier"; not "more orders than Airbus in 2005".
            "than" => return i + 1 == at,
            // "from 4.1 percent in December"; not "from Paris in March".
            "from" => return quantity,
            "$" | "%" | "percent" | "\u{20ac}" | "\u{a3}" => quantity = true,
            _ if s.words[i].pos == Pos::CD => quantity = true,
            _ => {}
        }
        let p = s.words[i].pos;
        if p.is_verb() || p == Pos::MD || p.is_punct() || p == Pos::CC {
            return false;
        }
    }
    false
}

/// How far before a date its comparison's "from" or "compared" is looked for, in words.
const COMPARISON_REACH: usize = 12;

/// What joins two dates into one phrase: "August or September", "June 5-7".
const DATE_JOINERS: &[&str] = &[" or ", " and ", " to ", " through ", " until ", "-", "\u{2013}", " of "];

/// The spans of the dates written together with `timexes[k]`.
fn date_group(text: &str, timexes: &[Timex], k: usize) -> Vec<(usize, usize)> {
    let joined = |a: usize, b: usize| a <= b && text.get(a..b).is_some_and(|between| DATE_JOINERS.contains(&between));
    let (mut lo, mut hi) = (k, k);
    while hi + 1 < timexes.len() && joined(timexes[hi].end, timexes[hi + 1].start) {
        hi += 1;
    }
    while lo > 0 && joined(timexes[lo - 1].end, timexes[lo].start) {
        lo -= 1;
    }
    timexes[lo..=hi].iter().map(|t| (t.start, t.end)).collect()
}

/// The verbs a dateline may hold ("Updated:", "Posted", a question's "asked").
const DATELINE_VERBS: &[&str] =
    &["updated", "published", "posted", "modified", "filed", "revised", "asked", "answered", "edited", "commented", "replied", "written"];

/// The verbs of a quoted post's header, a line that ends with a colon.
const QUOTE_HEADER_VERBS: &[&str] = &["said", "wrote", "says", "writes"];

/// A dateline: a line of its own that is a date with at most three other words
/// ("December 13, 2018 Updated: December 13, 2018") and no verb but a dateline's,
/// a dateline's label over its date ("Last updated on:"), or a quoted post's header
/// ("On 6/14/2024 at 9:14 AM, Lisias said:").
/// `timexes` are those that start in the sentence.
fn is_dateline(text: &str, s: &Sentence, timexes: &[Timex]) -> bool {
    let (ss, se) = s.span;
    let whole_line = text[..ss].ends_with('\n') || ss == 0;
    let line_end = text[se..].starts_with(['\n', '\r']) || se == text.len();
    if !(whole_line && line_end) || se - ss > 100 {
        return false;
    }
    let dates: Vec<&Timex> = timexes.iter().filter(|t| t.end <= se).collect();
    // No verb but a dateline's own, or a quoted post's header's: "6 hours ago, Kerbart said:".
    let label = text[ss..se].trim_end().ends_with(':');
    let dateline_verb = |g: &VerbGroup| {
        let w = lower(s.word(text, g.head));
        DATELINE_VERBS.contains(&w.as_ref()) || label && !dates.is_empty() && QUOTE_HEADER_VERBS.contains(&w.as_ref())
    };
    // A label whose date follows on the next line ("Last updated on:") is one too.
    let labels_a_date = label && !s.groups.is_empty();
    if dates.is_empty() && !labels_a_date || s.groups.iter().any(|g| !dateline_verb(g)) {
        return false;
    }
    let other_words = s
        .words
        .iter()
        .filter(|w| !dates.iter().any(|t| w.start >= t.start && w.end <= t.end) && w.text(text).chars().any(char::is_alphabetic))
        // "Posted on … by", "On … at": a preposition only joins the others.
        .filter(|w| !matches!(w.pos, Pos::IN | Pos::DT | Pos::CC | Pos::TO))
        .count();
    other_words <= 3
}

/// A reporting credit, not news: "The Epoch Times contributed to this report.",
/// "Reporting by Jack Stubbs; Editing by …".
fn is_credit(sentence: &str) -> bool {
    let l = sentence.to_lowercase();
    [
        "contributed to this report",
        "contributed reporting",
        "contributed to the report",
        "reporting by ",
        "editing by ",
        "writing by ",
        "additional reporting",
    ]
    .iter()
    .any(|c| l.contains(c))
}

/// Marks that prose never writes but code does: a listing on a web page ("await
/// fetch(url);", "if (x == 0) { }") reads as sentences, and its words are no events.
const CODE_MARKS: &[&str] = &["{", "}", "();", "()", "=>", "==", "!=", "::", "</", "/>", "&&", "||", "+=", ":=", "\");"];

/// Is `sentence` a line of code: a mark of code and symbols in it thick as code's?
/// (A sentence about code, "calls fetch() three times", keeps a symbol or two.)
fn is_code(sentence: &str) -> bool {
    let symbols = sentence.chars().filter(|c| "{}()[];=<>".contains(*c)).count();
    let visible = sentence.chars().filter(|c| !c.is_whitespace()).count();
    (CODE_MARKS.iter().any(|m| sentence.contains(m)) || calls_a_method(sentence)) && symbols * 15 >= visible
}

/// Does `sentence` call a method as code does, "members.add(ringo)", "console.log(x)"?
fn calls_a_method(sentence: &str) -> bool {
    sentence.split_whitespace().any(|w| {
        w.split_once('(').is_some_and(|(callee, _)| {
            callee.split_once('.').is_some_and(|(object, method)| {
                !object.is_empty() && !method.is_empty() && method.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.')
            })
        })
    })
}

/// Paragraph number of each sentence: a blank line starts a paragraph, or, in a text
/// without blank lines, any line break.
fn paragraphs(text: &str, sents: &[(usize, usize)]) -> Vec<usize> {
    let blank_lines = text.contains("\n\n") || text.contains("\r\n\r\n");
    let mut out = Vec::with_capacity(sents.len());
    let mut p = 0;
    for (i, &(s, _)) in sents.iter().enumerate() {
        if i > 0 {
            let gap = &text[sents[i - 1].1..s];
            let breaks = gap.matches('\n').count();
            if breaks >= 2 || (!blank_lines && breaks >= 1) {
                p += 1;
            }
        }
        out.push(p);
    }
    out
}

/// The time the text is telling of: the last explicit date of the paragraph.
#[derive(Clone)]
struct Narrative {
    timex: Timex,
    range: (NaiveDate, NaiveDate),
    /// The sentence (its index) whose date it is.
    sentence: usize,
}

/// The widest narrative time a simple past takes as its own date: a day, a week, a
/// month. A paragraph telling of a year or a decade does not say when each thing in it
/// happened, nor that it happened on the day of publication.
const NARRATIVE_MAX_DAYS: i64 = 31;

/// The mentions of article `article_idx`.
pub fn mentions_of(article_idx: usize, article: &Article, tagger: &mut Tagger) -> Vec<Found> {
    // A page of others' headlines, a shop's grid or menus tells no story of its own.
    if article.no_story {
        return Vec::new();
    }
    let text = &article.text;
    let dct = article.published;
    let sents = sentences::sentences(text);
    let paras = paragraphs(text, &sents);
    let timexes = tagger.tag(text, dct);
    let mut out = Vec::new();
    // The headline is not an event.
    let headline = sents.first().copied().filter(|&(s, e)| text[s..e].trim_start_matches('#').trim() == article.title);
    let mut narrative: Option<Narrative> = None;
    let mut para = usize::MAX;
    let mut in_head = true;
    // The body's sentences as read, for the event nouns that name events placed later.
    let mut read: Vec<Sentence> = Vec::new();

    for (si, &(ss, se)) in sents.iter().enumerate() {
        if se <= article.body_start || headline == Some((ss, se)) {
            continue;
        }
        let s = Sentence::read(text, (ss, se));
        // The expressions that start in the sentence. The tagger gives them in text
        // order: they are found by search, not by a scan of the whole article's.
        let first = timexes.partition_point(|t| t.start < ss);
        let here = first..first + timexes[first..].iter().take_while(|t| t.start < se).count();
        // A dateline's shape further down is the page's too: a byline's "John Timmer –
        // 3/5/2026", "Updated November 26, 2025", a date alone above a table. Unless it
        // names what happened, as a chronology's lines do ("1969 – Moon landing"); a
        // date's own words name nothing ("Updated March 3, 2025": no protest march).
        let names_event = || {
            let in_a_date = |w: &crate::language::Word| timexes[here.clone()].iter().any(|t| t.start < w.end && w.start < t.end);
            s.words.iter().any(|w| !in_a_date(w) && is_event_noun(&lower(w.text(text))))
        };
        if is_dateline(text, &s, &timexes[here.clone()]) && (in_head || !names_event())
            || is_credit(&text[ss..se])
            || is_code(&text[ss..se])
        {
            continue;
        }
        in_head = false;
        if paras[si] != para {
            para = paras[si];
            narrative = None;
        }
        let question = s.is_question(text);
        // The last named subject before this sentence: who a pronoun in a title stands for.
        let antecedent = || read.iter().rev().take(6).find_map(|r| super::title::named_subject(r, text));
        // 1. Explicit dates, each attached to its event word.
        let mut dated = vec![false; s.words.len()];
        // Groups that got a mention, and where: an infinitive may complete them.
        let mut placed: Vec<(usize, usize)> = Vec::new();
        let mut last_explicit: Option<Narrative> = None;
        let in_sentence: Vec<usize> = here.clone().filter(|&k| timexes[k].end <= se).collect();
        // Dates leave titles; durations ("lasted four hours") and sets are what the event says.
        let sentence_dates: Vec<(usize, usize)> = in_sentence
            .iter()
            .filter(|&&k| matches!(timexes[k].kind, TimexType::Date | TimexType::Time))
            .map(|&k| (timexes[k].start, timexes[k].end))
            .collect();
        // "UNITED NATIONS, March 5 (AP) - Countries reached a deal late on Saturday": a
        // dateline's date is when the story was filed, no event's.
        let dateline = super::title::dateline_end(&s, text, 0, s.words.len()).map(|sep| s.words[sep].start);
        // The date against the publication date: what is to come is not what was.
        let against = |range: (NaiveDate, NaiveDate)| {
            dct.and_then(|d| {
                if range.0 > d {
                    Some(std::cmp::Ordering::Greater)
                } else if range.1 < d {
                    Some(std::cmp::Ordering::Less)
                } else {
                    None
                }
            })
        };
        // The word each date belongs to, looked up ahead: a statement needs to know
        // whether what it states has a date of its own, wherever that stands.
        let in_story: Vec<usize> = in_sentence.iter().copied().filter(|&k| dateline.is_none_or(|d| timexes[k].start >= d)).collect();
        let foci: Vec<(usize, Option<usize>)> = in_story
            .iter()
            .filter_map(|&k| {
                let t = &timexes[k];
                Some((k, trigger::attach(text, &s, t.start, t.end, against(placeable(t)?))))
            })
            .collect();
        for &k in &in_story {
            let t = &timexes[k];
            let Some(range) = placeable(t) else {
                // "were removed a few years ago": a time of its own, though not one a
                // timeline can place, keeps its event off the publication date and off
                // the story's time.
                if elsewhere_in_time(text, t)
                    && !trigger::is_subject(text, &s, t.start, t.end)
                    && let Some(f) = trigger::attach(text, &s, t.start, t.end, None)
                {
                    dated[f] = true;
                }
                continue;
            };
            if trigger::is_subject(text, &s, t.start, t.end) || comparison_base(text, &s, t.start) || denied(text, &s, t.start) {
                continue;
            }
            // "covers the 2022 to 2025 Summit models", "will report its fourth-quarter
            // results on Feb. 26": a year or a quarter that says which thing, where
            // another date or none (a present that tells of no happening) dates the
            // clause. Alone with a happening it is the news's time ("reported
            // second-quarter revenue of $4.9 billion").
            let thing = ((range.1 - range.0).num_days() >= 80).then(|| trigger::names_a_thing(text, &s, t.start, t.end, &sentence_dates));
            if let Some(Some((a, b))) = thing {
                let other_date = sentence_dates.iter().any(|&(x, y)| (y <= a || x >= b) && !comparison_base(text, &s, x));
                let present =
                    s.groups.iter().rev().find(|g| s.words[g.head].end <= a).is_some_and(|g| g.tense == Tense::Present && !g.perfect);
                if other_date || present {
                    continue;
                }
            }
            // A date's own word is no verb of an event's ("May" in "May 3, 2024", "Wed").
            let focus = foci.iter().find(|&&(k2, _)| k2 == k).and_then(|&(_, f)| f).filter(|&f| {
                let p = s.words[f].pos;
                !((p.is_verb() || p == Pos::MD) && s.words[f].overlaps(&sentence_dates))
            });
            // A date inside a quotation is the speaker's ("said, “Today is a great day"):
            // it dates what the quotation tells, never the saying outside it.
            let quoted = in_quotes(&s, text, s.word_from(t.start));
            if quoted && focus.is_some_and(|f| !in_quotes(&s, text, f)) {
                continue;
            }
            // "began to fall apart in mid-1996": the date of an infinitive that an
            // aspect verb governs is that verb's; the infinitive completes it.
            let governed = focus.and_then(|f| aspect_governor(&s, text, f).map(|g| (g, f)));
            let focus = governed.map_or(focus, |(g, _)| Some(g));
            let gi = focus.and_then(|f| s.groups.iter().position(|g| g.head == f));
            if let Some(gi) = gi {
                let g = s.groups[gi];
                if g.negated || question || is_conditional(&s, text, gi) || is_habit(&s, text, &g) || is_imperative(&s, text, gi) {
                    continue;
                }
            }
            // "Start your free trial today": a date in an instruction's clause dates nothing,
            // nor one in what the instruction goes on to ("Let’s break down the trends to
            // watch in 2026": an infinitive or a participle with no clause of its own).
            let instruction = !s.groups.is_empty() && is_imperative(&s, text, 0);
            let own_clause = clause_group(&s, s.word_from(t.start));
            if own_clause.is_some_and(|k| is_imperative(&s, text, k)) || instruction && gi.is_none_or(|k| !s.groups[k].is_finite()) {
                continue;
            }
            // "voted to keep the branches open until at least 2027": a date that ends a
            // state is no time anything happens (one a verb moves an event to is that
            // event's: "the delivery was delayed until October", an event noun). The
            // verb may still be the day's news: "have extended their contract until Jan. 15".
            if ends_a_state(text, &s, t.start) && focus.is_none_or(|f| !s.words[f].pos.is_noun()) {
                continue;
            }
            if let Some(f) = focus {
                dated[f] = true;
            }
            let dates: Vec<(usize, usize)> = date_group(text, &timexes, k).into_iter().chain(sentence_dates.iter().copied()).collect();
            // An event this date belongs to, its trigger the word `head`.
            let dated_here = |head: Option<usize>, title: String| Found {
                article: article_idx,
                basis: Basis::Explicit,
                timex: Some(t.clone()),
                range,
                sentence: (ss, se),
                trigger: head.map(|f| (s.words[f].start, s.words[f].end)),
                title,
                with: None,
            };
            // The verb whose clause holds the date, or whose clause the dated noun or
            // participle stands in, is that event, not another to be dated by inference:
            // "hit a low last month when …", "a report released in July found …".
            let at = s.word_from(t.start);
            let own_clause = clause_group(&s, at);
            // (Not a verb that moved the dated event there: "the delivery will be delayed
            // until October 2007" is news of the day, the delivery's date told with it.)
            for w in [Some(at), focus].into_iter().flatten() {
                if let Some(k) = clause_group(&s, w) {
                    let head = s.groups[k].head;
                    if focus.is_none_or(|f| trigger::rescheduled(text, &s, head, at) != Some(f)) {
                        dated[head] = true;
                    }
                }
            }
            // "took a more personal turn Thursday when Saddam called Bush a liar": the
            // date framed a when-clause, and its own clause happened then too.
            let focus_clause = focus.and_then(|f| clause_group(&s, f));
            if let (Some(ck), Some(fk)) = (own_clause, focus_clause)
                && ck != fk
                && s.groups[fk].opener == Some(Opener::Time)
                && candidates(&s, text, &dated).iter().any(|&(c, kind)| c == ck && kind != Kind::DateOnly)
            {
                let g = s.groups[ck];
                let title = title(&TitleSpec {
                    text,
                    sentence: &s,
                    focus: Some(g.head),
                    stated: future_stated(&s, text, ck),
                    dates: &dates,
                    antecedent: &antecedent,
                });
                out.push(dated_here(Some(g.head), title));
                placed.push((ck, out.len() - 1));
            }
            let stated = gi.and_then(|g| future_stated(&s, text, g));
            // "Ortiz will take charge for Tuesday's trip, the club said on Sunday": what is
            // said has a date of its own, and the saying is only its source.
            let source = gi.is_some_and(|g| is_verb_of(VerbClass::Report, &lower(s.word(text, s.groups[g].head))));
            if let Some(c) = stated.filter(|_| source)
                && foci.iter().any(|&(k2, f)| k2 != k && f == Some(s.groups[c].head))
            {
                continue;
            }
            // A date that no word of the sentence takes, in a sentence with no verb
            // that tells of anything — a citation's tail ("2008;300(11):1350-1352."),
            // a heading ("Top 10 health trends for 2025"), a label ("Year Founded:
            // 2011"), a caption — is no event, though it still sets the time the text
            // tells of.
            // (A participle may be a past the tagger misread: "US prosecutors secretly
            // filed charges". Not "May" in "May 3, 2024", read as a verb.)
            let tells = |g: &VerbGroup| (g.is_finite() || g.tense == Tense::Participle) && !s.words[g.first].overlaps(&sentence_dates);
            let untold = focus.is_none() && !s.groups.iter().any(tells);
            // Nor is a question, which asks and tells of nothing ("Which app is best for
            // me in 2025?"); its date still tells what time the text is about.
            if !untold && !question {
                let title = title(&TitleSpec { text, sentence: &s, focus, stated, dates: &dates, antecedent: &antecedent });
                out.push(dated_here(focus, title));
                if let Some(gi) = gi {
                    placed.push((gi, out.len() - 1));
                }
                if let Some((_, inf)) = governed {
                    let f = out[out.len() - 1].clone();
                    out.push(Found { trigger: Some((s.words[inf].start, s.words[inf].end)), with: Some(out.len() - 1), ..f });
                }
            }
            // An event noun tells of the story's time only as part of a clause in the
            // past: "is serving a life sentence for the November 1995 assassination"
            // does not move the story back to 1995.
            let clause_of_noun = || {
                let f = focus?;
                s.groups.iter().rev().find(|g| g.head < f).or_else(|| s.groups.iter().find(|g| g.head > f))
            };
            let past = |t: Tense| matches!(t, Tense::Past | Tense::Participle);
            let past_event = match gi {
                Some(g) => past(s.groups[g].tense),
                None => clause_of_noun().is_none_or(|g| past(g.tense)),
            };
            if past_event && dct.is_none_or(|d| range.0 <= d) {
                last_explicit = Some(Narrative { timex: t.clone(), range, sentence: si });
            }
        }
        // "When the Air Force selected Northrop on February 29, Boeing challenged the
        // award": a dated when-clause that opens the sentence dates its main clause.
        // So does one that closes it: "will wear the livery of Singapore Airlines when it
        // arrives on November 11". (Only "when": "after" and "before" tell another time.)
        let when_clause = placed.iter().find_map(|&(p, at)| {
            let g = s.groups[p];
            let when = g.opener == Some(Opener::Time) && g.clause_start > 0 && lower(s.word(text, g.clause_start - 1)) == "when";
            let opens = s.words[..g.clause_start.saturating_sub(1)].iter().all(|w| w.pos.is_punct());
            (when && out[at].basis == Basis::Explicit).then_some((p, opens, at))
        });
        // 2 and 3. Everything else that reports a happening.
        if !question {
            for (gi, kind) in candidates(&s, text, &dated) {
                let g = s.groups[gi];
                if dated[g.head]
                    || is_conditional(&s, text, gi)
                    || is_habit(&s, text, &g)
                    || own_season(&s, text, &g)
                    || is_imperative(&s, text, gi)
                {
                    continue;
                }
                // A relative or adverbial clause is background ("charges that she misled
                // banks", "when Castro came to power"): only its own date places it.
                if matches!(g.opener, Some(Opener::Relative | Opener::Time | Opener::Reason))
                    || joined_to_relative(&s, gi)
                    || reduced_relative(&s, text, &g, &sentence_dates)
                    || noun_clause(&s, text, &g, &sentence_dates)
                    || wh_clause(&s, text, &g)
                {
                    continue;
                }
                // A statement's content is dated with it, not on its own.
                if absorbed(&s, text, gi, &dated) {
                    continue;
                }
                // "The jury found that he hid the losses": what a finding finds happened
                // before it, at no time the text gives.
                let found =
                    |r: usize| stated_group(&s, r) == Some(gi) && is_verb_of(VerbClass::Finding, &lower(s.word(text, s.groups[r].head)));
                if kind == Kind::Past && g.opener == Some(Opener::That) && (0..s.groups.len()).any(found) {
                    continue;
                }
                let narrow = |n: &Narrative| (n.range.1 - n.range.0).num_days() < NARRATIVE_MAX_DAYS && dct.is_none_or(|d| n.range.1 <= d);
                // "met the managers last week and walked out": a verb joined by "and" to a
                // dated one, with no subject of its own, happened then too.
                // Not a present perfect, which reaches to now ("bought the club in 2021 and
                // has spent heavily").
                let reaches_now = g.perfect && g.tense == Tense::Present;
                let joined_to = (g.opener == Some(Opener::And)
                    && gi > 0
                    && !reaches_now
                    && (g.clause_start..g.first).all(|i| s.words[i].pos == Pos::RB))
                .then(|| placed.iter().rev().find(|&&(p, _)| p == gi - 1).map(|&(_, at)| at))
                .flatten()
                .filter(|&at| out[at].basis == Basis::Explicit);
                // "Iraq said it invaded Kuwait" after "Iraq's invasion of Kuwait on Aug. 2":
                // the same happening told again is dated as it was told first.
                let told_before = || (kind == Kind::Past).then(|| retold(&s, text, &g, &out)).flatten();
                if let Some(at) = joined_to.or_else(told_before) {
                    let f = out[at].clone();
                    let title = title(&TitleSpec {
                        text,
                        sentence: &s,
                        focus: Some(g.head),
                        stated: None,
                        dates: &sentence_dates,
                        antecedent: &antecedent,
                    });
                    let trig = Some((s.words[g.head].start, s.words[g.head].end));
                    out.push(Found { basis: Basis::Narrative, sentence: (ss, se), trigger: trig, title, with: None, ..f });
                    placed.push((gi, out.len() - 1));
                    continue;
                }
                let framed = when_clause.filter(|&(w, opens, _)| {
                    let main = matches!(g.opener, None | Some(Opener::That)) && g.is_finite();
                    if opens {
                        kind == Kind::Past && main && g.first > s.groups[w].head
                    } else {
                        // The main clause right before it, in the past or to come.
                        let to_come = matches!(g.tense, Tense::Future | Tense::Modal);
                        main && gi + 1 == w
                            && (kind == Kind::Past || to_come)
                            && !s.words[g.head..s.groups[w].clause_start].iter().any(|x| x.pos == Pos::Comma)
                    }
                });
                let (basis, timex, range) = match (kind, &narrative, dct) {
                    _ if framed.is_some() => {
                        let f = &out[framed.map_or(0, |(_, _, at)| at)];
                        (Basis::Narrative, f.timex.clone(), f.range)
                    }
                    // A past in a paragraph telling of a past time happened then.
                    (Kind::Past, Some(n), _) if narrow(n) => (Basis::Narrative, Some(n.timex.clone()), n.range),
                    (Kind::Past, Some(_), _) => continue,
                    // A statement continues the story only right after it ("On Dec. 5, BT
                    // announced … It said it would …"); otherwise it is made for this report.
                    (Kind::Statement, Some(n), _) if narrow(n) && n.sentence + 1 == si => {
                        (Basis::Narrative, Some(n.timex.clone()), n.range)
                    }
                    (Kind::Past | Kind::Statement | Kind::PresentStatement, _, Some(d)) => (Basis::Published, None, (d, d)),
                    // A present perfect tells what has happened as of the writing, in the
                    // lead or further down, whatever time the paragraph told of before.
                    (Kind::Perfect, _, _) if is_span(&s, text, &g) => continue,
                    (Kind::Perfect, _, Some(d)) => (Basis::Published, None, (d, d)),
                    // What is under way is under way on the day of publication.
                    (Kind::Ongoing, _, Some(d)) => (Basis::Published, None, (d, d)),
                    _ => continue,
                };
                let stated = future_stated(&s, text, gi);
                let title =
                    title(&TitleSpec { text, sentence: &s, focus: Some(g.head), stated, dates: &sentence_dates, antecedent: &antecedent });
                let trig = Some((s.words[g.head].start, s.words[g.head].end));
                out.push(Found {
                    article: article_idx,
                    basis,
                    timex: timex.clone(),
                    range,
                    sentence: (ss, se),
                    trigger: trig,
                    title: title.clone(),
                    with: None,
                });
                placed.push((gi, out.len() - 1));
            }
        }
        // What a placed statement says happened or is happening is part of its event:
        // "announced today that it is exercising its options", "has announced that
        // development has been pushed back", "said Thursday that King Hussein assured
        // him". Not what it says will be, which is to come, nor what had happened before.
        for gi in 0..s.groups.len() {
            let g = s.groups[gi];
            if g.negated || dated[g.head] || placed.iter().any(|&(p, _)| p == gi) || in_quotes(&s, text, g.head) {
                continue;
            }
            // A past perfect ("stated on Thursday that it had signed") happened before the
            // statement, on a day it does not give.
            if matches!(g.tense, Tense::Future | Tense::Modal | Tense::Infinitive | Tense::Participle)
                || g.tense == Tense::Past && g.perfect
            {
                continue;
            }
            let by = placed.iter().find(|&&(r, _)| stated_group(&s, r) == Some(gi) && statement_head(&s, text, r));
            if let Some(&(_, at)) = by {
                let f = out[at].clone();
                let trig = Some((s.words[g.head].start, s.words[g.head].end));
                out.push(Found { trigger: trig, with: Some(at), ..f });
                placed.push((gi, out.len() - 1));
            }
        }
        // A light verb's event is its noun: "made its first test flight", "took delivery".
        // So is what an announcement names ("has announced 10,000 job cuts"), and what
        // an aspect verb begins or ends ("will begin production in 2006").
        for &(gi, at) in &placed {
            let head = s.groups[gi].head;
            let w = lower(s.word(text, head));
            let aspect = is_verb_of(VerbClass::Aspect, &w);
            if !aspect && !is_verb_of(VerbClass::Light, &w) && !is_verb_of(VerbClass::Announce, &w) {
                continue;
            }
            let event = |n: usize| is_event_noun_at(&s, text, n) || aspect && is_activity_noun(s.word(text, n));
            if let Some(n) = light_object(&s, text, head).filter(|&n| !dated[n] && event(n)) {
                let f = out[at].clone();
                out.push(Found { trigger: Some((s.words[n].start, s.words[n].end)), with: Some(at), ..f });
            }
        }
        // The verbs that complete a placed verb are part of its event.
        for (w, at) in super::attached::completions(&s, text, &placed, &dated) {
            let f = out[at].clone();
            out.push(Found { trigger: Some((s.words[w].start, s.words[w].end)), with: Some(at), ..f });
        }
        // What happened with a placed event, at it or as it went on, is part of it.
        let first_here = out.partition_point(|f| f.sentence.0 < ss);
        for (w, at) in super::attached::attached(&s, text, &placed, &sentence_dates) {
            let trig = (s.words[w].start, s.words[w].end);
            if dated[w] || out[first_here..].iter().any(|f| f.trigger == Some(trig)) {
                continue;
            }
            let f = out[at].clone();
            out.push(Found { trigger: Some(trig), with: Some(at), ..f });
        }
        if last_explicit.is_some() {
            narrative = last_explicit;
        }
        read.push(s);
    }
    let body = out.len();
    // The stems of each mention's event word and title words, for the nouns and the headline that name them.
    let stems: Vec<(Option<String>, Vec<String>)> = out
        .iter()
        .map(|f| {
            let trig = f.trigger.map(|(ts, te)| super::merge::stem(&text[ts..te]));
            let title = f
                .title
                .split_whitespace()
                .filter(|t| t.len() > 3)
                .map(|t| super::merge::stem(t.trim_matches(|c: char| !c.is_alphanumeric())))
                .collect();
            (trig, title)
        })
        .collect();
    let index = NounIndex::of(&out, &stems);
    for s in &read {
        noun_mentions(text, s, &mut out, &index);
    }
    if let Some(span) = headline {
        headline_mentions(text, span, &mut out, body, &stems);
    }
    out
}

/// An event noun with no date of its own that names an event of the story ("the
/// deal", "the award", "the flight") is a mention of it: the nearest placed mention
/// whose event word is the same or a synonym ("the contract" for "has won a
/// contract", "the award" for "selected"), earlier in the article if there is one.
fn noun_mentions(text: &str, s: &Sentence, out: &mut Vec<Found>, index: &NounIndex) {
    for (i, w) in s.words.iter().enumerate() {
        if !is_event_noun_at(s, text, i) || index.triggers.contains(&(w.start, w.end)) {
            continue;
        }
        // A modifier of a compound whose head names an event ("test" in "its first
        // test flight") is that event's word, not another event to look up.
        let run_head = (i + 1..s.words.len()).take_while(|&k| matches!(s.words[k].pos, Pos::NN | Pos::NNS)).last();
        if run_head.is_some_and(|h| index.triggers.contains(&(s.words[h].start, s.words[h].end)) || is_event_noun_at(s, text, h)) {
            continue;
        }
        // The subject of a placed verb is part of its event: "The first flight will take
        // off … on October 25", "A test flight of the A380 was delayed today".
        if let Some(k) = subject_of_placed(s, text, i, index) {
            let f = out[k].clone();
            out.push(Found { sentence: s.span, trigger: Some((w.start, w.end)), with: Some(k), ..f });
            continue;
        }
        // Only a definite phrase names an event told of already: "the deal", "its
        // delivery", not "a 12-hour flight".
        let mut d = i;
        while d > 0 && matches!(s.words[d - 1].pos, Pos::JJ | Pos::NN | Pos::NNS | Pos::NNP | Pos::CD | Pos::VBN | Pos::VBG | Pos::Colon) {
            d -= 1;
        }
        let definite = d > 0
            && (matches!(lower(s.word(text, d - 1)).as_ref(), "the" | "this" | "that" | "these" | "those")
                || matches!(s.words[d - 1].pos, Pos::PRPS | Pos::Possessive));
        if !definite {
            continue;
        }
        // The same event word, or a word of the event's title ("the deal" for "signed
        // the agreement in Paris"): the nearest such mention before, else after.
        let stem = super::merge::stem(w.text(text));
        let Some(ks) = index.by_stem.get(stem.as_str()) else { continue };
        let at = ks.partition_point(|&k| out[k].sentence.0 < s.span.0);
        let after = ks[at..].iter().copied().find(|&k| out[k].sentence.0 > s.span.0);
        if let Some(k) = ks[..at].last().copied().or(after) {
            let f = out[k].clone();
            let basis = if f.basis == Basis::Published { Basis::Published } else { Basis::Narrative };
            out.push(Found { basis, sentence: s.span, trigger: Some((w.start, w.end)), with: Some(k), ..f });
        }
    }
}

/// The mention whose event word is the verb that the noun at `i` is the subject of:
/// the next verb group of its clause, with only its noun phrase (and an aside set off
/// by commas) between them.
fn subject_of_placed(s: &Sentence, text: &str, i: usize, index: &NounIndex) -> Option<usize> {
    // The phrase's head, not a word before it ("Launch customer ANA", "test flight").
    if s.words.get(i + 1).is_some_and(|n| n.pos.is_noun()) {
        return None;
    }
    let g = s.groups.iter().find(|g| g.first > i)?;
    if g.clause_start > i || g.first - i > 20 || g.opener.is_some() {
        return None;
    }
    // A passive's subject is its event only when the verb times it ("the departure was
    // delayed", "a review held in Brussels", "the first flight is scheduled"); "the
    // deal was approved" approves a deal made before.
    let verb = lower(s.word(text, g.head));
    let times = [VerbClass::Timing, VerbClass::Expect, VerbClass::Light].into_iter().any(|c| is_verb_of(c, &verb));
    if g.passive && !times {
        return None;
    }
    let np = |p: Pos| {
        matches!(
            p,
            Pos::IN
                | Pos::DT
                | Pos::JJ
                | Pos::JJS
                | Pos::NN
                | Pos::NNS
                | Pos::NNP
                | Pos::NNPS
                | Pos::CD
                | Pos::Possessive
                | Pos::Comma
                | Pos::CC
        )
    };
    if !(i + 1..g.first).all(|k| np(s.words[k].pos)) {
        return None;
    }
    // The subject's own head, not a noun inside one of its prepositional phrases ("the
    // departure … on a tour of Asia has been delayed" delays the departure, not the
    // tour): a preposition right before its phrase that follows a noun of the same
    // clause makes it part of that noun's phrase ("At the same time the deal" does not).
    // A participle right after the noun is said of it, wherever the noun stands ("the
    // result of a deal begun last year").
    // (Looked at within 40 words: a run-on "sentence" of a dump must not cost its
    // length for each of its nouns.)
    let reduced = g.first == i + 1 && !g.is_finite();
    let floor = g.clause_start.max(i.saturating_sub(40));
    let modifier = |p: Pos| matches!(p, Pos::DT | Pos::PRPS | Pos::Possessive | Pos::JJ | Pos::JJS | Pos::CD) || p.is_noun();
    let mut d = i;
    loop {
        while d > floor && modifier(s.words[d - 1].pos) {
            d -= 1;
        }
        // A conjunct's head is the head of its phrase if the first conjunct's is.
        if d > floor + 1 && s.words[d - 1].pos == Pos::CC {
            d -= 1;
        } else {
            break;
        }
    }
    if !reduced && d > floor && s.words[d - 1].pos == Pos::IN && (floor..d - 1).any(|k| s.words[k].pos.is_noun()) {
        return None;
    }
    index.by_trigger.get(&(s.words[g.head].start, s.words[g.head].end)).copied()
}

/// The body's mentions as event nouns look them up: their event words' spans, and
/// for each stem the mentions (in sentence order) whose event word has it or, dated
/// narrowly, whose title names it. Built once, so an article of thousands of
/// sentences is not searched again for each noun.
struct NounIndex {
    triggers: crate::hashing::FastSet<(usize, usize)>,
    /// Each event word's span to the last mention it names that is part of no other.
    by_trigger: crate::hashing::FastMap<(usize, usize), usize>,
    by_stem: crate::hashing::FastMap<String, Vec<usize>>,
}

impl NounIndex {
    fn of(out: &[Found], stems: &[(Option<String>, Vec<String>)]) -> NounIndex {
        let triggers = out.iter().filter_map(|f| f.trigger).collect();
        let by_trigger = out.iter().enumerate().filter(|(_, f)| f.with.is_none()).filter_map(|(k, f)| Some((f.trigger?, k))).collect();
        let mut by_stem: crate::hashing::FastMap<String, Vec<usize>> = Default::default();
        for (k, (f, (trig, title))) in out.iter().zip(stems).enumerate() {
            if f.with.is_some() {
                continue;
            }
            let narrow = (f.range.1 - f.range.0).num_days() < NARRATIVE_MAX_DAYS;
            let words = trig.iter().chain(title.iter().filter(|_| narrow));
            for st in words {
                let ks = by_stem.entry(st.clone()).or_default();
                if ks.last() != Some(&k) {
                    ks.push(k);
                }
            }
        }
        // Mentions come in sentence order; a list that does not (it cannot, but the
        // look-up relies on it) is put in that order.
        for ks in by_stem.values_mut() {
            ks.sort_by_key(|&k| (out[k].sentence.0, k));
        }
        NounIndex { triggers, by_trigger, by_stem }
    }
}

/// The headline's events join the story's: "Airbus unveils A380" is a mention of
/// "Airbus has unveiled the A380" (the same verb, something else in common), dated
/// as that mention is. A headline alone never makes an event.
fn headline_mentions(text: &str, span: (usize, usize), out: &mut Vec<Found>, body: usize, stems: &[(Option<String>, Vec<String>)]) {
    let s = Sentence::read(text, span);
    let headline_words: Vec<String> = s.words.iter().map(|x| lower(x.text(text)).into_owned()).filter(|x| x.len() > 3).collect();
    for (i, word) in s.words.iter().enumerate() {
        // Headlines drop their auxiliaries and articles, so a tagger reads "Boeing
        // unveils 777" as two nouns (or "Boeing" as a verb): a plural noun after a name
        // or a noun is the headline's verb.
        let after_name = i > 0 && {
            let prev = &s.words[i - 1];
            prev.pos.is_noun() || prev.text(text).starts_with(|c: char| c.is_uppercase())
        };
        let verb_like = word.pos.is_verb() || word.pos == Pos::NNS && after_name;
        if !(verb_like || is_event_noun_at(&s, text, i)) {
            continue;
        }
        let w = lower(word.text(text));
        let group = s.groups.iter().find(|g| g.head == i);
        if group.is_some_and(|g| g.negated) || is_verb_of(VerbClass::State, &w) && !group.is_some_and(|g| g.passive) {
            continue;
        }
        let stem = super::merge::stem(word.text(text));
        let matching = (0..body).find(|&k| {
            stems[k].0.as_deref() == Some(stem.as_str()) && {
                let f = &out[k];
                let sentence = lower(&text[f.sentence.0..f.sentence.1]);
                headline_words.iter().any(|hw| *hw != w && sentence.contains(hw.as_str()))
            }
        });
        if let Some(k) = matching {
            let f = out[k].clone();
            let basis = if f.basis == Basis::Published { Basis::Published } else { Basis::Narrative };
            out.push(Found { basis, sentence: span, trigger: Some((word.start, word.end)), with: Some(k), ..f });
        }
    }
}

/// The noun a light verb at `head` takes as its object ("made its first test flight",
/// "took delivery of"): the last noun of the noun phrase right after it.
fn light_object(s: &Sentence, text: &str, head: usize) -> Option<usize> {
    let mut i = head + 1;
    // A particle: "wrapped up a meeting", "carried out an attack".
    if s.words.get(i).is_some_and(|w| matches!(lower(w.text(text)).as_ref(), "up" | "out")) {
        i += 1;
    }
    while i < s.words.len()
        && i <= head + 4
        && (matches!(s.words[i].pos, Pos::DT | Pos::PRPS | Pos::CD | Pos::Possessive) || s.words[i].pos.is_adjective())
    {
        i += 1;
    }
    let mut last = None;
    while i < s.words.len() && matches!(s.words[i].pos, Pos::NN | Pos::NNS) {
        last = Some(i);
        i += 1;
    }
    last
}

/// A noun made from a verb, which after "begin", "start" or "resume" names an activity
/// ("began production", "resumed operations", "started construction").
fn is_activity_noun(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    w.len() > 6 && ["tion", "tions", "sion", "sions", "ment", "ments"].iter().any(|e| w.ends_with(e))
}

/// For a statement of what will be or what happened ("announced that it would
/// strip", "stated that it had signed a contract"), the group of what is stated: the
/// title is about that ("BT Group to strip …", "China Eastern had signed a contract
/// …"). A statement of what is keeps its verb ("Meng has said she is innocent").
fn future_stated(s: &Sentence, text: &str, gi: usize) -> Option<usize> {
    if !statement_head(s, text, gi) {
        return None;
    }
    // What a closing attribution says stands before it ("Qantas plans daily flights …,
    // the airline announced Friday"): the title is that, whatever its tense, since the
    // attribution adds only its source. Its main clause, not a clause that opens it.
    if stated_group(s, gi).is_some_and(|k| k < gi) {
        let main = (0..gi).find(|&k| s.groups[k].is_finite() && s.groups[k].opener.is_none()).unwrap_or(0);
        return (!s.groups[main].negated).then_some(main);
    }
    stated_group(s, gi).filter(|&k| {
        let g = s.groups[k];
        let event = matches!(g.tense, Tense::Past) || g.perfect;
        let w = lower(s.word(text, g.head));
        !g.negated && (matches!(g.tense, Tense::Future | Tense::Modal) || event && (!is_verb_of(VerbClass::State, &w) || g.passive))
    })
}

/// Is word `i` inside quotation marks?
pub(super) fn in_quotes(s: &Sentence, text: &str, i: usize) -> bool {
    let mut open = false;
    for w in &s.words[..i] {
        match w.text(text) {
            "\u{201c}" | "``" => open = true,
            "\u{201d}" | "''" => open = false,
            "\"" => open = !open,
            _ => {}
        }
    }
    open
}

/// Does group `gi` head a statement ("said", "announced", "told")?
fn statement_head(s: &Sentence, text: &str, gi: usize) -> bool {
    is_stating(&lower(s.word(text, s.groups[gi].head)))
}

/// Is group `gi` what another group of the sentence states, and so part of that
/// statement's event? An announcement always takes in what it announces; a bare
/// attribution takes in only a future ("said it would cut"), since a past it reports
/// ("said the meeting ended") is an event of its own.
fn absorbed(s: &Sentence, text: &str, gi: usize, dated: &[bool]) -> bool {
    (0..s.groups.len()).filter(|&r| r != gi).any(|r| {
        if stated_group(s, r) != Some(gi) || !statement_head(s, text, r) || s.groups[r].negated {
            return false;
        }
        let w = lower(s.word(text, s.groups[r].head));
        let future = matches!(s.groups[gi].tense, Tense::Future | Tense::Modal | Tense::Infinitive);
        is_verb_of(VerbClass::Announce, &w) || future || dated[s.groups[r].head]
    })
}

/// The verb groups of a sentence that report a happening, with their kind.
fn candidates(s: &Sentence, text: &str, dated: &[bool]) -> Vec<(usize, Kind)> {
    let mut out = Vec::new();
    for (gi, g) in s.groups.iter().enumerate() {
        if g.negated {
            continue;
        }
        let head = s.word(text, g.head);
        let w = lower(head);
        // A capitalised word mid-sentence tagged as a verb is more likely a name.
        if s.is_name_like(text, g.head) || head.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let report = is_verb_of(VerbClass::Report, &w);
        let announce = is_verb_of(VerbClass::Announce, &w);
        if report || announce {
            let stated = stated_group(s, gi).map(|k| s.groups[k]);
            // "said the meeting ended": the meeting's end is the event, the saying its source.
            let stated_event = stated.is_some_and(|k| {
                !k.negated && (k.tense == Tense::Past && !k.perfect || k.tense == Tense::Present && k.perfect) && {
                    let sw = lower(s.word(text, k.head));
                    !is_verb_of(VerbClass::State, &sw) || k.passive
                }
            });
            if report && (stated.is_none() || stated_event) {
                continue;
            }
            // A quotation is colour unless it says what will happen; "there could be
            // charges" names no happening.
            let stated_at = stated_group(s, gi);
            let quoted = stated_at.is_some_and(|k| in_quotes(s, text, s.groups[k].head));
            let future = stated.is_some_and(|k| matches!(k.tense, Tense::Future | Tense::Modal));
            let existential = stated.is_some_and(|k| (k.clause_start..k.first).any(|i| s.words[i].pos == crate::language::Pos::EX));
            if report && (quoted && !future || existential) {
                continue;
            }
            // What a report reports is dated already: the report is its source.
            if report && stated_group(s, gi).is_some_and(|k| dated[s.groups[k].head]) {
                continue;
            }
            // "He told reporters he was confident": a past report of a state is the
            // story's colour. One made now is news ("Meng has said she is innocent").
            let eventful = stated.is_some_and(|k| {
                future || k.perfect || k.tense == Tense::Past && !is_verb_of(VerbClass::State, &lower(s.word(text, k.head)))
            });
            if report && g.tense == Tense::Past && !g.perfect && !eventful {
                continue;
            }
            let kind = match g.tense {
                Tense::Past if !g.perfect && report => Kind::Statement,
                Tense::Past if !g.perfect => Kind::Past,
                Tense::Present if report => Kind::PresentStatement,
                Tense::Present if g.perfect => Kind::Perfect,
                _ => continue,
            };
            out.push((gi, kind));
            continue;
        }
        if is_verb_of(VerbClass::State, &w) && !g.passive {
            continue;
        }
        // "was set to land", "is expected to": a future marker, not an event.
        if is_verb_of(VerbClass::Expect, &w) {
            continue;
        }
        // "the A380-800F dedicated freighter": a participle that describes a noun (after
        // a word, a name or a model number, which a tagger may call anything). A
        // verb read as a past is one only if another verb is the sentence's main one:
        // "The chief visited people who live nearby" has no other.
        let other_main = s.groups[gi + 1..].iter().any(|o| o.is_finite() && o.opener.is_none());
        let prenominal = g.first == g.head
            && (g.tense == Tense::Participle || other_main)
            && s.words.get(g.head + 1).is_some_and(|n| matches!(n.pos, crate::language::Pos::NN | crate::language::Pos::NNS))
            && g.head > 0
            && (matches!(
                s.words[g.head - 1].pos,
                crate::language::Pos::DT
                    | crate::language::Pos::JJ
                    | crate::language::Pos::NN
                    | crate::language::Pos::NNP
                    | crate::language::Pos::PRPS
            ) || super::grammar::is_model_name(s.word(text, g.head - 1)));
        // What a quotation tells happened is speech, not the narrative.
        if prenominal || in_quotes(s, text, g.head) {
            continue;
        }
        let kind = match g.tense {
            Tense::Past if !g.perfect => Kind::Past,
            Tense::Present if g.perfect => Kind::Perfect,
            Tense::Present if s.words[g.head].pos == Pos::VBG => Kind::Ongoing,
            _ => Kind::DateOnly,
        };
        // What is to come is placed only by a date: its own, or one it shares.
        if kind != Kind::DateOnly || matches!(g.tense, Tense::Future | Tense::Modal) {
            out.push((gi, kind));
        }
    }
    out
}

/// Is the word at `i` an event noun (for attaching dates)?
pub fn is_event_noun_at(s: &Sentence, text: &str, i: usize) -> bool {
    s.words[i].pos.is_noun() && is_event_noun(s.word(text, i))
}

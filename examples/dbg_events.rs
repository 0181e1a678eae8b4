//! The events layer's reading of a text, for error analysis: each sentence's verb
//! groups (tense, aspect, voice, negation, clause opener) and the mentions found,
//! with their basis, date and title.
//!
//! cargo run --example dbg_events -- --dct 2008-06-18 "The airline signed the agreement in Paris on June 15."

use newsline::events::grammar::Sentence;
use newsline::events::sentences::sentences;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut dct = None;
    if args.first().map(String::as_str) == Some("--dct") && args.len() > 1 {
        dct = args[1].parse().ok();
        args.drain(..2);
    }
    let body = args.join(" ");
    let text = format!("Headline\n\n{body}");
    for (s, e) in sentences(&text).into_iter().skip(1) {
        let sent = Sentence::read(&text, (s, e));
        let words: Vec<String> = sent.words.iter().map(|w| format!("{}/{:?}", w.text(&text), w.pos)).collect();
        println!("{}", words.join(" "));
        for g in &sent.groups {
            println!(
                "  group {:?}: {:?} perfect={} passive={} negated={} opener={:?} clause from {:?}",
                (g.first..=g.head).map(|i| sent.word(&text, i)).collect::<Vec<_>>().join(" "),
                g.tense,
                g.perfect,
                g.passive,
                g.negated,
                g.opener,
                sent.word(&text, g.clause_start.min(sent.words.len() - 1))
            );
        }
    }
    let mut article = newsline::source::text::read(&text);
    article.published = dct.or(article.published);
    let tl = newsline::events::extract(&[article]);
    for ev in &tl.events {
        for m in &ev.mentions {
            println!(
                "{:?} {}..{} {:?} trigger={:?} date-from={:?}",
                m.basis,
                ev.start,
                ev.end,
                ev.title,
                m.trigger.as_ref().map(|t| t.text.to_string()),
                m.text
            );
        }
    }
}

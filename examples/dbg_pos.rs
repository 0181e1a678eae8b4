//! Parts of speech of a text, one sentence a line: `word/TAG word/TAG …`.
//! With `--jsonl`, reads {"id","text"} lines on stdin and writes each text's
//! sentences and tagged words (byte offsets) as JSON, for error analysis.
//!
//! cargo run --example dbg_pos -- "Airbus has unveiled the A380."

use std::io::BufRead;

use newsline::events::sentences::sentences;
use newsline::language::tag_sentence;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--jsonl") {
        for line in std::io::stdin().lock().lines().map_while(Result::ok) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
            let text = v["text"].as_str().unwrap_or_default();
            let sents: Vec<serde_json::Value> = sentences(text)
                .into_iter()
                .map(|(s, e)| {
                    let words: Vec<_> =
                        tag_sentence(text, s, e).iter().map(|w| serde_json::json!([w.start, w.end, format!("{:?}", w.pos)])).collect();
                    serde_json::json!({"start": s, "end": e, "words": words})
                })
                .collect();
            println!("{}", serde_json::json!({"id": v["id"], "sentences": sents}));
        }
        return;
    }
    let text = args.join(" ");
    for (s, e) in sentences(&text) {
        let words: Vec<String> = tag_sentence(&text, s, e).iter().map(|w| format!("{}/{:?}", w.text(&text), w.pos)).collect();
        println!("{}", words.join(" "));
    }
}

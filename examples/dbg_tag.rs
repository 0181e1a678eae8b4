//! Tags one text at the rules' example date (13 Dec 2018) and prints each match
//! with its value and rule: `cargo run --example dbg_tag -- "the last half of 1989"`.

fn main() {
    let text = std::env::args().nth(1).unwrap();
    let dct = chrono::NaiveDate::from_ymd_opt(2018, 12, 13);
    for t in newsline::temporal::tag(&text, dct) {
        println!("{:?} {} {} {}", &text[t.start..t.end], t.value, t.rule, t.modifier.map(|m| format!("{m:?}")).unwrap_or_default());
    }
}

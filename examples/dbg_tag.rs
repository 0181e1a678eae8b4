//! Tags one text and prints each match with its value and rule:
//! `cargo run --example dbg_tag -- "the last half of 1989" [YYYY-MM-DD]`.
//! The date defaults to the rules' example date, 13 Dec 2018.

fn main() {
    let text = std::env::args().nth(1).unwrap();
    let dct = std::env::args()
        .nth(2)
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        .or_else(|| chrono::NaiveDate::from_ymd_opt(2018, 12, 13));
    for t in newsline::temporal::tag(&text, dct) {
        println!("{:?} {} {} {}", &text[t.start..t.end], t.value, t.rule, t.modifier.map(|m| format!("{m:?}")).unwrap_or_default());
    }
}

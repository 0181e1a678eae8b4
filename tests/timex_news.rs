//! The tagger on present-day news sentences outside TempEval-3
//! (`tests/data/timex/modern_news.tsv`): each row names an expression the text must
//! yield, with its exact span and value; every expression found must be listed.

use chrono::NaiveDate;
use newsline::temporal::tag;

#[test]
fn modern_news_expressions() {
    let table = std::fs::read_to_string("tests/data/timex/modern_news.tsv").expect("the table is readable");
    let dct = NaiveDate::from_ymd_opt(2018, 12, 13);
    let mut expected: Vec<(&str, Vec<(&str, &str)>)> = Vec::new();
    for line in table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "three columns: {line:?}");
        let (text, span, value) = (cols[0], cols[1], cols[2]);
        let row = match expected.iter_mut().find(|(t, _)| *t == text) {
            Some(row) => row,
            None => {
                expected.push((text, Vec::new()));
                expected.last_mut().expect("just pushed")
            }
        };
        if span != "-" {
            row.1.push((span, value));
        }
    }
    assert!(expected.len() > 50);
    let mut failures = Vec::new();
    for (text, want) in &expected {
        let got: Vec<(String, String)> = tag(text, dct).iter().map(|t| (text[t.start..t.end].to_string(), t.value.to_string())).collect();
        let want: Vec<(String, String)> = want.iter().map(|(s, v)| (s.to_string(), v.to_string())).collect();
        if got != want {
            failures.push(format!("{text:?}: expected {want:?}, found {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} sentence(s) differ:\n{}", failures.len(), failures.join("\n"));
}

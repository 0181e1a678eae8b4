//! Publication dates as metadata writes them: ISO 8601 / RFC 3339 timestamps,
//! RFC 2822 (RSS `pubDate`), Unix epochs in JSON dumps, and, last, any full date
//! the tagger recognises ("December 13, 2018", "13 Dec 2018").

use chrono::{DateTime, NaiveDate, NaiveDateTime};

use crate::temporal::{self, TimexValue};

/// The calendar date a metadata field names. A timestamp keeps the date as
/// written in its own offset: an article published at 23:30 -05:00 is dated
/// that day where it was published, not the next day in UTC.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    parse_any_date(s).filter(|&d| !is_zero_time(d))
}

/// 1 January 1970 is a zero timestamp, a field left empty, never a day news was published.
fn is_zero_time(d: NaiveDate) -> bool {
    d == DateTime::UNIX_EPOCH.date_naive()
}

fn parse_any_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(dt.date());
        }
    }
    // "2018-12-13T09:00:00+0000" and other near-ISO stamps: the date part decides.
    if s.len() >= 10
        && let Some(head) = s.get(..10)
        && let Ok(d) = NaiveDate::parse_from_str(head, "%Y-%m-%d")
    {
        return Some(d);
    }
    for fmt in ["%Y/%m/%d", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d);
        }
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse::<i64>().ok().and_then(epoch_date);
    }
    let day = |text: &str| {
        temporal::tag(text, None).iter().find_map(|t| match t.value {
            TimexValue::Day(d) | TimexValue::DayTime(d, _) => Some(d),
            _ => None,
        })
    };
    day(s).or_else(|| after_weekday(s).and_then(day))
}

/// What follows a leading weekday ("on Friday December 19, 2025 @08:00PM"): a
/// weekday before a full date adds nothing to it, but unresolved on its own it can
/// hide the date from the tagger.
fn after_weekday(s: &str) -> Option<&str> {
    // The tagger's own weekday words ("Friday", "Fri", "Thurs"), not its plurals.
    let lexicon = temporal::lexicon::Lexicon::get();
    let mut rest = s.trim_start();
    for _ in 0..2 {
        let end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
        let word = &rest[..end];
        let after = rest[end..].trim_start_matches([',', '.', ' ']);
        let entry = lexicon.entry_at(lexicon.lookup(word));
        if entry.weekday != 0 && !entry.weekday_plural {
            return Some(after);
        }
        if !word.eq_ignore_ascii_case("on") {
            return None;
        }
        rest = after;
    }
    None
}

/// Unix time in seconds or milliseconds (news APIs use both).
pub fn epoch_date(n: i64) -> Option<NaiveDate> {
    let secs = if n.abs() >= 100_000_000_000 { n / 1000 } else { n };
    DateTime::from_timestamp(secs, 0).map(|d| d.date_naive()).filter(|&d| !is_zero_time(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn metadata_formats() {
        assert_eq!(parse_date("2018-12-13T23:30:00-05:00"), d(2018, 12, 13));
        assert_eq!(parse_date("2018-12-13T09:00:00Z"), d(2018, 12, 13));
        assert_eq!(parse_date("2018-12-13T09:00:00+0000"), d(2018, 12, 13));
        assert_eq!(parse_date("Thu, 13 Dec 2018 09:00:00 GMT"), d(2018, 12, 13));
        assert_eq!(parse_date("2018-12-13 09:00:00"), d(2018, 12, 13));
        assert_eq!(parse_date("2018-12-13"), d(2018, 12, 13));
        assert_eq!(parse_date("2018/12/13"), d(2018, 12, 13));
        assert_eq!(parse_date("1544691600"), d(2018, 12, 13));
        assert_eq!(parse_date("1544691600000"), d(2018, 12, 13));
        assert_eq!(parse_date("December 13, 2018"), d(2018, 12, 13));
        assert_eq!(parse_date("13 Dec 2018"), d(2018, 12, 13));
        // A weekday before the date, with or without a comma.
        assert_eq!(parse_date("on Friday December 19, 2025 @08:00PM"), d(2025, 12, 19));
        assert_eq!(parse_date("Fri 19 December 2025"), d(2025, 12, 19));
    }

    #[test]
    fn not_dates() {
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2018-13-45"), None);
        assert_eq!(parse_date("99999999999999999999"), None);
        assert_eq!(parse_date("1970-01-01T00:00:00Z"), None);
        assert_eq!(parse_date("0"), None);
    }
}

//! Date-axis ticks on calendar boundaries, from centuries down to hours.
//!
//! [`ticks`] picks the finest calendar step whose ticks stay at least
//! `min_spacing` pixels apart, so labels never overlap, and places ticks on
//! that step's boundaries (1 Jan, the 1st of a month, Mondays, midnight …).

use chrono::{Datelike, NaiveDate};

use super::{date_from_x, x_from_date};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Hours(u32),
    Days(u32),
    Week,
    Months(u32),
    Years(i32),
}

impl Step {
    /// Typical length in days, for choosing a step.
    fn days(self) -> f64 {
        match self {
            Step::Hours(h) => h as f64 / 24.0,
            Step::Days(d) => d as f64,
            Step::Week => 7.0,
            Step::Months(m) => m as f64 * 30.44,
            Step::Years(y) => y as f64 * 365.25,
        }
    }
}

const STEPS: &[Step] = &[
    Step::Hours(1),
    Step::Hours(3),
    Step::Hours(6),
    Step::Hours(12),
    Step::Days(1),
    Step::Days(2),
    Step::Week,
    Step::Months(1),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(50),
    Step::Years(100),
    Step::Years(200),
    Step::Years(500),
    Step::Years(1000),
    Step::Years(2000),
    Step::Years(5000),
    Step::Years(10000),
];

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// x in days since 1970-01-01.
    pub x: f64,
    pub label: String,
}

/// Chooses the step for a visible span of `days_visible` days over `width_px` pixels.
pub fn choose_step(days_visible: f64, width_px: f64, min_spacing: f64) -> Step {
    let px_per_day = width_px / days_visible.max(1e-9);
    STEPS.iter().copied().find(|s| s.days() * px_per_day >= min_spacing).unwrap_or(Step::Years(10000))
}

/// Years as people write them: "2018", "44 BC" (astronomical year 0 is 1 BC).
pub fn year_label(y: i32) -> String {
    if y <= 0 { format!("{} BC", 1 - y as i64) } else { y.to_string() }
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn label(d: NaiveDate, step: Step, hour: u32) -> String {
    let month = MONTHS[d.month0() as usize];
    match step {
        Step::Hours(_) if hour != 0 => format!("{hour:02}:00"),
        Step::Hours(_) | Step::Days(_) | Step::Week => format!("{} {month}", d.day()),
        Step::Months(_) if d.month() == 1 => format!("{month} {}", year_label(d.year())),
        Step::Months(_) => month.to_string(),
        Step::Years(_) => year_label(d.year()),
    }
}

/// The first tick boundary at or after `d` for the step.
fn first_boundary(d: NaiveDate, step: Step) -> Option<NaiveDate> {
    match step {
        Step::Hours(_) | Step::Days(1) => Some(d),
        Step::Days(n) => {
            let x = x_from_date(d) as i64;
            date_from_x((x + (n as i64 - x.rem_euclid(n as i64)) % n as i64) as f64)
        }
        Step::Week => {
            let back = d.weekday().num_days_from_monday() as u64;
            let monday = d.checked_sub_days(chrono::Days::new(back))?;
            if monday == d { Some(d) } else { monday.checked_add_days(chrono::Days::new(7)) }
        }
        Step::Months(n) => {
            let n = n as i64;
            let mut total = d.year() as i64 * 12 + d.month0() as i64;
            if d.day() > 1 {
                total += 1;
            }
            let total = (total + n - 1).div_euclid(n) * n;
            NaiveDate::from_ymd_opt(i32::try_from(total.div_euclid(12)).ok()?, total.rem_euclid(12) as u32 + 1, 1)
        }
        Step::Years(n) => {
            let y = d.year();
            let mut start = y.div_euclid(n) * n;
            if start < y || d.ordinal() > 1 {
                start += n;
            }
            NaiveDate::from_ymd_opt(start, 1, 1)
        }
    }
}

fn next(d: NaiveDate, step: Step) -> Option<NaiveDate> {
    match step {
        Step::Hours(_) | Step::Days(_) => d.checked_add_days(chrono::Days::new(match step {
            Step::Days(n) => n as u64,
            _ => 1,
        })),
        Step::Week => d.checked_add_days(chrono::Days::new(7)),
        Step::Months(n) => d.checked_add_months(chrono::Months::new(n)),
        Step::Years(n) => NaiveDate::from_ymd_opt(d.year().checked_add(n)?, 1, 1),
    }
}

/// Ticks for the visible x range `[x_min, x_max]` drawn `width_px` wide.
pub fn ticks(x_min: f64, x_max: f64, width_px: f64, min_spacing: f64) -> Vec<Tick> {
    let mut out = Vec::new();
    if !(x_min.is_finite() && x_max.is_finite()) || x_max <= x_min || width_px <= 0.0 {
        return out;
    }
    let step = choose_step(x_max - x_min, width_px, min_spacing);
    if let Step::Hours(h) = step {
        let first = (x_min * 24.0 / h as f64).ceil() as i64;
        let last = (x_max * 24.0 / h as f64).floor() as i64;
        for k in first..=last.min(first + 500) {
            let x = k as f64 * h as f64 / 24.0;
            let Some(d) = date_from_x(x) else { continue };
            let hour = ((x - x.floor()) * 24.0).round() as u32;
            out.push(Tick { x, label: label(d, step, hour) });
        }
        return out;
    }
    let (Some(start), Some(end)) = (date_from_x(x_min.max(-1e8)), date_from_x(x_max.min(1e8))) else { return out };
    let mut d = first_boundary(start, step);
    while let Some(day) = d {
        if day > end || out.len() > 500 {
            break;
        }
        out.push(Tick { x: x_from_date(day), label: label(day, step, 0) });
        d = next(day, step);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x(s: &str) -> f64 {
        x_from_date(s.parse().unwrap())
    }

    fn labels(from: &str, to: &str, width: f64) -> Vec<String> {
        ticks(x(from), x(to), width, 80.0).into_iter().map(|t| t.label).collect()
    }

    #[test]
    fn months_over_a_year() {
        assert_eq!(
            labels("2018-01-01", "2018-12-31", 1200.0),
            ["Jan 2018", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        );
    }

    #[test]
    fn years_over_decades() {
        let l = labels("1950-06-01", "2020-06-01", 800.0);
        assert_eq!(l.first().map(String::as_str), Some("1960"));
        assert_eq!(l.last().map(String::as_str), Some("2020"));
        assert!(l.iter().all(|s| s.parse::<i32>().is_ok_and(|y| y % 10 == 0)));
    }

    #[test]
    fn days_and_hours() {
        assert_eq!(labels("2018-12-03", "2018-12-09", 1400.0)[0], "3 Dec");
        let hours = labels("2018-12-05", "2018-12-05T12:00:00".split('T').next().unwrap(), 10.0);
        assert!(hours.is_empty()); // an empty range gives nothing, not a panic
        let t = ticks(x("2018-12-05"), x("2018-12-05") + 0.5, 1200.0, 80.0);
        assert_eq!(t[1].label, "01:00");
    }

    #[test]
    fn ticks_are_spaced_so_labels_do_not_overlap() {
        for (from, to) in [("1900-01-01", "2030-01-01"), ("2018-01-01", "2018-03-01"), ("2018-12-01", "2018-12-02")] {
            let (a, b) = (x(from), x(to));
            let t = ticks(a, b, 1000.0, 80.0);
            for w in t.windows(2) {
                let px = (w[1].x - w[0].x) / (b - a) * 1000.0;
                assert!(px >= 70.0, "{from}..{to}: {} and {} are {px} px apart", w[0].label, w[1].label);
            }
        }
    }

    #[test]
    fn years_before_the_common_era() {
        assert_eq!(year_label(0), "1 BC");
        assert_eq!(year_label(-43), "44 BC");
        let l = labels("-0500-01-01", "0500-01-01", 1000.0);
        assert!(l.contains(&"1 BC".to_string()) || l.iter().any(|s| s.ends_with("BC")));
    }
}

//! Layout: pure functions from (timeline, viewport, size) to what is drawn.
//! Shared by the window and the exporters, tested without any UI.

pub mod index;
pub mod lanes;
pub mod scene;
pub mod ticks;
pub mod view;

use chrono::{Datelike, NaiveDate};

/// Lane colours (Tableau 10 order, readable on light and dark), shared by the
/// window and the exported pictures so both show a lane in the same colour.
pub const PALETTE: [[u8; 3]; 8] =
    [[31, 119, 180], [255, 127, 14], [44, 160, 44], [214, 39, 40], [148, 103, 189], [140, 86, 75], [227, 119, 194], [23, 190, 207]];

/// The colour of lane `i`, as RGB.
pub fn lane_rgb(i: usize) -> [u8; 3] {
    PALETTE[i % PALETTE.len()]
}

/// Days from 0001-01-01 (CE day 1) to 1970-01-01.
const EPOCH_CE_DAYS: i64 = 719_163;

/// Timeline x coordinate of a date: days since 1970-01-01.
pub fn x_from_date(d: NaiveDate) -> f64 {
    (d.num_days_from_ce() as i64 - EPOCH_CE_DAYS) as f64
}

/// The date at an x coordinate (the day it falls in), if chrono can represent it.
pub fn date_from_x(x: f64) -> Option<NaiveDate> {
    if !x.is_finite() || x.abs() > 1e9 {
        return None;
    }
    let days = x.floor() as i64 + EPOCH_CE_DAYS;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(days).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x_round_trips() {
        for s in ["1970-01-01", "2018-12-13", "1066-10-14", "0001-01-01", "-0500-03-01"] {
            let d: NaiveDate = s.parse().unwrap();
            assert_eq!(date_from_x(x_from_date(d)), Some(d));
        }
        assert_eq!(x_from_date("1970-01-02".parse().unwrap()), 1.0);
        assert_eq!(date_from_x(f64::NAN), None);
    }
}

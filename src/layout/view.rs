//! The visible stretch of time, and how panning, zooming and fitting move it: one
//! pure type for the window's keys and wheel and for the exporters' "fit
//! everything", so the zoom limits and the fit margin are defined once.

/// The narrowest view: an hour across.
pub const MIN_SPAN: f64 = 1.0 / 24.0;
/// The widest view: 5,000 years across.
pub const MAX_SPAN: f64 = 365.25 * 5000.0;
/// The space left on each side of what a fitted view shows, as a fraction of it.
pub const FIT_MARGIN: f64 = 0.04;
/// At least this many days on each side, so a single day is not edge to edge.
const FIT_MIN_MARGIN: f64 = 3.0;

/// A view of the timeline: x from `min` to `max`, in days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeView {
    pub min: f64,
    pub max: f64,
}

impl TimeView {
    pub fn new((min, max): (f64, f64)) -> Self {
        TimeView { min, max }
    }

    pub fn span(self) -> f64 {
        self.max - self.min
    }

    pub fn range(self) -> (f64, f64) {
        (self.min, self.max)
    }

    /// The view that shows an extent (earliest start, latest end) with a margin on
    /// each side, or none when there is nothing to show.
    pub fn fit(extent: Option<(f64, f64)>) -> Option<Self> {
        let (a, b) = extent?;
        let margin = ((b - a) * FIT_MARGIN).max(FIT_MIN_MARGIN);
        Some(TimeView { min: a - margin, max: b + margin })
    }

    /// Moved by `fraction` of its width (negative: to the past).
    pub fn pan(self, fraction: f64) -> Self {
        let d = self.span() * fraction;
        TimeView { min: self.min + d, max: self.max + d }
    }

    /// Zoomed by `factor` (above 1: in) around `at`, which stays where it is on
    /// screen; unchanged when the result would be narrower than an hour or wider
    /// than 5,000 years.
    pub fn zoom_at(self, factor: f64, at: f64) -> Self {
        if !(factor.is_finite() && factor > 0.0 && Self::can_span(self.span() / factor)) {
            return self;
        }
        TimeView { min: at - (at - self.min) / factor, max: at + (self.max - at) / factor }
    }

    /// Zoomed by `factor` around its middle.
    pub fn zoom(self, factor: f64) -> Self {
        self.zoom_at(factor, (self.min + self.max) / 2.0)
    }

    /// Can a view be `span` days wide?
    pub fn can_span(span: f64) -> bool {
        (MIN_SPAN..=MAX_SPAN).contains(&span)
    }

    /// Centred on `at`, as wide as it is.
    pub fn centred_on(self, at: f64) -> Self {
        let half = self.span() / 2.0;
        TimeView { min: at - half, max: at + half }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panning_moves_by_a_fraction_of_the_width() {
        let v = TimeView::new((0.0, 100.0));
        assert_eq!(v.pan(0.2).range(), (20.0, 120.0));
        assert_eq!(v.pan(-0.2).range(), (-20.0, 80.0));
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let v = TimeView::new((0.0, 100.0)).zoom_at(2.0, 80.0);
        assert_eq!(v.range(), (40.0, 90.0));
        // The pointer's point is at the same fraction of the view as before.
        assert!(((80.0 - v.min) / v.span() - 0.8).abs() < 1e-12);
        assert_eq!(TimeView::new((0.0, 100.0)).zoom(0.5).range(), (-50.0, 150.0));
    }

    #[test]
    fn zoom_stops_at_an_hour_and_at_five_thousand_years() {
        let hour = TimeView::new((0.0, MIN_SPAN));
        assert_eq!(hour.zoom(2.0), hour, "no narrower than an hour");
        assert!(hour.zoom(0.5).span() > MIN_SPAN);
        let widest = TimeView::new((0.0, MAX_SPAN));
        assert_eq!(widest.zoom(0.5), widest, "no wider than 5,000 years");
        assert_eq!(widest.zoom(f64::NAN), widest);
        assert_eq!(widest.zoom(0.0), widest);
    }

    #[test]
    fn fitting_leaves_a_margin_of_at_least_three_days() {
        let v = TimeView::fit(Some((0.0, 1000.0))).unwrap();
        assert_eq!(v.range(), (-40.0, 1040.0));
        let day = TimeView::fit(Some((10.0, 11.0))).unwrap();
        assert_eq!(day.range(), (7.0, 14.0));
        assert_eq!(TimeView::fit(None), None);
        assert_eq!(TimeView::new((0.0, 10.0)).centred_on(100.0).range(), (95.0, 105.0));
    }
}

//! Constant-maturity prices: the curve of a date interpolated linearly on
//! days to expiry at fixed targets (e.g. 30/60/90 days, the VIX-futures index
//! construction). Contracts sharing one τ are averaged first.

use super::panel::{CurvePanel, CurvePoint};

/// What to do with a target outside the date's τ range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ends {
    /// NaN outside [τ_first, τ_last].
    Nan,
    /// The nearest end's price (flat extrapolation).
    Flat,
}

/// Interpolate one curve at `target` days. `row` is in τ order.
pub fn interpolate(row: &[CurvePoint], target: f64, ends: Ends) -> f64 {
    let mut prev: Option<(f64, f64)> = None;
    let mut i = 0;
    while i < row.len() {
        // Average the run of points sharing this τ.
        let tau = row[i].tau;
        let (mut sum, mut n) = (0.0, 0.0);
        while i < row.len() && row[i].tau == tau {
            sum += row[i].price;
            n += 1.0;
            i += 1;
        }
        let (x, y) = (tau as f64, sum / n);
        if x == target {
            return y;
        }
        if x > target {
            return match prev {
                Some((x0, y0)) => y0 + (y - y0) * (target - x0) / (x - x0),
                None if ends == Ends::Flat => y,
                None => f64::NAN,
            };
        }
        prev = Some((x, y));
    }
    match (prev, ends) {
        (Some((_, y)), Ends::Flat) => y,
        _ => f64::NAN,
    }
}

/// Dates × targets, date-major.
pub fn constant_maturity(panel: &CurvePanel, targets: &[f64], ends: Ends) -> Vec<f64> {
    let mut out = Vec::with_capacity(panel.n_dates() * targets.len());
    for d in 0..panel.n_dates() {
        let row = panel.curve(d);
        out.extend(targets.iter().map(|&t| interpolate(row, t, ends)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(tau: i32, price: f64) -> CurvePoint {
        CurvePoint { contract: 0, tau, price, volume: f64::NAN, open_interest: f64::NAN, from_close: false }
    }

    #[test]
    fn interpolates_by_hand() {
        let row = [pt(10, 20.0), pt(40, 23.0), pt(70, 26.0)];
        assert!((interpolate(&row, 30.0, Ends::Nan) - 22.0).abs() < 1e-12);
        assert_eq!(interpolate(&row, 40.0, Ends::Nan), 23.0);
        assert_eq!(interpolate(&row, 55.0, Ends::Nan), 24.5);
        assert!(interpolate(&row, 5.0, Ends::Nan).is_nan());
        assert!(interpolate(&row, 80.0, Ends::Nan).is_nan());
        assert_eq!(interpolate(&row, 5.0, Ends::Flat), 20.0);
        assert_eq!(interpolate(&row, 80.0, Ends::Flat), 26.0);
        assert!(interpolate(&[], 30.0, Ends::Flat).is_nan());
    }

    #[test]
    fn duplicate_tau_is_averaged() {
        let row = [pt(10, 20.0), pt(40, 22.0), pt(40, 24.0)];
        assert_eq!(interpolate(&row, 40.0, Ends::Nan), 23.0);
        assert!((interpolate(&row, 25.0, Ends::Nan) - 21.5).abs() < 1e-12);
    }
}

//! Spreads and carry between tenors, per date. Tenors are 1-based (M1 = the
//! front contract).
//!
//! * spread(a, b) = P_a − P_b (M1–M2 = P1 − P2).
//! * contango %(a → b) = (P_b / P_a − 1) × 100: positive in contango.
//! * roll yield(a, b) = ln(P_a / P_b) × 365 / (τ_b − τ_a): the annualised
//!   return of holding the further contract as it rolls down to the nearer
//!   one's price; positive in backwardation.
//! * slope = least-squares slope of price on τ in years (price per year).

use super::panel::CurvePanel;
use super::warnings::{push_if, CurveWarning};
use crate::error::{EngineError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpreadKind {
    Spread,
    ContangoPct,
    RollYield,
}

/// One series per date, with the warnings its inputs caused.
#[derive(Debug, Clone)]
pub struct Series {
    pub values: Vec<f64>,
    pub warnings: Vec<CurveWarning>,
}

/// `kind` between tenors `a` and `b` (1-based, a ≠ b) on every date.
pub fn tenor_pair(panel: &CurvePanel, kind: SpreadKind, a: usize, b: usize) -> Result<Series> {
    if a == 0 || b == 0 || a == b {
        return Err(EngineError::invalid(format!("tenors must be distinct and >= 1, got {a} and {b}")));
    }
    let mut values = vec![f64::NAN; panel.n_dates()];
    let mut non_positive = 0;
    for (d, v) in values.iter_mut().enumerate() {
        let row = panel.curve(d);
        let (Some(pa), Some(pb)) = (row.get(a - 1), row.get(b - 1)) else {
            continue;
        };
        *v = match kind {
            SpreadKind::Spread => pa.price - pb.price,
            _ if pa.price <= 0.0 || pb.price <= 0.0 => {
                non_positive += 1;
                f64::NAN
            }
            SpreadKind::ContangoPct => (pb.price / pa.price - 1.0) * 100.0,
            SpreadKind::RollYield if pb.tau != pa.tau => (pa.price / pb.price).ln() * 365.0 / (pb.tau - pa.tau) as f64,
            SpreadKind::RollYield => f64::NAN,
        };
    }
    let mut warnings = Vec::new();
    push_if(&mut warnings, CurveWarning::NonPositivePrice { count: non_positive });
    Ok(Series { values, warnings })
}

/// Least-squares slope of price on τ/365 over the first `k` tenors (0 = all).
pub fn slope(panel: &CurvePanel, k: usize) -> Vec<f64> {
    (0..panel.n_dates())
        .map(|d| {
            let row = panel.curve(d);
            let row = if k == 0 { row } else { &row[..row.len().min(k)] };
            let n = row.len() as f64;
            if row.len() < 2 {
                return f64::NAN;
            }
            let mx = row.iter().map(|p| p.tau as f64).sum::<f64>() / n;
            let my = row.iter().map(|p| p.price).sum::<f64>() / n;
            let (mut sxy, mut sxx) = (0.0, 0.0);
            for p in row {
                let dx = p.tau as f64 - mx;
                sxy += dx * (p.price - my);
                sxx += dx * dx;
            }
            if sxx > 0.0 {
                sxy / sxx * 365.0
            } else {
                f64::NAN
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curves::panel::LongRows;

    fn panel() -> CurvePanel {
        // day 0: tau 10, 40, 70 -> 20, 22, 25 ; day 1: tau 9, 39 -> 24, 21 (backwardation)
        let rows = LongRows {
            date: &[0, 0, 0, 1, 1],
            contract: &[0, 1, 2, 0, 1],
            settle: &[20.0, 22.0, 25.0, 24.0, 21.0],
            close: &[],
            volume: &[],
            open_interest: &[],
        };
        CurvePanel::from_long(&[0, 1], &[10, 40, 70], &rows).unwrap()
    }

    #[test]
    fn spreads_contango_roll_yield_by_hand() {
        let p = panel();
        let s = tenor_pair(&p, SpreadKind::Spread, 1, 2).unwrap().values;
        assert_eq!(s, vec![-2.0, 3.0]);
        let s13 = tenor_pair(&p, SpreadKind::Spread, 1, 3).unwrap().values;
        assert_eq!(s13[0], -5.0);
        assert!(s13[1].is_nan());
        let c = tenor_pair(&p, SpreadKind::ContangoPct, 1, 2).unwrap().values;
        assert!((c[0] - 10.0).abs() < 1e-12 && (c[1] - (21.0 / 24.0 - 1.0) * 100.0).abs() < 1e-12);
        let r = tenor_pair(&p, SpreadKind::RollYield, 1, 2).unwrap().values;
        assert!((r[0] - (20.0f64 / 22.0).ln() * 365.0 / 30.0).abs() < 1e-12);
        assert!(r[1] > 0.0, "backwardation earns roll yield");
        assert!(tenor_pair(&p, SpreadKind::Spread, 2, 2).is_err());
    }

    #[test]
    fn slope_by_hand() {
        let p = panel();
        // day 0: x = 10, 40, 70, y = 20, 22, 25 -> slope (per day) = sum dx dy / sum dx^2 = (-30*-2.33 + 30*2.67)/1800
        let s = slope(&p, 0);
        let per_day = (-30.0 * (20.0 - 67.0 / 3.0) + 30.0 * (25.0 - 67.0 / 3.0)) / 1800.0;
        assert!((s[0] - per_day * 365.0).abs() < 1e-9);
        assert!((s[1] - (-3.0 / 30.0 * 365.0)).abs() < 1e-9);
    }
}

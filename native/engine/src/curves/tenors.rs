//! The tenor view of a panel (dates × tenor 1..K) and each tenor's deviation
//! from the front contract.

use super::panel::CurvePanel;
use super::warnings::{push_if, CurveWarning};

/// Dates × K matrices, date-major (`d * k + j` is tenor j+1 on date d).
#[derive(Debug, Clone)]
pub struct TenorMatrix {
    pub tenors: usize,
    pub price: Vec<f64>,
    /// Days to expiry (NaN where absent).
    pub tau: Vec<f64>,
    /// Contract index (-1 where absent).
    pub contract: Vec<i32>,
}

/// Prices, τ and contracts of tenors 1..=`k` per date (`k` = 0: all tenors).
pub fn tenor_matrix(panel: &CurvePanel, k: usize) -> TenorMatrix {
    let k = if k == 0 { panel.max_tenors() } else { k };
    let cells = panel.n_dates() * k;
    let mut m = TenorMatrix { tenors: k, price: vec![f64::NAN; cells], tau: vec![f64::NAN; cells], contract: vec![-1; cells] };
    for d in 0..panel.n_dates() {
        for (j, p) in panel.curve(d).iter().take(k).enumerate() {
            m.price[d * k + j] = p.price;
            m.tau[d * k + j] = p.tau as f64;
            m.contract[d * k + j] = p.contract as i32;
        }
    }
    m
}

/// Deviation of each tenor from the front contract (tenor 1).
#[derive(Debug, Clone)]
pub struct Deviation {
    pub tenors: usize,
    /// Price minus the front price (tenor 1 is 0).
    pub abs: Vec<f64>,
    /// (price / front − 1) × 100; NaN when the front price is ≤ 0.
    pub pct: Vec<f64>,
    pub warnings: Vec<CurveWarning>,
}

pub fn deviation(panel: &CurvePanel, k: usize) -> Deviation {
    let m = tenor_matrix(panel, k);
    let k = m.tenors;
    let mut abs = vec![f64::NAN; m.price.len()];
    let mut pct = vec![f64::NAN; m.price.len()];
    let mut non_positive = 0;
    for d in 0..panel.n_dates() {
        let row = &m.price[d * k..(d + 1) * k];
        let front = row.first().copied().unwrap_or(f64::NAN);
        if !front.is_finite() {
            continue;
        }
        for (j, &p) in row.iter().enumerate() {
            if !p.is_finite() {
                continue;
            }
            abs[d * k + j] = p - front;
            if front > 0.0 {
                pct[d * k + j] = (p / front - 1.0) * 100.0;
            } else {
                non_positive += 1;
            }
        }
    }
    let mut warnings = Vec::new();
    push_if(&mut warnings, CurveWarning::NonPositivePrice { count: non_positive });
    Deviation { tenors: k, abs, pct, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curves::panel::LongRows;

    #[test]
    fn deviation_by_hand() {
        // day 0: 20, 22, 25 ; day 1: -5 (front negative), 10
        let rows = LongRows {
            date: &[0, 0, 0, 1, 1],
            contract: &[0, 1, 2, 0, 1],
            settle: &[20.0, 22.0, 25.0, -5.0, 10.0],
            close: &[],
            volume: &[],
            open_interest: &[],
        };
        let p = CurvePanel::from_long(&[0, 1], &[10, 40, 70], &rows).unwrap();
        let d = deviation(&p, 0);
        assert_eq!(d.tenors, 3);
        assert_eq!(&d.abs[0..3], &[0.0, 2.0, 5.0]);
        assert!((d.pct[1] - 10.0).abs() < 1e-12 && (d.pct[2] - 25.0).abs() < 1e-12);
        assert_eq!(&d.abs[3..5], &[0.0, 15.0]);
        assert!(d.abs[5].is_nan());
        assert!(d.pct[3].is_nan() && d.pct[4].is_nan());
        assert_eq!(d.warnings[0].code(), "NON_POSITIVE_PRICE");
        let m = tenor_matrix(&p, 2);
        assert_eq!(m.tau, vec![10.0, 40.0, 9.0, 39.0]);
        assert_eq!(m.contract, vec![0, 1, 0, 1]);
    }
}

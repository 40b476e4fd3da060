//! The curve panel: per date, the live contracts of one root in expiry order
//! with their days to expiry τ and a price. Built once from long rows (the
//! shape the database gives) and then read by every view.
//!
//! Conventions:
//! * Dates and expiries are whole days (e.g. days since 1970-01-01).
//! * A contract is live on a date when `date <= expiry` (it trades on its last
//!   trading day, τ = 0). Rows after expiry are ignored (counted).
//! * Price = settle; a settle that is missing or exactly 0 (the VX files of
//!   2013 carry 0 where no settle was published) falls back to the close
//!   (counted); a close of 0 means "no trade" and is missing too.
//! * Tenor k (1-based) on a date = the k-th live contract with a price, in
//!   expiry order. Two contracts sharing an expiry keep their given order.

use crate::error::{EngineError, Result};

use super::warnings::{push_if, CurveWarning};

/// Long rows: one per (date, contract) observation. `date` and `contract`
/// index into the panel's `dates` and `expiries`. Optional columns may be
/// empty slices (absent) or have one value per row (NaN = missing).
pub struct LongRows<'a> {
    pub date: &'a [u32],
    pub contract: &'a [u32],
    pub settle: &'a [f64],
    pub close: &'a [f64],
    pub volume: &'a [f64],
    pub open_interest: &'a [f64],
}

/// One live point of a date's curve.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CurvePoint {
    pub contract: u32,
    /// Days to expiry (>= 0).
    pub tau: i32,
    pub price: f64,
    pub volume: f64,
    pub open_interest: f64,
    /// The price is a close standing in for a missing settle.
    pub from_close: bool,
}

#[derive(Debug, Clone)]
pub struct CurvePanel {
    dates: Vec<i32>,
    expiries: Vec<i32>,
    /// CSR: points of date `d` are `points[row_start[d]..row_start[d + 1]]`.
    row_start: Vec<usize>,
    points: Vec<CurvePoint>,
    warnings: Vec<CurveWarning>,
    has_volume: bool,
    has_open_interest: bool,
}

fn check_len(name: &str, got: usize, want: usize) -> Result<()> {
    if got != want && got != 0 {
        return Err(EngineError::invalid(format!("{name} has {got} values, expected {want} (one per row) or none")));
    }
    Ok(())
}

fn pick_price(settle: f64, close: Option<f64>) -> Option<(f64, bool)> {
    if settle.is_finite() && settle != 0.0 {
        return Some((settle, false));
    }
    match close {
        Some(c) if c.is_finite() && c != 0.0 => Some((c, true)),
        _ => None,
    }
}

impl CurvePanel {
    /// Build from long rows. `dates` strictly ascending; `expiries` (one per
    /// contract) non-decreasing, so contract order is expiry order.
    pub fn from_long(dates: &[i32], expiries: &[i32], rows: &LongRows) -> Result<Self> {
        if let Some(i) = (1..dates.len()).find(|&i| dates[i] <= dates[i - 1]) {
            return Err(EngineError::invalid(format!(
                "dates must be strictly ascending: date {i} ({}) is not after date {} ({})",
                dates[i],
                i - 1,
                dates[i - 1]
            )));
        }
        if let Some(i) = (1..expiries.len()).find(|&i| expiries[i] < expiries[i - 1]) {
            return Err(EngineError::invalid(format!(
                "contracts must be in expiry order: contract {i} expires ({}) before contract {} ({})",
                expiries[i],
                i - 1,
                expiries[i - 1]
            )));
        }
        let n = rows.date.len();
        if rows.contract.len() != n || rows.settle.len() != n {
            return Err(EngineError::invalid(format!(
                "long rows: date ({n}), contract ({}) and settle ({}) must have the same length",
                rows.contract.len(),
                rows.settle.len()
            )));
        }
        check_len("close", rows.close.len(), n)?;
        check_len("volume", rows.volume.len(), n)?;
        check_len("open interest", rows.open_interest.len(), n)?;

        // Bucket rows by date (counting sort), then order each bucket by contract.
        let mut counts = vec![0usize; dates.len() + 1];
        for (r, (&d, &c)) in rows.date.iter().zip(rows.contract).enumerate() {
            if d as usize >= dates.len() {
                return Err(EngineError::invalid(format!("row {r}: date index {d} out of range (0..{})", dates.len())));
            }
            if c as usize >= expiries.len() {
                return Err(EngineError::invalid(format!("row {r}: contract index {c} out of range (0..{})", expiries.len())));
            }
            counts[d as usize + 1] += 1;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut order = vec![0u32; n];
        let mut fill = counts.clone();
        for (r, &d) in rows.date.iter().enumerate() {
            order[fill[d as usize]] = r as u32;
            fill[d as usize] += 1;
        }

        let opt = |col: &[f64], r: usize| if col.is_empty() { f64::NAN } else { col[r] };
        let (mut fallback, mut missing, mut expired, mut dup_rows, mut dup_tau_dates) = (0, 0, 0, 0, 0);
        let mut row_start = Vec::with_capacity(dates.len() + 1);
        let mut points = Vec::with_capacity(n);
        let mut max_live = 0usize;
        row_start.push(0);
        for (d, &date) in dates.iter().enumerate() {
            let bucket = &mut order[counts[d]..counts[d + 1]];
            // Stable on row order: among duplicates of one contract the last row wins.
            bucket.sort_by_key(|&r| rows.contract[r as usize]);
            let start = points.len();
            let mut i = 0;
            while i < bucket.len() {
                let c = rows.contract[bucket[i] as usize];
                let mut j = i + 1;
                while j < bucket.len() && rows.contract[bucket[j] as usize] == c {
                    j += 1;
                }
                dup_rows += j - i - 1;
                let r = bucket[j - 1] as usize;
                i = j;
                let expiry = expiries[c as usize];
                let close = if rows.close.is_empty() { None } else { Some(rows.close[r]) };
                let Some((price, from_close)) = pick_price(rows.settle[r], close) else {
                    missing += 1;
                    continue;
                };
                if date > expiry {
                    expired += 1;
                    continue;
                }
                fallback += from_close as usize;
                points.push(CurvePoint {
                    contract: c,
                    tau: expiry - date,
                    price,
                    volume: opt(rows.volume, r),
                    open_interest: opt(rows.open_interest, r),
                    from_close,
                });
            }
            let row = &points[start..];
            if row.windows(2).any(|w| w[0].tau == w[1].tau) {
                dup_tau_dates += 1;
            }
            max_live = max_live.max(row.len());
            row_start.push(points.len());
        }

        let mut warnings = Vec::new();
        push_if(&mut warnings, CurveWarning::CloseFallback { count: fallback });
        push_if(&mut warnings, CurveWarning::MissingPrice { count: missing });
        push_if(&mut warnings, CurveWarning::ExpiredIgnored { count: expired });
        push_if(&mut warnings, CurveWarning::DuplicateRow { count: dup_rows });
        push_if(&mut warnings, CurveWarning::DuplicateTau { dates: dup_tau_dates });
        if max_live == 1 {
            warnings.push(CurveWarning::SingleContract);
        }
        let has_volume = points.iter().any(|p| p.volume.is_finite());
        let has_open_interest = points.iter().any(|p| p.open_interest.is_finite());
        Ok(CurvePanel {
            dates: dates.to_vec(),
            expiries: expiries.to_vec(),
            row_start,
            points,
            warnings,
            has_volume,
            has_open_interest,
        })
    }

    pub fn dates(&self) -> &[i32] {
        &self.dates
    }
    pub fn expiries(&self) -> &[i32] {
        &self.expiries
    }
    pub fn n_dates(&self) -> usize {
        self.dates.len()
    }
    pub fn n_contracts(&self) -> usize {
        self.expiries.len()
    }
    /// The live points of date index `d`, in expiry order.
    pub fn curve(&self, d: usize) -> &[CurvePoint] {
        &self.points[self.row_start[d]..self.row_start[d + 1]]
    }
    /// Largest number of live points on any date.
    pub fn max_tenors(&self) -> usize {
        self.row_start.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0)
    }
    /// Largest τ in the panel (0 when empty).
    pub fn max_tau(&self) -> i32 {
        self.points.iter().map(|p| p.tau).max().unwrap_or(0)
    }
    pub fn warnings(&self) -> &[CurveWarning] {
        &self.warnings
    }
    pub fn has_volume(&self) -> bool {
        self.has_volume
    }
    pub fn has_open_interest(&self) -> bool {
        self.has_open_interest
    }
    /// Price of `contract` on date index `d`, if it is live and priced.
    pub fn price_of(&self, d: usize, contract: u32) -> Option<&CurvePoint> {
        let row = self.curve(d);
        row.binary_search_by_key(&contract, |p| p.contract).ok().map(|i| &row[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows<'a>(date: &'a [u32], contract: &'a [u32], settle: &'a [f64], close: &'a [f64]) -> LongRows<'a> {
        LongRows { date, contract, settle, close, volume: &[], open_interest: &[] }
    }

    #[test]
    fn builds_tenors_in_expiry_order_with_fallback_and_expiry() {
        let dates = [100, 101, 102];
        let expiries = [101, 130, 160];
        // day 100: c2, c0, c1 (unsorted); day 101: c0 settle 0 -> close; day 102: c0 expired, c1.
        let date = [0, 0, 0, 1, 1, 2, 2];
        let contract = [2, 0, 1, 0, 1, 0, 1];
        let settle = [30.0, 10.0, 20.0, 0.0, 21.0, 9.0, 22.0];
        let close = [30.0, 10.0, 20.0, 11.5, 21.0, 9.0, 22.0];
        let p = CurvePanel::from_long(&dates, &expiries, &rows(&date, &contract, &settle, &close)).unwrap();
        let c0: Vec<_> = p.curve(0).iter().map(|x| (x.contract, x.tau, x.price)).collect();
        assert_eq!(c0, vec![(0, 1, 10.0), (1, 30, 20.0), (2, 60, 30.0)]);
        let c1 = p.curve(1);
        assert_eq!((c1[0].tau, c1[0].price, c1[0].from_close), (0, 11.5, true));
        assert_eq!(p.curve(2).len(), 1);
        assert_eq!(p.curve(2)[0].contract, 1);
        let codes: Vec<_> = p.warnings().iter().map(|w| (w.code(), w.count())).collect();
        assert_eq!(codes, vec![("CLOSE_FALLBACK", 1), ("EXPIRED_IGNORED", 1)]);
        assert_eq!(p.max_tenors(), 3);
    }

    #[test]
    fn rejects_bad_shapes_with_a_clear_message() {
        let e = CurvePanel::from_long(&[2, 1], &[5], &rows(&[], &[], &[], &[])).unwrap_err();
        assert!(e.to_string().contains("strictly ascending"), "{e}");
        let e = CurvePanel::from_long(&[1], &[5, 4], &rows(&[], &[], &[], &[])).unwrap_err();
        assert!(e.to_string().contains("expiry order"), "{e}");
        let e = CurvePanel::from_long(&[1], &[5], &rows(&[0], &[3], &[1.0], &[])).unwrap_err();
        assert!(e.to_string().contains("row 0: contract index 3"), "{e}");
    }

    #[test]
    fn duplicate_rows_and_duplicate_tau_and_single_contract_are_said() {
        let p = CurvePanel::from_long(&[1], &[5, 5], &rows(&[0, 0, 0], &[0, 0, 1], &[1.0, 2.0, 3.0], &[])).unwrap();
        assert_eq!(p.curve(0)[0].price, 2.0);
        let codes: Vec<_> = p.warnings().iter().map(|w| w.code()).collect();
        assert_eq!(codes, vec!["DUPLICATE_ROW", "DUPLICATE_TAU"]);
        let one = CurvePanel::from_long(&[1, 2], &[5], &rows(&[0, 1], &[0, 0], &[1.0, f64::NAN], &[])).unwrap();
        let codes: Vec<_> = one.warnings().iter().map(|w| w.code()).collect();
        assert_eq!(codes, vec!["MISSING_PRICE", "SINGLE_CONTRACT"]);
    }
}

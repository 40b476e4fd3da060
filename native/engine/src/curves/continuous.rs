//! Continuous contracts: which contract is held on each date, when the
//! series rolls, and how past prices are adjusted so the roll gaps vanish.
//!
//! Roll rules:
//! * `DaysBefore(n)`: hold a contract through the date `n` panel dates
//!   before its last panel date on or before expiry (n = 0: hold through
//!   expiry); from the next date the next contract is held.
//! * `Volume` / `OpenInterest`: switch on the first date the next contract's
//!   volume (open interest) exceeds the held one's; a contract is always left
//!   by its expiry.
//!
//! On a roll date r the series shows the new contract. The gap is measured on
//! the latest date ≤ r where both contracts have a price (usually r itself):
//! difference adjustment adds (new − old) to every earlier price, ratio
//! adjustment multiplies them by new / old (positive prices only). The
//! adjustment of a date is returned as `price · mul + add`, so any field of
//! the held contract (open, high, low, close) can be adjusted the same way.

use super::panel::CurvePanel;
use super::warnings::{push_if, CurveWarning};
use crate::error::{EngineError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RollRule {
    DaysBefore(u32),
    Volume,
    OpenInterest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adjust {
    None,
    Difference,
    Ratio,
}

#[derive(Debug, Clone)]
pub struct Continuous {
    /// Contract held per date (-1 before the first contract).
    pub contract: Vec<i32>,
    /// The held contract's own price (NaN where it has none).
    pub raw: Vec<f64>,
    /// raw · mul + add.
    pub adjusted: Vec<f64>,
    pub mul: Vec<f64>,
    pub add: Vec<f64>,
    /// Date indices of rolls (the first date showing the new contract).
    pub roll_dates: Vec<u32>,
    /// Per roll: (old price, new price) used for the gap (NaN when no overlap).
    pub roll_prices: Vec<(f64, f64)>,
    pub warnings: Vec<CurveWarning>,
}

/// Last panel date index with date <= expiry, for each contract (None if
/// the contract expires before the first date).
fn last_dates(panel: &CurvePanel) -> Vec<Option<usize>> {
    let dates = panel.dates();
    panel.expiries().iter().map(|&e| dates.partition_point(|&d| d <= e).checked_sub(1)).collect()
}

/// Measure on the latest date <= r (looking back at most 10 dates) with both priced.
fn gap_prices(panel: &CurvePanel, r: usize, old: u32, new: u32) -> Option<(f64, f64)> {
    (r.saturating_sub(10)..=r).rev().find_map(|d| Some((panel.price_of(d, old)?.price, panel.price_of(d, new)?.price)))
}

pub fn build(panel: &CurvePanel, rule: RollRule, adjust: Adjust) -> Result<Continuous> {
    match rule {
        RollRule::Volume if !panel.has_volume() => {
            return Err(EngineError::MissingField(
                "volume roll: this root has no volume data; roll N days before expiry instead".into(),
            ))
        }
        RollRule::OpenInterest if !panel.has_open_interest() => {
            return Err(EngineError::MissingField(
                "open-interest roll: this root has no open-interest data; roll N days before expiry instead".into(),
            ))
        }
        _ => {}
    }
    let t = panel.n_dates();
    let last = last_dates(panel);
    // Last date index a contract may be held (days-before rule, or its expiry).
    let open_ended = |c: usize| panel.dates().last().is_some_and(|&d| panel.expiries()[c] > d);
    let hold_until = |c: usize| -> Option<usize> {
        if open_ended(c) {
            return Some(usize::MAX); // expires after the data ends: never rolled out of
        }
        let l = last[c]?;
        match rule {
            RollRule::DaysBefore(n) => l.checked_sub(n as usize),
            _ => Some(l),
        }
    };
    let mut contract = vec![-1i32; t];
    let mut roll_dates = Vec::new();
    let mut held: Option<usize> = None;
    for (d, slot) in contract.iter_mut().enumerate() {
        // Leave contracts whose holding window has passed (or skip never-held ones).
        let mut c = held.unwrap_or(0);
        while c < panel.n_contracts() && hold_until(c).is_none_or(|h| h < d) {
            c += 1;
        }
        if c >= panel.n_contracts() {
            break;
        }
        if matches!(rule, RollRule::Volume | RollRule::OpenInterest) {
            // Crossover: the next priced contract beats the held one.
            let measure =
                |c: usize| panel.price_of(d, c as u32).map(|p| if rule == RollRule::Volume { p.volume } else { p.open_interest });
            if let (Some(cur), Some(next)) = (measure(c), measure(c + 1)) {
                if next.is_finite() && (!cur.is_finite() || next > cur) && hold_until(c + 1).is_some_and(|h| h >= d) {
                    c += 1;
                }
            }
        }
        if held.is_some_and(|h| h != c) {
            roll_dates.push(d as u32);
        }
        held = Some(c);
        *slot = c as i32;
    }

    let mut raw = vec![f64::NAN; t];
    let mut missing = 0;
    for d in 0..t {
        if contract[d] >= 0 {
            match panel.price_of(d, contract[d] as u32) {
                Some(p) => raw[d] = p.price,
                None => missing += 1,
            }
        }
    }

    let (mut mul, mut add) = (vec![1.0; t], vec![0.0; t]);
    let mut roll_prices = Vec::with_capacity(roll_dates.len());
    let mut no_overlap = 0;
    for &r in &roll_dates {
        let r = r as usize;
        let (old, new) = (contract[r - 1] as u32, contract[r] as u32);
        match gap_prices(panel, r, old, new) {
            Some(pair) => roll_prices.push(pair),
            None => {
                no_overlap += 1;
                roll_prices.push((f64::NAN, f64::NAN));
            }
        }
    }
    // Walk back from the last roll, accumulating the adjustment of earlier dates.
    let (mut m, mut a) = (1.0, 0.0);
    let mut next_roll = roll_dates.len();
    for d in (0..t).rev() {
        while next_roll > 0 && roll_dates[next_roll - 1] as usize > d {
            next_roll -= 1;
            let (old, new) = roll_prices[next_roll];
            if old.is_finite() && new.is_finite() {
                match adjust {
                    Adjust::None => {}
                    Adjust::Difference => a += new - old,
                    Adjust::Ratio if old > 0.0 && new > 0.0 => m *= new / old,
                    Adjust::Ratio => {
                        return Err(EngineError::invalid(format!(
                            "ratio adjustment needs positive prices: the roll on date index {} has old {old} and new {new}; \
                             use difference adjustment or roll earlier",
                            roll_dates[next_roll]
                        )))
                    }
                }
            }
        }
        mul[d] = m;
        add[d] = a;
    }
    let adjusted = (0..t).map(|d| raw[d] * mul[d] + add[d]).collect();
    let mut warnings = Vec::new();
    push_if(&mut warnings, CurveWarning::RollWithoutOverlap { count: no_overlap });
    push_if(&mut warnings, CurveWarning::HeldContractMissing { count: missing });
    Ok(Continuous { contract, raw, adjusted, mul, add, roll_dates, roll_prices, warnings })
}

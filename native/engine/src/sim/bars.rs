//! One instrument's bars, validated once so the simulators can trust them.

use super::iso::iso_seconds;
use crate::{EngineError, Result};

/// Bars in time order. Times are unix seconds of the exchange's wall clock
/// (stored as if UTC), so `time / 86400` is the trading day.
///
/// Every bar's range includes its open and close: `high` and `low` are
/// widened to span all four prices when a data row says otherwise (futures
/// settlements can lie outside the traded range; real data has rows with the
/// high below the low), so a fill at the open is always inside the bar.
#[derive(Debug, Clone)]
pub struct Bars {
    pub time: Vec<i64>,
    pub open: Vec<f64>,
    pub high: Vec<f64>,
    pub low: Vec<f64>,
    pub close: Vec<f64>,
    /// Dense day number (0, 1, ...) of each bar; bars of one calendar day share it.
    pub day: Vec<u32>,
    /// Number of distinct days (the length of the daily P&L series).
    pub days: usize,
}

impl Bars {
    pub fn new(time: Vec<i64>, open: Vec<f64>, high: Vec<f64>, low: Vec<f64>, close: Vec<f64>) -> Result<Bars> {
        let n = time.len();
        if n == 0 {
            return Err(EngineError::invalid("bars: no bars (the instrument has no data in the chosen range)"));
        }
        for (name, col) in [("open", &open), ("high", &high), ("low", &low), ("close", &close)] {
            if col.len() != n {
                return Err(EngineError::invalid(format!("bars.{name} has {} values but bars.time has {n}", col.len())));
            }
            if let Some(k) = col.iter().position(|v| !v.is_finite()) {
                return Err(EngineError::invalid(format!(
                    "bars.{name}[{k}] ({}) is not a finite number: {}",
                    iso_seconds(time[k]),
                    col[k]
                )));
            }
        }
        if let Some(k) = (1..n).find(|&k| time[k] <= time[k - 1]) {
            return Err(EngineError::invalid(format!(
                "bars.time[{k}] ({}) is not after bars.time[{}] ({}): bars must be in strictly increasing time order",
                iso_seconds(time[k]),
                k - 1,
                iso_seconds(time[k - 1])
            )));
        }
        let hi: Vec<f64> = (0..n).map(|k| high[k].max(low[k]).max(open[k]).max(close[k])).collect();
        let lo: Vec<f64> = (0..n).map(|k| low[k].min(high[k]).min(open[k]).min(close[k])).collect();
        let (high, low) = (hi, lo);
        let mut day = Vec::with_capacity(n);
        let mut days = 0usize;
        let mut last_day = i64::MIN;
        for &t in &time {
            let d = t.div_euclid(86_400);
            if d != last_day {
                days += 1;
                last_day = d;
            }
            day.push((days - 1) as u32);
        }
        Ok(Bars { time, open, high, low, close, day, days })
    }

    pub fn len(&self) -> usize {
        self.time.len()
    }

    pub fn is_empty(&self) -> bool {
        self.time.is_empty()
    }
}

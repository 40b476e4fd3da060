//! Summary statistics of a close series.

use alphadesk_engine::stats::summary_stats as engine_summary;
use napi::bindgen_prelude::Float64ArraySlice;
use napi_derive::napi;

use crate::guard::guarded;

/// Summary of a close series; see the engine's `SummaryStats` docs. NaN
/// where undefined. Drawdown is a positive fraction; its start/end are
/// indices into the input array.
#[napi(object)]
pub struct SummaryStats {
    pub count: u32,
    pub nan_count: u32,
    pub first: f64,
    pub last: f64,
    pub min: f64,
    pub max: f64,
    pub mean: f64,
    pub total_return: f64,
    pub annualized_return: f64,
    pub annualized_volatility: f64,
    pub sharpe: f64,
    pub max_drawdown: f64,
    pub max_drawdown_start: f64,
    pub max_drawdown_end: f64,
}

#[napi]
pub fn summary_stats(close: Float64ArraySlice, periods_per_year: f64) -> napi::Result<SummaryStats> {
    guarded(|| {
        let s = engine_summary(&close, periods_per_year);
        Ok(SummaryStats {
            count: s.count as u32,
            nan_count: s.nan_count as u32,
            first: s.first,
            last: s.last,
            min: s.min,
            max: s.max,
            mean: s.mean,
            total_return: s.total_return,
            annualized_return: s.annualized_return,
            annualized_volatility: s.annualized_volatility,
            sharpe: s.sharpe,
            max_drawdown: s.max_drawdown,
            max_drawdown_start: s.max_drawdown_start,
            max_drawdown_end: s.max_drawdown_end,
        })
    })
}

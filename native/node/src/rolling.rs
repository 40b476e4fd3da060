//! 1-D rolling kernels on Float64Array.

use alphadesk_engine::{rolling, window_from_f64};
use napi::bindgen_prelude::{Float64Array, Float64ArraySlice};
use napi_derive::napi;

use crate::error::to_napi;
use crate::guard::guarded;

/// Rolling mean over `window` values (floored; must be >= 1). NaN until a
/// full window and wherever the window holds a NaN.
#[napi]
pub fn rolling_mean(values: Float64ArraySlice, window: f64) -> napi::Result<Float64Array> {
    guarded(|| {
        let w = window_from_f64(window, "window").map_err(to_napi)?;
        Ok(Float64Array::new(rolling::rolling_mean(&values, w)))
    })
}

/// Rolling sample standard deviation (ddof = 1), same NaN rules as rollingMean.
#[napi]
pub fn rolling_std(values: Float64ArraySlice, window: f64) -> napi::Result<Float64Array> {
    guarded(|| {
        let w = window_from_f64(window, "window").map_err(to_napi)?;
        Ok(Float64Array::new(rolling::rolling_std(&values, w)))
    })
}

/// Exponential moving average, alpha = 2 / (span + 1), seeded by the first
/// non-NaN value; NaN inputs give NaN and leave the state unchanged.
/// `span` must be >= 1 (may be fractional).
#[napi]
pub fn ema(values: Float64ArraySlice, span: f64) -> napi::Result<Float64Array> {
    guarded(|| {
        if !(span.is_finite() && span >= 1.0) {
            return Err(to_napi(alphadesk_engine::EngineError::invalid(format!(
                "span must be a finite number >= 1, got {span}"
            ))));
        }
        Ok(Float64Array::new(rolling::ema(&values, span)))
    })
}

//! Driver for the kernels computed directly per window (O(w) a step): the
//! shared full-window / NaN rule, so each kernel only says what it computes
//! from one window's values.

/// Writes `f(window)` for every full window `[t-w+1, t]` without a NaN, and
/// NaN elsewhere (pandas `min_periods = w`). The window's newest value is its
/// last element.
#[inline]
pub fn each_full_window(xs: &[f64], w: usize, out: &mut [f64], mut f: impl FnMut(&[f64]) -> f64) {
    let n = xs.len().min(out.len());
    let mut nan = 0usize;
    for t in 0..n {
        nan += usize::from(xs[t].is_nan());
        if t >= w {
            nan -= usize::from(xs[t - w].is_nan());
        }
        out[t] = if t + 1 < w || nan > 0 { f64::NAN } else { f(&xs[t + 1 - w..=t]) };
    }
}

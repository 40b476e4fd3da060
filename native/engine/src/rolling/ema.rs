//! Exponential moving average.

/// EMA with smoothing `alpha = 2 / (span + 1)` (pandas `ewm(span, adjust=False)`
/// recursion), seeded by the first non-NaN value:
///
/// * before the first non-NaN input the output is NaN;
/// * at the first non-NaN input `y = x`;
/// * afterwards `y_t = alpha * x_t + (1 - alpha) * y_{t-1}`;
/// * a NaN input yields NaN at that position and is skipped: the state
///   carries over unchanged to the next valid value.
///
/// `span` must be >= 1 (checked by the caller, see [`crate::window_from_f64`]
/// for windows; spans may be fractional).
pub fn ema(xs: &[f64], span: f64) -> Vec<f64> {
    let alpha = 2.0 / (span + 1.0);
    let mut out = Vec::with_capacity(xs.len());
    let mut state: Option<f64> = None;
    for &x in xs {
        if x.is_nan() {
            out.push(f64::NAN);
            continue;
        }
        let y = match state {
            None => x,
            Some(prev) => alpha * x + (1.0 - alpha) * prev,
        };
        state = Some(y);
        out.push(y);
    }
    out
}

//! delay / delta: shifts, no window state.

/// `delay(x, d)`: the value `d` steps ago (NaN for the first `d`).
pub fn delay_into(xs: &[f64], d: usize, out: &mut [f64]) {
    let n = xs.len().min(out.len());
    for t in 0..n {
        out[t] = if t >= d { xs[t - d] } else { f64::NAN };
    }
}

/// `delta(x, d) = x - delay(x, d)`.
pub fn delta_into(xs: &[f64], d: usize, out: &mut [f64]) {
    let n = xs.len().min(out.len());
    for t in 0..n {
        out[t] = if t >= d { xs[t] - xs[t - d] } else { f64::NAN };
    }
}

//! Rolling product. Computed directly per window (O(w) per step): dividing
//! out the leaving value is unstable near zero, and the paper only uses
//! short product windows.

/// Rolling product over `w` values; NaN until a full window or if the window holds a NaN.
pub fn rolling_product_into(xs: &[f64], w: usize, out: &mut [f64]) {
    let n = xs.len().min(out.len());
    let mut nan = 0usize;
    for t in 0..n {
        nan += usize::from(xs[t].is_nan());
        if t >= w {
            nan -= usize::from(xs[t - w].is_nan());
        }
        out[t] = if t + 1 < w || nan > 0 { f64::NAN } else { xs[t + 1 - w..=t].iter().product() };
    }
}

//! scale(x, a): per date, `x · a / sum(|x|)` over the non-NaN values, so the
//! absolute values sum to `a`. A row whose absolute sum is 0 (all zeros) has
//! no scaling and gives NaN rather than ±inf.

pub fn scale_row(vals: &[f64], a: f64, out: &mut [f64], _scratch: &mut super::Scratch) {
    let s: f64 = vals.iter().filter(|v| !v.is_nan()).map(|v| v.abs()).sum();
    for (o, &v) in out.iter_mut().zip(vals) {
        *o = if s > 0.0 && s.is_finite() { v * a / s } else { f64::NAN };
    }
}

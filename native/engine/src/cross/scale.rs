//! scale(x, a): per date, `x · a / sum(|x|)` over the non-NaN values, so the
//! absolute values sum to `a`. A row whose absolute sum is 0 (all zeros) has
//! no scaling and gives NaN rather than ±inf.

pub fn scale_row(vals: &[f64], a: f64, out: &mut [f64], _scratch: &mut super::Scratch) {
    // Four partial sums (fixed order: deterministic) so the loop pipelines.
    let mut acc = [0.0f64; 4];
    let chunks = vals.chunks_exact(4);
    let tail = chunks.remainder();
    let abs = |v: f64| if v.is_nan() { 0.0 } else { v.abs() };
    for c in chunks {
        acc[0] += abs(c[0]);
        acc[1] += abs(c[1]);
        acc[2] += abs(c[2]);
        acc[3] += abs(c[3]);
    }
    for &v in tail {
        acc[0] += abs(v);
    }
    let s = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    if !(s > 0.0 && s.is_finite()) {
        out.iter_mut().for_each(|o| *o = f64::NAN);
        return;
    }
    let k = a / s;
    for (o, &v) in out.iter_mut().zip(vals) {
        *o = v * k;
    }
}

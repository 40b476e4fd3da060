//! ts_rank: percentile rank of today's value within its own last `d` values,
//! defined as pandas `rolling(d).rank(pct=True)` with average ties:
//! `(#less + (#equal + 1) / 2) / d`, where #equal counts today's value too.
//! So the window maximum scores 1, a unique minimum scores 1/d, and a
//! constant window scores (d + 1) / (2d). O(d) per step with a branch-free
//! inner loop the compiler vectorises.

/// Rolling percentile rank of the newest value; NaN until a full window or if the window holds a NaN.
pub fn ts_rank_into(xs: &[f64], w: usize, out: &mut [f64]) {
    let inv = 1.0 / w as f64;
    super::direct::each_full_window(xs, w, out, |win| {
        let v = win[win.len() - 1];
        // Integer counters: unlike float sums they may be reordered, so the
        // loop vectorises.
        let (mut less, mut equal) = (0u32, 0u32);
        for &y in win {
            less += u32::from(y < v);
            equal += u32::from(y == v);
        }
        (f64::from(less) + (f64::from(equal) + 1.0) * 0.5) * inv
    });
}

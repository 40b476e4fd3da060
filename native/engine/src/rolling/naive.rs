//! From-scratch window kernels: every output recomputes its whole window.
//! They define the semantics in the plainest form and back the `naive`
//! evaluation mode used as the benchmark baseline. Same NaN rules as the
//! incremental kernels: NaN until a full window, NaN if the window holds one.
//! The float rules both share come from the leaf [`super::float_rules`];
//! nothing here borrows from the kernels it checks.

pub use super::float_rules::constant;
use super::float_rules::{negligible, snap_correlation, CompensatedSum};

/// Apply `f` to every full, NaN-free window.
pub fn window_apply(xs: &[f64], w: usize, out: &mut [f64], f: impl Fn(&[f64]) -> f64) {
    let n = xs.len().min(out.len());
    for t in 0..n {
        out[t] = if t + 1 < w {
            f64::NAN
        } else {
            let win = &xs[t + 1 - w..=t];
            if win.iter().any(|x| x.is_nan()) {
                f64::NAN
            } else {
                f(win)
            }
        };
    }
}

/// Apply `f` to every full window of two series where neither holds a NaN.
pub fn pair_apply(xs: &[f64], ys: &[f64], w: usize, out: &mut [f64], f: impl Fn(&[f64], &[f64]) -> f64) {
    let n = xs.len().min(ys.len()).min(out.len());
    for t in 0..n {
        out[t] = if t + 1 < w {
            f64::NAN
        } else {
            let (a, b) = (&xs[t + 1 - w..=t], &ys[t + 1 - w..=t]);
            if a.iter().chain(b).any(|x| x.is_nan()) {
                f64::NAN
            } else {
                f(a, b)
            }
        };
    }
}

/// Compensated (Neumaier) sum, so a from-scratch window sum agrees with the
/// incremental one to the last bit in all but pathological cases.
pub fn sum(win: &[f64]) -> f64 {
    let mut s = CompensatedSum::default();
    win.iter().for_each(|&x| s.add(x));
    if win.iter().any(|x| x.is_infinite()) {
        // IEEE semantics (inf, or NaN for inf - inf) instead of compensation residue.
        return win.iter().sum();
    }
    s.total()
}

pub fn mean(win: &[f64]) -> f64 {
    if constant(win) {
        return win[0];
    }
    sum(win) / win.len() as f64
}

pub fn product(win: &[f64]) -> f64 {
    win.iter().product()
}

/// Sample standard deviation (ddof = 1), two-pass.
pub fn stddev(win: &[f64]) -> f64 {
    if win.len() < 2 {
        return f64::NAN;
    }
    if constant(win) && win[0].is_finite() {
        return 0.0;
    }
    let m = mean(win);
    (win.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (win.len() - 1) as f64).sqrt()
}

pub fn min(win: &[f64]) -> f64 {
    win.iter().copied().fold(f64::INFINITY, f64::min)
}

pub fn max(win: &[f64]) -> f64 {
    win.iter().copied().fold(f64::NEG_INFINITY, f64::max)
}

/// Oldest-first position of the first minimum.
pub fn argmin(win: &[f64]) -> f64 {
    let m = min(win);
    win.iter().position(|&x| x == m).map_or(f64::NAN, |p| p as f64)
}

/// Oldest-first position of the first maximum.
pub fn argmax(win: &[f64]) -> f64 {
    let m = max(win);
    win.iter().position(|&x| x == m).map_or(f64::NAN, |p| p as f64)
}

/// Percentile rank of the newest value, average ties.
pub fn ts_rank(win: &[f64]) -> f64 {
    let v = win[win.len() - 1];
    let less = win.iter().filter(|&&y| y < v).count() as f64;
    let equal = win.iter().filter(|&&y| y == v).count() as f64;
    (less + (equal + 1.0) / 2.0) / win.len() as f64
}

/// Linear decay weights 1..=d, oldest lightest; a constant window gives
/// its value exactly.
pub fn decay_linear(win: &[f64]) -> f64 {
    let d = win.len() as f64;
    // Four independent partial sums (a fixed order, so the result depends
    // only on the window's values) let the loop pipeline.
    let mut acc = [0.0f64; 4];
    let chunks = win.chunks_exact(4);
    let tail = chunks.remainder();
    let mut k = 1.0;
    for c in chunks {
        acc[0] += k * c[0];
        acc[1] += (k + 1.0) * c[1];
        acc[2] += (k + 2.0) * c[2];
        acc[3] += (k + 3.0) * c[3];
        k += 4.0;
    }
    for &x in tail {
        acc[0] += k * x;
        k += 1.0;
    }
    if constant(win) {
        return win[0];
    }
    ((acc[0] + acc[1]) + (acc[2] + acc[3])) / (d * (d + 1.0) / 2.0)
}

/// Sample covariance (ddof = 1), two-pass.
pub fn covariance(a: &[f64], b: &[f64]) -> f64 {
    if a.len() < 2 {
        return f64::NAN;
    }
    if constant(a) || constant(b) {
        return 0.0;
    }
    let (ma, mb) = (mean(a), mean(b));
    a.iter().zip(b).map(|(x, y)| (x - ma) * (y - mb)).sum::<f64>() / (a.len() - 1) as f64
}

/// Pearson correlation, two-pass; NaN when either window is constant.
pub fn correlation(a: &[f64], b: &[f64]) -> f64 {
    if a.len() < 2 || constant(a) || constant(b) {
        return f64::NAN;
    }
    let (ma, mb) = (mean(a), mean(b));
    let (mut sab, mut saa, mut sbb) = (0.0, 0.0, 0.0);
    for (x, y) in a.iter().zip(b) {
        sab += (x - ma) * (y - mb);
        saa += (x - ma) * (x - ma);
        sbb += (y - mb) * (y - mb);
    }
    if negligible(saa, a.len(), ma) || negligible(sbb, b.len(), mb) {
        return f64::NAN;
    }
    snap_correlation(sab / (saa * sbb).sqrt())
}

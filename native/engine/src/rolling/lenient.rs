//! The `lenient` missing-value policy for windowed operators.
//!
//! Under `strict` (the default, pandas `rolling(w, min_periods=w)`) a window
//! with a missing value, or one reaching before the first date, gives NaN.
//! Under `lenient` a window gives a value when at least `min_count` of its
//! `w` days hold a value (days before the first date count as missing); the
//! statistic is then taken over the valid values only (pandas
//! `rolling(w, min_periods=min_count)`), and a correlation over a window where
//! either series is constant is 0 instead of undefined.
//!
//! Computed as a fill over the strict result: a cell the strict kernel gave
//! a value keeps it (its window was full and clean, so both policies agree),
//! and only NaN cells are recomputed here from the window's valid values —
//! lenient costs the strict run plus O(w) per missing cell.

use super::float_rules::{constant, negligible, snap_correlation, CompensatedSum};

/// A windowed statistic over a window's valid values, given as
/// (oldest-first position in the window `0..w`, value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stat {
    Sum,
    Mean,
    Product,
    Stddev,
    Min,
    Max,
    ArgMin,
    ArgMax,
    /// Percentile rank of the newest value (NaN when the newest is missing).
    Rank,
    DecayLinear,
}

/// Least number of valid values for a window of `w` under share `share`
/// (at least 1, at most `w`).
pub fn min_count(w: usize, share: f64) -> usize {
    ((share * w as f64).ceil() as usize).clamp(1, w.max(1))
}

fn stat(s: Stat, w: usize, pos: &[usize], vals: &[f64]) -> f64 {
    let n = vals.len() as f64;
    match s {
        Stat::Sum => sum(vals),
        Stat::Mean => {
            if constant(vals) {
                vals[0]
            } else {
                sum(vals) / n
            }
        }
        Stat::Product => vals.iter().product(),
        Stat::Stddev => {
            if vals.len() < 2 {
                return f64::NAN;
            }
            if constant(vals) && vals[0].is_finite() {
                return 0.0;
            }
            let m = sum(vals) / n;
            (vals.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1.0)).sqrt()
        }
        Stat::Min => vals.iter().copied().fold(f64::INFINITY, f64::min),
        Stat::Max => vals.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        Stat::ArgMin | Stat::ArgMax => {
            let mut best = 0;
            for k in 1..vals.len() {
                let better = if s == Stat::ArgMin { vals[k] < vals[best] } else { vals[k] > vals[best] };
                if better {
                    best = k;
                }
            }
            pos[best] as f64
        }
        Stat::Rank => {
            if pos.last() != Some(&(w - 1)) {
                return f64::NAN;
            }
            let v = vals[vals.len() - 1];
            let less = vals.iter().filter(|&&y| y < v).count() as f64;
            let equal = vals.iter().filter(|&&y| y == v).count() as f64;
            (less + (equal + 1.0) / 2.0) / n
        }
        Stat::DecayLinear => {
            if constant(vals) {
                return vals[0];
            }
            let (mut num, mut den) = (0.0, 0.0);
            for (&p, &v) in pos.iter().zip(vals) {
                let wt = (p + 1) as f64;
                num += wt * v;
                den += wt;
            }
            num / den
        }
    }
}

fn sum(vals: &[f64]) -> f64 {
    if vals.iter().any(|x| x.is_infinite()) {
        return vals.iter().sum();
    }
    let mut s = CompensatedSum::default();
    vals.iter().for_each(|&x| s.add(x));
    s.total()
}

/// Refill the NaN cells of a strict result `out` of `xs` from the valid
/// values of their windows.
pub fn fill(xs: &[f64], w: usize, min: usize, s: Stat, out: &mut [f64]) {
    let n = xs.len().min(out.len());
    let (mut pos, mut vals) = (Vec::with_capacity(w), Vec::with_capacity(w));
    for t in 0..n {
        if !out[t].is_nan() {
            continue;
        }
        pos.clear();
        vals.clear();
        let first = (t + 1).saturating_sub(w);
        for (k, &x) in xs[first..=t].iter().enumerate() {
            if !x.is_nan() {
                // Oldest-first position within the full w-day window.
                pos.push(k + w - (t + 1 - first));
                vals.push(x);
            }
        }
        if vals.len() >= min {
            out[t] = stat(s, w, &pos, &vals);
        }
    }
}

/// Refill the NaN cells of a strict covariance / correlation `out` from the
/// valid pairs of their windows; a constant series gives 0.
pub fn fill_pair(xs: &[f64], ys: &[f64], w: usize, min: usize, correlation: bool, out: &mut [f64]) {
    let n = xs.len().min(ys.len()).min(out.len());
    let (mut a, mut b) = (Vec::with_capacity(w), Vec::with_capacity(w));
    for (t, o) in out.iter_mut().enumerate().take(n) {
        if !o.is_nan() {
            continue;
        }
        a.clear();
        b.clear();
        for k in (t + 1).saturating_sub(w)..=t {
            if !xs[k].is_nan() && !ys[k].is_nan() {
                a.push(xs[k]);
                b.push(ys[k]);
            }
        }
        if a.len() < min.max(2) {
            continue;
        }
        *o = pair_stat(&a, &b, correlation);
    }
}

fn pair_stat(a: &[f64], b: &[f64], correlation: bool) -> f64 {
    if constant(a) || constant(b) {
        return if a.iter().chain(b).all(|x| x.is_finite()) { 0.0 } else { f64::NAN };
    }
    let n = a.len() as f64;
    let (ma, mb) = (sum(a) / n, sum(b) / n);
    let (mut sab, mut saa, mut sbb) = (0.0, 0.0, 0.0);
    for (x, y) in a.iter().zip(b) {
        sab += (x - ma) * (y - mb);
        saa += (x - ma) * (x - ma);
        sbb += (y - mb) * (y - mb);
    }
    if !correlation {
        return sab / (n - 1.0);
    }
    if negligible(saa, a.len(), ma) || negligible(sbb, b.len(), mb) {
        return 0.0;
    }
    snap_correlation(sab / (saa * sbb).sqrt())
}

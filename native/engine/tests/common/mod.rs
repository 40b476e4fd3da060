//! Helpers shared by the integration tests: a seeded RNG and approximate
//! comparisons that treat NaN == NaN.
#![allow(dead_code)]

/// The engine's own seeded generator (SplitMix64), shared with the benchmarks.
pub use alphadesk_engine::synth::SplitMix as Rng;

/// A series with NaNs, ties (values on a coarse grid) and constant runs.
pub fn messy_series(rng: &mut Rng, n: usize) -> Vec<f64> {
    let mut v = Vec::with_capacity(n);
    let mut x = 100.0;
    while v.len() < n {
        match rng.below(10) {
            0 => v.push(f64::NAN),
            1 => {
                // constant run
                let c = (rng.uniform() * 10.0).round();
                for _ in 0..(3 + rng.below(8)) {
                    v.push(c);
                }
            }
            2 => v.push((rng.uniform() * 4.0).round()), // ties
            _ => {
                x *= 1.0 + (rng.uniform() - 0.5) * 0.05;
                v.push(x);
            }
        }
    }
    v.truncate(n);
    v
}

/// Equal within `tol` (relative to magnitude, absolute near 0); NaN == NaN.
pub fn close(a: f64, b: f64, tol: f64) -> bool {
    if a.is_nan() || b.is_nan() {
        return a.is_nan() && b.is_nan();
    }
    if a.is_infinite() || b.is_infinite() {
        return a == b;
    }
    (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs()))
}

pub fn assert_all_close(got: &[f64], want: &[f64], tol: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(close(*g, *w, tol), "{what}: index {i}: got {g}, want {w}");
    }
}

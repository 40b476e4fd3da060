//! Rolling sample variance / standard deviation (ddof = 1) with Welford's
//! add/remove updates, which stay accurate where the textbook
//! `sum(x²) - sum(x)²/n` form cancels catastrophically.

use super::driver::{drive_series, WindowAgg};

/// Welford mean + second central moment, plus an exact "all equal" test so
/// a constant window yields exactly 0 instead of rounding residue.
#[derive(Default)]
pub struct VarAgg {
    n: usize,
    mean: f64,
    m2: f64,
    last: f64,
    run: usize,
    /// Largest m2 held since the last clear: removal error scales with it.
    peak: f64,
}

impl VarAgg {
    /// True when every value currently in the window is identical.
    #[inline]
    pub fn is_constant(&self) -> bool {
        self.run >= self.n
    }
    /// Sample variance (ddof = 1); NaN for fewer than 2 values.
    #[inline]
    pub fn variance(&self) -> f64 {
        if self.n < 2 {
            return f64::NAN;
        }
        if self.is_constant() {
            return 0.0;
        }
        // Rounding can leave a tiny negative m2; variance is never negative.
        (self.m2 / (self.n - 1) as f64).max(0.0)
    }
}

impl WindowAgg<f64> for VarAgg {
    #[inline]
    fn add(&mut self, x: f64) {
        if self.n > 0 && x == self.last {
            self.run += 1;
        } else {
            self.run = 1;
        }
        self.last = x;
        self.n += 1;
        let d = x - self.mean;
        self.mean += d / self.n as f64;
        self.m2 += d * (x - self.mean);
        self.peak = self.peak.max(self.m2);
    }
    #[inline]
    fn remove(&mut self, x: f64) {
        if self.n <= 1 {
            *self = VarAgg { last: self.last, peak: self.peak, ..VarAgg::default() };
            return;
        }
        let n_new = (self.n - 1) as f64;
        let mean_new = (self.mean * self.n as f64 - x) / n_new;
        self.m2 -= (x - self.mean) * (x - mean_new);
        self.mean = mean_new;
        self.n -= 1;
    }
    fn clear(&mut self) {
        *self = VarAgg::default();
    }
    #[inline]
    fn value(&self, _w: usize) -> f64 {
        self.variance().sqrt()
    }
    #[inline]
    fn degraded(&self) -> bool {
        // Removal error is ~eps * peak per step; once m2 is 1000x below the
        // peak a rebuild keeps ~10 significant digits.
        !self.is_constant() && self.m2 < self.peak * 1e-3
    }
}

/// Rolling sample standard deviation (ddof = 1) into `out`.
/// A window of one value has no sample std: NaN.
pub fn rolling_std_into(xs: &[f64], w: usize, out: &mut [f64]) {
    drive_series(xs, w, &mut VarAgg::default(), out);
}

/// Rolling sample standard deviation (ddof = 1).
pub fn rolling_std(xs: &[f64], w: usize) -> Vec<f64> {
    let mut out = vec![f64::NAN; xs.len()];
    rolling_std_into(xs, w, &mut out);
    out
}

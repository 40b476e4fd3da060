//! Running first and second moments about a shift point, the numerically
//! careful core of the incremental variance / covariance kernels.
//!
//! Sums are kept of `x - k` where `k` is a value from the window (the first
//! one added after a reset). Add and remove are then plain additions of
//! small numbers, and `m2 = Σd² - (Σd)²/n` only cancels badly when the window
//! mean has drifted many standard deviations away from `k`, or when the
//! squares once held were much larger than the current spread. Both are
//! detected ([`Moments::degraded`]) and the window driver then rebuilds the
//! sums from the window with a fresh shift point.

#[derive(Default, Clone, Copy)]
pub struct Moments {
    pub n: usize,
    k: f64,
    s1: f64,
    s2: f64,
    /// Largest squared deviation added since the reset (scale of the error).
    peak: f64,
    /// Length of the trailing run of equal values (exact constancy test).
    run: usize,
    last: f64,
}

impl Moments {
    #[inline]
    pub fn add(&mut self, x: f64) {
        if self.n == 0 && self.run == 0 {
            self.k = x;
        }
        let repeats = (self.n > 0) & (x == self.last);
        self.run = if repeats { self.run + 1 } else { 1 };
        self.last = x;
        let d = x - self.k;
        self.n += 1;
        self.s1 += d;
        self.s2 += d * d;
        self.peak = self.peak.max(d * d);
    }

    #[inline]
    pub fn remove(&mut self, x: f64) {
        let d = x - self.k;
        self.n -= 1;
        self.s1 -= d;
        self.s2 -= d * d;
    }

    /// Shifted deviation of `x` (for co-moments).
    #[inline]
    pub fn dev(&self, x: f64) -> f64 {
        x - self.k
    }

    #[inline]
    pub fn sum_dev(&self) -> f64 {
        self.s1
    }

    /// Every value in the window is identical (exact).
    #[inline]
    pub fn constant(&self) -> bool {
        self.run >= self.n
    }

    #[inline]
    pub fn mean(&self) -> f64 {
        self.k + self.s1 / self.n as f64
    }

    /// `n · Σ(x - mean)²` (division-free form used by the hot paths);
    /// never negative, exactly 0 for a constant window.
    #[inline]
    pub fn n_m2(&self) -> f64 {
        if self.constant() || self.n < 2 {
            return 0.0;
        }
        (self.s2 * self.n as f64 - self.s1 * self.s1).max(0.0)
    }

    /// Second central moment Σ(x - mean)².
    #[inline]
    pub fn m2(&self) -> f64 {
        self.n_m2() / self.n as f64
    }

    /// `n · mean`.
    #[inline]
    pub fn n_mean(&self) -> f64 {
        self.k * self.n as f64 + self.s1
    }

    /// Precision may be lost: rebuild from the window.
    #[inline]
    pub fn degraded(&self) -> bool {
        if self.constant() || self.n < 2 {
            return false;
        }
        let nf = self.n as f64;
        let q = self.s2 * nf - self.s1 * self.s1; // n · m2
                                                  // The mean drifted > 100 sd from the shift point, or squares once
                                                  // held are > 1e6x today's spread: rebuild before digits are lost.
        q <= 0.0 || self.s1 * self.s1 > 1e4 * q || self.peak * nf > 1e6 * q
    }
}

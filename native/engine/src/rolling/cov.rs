//! Rolling covariance and Pearson correlation of two series (sample, ddof = 1)
//! from shifted running sums and cross sums (see [`super::moments`]).
//!
//! Correlation of a window where either series is constant is undefined and
//! returned as NaN (never ±inf); results are clamped to [-1, 1] against
//! rounding. "Constant" means all values equal (detected exactly from runs of
//! equal values) or a spread below rounding noise (see [`negligible`]).

use super::driver::{drive_pair, WindowAgg};
use super::moments::Moments;

/// Relative spread below which a window counts as constant for correlation.
pub const CONSTANT_REL: f64 = 1e-12;

/// Clamp to [-1, 1] and round to 12 decimals. Correlations that are equal
/// in exact arithmetic (e.g. every 2-day correlation is ±1) then come out
/// bit-identical however they were computed, so a following `rank` sees
/// the ties it should instead of ties broken by rounding noise.
#[inline]
pub fn snap_correlation(c: f64) -> f64 {
    // Adding and subtracting 1.5·2^52 rounds to an integer (ties to even)
    // without a libm call; valid as |c·1e12| is far below 2^51.
    const MAGIC: f64 = 6_755_399_441_055_744.0;
    let c = c.clamp(-1.0, 1.0);
    ((c * 1e12 + MAGIC) - MAGIC) * 1e-12
}

/// True when a window's second central moment `m2` (over `n` values with
/// mean `mean`) is indistinguishable from rounding noise: its standard
/// deviation is below `CONSTANT_REL × |mean|`. Correlation of such a window
/// is NaN: with values equal up to a few ulps it would otherwise be an
/// arbitrary number decided by rounding.
#[inline]
pub fn negligible(m2: f64, n: usize, mean: f64) -> bool {
    let floor = CONSTANT_REL * mean;
    m2 <= 0.0 || m2 <= n as f64 * floor * floor
}

/// [`negligible`] in the scaled form `q = n·m2`, `s = n·mean`:
/// `m2 <= n (r·mean)²` ⟺ `q <= (r·s)²`.
#[inline]
fn negligible_scaled(q: f64, n_mean: f64) -> bool {
    let floor = CONSTANT_REL * n_mean;
    q <= 0.0 || q <= floor * floor
}

/// Co-moments of two series: shifted sums per series plus the shifted
/// cross sum Σ(x - kx)(y - ky).
#[derive(Default)]
pub struct CoAgg {
    x: Moments,
    y: Moments,
    sxy: f64,
}

impl CoAgg {
    /// n · Σ(x - mx)(y - my).
    #[inline]
    fn n_cxy(&self) -> f64 {
        self.sxy * self.x.n as f64 - self.x.sum_dev() * self.y.sum_dev()
    }
    #[inline]
    pub fn covariance(&self) -> f64 {
        let n = self.x.n;
        if n < 2 {
            return f64::NAN;
        }
        if self.x.constant() || self.y.constant() {
            return 0.0;
        }
        self.n_cxy() / (n as f64 * (n - 1) as f64)
    }
    #[inline]
    pub fn correlation(&self) -> f64 {
        let n = self.x.n;
        if n < 2 || self.x.constant() || self.y.constant() {
            return f64::NAN;
        }
        // All three moments carry the same factor n, which cancels.
        let (qx, qy) = (self.x.n_m2(), self.y.n_m2());
        if negligible_scaled(qx, self.x.n_mean()) || negligible_scaled(qy, self.y.n_mean()) {
            return f64::NAN;
        }
        snap_correlation(self.n_cxy() / (qx * qy).sqrt())
    }
}

impl WindowAgg<(f64, f64)> for CoAgg {
    #[inline]
    fn add(&mut self, (x, y): (f64, f64)) {
        self.x.add(x);
        self.y.add(y);
        self.sxy += self.x.dev(x) * self.y.dev(y);
    }
    #[inline]
    fn remove(&mut self, (x, y): (f64, f64)) {
        self.sxy -= self.x.dev(x) * self.y.dev(y);
        self.x.remove(x);
        self.y.remove(y);
    }
    fn clear(&mut self) {
        *self = CoAgg::default();
    }
    #[inline]
    fn value(&self, _w: usize) -> f64 {
        self.covariance()
    }
    fn direct(window: &[(f64, f64)]) -> f64 {
        let (a, b): (Vec<f64>, Vec<f64>) = window.iter().copied().unzip();
        super::naive::covariance(&a, &b)
    }
    #[inline]
    fn degraded(&self) -> bool {
        self.x.degraded() || self.y.degraded()
    }
}

/// Correlation view of [`CoAgg`].
#[derive(Default)]
struct CorrAgg(CoAgg);

impl WindowAgg<(f64, f64)> for CorrAgg {
    #[inline]
    fn add(&mut self, v: (f64, f64)) {
        self.0.add(v)
    }
    #[inline]
    fn remove(&mut self, v: (f64, f64)) {
        self.0.remove(v)
    }
    fn clear(&mut self) {
        self.0.clear()
    }
    #[inline]
    fn value(&self, _w: usize) -> f64 {
        self.0.correlation()
    }
    fn direct(window: &[(f64, f64)]) -> f64 {
        let (a, b): (Vec<f64>, Vec<f64>) = window.iter().copied().unzip();
        super::naive::correlation(&a, &b)
    }
    #[inline]
    fn degraded(&self) -> bool {
        self.0.degraded()
    }
}

/// Rolling sample covariance of `xs` and `ys` over `w` values.
pub fn rolling_cov_into(xs: &[f64], ys: &[f64], w: usize, out: &mut [f64]) {
    drive_pair(xs, ys, w, &mut CoAgg::default(), out);
}

/// Rolling Pearson correlation of `xs` and `ys` over `w` values.
pub fn rolling_corr_into(xs: &[f64], ys: &[f64], w: usize, out: &mut [f64]) {
    drive_pair(xs, ys, w, &mut CorrAgg::default(), out);
}

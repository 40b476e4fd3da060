//! Rolling sum and mean: compensated (Neumaier) running sum.

use super::driver::{drive_series, WindowAgg};
use super::float_rules::CompensatedSum;

/// Rolling sum aggregate; also tracks whether every value in the window is
/// identical so a constant window gives exactly `w * c` (no rounding noise).
#[derive(Default)]
pub struct SumAgg {
    sum: CompensatedSum,
    last: f64,
    run: usize,
    count: usize,
}

impl WindowAgg<f64> for SumAgg {
    #[inline]
    fn add(&mut self, x: f64) {
        self.sum.add(x);
        // Length of the trailing run of equal values (a select: whether a
        // price repeats is data-dependent).
        let repeats = (self.count > 0) & (x == self.last);
        self.run = if repeats { self.run + 1 } else { 1 };
        self.last = x;
        self.count += 1;
    }
    #[inline]
    fn remove(&mut self, x: f64) {
        self.sum.add(-x);
        self.count -= 1;
    }
    fn clear(&mut self) {
        *self = Self::default();
    }
    #[inline]
    fn value(&self, _w: usize) -> f64 {
        if self.run >= self.count {
            self.last * self.count as f64
        } else {
            self.sum.total()
        }
    }
    fn direct(window: &[f64]) -> f64 {
        super::naive::sum(window)
    }
}

/// Mean aggregate (sum / w; constant windows return the constant exactly).
#[derive(Default)]
pub struct MeanAgg(SumAgg);

impl WindowAgg<f64> for MeanAgg {
    #[inline]
    fn add(&mut self, x: f64) {
        self.0.add(x)
    }
    #[inline]
    fn remove(&mut self, x: f64) {
        self.0.remove(x)
    }
    fn clear(&mut self) {
        self.0.clear()
    }
    #[inline]
    fn value(&self, w: usize) -> f64 {
        if self.0.run >= self.0.count {
            self.0.last
        } else {
            self.0.sum.total() / w as f64
        }
    }
    fn direct(window: &[f64]) -> f64 {
        super::naive::mean(window)
    }
}

/// Rolling sum over `w` values into `out` (same length as `xs`).
pub fn rolling_sum_into(xs: &[f64], w: usize, out: &mut [f64]) {
    drive_series(xs, w, &mut SumAgg::default(), out);
}

/// Rolling mean over `w` values into `out` (same length as `xs`).
pub fn rolling_mean_into(xs: &[f64], w: usize, out: &mut [f64]) {
    drive_series(xs, w, &mut MeanAgg::default(), out);
}

/// Rolling sum; NaN until a full window, NaN if the window holds a NaN.
pub fn rolling_sum(xs: &[f64], w: usize) -> Vec<f64> {
    let mut out = vec![f64::NAN; xs.len()];
    rolling_sum_into(xs, w, &mut out);
    out
}

/// Rolling mean; NaN until a full window, NaN if the window holds a NaN.
pub fn rolling_mean(xs: &[f64], w: usize) -> Vec<f64> {
    let mut out = vec![f64::NAN; xs.len()];
    rolling_mean_into(xs, w, &mut out);
    out
}

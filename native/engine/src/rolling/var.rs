//! Rolling sample variance / standard deviation (ddof = 1) from shifted
//! running sums (see [`super::moments`]), exact 0 for constant windows.

use super::driver::{drive_series, WindowAgg};
use super::moments::Moments;

#[derive(Default)]
pub struct VarAgg(pub Moments);

impl VarAgg {
    /// Sample variance (ddof = 1); NaN for fewer than 2 values.
    #[inline]
    pub fn variance(&self) -> f64 {
        if self.0.n < 2 {
            return f64::NAN;
        }
        self.0.m2() / (self.0.n - 1) as f64
    }
}

impl WindowAgg<f64> for VarAgg {
    #[inline]
    fn add(&mut self, x: f64) {
        self.0.add(x)
    }
    #[inline]
    fn remove(&mut self, x: f64) {
        self.0.remove(x)
    }
    fn clear(&mut self) {
        self.0 = Moments::default();
    }
    #[inline]
    fn value(&self, _w: usize) -> f64 {
        self.variance().sqrt()
    }
    fn direct(window: &[f64]) -> f64 {
        super::naive::stddev(window)
    }
    #[inline]
    fn degraded(&self) -> bool {
        self.0.degraded()
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

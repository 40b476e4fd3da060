//! The rolling covariance/correlation kernel as it was before the fast
//! segment kernels (engine `rolling/cov.rs` at 8ed81ad), kept verbatim but
//! for the imports: the bitwise reference of `tests/rolling_corr_fast.rs`
//! and the baseline of `examples/bench_corr_kernel.rs` (both include this
//! file with `#[path]`).
#![allow(dead_code)]

use alphadesk_engine::rolling::float_rules::{negligible, negligible_scaled, snap_correlation};
use alphadesk_engine::rolling::naive;

/// Rebuild the running sums from the window at least this often.
const REBUILD_EVERY: usize = 512;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stat {
    Covariance,
    Correlation,
}

/// Running shifted sums over the valid pairs of the window.
#[derive(Default)]
struct Sums {
    kx: f64,
    ky: f64,
    sx: f64,
    sy: f64,
    sxx: f64,
    syy: f64,
    sxy: f64,
    peak_x: f64,
    peak_y: f64,
}

impl Sums {
    #[inline]
    fn add(&mut self, x: f64, y: f64) {
        let (dx, dy) = (x - self.kx, y - self.ky);
        self.sx += dx;
        self.sy += dy;
        self.sxx += dx * dx;
        self.syy += dy * dy;
        self.sxy += dx * dy;
        self.peak_x = self.peak_x.max(dx * dx);
        self.peak_y = self.peak_y.max(dy * dy);
    }
    #[inline]
    fn remove(&mut self, x: f64, y: f64) {
        let (dx, dy) = (x - self.kx, y - self.ky);
        self.sx -= dx;
        self.sy -= dy;
        self.sxx -= dx * dx;
        self.syy -= dy * dy;
        self.sxy -= dx * dy;
    }
    /// Recompute from a clean window, shifting by its first pair.
    fn rebuild(&mut self, xs: &[f64], ys: &[f64]) {
        *self = Sums { kx: xs[0], ky: ys[0], ..Sums::default() };
        for (&x, &y) in xs.iter().zip(ys) {
            self.add(x, y);
        }
    }
}

/// Per-step bookkeeping shared by both kernels: how many pairs in the
/// window hold a NaN or an infinity, and the last day each series changed
/// (the window starting at `start` is constant iff no change came after it).
#[derive(Default)]
struct PairWindow {
    nan: usize,
    inf: usize,
    change_x: usize,
    change_y: usize,
}

impl PairWindow {
    /// Takes in day `t` and drops day `t - w` from the window.
    #[inline]
    fn step(&mut self, xs: &[f64], ys: &[f64], w: usize, t: usize) {
        let (x, y) = (xs[t], ys[t]);
        if t > 0 {
            if x != xs[t - 1] {
                self.change_x = t;
            }
            if y != ys[t - 1] {
                self.change_y = t;
            }
        }
        self.nan += usize::from(x.is_nan() || y.is_nan());
        self.inf += usize::from(x.is_infinite() || y.is_infinite());
        if t >= w {
            let (ox, oy) = (xs[t - w], ys[t - w]);
            self.nan -= usize::from(ox.is_nan() || oy.is_nan());
            self.inf -= usize::from(ox.is_infinite() || oy.is_infinite());
        }
    }

    /// Whether x and y are constant over the window starting at `start`.
    #[inline]
    fn constant(&self, start: usize) -> (bool, bool) {
        (self.change_x <= start, self.change_y <= start)
    }
}

/// IEEE semantics from scratch, for windows holding an infinity.
fn from_scratch(stat: Stat, wx: &[f64], wy: &[f64]) -> f64 {
    match stat {
        Stat::Covariance => naive::covariance(wx, wy),
        Stat::Correlation => naive::correlation(wx, wy),
    }
}

/// One tight loop for both statistics (the generic window driver's
/// per-step indirection showed up in profiles: correlation is the most
/// used rolling operator of the 101 alphas).
///
/// Constancy is tracked exactly with the index of the last change of each
/// series: the window `[t-w+1, t]` is constant iff no value changed after
/// its first day.
fn rolling_co_into(xs: &[f64], ys: &[f64], w: usize, stat: Stat, out: &mut [f64]) {
    let n = xs.len().min(ys.len()).min(out.len());
    if w < 2 {
        // A sample (co)variance of one value is undefined (ddof = 1): NaN
        // everywhere, whatever the inputs (the paper has several
        // `correlation(x, y, 1)` after window flooring).
        out[..n].iter_mut().for_each(|o| *o = f64::NAN);
        return;
    }
    let wf = w as f64;
    let mut sums = Sums::default();
    let mut window = PairWindow::default();
    let mut clean = false; // sums hold exactly the window ending at t-1
    let mut since = 0usize;
    for t in 0..n {
        let (x, y) = (xs[t], ys[t]);
        window.step(xs, ys, w, t);
        if t >= w && clean {
            sums.remove(xs[t - w], ys[t - w]);
        }
        if t + 1 < w || window.nan > 0 {
            out[t] = f64::NAN;
            clean = false;
            continue;
        }
        let start = t + 1 - w;
        let (wx, wy) = (&xs[start..=t], &ys[start..=t]);
        if window.inf > 0 {
            // ±inf would poison the sums; IEEE semantics from scratch.
            out[t] = from_scratch(stat, wx, wy);
            clean = false;
            continue;
        }
        since += 1;
        if clean && since < REBUILD_EVERY {
            sums.add(x, y);
        } else {
            sums.rebuild(wx, wy);
            since = 0;
            clean = true;
        }
        let (const_x, const_y) = window.constant(start);
        // Scaled moments: q = n·m2, c = n·cxy. Rebuild when the mean has
        // drifted > 10 sd from the shift point (costs ~2 digits) or squares
        // once held dwarf the current spread, so correlations that are ±1 in
        // exact arithmetic stay within the snapping resolution.
        let mut qx = sums.sxx * wf - sums.sx * sums.sx;
        let mut qy = sums.syy * wf - sums.sy * sums.sy;
        let degraded =
            |q: f64, s1: f64, constant: bool, peak: f64| !constant && (q <= 0.0 || s1 * s1 > 1e2 * q || peak * wf > 1e6 * q);
        if degraded(qx, sums.sx, const_x, sums.peak_x) || degraded(qy, sums.sy, const_y, sums.peak_y) {
            sums.rebuild(wx, wy);
            since = 0;
            qx = sums.sxx * wf - sums.sx * sums.sx;
            qy = sums.syy * wf - sums.sy * sums.sy;
        }
        let c = sums.sxy * wf - sums.sx * sums.sy;
        out[t] = match stat {
            Stat::Covariance => {
                if const_x || const_y {
                    0.0
                } else {
                    c / (wf * (wf - 1.0))
                }
            }
            Stat::Correlation => {
                let nmx = sums.kx * wf + sums.sx;
                let nmy = sums.ky * wf + sums.sy;
                if const_x || const_y || negligible_scaled(qx, nmx) || negligible_scaled(qy, nmy) {
                    f64::NAN
                } else {
                    snap_correlation(c / (qx * qy).sqrt())
                }
            }
        };
    }
}

/// Windows up to this length are computed directly (two-pass over the
/// window): no running state, no rebuild checks. Measured on the sample
/// panel: 2- and 3-day windows ≈ 7.5–8 ns/step instead of 9–12; from 5 days
/// on the incremental update is cheaper.
pub const DIRECT_MAX: usize = 3;

/// Direct two-pass rolling statistic for short windows (same rules as
/// [`rolling_co_into`]: full window, NaN in the window → NaN, constant
/// window → NaN correlation / 0 covariance, snapping).
fn direct_co_into(xs: &[f64], ys: &[f64], w: usize, stat: Stat, out: &mut [f64]) {
    let n = xs.len().min(ys.len()).min(out.len());
    let wf = w as f64;
    let inv = 1.0 / wf;
    let mut window = PairWindow::default();
    for t in 0..n {
        window.step(xs, ys, w, t);
        if t + 1 < w || window.nan > 0 {
            out[t] = f64::NAN;
            continue;
        }
        let start = t + 1 - w;
        let (wx, wy) = (&xs[start..=t], &ys[start..=t]);
        if window.inf > 0 {
            out[t] = from_scratch(stat, wx, wy);
            continue;
        }
        let (const_x, const_y) = window.constant(start);
        if const_x || const_y {
            out[t] = match stat {
                Stat::Covariance => 0.0,
                Stat::Correlation => f64::NAN,
            };
            continue;
        }
        let (mut sx, mut sy) = (0.0, 0.0);
        for k in 0..w {
            sx += wx[k];
            sy += wy[k];
        }
        let (mx, my) = (sx * inv, sy * inv);
        let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
        for k in 0..w {
            let (dx, dy) = (wx[k] - mx, wy[k] - my);
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        out[t] = match stat {
            Stat::Covariance => sxy / (wf - 1.0),
            Stat::Correlation => {
                if negligible(sxx, w, mx) || negligible(syy, w, my) {
                    f64::NAN
                } else {
                    snap_correlation(sxy / (sxx * syy).sqrt())
                }
            }
        };
    }
}

/// Rolling sample covariance of `xs` and `ys` over `w` values.
pub fn rolling_cov_into(xs: &[f64], ys: &[f64], w: usize, out: &mut [f64]) {
    if (2..=DIRECT_MAX).contains(&w) {
        return direct_co_into(xs, ys, w, Stat::Covariance, out);
    }
    rolling_co_into(xs, ys, w, Stat::Covariance, out);
}

/// Rolling Pearson correlation of `xs` and `ys` over `w` values.
pub fn rolling_corr_into(xs: &[f64], ys: &[f64], w: usize, out: &mut [f64]) {
    if (2..=DIRECT_MAX).contains(&w) {
        return direct_co_into(xs, ys, w, Stat::Correlation, out);
    }
    rolling_co_into(xs, ys, w, Stat::Correlation, out);
}

//! Rolling covariance and Pearson correlation of two series (sample, ddof = 1)
//! from running sums and cross sums taken about a shift point (the same
//! scheme as [`super::moments`]), rebuilt from the window when precision
//! could suffer and every 512 steps.
//!
//! Correlation of a window where either series is constant is undefined and
//! returned as NaN (never ±inf); results are clamped to [-1, 1] against
//! rounding. "Constant" means all values equal (detected exactly from runs of
//! equal values) or a spread below rounding noise (see
//! [`super::float_rules::negligible`]).
//!
//! Layout: a series pair is cut at every day where either value is NaN or
//! ±inf. A window holding such a day is NaN (a NaN) or computed from scratch
//! with IEEE semantics (an infinity); every other window lies inside one
//! finite stretch, where a kernel without any NaN/inf bookkeeping runs. A
//! stretch starts from sums rebuilt from its first window, as a single sweep
//! over the whole series does once the bad day has left the window, so each
//! output is the same sequence of float operations as in that sweep (shifted
//! sums, rebuilds, constant-window rules, snapping): the cutting changes no
//! bit (`tests/rolling_corr_fast.rs` holds the sweep as a bitwise reference).

use super::float_rules::{negligible, snap_correlation, CONSTANT_REL};
use lanes::F2;

/// Rebuild the running sums from the window at least this often.
const REBUILD_EVERY: usize = 512;

/// Windows up to this length are computed directly (two-pass over the
/// window, vectorized over consecutive windows): no running state, no
/// rebuild checks. The two paths round differently, so this is part of the
/// results: changing it changes bits.
pub const DIRECT_MAX: usize = 3;
// `rolling_co_into` dispatches the direct lengths one by one.
const _: () = assert!(DIRECT_MAX == 3);

/// IEEE semantics from scratch, for windows holding an infinity.
fn from_scratch<const CORR: bool>(wx: &[f64], wy: &[f64]) -> f64 {
    if CORR {
        super::naive::correlation(wx, wy)
    } else {
        super::naive::covariance(wx, wy)
    }
}

/// Offset of the first day in `xs`/`ys` where either value is NaN or ±inf
/// (`xs.len()` if none), checked a block at a time.
fn first_non_finite(xs: &[f64], ys: &[f64]) -> usize {
    const BLOCK: usize = 16;
    let mut at = 0;
    for (bx, by) in xs.chunks(BLOCK).zip(ys.chunks(BLOCK)) {
        let finite = bx.iter().zip(by).fold(true, |ok, (x, y)| ok & x.is_finite() & y.is_finite());
        if !finite {
            return at + bx.iter().zip(by).position(|(x, y)| !(x.is_finite() && y.is_finite())).unwrap_or(bx.len());
        }
        at += bx.len();
    }
    at
}

/// Both statistics over one series pair: day by day through windows that
/// are not inside one finite stretch (warm-up → NaN, a NaN in the window →
/// NaN, else an infinity → from scratch), and from the first full window of
/// a finite stretch on [`direct`] or [`incremental`] up to the next
/// non-finite day.
fn rolling_co_into<const CORR: bool>(xs: &[f64], ys: &[f64], w: usize, out: &mut [f64]) {
    let n = xs.len().min(ys.len()).min(out.len());
    let (xs, ys, out) = (&xs[..n], &ys[..n], &mut out[..n]);
    if w < 2 {
        // A sample (co)variance of one value is undefined (ddof = 1): NaN
        // everywhere, whatever the inputs (the paper has several
        // `correlation(x, y, 1)` after window flooring).
        out.fill(f64::NAN);
        return;
    }
    let mut a = 0; // first day of the current finite stretch
    let mut nan_end = 0; // windows ending before this day hold a NaN
    let mut t = 0;
    while t < n {
        let (x, y) = (xs[t], ys[t]);
        // Selects, not branches: where bad days are dense they come at random.
        let finite = x.is_finite() & y.is_finite();
        a = if finite { a } else { t + 1 };
        nan_end = if x.is_nan() | y.is_nan() { t.saturating_add(w) } else { nan_end };
        if t + 1 - a >= w {
            // The stretch holds a full window ending at t: the kernel runs
            // to the next non-finite day.
            let b = t + 1 + first_non_finite(&xs[t + 1..], &ys[t + 1..]);
            let (sx, sy, so) = (&xs[a..b], &ys[a..b], &mut out[a..b]);
            match w {
                2 => direct::<CORR, 2>(sx, sy, so),
                3 => direct::<CORR, 3>(sx, sy, so),
                _ => incremental::<CORR>(sx, sy, w, so),
            }
            t = b;
            continue;
        }
        out[t] = if t + 1 < w || t < nan_end {
            f64::NAN
        } else {
            let start = t + 1 - w;
            from_scratch::<CORR>(&xs[start..=t], &ys[start..=t])
        };
        t += 1;
    }
}

mod lanes;

/// Running shifted sums over the window, lanes x and y: shift `k`,
/// `s1 = Σ(v-k)`, `s2 = Σ(v-k)²`, the cross sum `Σ(x-kx)(y-ky)`, and the
/// largest square added since the last rebuild.
#[derive(Clone, Copy)]
struct Run {
    k: F2,
    s1: F2,
    s2: F2,
    sxy: f64,
    peak: F2,
}

impl Run {
    #[inline]
    #[cfg_attr(target_arch = "x86_64", target_feature(enable = "sse2"))]
    fn add(&mut self, v: F2) {
        let d = v.sub(self.k);
        let d2 = d.mul(d);
        self.s1 = self.s1.add(d);
        self.s2 = self.s2.add(d2);
        self.sxy += d.x() * d.y();
        // `f64::max` without its NaN handling: on finite inputs no square is
        // NaN or -0, so `d2 > peak ? d2 : peak` is the same value.
        self.peak = d2.max(self.peak);
    }
    #[inline]
    #[cfg_attr(target_arch = "x86_64", target_feature(enable = "sse2"))]
    fn remove(&mut self, v: F2) {
        let d = v.sub(self.k);
        self.s1 = self.s1.sub(d);
        self.s2 = self.s2.sub(d.mul(d));
        self.sxy -= d.x() * d.y();
    }
    /// Recomputed from a window, shifted by its first pair.
    #[inline]
    #[cfg_attr(target_arch = "x86_64", target_feature(enable = "sse2"))]
    fn rebuilt(xs: &[f64], ys: &[f64]) -> Run {
        let zero = F2::splat(0.0);
        let mut r = Run { k: F2::new(xs[0], ys[0]), s1: zero, s2: zero, sxy: 0.0, peak: zero };
        for (&x, &y) in xs.iter().zip(ys) {
            r.add(F2::new(x, y));
        }
        r
    }
}

/// The incremental kernel over one finite stretch (`xs.len() >= w > DIRECT_MAX`):
/// outputs `w-1..`.
fn incremental<const CORR: bool>(xs: &[f64], ys: &[f64], w: usize, out: &mut [f64]) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: `incremental_lanes` only needs SSE2, which every x86_64 CPU
    // has (it is in the target's baseline features).
    unsafe {
        incremental_lanes::<CORR>(xs, ys, w, out)
    }
    #[cfg(not(target_arch = "x86_64"))]
    incremental_lanes::<CORR>(xs, ys, w, out)
}

/// See [`incremental`]. The sums start from the first window, as the single
/// sweep's rebuild after a broken window does, and then follow its steps:
/// drop the oldest pair and add the newest, rebuild when degraded (checked
/// every day) and every [`REBUILD_EVERY`] days.
///
/// Constancy is exact: per series, the number of days since its value last
/// changed (`equal_run`); the window `[t-w+1, t]` is constant iff that is
/// at least `w - 1`.
#[cfg_attr(target_arch = "x86_64", target_feature(enable = "sse2"))]
fn incremental_lanes<const CORR: bool>(xs: &[f64], ys: &[f64], w: usize, out: &mut [f64]) {
    let n = xs.len().min(ys.len()).min(out.len());
    let (xs, ys, out) = (&xs[..n], &ys[..n], &mut out[..n]);
    let wf = w as f64;
    let (wfv, one, zero) = (F2::splat(wf), F2::splat(1.0), F2::splat(0.0));
    let min_run = F2::splat((w - 1) as f64);
    let mut prev = F2::new(xs[0], ys[0]);
    let mut equal_run = zero;
    for i in 1..w {
        let v = F2::new(xs[i], ys[i]);
        equal_run = equal_run.add(one).keep(v.eq(prev));
        prev = v;
    }
    let mut run = Run::rebuilt(&xs[..w], &ys[..w]);
    let mut t = w - 1;
    let mut rebuild_on = t + REBUILD_EVERY;
    loop {
        let constant = min_run.le(equal_run);
        // Scaled moments: q = n·m2, c = n·cxy. Rebuild when the mean has
        // drifted > 10 sd from the shift point (costs ~2 digits) or squares
        // once held dwarf the current spread, so correlations that are ±1 in
        // exact arithmetic stay within the snapping resolution.
        let s1s1 = run.s1.mul(run.s1);
        let mut q = run.s2.mul(wfv).sub(s1s1);
        let degraded = q.le(zero).or(q.mul(F2::splat(1e2)).lt(s1s1)).or(q.mul(F2::splat(1e6)).lt(run.peak.mul(wfv)));
        if degraded.unless(constant).any() {
            let start = t + 1 - w;
            run = Run::rebuilt(&xs[start..=t], &ys[start..=t]);
            rebuild_on = t + REBUILD_EVERY;
            q = run.s2.mul(wfv).sub(run.s1.mul(run.s1));
        }
        let c = run.sxy * wf - run.s1.x() * run.s1.y();
        out[t] = if CORR {
            // `negligible_scaled` of both lanes, n·mean = k·n + s1.
            let floor = F2::splat(CONSTANT_REL).mul(run.k.mul(wfv).add(run.s1));
            let negligible = q.le(zero).or(q.le(floor.mul(floor)));
            if constant.or(negligible).any() {
                f64::NAN
            } else {
                snap_correlation(c / (q.x() * q.y()).sqrt())
            }
        } else if constant.any() {
            0.0
        } else {
            c / (wf * (wf - 1.0))
        };
        t += 1;
        if t >= n {
            return;
        }
        let v = F2::new(xs[t], ys[t]);
        equal_run = equal_run.add(one).keep(v.eq(prev));
        prev = v;
        if t < rebuild_on {
            run.remove(F2::new(xs[t - w], ys[t - w]));
            run.add(v);
        } else {
            run = Run::rebuilt(&xs[t + 1 - w..=t], &ys[t + 1 - w..=t]);
            rebuild_on = t + REBUILD_EVERY;
        }
    }
}

/// Direct two-pass statistic over one finite stretch for `W <= DIRECT_MAX`
/// (outputs `W-1..`): constant window → NaN correlation / 0 covariance.
/// Written without branches (the rules become selects, computed either
/// way), so the compiler vectorizes it over consecutive windows.
fn direct<const CORR: bool, const W: usize>(xs: &[f64], ys: &[f64], out: &mut [f64]) {
    let n = xs.len().min(ys.len()).min(out.len());
    if n < W {
        return;
    }
    // `m` windows; column k holds the k-th value of every window.
    let m = n + 1 - W;
    let cx: [&[f64]; W] = std::array::from_fn(|k| &xs[k..k + m]);
    let cy: [&[f64]; W] = std::array::from_fn(|k| &ys[k..k + m]);
    let out = &mut out[W - 1..W - 1 + m];
    let wf = W as f64;
    let inv = 1.0 / wf;
    for i in 0..m {
        let wx: [f64; W] = std::array::from_fn(|k| cx[k][i]);
        let wy: [f64; W] = std::array::from_fn(|k| cy[k][i]);
        let mut constant_x = true;
        let mut constant_y = true;
        for k in 1..W {
            constant_x &= wx[k] == wx[0];
            constant_y &= wy[k] == wy[0];
        }
        let (mut sx, mut sy) = (0.0, 0.0);
        for k in 0..W {
            sx += wx[k];
            sy += wy[k];
        }
        let (mx, my) = (sx * inv, sy * inv);
        let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
        for k in 0..W {
            let (dx, dy) = (wx[k] - mx, wy[k] - my);
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        let constant = constant_x | constant_y;
        out[i] = if CORR {
            let undefined = constant | negligible(sxx, W, mx) | negligible(syy, W, my);
            let r = snap_correlation(sxy / (sxx * syy).sqrt());
            if undefined {
                f64::NAN
            } else {
                r
            }
        } else {
            let r = sxy / (wf - 1.0);
            if constant {
                0.0
            } else {
                r
            }
        };
    }
}

/// Rolling sample covariance of `xs` and `ys` over `w` values.
pub fn rolling_cov_into(xs: &[f64], ys: &[f64], w: usize, out: &mut [f64]) {
    rolling_co_into::<false>(xs, ys, w, out);
}

/// Rolling Pearson correlation of `xs` and `ys` over `w` values.
pub fn rolling_corr_into(xs: &[f64], ys: &[f64], w: usize, out: &mut [f64]) {
    rolling_co_into::<true>(xs, ys, w, out);
}

//! The rolling correlation/covariance kernels against the kernel they
//! replaced (`reference/cov_before.rs`, one sweep with per-step NaN/inf
//! bookkeeping), bit for bit: every output of every window length on series
//! shaped like the engine's inputs (prices, tick-grid prices and their
//! changes, volumes, constant stretches, sums that degrade, NaN and ±inf).

mod common;

#[path = "reference/cov_before.rs"]
mod before;

use alphadesk_engine::rolling::cov::{rolling_corr_into, rolling_cov_into};
use common::Rng;

type Kernel = fn(&[f64], &[f64], usize, &mut [f64]);

const LENGTHS: [usize; 6] = [0, 1, 2, 3, 261, 1300];

/// Window lengths checked for a series of length `n`.
fn windows(n: usize) -> Vec<usize> {
    let mut ws: Vec<usize> = (1..=30).collect();
    ws.extend([n, n + 1, 64]);
    ws.sort_unstable();
    ws.dedup();
    ws
}

fn normal(rng: &mut Rng) -> f64 {
    rng.normal()
}

/// Random walk around 50 (a price).
fn walk(rng: &mut Rng, n: usize) -> Vec<f64> {
    let mut px = 20.0 + 80.0 * rng.uniform();
    (0..n)
        .map(|_| {
            px *= 1.0 + 0.02 * normal(rng);
            px
        })
        .collect()
}

/// A price on a tick grid (cents, or half-dollars: many ties).
fn tick_price(rng: &mut Rng, n: usize) -> Vec<f64> {
    let tick = if rng.below(3) == 0 { 0.5 } else { 0.01 };
    walk(rng, n).into_iter().map(|x| (x / tick).round() * tick).collect()
}

/// Day-over-day changes of a tick-grid price (zeros, rounding residue).
fn tick_changes(rng: &mut Rng, n: usize) -> Vec<f64> {
    let p = tick_price(rng, n + 1);
    p.windows(2).map(|w| w[1] - w[0]).collect()
}

/// Heavy-tailed integer volumes.
fn volume(rng: &mut Rng, n: usize) -> Vec<f64> {
    let base = 1e4 + 1e6 * rng.uniform();
    (0..n)
        .map(|_| {
            let u = rng.uniform().max(1e-9);
            (base * (0.3 + u.powf(-0.7))).round()
        })
        .collect()
}

/// Constant runs of random lengths, some levels repeating.
fn constant_runs(rng: &mut Rng, n: usize) -> Vec<f64> {
    let mut v = Vec::with_capacity(n);
    while v.len() < n {
        let level = (rng.uniform() * 5.0).round() * 0.25 - 0.5;
        for _ in 0..(1 + rng.below(40)) {
            v.push(level);
        }
    }
    v.truncate(n);
    v
}

/// A walk that freezes for stretches (a suspended or illiquid series).
fn sometimes_constant(rng: &mut Rng, n: usize) -> Vec<f64> {
    let mut v = walk(rng, n);
    let mut i = 0;
    while i < n {
        if rng.below(4) == 0 {
            let len = 1 + rng.below(45);
            let level = v[i];
            for x in v.iter_mut().skip(i).take(len) {
                *x = level;
            }
            i += len;
        } else {
            i += 1 + rng.below(30);
        }
    }
    v
}

/// Large offset and tiny noise (sums that degrade and get rebuilt), with
/// the offset jumping now and then.
fn offset_noise(rng: &mut Rng, n: usize) -> Vec<f64> {
    let mut level = 1e8 * (1.0 + rng.uniform());
    let scale = [1e-6, 1e-3, 1.0][rng.below(3)];
    (0..n)
        .map(|_| {
            if rng.below(50) == 0 {
                level += 1e6 * normal(rng);
            }
            level + scale * normal(rng)
        })
        .collect()
}

/// A walk with a long drift away from its start (the shift point goes stale).
fn trending(rng: &mut Rng, n: usize) -> Vec<f64> {
    let drift = 0.5 + rng.uniform();
    let mut x = 0.0;
    (0..n)
        .map(|_| {
            x += drift + 0.01 * normal(rng);
            x
        })
        .collect()
}

/// Values spanning many magnitudes, signed zeros and huge values whose
/// squares overflow the sums.
fn wild(rng: &mut Rng, n: usize) -> Vec<f64> {
    (0..n)
        .map(|_| match rng.below(12) {
            0 => 0.0,
            1 => -0.0,
            2 => 1e300 * normal(rng),
            3 => 1e-300 * normal(rng),
            4 => f64::MAX * rng.uniform(),
            _ => 10f64.powf(20.0 * rng.uniform() - 10.0) * normal(rng),
        })
        .collect()
}

/// A level moved by a few ulps at a time, now and then by a lot: spreads
/// at rounding-noise level (the negligible-spread rule) next to real ones.
fn ulps(rng: &mut Rng, n: usize) -> Vec<f64> {
    let mut level = 1.0 + rng.uniform();
    (0..n)
        .map(|_| {
            if rng.below(30) == 0 {
                level = 1.0 + rng.uniform();
            }
            let k = rng.below(7) as i64 - 3;
            f64::from_bits((level.to_bits() as i64 + k) as u64)
        })
        .collect()
}

/// Sprinkle NaN and ±inf over `v` (single days and short stretches).
fn sprinkle(rng: &mut Rng, v: &mut [f64], rate: f64) {
    let n = v.len();
    for i in 0..n {
        if rng.uniform() < rate {
            let bad = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY][rng.below(3)];
            let len = if rng.below(5) == 0 { 1 + rng.below(8) } else { 1 };
            for x in v.iter_mut().skip(i).take(len) {
                *x = bad;
            }
        }
    }
}

type Gen = fn(&mut Rng, usize) -> Vec<f64>;

const GENERATORS: [(&str, Gen); 11] = [
    ("walk", walk),
    ("tick_price", tick_price),
    ("tick_changes", tick_changes),
    ("volume", volume),
    ("constant_runs", constant_runs),
    ("sometimes_constant", sometimes_constant),
    ("offset_noise", offset_noise),
    ("trending", trending),
    ("wild", wild),
    ("ulps", ulps),
    ("walk_again", walk),
];

fn assert_same(name: &str, new: Kernel, old: Kernel, xs: &[f64], ys: &[f64], w: usize, what: &str) {
    let n = xs.len().min(ys.len());
    // Sentinels past `n` check that neither writes beyond the common length.
    let mut got = vec![-7.5; n + 2];
    let mut want = vec![-7.5; n + 2];
    new(xs, ys, w, &mut got);
    old(xs, ys, w, &mut want);
    for t in 0..got.len() {
        assert!(
            got[t].to_bits() == want[t].to_bits(),
            "{name} {what}, w = {w}, len = {n}: index {t}: got {:e} ({:#018x}), want {:e} ({:#018x})\n\
             window x = {:?}\n window y = {:?}",
            got[t],
            got[t].to_bits(),
            want[t],
            want[t].to_bits(),
            &xs[(t + 1).saturating_sub(w).min(n)..(t + 1).min(n)],
            &ys[(t + 1).saturating_sub(w).min(n)..(t + 1).min(n)],
        );
    }
}

fn check_pair(xs: &[f64], ys: &[f64], what: &str) {
    for w in windows(xs.len().min(ys.len())) {
        assert_same("correlation", rolling_corr_into, before::rolling_corr_into, xs, ys, w, what);
        assert_same("covariance", rolling_cov_into, before::rolling_cov_into, xs, ys, w, what);
    }
}

/// Every ordered pair of generators, every length, every window.
#[test]
fn bitwise_equal_on_finite_series() {
    let mut rng = Rng::new(20240601);
    for &n in &LENGTHS {
        for (gx, fx) in GENERATORS {
            for (gy, fy) in GENERATORS {
                let xs = fx(&mut rng, n);
                let ys = fy(&mut rng, n);
                check_pair(&xs, &ys, &format!("x = {gx}, y = {gy}"));
            }
        }
    }
}

/// The same with NaN and ±inf sprinkled over either or both series.
#[test]
fn bitwise_equal_with_nan_and_inf() {
    let mut rng = Rng::new(7);
    for &n in &LENGTHS {
        for (gx, fx) in GENERATORS {
            for (gy, fy) in GENERATORS {
                let mut xs = fx(&mut rng, n);
                let mut ys = fy(&mut rng, n);
                let rate = [0.002, 0.02, 0.2, 0.6][rng.below(4)];
                match rng.below(3) {
                    0 => sprinkle(&mut rng, &mut xs, rate),
                    1 => sprinkle(&mut rng, &mut ys, rate),
                    _ => {
                        sprinkle(&mut rng, &mut xs, rate);
                        sprinkle(&mut rng, &mut ys, rate);
                    }
                }
                check_pair(&xs, &ys, &format!("x = {gx}, y = {gy}, NaN/inf rate {rate}"));
            }
        }
    }
}

/// A pair equal to itself and to a scaled copy (correlations ±1 in exact
/// arithmetic), and series of different lengths (the common length counts).
#[test]
fn bitwise_equal_on_related_and_ragged_pairs() {
    let mut rng = Rng::new(99);
    for &n in &LENGTHS {
        for (g, f) in GENERATORS {
            let xs = f(&mut rng, n);
            let scaled: Vec<f64> = xs.iter().map(|x| -3.0 * x + 1.0).collect();
            check_pair(&xs, &xs, &format!("x = y = {g}"));
            check_pair(&xs, &scaled, &format!("y = -3x + 1, x = {g}"));
            let ys = walk(&mut rng, n + 5);
            check_pair(&xs, &ys, &format!("x = {g}, longer y"));
            check_pair(&ys, &xs, &format!("longer x, y = {g}"));
        }
    }
}

/// The synthetic panel of the benchmarks, instrument by instrument.
#[test]
fn bitwise_equal_on_the_sample_panel() {
    let (t, n) = (261, 300);
    let p = alphadesk_engine::synth::random_panel(t, n, 42, 0.002);
    let v = p.view();
    for i in 0..n {
        let s = i * t..(i + 1) * t;
        for w in [2, 3, 4, 5, 6, 10, 20, 250] {
            for (what, ys) in [("close/volume", v.volume), ("close/open", v.open)] {
                assert_same(
                    "correlation",
                    rolling_corr_into,
                    before::rolling_corr_into,
                    &v.close[s.clone()],
                    &ys[s.clone()],
                    w,
                    what,
                );
                assert_same(
                    "covariance",
                    rolling_cov_into,
                    before::rolling_cov_into,
                    &v.close[s.clone()],
                    &ys[s.clone()],
                    w,
                    what,
                );
            }
        }
    }
}

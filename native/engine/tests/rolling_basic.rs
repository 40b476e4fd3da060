//! Milestone-1 kernels (rolling mean/std, EMA, summary stats) against plain
//! loop references.

mod common;

use alphadesk_engine::rolling::{ema, rolling_mean, rolling_std, rolling_sum};
use alphadesk_engine::stats::summary_stats;
use common::{assert_all_close, messy_series, Rng};

fn window_values(xs: &[f64], t: usize, w: usize) -> Option<Vec<f64>> {
    if t + 1 < w {
        return None;
    }
    let win = &xs[t + 1 - w..=t];
    if win.iter().any(|x| x.is_nan()) {
        return None;
    }
    Some(win.to_vec())
}

fn naive_mean(xs: &[f64], w: usize) -> Vec<f64> {
    (0..xs.len())
        .map(|t| match window_values(xs, t, w) {
            None => f64::NAN,
            Some(v) => v.iter().sum::<f64>() / w as f64,
        })
        .collect()
}

fn naive_sum(xs: &[f64], w: usize) -> Vec<f64> {
    (0..xs.len())
        .map(|t| match window_values(xs, t, w) {
            None => f64::NAN,
            Some(v) => v.iter().sum::<f64>(),
        })
        .collect()
}

fn naive_std(xs: &[f64], w: usize) -> Vec<f64> {
    (0..xs.len())
        .map(|t| match window_values(xs, t, w) {
            None => f64::NAN,
            Some(v) if v.len() < 2 => f64::NAN,
            Some(v) => {
                let m = v.iter().sum::<f64>() / v.len() as f64;
                let ss: f64 = v.iter().map(|x| (x - m) * (x - m)).sum();
                (ss / (v.len() - 1) as f64).sqrt()
            }
        })
        .collect()
}

#[test]
fn rolling_mean_sum_match_naive() {
    let mut rng = Rng::new(1);
    for w in [1, 2, 3, 5, 10, 20] {
        let xs = messy_series(&mut rng, 3000);
        assert_all_close(&rolling_mean(&xs, w), &naive_mean(&xs, w), 1e-12, "mean");
        assert_all_close(&rolling_sum(&xs, w), &naive_sum(&xs, w), 1e-12, "sum");
    }
}

#[test]
fn rolling_std_matches_naive() {
    let mut rng = Rng::new(2);
    for w in [1, 2, 3, 5, 10, 20] {
        let xs = messy_series(&mut rng, 3000);
        assert_all_close(&rolling_std(&xs, w), &naive_std(&xs, w), 1e-9, "std");
    }
}

#[test]
fn constant_windows_are_exact() {
    let xs = vec![3.3; 50];
    assert!(rolling_std(&xs, 7).iter().skip(6).all(|&v| v == 0.0));
    assert!(rolling_mean(&xs, 7).iter().skip(6).all(|&v| v == 3.3));
    // A constant window after large values must still give exactly 0.
    let mut ys: Vec<f64> = (0..30).map(|i| 1e6 * (i as f64).sin()).collect();
    ys.extend(std::iter::repeat_n(0.1, 10));
    let s = rolling_std(&ys, 5);
    assert!(s[34..].iter().all(|&v| v == 0.0), "{:?}", &s[30..]);
}

#[test]
fn nan_rules() {
    let xs = [1.0, 2.0, f64::NAN, 4.0, 5.0, 6.0];
    let m = rolling_mean(&xs, 2);
    assert!(m[0].is_nan() && m[2].is_nan() && m[3].is_nan());
    assert_eq!(m[1], 1.5);
    assert_eq!(m[4], 4.5);
    assert_eq!(m[5], 5.5);
    // Window longer than the series: all NaN.
    assert!(rolling_mean(&xs, 10).iter().all(|v| v.is_nan()));
    // Window 1 std is undefined (ddof = 1).
    assert!(rolling_std(&xs, 1).iter().all(|v| v.is_nan()));
}

#[test]
fn ema_matches_naive() {
    let mut rng = Rng::new(3);
    let xs = messy_series(&mut rng, 500);
    let span = 9.0;
    let alpha = 2.0 / (span + 1.0);
    let mut want = Vec::new();
    let mut state = f64::NAN;
    for &x in &xs {
        if x.is_nan() {
            want.push(f64::NAN);
        } else {
            state = if state.is_nan() { x } else { alpha * x + (1.0 - alpha) * state };
            want.push(state);
        }
    }
    assert_all_close(&ema(&xs, span), &want, 1e-12, "ema");
    let e = ema(&[f64::NAN, 2.0, 4.0], 3.0);
    assert!(e[0].is_nan());
    assert_eq!(e[1], 2.0);
    assert_eq!(e[2], 3.0);
}

#[test]
fn summary_stats_by_hand() {
    let c = [100.0, 110.0, f64::NAN, 99.0, 120.0, 90.0];
    let s = summary_stats(&c, 252.0);
    assert_eq!(s.count, 5);
    assert_eq!(s.nan_count, 1);
    assert_eq!((s.first, s.last, s.min, s.max), (100.0, 90.0, 90.0, 120.0));
    assert!((s.mean - 103.8).abs() < 1e-12);
    assert!((s.total_return + 0.1).abs() < 1e-12);
    // Returns bridge the NaN: 0.1, 99/110-1, 120/99-1, 90/120-1.
    let r = [0.1, 99.0 / 110.0 - 1.0, 120.0 / 99.0 - 1.0, 0.75 - 1.0];
    let m = r.iter().sum::<f64>() / 4.0;
    let sd = (r.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / 3.0).sqrt();
    assert!((s.annualized_volatility - sd * 252f64.sqrt()).abs() < 1e-12);
    assert!((s.sharpe - m * 252.0 / (sd * 252f64.sqrt())).abs() < 1e-12);
    assert!((s.annualized_return - (0.9f64.powf(252.0 / 4.0) - 1.0)).abs() < 1e-12);
    // Peak 120 at index 4, trough 90 at index 5.
    assert!((s.max_drawdown - 0.25).abs() < 1e-12);
    assert_eq!((s.max_drawdown_start, s.max_drawdown_end), (4.0, 5.0));

    let up = summary_stats(&[1.0, 2.0, 3.0], 252.0);
    assert_eq!(up.max_drawdown, 0.0);
    assert!(up.max_drawdown_start.is_nan());
    let empty = summary_stats(&[f64::NAN], 252.0);
    assert_eq!(empty.count, 0);
    assert!(empty.mean.is_nan() && empty.max_drawdown.is_nan());
}

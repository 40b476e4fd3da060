#![allow(clippy::neg_multiply)] // the expected values mirror the paper's `-1 * x` text
//! Golden values: a few of the paper's alphas on a tiny hand-made panel,
//! with the expected numbers worked out by hand from the formulas.

mod common;

use alphadesk_engine::alphas::alpha101;
use alphadesk_engine::eval::{evaluate, EvalOptions, FormulaSpec};
use alphadesk_engine::panel::{Dates, Panel};

/// Three instruments (A, B, C) over three dates; C has no vwap (typical price used).
fn tiny() -> Panel {
    // Instrument-major: [A t0, A t1, A t2, B t0, ..., C t2]
    Panel {
        t: 3,
        n: 3,
        dates: Dates::Ymd(vec![20240102, 20240103, 20240104].into()),
        symbols: vec!["A".into(), "B".into(), "C".into()],
        open: vec![9.0, 10.0, 12.0, 20.0, 19.0, 18.0, 1.0, 1.0, 1.0],
        high: vec![11.0, 12.0, 13.0, 22.0, 21.0, 20.0, 3.0, 3.0, 4.0],
        low: vec![8.0, 9.0, 10.0, 18.0, 17.0, 16.0, 1.0, 1.0, 1.0],
        close: vec![10.0, 11.0, 11.0, 19.0, 18.0, 19.0, 2.0, 2.0, 2.0],
        volume: vec![100.0, 150.0, 150.0, 200.0, 100.0, 300.0, 10.0, 10.0, 5.0],
        vwap: Some(vec![9.5, 10.5, 11.0, 20.0, 19.0, 18.0, f64::NAN, f64::NAN, f64::NAN]),
        cap: None,
        sector: None,
        industry: None,
        subindustry: None,
    }
}

fn alpha(n: usize) -> FormulaSpec {
    alpha101().swap_remove(n - 1)
}

/// Date-major values (row t = [A, B, C]).
fn run(spec: FormulaSpec) -> Vec<f64> {
    let p = tiny();
    let out = evaluate(&p.view(), &[spec], &EvalOptions::default(), &mut |_, _| true).expect("evaluate");
    assert!(out.results[0].error.is_none(), "{:?}", out.results[0].error);
    out.results[0].values.clone().expect("values")
}

fn check(got: &[f64], want: &[f64], what: &str) {
    common::assert_all_close(got, want, 1e-12, what);
}

#[test]
fn alpha101_intraday_range() {
    // (close - open) / ((high - low) + .001)
    let v = run(alpha(101));
    check(&v[0..3], &[1.0 / 3.001, -1.0 / 4.001, 1.0 / 2.001], "alpha101 t0");
    check(&v[6..9], &[-1.0 / 3.001, 1.0 / 4.001, 1.0 / 3.001], "alpha101 t2");
}

#[test]
fn alpha012_volume_sign_reversal() {
    // sign(delta(volume, 1)) * (-1 * delta(close, 1))
    let v = run(alpha(12));
    assert!(v[0..3].iter().all(|x| x.is_nan()), "no delta on the first date");
    // t1: A vol up, close +1 → -1; B vol down, close -1 → -1; C vol flat → 0.
    check(&v[3..6], &[-1.0, -1.0, 0.0], "alpha012 t1");
    // t2: A vol flat → 0; B vol up, close +1 → -1; C vol down, close flat → 0.
    check(&v[6..9], &[0.0, -1.0, 0.0], "alpha012 t2");
}

#[test]
fn alpha041_geometric_mid_minus_vwap() {
    // ((high * low)^0.5) - vwap; C has no vwap → typical price (3 + 1 + 2) / 3 = 2.
    let v = run(alpha(41));
    check(&v[0..3], &[88f64.sqrt() - 9.5, 396f64.sqrt() - 20.0, 3f64.sqrt() - 2.0], "alpha041 t0");
}

#[test]
fn alpha054_open_close_power_ratio() {
    // (-1 * ((low - close) * (open^5))) / ((low - high) * (close^5))
    let v = run(alpha(54));
    let a = (-1.0 * ((8.0 - 10.0) * 9f64.powi(5))) / ((8.0 - 11.0) * 10f64.powi(5)); // = -0.39366
    let b = (-1.0 * ((18.0 - 19.0) * 20f64.powi(5))) / ((18.0 - 22.0) * 19f64.powi(5));
    let c = (-1.0 * ((1.0 - 2.0) * 1.0)) / ((1.0 - 3.0) * 32.0); // = -1/64
    check(&v[0..3], &[a, b, c], "alpha054 t0");
    assert!((a + 0.39366).abs() < 1e-12 && (c + 0.015625).abs() < 1e-15);
}

#[test]
fn alpha033_and_alpha042_cross_sectional_ranks() {
    // Alpha#33: rank(-(1 - open/close)^1): t0 values A -0.1, B 1/19, C -0.5 → C 1/3, A 2/3, B 1.
    let v = run(alpha(33));
    check(&v[0..3], &[2.0 / 3.0, 1.0, 1.0 / 3.0], "alpha033 t0");
    // Alpha#42: rank(vwap - close) / rank(vwap + close)
    // vwap - close: A -0.5, B 1, C 0 → 1/3, 1, 2/3; vwap + close: A 19.5, B 39, C 4 → 2/3, 1, 1/3.
    let v = run(alpha(42));
    check(&v[0..3], &[0.5, 1.0, 2.0], "alpha042 t0");
}

#[test]
fn output_window_keeps_warm_up() {
    // delta needs the day before `from`: evaluate only the last date.
    let p = tiny();
    let opts = EvalOptions { from: Some(20240104.0), to: Some(20240104.0), ..Default::default() };
    let out = evaluate(&p.view(), &[alpha(12)], &opts, &mut |_, _| true).expect("evaluate");
    assert_eq!(out.dates, vec![20240104.0]);
    check(out.results[0].values.as_ref().expect("values"), &[0.0, -1.0, 0.0], "alpha012 windowed");
}

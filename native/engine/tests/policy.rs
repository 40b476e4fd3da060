//! The `lenient` missing-value policy, checked by hand on a 2-instrument,
//! 6-day panel. Under `lenient` (share 0.5 → 2 of a 4-day window) a window
//! is computed over its valid values; days before the first date count as
//! missing; a constant window's correlation is 0.

use alphadesk_engine::eval::{evaluate, EvalOptions, FormulaSpec, Policy};
use alphadesk_engine::panel::{Dates, Panel};

const NAN: f64 = f64::NAN;

/// Instrument-major: instrument 0 has a missing close on day 2, instrument
/// 1 a constant close.
fn panel() -> Panel {
    let close = vec![4.0, 2.0, NAN, 3.0, 1.0, 6.0, /* i1 */ 3.0, 3.0, 3.0, 3.0, 3.0, 3.0];
    let open = vec![1.0, 2.0, 3.0, 4.0, NAN, 5.0, /* i1 */ 1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
    Panel {
        t: 6,
        n: 2,
        dates: Dates::Ymd((0..6).map(|d| 20240102 + d).collect::<Vec<_>>().into()),
        symbols: vec!["A".into(), "B".into()],
        high: close.iter().zip(&open).map(|(c, o)| c.max(*o)).collect(),
        low: close.iter().zip(&open).map(|(c, o)| c.min(*o)).collect(),
        volume: vec![1.0; 12],
        open,
        close,
        vwap: None,
        cap: None,
        sector: None,
        industry: None,
        subindustry: None,
    }
}

/// One formula; returns [instrument][day].
fn eval(text: &str, policy: Policy) -> [Vec<f64>; 2] {
    let p = panel();
    let out =
        evaluate(&p.view(), &[FormulaSpec::new("f", text)], &EvalOptions { policy, ..Default::default() }, &mut |_, _| true)
            .expect("evaluate");
    let v = out.results[0].values.clone().expect("values");
    [(0..6).map(|t| v[t * 2]).collect(), (0..6).map(|t| v[t * 2 + 1]).collect()]
}

fn assert_series(got: &[f64], want: &[f64], what: &str) {
    for (t, (g, w)) in got.iter().zip(want).enumerate() {
        let ok = (g.is_nan() && w.is_nan()) || (g - w).abs() < 1e-12;
        assert!(ok, "{what}: day {t}: got {g}, want {w}");
    }
}

const LENIENT: Policy = Policy::Lenient { min_share: 0.5 };

#[test]
fn strict_gives_nan_wherever_a_window_holds_a_missing_value() {
    let [a, b] = eval("sum(close, 4)", Policy::Strict);
    assert_series(&a, &[NAN; 6], "strict sum A");
    assert_series(&b, &[NAN, NAN, NAN, 12.0, 12.0, 12.0], "strict sum B");
    let [_, b] = eval("correlation(close, open, 4)", Policy::Strict);
    assert_series(&b, &[NAN; 6], "strict correlation of a constant close");
}

#[test]
fn lenient_windows_use_their_valid_values() {
    // close A = 4, 2, NaN, 3, 1, 6
    let [a, b] = eval("sum(close, 4)", LENIENT);
    assert_series(&a, &[NAN, 6.0, 6.0, 9.0, 6.0, 10.0], "sum");
    assert_series(&b, &[NAN, 6.0, 9.0, 12.0, 12.0, 12.0], "sum B (partial windows at the start)");
    // Rank of the newest among the valid values; NaN when the newest is missing.
    let [a, _] = eval("ts_rank(close, 4)", LENIENT);
    assert_series(&a, &[NAN, 0.5, NAN, 2.0 / 3.0, 1.0 / 3.0, 1.0], "ts_rank");
    // Oldest-first position within the full 4-day window.
    let [a, _] = eval("ts_argmax(close, 4)", LENIENT);
    assert_series(&a, &[NAN, 2.0, 1.0, 0.0, 2.0, 3.0], "ts_argmax");
    let [a, _] = eval("ts_argmin(close, 4)", LENIENT);
    assert_series(&a, &[NAN, 3.0, 2.0, 1.0, 3.0, 2.0], "ts_argmin");
    // Weights of the present days (position + 1), normalised over them.
    let [a, _] = eval("decay_linear(close, 4)", LENIENT);
    let d1 = (4.0 * 3.0 + 2.0 * 4.0) / 7.0;
    let d2 = (4.0 * 2.0 + 2.0 * 3.0) / 5.0;
    assert_series(&a, &[NAN, d1, d2, 20.0 / 7.0, (2.0 + 9.0 + 4.0) / 8.0, 33.0 / 9.0], "decay_linear");
    let [a, _] = eval("stddev(close, 4)", LENIENT);
    assert_series(&a, &[NAN, 2f64.sqrt(), 2f64.sqrt(), 1.0, 1.0, (19.0f64 / 3.0).sqrt()], "stddev");
    let [a, _] = eval("ts_min(close, 4)", LENIENT);
    assert_series(&a, &[NAN, 2.0, 2.0, 2.0, 1.0, 1.0], "ts_min");
    let [a, _] = eval("product(close, 4)", LENIENT);
    assert_series(&a, &[NAN, 8.0, 8.0, 24.0, 6.0, 18.0], "product");
}

#[test]
fn lenient_correlation_of_a_constant_window_is_zero() {
    // close B is constant: 0 from the first window with 2 pairs.
    let [a, b] = eval("correlation(close, open, 4)", LENIENT);
    assert_series(&b, &[NAN, 0.0, 0.0, 0.0, 0.0, 0.0], "constant window");
    // A on day 3: pairs (4,1), (2,2), (3,4) → r = -1 / sqrt(2 · 14/3).
    let r3 = -1.0 / (2.0 * 14.0 / 3.0f64).sqrt();
    assert!((a[3] - r3).abs() < 1e-11, "corr A day 3: {} vs {r3}", a[3]);
    // Covariance of a constant window is 0 under both policies.
    let [_, b] = eval("covariance(close, open, 4)", LENIENT);
    assert_series(&b, &[NAN, 0.0, 0.0, 0.0, 0.0, 0.0], "covariance");
}

#[test]
fn lenient_with_a_full_share_only_changes_constant_correlations() {
    let full = Policy::Lenient { min_share: 1.0 };
    for f in ["sum(close, 4)", "ts_rank(open, 3)", "decay_linear(open, 3)", "stddev(close, 2)"] {
        let (s, l) = (eval(f, Policy::Strict), eval(f, full));
        for k in 0..2 {
            assert_series(&l[k], &s[k], f);
        }
    }
    let [_, b] = eval("correlation(close, open, 4)", full);
    assert_series(&b, &[NAN, NAN, NAN, 0.0, 0.0, 0.0], "full share, constant close");
}

#[test]
fn a_share_outside_0_1_is_rejected() {
    let p = panel();
    let opts = EvalOptions { policy: Policy::Lenient { min_share: 0.0 }, ..Default::default() };
    let err = evaluate(&p.view(), &[FormulaSpec::new("f", "close")], &opts, &mut |_, _| true).expect_err("share 0");
    assert!(err.to_string().contains("minShare"), "{err}");
}

//! Coverage diagnosis on constructed panels: the right operator is named,
//! with the right reason.

use alphadesk_engine::eval::{diagnose, Diagnosis, EvalOptions, FormulaSpec, Policy};
use alphadesk_engine::panel::{Dates, Panel};
use alphadesk_engine::synth::SplitMix;

const N: usize = 20;

/// `t` days × 20 instruments of random walks; `volume` built by `vol(i, t, rng)`.
fn panel(t: usize, vol: impl Fn(usize, usize, &mut SplitMix) -> f64) -> Panel {
    let mut rng = SplitMix::new(5);
    let (mut close, mut volume) = (Vec::new(), Vec::new());
    for i in 0..N {
        let mut c = 50.0 + i as f64;
        for d in 0..t {
            c *= 1.0 + 0.02 * rng.normal();
            close.push(c);
            volume.push(vol(i, d, &mut rng));
        }
    }
    Panel {
        t,
        n: N,
        dates: Dates::Ymd((0..t as i32).map(|d| 20200101 + d).collect::<Vec<_>>().into()),
        symbols: (0..N).map(|i| format!("S{i}")).collect(),
        open: close.iter().map(|c| c * 0.99).collect(),
        high: close.iter().map(|c| c * 1.01).collect(),
        low: close.iter().map(|c| c * 0.98).collect(),
        close,
        volume,
        vwap: None,
        cap: None,
        sector: None,
        industry: None,
        subindustry: None,
    }
}

fn one(p: &Panel, text: &str, policy: Policy) -> Diagnosis {
    let opts = EvalOptions { policy, ..Default::default() };
    diagnose(&p.view(), &[FormulaSpec::new("f", text)], &opts).expect("diagnose").remove(0)
}

#[test]
fn a_range_shorter_than_a_window_names_the_window() {
    let p = panel(5, |_, _, r| 1e6 * (1.0 + r.uniform()));
    let d = one(&p, "rank(close) * -1 * ts_rank(sum(volume, 200), 50)", Policy::Strict);
    assert_eq!(d.coverage, 0.0);
    let c = &d.culprits[0];
    assert_eq!(c.operator, "sum", "{d:?}");
    assert_eq!(c.reason, "needs 200 days of history; the range has 5");
    assert_eq!(c.expression, "sum(volume, 200)");
    assert!(d.summary.contains("needs 200 days of history"), "{}", d.summary);
}

#[test]
fn constant_windows_name_the_correlation() {
    // Half of the instruments trade a constant volume: their correlations
    // with anything are undefined.
    let p = panel(120, |i, _, r| if i % 2 == 0 { 1000.0 } else { 1e6 * (1.0 + r.uniform()) });
    let d = one(&p, "-1 * rank(correlation(high, volume, 10))", Policy::Strict);
    assert!(d.coverage < 0.5, "{d:?}");
    let c = &d.culprits[0];
    assert_eq!(c.operator, "correlation");
    assert_eq!(c.expression, "correlation(high, volume, 10)");
    assert!(c.reason.starts_with("correlation over a constant window in 50 % of windows"), "{}", c.reason);
    // Lenient: a constant window's correlation is 0, the alpha is covered.
    let d = one(&p, "-1 * rank(correlation(high, volume, 10))", Policy::Lenient { min_share: 0.5 });
    assert!(d.coverage > 0.9 && d.culprits.is_empty(), "{d:?}");
}

#[test]
fn a_long_window_over_a_gappy_input_names_the_window_not_the_gaps() {
    // Volume constant on 3 of every 10 days: the 3-day correlation loses
    // ~40 % of its windows (still mostly present), the 12-day argmax over it
    // then finds almost no window without a gap.
    let p = panel(200, |_, d, r| if d % 10 < 3 { 1000.0 } else { 1e6 * (1.0 + r.uniform()) });
    let d = one(&p, "ts_argmax(correlation(close, volume, 3), 12)", Policy::Strict);
    assert!(d.coverage < 0.05, "{d:?}");
    let c = &d.culprits[0];
    assert_eq!(c.operator, "ts_argmax", "{d:?}");
    assert!(c.input_coverage > 0.5, "{d:?}");
    assert!(c.reason.starts_with("a window needs all 12 days with a value"), "{}", c.reason);
}

#[test]
fn undefined_operators_and_missing_data_are_named() {
    let p = panel(60, |_, _, r| 1e6 * (1.0 + r.uniform()));
    let d = one(&p, "rank(log(close - 1000))", Policy::Strict);
    assert_eq!(d.coverage, 0.0);
    assert_eq!(d.culprits[0].operator, "log");
    assert_eq!(d.culprits[0].reason, "log of a value ≤ 0 in 100 % of cells");

    let mut p = panel(60, |_, _, r| 1e6 * (1.0 + r.uniform()));
    for (k, v) in p.volume.iter_mut().enumerate() {
        if k % 3 != 0 {
            *v = f64::NAN;
        }
    }
    let d = one(&p, "rank(volume)", Policy::Strict);
    assert_eq!(d.culprits[0].operator, "volume");
    assert!(d.culprits[0].reason.starts_with("volume is missing in 67 % of cells"), "{d:?}");
}

#[test]
fn a_covered_alpha_has_no_culprit() {
    let p = panel(60, |_, _, r| 1e6 * (1.0 + r.uniform()));
    let d = one(&p, "rank(delta(close, 5)) * rank(adv20)", Policy::Strict);
    assert!(d.coverage > 0.6 && d.culprits.is_empty(), "{d:?}");
    assert!(d.summary.starts_with("coverage"));
}

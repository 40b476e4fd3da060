//! Every operator of the formula language against a plain reference written
//! here with simple loops, on small panels with NaN, ties and constant
//! windows. Each test evaluates a one-operator formula through the whole
//! engine (parse → DAG → kernels → date-major output).

mod common;

use alphadesk_engine::eval::{evaluate, EvalOptions, FormulaSpec};
use alphadesk_engine::panel::{Dates, Panel};
use common::{assert_all_close, messy_series, Rng};

const T: usize = 60;
const N: usize = 7;

/// Instrument-major panel: close/open/... series with NaN, ties and constant runs.
fn panel() -> Panel {
    let mut rng = Rng::new(11);
    let mut col = |shift: f64| -> Vec<f64> {
        let mut v = Vec::new();
        for i in 0..N {
            let mut s = messy_series(&mut rng, T);
            if i == 2 {
                // One fully constant instrument.
                s = vec![5.0; T];
            }
            v.extend(s.iter().map(|x| x + shift));
        }
        v
    };
    let close = col(0.0);
    let open = col(0.5);
    let volume: Vec<f64> = col(100.0);
    let high: Vec<f64> = close.iter().zip(&open).map(|(c, o)| c.max(*o) + 1.0).collect();
    let low: Vec<f64> = close.iter().zip(&open).map(|(c, o)| c.min(*o) - 1.0).collect();
    let mut vwap: Vec<f64> = close.iter().map(|c| c + 0.25).collect();
    // Missing vwap cells exercise the typical-price fallback.
    for k in (0..vwap.len()).step_by(9) {
        vwap[k] = f64::NAN;
    }
    Panel {
        t: T,
        n: N,
        dates: Dates::Ymd((0..T as i32).map(|d| 20200101 + d).collect::<Vec<_>>().into()),
        symbols: (0..N).map(|i| format!("S{i}")).collect(),
        open,
        high,
        low,
        close,
        volume,
        vwap: Some(vwap),
        cap: None,
        sector: Some(vec![1, 1, 2, 2, 2, 3, -1]),
        industry: Some(vec![10, 11, 20, 20, 21, 30, 30]),
        subindustry: None,
    }
}

/// Evaluate one formula; returns instrument-major values (like the inputs).
fn eval(p: &Panel, text: &str) -> Vec<f64> {
    let out = evaluate(&p.view(), &[FormulaSpec::new("f", text)], &EvalOptions::default(), &mut |_, _| true).expect("evaluate");
    let r = &out.results[0];
    assert!(r.error.is_none(), "{text}: {:?}", r.error);
    let v = r.values.as_ref().expect("values");
    // date-major → instrument-major
    let mut im = vec![0.0; T * N];
    for t in 0..T {
        for i in 0..N {
            im[i * T + t] = v[t * N + i];
        }
    }
    im
}

fn series(col: &[f64], i: usize) -> &[f64] {
    &col[i * T..(i + 1) * T]
}

/// Apply `f` per instrument to full NaN-free windows.
fn per_window(x: &[f64], w: usize, f: impl Fn(&[f64]) -> f64) -> Vec<f64> {
    let mut out = vec![f64::NAN; T * N];
    for i in 0..N {
        let s = series(x, i);
        for t in 0..T {
            if t + 1 >= w {
                let win = &s[t + 1 - w..=t];
                if win.iter().all(|v| !v.is_nan()) {
                    out[i * T + t] = f(win);
                }
            }
        }
    }
    out
}

fn per_window2(x: &[f64], y: &[f64], w: usize, f: impl Fn(&[f64], &[f64]) -> f64) -> Vec<f64> {
    let mut out = vec![f64::NAN; T * N];
    for i in 0..N {
        let (a, b) = (series(x, i), series(y, i));
        for t in 0..T {
            if t + 1 >= w {
                let (wa, wb) = (&a[t + 1 - w..=t], &b[t + 1 - w..=t]);
                if wa.iter().chain(wb).all(|v| !v.is_nan()) {
                    out[i * T + t] = f(wa, wb);
                }
            }
        }
    }
    out
}

fn elementwise(x: &[f64], f: impl Fn(f64) -> f64) -> Vec<f64> {
    x.iter().map(|&v| f(v)).collect()
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

/// Per-date map over the cross-section.
fn per_date(x: &[f64], f: impl Fn(&[f64]) -> Vec<f64>) -> Vec<f64> {
    let mut out = vec![f64::NAN; T * N];
    for t in 0..T {
        let row: Vec<f64> = (0..N).map(|i| x[i * T + t]).collect();
        let r = f(&row);
        for i in 0..N {
            out[i * T + t] = r[i];
        }
    }
    out
}

fn pct_rank(row: &[f64]) -> Vec<f64> {
    let valid: Vec<f64> = row.iter().copied().filter(|v| !v.is_nan()).collect();
    row.iter()
        .map(|&v| {
            if v.is_nan() {
                return f64::NAN;
            }
            let less = valid.iter().filter(|&&u| u < v).count() as f64;
            let equal = valid.iter().filter(|&&u| u == v).count() as f64;
            (less + (equal + 1.0) / 2.0) / valid.len() as f64
        })
        .collect()
}

#[test]
fn elementwise_operators() {
    let p = panel();
    let c = &p.close;
    let o = &p.open;
    assert_all_close(&eval(&p, "abs(close - 50)"), &elementwise(c, |v| (v - 50.0).abs()), 1e-12, "abs");
    assert_all_close(
        &eval(&p, "log(close - 2)"),
        &elementwise(c, |v| if v - 2.0 > 0.0 { (v - 2.0).ln() } else { f64::NAN }),
        1e-12,
        "log",
    );
    let sign = |v: f64| {
        if v.is_nan() {
            f64::NAN
        } else if v > 0.0 {
            1.0
        } else if v < 0.0 {
            -1.0
        } else {
            0.0
        }
    };
    assert_all_close(&eval(&p, "sign(close - 2)"), &elementwise(c, |v| sign(v - 2.0)), 0.0, "sign");
    assert_all_close(&eval(&p, "-close"), &elementwise(c, |v| -v), 0.0, "neg");
    let two = |f: &dyn Fn(f64, f64) -> f64| -> Vec<f64> { c.iter().zip(o).map(|(&a, &b)| f(a, b)).collect() };
    let cmp = |b: bool| if b { 1.0 } else { 0.0 };
    let nan2 = |a: f64, b: f64, v: f64| if a.is_nan() || b.is_nan() { f64::NAN } else { v };
    assert_all_close(&eval(&p, "close + open * 2 - 1"), &two(&|a, b| a + b * 2.0 - 1.0), 1e-12, "arith");
    assert_all_close(&eval(&p, "close / open"), &two(&|a, b| a / b), 1e-12, "div");
    assert_all_close(&eval(&p, "close < open"), &two(&|a, b| nan2(a, b, cmp(a < b))), 0.0, "lt");
    assert_all_close(&eval(&p, "close >= open"), &two(&|a, b| nan2(a, b, cmp(a >= b))), 0.0, "ge");
    assert_all_close(&eval(&p, "close == open - 0.5"), &two(&|a, b| nan2(a, b, cmp(a == b - 0.5))), 0.0, "eq");
    assert_all_close(&eval(&p, "(close < 3) || (open > 6)"), &two(&|a, b| nan2(a, b, cmp(a < 3.0 || b > 6.0))), 0.0, "or");
    assert_all_close(&eval(&p, "(close < 3) && (open > 1)"), &two(&|a, b| nan2(a, b, cmp(a < 3.0 && b > 1.0))), 0.0, "and");
    assert_all_close(
        &eval(&p, "(close < open) ? close : (-1 * open)"),
        &two(&|a, b| nan2(a, b, if a < b { a } else { -b })),
        0.0,
        "ternary",
    );
    assert_all_close(&eval(&p, "close ^ 2"), &elementwise(c, |v| v.powf(2.0)), 1e-12, "pow");
    assert_all_close(&eval(&p, "-close ^ 2"), &elementwise(c, |v| -(v.powf(2.0))), 1e-12, "pow binds tighter than unary minus");
    assert_all_close(
        &eval(&p, "signedpower(close - 5, 2)"),
        &elementwise(c, |v| {
            let x = v - 5.0;
            if x == 0.0 {
                0.0
            } else {
                x.signum() * x.abs().powf(2.0)
            }
        }),
        1e-12,
        "signedpower keeps sign",
    );
    assert_all_close(&eval(&p, "max(close, open)"), &two(&|a, b| nan2(a, b, a.max(b))), 0.0, "max elementwise");
    assert_all_close(&eval(&p, "min(close, open)"), &two(&|a, b| nan2(a, b, a.min(b))), 0.0, "min elementwise");
}

#[test]
fn derived_fields() {
    let p = panel();
    let c = &p.close;
    let mut returns = vec![f64::NAN; T * N];
    let mut adv = vec![f64::NAN; T * N];
    for i in 0..N {
        for t in 1..T {
            returns[i * T + t] = c[i * T + t] / c[i * T + t - 1] - 1.0;
        }
        for t in 4..T {
            let win: Vec<f64> = (t - 4..=t).map(|k| c[i * T + k] * p.volume[i * T + k]).collect();
            if win.iter().all(|v| !v.is_nan()) {
                adv[i * T + t] = mean(&win);
            }
        }
    }
    assert_all_close(&eval(&p, "returns"), &returns, 1e-12, "returns");
    assert_all_close(&eval(&p, "adv5"), &adv, 1e-12, "adv5");
    assert_all_close(&eval(&p, "ADV5.9"), &adv, 1e-12, "fractional adv floors");
    let vw = p.vwap.as_ref().expect("vwap");
    let want: Vec<f64> =
        (0..T * N).map(|k| if vw[k].is_nan() { (p.high[k] + p.low[k] + p.close[k]) / 3.0 } else { vw[k] }).collect();
    assert_all_close(&eval(&p, "vwap"), &want, 1e-12, "vwap falls back to typical price");
}

#[test]
fn time_series_operators() {
    let p = panel();
    let c = &p.close;
    let o = &p.open;
    for w in [1usize, 2, 3, 5] {
        let shifted = |d: usize, f: &dyn Fn(f64, f64) -> f64| -> Vec<f64> {
            (0..T * N).map(|k| if k % T >= d { f(c[k], c[k - d]) } else { f64::NAN }).collect()
        };
        assert_all_close(&eval(&p, &format!("delay(close, {w})")), &shifted(w, &|_, b| b), 0.0, "delay");
        assert_all_close(&eval(&p, &format!("delta(close, {w})")), &shifted(w, &|a, b| a - b), 0.0, "delta");
        assert_all_close(&eval(&p, &format!("sum(close, {w})")), &per_window(c, w, |v| v.iter().sum()), 1e-12, "sum");
        assert_all_close(&eval(&p, &format!("product(close, {w})")), &per_window(c, w, |v| v.iter().product()), 1e-12, "product");
        let sd = |v: &[f64]| {
            if v.len() < 2 {
                return f64::NAN;
            }
            let m = mean(v);
            (v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (v.len() - 1) as f64).sqrt()
        };
        assert_all_close(&eval(&p, &format!("stddev(close, {w})")), &per_window(c, w, sd), 1e-9, "stddev");
        let mn = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
        let mx = |v: &[f64]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        assert_all_close(&eval(&p, &format!("ts_min(close, {w})")), &per_window(c, w, mn), 0.0, "ts_min");
        assert_all_close(&eval(&p, &format!("ts_max(close, {w})")), &per_window(c, w, mx), 0.0, "ts_max");
        assert_all_close(&eval(&p, &format!("min(close, {w})")), &per_window(c, w, mn), 0.0, "min(x, d) = ts_min");
        assert_all_close(&eval(&p, &format!("max(close, {w})")), &per_window(c, w, mx), 0.0, "max(x, d) = ts_max");
        // Oldest-first index, first occurrence on ties.
        let argmin = |v: &[f64]| v.iter().position(|&x| x == mn(v)).map_or(f64::NAN, |k| k as f64);
        let argmax = |v: &[f64]| v.iter().position(|&x| x == mx(v)).map_or(f64::NAN, |k| k as f64);
        assert_all_close(&eval(&p, &format!("ts_argmin(close, {w})")), &per_window(c, w, argmin), 0.0, "ts_argmin");
        assert_all_close(&eval(&p, &format!("ts_argmax(close, {w})")), &per_window(c, w, argmax), 0.0, "ts_argmax");
        let tsrank = |v: &[f64]| {
            let x = v[v.len() - 1];
            let less = v.iter().filter(|&&u| u < x).count() as f64;
            let eq = v.iter().filter(|&&u| u == x).count() as f64;
            (less + (eq + 1.0) / 2.0) / v.len() as f64
        };
        assert_all_close(&eval(&p, &format!("ts_rank(close, {w})")), &per_window(c, w, tsrank), 1e-12, "ts_rank");
        let decay = |v: &[f64]| {
            let d = v.len() as f64;
            v.iter().enumerate().map(|(k, x)| (k + 1) as f64 * x).sum::<f64>() / (d * (d + 1.0) / 2.0)
        };
        assert_all_close(&eval(&p, &format!("decay_linear(close, {w})")), &per_window(c, w, decay), 1e-12, "decay_linear");
        let cov = |a: &[f64], b: &[f64]| {
            if a.len() < 2 {
                return f64::NAN;
            }
            let (ma, mb) = (mean(a), mean(b));
            a.iter().zip(b).map(|(x, y)| (x - ma) * (y - mb)).sum::<f64>() / (a.len() - 1) as f64
        };
        let corr = |a: &[f64], b: &[f64]| {
            let (sa, sb) = (cov(a, a), cov(b, b));
            let constant = |v: &[f64]| v.iter().all(|&x| x == v[0]);
            if a.len() < 2 || constant(a) || constant(b) {
                f64::NAN
            } else {
                cov(a, b) / (sa * sb).sqrt()
            }
        };
        assert_all_close(&eval(&p, &format!("covariance(close, open, {w})")), &per_window2(c, o, w, cov), 1e-9, "covariance");
        assert_all_close(&eval(&p, &format!("correlation(close, open, {w})")), &per_window2(c, o, w, corr), 1e-9, "correlation");
    }
    // Non-integer windows are floored.
    assert_eq!(
        eval(&p, "sum(close, 3.99)").iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
        eval(&p, "sum(close, 3)").iter().map(|v| v.to_bits()).collect::<Vec<_>>()
    );
}

#[test]
fn constant_windows() {
    let p = panel();
    // Instrument 2 is constant 5.0 everywhere.
    let s = |text: &str| eval(&p, text)[2 * T..3 * T].to_vec();
    assert!(s("stddev(close, 4)")[3..].iter().all(|&v| v == 0.0));
    assert!(s("correlation(close, volume, 4)").iter().all(|v| v.is_nan()), "corr of constant window is NaN, never inf");
    assert!(s("covariance(close, volume, 4)")[3..].iter().all(|&v| v == 0.0));
    // Short windows take the direct kernel: same rules.
    assert!(s("correlation(close, volume, 3)").iter().all(|v| v.is_nan()));
    assert!(s("covariance(close, volume, 3)")[2..].iter().all(|&v| v == 0.0));
    assert!(s("correlation(close, volume, 1)").iter().all(|v| v.is_nan()));
    assert!(s("ts_rank(close, 4)")[3..].iter().all(|&v| v == 0.625), "(d + 1) / (2d)");
    assert!(s("ts_argmax(close, 4)")[3..].iter().all(|&v| v == 0.0), "ties → oldest");
    assert!(s("decay_linear(close, 4)")[3..].iter().all(|&v| v == 5.0));
}

#[test]
fn cross_sectional_operators() {
    let p = panel();
    let c = &p.close;
    assert_all_close(&eval(&p, "rank(close)"), &per_date(c, pct_rank), 1e-12, "rank");
    let scale = |a: f64| {
        move |row: &[f64]| -> Vec<f64> {
            let s: f64 = row.iter().filter(|v| !v.is_nan()).map(|v| v.abs()).sum();
            row.iter().map(|v| if s > 0.0 { v * a / s } else { f64::NAN }).collect()
        }
    };
    assert_all_close(&eval(&p, "scale(close)"), &per_date(c, scale(1.0)), 1e-12, "scale");
    assert_all_close(&eval(&p, "scale(close, 3)"), &per_date(c, scale(3.0)), 1e-12, "scale(x, a)");
    let neutral = |codes: Vec<i32>| {
        move |row: &[f64]| -> Vec<f64> {
            (0..N)
                .map(|i| {
                    if codes[i] < 0 {
                        return f64::NAN;
                    }
                    let members: Vec<f64> =
                        (0..N).filter(|&j| codes[j] == codes[i] && !row[j].is_nan()).map(|j| row[j]).collect();
                    if members.is_empty() {
                        f64::NAN
                    } else {
                        row[i] - mean(&members)
                    }
                })
                .collect()
        }
    };
    let sector = p.sector.clone().expect("sector");
    let industry = p.industry.clone().expect("industry");
    assert_all_close(&eval(&p, "indneutralize(close, IndClass.sector)"), &per_date(c, neutral(sector)), 1e-12, "sector");
    assert_all_close(
        &eval(&p, "IndNeutralize(close, IndClass.industry)"),
        &per_date(c, neutral(industry.clone())),
        1e-12,
        "industry",
    );
    // subindustry is absent → falls back to industry, with a warning.
    let out = evaluate(
        &p.view(),
        &[FormulaSpec::new("f", "indneutralize(close, IndClass.subindustry)")],
        &EvalOptions::default(),
        &mut |_, _| true,
    )
    .expect("evaluate");
    assert_eq!(out.results[0].warnings.len(), 1, "{:?}", out.results[0].warnings);
    assert!(out.results[0].warnings[0].contains("industry"));
    assert_all_close(&eval(&p, "indneutralize(close, IndClass.subindustry)"), &per_date(c, neutral(industry)), 1e-12, "fallback");
}

#[test]
fn naive_mode_agrees_with_optimised() {
    let p = panel();
    for f in [
        "correlation(rank(close), rank(volume), 5)",
        "ts_rank(decay_linear(close, 4), 6)",
        "sum(stddev(close, 3), 4) + product(open, 2)",
        "ts_argmax(ts_min(close, 3), 5) - ts_argmin(ts_max(open, 2), 4)",
        "scale(indneutralize(rank(close), IndClass.sector))",
    ] {
        let spec = [FormulaSpec::new("f", f)];
        let a = evaluate(&p.view(), &spec, &EvalOptions::default(), &mut |_, _| true).expect("fast");
        let b = evaluate(&p.view(), &spec, &EvalOptions { naive: true, ..Default::default() }, &mut |_, _| true).expect("naive");
        assert_all_close(a.results[0].values.as_ref().expect("a"), b.results[0].values.as_ref().expect("b"), 1e-9, f);
    }
}

#[test]
fn long_windows_use_the_block_scans_and_agree() {
    // Windows above the direct-scan limit go through the van Herk block scans.
    let p = panel();
    for w in [9usize, 13] {
        for (f, pick) in [("ts_min", 0), ("ts_max", 1), ("ts_argmin", 2), ("ts_argmax", 3)] {
            let want = per_window(&p.close, w, |v| {
                let mn = v.iter().copied().fold(f64::INFINITY, f64::min);
                let mx = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                match pick {
                    0 => mn,
                    1 => mx,
                    2 => v.iter().position(|&x| x == mn).map_or(f64::NAN, |k| k as f64),
                    _ => v.iter().position(|&x| x == mx).map_or(f64::NAN, |k| k as f64),
                }
            });
            assert_all_close(&eval(&p, &format!("{f}(close, {w})")), &want, 0.0, f);
        }
    }
}

#[test]
fn rank_row_large_rows_with_special_values() {
    use alphadesk_engine::cross::{rank::rank_row, Scratch};
    let mut rng = Rng::new(99);
    let mut scratch = Scratch::default();
    for case in 0..6 {
        let n = 1500;
        let row: Vec<f64> = (0..n)
            .map(|i| match (case, i % 17) {
                (_, 0) => f64::NAN,
                (1, 1) => f64::INFINITY,
                (1, 2) => f64::NEG_INFINITY,
                (2, _) => (rng.uniform() * 5.0).round(), // heavy ties
                (3, 3) => -0.0,
                (3, 4) => 0.0,
                (4, _) => (rng.uniform() * 40.0).exp(),               // very skewed
                (5, _) => 1.0 + (rng.below(3) as f64) * f64::EPSILON, // values a few ulps apart
                _ => rng.uniform() - 0.5,
            })
            .collect();
        let mut got = vec![0.0; n];
        rank_row(&row, &mut got, &mut scratch);
        assert_all_close(&got, &pct_rank(&row), 1e-12, &format!("rank case {case}"));
    }
}

#[test]
fn radix_rank_matches_comparison_rank_on_hard_rows() {
    use alphadesk_engine::cross::rank::rank_row_with;
    use alphadesk_engine::cross::Scratch;
    let mut seed = 0x9e3779b97f4a7c15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let (mut s1, mut s2) = (Scratch::default(), Scratch::default());
    for case in 0..400 {
        let n = [64usize, 65, 100, 505, 1000, 4000][case % 6];
        let row: Vec<f64> = (0..n)
            .map(|_| {
                let r = next();
                match r % 11 {
                    0 => f64::NAN,
                    1 => 0.0,
                    2 => -0.0,
                    3 => ((r >> 8) % 5) as f64,                      // exact ties
                    4 => 1.0 + ((r >> 8) % 4) as f64 * f64::EPSILON, // a few ulps apart
                    5 => -1.0 - ((r >> 8) % 4) as f64 * f64::EPSILON,
                    6 => f64::from_bits((r >> 12) % 1000), // subnormals
                    7 => {
                        if r & 256 == 0 {
                            f64::INFINITY
                        } else {
                            f64::NEG_INFINITY
                        }
                    }
                    8 => 100.0 * (1.0 + ((r >> 8) % 1000) as f64 * 1e-9), // within the truncated key's resolution
                    9 if case % 2 == 0 => {
                        // price differences: clusters of nearly equal floats
                        let p = 10.0 + ((r >> 8) % 5000) as f64 * 0.01;
                        (p + ((r >> 24) % 7) as f64 * 0.01) - p
                    }
                    _ => (f64::from_bits(r >> 12 | 0x3ff0_0000_0000_0000) - 1.5) * 10f64.powi((r % 9) as i32 - 4),
                }
            })
            .collect();
        let (mut a, mut b) = (vec![0.0; n], vec![0.0; n]);
        rank_row_with(&row, &mut a, &mut s1, true);
        rank_row_with(&row, &mut b, &mut s2, false);
        for i in 0..n {
            assert_eq!(a[i].to_bits(), b[i].to_bits(), "case {case} n {n} i {i}: {} vs {} (value {})", a[i], b[i], row[i]);
        }
        // And both against the definition (positions less+1 ..= less+equal averaged).
        if n <= 1000 {
            let valid: Vec<f64> = row.iter().copied().filter(|v| !v.is_nan()).collect();
            let inv = 1.0 / valid.len() as f64;
            for i in 0..n {
                let want = if row[i].is_nan() {
                    f64::NAN
                } else {
                    let less = valid.iter().filter(|&&u| u < row[i]).count();
                    let equal = valid.iter().filter(|&&u| u == row[i]).count();
                    (2 * less + equal + 1) as f64 * 0.5 * inv
                };
                assert_eq!(a[i].to_bits(), want.to_bits(), "case {case} n {n} i {i}: {} vs {want} (value {})", a[i], row[i]);
            }
        }
    }
}

#[test]
fn rank_of_a_row_within_the_truncated_key_resolution() {
    // Every value shares its truncated radix key, in random order: the
    // insertion fix-up runs out of budget and the row is sorted exactly.
    use alphadesk_engine::cross::rank::rank_row_with;
    use alphadesk_engine::cross::Scratch;
    let mut rng = Rng::new(7);
    let n = 4000;
    let row: Vec<f64> = (0..n).map(|_| 100.0 * (1.0 + rng.below(3000) as f64 * 1e-12)).collect();
    let (mut a, mut b) = (vec![0.0; n], vec![0.0; n]);
    // The first row fixes its runs in place and marks the column run-heavy;
    // the second takes the gathered sort, whose insertion sort runs out of
    // budget here.
    let mut scratch = Scratch::default();
    rank_row_with(&row, &mut a, &mut scratch, true);
    assert!(scratch.runs_heavy);
    let in_place = a.clone();
    rank_row_with(&row, &mut a, &mut scratch, true);
    assert_eq!(a.iter().map(|v| v.to_bits()).collect::<Vec<_>>(), in_place.iter().map(|v| v.to_bits()).collect::<Vec<_>>());
    rank_row_with(&row, &mut b, &mut Scratch::default(), false);
    assert_eq!(a.iter().map(|v| v.to_bits()).collect::<Vec<_>>(), b.iter().map(|v| v.to_bits()).collect::<Vec<_>>());
    assert_all_close(&a, &pct_rank(&row), 1e-12, "one truncated key");
}

#[test]
fn rank_finishes_the_same_whether_runs_are_fixed_in_place_or_gathered() {
    // A row of price differences on a cent grid: most values sit in runs of
    // near-equal (ulp-apart) values. The first row of a column takes the
    // in-place fix-up; after a run-heavy row the gathered sort is used.
    use alphadesk_engine::cross::rank::rank_row;
    use alphadesk_engine::cross::Scratch;
    let mut rng = Rng::new(5);
    for n in [505usize, 4000] {
        let row: Vec<f64> = (0..n)
            .map(|_| {
                // About a dozen values per cent step, each a few ulps off
                // it depending on the price.
                let p = 10.0 + rng.below(5000) as f64 * 0.01;
                (p + rng.below(n / 12) as f64 * 0.01) - p
            })
            .collect();
        let (mut in_place, mut gathered, mut low_bits) = (vec![0.0; n], vec![0.0; n], vec![0.0; n]);
        let mut fresh = Scratch::default();
        rank_row(&row, &mut in_place, &mut fresh);
        assert!(fresh.runs_heavy, "n {n}: a row of price differences should count as run-heavy");
        rank_row(&row, &mut gathered, &mut fresh);
        // Many of its values are near-equal, not equal: the next row sorts by
        // the low key bits first.
        assert!(fresh.low_bits_pay, "n {n}");
        rank_row(&row, &mut low_bits, &mut fresh);
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&in_place), bits(&gathered), "n {n}");
        assert_eq!(bits(&in_place), bits(&low_bits), "n {n}");
        assert_all_close(&gathered, &pct_rank(&row), 1e-12, "price differences");
        // A row of a few exact levels (signs) ties without near-equal values:
        // no low-bits pass.
        let signs: Vec<f64> = row.iter().map(|v| v.signum() * f64::from(u8::from(*v != 0.0))).collect();
        let mut levels = Scratch::default();
        for _ in 0..3 {
            rank_row(&signs, &mut gathered, &mut levels);
        }
        assert!(levels.runs_heavy && !levels.low_bits_pay, "n {n}");
        assert_all_close(&gathered, &pct_rank(&signs), 1e-12, "signs");
    }
}

#[test]
fn rank_settles_pairs_of_near_equal_values_in_either_order() {
    // Rows where about a tenth of the values share their truncated key with
    // one other value (volumes, prices): those pairs take the branch-free
    // path, in index order and reversed, exactly equal, a few ulps apart; a
    // few triples take the general one. Same bits as the comparison sort and
    // as the definition.
    use alphadesk_engine::cross::rank::rank_row_with;
    use alphadesk_engine::cross::Scratch;
    let mut rng = Rng::new(11);
    for n in [64usize, 505, 4000] {
        let mut row: Vec<f64> = (0..n).map(|_| (rng.uniform() * 12.0).exp()).collect();
        for i in (0..n - 2).step_by(19) {
            let v = row[i];
            let j = i + 1 + rng.below(2);
            row[j] = match rng.below(4) {
                0 => v,                                        // an exact tie
                1 => v * (1.0 + 4.0 * f64::EPSILON),           // larger, after it
                2 => v * (1.0 - 4.0 * f64::EPSILON),           // smaller, after it
                _ => v * (1.0 + rng.below(100) as f64 * 1e-9), // within the truncated key
            };
            if i % 7 == 0 && j + 1 < n {
                row[j + 1] = v * (1.0 - 2.0 * f64::EPSILON); // a triple
            }
        }
        let mut scratch = Scratch::default();
        let (mut a, mut b) = (vec![0.0; n], vec![0.0; n]);
        rank_row_with(&row, &mut a, &mut scratch, true);
        assert!(!scratch.runs_heavy, "n {n}: the row should stay on the in-place path");
        rank_row_with(&row, &mut b, &mut Scratch::default(), false);
        assert_eq!(a.iter().map(|v| v.to_bits()).collect::<Vec<_>>(), b.iter().map(|v| v.to_bits()).collect::<Vec<_>>(), "n {n}");
        let inv = 1.0 / n as f64;
        for (i, &v) in row.iter().enumerate() {
            let less = row.iter().filter(|&&u| u < v).count();
            let equal = row.iter().filter(|&&u| u == v).count();
            let want = (2 * less + equal + 1) as f64 * 0.5 * inv;
            assert_eq!(a[i].to_bits(), want.to_bits(), "n {n} i {i}: {} vs {want}", a[i]);
        }
    }
}

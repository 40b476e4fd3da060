//! ts_min / ts_max / ts_argmin / ts_argmax (`rolling::minmax`) bit for bit
//! against a from-scratch scan of every window: random walks, heavy ties,
//! NaN, ±inf, ±0.0, constant and monotone runs; every window 1..=30 and the
//! ones around the series length.

mod common;

use alphadesk_engine::rolling::minmax::{rolling_extreme_into, Extreme, Output};
use common::{messy_series, Rng};

const OPS: [(Extreme, Output, &str); 4] = [
    (Extreme::Min, Output::Value, "ts_min"),
    (Extreme::Max, Output::Value, "ts_max"),
    (Extreme::Min, Output::Position, "ts_argmin"),
    (Extreme::Max, Output::Position, "ts_argmax"),
];

/// A NaN that is not `f64::NAN` (sign and payload set): outputs must still be
/// the canonical NaN.
const ODD_NAN: f64 = f64::from_bits(0xfff0_0000_0000_0001);

/// The definition: NaN until a full window and for a window holding a NaN;
/// otherwise scan the window from its oldest value and move only on a
/// strictly better one, so the oldest of equal values (-0.0 == 0.0) wins.
fn reference(xs: &[f64], w: usize, which: Extreme, output: Output) -> Vec<f64> {
    (0..xs.len())
        .map(|t| {
            if w == 0 || t + 1 < w {
                return f64::NAN;
            }
            let win = &xs[t + 1 - w..=t];
            if win.iter().any(|x| x.is_nan()) {
                return f64::NAN;
            }
            let mut best = 0;
            for k in 1..w {
                let better = match which {
                    Extreme::Min => win[k] < win[best],
                    Extreme::Max => win[k] > win[best],
                };
                if better {
                    best = k;
                }
            }
            match output {
                Output::Value => win[best],
                Output::Position => best as f64,
            }
        })
        .collect()
}

fn kernel(xs: &[f64], w: usize, which: Extreme, output: Output) -> Vec<f64> {
    let mut out = vec![12345.0; xs.len()];
    rolling_extreme_into(xs, w, which, output, &mut out);
    out
}

fn assert_bits(got: &[f64], want: &[f64], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(g.to_bits() == w.to_bits(), "{what}: index {i}: got {g:?} ({:#x}), want {w:?} ({:#x})", g.to_bits(), w.to_bits());
    }
}

/// The four operators on `xs` at window `w` against the reference.
fn check(xs: &[f64], w: usize, label: &str) {
    for (which, output, name) in OPS {
        let want = reference(xs, w, which, output);
        let got = kernel(xs, w, which, output);
        assert_bits(&got, &want, &format!("{name} w={w} {label} len={} {xs:?}", xs.len()));
    }
}

/// Series kinds that stress the tie rule, NaN and the block boundaries.
fn series(kind: usize, rng: &mut Rng, n: usize) -> Vec<f64> {
    let mut x = 100.0;
    let walk = |rng: &mut Rng, x: &mut f64| {
        *x *= 1.0 + (rng.uniform() - 0.5) * 0.04;
        *x
    };
    let specials = [0.0, -0.0, 1.0, -1.0, f64::INFINITY, f64::NEG_INFINITY, f64::MAX, f64::MIN_POSITIVE];
    (0..n)
        .map(|i| match kind {
            // Random walk.
            0 => walk(rng, &mut x),
            // Heavy ties: a walk rounded to a coarse grid.
            1 => (walk(rng, &mut x) / 2.0).round(),
            // A walk with NaN sprinkled (both NaN encodings).
            2 => match rng.below(12) {
                0 => f64::NAN,
                1 => ODD_NAN,
                _ => walk(rng, &mut x),
            },
            // ±inf, ±0.0 and a few values, NaN now and then.
            3 => {
                if rng.below(15) == 0 {
                    f64::NAN
                } else {
                    specials[rng.below(specials.len())]
                }
            }
            // Signed zeros only: every window is one big tie.
            4 => {
                if rng.below(2) == 0 {
                    0.0
                } else {
                    -0.0
                }
            }
            // Constant runs of random length.
            5 => {
                if rng.below(5) == 0 {
                    x = (rng.uniform() * 3.0).round() - 1.0;
                }
                x
            }
            // Monotone stretches (up, then down), with plateaus.
            6 => ((i % 23) as f64 - 11.0).abs().floor(),
            _ => unreachable!(),
        })
        .collect()
}

const KINDS: usize = 7;

fn widths(n: usize) -> Vec<usize> {
    let mut ws: Vec<usize> = (1..=30).collect();
    ws.extend([n.saturating_sub(1), n, n + 5]);
    ws.retain(|&w| w >= 1);
    ws.sort_unstable();
    ws.dedup();
    ws
}

#[test]
fn every_window_matches_the_definition_bit_for_bit() {
    let mut rng = Rng::new(20240611);
    for n in [0usize, 1, 2, 7, 261] {
        for kind in 0..KINDS {
            for rep in 0..3 {
                let xs = series(kind, &mut rng, n);
                for w in widths(n) {
                    check(&xs, w, &format!("kind={kind} rep={rep}"));
                }
            }
        }
    }
}

#[test]
fn messy_series_and_long_windows_match_the_definition() {
    // The shared messy generator (NaN, ties, constant runs) and windows up to
    // 250 on series of a year or two.
    let mut rng = Rng::new(7);
    for n in [30usize, 261, 520] {
        let xs = messy_series(&mut rng, n);
        for w in [31usize, 37, 60, 64, 100, 128, 250, 259, 260, 261, 262] {
            check(&xs, w, "messy");
        }
        for w in widths(n) {
            check(&xs, w, "messy");
        }
    }
}

#[test]
fn ties_go_to_the_oldest_and_keep_its_bits() {
    let z = [0.0, -0.0, 0.0, -0.0, -0.0, 0.0, 0.0, -0.0, 0.0, -0.0, -0.0, 0.0, 0.0, -0.0];
    for w in [1usize, 2, 3, 5, 8, 9, 10, 13] {
        for (which, output, name) in OPS {
            let got = kernel(&z, w, which, output);
            for t in 0..z.len() {
                let want = if t + 1 < w {
                    f64::NAN
                } else {
                    match output {
                        Output::Value => z[t + 1 - w],
                        Output::Position => 0.0,
                    }
                };
                assert!(got[t].to_bits() == want.to_bits(), "{name} w={w} t={t}: got {:?}, want {want:?}", got[t]);
            }
        }
    }
    // Two maxima in one window: the older one's position.
    let xs = [1.0, 5.0, 2.0, 5.0, 3.0, 0.0, 5.0, 4.0, 1.0, 2.0, 3.0, 2.0];
    assert_bits(&kernel(&xs, 4, Extreme::Max, Output::Position), &reference(&xs, 4, Extreme::Max, Output::Position), "argmax");
    let got = kernel(&xs, 10, Extreme::Max, Output::Position);
    assert_bits(&got[9..], &[1.0, 0.0, 1.0], "argmax w10");
    let got = kernel(&xs, 10, Extreme::Min, Output::Position);
    assert_bits(&got[9..], &[5.0, 4.0, 3.0], "argmin w10");
}

#[test]
fn infinities_are_ordinary_values() {
    let inf = f64::INFINITY;
    let xs = [1.0, inf, -inf, 2.0, inf, 0.0, -inf, -inf, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0];
    for w in [2usize, 3, 9, 12] {
        check(&xs, w, "inf");
    }
    let got = kernel(&xs, 9, Extreme::Max, Output::Value);
    assert_eq!(got[8], inf);
    let got = kernel(&xs, 9, Extreme::Min, Output::Position);
    assert_eq!(got[8], 2.0, "oldest -inf");
}

#[test]
fn nan_windows_give_the_canonical_nan() {
    // Outputs are NaN exactly where a window holds a NaN, whatever the
    // input NaN's bits; an all-NaN series (an instrument not yet listed)
    // stays NaN at every window.
    let mut xs: Vec<f64> = (0..40).map(|i| (i * 7 % 11) as f64).collect();
    xs[3] = ODD_NAN;
    xs[20] = -f64::NAN;
    xs[21] = f64::NAN;
    for w in [1usize, 2, 5, 8, 9, 16, 40] {
        check(&xs, w, "nan");
        for (which, output, name) in OPS {
            let got = kernel(&xs, w, which, output);
            for (t, g) in got.iter().enumerate() {
                let has_nan = t + 1 < w || xs[t + 1 - w..=t].iter().any(|x| x.is_nan());
                assert_eq!(g.is_nan(), has_nan, "{name} w={w} t={t}");
                if has_nan {
                    assert_eq!(g.to_bits(), f64::NAN.to_bits(), "{name} w={w} t={t}: canonical NaN");
                }
            }
        }
    }
    let all = vec![f64::NAN; 300];
    for w in [1usize, 3, 20, 250] {
        for (which, output, name) in OPS {
            assert!(kernel(&all, w, which, output).iter().all(|g| g.to_bits() == f64::NAN.to_bits()), "{name} w={w}");
        }
    }
}

#[test]
fn writes_only_the_common_length_and_a_zero_window_is_nan() {
    let xs: Vec<f64> = (0..20).map(|i| ((i * 5) % 7) as f64).collect();
    for w in [3usize, 12] {
        for (which, output, name) in OPS {
            // Output longer than the input: the tail is left alone.
            let mut out = vec![-7.0; 25];
            rolling_extreme_into(&xs, w, which, output, &mut out);
            assert_bits(&out[..20], &reference(&xs, w, which, output), name);
            assert!(out[20..].iter().all(|&v| v == -7.0), "{name}: tail");
            // Input longer than the output: the first out.len() windows.
            let mut short = vec![-7.0; 15];
            rolling_extreme_into(&xs, w, which, output, &mut short);
            assert_bits(&short, &reference(&xs[..15], w, which, output), name);
        }
    }
    for (which, output, name) in OPS {
        assert!(kernel(&xs, 0, which, output).iter().all(|v| v.is_nan()), "{name} w=0");
    }
}

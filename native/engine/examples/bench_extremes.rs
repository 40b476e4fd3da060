//! Benchmark of the rolling extremes (ts_min / ts_max / ts_argmin / ts_argmax)
//! against a copy of the deque kernel they replaced, measured in the same run.
//!   cargo run --release -p alphadesk-engine --example bench_extremes
//! Panel: `synth::random_panel(261, 4000, 42, 0.002)`, one 261-value series
//! per instrument (instrument-major); columns close and volume. Prints the
//! best of 5 runs over the whole panel, in ns per output cell, after checking
//! that both kernels agree bit for bit on every cell.
use std::collections::VecDeque;
use std::time::Instant;

use alphadesk_engine::rolling::minmax::{rolling_extreme_into, Extreme, Output};
use alphadesk_engine::synth::random_panel;

/// The kernel before the block rewrite: a direct scan for windows up to 8,
/// a monotonic deque above.
mod before {
    use super::{Extreme, Output, VecDeque};
    // The window driver is unchanged by the rewrite: the library's own.
    use alphadesk_engine::rolling::direct::each_full_window;

    const DIRECT_MAX: usize = 8;

    pub fn rolling_extreme_into(xs: &[f64], w: usize, which: Extreme, output: Output, out: &mut [f64]) {
        if w <= DIRECT_MAX {
            return direct(xs, w, which, output, out);
        }
        let n = xs.len().min(out.len());
        let mut dq: VecDeque<usize> = VecDeque::with_capacity(w + 1);
        let mut last_nan: Option<usize> = None;
        for t in 0..n {
            let x = xs[t];
            if x.is_nan() {
                last_nan = Some(t);
            } else {
                while let Some(&b) = dq.back() {
                    let dominated = match which {
                        Extreme::Max => xs[b] < x,
                        Extreme::Min => xs[b] > x,
                    };
                    if !dominated {
                        break;
                    }
                    dq.pop_back();
                }
                dq.push_back(t);
            }
            if t + 1 < w {
                out[t] = f64::NAN;
                continue;
            }
            let start = t + 1 - w;
            while dq.front().is_some_and(|&f| f < start) {
                dq.pop_front();
            }
            let clean = last_nan.is_none_or(|k| k < start);
            out[t] = match (clean, dq.front()) {
                (true, Some(&f)) => match output {
                    Output::Value => xs[f],
                    Output::Position => (f - start) as f64,
                },
                _ => f64::NAN,
            };
        }
    }

    fn direct(xs: &[f64], w: usize, which: Extreme, output: Output, out: &mut [f64]) {
        each_full_window(xs, w, out, |win| {
            let (mut best, mut pos) = (win[0], 0usize);
            for (k, &v) in win.iter().enumerate().skip(1) {
                let better = match which {
                    Extreme::Max => v > best,
                    Extreme::Min => v < best,
                };
                best = if better { v } else { best };
                pos = if better { k } else { pos };
            }
            match output {
                Output::Value => best,
                Output::Position => pos as f64,
            }
        });
    }
}

type Kernel = fn(&[f64], usize, Extreme, Output, &mut [f64]);

fn main() {
    let (t, n) = (261usize, 4000usize);
    let panel = random_panel(t, n, 42, 0.002);
    let view = panel.view();
    let columns = [("close", view.close), ("volume", view.volume)];
    let ops = [
        ("min", Extreme::Min, Output::Value),
        ("max", Extreme::Max, Output::Value),
        ("argmin", Extreme::Min, Output::Position),
        ("argmax", Extreme::Max, Output::Position),
    ];
    let mut out_old = vec![0.0; t * n];
    let mut out_new = vec![0.0; t * n];
    // Best of 5 runs over the panel, ns per cell.
    let time = |kernel: Kernel, xs: &[f64], w: usize, which: Extreme, output: Output, out: &mut [f64]| {
        let mut best = f64::INFINITY;
        for _ in 0..5 {
            let t0 = Instant::now();
            for (x, o) in xs.chunks(t).zip(out.chunks_mut(t)) {
                kernel(x, w, which, output, o);
            }
            best = best.min(t0.elapsed().as_secs_f64());
        }
        best * 1e9 / xs.len() as f64
    };
    println!("{:<7} {:>6} {:>4} {:>9} {:>9} {:>7}", "column", "op", "w", "old ns", "new ns", "old/new");
    for (name, xs) in columns {
        for w in [2usize, 3, 5, 10, 20, 60] {
            for (op, which, output) in ops {
                let old = time(before::rolling_extreme_into, xs, w, which, output, &mut out_old);
                let new = time(rolling_extreme_into, xs, w, which, output, &mut out_new);
                let same = out_old.iter().zip(&out_new).all(|(a, b)| a.to_bits() == b.to_bits());
                assert!(same, "{name} {op} w{w}: the kernels disagree");
                println!("{name:<7} {op:>6} {w:>4} {old:>9.2} {new:>9.2} {:>6.1}x", old / new);
            }
        }
    }
}

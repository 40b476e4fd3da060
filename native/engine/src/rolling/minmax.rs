//! ts_min / ts_max / ts_argmin / ts_argmax with a monotonic deque: O(1)
//! amortised per step whatever the window.
//!
//! Arg convention (pandas `rolling(d).apply(np.argmax)`): the position inside
//! the window counted from the oldest value, `0..d-1` (`d-1` = today). Ties go
//! to the oldest occurrence, as `np.argmax` does.

use std::collections::VecDeque;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Extreme {
    Min,
    Max,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The extreme value itself.
    Value,
    /// Its position in the window, oldest = 0.
    Position,
}

/// Windows up to this length are scanned directly: a short branch-light
/// loop beats the deque's bookkeeping.
const DIRECT_MAX: usize = 8;

/// Shared driver for the four operators.
pub fn rolling_extreme_into(xs: &[f64], w: usize, which: Extreme, output: Output, out: &mut [f64]) {
    if w <= DIRECT_MAX {
        return direct(xs, w, which, output, out);
    }
    let n = xs.len().min(out.len());
    // Indices of candidates, values monotone from front (the extreme) to back.
    let mut dq: VecDeque<usize> = VecDeque::with_capacity(w + 1);
    let mut last_nan: Option<usize> = None;
    for t in 0..n {
        let x = xs[t];
        if x.is_nan() {
            last_nan = Some(t);
        } else {
            // Strict comparison keeps older equal values in front: ties → oldest.
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

/// Direct scan of each window (same results as the deque: NaN rules, ties
/// to the oldest position).
fn direct(xs: &[f64], w: usize, which: Extreme, output: Output, out: &mut [f64]) {
    super::direct::each_full_window(xs, w, out, |win| {
        let (mut best, mut pos) = (win[0], 0usize);
        // Selects instead of branches: random data would mispredict them.
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

//! ts_min / ts_max / ts_argmin / ts_argmax: O(1) per step whatever the
//! window, branch-free and without a deque.
//!
//! Arg convention (pandas `rolling(d).apply(np.argmax)`): the position inside
//! the window counted from the oldest value, `0..d-1` (`d-1` = today). Ties go
//! to the oldest occurrence, as `np.argmax` does. Comparisons are strict, so
//! values that compare equal (including `-0.0` and `0.0`) are ties and the
//! oldest one's bits are returned; ±inf are ordinary values.
//!
//! Two paths, both giving exactly the result of scanning each window from
//! its oldest value with a strict comparison:
//!
//! * windows up to [`DIRECT_MAX`]: that scan itself, with the width a
//!   compile-time constant so the compiler unrolls it and vectorises across
//!   windows;
//! * longer windows: van Herk / Gil-Werman. The series is cut into blocks of
//!   `w` values starting at 0. A window `[s, t]` either is one block or spans
//!   the boundary `b` of two, and its extreme is the better of the extreme of
//!   `[s, b)` (a suffix of the older block) and of `[b, t]` (a prefix of the
//!   newer one). A forward pass writes the prefix extremes, a backward pass
//!   carries the suffix extreme and combines: about three comparisons per
//!   value. Ties prefer the older value everywhere (inside the suffix, the
//!   prefix and between the two halves), which keeps the oldest occurrence.
//!
//! NaN: the scans treat a NaN like any value (every comparison with it is
//! false), which can only disturb windows that hold the NaN; those are all
//! overwritten with NaN afterwards, as are the outputs before the first full
//! window.

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

/// Windows up to this length are scanned directly (measured crossover with
/// the block scheme: about 9 on a 261-value series, for values and
/// positions alike). The widths are listed in [`rolling_extreme_into`].
pub const DIRECT_MAX: usize = 8;

/// Shared driver for the four operators: `out[t]` for `t < min(xs.len(),
/// out.len())`; `out` beyond that is left alone. A window of 0 has no value:
/// all NaN.
pub fn rolling_extreme_into(xs: &[f64], w: usize, which: Extreme, output: Output, out: &mut [f64]) {
    let n = xs.len().min(out.len());
    let (xs, out) = (&xs[..n], &mut out[..n]);
    if w == 0 || w > n {
        out.fill(f64::NAN);
        return;
    }
    match which {
        Extreme::Max => by_width::<Greater>(xs, w, output, out),
        Extreme::Min => by_width::<Less>(xs, w, output, out),
    }
    out[..w - 1].fill(f64::NAN);
    nan_windows(xs, w, out);
}

/// Which of two values is better for the extreme sought.
trait Order {
    /// `a` strictly better than `b` (false if either is NaN).
    fn better(a: f64, b: f64) -> bool;
}

struct Greater;
struct Less;

impl Order for Greater {
    #[inline(always)]
    fn better(a: f64, b: f64) -> bool {
        a > b
    }
}

impl Order for Less {
    #[inline(always)]
    fn better(a: f64, b: f64) -> bool {
        a < b
    }
}

/// The better of two values, `older` on a tie (a `maxsd` / `minsd`).
#[inline(always)]
fn older_wins<O: Order>(older: f64, newer: f64) -> f64 {
    if O::better(newer, older) {
        newer
    } else {
        older
    }
}

/// Every full window `[t-w+1, t]` into `out[t]` (`1 <= w <= xs.len() ==
/// out.len()`), ignoring NaN; the caller fixes the first `w-1` outputs and the
/// windows with a NaN.
fn by_width<O: Order>(xs: &[f64], w: usize, output: Output, out: &mut [f64]) {
    macro_rules! direct_widths {
        ($($k:literal)*) => {
            match (w, output) {
                $(
                    ($k, Output::Value) => direct::<O, $k, false>(xs, out),
                    ($k, Output::Position) => direct::<O, $k, true>(xs, out),
                )*
                (_, Output::Value) => blocks_value::<O>(xs, w, out),
                (_, Output::Position) => blocks_position::<O>(xs, w, out),
            }
        };
    }
    // 1..=DIRECT_MAX
    direct_widths!(1 2 3 4 5 6 7 8);
}

/// The direct scan of each window, oldest first with a strict comparison
/// (ties → oldest); `W` a constant, `W <= xs.len()`.
fn direct<O: Order, const W: usize, const POSITION: bool>(xs: &[f64], out: &mut [f64]) {
    for (o, win) in out[W - 1..].iter_mut().zip(xs.windows(W)) {
        let (mut best, mut pos) = (win[0], 0.0);
        // Selects instead of branches: random data would mispredict them.
        for (k, &v) in win.iter().enumerate().skip(1) {
            let better = O::better(v, best);
            best = if better { v } else { best };
            pos = if better { k as f64 } else { pos };
        }
        *o = if POSITION { pos } else { best };
    }
}

/// Van Herk / Gil-Werman, values (`w <= xs.len() == out.len()`).
fn blocks_value<O: Order>(xs: &[f64], w: usize, out: &mut [f64]) {
    // Forward: out[t] = extreme of [block start, t], the older on ties.
    for (xb, ob) in xs.chunks(w).zip(out.chunks_mut(w)) {
        let Some(&first) = xb.first() else { continue };
        let mut p = first;
        for (o, &x) in ob.iter_mut().zip(xb) {
            p = older_wins::<O>(p, x);
            *o = p;
        }
    }
    // Backward over the blocks holding a window start s (s <= n - w; such a
    // block ends at or before n - 1). The window [s, s+w-1] is the suffix
    // [s, block end] plus the prefix of the next block already in out.
    let last_start = xs.len() - w;
    for b in (0..last_start + 1).step_by(w).rev() {
        let block = &xs[b..b + w];
        let hi = (last_start - b).min(w - 1); // offsets 0..=hi start a window
        let mut sv = block[w - 1];
        for &x in block[hi + 1..].iter().rev() {
            sv = older_wins::<O>(x, sv);
        }
        let ends = &mut out[b + w - 1..=b + w - 1 + hi];
        for (&x, o) in block[..=hi].iter().rev().zip(ends.iter_mut().rev()) {
            sv = older_wins::<O>(x, sv);
            *o = older_wins::<O>(sv, *o);
        }
    }
}

/// Van Herk / Gil-Werman, positions (`w <= xs.len() == out.len()`). The
/// forward pass stores the prefix extreme's index (as the bits of `out[t]`);
/// its value is read back from `xs`.
fn blocks_position<O: Order>(xs: &[f64], w: usize, out: &mut [f64]) {
    for (b, (xb, ob)) in xs.chunks(w).zip(out.chunks_mut(w)).enumerate() {
        let Some(&first) = xb.first() else { continue };
        let (mut p, mut pi) = (first, b * w);
        for (k, (o, &x)) in ob.iter_mut().zip(xb).enumerate() {
            let better = O::better(x, p);
            p = if better { x } else { p };
            pi = if better { b * w + k } else { pi };
            *o = f64::from_bits(pi as u64);
        }
    }
    let last_start = xs.len() - w;
    for b in (0..last_start + 1).step_by(w).rev() {
        let hi = (last_start - b).min(w - 1);
        let (mut sv, mut si) = (xs[b + w - 1], b + w - 1);
        for s in (b + hi + 1..b + w).rev() {
            let keep = O::better(sv, xs[s]);
            sv = if keep { sv } else { xs[s] };
            si = if keep { si } else { s };
        }
        let ends = &mut out[b + w - 1..=b + w - 1 + hi];
        for (k, (&x, o)) in xs[b..=b + hi].iter().zip(ends.iter_mut()).enumerate().rev() {
            let s = b + k;
            let keep = O::better(sv, x);
            sv = if keep { sv } else { x };
            si = if keep { si } else { s };
            let pi = o.to_bits() as usize;
            // The prefix wins only when strictly better: ties → the suffix
            // (older). Which side wins is data: a select, not a branch.
            let pos = std::hint::select_unpredictable(O::better(xs[pi], sv), pi, si);
            *o = (pos - s) as i64 as f64;
        }
    }
}

/// NaN for every window `[t-w+1, t]` holding a NaN (`w >= 1`). Looks at
/// eight values at a time for a NaN; each output is written at most once.
fn nan_windows(xs: &[f64], w: usize, out: &mut [f64]) {
    let n = xs.len().min(out.len());
    let mut filled = 0usize;
    for (c, chunk) in xs.chunks(8).enumerate() {
        if !chunk.iter().fold(false, |any, x| any | x.is_nan()) {
            continue;
        }
        for (j, x) in chunk.iter().enumerate() {
            if x.is_nan() {
                let k = c * 8 + j;
                let end = (k + w).min(n);
                out[k.max(filled)..end].fill(f64::NAN);
                filled = end;
            }
        }
    }
}

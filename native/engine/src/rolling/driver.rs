//! Generic add/remove window driver shared by the incremental kernels.
//!
//! The driver owns the NaN bookkeeping so aggregators only ever see valid
//! (non-NaN) values: a NaN entering the window bumps a counter instead of
//! touching the aggregate, so nothing has to be "un-poisoned" when it
//! leaves. ±inf is kept out the same way; a window holding one is computed
//! from scratch ([`WindowAgg::direct`]) so IEEE semantics still hold. To stop floating-point drift from many add/remove pairs, the
//! aggregate is rebuilt from the window contents every `REBUILD_EVERY`
//! outputs (amortised cost O(w / REBUILD_EVERY) per step), and whenever the
//! aggregate reports that cancellation may have cost it precision.

/// How often (in steps) the aggregate is recomputed from scratch.
const REBUILD_EVERY: usize = 512;

/// An incrementally maintained aggregate over the valid values of a window.
pub trait WindowAgg<I: Copy> {
    /// A value enters the window.
    fn add(&mut self, x: I);
    /// The oldest value leaves the window (always one previously added).
    fn remove(&mut self, x: I);
    /// Forget everything (used before a rebuild).
    fn clear(&mut self);
    /// The statistic for a full window of `w` valid values.
    fn value(&self, w: usize) -> f64;
    /// True when cancellation may have eaten the aggregate's precision
    /// (e.g. a variance that fell far below the largest one it held): the
    /// driver then rebuilds it from the window contents.
    fn degraded(&self) -> bool {
        false
    }
    /// The statistic computed from scratch; used for windows holding ±inf,
    /// which would poison the incremental state (inf - inf = NaN).
    fn direct(window: &[I]) -> f64
    where
        Self: Sized;
}

/// Run `agg` over `len` inputs produced by `get`, writing one output per
/// input into `out`. `valid` says whether an input counts (not NaN).
pub fn drive<I, A, G, V, F>(len: usize, w: usize, get: G, valid: V, finite: F, agg: &mut A, out: &mut [f64])
where
    I: Copy,
    A: WindowAgg<I>,
    G: Fn(usize) -> I,
    V: Fn(I) -> bool,
    F: Fn(I) -> bool,
{
    debug_assert!(w >= 1);
    let n = len.min(out.len());
    if (0..n).all(|t| {
        let x = get(t);
        valid(x) && finite(x)
    }) {
        return drive_clean(n, w, get, agg, out);
    }
    let mut invalid = 0usize;
    let mut infinite = 0usize;
    let mut window: Vec<I> = Vec::new();
    let mut since_rebuild = 0usize;
    agg.clear();
    #[allow(clippy::needless_range_loop)] // t also indexes the input through `get`
    for t in 0..n {
        let x = get(t);
        if !valid(x) {
            invalid += 1;
        } else if !finite(x) {
            infinite += 1;
        } else {
            agg.add(x);
        }
        if t >= w {
            let old = get(t - w);
            if !valid(old) {
                invalid -= 1;
            } else if !finite(old) {
                infinite -= 1;
            } else {
                agg.remove(old);
            }
        }
        if t + 1 < w {
            out[t] = f64::NAN;
            continue;
        }
        since_rebuild += 1;
        if since_rebuild >= REBUILD_EVERY || agg.degraded() {
            since_rebuild = 0;
            agg.clear();
            for s in (t + 1 - w)..=t {
                let v = get(s);
                if valid(v) && finite(v) {
                    agg.add(v);
                }
            }
        }
        out[t] = if invalid > 0 {
            f64::NAN
        } else if infinite > 0 {
            window.clear();
            window.extend((t + 1 - w..=t).map(&get));
            A::direct(&window)
        } else {
            agg.value(w)
        };
    }
}

/// [`drive`] for a series with no NaN and no ±inf (the common case): the
/// same aggregate calls in the same order, without the per-step counting.
fn drive_clean<I, A, G>(n: usize, w: usize, get: G, agg: &mut A, out: &mut [f64])
where
    I: Copy,
    A: WindowAgg<I>,
    G: Fn(usize) -> I,
{
    let mut since_rebuild = 0usize;
    agg.clear();
    let warm = n.min(w.saturating_sub(1));
    for (t, o) in out[..warm].iter_mut().enumerate() {
        agg.add(get(t));
        *o = f64::NAN;
    }
    #[allow(clippy::needless_range_loop)] // t also indexes the input through `get`
    for t in warm..n {
        agg.add(get(t));
        if t >= w {
            agg.remove(get(t - w));
        }
        since_rebuild += 1;
        if since_rebuild >= REBUILD_EVERY || agg.degraded() {
            since_rebuild = 0;
            agg.clear();
            for s in (t + 1 - w)..=t {
                agg.add(get(s));
            }
        }
        out[t] = agg.value(w);
    }
}

/// Convenience wrapper for the common single-series case.
pub fn drive_series<A: WindowAgg<f64>>(xs: &[f64], w: usize, agg: &mut A, out: &mut [f64]) {
    drive(xs.len(), w, |t| xs[t], |x: f64| !x.is_nan(), |x: f64| x.is_finite(), agg, out);
}

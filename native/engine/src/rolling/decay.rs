//! decay_linear: weighted moving average with weights d, d-1, ..., 1 (newest
//! heaviest), normalised to sum to 1.
//!
//! Computed directly per window (O(d), a tight loop the compiler
//! vectorises) rather than incrementally: the direct sum depends only on
//! the window's values, so two instruments with equal windows get
//! bit-identical results and a following `rank` sees the tie. (An
//! incremental update carries rounding history and breaks such ties.)

pub fn decay_linear_into(xs: &[f64], w: usize, out: &mut [f64]) {
    super::direct::each_full_window(xs, w, out, super::naive::decay_linear);
}

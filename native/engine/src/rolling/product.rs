//! Rolling product. Computed directly per window (O(w) per step): dividing
//! out the leaving value is unstable near zero, and the paper only uses
//! short product windows.

/// Rolling product over `w` values; NaN until a full window or if the window holds a NaN.
pub fn rolling_product_into(xs: &[f64], w: usize, out: &mut [f64]) {
    super::direct::each_full_window(xs, w, out, |win| win.iter().product());
}

//! Float rules shared by the incremental rolling kernels and their
//! from-scratch reference ([`super::naive`]). A leaf: it imports nothing of
//! the kernels, so the reference that checks them borrows nothing from them.

/// Running sum with Neumaier compensation, so long add/remove sequences do
/// not lose the low-order bits that a plain `+=` would.
#[derive(Default, Clone, Copy)]
pub struct CompensatedSum {
    sum: f64,
    comp: f64,
}

impl CompensatedSum {
    #[inline]
    pub fn add(&mut self, x: f64) {
        let t = self.sum + x;
        // Both error terms, then a select: which operand is larger is
        // data-dependent (a sum of returns changes sign), and a branch on it
        // mispredicted often enough to double a rolling sum's cost.
        let big_sum = (self.sum - t) + x;
        let big_x = (x - t) + self.sum;
        self.comp += if self.sum.abs() >= x.abs() { big_sum } else { big_x };
        self.sum = t;
    }
    #[inline]
    pub fn total(&self) -> f64 {
        self.sum + self.comp
    }
    #[inline]
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

/// Relative spread below which a window counts as constant for correlation.
pub const CONSTANT_REL: f64 = 1e-12;

/// Clamp to [-1, 1] and round to 12 decimals. Correlations that are equal
/// in exact arithmetic (e.g. every 2-day correlation is ±1) then come out
/// bit-identical however they were computed, so a following `rank` sees
/// the ties it should instead of ties broken by rounding noise.
#[inline]
pub fn snap_correlation(c: f64) -> f64 {
    // Adding and subtracting 1.5·2^52 rounds to an integer (ties to even)
    // without a libm call; valid as |c·1e12| is far below 2^51.
    const MAGIC: f64 = 6_755_399_441_055_744.0;
    let c = c.clamp(-1.0, 1.0);
    ((c * 1e12 + MAGIC) - MAGIC) * 1e-12
}

/// True when a window's second central moment `m2` (over `n` values with
/// mean `mean`) is indistinguishable from rounding noise: its standard
/// deviation is below `CONSTANT_REL × |mean|`. Correlation of such a window
/// is undefined: with values equal up to a few ulps it would otherwise be an
/// arbitrary number decided by rounding.
#[inline]
pub fn negligible(m2: f64, n: usize, mean: f64) -> bool {
    let floor = CONSTANT_REL * mean;
    m2 <= 0.0 || m2 <= n as f64 * floor * floor
}

/// [`negligible`] in the scaled form `q = n·m2`, `s = n·mean`:
/// `m2 <= n (r·mean)²` ⟺ `q <= (r·s)²`.
#[inline]
pub fn negligible_scaled(q: f64, n_mean: f64) -> bool {
    let floor = CONSTANT_REL * n_mean;
    q <= 0.0 || q <= floor * floor
}

/// Every value of the window equal (exact); an empty window is constant.
#[inline]
pub fn constant(win: &[f64]) -> bool {
    win.first().is_none_or(|&f| win.iter().all(|&x| x == f))
}

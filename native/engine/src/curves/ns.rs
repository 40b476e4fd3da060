//! Nelson–Siegel curves per date, on τ = days to expiry:
//!
//! y(τ) = β0 + β1 · f1(λτ) + β2 · f2(λτ),
//! f1(x) = (1 − e^−x) / x,  f2(x) = f1(x) − e^−x.
//!
//! β0 is the level (the long end), β1 the slope (front minus long end), β2
//! the curvature (a hump at x ≈ 1.79, i.e. τ ≈ 1.79 / λ days). For a fixed λ
//! the betas are a linear least-squares problem, solved in closed form per
//! date (3 × 3 normal equations). With λ fitted per date, the residual sum of
//! squares after the inner linear solve is minimised over log λ: a coarse
//! grid, then Brent's method around the best grid point. RMSE = √(RSS / n).

use super::linalg::Normal;
use super::minimize::brent_min;
use super::panel::CurvePanel;
use super::status::{status_warnings, FitStatus};
use super::warnings::CurveWarning;

/// The seed notebook's λ: 0.0058 per day of τ (hump near 309 days).
pub const DEFAULT_LAMBDA: f64 = 0.0058;

/// NS loadings (f1, f2) at x = λτ ≥ 0.
#[inline]
pub fn loadings(x: f64) -> (f64, f64) {
    if x < 1e-9 {
        // Limits as x → 0: f1 → 1 − x/2, f2 → x/2.
        return (1.0 - 0.5 * x, 0.5 * x);
    }
    let em1 = (-x).exp_m1(); // e^−x − 1, exact for small x
    let f1 = -em1 / x;
    (f1, f1 - (1.0 + em1))
}

/// NS loadings at x = λτ given e^−x (computed by [`Decay`]).
#[inline]
pub(crate) fn loadings_from(x: f64, e: f64) -> (f64, f64) {
    if x < 1e-6 {
        return loadings(x);
    }
    let f1 = (1.0 - e) / x;
    (f1, f1 - e)
}

/// The NS curve at τ.
pub fn curve_at(beta: &[f64; 3], lambda: f64, tau: f64) -> f64 {
    let (f1, f2) = loadings(lambda * tau);
    beta[0] + beta[1] * f1 + beta[2] * f2
}

/// Which points of a date enter a fit.
#[derive(Debug, Clone, Copy, Default)]
pub struct FitOptions {
    /// Use only the first `max_tenors` live contracts (0 = all).
    pub max_tenors: usize,
    /// Skip contracts closer to expiry than this many days (their prices
    /// converge to spot and bend the fit).
    pub min_tau: i32,
}

/// Bounds and resolution of the per-date λ search.
#[derive(Debug, Clone, Copy)]
pub struct LambdaSearch {
    pub min: f64,
    pub max: f64,
    /// Coarse grid points on log λ before the Brent refinement (>= 3).
    pub grid: usize,
    /// Tolerance on log λ (1e-3: λ to 0.1 %).
    pub tol: f64,
}

impl Default for LambdaSearch {
    fn default() -> Self {
        LambdaSearch { min: 0.0005, max: 0.05, grid: 16, tol: 1e-3 }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NsFit {
    pub beta: [f64; 3],
    pub lambda: f64,
    pub rmse: f64,
    pub n: usize,
    pub status: FitStatus,
}

impl NsFit {
    fn failed(status: FitStatus, lambda: f64, n: usize) -> Self {
        NsFit { beta: [f64::NAN; 3], lambda, rmse: f64::NAN, n, status }
    }
}

/// Number of distinct values in an ascending slice.
pub(crate) fn distinct_sorted(tau: &[f64]) -> usize {
    if tau.is_empty() {
        0
    } else {
        1 + tau.windows(2).filter(|w| w[1] != w[0]).count()
    }
}

fn rmse_of(beta: &[f64; 3], lambda: f64, tau: &[f64], y: &[f64]) -> f64 {
    let ss: f64 = tau.iter().zip(y).map(|(&t, &v)| (v - curve_at(beta, lambda, t)).powi(2)).sum();
    (ss / tau.len() as f64).sqrt()
}

fn normal_at(lambda: f64, tau: &[f64], y: &[f64]) -> Normal<3> {
    let mut n = Normal::<3>::default();
    let mut powers = Decay::new(lambda);
    for (&t, &v) in tau.iter().zip(y) {
        let (f1, f2) = loadings_from(lambda * t, powers.at(t));
        n.add(&[1.0, f1, f2], v);
    }
    n
}

/// e^(−λτ) along ascending τ: each value from the previous one times e^(−λΔτ), with
/// e^(−λΔτ) = q^Δτ by integer powers (q = e^−λ) when Δτ is a whole number of days, as it is
/// on a curve — one `exp` per λ instead of one per contract (the λ search's inner loop).
pub(crate) struct Decay {
    lambda: f64,
    q: f64,
    last_tau: f64,
    last: f64,
}

impl Decay {
    pub(crate) fn new(lambda: f64) -> Self {
        Decay { lambda, q: (-lambda).exp(), last_tau: 0.0, last: 1.0 }
    }
    #[inline]
    pub(crate) fn at(&mut self, tau: f64) -> f64 {
        let step = tau - self.last_tau;
        let factor = if step >= 0.0 && step.fract() == 0.0 && step <= 4096.0 {
            self.q.powi(step as i32)
        } else {
            (-self.lambda * step).exp()
        };
        let e = self.last * factor;
        // Re-anchor when the product drifted into subnormals or τ went backwards.
        let drifted = e.is_nan() || e <= 1e-250;
        let e = if step < 0.0 || drifted { (-self.lambda * tau).exp() } else { e };
        self.last_tau = tau;
        self.last = e;
        e
    }
}

/// Fit the betas for a fixed λ. `tau` ascending.
pub fn fit_fixed_points(tau: &[f64], y: &[f64], lambda: f64) -> NsFit {
    let n = tau.len();
    if n == 0 {
        return NsFit::failed(FitStatus::NoData, lambda, 0);
    }
    if distinct_sorted(tau) < 3 {
        return NsFit::failed(FitStatus::TooFewPoints, lambda, n);
    }
    match normal_at(lambda, tau, y).solve() {
        Some(beta) => NsFit { beta, lambda, rmse: rmse_of(&beta, lambda, tau, y), n, status: FitStatus::Ok },
        None => NsFit::failed(FitStatus::IllConditioned, lambda, n),
    }
}

/// Fit betas and λ (λ within the search bounds). Needs 4 distinct τ.
pub fn fit_lambda_points(tau: &[f64], y: &[f64], search: &LambdaSearch) -> NsFit {
    let n = tau.len();
    if n == 0 {
        return NsFit::failed(FitStatus::NoData, f64::NAN, 0);
    }
    if distinct_sorted(tau) < 4 {
        return NsFit::failed(FitStatus::TooFewPoints, f64::NAN, n);
    }
    // Search on the demeaned prices (the level absorbs the shift): y'y − β'X'y
    // then cancels far less, so RSS differences near the optimum stay visible.
    let mean = y.iter().sum::<f64>() / n as f64;
    let yc: Vec<f64> = y.iter().map(|v| v - mean).collect();
    let rss = |log_l: f64| {
        let normal = normal_at(log_l.exp(), tau, &yc);
        normal.solve().map_or(f64::INFINITY, |b| normal.rss_at(&b))
    };
    let (lo, hi) = (search.min.ln(), search.max.ln());
    let g = search.grid.max(3);
    let step = (hi - lo) / (g - 1) as f64;
    let at = |i: usize| lo + step * i as f64;
    let values: Vec<f64> = (0..g).map(|i| rss(at(i))).collect();
    // The RSS over λ can have more than one basin: refine every local minimum
    // of the grid (best first, at most 3) and keep the best refinement.
    let mut minima: Vec<usize> = (0..g)
        .filter(|&i| {
            values[i].is_finite() && (i == 0 || values[i] <= values[i - 1]) && (i + 1 == g || values[i] <= values[i + 1])
        })
        .collect();
    if minima.is_empty() {
        return NsFit::failed(FitStatus::IllConditioned, f64::NAN, n);
    }
    minima.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let (mut log_l, mut best) = (at(minima[0]), values[minima[0]]);
    for &i in minima.iter().take(3) {
        let (x, fx, _) = brent_min(rss, at(i.saturating_sub(1)), at((i + 1).min(g - 1)), search.tol, 60);
        if fx < best {
            (log_l, best) = (x, fx);
        }
    }
    let lambda = log_l.exp();
    fit_fixed_points(tau, y, lambda)
}

/// Per-date NS fits over a whole panel.
#[derive(Debug, Clone)]
pub struct NsPanelFit {
    /// Dates × 3 (β0, β1, β2), date-major; NaN where no fit.
    pub beta: Vec<f64>,
    pub lambda: Vec<f64>,
    pub rmse: Vec<f64>,
    pub n_points: Vec<u32>,
    /// `FitStatus` codes.
    pub status: Vec<u8>,
    pub warnings: Vec<CurveWarning>,
}

/// λ fixed for every date, or fitted per date.
#[derive(Debug, Clone, Copy)]
pub enum Lambda {
    Fixed(f64),
    Fitted(LambdaSearch),
}

/// The points of date `d` that enter a fit, as (τ, price) in scratch buffers.
pub(crate) fn points_of(panel: &CurvePanel, d: usize, opts: &FitOptions, tau: &mut Vec<f64>, y: &mut Vec<f64>) {
    tau.clear();
    y.clear();
    let take = if opts.max_tenors == 0 { usize::MAX } else { opts.max_tenors };
    for p in panel.curve(d).iter().filter(|p| p.tau >= opts.min_tau).take(take) {
        tau.push(p.tau as f64);
        y.push(p.price);
    }
}

pub fn fit_panel(panel: &CurvePanel, lambda: Lambda, opts: &FitOptions) -> NsPanelFit {
    let t = panel.n_dates();
    let mut out = NsPanelFit {
        beta: vec![f64::NAN; t * 3],
        lambda: vec![f64::NAN; t],
        rmse: vec![f64::NAN; t],
        n_points: vec![0; t],
        status: vec![FitStatus::NoData as u8; t],
        warnings: Vec::new(),
    };
    // λ fixed: loadings depend on the integer τ only, so tabulate them once.
    let table: Vec<(f64, f64)> = match lambda {
        Lambda::Fixed(l) => (0..=panel.max_tau()).map(|tau| loadings(l * tau as f64)).collect(),
        Lambda::Fitted(_) => Vec::new(),
    };
    let (mut tau, mut y) = (Vec::new(), Vec::new());
    for d in 0..t {
        points_of(panel, d, opts, &mut tau, &mut y);
        let fit = match lambda {
            Lambda::Fixed(l) => fit_fixed_tabulated(&tau, &y, l, &table),
            Lambda::Fitted(search) => fit_lambda_points(&tau, &y, &search),
        };
        out.beta[d * 3..d * 3 + 3].copy_from_slice(&fit.beta);
        out.lambda[d] = fit.lambda;
        out.rmse[d] = fit.rmse;
        out.n_points[d] = fit.n as u32;
        out.status[d] = fit.status as u8;
    }
    let need = if matches!(lambda, Lambda::Fitted(_)) { 4 } else { 3 };
    out.warnings = status_warnings(&out.status, need);
    out
}

/// `fit_fixed_points` with loadings looked up by integer τ.
fn fit_fixed_tabulated(tau: &[f64], y: &[f64], lambda: f64, table: &[(f64, f64)]) -> NsFit {
    let n = tau.len();
    if n == 0 {
        return NsFit::failed(FitStatus::NoData, lambda, 0);
    }
    if distinct_sorted(tau) < 3 {
        return NsFit::failed(FitStatus::TooFewPoints, lambda, n);
    }
    let mut normal = Normal::<3>::default();
    for (&t, &v) in tau.iter().zip(y) {
        let (f1, f2) = table[t as usize];
        normal.add(&[1.0, f1, f2], v);
    }
    let Some(beta) = normal.solve() else {
        return NsFit::failed(FitStatus::IllConditioned, lambda, n);
    };
    let ss: f64 = tau
        .iter()
        .zip(y)
        .map(|(&t, &v)| {
            let (f1, f2) = table[t as usize];
            (v - beta[0] - beta[1] * f1 - beta[2] * f2).powi(2)
        })
        .sum();
    NsFit { beta, lambda, rmse: (ss / n as f64).sqrt(), n, status: FitStatus::Ok }
}

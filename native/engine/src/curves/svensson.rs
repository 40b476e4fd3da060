//! Svensson (1994) curves per date: Nelson–Siegel plus a second hump,
//!
//! y(τ) = β0 + β1 f1(λ1τ) + β2 f2(λ1τ) + β3 f2(λ2τ)
//!
//! (f1, f2 as in [`super::ns`]). Betas by linear least squares (4 × 4 normal
//! equations); λ1, λ2 fixed or fitted per date (coarse log grid with
//! λ2 > λ1, then alternating Brent refinements of each).

use super::linalg::Normal;
use super::minimize::brent_min;
use super::ns::{distinct_sorted, loadings, loadings_from, points_of, Decay, FitOptions};
use super::panel::CurvePanel;
use super::status::{status_warnings, FitStatus};
use super::warnings::CurveWarning;

/// Default second decay: a hump near 60 days (the short end of a futures curve).
pub const DEFAULT_LAMBDA2: f64 = 0.03;

/// Grid pairs refined, and alternation rounds per start.
const STARTS: usize = 3;
const ROUNDS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SvFit {
    pub beta: [f64; 4],
    pub lambda: [f64; 2],
    pub rmse: f64,
    pub n: usize,
    pub status: FitStatus,
}

pub fn curve_at(beta: &[f64; 4], lambda: [f64; 2], tau: f64) -> f64 {
    let (f1, f2) = loadings(lambda[0] * tau);
    let (_, g2) = loadings(lambda[1] * tau);
    beta[0] + beta[1] * f1 + beta[2] * f2 + beta[3] * g2
}

fn normal_at(lambda: [f64; 2], tau: &[f64], y: &[f64]) -> Normal<4> {
    let mut n = Normal::<4>::default();
    let (mut p1, mut p2) = (Decay::new(lambda[0]), Decay::new(lambda[1]));
    for (&t, &v) in tau.iter().zip(y) {
        let (f1, f2) = loadings_from(lambda[0] * t, p1.at(t));
        let (_, g2) = loadings_from(lambda[1] * t, p2.at(t));
        n.add(&[1.0, f1, f2, g2], v);
    }
    n
}

fn failed(status: FitStatus, lambda: [f64; 2], n: usize) -> SvFit {
    SvFit { beta: [f64::NAN; 4], lambda, rmse: f64::NAN, n, status }
}

/// Betas for fixed λ1, λ2. Needs 4 distinct τ.
pub fn fit_fixed_points(tau: &[f64], y: &[f64], lambda: [f64; 2]) -> SvFit {
    let n = tau.len();
    if n == 0 {
        return failed(FitStatus::NoData, lambda, 0);
    }
    if distinct_sorted(tau) < 4 {
        return failed(FitStatus::TooFewPoints, lambda, n);
    }
    let Some(beta) = normal_at(lambda, tau, y).solve() else {
        return failed(FitStatus::IllConditioned, lambda, n);
    };
    let ss: f64 = tau.iter().zip(y).map(|(&t, &v)| (v - curve_at(&beta, lambda, t)).powi(2)).sum();
    SvFit { beta, lambda, rmse: (ss / n as f64).sqrt(), n, status: FitStatus::Ok }
}

/// Bounds of the λ search (both λ within [min, max], λ2 > λ1).
#[derive(Debug, Clone, Copy)]
pub struct SvSearch {
    pub min: f64,
    pub max: f64,
    pub grid: usize,
    pub tol: f64,
}

impl Default for SvSearch {
    fn default() -> Self {
        SvSearch { min: 0.0005, max: 0.1, grid: 12, tol: 1e-3 }
    }
}

/// Fit betas and both λ. Needs 6 distinct τ.
pub fn fit_lambda_points(tau: &[f64], y: &[f64], search: &SvSearch) -> SvFit {
    let n = tau.len();
    if n == 0 {
        return failed(FitStatus::NoData, [f64::NAN; 2], 0);
    }
    if distinct_sorted(tau) < 6 {
        return failed(FitStatus::TooFewPoints, [f64::NAN; 2], n);
    }
    // Search on the demeaned prices (the level absorbs the shift): y'y − β'X'y
    // then cancels far less, so RSS differences near the optimum stay visible.
    let mean = y.iter().sum::<f64>() / n as f64;
    let yc: Vec<f64> = y.iter().map(|v| v - mean).collect();
    let rss = |l1: f64, l2: f64| {
        let normal = normal_at([l1.exp(), l2.exp()], tau, &yc);
        normal.solve().map_or(f64::INFINITY, |b| normal.rss_at(&b))
    };
    let (lo, hi) = (search.min.ln(), search.max.ln());
    let g = search.grid.max(3);
    let step = (hi - lo) / (g - 1) as f64;
    let mut grid = Vec::with_capacity(g * (g - 1) / 2);
    for i in 0..g {
        for j in i + 1..g {
            let (a, b) = (lo + step * i as f64, lo + step * j as f64);
            grid.push((a, b, rss(a, b)));
        }
    }
    grid.sort_by(|x, y| x.2.total_cmp(&y.2));
    if !grid.first().is_some_and(|b| b.2.is_finite()) {
        return failed(FitStatus::IllConditioned, [f64::NAN; 2], n);
    }
    // The surface has several basins: refine the best few grid pairs by
    // alternating 1-D Brent searches (λ1 < λ2 kept), keep the best result.
    let mut best = grid[0];
    for &(mut l1, mut l2, mut r) in grid.iter().take(STARTS) {
        for _ in 0..ROUNDS {
            let (x, fx, _) = brent_min(|x| rss(x, l2), (l1 - step).max(lo), (l1 + step).min(l2 - 1e-3), search.tol, 40);
            if fx < r {
                (l1, r) = (x, fx);
            }
            let (x, fx, _) = brent_min(|x| rss(l1, x), (l2 - step).max(l1 + 1e-3), (l2 + step).min(hi), search.tol, 40);
            if fx < r {
                (l2, r) = (x, fx);
            }
        }
        if r < best.2 {
            best = (l1, l2, r);
        }
    }
    let (l1, l2, _) = best;
    fit_fixed_points(tau, y, [l1.exp(), l2.exp()])
}

#[derive(Debug, Clone)]
pub struct SvPanelFit {
    /// Dates × 4 betas, date-major.
    pub beta: Vec<f64>,
    /// Dates × 2 (λ1, λ2).
    pub lambda: Vec<f64>,
    pub rmse: Vec<f64>,
    pub n_points: Vec<u32>,
    pub status: Vec<u8>,
    pub warnings: Vec<CurveWarning>,
}

/// Svensson per date; `fixed` = Some([λ1, λ2]) or None to fit them.
pub fn fit_panel(panel: &CurvePanel, fixed: Option<[f64; 2]>, search: &SvSearch, opts: &FitOptions) -> SvPanelFit {
    let t = panel.n_dates();
    let mut out = SvPanelFit {
        beta: vec![f64::NAN; t * 4],
        lambda: vec![f64::NAN; t * 2],
        rmse: vec![f64::NAN; t],
        n_points: vec![0; t],
        status: vec![FitStatus::NoData as u8; t],
        warnings: Vec::new(),
    };
    let (mut tau, mut y) = (Vec::new(), Vec::new());
    for d in 0..t {
        points_of(panel, d, opts, &mut tau, &mut y);
        let fit = match fixed {
            Some(l) => fit_fixed_points(&tau, &y, l),
            None => fit_lambda_points(&tau, &y, search),
        };
        out.beta[d * 4..d * 4 + 4].copy_from_slice(&fit.beta);
        out.lambda[d * 2..d * 2 + 2].copy_from_slice(&fit.lambda);
        out.rmse[d] = fit.rmse;
        out.n_points[d] = fit.n as u32;
        out.status[d] = fit.status as u8;
    }
    out.warnings = status_warnings(&out.status, if fixed.is_some() { 4 } else { 6 });
    out
}

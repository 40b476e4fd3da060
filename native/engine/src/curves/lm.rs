//! The benchmark baseline: a plain, generic Levenberg–Marquardt solver
//! (finite-difference Jacobian, Marquardt's diagonal damping, as in the
//! textbook / MINPACK-style `curve_fit` defaults) applied per date to all
//! four Nelson–Siegel parameters (β0, β1, β2, λ). No closed-form inner solve,
//! no tabulation: what a straightforward implementation does.

use super::ns::{curve_at, NsFit};
use super::status::FitStatus;

/// Minimise Σ r_i(p)² for a model `f(p, i)` of `n` observations `y`.
/// Returns (parameters, sum of squares, converged).
pub fn levenberg_marquardt<const P: usize>(
    f: impl Fn(&[f64; P], usize) -> f64,
    y: &[f64],
    start: [f64; P],
    max_iter: usize,
) -> ([f64; P], f64, bool) {
    let n = y.len();
    let ss = |p: &[f64; P]| (0..n).map(|i| (y[i] - f(p, i)).powi(2)).sum::<f64>();
    let mut p = start;
    let mut cost = ss(&p);
    let mut mu = 1e-3;
    let mut jac = vec![[0.0; P]; n];
    let mut r = vec![0.0; n];
    for _ in 0..max_iter {
        // Residuals and forward-difference Jacobian of the model.
        for i in 0..n {
            r[i] = y[i] - f(&p, i);
        }
        for k in 0..P {
            // Step √ε relative to the parameter, with a floor so a zero start moves.
            let h = 1.5e-8 * p[k].abs().max(1e-2);
            let mut q = p;
            q[k] += h;
            for i in 0..n {
                jac[i][k] = (f(&q, i) - (y[i] - r[i])) / h;
            }
        }
        let mut a = [[0.0; P]; P];
        let mut g = [0.0; P];
        for i in 0..n {
            for j in 0..P {
                g[j] += jac[i][j] * r[i];
                for k in 0..P {
                    a[j][k] += jac[i][j] * jac[i][k];
                }
            }
        }
        let mut improved = false;
        for _ in 0..30 {
            let mut damped = a;
            for (j, row) in damped.iter_mut().enumerate() {
                row[j] += mu * a[j][j].max(1e-12);
            }
            let Some(step) = gauss_solve(damped, g) else {
                mu *= 10.0;
                continue;
            };
            let mut q = p;
            for k in 0..P {
                q[k] += step[k];
            }
            let c = ss(&q);
            if c.is_finite() && c < cost {
                let rel = (cost - c) / cost.max(1e-300);
                p = q;
                cost = c;
                mu = (mu / 10.0).max(1e-12);
                improved = true;
                if rel < 1e-12 {
                    return (p, cost, true);
                }
                break;
            }
            mu *= 10.0;
        }
        if !improved {
            return (p, cost, true);
        }
    }
    (p, cost, false)
}

/// Gaussian elimination with partial pivoting.
fn gauss_solve<const P: usize>(mut a: [[f64; P]; P], mut b: [f64; P]) -> Option<[f64; P]> {
    for c in 0..P {
        let piv = (c..P).max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))?;
        if a[piv][c].abs() < 1e-300 {
            return None;
        }
        a.swap(c, piv);
        b.swap(c, piv);
        for r in c + 1..P {
            let m = a[r][c] / a[c][c];
            let pivot_row = a[c];
            for (x, p) in a[r][c..].iter_mut().zip(&pivot_row[c..]) {
                *x -= m * p;
            }
            b[r] -= m * b[c];
        }
    }
    let mut x = [0.0; P];
    for i in (0..P).rev() {
        let s: f64 = (i + 1..P).map(|k| a[i][k] * x[k]).sum();
        x[i] = (b[i] - s) / a[i][i];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

/// NS on all four parameters by LM, started from the usual guesses (level
/// from the last point, slope from front minus last, no curvature, λ0).
pub fn fit_ns_lm_points(tau: &[f64], y: &[f64], lambda0: f64) -> NsFit {
    let n = tau.len();
    if n < 4 {
        return NsFit { beta: [f64::NAN; 3], lambda: f64::NAN, rmse: f64::NAN, n, status: FitStatus::TooFewPoints };
    }
    let start = [y[n - 1], y[0] - y[n - 1], 0.0, lambda0];
    let model = |p: &[f64; 4], i: usize| curve_at(&[p[0], p[1], p[2]], p[3].abs(), tau[i]);
    let (p, cost, converged) = levenberg_marquardt(model, y, start, 200);
    let status = if converged { FitStatus::Ok } else { FitStatus::NotConverged };
    NsFit { beta: [p[0], p[1], p[2]], lambda: p[3].abs(), rmse: (cost / n as f64).sqrt(), n, status }
}

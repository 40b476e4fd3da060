//! Nelson–Siegel, Svensson, the LM baseline and PCA on synthetic curves with
//! known parameters.

mod common;

use alphadesk_engine::curves::lm::fit_ns_lm_points;
use alphadesk_engine::curves::ns::{self, LambdaSearch};
use alphadesk_engine::curves::pca::pca_of_changes;
use alphadesk_engine::curves::svensson::{self, SvSearch};
use alphadesk_engine::curves::FitStatus;
use common::Rng;

/// 36 monthly contracts from 5 to 1,055 days (a CL-like chain).
fn taus() -> Vec<f64> {
    (0..36).map(|k| 5.0 + 30.0 * k as f64).collect()
}

fn ns_curve(beta: [f64; 3], lambda: f64, noise: f64, rng: &mut Rng) -> Vec<f64> {
    taus().iter().map(|&t| ns::curve_at(&beta, lambda, t) + noise * rng.normal()).collect()
}

#[test]
fn ns_fixed_lambda_recovers_betas_exactly_without_noise() {
    let mut rng = Rng::new(1);
    let beta = [60.0, -12.0, 8.0];
    let y = ns_curve(beta, ns::DEFAULT_LAMBDA, 0.0, &mut rng);
    let fit = ns::fit_fixed_points(&taus(), &y, ns::DEFAULT_LAMBDA);
    assert_eq!(fit.status, FitStatus::Ok);
    for (got, want) in fit.beta.iter().zip(beta) {
        assert!((got - want).abs() < 1e-8, "{:?}", fit.beta);
    }
    assert!(fit.rmse < 1e-9);
}

/// Noise per curve: σ = 0.01 on a $60 curve, 0.05 on $20, 0.002 on $3.
/// Tolerances are about twice the worst error over 200 seeds (measured):
/// β0, β1 within 0.3, β2 within 1.0 (curvature and slope loadings are
/// strongly correlated over a 3-year chain), λ within 20 %, RMSE within 30 %
/// of σ.
#[test]
fn ns_fitted_lambda_recovers_parameters_with_noise() {
    let mut rng = Rng::new(2);
    for (beta, lambda, sigma) in
        [([60.0, -12.0, 8.0], 0.004, 0.01), ([20.0, 5.0, -6.0], 0.012, 0.05), ([3.0, -0.8, 1.5], 0.0025, 0.002)]
    {
        let y = ns_curve(beta, lambda, sigma, &mut rng);
        let fit = ns::fit_lambda_points(&taus(), &y, &LambdaSearch::default());
        assert_eq!(fit.status, FitStatus::Ok);
        assert!((fit.lambda / lambda - 1.0).abs() < 0.2, "λ {} vs {lambda}", fit.lambda);
        for (k, tol) in [0.3, 0.3, 1.0].into_iter().enumerate() {
            assert!((fit.beta[k] - beta[k]).abs() < tol, "β{k} {:?} vs {beta:?}", fit.beta);
        }
        assert!((fit.rmse / sigma - 1.0).abs() < 0.3, "rmse {}", fit.rmse);
    }
}

#[test]
fn fitted_lambda_beats_fixed_lambda_on_rmse() {
    let mut rng = Rng::new(3);
    let y = ns_curve([50.0, -8.0, 10.0], 0.015, 0.02, &mut rng);
    let fixed = ns::fit_fixed_points(&taus(), &y, ns::DEFAULT_LAMBDA);
    let fitted = ns::fit_lambda_points(&taus(), &y, &LambdaSearch::default());
    assert!(fitted.rmse < fixed.rmse * 0.5, "fitted {} fixed {}", fitted.rmse, fixed.rmse);
    // And never worse, even when λ fixed is the truth.
    let y = ns_curve([50.0, -8.0, 10.0], ns::DEFAULT_LAMBDA, 0.02, &mut rng);
    let fixed = ns::fit_fixed_points(&taus(), &y, ns::DEFAULT_LAMBDA);
    let fitted = ns::fit_lambda_points(&taus(), &y, &LambdaSearch::default());
    assert!(fitted.rmse <= fixed.rmse + 1e-12);
}

#[test]
fn lm_baseline_reaches_the_same_fit_on_a_clean_curve() {
    let mut rng = Rng::new(4);
    let y = ns_curve([60.0, -12.0, 8.0], 0.004, 0.01, &mut rng);
    let fitted = ns::fit_lambda_points(&taus(), &y, &LambdaSearch::default());
    let lm = fit_ns_lm_points(&taus(), &y, ns::DEFAULT_LAMBDA);
    assert!(lm.status.has_fit());
    assert!(
        lm.rmse <= fitted.rmse * 1.05 + 1e-9 && fitted.rmse <= lm.rmse * 1.05 + 1e-9,
        "lm {} fitted {}",
        lm.rmse,
        fitted.rmse
    );
}

#[test]
fn svensson_recovers_parameters() {
    let mut rng = Rng::new(5);
    let (beta, lambda) = ([40.0, -6.0, 5.0, -3.0], [0.004, 0.04]);
    let clean: Vec<f64> = taus().iter().map(|&t| svensson::curve_at(&beta, lambda, t)).collect();
    let fit = svensson::fit_fixed_points(&taus(), &clean, lambda);
    for (got, want) in fit.beta.iter().zip(beta) {
        assert!((got - want).abs() < 1e-7, "{:?}", fit.beta);
    }
    // With noise σ = 0.01 and both λ fitted: RMSE near σ, curve within 3σ of the truth everywhere.
    let sigma = 0.01;
    let y: Vec<f64> = clean.iter().map(|v| v + sigma * rng.normal()).collect();
    let fit = svensson::fit_lambda_points(&taus(), &y, &SvSearch::default());
    assert_eq!(fit.status, FitStatus::Ok);
    assert!(fit.rmse < sigma * 1.3, "rmse {}", fit.rmse);
    for (&t, &c) in taus().iter().zip(&clean) {
        assert!((svensson::curve_at(&fit.beta, fit.lambda, t) - c).abs() < 3.0 * sigma, "τ {t}");
    }
    assert!((fit.lambda[0] / lambda[0] - 1.0).abs() < 0.25 && (fit.lambda[1] / lambda[1] - 1.0).abs() < 0.25, "{:?}", fit.lambda);
}

#[test]
fn degenerate_inputs_give_statuses_not_garbage() {
    let t = [10.0, 40.0];
    assert_eq!(ns::fit_fixed_points(&t, &[1.0, 2.0], 0.005).status, FitStatus::TooFewPoints);
    assert_eq!(ns::fit_fixed_points(&[], &[], 0.005).status, FitStatus::NoData);
    // Duplicate τ: three points but two distinct τ.
    let f = ns::fit_fixed_points(&[10.0, 40.0, 40.0], &[1.0, 2.0, 2.1], 0.005);
    assert_eq!(f.status, FitStatus::TooFewPoints);
    assert!(f.beta.iter().all(|b| b.is_nan()));
    // λ fitted needs a 4th distinct τ.
    let f = ns::fit_lambda_points(&[10.0, 40.0, 70.0], &[1.0, 2.0, 2.5], &LambdaSearch::default());
    assert_eq!(f.status, FitStatus::TooFewPoints);
    assert_eq!(svensson::fit_fixed_points(&[10.0, 40.0, 70.0], &[1.0, 2.0, 2.5], [0.005, 0.05]).status, FitStatus::TooFewPoints);
    // A huge λ makes f1 and f2 vanish past the first day: singular, said so.
    let f = ns::fit_fixed_points(&[100.0, 200.0, 300.0, 400.0], &[1.0, 2.0, 3.0, 4.0], 50.0);
    assert_eq!(f.status, FitStatus::IllConditioned);
}

/// Changes = level shocks (σ 1.0) + slope shocks (σ 0.3, linear in maturity)
/// + tiny noise: PC1 ∝ (1,…,1) explains most, PC2 ∝ the slope vector.
#[test]
fn pca_finds_level_and_slope_shocks() {
    let mut rng = Rng::new(6);
    let m = 6;
    let slope: Vec<f64> = (0..m).map(|j| j as f64 - 2.5).collect();
    let mut levels = vec![0.0; 2000 * m];
    for d in 1..2000 {
        let (l, s) = (rng.normal(), 0.3 * rng.normal());
        for j in 0..m {
            levels[d * m + j] = levels[(d - 1) * m + j] + l + s * slope[j] + 0.01 * rng.normal();
        }
    }
    levels[500 * m + 2] = f64::NAN; // two changes lost
    let p = pca_of_changes(&levels, m).unwrap();
    assert_eq!(p.n_obs, 1999 - 2);
    let norm = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>().sqrt();
    let cos = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>() / (norm(a) * norm(b));
    assert!(cos(&p.loadings[0..m], &vec![1.0; m]) > 0.999, "{:?}", &p.loadings[0..m]);
    assert!(cos(&p.loadings[m..2 * m], &slope) > 0.999, "{:?}", &p.loadings[m..2 * m]);
    // Level variance m·1 vs slope variance 0.09·Σslope² = 0.09·17.5: shares ≈ 0.79 / 0.21.
    assert!((p.explained[0] - 6.0 / (6.0 + 0.09 * 17.5)).abs() < 0.03, "{:?}", p.explained);
    assert!(p.explained[0] + p.explained[1] > 0.999);
    assert!(p.scores[500 * m].is_nan() && p.scores[501 * m].is_nan() && p.scores[502 * m].is_finite());
    assert!(pca_of_changes(&levels[..3 * m], m).is_err());
}

//! Principal components of daily curve changes on constant-maturity points.
//! Changes are taken between consecutive panel dates where every point is
//! present on both; covariance of the (demeaned) changes, eigen-decomposed by
//! Jacobi. Sign convention: component 1 has non-negative loading sum (a
//! parallel rise is positive); the others have last ≥ first loading (the long
//! end up is positive), so results are stable across runs.

use super::linalg::symmetric_eigen;
use crate::error::{EngineError, Result};

#[derive(Debug, Clone)]
pub struct Pca {
    /// Points (columns) per date.
    pub m: usize,
    /// Eigenvalues (variance of each component's score), descending.
    pub eigenvalues: Vec<f64>,
    /// Share of total variance per component (sums to 1).
    pub explained: Vec<f64>,
    /// Components × points, row-major.
    pub loadings: Vec<f64>,
    /// Dates × components, date-major; NaN on dates without a full change.
    pub scores: Vec<f64>,
    /// Mean daily change per point.
    pub mean: Vec<f64>,
    /// Number of daily changes used.
    pub n_obs: usize,
}

/// PCA of the daily changes of `levels` (dates × m, date-major).
pub fn pca_of_changes(levels: &[f64], m: usize) -> Result<Pca> {
    if m == 0 || !levels.len().is_multiple_of(m) {
        return Err(EngineError::invalid(format!("levels: {} values is not a whole number of rows of {m} points", levels.len())));
    }
    let t = levels.len() / m;
    let mut changes: Vec<(usize, Vec<f64>)> = Vec::new();
    for d in 1..t {
        let (prev, cur) = (&levels[(d - 1) * m..d * m], &levels[d * m..(d + 1) * m]);
        if prev.iter().chain(cur).all(|v| v.is_finite()) {
            changes.push((d, cur.iter().zip(prev).map(|(a, b)| a - b).collect()));
        }
    }
    let n = changes.len();
    if n < m + 1 {
        return Err(EngineError::invalid(format!(
            "PCA needs more complete daily changes than points: {n} changes for {m} points (pick fewer or shorter maturities)"
        )));
    }
    let mut mean = vec![0.0; m];
    for (_, c) in &changes {
        for (a, v) in mean.iter_mut().zip(c) {
            *a += v / n as f64;
        }
    }
    let mut cov = vec![0.0; m * m];
    for (_, c) in &changes {
        for i in 0..m {
            for j in 0..=i {
                cov[i * m + j] += (c[i] - mean[i]) * (c[j] - mean[j]);
            }
        }
    }
    for i in 0..m {
        for j in 0..=i {
            let v = cov[i * m + j] / (n - 1) as f64;
            cov[i * m + j] = v;
            cov[j * m + i] = v;
        }
    }
    let (eigenvalues, mut loadings) = symmetric_eigen(&cov, m);
    for c in 0..m {
        let row = &mut loadings[c * m..(c + 1) * m];
        let flip = if c == 0 { row.iter().sum::<f64>() < 0.0 } else { row[m - 1] < row[0] };
        if flip {
            row.iter_mut().for_each(|v| *v = -*v);
        }
    }
    let total: f64 = eigenvalues.iter().map(|v| v.max(0.0)).sum();
    let explained = eigenvalues.iter().map(|v| if total > 0.0 { v.max(0.0) / total } else { f64::NAN }).collect();
    let mut scores = vec![f64::NAN; t * m];
    for (d, c) in &changes {
        for k in 0..m {
            scores[d * m + k] = (0..m).map(|j| (c[j] - mean[j]) * loadings[k * m + j]).sum();
        }
    }
    Ok(Pca { m, eigenvalues, explained, loadings, scores, mean, n_obs: n })
}

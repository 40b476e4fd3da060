//! Small dense linear algebra for the fits: normal equations of a P-column
//! least-squares problem solved by Cholesky, and the cyclic Jacobi
//! eigen-solver for symmetric matrices (PCA).

/// Accumulated normal equations X'X β = X'y of a P-parameter linear model.
#[derive(Debug, Clone, Copy)]
pub struct Normal<const P: usize> {
    a: [[f64; P]; P],
    b: [f64; P],
    yy: f64,
}

/// A pivot smaller than this fraction of its diagonal means the columns are
/// (numerically) dependent: report singular rather than return noise.
const PIVOT_TOL: f64 = 1e-11;

impl<const P: usize> Default for Normal<P> {
    fn default() -> Self {
        Normal { a: [[0.0; P]; P], b: [0.0; P], yy: 0.0 }
    }
}

impl<const P: usize> Normal<P> {
    #[inline]
    pub fn add(&mut self, x: &[f64; P], y: f64) {
        for i in 0..P {
            for j in 0..=i {
                self.a[i][j] += x[i] * x[j];
            }
            self.b[i] += x[i] * y;
        }
        self.yy += y * y;
    }

    /// β, or None when X'X is singular.
    pub fn solve(&self) -> Option<[f64; P]> {
        // Cholesky L L' = A (lower triangle of `a` is what `add` filled).
        let mut l = [[0.0; P]; P];
        for i in 0..P {
            for j in 0..=i {
                let s = self.a[i][j] - (0..j).map(|k| l[i][k] * l[j][k]).sum::<f64>();
                if i == j {
                    // NaN-safe: a NaN pivot fails `>` as well.
                    let positive = s > PIVOT_TOL * self.a[i][i];
                    if !positive || !s.is_finite() {
                        return None;
                    }
                    l[i][i] = s.sqrt();
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        let mut z = [0.0; P];
        for i in 0..P {
            let mut s = self.b[i];
            for k in 0..i {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        let mut beta = [0.0; P];
        for i in (0..P).rev() {
            let mut s = z[i];
            for k in i + 1..P {
                s -= l[k][i] * beta[k];
            }
            beta[i] = s / l[i][i];
        }
        Some(beta)
    }

    /// Residual sum of squares y'y − β'X'y at the least-squares β (clamped at 0).
    pub fn rss_at(&self, beta: &[f64; P]) -> f64 {
        let fit: f64 = beta.iter().zip(&self.b).map(|(b, xy)| b * xy).sum();
        (self.yy - fit).max(0.0)
    }
}

/// Eigen-decomposition of a symmetric `m × m` matrix (row-major) by cyclic
/// Jacobi rotations. Returns eigenvalues in descending order and the
/// eigenvectors as rows (`vectors[c * m + j]` = component c, coordinate j).
pub fn symmetric_eigen(matrix: &[f64], m: usize) -> (Vec<f64>, Vec<f64>) {
    let mut a = matrix.to_vec();
    let mut v = vec![0.0; m * m];
    for i in 0..m {
        v[i * m + i] = 1.0;
    }
    let norm: f64 = a.iter().map(|x| x * x).sum::<f64>().sqrt();
    for _sweep in 0..100 {
        let off: f64 =
            (0..m).flat_map(|i| (0..m).filter(move |&j| j != i).map(move |j| (i, j))).map(|(i, j)| a[i * m + j].powi(2)).sum();
        if off.sqrt() <= 1e-15 * norm.max(f64::MIN_POSITIVE) {
            break;
        }
        for p in 0..m {
            for q in p + 1..m {
                let apq = a[p * m + q];
                if apq == 0.0 {
                    continue;
                }
                let (app, aqq) = (a[p * m + p], a[q * m + q]);
                let theta = (aqq - app) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..m {
                    let (akp, akq) = (a[k * m + p], a[k * m + q]);
                    a[k * m + p] = c * akp - s * akq;
                    a[k * m + q] = s * akp + c * akq;
                }
                for k in 0..m {
                    let (apk, aqk) = (a[p * m + k], a[q * m + k]);
                    a[p * m + k] = c * apk - s * aqk;
                    a[q * m + k] = s * apk + c * aqk;
                }
                for k in 0..m {
                    let (vkp, vkq) = (v[k * m + p], v[k * m + q]);
                    v[k * m + p] = c * vkp - s * vkq;
                    v[k * m + q] = s * vkp + c * vkq;
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&i, &j| a[j * m + j].total_cmp(&a[i * m + i]));
    let values = order.iter().map(|&i| a[i * m + i]).collect();
    let mut vectors = vec![0.0; m * m];
    for (c, &i) in order.iter().enumerate() {
        for k in 0..m {
            vectors[c * m + k] = v[k * m + i];
        }
    }
    (values, vectors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_a_line_exactly_and_flags_dependent_columns() {
        let mut n = Normal::<2>::default();
        for x in [1.0, 2.0, 3.0, 4.0] {
            n.add(&[1.0, x], 3.0 + 2.0 * x);
        }
        let b = n.solve().unwrap();
        assert!((b[0] - 3.0).abs() < 1e-12 && (b[1] - 2.0).abs() < 1e-12);
        assert!(n.rss_at(&b) < 1e-18);
        let mut s = Normal::<2>::default();
        for x in [1.0, 2.0] {
            s.add(&[x, 2.0 * x], x);
        }
        assert!(s.solve().is_none());
    }

    #[test]
    fn jacobi_eigen_of_a_known_matrix() {
        // [[2,1],[1,2]] -> 3 (1,1)/√2, 1 (1,-1)/√2
        let (vals, vecs) = symmetric_eigen(&[2.0, 1.0, 1.0, 2.0], 2);
        assert!((vals[0] - 3.0).abs() < 1e-12 && (vals[1] - 1.0).abs() < 1e-12);
        assert!((vecs[0].abs() - 0.5f64.sqrt()).abs() < 1e-12 && (vecs[0] - vecs[1]).abs() < 1e-12);
        // a 4x4 diagonal-dominant matrix: A v = λ v for each pair
        let a = [4.0, 1.0, 0.5, 0.2, 1.0, 3.0, 0.3, 0.1, 0.5, 0.3, 2.0, 0.4, 0.2, 0.1, 0.4, 1.0];
        let (vals, vecs) = symmetric_eigen(&a, 4);
        for c in 0..4 {
            for i in 0..4 {
                let av: f64 = (0..4).map(|j| a[i * 4 + j] * vecs[c * 4 + j]).sum();
                assert!((av - vals[c] * vecs[c * 4 + i]).abs() < 1e-10);
            }
        }
        assert!(vals.windows(2).all(|w| w[0] >= w[1]));
    }
}

//! Brent's method for a 1-D minimum in a bracket (golden section with
//! parabolic steps), as in Brent (1973), "Algorithms for Minimization
//! without Derivatives", ch. 5.

/// Minimise `f` on `[a, b]` to absolute tolerance `tol` in x. Returns
/// (x, f(x), evaluations). At most `max_evals` evaluations.
pub fn brent_min(mut f: impl FnMut(f64) -> f64, a: f64, b: f64, tol: f64, max_evals: usize) -> (f64, f64, usize) {
    const GOLD: f64 = 0.381_966_011_250_105_1; // (3 − √5) / 2
    let (mut a, mut b) = if a < b { (a, b) } else { (b, a) };
    let mut x = a + GOLD * (b - a);
    let (mut w, mut v) = (x, x);
    let mut fx = f(x);
    let (mut fw, mut fv) = (fx, fx);
    let mut evals = 1;
    let (mut d, mut e) = (0.0f64, 0.0f64);
    while evals < max_evals {
        let m = 0.5 * (a + b);
        let tol1 = tol + 1e-10 * x.abs();
        let tol2 = 2.0 * tol1;
        if (x - m).abs() <= tol2 - 0.5 * (b - a) {
            break;
        }
        let mut golden = true;
        if e.abs() > tol1 {
            // Parabola through x, w, v.
            let r = (x - w) * (fx - fv);
            let mut q = (x - v) * (fx - fw);
            let mut p = (x - v) * q - (x - w) * r;
            q = 2.0 * (q - r);
            if q > 0.0 {
                p = -p;
            }
            q = q.abs();
            if p.abs() < (0.5 * q * e).abs() && p > q * (a - x) && p < q * (b - x) {
                e = d;
                d = p / q;
                let u = x + d;
                if u - a < tol2 || b - u < tol2 {
                    d = if m >= x { tol1 } else { -tol1 };
                }
                golden = false;
            }
        }
        if golden {
            e = if x >= m { a - x } else { b - x };
            d = GOLD * e;
        }
        let u = if d.abs() >= tol1 { x + d } else { x + tol1.copysign(d) };
        let fu = f(u);
        evals += 1;
        if fu <= fx {
            if u >= x {
                a = x;
            } else {
                b = x;
            }
            (v, fv, w, fw, x, fx) = (w, fw, x, fx, u, fu);
        } else {
            if u < x {
                a = u;
            } else {
                b = u;
            }
            if fu <= fw || w == x {
                (v, fv, w, fw) = (w, fw, u, fu);
            } else if fu <= fv || v == x || v == w {
                (v, fv) = (u, fu);
            }
        }
    }
    (x, fx, evals)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_minimum_of_a_parabola_and_a_non_smooth_function() {
        let (x, fx, n) = brent_min(|x| (x - 1.3).powi(2) + 2.0, 0.0, 5.0, 1e-8, 100);
        assert!((x - 1.3).abs() < 1e-6 && (fx - 2.0).abs() < 1e-10 && n < 20, "{x} {n}");
        let (x, _, _) = brent_min(|x| (x - 0.7).abs(), 0.0, 1.0, 1e-8, 200);
        assert!((x - 0.7).abs() < 1e-6);
    }
}

//! Elementwise nodes: unary functions, binary operators, `? :`.
//!
//! NaN rules: any NaN operand gives NaN (including comparisons, `&&`, `||`
//! and a NaN condition in `? :`). Booleans are 1.0 / 0.0. Arithmetic is
//! IEEE otherwise (`x / 0` is ±inf). `log(x)` is NaN for x <= 0.
//! `x ^ y` is `powf` (NaN for a negative base with a fractional exponent);
//! `signedpower(x, a) = sign(x) · |x|^a`.

//!
//! Every evaluator takes its output buffer (length `shape.cells()`, any
//! contents) from the caller's pool and overwrites all of it.

use super::{Operand, Shape};
use crate::eval::node::{BinKind, UnOp};
use crate::parallel::par_units;

#[inline]
fn truth(b: bool) -> f64 {
    if b {
        1.0
    } else {
        0.0
    }
}

#[inline]
pub fn unary_scalar(op: UnOp, x: f64) -> f64 {
    match op {
        UnOp::Neg => -x,
        UnOp::Abs => x.abs(),
        UnOp::Log => {
            if x > 0.0 {
                x.ln()
            } else {
                f64::NAN
            }
        }
        // ±1 from `signum` (NaN stays NaN), 0 for ±0; selects rather than
        // a chain of branches on the sign of returns, which is a coin flip.
        UnOp::Sign => {
            if x == 0.0 {
                0.0
            } else {
                x.signum()
            }
        }
    }
}

#[inline]
pub fn binary_scalar(op: BinKind, x: f64, y: f64) -> f64 {
    match op {
        BinKind::Add => x + y,
        BinKind::Sub => x - y,
        BinKind::Mul => x * y,
        BinKind::Div => x / y,
        _ if x.is_nan() || y.is_nan() => f64::NAN,
        BinKind::Pow => x.powf(y),
        BinKind::SignedPower => {
            if x == 0.0 {
                0.0
            } else {
                x.signum() * x.abs().powf(y)
            }
        }
        BinKind::Lt => truth(x < y),
        BinKind::Le => truth(x <= y),
        BinKind::Gt => truth(x > y),
        BinKind::Ge => truth(x >= y),
        BinKind::Eq => truth(x == y),
        BinKind::Ne => truth(x != y),
        BinKind::And => truth(x != 0.0 && y != 0.0),
        BinKind::Or => truth(x != 0.0 || y != 0.0),
        BinKind::Min => x.min(y),
        BinKind::Max => x.max(y),
    }
}

#[inline]
pub fn ternary_scalar(c: f64, a: f64, b: f64) -> f64 {
    if c.is_nan() {
        f64::NAN
    } else if c != 0.0 {
        a
    } else {
        b
    }
}

/// Loop specialised per operand shape so the closure inlines and vectorises.
#[inline]
fn map2(a: Operand<'_>, b: Operand<'_>, out: &mut [f64], f: impl Fn(f64, f64) -> f64) {
    match (a, b) {
        (Operand::Array(x), Operand::Array(y)) => {
            for ((o, &p), &q) in out.iter_mut().zip(x).zip(y) {
                *o = f(p, q);
            }
        }
        (Operand::Array(x), Operand::Scalar(q)) => {
            for (o, &p) in out.iter_mut().zip(x) {
                *o = f(p, q);
            }
        }
        (Operand::Scalar(p), Operand::Array(y)) => {
            for (o, &q) in out.iter_mut().zip(y) {
                *o = f(p, q);
            }
        }
        (Operand::Scalar(p), Operand::Scalar(q)) => out.iter_mut().for_each(|o| *o = f(p, q)),
    }
}

fn binary_chunk(op: BinKind, a: Operand<'_>, b: Operand<'_>, out: &mut [f64]) {
    match op {
        BinKind::Add => map2(a, b, out, |x, y| x + y),
        BinKind::Sub => map2(a, b, out, |x, y| x - y),
        BinKind::Mul => map2(a, b, out, |x, y| x * y),
        BinKind::Div => map2(a, b, out, |x, y| x / y),
        // Small integer powers (the paper's `^2`, `^5`, `signedpower(x, 2)`)
        // by repeated multiplication instead of the general `powf`.
        BinKind::Pow => match b {
            Operand::Scalar(y) if y.fract() == 0.0 && y.abs() <= 16.0 => {
                let k = y as i32;
                map2(a, b, out, move |x, _| if x.is_nan() { f64::NAN } else { x.powi(k) })
            }
            _ => map2(a, b, out, |x, y| binary_scalar(BinKind::Pow, x, y)),
        },
        BinKind::Lt => map2(a, b, out, |x, y| binary_scalar(BinKind::Lt, x, y)),
        BinKind::Gt => map2(a, b, out, |x, y| binary_scalar(BinKind::Gt, x, y)),
        other => map2(a, b, out, |x, y| binary_scalar(other, x, y)),
    }
}

/// One loop per operator (the operator matched once, not per value), so
/// the simple ones vectorise.
fn unary_chunk(op: UnOp, a: Operand<'_>, out: &mut [f64]) {
    fn map1(a: Operand<'_>, out: &mut [f64], f: impl Fn(f64) -> f64) {
        match a {
            Operand::Array(x) => {
                for (o, &v) in out.iter_mut().zip(x) {
                    *o = f(v);
                }
            }
            Operand::Scalar(v) => out.iter_mut().for_each(|o| *o = f(v)),
        }
    }
    match op {
        UnOp::Neg => map1(a, out, |x| unary_scalar(UnOp::Neg, x)),
        UnOp::Abs => map1(a, out, |x| unary_scalar(UnOp::Abs, x)),
        UnOp::Log => map1(a, out, |x| unary_scalar(UnOp::Log, x)),
        UnOp::Sign => map1(a, out, |x| unary_scalar(UnOp::Sign, x)),
    }
}

pub fn unary(op: UnOp, a: Operand<'_>, shape: Shape, mut out: Vec<f64>) -> Vec<f64> {
    par_units(&mut out, 1, shape.threads, |start, part| {
        let len = part.len();
        unary_chunk(op, a.slice(start, len), part);
    });
    out
}

pub fn binary(op: BinKind, a: Operand<'_>, b: Operand<'_>, shape: Shape, mut out: Vec<f64>) -> Vec<f64> {
    par_units(&mut out, 1, shape.threads, |start, part| {
        let len = part.len();
        binary_chunk(op, a.slice(start, len), b.slice(start, len), part);
    });
    out
}

pub fn ternary(c: Operand<'_>, a: Operand<'_>, b: Operand<'_>, shape: Shape, mut out: Vec<f64>) -> Vec<f64> {
    par_units(&mut out, 1, shape.threads, |start, part| {
        let len = part.len();
        let (c, a, b) = (c.slice(start, len), a.slice(start, len), b.slice(start, len));
        let get = |o: Operand<'_>, k: usize| match o {
            Operand::Scalar(v) => v,
            Operand::Array(x) => x[k],
        };
        for (k, o) in part.iter_mut().enumerate() {
            *o = ternary_scalar(get(c, k), get(a, k), get(b, k));
        }
    });
    out
}

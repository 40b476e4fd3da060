//! Normalized printing: canonical lowercase names, every binary/ternary
//! parenthesised, numbers in shortest round-trip form. Parsing the output
//! gives back an equal tree.

use super::ast::{Expr, ExprKind};

pub fn normalize(e: &Expr) -> String {
    let mut s = String::new();
    write(e, &mut s);
    s
}

fn number(v: f64, out: &mut String) {
    // Rust's Display for f64 is the shortest string that round-trips.
    out.push_str(&format!("{v}"));
}

fn write(e: &Expr, out: &mut String) {
    match &e.kind {
        ExprKind::Number(v) => number(*v, out),
        ExprKind::Field(f) => out.push_str(&f.name()),
        ExprKind::Group(g) => {
            out.push_str("IndClass.");
            out.push_str(g.name());
        }
        ExprKind::Neg(a) => {
            out.push('-');
            write(a, out);
        }
        ExprKind::Binary(op, a, b) => {
            out.push('(');
            write(a, out);
            out.push(' ');
            out.push_str(op.symbol());
            out.push(' ');
            write(b, out);
            out.push(')');
        }
        ExprKind::Ternary(c, a, b) => {
            out.push('(');
            write(c, out);
            out.push_str(" ? ");
            write(a, out);
            out.push_str(" : ");
            write(b, out);
            out.push(')');
        }
        ExprKind::Call(f, args) => {
            out.push_str(f.name());
            out.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(a, out);
            }
            out.push(')');
        }
    }
}

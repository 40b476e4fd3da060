//! The formula language of "101 Formulaic Alphas" (Kakushadze 2015):
//! lexer, parser, syntax tree, normalized printer, and editor support.

pub mod ast;
pub mod lexer;
pub mod parser;
pub mod printer;
pub mod suggest;

use std::collections::BTreeSet;

pub use ast::{BinOp, Expr, ExprKind, Field, Func, GroupLevel, Span};
pub use parser::{parse, MAX_DEPTH};
pub use printer::normalize;

/// What the editor needs about a formula that parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct FormulaInfo {
    pub normalized: String,
    /// Distinct inputs used, canonical names (`close`, `adv20`, `indclass.sector`).
    pub fields: Vec<String>,
    /// Distinct functions and operator symbols used (`rank`, `ts_rank`, `*`, `?:`).
    pub operators: Vec<String>,
}

/// Parse and describe a formula (used by the editor as the user types).
pub fn inspect(text: &str) -> Result<(Expr, FormulaInfo), crate::ParseError> {
    let expr = parse(text)?;
    let mut fields = BTreeSet::new();
    let mut ops = BTreeSet::new();
    expr.walk(&mut |e| match &e.kind {
        ExprKind::Field(f) => {
            fields.insert(f.name());
        }
        ExprKind::Group(g) => {
            fields.insert(format!("indclass.{}", g.name()));
        }
        ExprKind::Neg(_) => {
            ops.insert("-".to_string());
        }
        ExprKind::Binary(op, _, _) => {
            ops.insert(op.symbol().to_string());
        }
        ExprKind::Ternary(..) => {
            ops.insert("?:".to_string());
        }
        ExprKind::Call(f, _) => {
            ops.insert(f.name().to_string());
        }
        ExprKind::Number(_) => {}
    });
    let info =
        FormulaInfo { normalized: normalize(&expr), fields: fields.into_iter().collect(), operators: ops.into_iter().collect() };
    Ok((expr, info))
}

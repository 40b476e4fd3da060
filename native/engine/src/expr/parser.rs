//! Recursive-descent parser for the paper's formula language.
//!
//! Precedence, loosest first (C-like, as the paper's syntax implies):
//! `?:` (right-assoc) < `||` < `&&` < `== !=` < `< <= > >=` < `+ -` <
//! `* /` < unary `- +` < `^` (right-assoc, binds tighter than unary minus:
//! `-x^2` is `-(x^2)`) < call / literal / field / parentheses.

use super::ast::{BinOp, Expr, ExprKind, Field, Func, GroupLevel, Signature, Span};
use super::lexer::{lex, Tok, Token};
use super::suggest::nearest;
use crate::error::ParseError;

/// How deep a formula may nest: parentheses, calls, unary signs, `^` and `?:`
/// chains, and the height of the tree (so a long `a + b + ...` chain counts too).
/// Every pass over the tree (printer, lowering, walk, drop) recurses once per
/// level, so this bound is what keeps hostile input from overflowing the stack.
/// The deepest of the paper's 101 alphas nests about 15 levels.
pub const MAX_DEPTH: usize = 256;

/// Parse a formula into a syntax tree.
pub fn parse(text: &str) -> Result<Expr, ParseError> {
    let chars: Vec<char> = text.chars().collect();
    let tokens = lex(&chars).map_err(|e| make_error(&chars, e.offset, e.message, e.expected, None))?;
    let mut p = Parser { chars: &chars, tokens, pos: 0, depth: 0 };
    let expr = p.ternary()?;
    if let Some(bad) = misplaced_group(&expr, false) {
        return Err(p.error_at(
            bad.start,
            "IndClass.<level> is only valid as the second argument of indneutralize".into(),
            &[],
            None,
        ));
    }
    if p.peek() != &Tok::Eof {
        let t = p.tokens[p.pos].clone();
        return Err(p.error_at(t.span.start, format!("unexpected {}", t.tok.describe()), &["operator", "end of formula"], None));
    }
    Ok(expr)
}

/// Names the parser knows, for suggestions and editor completion.
pub const FIELD_NAMES: [&str; 11] =
    ["open", "high", "low", "close", "volume", "vwap", "returns", "cap", "adv20", "indclass.sector", "indclass.industry"];

fn field_candidates() -> impl Iterator<Item = &'static str> {
    FIELD_NAMES.iter().copied().chain(std::iter::once("indclass.subindustry"))
}

fn function_candidates() -> impl Iterator<Item = &'static str> {
    Func::ALL.iter().map(|f| f.name())
}

/// Resolve a (lowercased) function name. `min`/`max` are resolved later,
/// once their arguments are known.
fn lookup_function(name: &str) -> Option<Func> {
    Func::ALL.iter().copied().find(|f| f.name() == name)
}

fn lookup_field(name: &str) -> Option<ExprKind> {
    let k = match name {
        "open" => ExprKind::Field(Field::Open),
        "high" => ExprKind::Field(Field::High),
        "low" => ExprKind::Field(Field::Low),
        "close" => ExprKind::Field(Field::Close),
        "volume" => ExprKind::Field(Field::Volume),
        "vwap" => ExprKind::Field(Field::Vwap),
        "returns" => ExprKind::Field(Field::Returns),
        "cap" => ExprKind::Field(Field::Cap),
        "indclass.sector" => ExprKind::Group(GroupLevel::Sector),
        "indclass.industry" => ExprKind::Group(GroupLevel::Industry),
        "indclass.subindustry" => ExprKind::Group(GroupLevel::Subindustry),
        _ => {
            let rest = name.strip_prefix("adv")?;
            if rest.is_empty() || !rest.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            let d: f64 = rest.parse().ok()?;
            ExprKind::Field(Field::Adv(d))
        }
    };
    Some(k)
}

pub(crate) fn make_error(
    chars: &[char],
    offset: usize,
    message: String,
    expected: Vec<String>,
    suggestion: Option<String>,
) -> ParseError {
    let (mut line, mut column) = (1, 1);
    for &c in chars.iter().take(offset) {
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    let multiline = chars.contains(&'\n');
    let at = if multiline { format!("line {line}, column {column}") } else { format!("column {column}") };
    let mut full = format!("{message} at {at}");
    if let Some(s) = &suggestion {
        full.push_str(&format!("; did you mean '{s}'?"));
    } else if !expected.is_empty() {
        full.push_str(&format!("; expected {}", expected.join(" or ")));
    }
    ParseError { message: full, offset, line, column, expected, suggestion }
}

struct Parser<'a> {
    chars: &'a [char],
    tokens: Vec<Token>,
    pos: usize,
    /// Recursive rules entered and not yet left (see MAX_DEPTH).
    depth: usize,
}

const OPERAND: [&str; 5] = ["number", "field", "function call", "'('", "'-'"];

impl Parser<'_> {
    fn peek(&self) -> &Tok {
        &self.tokens[self.pos].tok
    }

    fn bump(&mut self) -> Token {
        let t = self.tokens[self.pos].clone();
        if self.pos + 1 < self.tokens.len() {
            self.pos += 1;
        }
        t
    }

    fn error_at(&self, offset: usize, message: String, expected: &[&str], suggestion: Option<String>) -> ParseError {
        make_error(self.chars, offset, message, expected.iter().map(|s| s.to_string()).collect(), suggestion)
    }

    fn expect(&mut self, tok: Tok, what: &[&str]) -> Result<Token, ParseError> {
        if *self.peek() == tok {
            Ok(self.bump())
        } else {
            let t = &self.tokens[self.pos];
            Err(self.error_at(t.span.start, format!("unexpected {}", t.tok.describe()), what, None))
        }
    }

    fn too_deep(&self, offset: usize) -> ParseError {
        self.error_at(offset, format!("formula nested too deeply (more than {MAX_DEPTH} levels)"), &[], None)
    }

    /// Runs a recursive rule one level deeper, refusing to go past MAX_DEPTH.
    fn nested(&mut self, rule: fn(&mut Self) -> Result<Expr, ParseError>) -> Result<Expr, ParseError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.too_deep(self.tokens[self.pos].span.start));
        }
        self.depth += 1;
        let result = rule(self);
        self.depth -= 1;
        result
    }

    /// A new node, refused (naming `at`, its operator) when its tree would be taller than MAX_DEPTH.
    fn node(&self, kind: ExprKind, span: Span, at: usize) -> Result<Expr, ParseError> {
        let e = Expr::new(kind, span);
        if e.height() as usize > MAX_DEPTH {
            return Err(self.too_deep(at));
        }
        Ok(e)
    }

    fn ternary(&mut self) -> Result<Expr, ParseError> {
        self.nested(Self::ternary_rule)
    }

    fn ternary_rule(&mut self) -> Result<Expr, ParseError> {
        let cond = self.binary_level(0)?;
        if *self.peek() != Tok::Question {
            return Ok(cond);
        }
        let at = self.bump().span.start;
        let a = self.ternary()?;
        self.expect(Tok::Colon, &["':'"])?;
        let b = self.ternary()?;
        let span = Span { start: cond.span.start, end: b.span.end };
        self.node(ExprKind::Ternary(Box::new(cond), Box::new(a), Box::new(b)), span, at)
    }

    /// Left-associative binary operators at `level` or tighter (precedence
    /// climbing: one frame per operand, not one per level, so nesting is cheap
    /// on the stack).
    fn binary_level(&mut self, level: usize) -> Result<Expr, ParseError> {
        const LEVELS: [&[(&str, BinOp)]; 6] = [
            &[("||", BinOp::Or)],
            &[("&&", BinOp::And)],
            &[("==", BinOp::Eq), ("!=", BinOp::Ne)],
            &[("<", BinOp::Lt), ("<=", BinOp::Le), (">", BinOp::Gt), (">=", BinOp::Ge)],
            &[("+", BinOp::Add), ("-", BinOp::Sub)],
            &[("*", BinOp::Mul), ("/", BinOp::Div)],
        ];
        // Only a sign or `^` goes one level deeper (see unary).
        let mut lhs = self.unary_rule()?;
        loop {
            let found = match self.peek() {
                Tok::Op(o) => LEVELS
                    .iter()
                    .enumerate()
                    .skip(level)
                    .find_map(|(l, ops)| ops.iter().find(|(s, _)| s == o).map(|(_, op)| (l, *op))),
                _ => None,
            };
            let Some((l, op)) = found else { break };
            let at = self.bump().span.start;
            let rhs = self.binary_level(l + 1)?;
            let span = Span { start: lhs.span.start, end: rhs.span.end };
            lhs = self.node(ExprKind::Binary(op, Box::new(lhs), Box::new(rhs)), span, at)?;
        }
        Ok(lhs)
    }

    fn unary(&mut self) -> Result<Expr, ParseError> {
        self.nested(Self::unary_rule)
    }

    fn unary_rule(&mut self) -> Result<Expr, ParseError> {
        match self.peek() {
            Tok::Op("-") => {
                let start = self.bump().span.start;
                let inner = self.unary()?;
                let span = Span { start, end: inner.span.end };
                self.node(ExprKind::Neg(Box::new(inner)), span, start)
            }
            // Unary plus is a no-op.
            Tok::Op("+") => {
                self.bump();
                self.unary()
            }
            _ => self.power(),
        }
    }

    fn power(&mut self) -> Result<Expr, ParseError> {
        let base = self.primary()?;
        if *self.peek() != Tok::Op("^") {
            return Ok(base);
        }
        let at = self.bump().span.start;
        let exp = self.unary()?;
        let span = Span { start: base.span.start, end: exp.span.end };
        self.node(ExprKind::Binary(BinOp::Pow, Box::new(base), Box::new(exp)), span, at)
    }

    fn primary(&mut self) -> Result<Expr, ParseError> {
        let t = self.tokens[self.pos].clone();
        if matches!(t.tok, Tok::Number(_) | Tok::LParen | Tok::Ident(_)) {
            self.bump();
        }
        match t.tok {
            Tok::Number(v) => Ok(Expr::new(ExprKind::Number(v), t.span)),
            Tok::LParen => {
                let inner = self.ternary()?;
                let close = self.expect(Tok::RParen, &["')'", "operator"])?;
                // Keep the parenthesised extent so error spans cover it.
                Ok(Expr::new(inner.kind, Span { start: t.span.start, end: close.span.end }))
            }
            Tok::Ident(name) => {
                if *self.peek() == Tok::LParen {
                    self.call(&name, t.span)
                } else {
                    self.field(&name, t.span)
                }
            }
            other => Err(self.error_at(t.span.start, format!("unexpected {}", other.describe()), &OPERAND, None)),
        }
    }

    fn field(&self, name: &str, span: Span) -> Result<Expr, ParseError> {
        let lower = name.to_ascii_lowercase();
        if let Some(kind) = lookup_field(&lower) {
            return Ok(Expr::new(kind, span));
        }
        if lookup_function(&lower).is_some() {
            return Err(self.error_at(span.end, format!("expected '(' after function '{lower}'"), &["'('"], None));
        }
        let suggestion = nearest(&lower, field_candidates().chain(function_candidates())).map(str::to_string);
        Err(self.error_at(span.start, format!("unknown field '{}'", shown(name)), &["field"], suggestion))
    }

    fn call(&mut self, name: &str, name_span: Span) -> Result<Expr, ParseError> {
        let lower = name.to_ascii_lowercase();
        let Some(func) = lookup_function(&lower) else {
            if lookup_field(&lower).is_some() {
                return Err(self.error_at(name_span.start, format!("'{lower}' is a field, not a function"), &["function"], None));
            }
            let suggestion = nearest(&lower, function_candidates()).map(str::to_string);
            return Err(self.error_at(name_span.start, format!("unknown function '{}'", shown(name)), &["function"], suggestion));
        };
        self.expect(Tok::LParen, &["'('"])?;
        let mut args = Vec::new();
        if *self.peek() != Tok::RParen {
            loop {
                args.push(self.ternary()?);
                match self.peek() {
                    Tok::Comma => {
                        self.bump();
                    }
                    Tok::RParen => break,
                    _ => {
                        let t = &self.tokens[self.pos];
                        return Err(self.error_at(
                            t.span.start,
                            format!("unexpected {} in arguments of {}", t.tok.describe(), func.name()),
                            &["','", "')'"],
                            None,
                        ));
                    }
                }
            }
        }
        let close = self.bump();
        let span = Span { start: name_span.start, end: close.span.end };
        self.check_call(func, args, span)
    }

    /// Arity and literal checks; resolves `min/max(x, d)` to ts_min/ts_max.
    fn check_call(&self, mut func: Func, mut args: Vec<Expr>, span: Span) -> Result<Expr, ParseError> {
        if matches!(func, Func::Min | Func::Max) && args.len() == 2 && literal_value(&args[1]).is_some() {
            // The paper: min(x, d) = ts_min(x, d), max(x, d) = ts_max(x, d).
            func = if func == Func::Min { Func::TsMin } else { Func::TsMax };
        }
        let sig = func.signature();
        let (lo, hi, shape) = match sig {
            Signature::Unary => (1, 1, "(x)"),
            Signature::Binary => (2, 2, "(x, y)"),
            Signature::Window => (2, 2, "(x, d)"),
            Signature::PairWindow => (3, 3, "(x, y, d)"),
            Signature::Scale => (1, 2, "(x) or (x, a)"),
            Signature::Group => (2, 2, "(x, IndClass.level)"),
        };
        if args.len() < lo || args.len() > hi {
            let n = if lo == hi { format!("{lo}") } else { format!("{lo} or {hi}") };
            return Err(self.error_at(
                span.start,
                format!("{} takes {n} argument{} {shape}, got {}", func.name(), if hi == 1 { "" } else { "s" }, args.len()),
                &[],
                None,
            ));
        }
        match sig {
            Signature::Window | Signature::PairWindow => {
                let w = args.len() - 1;
                self.check_window(func, &mut args[w])?;
            }
            Signature::Scale => {
                if let Some(a) = args.get(1) {
                    if literal_value(a).is_none() {
                        return Err(self.error_at(
                            a.span.start,
                            "the scale factor of scale must be a number".into(),
                            &["number"],
                            None,
                        ));
                    }
                }
            }
            Signature::Group => {
                if !matches!(args[1].kind, ExprKind::Group(_)) {
                    return Err(self.error_at(
                        args[1].span.start,
                        "the second argument of indneutralize must be IndClass.sector, IndClass.industry or IndClass.subindustry"
                            .into(),
                        &["IndClass.sector", "IndClass.industry", "IndClass.subindustry"],
                        None,
                    ));
                }
            }
            Signature::Unary | Signature::Binary => {}
        }
        self.node(ExprKind::Call(func, args), span, span.start)
    }

    fn check_window(&self, func: Func, arg: &mut Expr) -> Result<(), ParseError> {
        let Some(d) = literal_value(arg) else {
            return Err(self.error_at(
                arg.span.start,
                format!("the window of {} must be a number of days", func.name()),
                &["number"],
                None,
            ));
        };
        if !(d.is_finite() && d.floor() >= 1.0) {
            return Err(self.error_at(
                arg.span.start,
                format!("the window of {} must be at least 1 day (non-integer windows are floored), got {d}", func.name()),
                &["number >= 1"],
                None,
            ));
        }
        if d > 100_000.0 {
            return Err(self.error_at(arg.span.start, format!("window {d} is too large"), &[], None));
        }
        Ok(())
    }
}

/// A name from the formula as a message quotes it: at most 80 characters, then an ellipsis.
fn shown(name: &str) -> String {
    const MAX: usize = 80;
    match name.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}… ({} characters)", &name[..cut], name.chars().count()),
        None => name.to_string(),
    }
}

/// The value of a numeric literal, optionally negated (`5`, `-1`).
pub fn literal_value(e: &Expr) -> Option<f64> {
    match &e.kind {
        ExprKind::Number(v) => Some(*v),
        ExprKind::Neg(inner) => literal_value(inner).map(|v| -v),
        _ => None,
    }
}

/// The first `IndClass.<level>` that is not indneutralize's second argument.
fn misplaced_group(e: &Expr, allowed_here: bool) -> Option<Span> {
    match &e.kind {
        ExprKind::Group(_) => (!allowed_here).then_some(e.span),
        ExprKind::Number(_) | ExprKind::Field(_) => None,
        ExprKind::Neg(a) => misplaced_group(a, false),
        ExprKind::Binary(_, a, b) => misplaced_group(a, false).or_else(|| misplaced_group(b, false)),
        ExprKind::Ternary(c, a, b) => {
            misplaced_group(c, false).or_else(|| misplaced_group(a, false)).or_else(|| misplaced_group(b, false))
        }
        ExprKind::Call(f, args) => {
            args.iter().enumerate().find_map(|(i, a)| misplaced_group(a, *f == Func::IndNeutralize && i == 1))
        }
    }
}

//! Lowering: syntax tree → DAG nodes, resolving the inputs the paper derives
//! (`returns`, `adv{d}`), flooring windows, and resolving group levels
//! against what the panel actually has.

use super::dag::Dag;
use super::node::{BinKind, Leaf, Node, NodeId, PairOp, TsOp, UnOp};
use crate::error::{EngineError, Result};
use crate::expr::parser::literal_value;
use crate::expr::{BinOp, Expr, ExprKind, Field, Func, GroupLevel};

/// What the panel offers, as far as lowering cares.
#[derive(Debug, Clone, Copy)]
pub struct PanelCaps {
    pub has_cap: bool,
    /// Whether sector / industry / subindustry codes exist (not all -1).
    pub has_sector: bool,
    pub has_industry: bool,
    pub has_subindustry: bool,
}

impl PanelCaps {
    fn has(&self, level: GroupLevel) -> bool {
        match level {
            GroupLevel::Sector => self.has_sector,
            GroupLevel::Industry => self.has_industry,
            GroupLevel::Subindustry => self.has_subindustry,
        }
    }
}

pub struct Lowerer<'d> {
    pub dag: &'d mut Dag,
    pub caps: PanelCaps,
    /// Notes for the formula being lowered (group fallbacks).
    pub warnings: Vec<String>,
}

fn window(e: &Expr, func: Func) -> Result<u32> {
    let d = literal_value(e).ok_or_else(|| EngineError::invalid(format!("the window of {} must be a number", func.name())))?;
    let w = crate::window_from_f64(d, &format!("the window of {}", func.name()))?;
    u32::try_from(w).map_err(|_| EngineError::invalid(format!("window {d} is too large")))
}

impl Lowerer<'_> {
    pub fn lower(&mut self, e: &Expr) -> Result<NodeId> {
        Ok(match &e.kind {
            ExprKind::Number(v) => self.dag.constant(*v),
            ExprKind::Field(f) => self.field(*f)?,
            ExprKind::Group(g) => {
                return Err(EngineError::invalid(format!(
                    "IndClass.{} is only valid as the second argument of indneutralize",
                    g.name()
                )))
            }
            ExprKind::Neg(a) => {
                let a = self.lower(a)?;
                self.dag.intern(Node::Unary(UnOp::Neg, a))
            }
            ExprKind::Binary(op, a, b) => {
                let (a, b) = (self.lower(a)?, self.lower(b)?);
                let kind = match op {
                    BinOp::Add => BinKind::Add,
                    BinOp::Sub => BinKind::Sub,
                    BinOp::Mul => BinKind::Mul,
                    BinOp::Div => BinKind::Div,
                    BinOp::Pow => BinKind::Pow,
                    BinOp::Lt => BinKind::Lt,
                    BinOp::Le => BinKind::Le,
                    BinOp::Gt => BinKind::Gt,
                    BinOp::Ge => BinKind::Ge,
                    BinOp::Eq => BinKind::Eq,
                    BinOp::Ne => BinKind::Ne,
                    BinOp::And => BinKind::And,
                    BinOp::Or => BinKind::Or,
                };
                self.dag.intern(Node::Binary(kind, a, b))
            }
            ExprKind::Ternary(c, a, b) => {
                let (c, a, b) = (self.lower(c)?, self.lower(a)?, self.lower(b)?);
                self.dag.intern(Node::Ternary(c, a, b))
            }
            ExprKind::Call(func, args) => self.call(*func, args)?,
        })
    }

    fn field(&mut self, f: Field) -> Result<NodeId> {
        let leaf = |d: &mut Dag, l: Leaf| d.intern(Node::Leaf(l));
        Ok(match f {
            Field::Open => leaf(self.dag, Leaf::Open),
            Field::High => leaf(self.dag, Leaf::High),
            Field::Low => leaf(self.dag, Leaf::Low),
            Field::Close => leaf(self.dag, Leaf::Close),
            Field::Volume => leaf(self.dag, Leaf::Volume),
            Field::Vwap => leaf(self.dag, Leaf::Vwap),
            Field::Cap => {
                if !self.caps.has_cap {
                    return Err(EngineError::MissingField("cap: the panel has no market-cap data".into()));
                }
                leaf(self.dag, Leaf::Cap)
            }
            // returns = close / delay(close, 1) - 1
            Field::Returns => {
                let close = leaf(self.dag, Leaf::Close);
                let prev = self.dag.intern(Node::Ts(TsOp::Delay, close, 1));
                let ratio = self.dag.intern(Node::Binary(BinKind::Div, close, prev));
                let one = self.dag.constant(1.0);
                self.dag.intern(Node::Binary(BinKind::Sub, ratio, one))
            }
            // adv{d} = mean of close · volume over d days
            Field::Adv(d) => {
                let w = crate::window_from_f64(d, "the day count of adv")?;
                let w = u32::try_from(w).map_err(|_| EngineError::invalid(format!("adv{d}: too many days")))?;
                let close = leaf(self.dag, Leaf::Close);
                let volume = leaf(self.dag, Leaf::Volume);
                let dollar = self.dag.intern(Node::Binary(BinKind::Mul, close, volume));
                self.dag.intern(Node::Ts(TsOp::Mean, dollar, w))
            }
        })
    }

    fn call(&mut self, func: Func, args: &[Expr]) -> Result<NodeId> {
        let arity = |n: usize| -> Result<()> {
            if args.len() < n {
                Err(EngineError::invalid(format!("{} needs {n} arguments", func.name())))
            } else {
                Ok(())
            }
        };
        arity(1)?;
        let ts = |me: &mut Self, op: TsOp| -> Result<NodeId> {
            arity(2)?;
            let x = me.lower(&args[0])?;
            let w = window(&args[1], func)?;
            Ok(me.dag.intern(Node::Ts(op, x, w)))
        };
        let bin = |me: &mut Self, op: BinKind| -> Result<NodeId> {
            arity(2)?;
            let (x, y) = (me.lower(&args[0])?, me.lower(&args[1])?);
            Ok(me.dag.intern(Node::Binary(op, x, y)))
        };
        let pair = |me: &mut Self, op: PairOp| -> Result<NodeId> {
            arity(3)?;
            let (x, y) = (me.lower(&args[0])?, me.lower(&args[1])?);
            let w = window(&args[2], func)?;
            Ok(me.dag.intern(Node::Pair(op, x, y, w)))
        };
        match func {
            Func::Abs | Func::Log | Func::Sign => {
                let op = match func {
                    Func::Abs => UnOp::Abs,
                    Func::Log => UnOp::Log,
                    _ => UnOp::Sign,
                };
                let x = self.lower(&args[0])?;
                Ok(self.dag.intern(Node::Unary(op, x)))
            }
            Func::Rank => {
                let x = self.lower(&args[0])?;
                Ok(self.dag.intern(Node::Rank(x)))
            }
            Func::Scale => {
                let x = self.lower(&args[0])?;
                let a = match args.get(1) {
                    None => 1.0,
                    Some(e) => literal_value(e).ok_or_else(|| EngineError::invalid("the scale factor must be a number"))?,
                };
                Ok(self.dag.intern(Node::Scale(x, a.to_bits())))
            }
            Func::IndNeutralize => {
                arity(2)?;
                let ExprKind::Group(level) = args[1].kind else {
                    return Err(EngineError::invalid("indneutralize needs IndClass.<level> as its second argument"));
                };
                let resolved = self.resolve_group(level);
                let x = self.lower(&args[0])?;
                Ok(self.dag.intern(Node::Neutralize(x, resolved)))
            }
            Func::SignedPower => bin(self, BinKind::SignedPower),
            Func::Min => bin(self, BinKind::Min),
            Func::Max => bin(self, BinKind::Max),
            Func::Correlation => pair(self, PairOp::Correlation),
            Func::Covariance => pair(self, PairOp::Covariance),
            Func::Delay => ts(self, TsOp::Delay),
            Func::Delta => ts(self, TsOp::Delta),
            Func::Sum => ts(self, TsOp::Sum),
            Func::Product => ts(self, TsOp::Product),
            Func::Stddev => ts(self, TsOp::Stddev),
            Func::TsMin => ts(self, TsOp::Min),
            Func::TsMax => ts(self, TsOp::Max),
            Func::TsArgMin => ts(self, TsOp::ArgMin),
            Func::TsArgMax => ts(self, TsOp::ArgMax),
            Func::TsRank => ts(self, TsOp::Rank),
            Func::DecayLinear => ts(self, TsOp::DecayLinear),
        }
    }

    /// The level to use for `IndClass.level`: itself if the panel has codes,
    /// else the next coarser one that exists (with a warning), else the whole
    /// cross-section as one group (with a warning).
    fn resolve_group(&mut self, level: GroupLevel) -> Option<GroupLevel> {
        if self.caps.has(level) {
            return Some(level);
        }
        let mut l = level;
        while let Some(c) = l.coarser() {
            if self.caps.has(c) {
                self.warn(format!(
                    "IndClass.{}: the panel has no {} codes; neutralized by {} instead",
                    level.name(),
                    level.name(),
                    c.name()
                ));
                return Some(c);
            }
            l = c;
        }
        self.warn(format!(
            "IndClass.{}: the panel has no sector, industry or subindustry codes; neutralized against the whole cross-section instead",
            level.name()
        ));
        None
    }

    fn warn(&mut self, w: String) {
        if !self.warnings.contains(&w) {
            self.warnings.push(w);
        }
    }
}

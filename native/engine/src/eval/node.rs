//! DAG node kinds. A `Node` value *is* its canonical key: children are node
//! ids and float parameters are stored as bits, so `Eq + Hash` on the enum is
//! exactly "same computation" and hash-consing is a map lookup.

use crate::expr::GroupLevel;

pub type NodeId = u32;

/// Raw panel inputs. `returns` and `adv{d}` are not leaves: they are lowered
/// to ordinary nodes so they share work with the rest of the DAG.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Leaf {
    Open,
    High,
    Low,
    Close,
    Volume,
    /// Panel vwap where present, else the typical price (h + l + c) / 3.
    Vwap,
    Cap,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnOp {
    Neg,
    Abs,
    /// Natural log; NaN for x <= 0 (never -inf).
    Log,
    Sign,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinKind {
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    SignedPower,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    And,
    Or,
    Min,
    Max,
}

impl BinKind {
    /// Operand order does not matter: children are sorted for the key.
    pub fn commutative(self) -> bool {
        matches!(
            self,
            BinKind::Add | BinKind::Mul | BinKind::Eq | BinKind::Ne | BinKind::And | BinKind::Or | BinKind::Min | BinKind::Max
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TsOp {
    Delay,
    Delta,
    Sum,
    Mean,
    Product,
    Stddev,
    Min,
    Max,
    ArgMin,
    ArgMax,
    Rank,
    DecayLinear,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PairOp {
    Correlation,
    Covariance,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    Leaf(Leaf),
    /// A scalar constant (f64 bits).
    Const(u64),
    Unary(UnOp, NodeId),
    Binary(BinKind, NodeId, NodeId),
    /// cond ? a : b
    Ternary(NodeId, NodeId, NodeId),
    Ts(TsOp, NodeId, u32),
    Pair(PairOp, NodeId, NodeId, u32),
    Rank(NodeId),
    /// scale(x, a) with `a` as f64 bits.
    Scale(NodeId, u64),
    /// Group level already resolved against the panel (after fallback);
    /// `None` = the whole cross-section is one group.
    Neutralize(NodeId, Option<GroupLevel>),
}

impl Node {
    pub fn children(&self) -> impl Iterator<Item = NodeId> {
        let (a, b, c) = match *self {
            Node::Leaf(_) | Node::Const(_) => (None, None, None),
            Node::Unary(_, x) | Node::Ts(_, x, _) | Node::Rank(x) | Node::Scale(x, _) | Node::Neutralize(x, _) => {
                (Some(x), None, None)
            }
            Node::Binary(_, x, y) | Node::Pair(_, x, y, _) => (Some(x), Some(y), None),
            Node::Ternary(x, y, z) => (Some(x), Some(y), Some(z)),
        };
        a.into_iter().chain(b).chain(c)
    }

    pub fn const_value(&self) -> Option<f64> {
        match *self {
            Node::Const(bits) => Some(f64::from_bits(bits)),
            _ => None,
        }
    }
}

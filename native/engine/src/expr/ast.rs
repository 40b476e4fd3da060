//! Syntax tree of a formula. Names are already resolved to canonical enums
//! (case-insensitive input, `min(x, 5)` → `ts_min`), so two spellings of the
//! same formula give equal trees.

/// Half-open character range `[start, end)` in the formula text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupLevel {
    Sector,
    Industry,
    Subindustry,
}

impl GroupLevel {
    pub fn name(self) -> &'static str {
        match self {
            GroupLevel::Sector => "sector",
            GroupLevel::Industry => "industry",
            GroupLevel::Subindustry => "subindustry",
        }
    }
    /// The next coarser level (used when a level is missing from the panel).
    pub fn coarser(self) -> Option<GroupLevel> {
        match self {
            GroupLevel::Subindustry => Some(GroupLevel::Industry),
            GroupLevel::Industry => Some(GroupLevel::Sector),
            GroupLevel::Sector => None,
        }
    }
}

/// Input data named in a formula.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Field {
    Open,
    High,
    Low,
    Close,
    Volume,
    Vwap,
    Returns,
    Cap,
    /// `adv{d}`: mean daily dollar volume over `d` days (as written; floored when evaluated).
    Adv(f64),
}

impl Field {
    /// Canonical lowercase spelling.
    pub fn name(&self) -> String {
        match self {
            Field::Open => "open".into(),
            Field::High => "high".into(),
            Field::Low => "low".into(),
            Field::Close => "close".into(),
            Field::Volume => "volume".into(),
            Field::Vwap => "vwap".into(),
            Field::Returns => "returns".into(),
            Field::Cap => "cap".into(),
            Field::Adv(d) => format!("adv{d}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    And,
    Or,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Pow => "^",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::And => "&&",
            BinOp::Or => "||",
        }
    }
}

/// Every function the paper defines, after alias resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Func {
    Abs,
    Log,
    Sign,
    Rank,
    Delay,
    Correlation,
    Covariance,
    Scale,
    Delta,
    SignedPower,
    DecayLinear,
    IndNeutralize,
    TsMin,
    TsMax,
    TsArgMin,
    TsArgMax,
    TsRank,
    /// Elementwise `min(x, y)` (both arguments expressions).
    Min,
    /// Elementwise `max(x, y)`.
    Max,
    Sum,
    Product,
    Stddev,
}

/// What a function's arguments must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signature {
    /// `f(x)`
    Unary,
    /// `f(x, y)`, both expressions.
    Binary,
    /// `f(x, d)` with a window literal.
    Window,
    /// `f(x, y, d)` with a window literal.
    PairWindow,
    /// `scale(x)` or `scale(x, a)` with a numeric literal.
    Scale,
    /// `indneutralize(x, IndClass.level)`.
    Group,
}

impl Func {
    pub const ALL: [Func; 22] = [
        Func::Abs,
        Func::Log,
        Func::Sign,
        Func::Rank,
        Func::Delay,
        Func::Correlation,
        Func::Covariance,
        Func::Scale,
        Func::Delta,
        Func::SignedPower,
        Func::DecayLinear,
        Func::IndNeutralize,
        Func::TsMin,
        Func::TsMax,
        Func::TsArgMin,
        Func::TsArgMax,
        Func::TsRank,
        Func::Min,
        Func::Max,
        Func::Sum,
        Func::Product,
        Func::Stddev,
    ];

    /// Canonical lowercase name (what the normalized printer writes).
    pub fn name(self) -> &'static str {
        match self {
            Func::Abs => "abs",
            Func::Log => "log",
            Func::Sign => "sign",
            Func::Rank => "rank",
            Func::Delay => "delay",
            Func::Correlation => "correlation",
            Func::Covariance => "covariance",
            Func::Scale => "scale",
            Func::Delta => "delta",
            Func::SignedPower => "signedpower",
            Func::DecayLinear => "decay_linear",
            Func::IndNeutralize => "indneutralize",
            Func::TsMin => "ts_min",
            Func::TsMax => "ts_max",
            Func::TsArgMin => "ts_argmin",
            Func::TsArgMax => "ts_argmax",
            Func::TsRank => "ts_rank",
            Func::Min => "min",
            Func::Max => "max",
            Func::Sum => "sum",
            Func::Product => "product",
            Func::Stddev => "stddev",
        }
    }

    pub fn signature(self) -> Signature {
        match self {
            Func::Abs | Func::Log | Func::Sign | Func::Rank => Signature::Unary,
            Func::SignedPower | Func::Min | Func::Max => Signature::Binary,
            Func::Correlation | Func::Covariance => Signature::PairWindow,
            Func::Scale => Signature::Scale,
            Func::IndNeutralize => Signature::Group,
            Func::Delay
            | Func::Delta
            | Func::DecayLinear
            | Func::TsMin
            | Func::TsMax
            | Func::TsArgMin
            | Func::TsArgMax
            | Func::TsRank
            | Func::Sum
            | Func::Product
            | Func::Stddev => Signature::Window,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Number(f64),
    Field(Field),
    /// `IndClass.level` — only valid as the second argument of indneutralize.
    Group(GroupLevel),
    Neg(Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Ternary(Box<Expr>, Box<Expr>, Box<Expr>),
    Call(Func, Vec<Expr>),
}

#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
    /// Levels of nodes from here to the deepest leaf (a leaf is 1). Kept so the
    /// parser can refuse trees that recursive passes (printer, lowering, drop)
    /// could not walk without running out of stack.
    height: u32,
}

/// Trees compare by structure only; spans are ignored so that a formula and
/// its normalized reprint compare equal.
impl PartialEq for Expr {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
    }
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Self {
        let below = match &kind {
            ExprKind::Number(_) | ExprKind::Field(_) | ExprKind::Group(_) => 0,
            ExprKind::Neg(a) => a.height,
            ExprKind::Binary(_, a, b) => a.height.max(b.height),
            ExprKind::Ternary(c, a, b) => c.height.max(a.height).max(b.height),
            ExprKind::Call(_, args) => args.iter().map(|a| a.height).max().unwrap_or(0),
        };
        Expr { kind, span, height: below.saturating_add(1) }
    }

    /// Levels of nodes from here to the deepest leaf (a leaf is 1).
    pub fn height(&self) -> u32 {
        self.height
    }

    /// Visit every node, parents before children.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Expr)) {
        f(self);
        match &self.kind {
            ExprKind::Number(_) | ExprKind::Field(_) | ExprKind::Group(_) => {}
            ExprKind::Neg(a) => a.walk(f),
            ExprKind::Binary(_, a, b) => {
                a.walk(f);
                b.walk(f);
            }
            ExprKind::Ternary(c, a, b) => {
                c.walk(f);
                a.walk(f);
                b.walk(f);
            }
            ExprKind::Call(_, args) => args.iter().for_each(|a| a.walk(f)),
        }
    }
}

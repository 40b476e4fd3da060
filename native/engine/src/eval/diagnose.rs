//! Coverage diagnosis: for a formula with no or little coverage, which
//! operator first produced (mostly) missing values, and why.
//!
//! The formulas are evaluated as usual, with a probe that records for every
//! node how many of its output cells (over the call's output dates) hold a
//! value and, for the missing ones, the cause: the window reaches before the
//! first date (history), an input is missing in the window or cell, a
//! correlation window is constant, or the operator is undefined for valid
//! inputs (log of a value ≤ 0, 0/0, ...). Then, from each root, the walk
//! follows the least-covered input while it is itself below the threshold;
//! the node where it stops is the first one (bottom-up) that lost the values.

use std::sync::Mutex;

use super::exec::Executor;
use super::node::{BinKind, Leaf, Node, NodeId, PairOp, TsOp, UnOp};
use super::nodes::{Policy, Shape, Value};
use super::{prepare, EvalOptions, FormulaSpec, Prepared};
use crate::error::{EngineError, Result};
use crate::panel::PanelView;
use crate::rolling::lenient::min_count;

/// Below this share of values, a node is "mostly missing".
pub const MOSTLY_MISSING: f64 = 0.5;
/// Below this share, "(nearly) all missing".
pub const NEARLY_ALL_MISSING: f64 = 0.05;

/// One operator where values were lost.
#[derive(Debug, Clone, PartialEq)]
pub struct Culprit {
    /// The operator's name as written in formulas (`correlation`, `log`, `/`).
    pub operator: String,
    /// The subexpression it computes (shortened to ~80 characters).
    pub expression: String,
    /// Share of its output cells with a value.
    pub coverage: f64,
    /// Lowest share among its inputs (1 for data fields).
    pub input_coverage: f64,
    /// Why, in words: "correlation over a constant window in 41 % of windows".
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnosis {
    pub name: String,
    /// Share of the formula's output cells with a value.
    pub coverage: f64,
    /// The first operator whose values were mostly missing, then (when
    /// another one) the first whose values were (nearly) all missing. Empty
    /// when coverage is at least [`MOSTLY_MISSING`] or the formula failed.
    pub culprits: Vec<Culprit>,
    /// One line for a chip or a tooltip.
    pub summary: String,
    /// The formula's error, when it did not evaluate.
    pub error: Option<String>,
}

/// Missing-cell counts of one node over the output dates.
#[derive(Debug, Default, Clone, Copy)]
struct Report {
    cells: usize,
    finite: usize,
    history: usize,
    missing_input: usize,
    constant: usize,
    undefined: usize,
}

impl Report {
    fn share(&self) -> f64 {
        if self.cells == 0 {
            0.0
        } else {
            self.finite as f64 / self.cells as f64
        }
    }
}

/// Value of instrument `i` on date `t` in either layout.
#[inline]
fn at(v: &Value<'_>, shape: Shape, t: usize, i: usize) -> f64 {
    match v {
        Value::Scalar(x) => *x,
        Value::Owned(c) => c[i * shape.t + t],
        Value::Borrowed(c) => c[i * shape.t + t],
        Value::Rows(r) => r[t * shape.n + i],
    }
}

/// Finite cells of a value over dates `[t0, t)`, read in its own layout (contiguous).
fn count_finite(v: &Value<'_>, shape: Shape, t0: usize) -> usize {
    let (t, n) = (shape.t, shape.n);
    let fin = |s: &[f64]| s.iter().filter(|x| x.is_finite()).count();
    match v {
        Value::Scalar(x) => {
            if x.is_finite() {
                (t - t0) * n
            } else {
                0
            }
        }
        Value::Owned(c) => (0..n).map(|i| fin(&c[i * t + t0..(i + 1) * t])).sum(),
        Value::Borrowed(c) => (0..n).map(|i| fin(&c[i * t + t0..(i + 1) * t])).sum(),
        Value::Rows(r) => fin(&r[t0 * n..t * n]),
    }
}

/// Count a node's missing cells by cause.
fn report(node: &Node, inputs: &[&Value<'_>], out: &Value<'_>, shape: Shape, t0: usize) -> Report {
    let (t_end, n) = (shape.t, shape.n);
    let cells = (t_end - t0) * n;
    // Causes only for nodes that are mostly missing (the only ones a walk can
    // stop at); the others cost one contiguous pass.
    let finite = count_finite(out, shape, t0);
    if cells == 0 || finite as f64 >= MOSTLY_MISSING * cells as f64 {
        return Report { cells, finite, ..Report::default() };
    }
    let mut r = Report { cells, ..Report::default() };
    let window = match *node {
        Node::Ts(op, _, w) => Some((w as usize, matches!(op, TsOp::Delay | TsOp::Delta))),
        Node::Pair(_, _, _, w) => Some((w as usize, false)),
        _ => None,
    };
    let min = |w: usize| match shape.policy {
        Policy::Strict => w,
        Policy::Lenient { min_share } => min_count(w, min_share),
    };
    let mut nan_prefix = vec![0usize; t_end + 1];
    for i in 0..n {
        if let Some((w, shift)) = window {
            // Days with a missing input, as a prefix count.
            for t in 0..t_end {
                let missing = inputs.iter().any(|x| at(x, shape, t, i).is_nan());
                nan_prefix[t + 1] = nan_prefix[t] + usize::from(missing);
            }
            let (mut change_x, mut change_y) = (0usize, 0usize);
            for t in 0..t_end {
                if t > 0 && inputs.len() == 2 {
                    if at(inputs[0], shape, t, i) != at(inputs[0], shape, t - 1, i) {
                        change_x = t;
                    }
                    if at(inputs[1], shape, t, i) != at(inputs[1], shape, t - 1, i) {
                        change_y = t;
                    }
                }
                if t < t0 {
                    continue;
                }
                if at(out, shape, t, i).is_finite() {
                    r.finite += 1;
                    continue;
                }
                if shift {
                    if t < w {
                        r.history += 1;
                    } else {
                        r.missing_input += 1;
                    }
                    continue;
                }
                let first = (t + 1).saturating_sub(w);
                let valid = (t + 1 - first) - (nan_prefix[t + 1] - nan_prefix[first]);
                let need = min(w);
                if t + 1 < w && (matches!(shape.policy, Policy::Strict) || valid < need) {
                    r.history += 1;
                } else if valid < need || (matches!(shape.policy, Policy::Strict) && valid < w) {
                    r.missing_input += 1;
                } else if inputs.len() == 2 && (change_x <= first || change_y <= first) {
                    r.constant += 1;
                } else {
                    r.undefined += 1;
                }
            }
        } else {
            for t in t0..t_end {
                if at(out, shape, t, i).is_finite() {
                    r.finite += 1;
                } else if inputs.iter().any(|x| at(x, shape, t, i).is_nan()) {
                    r.missing_input += 1;
                } else {
                    r.undefined += 1;
                }
            }
        }
    }
    r
}

fn pct(share: f64) -> String {
    let p = share * 100.0;
    if p >= 10.0 || p == 0.0 {
        format!("{p:.0} %")
    } else {
        format!("{p:.1} %")
    }
}

fn ts_name(op: TsOp) -> &'static str {
    match op {
        TsOp::Delay => "delay",
        TsOp::Delta => "delta",
        TsOp::Sum => "sum",
        TsOp::Mean => "mean",
        TsOp::Product => "product",
        TsOp::Stddev => "stddev",
        TsOp::Min => "ts_min",
        TsOp::Max => "ts_max",
        TsOp::ArgMin => "ts_argmin",
        TsOp::ArgMax => "ts_argmax",
        TsOp::Rank => "ts_rank",
        TsOp::DecayLinear => "decay_linear",
    }
}

fn bin_name(op: BinKind) -> &'static str {
    match op {
        BinKind::Add => "+",
        BinKind::Sub => "-",
        BinKind::Mul => "*",
        BinKind::Div => "/",
        BinKind::Pow => "^",
        BinKind::SignedPower => "signedpower",
        BinKind::Lt => "<",
        BinKind::Le => "<=",
        BinKind::Gt => ">",
        BinKind::Ge => ">=",
        BinKind::Eq => "==",
        BinKind::Ne => "!=",
        BinKind::And => "&&",
        BinKind::Or => "||",
        BinKind::Min => "min",
        BinKind::Max => "max",
    }
}

fn leaf_name(l: Leaf) -> &'static str {
    match l {
        Leaf::Open => "open",
        Leaf::High => "high",
        Leaf::Low => "low",
        Leaf::Close => "close",
        Leaf::Volume => "volume",
        Leaf::Vwap => "vwap",
        Leaf::Cap => "cap",
    }
}

/// The operator's name as written in formulas.
fn operator(node: &Node) -> String {
    match *node {
        Node::Leaf(l) => leaf_name(l).into(),
        Node::Const(_) => "number".into(),
        Node::Unary(UnOp::Neg, _) => "-".into(),
        Node::Unary(UnOp::Abs, _) => "abs".into(),
        Node::Unary(UnOp::Log, _) => "log".into(),
        Node::Unary(UnOp::Sign, _) => "sign".into(),
        Node::Binary(op, ..) => bin_name(op).into(),
        Node::Ternary(..) => "?:".into(),
        Node::Ts(op, ..) => ts_name(op).into(),
        Node::Pair(PairOp::Correlation, ..) => "correlation".into(),
        Node::Pair(PairOp::Covariance, ..) => "covariance".into(),
        Node::Rank(_) => "rank".into(),
        Node::Scale(..) => "scale".into(),
        Node::Neutralize(..) => "indneutralize".into(),
    }
}

/// Formula-like text of a DAG node (adv{d} and returns recognised).
fn describe(nodes: &[Node], id: NodeId, out: &mut String) {
    const LIMIT: usize = 400;
    if out.len() > LIMIT {
        return;
    }
    let num = |bits: u64| {
        let v = f64::from_bits(bits);
        format!("{v}")
    };
    match nodes[id as usize] {
        Node::Leaf(l) => out.push_str(leaf_name(l)),
        Node::Const(b) => out.push_str(&num(b)),
        Node::Unary(UnOp::Neg, x) => {
            out.push_str("-(");
            describe(nodes, x, out);
            out.push(')');
        }
        Node::Unary(op, x) => {
            out.push_str(&operator(&Node::Unary(op, x)));
            out.push('(');
            describe(nodes, x, out);
            out.push(')');
        }
        Node::Binary(BinKind::Sub, a, b)
            if matches!(nodes[b as usize], Node::Const(c) if f64::from_bits(c) == 1.0)
                && matches!(nodes[a as usize], Node::Binary(BinKind::Div, c, p)
                    if nodes[c as usize] == Node::Leaf(Leaf::Close) && nodes[p as usize] == Node::Ts(TsOp::Delay, c, 1)) =>
        {
            out.push_str("returns")
        }
        Node::Binary(op @ (BinKind::SignedPower | BinKind::Min | BinKind::Max), a, b) => {
            out.push_str(bin_name(op));
            out.push('(');
            describe(nodes, a, out);
            out.push_str(", ");
            describe(nodes, b, out);
            out.push(')');
        }
        Node::Binary(op, a, b) => {
            out.push('(');
            describe(nodes, a, out);
            out.push_str(&format!(" {} ", bin_name(op)));
            describe(nodes, b, out);
            out.push(')');
        }
        Node::Ternary(c, a, b) => {
            out.push('(');
            describe(nodes, c, out);
            out.push_str(" ? ");
            describe(nodes, a, out);
            out.push_str(" : ");
            describe(nodes, b, out);
            out.push(')');
        }
        Node::Ts(TsOp::Mean, x, d)
            if matches!(nodes[x as usize], Node::Binary(BinKind::Mul, a, b)
                if matches!((nodes[a as usize], nodes[b as usize]),
                    (Node::Leaf(Leaf::Close), Node::Leaf(Leaf::Volume)) | (Node::Leaf(Leaf::Volume), Node::Leaf(Leaf::Close)))) =>
        {
            out.push_str(&format!("adv{d}"))
        }
        Node::Ts(op, x, w) => {
            out.push_str(ts_name(op));
            out.push('(');
            describe(nodes, x, out);
            out.push_str(&format!(", {w})"));
        }
        Node::Pair(op, a, b, w) => {
            out.push_str(&operator(&Node::Pair(op, a, b, w)));
            out.push('(');
            describe(nodes, a, out);
            out.push_str(", ");
            describe(nodes, b, out);
            out.push_str(&format!(", {w})"));
        }
        Node::Rank(x) => {
            out.push_str("rank(");
            describe(nodes, x, out);
            out.push(')');
        }
        Node::Scale(x, k) => {
            out.push_str("scale(");
            describe(nodes, x, out);
            out.push_str(&format!(", {})", num(k)));
        }
        Node::Neutralize(x, level) => {
            out.push_str("indneutralize(");
            describe(nodes, x, out);
            out.push_str(&format!(", {})", level.map_or("market", |l| l.name())));
        }
    }
}

fn short_text(nodes: &[Node], id: NodeId) -> String {
    let mut s = String::new();
    describe(nodes, id, &mut s);
    if s.chars().count() > 80 {
        let cut: String = s.chars().take(79).collect();
        format!("{cut}…")
    } else {
        s
    }
}

/// Dates of history each node needs before its first value (strict rules).
fn lookbacks(nodes: &[Node]) -> Vec<usize> {
    let mut lb = vec![0usize; nodes.len()];
    for (id, node) in nodes.iter().enumerate() {
        let kids = node.children().map(|c| lb[c as usize]).max().unwrap_or(0);
        lb[id] = match *node {
            Node::Ts(TsOp::Delay | TsOp::Delta, _, w) => kids + w as usize,
            Node::Ts(_, _, w) | Node::Pair(.., w) => kids + (w as usize).saturating_sub(1),
            _ => kids,
        };
    }
    lb
}

struct Walk<'a> {
    nodes: &'a [Node],
    reports: &'a [Option<Report>],
    lookback: &'a [usize],
    /// Dates available up to the last output date (with warm-up), and the first output date.
    dates: usize,
    t0: usize,
    policy: Policy,
}

impl Walk<'_> {
    fn share(&self, id: NodeId) -> f64 {
        self.reports[id as usize].map_or(1.0, |r| r.share())
    }

    /// From `root`, follow the least-covered input while it is below `limit`.
    fn descend(&self, root: NodeId, limit: f64) -> Option<NodeId> {
        if self.share(root) >= limit {
            return None;
        }
        let mut id = root;
        loop {
            let worst = self.nodes[id as usize]
                .children()
                .filter(|&c| self.share(c) < limit)
                .min_by(|&a, &b| self.share(a).total_cmp(&self.share(b)));
            match worst {
                Some(c) => id = c,
                None => return Some(id),
            }
        }
    }

    /// From `root`, the deepest node that needs more history than there is.
    fn too_short(&self, root: NodeId) -> Option<NodeId> {
        if self.lookback[root as usize] < self.dates {
            return None;
        }
        let mut id = root;
        loop {
            let next = self.nodes[id as usize].children().find(|&c| self.lookback[c as usize] >= self.dates);
            match next {
                Some(c) => id = c,
                None => return Some(id),
            }
        }
    }

    fn culprit(&self, id: NodeId, history: bool) -> Culprit {
        let node = &self.nodes[id as usize];
        let r = self.reports[id as usize].unwrap_or_default();
        let input_coverage = node.children().map(|c| self.share(c)).fold(1.0, f64::min);
        let cells = r.cells.max(1) as f64;
        // Windows that exist (a cell whose window reaches before the first date has none).
        let windows = (r.cells - r.history).max(1) as f64;
        let missing = (r.cells - r.finite).max(1) as f64;
        let need = self.lookback[id as usize] + 1;
        // Output dates before the first with a full chain of windows behind it.
        let span = self.dates.saturating_sub(self.t0).max(1);
        let history_share = (need - 1).saturating_sub(self.t0).min(span) as f64 / span as f64;
        let op = operator(node);
        let reason = if history {
            format!("needs {need} days of history; the range has {}", self.dates)
        } else if let Node::Leaf(_) = node {
            format!("{op} is missing in {} of cells", pct(1.0 - r.share()))
        } else if r.constant as f64 >= r.missing_input.max(r.history).max(r.undefined) as f64 {
            format!("{op} over a constant window in {} of windows", pct(r.constant as f64 / windows))
        } else if history_share * cells >= 0.5 * missing {
            if need > self.dates {
                format!("needs {need} days of history; the range has {}", self.dates)
            } else {
                format!(
                    "needs {need} days of history before its first value: {} of the {} dates have none",
                    pct(history_share),
                    self.dates
                )
            }
        } else if r.missing_input as f64 >= 0.5 * missing {
            match (*node, self.policy) {
                (Node::Ts(TsOp::Delay | TsOp::Delta, ..), _) => {
                    format!("its input is missing in {} of cells", pct(1.0 - input_coverage))
                }
                (Node::Ts(_, _, w) | Node::Pair(.., w), Policy::Strict) => format!(
                    "a window needs all {w} days with a value; {} of windows miss one (its input has values in {})",
                    pct(r.missing_input as f64 / windows),
                    pct(input_coverage)
                ),
                (Node::Ts(_, _, w) | Node::Pair(.., w), Policy::Lenient { min_share }) => format!(
                    "fewer than {} of {w} days hold a value in {} of windows",
                    min_count(w as usize, min_share),
                    pct(r.missing_input as f64 / windows)
                ),
                _ => format!("an input is missing in {} of cells", pct(r.missing_input as f64 / cells)),
            }
        } else {
            let what = match node {
                Node::Unary(UnOp::Log, _) => "log of a value ≤ 0",
                Node::Binary(BinKind::Div, ..) => "division by zero",
                Node::Binary(BinKind::Pow, ..) => "power undefined (negative base, fractional exponent)",
                Node::Scale(..) => "a cross-section whose absolute values sum to 0",
                Node::Neutralize(..) => "no group",
                Node::Pair(PairOp::Correlation, ..) => "correlation over a window with negligible spread",
                _ => "undefined for valid inputs",
            };
            format!("{what} in {} of cells", pct(r.undefined as f64 / cells))
        };
        Culprit { operator: op, expression: short_text(self.nodes, id), coverage: r.share(), input_coverage, reason }
    }
}

/// Diagnose each formula's coverage (evaluating them together, over the
/// same window and policy as a run).
pub fn diagnose(panel: &PanelView<'_>, formulas: &[FormulaSpec], opts: &EvalOptions) -> Result<Vec<Diagnosis>> {
    let opts = EvalOptions { output_path: None, naive: false, ..opts.clone() };
    let Prepared { t_start, t_end, shape, dag, roots, results, .. } = prepare(panel, formulas, &opts)?;
    let reports: Mutex<Vec<Option<Report>>> = Mutex::new(vec![None; dag.nodes.len()]);
    let nodes = &dag.nodes;
    let probe = |id: NodeId, inputs: &[&Value<'_>], out: &Value<'_>, shape: Shape| {
        let r = report(&nodes[id as usize], inputs, out, shape, t_start);
        if let Ok(mut reps) = reports.lock() {
            reps[id as usize] = Some(r);
        }
    };
    let rows: Vec<usize> = vec![t_end - t_start; formulas.len()];
    if shape.t > 0 && shape.n > 0 {
        let exec = Executor { panel, shape, dag: &dag, roots: &roots, t_start, rows: &rows, sink: None, probe: Some(&probe) };
        exec.run(&mut |_, _| true)?;
    }
    let reports = reports.into_inner().map_err(|_| EngineError::Internal("diagnosis probe panicked".into()))?;
    let lookback = lookbacks(nodes);
    let walk = Walk { nodes, reports: &reports, lookback: &lookback, dates: t_end, t0: t_start, policy: opts.policy };
    Ok(results
        .iter()
        .zip(&roots)
        .map(|(res, root)| {
            let Some(root) = *root else {
                let error = res.error.as_ref().map(|e| e.message.clone());
                return Diagnosis {
                    name: res.name.clone(),
                    coverage: 0.0,
                    culprits: Vec::new(),
                    summary: format!("did not evaluate: {}", error.clone().unwrap_or_default()),
                    error,
                };
            };
            let coverage = walk.share(root);
            let mut culprits = Vec::new();
            let structural = match opts.policy {
                Policy::Strict => coverage < MOSTLY_MISSING,
                // Lenient windows start early: only when nothing at all came out.
                Policy::Lenient { .. } => coverage == 0.0,
            };
            if let Some(id) = walk.too_short(root).filter(|_| structural) {
                culprits.push(walk.culprit(id, true));
            } else {
                let mostly = walk.descend(root, MOSTLY_MISSING);
                let all = walk.descend(root, NEARLY_ALL_MISSING);
                if let Some(id) = mostly {
                    culprits.push(walk.culprit(id, false));
                }
                if let Some(id) = all.filter(|&a| Some(a) != mostly) {
                    culprits.push(walk.culprit(id, false));
                }
            }
            let summary = match culprits.first() {
                None => format!("coverage {}", pct(coverage)),
                Some(c) => {
                    let mut s = format!("coverage {}: {} ({}) — {}", pct(coverage), c.operator, c.expression, c.reason);
                    if let Some(d) = culprits.get(1) {
                        s.push_str(&format!("; then {} — {}", d.operator, d.reason));
                    }
                    s
                }
            };
            Diagnosis { name: res.name.clone(), coverage, culprits, summary, error: None }
        })
        .collect())
}

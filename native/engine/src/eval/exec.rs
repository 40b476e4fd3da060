//! The scheduler: evaluates the needed DAG nodes in topological (creation)
//! order, hands each root to its formulas as soon as it exists, and frees
//! every intermediate column as soon as its last consumer has run, so memory
//! stays bounded by the DAG's live width rather than its size.

use std::time::{Duration, Instant};

use super::dag::Dag;
use super::node::{Node, NodeId};
use super::nodes::{cross_section, elementwise, leaf, timeseries, Shape, Value};
use crate::cross::neutralize::GroupIndex;
use crate::error::{EngineError, Result};
use crate::expr::GroupLevel;
use crate::panel::PanelView;

/// Minimum time between two progress callbacks.
const PROGRESS_EVERY: Duration = Duration::from_millis(200);

/// Per-run counters, reported by the benchmark.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExecStats {
    /// Nodes in the DAG (after hash-consing).
    pub nodes: usize,
    /// Nodes actually evaluated (reachable from a formula that lowered).
    pub evaluated: usize,
    /// Most intermediate columns alive at once.
    pub peak_live: usize,
    /// Seconds spent per node family: leaf/const, elementwise, rolling,
    /// pair (corr/cov), cross-section (rank/scale/neutralize), output.
    pub seconds: [f64; 6],
}

fn family(node: &Node) -> usize {
    match node {
        Node::Leaf(_) | Node::Const(_) => 0,
        Node::Unary(..) | Node::Binary(..) | Node::Ternary(..) => 1,
        Node::Ts(..) => 2,
        Node::Pair(..) => 3,
        Node::Rank(_) | Node::Scale(..) | Node::Neutralize(..) => 4,
    }
}

pub struct Executor<'p, 'v> {
    pub panel: &'v PanelView<'p>,
    pub shape: Shape,
    pub dag: &'v Dag,
    /// Root node of each formula (None for formulas that failed to lower).
    pub roots: &'v [Option<NodeId>],
    /// Output dates `[t_start, shape.t)`.
    pub t_start: usize,
}

impl<'p> Executor<'p, '_> {
    /// Evaluate; `sink(formula_index, date_major_values)` receives each
    /// formula's output as soon as its root is computed.
    pub fn run(
        &self,
        progress: &mut dyn FnMut(usize, usize) -> bool,
        sink: &mut dyn FnMut(usize, Vec<f64>),
    ) -> Result<ExecStats> {
        let nodes = &self.dag.nodes;
        let len = nodes.len();
        // Which nodes some successful root needs (children precede parents).
        let mut needed = vec![false; len];
        for r in self.roots.iter().flatten() {
            needed[*r as usize] = true;
        }
        for id in (0..len).rev() {
            if needed[id] {
                for c in nodes[id].children() {
                    needed[c as usize] = true;
                }
            }
        }
        // Remaining consumers per node: parents plus formulas rooted there.
        let mut refs = vec![0u32; len];
        for id in 0..len {
            if needed[id] {
                for c in nodes[id].children() {
                    refs[c as usize] += 1;
                }
            }
        }
        let mut root_of: Vec<Vec<usize>> = vec![Vec::new(); len];
        for (f, r) in self.roots.iter().enumerate() {
            if let Some(r) = r {
                refs[*r as usize] += 1;
                root_of[*r as usize].push(f);
            }
        }
        let groups = self.group_indexes();
        let total = needed.iter().filter(|&&b| b).count();
        let mut stats = ExecStats { nodes: len, evaluated: 0, ..ExecStats::default() };
        let mut values: Vec<Option<Value<'p>>> = (0..len).map(|_| None).collect();
        let mut live = 0usize;
        // Freed output columns, reused by later nodes: fresh multi-megabyte
        // allocations would be page-faulted in (and zeroed by the OS) each time.
        let mut pool: Vec<Vec<f64>> = Vec::new();
        let mut last_report = Instant::now();
        if !progress(0, total) {
            return Err(EngineError::Cancelled);
        }
        for id in 0..len {
            if !needed[id] {
                continue;
            }
            let node = nodes[id];
            let started = Instant::now();
            let value = self.eval_node(&node, &values, &groups, &mut pool)?;
            stats.seconds[family(&node)] += started.elapsed().as_secs_f64();
            if matches!(value, Value::Owned(_)) {
                live += 1;
                stats.peak_live = stats.peak_live.max(live);
            }
            values[id] = Some(value);
            for c in node.children() {
                let c = c as usize;
                refs[c] -= 1;
                if refs[c] == 0 {
                    if let Some(Value::Owned(buf)) = values[c].take() {
                        live -= 1;
                        pool.push(buf);
                    }
                }
            }
            if !root_of[id].is_empty() {
                let started = Instant::now();
                if let Some(v) = &values[id] {
                    for &f in &root_of[id] {
                        sink(f, self.output(v));
                    }
                }
                stats.seconds[5] += started.elapsed().as_secs_f64();
                refs[id] -= root_of[id].len() as u32;
                if refs[id] == 0 {
                    if let Some(Value::Owned(buf)) = values[id].take() {
                        live -= 1;
                        pool.push(buf);
                    }
                }
            }
            stats.evaluated += 1;
            if last_report.elapsed() >= PROGRESS_EVERY {
                last_report = Instant::now();
                if !progress(stats.evaluated, total) {
                    return Err(EngineError::Cancelled);
                }
            }
        }
        if !progress(total, total) {
            return Err(EngineError::Cancelled);
        }
        Ok(stats)
    }

    /// Group indexes for the levels some node uses (None key = whole market).
    fn group_indexes(&self) -> Vec<(Option<GroupLevel>, GroupIndex)> {
        let mut out: Vec<(Option<GroupLevel>, GroupIndex)> = Vec::new();
        for node in &self.dag.nodes {
            if let Node::Neutralize(_, level) = node {
                if out.iter().any(|(l, _)| l == level) {
                    continue;
                }
                let idx = match level.and_then(|l| self.panel.groups(l)) {
                    Some(codes) => GroupIndex::new(codes),
                    None => GroupIndex::single(self.panel.n),
                };
                out.push((*level, idx));
            }
        }
        out
    }

    fn eval_node(
        &self,
        node: &Node,
        values: &[Option<Value<'p>>],
        groups: &[(Option<GroupLevel>, GroupIndex)],
        pool: &mut Vec<Vec<f64>>,
    ) -> Result<Value<'p>> {
        let shape = self.shape;
        let cells = shape.cells();
        let mut buf = || pool.pop().unwrap_or_else(|| vec![0.0; cells]);
        let get = |id: NodeId| -> Result<&Value<'p>> {
            values[id as usize]
                .as_ref()
                .ok_or_else(|| EngineError::Internal(format!("node {id} used after it was freed")))
        };
        Ok(match *node {
            Node::Leaf(l) => leaf::leaf(l, self.panel, shape),
            Node::Const(bits) => Value::Scalar(f64::from_bits(bits)),
            Node::Unary(op, a) => Value::Owned(elementwise::unary(op, get(a)?.operand(), shape, buf())),
            Node::Binary(op, a, b) => Value::Owned(elementwise::binary(op, get(a)?.operand(), get(b)?.operand(), shape, buf())),
            Node::Ternary(c, a, b) => {
                Value::Owned(elementwise::ternary(get(c)?.operand(), get(a)?.operand(), get(b)?.operand(), shape, buf()))
            }
            Node::Ts(op, a, w) => Value::Owned(timeseries::rolling(op, &get(a)?.column(cells), w as usize, shape, buf())),
            Node::Pair(op, a, b, w) => Value::Owned(timeseries::pair(
                op,
                &get(a)?.column(cells),
                &get(b)?.column(cells),
                w as usize,
                shape,
                buf(),
            )),
            Node::Rank(a) => Value::Owned(cross_section::rank(&get(a)?.column(cells), shape, buf())),
            Node::Scale(a, k) => Value::Owned(cross_section::scale(&get(a)?.column(cells), f64::from_bits(k), shape, buf())),
            Node::Neutralize(a, level) => {
                let g = groups
                    .iter()
                    .find(|(l, _)| *l == level)
                    .map(|(_, g)| g)
                    .ok_or_else(|| EngineError::Internal("group index missing".into()))?;
                Value::Owned(cross_section::neutralize(&get(a)?.column(cells), g, shape, buf()))
            }
        })
    }

    /// Date-major output rows `[t_start, shape.t)` of a root value.
    fn output(&self, v: &Value<'_>) -> Vec<f64> {
        let (t, n) = (self.shape.t, self.shape.n);
        let rows = t.saturating_sub(self.t_start);
        match v {
            Value::Scalar(x) => vec![*x; rows * n],
            Value::Owned(col) => crate::panel::to_date_major(col, t, n, self.t_start, t),
            Value::Borrowed(col) => crate::panel::to_date_major(col, t, n, self.t_start, t),
        }
    }
}

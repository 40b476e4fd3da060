//! The scheduler. Needed DAG nodes run as soon as their inputs exist, on
//! `threads` workers (the calling thread is one of them, so the progress
//! callback always runs on the caller's thread — a JS callback must). Ready
//! nodes are taken lowest id first, which follows the formulas' order and
//! keeps the set of live columns small. Every intermediate column is freed
//! (and its buffer recycled) as soon as its last consumer has run, and each
//! formula's output is handed out as soon as its root exists.
//!
//! Independent nodes run concurrently, each on one thread; when a node is
//! the only runnable work, its kernel itself is split across all threads.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::buffers::Buffers;
use super::dag::Dag;
use super::node::{Node, NodeId};
use super::nodes::{dispatch, Shape, Value};
use super::output::FileSink;
use crate::cross::neutralize::GroupIndex;
use crate::error::{EngineError, Result};
use crate::expr::GroupLevel;
use crate::panel::PanelView;

/// One formula rooted at a node: (formula, memory-mode values, finite count).
type RootOutput = (usize, Option<Vec<f64>>, usize);

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
    /// Thread-seconds spent per node family: leaf/const, elementwise,
    /// rolling, pair (corr/cov), cross-section (rank/scale/neutralize), output.
    pub seconds: [f64; 6],
}

pub struct Executor<'p, 'v> {
    pub panel: &'v PanelView<'p>,
    pub shape: Shape,
    pub dag: &'v Dag,
    /// Root node of each formula (None for formulas that failed to lower).
    pub roots: &'v [Option<NodeId>],
    /// Output dates of formula `k`: `[t_start, t_start + rows[k])`.
    pub t_start: usize,
    pub rows: &'v [usize],
    /// Write outputs into this values file instead of returning them.
    pub sink: Option<&'v FileSink>,
    /// Called with every evaluated node, its inputs and its value (coverage
    /// diagnosis); None in ordinary runs.
    pub probe: Option<&'v Probe<'v>>,
}

/// See [`Executor::probe`]: (node id, inputs, value, shape).
pub type Probe<'a> = dyn Fn(NodeId, &[&Value<'_>], &Value<'_>, Shape) + Sync + 'a;

/// What the executor hands back per formula.
pub struct Outputs {
    /// Date-major values (memory mode; None in file mode or without a root).
    pub values: Vec<Option<Vec<f64>>>,
    /// Finite values in each formula's output.
    pub finite: Vec<usize>,
}

/// Mutable scheduling state, behind one mutex (held only between nodes).
struct State<'p> {
    values: Vec<Option<Arc<Value<'p>>>>,
    /// Remaining consumers of each node (parents + formulas rooted there).
    refs: Vec<u32>,
    /// Inputs not yet computed, per node.
    pending: Vec<u32>,
    ready: BinaryHeap<Reverse<NodeId>>,
    running: usize,
    done: usize,
    outputs: Vec<Option<Vec<f64>>>,
    finite: Vec<usize>,
    error: Option<EngineError>,
    cancelled: bool,
    live: usize,
    stats: ExecStats,
    /// Per node kind (count, thread-seconds) when ALPHADESK_NODE_TIMES is set.
    node_times: Option<std::collections::BTreeMap<String, (usize, f64)>>,
}

struct Plan {
    needed: Vec<bool>,
    parents: Vec<Vec<NodeId>>,
    root_of: Vec<Vec<usize>>,
    total: usize,
}

impl<'p> Executor<'p, '_> {
    /// Evaluate every formula that lowered; returns each formula's
    /// date-major output (None for formulas without a root) and counters.
    pub fn run(&self, progress: &mut dyn FnMut(usize, usize) -> bool) -> Result<(Outputs, ExecStats)> {
        let nodes = &self.dag.nodes;
        let len = nodes.len();
        let plan = self.plan();
        let mut refs = vec![0u32; len];
        let mut pending = vec![0u32; len];
        let mut ready = BinaryHeap::new();
        for id in 0..len {
            if !plan.needed[id] {
                continue;
            }
            for c in nodes[id].children() {
                refs[c as usize] += 1;
                pending[id] += 1;
            }
            refs[id] += plan.root_of[id].len() as u32;
            if pending[id] == 0 {
                ready.push(Reverse(id as NodeId));
            }
        }
        let state = Mutex::new(State {
            values: (0..len).map(|_| None).collect(),
            refs,
            pending,
            ready,
            running: 0,
            done: 0,
            outputs: (0..self.roots.len()).map(|_| None).collect(),
            finite: vec![0; self.roots.len()],
            error: None,
            cancelled: false,
            live: 0,
            stats: ExecStats { nodes: len, ..ExecStats::default() },
            node_times: std::env::var_os("ALPHADESK_NODE_TIMES").map(|_| Default::default()),
        });
        let wake = Condvar::new();
        let groups = self.group_indexes();
        let buffers = Buffers::new(self.shape.cells());
        if !progress(0, plan.total) {
            return Err(EngineError::Cancelled);
        }
        let workers = self.shape.threads.max(1);
        std::thread::scope(|s| {
            for _ in 1..workers {
                s.spawn(|| self.work(&state, &wake, &plan, &groups, &buffers, None));
            }
            self.work(&state, &wake, &plan, &groups, &buffers, Some(progress));
        });
        let st = state.into_inner().map_err(|_| EngineError::Internal("a worker panicked".into()))?;
        if let Some(e) = st.error {
            return Err(e);
        }
        if st.cancelled {
            return Err(EngineError::Cancelled);
        }
        if !progress(plan.total, plan.total) {
            return Err(EngineError::Cancelled);
        }
        let mut stats = st.stats;
        stats.evaluated = st.done;
        if let Some(times) = &st.node_times {
            // Diagnostics for profiling (env-gated): thread-seconds per node kind.
            let mut rows: Vec<_> = times.iter().collect();
            rows.sort_by(|a, b| b.1 .1.total_cmp(&a.1 .1));
            eprintln!("node kind                      count   seconds");
            for (k, (c, secs)) in rows {
                eprintln!("{k:<30} {c:>5} {secs:>9.4}");
            }
        }
        Ok((Outputs { values: st.outputs, finite: st.finite }, stats))
    }

    fn plan(&self) -> Plan {
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
        let mut parents = vec![Vec::new(); len];
        for id in 0..len {
            if needed[id] {
                for c in nodes[id].children() {
                    parents[c as usize].push(id as NodeId);
                }
            }
        }
        let mut root_of = vec![Vec::new(); len];
        for (f, r) in self.roots.iter().enumerate() {
            if let Some(r) = r {
                root_of[*r as usize].push(f);
            }
        }
        let total = needed.iter().filter(|&&b| b).count();
        Plan { needed, parents, root_of, total }
    }

    fn lock<'a>(state: &'a Mutex<State<'p>>) -> MutexGuard<'a, State<'p>> {
        // A poisoned lock means another worker panicked mid-update; the
        // panic itself propagates out of the scope, so just keep going.
        state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// One worker: take ready nodes until everything is done, cancelled or failed.
    fn work(
        &self,
        state: &Mutex<State<'p>>,
        wake: &Condvar,
        plan: &Plan,
        groups: &[(Option<GroupLevel>, GroupIndex)],
        buffers: &Buffers,
        mut progress: Option<&mut dyn FnMut(usize, usize) -> bool>,
    ) {
        let nodes = &self.dag.nodes;
        let mut last_report = Instant::now();
        loop {
            // Pick a node and collect its inputs.
            let (id, inputs, split) = {
                let mut st = Self::lock(state);
                loop {
                    if st.error.is_some() || st.cancelled || st.done == plan.total {
                        wake.notify_all();
                        return;
                    }
                    if let Some(Reverse(id)) = st.ready.pop() {
                        let node = nodes[id as usize];
                        let inputs: Vec<Arc<Value<'p>>> = node.children().filter_map(|c| st.values[c as usize].clone()).collect();
                        // Nothing else to run: let this node's kernel use every thread.
                        let split = st.ready.is_empty() && st.running == 0;
                        st.running += 1;
                        break (id, inputs, split);
                    }
                    st = wake.wait(st).unwrap_or_else(|p| p.into_inner());
                }
            };
            let node = nodes[id as usize];
            let shape = Shape { threads: if split { self.shape.threads } else { 1 }, ..self.shape };
            let started = Instant::now();
            let refs: Vec<&Value<'p>> = inputs.iter().map(|a| a.as_ref()).collect();
            let result = dispatch::eval_node(&node, &refs, self.panel, groups, shape, buffers);
            let eval_secs = started.elapsed().as_secs_f64();
            if let (Some(probe), Ok(v)) = (self.probe, &result) {
                probe(id, &refs, v, shape);
            }
            drop(refs);
            drop(inputs);
            let value = match result {
                Ok(v) => Arc::new(v),
                Err(e) => {
                    let mut st = Self::lock(state);
                    st.error.get_or_insert(e);
                    wake.notify_all();
                    return;
                }
            };
            // Outputs of formulas rooted here, computed outside the lock.
            let started = Instant::now();
            let outs: std::io::Result<Vec<RootOutput>> =
                plan.root_of[id as usize].iter().map(|&f| self.output(&value, f).map(|(v, fin)| (f, v, fin))).collect();
            let out_secs = started.elapsed().as_secs_f64();
            let outs = match outs {
                Ok(o) => o,
                Err(e) => {
                    let mut st = Self::lock(state);
                    st.error.get_or_insert(EngineError::Io { context: "cannot write the values file".into(), source: e });
                    wake.notify_all();
                    return;
                }
            };

            let (done, total) = {
                let mut st = Self::lock(state);
                st.running -= 1;
                st.done += 1;
                st.stats.seconds[dispatch::family(&node)] += eval_secs;
                if let Some(t) = st.node_times.as_mut() {
                    let label = match node {
                        Node::Rank(c) => {
                            format!("rank of {}", dispatch::kind_label(&nodes[c as usize]))
                        }
                        _ => dispatch::kind_label(&node),
                    };
                    let e = t.entry(label).or_insert((0, 0.0));
                    e.0 += 1;
                    e.1 += eval_secs;
                }
                st.stats.seconds[5] += out_secs;
                if matches!(*value, Value::Owned(_) | Value::Rows(_)) {
                    st.live += 1;
                    st.stats.peak_live = st.stats.peak_live.max(st.live);
                }
                let roots = outs.len() as u32;
                for (f, o, fin) in outs {
                    st.outputs[f] = o;
                    st.finite[f] = fin;
                }
                st.values[id as usize] = Some(value);
                for c in node.children() {
                    Self::release(&mut st, c, 1, buffers);
                }
                if roots > 0 {
                    Self::release(&mut st, id, roots, buffers);
                }
                for &p in &plan.parents[id as usize] {
                    st.pending[p as usize] -= 1;
                    if st.pending[p as usize] == 0 {
                        st.ready.push(Reverse(p));
                    }
                }
                wake.notify_all();
                (st.done, plan.total)
            };
            if let Some(cb) = progress.as_mut() {
                if last_report.elapsed() >= PROGRESS_EVERY && done < total {
                    last_report = Instant::now();
                    if !cb(done, total) {
                        Self::lock(state).cancelled = true;
                        wake.notify_all();
                        return;
                    }
                }
            }
        }
    }

    /// Drop `k` references to node `id`; free its column at zero.
    fn release(st: &mut State<'p>, id: NodeId, k: u32, buffers: &Buffers) {
        let i = id as usize;
        st.refs[i] -= k;
        if st.refs[i] == 0 {
            if let Some(v) = st.values[i].take() {
                if let Ok(Value::Owned(buf) | Value::Rows(buf)) = Arc::try_unwrap(v) {
                    st.live -= 1;
                    buffers.give(buf);
                }
            }
        }
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

    /// Formula `f`'s date-major output rows of a root value: returned
    /// (memory mode) or written to the values file; with the finite count.
    fn output(&self, v: &Value<'_>, f: usize) -> std::io::Result<(Option<Vec<f64>>, usize)> {
        let (t, n) = (self.shape.t, self.shape.n);
        let rows = self.rows[f].min(t.saturating_sub(self.t_start));
        let file = match self.sink {
            Some(sink) => match sink.offsets[f] {
                Some(offset) => Some((sink, offset)),
                None => return Ok((None, 0)),
            },
            None => None,
        };
        super::output::emit(v, t, n, self.t_start, rows, file)
    }
}

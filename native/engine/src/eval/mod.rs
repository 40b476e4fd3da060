//! Evaluating formulas over a panel.
//!
//! All formulas of one call are parsed, lowered into one hash-consed DAG
//! (shared subexpressions such as `returns`, `adv20` or `rank(volume)` are
//! computed once), and evaluated column-wise with incremental rolling
//! kernels. A formula that fails to parse or needs data the panel lacks gets
//! its own error; the others still compute. The `naive` option evaluates
//! the same formulas without sharing, single-threaded, with from-scratch
//! window kernels (the benchmark baseline and a consistency check).
//!
//! Dates: the output covers `[from, to]` (inclusive, in the panel's date
//! units); all earlier data is still used as warm-up for the windows.

pub mod buffers;
pub mod dag;
pub mod diagnose;
pub mod exec;
pub mod lower;
pub mod node;
pub mod nodes;
pub mod output;

use crate::error::{EngineError, Result};
use crate::expr::{parse, GroupLevel};
use crate::panel::PanelView;

pub use diagnose::{diagnose, Culprit, Diagnosis};
pub use exec::ExecStats;
pub use nodes::Policy;
pub use output::Written;

#[derive(Debug, Clone)]
pub struct FormulaSpec {
    pub name: String,
    pub text: String,
    /// Last output date of this formula (inclusive; at most the call's
    /// `to`): a formula may need fewer dates than the call computes.
    pub to: Option<f64>,
}

impl FormulaSpec {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        FormulaSpec { name: name.into(), text: text.into(), to: None }
    }

    pub fn until(mut self, to: Option<f64>) -> Self {
        self.to = to;
        self
    }
}

#[derive(Debug, Clone, Default)]
pub struct EvalOptions {
    /// First output date (inclusive), in the panel's date units.
    pub from: Option<f64>,
    /// Last output date (inclusive).
    pub to: Option<f64>,
    /// Threads for data-parallel kernels; default: available parallelism.
    pub threads: Option<usize>,
    /// Baseline mode: no CSE, from-scratch windows, one thread.
    pub naive: bool,
    /// Write every formula's values into this file (layout in [`output`])
    /// instead of returning them: results then carry `written`, not `values`.
    pub output_path: Option<std::path::PathBuf>,
    /// Missing values in windows: `strict` (default) or `lenient`.
    pub policy: Policy,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FormulaError {
    /// Stable code: PARSE_ERROR, MISSING_FIELD, INVALID_ARGUMENT, ...
    pub code: &'static str,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct FormulaResult {
    pub name: String,
    /// Date-major `T_out × N` values when the formula evaluated (memory mode).
    pub values: Option<Vec<f64>>,
    /// Where its block went (file mode) and its finite count.
    pub written: Option<Written>,
    /// Finite values in the output (either mode).
    pub finite: usize,
    pub error: Option<FormulaError>,
    /// Non-fatal notes, e.g. a group level that fell back to a coarser one.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct EvalOutput {
    /// Output dates (`T_out`), as numbers in the panel's units.
    pub dates: Vec<f64>,
    pub symbols: Vec<String>,
    pub results: Vec<FormulaResult>,
    pub stats: ExecStats,
}

fn formula_error(e: &EngineError) -> FormulaError {
    FormulaError { code: e.code(), message: e.to_string() }
}

/// What every evaluation sets up: the output window, the shape, and all
/// formulas lowered into one DAG (roots None for formulas that failed, with
/// their error in `results`).
pub(crate) struct Prepared {
    pub dates: Vec<f64>,
    pub t_start: usize,
    pub t_end: usize,
    pub shape: nodes::Shape,
    pub dag: dag::Dag,
    pub roots: Vec<Option<node::NodeId>>,
    pub results: Vec<FormulaResult>,
}

pub(crate) fn prepare(panel: &PanelView<'_>, formulas: &[FormulaSpec], opts: &EvalOptions) -> Result<Prepared> {
    let dates: Vec<f64> = (0..panel.t).map(|t| panel.dates.get(t)).collect();
    let t_end = match opts.to {
        Some(to) => dates.partition_point(|&d| d <= to),
        None => panel.t,
    };
    let t_start = match opts.from {
        Some(from) => dates.partition_point(|&d| d < from).min(t_end),
        None => 0,
    };
    let threads = if opts.naive {
        1
    } else {
        opts.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).clamp(1, 256)
    };
    if let Policy::Lenient { min_share } = opts.policy {
        if !(min_share > 0.0 && min_share <= 1.0) {
            return Err(EngineError::InvalidArgument(format!("minShare must be in (0, 1], got {min_share}")));
        }
    }
    let shape = nodes::Shape { t: t_end, n: panel.n, threads, naive: opts.naive, policy: opts.policy };

    let caps = lower::PanelCaps {
        has_cap: panel.cap.is_some(),
        has_sector: panel.groups(GroupLevel::Sector).is_some(),
        has_industry: panel.groups(GroupLevel::Industry).is_some(),
        has_subindustry: panel.groups(GroupLevel::Subindustry).is_some(),
    };
    let mut dag = dag::Dag::new(!opts.naive);
    let mut roots = Vec::with_capacity(formulas.len());
    let mut results = Vec::with_capacity(formulas.len());
    for f in formulas {
        let mut result =
            FormulaResult { name: f.name.clone(), values: None, written: None, finite: 0, error: None, warnings: Vec::new() };
        let root = match parse(&f.text) {
            Err(pe) => {
                result.error = Some(formula_error(&EngineError::Parse(pe)));
                None
            }
            Ok(expr) => {
                let mut lw = lower::Lowerer { dag: &mut dag, caps, warnings: Vec::new() };
                let r = lw.lower(&expr);
                result.warnings = std::mem::take(&mut lw.warnings);
                match r {
                    Ok(id) => Some(id),
                    Err(e) => {
                        result.error = Some(formula_error(&e));
                        None
                    }
                }
            }
        };
        roots.push(root);
        results.push(result);
    }

    Ok(Prepared { dates, t_start, t_end, shape, dag, roots, results })
}

/// Evaluate `formulas` over `panel`. `progress(done, total)` is called a few
/// times per second at most (done/total count DAG nodes); returning `false`
/// cancels with [`EngineError::Cancelled`].
pub fn evaluate(
    panel: &PanelView<'_>,
    formulas: &[FormulaSpec],
    opts: &EvalOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<EvalOutput> {
    let Prepared { dates, t_start, t_end, shape, dag, roots, mut results } = prepare(panel, formulas, opts)?;
    // Output dates per formula: [t_start, t_start + rows[k]).
    let rows: Vec<usize> = formulas
        .iter()
        .map(|f| {
            let end = match f.to {
                Some(to) => dates.partition_point(|&d| d <= to).min(t_end),
                None => t_end,
            };
            end.saturating_sub(t_start)
        })
        .collect();
    let has_root: Vec<bool> = roots.iter().map(Option::is_some).collect();
    let sink = match &opts.output_path {
        Some(path) => Some(output::FileSink::create(path, &has_root, &rows, panel.n)?),
        None => None,
    };

    let mut run = || -> Result<ExecStats> {
        if shape.t == 0 || shape.n == 0 {
            // Nothing to compute (no dates up to `to`, or no instruments): every
            // formula that lowered gets an empty output.
            for (r, root) in results.iter_mut().zip(&roots) {
                if root.is_some() && sink.is_none() {
                    r.values = Some(Vec::new());
                }
            }
            if !progress(0, 0) {
                return Err(EngineError::Cancelled);
            }
            return Ok(ExecStats { nodes: dag.len(), ..ExecStats::default() });
        }
        let exec =
            exec::Executor { panel, shape, dag: &dag, roots: &roots, t_start, rows: &rows, sink: sink.as_ref(), probe: None };
        let (outputs, stats) = exec.run(progress)?;
        for ((r, v), fin) in results.iter_mut().zip(outputs.values).zip(outputs.finite) {
            r.values = v;
            r.finite = fin;
        }
        Ok(stats)
    };
    let stats = match run() {
        Ok(s) => s,
        Err(e) => {
            if let Some(sink) = sink {
                sink.abandon();
            }
            return Err(e);
        }
    };
    if let Some(sink) = sink {
        for ((r, off), &k) in results.iter_mut().zip(&sink.offsets).zip(&rows) {
            r.written = off.map(|offset| Written { offset, rows: k, finite: r.finite });
        }
        sink.commit()?;
    }
    Ok(EvalOutput { dates: dates[t_start..t_end].to_vec(), symbols: panel.symbols.clone(), results, stats })
}

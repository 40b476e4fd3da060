//! Formula parsing (editor) and evaluation over a memory-mapped panel.

use alphadesk_engine::eval::{evaluate, EvalOptions, FormulaSpec, Policy};
use alphadesk_engine::expr::inspect;
use alphadesk_engine::panel::MappedPanel;
use alphadesk_engine::EngineError;
use napi::bindgen_prelude::{Either, Float64Array, FnArgs, Function, Unknown};
use napi::ValueType;
use napi_derive::napi;

use crate::error::{coded, to_napi};
use crate::guard::guarded;

#[napi(object)]
pub struct FormulaInput {
    pub name: String,
    pub text: String,
    /// Last output date of this formula (inclusive, at most the call's `to`);
    /// default: the call's `to`.
    pub to: Option<f64>,
}

#[napi(object)]
pub struct EvaluateOptions {
    /// First output date (inclusive), same units as the panel's dates.
    /// Earlier data is still used to warm up the windows.
    pub from: Option<f64>,
    /// Last output date (inclusive).
    pub to: Option<f64>,
    /// Maximum threads (default: all cores).
    pub threads: Option<u32>,
    /// Benchmark baseline: no shared subexpressions, windows recomputed from
    /// scratch, single-threaded. Same results up to rounding.
    pub naive: Option<bool>,
    /// Write the values into this file instead of returning them: one float64
    /// block per formula that evaluated, in formula order, each
    /// `rows × symbols.length` date-major, packed from offset 0 (each
    /// result's `offset`). Written as `<outputPath>.tmp-<pid>` and renamed
    /// when complete; removed on failure.
    pub output_path: Option<String>,
    /// Missing values in windows: `strict` (default; a window needs every
    /// day with a value) or `lenient` (a window needs `minShare` of its days
    /// and is computed over those; a constant window's correlation is 0).
    #[napi(ts_type = "'strict' | 'lenient'")]
    pub policy: Option<String>,
    /// Share of a window that must hold values under `lenient` (0 < s ≤ 1; default 0.5).
    pub min_share: Option<f64>,
}

#[napi(object)]
pub struct FormulaErrorInfo {
    /// Stable code: PARSE_ERROR, MISSING_FIELD, INVALID_ARGUMENT, ...
    pub code: String,
    pub message: String,
}

#[napi(object)]
pub struct FormulaOutput {
    pub name: String,
    /// Date-major `rows * symbols.length` values (`t * N + i`); absent on
    /// error and when `outputPath` is given.
    pub values: Option<Float64Array>,
    /// Byte offset of the block in the `outputPath` file (absent on error or
    /// without `outputPath`).
    pub offset: Option<f64>,
    /// Dates in the output (from the window's first date; fewer than
    /// `dates.length` when the formula's own `to` is earlier); absent on error.
    pub rows: Option<u32>,
    /// Finite (not NaN, not ±inf) values in the output; 0 on error.
    pub finite: f64,
    pub error: Option<FormulaErrorInfo>,
    /// Non-fatal notes, e.g. "IndClass.subindustry: ... neutralized by industry instead".
    pub warnings: Vec<String>,
}

#[napi(object)]
pub struct EvaluateResult {
    /// Output dates (the `from`..`to` window) as numbers.
    pub dates: Float64Array,
    pub symbols: Vec<String>,
    /// One entry per input formula, same order.
    pub results: Vec<FormulaOutput>,
    pub stats: EvaluateStats,
}

#[napi(object)]
pub struct EvaluateStats {
    /// DAG nodes (after sharing common subexpressions) and nodes evaluated.
    pub nodes: u32,
    pub evaluated: u32,
    /// Most intermediate columns alive at once.
    pub peak_live: u32,
    /// Thread-seconds per node family: leaf, elementwise, rolling, corr/cov,
    /// cross-section, output (transpose + write).
    pub seconds: Vec<f64>,
}

/// The engine policy from the options' `policy` / `minShare`.
pub(crate) fn policy_of(policy: Option<&str>, min_share: Option<f64>) -> napi::Result<Policy> {
    match policy.unwrap_or("strict") {
        "strict" => Ok(Policy::Strict),
        "lenient" => Ok(Policy::Lenient { min_share: min_share.unwrap_or(Policy::DEFAULT_MIN_SHARE) }),
        other => {
            let shown: String = other.chars().take(40).collect();
            Err(coded("INVALID_ARGUMENT", &format!("policy must be 'strict' or 'lenient', got '{shown}'")))
        }
    }
}

/// Evaluate formulas over a panel file written by `writePanel`. All formulas
/// share one DAG (common subexpressions computed once). A formula that fails
/// (parse error, missing `cap`) gets `error`; the others still compute.
/// `onProgress(done, total)` is called synchronously on this thread at most
/// ~5 times per second (done/total = DAG nodes); returning `false` cancels
/// the evaluation (throws `CANCELLED: ...`).
#[napi]
pub fn evaluate_formulas(
    panel_path: String,
    formulas: Vec<FormulaInput>,
    options: Option<EvaluateOptions>,
    #[napi(ts_arg_type = "(done: number, total: number) => boolean | void")] on_progress: Option<
        Function<'_, FnArgs<(u32, u32)>, Unknown<'_>>,
    >,
) -> napi::Result<EvaluateResult> {
    guarded(|| {
        let mapped = MappedPanel::open(std::path::Path::new(&panel_path)).map_err(to_napi)?;
        let view = mapped.view();
        let specs: Vec<FormulaSpec> = formulas.into_iter().map(|f| FormulaSpec::new(f.name, f.text).until(f.to)).collect();
        let opts = match options {
            None => EvalOptions::default(),
            Some(o) => EvalOptions {
                policy: policy_of(o.policy.as_deref(), o.min_share)?,
                from: o.from,
                to: o.to,
                threads: o.threads.map(|t| t as usize),
                naive: o.naive.unwrap_or(false),
                output_path: o.output_path.map(std::path::PathBuf::from),
            },
        };
        // A throwing callback stops the run; its error is reported instead of CANCELLED.
        let mut callback_error: Option<napi::Error> = None;
        let mut progress = |done: usize, total: usize| -> bool {
            let Some(cb) = &on_progress else { return true };
            match cb.call(FnArgs::from((done as u32, total as u32))) {
                Ok(ret) => match ret.get_type() {
                    // SAFETY: the value was just checked to be a JS boolean.
                    Ok(ValueType::Boolean) => unsafe { ret.cast::<bool>() }.unwrap_or(true),
                    _ => true,
                },
                Err(e) => {
                    callback_error = Some(e);
                    false
                }
            }
        };
        let out = evaluate(&view, &specs, &opts, &mut progress);
        release_free_memory();
        if let Some(e) = callback_error {
            return Err(coded("PROGRESS_CALLBACK", &format!("onProgress threw: {}", e.reason)));
        }
        let out = out.map_err(|e| match e {
            EngineError::Cancelled => coded("CANCELLED", "evaluation cancelled by onProgress"),
            other => to_napi(other),
        })?;
        let n = out.symbols.len();
        Ok(EvaluateResult {
            dates: Float64Array::new(out.dates),
            symbols: out.symbols,
            results: out
                .results
                .into_iter()
                .map(|r| FormulaOutput {
                    name: r.name,
                    rows: r.values.as_ref().map(|v| (v.len() / n.max(1)) as u32).or(r.written.map(|w| w.rows as u32)),
                    values: r.values.map(Float64Array::new),
                    offset: r.written.map(|w| w.offset as f64),
                    finite: r.finite as f64,
                    error: r.error.map(|e| FormulaErrorInfo { code: e.code.to_string(), message: e.message }),
                    warnings: r.warnings,
                })
                .collect(),
            stats: EvaluateStats {
                nodes: out.stats.nodes as u32,
                evaluated: out.stats.evaluated as u32,
                peak_live: out.stats.peak_live as u32,
                seconds: out.stats.seconds.to_vec(),
            },
        })
    })
}

/// Return the evaluation's freed buffers to the OS. Column buffers are
/// large (one T×N column each, tens of them alive at the peak); glibc keeps
/// such freed blocks in its arenas once its mmap threshold has adapted to
/// them, so a worker would otherwise stay at its peak resident size
/// between computes. A few milliseconds.
pub(crate) fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free heap memory; always safe to call.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[napi(object)]
pub struct ParseOk {
    #[napi(ts_type = "true")]
    pub ok: bool,
    /// Canonical form: lowercase names, every operation parenthesised.
    pub normalized: String,
    /// Inputs used (`close`, `adv20`, `indclass.sector`, ...).
    pub fields: Vec<String>,
    /// Functions and operators used (`rank`, `ts_rank`, `*`, `?:`, ...).
    pub operators: Vec<String>,
}

#[napi(object)]
pub struct ParseErrorInfo {
    pub message: String,
    /// 0-based character offset.
    pub offset: u32,
    /// 1-based line and column.
    pub line: u32,
    pub column: u32,
    pub expected: Vec<String>,
    pub suggestion: Option<String>,
}

#[napi(object)]
pub struct ParseFail {
    #[napi(ts_type = "false")]
    pub ok: bool,
    pub error: ParseErrorInfo,
}

/// Parse a formula for the editor (fast; call it as the user types).
#[napi]
pub fn parse_formula(text: String) -> napi::Result<Either<ParseOk, ParseFail>> {
    guarded(|| {
        Ok(match inspect(&text) {
            Ok((_, info)) => {
                Either::A(ParseOk { ok: true, normalized: info.normalized, fields: info.fields, operators: info.operators })
            }
            Err(e) => Either::B(ParseFail {
                ok: false,
                error: ParseErrorInfo {
                    message: e.message,
                    offset: e.offset as u32,
                    line: e.line as u32,
                    column: e.column as u32,
                    expected: e.expected,
                    suggestion: e.suggestion,
                },
            }),
        })
    })
}

/// The 101 alphas as `{name: 'alpha001', text}` (text as in the paper),
/// from resources/alphas/alpha101.txt compiled into the engine.
#[napi]
pub fn alpha101_formulas() -> Vec<FormulaInput> {
    alphadesk_engine::alphas::alpha101().into_iter().map(|f| FormulaInput { name: f.name, text: f.text, to: None }).collect()
}

//! Coverage diagnosis: which operator first lost an alpha's values, and why.

use alphadesk_engine::eval::{diagnose, EvalOptions, FormulaSpec};
use alphadesk_engine::panel::MappedPanel;
use napi_derive::napi;

use crate::error::to_napi;
use crate::formulas::{policy_of, FormulaInput};
use crate::guard::guarded;

#[napi(object)]
pub struct DiagnoseOptions {
    /// Same window and policy as the run being diagnosed.
    pub from: Option<f64>,
    pub to: Option<f64>,
    pub threads: Option<u32>,
    #[napi(ts_type = "'strict' | 'lenient'")]
    pub policy: Option<String>,
    pub min_share: Option<f64>,
}

#[napi(object)]
pub struct CoverageCulprit {
    /// The operator as written in formulas: `correlation`, `ts_argmax`, `log`, `/`, `volume`.
    pub operator: String,
    /// The subexpression it computes (≤ ~80 characters).
    pub expression: String,
    /// Share (0..1) of its output cells with a value, and the lowest among its inputs.
    pub coverage: f64,
    pub input_coverage: f64,
    /// E.g. "correlation over a constant window in 41 % of windows",
    /// "needs 250 days of history; the range has 5".
    pub reason: String,
}

#[napi(object)]
pub struct CoverageDiagnosis {
    pub name: String,
    /// Share (0..1) of the formula's output cells with a value.
    pub coverage: f64,
    /// First operator whose values were mostly (< 50 %) missing, then the first
    /// whose values were (nearly, < 5 %) all missing when that is another one.
    pub culprits: Vec<CoverageCulprit>,
    /// One line for a chip or tooltip.
    pub summary: String,
    pub error: Option<String>,
}

/// Diagnose the coverage of `formulas` over the panel file (evaluated together,
/// as in a run, with a probe on every operator). Meant for the few alphas of a
/// run with low coverage: it costs about one evaluation of them.
#[napi]
pub fn diagnose_coverage(
    panel_path: String,
    formulas: Vec<FormulaInput>,
    options: Option<DiagnoseOptions>,
) -> napi::Result<Vec<CoverageDiagnosis>> {
    guarded(|| {
        let mapped = MappedPanel::open(std::path::Path::new(&panel_path)).map_err(to_napi)?;
        let specs: Vec<FormulaSpec> = formulas.into_iter().map(|f| FormulaSpec::new(f.name, f.text).until(f.to)).collect();
        let opts = match options {
            None => EvalOptions::default(),
            Some(o) => EvalOptions {
                from: o.from,
                to: o.to,
                threads: o.threads.map(|t| t as usize),
                policy: policy_of(o.policy.as_deref(), o.min_share)?,
                ..EvalOptions::default()
            },
        };
        let out = diagnose(&mapped.view(), &specs, &opts).map_err(to_napi)?;
        crate::formulas::release_free_memory();
        Ok(out
            .into_iter()
            .map(|d| CoverageDiagnosis {
                name: d.name,
                coverage: d.coverage,
                culprits: d
                    .culprits
                    .into_iter()
                    .map(|c| CoverageCulprit {
                        operator: c.operator,
                        expression: c.expression,
                        coverage: c.coverage,
                        input_coverage: c.input_coverage,
                        reason: c.reason,
                    })
                    .collect(),
                summary: d.summary,
                error: d.error,
            })
            .collect())
    })
}

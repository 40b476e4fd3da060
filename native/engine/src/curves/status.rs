//! Per-date outcome of a fit, as a small code the binding can ship in a
//! Uint8Array next to the numbers.

use super::warnings::CurveWarning;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum FitStatus {
    Ok = 0,
    /// No live contract on the date.
    NoData = 1,
    /// Fewer distinct τ than parameters.
    TooFewPoints = 2,
    /// Singular normal equations.
    IllConditioned = 3,
    /// Iteration limit reached (the estimate is still returned).
    NotConverged = 4,
}

impl FitStatus {
    /// The betas are meaningful (a not-converged fit is kept but flagged).
    pub fn has_fit(self) -> bool {
        matches!(self, FitStatus::Ok | FitStatus::NotConverged)
    }
}

/// Summarise per-date statuses as warnings (`need` = parameters of the model).
pub fn status_warnings(status: &[u8], need: usize) -> Vec<CurveWarning> {
    let count = |s: FitStatus| status.iter().filter(|&&v| v == s as u8).count();
    let mut out = Vec::new();
    super::warnings::push_if(&mut out, CurveWarning::TooFewPoints { dates: count(FitStatus::TooFewPoints), need });
    super::warnings::push_if(&mut out, CurveWarning::IllConditioned { dates: count(FitStatus::IllConditioned) });
    super::warnings::push_if(&mut out, CurveWarning::NotConverged { dates: count(FitStatus::NotConverged) });
    out
}

//! Futures term structures: the curve panel (dates × contracts, aligned on
//! days to expiry) and everything computed from it.
//!
//! * [`panel`] — the panel built from long rows (date, contract, settle,
//!   close, volume, open interest); per date the live contracts in expiry
//!   order ("tenors"), with days to expiry τ.
//! * [`tenors`] — the tenor matrix and deviations from the front contract.
//! * [`spreads`] — calendar spreads, contango %, annualised roll yield, slope.
//! * [`cm`] — constant-maturity prices interpolated on days to expiry.
//! * [`ns`] / [`svensson`] — Nelson–Siegel and Svensson fits per date
//!   (linear least squares for the betas, 1-D search on λ when fitted).
//! * [`lm`] — a plain generic Levenberg–Marquardt solver, the bench baseline.
//! * [`pca`] — principal components of daily changes of constant-maturity points.
//! * [`continuous`] — continuous contracts: roll schedule and back-adjustment.
//! * [`warnings`] — what a degenerate input produced instead of garbage.

pub mod cm;
pub mod continuous;
pub mod linalg;
pub mod lm;
pub mod minimize;
pub mod ns;
pub mod panel;
pub mod pca;
pub mod spreads;
pub mod status;
pub mod svensson;
pub mod tenors;
pub mod warnings;

pub use panel::{CurvePanel, LongRows};
pub use status::FitStatus;
pub use warnings::CurveWarning;

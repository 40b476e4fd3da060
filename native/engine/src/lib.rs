//! alphadesk-engine: the pure-Rust core of alphadesk's native engine.
//!
//! No napi here: the `alphadesk-node` crate is a thin binding over this API,
//! so everything can be unit-tested with plain `cargo test`.
//!
//! * [`rolling`] — 1-D rolling-window kernels over a single series (one file
//!   per kernel family, one generic window driver).
//! * [`cross`] — cross-sectional row operators (rank, scale, indneutralize).
//! * [`expr`] — the formula language of "101 Formulaic Alphas": parser,
//!   normalized printer, editor diagnostics.
//! * [`eval`] — formulas → hash-consed DAG → column-wise evaluation.
//! * [`panel`] — dates × instruments data and its memory-mapped file format.
//! * [`alphas`] — the paper's 101 formulas (resources/alphas/alpha101.txt).
//! * [`stats`] — summary statistics of a price series.
//! * [`sim`] — stop-loss / take-profit trade simulation and SL×TP sweeps.
//! * [`curves`] — futures term structures: curve panel, spreads, Nelson–Siegel, PCA, continuous contracts.

pub mod alphas;
pub mod cross;
pub mod curves;
pub mod error;
pub mod eval;
pub mod expr;
pub mod panel;
pub mod parallel;
pub mod rolling;
pub mod sim;
pub mod stats;
pub mod synth;

pub use error::{EngineError, ParseError, Result};

/// Version of the engine crate (reported to JS as `engineVersion()`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Validate and floor a window length given as a float (the paper writes
/// windows like `8.93`, which mean 8). Windows below 1 are rejected.
pub fn window_from_f64(d: f64, what: &str) -> Result<usize> {
    if !d.is_finite() {
        return Err(EngineError::invalid(format!("{what} must be a finite number, got {d}")));
    }
    let w = d.floor();
    if w < 1.0 {
        return Err(EngineError::invalid(format!("{what} must be >= 1 (after flooring), got {d}")));
    }
    if w > u32::MAX as f64 {
        return Err(EngineError::invalid(format!("{what} is too large: {d}")));
    }
    Ok(w as usize)
}

//! Evaluation of each node kind, one file per family. Rolling functions take
//! instrument-major inputs (`n` series of length `t`), cross-sectional ones
//! either layout (and return date-major rows), elementwise ones any layout
//! as long as their operands share it (see [`Value`]); each returns a new
//! column and never sees the DAG.

pub mod cross_section;
pub mod dispatch;
pub mod elementwise;
pub mod leaf;
pub mod timeseries;

/// A node's value: a broadcast scalar, an owned column, a column borrowed
/// from the (memory-mapped) panel — all instrument-major — or an owned
/// date-major column (`Rows`: value of instrument i on date t at `t·n + i`).
///
/// Cross-sectional nodes produce `Rows` (they work one date at a time, so
/// scattering their result back to instrument-major would cost a transpose),
/// elementwise nodes over `Rows` operands stay `Rows`, and an output of `Rows`
/// is a plain copy. Rolling nodes, and elementwise nodes that mix layouts,
/// get instrument-major copies of `Rows` inputs.
#[derive(Debug)]
pub enum Value<'a> {
    Scalar(f64),
    Owned(Vec<f64>),
    Borrowed(&'a [f64]),
    Rows(Vec<f64>),
}

impl Value<'_> {
    /// The values as an elementwise operand, in the value's own layout.
    pub fn operand(&self) -> Operand<'_> {
        match self {
            Value::Scalar(v) => Operand::Scalar(*v),
            Value::Owned(v) | Value::Rows(v) => Operand::Array(v),
            Value::Borrowed(v) => Operand::Array(v),
        }
    }

    pub fn is_rows(&self) -> bool {
        matches!(self, Value::Rows(_))
    }
}

/// Elementwise operand view.
#[derive(Debug, Clone, Copy)]
pub enum Operand<'a> {
    Scalar(f64),
    Array(&'a [f64]),
}

impl<'a> Operand<'a> {
    /// The part of this operand that lines up with output range `[start, start+len)`.
    pub fn slice(self, start: usize, len: usize) -> Operand<'a> {
        match self {
            Operand::Scalar(v) => Operand::Scalar(v),
            Operand::Array(a) => Operand::Array(&a[start..start + len]),
        }
    }
}

/// Shape and execution settings shared by the node evaluators.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Dates evaluated (the panel may be truncated at the `to` bound).
    pub t: usize,
    /// Instruments.
    pub n: usize,
    /// Worker threads for data-parallel kernels (1 = inline).
    pub threads: usize,
    /// Use the from-scratch kernels (benchmark baseline).
    pub naive: bool,
    /// Missing values in windows.
    pub policy: Policy,
}

/// Missing-value policy of a run's windowed operators (see
/// [`crate::rolling::lenient`]).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Policy {
    /// A window needs all its days, each with a value (pandas
    /// `min_periods = w`); a constant window has no correlation.
    #[default]
    Strict,
    /// A window needs at least `min_share` of its days with a value and is
    /// computed over those; a constant window's correlation is 0.
    Lenient { min_share: f64 },
}

impl Policy {
    /// Default share of a window that must hold values under `lenient`.
    pub const DEFAULT_MIN_SHARE: f64 = 0.5;
}

impl Shape {
    pub fn cells(&self) -> usize {
        self.t * self.n
    }
}

//! Evaluation of each node kind, one file per family. Every function takes
//! instrument-major inputs (`n` series of length `t`) and returns a new
//! column; they never see the DAG.

pub mod cross_section;
pub mod elementwise;
pub mod leaf;
pub mod timeseries;

/// A node's value: a broadcast scalar, an owned column, or a column borrowed
/// from the (memory-mapped) panel.
#[derive(Debug)]
pub enum Value<'a> {
    Scalar(f64),
    Owned(Vec<f64>),
    Borrowed(&'a [f64]),
}

impl Value<'_> {
    pub fn operand(&self) -> Operand<'_> {
        match self {
            Value::Scalar(v) => Operand::Scalar(*v),
            Value::Owned(v) => Operand::Array(v),
            Value::Borrowed(v) => Operand::Array(v),
        }
    }

    /// The column, materialising a scalar to `len` copies when needed.
    pub fn column(&self, len: usize) -> std::borrow::Cow<'_, [f64]> {
        match self {
            Value::Scalar(v) => std::borrow::Cow::Owned(vec![*v; len]),
            Value::Owned(v) => std::borrow::Cow::Borrowed(v),
            Value::Borrowed(v) => std::borrow::Cow::Borrowed(v),
        }
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
}

impl Shape {
    pub fn cells(&self) -> usize {
        self.t * self.n
    }
}

//! Per-node dispatch: which evaluator runs a DAG node, with which layout
//! of its inputs. The scheduler ([`crate::eval::exec`]) only decides when a
//! node runs and what happens to its value afterwards.

use std::borrow::Cow;

use super::{cross_section, elementwise, leaf, timeseries, Shape, Value};
use crate::cross::neutralize::GroupIndex;
use crate::error::{EngineError, Result};
use crate::eval::buffers::Buffers;
use crate::eval::node::Node;
use crate::expr::GroupLevel;
use crate::panel::PanelView;

/// Elementwise operands, their transposed copies (when layouts mix), and
/// whether the result stays date-major.
type ElementwiseInputs<'a, 'p> = (Vec<&'a Value<'p>>, Vec<Option<Vec<f64>>>, bool);

/// Node family index into [`crate::eval::ExecStats::seconds`].
pub fn family(node: &Node) -> usize {
    match node {
        Node::Leaf(_) | Node::Const(_) => 0,
        Node::Unary(..) | Node::Binary(..) | Node::Ternary(..) => 1,
        Node::Ts(..) => 2,
        Node::Pair(..) => 3,
        Node::Rank(_) | Node::Scale(..) | Node::Neutralize(..) => 4,
    }
}

/// Elementwise operand `k`: its transposed copy when one was made, else the value.
fn operand<'a>(ins: &[&'a Value<'_>], conv: &'a [Option<Vec<f64>>], k: usize) -> super::Operand<'a> {
    match &conv[k] {
        Some(c) => super::Operand::Array(c),
        None => ins[k].operand(),
    }
}

/// The instrument-major column (`n` series of `t` dates) of a value: panel
/// and owned columns as they are; a scalar materialised and a date-major
/// value transposed, into a recycled buffer.
fn column<'a>(x: &'a Value<'_>, shape: Shape, buffers: &Buffers) -> Cow<'a, [f64]> {
    match x {
        Value::Scalar(v) => {
            let mut buf = buffers.take();
            buf.iter_mut().for_each(|o| *o = *v);
            Cow::Owned(buf)
        }
        Value::Rows(r) => {
            let mut buf = buffers.take();
            crate::panel::transpose_into(r, shape.t, shape.n, &mut buf);
            Cow::Owned(buf)
        }
        Value::Owned(v) => Cow::Borrowed(v),
        Value::Borrowed(v) => Cow::Borrowed(v),
    }
}

/// Hand a copy made by [`column`] back to the buffers.
fn recycle(c: Cow<'_, [f64]>, buffers: &Buffers) {
    if let Cow::Owned(buf) = c {
        buffers.give(buf);
    }
}

/// The input of a cross-sectional node in its own layout (a scalar
/// materialised; either layout of a scalar is the same).
fn cross_input<'a>(x: &'a Value<'_>, shape: Shape, buffers: &Buffers) -> Cow<'a, [f64]> {
    match x {
        Value::Rows(r) => Cow::Borrowed(r),
        other => column(other, shape, buffers),
    }
}

/// A node's kind with its window, for the per-kind timing dump.
pub fn kind_label(node: &Node) -> String {
    match node {
        Node::Leaf(l) => format!("leaf {l:?}"),
        Node::Const(_) => "const".into(),
        Node::Unary(op, _) => format!("unary {op:?}"),
        Node::Binary(op, ..) => format!("binary {op:?}"),
        Node::Ternary(..) => "ternary".into(),
        Node::Ts(op, _, w) => format!("ts {op:?} w{}", if *w <= 10 { w.to_string() } else { ">10".into() }),
        Node::Pair(op, _, _, w) => format!("pair {op:?} w{}", if *w <= 10 { w.to_string() } else { ">10".into() }),
        Node::Rank(_) => "rank".into(),
        Node::Scale(..) => "scale".into(),
        Node::Neutralize(..) => "neutralize".into(),
    }
}

/// Evaluate one node from its inputs (children in order); its result and
/// any scratch columns come from `buffers`.
pub fn eval_node<'p>(
    node: &Node,
    inputs: &[&Value<'p>],
    panel: &PanelView<'p>,
    groups: &[(Option<GroupLevel>, GroupIndex)],
    shape: Shape,
    buffers: &Buffers,
) -> Result<Value<'p>> {
    let input = |k: usize| -> Result<&Value<'p>> {
        inputs.get(k).copied().ok_or_else(|| EngineError::Internal("node input missing".into()))
    };
    let buf = || buffers.take();
    // Elementwise nodes keep their operands' layout; when date-major and
    // instrument-major operands meet, the date-major ones are transposed.
    let elementwise_inputs = |arity: usize| -> Result<ElementwiseInputs<'_, 'p>> {
        let ins = (0..arity).map(input).collect::<Result<Vec<_>>>()?;
        let any_rows = ins.iter().any(|v| v.is_rows());
        let any_cols = ins.iter().any(|v| matches!(v, Value::Owned(_) | Value::Borrowed(_)));
        let mixed = any_rows && any_cols;
        let conv = ins
            .iter()
            .map(|v| match v {
                // A transposed copy (owned, so `into_owned` moves it).
                Value::Rows(_) if mixed => Some(column(v, shape, buffers).into_owned()),
                _ => None,
            })
            .collect();
        Ok((ins, conv, any_rows && !any_cols))
    };
    let wrap = |rows: bool, v: Vec<f64>| {
        if rows {
            Value::Rows(v)
        } else {
            Value::Owned(v)
        }
    };
    let give_back = |conv: Vec<Option<Vec<f64>>>| conv.into_iter().flatten().for_each(|b| buffers.give(b));
    Ok(match *node {
        Node::Leaf(l) => leaf::leaf(l, panel, shape),
        Node::Const(bits) => Value::Scalar(f64::from_bits(bits)),
        Node::Unary(op, _) => {
            let (ins, conv, rows) = elementwise_inputs(1)?;
            let v = elementwise::unary(op, operand(&ins, &conv, 0), shape, buf());
            give_back(conv);
            wrap(rows, v)
        }
        Node::Binary(op, _, _) => {
            let (ins, conv, rows) = elementwise_inputs(2)?;
            let v = elementwise::binary(op, operand(&ins, &conv, 0), operand(&ins, &conv, 1), shape, buf());
            give_back(conv);
            wrap(rows, v)
        }
        Node::Ternary(..) => {
            let (ins, conv, rows) = elementwise_inputs(3)?;
            let v = elementwise::ternary(operand(&ins, &conv, 0), operand(&ins, &conv, 1), operand(&ins, &conv, 2), shape, buf());
            give_back(conv);
            wrap(rows, v)
        }
        Node::Ts(op, _, w) => {
            let x = column(input(0)?, shape, buffers);
            let v = timeseries::rolling(op, &x, w as usize, shape, buf());
            recycle(x, buffers);
            Value::Owned(v)
        }
        Node::Pair(op, _, _, w) => {
            let (x, y) = (column(input(0)?, shape, buffers), column(input(1)?, shape, buffers));
            let v = timeseries::pair(op, &x, &y, w as usize, shape, buf());
            recycle(x, buffers);
            recycle(y, buffers);
            Value::Owned(v)
        }
        Node::Rank(_) => {
            let x = input(0)?;
            let xs = cross_input(x, shape, buffers);
            let v = cross_section::rank(&xs, x.is_rows(), shape, buf());
            recycle(xs, buffers);
            Value::Rows(v)
        }
        Node::Scale(_, k) => {
            let x = input(0)?;
            let xs = cross_input(x, shape, buffers);
            let v = cross_section::scale(&xs, x.is_rows(), f64::from_bits(k), shape, buf());
            recycle(xs, buffers);
            Value::Rows(v)
        }
        Node::Neutralize(_, level) => {
            let g = groups
                .iter()
                .find(|(l, _)| *l == level)
                .map(|(_, g)| g)
                .ok_or_else(|| EngineError::Internal("group index missing".into()))?;
            let x = input(0)?;
            let xs = cross_input(x, shape, buffers);
            let v = cross_section::neutralize(&xs, x.is_rows(), g, shape, buf());
            recycle(xs, buffers);
            Value::Rows(v)
        }
    })
}

//! Leaf nodes: panel columns, truncated to the evaluated dates.

use super::{Shape, Value};
use crate::eval::node::Leaf;
use crate::panel::PanelView;

/// Column `col` (instrument-major with stride `panel.t`) cut to `shape.t`
/// dates; borrowed without a copy when nothing is cut.
fn truncated<'p>(col: &'p [f64], panel_t: usize, shape: Shape) -> Value<'p> {
    if shape.t == panel_t {
        return Value::Borrowed(col);
    }
    let mut out = Vec::with_capacity(shape.cells());
    for i in 0..shape.n {
        out.extend_from_slice(&col[i * panel_t..i * panel_t + shape.t]);
    }
    Value::Owned(out)
}

/// Value of a leaf. `Cap` must only be requested when the panel has it
/// (lowering reports MISSING_FIELD otherwise); a missing one yields NaN.
pub fn leaf<'p>(which: Leaf, panel: &PanelView<'p>, shape: Shape) -> Value<'p> {
    let pt = panel.t;
    match which {
        Leaf::Open => truncated(panel.open, pt, shape),
        Leaf::High => truncated(panel.high, pt, shape),
        Leaf::Low => truncated(panel.low, pt, shape),
        Leaf::Close => truncated(panel.close, pt, shape),
        Leaf::Volume => truncated(panel.volume, pt, shape),
        Leaf::Cap => match panel.cap {
            Some(c) => truncated(c, pt, shape),
            None => Value::Scalar(f64::NAN),
        },
        // vwap where the data has it, else the typical price (h + l + c) / 3,
        // decided per cell.
        Leaf::Vwap => {
            let mut out = Vec::with_capacity(shape.cells());
            for i in 0..shape.n {
                let r = i * pt..i * pt + shape.t;
                let (h, l, c) = (&panel.high[r.clone()], &panel.low[r.clone()], &panel.close[r.clone()]);
                match panel.vwap {
                    Some(v) => {
                        for (k, &vw) in v[r.clone()].iter().enumerate() {
                            out.push(if vw.is_nan() { (h[k] + l[k] + c[k]) / 3.0 } else { vw });
                        }
                    }
                    None => {
                        for k in 0..shape.t {
                            out.push((h[k] + l[k] + c[k]) / 3.0);
                        }
                    }
                }
            }
            Value::Owned(out)
        }
    }
}

//! Cross-sectional nodes: rank, scale, indneutralize (one date at a time).
//! Input in either layout; output date-major (see [`super::Value::Rows`]).

use super::Shape;
use crate::cross::apply_rows;
use crate::cross::neutralize::{neutralize_row, GroupIndex};
use crate::cross::rank::rank_row;
use crate::cross::scale::scale_row;

pub fn rank(x: &[f64], x_rows: bool, shape: Shape, mut out: Vec<f64>) -> Vec<f64> {
    apply_rows(x, x_rows, shape.t, shape.n, shape.threads, &mut out, rank_row);
    out
}

pub fn scale(x: &[f64], x_rows: bool, a: f64, shape: Shape, mut out: Vec<f64>) -> Vec<f64> {
    apply_rows(x, x_rows, shape.t, shape.n, shape.threads, &mut out, |row, o, s| scale_row(row, a, o, s));
    out
}

pub fn neutralize(x: &[f64], x_rows: bool, groups: &GroupIndex, shape: Shape, mut out: Vec<f64>) -> Vec<f64> {
    apply_rows(x, x_rows, shape.t, shape.n, shape.threads, &mut out, |row, o, s| neutralize_row(row, groups, o, s));
    out
}

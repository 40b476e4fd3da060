//! Rolling (time-series) nodes: run a 1-D kernel over each instrument's
//! contiguous series, instruments split across threads.

use super::{Policy, Shape};
use crate::eval::node::{PairOp, TsOp};
use crate::parallel::par_units;
use crate::rolling::lenient::{self, Stat};
use crate::rolling::minmax::{rolling_extreme_into, Extreme, Output};
use crate::rolling::{cov, decay, mean, naive, product, shift, ts_rank, var};

/// One series through the optimised kernel for `op`.
fn fast(op: TsOp, xs: &[f64], w: usize, out: &mut [f64]) {
    match op {
        TsOp::Delay => shift::delay_into(xs, w, out),
        TsOp::Delta => shift::delta_into(xs, w, out),
        TsOp::Sum => mean::rolling_sum_into(xs, w, out),
        TsOp::Mean => mean::rolling_mean_into(xs, w, out),
        TsOp::Product => product::rolling_product_into(xs, w, out),
        TsOp::Stddev => var::rolling_std_into(xs, w, out),
        TsOp::Min => rolling_extreme_into(xs, w, Extreme::Min, Output::Value, out),
        TsOp::Max => rolling_extreme_into(xs, w, Extreme::Max, Output::Value, out),
        TsOp::ArgMin => rolling_extreme_into(xs, w, Extreme::Min, Output::Position, out),
        TsOp::ArgMax => rolling_extreme_into(xs, w, Extreme::Max, Output::Position, out),
        TsOp::Rank => ts_rank::ts_rank_into(xs, w, out),
        TsOp::DecayLinear => decay::decay_linear_into(xs, w, out),
    }
}

/// One series through the from-scratch kernel for `op`.
fn slow(op: TsOp, xs: &[f64], w: usize, out: &mut [f64]) {
    match op {
        // Shifts have no window to recompute.
        TsOp::Delay => shift::delay_into(xs, w, out),
        TsOp::Delta => shift::delta_into(xs, w, out),
        TsOp::Sum => naive::window_apply(xs, w, out, naive::sum),
        TsOp::Mean => naive::window_apply(xs, w, out, naive::mean),
        TsOp::Product => naive::window_apply(xs, w, out, naive::product),
        TsOp::Stddev => naive::window_apply(xs, w, out, naive::stddev),
        TsOp::Min => naive::window_apply(xs, w, out, naive::min),
        TsOp::Max => naive::window_apply(xs, w, out, naive::max),
        TsOp::ArgMin => naive::window_apply(xs, w, out, naive::argmin),
        TsOp::ArgMax => naive::window_apply(xs, w, out, naive::argmax),
        TsOp::Rank => naive::window_apply(xs, w, out, naive::ts_rank),
        TsOp::DecayLinear => naive::window_apply(xs, w, out, naive::decay_linear),
    }
}

/// The statistic `lenient` recomputes for `op` (None: shifts, unchanged).
fn lenient_stat(op: TsOp) -> Option<Stat> {
    Some(match op {
        TsOp::Delay | TsOp::Delta => return None,
        TsOp::Sum => Stat::Sum,
        TsOp::Mean => Stat::Mean,
        TsOp::Product => Stat::Product,
        TsOp::Stddev => Stat::Stddev,
        TsOp::Min => Stat::Min,
        TsOp::Max => Stat::Max,
        TsOp::ArgMin => Stat::ArgMin,
        TsOp::ArgMax => Stat::ArgMax,
        TsOp::Rank => Stat::Rank,
        TsOp::DecayLinear => Stat::DecayLinear,
    })
}

pub fn rolling(op: TsOp, x: &[f64], w: usize, shape: Shape, mut out: Vec<f64>) -> Vec<f64> {
    let t = shape.t;
    par_units(&mut out, t, shape.threads, |first, part| {
        for (k, col) in part.chunks_mut(t).enumerate() {
            let i = first + k;
            let xs = &x[i * t..(i + 1) * t];
            if shape.naive {
                slow(op, xs, w, col)
            } else {
                fast(op, xs, w, col)
            }
            if let (Policy::Lenient { min_share }, Some(stat)) = (shape.policy, lenient_stat(op)) {
                lenient::fill(xs, w, lenient::min_count(w, min_share), stat, col);
            }
        }
    });
    out
}

pub fn pair(op: PairOp, x: &[f64], y: &[f64], w: usize, shape: Shape, mut out: Vec<f64>) -> Vec<f64> {
    let t = shape.t;
    par_units(&mut out, t, shape.threads, |first, part| {
        for (k, col) in part.chunks_mut(t).enumerate() {
            let i = first + k;
            let (xs, ys) = (&x[i * t..(i + 1) * t], &y[i * t..(i + 1) * t]);
            match (op, shape.naive) {
                (PairOp::Correlation, false) => cov::rolling_corr_into(xs, ys, w, col),
                (PairOp::Covariance, false) => cov::rolling_cov_into(xs, ys, w, col),
                (PairOp::Correlation, true) => naive::pair_apply(xs, ys, w, col, naive::correlation),
                (PairOp::Covariance, true) => naive::pair_apply(xs, ys, w, col, naive::covariance),
            }
            if let Policy::Lenient { min_share } = shape.policy {
                let correlation = op == PairOp::Correlation;
                lenient::fill_pair(xs, ys, w, lenient::min_count(w, min_share), correlation, col);
            }
        }
    });
    out
}

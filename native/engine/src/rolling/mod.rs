//! Rolling-window kernels over one contiguous series.
//!
//! Common rules (pandas `rolling(w, min_periods=w)`): output `t` is NaN until
//! a full window `[t-w+1, t]` is available, and NaN whenever any value in the
//! window is NaN. Each kernel family lives in its own file; the incremental
//! ones share the generic add/remove driver in [`driver`], the direct ones
//! the full-window driver in [`direct`]; [`naive`] holds
//! from-scratch versions of all of them (reference + benchmark baseline);
//! [`float_rules`] the float rules both share (a leaf module).

pub mod cov;
pub mod decay;
pub mod direct;
pub mod driver;
pub mod ema;
pub mod float_rules;
pub mod lenient;
pub mod mean;
pub mod minmax;
pub mod moments;
pub mod naive;
pub mod product;
pub mod shift;
pub mod ts_rank;
pub mod var;

pub use ema::ema;
pub use mean::{rolling_mean, rolling_sum};
pub use var::rolling_std;

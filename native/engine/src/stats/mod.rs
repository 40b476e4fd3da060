//! Statistics over series.

pub mod sharpe;
pub mod summary;

pub use sharpe::annualized_sharpe;
pub use summary::{summary_stats, SummaryStats};

//! Statistics over series.

pub mod summary;

pub use summary::{summary_stats, SummaryStats};

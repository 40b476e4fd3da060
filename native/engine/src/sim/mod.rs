//! Stop-loss / take-profit trade simulation over one instrument's bars.
//!
//! Semantics (DESIGN.md "SL/TP simulation", issue 9):
//! * a signal on bar `s` enters at the open of bar `s + 1`; SL and TP levels
//!   are distances from that fill; the entry bar counts as bar 1 of the trade;
//! * a later bar that opens beyond a level exits at that open (gap fill);
//! * both levels inside one bar: the tie policy picks one and the trade is
//!   flagged ambiguous (`ambiguous-sl` / `ambiguous-tp`);
//! * max holding bars: time exit at the close of the last allowed bar;
//! * still open when the data ends: exit at the last close, flagged `end`;
//! * a signal on the last bar cannot enter (reported); without overlap a
//!   signal while a trade is open is skipped, and a signal on the exit bar may
//!   open the next trade.
//!
//! [`simulate`] gives one parameter set's trades; [`sweep`] gives per-set
//! statistics over an SL×TP grid without re-scanning bars per pair: one
//! forward pass per signal finds the first-passage bar of every level
//! ([`passage`]), then a pair's exit is the earlier of two lookups. [`naive`]
//! is an independent plain-loop reference used by tests and the benchmark.

pub mod bars;
pub mod conditions;
pub mod iso;
pub mod naive;
pub mod passage;
pub mod signals;
pub mod simulate;
pub mod spec;
pub mod stats;
pub mod sweep;
pub mod trade;
mod walk;

#[cfg(test)]
mod tests_agree;
#[cfg(test)]
mod tests_rules;

pub use bars::Bars;
pub use signals::{map_signal_times, Signal};
pub use simulate::{simulate, SimResult};
pub use spec::{ContractSpec, Grid, SimOptions, TiePolicy, Unit};
pub use stats::SetStats;
pub use sweep::{sweep, SweepTables};
pub use trade::{ExitReason, Trade};

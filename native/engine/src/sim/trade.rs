//! One simulated trade and why it ended.

use super::spec::ContractSpec;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum ExitReason {
    Sl = 0,
    Tp = 1,
    /// Max holding bars reached: exit at that bar's close.
    Time = 2,
    /// Data ended with the trade open: exit at the last close.
    End = 3,
    /// Both levels inside one bar; the tie policy took the stop.
    AmbiguousSl = 4,
    /// Both levels inside one bar; the tie policy took the target.
    AmbiguousTp = 5,
}

impl ExitReason {
    pub fn as_str(self) -> &'static str {
        match self {
            ExitReason::Sl => "sl",
            ExitReason::Tp => "tp",
            ExitReason::Time => "time",
            ExitReason::End => "end",
            ExitReason::AmbiguousSl => "ambiguous-sl",
            ExitReason::AmbiguousTp => "ambiguous-tp",
        }
    }

    /// Stable small code for typed-array transport (index into `ALL`).
    pub fn code(self) -> u8 {
        self as u8
    }

    pub const ALL: [ExitReason; 6] =
        [ExitReason::Sl, ExitReason::Tp, ExitReason::Time, ExitReason::End, ExitReason::AmbiguousSl, ExitReason::AmbiguousTp];

    pub fn is_ambiguous(self) -> bool {
        matches!(self, ExitReason::AmbiguousSl | ExitReason::AmbiguousTp)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trade {
    /// Position of the signal in the caller's list.
    pub signal_index: u32,
    pub signal_bar: u32,
    pub dir: i8,
    pub entry_bar: u32,
    pub entry_price: f64,
    pub exit_bar: u32,
    pub exit_price: f64,
    pub reason: ExitReason,
    /// Bars from entry to exit, both counted.
    pub bars_held: u32,
    /// Net of slippage (both sides).
    pub pnl_ticks: f64,
    /// Net of slippage and commission (both sides).
    pub pnl_money: f64,
    /// Maximum adverse / favourable excursion in ticks (>= 0).
    pub mae_ticks: f64,
    pub mfe_ticks: f64,
    /// The trade's levels, for charts.
    pub sl_price: f64,
    pub tp_price: f64,
}

/// P&L of one round trip: (ticks net of slippage, money net of all costs).
/// Written once here so every path rounds identically.
#[inline]
pub fn round_trip(spec: &ContractSpec, dir: i8, entry: f64, exit: f64) -> (f64, f64) {
    let ticks = f64::from(dir) * (exit - entry) / spec.tick_size - 2.0 * spec.slippage_ticks;
    (ticks, ticks * spec.tick_value - 2.0 * spec.commission)
}

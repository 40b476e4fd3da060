//! One parameter set: the full trade list (with MAE/MFE) and its statistics.
//! The same tables and walk as the sweep, so a set re-simulated on its own
//! comes out identical to its cell in a sweep.

use super::bars::Bars;
use super::passage::{stop_level, target_level};
use super::signals::{Entry, Signal};
use super::spec::{ContractSpec, Grid, SimOptions};
use super::stats::SetStats;
use super::sweep::SweepTables;
use super::trade::{round_trip, ExitReason, Trade};
use super::walk::{Exit, PairWalker};
use crate::Result;

#[derive(Debug, Clone)]
pub struct SimResult {
    /// In exit order (ties in signal order).
    pub trades: Vec<Trade>,
    pub stats: SetStats,
    /// Signals on the last bar (no bar to enter at).
    pub last_bar_signals: u32,
    /// Signals before ATR(n) exists (only with the ATR unit).
    pub atr_warmup_signals: u32,
}

pub fn simulate(bars: Bars, signals: &[Signal], spec: ContractSpec, options: SimOptions, sl: f64, tp: f64) -> Result<SimResult> {
    let tables = SweepTables::build(bars, signals, spec, options, Grid::single(sl, tp)?, 1)?;
    let mut walker = PairWalker::new(&tables);
    let stats = walker.stats(0, 0);
    let exits = walker.exits(0, 0);
    let trades: Vec<Trade> = exits.iter().map(|x| trade_of(&tables, x, sl, tp)).collect();
    Ok(SimResult { trades, stats, last_bar_signals: tables.entries.last_bar, atr_warmup_signals: tables.entries.atr_warmup })
}

/// Exit price, P&L and excursions of one exit.
fn trade_of(t: &SweepTables, x: &Exit, sl: f64, tp: f64) -> Trade {
    let e: &Entry = &t.entries.usable[x.entry as usize];
    let bars = &t.bars;
    let sign = f64::from(e.dir);
    let eps = t.spec.touch_eps();
    let ep = sign * e.price;
    let stop = stop_level(ep, sl, e.scale);
    let target = target_level(ep, tp, e.scale);
    let j = x.bar as usize;
    let open = sign * bars.open[j];
    // Exit price in long space, and whether the exit bar counts only its open.
    let (exit, open_only) = match x.reason {
        ExitReason::Sl | ExitReason::AmbiguousSl if open < stop - eps => (open, true),
        ExitReason::Sl | ExitReason::AmbiguousSl => (stop, false),
        ExitReason::Tp | ExitReason::AmbiguousTp if open > target + eps => (open, true),
        ExitReason::Tp | ExitReason::AmbiguousTp => (target, false),
        ExitReason::Time | ExitReason::End => (sign * bars.close[j], false),
    };
    let level_exit = !matches!(x.reason, ExitReason::Time | ExitReason::End);
    let (adverse, favourable) = if e.dir > 0 { (&bars.low, &bars.high) } else { (&bars.high, &bars.low) };
    let (mut lo, mut hi) = (ep, ep);
    for k in e.bar as usize..j {
        lo = lo.min(sign * adverse[k]);
        hi = hi.max(sign * favourable[k]);
    }
    if open_only {
        lo = lo.min(open);
        hi = hi.max(open);
    } else if level_exit {
        lo = lo.min((sign * adverse[j]).max(stop));
        hi = hi.max((sign * favourable[j]).min(target));
    } else {
        lo = lo.min(sign * adverse[j]);
        hi = hi.max(sign * favourable[j]);
    }
    let exit_price = sign * exit;
    let (pnl_ticks, pnl_money) = round_trip(&t.spec, e.dir, e.price, exit_price);
    Trade {
        signal_index: e.index,
        signal_bar: e.signal_bar,
        dir: e.dir,
        entry_bar: e.bar,
        entry_price: e.price,
        exit_bar: x.bar,
        exit_price,
        reason: x.reason,
        bars_held: x.bar - e.bar + 1,
        pnl_ticks,
        pnl_money,
        mae_ticks: (ep - lo) / t.spec.tick_size,
        mfe_ticks: (hi - ep) / t.spec.tick_size,
        sl_price: sign * stop,
        tp_price: sign * target,
    }
}

//! First passage: for one entry, the bar at which each SL level and each TP
//! level is first reached, from ONE forward pass over the bars.
//!
//! Levels are sorted by distance, so as the running minimum of the lows
//! (longs) falls, the stop levels are crossed in order: a pointer walks the
//! levels while the bars are scanned once. The scan stops as soon as every
//! stop level or every target level has been reached: from then on every
//! (SL, TP) pair's exit is known. Shorts are the same pass in negated prices.

use super::bars::Bars;
use super::signals::Entry;
use super::spec::ContractSpec;
use super::trade::{round_trip, ExitReason};

/// Marks a level never reached within the trade's horizon.
pub const NONE: u32 = 0x7FFF_FFFF;
/// Set on a first-passage bar whose open was already beyond the level (gap fill at the open).
pub const GAP: u32 = 0x8000_0000;

/// Last bar a trade entered at `entry_bar` may be open, and the reason it
/// exits there if no level is reached: `Time` at the max-hold bar, else `End`.
pub fn horizon(bars: &Bars, entry_bar: usize, max_hold: Option<u32>) -> (usize, ExitReason) {
    let last = bars.len() - 1;
    match max_hold {
        Some(h) if entry_bar + h as usize - 1 <= last => (entry_bar + h as usize - 1, ExitReason::Time),
        _ => (last, ExitReason::End),
    }
}

/// Where one entry's levels are written: `bar[k]` (with [`GAP`]) and the
/// net money P&L of exiting at that level's fill.
pub struct LevelOut<'a> {
    pub bar: &'a mut [u32],
    pub pnl: &'a mut [f64],
}

/// Fill `sl` and `tp` outputs for entry `e` with horizon `last`.
/// `sl_levels` / `tp_levels` are the grid's distances (strictly increasing).
#[allow(clippy::too_many_arguments)]
pub fn first_passage(
    bars: &Bars,
    spec: &ContractSpec,
    e: &Entry,
    last: usize,
    sl_levels: &[f64],
    tp_levels: &[f64],
    sl: LevelOut,
    tp: LevelOut,
) {
    if e.dir > 0 {
        scan::<true>(bars, spec, e, last, sl_levels, tp_levels, sl, tp)
    } else {
        scan::<false>(bars, spec, e, last, sl_levels, tp_levels, sl, tp)
    }
}

/// A level in "long space" (prices negated for shorts): the stop below the
/// entry, the target above it. The one formula every path uses.
#[inline]
pub fn stop_level(entry_signed: f64, distance: f64, scale: f64) -> f64 {
    entry_signed - distance * scale
}

#[inline]
pub fn target_level(entry_signed: f64, distance: f64, scale: f64) -> f64 {
    entry_signed + distance * scale
}

#[allow(clippy::too_many_arguments)]
fn scan<const LONG: bool>(
    bars: &Bars,
    spec: &ContractSpec,
    e: &Entry,
    last: usize,
    sl_levels: &[f64],
    tp_levels: &[f64],
    sl: LevelOut,
    tp: LevelOut,
) {
    let sign = if LONG { 1.0 } else { -1.0 };
    // Adverse and favourable extremes in long space.
    let (adverse, favourable) = if LONG { (&bars.low, &bars.high) } else { (&bars.high, &bars.low) };
    let eps = spec.touch_eps();
    let ep = sign * e.price;
    let (nk, nm) = (sl_levels.len(), tp_levels.len());
    let (mut ks, mut kt) = (0usize, 0usize);
    let mut run_lo = f64::INFINITY;
    let mut run_hi = f64::NEG_INFINITY;
    let mut next_stop = stop_level(ep, sl_levels[0], e.scale);
    let mut next_target = target_level(ep, tp_levels[0], e.scale);
    let entry_bar = e.bar as usize;
    for j in entry_bar..=last {
        let lo = sign * adverse[j];
        if lo < run_lo {
            run_lo = lo;
            while run_lo <= next_stop + eps {
                let open = sign * bars.open[j];
                let (fill, flag) = if open < next_stop - eps { (open, GAP) } else { (next_stop, 0) };
                sl.bar[ks] = j as u32 | flag;
                sl.pnl[ks] = round_trip(spec, e.dir, e.price, sign * fill).1;
                ks += 1;
                if ks == nk {
                    break;
                }
                next_stop = stop_level(ep, sl_levels[ks], e.scale);
            }
        }
        let hi = sign * favourable[j];
        if hi > run_hi {
            run_hi = hi;
            while run_hi >= next_target - eps {
                let open = sign * bars.open[j];
                let (fill, flag) = if open > next_target + eps { (open, GAP) } else { (next_target, 0) };
                tp.bar[kt] = j as u32 | flag;
                tp.pnl[kt] = round_trip(spec, e.dir, e.price, sign * fill).1;
                kt += 1;
                if kt == nm {
                    break;
                }
                next_target = target_level(ep, tp_levels[kt], e.scale);
            }
        }
        if ks == nk || kt == nm {
            break;
        }
    }
    for k in ks..nk {
        sl.bar[k] = NONE;
        sl.pnl[k] = 0.0;
    }
    for k in kt..nm {
        tp.bar[k] = NONE;
        tp.pnl[k] = 0.0;
    }
}

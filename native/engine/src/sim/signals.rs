//! Signals: a bar and a direction. Mapping signal times to bars, and the
//! per-signal facts every simulator needs (entry fill, distance scale).

use super::bars::Bars;
use super::iso::iso_seconds;
use super::spec::{ContractSpec, Unit};
use crate::{EngineError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signal {
    /// Index of the signal bar.
    pub bar: u32,
    /// +1 long, -1 short.
    pub dir: i8,
}

impl Signal {
    pub fn new(index: usize, bar: usize, dir: i8, bars: &Bars) -> Result<Signal> {
        if dir != 1 && dir != -1 {
            return Err(EngineError::invalid(format!("signals[{index}].direction must be +1 or -1, got {dir}")));
        }
        if bar >= bars.len() {
            return Err(EngineError::invalid(format!("signals[{index}].bar = {bar} is outside the bars (0..{})", bars.len())));
        }
        Ok(Signal { bar: bar as u32, dir })
    }
}

/// Signals given as bar times: each time must be a bar's time.
pub fn map_signal_times(bars: &Bars, times: &[i64], dirs: &[f64]) -> Result<Vec<Signal>> {
    if times.len() != dirs.len() {
        return Err(EngineError::invalid(format!("signals: {} times but {} directions", times.len(), dirs.len())));
    }
    let mut out = Vec::with_capacity(times.len());
    for (k, (&t, &d)) in times.iter().zip(dirs).enumerate() {
        let bar = bars.time.binary_search(&t).map_err(|_| {
            EngineError::invalid(format!(
                "signals[{k}].time {} is not a bar time of the instrument ({} .. {})",
                iso_seconds(t),
                iso_seconds(bars.time[0]),
                iso_seconds(bars.time[bars.len() - 1])
            ))
        })?;
        let dir = if d == 1.0 {
            1
        } else if d == -1.0 {
            -1
        } else {
            return Err(EngineError::invalid(format!("signals[{k}].direction must be +1 or -1, got {d}")));
        };
        out.push(Signal { bar: bar as u32, dir });
    }
    Ok(out)
}

/// A signal that can enter, with what every simulator derives from it.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// Position in the caller's signal list.
    pub index: u32,
    pub signal_bar: u32,
    pub dir: i8,
    /// Entry bar (`signal_bar + 1`) and its open.
    pub bar: u32,
    pub price: f64,
    /// Price distance of one unit of SL/TP (tick size, 1, entry/100 or the ATR).
    pub scale: f64,
}

/// Signals sorted by bar (ties keep input order) and split into those that
/// can enter and the counts of those that cannot.
#[derive(Debug, Clone, Default)]
pub struct Entries {
    pub usable: Vec<Entry>,
    /// Signals on the last bar: no next bar to enter at.
    pub last_bar: u32,
    /// Signals too early for ATR(n) (fewer than n true ranges before them).
    pub atr_warmup: u32,
}

pub fn entries(bars: &Bars, signals: &[Signal], spec: &ContractSpec, unit: Unit) -> Entries {
    let mut order: Vec<u32> = (0..signals.len() as u32).collect();
    order.sort_by_key(|&k| signals[k as usize].bar);
    let last = bars.len() - 1;
    let mut out = Entries::default();
    for k in order {
        let sig = signals[k as usize];
        let s = sig.bar as usize;
        if s >= last {
            out.last_bar += 1;
            continue;
        }
        let price = bars.open[s + 1];
        let scale = match unit {
            Unit::Ticks => spec.tick_size,
            Unit::Price => 1.0,
            Unit::Pct => price / 100.0,
            Unit::Atr(n) => match atr_at(bars, s, n) {
                Some(a) if a > 0.0 => a,
                _ => {
                    out.atr_warmup += 1;
                    continue;
                }
            },
        };
        out.usable.push(Entry { index: k, signal_bar: sig.bar, dir: sig.dir, bar: (s + 1) as u32, price, scale });
    }
    out
}

/// Mean true range over the `n` bars ending at `s` (each needs the close
/// before it), summed oldest first; None before `n` true ranges exist.
fn atr_at(bars: &Bars, s: usize, n: usize) -> Option<f64> {
    if s < n {
        return None;
    }
    let mut sum = 0.0;
    for j in s + 1 - n..=s {
        let prev = bars.close[j - 1];
        let tr = (bars.high[j] - bars.low[j]).max((bars.high[j] - prev).abs()).max((bars.low[j] - prev).abs());
        sum += tr;
    }
    Some(sum / n as f64)
}

//! SL×TP sweeps: first-passage tables for every entry (built once, in
//! parallel by signal), then every pair's statistics from table lookups
//! (in parallel by grid row). No bar is re-scanned per pair.

use super::bars::Bars;
use super::passage::{first_passage, horizon, LevelOut, GAP, NONE};
use super::signals::{entries, Entries, Signal};
use super::spec::{ContractSpec, Grid, SimOptions};
use super::stats::SetStats;
use super::trade::{round_trip, ExitReason};
use super::walk::PairWalker;
use crate::{EngineError, Result};

/// Everything a pair's walk needs, computed once per sweep.
pub struct SweepTables {
    pub bars: Bars,
    pub spec: ContractSpec,
    pub options: SimOptions,
    pub grid: Grid,
    pub entries: Entries,
    /// Level-major: `sl[k * S + e]` is where entry `e` first reaches stop
    /// level `k` (the pair walk reads one row sequentially).
    pub sl: Vec<Hit>,
    pub tp: Vec<Hit>,
    /// Per entry: where it exits when no level is reached, and why.
    pub time: Vec<Hit>,
    pub time_reason: Vec<ExitReason>,
}

/// A possible exit of one entry, with what the pair walk needs next to it
/// (so the walk touches no bar-sized array).
#[derive(Debug, Clone, Copy, Default)]
pub struct Hit {
    /// Exit bar, with `passage::GAP` set on a gap fill; `passage::NONE` when never reached.
    pub bar: u32,
    /// Day number of the exit bar.
    pub day: u32,
    /// First entry whose signal bar is at or after the exit bar (the
    /// no-overlap walk continues there).
    pub next: u32,
    /// Net money P&L of exiting here.
    pub pnl: f64,
}

/// Target rows walked together (16 rows × 2,000 entries × 24 bytes = 768 KB).
const TP_TILE: usize = 16;

/// Largest grid a sweep accepts (sets).
pub const MAX_SETS: usize = 4_000_000;

impl SweepTables {
    pub fn build(
        bars: Bars,
        signals: &[Signal],
        spec: ContractSpec,
        options: SimOptions,
        grid: Grid,
        threads: usize,
    ) -> Result<SweepTables> {
        if grid.sl.len() * grid.tp.len() > MAX_SETS {
            return Err(EngineError::invalid(format!("grid: {} × {} sets, at most {MAX_SETS}", grid.sl.len(), grid.tp.len())));
        }
        let entries = entries(&bars, signals, &spec, options.unit);
        let s = entries.usable.len();
        let (nk, nm) = (grid.sl.len(), grid.tp.len());
        // Entry-major while building (each thread owns whole entries), then transposed.
        let mut sl_rows = vec![0u32; s * nk];
        let mut sl_rows_pnl = vec![0.0f64; s * nk];
        let mut tp_rows = vec![0u32; s * nm];
        let mut tp_rows_pnl = vec![0.0f64; s * nm];
        let per = s.div_ceil(threads.max(1)).max(1);
        std::thread::scope(|scope| {
            let chunks = sl_rows
                .chunks_mut(per * nk)
                .zip(sl_rows_pnl.chunks_mut(per * nk))
                .zip(tp_rows.chunks_mut(per * nm).zip(tp_rows_pnl.chunks_mut(per * nm)))
                .zip(entries.usable.chunks(per));
            for (((slb, slp), (tpb, tpp)), es) in chunks {
                let (bars, spec, grid) = (&bars, &spec, &grid);
                scope.spawn(move || {
                    for (x, e) in es.iter().enumerate() {
                        let (last, _) = horizon(bars, e.bar as usize, options.max_hold);
                        let sl = LevelOut { bar: &mut slb[x * nk..(x + 1) * nk], pnl: &mut slp[x * nk..(x + 1) * nk] };
                        let tp = LevelOut { bar: &mut tpb[x * nm..(x + 1) * nm], pnl: &mut tpp[x * nm..(x + 1) * nm] };
                        first_passage(bars, spec, e, last, &grid.sl, &grid.tp, sl, tp);
                    }
                });
            }
        });
        let mut next_entry = vec![s as u32; bars.len() + 1];
        let mut x = s;
        for b in (0..bars.len()).rev() {
            while x > 0 && entries.usable[x - 1].signal_bar as usize >= b {
                x -= 1;
            }
            next_entry[b] = x as u32;
        }
        let hit = |bar: u32, pnl: f64| {
            let b = (bar & !GAP) as usize;
            if b == NONE as usize {
                Hit { bar, day: 0, next: s as u32, pnl }
            } else {
                Hit { bar, day: bars.day[b], next: next_entry[b], pnl }
            }
        };
        let sl = level_major(&sl_rows, &sl_rows_pnl, s, nk, hit);
        let tp = level_major(&tp_rows, &tp_rows_pnl, s, nm, hit);
        let mut time = Vec::with_capacity(s);
        let mut time_reason = Vec::with_capacity(s);
        for e in &entries.usable {
            let (last, reason) = horizon(&bars, e.bar as usize, options.max_hold);
            time.push(hit(last as u32, round_trip(&spec, e.dir, e.price, bars.close[last]).1));
            time_reason.push(reason);
        }
        Ok(SweepTables { bars, spec, options, grid, entries, sl, tp, time, time_reason })
    }

    /// Statistics of the sets in stop-level rows `rows` (all target levels
    /// each), row-major: `out[(k - rows.start) * tp.len() + m]`.
    pub fn run_rows(&self, rows: std::ops::Range<usize>, threads: usize) -> Vec<SetStats> {
        let nm = self.grid.tp.len();
        let rows = rows.start.min(self.grid.sl.len())..rows.end.min(self.grid.sl.len());
        let mut out = vec![SetStats::default(); rows.len() * nm];
        if out.is_empty() {
            return out;
        }
        let threads = threads.max(1).min(rows.len());
        let per_rows = rows.len().div_ceil(threads);
        std::thread::scope(|scope| {
            for (c, part) in out.chunks_mut(per_rows * nm).enumerate() {
                let first = rows.start + c * per_rows;
                scope.spawn(move || {
                    let mut walker = PairWalker::new(self);
                    // Tiles of target rows: a block of them stays in the core's L2
                    // while every stop row of this part walks it.
                    let rows_here = part.len() / nm;
                    for m0 in (0..nm).step_by(TP_TILE) {
                        for k in 0..rows_here {
                            for m in m0..(m0 + TP_TILE).min(nm) {
                                part[k * nm + m] = walker.stats(first + k, m);
                            }
                        }
                    }
                });
            }
        });
        out
    }

    /// Number of signals that can enter.
    pub fn usable(&self) -> usize {
        self.entries.usable.len()
    }
}

/// Entry-major `(bar, pnl)` rows → level-major [`Hit`]s.
fn level_major(bars: &[u32], pnl: &[f64], s: usize, n: usize, hit: impl Fn(u32, f64) -> Hit) -> Vec<Hit> {
    let mut out = vec![Hit::default(); s * n];
    for e in 0..s {
        for k in 0..n {
            out[k * s + e] = hit(bars[e * n + k], pnl[e * n + k]);
        }
    }
    out
}

/// One-call sweep: tables, then every row.
pub fn sweep(
    bars: Bars,
    signals: &[Signal],
    spec: ContractSpec,
    options: SimOptions,
    grid: Grid,
    threads: usize,
) -> Result<Vec<SetStats>> {
    let tables = SweepTables::build(bars, signals, spec, options, grid, threads)?;
    Ok(tables.run_rows(0..tables.grid.sl.len(), threads))
}

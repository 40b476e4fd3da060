//! SL×TP sweeps: first-passage tables for every entry (built once, in
//! parallel by signal), then every pair's statistics from table lookups
//! (in parallel by grid row). No bar is re-scanned per pair.

use super::bars::Bars;
use super::passage::{first_passage, horizon, LevelOut};
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
    /// Level-major: `sl_bar[k * S + e]` is entry `e`'s first-passage bar of
    /// stop level `k` (with the GAP flag), `sl_pnl` the money P&L there.
    pub sl_bar: Vec<u32>,
    pub sl_pnl: Vec<f64>,
    pub tp_bar: Vec<u32>,
    pub tp_pnl: Vec<f64>,
    /// Per entry: where and with what P&L it exits when no level is reached.
    pub time_bar: Vec<u32>,
    pub time_pnl: Vec<f64>,
    pub time_reason: Vec<ExitReason>,
    /// `next_entry[b]`: the first entry whose signal bar is at or after bar `b`
    /// (S when none) — the no-overlap walk jumps here from an exit bar.
    pub next_entry: Vec<u32>,
}

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
            return Err(EngineError::invalid(format!(
                "grid: {} × {} sets, at most {MAX_SETS}",
                grid.sl.len(),
                grid.tp.len()
            )));
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
                .zip(
                    tp_rows
                        .chunks_mut(per * nm)
                        .zip(tp_rows_pnl.chunks_mut(per * nm)),
                )
                .zip(entries.usable.chunks(per));
            for (((slb, slp), (tpb, tpp)), es) in chunks {
                let (bars, spec, grid) = (&bars, &spec, &grid);
                scope.spawn(move || {
                    for (x, e) in es.iter().enumerate() {
                        let (last, _) = horizon(bars, e.bar as usize, options.max_hold);
                        let sl = LevelOut {
                            bar: &mut slb[x * nk..(x + 1) * nk],
                            pnl: &mut slp[x * nk..(x + 1) * nk],
                        };
                        let tp = LevelOut {
                            bar: &mut tpb[x * nm..(x + 1) * nm],
                            pnl: &mut tpp[x * nm..(x + 1) * nm],
                        };
                        first_passage(bars, spec, e, last, &grid.sl, &grid.tp, sl, tp);
                    }
                });
            }
        });
        let (sl_bar, sl_pnl) = (transpose(&sl_rows, s, nk), transpose(&sl_rows_pnl, s, nk));
        let (tp_bar, tp_pnl) = (transpose(&tp_rows, s, nm), transpose(&tp_rows_pnl, s, nm));
        let mut time_bar = Vec::with_capacity(s);
        let mut time_pnl = Vec::with_capacity(s);
        let mut time_reason = Vec::with_capacity(s);
        for e in &entries.usable {
            let (last, reason) = horizon(&bars, e.bar as usize, options.max_hold);
            time_bar.push(last as u32);
            time_pnl.push(round_trip(&spec, e.dir, e.price, bars.close[last]).1);
            time_reason.push(reason);
        }
        let mut next_entry = vec![s as u32; bars.len() + 1];
        let mut x = s;
        for b in (0..bars.len()).rev() {
            while x > 0 && entries.usable[x - 1].signal_bar as usize >= b {
                x -= 1;
            }
            next_entry[b] = x as u32;
        }
        Ok(SweepTables {
            bars,
            spec,
            options,
            grid,
            entries,
            sl_bar,
            sl_pnl,
            tp_bar,
            tp_pnl,
            time_bar,
            time_pnl,
            time_reason,
            next_entry,
        })
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
                    for (x, slot) in part.iter_mut().enumerate() {
                        *slot = walker.stats(first + x / nm, x % nm);
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

fn transpose<T: Copy + Default>(rows: &[T], s: usize, n: usize) -> Vec<T> {
    let mut out = vec![T::default(); s * n];
    for e in 0..s {
        for k in 0..n {
            out[k * s + e] = rows[e * n + k];
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

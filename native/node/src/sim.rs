//! SL/TP trade simulation: one set's trades, SL×TP sweeps, signals from
//! conditions. Columns cross as typed arrays; times are unix seconds.

use alphadesk_engine::sim::conditions::{condition_signals, generator};
use alphadesk_engine::sim::{
    map_signal_times, naive, simulate, Bars, ContractSpec, ExitReason, Grid, SetStats, Signal, SimOptions, SweepTables,
    TiePolicy, Trade, Unit,
};
use alphadesk_engine::Result as EngineResult;
use napi::bindgen_prelude::{Float64Array, Uint8Array};
use napi_derive::napi;

use crate::error::to_napi;
use crate::guard::guarded;

#[napi(object)]
pub struct SimBars {
    pub time: Float64Array,
    pub open: Float64Array,
    pub high: Float64Array,
    pub low: Float64Array,
    pub close: Float64Array,
}

#[napi(object)]
pub struct SimSignals {
    /// Signal bar times (each must be a bar time).
    pub time: Float64Array,
    /// +1 long, -1 short.
    pub direction: Float64Array,
}

#[napi(object)]
pub struct SimSpec {
    pub tick_size: f64,
    pub tick_value: f64,
    /// Per side, money.
    pub commission: f64,
    /// Per side, ticks.
    pub slippage_ticks: f64,
}

#[napi(object)]
pub struct SimRunOptions {
    /// "ticks" | "price" | "pct" | "atr"
    pub unit: String,
    /// ATR window for unit "atr" (default 14).
    pub atr_period: Option<u32>,
    /// "stop" | "target" | "nearest"
    pub tie: String,
    pub max_hold: Option<u32>,
    pub overlap: Option<bool>,
}

/// One set's trades, column by column, in exit order.
#[napi(object)]
pub struct SimTrades {
    pub signal_index: Float64Array,
    pub signal_time: Float64Array,
    pub direction: Float64Array,
    pub entry_time: Float64Array,
    pub entry_price: Float64Array,
    pub exit_time: Float64Array,
    pub exit_price: Float64Array,
    /// Index into `reasons`.
    pub reason: Uint8Array,
    /// ["sl", "tp", "time", "end", "ambiguous-sl", "ambiguous-tp"]
    pub reasons: Vec<String>,
    pub bars_held: Float64Array,
    pub pnl_ticks: Float64Array,
    pub pnl_money: Float64Array,
    pub mae_ticks: Float64Array,
    pub mfe_ticks: Float64Array,
    pub sl_price: Float64Array,
    pub tp_price: Float64Array,
    pub stats: SimSetStats,
    /// Signals on the last bar (cannot enter).
    pub last_bar_signals: u32,
    /// Signals before ATR(n) exists.
    pub atr_warmup_signals: u32,
}

#[napi(object)]
pub struct SimSetStats {
    pub trades: u32,
    pub wins: u32,
    pub losses: u32,
    pub win_rate: f64,
    pub profit_factor: f64,
    pub expectancy: f64,
    pub net_pnl: f64,
    pub gross_profit: f64,
    pub gross_loss: f64,
    pub max_drawdown: f64,
    pub sharpe: f64,
    pub exposure: f64,
    pub ambiguous: u32,
    pub sl_exits: u32,
    pub tp_exits: u32,
    pub time_exits: u32,
    pub end_exits: u32,
    pub skipped: u32,
}

/// Per-set statistics of a block of grid rows, row-major (`row * tp.length + col`).
#[napi(object)]
pub struct SimSweepStats {
    pub trades: Float64Array,
    pub wins: Float64Array,
    pub win_rate: Float64Array,
    pub profit_factor: Float64Array,
    pub expectancy: Float64Array,
    pub net_pnl: Float64Array,
    pub max_drawdown: Float64Array,
    pub sharpe: Float64Array,
    pub exposure: Float64Array,
    pub ambiguous: Float64Array,
    pub sl_exits: Float64Array,
    pub tp_exits: Float64Array,
    pub time_exits: Float64Array,
    pub end_exits: Float64Array,
    pub skipped: Float64Array,
}

fn bars_of(b: &SimBars) -> EngineResult<Bars> {
    Bars::new(b.time.iter().map(|&t| t as i64).collect(), b.open.to_vec(), b.high.to_vec(), b.low.to_vec(), b.close.to_vec())
}

fn signals_of(bars: &Bars, s: &SimSignals) -> EngineResult<Vec<Signal>> {
    let times: Vec<i64> = s.time.iter().map(|&t| t as i64).collect();
    map_signal_times(bars, &times, &s.direction)
}

fn spec_of(s: &SimSpec) -> EngineResult<ContractSpec> {
    ContractSpec::new(s.tick_size, s.tick_value, s.commission, s.slippage_ticks)
}

fn options_of(o: &SimRunOptions) -> EngineResult<SimOptions> {
    SimOptions::new(Unit::parse(&o.unit, o.atr_period)?, TiePolicy::parse(&o.tie)?, o.max_hold, o.overlap.unwrap_or(false))
}

/// One set's inputs, converted and validated once for the fast and the naive simulation alike.
struct SetInputs {
    bars: Bars,
    signals: Vec<Signal>,
    spec: ContractSpec,
    options: SimOptions,
}

fn set_inputs(bars: &SimBars, signals: &SimSignals, spec: &SimSpec, options: &SimRunOptions) -> EngineResult<SetInputs> {
    let bars = bars_of(bars)?;
    let signals = signals_of(&bars, signals)?;
    Ok(SetInputs { spec: spec_of(spec)?, options: options_of(options)?, signals, bars })
}

fn stats_of(s: &SetStats) -> SimSetStats {
    SimSetStats {
        trades: s.trades,
        wins: s.wins,
        losses: s.losses,
        win_rate: s.win_rate,
        profit_factor: s.profit_factor,
        expectancy: s.expectancy,
        net_pnl: s.net_pnl,
        gross_profit: s.gross_profit,
        gross_loss: s.gross_loss,
        max_drawdown: s.max_drawdown,
        sharpe: s.sharpe,
        exposure: s.exposure,
        ambiguous: s.ambiguous,
        sl_exits: s.sl_exits,
        tp_exits: s.tp_exits,
        time_exits: s.time_exits,
        end_exits: s.end_exits,
        skipped: s.skipped,
    }
}

fn trades_of(bars: &Bars, trades: &[Trade], stats: &SetStats, last_bar: u32, atr_warmup: u32) -> SimTrades {
    let col = |f: &dyn Fn(&Trade) -> f64| Float64Array::new(trades.iter().map(f).collect());
    let time = |bar: u32| bars.time[bar as usize] as f64;
    SimTrades {
        signal_index: col(&|t| f64::from(t.signal_index)),
        signal_time: col(&|t| time(t.signal_bar)),
        direction: col(&|t| f64::from(t.dir)),
        entry_time: col(&|t| time(t.entry_bar)),
        entry_price: col(&|t| t.entry_price),
        exit_time: col(&|t| time(t.exit_bar)),
        exit_price: col(&|t| t.exit_price),
        reason: Uint8Array::new(trades.iter().map(|t| t.reason.code()).collect()),
        reasons: ExitReason::ALL.iter().map(|r| r.as_str().to_string()).collect(),
        bars_held: col(&|t| f64::from(t.bars_held)),
        pnl_ticks: col(&|t| t.pnl_ticks),
        pnl_money: col(&|t| t.pnl_money),
        mae_ticks: col(&|t| t.mae_ticks),
        mfe_ticks: col(&|t| t.mfe_ticks),
        sl_price: col(&|t| t.sl_price),
        tp_price: col(&|t| t.tp_price),
        stats: stats_of(stats),
        last_bar_signals: last_bar,
        atr_warmup_signals: atr_warmup,
    }
}

/// One (SL, TP) set: every trade with MAE/MFE, and the set's statistics.
#[napi]
pub fn sim_trades(
    bars: SimBars,
    signals: SimSignals,
    spec: SimSpec,
    options: SimRunOptions,
    sl: f64,
    tp: f64,
) -> napi::Result<SimTrades> {
    guarded(|| {
        let SetInputs { bars: b, signals: sig, spec, options } = set_inputs(&bars, &signals, &spec, &options).map_err(to_napi)?;
        let r = simulate(b.clone(), &sig, spec, options, sl, tp).map_err(to_napi)?;
        Ok(trades_of(&b, &r.trades, &r.stats, r.last_bar_signals, r.atr_warmup_signals))
    })
}

/// The same set through the naive reference loop (tests and the benchmark baseline).
#[napi]
pub fn sim_trades_naive(
    bars: SimBars,
    signals: SimSignals,
    spec: SimSpec,
    options: SimRunOptions,
    sl: f64,
    tp: f64,
) -> napi::Result<SimTrades> {
    guarded(|| {
        let SetInputs { bars: b, signals: sig, spec, options: opt } =
            set_inputs(&bars, &signals, &spec, &options).map_err(to_napi)?;
        Grid::single(sl, tp).map_err(to_napi)?;
        let (trades, skipped) = naive::simulate(&b, &sig, &spec, &opt, sl, tp);
        let stats = naive::stats(&b, &trades, skipped);
        Ok(trades_of(&b, &trades, &stats, 0, 0))
    })
}

/// Signal times and directions from formula conditions on the bars
/// (`edge`: only where a condition becomes true).
#[napi(object)]
pub struct SimConditionSignals {
    pub time: Float64Array,
    pub direction: Float64Array,
}

#[napi]
pub fn sim_condition_signals(
    bars: SimBars,
    volume: Option<Float64Array>,
    long: Option<String>,
    short: Option<String>,
    edge: bool,
) -> napi::Result<SimConditionSignals> {
    guarded(|| {
        let b = bars_of(&bars).map_err(to_napi)?;
        let s = condition_signals(&b, volume.as_deref(), long.as_deref(), short.as_deref(), edge).map_err(to_napi)?;
        Ok(SimConditionSignals {
            time: Float64Array::new(s.iter().map(|x| b.time[x.bar as usize] as f64).collect()),
            direction: Float64Array::new(s.iter().map(|x| f64::from(x.dir)).collect()),
        })
    })
}

/// A built-in generator's `[long, short]` conditions: "breakout" (a = N),
/// "ma-cross" (a = fast, b = slow), "reversal" (a = N).
#[napi]
pub fn sim_generator(kind: String, a: u32, b: Option<u32>) -> napi::Result<Vec<String>> {
    guarded(|| {
        let (long, short) = generator(&kind, a, b.unwrap_or(0)).map_err(to_napi)?;
        Ok(vec![long, short])
    })
}

/// An SL×TP sweep: first-passage tables built once (constructor), then grid
/// rows computed in blocks (`runRows`) so the caller can report progress
/// and cancel between blocks.
#[napi]
pub struct SimSweep {
    tables: SweepTables,
}

#[napi]
impl SimSweep {
    #[napi(constructor)]
    pub fn new(
        bars: SimBars,
        signals: SimSignals,
        spec: SimSpec,
        options: SimRunOptions,
        sl: Float64Array,
        tp: Float64Array,
        threads: Option<u32>,
    ) -> napi::Result<SimSweep> {
        guarded(|| {
            let b = bars_of(&bars).map_err(to_napi)?;
            let sig = signals_of(&b, &signals).map_err(to_napi)?;
            let grid = Grid::new(sl.to_vec(), tp.to_vec()).map_err(to_napi)?;
            let threads = threads.map_or_else(default_threads, |t| t.clamp(1, 64) as usize);
            let tables = SweepTables::build(
                b,
                &sig,
                spec_of(&spec).map_err(to_napi)?,
                options_of(&options).map_err(to_napi)?,
                grid,
                threads,
            )
            .map_err(to_napi)?;
            Ok(SimSweep { tables })
        })
    }

    /// Signals that can enter (not on the last bar, ATR available).
    #[napi(getter)]
    pub fn usable_signals(&self) -> u32 {
        self.tables.usable() as u32
    }

    #[napi(getter)]
    pub fn last_bar_signals(&self) -> u32 {
        self.tables.entries.last_bar
    }

    #[napi(getter)]
    pub fn atr_warmup_signals(&self) -> u32 {
        self.tables.entries.atr_warmup
    }

    /// Statistics of stop-level rows `from..to` (every target level each).
    #[napi]
    pub fn run_rows(&self, from: u32, to: u32, threads: Option<u32>) -> napi::Result<SimSweepStats> {
        guarded(|| {
            let threads = threads.map_or_else(default_threads, |t| t.clamp(1, 64) as usize);
            let s = self.tables.run_rows(from as usize..to as usize, threads);
            let col = |f: &dyn Fn(&SetStats) -> f64| Float64Array::new(s.iter().map(f).collect());
            Ok(SimSweepStats {
                trades: col(&|x| f64::from(x.trades)),
                wins: col(&|x| f64::from(x.wins)),
                win_rate: col(&|x| x.win_rate),
                profit_factor: col(&|x| x.profit_factor),
                expectancy: col(&|x| x.expectancy),
                net_pnl: col(&|x| x.net_pnl),
                max_drawdown: col(&|x| x.max_drawdown),
                sharpe: col(&|x| x.sharpe),
                exposure: col(&|x| x.exposure),
                ambiguous: col(&|x| f64::from(x.ambiguous)),
                sl_exits: col(&|x| f64::from(x.sl_exits)),
                tp_exits: col(&|x| f64::from(x.tp_exits)),
                time_exits: col(&|x| f64::from(x.time_exits)),
                end_exits: col(&|x| f64::from(x.end_exits)),
                skipped: col(&|x| f64::from(x.skipped)),
            })
        })
    }
}

fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

//! SL×TP sweep speed: 200,000 one-minute bars, 2,000 signals, a 100×100
//! grid (20M trades) against the naive per-trade loop on a subset of sets.
//! `cargo run --release --example bench_sim [threads]`

use std::time::Instant;

use alphadesk_engine::sim::{naive, Bars, ContractSpec, Grid, Signal, SimOptions, SweepTables, TiePolicy, Unit};
use alphadesk_engine::synth::SplitMix;

fn minute_bars(n: usize, seed: u64) -> Bars {
    let mut rng = SplitMix::new(seed);
    let snap = |x: f64| (x / 0.25).round() * 0.25;
    let mut px = 4000.0;
    let (mut t, mut o, mut h, mut l, mut c) = (vec![], vec![], vec![], vec![], vec![]);
    for k in 0..n as i64 {
        let open = snap(px + if k % 390 == 0 { 4.0 * rng.normal() } else { 0.0 });
        let close = snap(open + 1.2 * rng.normal());
        t.push(1_600_000_000 + (k / 390) * 86_400 + (k % 390) * 60);
        o.push(open);
        h.push(snap(open.max(close) + 0.6 * rng.uniform()));
        l.push(snap(open.min(close) - 0.6 * rng.uniform()));
        c.push(close);
        px = close;
    }
    Bars::new(t, o, h, l, c).unwrap()
}

fn main() {
    let threads: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(2);
    let n = 200_000;
    let bars = minute_bars(n, 1);
    let mut rng = SplitMix::new(2);
    let signals: Vec<Signal> =
        (0..2000).map(|_| Signal { bar: rng.below(n) as u32, dir: if rng.uniform() < 0.5 { 1 } else { -1 } }).collect();
    let spec = ContractSpec::new(0.25, 12.5, 2.0, 1.0).unwrap();
    let overlap = std::env::args().nth(2).as_deref() != Some("no-overlap");
    let opt = SimOptions::new(Unit::Ticks, TiePolicy::Stop, None, overlap).unwrap();
    let levels: Vec<f64> = (1..=100).map(|k| f64::from(k) * 2.0).collect();
    let grid = Grid::new(levels.clone(), levels.clone()).unwrap();
    let t0 = Instant::now();
    let tables = SweepTables::build(bars.clone(), &signals, spec, opt, grid, threads).unwrap();
    let t1 = Instant::now();
    let stats = tables.run_rows(0..100, threads);
    let t2 = Instant::now();
    let trades: u64 = stats.iter().map(|s| u64::from(s.trades)).sum();
    let fast = (t2 - t0).as_secs_f64();
    println!(
        "sweep: tables {:.3} s, pairs {:.3} s, total {fast:.3} s, {trades} trades",
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64()
    );
    // Naive on a diagonal-ish subset of sets, normalised per set.
    let t3 = Instant::now();
    let mut naive_trades = 0u64;
    let picks: Vec<(usize, usize)> = (0..20).map(|x| ((x * 37) % 100, (x * 53 + 11) % 100)).collect();
    for &(k, m) in &picks {
        let (tr, _) = naive::simulate(&bars, &signals, &spec, &opt, levels[k], levels[m]);
        naive_trades += tr.len() as u64;
        assert_eq!(tr.len() as u32, stats[k * 100 + m].trades);
    }
    let slow = (Instant::now() - t3).as_secs_f64();
    let per_trade = slow / naive_trades as f64;
    println!("naive: {} sets {slow:.3} s, {naive_trades} trades, {:.1} ns/trade", picks.len(), per_trade * 1e9);
    println!("ratio per trade: {:.0}x", per_trade * trades as f64 / fast);
}

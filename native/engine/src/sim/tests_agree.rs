//! The fast path against the naive reference on seeded random bars: trade
//! for trade for single sets, statistic for statistic across grids, for
//! every tie policy, both directions, gaps, time exits, end of data, every
//! unit, overlap on and off.

use super::naive;
use super::*;
use crate::synth::SplitMix;

/// Random-walk bars on a coarse tick (so exact touches and ties happen),
/// with occasional gaps and zero-range bars; several bars per day.
pub fn random_bars(n: usize, seed: u64) -> Bars {
    let mut rng = SplitMix::new(seed);
    let tick = 0.25;
    let snap = |x: f64| (x / tick).round() * tick;
    let mut px = 1000.0;
    let (mut t, mut o, mut h, mut l, mut c) = (vec![], vec![], vec![], vec![], vec![]);
    for k in 0..n {
        let gap = if rng.uniform() < 0.05 { 8.0 * rng.normal() } else { 0.0 };
        let open = snap(px + gap);
        let close = snap(open + 2.0 * rng.normal());
        let (hi, lo) = if rng.uniform() < 0.05 {
            (open.max(close), open.min(close))
        } else {
            (snap(open.max(close) + 1.5 * rng.uniform()), snap(open.min(close) - 1.5 * rng.uniform()))
        };
        t.push(1_600_000_000 + (k as i64 / 7) * 86_400 + (k as i64 % 7) * 3600);
        o.push(open);
        h.push(hi);
        l.push(lo);
        c.push(close);
        px = close;
    }
    Bars::new(t, o, h, l, c).unwrap()
}

pub fn random_signals(n: usize, count: usize, seed: u64, both: bool) -> Vec<Signal> {
    let mut rng = SplitMix::new(seed);
    (0..count).map(|_| Signal { bar: rng.below(n) as u32, dir: if both && rng.uniform() < 0.5 { -1 } else { 1 } }).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a.is_nan() && b.is_nan()) || a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn assert_stats(fast: &SetStats, slow: &SetStats, what: &str) {
    assert_eq!(
        (fast.trades, fast.wins, fast.losses, fast.ambiguous, fast.skipped),
        (slow.trades, slow.wins, slow.losses, slow.ambiguous, slow.skipped),
        "{what}"
    );
    assert_eq!(
        (fast.sl_exits, fast.tp_exits, fast.time_exits, fast.end_exits),
        (slow.sl_exits, slow.tp_exits, slow.time_exits, slow.end_exits),
        "{what}"
    );
    for (name, a, b) in [
        ("net", fast.net_pnl, slow.net_pnl),
        ("pf", fast.profit_factor, slow.profit_factor),
        ("expectancy", fast.expectancy, slow.expectancy),
        ("win rate", fast.win_rate, slow.win_rate),
        ("max dd", fast.max_drawdown, slow.max_drawdown),
        ("sharpe", fast.sharpe, slow.sharpe),
        ("exposure", fast.exposure, slow.exposure),
    ] {
        assert!(close(a, b), "{what}: {name} fast {a} naive {b}");
    }
}

fn all_options() -> Vec<SimOptions> {
    let mut out = vec![];
    for tie in [TiePolicy::Stop, TiePolicy::Target, TiePolicy::Nearest] {
        for overlap in [false, true] {
            for max_hold in [None, Some(1), Some(7)] {
                out.push(SimOptions::new(Unit::Ticks, tie, max_hold, overlap).unwrap());
            }
        }
    }
    for unit in [Unit::Price, Unit::Pct, Unit::Atr(5)] {
        out.push(SimOptions::new(unit, TiePolicy::Nearest, Some(20), false).unwrap());
    }
    out
}

fn distances(unit: Unit) -> (Vec<f64>, Vec<f64>) {
    match unit {
        Unit::Ticks => (vec![1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 40.0], vec![1.0, 2.5, 4.0, 6.0, 9.0, 20.0, 60.0]),
        Unit::Price => (vec![0.25, 0.5, 1.0, 2.5, 7.0], vec![0.5, 0.75, 2.0, 4.0]),
        Unit::Pct => (vec![0.05, 0.1, 0.3, 1.0], vec![0.02, 0.1, 0.2, 0.5, 2.0]),
        Unit::Atr(_) => (vec![0.2, 0.5, 1.0, 3.0], vec![0.3, 1.0, 2.0]),
    }
}

#[test]
fn single_sets_agree_trade_for_trade() {
    let spec = ContractSpec::new(0.25, 12.5, 2.0, 1.0).unwrap();
    let mut seen = std::collections::HashSet::new();
    let mut gaps = 0;
    for seed in 0..6u64 {
        let bars = random_bars(400, seed);
        let sig = random_signals(400, 60, seed + 100, true);
        for o in all_options() {
            let (sls, tps) = distances(o.unit);
            for &sl in &sls {
                for &tp in &tps {
                    let fast = simulate(bars.clone(), &sig, spec, o, sl, tp).unwrap();
                    let (slow, skipped) = naive::simulate(&bars, &sig, &spec, &o, sl, tp);
                    let what = format!("seed {seed} {o:?} sl {sl} tp {tp}");
                    assert_eq!(fast.trades.len(), slow.len(), "{what}");
                    for (a, b) in fast.trades.iter().zip(&slow) {
                        assert_eq!(a, b, "{what}");
                        seen.insert((a.reason, a.dir));
                        let at_open = a.exit_price == bars.open[a.exit_bar as usize]
                            && a.exit_price != a.sl_price
                            && a.exit_price != a.tp_price;
                        gaps += usize::from(at_open && matches!(a.reason, ExitReason::Sl | ExitReason::Tp));
                    }
                    assert_stats(&fast.stats, &naive::stats(&bars, &slow, skipped), &what);
                }
            }
        }
    }
    // The random bars exercise every exit reason in both directions, and gap fills.
    assert_eq!(seen.len(), 12, "{seen:?}");
    assert!(gaps > 100, "{gaps} gap fills");
}

#[test]
fn grids_agree_with_the_naive_loop_per_cell() {
    let spec = ContractSpec::new(0.25, 50.0, 1.5, 0.5).unwrap();
    for seed in 0..4u64 {
        let bars = random_bars(900, seed + 7);
        for both in [false, true] {
            let sig = random_signals(900, 150, seed + 300, both);
            for o in all_options() {
                let (sls, tps) = distances(o.unit);
                let grid = Grid::new(sls.clone(), tps.clone()).unwrap();
                let cells = sweep(bars.clone(), &sig, spec, o, grid, 2).unwrap();
                for (k, &sl) in sls.iter().enumerate() {
                    for (m, &tp) in tps.iter().enumerate() {
                        let (slow, skipped) = naive::simulate(&bars, &sig, &spec, &o, sl, tp);
                        let what = format!("seed {seed} both {both} {o:?} sl {sl} tp {tp}");
                        assert_stats(&cells[k * tps.len() + m], &naive::stats(&bars, &slow, skipped), &what);
                    }
                }
            }
        }
    }
}

#[test]
fn row_chunks_and_thread_counts_give_the_same_cells() {
    let spec = ContractSpec::new(0.25, 12.5, 0.0, 0.0).unwrap();
    let bars = random_bars(2000, 42);
    let sig = random_signals(2000, 300, 43, true);
    let o = SimOptions::new(Unit::Ticks, TiePolicy::Stop, None, false).unwrap();
    let grid = Grid::new((1..=12).map(f64::from).collect(), (1..=9).map(|x| f64::from(x) * 1.5).collect()).unwrap();
    let t = SweepTables::build(bars, &sig, spec, o, grid, 3).unwrap();
    let whole = t.run_rows(0..12, 1);
    let mut parts = t.run_rows(0..5, 2);
    parts.extend(t.run_rows(5..12, 4));
    assert_eq!(whole, parts);
}

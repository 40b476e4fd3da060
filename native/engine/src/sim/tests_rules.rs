//! Hand-built bar sequences, one per rule of the simulator.

use super::naive;
use super::*;

/// Daily bars from (open, high, low, close).
fn bars(rows: &[(f64, f64, f64, f64)]) -> Bars {
    let t = (0..rows.len() as i64).map(|k| 1_600_000_000 + k * 86_400).collect();
    Bars::new(
        t,
        rows.iter().map(|r| r.0).collect(),
        rows.iter().map(|r| r.1).collect(),
        rows.iter().map(|r| r.2).collect(),
        rows.iter().map(|r| r.3).collect(),
    )
    .unwrap()
}

fn spec() -> ContractSpec {
    ContractSpec::new(1.0, 1.0, 0.0, 0.0).unwrap()
}

fn opts(tie: TiePolicy) -> SimOptions {
    SimOptions::new(Unit::Ticks, tie, None, false).unwrap()
}

fn long(bar: u32) -> Signal {
    Signal { bar, dir: 1 }
}

fn short(bar: u32) -> Signal {
    Signal { bar, dir: -1 }
}

/// Fast and naive must agree; returns the trades.
fn run(b: &Bars, sig: &[Signal], spec: ContractSpec, o: SimOptions, sl: f64, tp: f64) -> Vec<Trade> {
    let fast = simulate(b.clone(), sig, spec, o, sl, tp).unwrap();
    let (slow, _) = naive::simulate(b, sig, &spec, &o, sl, tp);
    assert_eq!(fast.trades, slow, "fast and naive disagree");
    fast.trades
}

const FLAT: (f64, f64, f64, f64) = (20.0, 20.0, 20.0, 20.0);

#[test]
fn enters_at_next_open_with_levels_from_the_fill() {
    let b = bars(&[(10.0, 10.0, 10.0, 10.0), (20.0, 21.0, 19.0, 20.0), (20.0, 25.5, 19.0, 25.0)]);
    let t = run(&b, &[long(0)], spec(), opts(TiePolicy::Stop), 5.0, 5.0);
    assert_eq!(t.len(), 1);
    assert_eq!((t[0].entry_bar, t[0].entry_price), (1, 20.0));
    assert_eq!((t[0].sl_price, t[0].tp_price), (15.0, 25.0));
    assert_eq!((t[0].exit_bar, t[0].exit_price, t[0].reason), (2, 25.0, ExitReason::Tp));
    assert_eq!(t[0].bars_held, 2);
    assert_eq!(t[0].pnl_ticks, 5.0);
    assert_eq!(t[0].mfe_ticks, 5.0);
    assert_eq!(t[0].mae_ticks, 1.0);
}

#[test]
fn gap_through_the_stop_fills_at_the_open() {
    let b = bars(&[FLAT, FLAT, (12.0, 13.0, 11.0, 12.0)]);
    let t = run(&b, &[long(0)], spec(), opts(TiePolicy::Stop), 5.0, 5.0);
    assert_eq!((t[0].exit_bar, t[0].exit_price, t[0].reason), (2, 12.0, ExitReason::Sl));
    assert_eq!(t[0].pnl_ticks, -8.0);
    assert_eq!(t[0].mae_ticks, 8.0);
    // Short: a gap up through its stop.
    let b = bars(&[FLAT, FLAT, (28.0, 29.0, 10.0, 28.0)]);
    let t = run(&b, &[short(0)], spec(), opts(TiePolicy::Target), 5.0, 5.0);
    assert_eq!(
        (t[0].exit_price, t[0].reason),
        (28.0, ExitReason::Sl),
        "a gap is not ambiguous even if the bar also reaches the target"
    );
}

#[test]
fn gap_through_the_target_fills_at_the_better_open() {
    let b = bars(&[FLAT, FLAT, (27.0, 28.0, 10.0, 27.0)]);
    let t = run(&b, &[long(0)], spec(), opts(TiePolicy::Stop), 5.0, 5.0);
    assert_eq!((t[0].exit_price, t[0].reason), (27.0, ExitReason::Tp));
    assert_eq!(t[0].pnl_ticks, 7.0);
}

#[test]
fn both_levels_inside_the_entry_bar_follow_the_tie_policy() {
    let b = bars(&[FLAT, (20.0, 30.0, 10.0, 20.0), FLAT]);
    let stop = run(&b, &[long(0)], spec(), opts(TiePolicy::Stop), 4.0, 6.0);
    assert_eq!((stop[0].exit_bar, stop[0].exit_price, stop[0].reason), (1, 16.0, ExitReason::AmbiguousSl));
    let target = run(&b, &[long(0)], spec(), opts(TiePolicy::Target), 4.0, 6.0);
    assert_eq!((target[0].exit_price, target[0].reason), (26.0, ExitReason::AmbiguousTp));
    // Nearest to the open (20): the stop at 16 is nearer than the target at 26.
    let near = run(&b, &[long(0)], spec(), opts(TiePolicy::Nearest), 4.0, 6.0);
    assert_eq!(near[0].reason, ExitReason::AmbiguousSl);
    let near = run(&b, &[long(0)], spec(), opts(TiePolicy::Nearest), 6.0, 4.0);
    assert_eq!((near[0].exit_price, near[0].reason), (24.0, ExitReason::AmbiguousTp));
    // Equal distances: the stop.
    let near = run(&b, &[short(0)], spec(), opts(TiePolicy::Nearest), 5.0, 5.0);
    assert_eq!((near[0].exit_price, near[0].reason), (25.0, ExitReason::AmbiguousSl));
    let s = simulate(b, &[long(0)], spec(), opts(TiePolicy::Stop), 4.0, 6.0).unwrap();
    assert_eq!(s.stats.ambiguous, 1);
}

#[test]
fn exact_touches_count_despite_float_rounding() {
    // 100.7 + 3 × 0.1 is 101.00000000000001 in binary; a high of 101.0 touches it.
    let s = ContractSpec::new(0.1, 10.0, 0.0, 0.0).unwrap();
    let b = bars(&[(100.7, 100.7, 100.7, 100.7), (100.7, 100.8, 100.6, 100.7), (100.7, 101.0, 100.6, 101.0)]);
    let t = run(&b, &[long(0)], s, opts(TiePolicy::Stop), 3.0, 3.0);
    assert_eq!(t[0].reason, ExitReason::Tp);
    assert_eq!(t[0].exit_bar, 2);
    // A low exactly at the stop.
    let b = bars(&[(100.7, 100.7, 100.7, 100.7), (100.7, 100.8, 100.4, 100.5)]);
    let t = run(&b, &[long(0)], s, opts(TiePolicy::Stop), 3.0, 3.0);
    assert_eq!((t[0].exit_bar, t[0].reason), (1, ExitReason::Sl));
}

#[test]
fn zero_range_bars() {
    // Flat bars never reach a level; a flat bar exactly at the stop fills there.
    let b = bars(&[FLAT, FLAT, FLAT, (15.0, 15.0, 15.0, 15.0)]);
    let t = run(&b, &[long(0)], spec(), opts(TiePolicy::Stop), 5.0, 5.0);
    assert_eq!((t[0].exit_bar, t[0].exit_price, t[0].reason), (3, 15.0, ExitReason::Sl));
    let b = bars(&[FLAT, FLAT, FLAT]);
    let t = run(&b, &[long(0)], spec(), opts(TiePolicy::Stop), 5.0, 5.0);
    assert_eq!((t[0].exit_bar, t[0].reason, t[0].pnl_ticks), (2, ExitReason::End, 0.0));
}

#[test]
fn signal_on_the_last_bar_is_reported_not_traded() {
    let b = bars(&[FLAT, FLAT, FLAT]);
    let r = simulate(b.clone(), &[long(2)], spec(), opts(TiePolicy::Stop), 5.0, 5.0).unwrap();
    assert!(r.trades.is_empty());
    assert_eq!(r.last_bar_signals, 1);
    assert!(run(&b, &[long(2)], spec(), opts(TiePolicy::Stop), 5.0, 5.0).is_empty());
}

#[test]
fn time_exit_at_the_close_of_the_max_hold_bar() {
    let b = bars(&[FLAT, (20.0, 21.0, 19.0, 20.5), (20.5, 21.0, 19.0, 21.0), (21.0, 30.0, 10.0, 21.0)]);
    let o = SimOptions::new(Unit::Ticks, TiePolicy::Stop, Some(2), false).unwrap();
    let t = run(&b, &[long(0)], spec(), o, 5.0, 5.0);
    assert_eq!((t[0].exit_bar, t[0].exit_price, t[0].reason, t[0].bars_held), (2, 21.0, ExitReason::Time, 2));
    let o = SimOptions::new(Unit::Ticks, TiePolicy::Stop, Some(1), false).unwrap();
    let t = run(&b, &[long(0)], spec(), o, 5.0, 5.0);
    assert_eq!((t[0].exit_bar, t[0].exit_price, t[0].reason), (1, 20.5, ExitReason::Time));
    // A level on the max-hold bar wins over the time exit.
    let o = SimOptions::new(Unit::Ticks, TiePolicy::Stop, Some(3), false).unwrap();
    let t = run(&b, &[long(0)], spec(), o, 5.0, 5.0);
    assert_eq!((t[0].exit_bar, t[0].reason), (3, ExitReason::AmbiguousSl));
    // Max hold beyond the data: end of data.
    let o = SimOptions::new(Unit::Ticks, TiePolicy::Stop, Some(50), false).unwrap();
    let t = run(&b, &[long(0)], spec(), o, 20.0, 20.0);
    assert_eq!((t[0].exit_bar, t[0].exit_price, t[0].reason), (3, 21.0, ExitReason::End));
}

#[test]
fn no_overlap_skips_while_open_and_reenters_on_the_exit_bar() {
    // Trade 1 enters bar 1, exits at the target on bar 3; the signal on bar 2 is
    // skipped; the signal on bar 3 (the exit bar) enters at bar 4's open.
    let b = bars(&[FLAT, FLAT, FLAT, (20.0, 25.0, 20.0, 24.0), (24.0, 24.0, 24.0, 24.0), FLAT]);
    let sig = [long(0), long(2), long(3)];
    let t = run(&b, &sig, spec(), opts(TiePolicy::Stop), 5.0, 5.0);
    assert_eq!(t.len(), 2);
    assert_eq!((t[0].signal_bar, t[0].exit_bar), (0, 3));
    assert_eq!((t[1].signal_bar, t[1].entry_bar, t[1].entry_price), (3, 4, 24.0));
    let r = simulate(b.clone(), &sig, spec(), opts(TiePolicy::Stop), 5.0, 5.0).unwrap();
    assert_eq!(r.stats.skipped, 1);
    // With overlap all three trade.
    let o = SimOptions::new(Unit::Ticks, TiePolicy::Stop, None, true).unwrap();
    let t = run(&b, &sig, spec(), o, 5.0, 5.0);
    assert_eq!(t.len(), 3);
}

#[test]
fn costs_per_side_in_ticks_and_money() {
    let s = ContractSpec::new(0.25, 12.5, 2.5, 1.0).unwrap();
    let b = bars(&[FLAT, FLAT, (20.0, 22.0, 20.0, 22.0)]);
    let t = run(&b, &[long(0)], s, opts(TiePolicy::Stop), 4.0, 8.0);
    // +8 ticks gross, -2 ticks slippage, -5 commission.
    assert_eq!(t[0].pnl_ticks, 6.0);
    assert_eq!(t[0].pnl_money, 6.0 * 12.5 - 5.0);
}

#[test]
fn pct_and_atr_units() {
    let b = bars(&[FLAT, (200.0, 200.0, 200.0, 200.0), (200.0, 203.0, 199.0, 203.0)]);
    let o = SimOptions::new(Unit::Pct, TiePolicy::Stop, None, false).unwrap();
    let t = run(&b, &[long(0)], spec(), o, 1.0, 1.0);
    assert_eq!((t[0].sl_price, t[0].tp_price, t[0].exit_price), (198.0, 202.0, 202.0));
    // ATR(2) at the signal bar: true ranges 2 and 4 → 3.
    let b = bars(&[
        (10.0, 10.0, 10.0, 10.0),
        (10.0, 11.0, 9.0, 10.0),
        (10.0, 12.0, 8.0, 10.0),
        (10.0, 10.0, 10.0, 10.0),
        (10.0, 13.0, 10.0, 13.0),
    ]);
    let o = SimOptions::new(Unit::Atr(2), TiePolicy::Stop, None, false).unwrap();
    let r = simulate(b.clone(), &[long(0), long(2)], spec(), o, 1.0, 1.0).unwrap();
    assert_eq!(r.atr_warmup_signals, 1);
    assert_eq!((r.trades[0].sl_price, r.trades[0].tp_price, r.trades[0].exit_bar), (7.0, 13.0, 4));
    run(&b, &[long(0), long(2)], spec(), o, 1.0, 1.0);
}

#[test]
fn bad_inputs_name_the_field() {
    let err = |r: crate::Result<_>| -> String {
        match r {
            Err(e) => e.to_string(),
            Ok(()) => String::from("ok"),
        }
    };
    assert!(err(ContractSpec::new(0.0, 1.0, 0.0, 0.0).map(|_| ())).contains("spec.tickSize"));
    assert!(err(ContractSpec::new(1.0, -1.0, 0.0, 0.0).map(|_| ())).contains("spec.tickValue"));
    assert!(err(ContractSpec::new(1.0, 1.0, -2.0, 0.0).map(|_| ())).contains("spec.commission"));
    assert!(err(Grid::new(vec![1.0, -2.0], vec![1.0]).map(|_| ())).contains("sl[1]"));
    assert!(err(Grid::new(vec![1.0], vec![0.0]).map(|_| ())).contains("tp[0]"));
    assert!(err(Grid::new(vec![2.0, 1.0], vec![1.0]).map(|_| ())).contains("strictly increasing"));
    assert!(err(Grid::single(-1.0, 1.0).map(|_| ())).contains("sl"));
    assert!(err(Bars::new(vec![], vec![], vec![], vec![], vec![]).map(|_| ())).contains("no bars"));
    assert!(
        err(Bars::new(vec![1, 1], vec![1.0; 2], vec![1.0; 2], vec![1.0; 2], vec![1.0; 2]).map(|_| ())).contains("bars.time[1]")
    );
    assert!(err(Bars::new(vec![1], vec![f64::NAN], vec![1.0], vec![1.0], vec![1.0]).map(|_| ())).contains("bars.open[0]"));
    assert!(err(SimOptions::new(Unit::Ticks, TiePolicy::Stop, Some(0), false).map(|_| ())).contains("maxHold"));
    assert!(err(Unit::parse("atr", Some(0)).map(|_| ())).contains("atrPeriod"));
    assert!(err(TiePolicy::parse("first").map(|_| ())).contains("tie"));
    let b = bars(&[FLAT, FLAT]);
    let e = err(map_signal_times(&b, &[1_600_000_001], &[1.0]).map(|_| ()));
    assert!(e.contains("signals[0].time") && e.contains("2020-09-13T12:26:41Z"), "{e}");
    assert!(err(map_signal_times(&b, &[1_600_000_000], &[0.0]).map(|_| ())).contains("signals[0].direction"));
}

#[test]
fn sweep_cells_equal_single_runs() {
    let b = bars(&[FLAT, (20.0, 23.0, 18.0, 21.0), (21.0, 26.0, 16.0, 22.0), (22.0, 22.0, 12.0, 13.0), FLAT]);
    let grid = Grid::new(vec![1.0, 2.0, 5.0], vec![1.0, 3.0, 9.0]).unwrap();
    let sig = [long(0), short(1), long(2)];
    let cells = sweep(b.clone(), &sig, spec(), opts(TiePolicy::Nearest), grid.clone(), 2).unwrap();
    for (k, &sl) in grid.sl.iter().enumerate() {
        for (m, &tp) in grid.tp.iter().enumerate() {
            let one = simulate(b.clone(), &sig, spec(), opts(TiePolicy::Nearest), sl, tp).unwrap();
            let cell = cells[k * grid.tp.len() + m];
            assert_eq!(cell.trades, one.stats.trades);
            assert_eq!(cell.net_pnl, one.stats.net_pnl);
        }
    }
}

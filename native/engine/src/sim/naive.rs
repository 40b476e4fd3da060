//! The reference simulator: a plain loop, one trade at a time, scanning
//! bars forward from each entry. Written from the rules alone and sharing
//! no simulation code with the fast path (only the input types), so tests
//! can hold the two against each other; the benchmark's baseline too.

use super::bars::Bars;
use super::signals::Signal;
use super::spec::{ContractSpec, SimOptions, TiePolicy, Unit};
use super::stats::{SetStats, DAYS_PER_YEAR};
use super::trade::{ExitReason, Trade};

/// Trades of one (SL, TP) set, in exit order, and the number of signals
/// skipped because a trade was open.
pub fn simulate(bars: &Bars, signals: &[Signal], spec: &ContractSpec, opt: &SimOptions, sl: f64, tp: f64) -> (Vec<Trade>, u32) {
    let n = bars.time.len();
    let eps = spec.tick_size * 1e-6;
    let mut order: Vec<usize> = (0..signals.len()).collect();
    order.sort_by_key(|&k| signals[k].bar);
    let mut trades = Vec::new();
    let mut busy_until: usize = 0; // no-overlap: a signal before this bar is skipped
    let mut skipped = 0u32;
    for k in order {
        let s = signals[k].bar as usize;
        let dir = signals[k].dir;
        if s + 1 >= n {
            continue; // signal on the last bar: nothing to enter at
        }
        let i = s + 1;
        let entry = bars.open[i];
        let unit = match opt.unit {
            Unit::Ticks => spec.tick_size,
            Unit::Price => 1.0,
            Unit::Pct => entry / 100.0,
            Unit::Atr(w) => {
                if s < w {
                    continue;
                }
                let mut sum = 0.0;
                for j in s + 1 - w..=s {
                    let pc = bars.close[j - 1];
                    sum += (bars.high[j] - bars.low[j]).max((bars.high[j] - pc).abs()).max((bars.low[j] - pc).abs());
                }
                let atr = sum / w as f64;
                if atr <= 0.0 {
                    continue;
                }
                atr
            }
        };
        let (stop, target) =
            if dir > 0 { (entry - sl * unit, entry + tp * unit) } else { (-(-entry - sl * unit), -(-entry + tp * unit)) };
        if !opt.overlap && s < busy_until {
            skipped += 1;
            continue;
        }
        let last_allowed = match opt.max_hold {
            Some(h) => (i + h as usize - 1).min(n - 1),
            None => n - 1,
        };
        let mut exit: Option<(usize, f64, ExitReason)> = None;
        let mut worst = entry;
        let mut best = entry;
        for j in i..=last_allowed {
            let (o, h, l, c) = (bars.open[j], bars.high[j], bars.low[j], bars.close[j]);
            // Stop / target reached in this bar, and gap fills at the open.
            let (stop_hit, target_hit, stop_gap, target_gap) = if dir > 0 {
                (l <= stop + eps, h >= target - eps, o < stop - eps, o > target + eps)
            } else {
                (h >= stop - eps, l <= target + eps, o > stop + eps, o < target - eps)
            };
            let adverse = if dir > 0 { l } else { h };
            let favourable = if dir > 0 { h } else { l };
            let worse = |a: f64, b: f64| if dir > 0 { a.min(b) } else { a.max(b) };
            let better = |a: f64, b: f64| if dir > 0 { a.max(b) } else { a.min(b) };
            let clamp_adv = |p: f64| if dir > 0 { p.max(stop) } else { p.min(stop) };
            let clamp_fav = |p: f64| {
                if dir > 0 {
                    p.min(target)
                } else {
                    p.max(target)
                }
            };
            if stop_gap {
                worst = worse(worst, o);
                best = better(best, o);
                exit = Some((j, o, ExitReason::Sl));
            } else if target_gap {
                worst = worse(worst, o);
                best = better(best, o);
                exit = Some((j, o, ExitReason::Tp));
            } else if stop_hit || target_hit {
                worst = worse(worst, clamp_adv(adverse));
                best = better(best, clamp_fav(favourable));
                let reason = if stop_hit && target_hit {
                    let nearer_target = (target - o).abs() < (o - stop).abs();
                    match opt.tie {
                        TiePolicy::Stop => ExitReason::AmbiguousSl,
                        TiePolicy::Target => ExitReason::AmbiguousTp,
                        TiePolicy::Nearest if nearer_target => ExitReason::AmbiguousTp,
                        TiePolicy::Nearest => ExitReason::AmbiguousSl,
                    }
                } else if stop_hit {
                    ExitReason::Sl
                } else {
                    ExitReason::Tp
                };
                let price = match reason {
                    ExitReason::Sl | ExitReason::AmbiguousSl => stop,
                    _ => target,
                };
                exit = Some((j, price, reason));
            } else {
                worst = worse(worst, adverse);
                best = better(best, favourable);
                if j == last_allowed {
                    let reason =
                        if opt.max_hold.is_some_and(|h| i + h as usize - 1 < n) { ExitReason::Time } else { ExitReason::End };
                    exit = Some((j, c, reason));
                }
            }
            if exit.is_some() {
                break;
            }
        }
        let Some((xb, xp, reason)) = exit else {
            continue;
        };
        let d = f64::from(dir);
        let ticks = d * (xp - entry) / spec.tick_size - 2.0 * spec.slippage_ticks;
        trades.push(Trade {
            signal_index: k as u32,
            signal_bar: s as u32,
            dir,
            entry_bar: i as u32,
            entry_price: entry,
            exit_bar: xb as u32,
            exit_price: xp,
            reason,
            bars_held: (xb - i + 1) as u32,
            pnl_ticks: ticks,
            pnl_money: ticks * spec.tick_value - 2.0 * spec.commission,
            // Excursions as distances (never -0 for shorts).
            mae_ticks: (if dir > 0 { entry - worst } else { worst - entry }) / spec.tick_size,
            mfe_ticks: (if dir > 0 { best - entry } else { entry - best }) / spec.tick_size,
            sl_price: stop,
            tp_price: target,
        });
        busy_until = xb;
    }
    // Exit order, ties in signal order (the sort is stable).
    trades.sort_by_key(|t| t.exit_bar);
    (trades, skipped)
}

/// Statistics of a trade list, computed the plain way (a daily array, two passes).
pub fn stats(bars: &Bars, trades: &[Trade], skipped: u32) -> SetStats {
    let mut s = SetStats { trades: trades.len() as u32, skipped, ..SetStats::default() };
    let mut daily = vec![0.0; bars.days];
    let (mut equity, mut peak) = (0.0f64, 0.0f64);
    let mut covered = vec![false; bars.time.len()];
    for t in trades {
        let p = t.pnl_money;
        if p > 0.0 {
            s.wins += 1;
            s.gross_profit += p;
        } else if p < 0.0 {
            s.losses += 1;
            s.gross_loss += -p;
        }
        equity += p;
        peak = peak.max(equity);
        s.max_drawdown = s.max_drawdown.max(peak - equity);
        daily[bars.day[t.exit_bar as usize] as usize] += p;
        for c in &mut covered[t.entry_bar as usize..=t.exit_bar as usize] {
            *c = true;
        }
        match t.reason {
            ExitReason::Sl => s.sl_exits += 1,
            ExitReason::Tp => s.tp_exits += 1,
            ExitReason::Time => s.time_exits += 1,
            ExitReason::End => s.end_exits += 1,
            ExitReason::AmbiguousSl => {
                s.sl_exits += 1;
                s.ambiguous += 1
            }
            ExitReason::AmbiguousTp => {
                s.tp_exits += 1;
                s.ambiguous += 1
            }
        }
    }
    s.net_pnl = equity;
    let n = trades.len() as f64;
    s.win_rate = if trades.is_empty() { f64::NAN } else { f64::from(s.wins) / n };
    s.expectancy = if trades.is_empty() { f64::NAN } else { equity / n };
    s.profit_factor = if trades.is_empty() {
        f64::NAN
    } else if s.gross_loss > 0.0 {
        s.gross_profit / s.gross_loss
    } else {
        f64::INFINITY
    };
    s.exposure = covered.iter().filter(|&&c| c).count() as f64 / bars.time.len() as f64;
    let d = daily.len() as f64;
    let mean = daily.iter().sum::<f64>() / d;
    let var = daily.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (d - 1.0);
    s.sharpe = if daily.len() < 2 || var.sqrt() <= 1e-12 * mean.abs().max(1.0) {
        f64::NAN
    } else {
        mean / var.sqrt() * DAYS_PER_YEAR.sqrt()
    };
    s
}

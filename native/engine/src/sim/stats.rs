//! Per-parameter-set statistics, accumulated trade by trade in exit order
//! (the sweep's inner loop feeds it directly; no trade list is built).

use super::trade::ExitReason;

/// Trading days per year for the Sharpe ratio of daily P&L.
pub const DAYS_PER_YEAR: f64 = 252.0;

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SetStats {
    pub trades: u32,
    pub wins: u32,
    pub losses: u32,
    /// wins / trades (NaN without trades).
    pub win_rate: f64,
    /// Gross profit / gross loss (money, net of costs); +inf without losses, NaN without trades.
    pub profit_factor: f64,
    /// Mean net money P&L per trade (NaN without trades).
    pub expectancy: f64,
    pub net_pnl: f64,
    pub gross_profit: f64,
    pub gross_loss: f64,
    /// Largest fall of cumulative net P&L from its running peak (money, >= 0; the peak starts at 0).
    pub max_drawdown: f64,
    /// Annualised Sharpe of daily net P&L over every day of the bars
    /// (days without exits count as 0); NaN when undefined.
    pub sharpe: f64,
    /// Fraction of bars with a position open.
    pub exposure: f64,
    pub ambiguous: u32,
    /// Exits at the stop / target (ambiguous ones included), by time, at the end of data.
    pub sl_exits: u32,
    pub tp_exits: u32,
    pub time_exits: u32,
    pub end_exits: u32,
    /// Signals that could enter but were skipped because a trade was open.
    pub skipped: u32,
}

/// Feed trades in exit order with [`StatsAcc::push`], then [`StatsAcc::finish`].
#[derive(Debug, Clone, Copy)]
pub struct StatsAcc {
    trades: u32,
    wins: u32,
    losses: u32,
    gross_profit: f64,
    gross_loss: f64,
    equity: f64,
    peak: f64,
    max_dd: f64,
    day: u32,
    day_sum: f64,
    sumsq: f64,
    ambiguous: u32,
    reasons: [u32; 4],
}

impl Default for StatsAcc {
    fn default() -> Self {
        Self::new()
    }
}

impl StatsAcc {
    pub fn new() -> StatsAcc {
        StatsAcc {
            trades: 0,
            wins: 0,
            losses: 0,
            gross_profit: 0.0,
            gross_loss: 0.0,
            equity: 0.0,
            peak: 0.0,
            max_dd: 0.0,
            day: u32::MAX,
            day_sum: 0.0,
            sumsq: 0.0,
            ambiguous: 0,
            reasons: [0; 4],
        }
    }

    /// One trade, exiting on day `exit_day` (nondecreasing between calls).
    /// Branch-free where the outcome is a coin flip (win or loss, new peak
    /// or not): mispredictions would cost more than the arithmetic.
    #[inline(always)]
    pub fn push(&mut self, exit_day: u32, pnl: f64, reason: ExitReason) {
        self.trades += 1;
        self.wins += u32::from(pnl > 0.0);
        self.losses += u32::from(pnl < 0.0);
        self.gross_profit += pnl.max(0.0);
        self.gross_loss += (-pnl).max(0.0);
        self.equity += pnl;
        self.peak = self.peak.max(self.equity);
        self.max_dd = self.max_dd.max(self.peak - self.equity);
        if exit_day != self.day {
            self.sumsq += self.day_sum * self.day_sum;
            self.day_sum = 0.0;
            self.day = exit_day;
        }
        self.day_sum += pnl;
        // Sl, Tp, Time, End, AmbiguousSl, AmbiguousTp → the four exit kinds.
        const SLOT: [usize; 6] = [0, 1, 2, 3, 0, 1];
        let r = reason as usize;
        self.reasons[SLOT[r]] += 1;
        self.ambiguous += u32::from(r >= 4);
    }

    /// `days`: length of the daily series; `exposed_bars` of `bars` had a position.
    pub fn finish(mut self, days: usize, bars: usize, exposed_bars: u64, skipped: u32) -> SetStats {
        self.sumsq += self.day_sum * self.day_sum;
        let n = f64::from(self.trades);
        let net = self.equity;
        let (win_rate, expectancy, profit_factor) = if self.trades == 0 {
            (f64::NAN, f64::NAN, f64::NAN)
        } else {
            let pf = if self.gross_loss > 0.0 { self.gross_profit / self.gross_loss } else { f64::INFINITY };
            (f64::from(self.wins) / n, net / n, pf)
        };
        SetStats {
            trades: self.trades,
            wins: self.wins,
            losses: self.losses,
            win_rate,
            profit_factor,
            expectancy,
            net_pnl: net,
            gross_profit: self.gross_profit,
            gross_loss: self.gross_loss,
            max_drawdown: self.max_dd,
            sharpe: daily_sharpe(net, self.sumsq, days),
            exposure: if bars == 0 { 0.0 } else { exposed_bars as f64 / bars as f64 },
            ambiguous: self.ambiguous,
            sl_exits: self.reasons[0],
            tp_exits: self.reasons[1],
            time_exits: self.reasons[2],
            end_exits: self.reasons[3],
            skipped,
        }
    }
}

/// Sharpe of a daily series from its sum and sum of squares (sample std).
fn daily_sharpe(sum: f64, sumsq: f64, days: usize) -> f64 {
    if days < 2 {
        return f64::NAN;
    }
    let d = days as f64;
    let mean = sum / d;
    let var = ((sumsq - sum * mean) / (d - 1.0)).max(0.0);
    let sd = var.sqrt();
    if sd <= 1e-12 * mean.abs().max(1.0) {
        return f64::NAN;
    }
    mean / sd * DAYS_PER_YEAR.sqrt()
}

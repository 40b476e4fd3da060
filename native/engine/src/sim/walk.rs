//! One (SL, TP) pair over the first-passage tables: the exit of each entry
//! is the earlier of two lookups; without overlap the walk jumps from an
//! exit bar straight to the next entry allowed to open.

use super::passage::{stop_level, target_level, GAP, NONE};
use super::spec::TiePolicy;
use super::stats::{SetStats, StatsAcc};
use super::sweep::SweepTables;
use super::trade::ExitReason;

const BAR: u32 = !GAP;

/// One entry's exit under one pair.
#[derive(Debug, Clone, Copy)]
pub struct Exit {
    /// Index into `entries.usable`.
    pub entry: u32,
    pub bar: u32,
    pub pnl: f64,
    pub reason: ExitReason,
}

/// Reusable scratch for walking pairs on one thread.
pub struct PairWalker<'t> {
    t: &'t SweepTables,
    exits: Vec<Exit>,
    order: Vec<u64>,
}

impl<'t> PairWalker<'t> {
    pub fn new(t: &'t SweepTables) -> PairWalker<'t> {
        PairWalker {
            t,
            exits: Vec::new(),
            order: Vec::new(),
        }
    }

    #[inline]
    fn exit(&self, k: usize, m: usize, e: usize) -> Exit {
        let t = self.t;
        let s = t.entries.usable.len();
        let bs = t.sl_bar[k * s + e];
        let bt = t.tp_bar[m * s + e];
        let (sb, tb) = (bs & BAR, bt & BAR);
        let entry = e as u32;
        if sb < tb {
            Exit {
                entry,
                bar: sb,
                pnl: t.sl_pnl[k * s + e],
                reason: ExitReason::Sl,
            }
        } else if tb < sb {
            Exit {
                entry,
                bar: tb,
                pnl: t.tp_pnl[m * s + e],
                reason: ExitReason::Tp,
            }
        } else if sb == NONE {
            Exit {
                entry,
                bar: t.time_bar[e],
                pnl: t.time_pnl[e],
                reason: t.time_reason[e],
            }
        } else {
            let stop = Exit {
                entry,
                bar: sb,
                pnl: t.sl_pnl[k * s + e],
                reason: ExitReason::Sl,
            };
            let target = Exit {
                entry,
                bar: tb,
                pnl: t.tp_pnl[m * s + e],
                reason: ExitReason::Tp,
            };
            if bs & GAP != 0 {
                return stop;
            }
            if bt & GAP != 0 {
                return target;
            }
            let take_target = match t.options.tie {
                TiePolicy::Stop => false,
                TiePolicy::Target => true,
                TiePolicy::Nearest => {
                    let en = &t.entries.usable[e];
                    let sign = f64::from(en.dir);
                    let ep = sign * en.price;
                    let open = sign * t.bars.open[sb as usize];
                    let to_stop = open - stop_level(ep, t.grid.sl[k], en.scale);
                    let to_target = target_level(ep, t.grid.tp[m], en.scale) - open;
                    to_target < to_stop
                }
            };
            if take_target {
                Exit {
                    reason: ExitReason::AmbiguousTp,
                    ..target
                }
            } else {
                Exit {
                    reason: ExitReason::AmbiguousSl,
                    ..stop
                }
            }
        }
    }

    /// The pair's trades as exits, in exit order (ties in entry order), and
    /// the number of bars with a position open.
    pub fn exits(&mut self, k: usize, m: usize) -> (&[Exit], u64) {
        let t = self.t;
        let s = t.entries.usable.len();
        self.exits.clear();
        let mut exposed = 0u64;
        if !t.options.overlap {
            let mut e = 0usize;
            while e < s {
                let x = self.exit(k, m, e);
                exposed += u64::from(x.bar - t.entries.usable[e].bar + 1);
                self.exits.push(x);
                e = t.next_entry[x.bar as usize] as usize;
            }
            return (&self.exits, exposed);
        }
        // Overlap: every entry trades; exposure is the union of the [entry, exit] spans.
        let mut covered_to: i64 = -1;
        for e in 0..s {
            let x = self.exit(k, m, e);
            let from = i64::from(t.entries.usable[e].bar).max(covered_to + 1);
            if i64::from(x.bar) >= from {
                exposed += (i64::from(x.bar) - from + 1) as u64;
                covered_to = i64::from(x.bar);
            }
            self.exits.push(x);
        }
        self.order.clear();
        self.order.extend(
            self.exits
                .iter()
                .map(|x| (u64::from(x.bar) << 32) | u64::from(x.entry)),
        );
        self.order.sort_unstable();
        let sorted: Vec<Exit> = self
            .order
            .iter()
            .map(|&key| self.exits[(key & 0xFFFF_FFFF) as usize])
            .collect();
        self.exits = sorted;
        (&self.exits, exposed)
    }

    /// The pair's statistics; without overlap fused into the walk (no trade list).
    pub fn stats(&mut self, k: usize, m: usize) -> SetStats {
        let t = self.t;
        let s = t.entries.usable.len();
        if t.options.overlap {
            let (exits, exposed) = self.exits(k, m);
            let mut acc = StatsAcc::new();
            for x in exits {
                acc.push(t.bars.day[x.bar as usize], x.pnl, x.reason);
            }
            return acc.finish(t.bars.days, t.bars.len(), exposed, 0);
        }
        let mut acc = StatsAcc::new();
        let mut exposed = 0u64;
        let mut trades = 0u32;
        let mut e = 0usize;
        while e < s {
            let x = self.exit(k, m, e);
            exposed += u64::from(x.bar - t.entries.usable[e].bar + 1);
            acc.push(t.bars.day[x.bar as usize], x.pnl, x.reason);
            trades += 1;
            e = t.next_entry[x.bar as usize] as usize;
        }
        acc.finish(t.bars.days, t.bars.len(), exposed, s as u32 - trades)
    }
}

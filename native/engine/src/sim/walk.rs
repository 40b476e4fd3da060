//! One (SL, TP) pair over the first-passage tables: the exit of each entry
//! is the earlier of two lookups; without overlap the walk jumps from an
//! exit bar straight to the next entry allowed to open.

use super::passage::{stop_level, target_level, GAP, NONE};
use super::spec::TiePolicy;
use super::stats::{SetStats, StatsAcc};
use super::sweep::{Hit, SweepTables};
use super::trade::ExitReason;

const BAR: u32 = !GAP;

/// One entry's exit under one pair.
#[derive(Debug, Clone, Copy)]
pub struct Exit {
    /// Index into `entries.usable`.
    pub entry: u32,
    pub bar: u32,
    pub day: u32,
    /// Next entry allowed to open without overlap.
    pub next: u32,
    pub pnl: f64,
    pub reason: ExitReason,
}

impl Exit {
    #[inline(always)]
    fn at(entry: u32, h: &Hit, reason: ExitReason) -> Exit {
        Exit { entry, bar: h.bar & BAR, day: h.day, next: h.next, pnl: h.pnl, reason }
    }
}

/// Reusable scratch for walking pairs on one thread.
pub struct PairWalker<'t> {
    t: &'t SweepTables,
    exits: Vec<Exit>,
    keys: Vec<u64>,
}

impl<'t> PairWalker<'t> {
    pub fn new(t: &'t SweepTables) -> PairWalker<'t> {
        PairWalker { t, exits: Vec::new(), keys: Vec::new() }
    }

    #[inline(always)]
    fn exit(&self, k: usize, m: usize, e: usize) -> Exit {
        let t = self.t;
        let s = t.entries.usable.len();
        let hs = &t.sl[k * s + e];
        let ht = &t.tp[m * s + e];
        let (sb, tb) = (hs.bar & BAR, ht.bar & BAR);
        let entry = e as u32;
        // The common case, a strict winner, as a select rather than a branch
        // (which level is reached first is a coin flip across entries).
        if sb != tb {
            let stop_first = sb < tb;
            let h = if stop_first { hs } else { ht };
            let reason = if stop_first { ExitReason::Sl } else { ExitReason::Tp };
            return Exit::at(entry, h, reason);
        }
        if sb == NONE {
            Exit::at(entry, &t.time[e], t.time_reason[e])
        } else if hs.bar & GAP != 0 {
            Exit::at(entry, hs, ExitReason::Sl)
        } else if ht.bar & GAP != 0 {
            Exit::at(entry, ht, ExitReason::Tp)
        } else if self.tie_takes_target(k, m, e, sb) {
            Exit::at(entry, ht, ExitReason::AmbiguousTp)
        } else {
            Exit::at(entry, hs, ExitReason::AmbiguousSl)
        }
    }

    /// Both levels inside bar `j` (no gap): does the tie policy take the target?
    #[cold]
    fn tie_takes_target(&self, k: usize, m: usize, e: usize, j: u32) -> bool {
        let t = self.t;
        match t.options.tie {
            TiePolicy::Stop => false,
            TiePolicy::Target => true,
            TiePolicy::Nearest => {
                let en = &t.entries.usable[e];
                let sign = f64::from(en.dir);
                let ep = sign * en.price;
                let open = sign * t.bars.open[j as usize];
                let to_stop = open - stop_level(ep, t.grid.sl[k], en.scale);
                let to_target = target_level(ep, t.grid.tp[m], en.scale) - open;
                to_target < to_stop
            }
        }
    }

    /// Visit the pair's trades in exit order (ties in entry order); returns
    /// the number of bars with a position open.
    #[inline]
    fn walk(&mut self, k: usize, m: usize, mut visit: impl FnMut(&Exit)) -> u64 {
        let t = self.t;
        let s = t.entries.usable.len();
        let mut exposed = 0u64;
        if !t.options.overlap {
            // Exits come in entry order; the next trade opens from the first
            // signal at or after the exit bar.
            let mut e = 0usize;
            while e < s {
                let x = self.exit(k, m, e);
                exposed += u64::from(x.bar - t.entries.usable[e].bar + 1);
                visit(&x);
                e = x.next as usize;
            }
            return exposed;
        }
        // Overlap: every entry trades. Exits in entry order are nearly in
        // exit order (displaced by at most the number of trades open at
        // once), so an insertion sort of (exit bar, entry) keys costs about
        // one shift per overlapping trade; a full sort takes over if not.
        self.exits.clear();
        self.keys.clear();
        let mut covered_to: i64 = -1;
        let mut shifts = 0usize;
        let budget = 32 * s + 1024;
        for e in 0..s {
            let bar = t.entries.usable[e].bar;
            let x = self.exit(k, m, e);
            let from = i64::from(bar).max(covered_to + 1);
            if i64::from(x.bar) >= from {
                exposed += (i64::from(x.bar) - from + 1) as u64;
                covered_to = i64::from(x.bar);
            }
            let key = (u64::from(x.bar) << 32) | e as u64;
            self.keys.push(key);
            if shifts <= budget {
                let mut p = self.keys.len() - 1;
                while p > 0 && self.keys[p - 1] > key {
                    self.keys[p] = self.keys[p - 1];
                    p -= 1;
                }
                shifts += self.keys.len() - 1 - p;
                self.keys[p] = key;
            }
            self.exits.push(x);
        }
        if shifts > budget {
            self.keys.sort_unstable();
        }
        for &key in &self.keys {
            visit(&self.exits[(key & 0xFFFF_FFFF) as usize]);
        }
        exposed
    }

    /// The pair's trades as exits in exit order.
    pub fn exits(&mut self, k: usize, m: usize) -> Vec<Exit> {
        let mut out = Vec::new();
        self.walk(k, m, |x| out.push(*x));
        out
    }

    /// The pair's statistics, accumulated during the walk (no trade list).
    pub fn stats(&mut self, k: usize, m: usize) -> SetStats {
        let t = self.t;
        let mut acc = StatsAcc::new();
        let mut trades = 0u32;
        let exposed = self.walk(k, m, |x| {
            acc.push(x.day, x.pnl, x.reason);
            trades += 1;
        });
        let skipped = t.entries.usable.len() as u32 - trades;
        acc.finish(t.bars.days, t.bars.len(), exposed, skipped)
    }
}

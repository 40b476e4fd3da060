//! Seeded synthetic panels for benchmarks and tests (no data files needed).

use crate::panel::{Dates, Panel};

/// SplitMix64: tiny, seeded, reproducible everywhere.
pub struct SplitMix(u64);

impl SplitMix {
    pub fn new(seed: u64) -> Self {
        SplitMix(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform integer in [0, n).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// Approximately standard normal (sum of 4 uniforms, rescaled).
    pub fn normal(&mut self) -> f64 {
        let s: f64 = (0..4).map(|_| self.uniform()).sum();
        (s - 2.0) * (3.0f64).sqrt()
    }
}

/// A `t × n` panel of random-walk OHLCV with vwap, cap, sector (11),
/// industry (~4 per sector) and subindustry (~3 per industry) codes, and a
/// sprinkle of missing values (`nan_rate` of cells) and suspended stretches.
pub fn random_panel(t: usize, n: usize, seed: u64, nan_rate: f64) -> Panel {
    let mut rng = SplitMix::new(seed);
    let cells = t * n;
    let (mut open, mut high, mut low, mut close, mut volume, mut vwap, mut cap) = (
        vec![0.0; cells],
        vec![0.0; cells],
        vec![0.0; cells],
        vec![0.0; cells],
        vec![0.0; cells],
        vec![0.0; cells],
        vec![0.0; cells],
    );
    let mut sector = Vec::with_capacity(n);
    let mut industry = Vec::with_capacity(n);
    let mut subindustry = Vec::with_capacity(n);
    for i in 0..n {
        let s = (rng.next_u64() % 11) as i32;
        let ind = s * 10 + (rng.next_u64() % 4) as i32;
        let sub = ind * 10 + (rng.next_u64() % 3) as i32;
        sector.push(10 + s);
        industry.push(1000 + ind);
        subindustry.push(100_000 + sub);
        let mut px = 20.0 + 180.0 * rng.uniform();
        let shares = 1e7 + 1e9 * rng.uniform();
        let vol = 0.01 + 0.03 * rng.uniform();
        let base_volume = 1e5 + 1e7 * rng.uniform();
        for k in 0..t {
            let o = px * (1.0 + 0.3 * vol * rng.normal());
            let c = o * (1.0 + vol * rng.normal());
            let h = o.max(c) * (1.0 + 0.5 * vol * rng.uniform());
            let l = o.min(c) * (1.0 - 0.5 * vol * rng.uniform());
            // Some prices on a coarse tick so ties occur.
            let tick = if i % 7 == 0 { 0.5 } else { 0.01 };
            let r = |x: f64| (x / tick).round() * tick;
            let idx = i * t + k;
            open[idx] = r(o);
            close[idx] = r(c);
            high[idx] = r(h).max(r(o)).max(r(c));
            low[idx] = r(l).min(r(o)).min(r(c));
            volume[idx] = (base_volume * (0.5 + rng.uniform())).round();
            vwap[idx] = (high[idx] + low[idx] + 2.0 * close[idx]) / 4.0;
            cap[idx] = close[idx] * shares;
            px = c;
        }
        // Missing cells and, for a few instruments, a suspended stretch.
        for k in 0..t {
            if rng.uniform() < nan_rate {
                let idx = i * t + k;
                for col in [&mut open, &mut high, &mut low, &mut close, &mut volume, &mut vwap, &mut cap] {
                    col[idx] = f64::NAN;
                }
            }
        }
        if nan_rate > 0.0 && i % 97 == 3 && t > 40 {
            let start = (rng.next_u64() as usize) % (t - 20);
            for k in start..start + 15 {
                let idx = i * t + k;
                for col in [&mut open, &mut high, &mut low, &mut close, &mut volume, &mut vwap, &mut cap] {
                    col[idx] = f64::NAN;
                }
            }
        }
    }
    // Business-day-like yyyymmdd dates starting 2015-01-01 (strictly increasing).
    let dates: Vec<i32> = (0..t)
        .map(|k| {
            let day = k as i32;
            let (y, rest) = (2015 + day / 360, day % 360);
            y * 10_000 + (rest / 30 + 1) * 100 + rest % 30 + 1
        })
        .collect();
    Panel {
        t,
        n,
        dates: Dates::Ymd(dates.into()),
        symbols: (0..n).map(|i| format!("S{i:05}")).collect(),
        open,
        high,
        low,
        close,
        volume,
        vwap: Some(vwap),
        cap: Some(cap),
        sector: Some(sector),
        industry: Some(industry),
        subindustry: Some(subindustry),
    }
}

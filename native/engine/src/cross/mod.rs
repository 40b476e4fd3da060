//! Cross-sectional operators: each works on one date's row of N values.
//! [`apply_rows`] runs a row operator over an instrument-major column.

pub mod neutralize;
pub mod rank;
pub mod scale;

/// Dates gathered per block: 8 f64 = one cache line per instrument.
const BLOCK: usize = 8;

/// Per-thread scratch space a row operator may reuse between rows.
#[derive(Default)]
pub struct Scratch {
    pub keys: Vec<u64>,
    pub tmp: Vec<u64>,
    pub pairs: Vec<(u64, u32)>,
    /// A row's values in sorted order, their indexes, and run starts (rank).
    pub sorted: Vec<f64>,
    pub at: Vec<u32>,
    pub starts: Vec<u32>,
    /// The last ranked row had many near-equal values (see `rank`).
    pub runs_heavy: bool,
    /// ... and many of its values were near-equal, not equal (see `rank`).
    pub low_bits_pay: bool,
    pub sums: Vec<f64>,
    pub counts: Vec<u32>,
}

/// Apply `row_op(row_in, row_out, scratch)` to every date of `x`, writing
/// the result date-major (row `t` at `out[t·n..(t+1)·n]`). `x` is
/// instrument-major (`n × t`) unless `x_rows` says it is date-major.
///
/// Dates are split into contiguous ranges, one per thread (each owns its
/// rows of `out`). An instrument-major input is gathered 8 dates at a time:
/// one cache line per instrument is read per block, which beats a full
/// transpose.
pub fn apply_rows<F>(x: &[f64], x_rows: bool, t: usize, n: usize, threads: usize, out: &mut [f64], row_op: F)
where
    F: Fn(&[f64], &mut [f64], &mut Scratch) + Sync,
{
    if t == 0 || n == 0 {
        return;
    }
    let parts = if t * n < (1 << 14) { 1 } else { threads.clamp(1, t) };
    let per = t.div_ceil(parts);
    let work = |d0: usize, piece: &mut [f64]| {
        let d1 = d0 + piece.len() / n;
        let mut scratch = Scratch::default();
        if x_rows {
            for (k, o) in piece.chunks_exact_mut(n).enumerate() {
                let d = d0 + k;
                row_op(&x[d * n..(d + 1) * n], o, &mut scratch);
            }
            return;
        }
        let mut rows_in = vec![0.0; BLOCK * n];
        let mut d = d0;
        while d < d1 {
            let b = BLOCK.min(d1 - d);
            // Gather dates d..d+b of every instrument.
            for i in 0..n {
                let src = &x[i * t + d..i * t + d + b];
                for (k, &v) in src.iter().enumerate() {
                    rows_in[k * n + i] = v;
                }
            }
            for k in 0..b {
                let o = &mut piece[(d - d0 + k) * n..(d - d0 + k + 1) * n];
                row_op(&rows_in[k * n..(k + 1) * n], o, &mut scratch);
            }
            d += b;
        }
    };
    let out = &mut out[..t * n];
    if parts == 1 {
        work(0, out);
        return;
    }
    std::thread::scope(|s| {
        let work = &work;
        let mut chunks = out.chunks_mut(per * n).enumerate();
        let mine = chunks.next();
        for (p, piece) in chunks {
            s.spawn(move || work(p * per, piece));
        }
        if let Some((p, piece)) = mine {
            work(p * per, piece);
        }
    });
}

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
    pub sums: Vec<f64>,
    pub counts: Vec<u32>,
}

/// Apply `row_op(row_in, row_out, scratch)` to every date of the
/// instrument-major `n × t` column `x`, writing the instrument-major result
/// to `out`.
///
/// Dates are split into contiguous ranges, one per thread. `out` is cut
/// safely into per-thread pieces: each instrument's series is split at the
/// range boundaries, so a thread owns N disjoint sub-slices. Within a range,
/// dates are processed in blocks of 8: one cache line per instrument is read
/// (gather) and written (scatter) per block, which beats a full transpose.
pub fn apply_rows<F>(x: &[f64], t: usize, n: usize, threads: usize, out: &mut [f64], row_op: F)
where
    F: Fn(&[f64], &mut [f64], &mut Scratch) + Sync,
{
    if t == 0 || n == 0 {
        return;
    }
    let parts = if t * n < (1 << 14) { 1 } else { threads.clamp(1, t) };
    let per = t.div_ceil(parts);
    let ranges: Vec<(usize, usize)> = (0..parts).map(|p| (p * per, ((p + 1) * per).min(t))).filter(|(a, b)| a < b).collect();
    let mut pieces: Vec<Vec<&mut [f64]>> = ranges.iter().map(|_| Vec::with_capacity(n)).collect();
    for series in out[..t * n].chunks_mut(t) {
        let mut rest = series;
        for (p, &(a, b)) in ranges.iter().enumerate() {
            let (head, tail) = rest.split_at_mut(b - a);
            pieces[p].push(head);
            rest = tail;
        }
    }
    let work = |(d0, d1): (usize, usize), mut piece: Vec<&mut [f64]>| {
        let mut scratch = Scratch::default();
        let mut rows_in = vec![0.0; BLOCK * n];
        let mut rows_out = vec![0.0; BLOCK * n];
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
                row_op(&rows_in[k * n..(k + 1) * n], &mut rows_out[k * n..(k + 1) * n], &mut scratch);
            }
            // Scatter back into each instrument's piece.
            for (i, dst) in piece.iter_mut().enumerate() {
                let dst = &mut dst[d - d0..d - d0 + b];
                for (k, o) in dst.iter_mut().enumerate() {
                    *o = rows_out[k * n + i];
                }
            }
            d += b;
        }
        piece.clear();
    };
    if ranges.len() == 1 {
        if let Some(piece) = pieces.pop() {
            work(ranges[0], piece);
        }
        return;
    }
    std::thread::scope(|s| {
        let work = &work;
        let mut jobs = ranges.iter().copied().zip(pieces);
        let mine = jobs.next();
        for (r, piece) in jobs {
            s.spawn(move || work(r, piece));
        }
        if let Some((r, piece)) = mine {
            work(r, piece);
        }
    });
}

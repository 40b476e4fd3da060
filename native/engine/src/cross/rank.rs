//! rank(x): cross-sectional percentile rank per date, pandas
//! `rank(pct=True)` semantics: ties get the average of their ranks (1-based),
//! divided by the number of non-NaN values; NaN stays NaN.

use super::Scratch;

/// Order-preserving map from a non-NaN f64 to u64 (IEEE total order; the
/// caller folds -0.0 into 0.0 first so they tie as `==` says they do).
#[inline]
fn order_key(v: f64) -> u64 {
    // Branch-free (signs are random in most rows): negative → all bits
    // flipped, positive → sign bit set.
    let b = v.to_bits();
    let mask = ((b as i64) >> 63) as u64;
    b ^ (mask | (1 << 63))
}

/// Rank one row into `out`.
///
/// Speed trick: sort plain u64 words `(key with its low bits cleared) | index`.
/// Integer sorting is much faster than sorting (f64, index) pairs with a
/// comparator. Truncating the key keeps the order of distinct truncated
/// keys, so only runs that share a truncated key (rare: values equal or
/// within a few ulps) need a second, exact sort on the full key.
pub fn rank_row(vals: &[f64], out: &mut [f64], scratch: &mut Scratch) {
    let n = vals.len();
    let idx_bits = (usize::BITS - n.saturating_sub(1).leading_zeros()).max(1);
    let idx_mask: u64 = (1u64 << idx_bits) - 1;
    let keys = &mut scratch.keys;
    keys.clear();
    keys.reserve(n);
    for (i, &v) in vals.iter().enumerate() {
        if !v.is_nan() {
            keys.push((order_key(v + 0.0) & !idx_mask) | i as u64);
        }
    }
    let count = keys.len();
    if count < n {
        // Only NaN inputs keep NaN; every other slot is written below.
        out.iter_mut().for_each(|o| *o = f64::NAN);
    }
    if count == 0 {
        return;
    }
    // (A value-bucketing distribution sort was tried here and measured
    // slower: its random gathers cost more than pdqsort's comparisons.)
    keys.sort_unstable();
    let keys = &scratch.keys;
    let inv = 1.0 / count as f64;
    // Common case first: distinct keys get rank position / count. Runs of
    // equal truncated keys (ties or values a few ulps apart) are rare and
    // fixed up afterwards, so this loop has no data-dependent branches.
    for (pos, &k) in keys.iter().enumerate() {
        out[(k & idx_mask) as usize] = (pos + 1) as f64 * inv;
    }
    let mut i = 0;
    while i + 1 < count {
        let high = keys[i] & !idx_mask;
        if keys[i + 1] & !idx_mask != high {
            i += 1;
            continue;
        }
        let mut j = i + 2;
        while j < count && keys[j] & !idx_mask == high {
            j += 1;
        }
        // Exact order and ties inside the run [i, j), by the full key.
        let run = &mut scratch.pairs;
        run.clear();
        run.extend(keys[i..j].iter().map(|&k| {
            let idx = (k & idx_mask) as u32;
            (order_key(vals[idx as usize] + 0.0), idx)
        }));
        run.sort_unstable();
        let mut a = 0;
        while a < run.len() {
            let mut b = a + 1;
            while b < run.len() && run[b].0 == run[a].0 {
                b += 1;
            }
            // Global 1-based positions i+a+1 ..= i+b; average them.
            let pct = (2 * i + a + 1 + b) as f64 * 0.5 * inv;
            for &(_, idx) in &run[a..b] {
                out[idx as usize] = pct;
            }
            a = b;
        }
        i = j;
    }
}


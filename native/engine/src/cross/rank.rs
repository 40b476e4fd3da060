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

/// Rows shorter than this are sorted by comparison (pdqsort); longer ones
/// by the radix sort below, whose fixed cost (256-bucket prefix sums per
/// pass) only pays off on a few dozen keys.
const RADIX_MIN: usize = 64;

/// Rank one row into `out`.
///
/// Speed trick: sort plain u64 words `(key with its low bits cleared) | index`.
/// Integer sorting is much faster than sorting (f64, index) pairs with a
/// comparator. Truncating the key keeps the order of distinct truncated
/// keys, so after the sort a value can only be out of place among values
/// that share its truncated key (equal, or within a few ulps / 1e-4).
///
/// Long rows keep only the top 24 bits of the key (sign, exponent and 12
/// mantissa bits: values within ~2.4e-4 relative share a truncated key) with
/// the index in the low 40, and sort them with an LSD radix sort over those
/// 24 bits (three 8-bit passes, or two 12-bit ones on rows of thousands),
/// skipping a pass when every key has the same digit (common in the high
/// digits: a row's values share sign and exponent ranges).
///
/// Then one of two finishes, whichever suits the row:
/// - few values share a truncated key (most rows): each key's position is
///   its rank, and each run of equal truncated keys is put in exact order
///   where it is ([`rank_sorted_keys`]);
/// - many do (price differences on a tick grid: 3,500 of 4,000 values in
///   runs of values a few ulps apart, where fixing run after run with
///   data-dependent branches took three quarters of the time): the values are
///   gathered in key order and an insertion sort puts the near-equal ones in
///   exact order, one predictable comparison per value on a nearly sorted
///   array. Should the truncation leave a row far from sorted (every value
///   within 1e-4 of the others), it gives up after a bounded number of moves
///   and the row is sorted by comparison. Ties then get their average
///   position from two branch-free scans (run start forward, run end backward).
pub fn rank_row(vals: &[f64], out: &mut [f64], scratch: &mut Scratch) {
    rank_row_with(vals, out, scratch, true)
}

/// [`rank_row`] with the radix sort allowed or not (`false`: always the
/// comparison sort; same results, for tests and benchmarks).
pub fn rank_row_with(vals: &[f64], out: &mut [f64], scratch: &mut Scratch, allow_radix: bool) {
    let n = vals.len();
    let radix = allow_radix && n >= RADIX_MIN && n <= u32::MAX as usize;
    // Run-heavy rows (see below) also carry the key's low 12 bits, between
    // the truncated key and the index, and sort by them first.
    let low_bits = radix && scratch.runs_heavy && scratch.low_bits_pay && n <= LOW_KEY_MAX_N;
    let idx_bits = if low_bits {
        LOW_KEY_SHIFT
    } else if radix {
        HIGH24_SHIFT
    } else {
        (usize::BITS - n.saturating_sub(1).leading_zeros()).max(1)
    };
    let idx_mask: u64 = (1u64 << idx_bits) - 1;
    let keys = &mut scratch.keys;
    keys.resize(n, 0);
    let count = if low_bits {
        compact_keys(vals, keys, |k| (k & HIGH24) | ((k & 0xFFF) << LOW_KEY_SHIFT))
    } else {
        compact_keys(vals, keys, |k| k & !idx_mask)
    };
    keys.truncate(count);
    if count < n {
        // Only NaN inputs keep NaN; every other slot is written below.
        out.iter_mut().for_each(|o| *o = f64::NAN);
    }
    if count == 0 {
        return;
    }
    if radix && count >= RADIX_MIN {
        if low_bits {
            radix_pass_low12(&mut scratch.keys, &mut scratch.tmp);
        }
        radix_sort_high24(&mut scratch.keys, &mut scratch.tmp);
    } else {
        // (A value-bucketing distribution sort was tried here and measured
        // slower: its random gathers cost more than pdqsort's comparisons.)
        scratch.keys.sort_unstable();
    }
    // Few values share a truncated key in most rows (returns, prices,
    // volumes: 3–20 %): each key's position is its rank, and the few runs are
    // fixed where they are. Price differences on a tick grid put 70 % of a
    // row in runs of near-equal values: there, gathering the values once and
    // sorting them exactly is cheaper than fixing run after run. The rows of
    // one column are alike, so each row takes the way the previous row's
    // share of runs calls for (the first row: the sparse way).
    if !scratch.runs_heavy {
        let mut runs = RunScratch { pairs: &mut scratch.pairs, starts: &mut scratch.starts };
        let shared = rank_sorted_keys(vals, &scratch.keys, idx_mask, &mut runs, out);
        scratch.runs_heavy = shared * RUNS_HEAVY_DIV > count;
        return;
    }
    let keys = &scratch.keys;
    let shared: usize = keys.iter().zip(&keys[1..]).map(|(a, b)| usize::from((a ^ b) & HIGH24 == 0)).sum();
    scratch.runs_heavy = shared * RUNS_HEAVY_DIV > count;
    // Values in (nearly) sorted order, -0.0 folded into 0.0.
    let (sorted, at) = (&mut scratch.sorted, &mut scratch.at);
    sorted.clear();
    at.clear();
    for &k in scratch.keys.iter() {
        let i = (k & idx_mask) as usize;
        sorted.push(vals[i] + 0.0);
        at.push(i as u32);
    }
    if !insertion_fix(sorted, at, 8 * count + 64) {
        let pairs = &mut scratch.pairs;
        pairs.clear();
        pairs.extend(at.iter().map(|&i| (order_key(vals[i as usize] + 0.0), i)));
        pairs.sort_unstable();
        for ((s, a), &(_, i)) in sorted.iter_mut().zip(at.iter_mut()).zip(pairs.iter()) {
            *s = vals[i as usize] + 0.0;
            *a = i;
        }
    }
    let ties = average_ties(sorted, at, &mut scratch.starts, out);
    // Values sharing a truncated key without being equal are what the low
    // key bits put in order; without them (a row of a few exact levels) the
    // extra pass costs more than it saves.
    scratch.low_bits_pay = (shared - ties.min(shared)) * LOW_BITS_PAY_DIV > count;
}

/// Run-heavy rows carry their low key bits after a row where more than
/// 1 / this of the values were near-equal (measured on 4,000-value rows:
/// price differences, 20 % near-equal, 40 → 34 µs; signs, all exact ties,
/// 27 → 33 µs with the extra pass).
const LOW_BITS_PAY_DIV: usize = 16;

/// `keys[..count]` = `key(order key) | index` of the non-NaN values in
/// order; returns `count`. Branch-free compaction: every key is written, the
/// count only advances past non-NaN ones.
#[inline(always)]
fn compact_keys(vals: &[f64], keys: &mut [u64], key: impl Fn(u64) -> u64) -> usize {
    let mut count = 0usize;
    for (i, &v) in vals.iter().enumerate() {
        keys[count] = key(order_key(v + 0.0)) | i as u64;
        count += usize::from(!v.is_nan());
    }
    count
}

/// The gathered way is taken after a row where more than 1 / this of its
/// values share their truncated key with the value before (measured: 4,000-value rows at
/// 70 % are 30 % faster gathered, at 8–20 % 5–20 % slower).
const RUNS_HEAVY_DIV: usize = 4;

/// Ranks from keys sorted by truncated value: distinct keys get their
/// position, then each run of equal truncated keys (exact ties, or values a
/// few ulps / 1e-4 apart) is put in exact order and its ties averaged.
/// Returns how many values share their truncated key with the value before.
///
/// Whether a key starts a run is a coin flip on rows where a tenth of the
/// values share keys (prices on a tick grid, volumes), so the run starts are
/// collected without a branch per key, and the commonest run, a pair, is
/// settled with selects.
fn rank_sorted_keys(vals: &[f64], keys: &[u64], idx_mask: u64, scratch: &mut RunScratch<'_>, out: &mut [f64]) -> usize {
    let count = keys.len();
    let inv = 1.0 / count as f64;
    for (pos, &k) in keys.iter().enumerate() {
        out[(k & idx_mask) as usize] = (pos + 1) as f64 * inv;
    }
    let high = |k: u64| k & !idx_mask;
    let starts = &mut *scratch.starts;
    if starts.len() < count {
        starts.resize(count, 0);
    }
    let mut runs = 0usize;
    let mut prev_same = false;
    for (p, pair) in keys.windows(2).enumerate() {
        let same = high(pair[0]) == high(pair[1]);
        starts[runs] = p as u32;
        runs += usize::from(same & !prev_same);
        prev_same = same;
    }
    let mut shared = 0;
    for &start in &starts[..runs] {
        let i = start as usize;
        let h = high(keys[i]);
        let mut j = i + 2;
        while j < count && high(keys[j]) == h {
            j += 1;
        }
        shared += j - i - 1;
        if j - i == 2 {
            // The radix sort is stable, so the pair is in index order. Twice
            // the 1-based positions: 2i+2 and 2i+4 in order, swapped when
            // the first is larger, both 2i+3 when equal.
            let (ia, ib) = ((keys[i] & idx_mask) as usize, (keys[i + 1] & idx_mask) as usize);
            let (ka, kb) = (order_key(vals[ia] + 0.0), order_key(vals[ib] + 0.0));
            let (gt, eq) = (usize::from(ka > kb), usize::from(ka == kb));
            out[ia] = (2 * i + 2 + 2 * gt + eq) as f64 * 0.5 * inv;
            out[ib] = (2 * i + 4 - 2 * gt - eq) as f64 * 0.5 * inv;
        } else {
            fix_run(vals, &keys[i..j], i, idx_mask, scratch.pairs, inv, out);
        }
    }
    shared
}

/// Borrowed scratch of [`rank_sorted_keys`].
struct RunScratch<'a> {
    pairs: &'a mut Vec<(u64, u32)>,
    starts: &'a mut Vec<u32>,
}

/// Exact ranks of a run of keys sharing a truncated key, which sits at
/// sorted positions `i..i + run.len()`.
fn fix_run(vals: &[f64], run: &[u64], i: usize, idx_mask: u64, pairs: &mut Vec<(u64, u32)>, inv: f64, out: &mut [f64]) {
    let j = i + run.len();
    // Exact ties (ranks of ±1 correlations, 0/1 conditions, ts_rank or
    // argmax levels) need no sort: one average.
    let first = order_key(vals[(run[0] & idx_mask) as usize] + 0.0);
    if run[1..].iter().all(|&k| order_key(vals[(k & idx_mask) as usize] + 0.0) == first) {
        let pct = (2 * i + 1 + (j - i)) as f64 * 0.5 * inv;
        for &k in run {
            out[(k & idx_mask) as usize] = pct;
        }
        return;
    }
    pairs.clear();
    pairs.extend(run.iter().map(|&k| {
        let idx = (k & idx_mask) as u32;
        (order_key(vals[idx as usize] + 0.0), idx)
    }));
    pairs.sort_unstable();
    let mut a = 0;
    while a < pairs.len() {
        let mut b = a + 1;
        while b < pairs.len() && pairs[b].0 == pairs[a].0 {
            b += 1;
        }
        // Global 1-based positions i+a+1 ..= i+b; average them.
        let pct = (2 * i + a + 1 + b) as f64 * 0.5 * inv;
        for &(_, idx) in &pairs[a..b] {
            out[idx as usize] = pct;
        }
        a = b;
    }
}

/// Insertion sort of `sorted` (carrying `at` along) that stops after
/// `budget` moves; true when it finished.
fn insertion_fix(sorted: &mut [f64], at: &mut [u32], budget: usize) -> bool {
    let mut moves = 0usize;
    for p in 1..sorted.len() {
        let (v, i) = (sorted[p], at[p]);
        if v >= sorted[p - 1] {
            continue;
        }
        let mut q = p;
        while q > 0 && sorted[q - 1] > v {
            sorted[q] = sorted[q - 1];
            at[q] = at[q - 1];
            q -= 1;
        }
        sorted[q] = v;
        at[q] = i;
        moves += p - q;
        if moves > budget {
            return false;
        }
    }
    true
}

/// Percentile ranks of sorted values: a run of equal values gets the
/// average of its 1-based positions, divided by the count. Both scans use
/// selects, not branches (whether a neighbour ties is data-dependent).
/// Returns how many values equal the one before.
fn average_ties(sorted: &[f64], at: &[u32], starts: &mut Vec<u32>, out: &mut [f64]) -> usize {
    let count = sorted.len();
    let inv = 1.0 / count as f64;
    starts.clear();
    let mut start = 0u32;
    let mut prev = f64::NAN;
    let mut ties = 0usize;
    for (p, &v) in sorted.iter().enumerate() {
        let tie = v == prev;
        start = if tie { start } else { p as u32 };
        ties += usize::from(tie);
        starts.push(start);
        prev = v;
    }
    let mut end = count as u32;
    let mut next = f64::NAN;
    for p in (0..count).rev() {
        let v = sorted[p];
        end = if v == next { end } else { p as u32 + 1 };
        next = v;
        out[at[p] as usize] = (starts[p] + end + 1) as f64 * 0.5 * inv;
    }
    ties
}

/// Stable LSD radix sort of `keys` by their high 24 bits; a pass is
/// skipped when all keys share its digit. `tmp` is scratch. Long rows take
/// two 12-bit passes, shorter ones three 8-bit passes: the same order
/// either way, but 4,096 buckets only pay for their prefix sums once a row
/// has a few thousand keys and save a pass (measured on 4,000-value rows of
/// price changes: 13.4 → 9.6 µs; on 505-value rows the 8-bit passes are
/// 1.8 µs against 3.1; on prices, whose top byte is mostly shared, two
/// 8-bit passes beat two 12-bit ones).
fn radix_sort_high24(keys: &mut Vec<u64>, tmp: &mut Vec<u64>) {
    if keys.len() >= WIDE_DIGITS_MIN {
        // Digits every key shares are skipped: count the passes each width needs.
        let (any, all) = keys.iter().fold((0u64, !0u64), |(o, a), &k| (o | k, a & k));
        let varying = (any ^ all) >> HIGH24_SHIFT;
        let passes = |bits: u32, n: u32| (0..n).filter(|d| (varying >> (bits * d)) & ((1 << bits) - 1) != 0).count();
        if passes(12, 2) < passes(8, 3) {
            return lsd_high24::<12, 4096, 2>(keys, tmp);
        }
    }
    lsd_high24::<8, 256, 3>(keys, tmp)
}

/// The radix sort's keys: the order key's top 24 bits from this bit up,
/// the index (or, on run-heavy rows, low key bits and index) below.
const HIGH24_SHIFT: u32 = 40;
const HIGH24: u64 = !((1u64 << HIGH24_SHIFT) - 1);

/// Where a run-heavy row's keys carry their low 12 bits (bits 28–39; the
/// index keeps the 28 below, so rows up to 2^28 values).
const LOW_KEY_SHIFT: u32 = 28;
const LOW_KEY_MAX_N: usize = 1 << LOW_KEY_SHIFT;

/// Stable pass by bits 28–39 (a run-heavy row's low key bits), before the
/// passes by the high 24: values that share a truncated key then come
/// ordered by their last 12 bits, which for values a few hundred ulps apart
/// (price differences on a tick grid) is their exact order, so the
/// insertion sort that follows moves almost nothing. Skipped when every key
/// has the same low bits.
fn radix_pass_low12(keys: &mut Vec<u64>, tmp: &mut Vec<u64>) {
    let digit = |k: u64| ((k >> LOW_KEY_SHIFT) & 0xFFF) as usize;
    let mut counts = [0u32; 4096];
    for &k in keys.iter() {
        counts[digit(k)] += 1;
    }
    let n = keys.len();
    if counts[digit(keys[0])] as usize == n {
        return;
    }
    let mut sum = 0u32;
    for c in counts.iter_mut() {
        let here = *c;
        *c = sum;
        sum += here;
    }
    tmp.resize(n, 0);
    for &k in keys.iter() {
        let b = digit(k);
        let at = counts[b] as usize;
        debug_assert!(at < n);
        // SAFETY: `at < n = tmp.len()`: bucket b's slots run from its prefix
        // sum to the next bucket's, and every key was counted in its bucket.
        unsafe { *tmp.get_unchecked_mut(at) = k };
        counts[b] += 1;
    }
    std::mem::swap(keys, tmp);
}

/// Rows at least this long may use 12-bit digits (when that saves a pass).
const WIDE_DIGITS_MIN: usize = 2048;

/// [`radix_sort_high24`] with `PASSES` digits of `BITS` bits (`BUCKETS` =
/// 2^BITS, `BITS · PASSES` = 24).
fn lsd_high24<const BITS: u32, const BUCKETS: usize, const PASSES: usize>(keys: &mut Vec<u64>, tmp: &mut Vec<u64>) {
    debug_assert!(BUCKETS == 1 << BITS && BITS as usize * PASSES == 24);
    let n = keys.len();
    let mask = (BUCKETS - 1) as u64;
    let mut hist = [[0u32; BUCKETS]; PASSES];
    for &k in keys.iter() {
        let h = k >> HIGH24_SHIFT;
        for (d, counts) in hist.iter_mut().enumerate() {
            counts[((h >> (BITS as usize * d)) & mask) as usize] += 1;
        }
    }

    tmp.resize(n, 0);
    for (d, counts) in hist.iter().enumerate() {
        let shift = HIGH24_SHIFT as usize + BITS as usize * d;
        let first = ((keys[0] >> shift) & mask) as usize;
        if counts[first] as usize == n {
            continue;
        }
        let mut offs = [0u32; BUCKETS];
        let mut sum = 0u32;
        for (o, &c) in offs.iter_mut().zip(counts) {
            *o = sum;
            sum += c;
        }
        let dst = &mut tmp[..n];
        for &k in keys.iter() {
            let b = ((k >> shift) & mask) as usize;
            let at = offs[b] as usize;
            debug_assert!(at < n);
            // SAFETY: `at < n = dst.len()`: bucket b's slots run from its
            // prefix sum to the next bucket's, and the histogram counted
            // every key in its bucket, so no bucket is written past its end.
            unsafe { *dst.get_unchecked_mut(at) = k };
            offs[b] += 1;
        }
        std::mem::swap(keys, tmp);
    }
}

//! Minimal data parallelism with scoped std threads (no pool dependency):
//! split a buffer into contiguous parts of whole units (one instrument's
//! series, or one date's row) and process the parts concurrently.

/// Below this many elements a split costs more than it saves.
const MIN_PARALLEL_LEN: usize = 1 << 14;

/// Call `f(first_unit, part)` on `threads` contiguous parts of `data`, each a
/// whole number of `unit`-sized units. Runs inline when one thread suffices.
pub fn par_units<F>(data: &mut [f64], unit: usize, threads: usize, f: F)
where
    F: Fn(usize, &mut [f64]) + Sync,
{
    let unit = unit.max(1);
    let units = data.len() / unit;
    let threads = threads.max(1).min(units.max(1));
    if threads <= 1 || data.len() < MIN_PARALLEL_LEN {
        f(0, data);
        return;
    }
    let per = units.div_ceil(threads);
    std::thread::scope(|s| {
        let mut rest = data;
        let mut first = 0usize;
        let mut parts = Vec::with_capacity(threads);
        while !rest.is_empty() {
            let take = (per * unit).min(rest.len());
            let (head, tail) = rest.split_at_mut(take);
            parts.push((first, head));
            first += take / unit;
            rest = tail;
        }
        let f = &f;
        let mut iter = parts.into_iter();
        let mine = iter.next();
        for (first, part) in iter {
            s.spawn(move || f(first, part));
        }
        if let Some((first, part)) = mine {
            f(first, part);
        }
    });
}

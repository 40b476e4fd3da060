//! indneutralize(x, g): per date, x minus the mean of x over the instruments
//! of the same group (non-NaN values only). Instruments with an unknown group
//! (code -1) get NaN; NaN inputs stay NaN.

/// Dense group ids (0..groups) per instrument, `u32::MAX` for unknown (-1 or
/// any negative code). Built once per evaluation from the panel's codes.
#[derive(Debug, Clone)]
pub struct GroupIndex {
    pub ids: Vec<u32>,
    pub groups: usize,
}

impl GroupIndex {
    pub fn new(codes: &[i32]) -> GroupIndex {
        let mut map = std::collections::HashMap::new();
        let ids = codes
            .iter()
            .map(|&c| {
                if c < 0 {
                    u32::MAX
                } else {
                    let next = map.len() as u32;
                    *map.entry(c).or_insert(next)
                }
            })
            .collect();
        GroupIndex { ids, groups: map.len() }
    }

    /// Everyone in one group (market-wide demeaning).
    pub fn single(n: usize) -> GroupIndex {
        GroupIndex { ids: vec![0; n], groups: 1 }
    }
}

pub fn neutralize_row(vals: &[f64], g: &GroupIndex, out: &mut [f64], scratch: &mut super::Scratch) {
    let sum = &mut scratch.sums;
    let cnt = &mut scratch.counts;
    sum.clear();
    sum.resize(g.groups, 0.0);
    cnt.clear();
    cnt.resize(g.groups, 0);
    for (&v, &id) in vals.iter().zip(&g.ids) {
        if id != u32::MAX && !v.is_nan() {
            sum[id as usize] += v;
            cnt[id as usize] += 1;
        }
    }
    for ((o, &v), &id) in out.iter_mut().zip(vals).zip(&g.ids) {
        *o = if id == u32::MAX || cnt[id as usize] == 0 { f64::NAN } else { v - sum[id as usize] / cnt[id as usize] as f64 };
    }
}

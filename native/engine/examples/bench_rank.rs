//! Micro-benchmark of the cross-sectional rank on a panel file's rows.
//!   cargo run --release -p alphadesk-engine --example bench_rank -- path/to.panel
use alphadesk_engine::cross::rank::rank_row_with;
use alphadesk_engine::cross::Scratch;
use alphadesk_engine::panel::MappedPanel;
fn main() {
    let path = std::env::args().nth(1).expect("panel path");
    let mapped = MappedPanel::open(std::path::Path::new(&path)).expect("panel");
    let v = mapped.view();
    let (t, n) = (v.t, v.n);
    // Date-major rows of a few typical inputs: close, volume, 1-day delta and return of close, its sign.
    let mut rows: Vec<Vec<f64>> = Vec::new();
    for d in 1..t {
        rows.push((0..n).map(|i| v.close[i * t + d]).collect());
        rows.push((0..n).map(|i| v.volume[i * t + d]).collect());
        rows.push((0..n).map(|i| v.close[i * t + d] - v.close[i * t + d - 1]).collect());
        rows.push((0..n).map(|i| v.close[i * t + d] / v.close[i * t + d - 1] - 1.0).collect());
        // Heavy ties: the sign of the 1-day change (as a 2-day correlation's ±1).
        rows.push((0..n).map(|i| (v.close[i * t + d] - v.close[i * t + d - 1]).signum()).collect());
    }
    let mut out = vec![0.0; n];
    let mut s = Scratch::default();
    let only_radix = std::env::var_os("ONLY_RADIX").is_some();
    let reps: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(2);
    if std::env::var_os("RUN_STATS").is_some() {
        for kind in 0..5 {
            let (mut runs, mut in_runs, mut exact, mut rowsn) = (0usize, 0usize, 0usize, 0usize);
            for r in rows.iter().skip(kind).step_by(5) {
                let mut ks: Vec<(u64, u64)> = r
                    .iter()
                    .filter(|v| !v.is_nan())
                    .map(|&v| {
                        let b = (v + 0.0).to_bits();
                        let m = ((b as i64) >> 63) as u64;
                        let k = b ^ (m | (1 << 63));
                        (k >> 40, k)
                    })
                    .collect();
                ks.sort();
                let mut i = 0;
                while i < ks.len() {
                    let mut j = i + 1;
                    while j < ks.len() && ks[j].0 == ks[i].0 {
                        j += 1;
                    }
                    if j - i > 1 {
                        runs += 1;
                        in_runs += j - i;
                        if ks[i..j].iter().all(|x| x.1 == ks[i].1) {
                            exact += 1;
                        }
                    }
                    i = j;
                }
                rowsn += 1;
            }
            println!(
                "kind {kind}: {:.1} runs/row ({:.1} exact-tie runs), {:.1} values in runs/row",
                runs as f64 / rowsn as f64,
                exact as f64 / rowsn as f64,
                in_runs as f64 / rowsn as f64
            );
        }
    }
    // Per kind of row (close, volume, delta, return, sign), radix path.
    let only_kind: Option<usize> = std::env::var("KIND").ok().and_then(|k| k.parse().ok());
    for kind in (0..5).filter(|k| only_kind.is_none_or(|o| o == *k)) {
        for _ in 0..if only_kind.is_some() { 20 } else { 1 } {
            let t0 = std::time::Instant::now();
            let mut k = 0;
            for r in rows.iter().skip(kind).step_by(5) {
                rank_row_with(r, &mut out, &mut s, true);
                k += 1;
            }
            let el = t0.elapsed().as_secs_f64();
            println!("kind {kind}: {:.2} µs/row", 1e6 * el / k as f64);
        }
    }
    if only_kind.is_some() {
        return;
    }
    for radix in (0..2 * reps).map(|k| k % 2 == 1 || only_radix) {
        let t0 = std::time::Instant::now();
        let mut acc = 0.0;
        for r in &rows {
            rank_row_with(r, &mut out, &mut s, radix);
            acc += out[7];
        }
        let el = t0.elapsed().as_secs_f64();
        println!("radix {radix}: {} rows of {n}: {:.2} µs/row ({acc:.1})", rows.len(), 1e6 * el / rows.len() as f64);
    }
}

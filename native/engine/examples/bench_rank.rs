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

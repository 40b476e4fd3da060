//! Micro-benchmark of rolling correlation by window on a panel file's series.
//!   cargo run --release -p alphadesk-engine --example bench_corr -- path/to.panel
use alphadesk_engine::panel::MappedPanel;
use alphadesk_engine::rolling::cov::rolling_corr_into;
fn main() {
    let path = std::env::args().nth(1).expect("panel path");
    let mapped = MappedPanel::open(std::path::Path::new(&path)).expect("panel");
    let v = mapped.view();
    let (t, n) = (v.t, v.n);
    let mut out = vec![0.0; t];
    for w in [2usize, 3, 5, 6, 10, 20, 250] {
        let t0 = std::time::Instant::now();
        let mut acc = 0.0;
        for _ in 0..3 {
            for i in 0..n {
                rolling_corr_into(&v.close[i * t..(i + 1) * t], &v.volume[i * t..(i + 1) * t], w, &mut out);
                acc += out[t - 1];
            }
        }
        let el = t0.elapsed().as_secs_f64();
        println!("w {w}: {:.2} ns/step ({acc:.3})", 1e9 * el / (3 * n * t) as f64);
    }
}

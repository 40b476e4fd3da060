//! Rolling correlation/covariance kernel, new vs the kernel before the fast
//! segment paths (a verbatim copy kept in `tests/reference/cov_before.rs`),
//! measured in the same run on the synthetic 4,000 × 261 panel (series i is
//! `close[i*261..(i+1)*261]`, one call per instrument as the evaluator
//! does), best of 5, ns per output cell. Also checks that both give the
//! same bits.
//!   cargo run --release -p alphadesk-engine --example bench_corr_kernel [-- reps [stat [w]]]
//! (`stat`: corr or cov; `w`: one window length; default all.)
use alphadesk_engine::rolling::cov::{rolling_corr_into, rolling_cov_into};
use alphadesk_engine::synth::random_panel;

#[path = "../tests/reference/cov_before.rs"]
mod before;

type Kernel = fn(&[f64], &[f64], usize, &mut [f64]);

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let reps: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(5);
    let only_stat = args.get(2).cloned();
    let only_w: Option<usize> = args.get(3).and_then(|s| s.parse().ok());
    let (t, n) = (261usize, 4000usize);
    let panel = random_panel(t, n, 42, 0.002);
    let v = panel.view();
    let mut out_old = vec![0.0; t * n];
    let mut out_new = vec![0.0; t * n];
    let run = |f: Kernel, xs: &[f64], ys: &[f64], w: usize, out: &mut [f64]| -> f64 {
        let mut best = f64::INFINITY;
        for _ in 0..reps {
            let t0 = std::time::Instant::now();
            for (i, col) in out.chunks_mut(t).enumerate() {
                f(&xs[i * t..(i + 1) * t], &ys[i * t..(i + 1) * t], w, col);
            }
            best = best.min(t0.elapsed().as_secs_f64());
        }
        best * 1e9 / (t * n) as f64
    };
    println!("{:<6} {:<14} {:>3} {:>9} {:>9} {:>6}", "stat", "pair", "w", "old ns", "new ns", "ratio");
    let kernels: [(&str, Kernel, Kernel); 2] =
        [("corr", before::rolling_corr_into, rolling_corr_into), ("cov", before::rolling_cov_into, rolling_cov_into)];
    let pairs: [(&str, &[f64], &[f64]); 2] = [("close/volume", v.close, v.volume), ("close/open", v.close, v.open)];
    for (stat, old, new) in kernels.into_iter().filter(|k| only_stat.as_ref().is_none_or(|s| s == k.0)) {
        for (pair, xs, ys) in pairs {
            for w in [2usize, 3, 5, 6, 10, 20].into_iter().filter(|&w| only_w.is_none_or(|o| o == w)) {
                let a = run(old, xs, ys, w, &mut out_old);
                let b = run(new, xs, ys, w, &mut out_new);
                let same = out_old.iter().zip(&out_new).all(|(p, q)| p.to_bits() == q.to_bits());
                println!(
                    "{stat:<6} {pair:<14} {w:>3} {a:>9.2} {b:>9.2} {:>5.2}x{}",
                    a / b,
                    if same { "" } else { "  BITS DIFFER" }
                );
            }
        }
    }
}

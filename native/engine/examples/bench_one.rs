//! Profile helper: all 101 alphas on one panel shape, repeated.
//!   cargo run --release -p alphadesk-engine --example bench_one -- T N REPS THREADS
use alphadesk_engine::alphas::alpha101;
use alphadesk_engine::eval::{evaluate, EvalOptions};
use alphadesk_engine::synth::random_panel;
fn main() {
    let a: Vec<usize> = std::env::args().skip(1).filter_map(|s| s.parse().ok()).collect();
    let (t, n, reps, threads) = (a.first().copied().unwrap_or(1259), a.get(1).copied().unwrap_or(505), a.get(2).copied().unwrap_or(3), a.get(3).copied().unwrap_or(1));
    let panel = random_panel(t, n, 42, 0.002);
    let f = alpha101();
    for _ in 0..reps {
        let t0 = std::time::Instant::now();
        let o = evaluate(&panel.view(), &f, &EvalOptions { threads: Some(threads), ..Default::default() }, &mut |_, _| true);
        println!("{:.3} s ({} results)", t0.elapsed().as_secs_f64(), o.map(|o| o.results.len()).unwrap_or(0));
    }
}

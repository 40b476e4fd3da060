//! Benchmark: all 101 alphas on seeded synthetic panels, optimised vs naive.
//!
//!   cargo run --release -p alphadesk-engine --example bench_alphas [-- --threads N] [--skip-naive]
//!
//! Prints wall time per configuration, DAG size, and the naive/optimised
//! ratio, and checks that both modes agree.
use std::time::Instant;

use alphadesk_engine::alphas::alpha101;
use alphadesk_engine::eval::{evaluate, EvalOptions, EvalOutput};
use alphadesk_engine::synth::random_panel;

/// Share of cells where both modes agree (1e-9 relative; NaN == NaN), and
/// the largest disagreement (tie-breaking in a later rank can flip a cell).
fn max_diff(a: &EvalOutput, b: &EvalOutput) -> (f64, String, f64) {
    let mut worst = (0.0f64, String::new());
    let (mut cells, mut agree) = (0usize, 0usize);
    for (ra, rb) in a.results.iter().zip(&b.results) {
        if let (Some(va), Some(vb)) = (&ra.values, &rb.values) {
            for (x, y) in va.iter().zip(vb) {
                let d = if x.is_nan() && y.is_nan() {
                    0.0
                } else if x.is_nan() || y.is_nan() {
                    f64::INFINITY
                } else if x == y {
                    0.0
                } else {
                    (x - y).abs() / (1.0 + x.abs().max(y.abs()))
                };
                cells += 1;
                agree += usize::from(d <= 1e-9);
                if d > worst.0 {
                    worst = (d, ra.name.clone());
                }
            }
        }
    }
    (worst.0, worst.1, agree as f64 / cells.max(1) as f64)
}

/// Process CPU time (user + system) in seconds, from /proc (Linux only):
/// under load from other processes it is steadier than wall time.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let threads = args.iter().position(|a| a == "--threads").and_then(|i| args.get(i + 1)).and_then(|s| s.parse().ok());
    let skip_naive = args.iter().any(|a| a == "--skip-naive");
    let formulas = alpha101();
    assert_eq!(formulas.len(), 101);
    for (t, n, label) in [(261usize, 4000usize, "4,000 stocks x 261 days"), (1259, 505, "505 stocks x 1,259 days")] {
        let panel = random_panel(t, n, 42, 0.002);
        let view = panel.view();
        let opts = EvalOptions { threads, ..EvalOptions::default() };
        // Warm-up run (page faults, allocator), then the timed runs.
        let _ = evaluate(&view, &formulas, &opts, &mut |_, _| true);
        let mut best = f64::INFINITY;
        let mut best_cpu = f64::INFINITY;
        let mut out = None;
        for _ in 0..5 {
            let (t0, c0) = (Instant::now(), cpu_seconds());
            let o = evaluate(&view, &formulas, &opts, &mut |_, _| true).expect("evaluate");
            best = best.min(t0.elapsed().as_secs_f64());
            if let (Some(a), Some(b)) = (c0, cpu_seconds()) {
                best_cpu = best_cpu.min(b - a);
            }
            out = Some(o);
        }
        let Some(out) = out else { return };
        let failed: Vec<_> = out.results.iter().filter(|r| r.error.is_some()).map(|r| r.name.clone()).collect();
        println!(
            "{label}: optimised {best:.3} s wall, {best_cpu:.2} s CPU (best of 5, threads {}), DAG {} nodes, peak {} live columns, failed: {failed:?}",
            threads.map_or("auto".to_string(), |t| t.to_string()),
            out.stats.nodes,
            out.stats.peak_live
        );
        let s = out.stats.seconds;
        println!(
            "  time by family: leaf {:.3}, elementwise {:.3}, rolling {:.3}, corr/cov {:.3}, cross-section {:.3}, output {:.3}",
            s[0], s[1], s[2], s[3], s[4], s[5]
        );
        if skip_naive {
            continue;
        }
        let t0 = Instant::now();
        let naive =
            evaluate(&view, &formulas, &EvalOptions { naive: true, ..EvalOptions::default() }, &mut |_, _| true).expect("naive");
        let tn = t0.elapsed().as_secs_f64();
        let (diff, which, agree) = max_diff(&out, &naive);
        println!(
            "{label}: naive {tn:.3} s ({} nodes) -> optimised is {:.1}x faster; {:.3}% of cells agree, largest difference {diff:.2e} ({which})",
            naive.stats.nodes,
            tn / best,
            100.0 * agree
        );
    }
}

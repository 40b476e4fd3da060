//! Profile helper: all 101 alphas on one panel, repeated.
//!   cargo run --release -p alphadesk-engine --example bench_one -- T N REPS THREADS
//!   cargo run --release -p alphadesk-engine --example bench_one -- path/to.panel REPS THREADS
//! (a panel file written by `writePanel`, e.g. the app's cached sample panel).
use alphadesk_engine::alphas::alpha101;
use alphadesk_engine::eval::{evaluate, EvalOptions};
use alphadesk_engine::panel::MappedPanel;
use alphadesk_engine::synth::random_panel;
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let f = alpha101();
    let run = |view: &alphadesk_engine::panel::PanelView<'_>, reps: usize, threads: usize| {
        for _ in 0..reps {
            let t0 = std::time::Instant::now();
            let o = evaluate(view, &f, &EvalOptions { threads: Some(threads), ..Default::default() }, &mut |_, _| true)
                .expect("evaluate");
            let s = o.stats.seconds;
            println!(
                "{:.3} s ({} results; leaf {:.3}, elementwise {:.3}, rolling {:.3}, corr/cov {:.3}, cross-section {:.3}, output {:.3})",
                t0.elapsed().as_secs_f64(),
                o.results.len(),
                s[0], s[1], s[2], s[3], s[4], s[5]
            );
        }
    };
    if let Some(path) = args.first().filter(|a| a.ends_with(".panel")) {
        let n: Vec<usize> = args[1..].iter().filter_map(|s| s.parse().ok()).collect();
        let mapped = MappedPanel::open(std::path::Path::new(path)).expect("panel");
        run(&mapped.view(), n.first().copied().unwrap_or(3), n.get(1).copied().unwrap_or(1));
        return;
    }
    let a: Vec<usize> = args.iter().filter_map(|s| s.parse().ok()).collect();
    let (t, n, reps, threads) = (
        a.first().copied().unwrap_or(1259),
        a.get(1).copied().unwrap_or(505),
        a.get(2).copied().unwrap_or(3),
        a.get(3).copied().unwrap_or(1),
    );
    let panel = random_panel(t, n, 42, 0.002);
    run(&panel.view(), reps, threads);
}

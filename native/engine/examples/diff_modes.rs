//! Compare optimised vs naive evaluation of the 101 alphas on a small panel.
use alphadesk_engine::alphas::alpha101;
use alphadesk_engine::eval::{evaluate, EvalOptions};
use alphadesk_engine::synth::random_panel;

fn main() {
    let panel = random_panel(300, 60, 7, 0.01);
    let v = panel.view();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let f = if args.is_empty() {
        alpha101()
    } else {
        args.iter().enumerate().map(|(i, a)| alphadesk_engine::eval::FormulaSpec::new(format!("f{i}"), a.clone())).collect()
    };
    let a = evaluate(&v, &f, &EvalOptions::default(), &mut |_, _| true).expect("fast");
    let naive = std::env::var("THREADS1").is_err();
    let b = evaluate(&v, &f, &EvalOptions { naive, threads: Some(1), ..Default::default() }, &mut |_, _| true).expect("naive");
    for (ra, rb) in a.results.iter().zip(&b.results) {
        let (Some(x), Some(y)) = (&ra.values, &rb.values) else { continue };
        let mut bad = 0;
        let mut first = None;
        for (k, (p, q)) in x.iter().zip(y).enumerate() {
            let same = (p.is_nan() && q.is_nan()) || p == q || (p - q).abs() <= 1e-9 * (1.0 + p.abs().max(q.abs()));
            if !same {
                bad += 1;
                first.get_or_insert((k / v.n, k % v.n, *p, *q));
            }
        }
        if bad > 0 {
            println!("{}: {bad} cells differ, first (t, i, fast, naive) = {:?}", ra.name, first);
        }
    }
}

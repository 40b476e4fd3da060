//! Hostile nesting: a formula nested thousands of levels deep used to overflow
//! the parser's stack (a segfault in the main process). Every way of nesting
//! is refused with a parse error naming the position, and trees at the limit
//! go through every recursive pass (printer, walk, lowering, evaluation, drop)
//! on a thread with a small stack.

use alphadesk_engine::eval::{evaluate, EvalOptions, FormulaSpec};
use alphadesk_engine::expr::{inspect, normalize, parse, MAX_DEPTH};
use alphadesk_engine::synth::random_panel;

/// Runs `f` on a thread with a 1 MiB stack (Windows' default for a main thread,
/// half a test thread's), so a pass that recursed much more than the bound
/// allows would crash here. (Release builds need about 640 KiB today.)
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(1024 * 1024).spawn(f).expect("spawn").join().expect("no panic")
}

fn assert_too_deep(text: String) {
    let err = on_small_stack(move || parse(&text).expect_err("refused"));
    assert!(
        err.message.starts_with(&format!("formula nested too deeply (more than {MAX_DEPTH} levels) at column ")),
        "{}",
        err.message
    );
    assert!(err.column > 1 && err.offset > 0, "names a position: {}", err.message);
}

#[test]
fn deep_parentheses_are_a_parse_error_with_position() {
    let n = 5000;
    assert_too_deep(format!("{}close{}", "(".repeat(n), ")".repeat(n)));
    // Unclosed too: the depth error comes before running out of input.
    assert_too_deep("(".repeat(100_000));
    let err = parse(&format!("{}close{}", "(".repeat(n), ")".repeat(n))).expect_err("refused");
    // The first parenthesis past the limit.
    assert_eq!(err.column, MAX_DEPTH + 1, "{}", err.message);
}

#[test]
fn deep_calls_signs_powers_and_ternaries_are_refused() {
    let n = 5000;
    assert_too_deep(format!("{}close{}", "rank(".repeat(n), ")".repeat(n)));
    assert_too_deep(format!("{}close", "-".repeat(n)));
    // Unary plus builds no node but recurses all the same.
    assert_too_deep(format!("{}close", "+".repeat(n)));
    assert_too_deep(format!("close{}", "^close".repeat(n)));
    assert_too_deep(format!("{}close", "low ? high : ".repeat(n)));
    assert_too_deep(format!("{}close{}", "ts_min(".repeat(n), ", 5)".repeat(n)));
}

#[test]
fn long_left_chains_are_refused_by_tree_height() {
    // No recursion while parsing, but the tree is as deep as the chain is long.
    assert_too_deep(format!("close{}", " + close".repeat(100_000)));
    assert_too_deep(format!("close{}", " * open / high".repeat(50_000)));
    assert_too_deep(format!("close{}", " < open".repeat(MAX_DEPTH)));
}

#[test]
fn formulas_at_the_limit_still_parse_print_and_evaluate() {
    // A left chain whose tree is exactly MAX_DEPTH tall.
    let chain = format!("close{}", " + 1".repeat(MAX_DEPTH - 1));
    // Parentheses nested just below the limit.
    let parens = format!("{}close{}", "(".repeat(MAX_DEPTH - 1), ")".repeat(MAX_DEPTH - 1));
    let calls = format!("{}close{}", "rank(".repeat(MAX_DEPTH - 2), ")".repeat(MAX_DEPTH - 2));
    for text in [chain, parens, calls] {
        on_small_stack(move || {
            let (ast, info) = inspect(&text).unwrap_or_else(|e| panic!("{}", e.message));
            assert!(ast.height() as usize <= MAX_DEPTH);
            // The normalized form parses back to the same tree.
            assert_eq!(parse(&info.normalized).expect("reprint parses"), ast);
            assert_eq!(normalize(&ast), info.normalized);
            let panel = random_panel(20, 4, 3, 0.0);
            let out = evaluate(&panel.view(), &[FormulaSpec::new("deep", text)], &EvalOptions::default(), &mut |_, _| true)
                .expect("evaluate");
            assert!(out.results[0].error.is_none(), "{:?}", out.results[0].error);
        });
    }
}

#[test]
fn messages_quote_at_most_80_characters_of_a_name() {
    let long = "x".repeat(10_000);
    let err = parse(&format!("close + {long}")).expect_err("unknown field");
    assert!(
        err.message.starts_with(&format!("unknown field '{}… (10000 characters)' at column 9", "x".repeat(80))),
        "{}",
        err.message
    );
    let err = parse(&format!("{long}(close)")).expect_err("unknown function");
    assert!(err.message.len() < 200, "{}", err.message);
    assert!(parse("close + bogus").expect_err("short").message.starts_with("unknown field 'bogus' at column 9"));
}

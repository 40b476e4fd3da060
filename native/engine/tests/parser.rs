//! Parser: all 101 alphas round-trip through the normalized printer, error
//! positions and suggestions on broken input, and the paper's syntax quirks.

use alphadesk_engine::alphas::alpha101;
use alphadesk_engine::expr::{inspect, normalize, parse, ExprKind, Func};

#[test]
fn all_101_alphas_round_trip() {
    let alphas = alpha101();
    assert_eq!(alphas.len(), 101);
    for (k, a) in alphas.iter().enumerate() {
        assert_eq!(a.name, format!("alpha{:03}", k + 1));
        let ast = parse(&a.text).unwrap_or_else(|e| panic!("{}: {}", a.name, e.message));
        let printed = normalize(&ast);
        let again = parse(&printed).unwrap_or_else(|e| panic!("{} reprint: {} in {printed}", a.name, e.message));
        assert_eq!(ast, again, "{}: AST changed through {printed}", a.name);
        assert_eq!(printed, normalize(&again), "{}: normalization not idempotent", a.name);
    }
}

#[test]
fn case_insensitive_and_aliases() {
    let a = parse("Ts_Rank(CLOSE, 5) + SignedPower(Open, 2) - IndNeutralize(vwap, IndClass.Sector)").expect("parse");
    let b = parse("ts_rank(close, 5) + signedpower(open, 2) - indneutralize(vwap, indclass.sector)").expect("parse");
    assert_eq!(a, b);
    // min/max with a number = ts_min/ts_max; with two expressions = elementwise.
    let ts = parse("min(close, 5)").expect("parse");
    assert!(matches!(ts.kind, ExprKind::Call(Func::TsMin, _)));
    assert_eq!(normalize(&ts), "ts_min(close, 5)");
    let el = parse("max(close, open)").expect("parse");
    assert!(matches!(el.kind, ExprKind::Call(Func::Max, _)));
}

#[test]
fn literals_and_precedence() {
    assert_eq!(normalize(&parse(".001 + 2. + 1e-3").expect("parse")), "((0.001 + 2) + 0.001)");
    assert_eq!(normalize(&parse("-close^2").expect("parse")), "-(close ^ 2)");
    assert_eq!(normalize(&parse("1 + 2 * 3 ^ 2").expect("parse")), "(1 + (2 * (3 ^ 2)))");
    assert_eq!(normalize(&parse("low < high ? 1 : open || close").expect("parse")), "((low < high) ? 1 : (open || close))");
    assert_eq!(normalize(&parse("low ? 1 : high ? 2 : 3").expect("parse")), "(low ? 1 : (high ? 2 : 3))");
    assert_eq!(normalize(&parse("close > 1 && open <= 2 == 1").expect("parse")), "((close > 1) && ((open <= 2) == 1))");
    assert_eq!(normalize(&parse("(rank(close) < rank(open)) * -1").expect("parse")), "((rank(close) < rank(open)) * -1)");
    assert_eq!(normalize(&parse("adv20 / ADV180").expect("parse")), "(adv20 / adv180)");
}

#[test]
fn error_positions_and_suggestions() {
    let e = parse("ts_rnak(close, 5)").expect_err("typo");
    assert_eq!(e.message, "unknown function 'ts_rnak' at column 1; did you mean 'ts_rank'?");
    assert_eq!((e.offset, e.line, e.column), (0, 1, 1));
    assert_eq!(e.suggestion.as_deref(), Some("ts_rank"));

    let e = parse("rank(close").expect_err("unclosed");
    assert_eq!((e.offset, e.column), (10, 11));
    assert!(e.expected.contains(&"')'".to_string()), "{:?}", e.expected);

    let e = parse("close +").expect_err("dangling");
    assert_eq!(e.offset, 7);
    assert!(e.expected.contains(&"number".to_string()));

    let e = parse("rank(close)\n  + clsoe").expect_err("field typo on line 2");
    assert_eq!((e.line, e.column, e.offset), (2, 5, 16));
    assert_eq!(e.suggestion.as_deref(), Some("close"));
    assert!(e.message.contains("line 2, column 5"), "{}", e.message);

    let e = parse("sum(close, 0.5)").expect_err("window < 1");
    assert_eq!(e.offset, 11);
    let e = parse("sum(close, volume)").expect_err("window not a number");
    assert_eq!(e.offset, 11);
    let e = parse("rank(close, 3)").expect_err("arity");
    assert_eq!(e.offset, 0);
    assert!(e.message.contains("takes 1 argument"), "{}", e.message);
    let e = parse("indneutralize(close, IndClass.sectr)").expect_err("group typo");
    assert_eq!(e.offset, 21);
    assert_eq!(e.suggestion.as_deref(), Some("indclass.sector"));
    let e = parse("IndClass.sector + 1").expect_err("group outside indneutralize");
    assert_eq!(e.offset, 0);
    let e = parse("close $ 2").expect_err("bad char");
    assert_eq!(e.offset, 6);
    let e = parse("close(1)").expect_err("field called");
    assert!(e.message.contains("is a field"));
    let e = parse("rank").expect_err("function without call");
    assert!(e.message.contains("expected '('"), "{}", e.message);
    let e = parse("(close < open) ? 1").expect_err("ternary without :");
    assert!(e.expected.contains(&"':'".to_string()));
    let e = parse("rank(close) rank(open)").expect_err("two expressions");
    assert_eq!(e.offset, 12);
}

#[test]
fn inspect_lists_fields_and_operators() {
    let (_, info) = inspect("rank(ts_rank(close, 5) * adv20) - indneutralize(returns, IndClass.industry)").expect("ok");
    assert_eq!(info.fields, vec!["adv20", "close", "indclass.industry", "returns"]);
    assert_eq!(info.operators, vec!["*", "-", "indneutralize", "rank", "ts_rank"]);
    assert_eq!(info.normalized, "(rank((ts_rank(close, 5) * adv20)) - indneutralize(returns, IndClass.industry))");
}

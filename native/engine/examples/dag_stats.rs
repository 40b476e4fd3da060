//! Print DAG node counts by kind for the 101 alphas (with and without CSE).
use alphadesk_engine::alphas::alpha101;
use alphadesk_engine::eval::dag::Dag;
use alphadesk_engine::eval::lower::{Lowerer, PanelCaps};
use alphadesk_engine::eval::node::Node;
use alphadesk_engine::expr::parse;

fn main() {
    for cse in [true, false] {
        let mut dag = Dag::new(cse);
        let caps = PanelCaps { has_cap: true, has_sector: true, has_industry: true, has_subindustry: true };
        for f in alpha101() {
            let e = parse(&f.text).expect("parse");
            let mut l = Lowerer { dag: &mut dag, caps, warnings: vec![] };
            l.lower(&e).expect("lower");
        }
        let mut counts = std::collections::BTreeMap::new();
        for n in &dag.nodes {
            let k = match n {
                Node::Leaf(_) => "leaf".to_string(),
                Node::Const(_) => "const".to_string(),
                Node::Unary(op, _) => format!("unary {op:?}"),
                Node::Binary(op, _, _) => format!("binary {op:?}"),
                Node::Ternary(..) => "ternary".to_string(),
                Node::Ts(op, _, _) => format!("ts {op:?}"),
                Node::Pair(op, _, _, _) => format!("pair {op:?}"),
                Node::Rank(_) => "rank".to_string(),
                Node::Scale(..) => "scale".to_string(),
                Node::Neutralize(..) => "neutralize".to_string(),
            };
            *counts.entry(k).or_insert(0) += 1;
        }
        println!("cse={cse}: {} nodes: {counts:?}", dag.len());
        if cse {
            let mut inputs = std::collections::BTreeMap::new();
            for n in &dag.nodes {
                if let Node::Rank(c) = n {
                    let k = match dag.nodes[*c as usize] {
                        Node::Ts(op, _, w) => format!("ts {op:?} {w}"),
                        Node::Pair(op, ..) => format!("pair {op:?}"),
                        Node::Binary(op, ..) => format!("binary {op:?}"),
                        Node::Unary(op, ..) => format!("unary {op:?}"),
                        other => format!("{other:?}").split('(').next().unwrap_or("").to_string(),
                    };
                    *inputs.entry(k).or_insert(0) += 1;
                }
            }
            println!("rank inputs: {inputs:?}");
        }
    }
}

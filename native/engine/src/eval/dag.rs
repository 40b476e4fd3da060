//! Hash-consed expression DAG shared by all formulas of one evaluation.
//! Interning canonicalises first (commutative operands sorted, constants
//! folded, -0.0 normalised) so equal computations get one node however they
//! were written.

use std::collections::HashMap;

use super::node::{Node, NodeId};
use super::nodes::elementwise::{binary_scalar, unary_scalar};

pub struct Dag {
    pub nodes: Vec<Node>,
    index: HashMap<Node, NodeId>,
    /// false = every intern creates a fresh node (the naive baseline).
    cse: bool,
}

impl Dag {
    pub fn new(cse: bool) -> Dag {
        Dag { nodes: Vec::new(), index: HashMap::new(), cse }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn constant(&mut self, v: f64) -> NodeId {
        // One key for 0.0 and -0.0; NaN constants share one canonical bit pattern.
        let v = if v == 0.0 {
            0.0
        } else if v.is_nan() {
            f64::NAN
        } else {
            v
        };
        self.intern(Node::Const(v.to_bits()))
    }

    pub fn intern(&mut self, node: Node) -> NodeId {
        let node = self.canonical(node);
        // Fold constant subtrees.
        match node {
            Node::Unary(op, a) => {
                if let Some(x) = self.nodes[a as usize].const_value() {
                    return self.constant(unary_scalar(op, x));
                }
            }
            Node::Binary(op, a, b) => {
                if let (Some(x), Some(y)) = (self.nodes[a as usize].const_value(), self.nodes[b as usize].const_value()) {
                    return self.constant(binary_scalar(op, x, y));
                }
            }
            Node::Ternary(c, a, b) => {
                if let Some(x) = self.nodes[c as usize].const_value() {
                    if x.is_nan() {
                        return self.constant(f64::NAN);
                    }
                    return if x != 0.0 { a } else { b };
                }
            }
            _ => {}
        }
        if self.cse {
            if let Some(&id) = self.index.get(&node) {
                return id;
            }
        }
        let id = self.nodes.len() as NodeId;
        self.nodes.push(node);
        if self.cse {
            self.index.insert(node, id);
        }
        id
    }

    fn canonical(&self, node: Node) -> Node {
        match node {
            // rank(rank(x)) = rank(x) exactly: percentile ranks keep the order,
            // the ties and the NaN cells of x, so ranking them again changes nothing.
            Node::Rank(a) if matches!(self.nodes[a as usize], Node::Rank(_)) => self.nodes[a as usize],
            Node::Binary(op, a, b) if op.commutative() && a > b => Node::Binary(op, b, a),
            // corr/cov are symmetric in their two series.
            Node::Pair(op, a, b, w) if a > b => Node::Pair(op, b, a, w),
            other => other,
        }
    }
}

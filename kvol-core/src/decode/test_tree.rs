//! A small owned [`Tree`] for examples and tests (positions are 0: unknown).

use crate::tree::{Tree, TreeKey, TreeValue};

/// A node of an owned tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A string.
    String(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping.
    Map(Vec<(Key, Node)>),
}

/// A mapping key of an owned tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key(pub String);

impl TreeKey for Key {
    fn name(&self) -> &str {
        &self.0
    }
    fn line(&self) -> usize {
        0
    }
    fn col(&self) -> usize {
        0
    }
}

impl Tree for Node {
    type Key = Key;
    fn value(&self) -> TreeValue<'_, Self> {
        match self {
            Node::Null => TreeValue::Null,
            Node::Bool(b) => TreeValue::Bool(*b),
            Node::Int(n) => TreeValue::Int(*n),
            Node::Float(f) => TreeValue::Float(*f),
            Node::String(s) => TreeValue::String(s),
            Node::Seq(items) => TreeValue::Seq(items),
            Node::Map(entries) => TreeValue::Map(entries),
        }
    }
    fn line(&self) -> usize {
        0
    }
    fn col(&self) -> usize {
        0
    }
}

impl From<bool> for Node {
    fn from(b: bool) -> Self {
        Node::Bool(b)
    }
}

impl From<i64> for Node {
    fn from(n: i64) -> Self {
        Node::Int(n)
    }
}

/// A string node.
pub fn s(text: &str) -> Node {
    Node::String(text.to_owned())
}

/// A mapping node.
pub fn map(entries: &[(&str, Node)]) -> Node {
    Node::Map(
        entries
            .iter()
            .map(|(k, v)| (Key((*k).to_owned()), v.clone()))
            .collect(),
    )
}

/// A sequence node.
pub fn seq(items: &[Node]) -> Node {
    Node::Seq(items.to_vec())
}

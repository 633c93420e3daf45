//! The reader's nodes as kvol-core [`Tree`]s, for the schema check and model decoding.

use crate::{Key, Node, Value};
use kvol_core::tree::{Tree, TreeKey, TreeValue};

impl Tree for Node {
    type Key = Key;

    fn value(&self) -> TreeValue<'_, Self> {
        match &self.value {
            Value::Null => TreeValue::Null,
            Value::Bool(b) => TreeValue::Bool(*b),
            Value::Int(n) => TreeValue::Int(*n),
            Value::UInt(n) => TreeValue::UInt(*n),
            Value::Float(f) => TreeValue::Float(*f),
            Value::String(s) => TreeValue::String(s),
            Value::Seq(items) => TreeValue::Seq(items),
            Value::Map(entries) => TreeValue::Map(entries),
        }
    }

    fn line(&self) -> usize {
        self.line
    }

    fn col(&self) -> usize {
        self.col
    }
}

impl TreeKey for Key {
    fn name(&self) -> &str {
        &self.name
    }

    fn line(&self) -> usize {
        self.line
    }

    fn col(&self) -> usize {
        self.col
    }
}

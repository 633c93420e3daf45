//! [`Tree`]: a decoded YAML or JSON document as kvol reads it, with positions.
//!
//! kvol does not parse YAML itself: the CLI's reader (`kvol-read`, which reads a stream as
//! Kubernetes does) implements this trait for its nodes, and kvol-core's schema check
//! (`schema`) and model decoding (`decode`) walk any `Tree`. Values follow the JSON data model
//! with integers kept apart from floats, as `sigs.k8s.io/yaml` (go-yaml v2) keeps them.

/// One node of a decoded document.
pub trait Tree: Sized {
    /// A mapping key of this tree (a JSON object member name with its position).
    type Key: TreeKey;

    /// The node's value.
    fn value(&self) -> TreeValue<'_, Self>;

    /// Line of the node's first character, 1-based (0 when unknown).
    fn line(&self) -> usize;

    /// Column of the node's first character, 1-based in characters (0 when unknown).
    fn col(&self) -> usize;
}

/// A mapping key with its position.
pub trait TreeKey {
    /// The key as a JSON object member name.
    fn name(&self) -> &str;
    /// Line, 1-based (0 when unknown).
    fn line(&self) -> usize;
    /// Column, 1-based in characters (0 when unknown).
    fn col(&self) -> usize;
}

/// The value of a [`Tree`] node.
#[derive(Debug)]
pub enum TreeValue<'a, T: Tree> {
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer that fits in `i64`.
    Int(i64),
    /// An integer above `i64::MAX` that fits in `u64`.
    UInt(u64),
    /// A finite float.
    Float(f64),
    /// A string.
    String(&'a str),
    /// A sequence.
    Seq(&'a [T]),
    /// A mapping, keys in the order written.
    Map(&'a [(T::Key, T)]),
}

impl<T: Tree> TreeValue<'_, T> {
    /// The JSON type name as Go's `encoding/json` words it in an `UnmarshalTypeError`
    /// (`string`, `number`, `bool`, `array`, `object`, `null`).
    pub fn json_type(&self) -> &'static str {
        match self {
            TreeValue::Null => "null",
            TreeValue::Bool(_) => "bool",
            TreeValue::Int(_) | TreeValue::UInt(_) | TreeValue::Float(_) => "number",
            TreeValue::String(_) => "string",
            TreeValue::Seq(_) => "array",
            TreeValue::Map(_) => "object",
        }
    }
}

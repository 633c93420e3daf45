//! [`Value`]: an owned JSON-like value for the escape hatch, and [`Extras`]: the ordered
//! fields kvol does not model that an object, a pod spec or a container carries.

use crate::render::{Emit, Sink};
use crate::tree::{Tree, TreeKey, TreeValue};
use std::fmt;

/// An owned JSON value, with integers kept apart from floats (as Kubernetes' YAML reader keeps
/// them). It implements [`Tree`] (without positions), so the schema check reads it as it reads
/// a document, and it renders through kvol's YAML and JSON writers.
///
/// ```
/// use kvol_core::schema::Value;
/// let v = Value::parse_json(r#"{"add": ["NET_ADMIN"], "drop": []}"#).unwrap();
/// assert_eq!(v, Value::map([("add", Value::from(vec!["NET_ADMIN"])), ("drop", Value::Seq(vec![]))]));
/// assert_eq!(Value::from(true).to_string(), "true");
/// ```
#[derive(Debug, Clone, Default)]
pub enum Value {
    /// `null`.
    #[default]
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float (finite).
    Float(f64),
    /// A string.
    String(String),
    /// A sequence.
    Seq(Vec<Value>),
    /// A mapping, keys in order.
    Map(Vec<(String, Value)>),
}

impl PartialEq for Value {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            // Bitwise, so that equality is reflexive (`Eq`).
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::String(a), Value::String(b)) => a == b,
            (Value::Seq(a), Value::Seq(b)) => a == b,
            (Value::Map(a), Value::Map(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Value {}

impl Value {
    /// A mapping from `(key, value)` pairs, in order.
    pub fn map<K: Into<String>, V: Into<Value>>(entries: impl IntoIterator<Item = (K, V)>) -> Self {
        Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }

    /// The JSON type name (`string`, `number`, `bool`, `array`, `object`, `null`).
    pub fn json_type(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::Float(_) => "number",
            Value::String(_) => "string",
            Value::Seq(_) => "array",
            Value::Map(_) => "object",
        }
    }

    /// The value of a [`Tree`] node (positions are dropped; an integer above `i64::MAX`
    /// becomes a float).
    pub fn from_tree<T: Tree>(node: &T) -> Value {
        match node.value() {
            TreeValue::Null => Value::Null,
            TreeValue::Bool(b) => Value::Bool(b),
            TreeValue::Int(i) => Value::Int(i),
            TreeValue::UInt(u) => Value::Float(u as f64),
            TreeValue::Float(f) => Value::Float(f),
            TreeValue::String(s) => Value::String(s.to_owned()),
            TreeValue::Seq(items) => Value::Seq(items.iter().map(Value::from_tree).collect()),
            TreeValue::Map(entries) => Value::Map(
                entries
                    .iter()
                    .map(|(k, v)| (k.name().to_owned(), Value::from_tree(v)))
                    .collect(),
            ),
        }
    }

    /// What `value` emits, as a tree (an integer above `i64::MAX` becomes a float).
    ///
    /// ```
    /// use kvol_core::schema::Value;
    /// let labels = std::collections::BTreeMap::from([("app", "web")]);
    /// assert_eq!(Value::from_emit(&labels), Value::map([("app", "web")]));
    /// ```
    pub fn from_emit(value: &dyn Emit) -> Value {
        let mut builder = ValueBuilder::default();
        value.emit(&mut builder);
        while !builder.open.is_empty() {
            builder.close();
        }
        builder.root.unwrap_or_default()
    }

    /// Parses JSON text (RFC 8259; integers that fit `i64` stay integers).
    pub fn parse_json(text: &str) -> Result<Value, String> {
        let mut p = JsonParser {
            s: text.as_bytes(),
            i: 0,
            depth: 0,
        };
        let v = p.value()?;
        p.ws();
        if p.i != p.s.len() {
            return Err(format!("trailing characters at byte {}", p.i));
        }
        Ok(v)
    }
}

impl fmt::Display for Value {
    /// Compact JSON.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::json::to_string(self).unwrap_or_default())
    }
}

impl TreeKey for String {
    fn name(&self) -> &str {
        self
    }
    fn line(&self) -> usize {
        0
    }
    fn col(&self) -> usize {
        0
    }
}

impl Tree for Value {
    type Key = String;

    fn value(&self) -> TreeValue<'_, Self> {
        match self {
            Value::Null => TreeValue::Null,
            Value::Bool(b) => TreeValue::Bool(*b),
            Value::Int(i) => TreeValue::Int(*i),
            Value::Float(f) => TreeValue::Float(*f),
            Value::String(s) => TreeValue::String(s),
            Value::Seq(items) => TreeValue::Seq(items),
            Value::Map(entries) => TreeValue::Map(entries),
        }
    }
    fn line(&self) -> usize {
        0
    }
    fn col(&self) -> usize {
        0
    }
}

impl Emit for Value {
    fn emit(&self, out: &mut dyn Sink) {
        match self {
            Value::Null => out.null(),
            Value::Bool(b) => out.bool(*b),
            Value::Int(i) => out.i64(*i),
            Value::Float(f) => out.f64(*f),
            Value::String(v) => out.str(v),
            Value::Seq(items) => {
                out.begin_seq();
                for item in items {
                    out.element(item);
                }
                out.end_seq();
            }
            Value::Map(entries) => {
                out.begin_map();
                for (k, v) in entries {
                    out.field(k, v);
                }
                out.end_map();
            }
        }
    }
}

#[cfg(feature = "serde")]
impl serde_core::Serialize for Value {
    fn serialize<S: serde_core::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde_core::ser::{SerializeMap, SerializeSeq};
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Int(i) => s.serialize_i64(*i),
            Value::Float(f) => s.serialize_f64(*f),
            Value::String(v) => s.serialize_str(v),
            Value::Seq(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Map(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

/// Builds a [`Value`] from what a value emits ([`Value::from_emit`]).
#[derive(Default)]
struct ValueBuilder {
    /// The open sequences and mappings, innermost last, each with the key its next value
    /// goes under (mappings only).
    open: Vec<(Value, Option<String>)>,
    root: Option<Value>,
}

impl ValueBuilder {
    fn put(&mut self, v: Value) {
        match self.open.last_mut() {
            Some((Value::Seq(items), _)) => items.push(v),
            Some((Value::Map(entries), key)) => entries.push((key.take().unwrap_or_default(), v)),
            _ => self.root = Some(v),
        }
    }

    fn close(&mut self) {
        if let Some((v, _)) = self.open.pop() {
            self.put(v);
        }
    }
}

impl Sink for ValueBuilder {
    fn null(&mut self) {
        self.put(Value::Null);
    }
    fn bool(&mut self, v: bool) {
        self.put(Value::Bool(v));
    }
    fn i64(&mut self, v: i64) {
        self.put(Value::Int(v));
    }
    fn u64(&mut self, v: u64) {
        self.put(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int));
    }
    fn f64(&mut self, v: f64) {
        self.put(Value::Float(v));
    }
    fn str(&mut self, v: &str) {
        self.put(Value::String(v.to_owned()));
    }
    fn wide_int(&mut self, digits: &str) {
        self.put(Value::Float(digits.parse().unwrap_or(f64::NAN)));
    }
    fn begin_seq(&mut self) {
        self.open.push((Value::Seq(Vec::new()), None));
    }
    fn item(&mut self) {}
    fn end_seq(&mut self) {
        self.close();
    }
    fn begin_map(&mut self) {
        self.open.push((Value::Map(Vec::new()), None));
    }
    fn key(&mut self, key: &str) {
        if let Some((_, next)) = self.open.last_mut() {
            *next = Some(key.to_owned());
        }
    }
    fn end_map(&mut self) {
        self.close();
    }
    fn fail(&mut self, _failure: crate::render::Failure) {}
    fn scalar_keys_as_strings(&self) -> bool {
        true
    }
}

macro_rules! value_from {
    ($($ty:ty => |$v:ident| $e:expr),* $(,)?) => {$(
        impl From<$ty> for Value {
            fn from($v: $ty) -> Value {
                $e
            }
        }
    )*};
}
value_from!(
    bool => |v| Value::Bool(v),
    i32 => |v| Value::Int(i64::from(v)),
    i64 => |v| Value::Int(v),
    u32 => |v| Value::Int(i64::from(v)),
    u16 => |v| Value::Int(i64::from(v)),
    f64 => |v| Value::Float(v),
    &str => |v| Value::String(v.to_owned()),
    String => |v| Value::String(v),
    () => |_v| Value::Null,
);

impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(items: Vec<T>) -> Value {
        Value::Seq(items.into_iter().map(Into::into).collect())
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Null, Into::into)
    }
}

/// Fields kvol does not model, set through the escape hatch: JSON names to values, in the
/// order they were set (setting a name again replaces its value in place). They render after
/// the modelled fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extras(Vec<(String, Value)>);

impl Extras {
    /// No extra fields.
    pub fn new() -> Self {
        Extras(Vec::new())
    }
    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// Sets `name` to `value` (replacing an earlier value of the same name).
    pub fn insert(&mut self, name: impl Into<String>, value: impl Into<Value>) {
        let name = name.into();
        let value = value.into();
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.0.push((name, value)),
        }
    }
    /// The value of `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
    /// The fields in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(n, v)| (n.as_str(), v))
    }
}

impl<K: Into<String>, V: Into<Value>> FromIterator<(K, V)> for Extras {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut extras = Extras::new();
        for (k, v) in iter {
            extras.insert(k, v);
        }
        extras
    }
}

/// A small JSON reader for [`Value::parse_json`].
struct JsonParser<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl JsonParser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn err<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("{what} at byte {}", self.i))
    }

    fn eat(&mut self, lit: &str) -> bool {
        if self.s[self.i..].starts_with(lit.as_bytes()) {
            self.i += lit.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self) -> Result<Value, String> {
        self.ws();
        if self.depth > 128 {
            return self.err("nesting too deep");
        }
        match self.s.get(self.i) {
            None => self.err("unexpected end"),
            Some(b'{') => {
                self.i += 1;
                self.depth += 1;
                let mut entries = Vec::new();
                self.ws();
                if self.eat("}") {
                    self.depth -= 1;
                    return Ok(Value::Map(entries));
                }
                loop {
                    self.ws();
                    let key = self.string()?;
                    self.ws();
                    if !self.eat(":") {
                        return self.err("expected `:`");
                    }
                    let v = self.value()?;
                    entries.push((key, v));
                    self.ws();
                    if self.eat(",") {
                        continue;
                    }
                    if self.eat("}") {
                        self.depth -= 1;
                        return Ok(Value::Map(entries));
                    }
                    return self.err("expected `,` or `}`");
                }
            }
            Some(b'[') => {
                self.i += 1;
                self.depth += 1;
                let mut items = Vec::new();
                self.ws();
                if self.eat("]") {
                    self.depth -= 1;
                    return Ok(Value::Seq(items));
                }
                loop {
                    items.push(self.value()?);
                    self.ws();
                    if self.eat(",") {
                        continue;
                    }
                    if self.eat("]") {
                        self.depth -= 1;
                        return Ok(Value::Seq(items));
                    }
                    return self.err("expected `,` or `]`");
                }
            }
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(_) if self.eat("true") => Ok(Value::Bool(true)),
            Some(_) if self.eat("false") => Ok(Value::Bool(false)),
            Some(_) if self.eat("null") => Ok(Value::Null),
            Some(_) => self.number(),
        }
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.i;
        while self.i < self.s.len()
            && matches!(
                self.s[self.i],
                b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'
            )
        {
            self.i += 1;
        }
        let text = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("");
        if text.is_empty() {
            return self.err("expected a value");
        }
        if let Ok(i) = text.parse::<i64>() {
            return Ok(Value::Int(i));
        }
        match text.parse::<f64>() {
            Ok(f) if f.is_finite() => Ok(Value::Float(f)),
            _ => {
                self.i = start;
                self.err("invalid number")
            }
        }
    }

    fn string(&mut self) -> Result<String, String> {
        if !self.eat("\"") {
            return self.err("expected a string");
        }
        let mut out = Vec::new();
        loop {
            let Some(&c) = self.s.get(self.i) else {
                return self.err("unterminated string");
            };
            self.i += 1;
            match c {
                b'"' => break,
                b'\\' => {
                    let Some(&e) = self.s.get(self.i) else {
                        return self.err("unterminated string");
                    };
                    self.i += 1;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hex = self.s.get(self.i..self.i + 4).unwrap_or(b"");
                            let code = std::str::from_utf8(hex)
                                .ok()
                                .and_then(|h| u32::from_str_radix(h, 16).ok());
                            self.i = (self.i + 4).min(self.s.len());
                            code.and_then(char::from_u32).unwrap_or('\u{fffd}')
                        }
                        _ => return self.err("invalid escape"),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                _ => out.push(c),
            }
        }
        String::from_utf8(out).or_else(|_| self.err("invalid UTF-8"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_json() {
        let v =
            Value::parse_json(r#" {"a": [1, -2.5, "x\n\u00e9", true, null], "b": {}} "#).unwrap();
        assert_eq!(
            v,
            Value::map([
                (
                    "a",
                    Value::Seq(vec![
                        Value::Int(1),
                        Value::Float(-2.5),
                        Value::from("x\né"),
                        Value::Bool(true),
                        Value::Null
                    ])
                ),
                ("b", Value::Map(vec![])),
            ])
        );
        assert!(Value::parse_json("{").is_err());
        assert!(Value::parse_json("[1,]").is_err());
        assert!(Value::parse_json("1 2").is_err());
        assert!(Value::parse_json("\"\\u12").is_err());
        assert!(Value::parse_json(&"[".repeat(1000)).is_err());
    }

    #[test]
    fn renders_through_kvol_writers() {
        let v = Value::map([("hostNetwork", Value::from(true)), ("x", Value::from(1.5))]);
        assert_eq!(v.to_string(), r#"{"hostNetwork":true,"x":1.5}"#);
        assert_eq!(
            crate::yaml::to_string(&v).unwrap(),
            "hostNetwork: true\nx: 1.5\n"
        );
    }

    #[test]
    fn extras_keep_order_and_replace() {
        let mut e = Extras::new();
        e.insert("b", 1);
        e.insert("a", 2);
        e.insert("b", 3);
        let names: Vec<&str> = e.iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["b", "a"]);
        assert_eq!(e.get("b"), Some(&Value::Int(3)));
    }
}

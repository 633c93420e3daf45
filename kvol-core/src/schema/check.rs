//! Strict decoding as the API server does it, over any [`Tree`].
//!
//! Kubernetes decodes a built-in kind with `sigs.k8s.io/json` (a fork of Go's `encoding/json`)
//! into its Go struct, with kubectl's default strict field validation:
//!
//! - an unknown field is a *strict* error, `unknown field "spec.containers[0].foo"` (the path
//!   from the root with array indices); every one is reported (deduplicated, at most 100), but
//!   only when decoding otherwise succeeded;
//! - a JSON value of the wrong type is an `UnmarshalTypeError`, `json: cannot unmarshal string
//!   into Go struct field Container.spec.containers.ports.containerPort of type int32`: the
//!   struct is the innermost Go struct, the field the path of JSON names from the root without
//!   indices or map keys, the type the Go type after pointers; a number that does not fit (or
//!   is not whole) says `number 3000000000`. Decoding goes on, and only the *first* such error
//!   is reported; base64 errors of `[]byte` fields (`illegal base64 data at input byte 4`) are
//!   kept the same way;
//! - a value with its own `UnmarshalJSON` (a Quantity, an IntOrString) that fails stops the
//!   decoding at once, and its error is the one reported (a Quantity's error is its parser's:
//!   `quantities must match the regular expression ...`).
//!
//! So the server's verdict ([`check_tree`]) is the first stopping error if any, else the first
//! type error if any, else every unknown field. [`check_tree_all`] gives every finding.
//!
//! Custom resources (the snapshot kinds) are decoded without Go types: unknown fields read the
//! same, and a wrong type is a schema validation error (`spec.volumeSnapshotClassName in body
//! must be of type string: "integer"`).

use super::{Container, Leaf, TypeRef, ValueType, root};
use crate::quantity::{Quantity, QuantityError};
use crate::tree::{Tree, TreeKey, TreeValue};
use crate::version::KubeVersion;
use std::collections::HashSet;
use std::fmt;

/// What kind of decoding error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DecodeErrorKind {
    /// A field the type does not have (strict field validation).
    UnknownField,
    /// A JSON value of the wrong type, or a number that does not fit (`encoding/json`'s
    /// `UnmarshalTypeError`); also a `[]byte` field whose string is not base64.
    TypeMismatch,
    /// A Quantity or IntOrString whose own decoding failed: the API server stops there.
    Unmarshaler,
    /// A custom resource's field of the wrong type (a schema validation error).
    CustomResourceType,
}

/// One decoding error, at its node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// What kind of error.
    pub kind: DecodeErrorKind,
    /// The message, as the API server words it.
    pub message: String,
    /// The field path with array indices (`spec.containers[0].image`).
    pub path: String,
    /// Line of the offending key (unknown field) or value, 1-based (0 when unknown).
    pub line: usize,
    /// Column, 1-based (0 when unknown).
    pub col: usize,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DecodeError {}

/// The API server's decoding verdict for a document of a known `apiVersion` and `kind`, in a
/// Kubernetes version: empty when it decodes; otherwise what the server reports (see the
/// [`schema`](crate::schema) module documentation). A document of a kind the table does not know gives no error.
pub fn check_tree<T: Tree>(doc: &T, version: KubeVersion) -> Vec<DecodeError> {
    verdict(check_tree_all(doc, version))
}

/// Every decoding problem of a document, in document order, not only what the server
/// reports (which [`check_tree`] picks).
pub fn check_tree_all<T: Tree>(doc: &T, version: KubeVersion) -> Vec<DecodeError> {
    let TreeValue::Map(entries) = doc.value() else {
        return Vec::new();
    };
    let text = |name: &str| {
        entries
            .iter()
            .find(|(k, _)| k.name() == name)
            .and_then(|(_, v)| match v.value() {
                TreeValue::String(s) => Some(s),
                _ => None,
            })
    };
    let (Some(api), Some(kind)) = (text("apiVersion"), text("kind")) else {
        return Vec::new();
    };
    match root(api, kind, version) {
        Some(ty) => check_tree_as(doc, ty, version),
        None => Vec::new(),
    }
}

/// Every decoding problem of a value read as the schema type `ty` (at the root of a
/// document), in document order.
pub fn check_tree_as<T: Tree>(doc: &T, ty: TypeRef, version: KubeVersion) -> Vec<DecodeError> {
    let mut walker = Walker {
        version,
        crd: ty.is_custom_resource(),
        strict_floats: false,
        path: String::new(),
        go_fields: String::new(),
        go_struct: ty.struct_name(),
        errors: Vec::new(),
        seen: HashSet::new(),
    };
    walker.object(doc, ty);
    walker.errors
}

/// Every decoding problem of `value` as the field `field` of the type `ty`, for an object at
/// `parent` (a field path with indices, `spec.template.spec`; empty at the root).
pub(crate) fn check_value<T: Tree>(
    value: &T,
    ty: TypeRef,
    field: super::FieldRef,
    parent: &str,
    version: KubeVersion,
) -> Vec<DecodeError> {
    let join = |p: &str| {
        if p.is_empty() {
            field.name().to_owned()
        } else {
            format!("{p}.{}", field.name())
        }
    };
    let mut go_parent = String::new();
    let mut depth = 0;
    for c in parent.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            _ if depth == 0 => go_parent.push(c),
            _ => {}
        }
    }
    let mut walker = Walker {
        version,
        crd: ty.is_custom_resource(),
        strict_floats: true,
        path: join(parent),
        go_fields: join(&go_parent),
        go_struct: ty.struct_name(),
        errors: Vec::new(),
        seen: HashSet::new(),
    };
    walker.value(value, field.value_type(), field.go_type());
    walker.errors
}

/// The server's pick among every finding (see the [`schema`](crate::schema) module documentation).
fn verdict(all: Vec<DecodeError>) -> Vec<DecodeError> {
    let first = |kind| all.iter().find(|e| e.kind == kind).cloned();
    if let Some(e) = first(DecodeErrorKind::Unmarshaler) {
        return vec![e];
    }
    if let Some(e) = first(DecodeErrorKind::TypeMismatch) {
        return vec![e];
    }
    // A custom resource's unknown fields fail the request before its schema validation.
    let unknown: Vec<DecodeError> = all
        .iter()
        .filter(|e| e.kind == DecodeErrorKind::UnknownField)
        .take(100)
        .cloned()
        .collect();
    if !unknown.is_empty() {
        return unknown;
    }
    all.into_iter()
        .filter(|e| e.kind == DecodeErrorKind::CustomResourceType)
        .collect()
}

struct Walker {
    version: KubeVersion,
    crd: bool,
    /// Whether a float is refused where an integer goes even when it is whole: for values
    /// kvol writes itself, whose JSON keeps the fraction (`2.0`), which Go's decoder refuses
    /// (a YAML document's whole float reaches the server as `2`).
    strict_floats: bool,
    /// The strict path (`spec.containers[0]`).
    path: String,
    /// encoding/json's field stack (JSON names joined with `.`, no indices).
    go_fields: String,
    /// encoding/json's innermost struct.
    go_struct: &'static str,
    errors: Vec<DecodeError>,
    seen: HashSet<String>,
}

impl Walker {
    fn push(&mut self, kind: DecodeErrorKind, message: String, line: usize, col: usize) {
        if kind == DecodeErrorKind::UnknownField && !self.seen.insert(message.clone()) {
            return;
        }
        self.errors.push(DecodeError {
            kind,
            message,
            path: self.path.clone(),
            line,
            col,
        });
    }

    /// encoding/json's `UnmarshalTypeError`, with the current context.
    fn type_error<T: Tree>(&mut self, node: &T, value: &str, go_type: &str) {
        let msg = if self.go_fields.is_empty() {
            format!("json: cannot unmarshal {value} into Go value of type {go_type}")
        } else {
            format!(
                "json: cannot unmarshal {value} into Go struct field {}.{} of type {go_type}",
                self.go_struct, self.go_fields
            )
        };
        self.push(DecodeErrorKind::TypeMismatch, msg, node.line(), node.col());
    }

    /// A custom resource's schema type error.
    fn crd_type_error<T: Tree>(&mut self, node: &T, expected: &str) {
        let found = match node.value() {
            TreeValue::Null => "null",
            TreeValue::Bool(_) => "boolean",
            TreeValue::Int(_) | TreeValue::UInt(_) => "integer",
            TreeValue::Float(_) => "number",
            TreeValue::String(_) => "string",
            TreeValue::Seq(_) => "array",
            TreeValue::Map(_) => "object",
        };
        let msg = format!(
            "{}: Invalid value: \"{found}\": {} in body must be of type {expected}: \"{found}\"",
            self.path, self.path
        );
        self.push(
            DecodeErrorKind::CustomResourceType,
            msg,
            node.line(),
            node.col(),
        );
    }

    fn object<T: Tree>(&mut self, node: &T, ty: TypeRef) {
        let entries = match node.value() {
            TreeValue::Null => return,
            TreeValue::Map(entries) => entries,
            _ if self.crd && ty.is_custom_resource() => {
                self.crd_type_error(node, "object");
                return;
            }
            other => {
                let json = other.json_type();
                self.type_error(node, json, ty.go_name());
                return;
            }
        };
        for (key, value) in entries {
            let name = key.name();
            let path_len = self.path.len();
            if !self.path.is_empty() {
                self.path.push('.');
            }
            self.path.push_str(name);
            match ty.field(name, self.version) {
                None => {
                    let msg = format!("unknown field \"{}\"", self.path);
                    self.push(DecodeErrorKind::UnknownField, msg, key.line(), key.col());
                }
                Some(field) => {
                    let saved_struct = self.go_struct;
                    let go_len = self.go_fields.len();
                    if !self.go_fields.is_empty() {
                        self.go_fields.push('.');
                    }
                    self.go_fields.push_str(field.name());
                    self.go_struct = ty.struct_name();
                    self.value(value, field.value_type(), field.go_type());
                    self.go_fields.truncate(go_len);
                    self.go_struct = saved_struct;
                }
            }
            self.path.truncate(path_len);
        }
    }

    fn value<T: Tree>(&mut self, node: &T, vt: ValueType, go_type: &str) {
        if self.crd {
            return self.crd_value(node, vt);
        }
        match vt.container {
            Container::None => self.leaf(node, vt.leaf, go_type),
            _ => {
                let element = vt.element().unwrap_or(vt);
                let element_go = element_go_type(go_type, element);
                match node.value() {
                    TreeValue::Null => {}
                    TreeValue::Seq(items) if vt.is_array() => {
                        for (i, item) in items.iter().enumerate() {
                            let len = self.path.len();
                            self.path.push_str(&format!("[{i}]"));
                            self.value(item, element, &element_go);
                            self.path.truncate(len);
                        }
                    }
                    TreeValue::Map(entries) if vt.is_map() => {
                        for (key, item) in entries {
                            let len = self.path.len();
                            self.path.push('.');
                            self.path.push_str(key.name());
                            self.value(item, element, &element_go);
                            self.path.truncate(len);
                        }
                    }
                    other => {
                        let json = other.json_type();
                        self.type_error(node, json, go_type);
                    }
                }
            }
        }
    }

    fn leaf<T: Tree>(&mut self, node: &T, leaf: Leaf, go_type: &str) {
        let value = node.value();
        match leaf {
            Leaf::Object(ty) => self.object(node, ty),
            Leaf::Free => {}
            Leaf::String => match value {
                TreeValue::Null | TreeValue::String(_) => {}
                other => self.type_error(node, other.json_type(), go_type),
            },
            Leaf::Bool => match value {
                TreeValue::Null | TreeValue::Bool(_) => {}
                other => self.type_error(node, other.json_type(), go_type),
            },
            Leaf::Number => match value {
                TreeValue::Null | TreeValue::Int(_) | TreeValue::UInt(_) | TreeValue::Float(_) => {}
                other => self.type_error(node, other.json_type(), go_type),
            },
            Leaf::Int32 | Leaf::Int64 => {
                let (lo, hi) = if leaf == Leaf::Int32 {
                    (i64::from(i32::MIN), i64::from(i32::MAX))
                } else {
                    (i64::MIN, i64::MAX)
                };
                if let Some(bad) = integer_problem(&value, lo, hi, self.strict_floats) {
                    self.type_error(node, &bad, go_type);
                }
            }
            Leaf::Bytes => match value {
                TreeValue::Null => {}
                TreeValue::String(s) => {
                    if let Err(at) = check_base64(s.as_bytes()) {
                        let msg = format!("illegal base64 data at input byte {at}");
                        self.push(DecodeErrorKind::TypeMismatch, msg, node.line(), node.col());
                    }
                }
                other => self.type_error(node, other.json_type(), go_type),
            },
            Leaf::Quantity => {
                let text = match value {
                    TreeValue::Null => return,
                    TreeValue::String(s) => go_trim_space(s).to_owned(),
                    TreeValue::Int(i) => i.to_string(),
                    TreeValue::UInt(u) => u.to_string(),
                    TreeValue::Float(f) => go_float(f),
                    TreeValue::Bool(b) => b.to_string(),
                    TreeValue::Seq(_) => "[".to_owned(),
                    TreeValue::Map(_) => "{".to_owned(),
                };
                if let Err(e) = text.parse::<Quantity>()
                    && e.message != QuantityError::TOO_LARGE
                {
                    self.push(
                        DecodeErrorKind::Unmarshaler,
                        e.message,
                        node.line(),
                        node.col(),
                    );
                }
            }
            Leaf::IntOrString => {
                let bad = match value {
                    TreeValue::Null | TreeValue::String(_) => None,
                    TreeValue::Bool(_) => Some("bool".to_owned()),
                    TreeValue::Seq(_) => Some("array".to_owned()),
                    TreeValue::Map(_) => Some("object".to_owned()),
                    ref number => integer_problem(
                        number,
                        i64::from(i32::MIN),
                        i64::from(i32::MAX),
                        self.strict_floats,
                    ),
                };
                if let Some(bad) = bad {
                    let before = self.errors.len();
                    self.type_error(node, &bad, "int32");
                    if let Some(e) = self.errors.get_mut(before) {
                        e.kind = DecodeErrorKind::Unmarshaler;
                    }
                }
            }
        }
    }

    /// A custom resource's value: unknown fields as for built-in kinds, wrong types as schema
    /// validation errors (JSON schema type words).
    fn crd_value<T: Tree>(&mut self, node: &T, vt: ValueType) {
        let value = node.value();
        if matches!(value, TreeValue::Null) {
            return;
        }
        match vt.container {
            Container::None => match vt.leaf {
                Leaf::Object(ty) => self.object(node, ty),
                Leaf::Free => {}
                Leaf::String | Leaf::Bytes => {
                    if !matches!(value, TreeValue::String(_)) {
                        self.crd_type_error(node, "string");
                    }
                }
                Leaf::Bool => {
                    if !matches!(value, TreeValue::Bool(_)) {
                        self.crd_type_error(node, "boolean");
                    }
                }
                Leaf::Int32 | Leaf::Int64 => {
                    if !matches!(value, TreeValue::Int(_) | TreeValue::UInt(_)) {
                        self.crd_type_error(node, "integer");
                    }
                }
                Leaf::Number => {
                    if !matches!(
                        value,
                        TreeValue::Int(_) | TreeValue::UInt(_) | TreeValue::Float(_)
                    ) {
                        self.crd_type_error(node, "number");
                    }
                }
                Leaf::Quantity | Leaf::IntOrString => {
                    if !matches!(
                        value,
                        TreeValue::Int(_) | TreeValue::UInt(_) | TreeValue::String(_)
                    ) {
                        self.crd_type_error(node, "integer or string");
                    }
                }
            },
            _ => {
                let element = vt.element().unwrap_or(vt);
                match value {
                    TreeValue::Seq(items) if vt.is_array() => {
                        for (i, item) in items.iter().enumerate() {
                            let len = self.path.len();
                            self.path.push_str(&format!("[{i}]"));
                            self.crd_value(item, element);
                            self.path.truncate(len);
                        }
                    }
                    TreeValue::Map(entries) if vt.is_map() => {
                        for (key, item) in entries {
                            let len = self.path.len();
                            self.path.push('.');
                            self.path.push_str(key.name());
                            self.crd_value(item, element);
                            self.path.truncate(len);
                        }
                    }
                    _ => {
                        let expected = if vt.is_array() { "array" } else { "object" };
                        self.crd_type_error(node, expected);
                    }
                }
            }
        }
    }
}

/// The Go type of an element of a container whose Go type is `go_type` (`[]v1.Container` →
/// `v1.Container`); a named container type (`v1.ResourceList`) falls back to the schema's.
fn element_go_type(go_type: &str, element: ValueType) -> String {
    if let Some(rest) = go_type.strip_prefix("[]") {
        rest.to_owned()
    } else if let Some(rest) = go_type.strip_prefix("map[string]") {
        rest.to_owned()
    } else {
        element.go_type()
    }
}

/// What `encoding/json` says of a JSON value stored into an integer of `lo..=hi`: `None` when
/// it fits; otherwise the `Value` of its `UnmarshalTypeError` (`number 3000000000`, `string`).
fn integer_problem<T: Tree>(
    value: &TreeValue<'_, T>,
    lo: i64,
    hi: i64,
    strict_floats: bool,
) -> Option<String> {
    match *value {
        TreeValue::Null => None,
        TreeValue::Int(i) if (lo..=hi).contains(&i) => None,
        TreeValue::Int(i) => Some(format!("number {i}")),
        TreeValue::UInt(u) => Some(format!("number {u}")),
        TreeValue::Float(f) if strict_floats => Some(format!("number {f:?}")),
        TreeValue::Float(f) => {
            // The YAML reader's float reaches the server as Go prints a float64 in JSON: a
            // whole number prints without a fraction and decodes into an integer.
            let text = go_float(f);
            match text.parse::<i64>() {
                Ok(i) if (lo..=hi).contains(&i) => None,
                _ => Some(format!("number {text}")),
            }
        }
        ref other => Some(other.json_type().to_owned()),
    }
}

/// A float64 as Go's `encoding/json` writes it: the shortest decimal that reads back, in
/// positional form for magnitudes in `[1e-6, 1e21)`, otherwise with an exponent (`1e+21`,
/// `1e-7`).
fn go_float(f: f64) -> String {
    let abs = f.abs();
    if abs == 0.0 || (1e-6..1e21).contains(&abs) {
        return format!("{f}");
    }
    let s = format!("{f:e}");
    match s.split_once('e') {
        Some((mantissa, exp)) if exp.starts_with('-') => format!("{mantissa}e{exp}"),
        Some((mantissa, exp)) => format!("{mantissa}e+{exp}"),
        None => s,
    }
}

/// Go's `strings.TrimSpace`: Unicode white space at both ends.
fn go_trim_space(s: &str) -> &str {
    s.trim_matches(char::is_whitespace)
}

/// Go's `base64.StdEncoding.Decode` on `src`: `Err(offset)` of its `CorruptInputError`.
fn check_base64(src: &[u8]) -> Result<(), usize> {
    fn sextet(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b == b'+' || b == b'/'
    }
    let mut si = 0;
    loop {
        // One quantum of four characters (newlines skipped).
        let mut j = 0;
        while j < 4 {
            if si == src.len() {
                return match j {
                    0 => Ok(()),
                    _ => Err(si - j),
                };
            }
            let c = src[si];
            si += 1;
            if sextet(c) {
                j += 1;
                continue;
            }
            if c == b'\n' || c == b'\r' {
                continue;
            }
            if c != b'=' {
                return Err(si - 1);
            }
            // Padding: the end of the data.
            match j {
                0 | 1 => return Err(si - 1),
                2 => {
                    while si < src.len() && (src[si] == b'\n' || src[si] == b'\r') {
                        si += 1;
                    }
                    if si == src.len() {
                        return Err(src.len());
                    }
                    if src[si] != b'=' {
                        return Err(si - 1);
                    }
                    si += 1;
                }
                _ => {}
            }
            while si < src.len() && (src[si] == b'\n' || src[si] == b'\r') {
                si += 1;
            }
            return if si < src.len() { Err(si) } else { Ok(()) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Value;

    fn v(minor: u32) -> KubeVersion {
        KubeVersion::new(minor).unwrap()
    }

    fn doc(json: &str) -> Value {
        Value::parse_json(json).expect("test JSON")
    }

    fn messages(errors: &[DecodeError]) -> Vec<&str> {
        errors.iter().map(|e| e.message.as_str()).collect()
    }

    #[test]
    fn unknown_fields_with_indices() {
        let d = doc(
            r#"{"apiVersion":"apps/v1","kind":"Deployment","spec":{"template":{"spec":{
            "initContainers":[{"name":"a","image":"b","volumeMounts":[{"name":"x","mountPath":"/x","hostPath":"/"}]}],
            "foo":1}}}}"#,
        );
        assert_eq!(
            messages(&check_tree(&d, v(34))),
            [
                r#"unknown field "spec.template.spec.initContainers[0].volumeMounts[0].hostPath""#,
                r#"unknown field "spec.template.spec.foo""#,
            ]
        );
    }

    #[test]
    fn first_type_error_wins_over_unknown_fields() {
        let d = doc(
            r#"{"apiVersion":"v1","kind":"Pod","spec":{"foo":1,"containers":[
            {"name":"a","image":1,"ports":[{"containerPort":"80"}]}]}}"#,
        );
        let all = check_tree_all(&d, v(34));
        assert_eq!(all.len(), 3);
        assert_eq!(
            messages(&check_tree(&d, v(34))),
            [
                "json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string"
            ]
        );
    }

    #[test]
    fn integers() {
        let d = doc(r#"{"apiVersion":"v1","kind":"Pod","spec":{"containers":[
            {"name":"a","image":"b","ports":[{"containerPort":3000000000}]}]}}"#);
        assert_eq!(
            messages(&check_tree(&d, v(34))),
            [
                "json: cannot unmarshal number 3000000000 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32"
            ]
        );
        let d = doc(
            r#"{"apiVersion":"v1","kind":"Pod","spec":{"terminationGracePeriodSeconds":30.0}}"#,
        );
        assert!(check_tree(&d, v(34)).is_empty());
        let d =
            doc(r#"{"apiVersion":"v1","kind":"Pod","spec":{"terminationGracePeriodSeconds":1.5}}"#);
        assert_eq!(
            messages(&check_tree(&d, v(34))),
            [
                "json: cannot unmarshal number 1.5 into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64"
            ]
        );
    }

    #[test]
    fn objects_and_arrays() {
        let d = doc(r#"{"apiVersion":"v1","kind":"Pod","spec":"x"}"#);
        assert_eq!(
            messages(&check_tree(&d, v(34))),
            ["json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec"]
        );
        let d = doc(r#"{"apiVersion":"v1","kind":"Pod","spec":{"containers":{"name":"a"}}}"#);
        assert_eq!(
            messages(&check_tree(&d, v(34))),
            [
                "json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container"
            ]
        );
        let d = doc(r#"{"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"args":[1]}]}}"#);
        assert_eq!(
            messages(&check_tree(&d, v(34))),
            [
                "json: cannot unmarshal number into Go struct field Container.spec.containers.args of type string"
            ]
        );
        let d = doc(
            r#"{"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"resources":{"limits":[]}}]}}"#,
        );
        assert_eq!(
            messages(&check_tree(&d, v(34))),
            [
                "json: cannot unmarshal array into Go struct field ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList"
            ]
        );
    }

    #[test]
    fn quantities_stop_decoding() {
        let d = doc(
            r#"{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":1},
            "spec":{"resources":{"requests":{"storage":"1 Gi"}}}}"#,
        );
        assert_eq!(
            messages(&check_tree(&d, v(34))),
            [QuantityError::FORMAT_WRONG]
        );
        let ok = doc(r#"{"apiVersion":"v1","kind":"PersistentVolumeClaim",
            "spec":{"resources":{"requests":{"storage":" 1Gi ","cpu":1.5,"memory":1024}}}}"#);
        assert!(check_tree(&ok, v(34)).is_empty());
        let bad = doc(r#"{"apiVersion":"v1","kind":"PersistentVolumeClaim",
            "spec":{"resources":{"requests":{"storage":"1K"}}}}"#);
        assert_eq!(messages(&check_tree(&bad, v(34))), [QuantityError::SUFFIX]);
    }

    #[test]
    fn map_values_and_stopping_errors() {
        let d = doc(r#"{"apiVersion":"v1","kind":"Pod","spec":{"nodeSelector":{"a":1}}}"#);
        assert_eq!(
            messages(&check_tree(&d, v(34))),
            [
                "json: cannot unmarshal number into Go struct field PodSpec.spec.nodeSelector of type string"
            ]
        );
        // An IntOrString's error stops decoding: it wins over an earlier type error.
        let d = doc(
            r#"{"apiVersion":"v1","kind":"Service","spec":{"clusterIP":1,"ports":[{"port":80,"targetPort":{}}]}}"#,
        );
        assert_eq!(
            messages(&check_tree(&d, v(34))),
            [
                "json: cannot unmarshal object into Go struct field ServicePort.spec.ports.targetPort of type int32"
            ]
        );
    }

    #[test]
    fn int_or_string() {
        let d = doc(r#"{"apiVersion":"v1","kind":"Service","spec":{"ports":[
            {"port":80,"targetPort":"http"},{"port":81,"targetPort":true}]}}"#);
        assert_eq!(
            messages(&check_tree(&d, v(34))),
            [
                "json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32"
            ]
        );
    }

    #[test]
    fn base64() {
        assert_eq!(check_base64(b"aGVsbG8="), Ok(()));
        assert_eq!(check_base64(b"aGVs\nbG8="), Ok(()));
        assert_eq!(check_base64(b""), Ok(()));
        assert_eq!(check_base64(b"aGVsbG8"), Err(4));
        assert_eq!(check_base64(b"a!"), Err(1));
        assert_eq!(check_base64(b"aGVsbG8=x"), Err(8));
        assert_eq!(check_base64(b"a==="), Err(1));
        let d = doc(r#"{"apiVersion":"v1","kind":"Secret","data":{"a":"not base64!"}}"#);
        assert_eq!(
            messages(&check_tree(&d, v(34))),
            ["illegal base64 data at input byte 3"]
        );
    }

    #[test]
    fn versions_and_kinds() {
        let d = doc(r#"{"apiVersion":"v1","kind":"Pod","spec":{"resources":{}}}"#);
        assert_eq!(
            messages(&check_tree(&d, v(31))),
            [r#"unknown field "spec.resources""#]
        );
        assert!(check_tree(&d, v(32)).is_empty());
        let other = doc(r#"{"apiVersion":"example.com/v1","kind":"Thing","spec":{"x":1}}"#);
        assert!(check_tree(&other, v(34)).is_empty());
    }

    #[test]
    fn custom_resources() {
        let d = doc(
            r#"{"apiVersion":"snapshot.storage.k8s.io/v1","kind":"VolumeSnapshot",
            "spec":{"volumeSnapshotClassName":1,"source":{"pvc":"x"}}}"#,
        );
        let all = check_tree_all(&d, v(34));
        assert_eq!(
            messages(&all),
            [
                r#"spec.volumeSnapshotClassName: Invalid value: "integer": spec.volumeSnapshotClassName in body must be of type string: "integer""#,
                r#"unknown field "spec.source.pvc""#,
            ]
        );
    }

    #[test]
    fn positions() {
        let d = doc(r#"{"apiVersion":"v1","kind":"Pod","spec":{"foo":1}}"#);
        let e = &check_tree(&d, v(34))[0];
        assert_eq!((e.line, e.col), (0, 0));
        assert_eq!(e.path, "spec.foo");
    }

    #[test]
    fn go_floats() {
        assert_eq!(go_float(1.5), "1.5");
        assert_eq!(go_float(3.0), "3");
        assert_eq!(go_float(1e21), "1e+21");
        assert_eq!(go_float(1e-7), "1e-7");
    }
}

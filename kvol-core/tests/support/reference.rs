//! Comparing rendered documents with the seed's reference manifests
//! (`kvol-core/tests/data/reference/`, copied from `shared/reference/`), as JSON values. Shared
//! by kvol-core's builder acceptance test and the root crate's example test.
#![allow(dead_code)]

use serde::Deserialize;
use serde_json::Value;

/// The reference folder, from kvol-core's tests or from the workspace root's.
fn reference_dir() -> String {
    let here = env!("CARGO_MANIFEST_DIR");
    let local = format!("{here}/tests/data/reference");
    if std::path::Path::new(&local).is_dir() {
        local
    } else {
        format!("{here}/kvol-core/tests/data/reference")
    }
}

/// Fields the API server defaults, which kvol writes out and the references leave implicit:
/// `(list the object is an element of, key, value)`.
///
/// - `ports[].protocol: TCP`: ContainerPort (`+default="TCP"`) and ServicePort
///   (`SetDefaults_Service`), k8s-rules.md §12.
pub const DOCUMENTED_DEFAULTS: &[(&str, &str, &str)] = &[("ports", "protocol", "TCP")];

/// The documents of a reference file, as JSON values.
pub fn reference(file: &str) -> Vec<Value> {
    let path = format!("{}/{file}", reference_dir());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_yaml::Deserializer::from_str(&text)
        .map(|doc| Value::deserialize(doc).unwrap_or_else(|e| panic!("{path}: {e}")))
        .collect()
}

/// Every difference between `actual` and `expected` below `path`; `list` is the key of the list
/// `actual` is an element of (for [`DOCUMENTED_DEFAULTS`]).
pub fn diff(path: &str, list: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                match a.get(k) {
                    Some(av) => diff(&format!("{path}.{k}"), k, ev, av, out),
                    None => out.push(format!("{path}.{k}: missing (expected {ev})")),
                }
            }
            for (k, av) in a.iter().filter(|(k, _)| !e.contains_key(*k)) {
                let default = DOCUMENTED_DEFAULTS
                    .iter()
                    .any(|&(l, dk, dv)| l == list && dk == k && av.as_str() == Some(dv));
                if !default {
                    out.push(format!("{path}.{k}: unexpected {av}"));
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                diff(&format!("{path}[{i}]"), list, ev, av, out);
            }
        }
        _ if expected == actual => {}
        _ => out.push(format!("{path}: expected {expected}, got {actual}")),
    }
}

/// Asserts that `actual` means what the reference file says.
pub fn assert_matches_reference(file: &str, actual: Vec<Value>) {
    let expected = reference(file);
    assert_eq!(actual.len(), expected.len(), "{file}: number of documents");
    let mut out = Vec::new();
    for (i, (e, a)) in expected.iter().zip(&actual).enumerate() {
        diff(&format!("doc{i}"), "", e, a, &mut out);
    }
    assert!(out.is_empty(), "{file} differs:\n  {}", out.join("\n  "));
}

/// The documents of a YAML stream, as JSON values (read with serde_yaml).
pub fn yaml_documents(text: &str) -> Vec<Value> {
    serde_yaml::Deserializer::from_str(text)
        .map(|doc| Value::deserialize(doc).unwrap_or_else(|e| panic!("rendered YAML: {e}")))
        .collect()
}

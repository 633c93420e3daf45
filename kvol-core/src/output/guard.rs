//! The StatefulSet guard: fields Kubernetes forbids changing on an existing StatefulSet.

use super::{ImmutableChange, OutputError, fs_ops::Folder, plan::Plan};
use crate::quantity::Quantity;
use serde_json::Value;
use std::path::Path;

/// The spec fields an update may not change (k8s-rules.md §13): everything but replicas,
/// ordinals, template, updateStrategy, persistentVolumeClaimRetentionPolicy and minReadySeconds.
pub(super) const IMMUTABLE_FIELDS: [&str; 4] = [
    "selector",
    "serviceName",
    "volumeClaimTemplates",
    "podManagementPolicy",
];

/// Compares every new StatefulSet with the one kvol wrote before under the same name and
/// namespace, if any.
pub(super) fn check(dir: &Path, plan: &Plan, folder: &Folder) -> Result<(), OutputError> {
    if plan.statefulsets.is_empty() || folder.old_statefulsets.is_empty() {
        return Ok(());
    }
    let mut old = Vec::new();
    for (file, bytes) in &folder.old_statefulsets {
        let path = dir.join(file);
        let value: Value =
            serde_yaml::from_slice(bytes).map_err(|e| OutputError::PreviousFile {
                path: path.clone(),
                message: e.to_string(),
            })?;
        if value.get("kind").and_then(Value::as_str) == Some("StatefulSet") {
            old.push((path, value));
        }
    }
    let mut changes = Vec::new();
    for new in &plan.statefulsets {
        for (path, old) in &old {
            let meta = old.get("metadata");
            let name = meta.and_then(|m| m.get("name")).and_then(Value::as_str);
            let namespace = meta
                .and_then(|m| m.get("namespace"))
                .and_then(Value::as_str);
            if name != Some(new.name.as_str()) || namespace != new.namespace.as_deref() {
                continue;
            }
            for field in IMMUTABLE_FIELDS {
                let before = normalized(field, old.get("spec").and_then(|s| s.get(field)));
                let after = normalized(field, new.document.get("spec").and_then(|s| s.get(field)));
                let mut differences = Vec::new();
                diff(
                    &format!("spec.{field}"),
                    before.as_ref(),
                    after.as_ref(),
                    &mut differences,
                );
                for (at, was, now) in differences {
                    changes.push(ImmutableChange {
                        statefulset: new.name.clone(),
                        namespace: new.namespace.clone(),
                        previous_file: path.clone(),
                        field: format!("spec.{field}"),
                        path: at,
                        old: was,
                        new: now,
                    });
                }
            }
        }
    }
    if changes.is_empty() {
        Ok(())
    } else {
        Err(OutputError::ImmutableFields(changes))
    }
}

/// The value as the API server holds it after defaulting, where kvol may leave a default out.
fn normalized(field: &str, value: Option<&Value>) -> Option<Value> {
    match (field, value) {
        ("podManagementPolicy", None) => Some(Value::from("OrderedReady")),
        ("volumeClaimTemplates", None) => Some(Value::Array(Vec::new())),
        ("volumeClaimTemplates", Some(Value::Array(templates))) => Some(Value::Array(
            templates
                .iter()
                .map(|t| {
                    let mut t = t.clone();
                    if let Some(spec) = t.get_mut("spec").and_then(Value::as_object_mut) {
                        spec.entry("volumeMode").or_insert("Filesystem".into());
                    }
                    t
                })
                .collect(),
        )),
        (_, v) => v.cloned(),
    }
}

/// Two storage sizes the API server reads as the same quantity (`1Gi`, `1024Mi`).
fn same_quantity(path: &str, old: &Value, new: &Value) -> bool {
    if !(path.contains(".resources.requests.") || path.contains(".resources.limits.")) {
        return false;
    }
    match (old.as_str(), new.as_str()) {
        (Some(a), Some(b)) => match (a.parse::<Quantity>(), b.parse::<Quantity>()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        },
        _ => false,
    }
}

/// Every leaf where `old` and `new` differ, as `(path, old, new)`.
fn diff(
    path: &str,
    old: Option<&Value>,
    new: Option<&Value>,
    out: &mut Vec<(String, Option<Value>, Option<Value>)>,
) {
    match (old, new) {
        (Some(Value::Object(a)), Some(Value::Object(b))) => {
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                diff(&format!("{path}.{k}"), a.get(k), b.get(k), out);
            }
        }
        (Some(Value::Array(a)), Some(Value::Array(b))) => {
            for i in 0..a.len().max(b.len()) {
                diff(&format!("{path}[{i}]"), a.get(i), b.get(i), out);
            }
        }
        (Some(a), Some(b)) if a == b || same_quantity(path, a, b) => {}
        (None, None) => {}
        (a, b) => out.push((path.to_owned(), a.cloned(), b.cloned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn diffs(old: Value, new: Value) -> Vec<(String, Option<Value>, Option<Value>)> {
        let mut out = Vec::new();
        diff("spec.x", Some(&old), Some(&new), &mut out);
        out
    }

    #[test]
    fn leaf_paths() {
        assert!(diffs(json!({"a": [1, {"b": 2}]}), json!({"a": [1, {"b": 2}]})).is_empty());
        assert_eq!(
            diffs(json!({"a": [1, {"b": 2}]}), json!({"a": [1, {"b": 3}, 4]})),
            [
                ("spec.x.a[1].b".to_owned(), Some(json!(2)), Some(json!(3))),
                ("spec.x.a[2]".to_owned(), None, Some(json!(4))),
            ]
        );
        assert_eq!(
            diffs(json!({"a": 1}), json!({"b": 1})),
            [
                ("spec.x.a".to_owned(), Some(json!(1)), None),
                ("spec.x.b".to_owned(), None, Some(json!(1))),
            ]
        );
    }

    #[test]
    fn quantities_compare_by_value() {
        let t = |size: &str| json!({"spec": {"resources": {"requests": {"storage": size}}}});
        assert!(diffs(t("1Gi"), t("1024Mi")).is_empty());
        assert_eq!(diffs(t("1Gi"), t("2Gi")).len(), 1);
        // Only sizes: the same text elsewhere is compared as text.
        assert_eq!(diffs(json!({"n": "1Gi"}), json!({"n": "1024Mi"})).len(), 1);
    }

    #[test]
    fn server_defaults() {
        assert_eq!(
            normalized("podManagementPolicy", None),
            Some(json!("OrderedReady"))
        );
        assert_eq!(
            normalized("volumeClaimTemplates", Some(&json!([{"spec": {}}]))),
            Some(json!([{"spec": {"volumeMode": "Filesystem"}}]))
        );
        assert_eq!(normalized("volumeClaimTemplates", None), Some(json!([])));
        assert_eq!(normalized("serviceName", None), None);
    }
}

//! The strict-decode check (`schema::check_tree`) on real manifests that other people wrote
//! (`../shared/realworld/docs/` next to the repository, when present): documents that
//! Kubernetes accepts must decode without errors in every version that has their kind.
//! The YAML is read with serde_yaml (the test only needs the documents' values); the YAML
//! reader of `kvol check` implements `Tree` itself.

use kvol_core::{KubeVersion, schema::Value};
use std::path::Path;

fn to_value(y: &serde_yaml::Value) -> Value {
    match y {
        serde_yaml::Value::Null => Value::Null,
        serde_yaml::Value::Bool(b) => Value::Bool(*b),
        serde_yaml::Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => Value::Int(i),
            (None, Some(f)) => Value::Float(f),
            _ => Value::Null,
        },
        serde_yaml::Value::String(s) => Value::String(s.clone()),
        serde_yaml::Value::Sequence(items) => Value::Seq(items.iter().map(to_value).collect()),
        serde_yaml::Value::Mapping(m) => Value::Map(
            m.iter()
                .map(|(k, v)| {
                    let key = match k {
                        serde_yaml::Value::String(s) => s.clone(),
                        other => serde_yaml::to_string(other)
                            .unwrap_or_default()
                            .trim()
                            .to_owned(),
                    };
                    // serde_yaml reads YAML 1.2, where go-yaml v2's octal file modes
                    // (`defaultMode: 0755`) are strings, and cannot tell them from quoted
                    // strings: file modes are read as Kubernetes reads them.
                    let value = match v {
                        serde_yaml::Value::String(s)
                            if (key == "defaultMode" || key == "mode")
                                && s.starts_with('0')
                                && s.bytes().all(|b| (b'0'..=b'7').contains(&b)) =>
                        {
                            Value::Int(i64::from_str_radix(s, 8).unwrap_or_default())
                        }
                        other => to_value(other),
                    };
                    (key, value)
                })
                .collect(),
        ),
        serde_yaml::Value::Tagged(t) => to_value(&t.value),
    }
}

#[test]
fn real_manifests_decode() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/realworld/docs");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is not here", dir.display());
        return;
    };
    let mut problems = Vec::new();
    let mut checked = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for (i, doc) in serde_yaml::Deserializer::from_str(&text).enumerate() {
            let Ok(y) = <serde_yaml::Value as serde::Deserialize>::deserialize(doc) else {
                continue;
            };
            let v = to_value(&y);
            for version in KubeVersion::all() {
                let errors = kvol_core::schema::check_tree_all(&v, version);
                let known = y["apiVersion"]
                    .as_str()
                    .zip(y["kind"].as_str())
                    .and_then(|(api, kind)| kvol_core::schema::root(api, kind, version));
                checked += usize::from(known.is_some());
                for e in errors {
                    problems.push(format!(
                        "{}#{i} @{version}: {}",
                        path.file_name().unwrap_or_default().to_string_lossy(),
                        e.message
                    ));
                }
            }
        }
    }
    // 85 files of which most documents are of a kind the table has, times 8 versions.
    assert!(checked > 400, "only {checked} documents of known kinds");
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

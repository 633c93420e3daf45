//! The production-style examples written from other people's manifests mean what those
//! manifests say. The originals are read where they are, in `../shared/realworld/docs/` beside
//! the checkout (they are not copied into the project); without that folder the test is skipped
//! with a message, as kvol-read's `realworld_coverage` is.
//!
//! Both sides are read as Kubernetes reads them (`kvol_read`: go-yaml v2's YAML 1.1, so the
//! original's `defaultMode: 0755` is 493) and brought to the form the API server stores:
//!
//! - a Secret's `stringData` is merged into `data` as base64 (the API server does this on
//!   write; the `data` keys are then what is stored and what pods see). The examples write the
//!   originals' `data` as it is, so this only matters for sets written with `string_data`;
//! - `protocol: TCP` is filled in on container and Service ports that have none (the API
//!   server's defaults: ContainerPort `+default="TCP"`, `SetDefaults_Service`;
//!   `shared/k8s-rules.md` §12). It is the one default kvol spells out in these sets.
//!
//! Then every document of the originals must have exactly one rendered document of the same
//! kind, name and namespace, every rendered document must be one of the originals' (no object
//! the originals do not have), and the two must agree leaf for leaf: the same scalars (resource
//! quantities compared by value, `0.5` = `500m`), lists of the same length in the same order,
//! and a key on one side only is allowed only when its value means "not set" (`null`, `false`,
//! `[]`, `{}`: `readOnly: false` is no `readOnly`).

#[path = "../examples/gke_redis_cluster.rs"]
mod gke_redis_cluster;
#[path = "../examples/gke_stateful_mysql.rs"]
mod gke_stateful_mysql;
#[path = "../examples/thanos_store.rs"]
mod thanos_store;

use kvol::{Manifests, Quantity, Valid, config::Bytes};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// `shared/realworld/docs`, beside the checkout.
fn docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/realworld/docs")
}

/// The documents of a YAML stream as Kubernetes reads them, as JSON, in the stored form.
fn read(text: &str, what: &str) -> Vec<Value> {
    kvol_read::read_stream(text)
        .into_iter()
        .map(|doc| {
            let doc = doc.unwrap_or_else(|e| panic!("{what}: {e}"));
            let mut json: Value = serde_json::from_str(&doc.value.to_json()).unwrap();
            stored(&mut json);
            json
        })
        .collect()
}

/// The form the API server stores: `stringData` merged into `data`, port protocols defaulted.
fn stored(doc: &mut Value) {
    if doc["kind"] == "Secret"
        && let Some(Value::Object(string_data)) = doc.as_object_mut().unwrap().remove("stringData")
    {
        let data = doc
            .as_object_mut()
            .unwrap()
            .entry("data")
            .or_insert_with(|| Value::Object(Map::new()));
        for (key, text) in string_data {
            let text = text.as_str().expect("stringData values are strings");
            data[key.as_str()] = Value::String(Bytes(text.as_bytes().to_vec()).to_base64());
        }
    }
    default_protocols(doc);
}

/// `protocol: TCP` on every element of a `ports` list that has no protocol (container ports,
/// Service ports: the only `ports` lists of these kinds).
fn default_protocols(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if key == "ports"
                    && let Value::Array(ports) = v
                {
                    for port in ports.iter_mut().filter_map(Value::as_object_mut) {
                        port.entry("protocol").or_insert_with(|| "TCP".into());
                    }
                }
                default_protocols(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(default_protocols),
        _ => {}
    }
}

/// What identifies a document: kind, name, namespace.
fn key(doc: &Value) -> (String, String, String) {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    (
        text(&doc["kind"]),
        text(&doc["metadata"]["name"]),
        text(&doc["metadata"]["namespace"]),
    )
}

/// `null`, `false`, `[]`, `{}`: what a missing key means too.
fn unset(v: &Value) -> bool {
    v.is_null()
        || *v == Value::Bool(false)
        || v.as_array().is_some_and(Vec::is_empty)
        || v.as_object().is_some_and(Map::is_empty)
}

/// Two resource quantities with the same value (`0.42` and `420m`, `1Gi` and `1024Mi`).
fn same_quantity(a: &Value, b: &Value) -> bool {
    let q = |v: &Value| match v {
        Value::String(s) => s.parse::<Quantity>().ok(),
        Value::Number(n) => n.to_string().parse::<Quantity>().ok(),
        _ => None,
    };
    matches!((q(a), q(b)), (Some(x), Some(y)) if x == y)
}

/// Every difference between an original and its rendered counterpart, below `path`.
fn diff(path: &str, original: &Value, rendered: &Value, out: &mut Vec<String>) {
    match (original, rendered) {
        (Value::Object(o), Value::Object(r)) => {
            for (k, ov) in o {
                let at = format!("{path}.{k}");
                match r.get(k) {
                    Some(rv) => diff(&at, ov, rv, out),
                    None if unset(ov) => {}
                    None => out.push(format!("{at}: {ov} is not in the rendered set")),
                }
            }
            for (k, rv) in r.iter().filter(|(k, _)| !o.contains_key(*k)) {
                if !unset(rv) {
                    out.push(format!("{path}.{k}: rendered {rv}, not in the original"));
                }
            }
        }
        (Value::Array(o), Value::Array(r)) if o.len() == r.len() => {
            for (i, (ov, rv)) in o.iter().zip(r).enumerate() {
                diff(&format!("{path}[{i}]"), ov, rv, out);
            }
        }
        _ if original == rendered => {}
        _ if is_quantity_path(path) && same_quantity(original, rendered) => {}
        _ => out.push(format!("{path}: original {original}, rendered {rendered}")),
    }
}

/// Leaves that are resource quantities: requests, limits, a claim's storage, a size limit.
fn is_quantity_path(path: &str) -> bool {
    path.contains(".resources.requests.")
        || path.contains(".resources.limits.")
        || path.ends_with(".sizeLimit")
}

/// Figures of one comparison, for the printed summary.
struct Compared {
    documents: usize,
    leaves: usize,
}

/// Compares the rendered set with the originals (file names in `../shared/realworld/docs/`);
/// `None` when the folder is absent.
fn compare(name: &str, set: &Valid<Manifests>, files: &[&str]) -> Option<Compared> {
    let dir = docs();
    if !dir.is_dir() {
        eprintln!("{} not found: {name} not compared", dir.display());
        return None;
    }
    let mut originals = Vec::new();
    for file in files {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        originals.extend(read(&text, file));
    }
    let rendered = read(&set.to_yaml(), name);
    let mut out = Vec::new();
    for o in &originals {
        let k = key(o);
        let matches: Vec<&Value> = rendered.iter().filter(|r| key(r) == k).collect();
        match matches.as_slice() {
            [r] => diff(&format!("{k:?}"), o, r, &mut out),
            [] => out.push(format!("{k:?}: no rendered counterpart")),
            _ => out.push(format!("{k:?}: {} rendered counterparts", matches.len())),
        }
    }
    for r in &rendered {
        let k = key(r);
        if !originals.iter().any(|o| key(o) == k) {
            out.push(format!("{k:?}: rendered, but not in the originals"));
        }
    }
    assert!(
        out.is_empty(),
        "{name} does not mean what the originals say:\n  {}",
        out.join("\n  ")
    );
    Some(Compared {
        documents: originals.len(),
        leaves: originals.iter().map(leaves).sum(),
    })
}

/// The number of leaves (scalars) of a document.
fn leaves(v: &Value) -> usize {
    match v {
        Value::Object(m) => m.values().map(leaves).sum(),
        Value::Array(a) => a.iter().map(leaves).sum(),
        _ => 1,
    }
}

const MYSQL: &[&str] = &[
    "GoogleCloudPlatform__kubernetes-engine-samples__databases__gke-stateful-mysql__kubernetes__c1-mysql.yaml",
    "GoogleCloudPlatform__kubernetes-engine-samples__databases__gke-stateful-mysql__kubernetes__secret.yaml",
    "GoogleCloudPlatform__kubernetes-engine-samples__databases__gke-stateful-mysql__kubernetes__storageclass.yaml",
    "GoogleCloudPlatform__kubernetes-engine-samples__databases__gke-stateful-mysql__kubernetes__mysql-pdb-maxunavailable.yaml",
];

const REDIS: &[&str] = &[
    "GoogleCloudPlatform__kubernetes-engine-samples__quickstarts__hello-app-redis__manifests__redis-cluster.yaml",
    "GoogleCloudPlatform__kubernetes-engine-samples__quickstarts__hello-app-redis__manifests__redis-configmap.yaml",
    "GoogleCloudPlatform__kubernetes-engine-samples__quickstarts__hello-app-redis__manifests__redis-service.yaml",
    "GoogleCloudPlatform__kubernetes-engine-samples__quickstarts__hello-app-redis__manifests__pdb-minavailable.yaml",
];

const THANOS_STORE: &[&str] =
    &["thanos-io__kube-thanos__examples__all__manifests__thanos-store-statefulSet.yaml"];

#[test]
fn gke_stateful_mysql_means_what_the_original_says() {
    let set = gke_stateful_mysql::manifests();
    if let Some(c) = compare("gke_stateful_mysql", &set, MYSQL) {
        eprintln!(
            "gke_stateful_mysql: {} documents, {} leaves of the originals, all the same",
            c.documents, c.leaves
        );
        assert_eq!(c.documents, 5);
    }
    assert!(set.warnings().is_empty(), "{:?}", set.warnings());
}

#[test]
fn gke_redis_cluster_means_what_the_original_says() {
    let set = gke_redis_cluster::manifests();
    if let Some(c) = compare("gke_redis_cluster", &set, REDIS) {
        eprintln!(
            "gke_redis_cluster: {} documents, {} leaves of the originals, all the same",
            c.documents, c.leaves
        );
        assert_eq!(c.documents, 5);
    }
    assert!(set.warnings().is_empty(), "{:?}", set.warnings());
}

#[test]
fn thanos_store_means_what_the_original_says() {
    let set = thanos_store::manifests();
    if let Some(c) = compare("thanos_store", &set, THANOS_STORE) {
        eprintln!(
            "thanos_store: {} document, {} leaves of the original, all the same",
            c.documents, c.leaves
        );
        assert_eq!(c.documents, 1);
    }
    assert!(set.warnings().is_empty(), "{:?}", set.warnings());
}

/// The comparison can fail: a changed leaf, a missing key and an extra object are reported.
#[test]
fn the_comparison_sees_differences() {
    let original = serde_json::json!({
        "kind": "Service",
        "metadata": { "name": "a" },
        "spec": { "ports": [{ "port": 80 }], "clusterIP": "None" },
    });
    let mut out = Vec::new();
    diff("", &original, &original.clone(), &mut out);
    assert!(out.is_empty(), "{out:?}");
    let mut changed = original.clone();
    changed["spec"]["ports"][0]["port"] = 81.into();
    changed["spec"].as_object_mut().unwrap().remove("clusterIP");
    changed["spec"]["type"] = "NodePort".into();
    changed["spec"]["publishNotReadyAddresses"] = false.into();
    diff("", &original, &changed, &mut out);
    assert_eq!(out.len(), 3, "{out:#?}");
    for expected in [
        ".spec.clusterIP: \"None\" is not in the rendered set",
        ".spec.ports[0].port: original 80, rendered 81",
        ".spec.type: rendered \"NodePort\", not in the original",
    ] {
        assert!(out.iter().any(|d| d == expected), "{expected}: {out:#?}");
    }
    // Quantities by value, only where quantities are.
    let mut out = Vec::new();
    let r = |cpu: Value| serde_json::json!({ "resources": { "limits": { "cpu": cpu } } });
    diff("", &r(0.42.into()), &r("420m".into()), &mut out);
    assert!(out.is_empty(), "{out:?}");
    diff("", &r(0.42.into()), &r("421m".into()), &mut out);
    assert_eq!(out.len(), 1, "{out:?}");
    diff(
        "",
        &serde_json::json!({"x": "1"}),
        &serde_json::json!({"x": "1.0"}),
        &mut out,
    );
    assert_eq!(out.len(), 2, "{out:?}");
}

/// The stored form: `stringData` becomes base64 `data`, ports get their protocol.
#[test]
fn the_stored_form_is_the_api_servers() {
    let text = "kind: Secret\nstringData:\n  password: Password$123456\n---\nkind: Service\nspec:\n  ports:\n  - port: 1\n  - port: 2\n    protocol: UDP\n";
    let docs = read(text, "inline");
    assert_eq!(docs[0]["data"]["password"], "UGFzc3dvcmQkMTIzNDU2");
    assert!(docs[0].get("stringData").is_none());
    assert_eq!(docs[1]["spec"]["ports"][0]["protocol"], "TCP");
    assert_eq!(docs[1]["spec"]["ports"][1]["protocol"], "UDP");
}

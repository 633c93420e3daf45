//! The valid-corpus generator (`tests/corpus/`): every generated object passes `build()` and
//! every set passes as a whole (`Manifests`), the output is byte-for-byte deterministic for a
//! seed, and the sets contain every object kind,
//! every pod volume source, every PersistentVolume source, every hostPath type and every
//! access-mode combination.
//!
//! The generator itself runs as `cargo run --example gen_corpus -- --out DIR --sets N --seed S`.

mod corpus;

use corpus::{Stats, generate, render};
use serde::Deserialize;

const SEED: u64 = 0x6b76_6f6c;
/// Enough sets for every round-robin feature to appear at least twice.
const SETS: u64 = 120;

fn run(seed: u64, sets: u64) -> (Vec<(String, String)>, Stats) {
    let mut stats = Stats::default();
    let mut out = Vec::new();
    for index in 0..sets {
        let (result, set_stats) = generate(seed, index);
        let objects = result.unwrap_or_else(|e| panic!("{e}"));
        stats.merge(&set_stats);
        out.push(render(&objects));
    }
    (out, stats)
}

#[test]
fn every_generated_set_builds_and_covers_every_kind_and_source() {
    let (_, stats) = run(SEED, SETS);
    for kind in [
        "Pod",
        "PersistentVolume",
        "PersistentVolumeClaim",
        "StorageClass",
        "StatefulSet",
        "Service",
        "ConfigMap",
        "Secret",
        "Deployment",
        "PodDisruptionBudget",
        "VolumeSnapshotClass",
        "VolumeSnapshot",
    ] {
        assert!(
            stats.get(&format!("kind/{kind}")) >= SETS,
            "{kind}: {stats:#?}"
        );
    }
    // Only sets that target 1.34 or later (about half) have one.
    assert!(
        stats.get("kind/VolumeAttributesClass") >= SETS / 4,
        "{stats:#?}"
    );
    for key in [
        "second/claim-restored-from-snapshot",
        "second/claim-volume-attributes-class",
        "second/deployment-recreate",
        "second/secret-tls",
        "second/secret-basic-auth",
    ] {
        assert!(stats.get(key) > 0, "{key}: {stats:#?}");
    }
    for key in [
        "volume/emptyDir",
        "volume/emptyDir:Memory",
        "volume/emptyDir:sizeLimit",
        "volume/emptyDir:Memory+sizeLimit",
        "volume/emptyDir:HugePages",
        "volume/nfs",
        "volume/persistentVolumeClaim",
        "volume/configMap",
        "volume/secret",
        "volume/downwardAPI",
        "volume/csi",
        "volume/ephemeral",
        "volume/projected",
        "projected/serviceAccountToken",
        "projected/configMap",
        "projected/secret",
        "projected/downwardAPI",
        "pod/securityContext",
        "pod/affinity",
        "pod/toleration",
        "pod/topologySpreadConstraint",
        "pod/hostname",
        "service/headless",
        "service/(type unset)",
        "service/ClusterIP",
        "service/NodePort",
        "service/LoadBalancer",
        "service/targetPort-name",
        "statefulset/service-in-set",
        "downwardAPI/fieldRef",
        "downwardAPI/resourceFieldRef",
        "pv/local",
        "pv/nfs",
        "pv/csi",
        "pv/iscsi:iqn",
        "pv/iscsi:eui",
        "pv/iscsi:naa",
        "container/env:secretKeyRef",
        "container/env:configMapKeyRef",
        "container/env:fieldRef",
        "container/env:resourceFieldRef",
        "container/envFrom",
        "container/resources",
        "container/resources:hugepages",
        "container/resources:extended",
        "container/sidecar",
        "container/livenessProbe",
        "container/readinessProbe",
        "container/startupProbe",
        "container/lifecycle",
        "container/securityContext",
        "container/hostPort",
        "container/subPathExpr",
        "container/recursiveReadOnly",
        "container/mountPropagation",
        "container/volumeDevices",
    ] {
        assert!(stats.get(key) > 0, "{key} never generated: {stats:#?}");
    }
    for t in [
        "DirectoryOrCreate",
        "Directory",
        "FileOrCreate",
        "File",
        "Socket",
        "CharDevice",
        "BlockDevice",
        "(no type)",
    ] {
        assert!(
            stats.get(&format!("volume/hostPath:{t}")) > 0,
            "pod hostPath {t}"
        );
        assert!(
            stats.get(&format!("pv/hostPath:{t}")) > 0,
            "PV hostPath {t}"
        );
    }
    for plugin in [
        "gcePersistentDisk",
        "awsElasticBlockStore",
        "azureDisk",
        "azureFile",
        "cephfs",
        "cinder",
        "glusterfs",
        "rbd",
        "vsphereVolume",
        "portworxVolume",
    ] {
        assert!(stats.get(&format!("pv/legacy:{plugin}")) > 0, "{plugin}");
    }
    for op in ["In", "NotIn", "Exists", "DoesNotExist"] {
        assert!(
            stats.get(&format!("selector-operator/{op}")) > 0,
            "selector {op}"
        );
        assert!(
            stats.get(&format!("node-selector-operator/{op}")) > 0,
            "node {op}"
        );
    }
    for op in ["Gt", "Lt"] {
        assert!(
            stats.get(&format!("node-selector-operator/{op}")) > 0,
            "node {op}"
        );
    }
    for class in ["named", "(unset: default)"] {
        assert!(
            stats.get(&format!("claim-class/{class}")) > 0,
            "claim class {class}"
        );
    }
    for modes in corpus::set::access_mode_combos() {
        assert!(stats.get(&format!("access-modes/{modes}")) > 0, "{modes}");
    }
    for suffix in corpus::strategies::SUFFIXES {
        let key = if suffix.is_empty() { "none" } else { suffix };
        assert!(
            stats.get(&format!("quantity-suffix/{key}")) > 0,
            "suffix {key:?}"
        );
    }
    for limit in [
        "limit/dns1123-label-63",
        "limit/dns1035-label-63",
        "limit/dns1123-subdomain-253",
        "limit/port-name-15",
        "limit/csi-driver-63",
        "limit/storageclass-parameters-512",
        "limit/annotations-256KiB",
    ] {
        assert!(stats.get(limit) > 0, "{limit} never reached: {stats:#?}");
    }
}

#[test]
fn the_corpus_is_deterministic_for_a_seed() {
    let (a, _) = run(SEED, 12);
    let (b, _) = run(SEED, 12);
    assert_eq!(a, b);
    // A set depends on its seed and index only, not on how many sets are generated.
    let (one, _) = generate(SEED, 11);
    assert_eq!(render(&one.unwrap_or_else(|e| panic!("{e}"))), a[11]);
    // Another seed gives other sets.
    let (c, _) = run(SEED + 1, 12);
    assert_ne!(a, c);
}

#[test]
fn sidecars_hold_one_json_object_per_yaml_document() {
    let (sets, _) = run(SEED, 6);
    for (yaml, json) in sets {
        let docs: Vec<serde_json::Value> = serde_json::from_str(&json).expect("a JSON array");
        let separators = yaml.lines().filter(|l| *l == "---").count();
        assert_eq!(docs.len(), separators + 1, "{yaml}");
        // Kubernetes' own reading of the YAML is checked by the CI stage; serde_yaml (YAML 1.2)
        // must read the same values.
        for (doc, expected) in serde_yaml::Deserializer::from_str(&yaml).zip(&docs) {
            let read = serde_json::to_value(
                serde_yaml::Value::deserialize(doc).expect("kvol's YAML parses"),
            )
            .expect("YAML values are JSON values");
            assert_eq!(&read, expected);
        }
    }
}

/// kvol's JSON writer (through `Emit`) against serde_json (through the `serde` feature's
/// `Serialize` impls, which go by way of a `schema::Value` tree): the same bytes.
#[test]
fn kvol_json_is_serde_json_byte_for_byte() {
    use kvol_core::render::ToDocuments;
    for index in 0..40 {
        let (objects, _) = generate(SEED, index);
        let objects = objects.unwrap_or_else(|e| panic!("{e}"));
        let mut docs = Vec::new();
        objects.each_document(&mut |d| docs.push(d));
        assert_eq!(
            kvol_core::json::to_string_pretty(&docs).expect("kvol writes JSON"),
            serde_json::to_string_pretty(&docs).expect("serde_json writes JSON"),
            "set {index}"
        );
        assert_eq!(
            kvol_core::json::to_string(&docs).expect("kvol writes JSON"),
            serde_json::to_string(&docs).expect("serde_json writes JSON"),
            "set {index}"
        );
    }
}

/// The two ways into the YAML writer give the same bytes: a document's own `Emit`, and its
/// `serde::Serialize` impl driven through `render::Serde` (serde's data model onto the writer).
#[test]
fn yaml_through_serde_is_yaml_through_emit() {
    use kvol_core::render::{Serde, ToDocuments};
    for index in 0..40 {
        let (objects, _) = generate(SEED, index);
        let objects = objects.unwrap_or_else(|e| panic!("{e}"));
        let mut docs = Vec::new();
        objects.each_document(&mut |d| docs.push(d));
        for doc in &docs {
            assert_eq!(
                kvol_core::yaml::to_string(doc).expect("kvol writes YAML"),
                kvol_core::yaml::to_string(&Serde(doc)).expect("kvol writes serde values"),
                "set {index}"
            );
        }
    }
}

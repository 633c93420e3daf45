//! Unit tests of the parse-and-check layer on `proc_macro2` token streams, and a property test:
//! arbitrary token streams never make it panic.

use crate::{
    ctxt::Ctxt,
    expand::{self, Kind},
};
use proc_macro2::TokenStream;
use proptest::prelude::*;
use std::str::FromStr;

/// Parses and checks `src` as the body of `kind`; returns the error messages.
fn errors(kind: Kind, src: &str) -> Vec<String> {
    let Ok(body) = TokenStream::from_str(src) else {
        return vec!["lex error".into()];
    };
    let cx = Ctxt::new();
    let _ = expand::parse_and_check(kind, body, &quote::quote!(::kvol), &cx);
    match cx.check() {
        Ok(()) => Vec::new(),
        Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
    }
}

const FLAGSHIP: &str =
    r#"name: web, image: "registry.k8s.io/nginx-slim:0.8", replicas: 3, claim: 1Gi RWO "standard""#;

const FULL: &str = r#"
    name: web, service: nginx, labels: { app: nginx }, replicas: 3, grace: 10s,
    container nginx { image: "registry.k8s.io/nginx-slim:0.8", port: web 80, mount: www => "/usr/share/nginx/html" },
    claim: www 1Gi RWO "standard", update: RollingUpdate { partition: 0 }, pod_management: OrderedReady,
    retention: { deleted: Retain, scaled: Delete }"#;

#[test]
fn flagship_and_full_form_check() {
    assert_eq!(errors(Kind::StatefulSet, FLAGSHIP), Vec::<String>::new());
    assert_eq!(errors(Kind::StatefulSet, FULL), Vec::<String>::new());
}

#[test]
fn every_problem_is_reported() {
    let e = errors(
        Kind::StatefulSet,
        r#"name: web, image: "x", replicsa: 3, claim: 1Gi RWZ"#,
    );
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(e[0].contains("did you mean `replicas`"), "{e:?}");
    assert!(e[1].contains("did you mean `RWO`"), "{e:?}");
}

#[test]
fn kvol_core_rules_are_mapped() {
    let e = errors(Kind::Pvc, "name: data, access: RWOP | RWO, request: 0");
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(e.iter().any(|m| m.contains("ReadWriteOncePod")), "{e:?}");
    assert!(
        e.iter().any(|m| m.contains("must be greater than zero")),
        "{e:?}"
    );
    let e = errors(
        Kind::StorageClass,
        r#"name: x, provisioner: "example.com/p", reclaim: Recycle"#,
    );
    assert!(e[0].contains("Unsupported value: \"Recycle\""), "{e:?}");
}

#[test]
fn csi_secret_references_are_written_and_checked() {
    // The realworld azurefile PV: nodeStageSecretRef, which the API server does not validate.
    let ok = r#"name: pv-azurefile, capacity: 10Gi, access: RWX, reclaim: Retain,
        class: azurefile-csi,
        source: csi "file.csi.azure.com" "rg#account#share" {
            attributes: { shareName: share },
            node_stage_secret: default/azure-secret,
            controller_publish_secret: kube-system/"attach-creds",
            controller_expand_secret: kube-system/expand,
            node_expand_secret: kube-system/expand,
            node_publish_secret: kube-system/publish,
        }"#;
    assert_eq!(errors(Kind::Pv, ok), Vec::<String>::new());
    let e = errors(
        Kind::Pv,
        r#"name: p, capacity: 1Gi, access: RWO,
           source: csi "d.io" "h" { controller_publish_secret: "Bad.NS"/s, node_stage_secret: x/Y_Z }"#,
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].contains("controllerPublishSecretRef.namespace"),
        "{e:?}"
    );
    let e = errors(
        Kind::Pv,
        r#"name: p, capacity: 1Gi, access: RWO, source: csi "d.io" "h" { node_stage: x/y }"#,
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("did you mean `node_stage_secret`"), "{e:?}");
}

#[test]
fn quantities_are_parsed_by_kvol_core() {
    let e = errors(Kind::Pvc, "name: data, access: RWO, request: 1Gb");
    assert!(e[0].contains("did you mean `1Gi`"), "{e:?}");
    assert!(errors(Kind::Pvc, r#"name: data, access: RWO, request: "1Ei""#).is_empty());
}

#[test]
fn manifests_are_checked_against_each_other() {
    let e = errors(
        Kind::Manifests,
        r#"pod { name: db, image: "mongo", mount: d => "/d", volume d: claim mongo-pvc },
           pvc { name: mongodb-pvc, access: RWO, request: 1Gi, class: "" },
           pv { name: pv, capacity: 1Gi, access: RWO, class: "", source: nfs "h" "/p" }"#,
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("did you mean \"mongodb-pvc\""), "{e:?}");
}

/// `selector:` of a StatefulSet: the pods may carry more labels than they are selected by, and
/// a selector that does not match them is the API server's error, at the selector.
#[test]
fn statefulset_selector_may_be_narrower_than_the_pod_labels() {
    let ok = r#"name: redis, labels: { app: redis, appCluster: redis-cluster },
        selector: { app: redis }, image: "redis:6.2""#;
    assert_eq!(errors(Kind::StatefulSet, ok), Vec::<String>::new());
    let e = errors(
        Kind::StatefulSet,
        r#"name: redis, labels: { app: redis }, selector: { app: cache }, image: "redis:6.2""#,
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].contains("`selector` does not match template `labels`"),
        "{e:?}"
    );
    let e = errors(
        Kind::StatefulSet,
        r#"name: redis, selector: { app: redis }, selector: { app: redis }, image: "x""#,
    );
    assert_eq!(e.len(), 1, "{e:?}");
}

/// Selectors with expressions (`KEY In [..]`, `NotIn`, `Exists`, `DoesNotExist`) on claims,
/// claim templates, StatefulSets and budgets, checked by the API server's selector rules.
#[test]
fn selectors_take_expressions_everywhere() {
    let pvc = r#"name: data, access: RWX, request: 1Gi,
        selector: { disk: ssd, name In ["nfs-share"], zone NotIn [a, b], fast Exists, old DoesNotExist }"#;
    assert_eq!(errors(Kind::Pvc, pvc), Vec::<String>::new());
    let e = errors(
        Kind::Pvc,
        "name: data, access: RWX, request: 1Gi, selector: { name In [] }",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].contains("must be specified when `operator` is 'In' or 'NotIn'"),
        "{e:?}"
    );
    let e = errors(
        Kind::Pvc,
        "name: data, access: RWX, request: 1Gi, selector: { name Has [x] }",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("KEY OPERATOR [VALUES]"), "{e:?}");
    let set = r#"name: db, labels: { app: db, tier: data }, image: "postgres",
        selector: { app: db, tier In [data, cache] },
        claim: data 1Gi RWO "standard" { selector: { disk Exists } }"#;
    assert_eq!(errors(Kind::StatefulSet, set), Vec::<String>::new());
    let e = errors(
        Kind::StatefulSet,
        r#"name: db, labels: { app: db }, image: "postgres", selector: { app: db, tier Exists }"#,
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].contains("`selector` does not match template `labels`"),
        "{e:?}"
    );
    let pdb = "name: db, max_unavailable: 1, selector: { app: db, canary DoesNotExist }";
    assert_eq!(errors(Kind::Pdb, pdb), Vec::<String>::new());
}

/// A pod volume named like a claim template: without a source (`empty_dir`, the API server's
/// default) the controller's claim replaces it (kvol warns); with one, it is kvol's error.
#[test]
fn a_placeholder_volume_named_like_a_claim_template_is_accepted() {
    let set = |volume: &str| {
        format!(
            r#"name: git, service: git, image: "git", mount: repos => "/data/repos",
            claim: repos 1Gi RWO "standard", volume repos: {volume}"#
        )
    };
    assert_eq!(
        errors(Kind::StatefulSet, &set("empty_dir")),
        Vec::<String>::new()
    );
    let e = errors(Kind::StatefulSet, &set("empty_dir memory"));
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].contains("must not be the name of a volumeClaimTemplate"),
        "{e:?}"
    );
}

/// A PersistentVolume's node affinity: one term per `node_affinity:`, every operator, and
/// `field metadata.name In [NAME]` for `matchFields` (ValidateNodeFieldSelectorRequirement).
#[test]
fn volume_node_affinity_terms() {
    let pv = |terms: &str| {
        format!(
            r#"name: local-0, capacity: 1Gi, access: RWO, class: local, {terms},
            source: local "/mnt/disks/0""#
        )
    };
    let ok = pv(
        r#"node_affinity: { kubernetes.io/hostname In [node-1], disk Exists, cpus Gt ["4"] },
        node_affinity: { field metadata.name NotIn [node-2] }, node_affinity: hostname [node-3],
        node_affinity: { field In [x] }"#,
    );
    assert_eq!(errors(Kind::Pv, &ok), Vec::<String>::new());
    let e = errors(
        Kind::Pv,
        &pv("node_affinity: { field metadata.name In [a, b] }"),
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].contains(
            "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"
        ),
        "{e:?}"
    );
    let e = errors(Kind::Pv, &pv("node_affinity: { cpus Lt [] }"));
    assert_eq!(e.len(), 1, "{e:?}");
    // A pod's node affinity terms take `field` too.
    let pod = |term: &str| format!(r#"name: p, image: "x", node_affinity: required {{ {term} }}"#);
    assert_eq!(
        errors(Kind::Pod, &pod("field metadata.name In [node-1]")),
        Vec::<String>::new()
    );
    let e = errors(Kind::Pod, &pod("field metadata.name In [node-1, node-2]"));
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("matchFields[0].values"), "{e:?}");
}

/// StorageClass topology: one term as a map, several as a list of maps.
#[test]
fn storage_class_topology_terms() {
    let sc = |topology: &str| {
        format!(r#"name: local, provisioner: "example.com/p", topology: {topology}"#)
    };
    let one =
        r#"{ "topology.kubernetes.io/zone": ["a", "b"], "topology.kubernetes.io/region": ["r"] }"#;
    assert_eq!(errors(Kind::StorageClass, &sc(one)), Vec::<String>::new());
    let two =
        r#"[{ "topology.kubernetes.io/zone": ["a"] }, { "topology.kubernetes.io/zone": ["b"] }]"#;
    assert_eq!(errors(Kind::StorageClass, &sc(two)), Vec::<String>::new());
    let same =
        r#"[{ "topology.kubernetes.io/zone": ["a"] }, { "topology.kubernetes.io/zone": ["a"] }]"#;
    let e = errors(Kind::StorageClass, &sc(same));
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("Duplicate value"), "{e:?}");
    let e = errors(
        Kind::StorageClass,
        &sc(r#"{ "topology.kubernetes.io/zone": [] }"#),
    );
    assert_eq!(e.len(), 1, "{e:?}");
}

/// The options of a claim template: labels, annotations, volume mode; misspellings are caught.
#[test]
fn claim_template_options() {
    let ok = r#"name: db, image: "mysql", claim: mysql 10Gi RWO "fast" {
        labels: { app: mysql }, annotations: { note: x }, volume_mode: Filesystem }"#;
    assert_eq!(errors(Kind::StatefulSet, ok), Vec::<String>::new());
    let ok = r#"name: db, image: "mysql", claim: mysql 10Gi RWO => "/var/lib/mysql" { volume_mode: Block }"#;
    assert_eq!(errors(Kind::StatefulSet, ok), Vec::<String>::new());
    // An interpolated class is a brace group too: it stays the class.
    let ok = r#"name: db, image: "x", claim: d {size} RWO {class} { labels: { app: db } }"#;
    assert_eq!(errors(Kind::StatefulSet, ok), Vec::<String>::new());
    let ok = r#"name: db, image: "x", claim: d 1Gi RWO {names::class()}"#;
    assert_eq!(errors(Kind::StatefulSet, ok), Vec::<String>::new());
    let e = errors(
        Kind::StatefulSet,
        r#"name: db, image: "x", claim: d 1Gi RWO { lables: { a: b }, volume_mode: Blok }"#,
    );
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(e[0].contains("did you mean `labels`"), "{e:?}");
    assert!(e[1].contains("did you mean `Block`"), "{e:?}");
    let e = errors(
        Kind::StatefulSet,
        r#"name: db, image: "x", claim: d 1Gi RWO { labels: { "bad key!": b } }"#,
    );
    assert_eq!(e.len(), 1, "{e:?}");
}

/// `data:` of a Secret: base64 checked at compile time, as the API server decodes it.
#[test]
fn secret_data_is_base64() {
    let ok = r#"name: s, data: { password: "UGFzc3dvcmQkMTIzNDU2" }"#;
    assert_eq!(errors(Kind::Secret, ok), Vec::<String>::new());
    let e = errors(Kind::Secret, r#"name: s, data: { password: "Password$1" }"#);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("is not base64"), "{e:?}");
    let e = errors(Kind::Secret, r#"name: s, data: { password: {p} }"#);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("base64 literals"), "{e:?}");
}

#[test]
fn interpolations_are_checked_with_placeholders() {
    // Two interpolated ports may be equal at run time: the Service would get duplicate ports.
    let e = errors(
        Kind::StatefulSet,
        "name: web, image: \"x\", port: a {p}, port: b {q}",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("cannot guarantee"), "{e:?}");
    assert!(
        errors(
            Kind::StatefulSet,
            "name: {n}, image: \"x\", replicas: {r}, claim: {s} RWO"
        )
        .is_empty()
    );
}

#[test]
fn expansion_reaches_kvol_through_the_given_path() {
    let input = TokenStream::from_str(&format!("my_kvol; {FLAGSHIP}")).unwrap_or_default();
    let out = expand::expand(Kind::StatefulSet, input).to_string();
    assert!(
        out.contains("my_kvol :: __private :: kvol_core :: StatefulSet :: builder"),
        "{out}"
    );
    assert!(out.contains("__build_prechecked"), "{out}");
    assert!(!out.contains(":: kvol ::"), "{out}");
    let bad = TokenStream::from_str("my_kvol; name: web, replica: 3").unwrap_or_default();
    let out = expand::expand(Kind::StatefulSet, bad).to_string();
    assert!(
        out.contains("compile_error") && out.contains("unreachable_value"),
        "{out}"
    );
}

/// Source fragments the generator combines: keys, values, punctuation and groups.
const FRAGMENTS: &[&str] = &[
    "name",
    "image",
    "replicas",
    "claim",
    "container",
    "volume",
    "mount",
    "port",
    "labels",
    "service",
    "update",
    "retention",
    "source",
    "pod",
    "pvc",
    "pv",
    "storage_class",
    "access",
    "request",
    "limit",
    "capacity",
    "class",
    "empty_dir",
    "host_path",
    "nfs",
    "config_map",
    "secret",
    "downward_api",
    "csi",
    "ephemeral",
    "gce_pd",
    "iscsi",
    "RWO",
    "RWOP",
    "ROX",
    "RWZ",
    "Retain",
    "Recycle",
    "OnDelete",
    "RollingUpdate",
    "read_only",
    "web",
    "a",
    "Web",
    "r#type",
    ":",
    ",",
    ",",
    "|",
    "=>",
    "-",
    "/",
    ".",
    "=",
    ";",
    "#",
    "!",
    "1Gi",
    "0",
    "-1",
    "1.5Gi",
    "1e3",
    "70000",
    "10s",
    "3u8",
    "0o644",
    "0644",
    "99999999999999999999",
    "\"\"",
    "\"x\"",
    "\"1Ei\"",
    "\"/data\"",
    "'c'",
    "b\"x\"",
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    "{x}",
    "{}",
    "[\"a\"]",
    "{ a: b }",
];

/// A balanced token stream from fragments (unbalanced text does not lex and is skipped).
fn token_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|v| v.join(" "))
}

/// A valid invocation with fragments inserted, deleted or replaced.
fn mutated() -> impl Strategy<Value = String> {
    let bases = [
        FLAGSHIP,
        FULL,
        "name: data, access: RWO, request: 1Gi, class: \"\"",
    ];
    (
        prop::sample::select(bases.to_vec()),
        prop::collection::vec(
            (any::<usize>(), 0..3u8, prop::sample::select(FRAGMENTS)),
            1..6,
        ),
    )
        .prop_map(|(base, edits)| {
            let mut words: Vec<String> = base.split_whitespace().map(str::to_owned).collect();
            for (at, op, frag) in edits {
                let i = at % (words.len() + 1);
                match op {
                    0 => words.insert(i, frag.to_owned()),
                    1 if i < words.len() => {
                        words.remove(i);
                    }
                    _ if i < words.len() => words[i] = frag.to_owned(),
                    _ => {}
                }
            }
            words.join(" ")
        })
}

const KINDS: [Kind; 7] = [
    Kind::StatefulSet,
    Kind::Pod,
    Kind::Pvc,
    Kind::Pv,
    Kind::StorageClass,
    Kind::Service,
    Kind::Manifests,
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    /// Arbitrary tokens: the macro returns errors or a value, it never panics.
    #[test]
    fn never_panics_on_arbitrary_tokens(text in prop_oneof![token_text(), mutated()]) {
        if let Ok(body) = TokenStream::from_str(&text) {
            for kind in KINDS {
                let input = TokenStream::from_str(&format!("k; {body}")).unwrap_or_default();
                let out = expand::expand(kind, input);
                prop_assert!(!out.is_empty());
            }
        }
    }
}

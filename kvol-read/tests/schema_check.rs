//! The reader's nodes through kvol-core's strict-decode check (`schema::check_tree`): the
//! API server's decoding verdict at the line and column of the offending key or value.

use kvol_core::{
    KubeVersion,
    schema::{DecodeErrorKind, check_tree, check_tree_all},
};

fn v(minor: u32) -> KubeVersion {
    KubeVersion::new(minor).expect("supported")
}

fn doc(text: &str) -> kvol_read::Node {
    let mut docs = kvol_read::read_stream(text);
    assert_eq!(docs.len(), 1);
    docs.remove(0).expect("reads").value
}

#[test]
fn unknown_fields_at_their_keys() {
    let node = doc("apiVersion: apps/v1\n\
         kind: StatefulSet\n\
         metadata:\n  name: web\n\
         spec:\n  template:\n    spec:\n      hostNetwrok: true\n      containers:\n      - name: a\n        image: b\n        prots: []\n");
    let errors = check_tree(&node, v(34));
    let found: Vec<(&str, usize, usize)> = errors
        .iter()
        .map(|e| (e.message.as_str(), e.line, e.col))
        .collect();
    assert_eq!(
        found,
        [
            (r#"unknown field "spec.template.spec.hostNetwrok""#, 8, 7),
            (
                r#"unknown field "spec.template.spec.containers[0].prots""#,
                12,
                9
            ),
        ]
    );
}

#[test]
fn type_errors_at_their_values_as_yaml_reads_them() {
    // go-yaml v2 reads `on` as a boolean, `0755` as 493 and `1.0` as a whole float.
    let node = doc(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: on\n  terminationGracePeriodSeconds: 1.0\n  volumes:\n  - name: c\n    configMap:\n      name: c\n      defaultMode: 0755\n  containers:\n  - name: a\n    image: on\n",
    );
    let all = check_tree_all(&node, v(34));
    assert_eq!(all.len(), 1, "{all:?}");
    let e = &all[0];
    assert_eq!(e.kind, DecodeErrorKind::TypeMismatch);
    assert_eq!(
        e.message,
        "json: cannot unmarshal bool into Go struct field Container.spec.containers.image of type string"
    );
    assert_eq!((e.line, e.col), (15, 12));
}

#[test]
fn quantities() {
    let node = doc(
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1 Gi\n",
    );
    let errors = check_tree(&node, v(30));
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .message
            .starts_with("quantities must match the regular expression")
    );
    assert_eq!((errors[0].line, errors[0].col), (9, 16));
}

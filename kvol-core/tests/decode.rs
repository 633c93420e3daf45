//! `kvol_core::decode`: the model read back from decoded documents, with Go's zero values, the
//! API server's defaults, and what the model cannot hold reported at its path.

use kvol_core::decode::test_tree::{Node, map, s, seq};
use kvol_core::decode::{Decode, DecodeIssue, Decoder};
use kvol_core::pod::{Container, ContainerPort, Protocol};
use kvol_core::pvc::{ClassRef, PvcSpec};
use kvol_core::statefulset::{IntOrPercent, UpdateStrategy};
use kvol_core::{AccessMode, AccessModes};

fn decode<V: Decode>(node: &Node) -> (Option<V>, Vec<String>) {
    let mut cx = Decoder::new();
    let value = V::decode(node, &mut cx);
    let issues = cx
        .issues()
        .iter()
        .map(|i| match i {
            DecodeIssue::Field(e) => format!("{} {e}", e.rule),
            DecodeIssue::Decode { message, .. } => message.clone(),
        })
        .collect();
    (value, issues)
}

#[test]
fn left_out_fields_are_required_or_defaulted() {
    // A port without a protocol is TCP (the API server's default).
    let (port, issues) = decode::<ContainerPort>(&map(&[("containerPort", Node::Int(80))]));
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(port.unwrap().protocol, Protocol::TCP);
    // A claim without requests: the server's Required at spec.resources[storage].
    let (spec, issues) = decode::<PvcSpec>(&map(&[("accessModes", seq(&[s("ReadWriteOnce")]))]));
    assert!(spec.is_none());
    assert_eq!(
        issues,
        ["8/request-required spec.resources[storage]: Required value"]
            .map(|i| i.replace("spec.", ""))
    );
    // A left-out struct is Go's zero value: every field left out.
    let (container, issues) = decode::<Container>(&map(&[]));
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(container.unwrap(), Container::default());
}

#[test]
fn unknown_words_are_not_supported() {
    let (modes, issues) = decode::<AccessModes>(&seq(&[s("ReadWriteOnce"), s("ReadWriteSome")]));
    assert!(modes.is_none());
    assert_eq!(issues.len(), 1);
    assert!(
        issues[0].starts_with(
            "1/decode-not-supported [1]: Unsupported value: \"ReadWriteSome\": supported values: \
             \"ReadWriteOnce\""
        ),
        "{issues:?}"
    );
}

#[test]
fn known_words_decode() {
    let (modes, issues) = decode::<AccessModes>(&seq(&[s("ReadWriteOnce"), s("ReadOnlyMany")]));
    assert!(issues.is_empty());
    let modes = modes.unwrap();
    assert!(modes.contains(AccessMode::ReadWriteOnce) && modes.contains(AccessMode::ReadOnlyMany));
    // `storageClassName: ""` is "no class", a name is that class, left out is the default.
    let spec = |class: Option<&str>| {
        let mut entries = vec![
            ("accessModes", seq(&[s("ReadWriteOnce")])),
            (
                "resources",
                map(&[("requests", map(&[("storage", s("1Gi"))]))]),
            ),
        ];
        if let Some(c) = class {
            entries.push(("storageClassName", s(c)));
        }
        decode::<PvcSpec>(&map(&entries)).0.unwrap().storage_class
    };
    assert_eq!(spec(None), ClassRef::ClusterDefault);
    assert_eq!(spec(Some("")), ClassRef::NoClass);
    assert_eq!(spec(Some("fast")), ClassRef::Named("fast".into()));
}

#[test]
fn int_or_percent_strings() {
    let strategy = |max: Node| {
        decode::<UpdateStrategy>(&map(&[
            ("type", s("RollingUpdate")),
            ("rollingUpdate", map(&[("maxUnavailable", max)])),
        ]))
    };
    let (ok, issues) = strategy(s("25%"));
    assert!(issues.is_empty());
    assert_eq!(
        ok.unwrap(),
        UpdateStrategy::RollingUpdate {
            partition: None,
            max_unavailable: Some(IntOrPercent::Percent(25)),
        }
    );
    let (ok, _) = strategy(Node::Int(2));
    assert!(matches!(
        ok,
        Some(UpdateStrategy::RollingUpdate {
            max_unavailable: Some(IntOrPercent::Int(2)),
            ..
        })
    ));
    let (bad, issues) = strategy(s("two"));
    assert!(bad.is_none());
    assert_eq!(issues.len(), 1);
    assert!(
        issues[0].starts_with(
            "1/decode-int-or-percent rollingUpdate.maxUnavailable: Invalid value: \"two\""
        ),
        "{issues:?}"
    );
}

#[test]
fn wrong_json_types_are_go_decode_errors() {
    let (c, issues) = decode::<Container>(&map(&[("name", Node::Int(3))]));
    assert!(c.is_none());
    assert_eq!(
        issues,
        ["json: cannot unmarshal number into Go struct field Container.name of type string"]
    );
}

#[test]
fn daemonset_specs_and_csi_secret_references_decode() {
    use kvol_core::daemonset::{DaemonSetSpec, DaemonSetUpdateStrategyType};
    use kvol_core::pv::CsiPersistentVolume;
    let strategy = |kind: &str| {
        map(&[
            (
                "selector",
                map(&[("matchLabels", map(&[("app", s("agent"))]))]),
            ),
            (
                "template",
                map(&[(
                    "spec",
                    map(&[(
                        "containers",
                        seq(&[map(&[("name", s("a")), ("image", s("busybox"))])]),
                    )]),
                )]),
            ),
            (
                "updateStrategy",
                map(&[
                    ("type", s(kind)),
                    ("rollingUpdate", map(&[("maxSurge", s("10%"))])),
                ]),
            ),
        ])
    };
    let (spec, issues) = decode::<DaemonSetSpec>(&strategy("RollingUpdate"));
    assert!(issues.is_empty(), "{issues:?}");
    let spec = spec.unwrap();
    let update = spec.update_strategy.unwrap();
    assert_eq!(
        update.type_,
        Some(DaemonSetUpdateStrategyType::RollingUpdate)
    );
    assert_eq!(
        update.rolling_update.unwrap().max_surge,
        Some(IntOrPercent::Percent(10))
    );
    // A Deployment's strategy word is not a DaemonSet's.
    let (spec, issues) = decode::<DaemonSetSpec>(&strategy("Recreate"));
    assert!(spec.is_none());
    assert!(
        issues[0].contains(
            "Unsupported value: \"Recreate\": supported values: \"OnDelete\", \"RollingUpdate\""
        ),
        "{issues:?}"
    );

    let secret = |name: &str| map(&[("name", s(name)), ("namespace", s("kube-system"))]);
    let (csi, issues) = decode::<CsiPersistentVolume>(&map(&[
        ("driver", s("file.csi.azure.com")),
        ("volumeHandle", s("h")),
        ("controllerExpandSecretRef", secret("a")),
        ("controllerPublishSecretRef", secret("b")),
        ("nodeExpandSecretRef", secret("c")),
        ("nodePublishSecretRef", secret("d")),
        ("nodeStageSecretRef", secret("e")),
    ]));
    assert!(issues.is_empty(), "{issues:?}");
    let csi = csi.unwrap();
    let names: Vec<&str> = csi.secret_refs().map(|(_, r)| r.name.as_str()).collect();
    assert_eq!(names, ["a", "b", "c", "d", "e"]);
}

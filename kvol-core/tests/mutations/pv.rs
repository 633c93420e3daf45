//! Mutation rows: PersistentVolumes (rules/pv.rs).

use super::*;

/// §7: PersistentVolumes.
pub(super) fn persistent_volumes(rows: &mut Vec<Row>) {
    rows.push(model(
        "7/accessModes-required",
        pv_nfs(),
        "spec.accessModes",
        REQUIRED,
        |p| p.spec.access_modes = AccessModes::EMPTY,
        |p| {
            p.spec.access_modes = AccessModes::from_iter([
                AccessMode::ReadWriteOnce,
                AccessMode::ReadOnlyMany,
                AccessMode::ReadWriteMany,
            ])
        },
    ));
    rows.push(model(
        "7/accessModes-RWOP-alone",
        pv_nfs(),
        "spec.accessModes",
        FORBIDDEN,
        |p| {
            p.spec.access_modes =
                AccessModes::from_iter([AccessMode::ReadWriteOncePod, AccessMode::ReadWriteOnce])
        },
        |p| p.spec.access_modes = AccessModes::from(AccessMode::ReadWriteOncePod),
    ));
    let pv_builder = || {
        PersistentVolume::builder("pv0")
            .access_mode(AccessMode::ReadWriteOnce)
            .nfs("nfs.example.com", "/exports")
    };
    rows.push(built(
        "7/capacity-required",
        "spec.capacity",
        ErrorKind::Required,
        move || pv_builder().build(),
        move || pv_builder().capacity("1").build(),
    ));
    rows.push(built(
        "7/source-required",
        "spec",
        ErrorKind::Required,
        || {
            PersistentVolume::builder("pv0")
                .capacity("1Gi")
                .access_mode(AccessMode::ReadWriteOnce)
                .build()
        },
        || {
            PersistentVolume::builder("pv0")
                .capacity("1Gi")
                .access_mode(AccessMode::ReadWriteOnce)
                .host_path("/data", HostPathType::Directory)
                .build()
        },
    ));
    rows.push(model(
        "7/local-path-required",
        pv_local(),
        "spec.local.path",
        REQUIRED,
        |p| pv_local_of(p).path.clear(),
        |p| pv_local_of(p).path = "/".into(),
    ));
    rows.push(model(
        "7/local-backsteps",
        pv_local(),
        "spec.local.path",
        INVALID,
        |p| pv_local_of(p).path = "/mnt/../etc".into(),
        |p| pv_local_of(p).path = "/mnt/..etc".into(),
    ));
    rows.push(model(
        "7/local-node-affinity-required",
        pv_local(),
        "spec.nodeAffinity",
        REQUIRED,
        |p| p.spec.node_affinity = None,
        |_| {},
    ));
    rows.push(model(
        "7/node-selector-terms-required",
        pv_local(),
        "spec.nodeAffinity.required.nodeSelectorTerms",
        REQUIRED,
        |p| {
            let a = p.spec.node_affinity.as_mut().expect("affinity");
            a.required.node_selector_terms.clear();
        },
        |p| {
            let a = p.spec.node_affinity.as_mut().expect("affinity");
            let term = a.required.node_selector_terms[0].clone();
            a.required.node_selector_terms.push(term);
        },
    ));
    let req = "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0]";
    let set = |p: &mut PersistentVolume, op: NodeSelectorOperator, values: &[&str]| {
        let r = requirement0(p);
        r.operator = op;
        r.values = values.iter().map(|v| v.to_string()).collect();
    };
    rows.push(model(
        "7/node-requirement-in-values",
        pv_local(),
        &format!("{req}.values"),
        REQUIRED,
        move |p| set(p, NodeSelectorOperator::NotIn, &[]),
        move |p| set(p, NodeSelectorOperator::NotIn, &["node-2"]),
    ));
    rows.push(model(
        "7/node-requirement-exists-no-values",
        pv_local(),
        &format!("{req}.values"),
        FORBIDDEN,
        move |p| set(p, NodeSelectorOperator::Exists, &["node-1"]),
        move |p| set(p, NodeSelectorOperator::Exists, &[]),
    ));
    rows.push(model(
        "7/node-requirement-gt-single-value",
        pv_local(),
        &format!("{req}.values"),
        REQUIRED,
        move |p| set(p, NodeSelectorOperator::Gt, &["1", "2"]),
        move |p| set(p, NodeSelectorOperator::Gt, &["1"]),
    ));
    let fields = "spec.nodeAffinity.required.nodeSelectorTerms[0].matchFields[0].values";
    let field = |p: &mut PersistentVolume, values: &[&str]| {
        let a = p.spec.node_affinity.as_mut().expect("affinity");
        a.required.node_selector_terms[0].match_fields = vec![NodeSelectorRequirement {
            key: "metadata.name".into(),
            operator: NodeSelectorOperator::In,
            values: values.iter().map(|v| v.to_string()).collect(),
        }];
    };
    rows.push(model(
        "7/node-selector-matchFields",
        pv_local(),
        fields,
        REQUIRED,
        move |p| field(p, &["node-1", "node-2"]),
        move |p| field(p, &["node-1"]),
    ));
    rows.push(model(
        "7/node-requirement-kvol-gt-integer",
        pv_local(),
        &format!("{req}.values[0]"),
        INVALID,
        move |p| set(p, NodeSelectorOperator::Lt, &["ten"]),
        move |p| set(p, NodeSelectorOperator::Lt, &["10"]),
    ));
    rows.push(model(
        "7/node-requirement-key",
        pv_local(),
        &format!("{req}.key"),
        INVALID,
        |p| requirement0(p).key = "a/b/c".into(),
        |p| requirement0(p).key = "topology.kubernetes.io/zone".into(),
    ));
    rows.push(model(
        "7/node-requirement-values-format",
        pv_local(),
        &format!("{req}.values[0]"),
        INVALID,
        |p| requirement0(p).values = vec!["node 1".into()],
        |p| requirement0(p).values = vec!["node_1".into()],
    ));
    rows.push(model(
        "7/hostPath-recycle-root",
        pv_host_path(),
        "spec.persistentVolumeReclaimPolicy",
        FORBIDDEN,
        |p| {
            p.spec.reclaim_policy = Some(ReclaimPolicy::Recycle);
            pv_host_path_of(p).path = "/a/..".into();
        },
        |p| {
            p.spec.reclaim_policy = Some(ReclaimPolicy::Recycle);
            pv_host_path_of(p).path = "/a".into();
        },
    ));
    rows.push(model(
        "7/hostPath-backsteps",
        pv_host_path(),
        "spec.hostPath.path",
        INVALID,
        |p| pv_host_path_of(p).path = "/data/..".into(),
        |p| pv_host_path_of(p).path = "/data/...".into(),
    ));
    rows.push(model(
        "7/storageClassName-format",
        pv_nfs(),
        "spec.storageClassName",
        INVALID,
        |p| p.spec.storage_class_name = Some("Fast".into()),
        |p| p.spec.storage_class_name = Some(subdomain(253)),
    ));
    rows.push(model(
        "7/nfs-server-required",
        pv_nfs(),
        "spec.nfs.server",
        REQUIRED,
        |p| pv_nfs_of(p).server.clear(),
        |p| pv_nfs_of(p).server = "10.0.0.1".into(),
    ));
    rows.push(model(
        "7/nfs-path-absolute",
        pv_nfs(),
        "spec.nfs.path",
        INVALID,
        |p| pv_nfs_of(p).path = "exports".into(),
        |p| pv_nfs_of(p).path = "/".into(),
    ));
    rows.push(model(
        "7/csi-driver",
        pv_csi(),
        "spec.csi.driver",
        INVALID,
        |p| pv_csi_of(p).driver = "pd_csi".into(),
        |p| pv_csi_of(p).driver = "PD.CSI.Storage.GKE.io".into(),
    ));
    rows.push(model(
        "7/csi-driver-length",
        pv_csi(),
        "spec.csi.driver",
        TOO_LONG,
        |p| pv_csi_of(p).driver = long('d', 64),
        |p| pv_csi_of(p).driver = long('d', 63),
    ));
    rows.push(model(
        "7/csi-volumeHandle-required",
        pv_csi(),
        "spec.csi.volumeHandle",
        REQUIRED,
        |p| pv_csi_of(p).volume_handle.clear(),
        |p| pv_csi_of(p).volume_handle = " ".into(),
    ));
    let secret = |name: &str, namespace: &str| {
        Some(SecretReference {
            name: name.into(),
            namespace: namespace.into(),
        })
    };
    let sref = "spec.csi.nodePublishSecretRef";
    rows.push(model(
        "7/csi-secret-name-required",
        pv_csi(),
        &format!("{sref}.name"),
        REQUIRED,
        move |p| pv_csi_of(p).node_publish_secret_ref = secret("", "ns"),
        move |p| pv_csi_of(p).node_publish_secret_ref = secret("s", "ns"),
    ));
    rows.push(model(
        "7/csi-secret-name-format",
        pv_csi(),
        &format!("{sref}.name"),
        INVALID,
        move |p| pv_csi_of(p).node_publish_secret_ref = secret("S", "ns"),
        move |p| pv_csi_of(p).node_publish_secret_ref = secret("s.t", "ns"),
    ));
    rows.push(model(
        "7/csi-secret-namespace-required",
        pv_csi(),
        &format!("{sref}.namespace"),
        REQUIRED,
        move |p| pv_csi_of(p).node_publish_secret_ref = secret("s", ""),
        move |p| pv_csi_of(p).node_publish_secret_ref = secret("s", "n"),
    ));
    rows.push(model(
        "7/csi-secret-namespace-format",
        pv_csi(),
        &format!("{sref}.namespace"),
        INVALID,
        move |p| pv_csi_of(p).node_publish_secret_ref = secret("s", "n.s"),
        move |p| pv_csi_of(p).node_publish_secret_ref = secret("s", "n-s"),
    ));
    // The other validated references: the same `validatePVSecretReference` at their paths
    // (`nodeStageSecretRef` is not validated: `pv.rs`'s unit test).
    rows.push(model(
        "7/csi-other-secret-refs",
        pv_csi(),
        "spec.csi.controllerPublishSecretRef.name",
        INVALID,
        move |p| pv_csi_of(p).controller_publish_secret_ref = secret("S", "ns"),
        move |p| pv_csi_of(p).controller_publish_secret_ref = secret("s.t", "ns"),
    ));
    rows.push(model(
        "7/csi-controller-expand-secret-ref",
        pv_csi(),
        "spec.csi.controllerExpandSecretRef.namespace",
        REQUIRED,
        move |p| pv_csi_of(p).controller_expand_secret_ref = secret("s", ""),
        move |p| pv_csi_of(p).controller_expand_secret_ref = secret("s", "n"),
    ));
    rows.push(model(
        "7/csi-node-expand-secret-ref",
        pv_csi(),
        "spec.csi.nodeExpandSecretRef.namespace",
        INVALID,
        move |p| pv_csi_of(p).node_expand_secret_ref = secret("s", "n.s"),
        move |p| {
            // Every reference set at once, `nodeStageSecretRef` with a name no other would take.
            let c = pv_csi_of(p);
            c.node_expand_secret_ref = secret("s", "n-s");
            c.controller_publish_secret_ref = secret("a", "kube-system");
            c.controller_expand_secret_ref = secret("b", "kube-system");
            c.node_stage_secret_ref = secret("Not_A_Name", "Not.A.Namespace");
        },
    ));
    rows.push(model(
        "7/mount-options-annotation",
        pv_host_path(),
        "metadata.annotations.volume.beta.kubernetes.io/mount-options",
        FORBIDDEN,
        |p| {
            p.metadata.annotations.insert(
                "volume.beta.kubernetes.io/mount-options".into(),
                "ro".into(),
            );
        },
        |p| p.spec.mount_options.push("ro".into()),
    ));
    rows.push(model(
        "7/mount-options-annotation-allowed-sources",
        pv_nfs(),
        "metadata.annotations.volume.beta.kubernetes.io/mount-options",
        FORBIDDEN,
        |p| {
            p.spec.source = PvSource::csi("d.example.com", "h");
            p.metadata.annotations.insert(
                "volume.beta.kubernetes.io/mount-options".into(),
                "ro".into(),
            );
        },
        |p| {
            p.metadata.annotations.insert(
                "volume.beta.kubernetes.io/mount-options".into(),
                "ro".into(),
            );
        },
    ));
    rows.push(model(
        "7/kvol-claimRef-name-required",
        pv_nfs(),
        "spec.claimRef.name",
        REQUIRED,
        |p| {
            p.spec.claim_ref = Some(ClaimRef {
                name: "".into(),
                namespace: "default".into(),
            })
        },
        // The API server does not validate claimRef; any name pre-binds.
        |p| {
            p.spec.claim_ref = Some(ClaimRef {
                name: "Any_Name".into(),
                namespace: "default".into(),
            })
        },
    ));
    rows.push(model(
        "7/kvol-claimRef-namespace-required",
        pv_nfs(),
        "spec.claimRef.namespace",
        REQUIRED,
        |p| {
            p.spec.claim_ref = Some(ClaimRef {
                name: "data".into(),
                namespace: "".into(),
            })
        },
        |p| {
            p.spec.claim_ref = Some(ClaimRef {
                name: "data".into(),
                namespace: "d".into(),
            })
        },
    ));
}

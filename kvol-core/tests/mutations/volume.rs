//! Mutation rows: pod volume sources, file modes, item paths (rules/volume.rs).

use super::*;

/// §5: pod volumes and their sources.
pub(super) fn pod_volumes(rows: &mut Vec<Row>) {
    rows.push(model(
        "5/volume-name-required",
        pod(),
        "spec.volumes[0].name",
        REQUIRED,
        |p| rename_volume(p, ""),
        |p| rename_volume(p, "d"),
    ));
    rows.push(model(
        "5/volume-name-duplicate",
        pod(),
        "spec.volumes[1].name",
        DUPLICATE,
        |p| {
            p.spec
                .volumes
                .push(Volume::new("data", VolumeSource::empty_dir()))
        },
        |p| {
            p.spec
                .volumes
                .push(Volume::new("data2", VolumeSource::empty_dir()))
        },
    ));
    rows.push(model(
        "5/invalid-volume-not-found",
        pod_with(VolumeSource::nfs("nfs.example.com", "/exports", false)),
        "spec.containers[0].volumeMounts[0].name",
        NOT_FOUND,
        |p| nfs_of(p).server.clear(),
        |p| nfs_of(p).server = "10.0.0.1".into(),
    ));
    rows.push(model(
        "5/claim-of-ephemeral-volume",
        pod_with(ephemeral_source()),
        "spec.volumes[1].persistentVolumeClaim.claimName",
        INVALID,
        |p| {
            p.spec
                .volumes
                .push(Volume::new("claim", VolumeSource::claim("web-data", false)))
        },
        |p| {
            p.spec.volumes.push(Volume::new(
                "claim",
                VolumeSource::claim("web-data-0", false),
            ))
        },
    ));
    rows.push(model(
        "5/hostPath-path-required",
        pod_with(VolumeSource::host_path("/var/log", HostPathType::Directory)),
        "spec.volumes[0].hostPath.path",
        REQUIRED,
        |p| host_path_of(p).path.clear(),
        // An absolute path is not required.
        |p| host_path_of(p).path = "var/log".into(),
    ));
    rows.push(model(
        "5/hostPath-backsteps",
        pod_with(VolumeSource::host_path("/var/log", HostPathType::Directory)),
        "spec.volumes[0].hostPath.path",
        INVALID,
        |p| host_path_of(p).path = "/var/../etc".into(),
        |p| host_path_of(p).path = "/var/..etc/x..".into(),
    ));
    let nfs = || pod_with(VolumeSource::nfs("nfs.example.com", "/exports", false));
    rows.push(model(
        "5/nfs-server-required",
        nfs(),
        "spec.volumes[0].nfs.server",
        REQUIRED,
        |p| nfs_of(p).server.clear(),
        |p| nfs_of(p).server = "n".into(),
    ));
    rows.push(model(
        "5/nfs-path-required",
        nfs(),
        "spec.volumes[0].nfs.path",
        REQUIRED,
        |p| nfs_of(p).path.clear(),
        |p| nfs_of(p).path = "/".into(),
    ));
    rows.push(model(
        "5/nfs-path-absolute",
        nfs(),
        "spec.volumes[0].nfs.path",
        INVALID,
        |p| nfs_of(p).path = "exports".into(),
        // Only absoluteness is checked: `..` is accepted in NFS paths.
        |p| nfs_of(p).path = "/exports/../x".into(),
    ));
    rows.push(model(
        "5/claimName-required",
        pod_with(VolumeSource::claim("data", false)),
        "spec.volumes[0].persistentVolumeClaim.claimName",
        REQUIRED,
        |p| claim_of(p).claim_name.clear(),
        // The claim name's format is not checked by the API server.
        |p| claim_of(p).claim_name = "Data_1".into(),
    ));
    rows.push(model(
        "5/configMap-name-required",
        pod_with(config_map_source()),
        "spec.volumes[0].configMap.name",
        REQUIRED,
        |p| config_map_of(p).name.clear(),
        |p| config_map_of(p).name = "c".into(),
    ));
    for (id, path, source, set) in [
        (
            "5/configMap-defaultMode",
            "spec.volumes[0].configMap.defaultMode",
            config_map_source(),
            (|p: &mut Pod, m| config_map_of(p).default_mode = Some(FileMode(m)))
                as fn(&mut Pod, u32),
        ),
        (
            "5/secret-defaultMode",
            "spec.volumes[0].secret.defaultMode",
            secret_source(),
            |p: &mut Pod, m| secret_of(p).default_mode = Some(FileMode(m)),
        ),
        (
            "5/downwardAPI-defaultMode",
            "spec.volumes[0].downwardAPI.defaultMode",
            downward_source(),
            |p: &mut Pod, m| downward_of(p).default_mode = Some(FileMode(m)),
        ),
        (
            "5/items-mode",
            "spec.volumes[0].configMap.items[0].mode",
            config_map_source(),
            |p: &mut Pod, m| config_map_of(p).items[0].mode = Some(FileMode(m)),
        ),
        (
            "5/downwardAPI-mode",
            "spec.volumes[0].downwardAPI.mode",
            downward_source(),
            |p: &mut Pod, m| downward_of(p).items[0].mode = Some(FileMode(m)),
        ),
    ] {
        rows.push(model(
            id,
            pod_with(source),
            path,
            INVALID,
            move |p| set(p, 0o1000),
            move |p| set(p, 0o777),
        ));
    }
    let cm = || pod_with(config_map_source());
    let item_path = "spec.volumes[0].configMap.items[0].path";
    rows.push(model(
        "5/items-key-required",
        cm(),
        "spec.volumes[0].configMap.items[0].key",
        REQUIRED,
        |p| config_map_of(p).items[0].key.clear(),
        |p| config_map_of(p).items[0].key = ".k".into(),
    ));
    rows.push(model(
        "5/items-path-required",
        cm(),
        item_path,
        REQUIRED,
        |p| config_map_of(p).items[0].path.clear(),
        |p| config_map_of(p).items[0].path = "f".into(),
    ));
    rows.push(model(
        "5/items-path-relative",
        cm(),
        item_path,
        INVALID,
        |p| config_map_of(p).items[0].path = "/etc/app.conf".into(),
        |p| config_map_of(p).items[0].path = "etc/app.conf".into(),
    ));
    rows.push(model(
        "5/items-path-backsteps",
        cm(),
        item_path,
        INVALID,
        |p| config_map_of(p).items[0].path = "a/../../b".into(),
        |p| config_map_of(p).items[0].path = "a/..b/c..".into(),
    ));
    rows.push(model(
        "5/items-path-dotdot-prefix",
        cm(),
        item_path,
        INVALID,
        |p| config_map_of(p).items[0].path = "..data".into(),
        |p| config_map_of(p).items[0].path = ".data".into(),
    ));
    rows.push(model(
        "5/secret-name-required",
        pod_with(secret_source()),
        "spec.volumes[0].secret.secretName",
        REQUIRED,
        |p| secret_of(p).secret_name.clear(),
        |p| secret_of(p).secret_name = "s".into(),
    ));
    rows.push(model(
        "5/secret-items-path-relative",
        pod_with(secret_source()),
        "spec.volumes[0].secret.items[0].path",
        INVALID,
        |p| secret_of(p).items[0].path = "/key".into(),
        |p| secret_of(p).items[0].path = "key".into(),
    ));
    let da = || pod_with(downward_source());
    let field = |p: &mut Pod, f: &str| {
        downward_of(p).items[0].source = DownwardApiSource::Field(f.into());
    };
    let resource = |p: &mut Pod, container: &str, resource: &str, divisor: Option<&str>| {
        downward_of(p).items[1].source = DownwardApiSource::Resource {
            container_name: container.into(),
            resource: resource.into(),
            divisor: divisor.map(q),
        };
    };
    rows.push(model(
        "5/downwardAPI-path-required",
        da(),
        "spec.volumes[0].downwardAPI.path",
        REQUIRED,
        |p| downward_of(p).items[0].path.clear(),
        |p| downward_of(p).items[0].path = "l".into(),
    ));
    rows.push(model(
        "5/downwardAPI-path-relative",
        da(),
        "spec.volumes[0].downwardAPI.path",
        INVALID,
        |p| downward_of(p).items[0].path = "/labels".into(),
        |p| downward_of(p).items[0].path = "pod/labels".into(),
    ));
    rows.push(model(
        "5/downwardAPI-path-backsteps",
        da(),
        "spec.volumes[0].downwardAPI.path",
        INVALID,
        |p| downward_of(p).items[0].path = "../labels".into(),
        |p| downward_of(p).items[0].path = "labels/..x".into(),
    ));
    rows.push(model(
        "5/downwardAPI-fieldPath-required",
        da(),
        "spec.volumes[0].downwardAPI.fieldRef.fieldPath",
        REQUIRED,
        move |p| field(p, ""),
        move |p| field(p, "metadata.name"),
    ));
    rows.push(model(
        "5/downwardAPI-fieldPath-supported",
        da(),
        "spec.volumes[0].downwardAPI.fieldRef.fieldPath",
        NOT_SUPPORTED,
        move |p| field(p, "spec.nodeName"),
        move |p| field(p, "metadata.uid"),
    ));
    rows.push(model(
        "5/downwardAPI-fieldPath-unknown",
        da(),
        "spec.volumes[0].downwardAPI.fieldRef.fieldPath",
        INVALID,
        move |p| field(p, "spec.bogus"),
        move |p| field(p, "metadata.namespace"),
    ));
    rows.push(model(
        "5/downwardAPI-fieldPath-subscript",
        da(),
        "spec.volumes[0].downwardAPI.fieldRef",
        INVALID,
        move |p| field(p, "metadata.labels['a/b/c']"),
        move |p| field(p, "metadata.annotations['Example.COM/Key']"),
    ));
    rows.push(model(
        "5/downwardAPI-containerName-required",
        da(),
        "spec.volumes[0].downwardAPI.resourceFieldRef.containerName",
        REQUIRED,
        move |p| resource(p, "", "limits.memory", None),
        move |p| resource(p, "app", "limits.memory", None),
    ));
    rows.push(model(
        "5/downwardAPI-resource-supported",
        da(),
        "spec.volumes[0].downwardAPI.resourceFieldRef.resource",
        NOT_SUPPORTED,
        move |p| resource(p, "app", "limits.gpu", None),
        move |p| resource(p, "app", "requests.hugepages-2Mi", None),
    ));
    rows.push(model(
        "5/downwardAPI-divisor",
        da(),
        "spec.volumes[0].downwardAPI.resourceFieldRef.divisor",
        INVALID,
        move |p| resource(p, "app", "limits.cpu", Some("2")),
        move |p| resource(p, "app", "limits.cpu", Some("1m")),
    ));
    let csi = || pod_with(csi_source());
    rows.push(model(
        "5/csi-driver-required",
        csi(),
        "spec.volumes[0].csi.driver",
        REQUIRED,
        |p| csi_of(p).driver.clear(),
        |p| csi_of(p).driver = "d".into(),
    ));
    rows.push(model(
        "5/csi-driver-length",
        csi(),
        "spec.volumes[0].csi.driver",
        TOO_LONG,
        |p| csi_of(p).driver = format!("{}.io", long('d', 61)),
        |p| csi_of(p).driver = format!("{}.io", long('d', 60)),
    ));
    rows.push(model(
        "5/csi-driver-format",
        csi(),
        "spec.volumes[0].csi.driver",
        INVALID,
        |p| csi_of(p).driver = "secrets_store.csi.k8s.io".into(),
        // Checked lower-cased: upper case is accepted.
        |p| csi_of(p).driver = "Secrets-Store.CSI.k8s.io".into(),
    ));
    rows.push(model(
        "5/csi-secret-name-required",
        csi(),
        "spec.volumes[0].csi.nodePublishSecretRef.name",
        REQUIRED,
        |p| csi_of(p).node_publish_secret_ref = Some(LocalObjectReference { name: "".into() }),
        |p| csi_of(p).node_publish_secret_ref = None,
    ));
    rows.push(model(
        "5/csi-secret-name-format",
        csi(),
        "spec.volumes[0].csi.name",
        INVALID,
        |p| {
            csi_of(p).node_publish_secret_ref = Some(LocalObjectReference {
                name: "Creds".into(),
            })
        },
        |p| {
            csi_of(p).node_publish_secret_ref = Some(LocalObjectReference {
                name: subdomain(253),
            })
        },
    ));
    rows.push(model(
        "5/ephemeral-template-metadata",
        pod_with(ephemeral_source()),
        "spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.name",
        FORBIDDEN,
        |p| ephemeral_of(p).volume_claim_template.metadata.name = Some("x".into()),
        |p| {
            ephemeral_of(p)
                .volume_claim_template
                .metadata
                .labels
                .insert("app".into(), "web".into());
        },
    ));
    rows.push(model(
        "5/ephemeral-template-claim-rules",
        pod_with(ephemeral_source()),
        "spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources[storage]",
        INVALID,
        |p| {
            ephemeral_of(p)
                .volume_claim_template
                .spec
                .resources
                .requests = q("0")
        },
        |p| {
            ephemeral_of(p)
                .volume_claim_template
                .spec
                .resources
                .requests = q("1")
        },
    ));
    rows.push(model(
        "5/ephemeral-template-access-modes",
        pod_with(ephemeral_source()),
        "spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes",
        REQUIRED,
        |p| ephemeral_of(p).volume_claim_template.spec.access_modes = AccessModes::EMPTY,
        |p| {
            ephemeral_of(p).volume_claim_template.spec.access_modes =
                AccessModes::from(AccessMode::ReadWriteOncePod)
        },
    ));
    rows.push(model(
        "5/ephemeral-claim-name",
        pod_with(ephemeral_source()),
        "spec.volumes[0].name",
        INVALID,
        // `<pod>-<volume>` must be a DNS-1123 subdomain: 200 + 1 + 53 = 254 bytes.
        |p| {
            p.metadata.name = long('p', 200);
            rename_volume(p, &long('v', 53));
        },
        |p| {
            p.metadata.name = long('p', 200);
            rename_volume(p, &long('v', 52));
        },
    ));
}

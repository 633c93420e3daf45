//! Mutation rows: legacy in-tree and iSCSI PersistentVolume sources (rules/pv.rs).

use super::*;

/// §5 rules of the sources kvol models only as PersistentVolumes: iSCSI and the legacy
/// plugins.
pub(super) fn legacy_and_iscsi(rows: &mut Vec<Row>) {
    rows.push(model(
        "5/iscsi-targetPortal-required",
        pv_iscsi(),
        "spec.iscsi.targetPortal",
        REQUIRED,
        |p| pv_iscsi_of(p).target_portal.clear(),
        |p| pv_iscsi_of(p).target_portal = "storage.example.com".into(),
    ));
    rows.push(model(
        "5/iscsi-iqn-required",
        pv_iscsi(),
        "spec.iscsi.iqn",
        REQUIRED,
        |p| pv_iscsi_of(p).iqn.clear(),
        |p| pv_iscsi_of(p).iqn = "iqn.2001-04.com.example:x".into(),
    ));
    for (id, bad, good) in [
        (
            "5/iscsi-iqn-prefix",
            "iscsi.2001-04.com.example:x",
            "iqn.2001-04.com.example:x",
        ),
        (
            "5/iscsi-iqn-format",
            "iqn.2001-4.com.example:x",
            "iqn.2001-04.com.example:x:y",
        ),
        (
            "5/iscsi-iqn-unique-name-chars",
            "iqn.2001-04.com.example:a b",
            "iqn.2001-04.com.example:a.b",
        ),
        (
            "5/iscsi-eui-format",
            "eui.02004567A425678",
            "eui.02004567A425678D",
        ),
        (
            "5/iscsi-naa-format",
            "naa.52004567BA64678D52004567BA64678",
            "naa.52004567BA64678D52004567BA64678D",
        ),
    ] {
        rows.push(model(
            id,
            pv_iscsi(),
            "spec.iscsi.iqn",
            INVALID,
            move |p| pv_iscsi_of(p).iqn = bad.into(),
            move |p| pv_iscsi_of(p).iqn = good.into(),
        ));
    }
    rows.push(model(
        "5/iscsi-lun-max",
        pv_iscsi(),
        "spec.iscsi.lun",
        INVALID,
        |p| pv_iscsi_of(p).lun = 256,
        |p| pv_iscsi_of(p).lun = 255,
    ));
    rows.push(model(
        "5/iscsi-lun-min",
        pv_iscsi(),
        "spec.iscsi.lun",
        INVALID,
        |p| pv_iscsi_of(p).lun = -1,
        |p| pv_iscsi_of(p).lun = 0,
    ));

    // Required fields of the legacy plugins: (id, plugin, path, clear the field).
    type Clear = fn(&mut LegacySource);
    let required: [(&'static str, &'static str, &'static str, Clear); 14] = [
        (
            "5/gcePersistentDisk-pdName-required",
            "gcePersistentDisk",
            "spec.persistentDisk.pdName",
            |s| {
                if let LegacySource::GcePersistentDisk { pd_name, .. } = s {
                    pd_name.clear();
                }
            },
        ),
        (
            "5/awsElasticBlockStore-volumeID-required",
            "awsElasticBlockStore",
            "spec.awsElasticBlockStore.volumeID",
            |s| {
                if let LegacySource::AwsElasticBlockStore { volume_id, .. } = s {
                    volume_id.clear();
                }
            },
        ),
        (
            "5/azureDisk-diskName-required",
            "azureDisk",
            "spec.azureDisk.diskName",
            |s| {
                if let LegacySource::AzureDisk { disk_name, .. } = s {
                    disk_name.clear();
                }
            },
        ),
        (
            "5/azureDisk-diskURI-required",
            "azureDisk",
            "spec.azureDisk.diskURI",
            |s| {
                if let LegacySource::AzureDisk { disk_uri, .. } = s {
                    disk_uri.clear();
                }
            },
        ),
        (
            "5/azureFile-secretName-required",
            "azureFile",
            "spec.azureFile.secretName",
            |s| {
                if let LegacySource::AzureFile { secret_name, .. } = s {
                    secret_name.clear();
                }
            },
        ),
        (
            "5/azureFile-shareName-required",
            "azureFile",
            "spec.azureFile.shareName",
            |s| {
                if let LegacySource::AzureFile { share_name, .. } = s {
                    share_name.clear();
                }
            },
        ),
        (
            "5/cinder-volumeID-required",
            "cinder",
            "spec.cinder.volumeID",
            |s| {
                if let LegacySource::Cinder { volume_id, .. } = s {
                    volume_id.clear();
                }
            },
        ),
        (
            "5/cephfs-monitors-required",
            "cephfs",
            "spec.cephfs.monitors",
            |s| {
                if let LegacySource::Cephfs { monitors, .. } = s {
                    monitors.clear();
                }
            },
        ),
        ("5/rbd-monitors-required", "rbd", "spec.rbd.monitors", |s| {
            if let LegacySource::Rbd { monitors, .. } = s {
                monitors.clear();
            }
        }),
        ("5/rbd-image-required", "rbd", "spec.rbd.image", |s| {
            if let LegacySource::Rbd { image, .. } = s {
                image.clear();
            }
        }),
        (
            "5/glusterfs-endpoints-required",
            "glusterfs",
            "spec.glusterfs.endpoints",
            |s| {
                if let LegacySource::Glusterfs { endpoints, .. } = s {
                    endpoints.clear();
                }
            },
        ),
        (
            "5/glusterfs-path-required",
            "glusterfs",
            "spec.glusterfs.path",
            |s| {
                if let LegacySource::Glusterfs { path, .. } = s {
                    path.clear();
                }
            },
        ),
        (
            "5/vsphereVolume-volumePath-required",
            "vsphereVolume",
            "spec.vsphereVolume.volumePath",
            |s| {
                if let LegacySource::VsphereVolume { volume_path, .. } = s {
                    volume_path.clear();
                }
            },
        ),
        (
            "5/portworxVolume-volumeID-required",
            "portworxVolume",
            "spec.portworxVolume.volumeID",
            |s| {
                if let LegacySource::PortworxVolume { volume_id, .. } = s {
                    volume_id.clear();
                }
            },
        ),
    ];
    for (id, plugin, path, clear) in required {
        rows.push(model(
            id,
            pv_legacy(plugin),
            path,
            REQUIRED,
            move |p| clear(legacy_of(p)),
            |_| {},
        ));
    }
    // Partitions: 0..=255 (0 is accepted despite the message "between 1 and 255").
    type SetPartition = fn(&mut LegacySource, i32);
    let partitions: [(&str, &str, SetPartition); 2] = [
        (
            "gcePersistentDisk",
            "spec.persistentDisk.partition",
            |s, n| {
                if let LegacySource::GcePersistentDisk { partition, .. } = s {
                    *partition = Some(n);
                }
            },
        ),
        (
            "awsElasticBlockStore",
            "spec.awsElasticBlockStore.partition",
            |s, n| {
                if let LegacySource::AwsElasticBlockStore { partition, .. } = s {
                    *partition = Some(n);
                }
            },
        ),
    ];
    rows.push(model(
        "5/azureDisk-diskURI-format",
        pv_legacy("azureDisk"),
        "spec.azureDisk.diskURI",
        NOT_SUPPORTED,
        |p| {
            if let LegacySource::AzureDisk { disk_uri, .. } = legacy_of(p) {
                *disk_uri = "my-disk".into();
            }
        },
        |p| {
            if let LegacySource::AzureDisk { disk_uri, .. } = legacy_of(p) {
                *disk_uri = "https://acct.blob.core.windows.net/vhds/d.vhd".into();
            }
        },
    ));
    for (plugin, path, set) in partitions {
        let (max_id, min_id) = if plugin == "gcePersistentDisk" {
            (
                "5/gcePersistentDisk-partition-max",
                "5/gcePersistentDisk-partition-min",
            )
        } else {
            (
                "5/awsElasticBlockStore-partition-max",
                "5/awsElasticBlockStore-partition-min",
            )
        };
        rows.push(model(
            max_id,
            pv_legacy(plugin),
            path,
            INVALID,
            move |p| set(legacy_of(p), 256),
            move |p| set(legacy_of(p), 255),
        ));
        rows.push(model(
            min_id,
            pv_legacy(plugin),
            path,
            INVALID,
            move |p| set(legacy_of(p), -1),
            move |p| set(legacy_of(p), 0),
        ));
    }
}

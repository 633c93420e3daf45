//! The second release's kinds against real manifests other people wrote
//! (`shared/realworld/docs/`, read in place, never copied): each is rebuilt with kvol's
//! builders, must pass kvol's rules, and must render YAML that means what the original says
//! (every field of the original present with the same value; only defaults kvol spells out,
//! such as `protocol: TCP`, may be extra). Skipped when the folder is not there.

#[path = "support/reference.rs"]
mod reference;

use kvol_core::{
    AccessMode, ConfigMap, PersistentVolumeClaim, PodDisruptionBudget, Secret,
    VolumeAttributesClass, VolumeSnapshot, VolumeSnapshotClass, render::ToDocuments,
    statefulset::IntOrPercent,
};
use reference::{diff, yaml_documents};
use serde::Deserialize;
use serde_json::Value;

/// The real-world folder, relative to the repository root.
fn realworld() -> Option<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/realworld/docs");
    root.is_dir().then_some(root)
}

/// The documents of a real-world file (comments and `---` as the file has them).
fn original(file: &str) -> Option<Vec<Value>> {
    let Some(dir) = realworld() else {
        eprintln!("skipping: no shared/realworld/docs beside the repository");
        return None;
    };
    let text = std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    Some(
        serde_yaml::Deserializer::from_str(&text)
            .map(|d| Value::deserialize(d).unwrap_or_else(|e| panic!("{file}: {e}")))
            .filter(|v| !v.is_null())
            .collect(),
    )
}

/// Asserts that `built` (valid) renders what document `index` of `file` means.
fn same<T: ToDocuments>(
    file: &str,
    index: usize,
    built: Result<kvol_core::Valid<T>, kvol_core::Report>,
) {
    let built = built.unwrap_or_else(|r| panic!("{file}: kvol rejects its rebuild:\n{r}"));
    let Some(docs) = original(file) else {
        return;
    };
    let ours = yaml_documents(&built.to_yaml());
    let mut out = Vec::new();
    diff(
        &format!("{file}#{index}"),
        "",
        &docs[index],
        &ours[0],
        &mut out,
    );
    assert!(out.is_empty(), "{}", out.join("\n"));
}

#[test]
fn external_snapshotter_examples() {
    same(
        "kubernetes-csi__external-snapshotter__examples__kubernetes__snapshotclass-v1.yaml",
        0,
        VolumeSnapshotClass::builder("csi-hostpath-snapclass-v1", "hostpath.csi.k8s.io").build(),
    );
    same(
        "kubernetes-csi__external-snapshotter__examples__kubernetes__snapshot-v1.yaml",
        0,
        VolumeSnapshot::builder("new-snapshot-demo-v1")
            .class("csi-hostpath-snapclass-v1")
            .of_claim("hpvc")
            .build(),
    );
    same(
        "kubernetes-csi__external-snapshotter__examples__kubernetes__restore.yaml",
        0,
        PersistentVolumeClaim::builder("hpvc-restore")
            .storage_class("csi-hostpath-sc")
            .from_snapshot("new-snapshot-demo-v1")
            .access_mode(AccessMode::ReadWriteOnce)
            .request("1Gi")
            .build(),
    );
}

#[test]
fn volume_attributes_classes() {
    same(
        "kubernetes-sigs__azurefile-csi-driver__deploy__example__modifyvolume__volumeattributesclass.yaml",
        0,
        VolumeAttributesClass::builder("premiumv2-fileshare-class", "file.csi.azure.com")
            .parameter("provisionedIOPS", "5000")
            .parameter("provisionedBandwidth", "200")
            .build(),
    );
    same(
        "rook__rook__deploy__examples__csi__rbd__volumeattributesclass-cgroup.yaml",
        0,
        VolumeAttributesClass::builder("rook-ceph-rbd-cgroup-qos", "rook-ceph.rbd.csi.ceph.com")
            .parameter("maxReadIops", "1000")
            .parameter("maxWriteIops", "2000")
            .parameter("maxReadBps", "104857600")
            .parameter("maxWriteBps", "209715200")
            .build(),
    );
    // The azuredisk example is written for v1alpha1, which Kubernetes 1.35 no longer serves.
    same(
        "kubernetes-sigs__azuredisk-csi-driver__deploy__example__modifyvolume__volumeattributesclass.yaml",
        0,
        VolumeAttributesClass::builder("premium2-disk-class", "disk.csi.azure.com")
            .api_version(kvol_core::attributes_class::AttributesClassVersion::V1alpha1)
            .target(kvol_core::KubeVersion::new(30).unwrap_or_default())
            .parameter("DiskIOPSReadWrite", "5000")
            .parameter("DiskMBpsReadWrite", "1200")
            .build(),
    );
}

#[test]
fn budgets_secrets_and_config_maps() {
    same(
        "GoogleCloudPlatform__kubernetes-engine-samples__quickstarts__hello-app-redis__manifests__pdb-minavailable.yaml",
        0,
        PodDisruptionBudget::builder("redis-pdb")
            .min_available(IntOrPercent::Int(3))
            .selector_label("app", "redis")
            .build(),
    );
    same(
        "GoogleCloudPlatform__kubernetes-engine-samples__databases__gke-stateful-mysql__kubernetes__mysql-pdb-maxunavailable.yaml",
        0,
        PodDisruptionBudget::builder("mysql-pdb")
            .max_unavailable(IntOrPercent::Int(1))
            .selector_label("app", "mysql")
            .build(),
    );
    same(
        "ceph__ceph-csi__examples__rbd__secret.yaml",
        0,
        Secret::builder("csi-rbd-secret")
            .namespace("default")
            .string_data("userID", "<plaintext ID>")
            .string_data("userKey", "<Ceph auth key corresponding to ID above>")
            .string_data("encryptionPassphrase", "test_passphrase")
            .build(),
    );
    let thanos = "type: s3\nconfig:\n  bucket: thanos\n  endpoint: minio.thanos:9000\n  \
                  insecure: true\n  access_key: minio\n  secret_key: minio123\n";
    same(
        "thanos-io__kube-thanos__examples__development-minio__minio-secret-thanos.yaml",
        0,
        Secret::builder("thanos-objectstorage")
            .namespace("thanos")
            .string_data("thanos.yaml", thanos)
            .type_("Opaque")
            .build(),
    );
    let Some(docs) = original(
        "GoogleCloudPlatform__kubernetes-engine-samples__quickstarts__hello-app-redis__manifests__redis-configmap.yaml",
    ) else {
        return;
    };
    // Every ConfigMap of the file, rebuilt from its own data: names, keys and values (block
    // scalars with trailing newlines kept) survive kvol's rendering.
    for (i, doc) in docs.iter().enumerate() {
        let mut b = ConfigMap::builder(doc["metadata"]["name"].as_str().unwrap_or_default());
        if let Some(data) = doc["data"].as_object() {
            for (k, v) in data {
                b = b.data(k.clone(), v.as_str().unwrap_or_default());
            }
        }
        let built = b.build().unwrap_or_else(|r| panic!("ConfigMap {i}: {r}"));
        let ours = yaml_documents(&built.to_yaml());
        let mut out = Vec::new();
        diff(&format!("redis-configmap#{i}"), "", doc, &ours[0], &mut out);
        assert!(out.is_empty(), "{}", out.join("\n"));
    }
}

/// `23/kvol-attributes-class-not-served`: a VolumeAttributesClass in an API version the target
/// serves only when enabled (v1alpha1, v1beta1) gets kvol's warning; v1 from 1.34 none.
#[test]
fn attributes_class_versions_by_target() {
    use kvol_core::{KubeVersion, Validate, attributes_class::AttributesClassVersion as V};
    for minor in 30..=37 {
        let target = KubeVersion::new(minor).unwrap_or_default();
        for version in V::ALL {
            let mut c = VolumeAttributesClass::builder("gold", "ebs.csi.aws.com")
                .parameter("iops", "5000")
                .build()
                .unwrap_or_else(|r| panic!("{r}"))
                .into_inner();
            c.api_version = version;
            let r = c.check_for(target);
            let (first, last) = version.served_in();
            let served = (first..=last).contains(&minor);
            assert_eq!(r.is_ok(), served, "{version} at 1.{minor}: {r}");
            let warned = r.warnings.iter().any(|w| w.path.as_str() == "apiVersion");
            assert_eq!(warned, served && version != V::V1, "{version} at 1.{minor}");
        }
    }
}

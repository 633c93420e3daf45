//! Acceptance: the seed document's six scenarios, built with the builder API, mean exactly what
//! the reference manifests in `tests/data/reference/` (copied from `shared/reference/`) say.
//!
//! The comparison is on JSON values: the rendered documents (`serde_json::to_value` of each
//! [`Document`], in render order) against the reference parsed with serde_yaml. It is strict:
//! same documents in the same order, same keys, same values, same list order. The only thing the
//! output may add is a Kubernetes default listed in [`DOCUMENTED_DEFAULTS`].

use kvol_core::{
    AccessMode, Container, Document, PersistentVolume, PersistentVolumeClaim, Pod, PvcTemplate,
    ReclaimPolicy, StatefulSet, StorageClass, VolumeMode, VolumeSource, legacy::LegacySource,
    render::ToDocuments, volume::HostPathType,
};
use serde_json::Value;

#[path = "support/reference.rs"]
mod reference;
use reference::{assert_matches_reference, diff};

/// The documents of `objects`, in render order, as JSON values.
fn rendered(objects: &[&dyn ToDocuments]) -> Vec<Value> {
    let mut out = Vec::new();
    for o in objects {
        o.each_document(&mut |d: Document<'_>| {
            out.push(serde_json::to_value(d).expect("kvol types serialize"))
        });
    }
    out
}

#[test]
fn s01_emptydir_count_pod() {
    let pod = Pod::builder("count")
        .container(
            Container::builder("html-generator", "gasbugs/count").mount("html", "/var/htdocs"),
        )
        .container(
            Container::builder("web-server", "httpd")
                .port(80)
                .mount_read_only("html", "/usr/local/apache2/htdocs"),
        )
        .volume("html", VolumeSource::empty_dir())
        .build()
        .unwrap_or_else(|r| panic!("{r}"));
    assert_matches_reference("01-emptydir-count-pod.yaml", rendered(&[&*pod]));
}

#[test]
fn s02_hostpath_httpd() {
    let pod = Pod::builder("hostpath-http")
        .container(
            Container::builder("web-server", "httpd")
                .port(80)
                .mount("html", "/usr/local/apache2/htdocs"),
        )
        .volume(
            "html",
            VolumeSource::host_path("/var/htdocs", HostPathType::Directory),
        )
        .build()
        .unwrap_or_else(|r| panic!("{r}"));
    assert_matches_reference("02-hostpath-httpd.yaml", rendered(&[&*pod]));
}

#[test]
fn s03_nfs_httpd() {
    let pod = Pod::builder("nfs-httpd")
        .container(
            Container::builder("web", "httpd")
                .mount_read_only("nfs-volume", "/usr/local/apache2/htdocs"),
        )
        .volume(
            "nfs-volume",
            VolumeSource::nfs("10.0.2.5", "/home/nfs", false),
        )
        .build()
        .unwrap_or_else(|r| panic!("{r}"));
    assert_matches_reference("03-nfs-httpd.yaml", rendered(&[&*pod]));
}

#[test]
fn s04_mongodb_static_pv() {
    let pod = Pod::builder("mongodb")
        .container(Container::builder("mongodb", "mongo").mount("mongodb", "/data/db"))
        .volume("mongodb", VolumeSource::claim("mongo-pvc", false))
        .build()
        .unwrap_or_else(|r| panic!("{r}"));
    let pvc = PersistentVolumeClaim::builder("mongo-pvc")
        .access_mode(AccessMode::ReadWriteOnce)
        .request("1Gi")
        .no_storage_class()
        .build()
        .unwrap_or_else(|r| panic!("{r}"));
    let pv = PersistentVolume::builder("mongo-pv")
        .capacity("1Gi")
        .volume_mode(VolumeMode::Filesystem)
        .access_mode(AccessMode::ReadWriteOnce)
        .access_mode(AccessMode::ReadOnlyMany)
        .reclaim_policy(ReclaimPolicy::Retain)
        .no_storage_class()
        .legacy(LegacySource::GcePersistentDisk {
            pd_name: "mongodb".into(),
            fs_type: Some("ext4".into()),
            partition: None,
            read_only: false,
        })
        .build()
        .unwrap_or_else(|r| panic!("{r}"));
    assert_matches_reference("04-mongodb-static-pv.yaml", rendered(&[&*pod, &*pvc, &*pv]));
}

#[test]
fn s05_dynamic_storageclass() {
    let class = StorageClass::builder("storage-class", "kubernetes.io/gce-pd")
        .parameter("type", "pd-ssd")
        .build()
        .unwrap_or_else(|r| panic!("{r}"));
    let pvc = PersistentVolumeClaim::builder("mongodb-pvc")
        .access_mode(AccessMode::ReadWriteOnce)
        .request("1Gi")
        .storage_class("storage-class")
        .build()
        .unwrap_or_else(|r| panic!("{r}"));
    let pod = Pod::builder("mongodb")
        .container(Container::builder("mongodb", "mongo").mount("mongodb-data", "/data/db"))
        .volume("mongodb-data", VolumeSource::claim("mongodb-pvc", false))
        .build()
        .unwrap_or_else(|r| panic!("{r}"));
    assert_matches_reference(
        "05-dynamic-storageclass.yaml",
        rendered(&[&*class, &*pvc, &*pod]),
    );
}

#[test]
fn s06_statefulset_web() {
    let web = StatefulSet::builder("web")
        .service_name("nginx")
        .label("app", "nginx")
        .replicas(3)
        .grace_period(10)
        .container(
            Container::builder("nginx", "registry.k8s.io/nginx-slim:0.8")
                .named_port("web", 80)
                .mount("www", "/usr/share/nginx/html"),
        )
        .claim(
            PvcTemplate::builder("www")
                .access_mode(AccessMode::ReadWriteOnce)
                .storage_class("standard")
                .request("1Gi"),
        )
        .build()
        .unwrap_or_else(|r| panic!("{r}"));
    // One object, two documents: the headless Service first.
    assert_matches_reference("06-statefulset-web.yaml", rendered(&[&*web]));
}

/// The comparison itself: strict about everything but the listed defaults.
#[test]
fn comparison_is_strict() {
    let expected = serde_json::json!({"a": {"ports": [{"port": 80}]}, "b": [1, 2]});
    let check = |actual: Value| {
        let mut out = Vec::new();
        diff("doc", "", &expected, &actual, &mut out);
        out
    };
    // The documented default may be spelled out…
    let ok = serde_json::json!({"a": {"ports": [{"port": 80, "protocol": "TCP"}]}, "b": [1, 2]});
    assert!(check(ok).is_empty());
    // …but not another value, nor outside a `ports` list, nor any other extra key.
    let udp = serde_json::json!({"a": {"ports": [{"port": 80, "protocol": "UDP"}]}, "b": [1, 2]});
    assert_eq!(check(udp), ["doc.a.ports[0].protocol: unexpected \"UDP\""]);
    let elsewhere =
        serde_json::json!({"a": {"ports": [{"port": 80}], "protocol": "TCP"}, "b": [1, 2]});
    assert_eq!(check(elsewhere), ["doc.a.protocol: unexpected \"TCP\""]);
    // Missing keys, other values, other list lengths and list order all count.
    let missing = serde_json::json!({"a": {"ports": [{}]}, "b": [2, 1, 3]});
    assert_eq!(check(missing).len(), 2);
    let reordered = serde_json::json!({"a": {"ports": [{"port": 80}]}, "b": [2, 1]});
    assert_eq!(check(reordered).len(), 2);
    // Numbers and strings never compare equal ("80" is not 80).
    let string = serde_json::json!({"a": {"ports": [{"port": "80"}]}, "b": [1, 2]});
    assert_eq!(check(string).len(), 1);
}

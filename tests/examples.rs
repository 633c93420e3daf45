//! Every example (`examples/*.rs`, written with the DSL) renders YAML that, read back,
//! means exactly what its reference manifest says (`kvol-core/tests/data/reference/`: the
//! seed's, copied from `shared/reference/`, and kvol's own hand-written ones from 07 on for the
//! second release's kinds and the production-style sets written from real manifests, which
//! `tests/realworld_examples.rs` also compares with those manifests themselves). Only Kubernetes defaults kvol spells out may be extra.

#[path = "../kvol-core/tests/support/reference.rs"]
mod reference;

use reference::{assert_matches_reference, yaml_documents};

macro_rules! example {
    ($($module:ident => $file:literal),* $(,)?) => {$(
        #[test]
        fn $module() {
            let yaml = $module::manifests().to_yaml();
            assert_matches_reference($file, yaml_documents(&yaml));
            assert!($module::manifests().warnings().iter().all(|w| !w.message.is_empty()));
        }
    )*};
}

#[path = "../examples/deployment_nfs_rwx.rs"]
mod deployment_nfs_rwx;
#[path = "../examples/dynamic_provisioning.rs"]
mod dynamic_provisioning;
#[path = "../examples/emptydir_count.rs"]
mod emptydir_count;
#[path = "../examples/gke_redis_cluster.rs"]
mod gke_redis_cluster;
#[path = "../examples/gke_stateful_mysql.rs"]
mod gke_stateful_mysql;
#[path = "../examples/hostpath_httpd.rs"]
mod hostpath_httpd;
#[path = "../examples/mongodb_static_pv.rs"]
mod mongodb_static_pv;
#[path = "../examples/nfs_httpd.rs"]
mod nfs_httpd;
#[path = "../examples/snapshot_restore.rs"]
mod snapshot_restore;
#[path = "../examples/statefulset_web.rs"]
mod statefulset_web;
#[path = "../examples/thanos_store.rs"]
mod thanos_store;

example! {
    emptydir_count => "01-emptydir-count-pod.yaml",
    hostpath_httpd => "02-hostpath-httpd.yaml",
    nfs_httpd => "03-nfs-httpd.yaml",
    mongodb_static_pv => "04-mongodb-static-pv.yaml",
    dynamic_provisioning => "05-dynamic-storageclass.yaml",
    statefulset_web => "06-statefulset-web.yaml",
    deployment_nfs_rwx => "07-deployment-nfs-rwx.yaml",
    snapshot_restore => "08-snapshot-restore.yaml",
    gke_stateful_mysql => "09-gke-stateful-mysql.yaml",
    gke_redis_cluster => "10-gke-redis-cluster.yaml",
    thanos_store => "11-thanos-store.yaml",
}

/// The new kinds' examples give no warning: the shared claim is ReadWriteMany, the budget
/// allows an eviction, the snapshot and its class are in the set.
#[test]
fn new_kind_examples_are_warning_free() {
    assert!(deployment_nfs_rwx::manifests().warnings().is_empty());
    assert!(snapshot_restore::manifests().warnings().is_empty());
}

/// The seed's deprecated plugins are reported, with the replacement named.
#[test]
fn removed_plugins_are_warned_about() {
    let pv = mongodb_static_pv::manifests();
    let gce: Vec<_> = pv
        .warnings()
        .iter()
        .filter(|w| w.message.contains("gcePersistentDisk"))
        .collect();
    assert!(
        !gce.is_empty(),
        "no gcePersistentDisk warning in {:?}",
        pv.warnings()
    );
    assert!(
        gce.iter()
            .any(|w| w.message.contains("pd.csi.storage.gke.io")),
        "{gce:?}"
    );
}

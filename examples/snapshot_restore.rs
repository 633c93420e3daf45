//! Snapshot and restore with the CSI snapshot CRDs (the external-snapshotter's example): a
//! VolumeSnapshotClass of the hostpath CSI driver, a snapshot of claim `hpvc`, and a claim
//! restored from it.
//!
//! Run: `cargo run --example snapshot_restore`.
//!
//! What kvol checks: the snapshot names an existing claim and class; the restored claim names
//! a snapshot of the set (a `dataSource` of kind VolumeSnapshot with its API group, which the
//! API server would otherwise drop); the snapshot class's driver is the restored claim's
//! provisioner (another driver could not restore it, and the claim would stay Pending).
//! The cluster needs the snapshot CRDs and controller installed.

use kvol::{Manifests, Valid};

/// The set: StorageClass, VolumeSnapshotClass, the source claim, the snapshot, the restore.
pub fn manifests() -> Valid<Manifests> {
    kvol::manifests! {
        storage_class {
            name: csi-hostpath-sc,
            provisioner: "hostpath.csi.k8s.io",
            reclaim: Delete,
            binding: Immediate,
            allow_expansion: true,
        },
        volume_snapshot_class {
            name: csi-hostpath-snapclass,
            driver: "hostpath.csi.k8s.io",
            deletion: Delete,
        },
        pvc { name: hpvc, access: RWO, request: 1Gi, class: csi-hostpath-sc },
        volume_snapshot { name: new-snapshot-demo, claim: hpvc, class: csi-hostpath-snapclass },
        pvc {
            name: hpvc-restore,
            access: RWO,
            request: 1Gi,
            class: csi-hostpath-sc,
            snapshot: new-snapshot-demo,
        },
    }
}

#[allow(dead_code)] // tests/examples.rs includes this file as a module
fn main() {
    print!("{}", manifests().to_yaml());
}

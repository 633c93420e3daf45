//! Seed scenario 5: dynamic provisioning — a StorageClass, a claim that names it, and a Pod
//! using the claim. No PersistentVolume is written by hand.
//!
//! Run: `cargo run --example dynamic_provisioning`.
//!
//! What the seed got wrong: its pod snippet indented `claimName` beside
//! `persistentVolumeClaim:` instead of under it, which leaves the source empty and adds an
//! unknown field. In kvol a claim volume is one token sequence (`claim mongodb-pvc`), and
//! `manifests!` checks that the claim exists and that its class is in the set (or declared
//! external). The provisioner `kubernetes.io/gce-pd` is in-tree; kvol warns and suggests the
//! CSI provisioner `pd.csi.storage.gke.io`.

use kvol::{Manifests, Valid};

/// The seed's StorageClass, claim and Pod.
pub fn manifests() -> Valid<Manifests> {
    let set = kvol::manifests! {
        storage_class {
            name: storage-class,
            provisioner: "kubernetes.io/gce-pd",
            parameters: { type: pd-ssd },
            allow: [in_tree_provisioner_gce_persistent_disk],
        },
        pvc { name: mongodb-pvc, access: RWO, request: 1Gi, class: "storage-class" },
        pod {
            name: mongodb,
            image: "mongo",
            mount: mongodb-data => "/data/db",
            volume mongodb-data: claim mongodb-pvc,
        },
    };
    set
}

#[allow(dead_code)] // tests/examples.rs includes this file as a module
fn main() {
    print!("{}", manifests().to_yaml());
}

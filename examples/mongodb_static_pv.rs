//! Seed scenario 4: static provisioning — a Pod claims `mongo-pvc`, which binds to the
//! hand-made PersistentVolume `mongo-pv`.
//!
//! Run: `cargo run --example mongodb_static_pv`.
//!
//! What the seed's YAML got wrong, and how kvol prevents it:
//! - Its first version named the claim `mongodb-pvc` while the pod claimed `mongo-pvc`: the
//!   pod would stay Pending forever. `manifests!` checks every `claim` against the claims of
//!   the set at compile time (`Not found: "mongo-pvc"`, with a "did you mean").
//! - "The PV's capacity must equal the claim's" is not the rule: the PV controller binds the
//!   smallest PV whose capacity is at least the request, whose access modes include the
//!   claim's, with the same class and volume mode. kvol simulates exactly that; a claim no PV
//!   can satisfy is a compile error listing each PV and why it was refused.
//! - `storageClassName: ""` does not mean "use dynamic provisioning": it means "no class",
//!   so the claim binds only to PVs without a class and is never provisioned. Unset means the
//!   cluster's default class. kvol keeps the three meanings apart (`class: ""` here).
//! - PersistentVolumes are cluster-scoped: kvol's PV type has no namespace field at all,
//!   while claims and pods are namespaced.
//! - `gcePersistentDisk` is an in-tree plugin removed in Kubernetes 1.28. kvol still writes
//!   it (the reference does) but warns at compile time and names the CSI driver to use
//!   instead (`pd.csi.storage.gke.io`); `allow: [...]` on the PV acknowledges that one warning.

use kvol::{Manifests, Valid};

/// The seed's mongodb Pod, its claim and the PersistentVolume it binds to.
pub fn manifests() -> Valid<Manifests> {
    let set = kvol::manifests! {
        pod {
            name: mongodb,
            image: "mongo",
            mount: mongodb => "/data/db",
            volume mongodb: claim mongo-pvc,
        },
        pvc { name: mongo-pvc, access: RWO, request: 1Gi, class: "" },
        pv {
            name: mongo-pv,
            capacity: 1Gi,
            volume_mode: Filesystem,
            access: RWO | ROX,
            reclaim: Retain,
            class: "",
            source: gce_pd { pd_name: mongodb, fs_type: ext4 },
            allow: [gce_persistent_disk_was_removed_in_kubernetes_1_28],
        },
    };
    set
}

#[allow(dead_code)] // tests/examples.rs includes this file as a module
fn main() {
    print!("{}", manifests().to_yaml());
}

//! A Deployment of three web servers sharing one ReadWriteMany NFS claim (a static NFS
//! PersistentVolume bound by name), its nginx configuration as a ConfigMap, and a
//! PodDisruptionBudget that lets a drain evict one pod at a time.
//!
//! Run: `cargo run --example deployment_nfs_rwx`.
//!
//! What kvol checks: the claim is ReadWriteMany, so three replicas rolled out with the default
//! RollingUpdate strategy can mount it from any node (with a ReadWriteOnce claim kvol warns:
//! a pod on another node could not attach it, and the rollout would never finish); the
//! ConfigMap and the key the volume projects exist in the set; the claim binds the NFS volume;
//! the budget selects the Deployment's pods and still allows an eviction.

use kvol::{Manifests, Valid};

/// The set: PersistentVolume, claim, ConfigMap, Deployment and PodDisruptionBudget.
pub fn manifests() -> Valid<Manifests> {
    kvol::manifests! {
        namespace: web,
        pv {
            name: web-content,
            capacity: 10Gi,
            access: RWX,
            reclaim: Retain,
            class: "",
            mount_options: ["nfsvers=4.1"],
            source: nfs "nfs.example.com" "/exports/web",
        },
        pvc { name: web-content, access: RWX, request: 10Gi, class: "", volume_name: web-content },
        config_map {
            name: nginx-conf,
            data: { default.conf: "server { listen 80; root /srv/www; }" },
        },
        deployment {
            name: web,
            replicas: 3,
            container nginx {
                image: "nginx:1.27",
                port: http 80,
                mount: content => "/srv/www" read_only,
                mount: conf => "/etc/nginx/conf.d" read_only,
            },
            volume content: claim web-content read_only,
            volume conf: config_map nginx-conf { items: ["default.conf" => "default.conf"] },
        },
        pdb { name: web, max_unavailable: 1, selector: { app: web } },
    }
}

#[allow(dead_code)] // tests/examples.rs includes this file as a module
fn main() {
    print!("{}", manifests().to_yaml());
}

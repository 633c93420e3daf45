//! Seed scenario 3: httpd serving an NFS export, mounted read-only.
//!
//! Run: `cargo run --example nfs_httpd`.
//!
//! What kvol checks: the export path must be absolute (the API server rejects `home/nfs`),
//! the server is required, and the mount must name a volume of the pod. The server address
//! `10.0.2.5` is written quoted in the YAML, so no reader can take it for a number.

use kvol::{Pod, Valid};

/// The seed's `nfs-httpd` pod.
pub fn manifests() -> Valid<Pod> {
    kvol::pod! {
        name: nfs-httpd,
        container web {
            image: "httpd",
            mount: nfs-volume => "/usr/local/apache2/htdocs" read_only,
        },
        volume nfs-volume: nfs "10.0.2.5" "/home/nfs",
    }
}

#[allow(dead_code)] // tests/examples.rs includes this file as a module
fn main() {
    print!("{}", manifests().to_yaml());
}

//! Seed scenario 2: httpd serving a directory of its node through a `hostPath` volume.
//!
//! Run: `cargo run --example hostpath_httpd`.
//!
//! What can go wrong here: a `hostPath` without `type` mounts whatever is (or is not) at the
//! path — a typo silently gives an empty directory created by the kubelet. The seed set
//! `type: Directory`, which is right; kvol warns at compile time when the type is left out
//! (`volume html: host_path "/var/htdocs"` would warn and suggest `Directory`,
//! `DirectoryOrCreate`, …).

use kvol::{Pod, Valid};

/// The seed's `hostpath-http` pod.
pub fn manifests() -> Valid<Pod> {
    kvol::pod! {
        name: hostpath-http,
        container web-server {
            image: "httpd",
            port: 80,
            mount: html => "/usr/local/apache2/htdocs",
        },
        volume html: host_path "/var/htdocs" Directory,
    }
}

#[allow(dead_code)] // tests/examples.rs includes this file as a module
fn main() {
    print!("{}", manifests().to_yaml());
}

//! Seed scenario 1: two containers of one pod share an `emptyDir` volume.
//!
//! `html-generator` writes `index.html` every ten seconds; `web-server` (httpd) serves it
//! read-only. Run: `cargo run --example emptydir_count`.
//!
//! What the seed's YAML got wrong: it put `ports:` at the pod level (`spec.ports`), a field
//! that does not exist — the API server rejects it as an unknown field under strict decoding
//! and silently drops it otherwise. In kvol a port can only be declared inside a container
//! (`port: 80` below), so the mistake cannot be written.

use kvol::{Pod, Valid};

/// The seed's `count` pod.
pub fn manifests() -> Valid<Pod> {
    kvol::pod! {
        name: count,
        container html-generator {
            image: "gasbugs/count",
            mount: html => "/var/htdocs",
        },
        container web-server {
            image: "httpd",
            port: 80,
            mount: html => "/usr/local/apache2/htdocs" read_only,
        },
        volume html: empty_dir,
    }
}

#[allow(dead_code)] // tests/examples.rs includes this file as a module
fn main() {
    print!("{}", manifests().to_yaml());
}

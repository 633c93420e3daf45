//! Seed scenario 6: the StatefulSet `web` with its headless Service `nginx` and a claim
//! template `www` (one 1Gi ReadWriteOnce volume per pod, class `standard`).
//!
//! Run: `cargo run --example statefulset_web`.
//!
//! What kvol guarantees that hand-written YAML does not: the headless Service is generated
//! from the StatefulSet (same name as `serviceName`, `clusterIP: None`, the pods' labels as
//! selector, a port per named container port), the selector always equals the template
//! labels, and the mount `www` must name a claim template or a volume. The seed's image
//! `k8s.gcr.io/nginx-slim:0.8` lives on a frozen registry; the reference uses
//! `registry.k8s.io`.

use kvol::{StatefulSet, Valid};

/// The seed's `web` StatefulSet (rendered with its Service).
pub fn manifests() -> Valid<StatefulSet> {
    kvol::statefulset! {
        name: web,
        service: nginx,
        labels: { app: nginx },
        replicas: 3,
        grace: 10s,
        container nginx {
            image: "registry.k8s.io/nginx-slim:0.8",
            port: web 80,
            mount: www => "/usr/share/nginx/html",
        },
        claim: www 1Gi RWO "standard",
    }
}

#[allow(dead_code)] // tests/examples.rs includes this file as a module
fn main() {
    print!("{}", manifests().to_yaml());
}

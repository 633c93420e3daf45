//! Prints the folder the build script wrote the manifests into (first line), then the
//! kustomization it wrote, so that `kubectl apply -k "$(cargo run -q | head -n1)"` applies them.

/// The folder `build.rs` wrote.
const MANIFESTS: &str = concat!(env!("OUT_DIR"), "/manifests");

/// Its `kustomization.yaml`, embedded at compile time.
const KUSTOMIZATION: &str = include_str!(concat!(env!("OUT_DIR"), "/manifests/kustomization.yaml"));

fn main() {
    println!("{MANIFESTS}");
    print!("{KUSTOMIZATION}");
}

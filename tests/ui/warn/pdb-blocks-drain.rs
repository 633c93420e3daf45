#![deny(deprecated)]

fn main() {
    let _ = kvol::manifests! {
        deployment { name: web, replicas: 2, image: "nginx" },
        pdb { name: web, min_available: 2, selector: { app: web } },
    };
}

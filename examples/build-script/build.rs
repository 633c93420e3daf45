//! Builds the seed's `web` StatefulSet (with its headless Service) and the `standard`
//! StorageClass with kvol's builders, and writes them into `$OUT_DIR/manifests`: one file per
//! document and a `kustomization.yaml`.
//!
//! kvol leaves files whose content did not change untouched, so rebuilding never rewrites them,
//! and it refuses a change Kubernetes forbids on an existing StatefulSet (a bigger claim
//! template, another selector, …) unless `KVOL_ALLOW_IMMUTABLE_CHANGES=1` says that the
//! StatefulSet will be recreated (`kubectl delete statefulset web --cascade=orphan`).

use kvol::{
    AccessMode, Container, Manifests, PvcTemplate, StatefulSet, StorageClass, Valid,
    output::OutputDir,
};
use std::{env, error::Error, path::PathBuf, process::ExitCode};

/// The set, validated as a whole (the claim template's class is the set's StorageClass).
fn manifests() -> Result<Valid<Manifests>, kvol::Report> {
    let standard = StorageClass::builder("standard", "pd.csi.storage.gke.io")
        .parameter("type", "pd-balanced")
        .allow_expansion(true)
        .build()?;
    let web = StatefulSet::builder("web")
        .service_name("nginx")
        .label("app", "nginx")
        .replicas(3)
        .grace_period(10)
        .container(
            Container::builder("nginx", "registry.k8s.io/nginx-slim:0.8")
                .named_port("web", 80)
                .mount("www", "/usr/share/nginx/html"),
        )
        .claim(
            PvcTemplate::builder("www")
                .access_mode(AccessMode::ReadWriteOnce)
                .storage_class("standard")
                .request("1Gi"),
        )
        .build()?;
    Valid::new(Manifests::new().with(standard).with(web))
}

fn run() -> Result<(), Box<dyn Error>> {
    // The manifests depend on this file only (and on kvol, which cargo tracks itself). Without
    // this line cargo would rerun the script whenever any file of the package changes.
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=KVOL_ALLOW_IMMUTABLE_CHANGES");
    let allow = env::var("KVOL_ALLOW_IMMUTABLE_CHANGES").is_ok_and(|v| v == "1");

    let set = manifests()?;
    for warning in set.warnings() {
        println!("cargo:warning=kvol: {warning}");
    }
    let dir = PathBuf::from(env::var("OUT_DIR")?).join("manifests");
    let summary = OutputDir::new(dir)
        .allow_immutable_changes(allow)
        .write(&set)?;
    // Not a `cargo:` line: shown by `cargo build -vv`, recorded in the build script's output.
    println!("kvol: {summary}");
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

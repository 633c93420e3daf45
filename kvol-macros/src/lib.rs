//! Procedural macros behind kvol's DSL. Use them through the `kvol` crate, which passes its own
//! path in; this crate is an implementation detail.
//!
//! Each entry point is a thin shim over [`kvol_dsl`], the ordinary library crate that parses,
//! checks and expands on `proc_macro2` token streams.

use kvol_dsl::Kind;
use proc_macro::TokenStream;

/// `statefulset!` (through `kvol::statefulset!`).
#[proc_macro]
pub fn statefulset_impl(input: TokenStream) -> TokenStream {
    kvol_dsl::expand(Kind::StatefulSet, input.into()).into()
}

/// `pod!` (through `kvol::pod!`).
#[proc_macro]
pub fn pod_impl(input: TokenStream) -> TokenStream {
    kvol_dsl::expand(Kind::Pod, input.into()).into()
}

/// `pvc!` (through `kvol::pvc!`).
#[proc_macro]
pub fn pvc_impl(input: TokenStream) -> TokenStream {
    kvol_dsl::expand(Kind::Pvc, input.into()).into()
}

/// `pv!` (through `kvol::pv!`).
#[proc_macro]
pub fn pv_impl(input: TokenStream) -> TokenStream {
    kvol_dsl::expand(Kind::Pv, input.into()).into()
}

/// `storage_class!` (through `kvol::storage_class!`).
#[proc_macro]
pub fn storage_class_impl(input: TokenStream) -> TokenStream {
    kvol_dsl::expand(Kind::StorageClass, input.into()).into()
}

/// `service!` (through `kvol::service!`).
#[proc_macro]
pub fn service_impl(input: TokenStream) -> TokenStream {
    kvol_dsl::expand(Kind::Service, input.into()).into()
}

/// `deployment!` (through `kvol::deployment!`).
#[proc_macro]
pub fn deployment_impl(input: TokenStream) -> TokenStream {
    kvol_dsl::expand(Kind::Deployment, input.into()).into()
}

/// `daemonset!` (through `kvol::daemonset!`).
#[proc_macro]
pub fn daemonset_impl(input: TokenStream) -> TokenStream {
    kvol_dsl::expand(Kind::DaemonSet, input.into()).into()
}

/// `config_map!` (through `kvol::config_map!`).
#[proc_macro]
pub fn config_map_impl(input: TokenStream) -> TokenStream {
    kvol_dsl::expand(Kind::ConfigMap, input.into()).into()
}

/// `secret!` (through `kvol::secret!`).
#[proc_macro]
pub fn secret_impl(input: TokenStream) -> TokenStream {
    kvol_dsl::expand(Kind::Secret, input.into()).into()
}

/// `pdb!` (through `kvol::pdb!`).
#[proc_macro]
pub fn pdb_impl(input: TokenStream) -> TokenStream {
    kvol_dsl::expand(Kind::Pdb, input.into()).into()
}

/// `volume_snapshot_class!` (through `kvol::volume_snapshot_class!`).
#[proc_macro]
pub fn volume_snapshot_class_impl(input: TokenStream) -> TokenStream {
    kvol_dsl::expand(Kind::SnapshotClass, input.into()).into()
}

/// `volume_snapshot!` (through `kvol::volume_snapshot!`).
#[proc_macro]
pub fn volume_snapshot_impl(input: TokenStream) -> TokenStream {
    kvol_dsl::expand(Kind::Snapshot, input.into()).into()
}

/// `volume_attributes_class!` (through `kvol::volume_attributes_class!`).
#[proc_macro]
pub fn volume_attributes_class_impl(input: TokenStream) -> TokenStream {
    kvol_dsl::expand(Kind::AttributesClass, input.into()).into()
}

/// `manifests!` (through `kvol::manifests!`).
#[proc_macro]
pub fn manifests_impl(input: TokenStream) -> TokenStream {
    kvol_dsl::expand(Kind::Manifests, input.into()).into()
}

/// Any of the macros, expanded so that the value asserts at run time that it renders as the
/// value the rules checked: `KIND ; $crate ; body`. For kvol's own tests (`tests/one_walk.rs`).
#[doc(hidden)]
#[proc_macro]
pub fn __self_checked_impl(input: TokenStream) -> TokenStream {
    let input = proc_macro2::TokenStream::from(input);
    let mut tokens = input.into_iter();
    let kind = match tokens.next() {
        Some(proc_macro2::TokenTree::Ident(i)) => match i.to_string().as_str() {
            "pod" => Kind::Pod,
            "statefulset" => Kind::StatefulSet,
            "pvc" => Kind::Pvc,
            "pv" => Kind::Pv,
            "storage_class" => Kind::StorageClass,
            "service" => Kind::Service,
            "deployment" => Kind::Deployment,
            "daemonset" => Kind::DaemonSet,
            "config_map" => Kind::ConfigMap,
            "secret" => Kind::Secret,
            "pdb" => Kind::Pdb,
            "volume_snapshot_class" => Kind::SnapshotClass,
            "volume_snapshot" => Kind::Snapshot,
            "volume_attributes_class" => Kind::AttributesClass,
            _ => Kind::Manifests,
        },
        _ => Kind::Manifests,
    };
    // Skip the `;` after the kind.
    let rest: proc_macro2::TokenStream = tokens.skip(1).collect();
    kvol_dsl::expand_with(kind, rest, true).into()
}

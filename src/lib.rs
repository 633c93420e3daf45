//! # kvol
//!
//! Kubernetes storage manifests in typed Rust, checked while your crate compiles and rendered as
//! YAML that the API server accepts and that every YAML reader reads the same way.
//!
//! Three ways in, one set of rules: the macros ([`statefulset!`], [`pod!`], [`pvc!`], [`pv!`],
//! [`storage_class!`], [`manifests!`]) check their input at compile time with the same
//! kvol-core rules the builders ([`Pod::builder`], …) run at run time. The macro syntax is
//! described in [`macros`]. From `build.rs`, [`output`] writes a validated set into a folder
//! (feature `build-script`).
#![forbid(unsafe_code)]

extern crate self as kvol;

pub use kvol_core::*;

/// Writing a validated set of manifests into a folder from `build.rs`: needs the
/// `build-script` feature.
///
/// ```toml
/// [build-dependencies]
/// kvol = { version = "0.1", features = ["build-script"] }
/// ```
///
/// With the feature, this module is kvol-core's `output` module: `OutputDir::new(dir)` and its
/// `write(&valid_set)` put one file per object (`<kind>-<name>.yaml`) and a `kustomization.yaml`
/// into the folder, byte-identical for identical input and written atomically, leave unchanged
/// files (and their modification times) alone, remove stale files kvol wrote earlier, and refuse
/// changes Kubernetes forbids on an existing StatefulSet (an `OutputError` that says how to get
/// out) unless `allow_immutable_changes(true)`. `write` returns a `WriteSummary` of what changed;
/// every file starts with `GENERATED_HEADER`, the mark of the files kvol may replace.
///
/// This page stands in for the module in a plain `cargo doc`: the module reads earlier output
/// back with serde_yaml, which kvol keeps out of default builds (compile cost, see
/// BENCHMARKS.md). `cargo doc --features build-script --open` renders the whole API, as
/// docs.rs does; `examples/build-script/` is a complete crate using it.
#[cfg(all(doc, not(feature = "build-script")))]
pub mod output {}

/// The README's code blocks, compiled and run as doc tests so the quickstart stays true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// The macro syntax, shared by all macros.
pub mod macros;

/// What the macro expansions use. Not public API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use kvol_core;
    pub use kvol_macros::{
        __self_checked_impl, config_map_impl, daemonset_impl, deployment_impl, manifests_impl,
        pdb_impl, pod_impl, pv_impl, pvc_impl, secret_impl, service_impl, statefulset_impl,
        storage_class_impl, volume_attributes_class_impl, volume_snapshot_class_impl,
        volume_snapshot_impl,
    };

    /// For kvol's own one-walk test (`tests/one_walk.rs`): the value an expansion evaluated to
    /// must render exactly as the value kvol-dsl's rules checked at compile time.
    #[track_caller]
    pub fn emitted_as_checked<T: kvol_core::render::ToDocuments>(
        value: kvol_core::Valid<T>,
        checked_yaml: &str,
    ) -> kvol_core::Valid<T> {
        assert_eq!(
            value.to_yaml(),
            checked_yaml,
            "kvol: the expansion emitted a value other than the one it checked"
        );
        value
    }

    /// The value of an expansion that failed: the `compile_error!` beside it stops the build,
    /// so this is never called; it only gives the expression its type, so the caller sees no
    /// cascade of type errors.
    pub fn unreachable_value<T>() -> T {
        unreachable!("kvol: the macro reported a compile error")
    }

    /// A string the macro wrote (shorter expansions than `String::from`).
    pub fn string(text: &str) -> String {
        text.to_owned()
    }

    /// A quantity the macro already parsed at compile time with the same parser.
    pub fn quantity(text: &str) -> kvol_core::Quantity {
        match text.parse() {
            Ok(q) => q,
            Err(_) => unreachable!("kvol: {text:?} was checked at compile time"),
        }
    }

    /// A set the macro checked at compile time (each object and the cross-object rules): its
    /// warnings are computed, it does not fail.
    pub fn manifests(set: kvol_core::Manifests) -> kvol_core::Valid<kvol_core::Manifests> {
        let warnings = kvol_core::Validate::check(&set).warnings;
        kvol_core::Valid::__prevalidated(set, warnings, kvol_core::KubeVersion::DEFAULT)
    }

    /// Conversions of interpolated `{expr}` values: each takes the type that carries the
    /// guarantee the macro would have checked on a literal.
    pub mod interp {
        use kvol_core::{
            PositiveQuantity, Quantity,
            names::{Dns1035Label, Dns1123Label, Dns1123Subdomain, LabelValue, QualifiedName},
        };
        use std::num::NonZeroU16;

        /// A DNS-1123 label (volume, container, StatefulSet, namespace names).
        pub fn dns1123_label(v: impl Into<Dns1123Label>) -> String {
            v.into().into_string()
        }
        /// A DNS-1123 subdomain (Pod, PV, PVC, StorageClass names).
        pub fn dns1123_subdomain(v: impl Into<Dns1123Subdomain>) -> String {
            v.into().into_string()
        }
        /// A DNS-1035 label (Service names).
        pub fn dns1035_label(v: impl Into<Dns1035Label>) -> String {
            v.into().into_string()
        }
        /// A qualified name (label and annotation keys).
        pub fn qualified_name(v: impl Into<QualifiedName>) -> String {
            v.into().into_string()
        }
        /// A label value.
        pub fn label_value(v: impl Into<LabelValue>) -> String {
            v.into().into_string()
        }
        /// A size greater than zero.
        pub fn positive_quantity(v: PositiveQuantity) -> Quantity {
            v.into_inner()
        }
        /// An unsigned count that fits the API's 32-bit fields.
        pub fn count(v: impl Into<u16>) -> i32 {
            i32::from(v.into())
        }
        /// A port number (1..=65535).
        pub fn port(v: NonZeroU16) -> i32 {
            i32::from(v.get())
        }
    }
}

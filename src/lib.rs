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
        manifests_impl, pod_impl, pv_impl, pvc_impl, statefulset_impl, storage_class_impl,
    };

    /// The value of an expansion that failed: the `compile_error!` beside it stops the build,
    /// so this is never called; it only gives the expression its type, so the caller sees no
    /// cascade of type errors.
    pub fn unreachable_value<T>() -> T {
        unreachable!("kvol: the macro reported a compile error")
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

    /// Compile-time warnings: the expansion calls one of these deprecated functions with the
    /// span of the user's token, so rustc prints the note below it.
    #[allow(missing_docs)]
    pub mod warnings {
        #[deprecated(
            note = "the in-tree gcePersistentDisk plugin was deprecated in Kubernetes 1.17 and removed in 1.28: write `source: csi \"pd.csi.storage.gke.io\" \"projects/PROJECT/zones/ZONE/disks/DISK\"` instead"
        )]
        pub fn gce_persistent_disk_was_removed_in_kubernetes_1_28() {}
        #[deprecated(
            note = "the in-tree awsElasticBlockStore plugin was deprecated in Kubernetes 1.19 and removed in 1.27: write `source: csi \"ebs.csi.aws.com\" \"VOLUME_ID\"` instead"
        )]
        pub fn aws_elastic_block_store_was_removed_in_kubernetes_1_27() {}
        #[deprecated(
            note = "the in-tree azureDisk plugin was deprecated in Kubernetes 1.19 and removed in 1.27: write `source: csi \"disk.csi.azure.com\" \"DISK_URI\"` instead"
        )]
        pub fn azure_disk_was_removed_in_kubernetes_1_27() {}
        #[deprecated(
            note = "the in-tree azureFile plugin was deprecated in Kubernetes 1.21 and removed in 1.30: write `source: csi \"file.csi.azure.com\" \"VOLUME_ID\"` instead"
        )]
        pub fn azure_file_was_removed_in_kubernetes_1_30() {}
        #[deprecated(
            note = "the in-tree cephfs plugin was deprecated in Kubernetes 1.28 and no longer works since 1.31: use the Ceph CSI driver (`source: csi \"cephfs.csi.ceph.com\" \"VOLUME_ID\"`) instead"
        )]
        pub fn cephfs_was_removed_in_kubernetes_1_31() {}
        #[deprecated(
            note = "the in-tree cinder plugin was deprecated in Kubernetes 1.11 and removed in 1.26: write `source: csi \"cinder.csi.openstack.org\" \"VOLUME_ID\"` instead"
        )]
        pub fn cinder_was_removed_in_kubernetes_1_26() {}
        #[deprecated(
            note = "the in-tree glusterfs plugin was deprecated in Kubernetes 1.25 and no longer works since 1.26: use a CSI driver for your storage instead"
        )]
        pub fn glusterfs_was_removed_in_kubernetes_1_26() {}
        #[deprecated(
            note = "the in-tree rbd plugin was deprecated in Kubernetes 1.28 and no longer works since 1.31: use the Ceph CSI driver (`source: csi \"rbd.csi.ceph.com\" \"VOLUME_ID\"`) instead"
        )]
        pub fn rbd_was_removed_in_kubernetes_1_31() {}
        #[deprecated(
            note = "the in-tree vsphereVolume plugin was removed in Kubernetes 1.30: write `source: csi \"csi.vsphere.vmware.com\" \"VOLUME_ID\"` instead"
        )]
        pub fn vsphere_volume_was_removed_in_kubernetes_1_30() {}
        #[deprecated(
            note = "the in-tree portworxVolume plugin was deprecated in Kubernetes 1.25 and is removed in 1.36: write `source: csi \"pxd.portworx.com\" \"VOLUME_ID\"` instead"
        )]
        pub fn portworx_volume_is_removed_in_kubernetes_1_36() {}
        #[deprecated(
            note = "the Recycle reclaim policy is deprecated: write `reclaim: Retain` (or `Delete`), and use dynamic provisioning through a StorageClass to get fresh volumes"
        )]
        pub fn recycle_reclaim_policy_is_deprecated() {}
        #[deprecated(
            note = "`grace: 0` kills a StatefulSet's pods without a graceful shutdown, which can break its at-most-one-pod-per-identity guarantee: write `grace: 10s` or more"
        )]
        pub fn grace_period_zero_kills_statefulset_pods_without_shutdown() {}
        #[deprecated(
            note = "a hostPath without a type mounts whatever is at the path (or creates an empty directory): add the expected type, e.g. `host_path \"/var/htdocs\" Directory`"
        )]
        pub fn host_path_without_type_is_not_checked() {}
        #[deprecated(
            note = "this storage size is not a whole number of bytes (Kubernetes warns: must be an integer): write it in whole bytes, e.g. `1536Mi` instead of `1.5001Gi`"
        )]
        pub fn storage_size_has_fractional_bytes() {}
        #[deprecated(
            note = "this node label is deprecated: use `topology.kubernetes.io/zone`, `topology.kubernetes.io/region`, `kubernetes.io/os` or `kubernetes.io/arch` instead"
        )]
        pub fn node_label_is_deprecated() {}
        #[deprecated(
            note = "this provisioner belongs to a removed in-tree volume plugin: name the CSI driver instead, e.g. `provisioner: \"pd.csi.storage.gke.io\"` for kubernetes.io/gce-pd, `\"ebs.csi.aws.com\"` for kubernetes.io/aws-ebs, `\"disk.csi.azure.com\"` for kubernetes.io/azure-disk"
        )]
        pub fn in_tree_provisioner_is_deprecated() {}
        #[deprecated(
            note = "a StatefulSet name longer than 52 characters makes its pods' controller-revision-hash label longer than 63 characters, so no pod can be created: use at most 52 characters"
        )]
        pub fn statefulset_name_is_too_long_for_its_pods() {}
        #[deprecated(
            note = "this container port is defined twice: remove one of the `port:` entries"
        )]
        pub fn container_port_is_defined_twice() {}
        #[deprecated(
            note = "`max_unavailable` needs the MaxUnavailableStatefulSet feature gate on the target Kubernetes release (without it pods are replaced one at a time): remove it or enable the gate"
        )]
        pub fn max_unavailable_needs_a_feature_gate() {}
        #[deprecated(
            note = "kvol-core warns about this field: read the value's `.warnings()` for the details"
        )]
        pub fn kubernetes_would_warn_about_this() {}
    }
}

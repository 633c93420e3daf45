//! Compile-time warnings on stable Rust: the expansion calls a `#[deprecated]` function of
//! `kvol::__private::warnings` with the user's span, so rustc prints
//! "use of deprecated function `…::recycle_reclaim_policy_is_deprecated: WHAT TO WRITE
//! INSTEAD`" under the user's token. One function per kind of warning kvol-core reports.

use crate::check::WarningOut;
use kvol_core::{WarningCode, legacy::LegacyPlugin};
use proc_macro2::{Ident, TokenStream};
use quote::quote_spanned;

/// The kinds of warnings, one deprecated function each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningKind {
    /// A removed or deprecated in-tree volume plugin.
    Legacy(LegacyPlugin),
    /// `Recycle` on a PersistentVolume.
    Recycle,
    /// `terminationGracePeriodSeconds: 0` on a StatefulSet.
    GraceZero,
    /// A hostPath without a type.
    HostPathWithoutType,
    /// A storage size with fractional bytes.
    FractionalBytes,
    /// A deprecated node label.
    DeprecatedNodeLabel,
    /// A StorageClass provisioner of a removed in-tree plugin.
    InTreeProvisioner,
    /// A StatefulSet name too long for its pods' labels.
    LongStatefulSetName,
    /// The same container port twice.
    DuplicatePort,
    /// `maxUnavailable` before the feature is on by default.
    MaxUnavailableFeatureGate,
    /// Anything else kvol-core warns about.
    Other,
}

impl WarningKind {
    /// The deprecated function of a kvol-core warning, by its code (no string matching).
    pub fn from_code(code: WarningCode) -> WarningKind {
        match code {
            WarningCode::LegacyPluginDeprecated(p) | WarningCode::LegacyPluginRemoved(p) => {
                WarningKind::Legacy(p)
            }
            WarningCode::InTreeProvisioner(_) => WarningKind::InTreeProvisioner,
            WarningCode::RecycleReclaimPolicy => WarningKind::Recycle,
            WarningCode::StatefulSetGraceZero => WarningKind::GraceZero,
            WarningCode::HostPathWithoutType => WarningKind::HostPathWithoutType,
            WarningCode::FractionalBytes => WarningKind::FractionalBytes,
            WarningCode::DeprecatedNodeLabel => WarningKind::DeprecatedNodeLabel,
            WarningCode::LongStatefulSetName => WarningKind::LongStatefulSetName,
            WarningCode::DuplicateContainerPort => WarningKind::DuplicatePort,
            WarningCode::MaxUnavailableFeatureGate => WarningKind::MaxUnavailableFeatureGate,
            WarningCode::BetaStorageClassAnnotation
            | WarningCode::NegativeGracePeriod
            | WarningCode::DuplicateEnvVar
            | WarningCode::DefaultClassAnnotationValue
            | WarningCode::SeveralDefaultClasses
            | WarningCode::DuplicateService
            | WarningCode::ClaimRefUnknownClaim
            | WarningCode::MutualPreBindingMismatch
            | WarningCode::ReservedVolumeUnused
            | WarningCode::LocalVolumeImmediateBinding => WarningKind::Other,
        }
    }

    /// The function's name in `kvol::__private::warnings`.
    pub fn fn_name(self) -> &'static str {
        match self {
            WarningKind::Legacy(p) => match p {
                LegacyPlugin::GcePersistentDisk => {
                    "gce_persistent_disk_was_removed_in_kubernetes_1_28"
                }
                LegacyPlugin::AwsElasticBlockStore => {
                    "aws_elastic_block_store_was_removed_in_kubernetes_1_27"
                }
                LegacyPlugin::AzureDisk => "azure_disk_was_removed_in_kubernetes_1_27",
                LegacyPlugin::AzureFile => "azure_file_was_removed_in_kubernetes_1_30",
                LegacyPlugin::Cephfs => "cephfs_was_removed_in_kubernetes_1_31",
                LegacyPlugin::Cinder => "cinder_was_removed_in_kubernetes_1_26",
                LegacyPlugin::Glusterfs => "glusterfs_was_removed_in_kubernetes_1_26",
                LegacyPlugin::Rbd => "rbd_was_removed_in_kubernetes_1_31",
                LegacyPlugin::VsphereVolume => "vsphere_volume_was_removed_in_kubernetes_1_30",
                LegacyPlugin::PortworxVolume => "portworx_volume_is_removed_in_kubernetes_1_36",
            },
            WarningKind::Recycle => "recycle_reclaim_policy_is_deprecated",
            WarningKind::GraceZero => "grace_period_zero_kills_statefulset_pods_without_shutdown",
            WarningKind::HostPathWithoutType => "host_path_without_type_is_not_checked",
            WarningKind::FractionalBytes => "storage_size_has_fractional_bytes",
            WarningKind::DeprecatedNodeLabel => "node_label_is_deprecated",
            WarningKind::InTreeProvisioner => "in_tree_provisioner_is_deprecated",
            WarningKind::LongStatefulSetName => "statefulset_name_is_too_long_for_its_pods",
            WarningKind::DuplicatePort => "container_port_is_defined_twice",
            WarningKind::MaxUnavailableFeatureGate => "max_unavailable_needs_a_feature_gate",
            WarningKind::Other => "kubernetes_would_warn_about_this",
        }
    }
}

/// `{ krate::__private::warnings::name(); … }` for each warning, at the user's token.
pub fn emit(krate: &TokenStream, warnings: &[WarningOut]) -> TokenStream {
    let mut out = TokenStream::new();
    for w in warnings {
        let name = Ident::new(w.kind.fn_name(), w.sp.start);
        out.extend(quote_spanned!(w.sp.start => #krate::__private::warnings::#name();));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_core_warning_codes() {
        assert_eq!(
            WarningKind::from_code(WarningCode::LegacyPluginRemoved(
                LegacyPlugin::GcePersistentDisk
            )),
            WarningKind::Legacy(LegacyPlugin::GcePersistentDisk)
        );
        assert_eq!(
            WarningKind::from_code(WarningCode::RecycleReclaimPolicy),
            WarningKind::Recycle
        );
        assert_eq!(
            WarningKind::from_code(WarningCode::StatefulSetGraceZero),
            WarningKind::GraceZero
        );
        assert_eq!(
            WarningKind::from_code(WarningCode::HostPathWithoutType),
            WarningKind::HostPathWithoutType
        );
        assert_eq!(
            WarningKind::from_code(WarningCode::BetaStorageClassAnnotation),
            WarningKind::Other
        );
    }
}

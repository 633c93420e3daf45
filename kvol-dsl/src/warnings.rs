//! Compile-time warnings on stable Rust: the expansion defines and uses a local `#[deprecated]`
//! item at the user's token, so rustc prints "use of deprecated unit struct
//! `…::recycle_reclaim_policy_is_deprecated`: TEXT", where TEXT is kvol-core's own message and
//! what to write instead. `allow: [recycle_reclaim_policy_is_deprecated]` in the invocation
//! silences that one warning, without `#[allow(deprecated)]` hiding real deprecations.

use crate::ctxt::Sp;
use kvol_core::legacy::LegacyPlugin;
use proc_macro2::{Ident, TokenStream};
use quote::quote_spanned;

/// A compile-time warning to emit: its kind and where.
#[derive(Debug, Clone)]
pub struct WarningOut {
    /// Which kind of warning (the name of the deprecated item).
    pub kind: WarningKind,
    /// The user's token.
    pub sp: Sp,
    /// What rustc prints: kvol-core's message and what to write instead.
    pub text: String,
}

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
    /// Which kind a kvol-core warning is, from its field path and message.
    pub fn classify(path: &str, message: &str) -> WarningKind {
        let last = path.rsplit('.').next().unwrap_or(path);
        if let Some(p) = LegacyPlugin::ALL
            .iter()
            .find(|p| last == p.key() || path.contains(&format!(".{}.", p.key())))
        {
            return WarningKind::Legacy(*p);
        }
        let lower = message.to_ascii_lowercase();
        if path.ends_with("provisioner") {
            WarningKind::InTreeProvisioner
        } else if lower.contains("controller-revision-hash") {
            WarningKind::LongStatefulSetName
        } else if lower.contains("duplicate port") {
            WarningKind::DuplicatePort
        } else if path.ends_with("maxUnavailable") {
            WarningKind::MaxUnavailableFeatureGate
        } else if path.ends_with("persistentVolumeReclaimPolicy") || lower.contains("recycle") {
            WarningKind::Recycle
        } else if path.ends_with("terminationGracePeriodSeconds") && !lower.contains("negative") {
            WarningKind::GraceZero
        } else if path.contains("hostPath") {
            WarningKind::HostPathWithoutType
        } else if lower.contains("fractional") {
            WarningKind::FractionalBytes
        } else if lower.contains("deprecated since") {
            WarningKind::DeprecatedNodeLabel
        } else {
            WarningKind::Other
        }
    }

    /// The warning's name: the deprecated item rustc names, and the word `allow: [..]` takes.
    /// A legacy plugin's comes from kvol-core's plugin table
    /// (`gce_persistent_disk_was_removed_in_kubernetes_1_28`).
    pub fn name(self) -> String {
        let fixed = match self {
            WarningKind::Legacy(p) => {
                let info = p.info();
                let mut snake = String::new();
                for c in info.key.chars() {
                    if c.is_ascii_uppercase() {
                        snake.push('_');
                    }
                    snake.push(c.to_ascii_lowercase());
                }
                let tense = if info.removed_in <= kvol_core::KubeVersion::DEFAULT.minor() {
                    "was"
                } else {
                    "is"
                };
                return format!(
                    "{snake}_{tense}_removed_in_kubernetes_1_{}",
                    info.removed_in
                );
            }
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
        };
        fixed.to_owned()
    }
}

impl WarningKind {
    /// What to write instead, in the macros' syntax.
    pub fn advice(self) -> String {
        let fixed = match self {
            WarningKind::Legacy(p) => {
                let info = p.info();
                return match info.csi_driver.or(info.alternative_csi_driver) {
                    Some(driver) => {
                        format!("write `source: csi \"{driver}\" \"VOLUME_HANDLE\"` instead")
                    }
                    None => "use a CSI driver for your storage instead".into(),
                };
            }
            WarningKind::Recycle => {
                "write `reclaim: Retain` (or `Delete`), and use dynamic provisioning through a \
                 StorageClass to get fresh volumes"
            }
            WarningKind::GraceZero => "write `grace: 10s` or more",
            WarningKind::HostPathWithoutType => {
                "add the expected type, e.g. `host_path \"/var/htdocs\" Directory`"
            }
            WarningKind::FractionalBytes => {
                "write the size in whole bytes, e.g. `1536Mi` instead of `1.5001Gi`"
            }
            WarningKind::DeprecatedNodeLabel => {
                "use `topology.kubernetes.io/zone`, `topology.kubernetes.io/region`, \
                 `kubernetes.io/os` or `kubernetes.io/arch` instead"
            }
            WarningKind::InTreeProvisioner => {
                "name the CSI driver instead, e.g. `provisioner: \"pd.csi.storage.gke.io\"` for \
                 kubernetes.io/gce-pd, `\"ebs.csi.aws.com\"` for kubernetes.io/aws-ebs, \
                 `\"disk.csi.azure.com\"` for kubernetes.io/azure-disk"
            }
            WarningKind::LongStatefulSetName => "use a name of at most 52 characters",
            WarningKind::DuplicatePort => "remove one of the `port:` entries",
            WarningKind::MaxUnavailableFeatureGate => {
                "remove `max_unavailable`, or enable the MaxUnavailableStatefulSet gate"
            }
            WarningKind::Other => "",
        };
        fixed.to_owned()
    }

    /// Every kind, for `allow: [..]` and its suggestions.
    pub fn all() -> impl Iterator<Item = WarningKind> {
        LegacyPlugin::ALL
            .into_iter()
            .map(WarningKind::Legacy)
            .chain([
                WarningKind::Recycle,
                WarningKind::GraceZero,
                WarningKind::HostPathWithoutType,
                WarningKind::FractionalBytes,
                WarningKind::DeprecatedNodeLabel,
                WarningKind::InTreeProvisioner,
                WarningKind::LongStatefulSetName,
                WarningKind::DuplicatePort,
                WarningKind::MaxUnavailableFeatureGate,
                WarningKind::Other,
            ])
    }
}

/// One block per warning, at the user's token: a local `#[deprecated]` item whose note is
/// the warning's text, used once, so rustc prints "use of deprecated unit struct
/// `…::NAME`: TEXT". The name is what `allow: [NAME]` silences.
pub fn emit(warnings: &[WarningOut]) -> TokenStream {
    let mut out = TokenStream::new();
    for w in warnings {
        let name = Ident::new(&w.kind.name(), w.sp.start);
        let note = &w.text;
        out.extend(quote_spanned!(w.sp.start => {
            #[deprecated(note = #note)]
            #[allow(non_camel_case_types)]
            struct #name;
            let _ = #name;
        }));
    }
    out
}

/// The text of a warning, laid out like kvol's errors: kvol-core's message, what to write
/// instead in the macros' syntax, the field, and how to silence it.
pub fn text(kind: WarningKind, path: &str, message: &str, extra: Option<&str>) -> String {
    let mut text = message.to_owned();
    match extra {
        Some(extra) => text.push_str(&format!("\nhelp: {extra}")),
        None if !kind.advice().is_empty() => {
            text.push_str(&format!("\nhelp: {}", kind.advice()));
        }
        None => {}
    }
    if !path.is_empty() {
        text.push_str(&format!("\nnote: field `{path}`"));
    }
    text.push_str(&format!(
        "\nnote: to accept it, add `allow: [{}]` to this object",
        kind.name()
    ));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_core_warnings() {
        assert_eq!(
            WarningKind::classify("spec.gcePersistentDisk", "removed in 1.28"),
            WarningKind::Legacy(LegacyPlugin::GcePersistentDisk)
        );
        assert_eq!(
            WarningKind::classify(
                "spec.persistentVolumeReclaimPolicy",
                "The Recycle reclaim policy is deprecated"
            ),
            WarningKind::Recycle
        );
        assert_eq!(
            WarningKind::classify("spec.template.spec.terminationGracePeriodSeconds", "0"),
            WarningKind::GraceZero
        );
        assert_eq!(
            WarningKind::classify("spec.volumes[0].hostPath", "no type"),
            WarningKind::HostPathWithoutType
        );
        assert_eq!(WarningKind::classify("x", "y"), WarningKind::Other);
    }
}

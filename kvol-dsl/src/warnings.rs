//! Compile-time warnings on stable Rust: the expansion defines and uses a local `#[deprecated]`
//! item at the user's token, so rustc prints "use of deprecated unit struct
//! `…::recycle_reclaim_policy`: TEXT", where TEXT is kvol-core's own message, what to write
//! instead in the macros' syntax, and the field. `allow: [recycle_reclaim_policy]` in the
//! object silences that one warning there, without `#[allow(deprecated)]` hiding real
//! deprecations.
//!
//! A warning's name comes from kvol-core's [`WarningCode`] (its stable id, in snake case); the
//! legacy plugins' from kvol-core's plugin table
//! (`gce_persistent_disk_was_removed_in_kubernetes_1_28`).

use crate::ctxt::Sp;
use kvol_core::{KubeVersion, Source, WarningCode, legacy::LegacyPlugin};
use proc_macro2::{Ident, TokenStream};
use quote::quote_spanned;

/// A compile-time warning to emit.
#[derive(Debug, Clone)]
pub struct WarningOut {
    /// What kvol-core reported.
    pub code: WarningCode,
    /// The user's token.
    pub sp: Sp,
    /// What rustc prints: kvol-core's message, what to write instead, the field.
    pub text: String,
}

/// `Gce` + `PersistentDisk` → `gce_persistent_disk`.
fn snake(camel: &str) -> String {
    let mut out = String::new();
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            if !out.is_empty() {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A warning's name: the deprecated item rustc names, and the word `allow: [..]` takes.
pub fn name(code: WarningCode) -> String {
    match code {
        WarningCode::LegacyPluginRemoved(p) | WarningCode::LegacyPluginDeprecated(p) => {
            let info = p.info();
            let tense = if info.removed_in <= KubeVersion::DEFAULT.minor() {
                "was"
            } else {
                "is"
            };
            format!(
                "{}_{tense}_removed_in_kubernetes_1_{}",
                snake(info.key),
                info.removed_in
            )
        }
        WarningCode::InTreeProvisioner(p) => format!("in_tree_provisioner_{}", snake(p.key())),
        other => other.as_str().replace('-', "_"),
    }
}

/// Every warning kvol-core can give, for `allow: [..]` and its suggestions.
pub fn all() -> Vec<WarningCode> {
    let mut all = Vec::new();
    for p in LegacyPlugin::ALL {
        all.push(WarningCode::LegacyPluginRemoved(p));
        if p.info().provisioner.is_some() {
            all.push(WarningCode::InTreeProvisioner(p));
        }
    }
    all.extend([
        WarningCode::RecycleReclaimPolicy,
        WarningCode::BetaStorageClassAnnotation,
        WarningCode::FractionalBytes,
        WarningCode::DeprecatedNodeLabel,
        WarningCode::HostPathWithoutType,
        WarningCode::NegativeGracePeriod,
        WarningCode::StatefulSetGraceZero,
        WarningCode::DuplicateContainerPort,
        WarningCode::DuplicateEnvVar,
        WarningCode::PodNameNotDnsLabel,
        WarningCode::LongStatefulSetName,
        WarningCode::DefaultClassAnnotationValue,
        WarningCode::SeveralDefaultClasses,
        WarningCode::DuplicateService,
        WarningCode::ClaimRefUnknownClaim,
        WarningCode::MutualPreBindingMismatch,
        WarningCode::ReservedVolumeUnused,
        WarningCode::LocalVolumeImmediateBinding,
        WarningCode::ServiceSelectsNoPods,
        WarningCode::AttributesClassNotServed,
        WarningCode::SharedReadWriteOnceClaim,
        WarningCode::PdbSelectsNoPods,
        WarningCode::PdbBlocksDrain,
        WarningCode::ClaimTemplatePlaceholderVolume,
    ]);
    all
}

/// What to write instead, in the macros' syntax, where kvol-core's message (in Kubernetes'
/// terms) does not already say it.
pub fn advice(code: WarningCode) -> Option<String> {
    Some(match code {
        WarningCode::LegacyPluginRemoved(p) | WarningCode::LegacyPluginDeprecated(p) => {
            let info = p.info();
            match info.csi_driver.or(info.alternative_csi_driver) {
                Some(driver) => {
                    format!("write `source: csi \"{driver}\" \"VOLUME_HANDLE\"` instead")
                }
                None => "use a CSI driver for your storage instead".into(),
            }
        }
        WarningCode::InTreeProvisioner(p) => match p.info().csi_driver {
            Some(driver) => format!("write `provisioner: \"{driver}\"` instead"),
            None => "name the CSI driver of your storage instead".into(),
        },
        WarningCode::RecycleReclaimPolicy => {
            "write `reclaim: Retain` (or `Delete`), and use a StorageClass to get fresh volumes"
                .into()
        }
        WarningCode::StatefulSetGraceZero => "write `grace: 10s` or more".into(),
        WarningCode::HostPathWithoutType => {
            "add the expected type, e.g. `host_path \"/var/htdocs\" Directory`".into()
        }
        WarningCode::FractionalBytes => {
            "write the size in whole bytes, e.g. `1536Mi` instead of `1.5001Gi`".into()
        }
        WarningCode::DuplicateContainerPort => "remove one of the `port:` entries".into(),
        WarningCode::LongStatefulSetName => "use a name of at most 52 characters".into(),
        _ => return None,
    })
}

/// The text of a warning, laid out like kvol's errors: whose warning it is and kvol-core's
/// message, what to write instead in the macros' syntax (or `extra` advice), the field, and
/// how to accept it. Whose it is comes from the code ([`WarningCode::source`]); use
/// [`text_from`] with [`Warning::source`](kvol_core::Warning::source) when the warning is at
/// hand.
pub fn text(code: WarningCode, path: &str, message: &str, extra: Option<&str>) -> String {
    text_from(code.source(), code, path, message, extra)
}

/// How a warning's text starts: `the API server warns:` for the API server's own warnings
/// (`kubectl apply` prints them too), `kvol warns:` for kvol's own advice.
pub fn lead(source: Source) -> &'static str {
    match source {
        Source::ApiServer => "the API server warns: ",
        Source::Kvol => "kvol warns: ",
    }
}

/// [`text`], with whose warning it is given (see [`lead`]).
pub fn text_from(
    source: Source,
    code: WarningCode,
    path: &str,
    message: &str,
    extra: Option<&str>,
) -> String {
    let mut text = format!("{}{message}", lead(source));
    match (extra, advice(code)) {
        (Some(extra), _) => text.push_str(&format!("\nhelp: {extra}")),
        (None, Some(advice)) => text.push_str(&format!("\nhelp: {advice}")),
        (None, None) => {}
    }
    if !path.is_empty() {
        text.push_str(&format!("\nnote: field `{path}`"));
    }
    text.push_str(&format!(
        "\nnote: to accept it, add `allow: [{}]` to this object",
        name(code)
    ));
    text
}

/// One block per warning, at the user's token: a local `#[deprecated]` item whose note is the
/// warning's text, used once, so rustc prints "use of deprecated unit struct `…::NAME`:
/// TEXT".
pub fn emit(warnings: &[WarningOut]) -> TokenStream {
    let mut out = TokenStream::new();
    for w in warnings {
        let name = Ident::new(&name(w.code), w.sp.start);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_codes_and_the_plugin_table() {
        assert_eq!(
            name(WarningCode::LegacyPluginRemoved(
                LegacyPlugin::GcePersistentDisk
            )),
            "gce_persistent_disk_was_removed_in_kubernetes_1_28"
        );
        assert_eq!(
            name(WarningCode::LegacyPluginRemoved(
                LegacyPlugin::PortworxVolume
            )),
            "portworx_volume_is_removed_in_kubernetes_1_36"
        );
        assert_eq!(
            name(WarningCode::RecycleReclaimPolicy),
            "recycle_reclaim_policy"
        );
        assert_eq!(
            name(WarningCode::InTreeProvisioner(
                LegacyPlugin::GcePersistentDisk
            )),
            "in_tree_provisioner_gce_persistent_disk"
        );
        let names: Vec<String> = all().into_iter().map(name).collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "every name is distinct");
        assert!(
            names
                .iter()
                .all(|n| syn::parse_str::<syn::Ident>(n).is_ok())
        );
    }

    #[test]
    fn a_warning_says_whose_it_is() {
        let recycle = text(
            WarningCode::RecycleReclaimPolicy,
            "spec.x",
            "deprecated",
            None,
        );
        assert!(
            recycle.starts_with("the API server warns: deprecated"),
            "{recycle}"
        );
        let grace = text(WarningCode::StatefulSetGraceZero, "spec.x", "unsafe", None);
        assert!(grace.starts_with("kvol warns: unsafe"), "{grace}");
        let capacity = text_from(Source::Kvol, WarningCode::FractionalBytes, "", "m", None);
        assert!(capacity.starts_with("kvol warns: m"), "{capacity}");
        for code in all() {
            let t = text(code, "", "x", None);
            assert!(t.starts_with(lead(code.source())), "{t}");
        }
    }
}

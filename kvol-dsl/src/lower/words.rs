//! API enum values (access modes, policies, protocols …) in both forms: the emitted path is the
//! enum's path in kvol-core and the variant's name from the enum's own definition
//! (`ApiEnum::rust_variant`), so the word the rules checked is the word emitted.

use crate::lowered::Lowered;
use kvol_core::{
    AccessMode, ReclaimPolicy, VolumeMode,
    container::{
        ContainerRestartPolicy, MountPropagationMode, PullPolicy, RecursiveReadOnlyMode,
        TerminationMessagePolicy,
    },
    pod::{Protocol, RestartPolicy},
    probe::UriScheme,
    scheduling::{DnsPolicy, TaintEffect, TolerationOperator, UnsatisfiableConstraintAction},
    security::{FsGroupChangePolicy, SeccompProfileType},
    selector::{NodeSelectorOperator, SelectorOperator},
    service::{ServiceType, SessionAffinity, TrafficPolicy},
    statefulset::{PodManagementPolicy, RetentionAction},
    storage_class::VolumeBindingMode,
    volume::{HostPathType, StorageMedium},
};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// A unit-only enum of kvol-core and where it lives.
pub trait ApiWord: kvol_core::model::api_enum::ApiEnum {
    /// The enum's path inside kvol-core.
    const PATH: &'static [&'static str];
}

macro_rules! api_words {
    ($($ty:ty => [$($seg:literal),+];)*) => {
        $(impl ApiWord for $ty {
            const PATH: &'static [&'static str] = &[$($seg),+];
        })*
    };
}

api_words! {
    AccessMode => ["AccessMode"];
    VolumeMode => ["VolumeMode"];
    ReclaimPolicy => ["ReclaimPolicy"];
    Protocol => ["pod", "Protocol"];
    MountPropagationMode => ["container", "MountPropagationMode"];
    RecursiveReadOnlyMode => ["container", "RecursiveReadOnlyMode"];
    PullPolicy => ["container", "PullPolicy"];
    TerminationMessagePolicy => ["container", "TerminationMessagePolicy"];
    ContainerRestartPolicy => ["container", "ContainerRestartPolicy"];
    UriScheme => ["probe", "UriScheme"];
    SeccompProfileType => ["security", "SeccompProfileType"];
    RestartPolicy => ["pod", "RestartPolicy"];
    PodManagementPolicy => ["statefulset", "PodManagementPolicy"];
    RetentionAction => ["statefulset", "RetentionAction"];
    VolumeBindingMode => ["storage_class", "VolumeBindingMode"];
    HostPathType => ["volume", "HostPathType"];
    StorageMedium => ["volume", "StorageMedium"];
    SelectorOperator => ["selector", "SelectorOperator"];
    NodeSelectorOperator => ["selector", "NodeSelectorOperator"];
    FsGroupChangePolicy => ["security", "FsGroupChangePolicy"];
    TolerationOperator => ["scheduling", "TolerationOperator"];
    TaintEffect => ["scheduling", "TaintEffect"];
    UnsatisfiableConstraintAction => ["scheduling", "UnsatisfiableConstraintAction"];
    DnsPolicy => ["scheduling", "DnsPolicy"];
    ServiceType => ["service", "ServiceType"];
    SessionAffinity => ["service", "SessionAffinity"];
    TrafficPolicy => ["service", "TrafficPolicy"];
    kvol_core::snapshot::DeletionPolicy => ["snapshot", "DeletionPolicy"];
    kvol_core::pdb::UnhealthyPodEvictionPolicy => ["pdb", "UnhealthyPodEvictionPolicy"];
}

/// `value` and `k::path::Enum::Variant`.
pub fn word<E: ApiWord>(k: &TokenStream, value: E) -> Lowered<E> {
    let segs = E::PATH.iter().map(|s| Ident::new(s, Span::call_site()));
    let variant = Ident::new(value.rust_variant(), Span::call_site());
    Lowered::leaf(value, quote!(#k #(::#segs)* :: #variant))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_names_come_from_the_value() {
        let k = quote!(k);
        let w = word(&k, HostPathType::DirectoryOrCreate);
        assert_eq!(
            w.tokens.to_string(),
            "k :: volume :: HostPathType :: DirectoryOrCreate"
        );
        let w = word(&k, AccessMode::ReadWriteOncePod);
        assert_eq!(w.tokens.to_string(), "k :: AccessMode :: ReadWriteOncePod");
    }
}

//! What the simulation tells about each claim: its input ([`ClaimInput`], [`ClaimClass`]), its
//! [`Outcome`] and, for a claim that binds no PV, each PV's [`Refusal`].

use crate::{
    access::{AccessModes, VolumeMode},
    pvc::PvcSpec,
    quantity::Quantity,
    report::{RuleId, quote},
    rules::ids,
};
use std::fmt;

/// The class a claim has once admitted (after the DefaultStorageClass admission plugin).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimClass<'a> {
    /// A class name; `""` means no class (binds only PVs without a class, never provisions).
    Named(&'a str),
    /// The cluster's default class, whose name is not known: matches no PV by class.
    UnknownDefault,
}

impl ClaimClass<'_> {
    pub(super) fn matches(self, volume_class: &str) -> bool {
        matches!(self, ClaimClass::Named(name) if name == volume_class)
    }
}

impl fmt::Display for ClaimClass<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClaimClass::Named(name) => f.write_str(&quote(name)),
            ClaimClass::UnknownDefault => f.write_str("the cluster's default class"),
        }
    }
}

/// A claim as the PV controller sees it.
#[derive(Debug, Clone, Copy)]
pub struct ClaimInput<'a> {
    /// The claim's namespace.
    pub namespace: &'a str,
    /// The claim's name.
    pub name: &'a str,
    /// Its spec (request, access modes, volume mode, selector, `volumeName`).
    pub spec: &'a PvcSpec,
    /// Its class after admission (beta annotation and default class already applied).
    pub class: ClaimClass<'a>,
    /// True when the class has `volumeBindingMode: WaitForFirstConsumer`.
    pub delay_binding: bool,
}

/// How a claim came to bind its volume.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BindReason {
    /// `spec.volumeName` named an unreserved PV that satisfies the claim.
    VolumeName,
    /// `spec.volumeName` and the PV's `claimRef` name each other (bound without checks).
    MutualPreBinding,
    /// The PV's `claimRef` reserved it for the claim.
    ClaimRef,
    /// The controller's best match (smallest fit in the fewest-modes group).
    BestMatch,
    /// Bound by the scheduler when the first pod is scheduled (WaitForFirstConsumer).
    FirstConsumer,
}

/// Why a claim stays unbound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unbound {
    /// No PV matches (see [`Simulation::explain`](super::Simulation::explain)).
    NoMatch,
    /// `spec.volumeName` names no PV of the set.
    VolumeNotFound,
    /// `spec.volumeName` names this PV (an index), which fails `checkVolumeSatisfyClaim`.
    VolumeMismatch {
        /// The PV's index.
        volume: usize,
    },
    /// `spec.volumeName` names this PV, which is reserved for or bound to another claim.
    VolumeTaken {
        /// The PV's index.
        volume: usize,
    },
}

/// What became of one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// It binds the PV with this index.
    Bound {
        /// The PV's index.
        volume: usize,
        /// How.
        by: BindReason,
    },
    /// It binds no PV of the set (it may still be provisioned dynamically).
    Unbound(Unbound),
}

/// Why one PV refuses one claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal<'a> {
    /// The PV binds another claim of the set (one matched before this one).
    BoundTo {
        /// That claim's namespace.
        namespace: &'a str,
        /// That claim's name.
        name: &'a str,
    },
    /// The PV's `claimRef` reserves it for another claim.
    ReservedFor {
        /// The namespace in the `claimRef`.
        namespace: &'a str,
        /// The name in the `claimRef`.
        name: &'a str,
    },
    /// The PV is smaller than the request.
    TooSmall {
        /// The claim's `requests.storage`.
        requested: &'a Quantity,
        /// The PV's `capacity.storage`.
        capacity: &'a Quantity,
    },
    /// The classes differ.
    StorageClass {
        /// The PV's class (`""` when unset).
        volume: &'a str,
        /// The claim's class.
        claim: ClaimClass<'a>,
    },
    /// One is `Filesystem`, the other `Block`.
    VolumeMode {
        /// The PV's mode.
        volume: VolumeMode,
        /// The claim's mode.
        claim: VolumeMode,
    },
    /// The PV does not offer every access mode the claim asks for.
    AccessModes {
        /// The PV's modes.
        volume: AccessModes,
        /// The claim's modes the PV lacks.
        missing: AccessModes,
    },
    /// The PV's labels do not match the claim's selector.
    Selector,
}

impl Refusal<'_> {
    /// The binding rule (k8s-rules §16) behind this refusal.
    pub fn rule(&self) -> RuleId {
        match self {
            Refusal::BoundTo { .. } => ids::S16_EQUAL_SIZES_SET_ORDER,
            Refusal::ReservedFor { .. } => ids::S16_CLAIM_REF_RESERVED,
            Refusal::TooSmall { .. } => ids::S16_CAPACITY,
            Refusal::StorageClass { .. } => ids::S16_CLASS_MATCH,
            Refusal::VolumeMode { .. } => ids::S16_VOLUME_MODE_MATCH,
            Refusal::AccessModes { .. } => ids::S16_ACCESS_MODES_SUBSET,
            Refusal::Selector => ids::S16_SELECTOR,
        }
    }
}

impl fmt::Display for Refusal<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::BoundTo { namespace, name } => {
                write!(f, "already bound to {namespace}/{name}")
            }
            Refusal::ReservedFor { namespace, name } => {
                write!(f, "reserved for {namespace}/{name} by its claimRef")
            }
            Refusal::TooSmall {
                requested,
                capacity,
            } => {
                write!(f, "requested {requested} but capacity is {capacity}")
            }
            Refusal::StorageClass { volume, claim } => match claim {
                ClaimClass::Named(_) => {
                    write!(
                        f,
                        "storageClassName {} does not match {claim}",
                        quote(volume)
                    )
                }
                ClaimClass::UnknownDefault => write!(
                    f,
                    "storageClassName {} is not known to be the cluster's default class",
                    quote(volume)
                ),
            },
            Refusal::VolumeMode { volume, claim } => {
                write!(f, "volumeMode {volume:?} does not match {claim:?}")
            }
            Refusal::AccessModes { volume, missing } => {
                if volume.is_empty() {
                    write!(f, "access modes (none) do not include {missing}")
                } else {
                    write!(f, "access modes {volume} do not include {missing}")
                }
            }
            Refusal::Selector => f.write_str("labels do not match the claim's selector"),
        }
    }
}

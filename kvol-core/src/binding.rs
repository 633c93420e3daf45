//! The PV controller's static binding, simulated: which PersistentVolume each claim of a set
//! binds, and why the others refuse it (k8s-rules.md §16).
//!
//! The simulation follows `pkg/controller/volume/persistentvolume` and component-helpers'
//! `FindMatchingVolume`:
//!
//! * **`volumeName` pre-binding** (`syncUnboundClaim`, second branch): the named PV binds when it
//!   has no `claimRef` and passes `checkVolumeSatisfyClaim` (capacity, class, volume mode, access
//!   modes — *not* the selector); when its `claimRef` names the claim, it binds without any check;
//!   otherwise the claim stays Pending.
//! * **`claimRef` pre-binding**: a PV reserved for the claim wins over every other PV of its
//!   access-mode group, whatever its class and labels (capacity and volume mode still count).
//! * **Best match** (`findByClaim`): access-mode groups whose set contains all the claim's modes
//!   are searched with the fewest modes first; in each, the smallest PV whose capacity covers the
//!   request, with the claim's class and volume mode, whose labels match the claim's selector and
//!   that is not reserved for another claim.
//! * **WaitForFirstConsumer** classes: the controller only honours pre-bound PVs; the scheduler
//!   binds the rest when the first pod is scheduled (smallest fit among the PVs of the class, any
//!   access-mode group). Such claims are therefore matched after all immediate ones.
//!
//! Each PV binds one claim: claims are matched in the order given (the order `kubectl apply`
//! creates them), and a bound PV is gone for the claims after it.
//!
//! Sizes are compared as the API server stores them: every capacity and request is rounded up
//! to thousandths (`SetDefaults_ResourceList`), so `999999n` fills a request of `1m`; the
//! `volumeName` check compares whole units rounded up (`Value()`), as the controller does.
//! Not simulated: node affinity (no nodes are known), PV phases and deletion timestamps (fresh
//! manifests have neither) and VolumeAttributesClasses (kvol does not model them).
//!
//! PVs are indexed the way the controller indexes them — by class, volume mode and access-mode
//! set, each group ordered by capacity — so a claim costs a few binary searches; a selector adds
//! a scan of the group above the requested size. Whole-set explanations ([`Simulation::explain`])
//! are computed only for claims that fail.
//!
//! ```
//! use kvol_core::access::{AccessMode, AccessModes};
//! use kvol_core::binding::{ClaimClass, ClaimInput, Outcome, Simulation};
//! use kvol_core::pv::{PersistentVolume, PvSource, PvSpec};
//! use kvol_core::pvc::{ClassRef, PvcSpec};
//! use kvol_core::meta::ClusterMeta;
//! use kvol_core::volume::Nfs;
//!
//! let pv = |name: &str, size: &str| PersistentVolume {
//!     metadata: ClusterMeta::named(name),
//!     spec: PvSpec {
//!         access_modes: AccessModes::from(AccessMode::ReadWriteOnce),
//!         capacity: size.parse().unwrap(),
//!         claim_ref: None,
//!         mount_options: vec![],
//!         node_affinity: None,
//!         reclaim_policy: None,
//!         storage_class_name: None,
//!         volume_mode: None,
//!         source: PvSource::Nfs(Nfs {
//!             path: "/exports".into(),
//!             read_only: false,
//!             server: "nfs.example.com".into(),
//!         }),
//!     },
//! };
//! let volumes = [pv("big", "5Gi"), pv("small", "2Gi")];
//! let mut spec = PvcSpec::new(AccessMode::ReadWriteOnce.into(), "1Gi".parse().unwrap());
//! spec.storage_class = ClassRef::NoClass;
//! let claim = ClaimInput {
//!     namespace: "default",
//!     name: "data",
//!     spec: &spec,
//!     class: ClaimClass::Named(""),
//!     delay_binding: false,
//! };
//! let sim = Simulation::run(&volumes, vec![claim]);
//! // The smallest PV that fits wins.
//! assert!(matches!(sim.outcome(0), Some(Outcome::Bound { volume: 1, .. })));
//! ```

use crate::{
    access::{AccessModes, VolumeMode},
    pv::{PersistentVolume, PvSource},
    pvc::PvcSpec,
    quantity::Quantity,
    report::quote,
};
use std::{
    collections::{BTreeSet, HashMap},
    fmt,
    hash::{BuildHasherDefault, Hasher},
};

/// The deprecated annotation that, when present, overrides `storageClassName` for the PV
/// controller (`GetPersistentVolumeClass`, `GetPersistentVolumeClaimClass`).
pub const BETA_STORAGE_CLASS_ANNOTATION: &str = "volume.beta.kubernetes.io/storage-class";

/// The provisioner of StorageClasses that never provision (static volumes only).
pub const NO_PROVISIONER: &str = "kubernetes.io/no-provisioner";

/// The class of a PersistentVolume as the controller compares it: the beta annotation if
/// present, else `storageClassName`, with unset meaning `""`.
pub fn volume_class(pv: &PersistentVolume) -> &str {
    match pv.metadata.annotations.get(BETA_STORAGE_CLASS_ANNOTATION) {
        Some(class) => class,
        None => pv.spec.storage_class_name.as_deref().unwrap_or(""),
    }
}

/// The class a claim has once admitted (after the DefaultStorageClass admission plugin).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimClass<'a> {
    /// A class name; `""` means no class (binds only PVs without a class, never provisions).
    Named(&'a str),
    /// The cluster's default class, whose name is not known: matches no PV by class.
    UnknownDefault,
}

impl ClaimClass<'_> {
    fn matches(self, volume_class: &str) -> bool {
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
    /// No PV matches (see [`Simulation::explain`]).
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

/// Access-mode sets ordered as `allPossibleMatchingAccessModes` searches them: fewest modes first.
const MASKS: [u8; 16] = [0, 1, 2, 4, 8, 3, 5, 6, 9, 10, 12, 7, 11, 13, 14, 15];

/// The groups of one class: by volume mode and access-mode bits (`mode * 16 + bits`).
type ClassGroups = [BTreeSet<(u32, u32)>; 32];

fn group_slot(mode: VolumeMode, bits: u8) -> usize {
    let mode = match mode {
        VolumeMode::Filesystem => 0,
        VolumeMode::Block => 16,
    };
    mode + usize::from(bits & 15)
}

/// One PV, with what the controller compares precomputed.
#[derive(Debug)]
struct Vol<'a> {
    pv: &'a PersistentVolume,
    class: &'a str,
    /// The class, interned (an index into `Simulation::by_class`).
    class_id: u32,
    mode: VolumeMode,
    modes: AccessModes,
    /// Position of its capacity among the distinct capacities of the set.
    rank: u32,
    claim_ref: Option<(&'a str, &'a str)>,
}

/// The result of matching a set of claims against a set of PersistentVolumes.
#[derive(Debug)]
pub struct Simulation<'a> {
    volumes: Vec<Vol<'a>>,
    claims: Vec<ClaimInput<'a>>,
    /// Per claim: the rank of the smallest capacity that covers its request.
    min_rank: Vec<u32>,
    /// Per claim: its class, interned (`None`: no PV has it, or it is unknown).
    claim_class: Vec<Option<u32>>,
    outcomes: Vec<Outcome>,
    bound_claim: Vec<Option<usize>>,
    /// Every PV of each class (by class id), in set order (for explanations).
    by_class: Vec<Vec<u32>>,
}

/// The controller's PV index, plus the bookkeeping of the simulation.
struct Index<'a> {
    /// Distinct capacities (in thousandths), ascending.
    capacities: Vec<i128>,
    /// Unreserved, not yet bound PVs: `(rank, index)` per group, by class id.
    groups: Vec<ClassGroups>,
    /// PVs whose `claimRef` names `(namespace, name)`, in set order.
    reserved: FxMap<(&'a str, &'a str), Vec<u32>>,
    /// The first PV of each name.
    by_name: FxMap<&'a str, u32>,
}

fn volume_mode(mode: Option<VolumeMode>) -> VolumeMode {
    mode.unwrap_or_default()
}

impl<'a> Simulation<'a> {
    /// Matches `claims`, in order, against `volumes` (indices below refer to both sequences).
    pub fn run<I>(volumes: I, claims: Vec<ClaimInput<'a>>) -> Simulation<'a>
    where
        I: IntoIterator<Item = &'a PersistentVolume>,
    {
        let pvs: Vec<&'a PersistentVolume> = volumes.into_iter().collect();
        // Dense capacity ranks: one sort, then equal neighbours share a rank.
        let sizes: Vec<i128> = pvs.iter().map(|pv| size(&pv.spec.capacity)).collect();
        let mut order: Vec<u32> = (0..pvs.len() as u32).collect();
        order.sort_unstable_by_key(|&i| sizes[i as usize]);
        let mut capacities: Vec<i128> = Vec::new();
        let mut ranks = vec![0u32; pvs.len()];
        for &i in &order {
            let capacity = sizes[i as usize];
            if capacities.last() != Some(&capacity) {
                capacities.push(capacity);
            }
            ranks[i as usize] = capacities.len() as u32 - 1;
        }
        let mut class_ids: FxMap<&'a str, u32> = FxMap::default();
        let volumes: Vec<Vol<'a>> = pvs
            .iter()
            .zip(ranks)
            .map(|(pv, rank)| Vol {
                pv,
                class: volume_class(pv),
                class_id: {
                    let next = class_ids.len() as u32;
                    *class_ids.entry(volume_class(pv)).or_insert(next)
                },
                mode: volume_mode(pv.spec.volume_mode),
                modes: pv.spec.access_modes,
                rank,
                claim_ref: pv
                    .spec
                    .claim_ref
                    .as_ref()
                    .map(|r| (r.namespace.as_str(), r.name.as_str())),
            })
            .collect();
        let mut index = Index {
            capacities,
            groups: (0..class_ids.len()).map(|_| Default::default()).collect(),
            reserved: FxMap::default(),
            by_name: FxMap::with_capacity_and_hasher(volumes.len(), Default::default()),
        };
        let mut by_class: Vec<Vec<u32>> = vec![Vec::new(); class_ids.len()];
        for (i, v) in volumes.iter().enumerate() {
            let i = i as u32;
            by_class[v.class_id as usize].push(i);
            index
                .by_name
                .entry(v.pv.metadata.name.as_str())
                .or_insert(i);
            match v.claim_ref {
                Some(key) => index.reserved.entry(key).or_default().push(i),
                None => {
                    let slot = group_slot(v.mode, v.modes.bits());
                    index.groups[v.class_id as usize][slot].insert((v.rank, i));
                }
            }
        }
        let min_rank = claims
            .iter()
            .map(|c| {
                let request = size(&c.spec.resources.requests);
                index.capacities.partition_point(|&q| q < request) as u32
            })
            .collect();
        let claim_class = claims
            .iter()
            .map(|c| match c.class {
                ClaimClass::Named(name) => class_ids.get(name).copied(),
                ClaimClass::UnknownDefault => None,
            })
            .collect();
        let mut sim = Simulation {
            bound_claim: vec![None; volumes.len()],
            outcomes: vec![Outcome::Unbound(Unbound::NoMatch); claims.len()],
            min_rank,
            claim_class,
            volumes,
            claims,
            by_class,
        };
        // The controller: immediate claims, then pre-bound PVs of delayed ones.
        for c in 0..sim.claims.len() {
            let outcome = sim.sync_claim(&mut index, c);
            sim.outcomes[c] = outcome;
        }
        // The scheduler: delayed claims, once their pods are scheduled.
        for c in 0..sim.claims.len() {
            let claim = sim.claims[c];
            let unbound = matches!(sim.outcomes[c], Outcome::Unbound(_));
            if unbound
                && claim.delay_binding
                && claim.spec.volume_name.is_none()
                && let Some(v) = sim.search(&index, c, true)
            {
                sim.bind(&mut index, c, v);
                sim.outcomes[c] = Outcome::Bound {
                    volume: v,
                    by: BindReason::FirstConsumer,
                };
            }
        }
        sim
    }

    /// `syncUnboundClaim` for claim `c`.
    fn sync_claim(&mut self, index: &mut Index<'a>, c: usize) -> Outcome {
        let claim = self.claims[c];
        if let Some(volume_name) = claim.spec.volume_name.as_deref() {
            let Some(&v) = index.by_name.get(volume_name) else {
                return Outcome::Unbound(Unbound::VolumeNotFound);
            };
            let v = v as usize;
            if self.bound_claim[v].is_some_and(|other| other != c) {
                return Outcome::Unbound(Unbound::VolumeTaken { volume: v });
            }
            return match self.volumes[v].claim_ref {
                None => {
                    if self.satisfy_refusals(c, v).is_empty() {
                        self.bind(index, c, v);
                        Outcome::Bound {
                            volume: v,
                            by: BindReason::VolumeName,
                        }
                    } else {
                        Outcome::Unbound(Unbound::VolumeMismatch { volume: v })
                    }
                }
                Some(key) if key == (claim.namespace, claim.name) => {
                    self.bind(index, c, v);
                    Outcome::Bound {
                        volume: v,
                        by: BindReason::MutualPreBinding,
                    }
                }
                Some(_) => Outcome::Unbound(Unbound::VolumeTaken { volume: v }),
            };
        }
        match self.search(index, c, false) {
            Some(v) => {
                let by = if self.volumes[v].claim_ref.is_some() {
                    BindReason::ClaimRef
                } else {
                    BindReason::BestMatch
                };
                self.bind(index, c, v);
                Outcome::Bound { volume: v, by }
            }
            None => Outcome::Unbound(Unbound::NoMatch),
        }
    }

    /// `findByClaim` (controller, `scheduler == false`) or the scheduler's `FindMatchingVolume`
    /// over the claim's class (`scheduler == true`).
    fn search(&self, index: &Index<'a>, c: usize, scheduler: bool) -> Option<usize> {
        let claim = self.claims[c];
        let want = claim.spec.access_modes.bits();
        let mode = volume_mode(claim.spec.volume_mode);
        let min_rank = self.min_rank[c];
        let groups = self.claim_class[c].and_then(|id| index.groups.get(id as usize));
        let reserved = if scheduler || index.reserved.is_empty() {
            None
        } else {
            index.reserved.get(&(claim.namespace, claim.name))
        };
        let mut best: Option<(u32, u32)> = None;
        let mut level = 0;
        for &mask in &MASKS {
            let count = mask.count_ones();
            if count != level {
                // Leaving a level: the controller stops at the first group with a match.
                if !scheduler && best.is_some() {
                    break;
                }
                level = count;
            }
            if mask & want != want {
                continue;
            }
            if let Some(list) = reserved {
                // A PV reserved for this claim wins over the rest of its group.
                let hit = list.iter().map(|&i| i as usize).find(|&i| {
                    let v = &self.volumes[i];
                    v.modes.bits() == mask
                        && v.rank >= min_rank
                        && v.mode == mode
                        && self.bound_claim[i].is_none()
                });
                if let Some(i) = hit {
                    return Some(i);
                }
            }
            if claim.delay_binding && !scheduler {
                continue;
            }
            let Some(group) = groups.map(|g| &g[group_slot(mode, mask)]) else {
                continue;
            };
            let found = match &claim.spec.selector {
                None => group.range((min_rank, 0)..).next().copied(),
                Some(selector) => group
                    .range((min_rank, 0)..)
                    .find(|(_, i)| selector.matches(&self.volumes[*i as usize].pv.metadata.labels))
                    .copied(),
            };
            if let Some(candidate) = found
                && best.is_none_or(|b| candidate < b)
            {
                best = Some(candidate);
            }
        }
        best.map(|(_, i)| i as usize)
    }

    fn bind(&mut self, index: &mut Index<'a>, c: usize, v: usize) {
        self.bound_claim[v] = Some(c);
        let vol = &self.volumes[v];
        if vol.claim_ref.is_none()
            && let Some(groups) = index.groups.get_mut(vol.class_id as usize)
        {
            groups[group_slot(vol.mode, vol.modes.bits())].remove(&(vol.rank, v as u32));
        }
    }

    /// What became of claim `claim` (an index into the claims given to [`Simulation::run`]);
    /// `None` past the end.
    pub fn outcome(&self, claim: usize) -> Option<Outcome> {
        self.outcomes.get(claim).copied()
    }

    /// Every claim's outcome, in input order.
    pub fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
    }

    /// The claim (index) that binds PV `volume`, if any.
    pub fn bound_claim(&self, volume: usize) -> Option<usize> {
        self.bound_claim.get(volume).copied().flatten()
    }

    /// The claims, as given.
    pub fn claims(&self) -> &[ClaimInput<'a>] {
        &self.claims
    }

    /// The PersistentVolumes, as given.
    pub fn volume(&self, volume: usize) -> Option<&'a PersistentVolume> {
        self.volumes.get(volume).map(|v| v.pv)
    }

    /// Number of PersistentVolumes.
    pub fn volume_count(&self) -> usize {
        self.volumes.len()
    }

    /// True when PV `volume` is a `local` volume.
    pub fn is_local(&self, volume: usize) -> bool {
        self.volumes
            .get(volume)
            .is_some_and(|v| matches!(v.pv.spec.source, PvSource::Local(_)))
    }

    /// Why PV `volume` does not bind claim `claim` on the best-match path: empty when it would.
    /// A PV reserved for the claim by `claimRef` is compared without class and selector, as the
    /// controller does.
    pub fn refusals(&self, claim: usize, volume: usize) -> Vec<Refusal<'a>> {
        let mut out = Vec::new();
        self.each_refusal(claim, volume, &mut |r| out.push(r));
        out
    }

    /// `refusals(claim, volume).len()` without building them (explanations count reasons for
    /// many PVs and describe few).
    fn refusal_count(&self, claim: usize, volume: usize) -> usize {
        let (Some(c), Some(v)) = (self.claims.get(claim), self.volumes.get(volume)) else {
            return 0;
        };
        let own = v.claim_ref == Some((c.namespace, c.name));
        let taken = match self.bound_claim[volume] {
            Some(other) => other != claim,
            None => v.claim_ref.is_some() && !own,
        };
        let selector = !own
            && c.spec
                .selector
                .as_ref()
                .is_some_and(|s| !s.matches(&v.pv.metadata.labels));
        usize::from(taken)
            + usize::from(v.rank < self.min_rank[claim])
            + usize::from(!own && self.claim_class[claim] != Some(v.class_id))
            + usize::from(v.mode != volume_mode(c.spec.volume_mode))
            + usize::from(!v.modes.contains_all(c.spec.access_modes))
            + usize::from(selector)
    }

    fn each_refusal(&self, claim: usize, volume: usize, f: &mut dyn FnMut(Refusal<'a>)) {
        let (Some(c), Some(v)) = (self.claims.get(claim), self.volumes.get(volume)) else {
            return;
        };
        let own = v.claim_ref == Some((c.namespace, c.name));
        match self.bound_claim[volume] {
            Some(other) if other != claim => {
                let o = &self.claims[other];
                f(Refusal::BoundTo {
                    namespace: o.namespace,
                    name: o.name,
                });
            }
            _ => {
                if let Some((namespace, name)) = v.claim_ref.filter(|_| !own) {
                    f(Refusal::ReservedFor { namespace, name });
                }
            }
        }
        // `FindMatchingVolume` compares the values (`Cmp`): the capacity ranks do the same.
        let too_small = v.rank < self.min_rank[claim];
        self.common_refusals(c, v, too_small, !own, f);
        if !own
            && let Some(selector) = &c.spec.selector
            && !selector.matches(&v.pv.metadata.labels)
        {
            f(Refusal::Selector);
        }
    }

    /// `checkVolumeSatisfyClaim`: why PV `volume` cannot serve claim `claim` named by its
    /// `volumeName` (capacity, class, volume mode, access modes; no selector).
    pub fn satisfy_refusals(&self, claim: usize, volume: usize) -> Vec<Refusal<'a>> {
        let mut out = Vec::new();
        if let (Some(c), Some(v)) = (self.claims.get(claim), self.volumes.get(volume)) {
            let too_small = value_less(&v.pv.spec.capacity, &c.spec.resources.requests);
            let class_ok = match c.class {
                ClaimClass::Named(name) => name == v.class,
                // The default class's name is unknown: only a class-less PV surely differs.
                ClaimClass::UnknownDefault => !v.class.is_empty(),
            };
            self.common_refusals(c, v, too_small, false, &mut |r| out.push(r));
            if !class_ok {
                // The controller's order: capacity, class, volume mode, access modes.
                let at = usize::from(too_small);
                out.insert(
                    at,
                    Refusal::StorageClass {
                        volume: v.class,
                        claim: c.class,
                    },
                );
            }
        }
        out
    }

    fn common_refusals(
        &self,
        c: &ClaimInput<'a>,
        v: &Vol<'a>,
        too_small: bool,
        check_class: bool,
        out: &mut dyn FnMut(Refusal<'a>),
    ) {
        if too_small {
            let requested = &c.spec.resources.requests;
            out(Refusal::TooSmall {
                requested,
                capacity: &v.pv.spec.capacity,
            });
        }
        if check_class && !c.class.matches(v.class) {
            out(Refusal::StorageClass {
                volume: v.class,
                claim: c.class,
            });
        }
        let mode = volume_mode(c.spec.volume_mode);
        if v.mode != mode {
            out(Refusal::VolumeMode {
                volume: v.mode,
                claim: mode,
            });
        }
        if !v.modes.contains_all(c.spec.access_modes) {
            let missing = c
                .spec
                .access_modes
                .iter()
                .filter(|m| !v.modes.contains(*m))
                .collect();
            out(Refusal::AccessModes {
                volume: v.modes,
                missing,
            });
        }
    }

    /// The PersistentVolumes that refuse claim `claim` and why, closest candidates first
    /// (fewest reasons, then set order), at most `limit` of them, then `… and N more`:
    /// `mongo-pv: requested 2Gi but capacity is 1Gi; pv3: access modes RWO do not include ROX`.
    ///
    /// PVs of the claim's class are examined first, then the others, and at most
    /// [`EXPLAIN_SCAN`] of them (the examination stops early once `limit` PVs with a single
    /// reason are found), so explaining a claim costs the same in a set of any size. PVs not
    /// examined are counted in `N more`: every PV refuses a claim that binds none.
    pub fn explain(&self, claim: usize, limit: usize) -> String {
        if self.volumes.is_empty() {
            return "the set has no PersistentVolumes".to_owned();
        }
        let class_id = self.claim_class.get(claim).copied().flatten();
        let same_class: &[u32] = class_id
            .and_then(|id| self.by_class.get(id as usize))
            .map_or(&[], Vec::as_slice);
        let others = (0..self.volumes.len() as u32)
            .filter(|&v| class_id != Some(self.volumes[v as usize].class_id));
        // Count reasons first (cheap), then describe only the PVs that are shown.
        let mut buckets: [Vec<usize>; 8] = Default::default();
        let mut accepting = 0usize;
        for v in same_class.iter().copied().chain(others).take(EXPLAIN_SCAN) {
            let v = v as usize;
            let n = self.refusal_count(claim, v);
            if n == 0 {
                accepting += 1;
                continue;
            }
            let bucket = &mut buckets[n.min(7)];
            if bucket.len() < limit {
                bucket.push(v);
            }
            if buckets[1].len() >= limit {
                break;
            }
        }
        let mut shown: Vec<(usize, usize)> = Vec::with_capacity(limit);
        for (n, bucket) in buckets.iter().enumerate() {
            shown.extend(bucket.iter().map(|&v| (n, v)));
        }
        shown.sort_unstable();
        shown.truncate(limit);
        let mut parts: Vec<String> = shown
            .iter()
            .map(|&(_, v)| {
                let reasons: Vec<String> = self
                    .refusals(claim, v)
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                format!(
                    "{}: {}",
                    self.volumes[v].pv.metadata.name,
                    reasons.join(", ")
                )
            })
            .collect();
        let more = self.volumes.len().saturating_sub(shown.len() + accepting);
        if more > 0 {
            parts.push(format!("… and {more} more"));
        }
        parts.join("; ")
    }
}

/// How many PersistentVolumes [`Simulation::explain`] examines at most for one claim.
pub const EXPLAIN_SCAN: usize = 1024;

/// `a.Value() < b.Value()`: sizes compared as whole units rounded up, as
/// `checkVolumeSatisfyClaim` does.
fn value_less(a: &Quantity, b: &Quantity) -> bool {
    a.value_ceil() < b.value_ceil()
}

/// The size the PV controller compares: the API server rounds every `ResourceList` value up to
/// thousandths before storing it (`SetDefaults_ResourceList`), so comparing the values in
/// thousandths, rounded up, is comparing what the controller sees.
fn size(q: &Quantity) -> i128 {
    q.milli_value_ceil()
}

/// FxHash (rustc's hasher): the index keys are short strings, and the input is a user's own
/// manifests, so there is nothing to gain from SipHash's flooding resistance.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`].
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        access::AccessMode, meta::ClusterMeta, pv::ClaimRef, pv::PvSpec, pvc::ClassRef,
        selector::LabelSelector, volume::Nfs,
    };

    fn pv(name: &str, size: &str, modes: &[AccessMode], class: &str) -> PersistentVolume {
        let mut metadata = ClusterMeta::named(name);
        metadata
            .labels
            .insert("zone".into(), name.len().to_string());
        PersistentVolume {
            metadata,
            spec: PvSpec {
                access_modes: modes.iter().copied().collect(),
                capacity: size.parse().unwrap(),
                claim_ref: None,
                mount_options: vec![],
                node_affinity: None,
                reclaim_policy: None,
                storage_class_name: Some(class.into()),
                volume_mode: None,
                source: PvSource::Nfs(Nfs {
                    path: "/x".into(),
                    read_only: false,
                    server: "nfs".into(),
                }),
            },
        }
    }

    /// The fast count agrees with the described reasons for every claim and PV.
    #[test]
    fn refusal_count_matches_refusals() {
        use AccessMode::{ReadOnlyMany as ROX, ReadWriteMany as RWX, ReadWriteOnce as RWO};
        let mut volumes = vec![
            pv("a", "1Gi", &[RWO], ""),
            pv("bb", "5Gi", &[RWO, ROX], "fast"),
            pv("ccc", "2Gi", &[RWX], ""),
            pv("dddd", "3Gi", &[RWO], ""),
        ];
        volumes[3].spec.claim_ref = Some(ClaimRef {
            name: "x".into(),
            namespace: "ns".into(),
        });
        volumes[2].spec.volume_mode = Some(VolumeMode::Block);
        let mut specs = Vec::new();
        for (size, modes) in [
            ("1Gi", vec![RWO]),
            ("4Gi", vec![ROX]),
            ("2Gi", vec![RWO, RWX]),
        ] {
            let mut spec = PvcSpec::new(modes.into_iter().collect(), size.parse().unwrap());
            spec.storage_class = ClassRef::NoClass;
            specs.push(spec);
        }
        let mut labels = crate::meta::StringMap::new();
        labels.insert("zone".into(), "2".into());
        specs[1].selector = Some(LabelSelector::labels(labels));
        let names = ["x", "y", "z"];
        let claims = specs
            .iter()
            .zip(names)
            .map(|(spec, name)| ClaimInput {
                namespace: "ns",
                name,
                spec,
                class: ClaimClass::Named(""),
                delay_binding: false,
            })
            .collect();
        let sim = Simulation::run(&volumes, claims);
        for c in 0..3 {
            for v in 0..volumes.len() {
                assert_eq!(
                    sim.refusal_count(c, v),
                    sim.refusals(c, v).len(),
                    "claim {c}, pv {v}"
                );
            }
        }
    }
}

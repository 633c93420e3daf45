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
//! assert!(matches!(sim.outcome(0), Outcome::Bound { volume: 1, .. }));
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

/// `(class, volume mode, access-mode bits)`: one ordered group of the index.
type GroupKey<'a> = (&'a str, VolumeMode, u8);

/// One PV, with what the controller compares precomputed.
#[derive(Debug)]
struct Vol<'a> {
    pv: &'a PersistentVolume,
    class: &'a str,
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
    outcomes: Vec<Outcome>,
    bound_claim: Vec<Option<usize>>,
}

/// The controller's PV index, plus the bookkeeping of the simulation.
struct Index<'a> {
    /// Distinct capacities, ascending.
    capacities: Vec<&'a Quantity>,
    /// Unreserved, not yet bound PVs: `(rank, index)` per group.
    groups: HashMap<GroupKey<'a>, BTreeSet<(u32, u32)>>,
    /// PVs whose `claimRef` names `(namespace, name)`, in set order.
    reserved: HashMap<(&'a str, &'a str), Vec<u32>>,
    /// The first PV of each name.
    by_name: HashMap<&'a str, u32>,
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
        let mut capacities: Vec<&'a Quantity> = pvs.iter().map(|pv| &pv.spec.capacity).collect();
        capacities.sort_unstable();
        capacities.dedup_by(|a, b| *a == *b);
        let volumes: Vec<Vol<'a>> = pvs
            .iter()
            .map(|pv| Vol {
                pv,
                class: volume_class(pv),
                mode: volume_mode(pv.spec.volume_mode),
                modes: pv.spec.access_modes,
                rank: rank_of(&capacities, &pv.spec.capacity),
                claim_ref: pv
                    .spec
                    .claim_ref
                    .as_ref()
                    .map(|r| (r.namespace.as_str(), r.name.as_str())),
            })
            .collect();
        let mut index = Index {
            capacities,
            groups: HashMap::new(),
            reserved: HashMap::new(),
            by_name: HashMap::with_capacity(volumes.len()),
        };
        for (i, v) in volumes.iter().enumerate() {
            let i = i as u32;
            index
                .by_name
                .entry(v.pv.metadata.name.as_str())
                .or_insert(i);
            match v.claim_ref {
                Some(key) => index.reserved.entry(key).or_default().push(i),
                None => {
                    let key = (v.class, v.mode, v.modes.bits());
                    index.groups.entry(key).or_default().insert((v.rank, i));
                }
            }
        }
        let mut sim = Simulation {
            bound_claim: vec![None; volumes.len()],
            outcomes: vec![Outcome::Unbound(Unbound::NoMatch); claims.len()],
            volumes,
            claims,
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
        let request = &claim.spec.resources.requests;
        let min_rank = index.capacities.partition_point(|q| *q < request) as u32;
        let class = match claim.class {
            ClaimClass::Named(name) => Some(name),
            ClaimClass::UnknownDefault => None,
        };
        let reserved = if scheduler {
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
            let Some(class) = class else { continue };
            let Some(group) = index.groups.get(&(class, mode, mask)) else {
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
            && let Some(group) = index
                .groups
                .get_mut(&(vol.class, vol.mode, vol.modes.bits()))
        {
            group.remove(&(vol.rank, v as u32));
        }
    }

    /// What became of claim `claim` (an index into the claims given to [`Simulation::run`]).
    ///
    /// # Panics
    ///
    /// Never for an index below the number of claims; an index out of range panics like a
    /// slice index.
    pub fn outcome(&self, claim: usize) -> Outcome {
        self.outcomes[claim]
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

    fn refusal_count(&self, claim: usize, volume: usize) -> usize {
        let mut n = 0;
        self.each_refusal(claim, volume, &mut |_| n += 1);
        n
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
        self.common_refusals(c, v, !own, f);
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
            let class_ok = match c.class {
                ClaimClass::Named(name) => name == v.class,
                // The default class's name is unknown: only a class-less PV surely differs.
                ClaimClass::UnknownDefault => !v.class.is_empty(),
            };
            if !class_ok {
                out.push(Refusal::StorageClass {
                    volume: v.class,
                    claim: c.class,
                });
            }
            self.common_refusals(c, v, false, &mut |r| out.push(r));
            // Keep the controller's order: capacity, class, mode, access modes.
            out.sort_by_key(|r| match r {
                Refusal::TooSmall { .. } => 0,
                Refusal::StorageClass { .. } => 1,
                Refusal::VolumeMode { .. } => 2,
                _ => 3,
            });
        }
        out
    }

    fn common_refusals(
        &self,
        c: &ClaimInput<'a>,
        v: &Vol<'a>,
        check_class: bool,
        out: &mut dyn FnMut(Refusal<'a>),
    ) {
        let requested = &c.spec.resources.requests;
        if v.pv.spec.capacity < *requested {
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

    /// Every PV's reasons for refusing claim `claim`, closest candidates first (fewest
    /// reasons, then set order), at most `limit` of them, then `… and N more`:
    /// `mongo-pv: requested 2Gi but capacity is 1Gi; pv3: access modes RWO do not include ROX`.
    pub fn explain(&self, claim: usize, limit: usize) -> String {
        if self.volumes.is_empty() {
            return "the set has no PersistentVolumes".to_owned();
        }
        // Count reasons first (cheap), then describe only the PVs that are shown.
        let mut buckets: [Vec<usize>; 8] = Default::default();
        let mut total = 0usize;
        for v in 0..self.volumes.len() {
            let n = self.refusal_count(claim, v);
            if n > 0 {
                total += 1;
                let bucket = &mut buckets[n.min(7)];
                if bucket.len() < limit {
                    bucket.push(v);
                }
            }
        }
        // Buckets hold set order, so this is ordered by (reasons, set order).
        let shown: Vec<usize> = buckets.iter().flatten().copied().take(limit).collect();
        let mut parts: Vec<String> = shown
            .iter()
            .map(|&v| {
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
        if total > shown.len() {
            parts.push(format!("… and {} more", total - shown.len()));
        }
        parts.join("; ")
    }
}

fn rank_of(capacities: &[&Quantity], q: &Quantity) -> u32 {
    capacities.partition_point(|c| *c < q) as u32
}

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
    report::RuleId,
    selector::LabelSelector,
};
mod fx;
mod outcome;
#[cfg(test)]
mod tests;

pub(crate) use fx::{FxMap, claim_hash, name_hash};
pub use outcome::{BindReason, ClaimClass, ClaimInput, Outcome, Refusal, Unbound};

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

/// Access-mode sets ordered as `allPossibleMatchingAccessModes` searches them: fewest modes first.
const MASKS: [u8; 16] = [0, 1, 2, 4, 8, 3, 5, 6, 9, 10, 12, 7, 11, 13, 14, 15];

/// Groups per class: by volume mode and access-mode bits (`mode * 16 + bits`).
const SLOTS: usize = 32;

fn group_slot(mode: VolumeMode, bits: u8) -> usize {
    let mode = match mode {
        VolumeMode::Filesystem => 0,
        VolumeMode::Block => 16,
    };
    mode + usize::from(bits & 15)
}

/// One PV, with what the controller compares read once (by [`Simulation::run`], or by
/// `Manifests::check` while it validates the PV).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Vol<'a> {
    pv: &'a PersistentVolume,
    class: &'a str,
    /// The class, interned (an index into `Simulation::by_class`).
    class_id: u32,
    mode: VolumeMode,
    modes: AccessModes,
    /// Its capacity as compared ([`size`]); replaced by its rank among the distinct capacities
    /// of the set when the simulation starts.
    size: i128,
    rank: u32,
    claim_ref: Option<(&'a str, &'a str)>,
    local: bool,
    /// [`name_hash`] of its name.
    name_hash: u64,
}

impl<'a> Vol<'a> {
    /// The facts of `pv`, whose class ([`volume_class`]) is `class`, interned as `class_id`.
    pub(crate) fn new(pv: &'a PersistentVolume, class: &'a str, class_id: u32) -> Self {
        Vol {
            pv,
            class,
            class_id,
            mode: volume_mode(pv.spec.volume_mode),
            modes: pv.spec.access_modes,
            size: size(&pv.spec.capacity),
            rank: 0,
            claim_ref: (pv.spec.claim_ref.as_ref())
                .map(|r| (r.namespace.as_str(), r.name.as_str())),
            local: matches!(pv.spec.source, PvSource::Local(_)),
            name_hash: name_hash(&pv.metadata.name),
        }
    }
}

impl<'a> Vol<'a> {
    /// The `(namespace, name)` of its `claimRef`.
    pub(crate) fn claim_ref(&self) -> Option<(&'a str, &'a str)> {
        self.claim_ref
    }
}

/// What the simulation compares of one claim, read once from its spec.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ClaimFacts<'a> {
    /// The claim's class, interned with the PVs' classes (`None`: unknown default class, or a
    /// class no PV has).
    class_id: Option<u32>,
    /// Its request as compared ([`size`]).
    request: i128,
    want: AccessModes,
    mode: VolumeMode,
    selector: Option<&'a LabelSelector>,
    volume_name: Option<&'a str>,
}

impl<'a> ClaimFacts<'a> {
    /// The claim's class id.
    pub(crate) fn class_id(&self) -> Option<u32> {
        self.class_id
    }

    /// The facts of `spec`, whose class is interned as `class_id`.
    pub(crate) fn new(spec: &'a PvcSpec, class_id: Option<u32>) -> Self {
        ClaimFacts {
            class_id,
            request: size(&spec.resources.requests),
            want: spec.access_modes,
            mode: volume_mode(spec.volume_mode),
            selector: spec.selector.as_ref(),
            volume_name: spec.volume_name.as_deref(),
        }
    }
}

/// The result of matching a set of claims against a set of PersistentVolumes.
#[derive(Debug)]
pub struct Simulation<'a> {
    volumes: Vec<Vol<'a>>,
    claims: Vec<ClaimInput<'a>>,
    /// Per claim: what is compared.
    facts: Vec<ClaimFacts<'a>>,
    /// Per claim: [`claim_hash`] of its namespace and name.
    keys: Vec<u64>,
    /// Per claim: the rank of the smallest capacity that covers its request.
    min_rank: Vec<u32>,
    outcomes: Vec<Outcome>,
    bound_claim: Vec<Option<usize>>,
    /// Every PV of each class (by class id), in set order (for explanations).
    by_class: Vec<Vec<u32>>,
}

/// The controller's PV index, plus the bookkeeping of the simulation.
///
/// The unreserved PVs sit in one array, grouped by class id, volume mode and access-mode set
/// (group `class * SLOTS + slot`), each group ordered by `(rank, index)`: a claim costs a binary
/// search per group. A PV that binds stays in place and is skipped: `next` is a union-find
/// over positions that leads from any position to the first free one at or after it.
struct Index<'a> {
    /// Distinct capacities (in thousandths), ascending.
    capacities: Vec<i128>,
    /// The unreserved PVs, by group.
    groups: Groups,
    /// PVs with a `claimRef`, in set order, by [`claim_hash`] of the claim it names (the
    /// claims' hashes are computed while their names are in the cache).
    reserved: FxMap<u64, Vec<u32>>,
    /// The first PV of each name that some claim's `volumeName` names (`NOWHERE`: none).
    by_name: FxMap<&'a str, u32>,
}

/// The groups of unreserved PVs (see [`Index`]).
struct Groups {
    /// Group `g` is `starts[g]..starts[g + 1]` of `ranks` and `members`.
    starts: Vec<u32>,
    /// The capacity rank of the PV at each position.
    ranks: Vec<u32>,
    /// The PV (index) at each position.
    members: Vec<u32>,
    /// Union-find: `next[p] == p` for a free position (and the end), else a position after it.
    next: Vec<u32>,
    /// Each PV's position (`NOWHERE` for a reserved PV, which is in no group).
    position: Vec<u32>,
}

/// No position, or no PV.
const NOWHERE: u32 = u32::MAX;

impl Groups {
    /// The first free position at or after `p` (the end of all groups when none is).
    fn find(&mut self, mut p: u32) -> u32 {
        // Path halving: every position visited then points two steps further.
        loop {
            let Some(&q) = self.next.get(p as usize) else {
                return p;
            };
            if q == p {
                return p;
            }
            let r = self.next.get(q as usize).copied().unwrap_or(q);
            if let Some(slot) = self.next.get_mut(p as usize) {
                *slot = r;
            }
            p = r;
        }
    }

    /// The free PV of group `class * SLOTS + slot` with the smallest `(rank, index)` from
    /// `min_rank` up that `accept` takes.
    fn first_free(
        &mut self,
        class: u32,
        slot: usize,
        min_rank: u32,
        mut accept: impl FnMut(u32) -> bool,
    ) -> Option<(u32, u32)> {
        let g = (class as usize).checked_mul(SLOTS)?.checked_add(slot)?;
        let (&start, &end) = (self.starts.get(g)?, self.starts.get(g + 1)?);
        let ranks = self.ranks.get(start as usize..end as usize)?;
        let lower = start + ranks.partition_point(|&r| r < min_rank) as u32;
        let mut p = self.find(lower);
        while p < end {
            let (&rank, &v) = (self.ranks.get(p as usize)?, self.members.get(p as usize)?);
            if accept(v) {
                return Some((rank, v));
            }
            p = self.find(p + 1);
        }
        None
    }

    /// Takes PV `v` out of its group.
    fn remove(&mut self, v: usize) {
        if let Some(&p) = self.position.get(v)
            && let Some(slot) = self.next.get_mut(p as usize)
        {
            *slot = p + 1;
        }
    }
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
        let mut class_ids: FxMap<&'a str, u32> = FxMap::default();
        let volumes: Vec<Vol<'a>> = (volumes.into_iter())
            .map(|pv| {
                let class = volume_class(pv);
                let next = class_ids.len() as u32;
                Vol::new(pv, class, *class_ids.entry(class).or_insert(next))
            })
            .collect();
        let facts = (claims.iter())
            .map(|c| {
                let class_id = match c.class {
                    ClaimClass::Named(name) => class_ids.get(name).copied(),
                    ClaimClass::UnknownDefault => None,
                };
                ClaimFacts::new(c.spec, class_id)
            })
            .collect();
        let keys = (claims.iter())
            .map(|c| claim_hash(c.namespace, c.name))
            .collect();
        Self::run_with(volumes, claims, facts, keys)
    }

    /// [`Simulation::run`] with the facts already read: `facts[c]` belongs to `claims[c]`, and
    /// `keys[c]` is its [`claim_hash`]; class ids are shared by PVs and claims.
    pub(crate) fn run_with(
        mut volumes: Vec<Vol<'a>>,
        claims: Vec<ClaimInput<'a>>,
        facts: Vec<ClaimFacts<'a>>,
        keys: Vec<u64>,
    ) -> Simulation<'a> {
        // Dense capacity ranks: one sort by (size, index), then equal neighbours share a rank.
        let mut order: Vec<(i128, u32)> = (volumes.iter().enumerate())
            .map(|(i, v)| (v.size, i as u32))
            .collect();
        order.sort_unstable();
        let mut capacities: Vec<i128> = Vec::new();
        for &(capacity, i) in &order {
            if capacities.last() != Some(&capacity) {
                capacities.push(capacity);
            }
            if let Some(v) = volumes.get_mut(i as usize) {
                v.rank = capacities.len() as u32 - 1;
            }
        }
        let classes = (volumes.iter())
            .map(|v| v.class_id as usize + 1)
            .max()
            .unwrap_or(0);
        let mut by_class: Vec<Vec<u32>> = vec![Vec::new(); classes];
        let mut reserved: FxMap<u64, Vec<u32>> = FxMap::default();
        // Group sizes, then their starts (a counting sort by group).
        let group_of =
            |v: &Vol<'_>| v.class_id as usize * SLOTS + group_slot(v.mode, v.modes.bits());
        let mut starts = vec![0u32; classes * SLOTS + 1];
        for (i, v) in volumes.iter().enumerate() {
            if let Some(list) = by_class.get_mut(v.class_id as usize) {
                list.push(i as u32);
            }
            match v.claim_ref {
                Some((namespace, name)) => (reserved.entry(claim_hash(namespace, name)))
                    .or_default()
                    .push(i as u32),
                None => {
                    if let Some(count) = starts.get_mut(group_of(v) + 1) {
                        *count += 1;
                    }
                }
            }
        }
        for g in 1..starts.len() {
            starts[g] += starts[g - 1];
        }
        let placed = starts.last().copied().unwrap_or(0) as usize;
        let mut fill = starts.clone();
        let mut group_ranks = vec![0u32; placed];
        let mut members = vec![0u32; placed];
        let mut position = vec![NOWHERE; volumes.len()];
        // In (rank, index) order, so each group comes out sorted.
        for &(_, i) in &order {
            let Some(v) = volumes.get(i as usize) else {
                continue;
            };
            if v.claim_ref.is_some() {
                continue;
            }
            let Some(at) = fill.get_mut(group_of(v)) else {
                continue;
            };
            let p = *at;
            *at += 1;
            if let (Some(r), Some(m), Some(pos)) = (
                group_ranks.get_mut(p as usize),
                members.get_mut(p as usize),
                position.get_mut(i as usize),
            ) {
                *r = v.rank;
                *m = i;
                *pos = p;
            }
        }
        // Only the names some claim asks for by `volumeName`: the first PV of each.
        let mut by_name: FxMap<&'a str, u32> = FxMap::default();
        let mut wanted: FxMap<u64, ()> = FxMap::default();
        for f in &facts {
            if let Some(name) = f.volume_name {
                by_name.insert(name, NOWHERE);
                wanted.insert(name_hash(name), ());
            }
        }
        if !by_name.is_empty() {
            // (A PV's name is read only when its hash is one of the names asked for.)
            for (i, v) in volumes.iter().enumerate() {
                if wanted.contains_key(&v.name_hash)
                    && let Some(first) = by_name.get_mut(v.pv.metadata.name.as_str())
                    && *first == NOWHERE
                {
                    *first = i as u32;
                }
            }
        }
        let mut index = Index {
            capacities,
            groups: Groups {
                starts,
                ranks: group_ranks,
                members,
                next: (0..=placed as u32).collect(),
                position,
            },
            reserved,
            by_name,
        };
        let min_rank = (facts.iter())
            .map(|f| index.capacities.partition_point(|&q| q < f.request) as u32)
            .collect();
        let mut sim = Simulation {
            keys,
            bound_claim: vec![None; volumes.len()],
            outcomes: vec![Outcome::Unbound(Unbound::NoMatch); claims.len()],
            min_rank,
            facts,
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
                && sim.facts[c].volume_name.is_none()
                && let Some(v) = sim.search(&mut index, c, true)
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
        if let Some(volume_name) = self.facts[c].volume_name {
            let v = index.by_name.get(volume_name).copied().unwrap_or(NOWHERE);
            if v == NOWHERE {
                return Outcome::Unbound(Unbound::VolumeNotFound);
            }
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
    fn search(&self, index: &mut Index<'a>, c: usize, scheduler: bool) -> Option<usize> {
        let claim = self.claims[c];
        let facts = self.facts[c];
        let want = facts.want.bits();
        let mode = facts.mode;
        let min_rank = self.min_rank[c];
        let class = facts.class_id;
        let reserved = if scheduler || index.reserved.is_empty() {
            None
        } else {
            (self.keys.get(c)).and_then(|key| index.reserved.get(key))
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
                        && v.claim_ref == Some((claim.namespace, claim.name))
                });
                if let Some(i) = hit {
                    return Some(i);
                }
            }
            if claim.delay_binding && !scheduler {
                continue;
            }
            let Some(class) = class else {
                continue;
            };
            let slot = group_slot(mode, mask);
            let found = match facts.selector {
                None => index.groups.first_free(class, slot, min_rank, |_| true),
                Some(selector) => index.groups.first_free(class, slot, min_rank, |i| {
                    self.volumes
                        .get(i as usize)
                        .is_some_and(|v| selector.matches(&v.pv.metadata.labels))
                }),
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
        index.groups.remove(v);
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

    /// The `(namespace, name)` of PV `volume`'s `claimRef`.
    pub(crate) fn claim_ref(&self, volume: usize) -> Option<(&'a str, &'a str)> {
        self.volumes.get(volume).and_then(|v| v.claim_ref)
    }

    /// Number of PersistentVolumes.
    pub fn volume_count(&self) -> usize {
        self.volumes.len()
    }

    /// True when PV `volume` is a `local` volume.
    pub fn is_local(&self, volume: usize) -> bool {
        self.volumes.get(volume).is_some_and(|v| v.local)
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
    #[cfg(test)]
    fn refusal_count(&self, claim: usize, volume: usize) -> usize {
        match self.refusal_count_but_selector(claim, volume) {
            (n, Some(selector)) => n + usize::from(!self.selector_matches(selector, volume)),
            (n, None) => n,
        }
    }

    /// The reasons but the selector's, counted from the compact facts alone, and the selector
    /// still to compare with the PV's labels (reading them is what costs).
    fn refusal_count_but_selector(
        &self,
        claim: usize,
        volume: usize,
    ) -> (usize, Option<&'a LabelSelector>) {
        let (Some(c), Some(f), Some(v)) = (
            self.claims.get(claim),
            self.facts.get(claim),
            self.volumes.get(volume),
        ) else {
            return (0, None);
        };
        let own = v.claim_ref == Some((c.namespace, c.name));
        let taken = match self.bound_claim[volume] {
            Some(other) => other != claim,
            None => v.claim_ref.is_some() && !own,
        };
        let n = usize::from(taken)
            + usize::from(v.rank < self.min_rank[claim])
            + usize::from(!own && f.class_id != Some(v.class_id))
            + usize::from(v.mode != f.mode)
            + usize::from(!v.modes.contains_all(f.want));
        (n, f.selector.filter(|_| !own))
    }

    fn selector_matches(&self, selector: &LabelSelector, volume: usize) -> bool {
        (self.volumes.get(volume)).is_some_and(|v| selector.matches(&v.pv.metadata.labels))
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
        self.explain_with_rule(claim, limit).0
    }

    /// [`Simulation::explain`], with the rule of the first refusal of the closest candidate
    /// (`None` when the set has no PersistentVolumes).
    pub fn explain_with_rule(&self, claim: usize, limit: usize) -> (String, Option<RuleId>) {
        if self.volumes.is_empty() {
            return ("the set has no PersistentVolumes".to_owned(), None);
        }
        let class_id = self.facts.get(claim).and_then(|f| f.class_id);
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
            let n = match self.refusal_count_but_selector(claim, v) {
                // When the PV refuses anyway and both counts it could have land in full
                // buckets, its labels change nothing: it is neither accepting nor shown.
                (n, Some(_))
                    if n > 0
                        && buckets[n.min(7)].len() >= limit
                        && buckets[(n + 1).min(7)].len() >= limit =>
                {
                    n
                }
                (n, Some(selector)) => n + usize::from(!self.selector_matches(selector, v)),
                (n, None) => n,
            };
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
        let mut closest = None;
        let mut parts: Vec<String> = shown
            .iter()
            .map(|&(_, v)| {
                let refusals = self.refusals(claim, v);
                if closest.is_none() {
                    closest = refusals.first().map(Refusal::rule);
                }
                let reasons: Vec<String> = refusals.iter().map(ToString::to_string).collect();
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
        (parts.join("; "), closest)
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

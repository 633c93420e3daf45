//! The PV controller's binding, simulated over the set ([`crate::binding`]): a claim that is
//! not provisioned dynamically must bind a PersistentVolume of the set.

use super::{
    ClaimIndex, ClassProblem, Cross, Naming, NoProvision, Unit, no_default_detail, outcome_of,
};
use crate::{binding::Refusal, report::RuleId, rules::ids};
use crate::{
    binding::{self, ClaimFacts, ClaimInput, FxMap, Outcome, Simulation, Unbound, Vol},
    manifests::EXPLAIN_LIMIT,
    report::{ErrorKind, FieldError, quote},
    suggest::closest_name,
    validate::Checker,
};
use std::{borrow::Cow, collections::BTreeSet};

impl<'a> Cross<'a> {
    pub(super) fn check_binding(
        &self,
        units: &[Unit<'a>],
        volumes: Vec<Vol<'a>>,
        volume_objects: &[usize],
        per_class: &[u64],
        claims: &ClaimIndex<'_, 'a>,
        checker: &mut Checker,
    ) {
        let volumes_of = |id: Option<u32>| {
            id.and_then(|id| per_class.get(id as usize))
                .copied()
                .unwrap_or(0)
        };
        // PVs reserved by claimRef for each per-replica unit: those ordinals are simulated even
        // past the first `class PVs + 1` replicas.
        let mut reserved_ordinals: FxMap<usize, BTreeSet<u64>> = FxMap::default();
        for v in &volumes {
            if let Some((namespace, name)) = v.claim_ref()
                && let Some((u, ordinal)) = claims.per_replica_unit(namespace, name)
            {
                reserved_ordinals.entry(u).or_default().insert(ordinal);
            }
        }

        // The claims, in the order they are created.
        let mut instances: Vec<(usize, u64)> = Vec::new();
        let mut u = 0;
        while u < units.len() {
            let Naming::PerReplica { set, .. } = &units[u].naming else {
                instances.push((u, 0));
                u += 1;
                continue;
            };
            // A StatefulSet's units are adjacent; its pods are created one ordinal at a time.
            let mut end = u;
            while end < units.len()
                && matches!(&units[end].naming, Naming::PerReplica { set: s, .. } if std::ptr::eq(*s, *set))
            {
                end += 1;
            }
            let mut ordinals: Vec<Vec<u64>> = Vec::new();
            for (w, unit) in units.iter().enumerate().take(end).skip(u) {
                let Naming::PerReplica {
                    start, replicas, ..
                } = unit.naming
                else {
                    continue;
                };
                let class_pvs = volumes_of(unit.facts.class_id());
                let reserved = reserved_ordinals.get(&w);
                // Identical claims beyond `bindable + 1` cannot fare better than the first
                // unbound one, so they need not be simulated.
                let bindable = class_pvs + reserved.map_or(0, |r| r.len() as u64);
                let k = replicas.min(bindable.saturating_add(1));
                let mut list: Vec<u64> = (start..start.saturating_add(k)).collect();
                list.extend(
                    reserved
                        .into_iter()
                        .flatten()
                        .filter(|&&o| o >= start.saturating_add(k)),
                );
                ordinals.push(list);
            }
            let mut all: Vec<u64> = ordinals.iter().flatten().copied().collect();
            all.sort_unstable();
            all.dedup();
            for ordinal in all {
                for (offset, list) in ordinals.iter().enumerate() {
                    if list.binary_search(&ordinal).is_ok() {
                        instances.push((u + offset, ordinal));
                    }
                }
            }
            u = end;
        }
        let names: Vec<Cow<'_, str>> = instances.iter().map(|&(u, o)| units[u].name(o)).collect();
        let inputs: Vec<ClaimInput<'_>> = instances
            .iter()
            .zip(&names)
            .map(|(&(u, _), name)| ClaimInput {
                namespace: units[u].namespace,
                name,
                spec: units[u].spec,
                class: units[u].class,
                delay_binding: units[u].delay,
            })
            .collect();
        let facts: Vec<ClaimFacts<'_>> = instances.iter().map(|&(u, _)| units[u].facts).collect();
        let keys: Vec<u64> = (instances.iter().zip(&names))
            .map(|(&(u, _), name)| match units[u].naming {
                Naming::Single(_) => units[u].key,
                Naming::PerReplica { .. } => binding::claim_hash(units[u].namespace, name),
            })
            .collect();
        let sim = Simulation::run_with(volumes, inputs, facts, keys);

        let per_unit = PerUnit::new(units.len(), &instances);

        // Errors, per claim or template.
        for (u, unit) in units.iter().enumerate() {
            let mine = per_unit.of(u);
            let unbound: Vec<usize> = mine
                .iter()
                .copied()
                .filter(|&c| matches!(outcome_of(&sim, c), Outcome::Unbound(_)))
                .collect();
            let total = match unit.naming {
                Naming::Single(_) => 1,
                Naming::PerReplica { replicas, .. } => replicas,
            };
            let failing = unbound.len() as u64 + total.saturating_sub(mine.len() as u64);
            match unit.problem {
                // Without a default class, admission leaves the class unset and the PV
                // controller matches it as "" (`GetPersistentVolumeClaimClass`): the claim
                // binds a volume of the set without a class, else stays Pending.
                Some(ClassProblem::NoDefault) if failing > 0 => {
                    checker.error_in(
                        unit.obj,
                        FieldError::required(
                            ids::S16_DEFAULT_CLASS,
                            self.class_path(unit),
                            no_default_detail(),
                        )
                        .with_help(
                            "the cluster's default class is declared with \
                             `Manifests::cluster_default_class` (or `assume_default_class`)",
                        ),
                    );
                }
                Some(ClassProblem::Missing(name)) if failing > 0 => {
                    let mut detail = format!(
                        "no StorageClass of that name in this set and none declared external, \
                         and no PersistentVolume of class {} binds the claim",
                        quote(name)
                    );
                    let candidates = self
                        .classes
                        .keys()
                        .copied()
                        .chain(self.m.external_classes.iter().map(String::as_str));
                    if let Some(s) = closest_name(name, candidates) {
                        detail.push_str(&format!("; did you mean {}?", quote(s)));
                    }
                    let path = self.class_path(unit);
                    let value = Some(quote(name));
                    checker.error_in(
                        unit.obj,
                        FieldError::new(
                            ids::S8_KVOL_STORAGE_CLASS_NAME_EXISTS,
                            path,
                            ErrorKind::NotFound,
                            value,
                            detail,
                        )
                        .with_help(
                            "a StorageClass that exists in the cluster is declared with \
                             `Manifests::external_storage_class`",
                        ),
                    );
                }
                _ => {}
            }
            let explain = match unit.no_provision {
                None | Some(NoProvision::NoDefault) => false,
                // (The missing class is the claim's class.)
                Some(NoProvision::MissingClass(_)) => volumes_of(unit.facts.class_id()) > 0,
                Some(_) => true,
            };
            if failing == 0 || !explain {
                continue;
            }
            let Some(no_provision) = unit.no_provision else {
                continue;
            };
            let note = (no_provision.rule(), no_provision.note());
            // The first unbound claim stands for the others (they are identical but for names).
            let Some(&c) = unbound.first() else { continue };
            let prefix = match unit.naming {
                Naming::Single(_) => String::new(),
                Naming::PerReplica { .. } => {
                    let shown: Vec<String> = unbound
                        .iter()
                        .take(3)
                        .map(|&c| names[c].to_string())
                        .collect();
                    let more = if failing as usize > shown.len() {
                        ", …"
                    } else {
                        ""
                    };
                    format!(
                        "{failing} of {total} claims of this template cannot bind ({}{more}); claim {}: ",
                        shown.join(", "),
                        quote(&names[c])
                    )
                }
            };
            checker.error_in(unit.obj, self.binding_error(unit, &sim, c, &prefix, &note));
        }

        let instance_of = |namespace: &str, name: &str| {
            let (u, ordinal) = claims.unit_of(namespace, name)?;
            let mine = per_unit.of(u);
            let at = mine
                .binary_search_by_key(&ordinal, |&c| instances[c].1)
                .ok()?;
            mine.get(at).copied()
        };
        self.volume_warnings(volume_objects, &sim, claims, &instance_of, checker);
    }

    pub(super) fn binding_error(
        &self,
        unit: &Unit<'a>,
        sim: &Simulation<'_>,
        c: usize,
        prefix: &str,
        (rule, note): &(RuleId, String),
    ) -> FieldError {
        let volume_path = || self.unit_path(unit).child("spec").child("volumeName");
        let volume_name = unit.spec.volume_name.as_deref().unwrap_or_default();
        let pv_name = |v: usize| {
            sim.volume(v)
                .map(|pv| pv.metadata.name.as_str())
                .unwrap_or_default()
        };
        match outcome_of(sim, c) {
            Outcome::Unbound(Unbound::VolumeNotFound) => {
                let mut detail = format!(
                    "{prefix}no PersistentVolume of that name in this set (the claim stays Pending \
                     until one exists)"
                );
                let candidates = (0..sim.volume_count()).map(pv_name);
                if let Some(s) = closest_name(volume_name, candidates) {
                    detail.push_str(&format!("; did you mean {}?", quote(s)));
                }
                let value = Some(quote(volume_name));
                let path = volume_path();
                let rule = ids::S16_VOLUME_NAME_MISSING;
                FieldError::new(rule, path, ErrorKind::NotFound, value, detail)
            }
            Outcome::Unbound(Unbound::VolumeMismatch { volume }) => {
                let refusals = sim.satisfy_refusals(c, volume);
                let reasons: Vec<String> = refusals.iter().map(ToString::to_string).collect();
                let detail = format!(
                    "{prefix}cannot bind to requested volume {}: {}",
                    quote(volume_name),
                    reasons.join(", ")
                );
                let rule = ids::S16_VOLUME_NAME_PREBINDING;
                let error = FieldError::invalid(rule, volume_path(), volume_name, detail);
                FieldError {
                    cause: refusals.first().map(Refusal::rule),
                    ..error
                }
            }
            Outcome::Unbound(Unbound::VolumeTaken { volume }) => {
                let claim_ref = sim.volume(volume).and_then(|pv| pv.spec.claim_ref.as_ref());
                let holder = match (claim_ref, sim.bound_claim(volume)) {
                    (Some(r), _) => format!("{}/{} by the volume's claimRef", r.namespace, r.name),
                    (None, Some(other)) => {
                        let o = &sim.claims()[other];
                        format!("{}/{}, which is matched first", o.namespace, o.name)
                    }
                    (None, None) => "another claim".to_owned(),
                };
                let detail = format!(
                    "{prefix}volume {} already bound to a different claim ({holder})",
                    quote(volume_name)
                );
                let rule = ids::S16_VOLUME_NAME_TAKEN;
                FieldError::invalid(rule, volume_path(), volume_name, detail)
            }
            Outcome::Unbound(Unbound::NoMatch) | Outcome::Bound { .. } => {
                let (explanation, closest) = sim.explain_with_rule(c, EXPLAIN_LIMIT);
                let detail = format!(
                    "{prefix}no PersistentVolume can bind this claim: {explanation} ({note})"
                );
                let path = self.unit_path(unit);
                let error = FieldError::new(*rule, path, ErrorKind::NotFound, None, detail);
                FieldError {
                    cause: closest,
                    ..error
                }
            }
        }
    }
}

/// The simulated claims of each unit, in ordinal order (one allocation for all units).
pub(super) struct PerUnit {
    offsets: Vec<usize>,
    claims: Vec<usize>,
}

impl PerUnit {
    pub(super) fn new(units: usize, instances: &[(usize, u64)]) -> Self {
        let mut offsets = vec![0usize; units + 1];
        for &(u, _) in instances {
            offsets[u + 1] += 1;
        }
        for u in 0..units {
            offsets[u + 1] += offsets[u];
        }
        let mut next = offsets.clone();
        let mut claims = vec![0usize; instances.len()];
        for (c, &(u, _)) in instances.iter().enumerate() {
            claims[next[u]] = c;
            next[u] += 1;
        }
        PerUnit { offsets, claims }
    }

    pub(super) fn of(&self, unit: usize) -> &[usize] {
        match (self.offsets.get(unit), self.offsets.get(unit + 1)) {
            (Some(&start), Some(&end)) => self.claims.get(start..end).unwrap_or_default(),
            _ => &[],
        }
    }
}

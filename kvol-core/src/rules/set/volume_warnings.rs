//! Warnings about PersistentVolumes: `claimRef` reservations for claims that are not in the set
//! or bind elsewhere, `local` volumes without `WaitForFirstConsumer`, mismatched pre-binding.

use super::{ClaimIndex, Cross, outcome_of};
use crate::report::WarningCode;
use crate::{
    binding::{BindReason, NO_PROVISIONER, Outcome, Refusal, Simulation},
    report::quote,
    validate::Checker,
};

impl<'a> Cross<'a> {
    pub(super) fn volume_warnings(
        &self,
        volumes: &[usize],
        sim: &Simulation<'_>,
        claims: &ClaimIndex<'_, 'a>,
        instance_of: &dyn Fn(&str, &str) -> Option<usize>,
        checker: &mut Checker,
    ) {
        // Local volumes bound immediately, per claim class: (first volume, count).
        let mut immediate_local: Vec<(String, usize, usize)> = Vec::new();
        for (v, i) in volumes.iter().enumerate() {
            if let Some((namespace, name)) = sim.claim_ref(v) {
                let path = self.path(*i).child("spec").child("claimRef");
                let claim = format!("{namespace}/{name}");
                match instance_of(namespace, name) {
                    None if claims.exists(namespace, name) => {}
                    None => checker.warn_in(
                        *i,
                        WarningCode::ClaimRefUnknownClaim,
                        path,
                        format!(
                            "reserved for claim {claim}, which is neither in this set nor declared \
                             external: no other claim can bind \
                             this volume"
                        ),
                    ),
                    Some(c) => match outcome_of(sim, c) {
                        Outcome::Bound {
                            volume,
                            by: BindReason::MutualPreBinding,
                        } if volume == v => {
                            let reasons: Vec<String> = sim
                                .satisfy_refusals(c, v)
                                .iter()
                                .map(ToString::to_string)
                                .collect();
                            if !reasons.is_empty() {
                                checker.warn_in(
                                    *i,
                                    WarningCode::MutualPreBindingMismatch,
                                    path,
                                    format!(
                                        "pre-bound both ways with claim {claim}, so the PV \
                                         controller binds them without checking: {}",
                                        reasons.join(", ")
                                    ),
                                );
                            }
                        }
                        Outcome::Bound { volume, .. } if volume == v => {}
                        outcome => {
                            let reasons: Vec<String> = sim
                                .refusals(c, v)
                                .iter()
                                .filter(|r| !matches!(r, Refusal::BoundTo { .. }))
                                .map(ToString::to_string)
                                .collect();
                            let why = if !reasons.is_empty() {
                                format!(": {}", reasons.join(", "))
                            } else if let Some(n) = &sim.claims()[c].spec.volume_name {
                                format!(" (its volumeName names {})", quote(n))
                            } else {
                                " (the PV controller searches access-mode sets with fewer modes \
                                 first)"
                                    .to_owned()
                            };
                            let what = match outcome {
                                Outcome::Bound { volume, .. } => format!(
                                    "binds PersistentVolume {} instead",
                                    quote(
                                        sim.volume(volume)
                                            .map(|p| p.metadata.name.as_str())
                                            .unwrap_or_default()
                                    )
                                ),
                                Outcome::Unbound(_) => "does not bind it".to_owned(),
                            };
                            checker.warn_in(
                                *i,
                                WarningCode::ReservedVolumeUnused,
                                path,
                                format!(
                                    "reserved for claim {claim}, but that claim {what}{why}; the \
                                     volume stays unused"
                                ),
                            );
                        }
                    },
                }
            }
            if let Some(c) = sim.bound_claim(v) {
                let input = &sim.claims()[c];
                let by_match = matches!(
                    outcome_of(sim, c),
                    Outcome::Bound {
                        by: BindReason::BestMatch,
                        ..
                    }
                );
                if by_match && !input.delay_binding && sim.is_local(v) {
                    let class = input.class.to_string();
                    match immediate_local.iter_mut().find(|(k, _, _)| *k == class) {
                        Some(entry) => entry.2 += 1,
                        None => immediate_local.push((class, v, 1)),
                    }
                }
            }
        }
        for (class, v, count) in immediate_local {
            let i = volumes.get(v).copied().unwrap_or_default();
            let path = self.path(i).child("spec").child("local");
            let c = sim.bound_claim(v).unwrap_or_default();
            let input = &sim.claims()[c];
            let others = if count > 1 {
                format!(" (and {} more local volumes bound this way)", count - 1)
            } else {
                String::new()
            };
            checker.warn_in(
                i,
                WarningCode::LocalVolumeImmediateBinding,
                path,
                format!(
                    "local volume bound to claim {}/{} through class {class}, which binds \
                     immediately: the claim binds before its pod is scheduled, so the pod is \
                     pinned to this volume's node whatever its other constraints{others}; use a \
                     StorageClass with provisioner {NO_PROVISIONER} and volumeBindingMode: \
                     WaitForFirstConsumer",
                    input.namespace, input.name
                ),
            );
        }
    }
}

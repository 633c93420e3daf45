//! Unit tests of the binding simulation.

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

/// The PV controller's rules as plain linear scans, without any index: what the indexed
/// simulation must agree with.
fn naive_outcomes(volumes: &[PersistentVolume], claims: &[ClaimInput<'_>]) -> Vec<Outcome> {
    let n = volumes.len();
    let claim_ref = |v: usize| {
        (volumes[v].spec.claim_ref.as_ref()).map(|r| (r.namespace.as_str(), r.name.as_str()))
    };
    let fits = |c: &ClaimInput<'_>, v: usize| {
        size(&volumes[v].spec.capacity) >= size(&c.spec.resources.requests)
    };
    let same_mode = |c: &ClaimInput<'_>, v: usize| {
        volume_mode(volumes[v].spec.volume_mode) == volume_mode(c.spec.volume_mode)
    };
    let search = |c: &ClaimInput<'_>, scheduler: bool, bound: &[Option<usize>]| {
        let want = c.spec.access_modes.bits();
        let mut best: Option<(i128, usize)> = None;
        let mut level = 0;
        for &mask in &MASKS {
            if mask.count_ones() != level {
                if !scheduler && best.is_some() {
                    break;
                }
                level = mask.count_ones();
            }
            if mask & want != want {
                continue;
            }
            let in_group = |v: usize| {
                volumes[v].spec.access_modes.bits() == mask
                    && same_mode(c, v)
                    && fits(c, v)
                    && bound[v].is_none()
            };
            if !scheduler
                && let Some(v) =
                    (0..n).find(|&v| claim_ref(v) == Some((c.namespace, c.name)) && in_group(v))
            {
                return Some(v);
            }
            if c.delay_binding && !scheduler {
                continue;
            }
            for v in (0..n).filter(|&v| in_group(v) && claim_ref(v).is_none()) {
                let labels = &volumes[v].metadata.labels;
                if c.class.matches(volume_class(&volumes[v]))
                    && c.spec.selector.as_ref().is_none_or(|s| s.matches(labels))
                {
                    let candidate = (size(&volumes[v].spec.capacity), v);
                    if best.is_none_or(|b| candidate < b) {
                        best = Some(candidate);
                    }
                }
            }
        }
        best.map(|(_, v)| v)
    };
    let mut bound: Vec<Option<usize>> = vec![None; n];
    let mut out = vec![Outcome::Unbound(Unbound::NoMatch); claims.len()];
    for (i, c) in claims.iter().enumerate() {
        out[i] = if let Some(name) = c.spec.volume_name.as_deref() {
            match (0..n).find(|&v| volumes[v].metadata.name == name) {
                None => Outcome::Unbound(Unbound::VolumeNotFound),
                Some(v) if bound[v].is_some_and(|o| o != i) => {
                    Outcome::Unbound(Unbound::VolumeTaken { volume: v })
                }
                Some(v) => match claim_ref(v) {
                    None => {
                        let class_ok = match c.class {
                            ClaimClass::Named(name) => name == volume_class(&volumes[v]),
                            // Any class may be the default; no class is not.
                            ClaimClass::UnknownDefault => !volume_class(&volumes[v]).is_empty(),
                        };
                        let satisfied =
                            !value_less(&volumes[v].spec.capacity, &c.spec.resources.requests)
                                && class_ok
                                && same_mode(c, v)
                                && volumes[v]
                                    .spec
                                    .access_modes
                                    .contains_all(c.spec.access_modes);
                        if satisfied {
                            bound[v] = Some(i);
                            Outcome::Bound {
                                volume: v,
                                by: BindReason::VolumeName,
                            }
                        } else {
                            Outcome::Unbound(Unbound::VolumeMismatch { volume: v })
                        }
                    }
                    Some(key) if key == (c.namespace, c.name) => {
                        bound[v] = Some(i);
                        Outcome::Bound {
                            volume: v,
                            by: BindReason::MutualPreBinding,
                        }
                    }
                    Some(_) => Outcome::Unbound(Unbound::VolumeTaken { volume: v }),
                },
            }
        } else {
            match search(c, false, &bound) {
                Some(v) => {
                    bound[v] = Some(i);
                    let by = if claim_ref(v).is_some() {
                        BindReason::ClaimRef
                    } else {
                        BindReason::BestMatch
                    };
                    Outcome::Bound { volume: v, by }
                }
                None => Outcome::Unbound(Unbound::NoMatch),
            }
        };
    }
    for (i, c) in claims.iter().enumerate() {
        if matches!(out[i], Outcome::Unbound(_))
            && c.delay_binding
            && c.spec.volume_name.is_none()
            && let Some(v) = search(c, true, &bound)
        {
            bound[v] = Some(i);
            out[i] = Outcome::Bound {
                volume: v,
                by: BindReason::FirstConsumer,
            };
        }
    }
    out
}

/// The indexed simulation binds exactly as the linear scans do, on many random small sets
/// (few classes, sizes and labels, so that ties, reservations, taken volumes and
/// selectors are common).
#[test]
fn index_agrees_with_linear_scans() {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let classes = ["", "a", "b"];
    let sizes = ["1Gi", "2Gi", "1500Mi", "3Gi", "2048Mi", "1G", "500m"];
    let names = ["c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"];
    let mut seen = std::collections::HashSet::new();
    for round in 0..400 {
        let pv_count = 1 + next(12) as usize;
        let claim_count = 1 + next(10) as usize;
        let mut volumes = Vec::new();
        for v in 0..pv_count {
            let modes: AccessModes = AccessMode::ALL
                .into_iter()
                .filter(|_| next(3) == 0)
                .collect();
            let mut p = pv(
                &format!("pv{}", v % 9),
                sizes[next(sizes.len() as u64) as usize],
                &[],
                classes[next(3) as usize],
            );
            p.spec.access_modes = modes;
            p.metadata.labels.insert("zone".into(), next(2).to_string());
            if next(6) == 0 {
                p.spec.volume_mode = Some(VolumeMode::Block);
            }
            if next(5) == 0 {
                p.spec.claim_ref = Some(ClaimRef {
                    name: names[next(names.len() as u64) as usize].into(),
                    namespace: "ns".into(),
                });
            }
            if next(8) == 0 {
                p.metadata
                    .annotations
                    .insert(BETA_STORAGE_CLASS_ANNOTATION.into(), "b".into());
            }
            volumes.push(p);
        }
        let mut specs = Vec::new();
        let mut claim_classes = Vec::new();
        for _ in 0..claim_count {
            let modes: AccessModes = AccessMode::ALL
                .into_iter()
                .filter(|_| next(4) == 0)
                .collect();
            let mut spec = PvcSpec::new(
                modes,
                sizes[next(sizes.len() as u64) as usize].parse().unwrap(),
            );
            if next(6) == 0 {
                spec.volume_mode = Some(VolumeMode::Block);
            }
            if next(5) == 0 {
                spec.volume_name = Some(format!("pv{}", next(12)));
            }
            if next(4) == 0 {
                let mut labels = crate::meta::StringMap::new();
                labels.insert("zone".into(), next(2).to_string());
                spec.selector = Some(LabelSelector::labels(labels));
            }
            specs.push(spec);
            claim_classes.push(match next(8) {
                0 => ClaimClass::UnknownDefault,
                k => ClaimClass::Named(classes[k as usize % 3]),
            });
        }
        let delays: Vec<bool> = (0..claim_count).map(|_| next(4) == 0).collect();
        let claims: Vec<ClaimInput<'_>> = (0..claim_count)
            .map(|i| ClaimInput {
                namespace: "ns",
                name: names[i],
                spec: &specs[i],
                class: claim_classes[i],
                delay_binding: delays[i],
            })
            .collect();
        let expected = naive_outcomes(&volumes, &claims);
        let sim = Simulation::run(&volumes, claims);
        assert_eq!(sim.outcomes(), expected.as_slice(), "round {round}");
        seen.extend(expected.iter().map(|o| match o {
            Outcome::Bound { by, .. } => format!("{by:?}"),
            Outcome::Unbound(u) => format!("{u:?}").chars().take(12).collect(),
        }));
        for (v, _) in volumes.iter().enumerate() {
            let holder = expected
                .iter()
                .position(|o| matches!(o, Outcome::Bound { volume, .. } if *volume == v));
            assert_eq!(sim.bound_claim(v), holder, "round {round}, volume {v}");
        }
    }
    // Every way to bind and to stay unbound came up.
    assert_eq!(seen.len(), 9, "{seen:?}");
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

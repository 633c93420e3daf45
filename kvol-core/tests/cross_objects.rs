//! Cross-object checks of `Manifests` and the PV controller simulation of `binding`.
//!
//! Sizes are compared by value (`10Gi` > `2Gi`), as apimachinery's `Quantity` does.

use kvol_core::access::{AccessMode, AccessModes, VolumeMode};
use kvol_core::binding::{
    BindReason, ClaimClass, ClaimInput, Outcome, Refusal, Simulation, Unbound,
};
use kvol_core::manifests::EXPLAIN_LIMIT;
use kvol_core::meta::{ClusterMeta, ObjectMeta, StringMap, TemplateMeta};
use kvol_core::pod::{Container, Pod, PodSpec, PodTemplate};
use kvol_core::pv::{ClaimRef, LocalVolume, PersistentVolume, PvSource, PvSpec};
use kvol_core::pvc::{ClassRef, PersistentVolumeClaim, PvcSpec, PvcTemplate};
use kvol_core::render::ToDocuments;
use kvol_core::report::{ErrorKind, Report};
use kvol_core::selector::{
    LabelSelector, NodeSelector, NodeSelectorOperator, NodeSelectorRequirement, NodeSelectorTerm,
    VolumeNodeAffinity,
};
use kvol_core::service::{Service, ServicePort, ServiceSpec};
use kvol_core::statefulset::{StatefulSet, StatefulSetSpec};
use kvol_core::storage_class::{DEFAULT_CLASS_ANNOTATION, StorageClass, VolumeBindingMode};
use kvol_core::volume::{ClaimVolume, EphemeralVolume, Nfs, Volume, VolumeSource};
use kvol_core::{Manifests, Object, Valid, Validate};

// ----------------------------------------------------------------------------------------------
// Helpers
// ----------------------------------------------------------------------------------------------

const RWO: AccessMode = AccessMode::ReadWriteOnce;
const ROX: AccessMode = AccessMode::ReadOnlyMany;
const RWX: AccessMode = AccessMode::ReadWriteMany;

fn modes(list: &[AccessMode]) -> AccessModes {
    list.iter().copied().collect()
}

fn labels(pairs: &[(&str, &str)]) -> StringMap {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A PV of `size` with these modes; `class` `None` leaves storageClassName unset.
fn pv(name: &str, size: &str, access: &[AccessMode], class: Option<&str>) -> PersistentVolume {
    PersistentVolume {
        metadata: ClusterMeta::named(name),
        spec: PvSpec {
            access_modes: modes(access),
            capacity: size.parse().unwrap(),
            claim_ref: None,
            mount_options: vec![],
            node_affinity: None,
            reclaim_policy: None,
            storage_class_name: class.map(str::to_owned),
            volume_mode: None,
            source: PvSource::Nfs(Nfs {
                path: format!("/exports/{name}"),
                read_only: false,
                server: "nfs.example.com".into(),
            }),
        },
    }
}

fn reserved(mut volume: PersistentVolume, namespace: &str, claim: &str) -> PersistentVolume {
    volume.spec.claim_ref = Some(ClaimRef {
        name: claim.into(),
        namespace: namespace.into(),
    });
    volume
}

fn local(mut volume: PersistentVolume) -> PersistentVolume {
    volume.spec.source = PvSource::Local(LocalVolume {
        fs_type: None,
        path: "/mnt/disks/a".into(),
    });
    let on_node = NodeSelectorRequirement {
        key: "kubernetes.io/hostname".into(),
        operator: NodeSelectorOperator::In,
        values: vec!["node-1".into()],
    };
    let term = NodeSelectorTerm {
        match_fields: Vec::new(),
        match_expressions: vec![on_node],
    };
    volume.spec.node_affinity = Some(VolumeNodeAffinity {
        required: NodeSelector {
            node_selector_terms: vec![term],
        },
    });
    volume
}

fn labelled(mut volume: PersistentVolume, pairs: &[(&str, &str)]) -> PersistentVolume {
    volume.metadata.labels = labels(pairs);
    volume
}

fn spec(size: &str, access: &[AccessMode], class: ClassRef) -> PvcSpec {
    PvcSpec {
        storage_class: class,
        ..PvcSpec::new(modes(access), size.parse().unwrap())
    }
}

fn no_class() -> ClassRef {
    ClassRef::NoClass
}

fn named(class: &str) -> ClassRef {
    ClassRef::Named(class.into())
}

fn pvc(name: &str, size: &str, access: &[AccessMode], class: ClassRef) -> PersistentVolumeClaim {
    PersistentVolumeClaim {
        metadata: ObjectMeta::named(name),
        spec: spec(size, access, class),
    }
}

fn with_volume_name(mut claim: PersistentVolumeClaim, volume: &str) -> PersistentVolumeClaim {
    claim.spec.volume_name = Some(volume.into());
    claim
}

fn with_selector(
    mut claim: PersistentVolumeClaim,
    pairs: &[(&str, &str)],
) -> PersistentVolumeClaim {
    claim.spec.selector = Some(LabelSelector::labels(labels(pairs)));
    claim
}

fn in_namespace(mut claim: PersistentVolumeClaim, namespace: &str) -> PersistentVolumeClaim {
    claim.metadata.namespace = Some(namespace.into());
    claim
}

fn class(name: &str, provisioner: &str, mode: Option<VolumeBindingMode>) -> StorageClass {
    StorageClass {
        metadata: ClusterMeta::named(name),
        provisioner: provisioner.into(),
        parameters: StringMap::new(),
        reclaim_policy: None,
        volume_binding_mode: mode,
        allow_volume_expansion: None,
        mount_options: vec![],
        allowed_topologies: vec![],
    }
}

fn default_class(mut sc: StorageClass) -> StorageClass {
    sc.metadata
        .annotations
        .insert(DEFAULT_CLASS_ANNOTATION.into(), "true".into());
    sc
}

fn pod_spec(volumes: Vec<Volume>) -> PodSpec {
    PodSpec {
        containers: vec![Container::new("app", "busybox")],
        volumes,
        ..Default::default()
    }
}

fn pod(name: &str, claims: &[&str]) -> Pod {
    let volumes = claims
        .iter()
        .enumerate()
        .map(|(i, claim)| {
            let source = ClaimVolume {
                claim_name: claim.to_string(),
                read_only: false,
            };
            Volume::new(format!("v{i}"), VolumeSource::PersistentVolumeClaim(source))
        })
        .collect();
    Pod {
        metadata: ObjectMeta::named(name),
        spec: pod_spec(volumes),
    }
}

fn headless(name: &str, app: &str) -> Service {
    Service {
        metadata: ObjectMeta {
            labels: labels(&[("app", app)]),
            ..ObjectMeta::named(name)
        },
        spec: ServiceSpec {
            ports: vec![ServicePort {
                name: Some("web".into()),
                port: 80,
                protocol: Default::default(),
                target_port: None,
                ..Default::default()
            }],
            publish_not_ready_addresses: false,
            selector: labels(&[("app", app)]),
            ..Default::default()
        },
    }
}

fn template(name: &str, spec: PvcSpec) -> PvcTemplate {
    PvcTemplate {
        metadata: TemplateMeta {
            name: Some(name.into()),
            ..Default::default()
        },
        spec,
    }
}

/// An ephemeral volume's claim template: only labels and annotations in its metadata.
fn ephemeral(spec: PvcSpec) -> PvcTemplate {
    PvcTemplate {
        metadata: TemplateMeta::default(),
        spec,
    }
}

fn statefulset(name: &str, replicas: i32, templates: Vec<PvcTemplate>) -> StatefulSet {
    StatefulSet {
        metadata: ObjectMeta::named(name),
        spec: StatefulSetSpec {
            min_ready_seconds: None,
            ordinals_start: None,
            retention: None,
            pod_management_policy: None,
            replicas: Some(replicas),
            revision_history_limit: None,
            selector: LabelSelector::labels(labels(&[("app", "nginx")])),
            service_name: "nginx".into(),
            template: PodTemplate {
                metadata: TemplateMeta {
                    labels: labels(&[("app", "nginx")]),
                    ..Default::default()
                },
                spec: pod_spec(vec![]),
            },
            update_strategy: None,
            volume_claim_templates: templates,
            extra: Default::default(),
        },
        service: headless("nginx", "nginx"),
        service_in_set: false,
    }
}

fn errors(report: &Report) -> Vec<String> {
    report.errors.iter().map(ToString::to_string).collect()
}

fn warnings(report: &Report) -> Vec<String> {
    report.warnings.iter().map(ToString::to_string).collect()
}

#[track_caller]
fn assert_clean(report: &Report) {
    assert!(
        report.errors.is_empty() && report.warnings.is_empty(),
        "{report:#?}"
    );
}

/// Simulates claims (all `default/<name>`, class as given) against volumes.
fn simulate<'a>(
    volumes: &'a [PersistentVolume],
    claims: &'a [(&'a str, PvcSpec, ClaimClass<'a>, bool)],
) -> Simulation<'a> {
    let inputs = claims
        .iter()
        .map(|(name, spec, class, delay)| ClaimInput {
            namespace: "default",
            name,
            spec,
            class: *class,
            delay_binding: *delay,
        })
        .collect();
    Simulation::run(volumes, inputs)
}

fn bound_to(sim: &Simulation<'_>, claim: usize) -> Option<(String, BindReason)> {
    match sim.outcome(claim)? {
        Outcome::Bound { volume, by } => Some((sim.volume(volume)?.metadata.name.clone(), by)),
        Outcome::Unbound(_) => None,
    }
}

const EMPTY: ClaimClass<'static> = ClaimClass::Named("");

// ----------------------------------------------------------------------------------------------
// The PV controller's matching rules
// ----------------------------------------------------------------------------------------------

#[test]
fn smallest_fit_wins_by_value() {
    let volumes = [
        pv("ten", "10Gi", &[RWO], None),
        pv("two", "2Gi", &[RWO], None),
        pv("five", "5Gi", &[RWO], None),
    ];
    let claims = [("c", spec("1500Mi", &[RWO], no_class()), EMPTY, false)];
    let sim = simulate(&volumes, &claims);
    assert_eq!(
        bound_to(&sim, 0),
        Some(("two".into(), BindReason::BestMatch))
    );
}

#[test]
fn equal_sizes_bind_in_set_order_and_each_volume_binds_once() {
    let volumes = [
        pv("a", "1Gi", &[RWO], None),
        pv("b", "1024Mi", &[RWO], None),
    ];
    let claims = [
        ("first", spec("1Gi", &[RWO], no_class()), EMPTY, false),
        ("second", spec("1Gi", &[RWO], no_class()), EMPTY, false),
        ("third", spec("1Gi", &[RWO], no_class()), EMPTY, false),
    ];
    let sim = simulate(&volumes, &claims);
    assert_eq!(bound_to(&sim, 0).unwrap().0, "a");
    assert_eq!(bound_to(&sim, 1).unwrap().0, "b");
    assert_eq!(sim.outcome(2).unwrap(), Outcome::Unbound(Unbound::NoMatch));
    assert_eq!(
        sim.explain(2, 20),
        "a: already bound to default/first; b: already bound to default/second"
    );
    assert_eq!(sim.bound_claim(1), Some(1));
}

#[test]
fn access_modes_are_a_subset_relation() {
    let volumes = [pv("rwo-rox", "1Gi", &[RWO, ROX], None)];
    let claims = [
        ("rwo", spec("1Gi", &[RWO], no_class()), EMPTY, false),
        ("rox", spec("1Gi", &[ROX], no_class()), EMPTY, false),
    ];
    let sim = simulate(&volumes, &claims);
    assert_eq!(bound_to(&sim, 0).unwrap().0, "rwo-rox");

    let volumes = [pv("rwo", "1Gi", &[RWO], None)];
    let claims = [("c", spec("1Gi", &[RWO, RWX], no_class()), EMPTY, false)];
    let sim = simulate(&volumes, &claims);
    assert_eq!(sim.outcome(0).unwrap(), Outcome::Unbound(Unbound::NoMatch));
    assert_eq!(
        sim.refusals(0, 0),
        [Refusal::AccessModes {
            volume: modes(&[RWO]),
            missing: modes(&[RWX])
        }]
    );
    assert_eq!(
        sim.explain(0, 20),
        "rwo: access modes RWO do not include RWX"
    );
}

#[test]
fn groups_with_fewer_access_modes_are_searched_first() {
    // The controller prefers the exact mode set even when a better-sized PV offers more modes.
    let volumes = [
        pv("many-modes", "1Gi", &[RWO, ROX, RWX], None),
        pv("exact", "5Gi", &[RWO], None),
    ];
    let claims = [("c", spec("1Gi", &[RWO], no_class()), EMPTY, false)];
    let sim = simulate(&volumes, &claims);
    assert_eq!(bound_to(&sim, 0).unwrap().0, "exact");
}

#[test]
fn empty_class_claims_bind_only_class_less_volumes() {
    let volumes = [
        pv("fast", "1Gi", &[RWO], Some("fast")),
        pv("none", "5Gi", &[RWO], None),
    ];
    let claims = [("c", spec("1Gi", &[RWO], no_class()), EMPTY, false)];
    let sim = simulate(&volumes, &claims);
    assert_eq!(bound_to(&sim, 0).unwrap().0, "none");

    let volumes = [
        pv("fast", "1Gi", &[RWO], Some("fast")),
        pv("empty", "5Gi", &[RWO], Some("")),
    ];
    let claims = [(
        "c",
        spec("1Gi", &[RWO], named("fast")),
        ClaimClass::Named("fast"),
        false,
    )];
    let sim = simulate(&volumes, &claims);
    assert_eq!(bound_to(&sim, 0).unwrap().0, "fast");
    assert_eq!(
        sim.refusals(0, 1),
        [Refusal::StorageClass {
            volume: "",
            claim: ClaimClass::Named("fast")
        }]
    );
}

#[test]
fn beta_annotation_overrides_the_volume_class() {
    let mut annotated = pv("annotated", "1Gi", &[RWO], Some("slow"));
    annotated.metadata.annotations.insert(
        kvol_core::binding::BETA_STORAGE_CLASS_ANNOTATION.into(),
        "fast".into(),
    );
    let volumes = [annotated];
    let claims = [(
        "c",
        spec("1Gi", &[RWO], named("fast")),
        ClaimClass::Named("fast"),
        false,
    )];
    assert_eq!(
        bound_to(&simulate(&volumes, &claims), 0).unwrap().0,
        "annotated"
    );
}

#[test]
fn volume_mode_must_match() {
    let mut block = pv("block", "1Gi", &[RWO], None);
    block.spec.volume_mode = Some(VolumeMode::Block);
    let volumes = [block];
    let claims = [("c", spec("1Gi", &[RWO], no_class()), EMPTY, false)];
    let sim = simulate(&volumes, &claims);
    assert_eq!(
        sim.explain(0, 20),
        "block: volumeMode Block does not match Filesystem"
    );
}

#[test]
fn selector_must_match_volume_labels() {
    let volumes = [
        labelled(pv("small-other", "1Gi", &[RWO], None), &[("disk", "hdd")]),
        labelled(pv("big-ssd", "5Gi", &[RWO], None), &[("disk", "ssd")]),
        labelled(pv("bigger-ssd", "8Gi", &[RWO], None), &[("disk", "ssd")]),
    ];
    let mut s = spec("1Gi", &[RWO], no_class());
    s.selector = Some(LabelSelector::labels(labels(&[("disk", "ssd")])));
    let claims = [("c", s, EMPTY, false)];
    let sim = simulate(&volumes, &claims);
    assert_eq!(bound_to(&sim, 0).unwrap().0, "big-ssd");
    assert_eq!(sim.refusals(0, 0), [Refusal::Selector]);
}

#[test]
fn claim_ref_pre_binding_skips_class_and_selector_and_wins_its_group() {
    let volumes = [
        pv("small", "1Gi", &[RWO], None),
        reserved(pv("mine", "5Gi", &[RWO], Some("fast")), "default", "c"),
    ];
    let mut s = spec("1Gi", &[RWO], no_class());
    s.selector = Some(LabelSelector::labels(labels(&[("disk", "ssd")])));
    let claims = [("c", s, EMPTY, false)];
    let sim = simulate(&volumes, &claims);
    assert_eq!(
        bound_to(&sim, 0),
        Some(("mine".into(), BindReason::ClaimRef))
    );
}

#[test]
fn claim_ref_pre_binding_still_needs_capacity_mode_and_access_modes() {
    let volumes = [
        reserved(pv("mine-small", "1Gi", &[RWO], None), "default", "c"),
        pv("other", "5Gi", &[RWO], None),
    ];
    let claims = [("c", spec("2Gi", &[RWO], no_class()), EMPTY, false)];
    let sim = simulate(&volumes, &claims);
    assert_eq!(
        bound_to(&sim, 0),
        Some(("other".into(), BindReason::BestMatch))
    );

    // A PV reserved for someone else is never taken.
    let volumes = [reserved(
        pv("theirs", "5Gi", &[RWO], None),
        "default",
        "someone",
    )];
    let claims = [("c", spec("1Gi", &[RWO], no_class()), EMPTY, false)];
    let sim = simulate(&volumes, &claims);
    assert_eq!(
        sim.explain(0, 20),
        "theirs: reserved for default/someone by its claimRef"
    );
}

#[test]
fn claim_ref_in_a_larger_mode_group_loses_to_a_match_in_a_smaller_group() {
    let volumes = [
        reserved(pv("mine", "1Gi", &[RWO, ROX], None), "default", "c"),
        pv("exact", "1Gi", &[RWO], None),
    ];
    let claims = [("c", spec("1Gi", &[RWO], no_class()), EMPTY, false)];
    let sim = simulate(&volumes, &claims);
    assert_eq!(bound_to(&sim, 0).unwrap().0, "exact");
}

#[test]
fn volume_name_pre_binding_checks_the_volume_but_not_the_selector() {
    let volumes = [
        pv("wanted", "1Gi", &[RWO], None),
        pv("better", "1Gi", &[RWO], None),
    ];
    let mut s = spec("1Gi", &[RWO], no_class());
    s.volume_name = Some("wanted".into());
    s.selector = Some(LabelSelector::labels(labels(&[("disk", "ssd")])));
    let claims = [("c", s, EMPTY, false)];
    let sim = simulate(&volumes, &claims);
    assert_eq!(
        bound_to(&sim, 0),
        Some(("wanted".into(), BindReason::VolumeName))
    );

    // checkVolumeSatisfyClaim: capacity, class, mode, access modes — in that order.
    let volumes = [pv("wanted", "1Gi", &[RWO], Some("fast"))];
    let mut s = spec("2Gi", &[ROX], no_class());
    s.volume_name = Some("wanted".into());
    let claims = [("c", s, EMPTY, false)];
    let sim = simulate(&volumes, &claims);
    assert_eq!(
        sim.outcome(0).unwrap(),
        Outcome::Unbound(Unbound::VolumeMismatch { volume: 0 })
    );
    let reasons: Vec<String> = sim
        .satisfy_refusals(0, 0)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        reasons,
        [
            "requested 2Gi but capacity is 1Gi",
            "storageClassName \"fast\" does not match \"\"",
            "access modes RWO do not include ROX",
        ]
    );
}

#[test]
fn volume_name_pre_binding_to_a_reserved_or_taken_volume() {
    let volumes = [reserved(
        pv("theirs", "1Gi", &[RWO], None),
        "default",
        "other",
    )];
    let mut s = spec("1Gi", &[RWO], no_class());
    s.volume_name = Some("theirs".into());
    let claims = [("c", s.clone(), EMPTY, false)];
    let sim = simulate(&volumes, &claims);
    assert_eq!(
        sim.outcome(0).unwrap(),
        Outcome::Unbound(Unbound::VolumeTaken { volume: 0 })
    );

    // Mutual pre-binding binds without any check, even a too-small volume.
    let volumes = [reserved(pv("mine", "1Gi", &[RWO], None), "default", "c")];
    let mut big = s.clone();
    big.resources.requests = "5Gi".parse().unwrap();
    big.volume_name = Some("mine".into());
    let claims = [("c", big, EMPTY, false)];
    let sim = simulate(&volumes, &claims);
    assert_eq!(
        bound_to(&sim, 0),
        Some(("mine".into(), BindReason::MutualPreBinding))
    );

    // Taken by a claim matched earlier.
    let volumes = [pv("only", "1Gi", &[RWO], None)];
    let mut wants = s;
    wants.volume_name = Some("only".into());
    let claims = [
        ("early", spec("1Gi", &[RWO], no_class()), EMPTY, false),
        ("late", wants, EMPTY, false),
    ];
    let sim = simulate(&volumes, &claims);
    assert_eq!(bound_to(&sim, 0).unwrap().0, "only");
    assert_eq!(
        sim.outcome(1).unwrap(),
        Outcome::Unbound(Unbound::VolumeTaken { volume: 0 })
    );
}

#[test]
fn volume_name_that_does_not_exist() {
    let volumes = [pv("a", "1Gi", &[RWO], None)];
    let mut s = spec("1Gi", &[RWO], no_class());
    s.volume_name = Some("b".into());
    let claims = [("c", s, EMPTY, false)];
    assert_eq!(
        simulate(&volumes, &claims).outcome(0).unwrap(),
        Outcome::Unbound(Unbound::VolumeNotFound)
    );
}

#[test]
fn wait_for_first_consumer_claims_bind_after_immediate_ones() {
    let volumes = [pv("only", "1Gi", &[RWO], Some("local"))];
    let local_class = ClaimClass::Named("local");
    let claims = [
        (
            "delayed",
            spec("1Gi", &[RWO], named("local")),
            local_class,
            true,
        ),
        (
            "immediate",
            spec("1Gi", &[RWO], named("local")),
            local_class,
            false,
        ),
    ];
    let sim = simulate(&volumes, &claims);
    assert_eq!(sim.outcome(0).unwrap(), Outcome::Unbound(Unbound::NoMatch));
    assert_eq!(
        bound_to(&sim, 1),
        Some(("only".into(), BindReason::BestMatch))
    );

    // The scheduler picks the smallest fit of the class, whatever its mode group.
    let volumes = [
        pv("many", "1Gi", &[RWO, ROX], Some("local")),
        pv("exact", "5Gi", &[RWO], Some("local")),
    ];
    let claims = [(
        "delayed",
        spec("1Gi", &[RWO], named("local")),
        local_class,
        true,
    )];
    let sim = simulate(&volumes, &claims);
    assert_eq!(
        bound_to(&sim, 0),
        Some(("many".into(), BindReason::FirstConsumer))
    );
}

#[test]
fn unknown_default_class_matches_no_volume_by_class() {
    let volumes = [
        pv("a", "1Gi", &[RWO], Some("standard")),
        pv("b", "1Gi", &[RWO], None),
    ];
    let claims = [(
        "c",
        spec("1Gi", &[RWO], ClassRef::ClusterDefault),
        ClaimClass::UnknownDefault,
        false,
    )];
    let sim = simulate(&volumes, &claims);
    assert_eq!(sim.outcome(0).unwrap(), Outcome::Unbound(Unbound::NoMatch));
    assert_eq!(
        sim.explain(0, 20),
        "a: storageClassName \"standard\" is not known to be the cluster's default class; \
         b: storageClassName \"\" is not known to be the cluster's default class"
    );
}

#[test]
fn explanation_lists_closest_volumes_first_and_is_capped() {
    let mut volumes = vec![pv("two-reasons", "1Gi", &[RWX], None)];
    for i in 0..30 {
        volumes.push(pv(&format!("small-{i:02}"), "1Gi", &[RWO], None));
    }
    let claims = [("c", spec("2Gi", &[RWO], no_class()), EMPTY, false)];
    let sim = simulate(&volumes, &claims);
    let text = sim.explain(0, 3);
    assert_eq!(
        text,
        "small-00: requested 2Gi but capacity is 1Gi; small-01: requested 2Gi but capacity is 1Gi; \
         small-02: requested 2Gi but capacity is 1Gi; … and 28 more"
    );
    assert!(sim.explain(0, EXPLAIN_LIMIT).ends_with("… and 11 more"));
    assert_eq!(
        simulate(&[], &claims).explain(0, 3),
        "the set has no PersistentVolumes"
    );
}

// ----------------------------------------------------------------------------------------------
// Manifests: the set, paths, rendering
// ----------------------------------------------------------------------------------------------

fn mongo_set() -> Manifests {
    Manifests::new()
        .with(pod("mongodb", &["mongo-pvc"]))
        .with(pvc("mongo-pvc", "1Gi", &[RWO], no_class()))
        .with(pv("mongo-pv", "1Gi", &[RWO, ROX], Some("")))
}

#[test]
fn the_seed_static_binding_is_valid_and_renders_every_document() {
    let set = mongo_set();
    assert_clean(&set.check());
    let valid = Valid::new(set).unwrap();
    let mut kinds = Vec::new();
    valid.each_document(&mut |d| kinds.push(d.kind()));
    assert_eq!(kinds, ["Pod", "PersistentVolumeClaim", "PersistentVolume"]);
    assert!(valid.to_yaml().contains("mongo-pv"));
    assert!(valid.to_json().contains("\"kind\": \"List\""));
}

#[test]
fn object_paths_name_index_kind_namespace_and_name() {
    let set = mongo_set().with(in_namespace(pvc("x", "1Gi", &[RWO], no_class()), "db"));
    assert_eq!(
        set.object_path(0).unwrap().as_str(),
        "objects[0](Pod default/mongodb)"
    );
    assert_eq!(
        set.object_path(2).unwrap().as_str(),
        "objects[2](PersistentVolume mongo-pv)"
    );
    assert_eq!(
        set.object_path(3).unwrap().as_str(),
        "objects[3](PersistentVolumeClaim db/x)"
    );
    assert!(set.object_path(4).is_none());
    let set = Manifests::new().namespace("prod").with(pod("p", &[]));
    assert_eq!(
        set.object_path(0).unwrap().as_str(),
        "objects[0](Pod prod/p)"
    );
}

#[test]
fn the_set_namespace_must_be_a_label() {
    let report = Manifests::new().namespace("Prod").check();
    assert_eq!(report.errors.len(), 1);
    assert!(errors(&report)[0].starts_with("namespace: Invalid value: \"Prod\": "));
}

#[test]
fn sets_accept_model_values_objects_and_valid_values() {
    let valid_pv = Valid::new(pv("a", "1Gi", &[RWO], None)).unwrap();
    let mut set: Manifests = vec![Object::from(pod("p", &[]))].into_iter().collect();
    set.push(valid_pv).push(pvc("c", "1Gi", &[RWO], no_class()));
    set.extend([pv("b", "1Gi", &[RWO], None)]);
    assert_eq!(set.len(), 4);
    assert_eq!(
        set.iter().map(Object::kind).collect::<Vec<_>>(),
        [
            "Pod",
            "PersistentVolume",
            "PersistentVolumeClaim",
            "PersistentVolume"
        ]
    );
    assert_clean(&set.check());
}

// ----------------------------------------------------------------------------------------------
// Duplicates and Services
// ----------------------------------------------------------------------------------------------

#[test]
fn duplicate_objects_are_errors() {
    let report = mongo_set()
        .with(pvc("mongo-pvc", "1Gi", &[RWO], no_class()))
        .with(in_namespace(
            pvc("mongo-pvc", "1Gi", &[RWO], no_class()),
            "other",
        ))
        .check();
    assert_eq!(
        errors(&report)[0],
        "objects[3](PersistentVolumeClaim default/mongo-pvc).metadata.name: Duplicate value: \
         \"mongo-pvc\": objects[1] has the same kind, namespace and name"
    );
    assert_eq!(
        report
            .errors
            .iter()
            .filter(|e| e.kind == ErrorKind::Duplicate)
            .count(),
        1
    );
}

#[test]
fn a_separate_service_must_not_conflict_with_a_statefulsets_headless_service() {
    let sts = statefulset("web", 1, vec![]);
    let report = Manifests::new()
        .with(headless("nginx", "nginx"))
        .with(sts.clone())
        .check();
    assert!(report.errors.is_empty(), "{report:#?}");
    assert_eq!(
        warnings(&report),
        [
            "objects[1](StatefulSet default/web).spec.serviceName: Service \"nginx\" is the same as \
          the Service of objects[0], so it is written twice; keep one"
        ]
    );

    let report = Manifests::new()
        .with(sts)
        .with(headless("nginx", "other-app"))
        .check();
    assert_eq!(
        errors(&report),
        [
            "objects[1](Service default/nginx).metadata.name: Duplicate value: \"nginx\": conflicts \
          with the headless Service of StatefulSet \"web\" (objects[0]): labels, selector differ"
        ]
    );
}

// ----------------------------------------------------------------------------------------------
// Claim references from pods
// ----------------------------------------------------------------------------------------------

#[test]
fn a_pods_claim_must_exist_with_a_suggestion() {
    // The seed's typo: the pod says mongo-pvc, the claim is mongodb-pvc.
    let report = Manifests::new()
        .with(pod("mongodb", &["mongo-pvc"]))
        .with(pvc("mongodb-pvc", "1Gi", &[RWO], no_class()))
        .with(pv("mongo-pv", "1Gi", &[RWO], None))
        .check();
    assert_eq!(
        errors(&report),
        [
            "objects[0](Pod default/mongodb).spec.volumes[0].persistentVolumeClaim.claimName: Not \
          found: \"mongo-pvc\": no PersistentVolumeClaim of that name in namespace \"default\" in \
          this set, and none declared external; did you mean \
          \"mongodb-pvc\"?"
        ]
    );
}

#[test]
fn a_claim_in_another_namespace_does_not_count() {
    let report = Manifests::new()
        .with(pod("p", &["data"]))
        .with(in_namespace(pvc("data", "1Gi", &[RWO], no_class()), "db"))
        .with(pv("a", "1Gi", &[RWO], None))
        .check();
    assert_eq!(report.errors.len(), 1);
    assert!(
        errors(&report)[0].ends_with(
            "a claim of that name exists in namespace \"db\" (a pod can only use claims of its \
             own namespace)"
        ),
        "{report}"
    );
}

#[test]
fn external_and_generated_claims_count() {
    let ephemeral = EphemeralVolume {
        volume_claim_template: ephemeral(spec("1Gi", &[RWO], named("fast"))),
    };
    let mut user = pod("user", &["shared", "www-web-2", "other-scratch"]);
    user.metadata.namespace = Some("apps".into());
    let mut other = pod("other", &[]);
    other.metadata.namespace = Some("apps".into());
    other
        .spec
        .volumes
        .push(Volume::new("scratch", VolumeSource::Ephemeral(ephemeral)));
    let mut sts = statefulset(
        "web",
        3,
        vec![template("www", spec("1Gi", &[RWO], named("fast")))],
    );
    sts.metadata.namespace = Some("apps".into());
    sts.service.metadata.namespace = Some("apps".into());
    let set = Manifests::new()
        .namespace("apps")
        .external_claim("shared")
        .external_storage_class("fast")
        .with(user.clone())
        .with(other)
        .with(sts);
    assert_clean(&set.check());

    // Ordinal 3 does not exist with 3 replicas.
    user.spec.volumes[1] = Volume::new(
        "v1",
        VolumeSource::PersistentVolumeClaim(ClaimVolume {
            claim_name: "www-web-3".into(),
            read_only: false,
        }),
    );
    let report = set.with(user).check();
    assert!(
        errors(&report)
            .iter()
            .any(|e| e.contains("Not found: \"www-web-3\"")),
        "{report}"
    );
}

#[test]
fn a_statefulset_template_volume_replaced_by_a_claim_template_is_not_checked() {
    // The rules reject a pod volume named like a claim template; its claim is not looked up.
    let mut sts = statefulset(
        "web",
        1,
        vec![template("www", spec("1Gi", &[RWO], named("fast")))],
    );
    let source = ClaimVolume {
        claim_name: "nowhere".into(),
        read_only: false,
    };
    for name in ["www", "other"] {
        let volume = VolumeSource::PersistentVolumeClaim(source.clone());
        sts.spec
            .template
            .spec
            .volumes
            .push(Volume::new(name, volume));
    }
    let report = Manifests::new()
        .external_storage_class("fast")
        .with(sts)
        .check();
    let not_found: Vec<String> = errors(&report)
        .into_iter()
        .filter(|e| e.contains("Not found: \"nowhere\""))
        .collect();
    assert_eq!(
        not_found,
        [
            "objects[0](StatefulSet default/web).spec.template.spec.volumes[1].persistentVolumeClaim\
             .claimName: Not found: \"nowhere\": no PersistentVolumeClaim of that name in \
             namespace \"default\" in this set, and none declared external"
        ],
        "{report}"
    );
}

// ----------------------------------------------------------------------------------------------
// Classes
// ----------------------------------------------------------------------------------------------

#[test]
fn a_named_class_must_exist_or_be_declared() {
    let set = Manifests::new()
        .with(class("fast-ssd", "pd.csi.storage.gke.io", None))
        .with(pvc("data", "1Gi", &[RWO], named("fast-sdd")));
    assert_eq!(
        errors(&set.check()),
        [
            "objects[1](PersistentVolumeClaim default/data).spec.storageClassName: Not found: \
          \"fast-sdd\": no StorageClass of that name in this set and none declared external, \
          and no PersistentVolume of class \"fast-sdd\" binds the claim; did you mean \
          \"fast-ssd\"?"
        ]
    );
    assert_clean(&set.external_storage_class("fast-sdd").check());
    assert_clean(
        &Manifests::new()
            .cluster_default_class("standard")
            .with(pvc("d", "1Gi", &[RWO], named("standard")))
            .check(),
    );
}

#[test]
fn a_class_without_storage_class_object_is_fine_when_a_volume_of_it_binds() {
    // The Kubernetes docs' "manual" class: no StorageClass object, static binding only.
    let set = Manifests::new()
        .with(pv("task-pv", "10Gi", &[RWO], Some("manual")))
        .with(pvc("task-pvc", "3Gi", &[RWO], named("manual")));
    assert_clean(&set.check());

    // Too big: the missing class and the binding are both reported.
    let report = Manifests::new()
        .with(pv("task-pv", "10Gi", &[RWO], Some("manual")))
        .with(pvc("task-pvc", "30Gi", &[RWO], named("manual")))
        .check();
    assert_eq!(report.errors.len(), 2, "{report}");
    assert!(errors(&report)[1].ends_with(
        "no PersistentVolume can bind this claim: task-pv: requested 30Gi but capacity is 10Gi \
         (StorageClass \"manual\" does not exist to provision it)"
    ));
}

#[test]
fn an_unset_class_needs_a_default_class() {
    let claim = pvc("data", "1Gi", &[RWO], ClassRef::ClusterDefault);
    let report = Manifests::new().with(claim.clone()).check();
    assert_eq!(report.errors.len(), 1);
    let e = &errors(&report)[0];
    assert!(
        e.starts_with(
            "objects[0](PersistentVolumeClaim default/data).spec.storageClassName: Required value: \
             unset storageClassName means \"the cluster's default StorageClass\""
        ),
        "{e}"
    );
    assert!(
        e.contains("write storageClassName: \"\" to bind only PersistentVolumes without a class")
    );

    let standard = default_class(class("standard", "pd.csi.storage.gke.io", None));
    assert_clean(&Manifests::new().with(standard).with(claim.clone()).check());
    assert_clean(
        &Manifests::new()
            .cluster_default_class("standard")
            .with(claim.clone())
            .check(),
    );
    assert_clean(&Manifests::new().assume_default_class().with(claim).check());
}

#[test]
fn volume_name_with_an_unset_class_gets_the_default_class_and_misses() {
    // Admission fills in the default class, which a class-less volume does not have.
    let set = Manifests::new()
        .cluster_default_class("standard")
        .with(with_volume_name(
            pvc("data", "1Gi", &[RWO], ClassRef::ClusterDefault),
            "pv1",
        ))
        .with(pv("pv1", "1Gi", &[RWO], None));
    assert_eq!(
        errors(&set.check()),
        [
            "objects[0](PersistentVolumeClaim default/data).spec.volumeName: Invalid value: \"pv1\": \
          cannot bind to requested volume \"pv1\": storageClassName \"\" does not match \"standard\""
        ]
    );
    let set = Manifests::new()
        .assume_default_class()
        .with(with_volume_name(
            pvc("data", "1Gi", &[RWO], ClassRef::ClusterDefault),
            "pv1",
        ))
        .with(pv("pv1", "1Gi", &[RWO], None));
    assert_eq!(set.check().errors.len(), 1);
}

#[test]
fn several_default_classes_draw_a_warning() {
    let report = Manifests::new()
        .cluster_default_class("old")
        .with(default_class(class("new", "pd.csi.storage.gke.io", None)))
        .check();
    assert!(report.errors.is_empty());
    assert_eq!(
        warnings(&report),
        [
            "objects[0](StorageClass new).metadata.annotations[storageclass.kubernetes.io/is-default-class]: \
          several default StorageClasses (\"old\", \"new\"): claims without storageClassName get \
          the newest one (\"new\"); mark only one class as default"
        ]
    );
}

// ----------------------------------------------------------------------------------------------
// Static binding through Manifests
// ----------------------------------------------------------------------------------------------

#[test]
fn a_claim_that_can_never_bind_lists_every_volume_and_why() {
    let report = Manifests::new()
        .with(with_volume_name(
            pvc("other-claim", "1Gi", &[ROX], no_class()),
            "pv4",
        ))
        .with(pvc("mongo-pvc", "2Gi", &[ROX], no_class()))
        .with(pv("mongo-pv", "1Gi", &[ROX], None))
        .with(pv("other-pv", "5Gi", &[ROX], Some("fast")))
        .with(pv("pv3", "5Gi", &[RWO], None))
        .with(pv("pv4", "5Gi", &[ROX], None))
        .check();
    assert_eq!(
        errors(&report),
        [
            "objects[1](PersistentVolumeClaim default/mongo-pvc): Not found: no PersistentVolume can \
          bind this claim: mongo-pv: requested 2Gi but capacity is 1Gi; other-pv: storageClassName \
          \"fast\" does not match \"\"; pv3: access modes RWO do not include ROX; pv4: already bound \
          to default/other-claim (storageClassName \"\" means no class, so it is never provisioned \
          dynamically)"
        ]
    );
}

#[test]
fn a_no_provisioner_class_needs_a_matching_volume() {
    let local_storage = class(
        "local-storage",
        "kubernetes.io/no-provisioner",
        Some(VolumeBindingMode::WaitForFirstConsumer),
    );
    let report = Manifests::new()
        .with(local_storage.clone())
        .with(pvc("data", "1Gi", &[RWO], named("local-storage")))
        .check();
    assert_eq!(
        errors(&report),
        [
            "objects[1](PersistentVolumeClaim default/data): Not found: no PersistentVolume can bind \
          this claim: the set has no PersistentVolumes (StorageClass \"local-storage\" has \
          provisioner kubernetes.io/no-provisioner, which never provisions volumes)"
        ]
    );
    let set = Manifests::new()
        .with(local_storage)
        .with(pvc("data", "1Gi", &[RWO], named("local-storage")))
        .with(local(pv("disk-1", "100Gi", &[RWO], Some("local-storage"))));
    assert_clean(&set.check());
}

#[test]
fn dynamic_claims_are_fine_without_volumes_but_still_take_matching_ones() {
    let standard = class("standard", "pd.csi.storage.gke.io", None);
    let set =
        Manifests::new()
            .with(standard.clone())
            .with(pvc("a", "1Gi", &[RWO], named("standard")));
    assert_clean(&set.check());

    // The controller tries to bind before it provisions: a dynamic claim takes a matching
    // static volume, which a later claim with a selector then cannot find.
    let report = Manifests::new()
        .with(standard)
        .with(pvc("dynamic", "1Gi", &[RWO], named("standard")))
        .with(with_selector(
            pvc("picky", "1Gi", &[RWO], named("standard")),
            &[("tier", "gold")],
        ))
        .with(labelled(
            pv("gold", "1Gi", &[RWO], Some("standard")),
            &[("tier", "gold")],
        ))
        .check();
    assert_eq!(
        errors(&report),
        [
            "objects[2](PersistentVolumeClaim default/picky): Not found: no PersistentVolume can bind \
          this claim: gold: already bound to default/dynamic (claims with a selector are not \
          provisioned dynamically)"
        ]
    );
}

#[test]
fn volume_name_errors_are_reported_at_volume_name() {
    let report = Manifests::new()
        .with(with_volume_name(
            pvc("data", "1Gi", &[RWO], no_class()),
            "mongo-pv1",
        ))
        .with(pv("mongo-pv", "1Gi", &[RWO], None))
        .check();
    assert_eq!(
        errors(&report),
        [
            "objects[0](PersistentVolumeClaim default/data).spec.volumeName: Not found: \"mongo-pv1\": \
          no PersistentVolume of that name in this set (the claim stays Pending until one exists); \
          did you mean \"mongo-pv\"?"
        ]
    );
    let report = Manifests::new()
        .with(with_volume_name(
            pvc("data", "1Gi", &[RWO], no_class()),
            "pv",
        ))
        .with(reserved(pv("pv", "1Gi", &[RWO], None), "default", "other"))
        .with(pvc("other", "1Gi", &[RWO], no_class()))
        .check();
    assert_eq!(
        errors(&report),
        [
            "objects[0](PersistentVolumeClaim default/data).spec.volumeName: Invalid value: \"pv\": \
          volume \"pv\" already bound to a different claim (default/other by the volume's claimRef)"
        ]
    );
}

#[test]
fn statefulset_claims_are_simulated_per_replica() {
    let sts = statefulset(
        "web",
        3,
        vec![template("www", spec("1Gi", &[RWO], no_class()))],
    );
    let report = Manifests::new()
        .with(sts.clone())
        .with(pv("pv-a", "1Gi", &[RWO], None))
        .with(pv("pv-b", "1Gi", &[RWO], None))
        .check();
    assert_eq!(
        errors(&report),
        [
            "objects[0](StatefulSet default/web).spec.volumeClaimTemplates[0]: Not found: 1 of 3 \
          claims of this template cannot bind (www-web-2); claim \"www-web-2\": no PersistentVolume \
          can bind this claim: pv-a: already bound to default/www-web-0; pv-b: already bound to \
          default/www-web-1 (storageClassName \"\" means no class, so it is never provisioned \
          dynamically)"
        ]
    );
    let set = Manifests::new()
        .with(sts)
        .with(pv("pv-a", "1Gi", &[RWO], None))
        .with(pv("pv-b", "1Gi", &[RWO], None))
        .with(reserved(
            pv("pv-c", "1Gi", &[RWO, ROX], Some("any")),
            "default",
            "www-web-2",
        ));
    assert_clean(&set.check());
}

#[test]
fn huge_replica_counts_are_bounded_by_the_volumes() {
    let sts = statefulset(
        "web",
        i32::MAX,
        vec![template("www", spec("1Gi", &[RWO], no_class()))],
    );
    let report = Manifests::new()
        .with(sts)
        .with(pv("pv-a", "1Gi", &[RWO], None))
        .with(reserved(
            pv("pv-far", "1Gi", &[RWO], None),
            "default",
            "www-web-2000000000",
        ))
        .check();
    assert_eq!(report.errors.len(), 1, "{report}");
    assert!(errors(&report)[0].contains("2147483645 of 2147483647 claims of this template cannot bind (www-web-1, www-web-2, www-web-3, …)"));
    assert!(report.warnings.is_empty(), "{report:#?}");
}

#[test]
fn ephemeral_volumes_need_their_class_too() {
    let ephemeral = EphemeralVolume {
        volume_claim_template: ephemeral(spec("1Gi", &[RWO], no_class())),
    };
    let mut p = pod("p", &[]);
    p.spec
        .volumes
        .push(Volume::new("scratch", VolumeSource::Ephemeral(ephemeral)));
    let report = Manifests::new().with(p).check();
    assert_eq!(report.errors.len(), 1);
    assert!(errors(&report)[0].starts_with(
        "objects[0](Pod default/p).spec.volumes[0].ephemeral.volumeClaimTemplate: Not found: no \
         PersistentVolume can bind this claim"
    ));
}

// ----------------------------------------------------------------------------------------------
// Warnings
// ----------------------------------------------------------------------------------------------

#[test]
fn a_volume_reserved_for_an_absent_claim_draws_a_warning() {
    let set = Manifests::new().with(reserved(pv("pv", "1Gi", &[RWO], None), "db", "data"));
    let report = set.clone().check();
    assert!(report.errors.is_empty());
    assert_eq!(
        warnings(&report),
        [
            "objects[0](PersistentVolume pv).spec.claimRef: reserved for claim db/data, which is \
          neither in this set nor declared external: no other claim can bind this volume"
        ]
    );
    assert_clean(&set.external_claim_in("db", "data").check());
}

#[test]
fn a_reservation_its_claim_does_not_use_draws_a_warning() {
    let report = Manifests::new()
        .with(pvc("data", "2Gi", &[RWO], no_class()))
        .with(reserved(
            pv("small", "1Gi", &[RWO], None),
            "default",
            "data",
        ))
        .with(pv("big", "5Gi", &[RWO], None))
        .check();
    assert!(report.errors.is_empty(), "{report}");
    assert_eq!(
        warnings(&report),
        [
            "objects[1](PersistentVolume small).spec.claimRef: reserved for claim default/data, but \
          that claim binds PersistentVolume \"big\" instead: requested 2Gi but capacity is 1Gi; the \
          volume stays unused"
        ]
    );
}

#[test]
fn mutual_pre_binding_that_does_not_match_draws_a_warning() {
    let report = Manifests::new()
        .with(with_volume_name(
            pvc("data", "2Gi", &[RWO], no_class()),
            "pv",
        ))
        .with(reserved(pv("pv", "1Gi", &[RWO], None), "default", "data"))
        .check();
    assert!(report.errors.is_empty(), "{report}");
    assert_eq!(
        warnings(&report),
        [
            "objects[1](PersistentVolume pv).spec.claimRef: pre-bound both ways with claim \
          default/data, so the PV controller binds them without checking: requested 2Gi but capacity \
          is 1Gi"
        ]
    );
}

#[test]
fn local_volumes_bound_immediately_draw_one_warning_per_class() {
    let report = Manifests::new()
        .with(pvc("a", "1Gi", &[RWO], no_class()))
        .with(pvc("b", "1Gi", &[RWO], no_class()))
        .with(local(pv("disk-1", "1Gi", &[RWO], None)))
        .with(local(pv("disk-2", "1Gi", &[RWO], None)))
        .check();
    assert!(report.errors.is_empty(), "{report}");
    assert_eq!(report.warnings.len(), 1);
    assert_eq!(
        warnings(&report)[0],
        "objects[2](PersistentVolume disk-1).spec.local: local volume bound to claim default/a \
         through class \"\", which binds immediately: the claim binds before its pod is scheduled, \
         so the pod is pinned to this volume's node whatever its other constraints (and 1 more \
         local volumes bound this way); use a StorageClass with provisioner \
         kubernetes.io/no-provisioner and volumeBindingMode: WaitForFirstConsumer"
    );
}

#[test]
fn sizes_are_compared_as_the_api_server_stores_them() {
    // Capacity and request are rounded up to thousandths when stored: 999999n is 1m.
    let volumes = [pv("almost", "999999n", &[RWO], None)];
    let claims = [("c", spec("1m", &[RWO], no_class()), EMPTY, false)];
    assert_eq!(
        bound_to(&simulate(&volumes, &claims), 0).unwrap().0,
        "almost"
    );

    // The best match compares exact (stored) values; `volumeName` compares whole units
    // (`Value()`), so 1500m satisfies a request of 1800m there.
    let volumes = [pv("fraction", "1500m", &[RWO], None)];
    let claims = [("c", spec("1800m", &[RWO], no_class()), EMPTY, false)];
    let sim = simulate(&volumes, &claims);
    assert_eq!(
        sim.explain(0, 20),
        "fraction: requested 1800m but capacity is 1500m"
    );
    let mut named = spec("1800m", &[RWO], no_class());
    named.volume_name = Some("fraction".into());
    let claims = [("c", named, EMPTY, false)];
    assert_eq!(
        bound_to(&simulate(&volumes, &claims), 0),
        Some(("fraction".into(), BindReason::VolumeName))
    );
}

#[test]
fn statefulset_ephemeral_volumes_make_one_claim_per_pod() {
    let mut sts = statefulset("web", 2, vec![]);
    let scratch = EphemeralVolume {
        volume_claim_template: ephemeral(spec("1Gi", &[RWO], no_class())),
    };
    sts.spec
        .template
        .spec
        .volumes
        .push(Volume::new("scratch", VolumeSource::Ephemeral(scratch)));
    // web-0-scratch binds any class-less volume; web-1-scratch has one reserved for it.
    let set = Manifests::new()
        .with(sts)
        .with(pv("any", "1Gi", &[RWO], None))
        .with(reserved(
            pv("kept", "1Gi", &[RWO], None),
            "default",
            "web-1-scratch",
        ));
    assert_clean(&set.check());

    let report = set
        .with(reserved(
            pv("stale", "1Gi", &[RWO], None),
            "default",
            "web-2-scratch",
        ))
        .check();
    assert_eq!(
        warnings(&report),
        [
            "objects[3](PersistentVolume stale).spec.claimRef: reserved for claim \
          default/web-2-scratch, which is neither in this set nor declared external: no other \
          claim can bind this volume"
        ]
    );
}

/// A StatefulSet's claim templates restored from a snapshot: the snapshot must exist, and its
/// class's driver must be the template class's provisioner.
#[test]
fn claim_templates_restored_from_a_snapshot_are_checked() {
    use kvol_core::{StatefulSet, VolumeSnapshot, VolumeSnapshotClass};
    let sts = |snapshot: &str| {
        StatefulSet::builder("db")
            .container(Container::builder("db", "postgres").mount("data", "/var/lib/postgresql"))
            .claim(
                PvcTemplate::builder("data")
                    .access_mode(AccessMode::ReadWriteOnce)
                    .request("1Gi")
                    .storage_class("csi")
                    .from_snapshot(snapshot),
            )
            .build()
            .unwrap_or_else(|r| panic!("{r}"))
    };
    let class = |driver: &str| {
        StorageClass::builder("csi", driver)
            .build()
            .unwrap_or_else(|r| panic!("{r}"))
    };
    let snapclass = VolumeSnapshotClass::builder("snapclass", "hostpath.csi.k8s.io")
        .build()
        .unwrap_or_else(|r| panic!("{r}"));
    let snap = VolumeSnapshot::builder("nightly")
        .content("snapcontent-1")
        .class("snapclass")
        .build()
        .unwrap_or_else(|r| panic!("{r}"));
    let set = |driver: &str, snapshot: &str| {
        Manifests::new()
            .with(class(driver))
            .with(snapclass.clone())
            .with(snap.clone())
            .with(sts(snapshot))
            .check()
    };
    assert!(set("hostpath.csi.k8s.io", "nightly").is_ok());
    let r = set("hostpath.csi.k8s.io", "weekly");
    assert_eq!(
        r.errors[0].path.as_str(),
        "objects[3](StatefulSet default/db).spec.volumeClaimTemplates[0].spec.dataSource.name"
    );
    let r = set("ebs.csi.aws.com", "nightly");
    assert_eq!(
        r.errors[0].path.as_str(),
        "objects[3](StatefulSet default/db).spec.volumeClaimTemplates[0].spec.dataSource"
    );
}

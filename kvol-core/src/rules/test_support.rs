//! Test helpers: small constructors for model values and assertions on reports.

use crate::{
    access::{AccessMode, AccessModes, ReclaimPolicy},
    meta::{ClusterMeta, ObjectMeta, StringMap, TemplateMeta},
    pod::{Container, ContainerPort, Pod, PodSpec, PodTemplate, Protocol, VolumeMount},
    pv::{PersistentVolume, PvSource, PvSpec},
    pvc::{PersistentVolumeClaim, PvcSpec, PvcTemplate},
    quantity::Quantity,
    report::{ErrorKind, FieldError, Report, Warning},
    selector::LabelSelector,
    service::{Service, ServicePort, ServiceSpec},
    statefulset::{StatefulSet, StatefulSetSpec},
    storage_class::StorageClass,
    validate::Checker,
    version::KubeVersion,
    volume::{Nfs, Volume, VolumeSource},
};

/// Runs `f` on a fresh checker for the default release.
pub(crate) fn check(f: impl FnOnce(&mut Checker)) -> Report {
    let mut checker = Checker::new(KubeVersion::DEFAULT);
    f(&mut checker);
    checker.finish()
}

/// A parsed quantity.
pub(crate) fn q(s: &str) -> Quantity {
    match s.parse() {
        Ok(q) => q,
        Err(e) => panic!("bad test quantity {s:?}: {e}"),
    }
}

/// A release.
pub(crate) fn v(minor: u32) -> KubeVersion {
    KubeVersion::new(minor).expect("supported test version")
}

fn list(report: &Report) -> String {
    report.errors.iter().map(|e| format!("\n  {e}")).collect()
}

/// No errors.
#[track_caller]
pub(crate) fn assert_clean(report: &Report) {
    assert!(
        report.errors.is_empty(),
        "expected no errors, got:{}",
        list(report)
    );
}

/// Exactly `n` errors.
#[track_caller]
pub(crate) fn assert_count(report: &Report, n: usize) {
    assert_eq!(report.errors.len(), n, "errors:{}", list(report));
}

/// Exactly one error, at `path`, of `kind`.
#[track_caller]
pub(crate) fn assert_only(report: &Report, path: &str, kind: ErrorKind) {
    assert_count(report, 1);
    assert_eq!(
        report.errors[0].path.as_str(),
        path,
        "errors:{}",
        list(report)
    );
    assert_eq!(report.errors[0].kind, kind, "errors:{}", list(report));
}

/// The first error at `path` of `kind` (panics if there is none).
#[track_caller]
pub(crate) fn find<'a>(report: &'a Report, path: &str, kind: ErrorKind) -> &'a FieldError {
    match report
        .errors
        .iter()
        .find(|e| e.path.as_str() == path && e.kind == kind)
    {
        Some(e) => e,
        None => panic!("no {kind:?} error at {path}; errors:{}", list(report)),
    }
}

/// At least one error at `path` of `kind`.
#[track_caller]
pub(crate) fn assert_has(report: &Report, path: &str, kind: ErrorKind) {
    let _ = find(report, path, kind);
}

/// The warning at `path` (panics if there is none).
#[track_caller]
pub(crate) fn warning<'a>(report: &'a Report, path: &str) -> &'a Warning {
    match report.warnings.iter().find(|w| w.path.as_str() == path) {
        Some(w) => w,
        None => panic!("no warning at {path}; warnings: {:?}", report.warnings),
    }
}

/// No warning at all.
#[track_caller]
pub(crate) fn assert_no_warnings(report: &Report) {
    assert!(
        report.warnings.is_empty(),
        "unexpected warnings: {:#?}",
        report.warnings
    );
}

/// A map from pairs.
pub(crate) fn map(pairs: &[(&str, &str)]) -> StringMap {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A container with a name and an image.
pub(crate) fn container(name: &str) -> Container {
    Container::new(name, "registry.k8s.io/nginx-slim:0.8")
}

/// A container mounting `volume` at `/data`.
pub(crate) fn container_mounting(name: &str, volume: &str) -> Container {
    let mut c = container(name);
    c.volume_mounts.push(VolumeMount::new(volume, "/data"));
    c
}

/// A TCP container port.
pub(crate) fn port(name: Option<&str>, number: i32) -> ContainerPort {
    ContainerPort {
        container_port: number,
        name: name.map(str::to_owned),
        protocol: Protocol::TCP,
        host_port: None,
    }
}

/// A pod spec with these containers and volumes.
pub(crate) fn pod_spec(containers: Vec<Container>, volumes: Vec<Volume>) -> PodSpec {
    PodSpec {
        containers,
        volumes,
        ..Default::default()
    }
}

/// A pod named `name` with one container `app` and these volumes.
pub(crate) fn pod(name: &str, volumes: Vec<Volume>) -> Pod {
    Pod {
        metadata: ObjectMeta::named(name),
        spec: pod_spec(vec![container("app")], volumes),
    }
}

/// An `nfs` source.
pub(crate) fn nfs(server: &str, path: &str) -> Nfs {
    Nfs {
        path: path.into(),
        read_only: false,
        server: server.into(),
    }
}

/// An `emptyDir: {}` volume.
pub(crate) fn empty_dir(name: &str) -> Volume {
    Volume::new(name, VolumeSource::EmptyDir(Default::default()))
}

/// A RWO claim spec of `size` with the cluster default class.
pub(crate) fn claim_spec(size: &str) -> PvcSpec {
    PvcSpec::new(AccessModes::from(AccessMode::ReadWriteOnce), q(size))
}

/// A PVC named `name` of `size`.
pub(crate) fn pvc(name: &str, size: &str) -> PersistentVolumeClaim {
    PersistentVolumeClaim {
        metadata: ObjectMeta::named(name),
        spec: claim_spec(size),
    }
}

/// A claim template named `name` of `size`.
pub(crate) fn claim_template(name: &str, size: &str) -> PvcTemplate {
    PvcTemplate {
        metadata: TemplateMeta {
            name: Some(name.into()),
            ..Default::default()
        },
        spec: claim_spec(size),
    }
}

/// A PV named `name` of `size`, RWO, with this source.
pub(crate) fn pv(name: &str, size: &str, source: PvSource) -> PersistentVolume {
    PersistentVolume {
        metadata: ClusterMeta::named(name),
        spec: PvSpec {
            access_modes: AccessModes::from(AccessMode::ReadWriteOnce),
            capacity: q(size),
            claim_ref: None,
            mount_options: Vec::new(),
            node_affinity: None,
            reclaim_policy: Some(ReclaimPolicy::Retain),
            storage_class_name: None,
            volume_mode: None,
            source,
        },
    }
}

/// A StorageClass named `name` with this provisioner.
pub(crate) fn storage_class(name: &str, provisioner: &str) -> StorageClass {
    StorageClass {
        metadata: ClusterMeta::named(name),
        provisioner: provisioner.into(),
        parameters: StringMap::new(),
        reclaim_policy: None,
        volume_binding_mode: None,
        allow_volume_expansion: None,
        mount_options: Vec::new(),
        allowed_topologies: Vec::new(),
    }
}

/// A headless Service `name` selecting `app: name`, with one named port `web` 80.
pub(crate) fn service(name: &str) -> Service {
    Service {
        metadata: ObjectMeta::named(name),
        spec: ServiceSpec {
            ports: vec![ServicePort {
                name: Some("web".into()),
                port: 80,
                protocol: Protocol::TCP,
                target_port: None,
                ..Default::default()
            }],
            publish_not_ready_addresses: false,
            selector: map(&[("app", name)]),
            ..Default::default()
        },
    }
}

/// The seed's `web` StatefulSet: service `web`, labels `app: web`, one container `nginx` with
/// port `web` 80 mounting claim template `www` (1Gi RWO).
pub(crate) fn statefulset(name: &str) -> StatefulSet {
    let labels = map(&[("app", name)]);
    let mut nginx = container_mounting("nginx", "www");
    nginx.ports.push(port(Some("web"), 80));
    let mut svc = service(name);
    svc.spec.selector = labels.clone();
    StatefulSet {
        metadata: ObjectMeta::named(name),
        spec: StatefulSetSpec {
            min_ready_seconds: None,
            ordinals_start: None,
            retention: None,
            pod_management_policy: None,
            replicas: Some(3),
            revision_history_limit: None,
            selector: LabelSelector::labels(labels.clone()),
            service_name: name.into(),
            template: PodTemplate {
                metadata: TemplateMeta {
                    labels,
                    ..Default::default()
                },
                spec: pod_spec(vec![nginx], Vec::new()),
            },
            update_strategy: None,
            volume_claim_templates: vec![claim_template("www", "1Gi")],
            extra: Default::default(),
        },
        service: svc,
        service_in_set: false,
    }
}

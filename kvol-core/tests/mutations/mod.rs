//! The rule-mutation table (issue 5, item 4): one row per rule of `k8s-rules.md` that kvol
//! checks. Each row starts from a valid object (built with the builders), applies one targeted
//! mutation, and names the field path and error kind kvol must report; its accepted-boundary
//! twin applies the nearest change that must still pass (63 characters where 64 fail, `0o777`
//! where `0o1000` fails, RWOP alone where RWOP+RWO fails, …).
//!
//! Row ids are `<k8s-rules.md section>/<short name>`; `rule_coverage.rs` requires each of them in
//! `tests/data/rule-coverage.tsv`. Rules that kvol adds on top of the API server's carry
//! `kvol-` in their short name. Warning rows (`Expect::Warning`) check that the API server's
//! (or kvol's) warning is given at the path and that the twin gives none there.
//!
//! This file holds the row type, the row constructors, the valid base objects and [`rows`];
//! the rows themselves are in one file per rule module (`names.rs`, `meta.rs`, `volume.rs`,
//! `pod.rs`, `pv.rs`, `claim.rs`, `storage_class.rs`, `service.rs`, `statefulset.rs`,
//! `warnings.rs`, `set.rs`, …), called in the order below.

#![allow(dead_code)]

use kvol_core::{
    AccessMode, AccessModes, ClassRef, Container, ContainerPort, KubeVersion, Manifests, Object,
    PersistentVolume, PersistentVolumeClaim, Pod, Protocol, PvcTemplate, Quantity, ReclaimPolicy,
    Report, StatefulSet, StorageClass, Validate, VolumeMount, VolumeSource,
    legacy::LegacySource,
    pod::{EnvVar, RestartPolicy},
    pv::{ClaimRef, CsiPersistentVolume, IscsiVolume, LocalVolume, PvSource, SecretReference},
    pvc::{TypedLocalObjectReference, TypedObjectReference},
    report::ErrorKind,
    selector::{
        LabelSelector, LabelSelectorRequirement, NodeSelectorOperator, NodeSelectorRequirement,
        SelectorOperator, TopologyRequirement, TopologySelectorTerm,
    },
    service::{ServicePort, TargetPort},
    statefulset::{IntOrPercent, UpdateStrategy},
    storage_class::VolumeBindingMode,
    validate::Valid,
    volume::{
        ConfigMapVolume, CsiVolume, DownwardApiFile, DownwardApiSource, DownwardApiVolume,
        EmptyDir, FileMode, HostPath, HostPathType, KeyToPath, LocalObjectReference, Nfs,
        SecretVolume, Volume,
    },
};
use std::{collections::BTreeMap, ops::RangeInclusive};

mod claim;
mod container;
mod extra;
mod kinds;
mod legacy;
mod meta;
mod names;
mod pod;
mod pod_spec;
mod pv;
mod quantity;
mod service;
mod set;
mod statefulset;
mod storage_class;
mod volume;
mod warnings;

use claim::claims;
use container::container_fields;
use extra::extras;
use kinds::kinds;
use legacy::legacy_and_iscsi;
use meta::metadata;
use names::names;
use pod::containers;
use pod_spec::{client_services, pod_settings, service_sets};
use pv::persistent_volumes;
use quantity::quantities;
use service::services;
use set::binding;
use statefulset::statefulsets;
use storage_class::storage_classes;
use volume::pod_volumes;
use warnings::warnings;

/// What the mutated object must get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// An error of this kind at the row's path (and none at all for the twin).
    Error(ErrorKind),
    /// A warning at the row's path (and none there for the twin, which must also be valid).
    Warning,
}

/// One rule: a mutation that kvol must reject (or warn about) and its accepted twin, with the
/// targets at which that is the verdict.
///
/// Whose verdict it is comes from the row's rule (`RuleId::from_id(id).source()`, the `source`
/// column of `rule-coverage.tsv`): for a rule of the API server, the API server rejects the
/// mutation (or warns) on create at every target of [`Row::targets`], and not at the others
/// (there kvol may still refuse it, as its own rule); for one of kvol's rules, kvol refuses it
/// at those targets while the server accepts it.
pub struct Row {
    /// `<section>/<short name>`, e.g. `7/local-node-affinity-required`.
    pub id: &'static str,
    /// The field path of the expected error or warning.
    pub path: String,
    /// Error kind, or a warning.
    pub expect: Expect,
    /// The minor versions (of 1.30–1.37) at which the row's verdict holds: every target for
    /// most rows; a range where the API server changed (StatefulSet templates validated from
    /// 1.34, `maxUnavailable` kept from 1.35, env names relaxed in 1.32, …).
    pub targets: RangeInclusive<u32>,
    /// Builds and validates the mutated object for a target.
    pub reject: Box<dyn Fn(KubeVersion) -> Report>,
    /// Builds and validates the accepted-boundary twin for a target.
    pub accept: Box<dyn Fn(KubeVersion) -> Report>,
    /// The mutated object (`true`) or its twin (`false`) as YAML documents, for rows on one
    /// object (kvol-cli's fidelity test reads them back with `kvol check --per-object`).
    pub yaml: Option<Box<dyn Fn(bool) -> String>>,
}

impl Row {
    /// The section part of the id (`7`, `6.1`, …).
    pub fn section(&self) -> &'static str {
        self.id.split('/').next().unwrap_or("")
    }
}

/// Every target release kvol supports, by minor version.
pub const ALL_TARGETS: RangeInclusive<u32> =
    KubeVersion::OLDEST.minor()..=KubeVersion::NEWEST.minor();

// ---------------------------------------------------------------------------------------------
// Row constructors
// ---------------------------------------------------------------------------------------------

/// A row that mutates a validated model object (after `build()` and `into_inner()`).
fn model<T: Validate + Clone + kvol_core::render::ToDocuments + 'static>(
    id: &'static str,
    base: T,
    path: &str,
    expect: Expect,
    reject: impl Fn(&mut T) + 'static,
    accept: impl Fn(&mut T) + 'static,
) -> Row {
    model_for(id, ALL_TARGETS, base, path, expect, reject, accept)
}

/// [`model`] for the targets whose verdict it is.
fn model_for<T: Validate + Clone + kvol_core::render::ToDocuments + 'static>(
    id: &'static str,
    targets: RangeInclusive<u32>,
    base: T,
    path: &str,
    expect: Expect,
    reject: impl Fn(&mut T) + 'static,
    accept: impl Fn(&mut T) + 'static,
) -> Row {
    let (reject, accept) = (std::rc::Rc::new(reject), std::rc::Rc::new(accept));
    let (rejected, base_yaml) = (base.clone(), base.clone());
    let (reject_yaml, accept_yaml) = (reject.clone(), accept.clone());
    Row {
        id,
        path: path.to_owned(),
        expect,
        targets,
        reject: Box::new(move |target| {
            let mut t = rejected.clone();
            reject(&mut t);
            t.check_for(target)
        }),
        accept: Box::new(move |target| {
            let mut t = base.clone();
            accept(&mut t);
            t.check_for(target)
        }),
        yaml: Some(Box::new(move |mutated| {
            let mut t = base_yaml.clone();
            if mutated {
                reject_yaml(&mut t);
            } else {
                accept_yaml(&mut t);
            }
            let mut out = Vec::new();
            kvol_core::render::write_yaml(&t, &mut out).expect("the table's objects render");
            String::from_utf8(out).expect("kvol writes UTF-8")
        })),
    }
}

fn err(kind: ErrorKind) -> Expect {
    Expect::Error(kind)
}

const REQUIRED: Expect = Expect::Error(ErrorKind::Required);
const INVALID: Expect = Expect::Error(ErrorKind::Invalid);
const NOT_SUPPORTED: Expect = Expect::Error(ErrorKind::NotSupported);
const FORBIDDEN: Expect = Expect::Error(ErrorKind::Forbidden);
const DUPLICATE: Expect = Expect::Error(ErrorKind::Duplicate);
const NOT_FOUND: Expect = Expect::Error(ErrorKind::NotFound);
const TOO_LONG: Expect = Expect::Error(ErrorKind::TooLong);
const WARNING: Expect = Expect::Warning;

/// A row whose objects come out of a builder's `build()` (conversion errors the model cannot
/// hold: sizes that do not parse, a missing size or source). The conversion happens before any
/// target's rules, so the report is the same at every target.
fn built<T: 'static>(
    id: &'static str,
    path: &str,
    kind: ErrorKind,
    reject: impl Fn() -> Result<Valid<T>, Report> + 'static,
    accept: impl Fn() -> Result<Valid<T>, Report> + 'static,
) -> Row {
    Row {
        id,
        path: path.to_owned(),
        expect: Expect::Error(kind),
        targets: ALL_TARGETS,
        reject: Box::new(move |_| reject().err().unwrap_or_default()),
        accept: Box::new(move |_| accept().err().unwrap_or_default()),
        // The builder refuses the object: there is nothing to write as YAML.
        yaml: None,
    }
}

// ---------------------------------------------------------------------------------------------
// Valid base objects (built with the builders)
// ---------------------------------------------------------------------------------------------

fn valid<T>(r: Result<Valid<T>, Report>) -> T {
    match r {
        Ok(v) => v.into_inner(),
        Err(report) => panic!("a base object of the mutation table is invalid: {report}"),
    }
}

fn q(s: &str) -> Quantity {
    s.parse()
        .unwrap_or_else(|e| panic!("bad test quantity {s:?}: {e}"))
}

fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Pod `web`: container `app` (port `http` 80) mounting volume `data` at `/data`.
fn pod_with(source: impl Into<kvol_core::SourceInput>) -> Pod {
    valid(
        Pod::builder("web")
            .container(
                Container::builder("app", "nginx:1.27")
                    .named_port("http", 80)
                    .mount("data", "/data"),
            )
            .volume("data", source)
            .build(),
    )
}

fn pod() -> Pod {
    pod_with(VolumeSource::empty_dir())
}

fn config_map_source() -> VolumeSource {
    VolumeSource::ConfigMap(ConfigMapVolume {
        default_mode: Some(FileMode(0o644)),
        items: vec![KeyToPath {
            key: "k".into(),
            mode: Some(FileMode(0o400)),
            path: "dir/file".into(),
        }],
        name: "cm".into(),
        optional: None,
    })
}

fn secret_source() -> VolumeSource {
    VolumeSource::Secret(SecretVolume {
        default_mode: Some(FileMode(0o600)),
        items: vec![KeyToPath {
            key: "k".into(),
            mode: None,
            path: "file".into(),
        }],
        optional: Some(true),
        secret_name: "creds".into(),
    })
}

fn downward_source() -> VolumeSource {
    VolumeSource::DownwardApi(DownwardApiVolume {
        default_mode: Some(FileMode(0o644)),
        items: vec![
            DownwardApiFile {
                path: "labels".into(),
                mode: None,
                source: DownwardApiSource::Field("metadata.labels".into()),
            },
            DownwardApiFile {
                path: "mem".into(),
                mode: None,
                source: DownwardApiSource::Resource {
                    container_name: "app".into(),
                    resource: "limits.memory".into(),
                    divisor: Some(q("1Mi")),
                },
            },
        ],
    })
}

fn csi_source() -> VolumeSource {
    VolumeSource::Csi(CsiVolume {
        driver: "secrets-store.csi.k8s.io".into(),
        fs_type: None,
        node_publish_secret_ref: Some(LocalObjectReference {
            name: "creds".into(),
        }),
        read_only: Some(true),
        volume_attributes: BTreeMap::new(),
    })
}

fn ephemeral_source() -> kvol_core::SourceInput {
    VolumeSource::ephemeral_claim(
        PvcTemplate::builder("scratch")
            .access_mode(AccessMode::ReadWriteOnce)
            .request("1Gi"),
    )
    .into()
}

fn volume(p: &mut Pod) -> &mut VolumeSource {
    &mut p.spec.volumes[0].source
}

macro_rules! source_of {
    ($fn:ident, $variant:ident, $ty:ty) => {
        fn $fn(p: &mut Pod) -> &mut $ty {
            match volume(p) {
                VolumeSource::$variant(v) => v,
                other => panic!("the base volume is {}", other.key()),
            }
        }
    };
}
source_of!(empty_dir_of, EmptyDir, EmptyDir);
source_of!(host_path_of, HostPath, HostPath);
source_of!(nfs_of, Nfs, Nfs);
source_of!(
    claim_of,
    PersistentVolumeClaim,
    kvol_core::volume::ClaimVolume
);
source_of!(config_map_of, ConfigMap, ConfigMapVolume);
source_of!(secret_of, Secret, SecretVolume);
source_of!(downward_of, DownwardApi, DownwardApiVolume);
source_of!(csi_of, Csi, CsiVolume);
source_of!(ephemeral_of, Ephemeral, kvol_core::volume::EphemeralVolume);

/// Renames volume 0 and the mount that uses it.
fn rename_volume(p: &mut Pod, name: &str) {
    p.spec.volumes[0].name = name.into();
    p.spec.containers[0].volume_mounts[0].name = name.into();
}

fn port0(p: &mut Pod) -> &mut ContainerPort {
    &mut p.spec.containers[0].ports[0]
}

fn mount0(p: &mut Pod) -> &mut VolumeMount {
    &mut p.spec.containers[0].volume_mounts[0]
}

/// A 10Gi ReadWriteOnce PersistentVolume `pv0` with `source` (and node affinity for `local`).
fn pv(source: PvSource) -> PersistentVolume {
    let local = matches!(source, PvSource::Local(_));
    let mut b = PersistentVolume::builder("pv0")
        .capacity("10Gi")
        .access_mode(AccessMode::ReadWriteOnce)
        .source(source);
    if local {
        b = b.node_affinity_hostname(["node-1"]);
    }
    valid(b.build())
}

fn pv_nfs() -> PersistentVolume {
    pv(PvSource::nfs("nfs.example.com", "/exports"))
}

fn pv_local() -> PersistentVolume {
    pv(PvSource::local("/mnt/disks/ssd1"))
}

fn pv_csi() -> PersistentVolume {
    pv(PvSource::Csi(CsiPersistentVolume {
        fs_type: Some("ext4".into()),
        node_publish_secret_ref: Some(SecretReference {
            name: "creds".into(),
            namespace: "kube-system".into(),
        }),
        ..CsiPersistentVolume::new("pd.csi.storage.gke.io", "projects/p/disks/d")
    }))
}

fn pv_iscsi() -> PersistentVolume {
    pv(PvSource::iscsi(
        "10.0.0.1:3260",
        "iqn.2001-04.com.example:storage.disk1",
        0,
    ))
}

fn pv_host_path() -> PersistentVolume {
    pv(PvSource::host_path(
        "/data",
        HostPathType::DirectoryOrCreate,
    ))
}

macro_rules! pv_source_of {
    ($fn:ident, $variant:ident, $ty:ty) => {
        fn $fn(p: &mut PersistentVolume) -> &mut $ty {
            match &mut p.spec.source {
                PvSource::$variant(v) => v,
                other => panic!("the base PV source is {}", other.key()),
            }
        }
    };
}
pv_source_of!(pv_nfs_of, Nfs, Nfs);
pv_source_of!(pv_local_of, Local, LocalVolume);
pv_source_of!(pv_csi_of, Csi, CsiPersistentVolume);
pv_source_of!(pv_iscsi_of, Iscsi, IscsiVolume);
pv_source_of!(pv_host_path_of, HostPath, HostPath);

fn legacy_of(p: &mut PersistentVolume) -> &mut LegacySource {
    match &mut p.spec.source {
        PvSource::Legacy(l) => l,
        other => panic!("the base PV source is {}", other.key()),
    }
}

/// The first node-selector requirement of a PV's node affinity.
fn requirement0(p: &mut PersistentVolume) -> &mut NodeSelectorRequirement {
    let affinity = p
        .spec
        .node_affinity
        .as_mut()
        .expect("base has node affinity");
    &mut affinity.required.node_selector_terms[0].match_expressions[0]
}

fn gce() -> LegacySource {
    LegacySource::GcePersistentDisk {
        pd_name: "disk".into(),
        fs_type: None,
        partition: Some(1),
        read_only: false,
    }
}

fn aws() -> LegacySource {
    LegacySource::AwsElasticBlockStore {
        volume_id: "vol-0123".into(),
        fs_type: None,
        partition: Some(1),
        read_only: false,
    }
}

fn legacy_sources() -> Vec<(&'static str, LegacySource)> {
    vec![
        ("gcePersistentDisk", gce()),
        ("awsElasticBlockStore", aws()),
        (
            "azureDisk",
            LegacySource::AzureDisk {
                disk_name: "d".into(),
                disk_uri: "https://account.blob.core.windows.net/vhds/d.vhd".into(),
                fs_type: None,
                read_only: false,
            },
        ),
        (
            "azureFile",
            LegacySource::AzureFile {
                secret_name: "azure-secret".into(),
                share_name: "share".into(),
                read_only: false,
            },
        ),
        (
            "cephfs",
            LegacySource::Cephfs {
                monitors: vec!["10.0.0.1:6789".into()],
                path: None,
                read_only: false,
            },
        ),
        (
            "cinder",
            LegacySource::Cinder {
                volume_id: "v".into(),
                fs_type: None,
                read_only: false,
            },
        ),
        (
            "glusterfs",
            LegacySource::Glusterfs {
                endpoints: "glusterfs-cluster".into(),
                path: "vol".into(),
                read_only: false,
            },
        ),
        (
            "rbd",
            LegacySource::Rbd {
                monitors: vec!["10.0.0.1:6789".into()],
                image: "img".into(),
                fs_type: None,
                read_only: false,
            },
        ),
        (
            "vsphereVolume",
            LegacySource::VsphereVolume {
                volume_path: "[ds] v.vmdk".into(),
                fs_type: None,
            },
        ),
        (
            "portworxVolume",
            LegacySource::PortworxVolume {
                volume_id: "pxv".into(),
                fs_type: None,
                read_only: false,
            },
        ),
    ]
}

fn pv_legacy(key: &str) -> PersistentVolume {
    let source = legacy_sources()
        .into_iter()
        .find(|(k, _)| *k == key)
        .map(|(_, s)| s)
        .unwrap_or_else(|| panic!("no legacy source {key}"));
    pv(PvSource::Legacy(source))
}

/// Claim `data`: ReadWriteOnce, 1Gi, class `standard`.
fn pvc() -> PersistentVolumeClaim {
    valid(
        PersistentVolumeClaim::builder("data")
            .access_mode(AccessMode::ReadWriteOnce)
            .request("1Gi")
            .storage_class("standard")
            .build(),
    )
}

fn expression(key: &str, operator: SelectorOperator, values: &[&str]) -> LabelSelectorRequirement {
    LabelSelectorRequirement {
        key: key.into(),
        operator,
        values: values.iter().map(|v| v.to_string()).collect(),
    }
}

fn selector_with(req: LabelSelectorRequirement) -> Option<LabelSelector> {
    Some(LabelSelector {
        match_expressions: vec![req],
        match_labels: BTreeMap::new(),
    })
}

fn snapshot(name: &str) -> TypedLocalObjectReference {
    TypedLocalObjectReference {
        api_group: Some("snapshot.storage.k8s.io".into()),
        kind: "VolumeSnapshot".into(),
        name: name.into(),
    }
}

fn snapshot_ref(name: &str, namespace: Option<&str>) -> TypedObjectReference {
    TypedObjectReference {
        api_group: Some("snapshot.storage.k8s.io".into()),
        kind: "VolumeSnapshot".into(),
        name: name.into(),
        namespace: namespace.map(Into::into),
    }
}

/// StorageClass `standard` of the GCE PD CSI driver.
fn sc() -> StorageClass {
    valid(StorageClass::builder("standard", "pd.csi.storage.gke.io").build())
}

fn topology(pairs: &[(&str, &[&str])]) -> TopologySelectorTerm {
    TopologySelectorTerm {
        match_label_expressions: pairs
            .iter()
            .map(|(k, vs)| TopologyRequirement {
                key: k.to_string(),
                values: vs.iter().map(|v| v.to_string()).collect(),
            })
            .collect(),
    }
}

/// StatefulSet `web` (Service `web`, pods labelled `app: web`): container `nginx` with port
/// `web` 80 mounting claim template `www`.
fn sts() -> StatefulSet {
    valid(
        StatefulSet::builder("web")
            .service_name("web")
            .label("app", "web")
            .container(
                Container::builder("nginx", "registry.k8s.io/nginx-slim:0.8")
                    .named_port("web", 80)
                    .mount("www", "/usr/share/nginx/html"),
            )
            .claim(
                PvcTemplate::builder("www")
                    .access_mode(AccessMode::ReadWriteOnce)
                    .request("1Gi"),
            )
            .build(),
    )
}

/// Sets the pod labels everywhere kvol keeps them equal: selector, template, Service.
fn set_pod_labels(s: &mut StatefulSet, pairs: &[(&str, &str)]) {
    let l = labels(pairs);
    s.spec.selector = LabelSelector::labels(l.clone());
    s.spec.template.metadata.labels = l.clone();
    s.service.spec.selector = l.clone();
    s.service.metadata.labels = l;
}

fn set_service_name(s: &mut StatefulSet, name: &str) {
    s.spec.service_name = name.into();
    s.service.metadata.name = name.into();
}

fn service_port(name: Option<&str>, port: i32, protocol: Protocol) -> ServicePort {
    ServicePort {
        name: name.map(Into::into),
        port,
        protocol,
        target_port: None,
        ..Default::default()
    }
}

fn rolling(
    partition: Option<i32>,
    max_unavailable: Option<IntOrPercent>,
) -> Option<UpdateStrategy> {
    Some(UpdateStrategy::RollingUpdate {
        partition,
        max_unavailable,
    })
}

fn v(minor: u32) -> KubeVersion {
    KubeVersion::new(minor).expect("a supported release")
}

fn long(c: char, n: usize) -> String {
    std::iter::repeat_n(c, n).collect()
}

/// A DNS-1123 subdomain of exactly `n` bytes (labels of at most 63 joined by dots).
fn subdomain(n: usize) -> String {
    let mut s = String::new();
    while s.len() < n {
        if !s.is_empty() {
            s.push('.');
        }
        let room = (n - s.len()).min(63);
        s.push_str(&long('a', room));
    }
    if s.ends_with('.') {
        s.pop();
        s.push('b');
    }
    s
}

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

/// Every row.
pub fn rows() -> Vec<Row> {
    let mut rows = Vec::new();
    names(&mut rows);
    quantities(&mut rows);
    metadata(&mut rows);
    extras(&mut rows);
    pod_volumes(&mut rows);
    legacy_and_iscsi(&mut rows);
    containers(&mut rows);
    pod_settings(&mut rows);
    container_fields(&mut rows);
    persistent_volumes(&mut rows);
    claims(&mut rows);
    storage_classes(&mut rows);
    services(&mut rows);
    client_services(&mut rows);
    statefulsets(&mut rows);
    warnings(&mut rows);
    binding(&mut rows);
    service_sets(&mut rows);
    kinds(&mut rows);
    rows
}

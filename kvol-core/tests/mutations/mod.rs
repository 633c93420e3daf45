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
use std::collections::BTreeMap;

/// What the mutated object must get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// An error of this kind at the row's path (and none at all for the twin).
    Error(ErrorKind),
    /// A warning at the row's path (and none there for the twin, which must also be valid).
    Warning,
}

/// One rule: a mutation that kvol must reject (or warn about) and its accepted twin.
pub struct Row {
    /// `<section>/<short name>`, e.g. `7/local-node-affinity-required`.
    pub id: &'static str,
    /// The field path of the expected error or warning.
    pub path: String,
    /// Error kind, or a warning.
    pub expect: Expect,
    /// Builds and validates the mutated object.
    pub reject: Box<dyn Fn() -> Report>,
    /// Builds and validates the accepted-boundary twin.
    pub accept: Box<dyn Fn() -> Report>,
}

impl Row {
    /// The section part of the id (`7`, `6.1`, …).
    pub fn section(&self) -> &'static str {
        self.id.split('/').next().unwrap_or("")
    }
}

// ---------------------------------------------------------------------------------------------
// Row constructors
// ---------------------------------------------------------------------------------------------

/// A row that mutates a validated model object (after `build()` and `into_inner()`).
fn model<T: Validate + Clone + 'static>(
    id: &'static str,
    base: T,
    path: &str,
    expect: Expect,
    reject: impl Fn(&mut T) + 'static,
    accept: impl Fn(&mut T) + 'static,
) -> Row {
    model_for(id, KubeVersion::DEFAULT, base, path, expect, reject, accept)
}

/// [`model`] for a target release.
fn model_for<T: Validate + Clone + 'static>(
    id: &'static str,
    target: KubeVersion,
    base: T,
    path: &str,
    expect: Expect,
    reject: impl Fn(&mut T) + 'static,
    accept: impl Fn(&mut T) + 'static,
) -> Row {
    let rejected = base.clone();
    Row {
        id,
        path: path.to_owned(),
        expect,
        reject: Box::new(move || {
            let mut t = rejected.clone();
            reject(&mut t);
            t.check_for(target)
        }),
        accept: Box::new(move || {
            let mut t = base.clone();
            accept(&mut t);
            t.check_for(target)
        }),
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
/// hold: sizes that do not parse, a missing size or source).
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
        reject: Box::new(move || reject().err().unwrap_or_default()),
        accept: Box::new(move || accept().err().unwrap_or_default()),
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
        driver: "pd.csi.storage.gke.io".into(),
        fs_type: Some("ext4".into()),
        node_publish_secret_ref: Some(SecretReference {
            name: "creds".into(),
            namespace: "kube-system".into(),
        }),
        read_only: None,
        volume_attributes: BTreeMap::new(),
        volume_handle: "projects/p/disks/d".into(),
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
    pod_volumes(&mut rows);
    legacy_and_iscsi(&mut rows);
    containers(&mut rows);
    persistent_volumes(&mut rows);
    claims(&mut rows);
    storage_classes(&mut rows);
    services(&mut rows);
    statefulsets(&mut rows);
    warnings(&mut rows);
    binding(&mut rows);
    rows
}

/// §2: the name formats, each where it applies.
fn names(rows: &mut Vec<Row>) {
    rows.push(model(
        "2/dns1123-label-length",
        pod(),
        "spec.volumes[0].name",
        INVALID,
        |p| rename_volume(p, &long('a', 64)),
        |p| rename_volume(p, &long('a', 63)),
    ));
    rows.push(model(
        "2/dns1123-label-chars",
        pod(),
        "spec.volumes[0].name",
        INVALID,
        |p| rename_volume(p, "Data"),
        |p| rename_volume(p, "0-data-9"),
    ));
    rows.push(model(
        "2/dns1123-label-dots",
        pod(),
        "spec.volumes[0].name",
        INVALID,
        |p| rename_volume(p, "my.data"),
        |p| rename_volume(p, "my-data"),
    ));
    rows.push(model(
        "2/dns1123-label-hyphen-ends",
        pod(),
        "spec.volumes[0].name",
        INVALID,
        |p| rename_volume(p, "data-"),
        |p| rename_volume(p, "d-a-t-a"),
    ));
    rows.push(model(
        "2/dns1123-subdomain-length",
        pvc(),
        "metadata.name",
        INVALID,
        |c| c.metadata.name = subdomain(254),
        |c| c.metadata.name = subdomain(253),
    ));
    rows.push(model(
        "2/dns1123-subdomain-chars",
        pvc(),
        "metadata.name",
        INVALID,
        |c| c.metadata.name = "data_1".into(),
        |c| c.metadata.name = "data.1".into(),
    ));
    rows.push(model(
        "2/dns1123-subdomain-empty-label",
        pvc(),
        "metadata.name",
        INVALID,
        |c| c.metadata.name = "data..1".into(),
        |c| c.metadata.name = "data.01.x".into(),
    ));
    rows.push(model(
        "2/dns1035-label-start",
        sts(),
        "service.metadata.name",
        INVALID,
        |s| set_service_name(s, "0web"),
        |s| set_service_name(s, "web0"),
    ));
    rows.push(model(
        "2/dns1035-label-length",
        sts(),
        "service.metadata.name",
        INVALID,
        |s| set_service_name(s, &long('w', 64)),
        |s| set_service_name(s, &long('w', 63)),
    ));
    rows.push(model(
        "2/qualified-name-name-length",
        pv_nfs(),
        "metadata.labels",
        INVALID,
        |p| {
            p.metadata.labels.insert(long('k', 64), "v".into());
        },
        |p| {
            p.metadata.labels.insert(long('k', 63), "v".into());
        },
    ));
    rows.push(model(
        "2/qualified-name-name-chars",
        pv_nfs(),
        "metadata.labels",
        INVALID,
        |p| {
            p.metadata.labels.insert("_tier".into(), "v".into());
        },
        |p| {
            p.metadata.labels.insert("Tier_1.x-y".into(), "v".into());
        },
    ));
    rows.push(model(
        "2/qualified-name-prefix-format",
        pv_nfs(),
        "metadata.labels",
        INVALID,
        |p| {
            p.metadata
                .labels
                .insert("Example.com/tier".into(), "v".into());
        },
        |p| {
            p.metadata
                .labels
                .insert("example.com/Tier".into(), "v".into());
        },
    ));
    rows.push(model(
        "2/qualified-name-prefix-length",
        pv_nfs(),
        "metadata.labels",
        INVALID,
        |p| {
            p.metadata
                .labels
                .insert(format!("{}/tier", subdomain(254)), "v".into());
        },
        |p| {
            p.metadata
                .labels
                .insert(format!("{}/tier", subdomain(253)), "v".into());
        },
    ));
    rows.push(model(
        "2/qualified-name-prefix-empty",
        pv_nfs(),
        "metadata.labels",
        INVALID,
        |p| {
            p.metadata.labels.insert("/tier".into(), "v".into());
        },
        |p| {
            p.metadata.labels.insert("a/tier".into(), "v".into());
        },
    ));
    rows.push(model(
        "2/qualified-name-slashes",
        pv_nfs(),
        "metadata.labels",
        INVALID,
        |p| {
            p.metadata.labels.insert("a/b/c".into(), "v".into());
        },
        |p| {
            p.metadata.labels.insert("a/b".into(), "v".into());
        },
    ));
    rows.push(model(
        "2/label-value-length",
        pv_nfs(),
        "metadata.labels",
        INVALID,
        |p| {
            p.metadata.labels.insert("k".into(), long('v', 64));
        },
        |p| {
            p.metadata.labels.insert("k".into(), long('v', 63));
        },
    ));
    rows.push(model(
        "2/label-value-chars",
        pv_nfs(),
        "metadata.labels",
        INVALID,
        |p| {
            p.metadata.labels.insert("k".into(), "v-".into());
        },
        |p| {
            p.metadata.labels.insert("k".into(), String::new());
        },
    ));
    rows.push(model(
        "2/port-name-length",
        pod(),
        "spec.containers[0].ports[0].name",
        INVALID,
        |p| port0(p).name = Some(long('p', 16)),
        |p| port0(p).name = Some(long('p', 15)),
    ));
    rows.push(model(
        "2/port-name-consecutive-hyphens",
        pod(),
        "spec.containers[0].ports[0].name",
        INVALID,
        |p| port0(p).name = Some("http--alt".into()),
        |p| port0(p).name = Some("http-a-l-t".into()),
    ));
    rows.push(model(
        "2/port-name-needs-letter",
        pod(),
        "spec.containers[0].ports[0].name",
        INVALID,
        |p| port0(p).name = Some("8080".into()),
        |p| port0(p).name = Some("8080x".into()),
    ));
    rows.push(model(
        "2/port-name-hyphen-ends",
        pod(),
        "spec.containers[0].ports[0].name",
        INVALID,
        |p| port0(p).name = Some("-http".into()),
        |p| port0(p).name = Some("h-ttp".into()),
    ));
    rows.push(model(
        "2/port-name-chars",
        pod(),
        "spec.containers[0].ports[0].name",
        INVALID,
        |p| port0(p).name = Some("Http".into()),
        |p| port0(p).name = Some("http".into()),
    ));
    rows.push(model(
        "2/name-pod",
        pod(),
        "metadata.name",
        INVALID,
        |p| p.metadata.name = "Web".into(),
        |p| p.metadata.name = subdomain(253),
    ));
    rows.push(model(
        "2/name-pv",
        pv_nfs(),
        "metadata.name",
        INVALID,
        |p| p.metadata.name = subdomain(254),
        |p| p.metadata.name = subdomain(253),
    ));
    rows.push(model(
        "2/name-storageclass",
        sc(),
        "metadata.name",
        INVALID,
        |c| c.metadata.name = "fast_ssd".into(),
        |c| c.metadata.name = "fast.ssd".into(),
    ));
    rows.push(model(
        "2/name-statefulset",
        sts(),
        "metadata.name",
        INVALID,
        |s| s.metadata.name = "web.v2".into(),
        |s| s.metadata.name = long('w', 52),
    ));
    rows.push(model(
        "2/name-statefulset-length",
        sts(),
        "metadata.name",
        INVALID,
        |s| s.metadata.name = long('w', 64),
        |s| s.metadata.name = long('w', 52),
    ));
    rows.push(model(
        "2/name-container",
        pod(),
        "spec.containers[0].name",
        INVALID,
        |p| p.spec.containers[0].name = long('c', 64),
        |p| p.spec.containers[0].name = long('c', 63),
    ));
    rows.push(model(
        "2/name-service-port",
        sts(),
        "service.spec.ports[0].name",
        INVALID,
        |s| s.service.spec.ports[0].name = Some(long('p', 64)),
        |s| s.service.spec.ports[0].name = Some(long('p', 63)),
    ));
    rows.push(model(
        "2/name-namespace",
        pvc(),
        "metadata.namespace",
        INVALID,
        |c| c.metadata.namespace = Some("team.a".into()),
        |c| c.metadata.namespace = Some(long('n', 63)),
    ));
}

/// §3: quantities given as text to the builders, and the value checks.
fn quantities(rows: &mut Vec<Row>) {
    let claim = |size: &'static str| {
        move || {
            PersistentVolumeClaim::builder("data")
                .access_mode(AccessMode::ReadWriteOnce)
                .request(size)
                .build()
        }
    };
    let path = "spec.resources.requests[storage]";
    for (id, bad, good) in [
        ("3.1/quantity-suffix", "1K", "1k"),
        ("3.1/quantity-suffix-case", "1mi", "1Mi"),
        ("3.1/quantity-whitespace", " 1Gi", "1Gi"),
        ("3.1/quantity-empty", "", "1"),
        ("3.1/quantity-lone-exponent", "1e", "1E"),
        ("3.1/quantity-two-points", "1.1.M", "1.1M"),
        ("3.1/quantity-sign-inside", "1+1.0M", "+1.0M"),
        ("3.1/quantity-trailing-sign", "-3.01e-", "3.01e-3"),
    ] {
        rows.push(built(id, path, ErrorKind::Invalid, claim(bad), claim(good)));
    }
    rows.push(built(
        "3.1/quantity-size-limit",
        "spec.volumes[0].emptyDir.sizeLimit",
        ErrorKind::Invalid,
        || {
            Pod::builder("web")
                .container(Container::builder("app", "busybox").mount("cache", "/cache"))
                .volume("cache", VolumeSource::empty_dir_sized("1 Gi"))
                .build()
        },
        || {
            Pod::builder("web")
                .container(Container::builder("app", "busybox").mount("cache", "/cache"))
                .volume("cache", VolumeSource::empty_dir_sized("1Gi"))
                .build()
        },
    ));
    rows.push(model(
        "3.4/nonnegative-size-limit",
        pod_with(VolumeSource::empty_dir()),
        "spec.volumes[0].emptyDir.sizeLimit",
        FORBIDDEN,
        |p| empty_dir_of(p).size_limit = Some(q("-1")),
        |p| empty_dir_of(p).size_limit = Some(q("0")),
    ));
    rows.push(model(
        "3.4/positive-request",
        pvc(),
        "spec.resources[storage]",
        INVALID,
        |c| c.spec.resources.requests = q("0"),
        // Defaulting rounds requests up to milli units: 1n becomes 1m, which is positive.
        |c| c.spec.resources.requests = q("1n"),
    ));
    rows.push(model(
        "3.4/negative-request",
        pvc(),
        "spec.resources[storage]",
        INVALID,
        |c| c.spec.resources.requests = q("-1Gi"),
        |c| c.spec.resources.requests = q("1Gi"),
    ));
    rows.push(model(
        "3.4/positive-capacity",
        pv_nfs(),
        "spec.capacity[storage]",
        INVALID,
        |p| p.spec.capacity = q("0"),
        |p| p.spec.capacity = q("1m"),
    ));
    rows.push(model(
        "3.4/valid-resource-quantity",
        pv_nfs(),
        "spec.capacity[storage]",
        INVALID,
        |p| p.spec.capacity = q("-1"),
        |p| p.spec.capacity = q("1"),
    ));
}

/// §4: object metadata.
fn metadata(rows: &mut Vec<Row>) {
    rows.push(model(
        "4/name-required",
        pvc(),
        "metadata.name",
        REQUIRED,
        |c| c.metadata.name.clear(),
        |c| c.metadata.name = "a".into(),
    ));
    rows.push(model(
        "4/namespace-format",
        pod(),
        "metadata.namespace",
        INVALID,
        |p| p.metadata.namespace = Some("Prod".into()),
        |p| p.metadata.namespace = Some("prod-1".into()),
    ));
    rows.push(model(
        "4/label-key",
        pod(),
        "metadata.labels",
        INVALID,
        |p| {
            p.metadata.labels.insert("bad key".into(), "v".into());
        },
        |p| {
            p.metadata.labels.insert("good-key".into(), "v".into());
        },
    ));
    rows.push(model(
        "4/label-value",
        sc(),
        "metadata.labels",
        INVALID,
        |c| {
            c.metadata.labels.insert("tier".into(), "fast ssd".into());
        },
        |c| {
            c.metadata.labels.insert("tier".into(), "fast_ssd".into());
        },
    ));
    rows.push(model(
        "4/annotation-key",
        pod(),
        "metadata.annotations",
        INVALID,
        |p| {
            p.metadata.annotations.insert("a/b/c".into(), "v".into());
        },
        // Annotation keys are lower-cased before the check: upper case is fine.
        |p| {
            p.metadata
                .annotations
                .insert("Example.COM/Key".into(), "anything: goes\n---".into());
        },
    ));
    rows.push(model(
        "4/annotations-size",
        pod(),
        "metadata.annotations",
        TOO_LONG,
        |p| {
            p.metadata
                .annotations
                .insert("k".into(), long('v', 262_144));
        },
        |p| {
            p.metadata
                .annotations
                .insert("k".into(), long('v', 262_143));
        },
    ));
    rows.push(model(
        "4/template-labels",
        sts(),
        "spec.template.labels",
        INVALID,
        |s| {
            s.spec
                .template
                .metadata
                .labels
                .insert("bad key".into(), "v".into());
        },
        |s| set_pod_labels(s, &[("app", "web"), ("good-key", "v")]),
    ));
    rows.push(model(
        "4/template-annotations",
        sts(),
        "spec.template.annotations",
        INVALID,
        |s| {
            s.spec
                .template
                .metadata
                .annotations
                .insert("a/b/c".into(), "v".into());
        },
        |s| {
            s.spec
                .template
                .metadata
                .annotations
                .insert("a/b".into(), "v".into());
        },
    ));
    rows.push(model(
        "4/claim-template-labels",
        sts(),
        "spec.volumeClaimTemplates[0].metadata.labels",
        INVALID,
        |s| {
            s.spec.volume_claim_templates[0]
                .metadata
                .labels
                .insert("k".into(), "bad value".into());
        },
        |s| {
            s.spec.volume_claim_templates[0]
                .metadata
                .labels
                .insert("k".into(), "good.value".into());
        },
    ));
}

/// §5: pod volumes and their sources.
fn pod_volumes(rows: &mut Vec<Row>) {
    rows.push(model(
        "5/volume-name-required",
        pod(),
        "spec.volumes[0].name",
        REQUIRED,
        |p| rename_volume(p, ""),
        |p| rename_volume(p, "d"),
    ));
    rows.push(model(
        "5/volume-name-duplicate",
        pod(),
        "spec.volumes[1].name",
        DUPLICATE,
        |p| {
            p.spec
                .volumes
                .push(Volume::new("data", VolumeSource::empty_dir()))
        },
        |p| {
            p.spec
                .volumes
                .push(Volume::new("data2", VolumeSource::empty_dir()))
        },
    ));
    rows.push(model(
        "5/invalid-volume-not-found",
        pod_with(VolumeSource::nfs("nfs.example.com", "/exports", false)),
        "spec.containers[0].volumeMounts[0].name",
        NOT_FOUND,
        |p| nfs_of(p).server.clear(),
        |p| nfs_of(p).server = "10.0.0.1".into(),
    ));
    rows.push(model(
        "5/claim-of-ephemeral-volume",
        pod_with(ephemeral_source()),
        "spec.volumes[1].persistentVolumeClaim.claimName",
        INVALID,
        |p| {
            p.spec
                .volumes
                .push(Volume::new("claim", VolumeSource::claim("web-data", false)))
        },
        |p| {
            p.spec.volumes.push(Volume::new(
                "claim",
                VolumeSource::claim("web-data-0", false),
            ))
        },
    ));
    rows.push(model(
        "5/hostPath-path-required",
        pod_with(VolumeSource::host_path("/var/log", HostPathType::Directory)),
        "spec.volumes[0].hostPath.path",
        REQUIRED,
        |p| host_path_of(p).path.clear(),
        // An absolute path is not required.
        |p| host_path_of(p).path = "var/log".into(),
    ));
    rows.push(model(
        "5/hostPath-backsteps",
        pod_with(VolumeSource::host_path("/var/log", HostPathType::Directory)),
        "spec.volumes[0].hostPath.path",
        INVALID,
        |p| host_path_of(p).path = "/var/../etc".into(),
        |p| host_path_of(p).path = "/var/..etc/x..".into(),
    ));
    let nfs = || pod_with(VolumeSource::nfs("nfs.example.com", "/exports", false));
    rows.push(model(
        "5/nfs-server-required",
        nfs(),
        "spec.volumes[0].nfs.server",
        REQUIRED,
        |p| nfs_of(p).server.clear(),
        |p| nfs_of(p).server = "n".into(),
    ));
    rows.push(model(
        "5/nfs-path-required",
        nfs(),
        "spec.volumes[0].nfs.path",
        REQUIRED,
        |p| nfs_of(p).path.clear(),
        |p| nfs_of(p).path = "/".into(),
    ));
    rows.push(model(
        "5/nfs-path-absolute",
        nfs(),
        "spec.volumes[0].nfs.path",
        INVALID,
        |p| nfs_of(p).path = "exports".into(),
        // Only absoluteness is checked: `..` is accepted in NFS paths.
        |p| nfs_of(p).path = "/exports/../x".into(),
    ));
    rows.push(model(
        "5/claimName-required",
        pod_with(VolumeSource::claim("data", false)),
        "spec.volumes[0].persistentVolumeClaim.claimName",
        REQUIRED,
        |p| claim_of(p).claim_name.clear(),
        // The claim name's format is not checked by the API server.
        |p| claim_of(p).claim_name = "Data_1".into(),
    ));
    rows.push(model(
        "5/configMap-name-required",
        pod_with(config_map_source()),
        "spec.volumes[0].configMap.name",
        REQUIRED,
        |p| config_map_of(p).name.clear(),
        |p| config_map_of(p).name = "c".into(),
    ));
    for (id, path, source, set) in [
        (
            "5/configMap-defaultMode",
            "spec.volumes[0].configMap.defaultMode",
            config_map_source(),
            (|p: &mut Pod, m| config_map_of(p).default_mode = Some(FileMode(m)))
                as fn(&mut Pod, u32),
        ),
        (
            "5/secret-defaultMode",
            "spec.volumes[0].secret.defaultMode",
            secret_source(),
            |p: &mut Pod, m| secret_of(p).default_mode = Some(FileMode(m)),
        ),
        (
            "5/downwardAPI-defaultMode",
            "spec.volumes[0].downwardAPI.defaultMode",
            downward_source(),
            |p: &mut Pod, m| downward_of(p).default_mode = Some(FileMode(m)),
        ),
        (
            "5/items-mode",
            "spec.volumes[0].configMap.items[0].mode",
            config_map_source(),
            |p: &mut Pod, m| config_map_of(p).items[0].mode = Some(FileMode(m)),
        ),
        (
            "5/downwardAPI-mode",
            "spec.volumes[0].downwardAPI.mode",
            downward_source(),
            |p: &mut Pod, m| downward_of(p).items[0].mode = Some(FileMode(m)),
        ),
    ] {
        rows.push(model(
            id,
            pod_with(source),
            path,
            INVALID,
            move |p| set(p, 0o1000),
            move |p| set(p, 0o777),
        ));
    }
    let cm = || pod_with(config_map_source());
    let item_path = "spec.volumes[0].configMap.items[0].path";
    rows.push(model(
        "5/items-key-required",
        cm(),
        "spec.volumes[0].configMap.items[0].key",
        REQUIRED,
        |p| config_map_of(p).items[0].key.clear(),
        |p| config_map_of(p).items[0].key = ".k".into(),
    ));
    rows.push(model(
        "5/items-path-required",
        cm(),
        item_path,
        REQUIRED,
        |p| config_map_of(p).items[0].path.clear(),
        |p| config_map_of(p).items[0].path = "f".into(),
    ));
    rows.push(model(
        "5/items-path-relative",
        cm(),
        item_path,
        INVALID,
        |p| config_map_of(p).items[0].path = "/etc/app.conf".into(),
        |p| config_map_of(p).items[0].path = "etc/app.conf".into(),
    ));
    rows.push(model(
        "5/items-path-backsteps",
        cm(),
        item_path,
        INVALID,
        |p| config_map_of(p).items[0].path = "a/../../b".into(),
        |p| config_map_of(p).items[0].path = "a/..b/c..".into(),
    ));
    rows.push(model(
        "5/items-path-dotdot-prefix",
        cm(),
        item_path,
        INVALID,
        |p| config_map_of(p).items[0].path = "..data".into(),
        |p| config_map_of(p).items[0].path = ".data".into(),
    ));
    rows.push(model(
        "5/secret-name-required",
        pod_with(secret_source()),
        "spec.volumes[0].secret.secretName",
        REQUIRED,
        |p| secret_of(p).secret_name.clear(),
        |p| secret_of(p).secret_name = "s".into(),
    ));
    rows.push(model(
        "5/secret-items-path-relative",
        pod_with(secret_source()),
        "spec.volumes[0].secret.items[0].path",
        INVALID,
        |p| secret_of(p).items[0].path = "/key".into(),
        |p| secret_of(p).items[0].path = "key".into(),
    ));
    let da = || pod_with(downward_source());
    let field = |p: &mut Pod, f: &str| {
        downward_of(p).items[0].source = DownwardApiSource::Field(f.into());
    };
    let resource = |p: &mut Pod, container: &str, resource: &str, divisor: Option<&str>| {
        downward_of(p).items[1].source = DownwardApiSource::Resource {
            container_name: container.into(),
            resource: resource.into(),
            divisor: divisor.map(q),
        };
    };
    rows.push(model(
        "5/downwardAPI-path-required",
        da(),
        "spec.volumes[0].downwardAPI.path",
        REQUIRED,
        |p| downward_of(p).items[0].path.clear(),
        |p| downward_of(p).items[0].path = "l".into(),
    ));
    rows.push(model(
        "5/downwardAPI-path-relative",
        da(),
        "spec.volumes[0].downwardAPI.path",
        INVALID,
        |p| downward_of(p).items[0].path = "/labels".into(),
        |p| downward_of(p).items[0].path = "pod/labels".into(),
    ));
    rows.push(model(
        "5/downwardAPI-path-backsteps",
        da(),
        "spec.volumes[0].downwardAPI.path",
        INVALID,
        |p| downward_of(p).items[0].path = "../labels".into(),
        |p| downward_of(p).items[0].path = "labels/..x".into(),
    ));
    rows.push(model(
        "5/downwardAPI-fieldPath-required",
        da(),
        "spec.volumes[0].downwardAPI.fieldRef.fieldPath",
        REQUIRED,
        move |p| field(p, ""),
        move |p| field(p, "metadata.name"),
    ));
    rows.push(model(
        "5/downwardAPI-fieldPath-supported",
        da(),
        "spec.volumes[0].downwardAPI.fieldRef.fieldPath",
        NOT_SUPPORTED,
        move |p| field(p, "spec.nodeName"),
        move |p| field(p, "metadata.uid"),
    ));
    rows.push(model(
        "5/downwardAPI-fieldPath-unknown",
        da(),
        "spec.volumes[0].downwardAPI.fieldRef.fieldPath",
        INVALID,
        move |p| field(p, "spec.bogus"),
        move |p| field(p, "metadata.namespace"),
    ));
    rows.push(model(
        "5/downwardAPI-fieldPath-subscript",
        da(),
        "spec.volumes[0].downwardAPI.fieldRef",
        INVALID,
        move |p| field(p, "metadata.labels['a/b/c']"),
        move |p| field(p, "metadata.annotations['Example.COM/Key']"),
    ));
    rows.push(model(
        "5/downwardAPI-containerName-required",
        da(),
        "spec.volumes[0].downwardAPI.resourceFieldRef.containerName",
        REQUIRED,
        move |p| resource(p, "", "limits.memory", None),
        move |p| resource(p, "app", "limits.memory", None),
    ));
    rows.push(model(
        "5/downwardAPI-resource-supported",
        da(),
        "spec.volumes[0].downwardAPI.resourceFieldRef.resource",
        NOT_SUPPORTED,
        move |p| resource(p, "app", "limits.gpu", None),
        move |p| resource(p, "app", "requests.hugepages-2Mi", None),
    ));
    rows.push(model(
        "5/downwardAPI-divisor",
        da(),
        "spec.volumes[0].downwardAPI.resourceFieldRef.divisor",
        INVALID,
        move |p| resource(p, "app", "limits.cpu", Some("2")),
        move |p| resource(p, "app", "limits.cpu", Some("1m")),
    ));
    let csi = || pod_with(csi_source());
    rows.push(model(
        "5/csi-driver-required",
        csi(),
        "spec.volumes[0].csi.driver",
        REQUIRED,
        |p| csi_of(p).driver.clear(),
        |p| csi_of(p).driver = "d".into(),
    ));
    rows.push(model(
        "5/csi-driver-length",
        csi(),
        "spec.volumes[0].csi.driver",
        TOO_LONG,
        |p| csi_of(p).driver = format!("{}.io", long('d', 61)),
        |p| csi_of(p).driver = format!("{}.io", long('d', 60)),
    ));
    rows.push(model(
        "5/csi-driver-format",
        csi(),
        "spec.volumes[0].csi.driver",
        INVALID,
        |p| csi_of(p).driver = "secrets_store.csi.k8s.io".into(),
        // Checked lower-cased: upper case is accepted.
        |p| csi_of(p).driver = "Secrets-Store.CSI.k8s.io".into(),
    ));
    rows.push(model(
        "5/csi-secret-name-required",
        csi(),
        "spec.volumes[0].csi.nodePublishSecretRef.name",
        REQUIRED,
        |p| csi_of(p).node_publish_secret_ref = Some(LocalObjectReference { name: "".into() }),
        |p| csi_of(p).node_publish_secret_ref = None,
    ));
    rows.push(model(
        "5/csi-secret-name-format",
        csi(),
        "spec.volumes[0].csi.name",
        INVALID,
        |p| {
            csi_of(p).node_publish_secret_ref = Some(LocalObjectReference {
                name: "Creds".into(),
            })
        },
        |p| {
            csi_of(p).node_publish_secret_ref = Some(LocalObjectReference {
                name: subdomain(253),
            })
        },
    ));
    rows.push(model(
        "5/ephemeral-template-metadata",
        pod_with(ephemeral_source()),
        "spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.name",
        FORBIDDEN,
        |p| ephemeral_of(p).volume_claim_template.metadata.name = Some("x".into()),
        |p| {
            ephemeral_of(p)
                .volume_claim_template
                .metadata
                .labels
                .insert("app".into(), "web".into());
        },
    ));
    rows.push(model(
        "5/ephemeral-template-claim-rules",
        pod_with(ephemeral_source()),
        "spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources[storage]",
        INVALID,
        |p| {
            ephemeral_of(p)
                .volume_claim_template
                .spec
                .resources
                .requests = q("0")
        },
        |p| {
            ephemeral_of(p)
                .volume_claim_template
                .spec
                .resources
                .requests = q("1")
        },
    ));
    rows.push(model(
        "5/ephemeral-template-access-modes",
        pod_with(ephemeral_source()),
        "spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes",
        REQUIRED,
        |p| ephemeral_of(p).volume_claim_template.spec.access_modes = AccessModes::EMPTY,
        |p| {
            ephemeral_of(p).volume_claim_template.spec.access_modes =
                AccessModes::from(AccessMode::ReadWriteOncePod)
        },
    ));
    rows.push(model(
        "5/ephemeral-claim-name",
        pod_with(ephemeral_source()),
        "spec.volumes[0].name",
        INVALID,
        // `<pod>-<volume>` must be a DNS-1123 subdomain: 200 + 1 + 53 = 254 bytes.
        |p| {
            p.metadata.name = long('p', 200);
            rename_volume(p, &long('v', 53));
        },
        |p| {
            p.metadata.name = long('p', 200);
            rename_volume(p, &long('v', 52));
        },
    ));
}

/// §5 rules of the sources kvol models only as PersistentVolumes: iSCSI and the legacy
/// plugins.
fn legacy_and_iscsi(rows: &mut Vec<Row>) {
    rows.push(model(
        "5/iscsi-targetPortal-required",
        pv_iscsi(),
        "spec.iscsi.targetPortal",
        REQUIRED,
        |p| pv_iscsi_of(p).target_portal.clear(),
        |p| pv_iscsi_of(p).target_portal = "storage.example.com".into(),
    ));
    rows.push(model(
        "5/iscsi-iqn-required",
        pv_iscsi(),
        "spec.iscsi.iqn",
        REQUIRED,
        |p| pv_iscsi_of(p).iqn.clear(),
        |p| pv_iscsi_of(p).iqn = "iqn.2001-04.com.example:x".into(),
    ));
    for (id, bad, good) in [
        (
            "5/iscsi-iqn-prefix",
            "iscsi.2001-04.com.example:x",
            "iqn.2001-04.com.example:x",
        ),
        (
            "5/iscsi-iqn-format",
            "iqn.2001-4.com.example:x",
            "iqn.2001-04.com.example:x:y",
        ),
        (
            "5/iscsi-iqn-unique-name-chars",
            "iqn.2001-04.com.example:a b",
            "iqn.2001-04.com.example:a.b",
        ),
        (
            "5/iscsi-eui-format",
            "eui.02004567A425678",
            "eui.02004567A425678D",
        ),
        (
            "5/iscsi-naa-format",
            "naa.52004567BA64678D52004567BA64678",
            "naa.52004567BA64678D52004567BA64678D",
        ),
    ] {
        rows.push(model(
            id,
            pv_iscsi(),
            "spec.iscsi.iqn",
            INVALID,
            move |p| pv_iscsi_of(p).iqn = bad.into(),
            move |p| pv_iscsi_of(p).iqn = good.into(),
        ));
    }
    rows.push(model(
        "5/iscsi-lun-max",
        pv_iscsi(),
        "spec.iscsi.lun",
        INVALID,
        |p| pv_iscsi_of(p).lun = 256,
        |p| pv_iscsi_of(p).lun = 255,
    ));
    rows.push(model(
        "5/iscsi-lun-min",
        pv_iscsi(),
        "spec.iscsi.lun",
        INVALID,
        |p| pv_iscsi_of(p).lun = -1,
        |p| pv_iscsi_of(p).lun = 0,
    ));

    // Required fields of the legacy plugins: (id, plugin, path, clear the field).
    type Clear = fn(&mut LegacySource);
    let required: [(&'static str, &'static str, &'static str, Clear); 14] = [
        (
            "5/gcePersistentDisk-pdName-required",
            "gcePersistentDisk",
            "spec.persistentDisk.pdName",
            |s| {
                if let LegacySource::GcePersistentDisk { pd_name, .. } = s {
                    pd_name.clear();
                }
            },
        ),
        (
            "5/awsElasticBlockStore-volumeID-required",
            "awsElasticBlockStore",
            "spec.awsElasticBlockStore.volumeID",
            |s| {
                if let LegacySource::AwsElasticBlockStore { volume_id, .. } = s {
                    volume_id.clear();
                }
            },
        ),
        (
            "5/azureDisk-diskName-required",
            "azureDisk",
            "spec.azureDisk.diskName",
            |s| {
                if let LegacySource::AzureDisk { disk_name, .. } = s {
                    disk_name.clear();
                }
            },
        ),
        (
            "5/azureDisk-diskURI-required",
            "azureDisk",
            "spec.azureDisk.diskURI",
            |s| {
                if let LegacySource::AzureDisk { disk_uri, .. } = s {
                    disk_uri.clear();
                }
            },
        ),
        (
            "5/azureFile-secretName-required",
            "azureFile",
            "spec.azureFile.secretName",
            |s| {
                if let LegacySource::AzureFile { secret_name, .. } = s {
                    secret_name.clear();
                }
            },
        ),
        (
            "5/azureFile-shareName-required",
            "azureFile",
            "spec.azureFile.shareName",
            |s| {
                if let LegacySource::AzureFile { share_name, .. } = s {
                    share_name.clear();
                }
            },
        ),
        (
            "5/cinder-volumeID-required",
            "cinder",
            "spec.cinder.volumeID",
            |s| {
                if let LegacySource::Cinder { volume_id, .. } = s {
                    volume_id.clear();
                }
            },
        ),
        (
            "5/cephfs-monitors-required",
            "cephfs",
            "spec.cephfs.monitors",
            |s| {
                if let LegacySource::Cephfs { monitors, .. } = s {
                    monitors.clear();
                }
            },
        ),
        ("5/rbd-monitors-required", "rbd", "spec.rbd.monitors", |s| {
            if let LegacySource::Rbd { monitors, .. } = s {
                monitors.clear();
            }
        }),
        ("5/rbd-image-required", "rbd", "spec.rbd.image", |s| {
            if let LegacySource::Rbd { image, .. } = s {
                image.clear();
            }
        }),
        (
            "5/glusterfs-endpoints-required",
            "glusterfs",
            "spec.glusterfs.endpoints",
            |s| {
                if let LegacySource::Glusterfs { endpoints, .. } = s {
                    endpoints.clear();
                }
            },
        ),
        (
            "5/glusterfs-path-required",
            "glusterfs",
            "spec.glusterfs.path",
            |s| {
                if let LegacySource::Glusterfs { path, .. } = s {
                    path.clear();
                }
            },
        ),
        (
            "5/vsphereVolume-volumePath-required",
            "vsphereVolume",
            "spec.vsphereVolume.volumePath",
            |s| {
                if let LegacySource::VsphereVolume { volume_path, .. } = s {
                    volume_path.clear();
                }
            },
        ),
        (
            "5/portworxVolume-volumeID-required",
            "portworxVolume",
            "spec.portworxVolume.volumeID",
            |s| {
                if let LegacySource::PortworxVolume { volume_id, .. } = s {
                    volume_id.clear();
                }
            },
        ),
    ];
    for (id, plugin, path, clear) in required {
        rows.push(model(
            id,
            pv_legacy(plugin),
            path,
            REQUIRED,
            move |p| clear(legacy_of(p)),
            |_| {},
        ));
    }
    // Partitions: 0..=255 (0 is accepted despite the message "between 1 and 255").
    type SetPartition = fn(&mut LegacySource, i32);
    let partitions: [(&str, &str, SetPartition); 2] = [
        (
            "gcePersistentDisk",
            "spec.persistentDisk.partition",
            |s, n| {
                if let LegacySource::GcePersistentDisk { partition, .. } = s {
                    *partition = Some(n);
                }
            },
        ),
        (
            "awsElasticBlockStore",
            "spec.awsElasticBlockStore.partition",
            |s, n| {
                if let LegacySource::AwsElasticBlockStore { partition, .. } = s {
                    *partition = Some(n);
                }
            },
        ),
    ];
    rows.push(model(
        "5/azureDisk-diskURI-format",
        pv_legacy("azureDisk"),
        "spec.azureDisk.diskURI",
        NOT_SUPPORTED,
        |p| {
            if let LegacySource::AzureDisk { disk_uri, .. } = legacy_of(p) {
                *disk_uri = "my-disk".into();
            }
        },
        |p| {
            if let LegacySource::AzureDisk { disk_uri, .. } = legacy_of(p) {
                *disk_uri = "https://acct.blob.core.windows.net/vhds/d.vhd".into();
            }
        },
    ));
    for (plugin, path, set) in partitions {
        let (max_id, min_id) = if plugin == "gcePersistentDisk" {
            (
                "5/gcePersistentDisk-partition-max",
                "5/gcePersistentDisk-partition-min",
            )
        } else {
            (
                "5/awsElasticBlockStore-partition-max",
                "5/awsElasticBlockStore-partition-min",
            )
        };
        rows.push(model(
            max_id,
            pv_legacy(plugin),
            path,
            INVALID,
            move |p| set(legacy_of(p), 256),
            move |p| set(legacy_of(p), 255),
        ));
        rows.push(model(
            min_id,
            pv_legacy(plugin),
            path,
            INVALID,
            move |p| set(legacy_of(p), -1),
            move |p| set(legacy_of(p), 0),
        ));
    }
}

/// §6: containers, mounts, ports, and the pod spec fields kvol models.
fn containers(rows: &mut Vec<Row>) {
    rows.push(model(
        "6.1/mount-name-required",
        pod(),
        "spec.containers[0].volumeMounts[0].name",
        REQUIRED,
        |p| mount0(p).name.clear(),
        |p| mount0(p).name = "data".into(),
    ));
    rows.push(model(
        "6.1/mount-not-found",
        pod(),
        "spec.containers[0].volumeMounts[0].name",
        NOT_FOUND,
        |p| mount0(p).name = "html".into(),
        |p| mount0(p).name = "data".into(),
    ));
    rows.push(model(
        "6.1/mountPath-required",
        pod(),
        "spec.containers[0].volumeMounts[0].mountPath",
        REQUIRED,
        |p| mount0(p).mount_path.clear(),
        // Absolute paths are not enforced by the API server.
        |p| mount0(p).mount_path = "data".into(),
    ));
    rows.push(model(
        "6.1/mountPath-unique",
        pod(),
        "spec.containers[0].volumeMounts[1].mountPath",
        INVALID,
        |p| {
            p.spec.containers[0]
                .volume_mounts
                .push(VolumeMount::new("data", "/data"))
        },
        |p| {
            p.spec.containers[0]
                .volume_mounts
                .push(VolumeMount::new("data", "/data/"))
        },
    ));
    rows.push(model(
        "6.1/subPath-relative",
        pod(),
        "spec.containers[0].volumeMounts.subPath",
        INVALID,
        |p| mount0(p).sub_path = Some("/html".into()),
        |p| mount0(p).sub_path = Some("site/html".into()),
    ));
    rows.push(model(
        "6.1/subPath-backsteps",
        pod(),
        "spec.containers[0].volumeMounts.subPath",
        INVALID,
        |p| mount0(p).sub_path = Some("site/../..".into()),
        |p| mount0(p).sub_path = Some("..site".into()),
    ));
    rows.push(model(
        "6.3/port-name-duplicate",
        pod(),
        "spec.containers[0].ports[1].name",
        DUPLICATE,
        |p| {
            p.spec.containers[0].ports.push(ContainerPort {
                container_port: 81,
                name: Some("http".into()),
                protocol: Protocol::TCP,
            })
        },
        |p| {
            p.spec.containers[0].ports.push(ContainerPort {
                container_port: 81,
                name: Some("http-alt".into()),
                protocol: Protocol::TCP,
            })
        },
    ));
    rows.push(model(
        "6.3/containerPort-required",
        pod(),
        "spec.containers[0].ports[0].containerPort",
        REQUIRED,
        |p| port0(p).container_port = 0,
        |p| port0(p).container_port = 1,
    ));
    rows.push(model(
        "6.3/containerPort-range",
        pod(),
        "spec.containers[0].ports[0].containerPort",
        INVALID,
        |p| port0(p).container_port = 65536,
        |p| port0(p).container_port = 65535,
    ));
    rows.push(model(
        "6.3/containerPort-negative",
        pod(),
        "spec.containers[0].ports[0].containerPort",
        INVALID,
        |p| port0(p).container_port = -1,
        |p| port0(p).container_port = 1,
    ));
    rows.push(model(
        "6.4/containers-required",
        pod(),
        "spec.containers",
        REQUIRED,
        |p| {
            p.spec.containers.clear();
        },
        |_| {},
    ));
    rows.push(model(
        "6.4/container-name-required",
        pod(),
        "spec.containers[0].name",
        REQUIRED,
        |p| p.spec.containers[0].name.clear(),
        |p| p.spec.containers[0].name = "a".into(),
    ));
    rows.push(model(
        "6.4/container-name-unique",
        pod(),
        "spec.containers[1].name",
        DUPLICATE,
        |p| p.spec.containers.push(Container::new("app", "busybox")),
        |p| p.spec.containers.push(Container::new("app2", "busybox")),
    ));
    rows.push(model(
        "6.4/init-container-name-unique",
        pod(),
        "spec.initContainers[0].name",
        DUPLICATE,
        |p| {
            p.spec
                .init_containers
                .push(Container::new("app", "busybox"))
        },
        |p| {
            p.spec
                .init_containers
                .push(Container::new("init", "busybox"))
        },
    ));
    rows.push(model(
        "6.4/image-required",
        pod(),
        "spec.containers[0].image",
        REQUIRED,
        |p| p.spec.containers[0].image.clear(),
        |p| p.spec.containers[0].image = "x".into(),
    ));
    rows.push(model(
        "6.4/image-whitespace",
        pod(),
        "spec.containers[0].image",
        INVALID,
        |p| p.spec.containers[0].image = "nginx:1.27 ".into(),
        |p| p.spec.containers[0].image = "nginx: 1.27".into(),
    ));
    rows.push(model(
        "6.4/serviceAccountName",
        pod(),
        "spec.serviceAccountName",
        INVALID,
        |p| p.spec.service_account_name = Some("Backup".into()),
        |p| p.spec.service_account_name = Some("backup.writer".into()),
    ));
    rows.push(model(
        "6.4/nodeSelector",
        pod(),
        "spec.nodeSelector",
        INVALID,
        |p| {
            p.spec
                .node_selector
                .insert("disktype".into(), "ssd only".into());
        },
        |p| {
            p.spec.node_selector.insert("disktype".into(), "ssd".into());
        },
    ));
    let env = |name: &str| EnvVar {
        name: name.into(),
        value: "v".into(),
    };
    rows.push(model(
        "6.4/env-name-required",
        pod(),
        "spec.containers[0].env[0].name",
        REQUIRED,
        move |p| p.spec.containers[0].env.push(env("")),
        move |p| p.spec.containers[0].env.push(env("A")),
    ));
    rows.push(model(
        "6.4/env-name-relaxed",
        pod(),
        "spec.containers[0].env[0].name",
        INVALID,
        move |p| p.spec.containers[0].env.push(env("A=B")),
        // Since 1.32 any printable ASCII but '=' is accepted.
        move |p| p.spec.containers[0].env.push(env("1st var!")),
    ));
    rows.push(model_for(
        "6.4/env-name-strict",
        v(31),
        pod(),
        "spec.containers[0].env[0].name",
        INVALID,
        move |p| p.spec.containers[0].env.push(env("1st")),
        move |p| p.spec.containers[0].env.push(env("_1st.var-x")),
    ));
}

/// §7: PersistentVolumes.
fn persistent_volumes(rows: &mut Vec<Row>) {
    rows.push(model(
        "7/accessModes-required",
        pv_nfs(),
        "spec.accessModes",
        REQUIRED,
        |p| p.spec.access_modes = AccessModes::EMPTY,
        |p| {
            p.spec.access_modes = AccessModes::from_iter([
                AccessMode::ReadWriteOnce,
                AccessMode::ReadOnlyMany,
                AccessMode::ReadWriteMany,
            ])
        },
    ));
    rows.push(model(
        "7/accessModes-RWOP-alone",
        pv_nfs(),
        "spec.accessModes",
        FORBIDDEN,
        |p| {
            p.spec.access_modes =
                AccessModes::from_iter([AccessMode::ReadWriteOncePod, AccessMode::ReadWriteOnce])
        },
        |p| p.spec.access_modes = AccessModes::from(AccessMode::ReadWriteOncePod),
    ));
    let pv_builder = || {
        PersistentVolume::builder("pv0")
            .access_mode(AccessMode::ReadWriteOnce)
            .nfs("nfs.example.com", "/exports")
    };
    rows.push(built(
        "7/capacity-required",
        "spec.capacity[storage]",
        ErrorKind::Required,
        move || pv_builder().build(),
        move || pv_builder().capacity("1").build(),
    ));
    rows.push(built(
        "7/source-required",
        "spec",
        ErrorKind::Required,
        || {
            PersistentVolume::builder("pv0")
                .capacity("1Gi")
                .access_mode(AccessMode::ReadWriteOnce)
                .build()
        },
        || {
            PersistentVolume::builder("pv0")
                .capacity("1Gi")
                .access_mode(AccessMode::ReadWriteOnce)
                .host_path("/data", HostPathType::Directory)
                .build()
        },
    ));
    rows.push(model(
        "7/local-path-required",
        pv_local(),
        "spec.local.path",
        REQUIRED,
        |p| pv_local_of(p).path.clear(),
        |p| pv_local_of(p).path = "/".into(),
    ));
    rows.push(model(
        "7/local-backsteps",
        pv_local(),
        "spec.local.path",
        INVALID,
        |p| pv_local_of(p).path = "/mnt/../etc".into(),
        |p| pv_local_of(p).path = "/mnt/..etc".into(),
    ));
    rows.push(model(
        "7/local-node-affinity-required",
        pv_local(),
        "spec.nodeAffinity",
        REQUIRED,
        |p| p.spec.node_affinity = None,
        |_| {},
    ));
    rows.push(model(
        "7/node-selector-terms-required",
        pv_local(),
        "spec.nodeAffinity.required.nodeSelectorTerms",
        REQUIRED,
        |p| {
            let a = p.spec.node_affinity.as_mut().expect("affinity");
            a.required.node_selector_terms.clear();
        },
        |p| {
            let a = p.spec.node_affinity.as_mut().expect("affinity");
            let term = a.required.node_selector_terms[0].clone();
            a.required.node_selector_terms.push(term);
        },
    ));
    let req = "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0]";
    let set = |p: &mut PersistentVolume, op: NodeSelectorOperator, values: &[&str]| {
        let r = requirement0(p);
        r.operator = op;
        r.values = values.iter().map(|v| v.to_string()).collect();
    };
    rows.push(model(
        "7/node-requirement-in-values",
        pv_local(),
        &format!("{req}.values"),
        REQUIRED,
        move |p| set(p, NodeSelectorOperator::NotIn, &[]),
        move |p| set(p, NodeSelectorOperator::NotIn, &["node-2"]),
    ));
    rows.push(model(
        "7/node-requirement-exists-no-values",
        pv_local(),
        &format!("{req}.values"),
        FORBIDDEN,
        move |p| set(p, NodeSelectorOperator::Exists, &["node-1"]),
        move |p| set(p, NodeSelectorOperator::Exists, &[]),
    ));
    rows.push(model(
        "7/node-requirement-gt-single-value",
        pv_local(),
        &format!("{req}.values"),
        REQUIRED,
        move |p| set(p, NodeSelectorOperator::Gt, &["1", "2"]),
        move |p| set(p, NodeSelectorOperator::Gt, &["1"]),
    ));
    rows.push(model(
        "7/node-requirement-kvol-gt-integer",
        pv_local(),
        &format!("{req}.values[0]"),
        INVALID,
        move |p| set(p, NodeSelectorOperator::Lt, &["ten"]),
        move |p| set(p, NodeSelectorOperator::Lt, &["10"]),
    ));
    rows.push(model(
        "7/node-requirement-key",
        pv_local(),
        &format!("{req}.key"),
        INVALID,
        |p| requirement0(p).key = "a/b/c".into(),
        |p| requirement0(p).key = "topology.kubernetes.io/zone".into(),
    ));
    rows.push(model(
        "7/node-requirement-values-format",
        pv_local(),
        &format!("{req}.values[0]"),
        INVALID,
        |p| requirement0(p).values = vec!["node 1".into()],
        |p| requirement0(p).values = vec!["node_1".into()],
    ));
    rows.push(model(
        "7/hostPath-recycle-root",
        pv_host_path(),
        "spec.persistentVolumeReclaimPolicy",
        FORBIDDEN,
        |p| {
            p.spec.reclaim_policy = Some(ReclaimPolicy::Recycle);
            pv_host_path_of(p).path = "/a/..".into();
        },
        |p| {
            p.spec.reclaim_policy = Some(ReclaimPolicy::Recycle);
            pv_host_path_of(p).path = "/a".into();
        },
    ));
    rows.push(model(
        "7/hostPath-backsteps",
        pv_host_path(),
        "spec.hostPath.path",
        INVALID,
        |p| pv_host_path_of(p).path = "/data/..".into(),
        |p| pv_host_path_of(p).path = "/data/...".into(),
    ));
    rows.push(model(
        "7/storageClassName-format",
        pv_nfs(),
        "spec.storageClassName",
        INVALID,
        |p| p.spec.storage_class_name = Some("Fast".into()),
        |p| p.spec.storage_class_name = Some(subdomain(253)),
    ));
    rows.push(model(
        "7/nfs-server-required",
        pv_nfs(),
        "spec.nfs.server",
        REQUIRED,
        |p| pv_nfs_of(p).server.clear(),
        |p| pv_nfs_of(p).server = "10.0.0.1".into(),
    ));
    rows.push(model(
        "7/nfs-path-absolute",
        pv_nfs(),
        "spec.nfs.path",
        INVALID,
        |p| pv_nfs_of(p).path = "exports".into(),
        |p| pv_nfs_of(p).path = "/".into(),
    ));
    rows.push(model(
        "7/csi-driver",
        pv_csi(),
        "spec.csi.driver",
        INVALID,
        |p| pv_csi_of(p).driver = "pd_csi".into(),
        |p| pv_csi_of(p).driver = "PD.CSI.Storage.GKE.io".into(),
    ));
    rows.push(model(
        "7/csi-driver-length",
        pv_csi(),
        "spec.csi.driver",
        TOO_LONG,
        |p| pv_csi_of(p).driver = long('d', 64),
        |p| pv_csi_of(p).driver = long('d', 63),
    ));
    rows.push(model(
        "7/csi-volumeHandle-required",
        pv_csi(),
        "spec.csi.volumeHandle",
        REQUIRED,
        |p| pv_csi_of(p).volume_handle.clear(),
        |p| pv_csi_of(p).volume_handle = " ".into(),
    ));
    let secret = |name: &str, namespace: &str| {
        Some(SecretReference {
            name: name.into(),
            namespace: namespace.into(),
        })
    };
    let sref = "spec.csi.nodePublishSecretRef";
    rows.push(model(
        "7/csi-secret-name-required",
        pv_csi(),
        &format!("{sref}.name"),
        REQUIRED,
        move |p| pv_csi_of(p).node_publish_secret_ref = secret("", "ns"),
        move |p| pv_csi_of(p).node_publish_secret_ref = secret("s", "ns"),
    ));
    rows.push(model(
        "7/csi-secret-name-format",
        pv_csi(),
        &format!("{sref}.name"),
        INVALID,
        move |p| pv_csi_of(p).node_publish_secret_ref = secret("S", "ns"),
        move |p| pv_csi_of(p).node_publish_secret_ref = secret("s.t", "ns"),
    ));
    rows.push(model(
        "7/csi-secret-namespace-required",
        pv_csi(),
        &format!("{sref}.namespace"),
        REQUIRED,
        move |p| pv_csi_of(p).node_publish_secret_ref = secret("s", ""),
        move |p| pv_csi_of(p).node_publish_secret_ref = secret("s", "n"),
    ));
    rows.push(model(
        "7/csi-secret-namespace-format",
        pv_csi(),
        &format!("{sref}.namespace"),
        INVALID,
        move |p| pv_csi_of(p).node_publish_secret_ref = secret("s", "n.s"),
        move |p| pv_csi_of(p).node_publish_secret_ref = secret("s", "n-s"),
    ));
    rows.push(model(
        "7/mount-options-annotation",
        pv_host_path(),
        "metadata.annotations.volume.beta.kubernetes.io/mount-options",
        FORBIDDEN,
        |p| {
            p.metadata.annotations.insert(
                "volume.beta.kubernetes.io/mount-options".into(),
                "ro".into(),
            );
        },
        |p| p.spec.mount_options.push("ro".into()),
    ));
    rows.push(model(
        "7/mount-options-annotation-allowed-sources",
        pv_nfs(),
        "metadata.annotations.volume.beta.kubernetes.io/mount-options",
        FORBIDDEN,
        |p| {
            p.spec.source = PvSource::csi("d.example.com", "h");
            p.metadata.annotations.insert(
                "volume.beta.kubernetes.io/mount-options".into(),
                "ro".into(),
            );
        },
        |p| {
            p.metadata.annotations.insert(
                "volume.beta.kubernetes.io/mount-options".into(),
                "ro".into(),
            );
        },
    ));
    rows.push(model(
        "7/kvol-claimRef-name-required",
        pv_nfs(),
        "spec.claimRef.name",
        REQUIRED,
        |p| {
            p.spec.claim_ref = Some(ClaimRef {
                name: "".into(),
                namespace: "default".into(),
            })
        },
        // The API server does not validate claimRef; any name pre-binds.
        |p| {
            p.spec.claim_ref = Some(ClaimRef {
                name: "Any_Name".into(),
                namespace: "default".into(),
            })
        },
    ));
    rows.push(model(
        "7/kvol-claimRef-namespace-required",
        pv_nfs(),
        "spec.claimRef.namespace",
        REQUIRED,
        |p| {
            p.spec.claim_ref = Some(ClaimRef {
                name: "data".into(),
                namespace: "".into(),
            })
        },
        |p| {
            p.spec.claim_ref = Some(ClaimRef {
                name: "data".into(),
                namespace: "d".into(),
            })
        },
    ));
}

/// §8: PersistentVolumeClaims (and claim templates).
fn claims(rows: &mut Vec<Row>) {
    rows.push(model(
        "8/accessModes-required",
        pvc(),
        "spec.accessModes",
        REQUIRED,
        |c| c.spec.access_modes = AccessModes::EMPTY,
        |c| c.spec.access_modes = AccessModes::from(AccessMode::ReadOnlyMany),
    ));
    rows.push(model(
        "8/accessModes-RWOP-alone",
        pvc(),
        "spec.accessModes",
        FORBIDDEN,
        |c| {
            c.spec.access_modes =
                AccessModes::from_iter([AccessMode::ReadWriteOncePod, AccessMode::ReadWriteMany])
        },
        |c| c.spec.access_modes = AccessModes::from(AccessMode::ReadWriteOncePod),
    ));
    let claim = || {
        PersistentVolumeClaim::builder("data")
            .access_mode(AccessMode::ReadWriteOnce)
            .storage_class("standard")
    };
    rows.push(built(
        "8/request-required",
        "spec.resources.requests[storage]",
        ErrorKind::Required,
        move || claim().build(),
        move || claim().request("1").build(),
    ));
    rows.push(model(
        "8/selector-matchLabels",
        pvc(),
        "spec.selector.matchLabels",
        INVALID,
        |c| c.spec.selector = Some(LabelSelector::labels(labels(&[("tier", "fast ssd")]))),
        |c| c.spec.selector = Some(LabelSelector::labels(labels(&[("tier", "fast-ssd")]))),
    ));
    let expr = "spec.selector.matchExpressions[0]";
    rows.push(model(
        "8/selector-in-values",
        pvc(),
        &format!("{expr}.values"),
        REQUIRED,
        |c| c.spec.selector = selector_with(expression("tier", SelectorOperator::In, &[])),
        |c| c.spec.selector = selector_with(expression("tier", SelectorOperator::In, &[""])),
    ));
    rows.push(model(
        "8/selector-exists-no-values",
        pvc(),
        &format!("{expr}.values"),
        FORBIDDEN,
        |c| {
            c.spec.selector =
                selector_with(expression("tier", SelectorOperator::DoesNotExist, &["x"]))
        },
        |c| {
            c.spec.selector = selector_with(expression("tier", SelectorOperator::DoesNotExist, &[]))
        },
    ));
    rows.push(model(
        "8/selector-key",
        pvc(),
        &format!("{expr}.key"),
        INVALID,
        |c| c.spec.selector = selector_with(expression("a/b/c", SelectorOperator::Exists, &[])),
        |c| c.spec.selector = selector_with(expression("a/b", SelectorOperator::Exists, &[])),
    ));
    rows.push(model(
        "8/selector-values-format",
        pvc(),
        &format!("{expr}.values[0]"),
        INVALID,
        |c| c.spec.selector = selector_with(expression("tier", SelectorOperator::NotIn, &["a b"])),
        |c| c.spec.selector = selector_with(expression("tier", SelectorOperator::NotIn, &["a.b"])),
    ));
    rows.push(model(
        "8/storageClassName-format",
        pvc(),
        "spec.storageClassName",
        INVALID,
        |c| c.spec.storage_class = ClassRef::Named("Standard".into()),
        // `""` is "no class", not an invalid name.
        |c| c.spec.storage_class = ClassRef::NoClass,
    ));
    rows.push(model(
        "8/dataSource-name-required",
        pvc(),
        "spec.dataSource.name",
        REQUIRED,
        |c| c.spec.data_source = Some(snapshot("")),
        |c| c.spec.data_source = Some(snapshot("snap")),
    ));
    rows.push(model(
        "8/dataSource-kind-required",
        pvc(),
        "spec.dataSource.kind",
        REQUIRED,
        |c| {
            c.spec.data_source = Some(TypedLocalObjectReference {
                kind: String::new(),
                ..snapshot("snap")
            })
        },
        |c| c.spec.data_source = Some(snapshot("snap")),
    ));
    rows.push(model(
        "8/dataSource-core-group-kind",
        pvc(),
        "spec.dataSource",
        INVALID,
        |c| {
            c.spec.data_source = Some(TypedLocalObjectReference {
                api_group: None,
                ..snapshot("snap")
            })
        },
        |c| {
            c.spec.data_source = Some(TypedLocalObjectReference {
                api_group: None,
                kind: "PersistentVolumeClaim".into(),
                name: "source".into(),
            })
        },
    ));
    rows.push(model(
        "8/dataSource-apiGroup-format",
        pvc(),
        "spec.dataSource.apiGroup",
        INVALID,
        |c| {
            c.spec.data_source = Some(TypedLocalObjectReference {
                api_group: Some("Snapshot.Storage.k8s.io".into()),
                ..snapshot("snap")
            })
        },
        |c| c.spec.data_source = Some(snapshot("snap")),
    ));
    rows.push(model(
        "8/dataSourceRef-name-required",
        pvc(),
        "spec.dataSourceRef.name",
        REQUIRED,
        |c| c.spec.data_source_ref = Some(snapshot_ref("", None)),
        |c| c.spec.data_source_ref = Some(snapshot_ref("snap", None)),
    ));
    rows.push(model(
        "8/dataSourceRef-namespace-format",
        pvc(),
        "spec.dataSourceRef.namespace",
        INVALID,
        |c| c.spec.data_source_ref = Some(snapshot_ref("snap", Some("Other"))),
        |c| c.spec.data_source_ref = Some(snapshot_ref("snap", Some("other"))),
    ));
    rows.push(model(
        "8/dataSource-matches-dataSourceRef",
        pvc(),
        "spec",
        INVALID,
        |c| {
            c.spec.data_source = Some(snapshot("a"));
            c.spec.data_source_ref = Some(snapshot_ref("b", None));
        },
        |c| {
            c.spec.data_source = Some(snapshot("a"));
            c.spec.data_source_ref = Some(snapshot_ref("a", None));
        },
    ));
    rows.push(model(
        "8/dataSourceRef-namespace-without-dataSource",
        pvc(),
        "spec",
        INVALID,
        |c| {
            c.spec.data_source = Some(snapshot("a"));
            c.spec.data_source_ref = Some(snapshot_ref("a", Some("other")));
        },
        |c| c.spec.data_source_ref = Some(snapshot_ref("a", Some("other"))),
    ));
    rows.push(model(
        "8/claim-template-rules",
        sts(),
        "spec.volumeClaimTemplates[0].spec.resources[storage]",
        INVALID,
        |s| s.spec.volume_claim_templates[0].spec.resources.requests = q("0"),
        |s| s.spec.volume_claim_templates[0].spec.resources.requests = q("1"),
    ));
    rows.push(model(
        "8/claim-template-access-modes",
        sts(),
        "spec.volumeClaimTemplates[0].spec.accessModes",
        FORBIDDEN,
        |s| {
            s.spec.volume_claim_templates[0].spec.access_modes =
                AccessModes::from_iter([AccessMode::ReadWriteOncePod, AccessMode::ReadOnlyMany])
        },
        |s| {
            s.spec.volume_claim_templates[0].spec.access_modes =
                AccessModes::from_iter([AccessMode::ReadWriteMany, AccessMode::ReadOnlyMany])
        },
    ));
}

/// §9: StorageClasses.
fn storage_classes(rows: &mut Vec<Row>) {
    rows.push(model(
        "9/provisioner-required",
        sc(),
        "provisioner",
        REQUIRED,
        |c| c.provisioner.clear(),
        |c| c.provisioner = "p".into(),
    ));
    rows.push(model(
        "9/provisioner-format",
        sc(),
        "provisioner",
        INVALID,
        |c| c.provisioner = "example.com/a/b".into(),
        // Checked lower-cased, as a qualified name.
        |c| c.provisioner = "Example.COM/My_Provisioner".into(),
    ));
    rows.push(model(
        "9/parameters-count",
        sc(),
        "parameters",
        TOO_LONG,
        |c| c.parameters = (0..513).map(|i| (format!("k{i}"), "v".into())).collect(),
        |c| c.parameters = (0..512).map(|i| (format!("k{i}"), "v".into())).collect(),
    ));
    rows.push(model(
        "9/parameters-empty-key",
        sc(),
        "parameters",
        INVALID,
        |c| {
            c.parameters.insert(String::new(), "v".into());
        },
        // Keys are not qualified names: anything non-empty goes.
        |c| {
            c.parameters.insert(" : #---".into(), "v".into());
        },
    ));
    rows.push(model(
        "9/parameters-size",
        sc(),
        "parameters",
        TOO_LONG,
        |c| {
            c.parameters.insert("k".into(), long('v', 262_144));
        },
        |c| {
            c.parameters.insert("k".into(), long('v', 262_143));
        },
    ));
    rows.push(model(
        "9/reclaimPolicy-recycle",
        sc(),
        "reclaimPolicy",
        NOT_SUPPORTED,
        |c| c.reclaim_policy = Some(ReclaimPolicy::Recycle),
        |c| c.reclaim_policy = Some(ReclaimPolicy::Retain),
    ));
    let zone = "topology.kubernetes.io/zone";
    let expr = "allowedTopologies[0].matchLabelExpressions";
    rows.push(model(
        "9/allowedTopologies-values-required",
        sc(),
        &format!("{expr}[0].values"),
        REQUIRED,
        move |c| c.allowed_topologies = vec![topology(&[(zone, &[])])],
        move |c| c.allowed_topologies = vec![topology(&[(zone, &["a"])])],
    ));
    rows.push(model(
        "9/allowedTopologies-values-unique",
        sc(),
        &format!("{expr}[0].values[1]"),
        DUPLICATE,
        move |c| c.allowed_topologies = vec![topology(&[(zone, &["a", "a"])])],
        move |c| c.allowed_topologies = vec![topology(&[(zone, &["a", "b"])])],
    ));
    rows.push(model(
        "9/allowedTopologies-key",
        sc(),
        &format!("{expr}[0].key"),
        INVALID,
        |c| c.allowed_topologies = vec![topology(&[("a/b/c", &["a"])])],
        |c| c.allowed_topologies = vec![topology(&[("a/b", &["a"])])],
    ));
    rows.push(model(
        "9/allowedTopologies-key-unique",
        sc(),
        &format!("{expr}[1].key"),
        DUPLICATE,
        move |c| c.allowed_topologies = vec![topology(&[(zone, &["a"]), (zone, &["b"])])],
        move |c| {
            c.allowed_topologies = vec![topology(&[(zone, &["a"]), ("example.com/rack", &["b"])])]
        },
    ));
    rows.push(model(
        "9/allowedTopologies-terms-unique",
        sc(),
        "allowedTopologies[1].matchLabelExpressions",
        DUPLICATE,
        move |c| {
            c.allowed_topologies = vec![topology(&[(zone, &["a"])]), topology(&[(zone, &["a"])])]
        },
        move |c| {
            c.allowed_topologies = vec![topology(&[(zone, &["a"])]), topology(&[(zone, &["b"])])]
        },
    ));
}

/// §10: the headless Service (embedded in a StatefulSet, errors under `service.`).
fn services(rows: &mut Vec<Row>) {
    rows.push(model(
        "10/port-name-required",
        sts(),
        "service.spec.ports[1].name",
        REQUIRED,
        |s| {
            s.service
                .spec
                .ports
                .push(service_port(None, 443, Protocol::TCP))
        },
        |s| {
            s.service
                .spec
                .ports
                .push(service_port(Some("https"), 443, Protocol::TCP))
        },
    ));
    rows.push(model(
        "10/port-name-unique",
        sts(),
        "service.spec.ports[1].name",
        DUPLICATE,
        |s| {
            s.service
                .spec
                .ports
                .push(service_port(Some("web"), 443, Protocol::TCP))
        },
        |s| {
            s.service
                .spec
                .ports
                .push(service_port(Some("web-tls"), 443, Protocol::TCP))
        },
    ));
    rows.push(model(
        "10/port-range",
        sts(),
        "service.spec.ports[0].port",
        INVALID,
        |s| s.service.spec.ports[0].port = 65536,
        |s| s.service.spec.ports[0].port = 65535,
    ));
    rows.push(model(
        "10/targetPort-number",
        sts(),
        "service.spec.ports[0].targetPort",
        INVALID,
        |s| s.service.spec.ports[0].target_port = Some(TargetPort::Number(65536)),
        |s| s.service.spec.ports[0].target_port = Some(TargetPort::Number(65535)),
    ));
    rows.push(model(
        "10/targetPort-name",
        sts(),
        "service.spec.ports[0].targetPort",
        INVALID,
        |s| s.service.spec.ports[0].target_port = Some(TargetPort::Name("web--1".into())),
        |s| s.service.spec.ports[0].target_port = Some(TargetPort::Name("web".into())),
    ));
    rows.push(model(
        "10/protocol-port-unique",
        sts(),
        "service.spec.ports[1]",
        DUPLICATE,
        |s| {
            s.service
                .spec
                .ports
                .push(service_port(Some("web2"), 80, Protocol::TCP))
        },
        |s| {
            s.service
                .spec
                .ports
                .push(service_port(Some("web2"), 80, Protocol::UDP))
        },
    ));
    rows.push(model(
        "10/selector-labels",
        sts(),
        "service.spec.selector",
        INVALID,
        |s| {
            s.service
                .spec
                .selector
                .insert("app".into(), "web server".into());
        },
        |s| set_pod_labels(s, &[("app", "web.server")]),
    ));
}

/// §11: StatefulSets (and what kvol adds: the Service must govern the set).
fn statefulsets(rows: &mut Vec<Row>) {
    let ru = "spec.updateStrategy.rollingUpdate";
    rows.push(model(
        "11.1/partition-nonnegative",
        sts(),
        &format!("{ru}.partition"),
        INVALID,
        |s| s.spec.update_strategy = rolling(Some(-1), None),
        |s| s.spec.update_strategy = rolling(Some(0), None),
    ));
    for (id, bad, good) in [
        (
            "11.1/maxUnavailable-zero",
            IntOrPercent::Int(0),
            IntOrPercent::Int(1),
        ),
        (
            "11.1/maxUnavailable-zero-percent",
            IntOrPercent::Percent(0),
            IntOrPercent::Percent(1),
        ),
        (
            "11.1/maxUnavailable-over-100-percent",
            IntOrPercent::Percent(101),
            IntOrPercent::Percent(100),
        ),
        (
            "11.1/maxUnavailable-negative",
            IntOrPercent::Int(-1),
            IntOrPercent::Int(1),
        ),
    ] {
        rows.push(model_for(
            id,
            v(35),
            sts(),
            &format!("{ru}.maxUnavailable"),
            INVALID,
            move |s| s.spec.update_strategy = rolling(None, Some(bad)),
            move |s| s.spec.update_strategy = rolling(None, Some(good)),
        ));
    }
    rows.push(model(
        "11.1/replicas-nonnegative",
        sts(),
        "spec.replicas",
        INVALID,
        |s| s.spec.replicas = Some(-1),
        |s| s.spec.replicas = Some(0),
    ));
    rows.push(model(
        "11.1/minReadySeconds-nonnegative",
        sts(),
        "spec.minReadySeconds",
        INVALID,
        |s| s.spec.min_ready_seconds = Some(-1),
        |s| s.spec.min_ready_seconds = Some(0),
    ));
    rows.push(model(
        "11.1/ordinals-start-nonnegative",
        sts(),
        "spec.ordinals.start",
        INVALID,
        |s| s.spec.ordinals_start = Some(-1),
        |s| s.spec.ordinals_start = Some(0),
    ));
    rows.push(model(
        "11.1/selector-not-empty",
        sts(),
        "spec.selector",
        INVALID,
        |s| s.spec.selector = LabelSelector::default(),
        |s| {
            s.spec.selector = LabelSelector {
                match_expressions: vec![expression("app", SelectorOperator::Exists, &[])],
                match_labels: BTreeMap::new(),
            }
        },
    ));
    rows.push(model(
        "11.1/selector-labels",
        sts(),
        "spec.selector.matchLabels",
        INVALID,
        |s| s.spec.selector = LabelSelector::labels(labels(&[("app", "web server")])),
        |s| set_pod_labels(s, &[("app", "web_server")]),
    ));
    rows.push(model(
        "11.1/selector-matches-template",
        sts(),
        "spec.template.metadata.labels",
        INVALID,
        |s| s.spec.selector = LabelSelector::labels(labels(&[("app", "db")])),
        // The selector may select a subset of the template's labels.
        |s| {
            set_pod_labels(s, &[("app", "web"), ("tier", "frontend")]);
            s.spec.selector = LabelSelector::labels(labels(&[("app", "web")]));
        },
    ));
    rows.push(model(
        "11.1/restartPolicy-always",
        sts(),
        "spec.template.spec.restartPolicy",
        NOT_SUPPORTED,
        |s| s.spec.template.spec.restart_policy = Some(RestartPolicy::OnFailure),
        |s| s.spec.template.spec.restart_policy = Some(RestartPolicy::Always),
    ));
    rows.push(model(
        "11.1/restartPolicy-never",
        sts(),
        "spec.template.spec.restartPolicy",
        NOT_SUPPORTED,
        |s| s.spec.template.spec.restart_policy = Some(RestartPolicy::Never),
        |s| s.spec.template.spec.restart_policy = None,
    ));
    rows.push(model(
        "11.1/kvol-revisionHistoryLimit-nonnegative",
        sts(),
        "spec.revisionHistoryLimit",
        INVALID,
        |s| s.spec.revision_history_limit = Some(-1),
        |s| s.spec.revision_history_limit = Some(0),
    ));
    rows.push(model(
        "11.0/template-pod-spec",
        sts(),
        "spec.template.spec.containers[0].ports[0].containerPort",
        INVALID,
        |s| s.spec.template.spec.containers[0].ports[0].container_port = 70000,
        |s| s.spec.template.spec.containers[0].ports[0].container_port = 8080,
    ));
    rows.push(model(
        "11.0/claim-templates-are-volumes",
        sts(),
        "spec.template.spec.containers[0].volumeMounts[0].name",
        NOT_FOUND,
        |s| s.spec.template.spec.containers[0].volume_mounts[0].name = "data".into(),
        |s| s.spec.template.spec.containers[0].volume_mounts[0].name = "www".into(),
    ));
    let rename_template = |s: &mut StatefulSet, name: Option<&str>| {
        s.spec.volume_claim_templates[0].metadata.name = name.map(Into::into);
        s.spec.template.spec.containers[0].volume_mounts[0].name = name.unwrap_or("").into();
    };
    rows.push(model(
        "11.0/kvol-claim-template-name-required",
        sts(),
        "spec.volumeClaimTemplates[0].metadata.name",
        REQUIRED,
        move |s| rename_template(s, None),
        move |s| rename_template(s, Some("w")),
    ));
    rows.push(model(
        "11.0/kvol-claim-template-name-format",
        sts(),
        "spec.volumeClaimTemplates[0].metadata.name",
        INVALID,
        move |s| rename_template(s, Some("www.data")),
        move |s| rename_template(s, Some(&long('w', 63))),
    ));
    rows.push(model(
        "11.0/kvol-claim-template-name-unique",
        sts(),
        "spec.volumeClaimTemplates[1].metadata.name",
        DUPLICATE,
        |s| {
            let t = s.spec.volume_claim_templates[0].clone();
            s.spec.volume_claim_templates.push(t);
        },
        |s| {
            let mut t = s.spec.volume_claim_templates[0].clone();
            t.metadata.name = Some("logs".into());
            s.spec.volume_claim_templates.push(t);
        },
    ));
    rows.push(model(
        "11.2/kvol-serviceName-label",
        sts(),
        "spec.serviceName",
        INVALID,
        |s| set_service_name(s, "web.local"),
        |s| set_service_name(s, "web-local"),
    ));
    rows.push(model(
        "11.2/kvol-volume-shadowed-by-claim-template",
        sts(),
        "spec.template.spec.volumes[0].name",
        INVALID,
        |s| {
            s.spec
                .template
                .spec
                .volumes
                .push(Volume::new("www", VolumeSource::empty_dir()))
        },
        |s| {
            s.spec
                .template
                .spec
                .volumes
                .push(Volume::new("cache", VolumeSource::empty_dir()))
        },
    ));
    rows.push(model(
        "11.2/kvol-service-name-is-serviceName",
        sts(),
        "service.metadata.name",
        INVALID,
        |s| s.service.metadata.name = "nginx".into(),
        |s| set_service_name(s, "nginx"),
    ));
    rows.push(model(
        "11.2/kvol-service-namespace",
        sts(),
        "service.metadata.namespace",
        INVALID,
        |s| s.service.metadata.namespace = Some("other".into()),
        |s| {
            s.service.metadata.namespace = Some("team".into());
            s.metadata.namespace = Some("team".into());
        },
    ));
    rows.push(model(
        "11.2/kvol-service-selector",
        sts(),
        "service.spec.selector",
        INVALID,
        |s| s.service.spec.selector = labels(&[("app", "db")]),
        |s| set_pod_labels(s, &[("app", "db")]),
    ));
    rows.push(model(
        "11.2/kvol-service-targetPort-exists",
        sts(),
        "service.spec.ports[0].targetPort",
        NOT_FOUND,
        |s| s.service.spec.ports[0].target_port = Some(TargetPort::Name("http".into())),
        |s| s.service.spec.ports[0].target_port = Some(TargetPort::Number(80)),
    ));
}

/// §14 and §15: warnings (the API server's, and kvol's own where marked `kvol-`).
fn warnings(rows: &mut Vec<Row>) {
    rows.push(model(
        "14/pv-recycle",
        pv_nfs(),
        "spec.persistentVolumeReclaimPolicy",
        WARNING,
        |p| p.spec.reclaim_policy = Some(ReclaimPolicy::Recycle),
        |p| p.spec.reclaim_policy = Some(ReclaimPolicy::Delete),
    ));
    let beta = "volume.beta.kubernetes.io/storage-class";
    rows.push(model(
        "14/beta-storage-class-annotation-pv",
        pv_nfs(),
        &format!("metadata.annotations[{beta}]"),
        WARNING,
        move |p| {
            p.metadata
                .annotations
                .insert(beta.into(), "standard".into());
        },
        |p| p.spec.storage_class_name = Some("standard".into()),
    ));
    rows.push(model(
        "14/beta-storage-class-annotation-pvc",
        pvc(),
        &format!("metadata.annotations[{beta}]"),
        WARNING,
        move |c| {
            c.metadata
                .annotations
                .insert(beta.into(), "standard".into());
        },
        |_| {},
    ));
    rows.push(model(
        "14/beta-storage-class-annotation-claim-template",
        sts(),
        &format!("spec.volumeClaimTemplates[0].metadata.annotations[{beta}]"),
        WARNING,
        move |s| {
            s.spec.volume_claim_templates[0]
                .metadata
                .annotations
                .insert(beta.into(), "standard".into());
        },
        |_| {},
    ));
    for plugin in ["cephfs", "rbd", "glusterfs"] {
        let id = match plugin {
            "cephfs" => "14/cephfs-deprecated",
            "rbd" => "14/rbd-deprecated",
            _ => "14/glusterfs-deprecated",
        };
        rows.push(model(
            id,
            pv_legacy(plugin),
            &format!("spec.{plugin}"),
            WARNING,
            |_| {},
            |p| p.spec.source = PvSource::csi("rbd.csi.ceph.com", "h"),
        ));
    }
    let request = "spec.resources.requests[storage]";
    rows.push(model(
        "14/fractional-bytes-request",
        pvc(),
        request,
        WARNING,
        |c| c.spec.resources.requests = q("1500m"),
        |c| c.spec.resources.requests = q("1.5Ki"),
    ));
    rows.push(model(
        "14/fractional-bytes-limit",
        pvc(),
        "spec.resources.limits[storage]",
        WARNING,
        |c| c.spec.resources.limits = Some(q("2.5")),
        |c| c.spec.resources.limits = Some(q("2.5k")),
    ));
    rows.push(model(
        "14/fractional-bytes-claim-template",
        sts(),
        &format!("spec.volumeClaimTemplates[0].{request}"),
        WARNING,
        |s| s.spec.volume_claim_templates[0].spec.resources.requests = q("0.5"),
        |s| s.spec.volume_claim_templates[0].spec.resources.requests = q("1"),
    ));
    rows.push(model(
        "14/fractional-bytes-ephemeral",
        pod_with(ephemeral_source()),
        &format!("spec.volumes[0].ephemeral.volumeClaimTemplate.{request}"),
        WARNING,
        |p| {
            ephemeral_of(p)
                .volume_claim_template
                .spec
                .resources
                .requests = q("1n")
        },
        |p| {
            ephemeral_of(p)
                .volume_claim_template
                .spec
                .resources
                .requests = q("1e3")
        },
    ));
    rows.push(model(
        "14/kvol-fractional-bytes-capacity",
        pv_nfs(),
        "spec.capacity[storage]",
        WARNING,
        |p| p.spec.capacity = q("100m"),
        |p| p.spec.capacity = q("1"),
    ));
    rows.push(model(
        "14/deprecated-node-label-pv",
        pv_local(),
        "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].key",
        WARNING,
        |p| requirement0(p).key = "failure-domain.beta.kubernetes.io/zone".into(),
        |p| requirement0(p).key = "topology.kubernetes.io/zone".into(),
    ));
    rows.push(model(
        "14/deprecated-node-label-node-selector",
        pod(),
        "spec.nodeSelector[beta.kubernetes.io/os]",
        WARNING,
        |p| {
            p.spec
                .node_selector
                .insert("beta.kubernetes.io/os".into(), "linux".into());
        },
        |p| {
            p.spec
                .node_selector
                .insert("kubernetes.io/os".into(), "linux".into());
        },
    ));
    rows.push(model(
        "14/deprecated-node-label-topology",
        sc(),
        "allowedTopologies[0].matchLabelExpressions[0].key",
        WARNING,
        |c| {
            c.allowed_topologies = vec![topology(&[(
                "failure-domain.beta.kubernetes.io/region",
                &["r"],
            )])]
        },
        |c| c.allowed_topologies = vec![topology(&[("topology.kubernetes.io/region", &["r"])])],
    ));
    rows.push(model(
        "14/duplicate-container-port",
        pod(),
        "spec.containers[1].ports[0]",
        WARNING,
        |p| {
            let c = Container::builder("sidecar", "busybox").port(80);
            p.spec.containers.push(c.into());
        },
        |p| {
            let c = Container::builder("sidecar", "busybox").port_with(ContainerPort {
                container_port: 80,
                name: None,
                protocol: Protocol::UDP,
            });
            p.spec.containers.push(c.into());
        },
    ));
    rows.push(model(
        "14/duplicate-env",
        pod(),
        "spec.containers[0].env[1]",
        WARNING,
        |p| {
            let c = &mut p.spec.containers[0];
            c.env.push(EnvVar {
                name: "MODE".into(),
                value: "a".into(),
            });
            c.env.push(EnvVar {
                name: "MODE".into(),
                value: "b".into(),
            });
        },
        // Redefining a variable in terms of itself is not a warning.
        |p| {
            let c = &mut p.spec.containers[0];
            c.env.push(EnvVar {
                name: "MODE".into(),
                value: "a".into(),
            });
            c.env.push(EnvVar {
                name: "MODE".into(),
                value: "$(MODE)-b".into(),
            });
        },
    ));
    rows.push(model(
        "14/kvol-hostPath-without-type",
        pod_with(VolumeSource::host_path("/var/log", HostPathType::Directory)),
        "spec.volumes[0].hostPath.type",
        WARNING,
        |p| host_path_of(p).kind = None,
        |p| host_path_of(p).kind = Some(HostPathType::FileOrCreate),
    ));
    rows.push(model(
        "14/kvol-hostPath-without-type-pv",
        pv_host_path(),
        "spec.hostPath.type",
        WARNING,
        |p| pv_host_path_of(p).kind = None,
        |p| pv_host_path_of(p).kind = Some(HostPathType::Socket),
    ));
    rows.push(model(
        "14/kvol-negative-grace-period",
        pod(),
        "spec.terminationGracePeriodSeconds",
        WARNING,
        |p| p.spec.termination_grace_period_seconds = Some(-1),
        |p| p.spec.termination_grace_period_seconds = Some(0),
    ));
    rows.push(model(
        "14/kvol-statefulset-grace-zero",
        sts(),
        "spec.template.spec.terminationGracePeriodSeconds",
        WARNING,
        |s| s.spec.template.spec.termination_grace_period_seconds = Some(0),
        |s| s.spec.template.spec.termination_grace_period_seconds = Some(1),
    ));
    rows.push(model(
        "14/kvol-statefulset-name-length",
        sts(),
        "metadata.name",
        WARNING,
        |s| s.metadata.name = long('w', 53),
        |s| s.metadata.name = long('w', 52),
    ));
    let max_unavailable = |s: &mut StatefulSet| {
        s.spec.update_strategy = rolling(None, Some(IntOrPercent::Int(2)));
    };
    rows.push(Row {
        id: "14/kvol-maxUnavailable-feature-gate",
        path: "spec.updateStrategy.rollingUpdate.maxUnavailable".into(),
        expect: WARNING,
        reject: Box::new(move || {
            let mut s = sts();
            max_unavailable(&mut s);
            s.check_for(v(34))
        }),
        // Beta, on by default, from 1.35.
        accept: Box::new(move || {
            let mut s = sts();
            max_unavailable(&mut s);
            s.check_for(v(35))
        }),
    });
    rows.push(model(
        "14/kvol-default-class-annotation-value",
        sc(),
        "metadata.annotations[storageclass.kubernetes.io/is-default-class]",
        WARNING,
        |c| {
            c.metadata.annotations.insert(
                "storageclass.kubernetes.io/is-default-class".into(),
                "yes".into(),
            );
        },
        |c| {
            c.metadata.annotations.insert(
                "storageclass.kubernetes.io/is-default-class".into(),
                "false".into(),
            );
        },
    ));
    // Warned for every target release, before and after the in-tree driver's removal.
    let plugins: [(&str, &'static str, &'static str); 10] = [
        (
            "gcePersistentDisk",
            "15/gcePersistentDisk",
            "15/gcePersistentDisk-newest",
        ),
        (
            "awsElasticBlockStore",
            "15/awsElasticBlockStore",
            "15/awsElasticBlockStore-newest",
        ),
        ("azureDisk", "15/azureDisk", "15/azureDisk-newest"),
        ("azureFile", "15/azureFile", "15/azureFile-newest"),
        ("cephfs", "15/cephfs", "15/cephfs-newest"),
        ("cinder", "15/cinder", "15/cinder-newest"),
        ("glusterfs", "15/glusterfs", "15/glusterfs-newest"),
        ("rbd", "15/rbd", "15/rbd-newest"),
        (
            "vsphereVolume",
            "15/vsphereVolume",
            "15/vsphereVolume-newest",
        ),
        (
            "portworxVolume",
            "15/portworxVolume",
            "15/portworxVolume-newest",
        ),
    ];
    for (plugin, oldest, newest) in plugins {
        for (id, target) in [(oldest, KubeVersion::OLDEST), (newest, KubeVersion::NEWEST)] {
            rows.push(model_for(
                id,
                target,
                pv_legacy(plugin),
                &format!("spec.{plugin}"),
                WARNING,
                |_| {},
                |p| p.spec.source = PvSource::csi("pd.csi.storage.gke.io", "h"),
            ));
        }
    }
    rows.push(model(
        "15/kvol-in-tree-provisioner",
        sc(),
        "provisioner",
        WARNING,
        |c| c.provisioner = "kubernetes.io/aws-ebs".into(),
        |c| c.provisioner = "ebs.csi.aws.com".into(),
    ));
}

// ---------------------------------------------------------------------------------------------
// §16: sets of objects, validated together (`Manifests`: the PV controller's binding simulated)
// ---------------------------------------------------------------------------------------------

/// Objects validated together as a [`Manifests`] (applied to namespace `default`).
#[derive(Debug, Clone)]
struct Set(Vec<Object>);

impl Validate for Set {
    fn validate(&self, path: &kvol_core::FieldPath, checker: &mut kvol_core::Checker) {
        let set = self
            .0
            .iter()
            .cloned()
            .fold(Manifests::new(), Manifests::with);
        set.validate(path, checker);
    }
}

impl Set {
    fn pv(&mut self, i: usize) -> &mut PersistentVolume {
        match &mut self.0[i] {
            Object::PersistentVolume(pv) => pv,
            other => panic!("objects[{i}] is a {}", other.kind()),
        }
    }
    fn pvc(&mut self, i: usize) -> &mut PersistentVolumeClaim {
        match &mut self.0[i] {
            Object::PersistentVolumeClaim(pvc) => pvc,
            other => panic!("objects[{i}] is a {}", other.kind()),
        }
    }
    fn sc(&mut self, i: usize) -> &mut StorageClass {
        match &mut self.0[i] {
            Object::StorageClass(sc) => sc,
            other => panic!("objects[{i}] is a {}", other.kind()),
        }
    }
    fn pod(&mut self, i: usize) -> &mut Pod {
        match &mut self.0[i] {
            Object::Pod(p) => p,
            other => panic!("objects[{i}] is a {}", other.kind()),
        }
    }
}

/// A claim `name` without a class (`storageClassName: ""`), static binding only.
fn static_claim(name: &str, size: &str, modes: &[AccessMode]) -> PersistentVolumeClaim {
    valid(
        PersistentVolumeClaim::builder(name)
            .access_modes(modes.iter().copied().collect::<AccessModes>())
            .request(size)
            .no_storage_class()
            .build(),
    )
}

/// An NFS volume `name` without a class.
fn static_volume(name: &str, size: &str, modes: &[AccessMode]) -> PersistentVolume {
    valid(
        PersistentVolume::builder(name)
            .capacity(size)
            .access_modes(modes.iter().copied().collect::<AccessModes>())
            .no_storage_class()
            .nfs("nfs.example.com", "/exports")
            .build(),
    )
}

const RWO: AccessMode = AccessMode::ReadWriteOnce;
const ROX: AccessMode = AccessMode::ReadOnlyMany;
const RWX: AccessMode = AccessMode::ReadWriteMany;
const CLAIM0: &str = "objects[0](PersistentVolumeClaim default/data)";

/// Claim `data` (1Gi, RWO, no class) and volume `pv0` (10Gi, RWO+ROX, no class): they bind.
fn pair() -> Set {
    Set(vec![
        static_claim("data", "1Gi", &[RWO]).into(),
        static_volume("pv0", "10Gi", &[RWO, ROX]).into(),
    ])
}

fn claim_ref(name: &str) -> Option<ClaimRef> {
    Some(ClaimRef {
        name: name.into(),
        namespace: "default".into(),
    })
}

fn binding(rows: &mut Vec<Row>) {
    rows.push(model(
        "16/class-match",
        pair(),
        CLAIM0,
        NOT_FOUND,
        |s| s.pv(1).spec.storage_class_name = Some("fast".into()),
        // An unset class and "" are the same class.
        |s| s.pv(1).spec.storage_class_name = None,
    ));
    let beta = "volume.beta.kubernetes.io/storage-class";
    rows.push(model(
        "16/class-beta-annotation",
        pair(),
        CLAIM0,
        NOT_FOUND,
        move |s| {
            s.pv(1)
                .metadata
                .annotations
                .insert(beta.into(), "fast".into());
        },
        move |s| {
            let pv = s.pv(1);
            pv.spec.storage_class_name = Some("fast".into());
            pv.metadata.annotations.insert(beta.into(), String::new());
        },
    ));
    rows.push(model(
        "16/access-modes-subset",
        pair(),
        CLAIM0,
        NOT_FOUND,
        |s| s.pvc(0).spec.access_modes = AccessModes::from(RWX),
        |s| s.pvc(0).spec.access_modes = AccessModes::from_iter([RWO, ROX]),
    ));
    // Claim `a` (RWO) comes first. The controller searches the volumes with the fewest modes
    // first, so `a` takes the RWO volume and leaves the smaller RWO+ROX one to `b`; without
    // the RWO volume, `a` takes the other and `b` cannot bind.
    let groups = Set(vec![
        static_claim("a", "1Gi", &[RWO]).into(),
        static_claim("b", "1Gi", &[RWO, ROX]).into(),
        static_volume("small", "5Gi", &[RWO, ROX]).into(),
        static_volume("big", "10Gi", &[RWO]).into(),
    ]);
    rows.push(model(
        "16/access-mode-groups",
        groups,
        "objects[1](PersistentVolumeClaim default/b)",
        NOT_FOUND,
        |s| {
            s.0.pop();
        },
        |_| {},
    ));
    rows.push(model(
        "16/volume-mode-match",
        pair(),
        CLAIM0,
        NOT_FOUND,
        |s| s.pvc(0).spec.volume_mode = Some(kvol_core::VolumeMode::Block),
        // Unset means Filesystem.
        |s| s.pvc(0).spec.volume_mode = Some(kvol_core::VolumeMode::Filesystem),
    ));
    rows.push(model(
        "16/capacity",
        pair(),
        CLAIM0,
        NOT_FOUND,
        |s| s.pvc(0).spec.resources.requests = q("10737418241"),
        |s| s.pvc(0).spec.resources.requests = q("10Gi"),
    ));
    // Smallest fit: the first claim takes the smallest volume that fits it.
    let sizes = Set(vec![
        static_claim("first", "1Gi", &[RWO]).into(),
        static_claim("second", "8Gi", &[RWO]).into(),
        static_volume("pv5", "5Gi", &[RWO]).into(),
        static_volume("pv10", "10Gi", &[RWO]).into(),
    ]);
    rows.push(model(
        "16/smallest-fit",
        sizes,
        "objects[1](PersistentVolumeClaim default/second)",
        NOT_FOUND,
        |s| s.pvc(0).spec.resources.requests = q("6Gi"),
        |s| s.pvc(0).spec.resources.requests = q("5Gi"),
    ));
    rows.push(model(
        "16/selector",
        pair(),
        CLAIM0,
        NOT_FOUND,
        |s| {
            s.pv(1).metadata.labels = labels(&[("app", "web")]);
            s.pvc(0).spec.selector = Some(LabelSelector::labels(labels(&[("app", "db")])));
        },
        |s| {
            s.pv(1).metadata.labels = labels(&[("app", "db"), ("tier", "x")]);
            s.pvc(0).spec.selector = Some(LabelSelector::labels(labels(&[("app", "db")])));
        },
    ));
    rows.push(model(
        "16/claim-ref-reserved",
        pair(),
        CLAIM0,
        NOT_FOUND,
        |s| s.pv(1).spec.claim_ref = claim_ref("other"),
        |s| s.pv(1).spec.claim_ref = claim_ref("data"),
    ));
    rows.push(model(
        "16/claim-ref-prebinding",
        pair(),
        CLAIM0,
        NOT_FOUND,
        |s| s.pv(1).spec.storage_class_name = Some("fast".into()),
        // A volume reserved by claimRef binds whatever its class and labels.
        |s| {
            let pv = s.pv(1);
            pv.spec.storage_class_name = Some("fast".into());
            pv.spec.claim_ref = claim_ref("data");
        },
    ));
    rows.push(model(
        "16/claim-ref-still-checks",
        pair(),
        CLAIM0,
        NOT_FOUND,
        |s| {
            let pv = s.pv(1);
            pv.spec.claim_ref = claim_ref("data");
            pv.spec.capacity = q("1023Mi");
        },
        |s| {
            let pv = s.pv(1);
            pv.spec.claim_ref = claim_ref("data");
            pv.spec.capacity = q("1Gi");
        },
    ));
    rows.push(model(
        "16/volume-name-prebinding",
        pair(),
        &format!("{CLAIM0}.spec.volumeName"),
        INVALID,
        |s| {
            s.pvc(0).spec.volume_name = Some("pv0".into());
            s.pv(1).spec.storage_class_name = Some("fast".into());
        },
        // volumeName pre-binding checks class, mode, size and modes, not the selector.
        |s| {
            let claim = s.pvc(0);
            claim.spec.volume_name = Some("pv0".into());
            claim.spec.selector = Some(LabelSelector::labels(labels(&[("app", "db")])));
        },
    ));
    rows.push(model(
        "16/volume-name-missing",
        pair(),
        &format!("{CLAIM0}.spec.volumeName"),
        NOT_FOUND,
        |s| s.pvc(0).spec.volume_name = Some("pv1".into()),
        |s| s.pvc(0).spec.volume_name = Some("pv0".into()),
    ));
    let with_class = |provisioner: &str, default: bool| {
        let mut b = StorageClass::builder("standard", provisioner);
        if default {
            b = b.default_class();
        }
        let mut set = pair();
        set.0.push(valid(b.build()).into());
        set
    };
    rows.push(model(
        "16/default-class",
        with_class("pd.csi.storage.gke.io", false),
        &format!("{CLAIM0}.spec.storageClassName"),
        REQUIRED,
        |s| s.pvc(0).spec.storage_class = ClassRef::ClusterDefault,
        |s| {
            s.pvc(0).spec.storage_class = ClassRef::ClusterDefault;
            let sc = s.sc(2);
            sc.metadata.annotations.insert(
                "storageclass.kubernetes.io/is-default-class".into(),
                "true".into(),
            );
        },
    ));
    rows.push(model(
        "16/no-provisioner",
        with_class("kubernetes.io/no-provisioner", false),
        CLAIM0,
        NOT_FOUND,
        |s| s.pvc(0).spec.storage_class = ClassRef::Named("standard".into()),
        |s| {
            s.pvc(0).spec.storage_class = ClassRef::Named("standard".into());
            s.sc(2).provisioner = "example.com/provisioner".into();
        },
    ));
    rows.push(model(
        "8/kvol-storageClassName-exists",
        pair(),
        &format!("{CLAIM0}.spec.storageClassName"),
        NOT_FOUND,
        |s| s.pvc(0).spec.storage_class = ClassRef::Named("fast".into()),
        |s| {
            s.pvc(0).spec.storage_class = ClassRef::Named("fast".into());
            s.0.push(valid(StorageClass::builder("fast", "example.com/p").build()).into());
        },
    ));
    let local = || {
        let mut set = Set(vec![
            valid(
                PersistentVolumeClaim::builder("data")
                    .access_mode(RWO)
                    .request("1Gi")
                    .storage_class("local")
                    .build(),
            )
            .into(),
            valid(
                PersistentVolume::builder("pv0")
                    .capacity("10Gi")
                    .access_mode(RWO)
                    .storage_class("local")
                    .local("/mnt/disks/ssd1")
                    .node_affinity_hostname(["node-1"])
                    .build(),
            )
            .into(),
        ]);
        let class = StorageClass::builder("local", "kubernetes.io/no-provisioner")
            .binding_mode(VolumeBindingMode::Immediate);
        set.0.push(valid(class.build()).into());
        set
    };
    rows.push(model(
        "16/local-wffc",
        local(),
        "objects[1](PersistentVolume pv0).spec.local",
        WARNING,
        |_| {},
        |s| s.sc(2).volume_binding_mode = Some(VolumeBindingMode::WaitForFirstConsumer),
    ));
    let mut with_pod = pair();
    with_pod
        .0
        .push(pod_with(VolumeSource::claim("data", false)).into());
    rows.push(model(
        "5/kvol-claimName-exists",
        with_pod,
        "objects[2](Pod default/web).spec.volumes[0].persistentVolumeClaim.claimName",
        NOT_FOUND,
        |s| {
            if let VolumeSource::PersistentVolumeClaim(c) = volume(s.pod(2)) {
                c.claim_name = "date".into();
            }
        },
        |_| {},
    ));
}

//! The typed input of each macro, with the span of every token that carries a value. Parsing
//! produces it, `check` validates it with kvol-core, `expand` turns it into builder calls.

use crate::ctxt::Sp;
use kvol_core::{
    AccessMode, ReclaimPolicy, VolumeMode,
    pod::{Protocol, RestartPolicy},
    statefulset::{PodManagementPolicy, RetentionAction},
    storage_class::VolumeBindingMode,
    volume::HostPathType,
};
use proc_macro2::TokenStream;

/// The Rust type an interpolated `{expr}` must have: the type carries the guarantee the literal
/// would have been checked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guarantee {
    /// `kvol::names::Dns1123Label` (or anything that converts into it).
    Dns1123Label,
    /// `kvol::names::Dns1123Subdomain`.
    Dns1123Subdomain,
    /// `kvol::names::Dns1035Label`.
    Dns1035Label,
    /// `kvol::names::QualifiedName` (label and annotation keys).
    QualifiedName,
    /// `kvol::names::LabelValue`.
    LabelValue,
    /// `kvol::Quantity`: any quantity (limits, size limits).
    Quantity,
    /// `kvol::PositiveQuantity`: a size greater than zero (requests, capacities).
    PositiveQuantity,
    /// An unsigned count (`u16` or smaller), at most 65535.
    Count,
    /// `std::num::NonZeroU16`: a port number (1..=65535).
    Port,
}

impl Guarantee {
    /// The type's name as users write it.
    pub fn type_name(self) -> &'static str {
        match self {
            Guarantee::Dns1123Label => "kvol::names::Dns1123Label",
            Guarantee::Dns1123Subdomain => "kvol::names::Dns1123Subdomain",
            Guarantee::Dns1035Label => "kvol::names::Dns1035Label",
            Guarantee::QualifiedName => "kvol::names::QualifiedName",
            Guarantee::LabelValue => "kvol::names::LabelValue",
            Guarantee::Quantity => "kvol::Quantity",
            Guarantee::PositiveQuantity => "kvol::PositiveQuantity",
            Guarantee::Count => "u16 (or u8)",
            Guarantee::Port => "std::num::NonZeroU16",
        }
    }
}

/// An interpolated `{expr}`.
#[derive(Debug, Clone)]
pub struct Interp {
    /// The expression, as written (without its braces).
    pub tokens: TokenStream,
    /// Where it is.
    pub sp: Sp,
    /// The type it must have.
    pub guarantee: Guarantee,
    /// Index among the invocation's interpolations (chooses its placeholder).
    pub index: usize,
}

/// A value written as a literal or interpolated.
#[derive(Debug, Clone)]
pub enum Val<T> {
    /// A literal, checked at compile time.
    Lit(T, Sp),
    /// `{expr}`, whose type carries the guarantee.
    Interp(Interp),
}

impl<T> Val<T> {
    /// Where the value is.
    pub fn sp(&self) -> Sp {
        match self {
            Val::Lit(_, sp) => *sp,
            Val::Interp(i) => i.sp,
        }
    }
}

/// A string literal (or a name written as an identifier), with its span.
#[derive(Debug, Clone)]
pub struct Str {
    /// The text.
    pub value: String,
    /// Where.
    pub sp: Sp,
}

/// A name: a literal text or an interpolated validated name.
pub type Name = Val<String>;
/// A quantity: literal text (checked by kvol-core's parser) or interpolated.
pub type Qty = Val<String>;
/// A number.
pub type Int = Val<i64>;

/// An enum value with its span.
#[derive(Debug, Clone, Copy)]
pub struct Word<T> {
    /// The value.
    pub value: T,
    /// Where.
    pub sp: Sp,
}

/// `RWO | ROX`: access modes in the order written.
#[derive(Debug, Clone)]
pub struct Modes {
    /// Each mode with the span of its identifier.
    pub items: Vec<Word<AccessMode>>,
    /// The whole list.
    pub sp: Sp,
}

/// A `key: value` entry of a `labels`, `annotations`, `parameters`, … map.
#[derive(Debug, Clone)]
pub struct MapEntry {
    /// The key.
    pub key: Val<String>,
    /// The value.
    pub value: Val<String>,
}

/// A container.
#[derive(Debug, Clone)]
pub struct Container {
    /// Its name.
    pub name: Name,
    /// Its image.
    pub image: Option<Str>,
    /// Ports.
    pub ports: Vec<Port>,
    /// Volume mounts.
    pub mounts: Vec<Mount>,
    /// The entrypoint.
    pub command: Vec<Str>,
    /// Arguments.
    pub args: Vec<Str>,
    /// Environment variables.
    pub env: Vec<(Str, Str)>,
    /// The `container NAME` head (for "missing image").
    pub head: Sp,
}

/// `port: [NAME] NUMBER [/ PROTOCOL]`.
#[derive(Debug, Clone)]
pub struct Port {
    /// The port's name (IANA service name), exposed on a StatefulSet's Service.
    pub name: Option<Str>,
    /// The number.
    pub number: Val<i64>,
    /// TCP (default), UDP or SCTP.
    pub protocol: Option<Word<Protocol>>,
}

/// `mount: VOLUME => "/path" [read_only] [sub_path "x"]`.
#[derive(Debug, Clone)]
pub struct Mount {
    /// The volume or claim template mounted.
    pub volume: Str,
    /// Where.
    pub path: Str,
    /// Read-only.
    pub read_only: bool,
    /// A path inside the volume.
    pub sub_path: Option<Str>,
}

/// `volume NAME: SOURCE`.
#[derive(Debug, Clone)]
pub struct VolumeDecl {
    /// The volume's name.
    pub name: Str,
    /// Its source.
    pub source: VolSrc,
}

/// One key of a ConfigMap or Secret projected to a file.
#[derive(Debug, Clone)]
pub struct Item {
    /// The key.
    pub key: Str,
    /// The relative file path.
    pub path: Str,
    /// Permission bits.
    pub mode: Option<Val<i64>>,
}

/// Options of `config_map` and `secret` volumes.
#[derive(Debug, Clone, Default)]
pub struct Projection {
    /// Permission bits of the files.
    pub default_mode: Option<Val<i64>>,
    /// Keys to project.
    pub items: Vec<Item>,
    /// Whether the object may be missing.
    pub optional: Option<bool>,
}

/// One file of a `downward_api` volume.
#[derive(Debug, Clone)]
pub struct DownwardItem {
    /// The relative file path.
    pub path: Str,
    /// What it holds.
    pub source: DownwardSrc,
    /// Permission bits.
    pub mode: Option<Val<i64>>,
}

/// What a `downward_api` file holds.
#[derive(Debug, Clone)]
pub enum DownwardSrc {
    /// `field "metadata.labels"`.
    Field(Str),
    /// `resource CONTAINER "limits.memory" [DIVISOR]`.
    Resource {
        /// The container.
        container: Str,
        /// The resource.
        resource: Str,
        /// The divisor.
        divisor: Option<Qty>,
    },
}

/// The source of a pod volume.
#[derive(Debug, Clone)]
pub enum VolSrc {
    /// `empty_dir [memory] [SIZE]`.
    EmptyDir {
        /// `medium: Memory`.
        memory: bool,
        /// `sizeLimit`.
        size: Option<Qty>,
    },
    /// `host_path "PATH" [TYPE]`.
    HostPath {
        /// The path on the node.
        path: Str,
        /// What must be there.
        kind: Option<Word<HostPathType>>,
        /// The `host_path` keyword (for the missing-type warning).
        kw: Sp,
    },
    /// `nfs "SERVER" "PATH" [read_only]`.
    Nfs {
        /// Server.
        server: Str,
        /// Exported path.
        path: Str,
        /// Read-only.
        read_only: bool,
    },
    /// `claim NAME [read_only]`.
    Claim {
        /// The claim's name.
        claim: Name,
        /// Read-only.
        read_only: bool,
    },
    /// `config_map NAME [{ … }]`.
    ConfigMap {
        /// The ConfigMap.
        name: Str,
        /// Options.
        opts: Projection,
    },
    /// `secret NAME [{ … }]`.
    Secret {
        /// The Secret.
        name: Str,
        /// Options.
        opts: Projection,
    },
    /// `downward_api { items: [...], default_mode: … }`.
    DownwardApi {
        /// Files.
        items: Vec<DownwardItem>,
        /// Permission bits.
        default_mode: Option<Val<i64>>,
    },
    /// `csi "DRIVER" [{ … }]`.
    Csi {
        /// The driver.
        driver: Str,
        /// Filesystem type.
        fs_type: Option<Str>,
        /// Read-only.
        read_only: Option<bool>,
        /// Driver attributes.
        attributes: Vec<MapEntry>,
        /// nodePublishSecretRef.
        secret: Option<Str>,
    },
    /// `ephemeral SIZE MODES [CLASS]`.
    Ephemeral(Box<ClaimSpec>),
}

/// The storage class of a claim: a name, or `""` for "no class".
#[derive(Debug, Clone)]
pub enum Class {
    /// `""`.
    None(Sp),
    /// A StorageClass name.
    Named(Name),
}

/// `claim: [NAME] SIZE MODES [CLASS] [=> MOUNT_PATH]` (also the body of `ephemeral`).
#[derive(Debug, Clone)]
pub struct ClaimSpec {
    /// The template's name (default `data`).
    pub name: Option<Str>,
    /// The request.
    pub size: Qty,
    /// Access modes.
    pub modes: Modes,
    /// The class (unset: the cluster default).
    pub class: Option<Class>,
    /// `=> PATH`.
    pub mount: Option<Str>,
    /// The whole entry.
    pub sp: Sp,
}

/// Object metadata.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// `name`.
    pub name: Option<Name>,
    /// `namespace`.
    pub namespace: Option<Name>,
    /// `labels`.
    pub labels: Vec<MapEntry>,
    /// `annotations`.
    pub annotations: Vec<MapEntry>,
    /// `allow: [WARNING, …]`: kvol warnings silenced for this object.
    pub allow: Vec<Str>,
}

/// What pods run: containers, volumes and pod-level settings (pod! and statefulset!).
#[derive(Debug, Clone, Default)]
pub struct PodBody {
    /// Containers (full form and the compact form's single container).
    pub containers: Vec<Container>,
    /// Init containers.
    pub init_containers: Vec<Container>,
    /// Volumes.
    pub volumes: Vec<VolumeDecl>,
    /// `grace`.
    pub grace: Option<Int>,
    /// `restart`.
    pub restart: Option<Word<RestartPolicy>>,
    /// `service_account`.
    pub service_account: Option<Str>,
    /// `node_selector`.
    pub node_selector: Vec<MapEntry>,
    /// Compact form: `image:` makes one container named like the object.
    pub compact_image: Option<Str>,
    /// Compact form: its ports.
    pub compact_ports: Vec<Port>,
    /// Compact form: its mounts.
    pub compact_mounts: Vec<Mount>,
}

/// `pod! { … }`.
#[derive(Debug, Clone, Default)]
pub struct PodAst {
    /// Metadata.
    pub meta: Meta,
    /// Containers, volumes, settings.
    pub body: PodBody,
}

/// `update: RollingUpdate { partition: N, max_unavailable: N | "N%" } | OnDelete`.
#[derive(Debug, Clone)]
pub enum Update {
    /// RollingUpdate.
    Rolling {
        /// Partition.
        partition: Option<Int>,
        /// Count or percentage.
        max_unavailable: Option<Val<MaxUnavailable>>,
    },
    /// OnDelete.
    OnDelete,
}

/// `maxUnavailable`.
#[derive(Debug, Clone, Copy)]
pub enum MaxUnavailable {
    /// A count.
    Int(i64),
    /// A percentage.
    Percent(i64),
}

/// `retention: { deleted: …, scaled: … }`: either may be left out.
pub type Retention = (Option<Word<RetentionAction>>, Option<Word<RetentionAction>>);

/// `statefulset! { … }`.
#[derive(Debug, Clone, Default)]
pub struct StatefulSetAst {
    /// Metadata (labels are the pods' labels, selector and Service selector).
    pub meta: Meta,
    /// Pods.
    pub body: PodBody,
    /// `service`.
    pub service: Option<Name>,
    /// `replicas`.
    pub replicas: Option<Int>,
    /// `claim:` entries.
    pub claims: Vec<ClaimSpec>,
    /// The update strategy.
    pub update_strategy: Option<Update>,
    /// `pod_management`.
    pub pod_management: Option<Word<PodManagementPolicy>>,
    /// `retention`.
    pub retention: Option<Retention>,
    /// `publish_not_ready`.
    pub publish_not_ready: Option<bool>,
    /// `min_ready`.
    pub min_ready: Option<Int>,
    /// `ordinals_start`.
    pub ordinals_start: Option<Int>,
    /// `revision_history`.
    pub revision_history: Option<Int>,
}

/// A PV source.
#[derive(Debug, Clone)]
pub enum PvSrc {
    /// `host_path "PATH" [TYPE]`.
    HostPath {
        /// Path.
        path: Str,
        /// Type.
        kind: Option<Word<HostPathType>>,
        /// Keyword.
        kw: Sp,
    },
    /// `local "PATH" [fs_type]`.
    Local {
        /// Path.
        path: Str,
        /// Filesystem type.
        fs_type: Option<Str>,
        /// The `local` keyword (a local PV needs node affinity: reported here).
        kw: Sp,
    },
    /// `nfs "SERVER" "PATH" [read_only]`.
    Nfs {
        /// Server.
        server: Str,
        /// Path.
        path: Str,
        /// Read-only.
        read_only: bool,
    },
    /// `csi "DRIVER" "HANDLE" [{ fs_type, read_only, attributes }]`.
    Csi {
        /// Driver.
        driver: Str,
        /// Volume handle.
        handle: Str,
        /// fsType.
        fs_type: Option<Str>,
        /// readOnly.
        read_only: Option<bool>,
        /// volumeAttributes.
        attributes: Vec<MapEntry>,
    },
    /// `iscsi { target_portal, iqn, lun, fs_type, read_only }`.
    Iscsi {
        /// Portal.
        target_portal: Str,
        /// IQN.
        iqn: Str,
        /// LUN.
        lun: Int,
        /// fsType.
        fs_type: Option<Str>,
        /// readOnly.
        read_only: Option<bool>,
    },
    /// A legacy in-tree plugin: `gce_pd { pd_name: …, fs_type: … }` etc.
    Legacy {
        /// Which plugin.
        plugin: kvol_core::legacy::LegacyPlugin,
        /// Its fields as written: the DSL key, the span of the value, the value.
        fields: Vec<(String, Sp, LegacyValue)>,
        /// The plugin keyword.
        kw: Sp,
    },
}

/// A field value of a legacy source.
#[derive(Debug, Clone)]
pub enum LegacyValue {
    /// A string or name.
    Str(Str),
    /// A number.
    Int(i64),
    /// A flag.
    Bool(bool),
    /// A list of strings.
    List(Vec<Str>),
}

/// `pv! { … }`.
#[derive(Debug, Clone, Default)]
pub struct PvAst {
    /// Metadata (no namespace).
    pub meta: Meta,
    /// `capacity`.
    pub capacity: Option<Qty>,
    /// `access`.
    pub access: Option<Modes>,
    /// `reclaim`.
    pub reclaim: Option<Word<ReclaimPolicy>>,
    /// `class`: a name or `""`.
    pub class: Option<Class>,
    /// `volume_mode`.
    pub volume_mode: Option<Word<VolumeMode>>,
    /// `mount_options`.
    pub mount_options: Vec<Str>,
    /// `node_affinity: hostname [..]`.
    pub node_hostnames: Vec<Str>,
    /// `claim_ref: NAMESPACE / NAME`.
    pub claim_ref: Option<(Str, Str)>,
    /// `source`.
    pub source: Option<PvSrc>,
}

/// `data_source: { kind: …, name: …, api_group: … }`.
#[derive(Debug, Clone)]
pub struct DataSource {
    /// apiGroup.
    pub api_group: Option<Str>,
    /// kind.
    pub kind: Str,
    /// name.
    pub name: Str,
    /// namespace (dataSourceRef only).
    pub namespace: Option<Str>,
    /// The `data_source:` or `data_source_ref:` key.
    pub kw: Sp,
}

/// `pvc! { … }`.
#[derive(Debug, Clone, Default)]
pub struct PvcAst {
    /// Metadata.
    pub meta: Meta,
    /// `request`.
    pub request: Option<Qty>,
    /// `limit`.
    pub limit: Option<Qty>,
    /// `access`.
    pub access: Option<Modes>,
    /// `class`.
    pub class: Option<Class>,
    /// `volume_mode`.
    pub volume_mode: Option<Word<VolumeMode>>,
    /// `volume_name`.
    pub volume_name: Option<Str>,
    /// `selector: { k: v }`.
    pub selector: Vec<MapEntry>,
    /// `data_source`.
    pub data_source: Option<DataSource>,
    /// `data_source_ref`.
    pub data_source_ref: Option<DataSource>,
    /// `snapshot: NAME`: restore from a VolumeSnapshot (`dataSource`).
    pub snapshot: Option<Str>,
    /// `attributes_class: NAME` (`volumeAttributesClassName`).
    pub attributes_class: Option<Str>,
}

/// `storage_class! { … }`.
#[derive(Debug, Clone, Default)]
pub struct StorageClassAst {
    /// Metadata (no namespace).
    pub meta: Meta,
    /// `provisioner`.
    pub provisioner: Option<Str>,
    /// `parameters`.
    pub parameters: Vec<MapEntry>,
    /// `reclaim`.
    pub reclaim: Option<Word<ReclaimPolicy>>,
    /// `binding`.
    pub binding: Option<Word<VolumeBindingMode>>,
    /// `allow_expansion`.
    pub allow_expansion: Option<bool>,
    /// `mount_options`.
    pub mount_options: Vec<Str>,
    /// `topology: { key: [values] }`.
    pub topology: Vec<(Str, Vec<Str>)>,
    /// `default: true`.
    pub default_class: Option<bool>,
}

/// `strategy: Recreate` or `strategy: RollingUpdate [{ max_surge: …, max_unavailable: … }]` of
/// a Deployment.
#[derive(Debug, Clone)]
pub enum Strategy {
    /// `Recreate`.
    Recreate(Sp),
    /// `RollingUpdate`.
    Rolling {
        /// The keyword.
        sp: Sp,
        /// `max_surge`.
        max_surge: Option<Val<MaxUnavailable>>,
        /// `max_unavailable`.
        max_unavailable: Option<Val<MaxUnavailable>>,
    },
}

/// `deployment! { … }`.
#[derive(Debug, Clone, Default)]
pub struct DeploymentAst {
    /// Metadata (labels are the pods' labels and the selector).
    pub meta: Meta,
    /// `object_labels`: labels of the Deployment object itself.
    pub object_labels: Vec<MapEntry>,
    /// Pods.
    pub body: PodBody,
    /// `replicas`.
    pub replicas: Option<Int>,
    /// `strategy`.
    pub strategy: Option<Strategy>,
    /// `min_ready`.
    pub min_ready: Option<Int>,
    /// `revision_history`.
    pub revision_history: Option<Int>,
    /// `progress_deadline`.
    pub progress_deadline: Option<Int>,
}

/// `config_map! { … }`.
#[derive(Debug, Clone, Default)]
pub struct ConfigMapAst {
    /// Metadata.
    pub meta: Meta,
    /// `data: { key: "value" }`.
    pub data: Vec<MapEntry>,
    /// `immutable`.
    pub immutable: Option<bool>,
}

/// `secret! { … }`.
#[derive(Debug, Clone, Default)]
pub struct SecretAst {
    /// Metadata.
    pub meta: Meta,
    /// `type`.
    pub type_: Option<Str>,
    /// `string_data: { key: "value" }`.
    pub string_data: Vec<MapEntry>,
    /// `immutable`.
    pub immutable: Option<bool>,
}

/// `pdb! { … }`.
#[derive(Debug, Clone, Default)]
pub struct PdbAst {
    /// Metadata.
    pub meta: Meta,
    /// `min_available`.
    pub min_available: Option<Val<MaxUnavailable>>,
    /// `max_unavailable`.
    pub max_unavailable: Option<Val<MaxUnavailable>>,
    /// `selector: { app: web }`.
    pub selector: Vec<MapEntry>,
    /// `unhealthy_pod_eviction`.
    pub unhealthy: Option<Word<kvol_core::pdb::UnhealthyPodEvictionPolicy>>,
}

/// `volume_snapshot_class! { … }`.
#[derive(Debug, Clone, Default)]
pub struct SnapshotClassAst {
    /// Metadata (no namespace).
    pub meta: Meta,
    /// `driver`.
    pub driver: Option<Str>,
    /// `deletion`.
    pub deletion: Option<Word<kvol_core::snapshot::DeletionPolicy>>,
    /// `parameters`.
    pub parameters: Vec<MapEntry>,
    /// `default: true`.
    pub default_class: Option<bool>,
}

/// `volume_snapshot! { … }`.
#[derive(Debug, Clone, Default)]
pub struct SnapshotAst {
    /// Metadata.
    pub meta: Meta,
    /// `claim`: the claim to snapshot.
    pub claim: Option<Str>,
    /// `content`: an existing VolumeSnapshotContent.
    pub content: Option<Str>,
    /// `class`.
    pub class: Option<Str>,
}

/// `volume_attributes_class! { … }`.
#[derive(Debug, Clone, Default)]
pub struct AttributesClassAst {
    /// Metadata (no namespace).
    pub meta: Meta,
    /// `driver`.
    pub driver: Option<Str>,
    /// `parameters`.
    pub parameters: Vec<MapEntry>,
}

/// One object of a `manifests!` block.
#[derive(Debug, Clone)]
pub enum Item2 {
    /// `pod { … }`.
    Pod(PodAst),
    /// `pv { … }`.
    Pv(PvAst),
    /// `pvc { … }`.
    Pvc(PvcAst),
    /// `storage_class { … }`.
    StorageClass(StorageClassAst),
    /// `statefulset { … }`.
    StatefulSet(Box<StatefulSetAst>),
    /// `deployment { … }`.
    Deployment(Box<DeploymentAst>),
    /// `config_map { … }`.
    ConfigMap(ConfigMapAst),
    /// `secret { … }`.
    Secret(SecretAst),
    /// `pdb { … }`.
    Pdb(PdbAst),
    /// `volume_snapshot_class { … }`.
    SnapshotClass(SnapshotClassAst),
    /// `volume_snapshot { … }`.
    Snapshot(SnapshotAst),
    /// `volume_attributes_class { … }`.
    AttributesClass(AttributesClassAst),
}

/// `manifests! { … }`.
#[derive(Debug, Clone, Default)]
pub struct ManifestsAst {
    /// The objects, in order.
    pub objects: Vec<(Item2, Sp)>,
    /// `external_claims: [..]`: PVCs that exist outside the set.
    pub external_claims: Vec<Str>,
    /// `external_classes: [..]`: StorageClasses that exist outside the set.
    pub external_classes: Vec<Str>,
    /// `external_config_maps`, `external_secrets`, `external_snapshots`,
    /// `external_snapshot_classes`, `external_attributes_classes`: other objects that exist
    /// outside the set, with their kind.
    pub external_objects: Vec<(kvol_core::manifests::ExternalKind, Str)>,
    /// `namespace`: where objects without one are applied.
    pub namespace: Option<Str>,
    /// `default_class`: the cluster's default StorageClass.
    pub default_class: Option<Str>,
}

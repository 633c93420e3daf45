//! The typed input of each macro, with the span of every token that carries a value. Parsing
//! produces it, `check` validates it with kvol-core, `expand` turns it into builder calls.

use crate::ctxt::Sp;
use kvol_core::{
    AccessMode, ReclaimPolicy, VolumeMode,
    container::{
        ContainerRestartPolicy, MountPropagationMode, PullPolicy, RecursiveReadOnlyMode,
        TerminationMessagePolicy,
    },
    pod::{Protocol, RestartPolicy},
    probe::UriScheme,
    security::SeccompProfileType,
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
    /// Environment variables, in the order written.
    pub env: Vec<EnvEntry>,
    /// The second release's container keys (resources, probes, security, …).
    pub extra: ContainerExtra,
    /// The `container NAME` head (for "missing image").
    pub head: Sp,
    /// `extra: { … }`: container fields kvol does not model (the escape hatch).
    pub extra_fields: Vec<ExtraField>,
}

/// One field of an `extra: { name: value, … }` block (the escape hatch): a JSON name and a
/// JSON-like value.
#[derive(Debug, Clone)]
pub struct ExtraField {
    /// The field's JSON name (an identifier or a string literal).
    pub key: Str,
    /// Its value.
    pub value: ExtraVal,
}

/// A value of an extra field, with its span.
#[derive(Debug, Clone)]
pub struct ExtraVal {
    /// The value.
    pub kind: ExtraKind,
    /// Where it is written.
    pub sp: Sp,
}

/// The JSON-like values an extra field can hold.
#[derive(Debug, Clone)]
pub enum ExtraKind {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer literal (possibly negative).
    Int(i64),
    /// A float literal.
    Float(f64),
    /// A string literal.
    Str(String),
    /// `[a, b]`.
    Seq(Vec<ExtraVal>),
    /// `{ name: value, … }`.
    Map(Vec<ExtraField>),
}

/// `NAME: VALUE` in `env: { … }`.
#[derive(Debug, Clone)]
pub struct EnvEntry {
    /// The variable's name.
    pub name: Str,
    /// Its value or source.
    pub value: EnvValue,
}

/// The value of an environment variable.
#[derive(Debug, Clone)]
pub enum EnvValue {
    /// `"text"`.
    Lit(Str),
    /// `secret(NAME, KEY[, optional])` or `config_map(NAME, KEY[, optional])`.
    Key {
        /// True for `secret(…)`.
        secret: bool,
        /// The object.
        object: Str,
        /// The key.
        key: Str,
        /// `optional`.
        optional: bool,
        /// The whole source.
        sp: Sp,
    },
    /// `field("metadata.name")`.
    Field(Str),
    /// `resource("limits.memory"[, divisor: 1Mi][, container: NAME])`.
    Resource {
        /// The resource, e.g. `limits.memory`.
        resource: Str,
        /// The divisor.
        divisor: Option<Qty>,
        /// The container.
        container: Option<Str>,
    },
}

/// The keys of a container added in the second release.
#[derive(Debug, Clone, Default)]
pub struct ContainerExtra {
    /// `pull: IfNotPresent`.
    pub pull_policy: Option<Word<PullPolicy>>,
    /// `working_dir: "/srv"`.
    pub working_dir: Option<Str>,
    /// `env_from: config_map NAME [prefix "P_"] [optional]` (repeatable).
    pub env_from: Vec<EnvFrom>,
    /// `requests: { cpu: 500m, … }`.
    pub requests: Vec<(Str, Qty)>,
    /// `limits: { memory: 1Gi, … }`.
    pub limits: Vec<(Str, Qty)>,
    /// `liveness: ACTION [{ timing }]`.
    pub liveness: Option<ProbeAst>,
    /// `readiness: …`.
    pub readiness: Option<ProbeAst>,
    /// `startup: …`.
    pub startup: Option<ProbeAst>,
    /// `post_start: ACTION`.
    pub post_start: Option<Action>,
    /// `pre_stop: ACTION`.
    pub pre_stop: Option<Action>,
    /// `security: { … }`.
    pub security: Option<SecurityAst>,
    /// `restart: Always` (init containers: a sidecar).
    pub restart: Option<Word<ContainerRestartPolicy>>,
    /// `termination_message_policy: FallbackToLogsOnError`.
    pub termination_message_policy: Option<Word<TerminationMessagePolicy>>,
    /// `termination_message_path: "/dev/termination-log"`.
    pub termination_message_path: Option<Str>,
    /// `device: VOLUME => "/dev/xvda"` (repeatable).
    pub devices: Vec<(Str, Str)>,
}

/// `config_map NAME [prefix "P_"] [optional]` or `secret …`.
#[derive(Debug, Clone)]
pub struct EnvFrom {
    /// True for `secret`.
    pub secret: bool,
    /// The object.
    pub name: Str,
    /// `prefix "P_"`.
    pub prefix: Option<Str>,
    /// `optional`.
    pub optional: bool,
    /// The whole entry.
    pub sp: Sp,
}

/// A port a probe or hook targets: a number or a named container port.
#[derive(Debug, Clone)]
pub enum PortRef {
    /// `8080`.
    Number(Val<i64>),
    /// `http`.
    Name(Str),
}

impl PortRef {
    /// Where it is.
    pub fn sp(&self) -> Sp {
        match self {
            PortRef::Number(n) => n.sp(),
            PortRef::Name(s) => s.sp,
        }
    }
}

/// What a probe or lifecycle hook does.
#[derive(Debug, Clone)]
pub enum Action {
    /// `exec ["cmd", "arg"]`.
    Exec(Vec<Str>, Sp),
    /// `http_get "/path" PORT [https | scheme HTTP] [host "h"] [header "N" "V"]…`.
    HttpGet {
        /// The path.
        path: Str,
        /// The port.
        port: PortRef,
        /// `https`, or `scheme HTTP | HTTPS`.
        scheme: Option<Word<UriScheme>>,
        /// `host "h"`.
        host: Option<Str>,
        /// `header "Name" "value"`.
        headers: Vec<(Str, Str)>,
        /// The whole action.
        sp: Sp,
    },
    /// `tcp PORT [host "h"]`.
    Tcp {
        /// The port.
        port: PortRef,
        /// `host "h"`.
        host: Option<Str>,
        /// The whole action.
        sp: Sp,
    },
    /// `grpc PORT [service "s"]`.
    Grpc {
        /// The port number.
        port: Val<i64>,
        /// `service "name"`.
        service: Option<Str>,
        /// The whole action.
        sp: Sp,
    },
    /// `sleep SECONDS` (lifecycle hooks only).
    Sleep(Val<i64>, Sp),
}

impl Action {
    /// Where it is.
    pub fn sp(&self) -> Sp {
        match self {
            Action::Exec(_, sp)
            | Action::HttpGet { sp, .. }
            | Action::Tcp { sp, .. }
            | Action::Grpc { sp, .. }
            | Action::Sleep(_, sp) => *sp,
        }
    }
}

/// `ACTION [{ initial_delay: 5, period: 10, timeout: 1, success_threshold: 1,
/// failure_threshold: 3, grace: 30 }]`.
#[derive(Debug, Clone)]
pub struct ProbeAst {
    /// The action.
    pub action: Action,
    /// The timing keys in the order written (`initial_delay`, …) with their values.
    pub timing: Vec<(Str, Val<i64>)>,
    /// The whole probe.
    pub sp: Sp,
}

/// `security: { run_as_user: 1000, …, capabilities: { add: [..], drop: [ALL] },
/// seccomp: RuntimeDefault }`.
#[derive(Debug, Clone)]
pub struct SecurityAst {
    /// Flags and ids in the order written (`run_as_user`, `privileged`, …).
    pub flags: Vec<(Str, bool)>,
    /// `run_as_user` and `run_as_group`.
    pub ids: Vec<(Str, Val<i64>)>,
    /// `capabilities.add`.
    pub add: Vec<Str>,
    /// `capabilities.drop`.
    pub drop: Vec<Str>,
    /// `seccomp: TYPE ["profile"]`.
    pub seccomp: Option<(Word<SeccompProfileType>, Option<Str>)>,
    /// The whole block.
    pub sp: Sp,
}

/// `port: [NAME] NUMBER [PROTOCOL] [host_port N]`.
#[derive(Debug, Clone)]
pub struct Port {
    /// The port's name (IANA service name), exposed on a StatefulSet's Service.
    pub name: Option<Str>,
    /// The number.
    pub number: Val<i64>,
    /// TCP (default), UDP or SCTP.
    pub protocol: Option<Word<Protocol>>,
    /// `host_port N`: the node's port forwarded to this one.
    pub host_port: Option<Val<i64>>,
}

/// `mount: VOLUME => "/path" [read_only] [sub_path "x" | sub_path_expr "$(X)"]
/// [propagation MODE] [recursive_read_only MODE]`.
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
    /// `sub_path_expr "$(VAR)"`: a path inside the volume with environment variables.
    pub sub_path_expr: Option<Str>,
    /// `propagation HostToContainer`.
    pub propagation: Option<Word<MountPropagationMode>>,
    /// `recursive_read_only Enabled`.
    pub recursive_read_only: Option<Word<RecursiveReadOnlyMode>>,
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
    /// `projected { default_mode: …, sources: [SOURCE, …] }`.
    Projected {
        /// Permission bits of the files.
        default_mode: Option<Val<i64>>,
        /// The sources.
        sources: Vec<ProjSrc>,
    },
}

/// One source of a `projected` volume.
#[derive(Debug, Clone)]
pub enum ProjSrc {
    /// `service_account_token "PATH" [{ audience: "…", expiration: SECONDS }]`.
    Token {
        /// The file path.
        path: Str,
        /// The audience.
        audience: Option<Str>,
        /// `expirationSeconds`.
        expiration: Option<Int>,
    },
    /// `config_map NAME [{ items: […], optional: … }]`.
    ConfigMap {
        /// The ConfigMap.
        name: Str,
        /// Items and `optional` (no `default_mode` inside a projection).
        opts: Projection,
    },
    /// `secret NAME [{ items: […], optional: … }]`.
    Secret {
        /// The Secret.
        name: Str,
        /// Items and `optional`.
        opts: Projection,
    },
}

/// The storage class of a claim: a name, or `""` for "no class".
#[derive(Debug, Clone)]
pub enum Class {
    /// `""`.
    None(Sp),
    /// A StorageClass name.
    Named(Name),
}

/// `claim: [NAME] SIZE MODES [CLASS] [{ labels, annotations, volume_mode }] [=> MOUNT_PATH]`
/// (also the body of `ephemeral`, without the name, the path and the options).
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
    /// `{ labels: { … } }`: the claims' labels.
    pub labels: Vec<MapEntry>,
    /// `{ annotations: { … } }`: the claims' annotations.
    pub annotations: Vec<MapEntry>,
    /// `{ volume_mode: Block }`.
    pub volume_mode: Option<Word<VolumeMode>>,
    /// `selector` of the options: the PersistentVolumes the claims may bind.
    pub selector: Option<SelectorAst>,
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
    /// Security context, affinity, tolerations, spread, DNS and the other pod-level settings.
    pub settings: Box<PodSettings>,
    /// `extra: { … }` (`pod_extra:` in `statefulset!`): pod spec fields kvol does not model.
    pub extra: Vec<ExtraField>,
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
    /// `set_labels`: the StatefulSet object's own labels.
    pub set_labels: Vec<MapEntry>,
    /// `selector`: what the set selects its pods by, labels and expressions (default: all the
    /// pod labels).
    pub selector: Option<SelectorAst>,
    /// `pod_annotations`: the pod template's annotations.
    pub pod_annotations: Vec<MapEntry>,
    /// `service_labels`: the headless Service's labels (default: the pod labels).
    pub service_labels: Vec<MapEntry>,
    /// `service_annotations`.
    pub service_annotations: Vec<MapEntry>,
    /// `service_ports: [NAME, …]`: the named container ports the Service exposes (default: all).
    pub service_ports: Option<Vec<Str>>,
    /// `service_port: …` entries: Service ports written out in full.
    pub governing_ports: Vec<ServicePortAst>,
    /// `service_in_set: true`: the governing Service is a `service { … }` of the set.
    pub service_in_set: Option<bool>,
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
    /// `csi "DRIVER" "HANDLE" [{ fs_type, read_only, attributes, node_stage_secret: NS/NAME,
    /// … }]`.
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
        /// The secret references: which, namespace, name.
        secrets: Vec<(kvol_core::pv::CsiSecretRef, Str, Str)>,
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
    /// `node_affinity: hostname [..]` or `node_affinity: { EXPR, … }`, one term each (ORed).
    pub node_affinity: Vec<NodeAffinityAst>,
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
    /// `selector: { k: v, k In [..], … }` (boxed: most claims have none).
    pub selector: Option<Box<SelectorAst>>,
    /// `data_source`.
    pub data_source: Option<DataSource>,
    /// `data_source_ref`.
    pub data_source_ref: Option<DataSource>,
    /// `extra: { … }`: claim spec fields kvol does not model (the escape hatch).
    pub extra: Vec<ExtraField>,
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
    /// `topology: { key: [values], … }` (one term) or `topology: [{ … }, { … }]` (terms).
    pub topology: Vec<TopologyTermAst>,
    /// `default: true`.
    pub default_class: Option<bool>,
}

/// One `allowedTopologies` term: `{ "topology.kubernetes.io/zone": ["a", "b"], … }`, its
/// requirements ANDed.
#[derive(Debug, Clone)]
pub struct TopologyTermAst {
    /// `key: [values]` requirements (`matchLabelExpressions`).
    pub requirements: Vec<(Str, Vec<Str>)>,
    /// The braces.
    pub sp: Sp,
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
    /// `selector`: the selector's labels when they are not all the pod labels.
    pub selector: Vec<MapEntry>,
    /// `pod_annotations`: the pod template's annotations.
    pub pod_annotations: Vec<MapEntry>,
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

/// `update: OnDelete` or `update: RollingUpdate [{ max_surge: …, max_unavailable: … }]` of a
/// DaemonSet.
#[derive(Debug, Clone)]
pub enum DaemonSetUpdate {
    /// `OnDelete`.
    OnDelete(Sp),
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

/// `daemonset! { … }`.
#[derive(Debug, Clone, Default)]
pub struct DaemonSetAst {
    /// Metadata (labels are the pods' labels and the selector).
    pub meta: Meta,
    /// `object_labels`: labels of the DaemonSet object itself.
    pub object_labels: Vec<MapEntry>,
    /// `selector`: the selector's labels when they are not all the pod labels.
    pub selector: Vec<MapEntry>,
    /// `pod_annotations`: the pod template's annotations.
    pub pod_annotations: Vec<MapEntry>,
    /// Pods.
    pub body: PodBody,
    /// `update`.
    pub update: Option<DaemonSetUpdate>,
    /// `min_ready`.
    pub min_ready: Option<Int>,
    /// `revision_history`.
    pub revision_history: Option<Int>,
}

/// `config_map! { … }`.
#[derive(Debug, Clone, Default)]
pub struct ConfigMapAst {
    /// Metadata.
    pub meta: Meta,
    /// `data: { key: "value" }`.
    pub data: Vec<MapEntry>,
    /// `binary_data: { key: "BASE64" }`.
    pub binary_data: Vec<MapEntry>,
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
    /// `data: { key: "BASE64" }`.
    pub data: Vec<MapEntry>,
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
    /// `selector: { app: web, tier In [..], … }`.
    pub selector: Option<SelectorAst>,
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
    /// `service { … }`.
    Service(Box<ServiceAst>),
    /// `deployment { … }`.
    Deployment(Box<DeploymentAst>),
    /// `daemonset { … }`.
    DaemonSet(Box<DaemonSetAst>),
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
    /// `external_snapshot_classes`, `external_attributes_classes`, `external_services`: other
    /// objects that exist
    /// outside the set, with their kind.
    pub external_objects: Vec<(kvol_core::manifests::ExternalKind, Str)>,
    /// `namespace`: where objects without one are applied.
    pub namespace: Option<Str>,
    /// `default_class`: the cluster's default StorageClass.
    pub default_class: Option<Str>,
    /// `assume_default_class: true`: the cluster has a default StorageClass, name unknown.
    pub assume_default_class: Option<bool>,
}

/// One expression of a selector: `key In [a, b]`, `key Exists`, …
#[derive(Debug, Clone)]
pub struct ExprAst<Op> {
    /// The label key.
    pub key: Val<String>,
    /// The operator.
    pub op: Word<Op>,
    /// The values (a list after `In`/`NotIn`/`Gt`/`Lt`).
    pub values: Vec<Str>,
}

/// A label selector: `{ app: web, tier In [db, cache], canary DoesNotExist }`.
#[derive(Debug, Clone)]
pub struct SelectorAst {
    /// `key: value` entries (`matchLabels`).
    pub labels: Vec<MapEntry>,
    /// Expressions (`matchExpressions`).
    pub exprs: Vec<ExprAst<kvol_core::selector::SelectorOperator>>,
    /// The braces.
    pub sp: Sp,
}

/// `security: { fs_group: …, fs_group_change: …, run_as_user: …, run_as_group: …,
/// run_as_non_root: …, supplemental_groups: […], seccomp: RuntimeDefault | Localhost "…" }`.
#[derive(Debug, Clone)]
pub struct PodSecurityAst {
    /// `fsGroup`.
    pub fs_group: Option<Int>,
    /// `fsGroupChangePolicy`.
    pub fs_group_change: Option<Word<kvol_core::security::FsGroupChangePolicy>>,
    /// `runAsUser`.
    pub run_as_user: Option<Int>,
    /// `runAsGroup`.
    pub run_as_group: Option<Int>,
    /// `runAsNonRoot`.
    pub run_as_non_root: Option<bool>,
    /// `supplementalGroups`.
    pub supplemental_groups: Vec<Int>,
    /// `seccompProfile`: the type and the localhost profile.
    pub seccomp: Option<(Word<kvol_core::security::SeccompProfileType>, Option<Str>)>,
    /// The braces.
    pub sp: Sp,
}

/// `node_affinity: required { EXPR, … }` or `node_affinity: preferred WEIGHT { EXPR, … }`.
#[derive(Debug, Clone)]
pub struct NodeAffinityAst {
    /// `preferred WEIGHT` (unset: required).
    pub weight: Option<Int>,
    /// The term's expressions (ANDed).
    pub exprs: Vec<ExprAst<kvol_core::selector::NodeSelectorOperator>>,
    /// The term's field requirements `field metadata.name In [..]` (`matchFields`).
    pub fields: Vec<ExprAst<kvol_core::selector::NodeSelectorOperator>>,
    /// The whole entry.
    pub sp: Sp,
}

/// `pod_affinity:` / `pod_anti_affinity: required|preferred WEIGHT SELECTOR on "TOPOLOGY_KEY"
/// [namespaces [..]]`.
#[derive(Debug, Clone)]
pub struct PodAffinityAst {
    /// Anti-affinity.
    pub anti: bool,
    /// `preferred WEIGHT` (unset: required).
    pub weight: Option<Int>,
    /// The pods.
    pub selector: SelectorAst,
    /// `topologyKey`.
    pub topology: Str,
    /// `namespaces`.
    pub namespaces: Vec<Str>,
    /// The whole entry.
    pub sp: Sp,
}

/// `toleration: { key: "…", operator: Exists|Equal, value: "…", effect: …, seconds: N }`.
#[derive(Debug, Clone)]
pub struct TolerationAst {
    /// `key`.
    pub key: Option<Str>,
    /// `operator`.
    pub operator: Option<Word<kvol_core::scheduling::TolerationOperator>>,
    /// `value`.
    pub value: Option<Str>,
    /// `effect`.
    pub effect: Option<Word<kvol_core::scheduling::TaintEffect>>,
    /// `tolerationSeconds`.
    pub seconds: Option<Int>,
    /// The braces.
    pub sp: Sp,
}

/// `spread: { max_skew: 1, topology: "…", when_unsatisfiable: DoNotSchedule, selector: {…},
/// min_domains: N }`.
#[derive(Debug, Clone)]
pub struct SpreadAst {
    /// `maxSkew`.
    pub max_skew: Option<Int>,
    /// `topologyKey`.
    pub topology: Option<Str>,
    /// `whenUnsatisfiable`.
    pub when: Option<Word<kvol_core::scheduling::UnsatisfiableConstraintAction>>,
    /// `labelSelector`.
    pub selector: Option<SelectorAst>,
    /// `minDomains`.
    pub min_domains: Option<Int>,
    /// The braces.
    pub sp: Sp,
}

/// The pod-level settings of a pod body beyond containers and volumes.
#[derive(Debug, Clone, Default)]
pub struct PodSettings {
    /// `security`.
    pub security: Option<PodSecurityAst>,
    /// `node_affinity` entries.
    pub node_affinity: Vec<NodeAffinityAst>,
    /// `pod_affinity` and `pod_anti_affinity` entries.
    pub pod_affinity: Vec<PodAffinityAst>,
    /// `toleration` entries.
    pub tolerations: Vec<TolerationAst>,
    /// `spread` entries.
    pub spread: Vec<SpreadAst>,
    /// `priority_class`.
    pub priority_class: Option<Str>,
    /// `image_pull_secrets`.
    pub image_pull_secrets: Vec<Str>,
    /// `automount_token`, with the key's span.
    pub automount_token: Option<(bool, Sp)>,
    /// `hostname`.
    pub hostname: Option<Str>,
    /// `subdomain`.
    pub subdomain: Option<Str>,
    /// `dns_policy`.
    pub dns_policy: Option<Word<kvol_core::scheduling::DnsPolicy>>,
    /// `service_links`, with the key's span.
    pub service_links: Option<(bool, Sp)>,
}

/// A Service port's `targetPort`: a number or a container port's name.
#[derive(Debug, Clone)]
pub enum TargetAst {
    /// A port number.
    Number(Int),
    /// A named container port.
    Name(Str),
}

/// `port: [NAME] NUMBER [PROTOCOL] [=> TARGET] [node_port N] [app_protocol "…"]` of a Service.
#[derive(Debug, Clone)]
pub struct ServicePortAst {
    /// The port's name.
    pub name: Option<Str>,
    /// The port number.
    pub number: Int,
    /// TCP (default), UDP or SCTP.
    pub protocol: Option<Word<kvol_core::pod::Protocol>>,
    /// `=> TARGET`.
    pub target: Option<TargetAst>,
    /// `node_port N`.
    pub node_port: Option<Int>,
    /// `app_protocol "…"`.
    pub app_protocol: Option<Str>,
    /// The whole entry.
    pub sp: Sp,
}

/// `service! { … }`.
#[derive(Debug, Clone, Default)]
pub struct ServiceAst {
    /// Metadata (the name is a DNS-1035 label).
    pub meta: Meta,
    /// `type`.
    pub kind: Option<Word<kvol_core::service::ServiceType>>,
    /// `headless: true`, with the key's span.
    pub headless: Option<(bool, Sp)>,
    /// `cluster_ip: "ADDRESS"`: a fixed cluster IP.
    pub cluster_ip: Option<Str>,
    /// `selector`.
    pub selector: Vec<MapEntry>,
    /// `port` entries.
    pub ports: Vec<ServicePortAst>,
    /// `session_affinity`.
    pub session_affinity: Option<Word<kvol_core::service::SessionAffinity>>,
    /// `session_affinity: ClientIP { timeout: N }`.
    pub session_timeout: Option<Int>,
    /// `external_traffic`.
    pub external_traffic: Option<Word<kvol_core::service::TrafficPolicy>>,
    /// `internal_traffic`.
    pub internal_traffic: Option<Word<kvol_core::service::TrafficPolicy>>,
    /// `publish_not_ready`.
    pub publish_not_ready: Option<bool>,
}

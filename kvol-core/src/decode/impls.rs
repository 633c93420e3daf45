//! `Decode` for the model's types whose `Serialize` is written by hand: API enums (with the
//! API server's defaults), values (quantities, file modes), and the types whose JSON shape is
//! not one field per key (volume sources, access-mode sets, storage maps, the objects).

use super::{Decode, Decoder};
use crate::{
    access::{AccessMode, AccessModes, ReclaimPolicy, VolumeMode},
    container::{
        ContainerRestartPolicy, MountPropagationMode, PullPolicy, RecursiveReadOnlyMode,
        TerminationMessagePolicy,
    },
    daemonset::DaemonSetUpdateStrategyType,
    deployment::DeploymentStrategyType,
    legacy::LegacySource,
    model::scheduling::{
        DnsPolicy, NodeInclusionPolicy, TaintEffect, TolerationOperator,
        UnsatisfiableConstraintAction,
    },
    model::security::{FsGroupChangePolicy, SeccompProfileType},
    pdb::UnhealthyPodEvictionPolicy,
    pod::{Protocol, RestartPolicy},
    probe::UriScheme,
    pv::{PvSource, PvSpec},
    pvc::{ClassRef, StorageResources},
    quantity::Quantity,
    report::{FieldError, Segment},
    rules::ids,
    selector::{NodeSelectorOperator, SelectorOperator},
    service::{ServiceType, SessionAffinity, TargetPort, TrafficPolicy},
    snapshot::DeletionPolicy,
    statefulset::{IntOrPercent, PodManagementPolicy, RetentionAction, UpdateStrategy},
    storage_class::{StorageClass, VolumeBindingMode},
    tree::{Tree, TreeKey, TreeValue},
    volume::{
        DownwardApiFile, DownwardApiSource, FileMode, HostPathType, StorageMedium, Volume,
        VolumeSource,
    },
};

/// `Decode` for API enums. `= Word` gives the API server's default for a left-out field;
/// `empty` makes `""` mean "unset" (the API's own empty word, e.g. `hostPath.type: ""`).
macro_rules! decode_words {
    ($($ty:ident $(= $default:ident)? $(, $empty:ident)?;)*) => {$(
        impl Decode for $ty {
            fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
                cx.word(node)
            }
            $(fn absent(_: &mut Decoder) -> Option<Self> {
                Some($ty::$default)
            })?
            $(const $empty: bool = true;)?
        }
    )*};
}

decode_words! {
    AccessMode;
    VolumeMode = Filesystem;
    ReclaimPolicy;
    Protocol = TCP;
    RestartPolicy = Always;
    HostPathType, EMPTY_WORD_IS_ABSENT;
    StorageMedium, EMPTY_WORD_IS_ABSENT;
    PodManagementPolicy = OrderedReady;
    RetentionAction = Retain;
    VolumeBindingMode = Immediate;
    SelectorOperator;
    NodeSelectorOperator;
    ServiceType = ClusterIP;
    SessionAffinity = None;
    TrafficPolicy;
    DnsPolicy = ClusterFirst;
    FsGroupChangePolicy;
    SeccompProfileType;
    TaintEffect, EMPTY_WORD_IS_ABSENT;
    TolerationOperator = Equal;
    NodeInclusionPolicy;
    UnsatisfiableConstraintAction;
    PullPolicy;
    TerminationMessagePolicy = File;
    ContainerRestartPolicy;
    MountPropagationMode;
    RecursiveReadOnlyMode;
    UriScheme = HTTP;
    DeploymentStrategyType;
    DaemonSetUpdateStrategyType;
    UnhealthyPodEvictionPolicy;
    DeletionPolicy;
}

impl Decode for Quantity {
    /// A quantity is a JSON string or number; the API server trims spaces around it
    /// (`Quantity.UnmarshalJSON`).
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        let text = match node.value() {
            TreeValue::String(s) => s.trim().to_owned(),
            TreeValue::Int(n) => n.to_string(),
            TreeValue::UInt(n) => n.to_string(),
            TreeValue::Float(f) => f.to_string(),
            _ => {
                cx.type_error(node, "resource.Quantity");
                return None;
            }
        };
        match text.parse::<Quantity>() {
            Ok(q) => Some(q),
            Err(e) => {
                cx.decode_error(node, e.message.to_string());
                None
            }
        }
    }
}

impl Decode for FileMode {
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        // Go's int32: the range check against 0..=0o777 is the validation's.
        let mode = i32::decode(node, cx)?;
        match u32::try_from(mode) {
            Ok(m) => Some(FileMode(m)),
            Err(_) => {
                let path = cx.path().clone();
                cx.error(FieldError::invalid_number(
                    ids::S5_ITEMS_MODE,
                    path,
                    i64::from(mode),
                    "must be a number between 0 and 0777 (octal), both inclusive",
                ));
                None
            }
        }
    }
}

impl Decode for AccessModes {
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        let modes: Vec<AccessMode> = Vec::decode(node, cx)?;
        Some(modes.into_iter().collect())
    }
    fn absent(_: &mut Decoder) -> Option<Self> {
        Some(AccessModes::EMPTY)
    }
}

impl Decode for ClassRef {
    /// Left out: the cluster's default class; `""`: no class; a name: that class.
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        let name = cx.string(node)?;
        Some(if name.is_empty() {
            ClassRef::NoClass
        } else {
            ClassRef::Named(name)
        })
    }
    fn absent(_: &mut Decoder) -> Option<Self> {
        Some(ClassRef::ClusterDefault)
    }
}

/// The `storage` entry of a resource map (`requests`, `limits`, `capacity`); other resources
/// are noted as unmodelled. `None` inside when the map has no `storage`.
fn storage_entry<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Option<Quantity>> {
    let entries = cx.entries(node, "ResourceList")?;
    let mut storage = None;
    let mut ok = true;
    for (key, value) in entries {
        if key.name() == "storage" {
            match cx.at::<T, Quantity>(Segment::Key("storage"), value) {
                Some(q) => storage = Some(q),
                None => ok = false,
            }
        } else {
            cx.unmodelled_field(key);
        }
    }
    ok.then_some(storage)
}

/// Reports the storage entry of a resource map as left out, as the API server's validation
/// does (`spec.resources[storage]: Required value`).
fn storage_required(cx: &mut Decoder, rule: crate::report::RuleId) {
    let path = cx.path().key("storage");
    cx.error(FieldError::required(rule, path, ""));
}

impl Decode for StorageResources {
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        let entries = cx.entries(node, "VolumeResourceRequirements")?;
        let mut requests = None;
        let mut limits = None;
        let mut ok = true;
        for (key, value) in entries {
            let slot = match key.name() {
                "requests" => &mut requests,
                "limits" => &mut limits,
                _ => {
                    cx.unmodelled_field(key);
                    continue;
                }
            };
            let parent = cx.path().clone();
            cx.path = parent.child(key.name());
            match value.value() {
                TreeValue::Null => {}
                _ => match storage_entry(value, cx) {
                    Some(q) => *slot = q,
                    None => ok = false,
                },
            }
            cx.path = parent;
        }
        let Some(requests) = requests else {
            if ok {
                storage_required(cx, ids::S8_REQUEST_REQUIRED);
            }
            return None;
        };
        ok.then_some(StorageResources { requests, limits })
    }
    fn absent(cx: &mut Decoder) -> Option<Self> {
        storage_required(cx, ids::S8_REQUEST_REQUIRED);
        None
    }
}

impl Decode for DownwardApiFile {
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        #[derive(Default)]
        struct Parts {
            field: Option<Option<String>>,
            resource: Option<(String, String, Option<Quantity>)>,
        }
        let entries = cx.entries(node, "DownwardAPIVolumeFile")?;
        cx.in_struct("DownwardAPIVolumeFile", |cx| {
            let (mut path, mut mode, mut parts, mut ok) = (None, None, Parts::default(), true);
            for (key, value) in entries {
                match key.name() {
                    "path" => path = cx.at::<T, String>(Segment::Field("path"), value),
                    "mode" => {
                        mode = cx.at::<T, Option<FileMode>>(Segment::Field("mode"), value);
                        ok &= mode.is_some();
                    }
                    "fieldRef" => {
                        let r = cx.at::<T, Option<FieldRef>>(Segment::Field("fieldRef"), value);
                        ok &= r.is_some();
                        parts.field = r.map(|r| r.map(|r| r.field_path));
                    }
                    "resourceFieldRef" => {
                        let r = cx.at::<T, Option<ResourceRef>>(
                            Segment::Field("resourceFieldRef"),
                            value,
                        );
                        ok &= r.is_some();
                        parts.resource = r
                            .flatten()
                            .map(|r| (r.container_name, r.resource, r.divisor));
                    }
                    _ => cx.unmodelled_field(key),
                }
            }
            let source = match (parts.field.flatten(), parts.resource) {
                (Some(field), None) => DownwardApiSource::Field(field),
                (None, Some((container_name, resource, divisor))) => DownwardApiSource::Resource {
                    container_name,
                    resource,
                    divisor,
                },
                _ => {
                    let path = cx.path().clone();
                    cx.error(FieldError::invalid(
                        ids::S5_DOWNWARD_API_ONE_REF,
                        path,
                        "",
                        "fieldRef and resourceFieldRef can not be specified simultaneously",
                    ));
                    return None;
                }
            };
            if !ok {
                return None;
            }
            Some(DownwardApiFile {
                path: path.unwrap_or_default(),
                mode: mode.flatten(),
                source,
            })
        })
    }
}

/// `fieldRef` of a downward API file (its `apiVersion` defaults to `v1`).
struct FieldRef {
    field_path: String,
}
impl Decode for FieldRef {
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        let entries = cx.entries(node, "ObjectFieldSelector")?;
        let mut field_path = String::new();
        for (key, value) in entries {
            match key.name() {
                "fieldPath" => field_path = cx.at(Segment::Field("fieldPath"), value)?,
                "apiVersion" => {
                    let version: String = cx.at(Segment::Field("apiVersion"), value)?;
                    if !version.is_empty() && version != "v1" {
                        cx.unmodelled_field(key);
                    }
                }
                _ => cx.unmodelled_field(key),
            }
        }
        Some(FieldRef { field_path })
    }
}

/// `resourceFieldRef` of a downward API file.
struct ResourceRef {
    container_name: String,
    resource: String,
    divisor: Option<Quantity>,
}
decode_struct!(ResourceRef {
    "containerName" => container_name,
    "resource" => resource,
    "divisor" => divisor,
});

impl Decode for Volume {
    /// A name and exactly one source; no source is an `emptyDir` (the API server's defaulting,
    /// `SetDefaults_Volume`); more than one is the server's Forbidden.
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        let entries = cx.entries(node, "Volume")?;
        cx.in_struct("Volume", |cx| {
            let mut name = String::new();
            let mut sources: Vec<(&str, Option<VolumeSource>)> = Vec::new();
            let mut ok = true;
            for (key, value) in entries {
                let k = key.name();
                let seg = Segment::Field(k);
                let source = match k {
                    "name" => {
                        name = cx.at(seg, value).unwrap_or_default();
                        continue;
                    }
                    "emptyDir" => cx.at(seg, value).map(VolumeSource::EmptyDir),
                    "hostPath" => cx.at(seg, value).map(VolumeSource::HostPath),
                    "nfs" => cx.at(seg, value).map(VolumeSource::Nfs),
                    "persistentVolumeClaim" => {
                        cx.at(seg, value).map(VolumeSource::PersistentVolumeClaim)
                    }
                    "configMap" => cx.at(seg, value).map(VolumeSource::ConfigMap),
                    "secret" => cx.at(seg, value).map(VolumeSource::Secret),
                    "downwardAPI" => cx.at(seg, value).map(VolumeSource::DownwardApi),
                    "csi" => cx.at(seg, value).map(VolumeSource::Csi),
                    "ephemeral" => cx.at(seg, value).map(VolumeSource::Ephemeral),
                    "projected" => cx.at(seg, value).map(VolumeSource::Projected),
                    _ => {
                        // A source kvol does not model (projected, iscsi, ...): the volume
                        // still exists for the mounts, as an emptyDir stand-in, and the
                        // source is listed as not checked.
                        cx.unmodelled_field(key);
                        if matches!(value.value(), TreeValue::Null) {
                            continue;
                        }
                        Some(VolumeSource::empty_dir())
                    }
                };
                ok &= source.is_some();
                sources.push((k, source));
            }
            if sources.len() > 1 {
                let path = cx.path().child(sources[1].0);
                cx.error(FieldError::forbidden(
                    ids::S5_VOLUME_SOURCE_AT_MOST_ONE,
                    path,
                    "may not specify more than 1 volume type",
                ));
                return None;
            }
            if !ok {
                return None;
            }
            let source = match sources.pop() {
                Some((_, source)) => source?,
                None => VolumeSource::empty_dir(),
            };
            Some(Volume { name, source })
        })
    }
}

impl Decode for PvSpec {
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        let entries = cx.entries(node, "PersistentVolumeSpec")?;
        cx.in_struct("PersistentVolumeSpec", |cx| {
            let mut ok = true;
            let mut access_modes = None;
            let mut capacity = None;
            let mut claim_ref = None;
            let mut mount_options = None;
            let mut node_affinity = None;
            let mut reclaim_policy = None;
            let mut storage_class_name = None;
            let mut volume_mode = None;
            let mut sources: Vec<(&str, Option<PvSource>)> = Vec::new();
            for (key, value) in entries {
                let k = key.name();
                let seg = Segment::Field(k);
                macro_rules! field {
                    ($slot:ident) => {{
                        $slot = cx.at(seg, value);
                        ok &= $slot.is_some();
                    }};
                }
                match k {
                    "accessModes" => field!(access_modes),
                    "capacity" => {
                        let parent = cx.path().clone();
                        cx.path = parent.child("capacity");
                        capacity = storage_entry(value, cx);
                        cx.path = parent;
                        ok &= capacity.is_some();
                    }
                    "claimRef" => field!(claim_ref),
                    "mountOptions" => field!(mount_options),
                    "nodeAffinity" => field!(node_affinity),
                    "persistentVolumeReclaimPolicy" => field!(reclaim_policy),
                    "storageClassName" => field!(storage_class_name),
                    "volumeMode" => field!(volume_mode),
                    "hostPath" => sources.push((k, cx.at(seg, value).map(PvSource::HostPath))),
                    "local" => sources.push((k, cx.at(seg, value).map(PvSource::Local))),
                    "nfs" => sources.push((k, cx.at(seg, value).map(PvSource::Nfs))),
                    "csi" => sources.push((k, cx.at(seg, value).map(PvSource::Csi))),
                    "iscsi" => sources.push((k, cx.at(seg, value).map(PvSource::Iscsi))),
                    _ => match crate::legacy::LegacyPlugin::from_key(k) {
                        Some(plugin) => {
                            let parent = cx.path().clone();
                            cx.path = parent.child(k);
                            let source = decode_legacy(plugin, value, cx);
                            cx.path = parent;
                            sources.push((k, source.map(PvSource::Legacy)));
                        }
                        None => cx.unmodelled_field(key),
                    },
                }
            }
            if sources.len() > 1 {
                let path = cx.path().child(sources[1].0);
                cx.error(FieldError::forbidden(
                    ids::S7_SOURCE_AT_MOST_ONE,
                    path,
                    "may not specify more than 1 volume type",
                ));
                return None;
            }
            let Some((_, source)) = sources.pop() else {
                let path = cx.path().clone();
                cx.error(FieldError::required(
                    ids::S7_SOURCE_REQUIRED,
                    path,
                    "must specify a volume type",
                ));
                return None;
            };
            let capacity = match capacity {
                Some(Some(q)) => Some(q),
                Some(None) | None => {
                    if ok {
                        let path = cx.path().child("capacity");
                        cx.error(FieldError::required(ids::S7_CAPACITY_REQUIRED, path, ""));
                    }
                    None
                }
            };
            macro_rules! or_absent {
                ($slot:ident, $cx:ident, $name:literal) => {
                    match $slot {
                        Some(v) => Some(v),
                        None => $cx.absent_at($name),
                    }
                };
            }
            let access_modes = or_absent!(access_modes, cx, "accessModes");
            let claim_ref = or_absent!(claim_ref, cx, "claimRef");
            let mount_options = or_absent!(mount_options, cx, "mountOptions");
            let node_affinity = or_absent!(node_affinity, cx, "nodeAffinity");
            let reclaim_policy = or_absent!(reclaim_policy, cx, "persistentVolumeReclaimPolicy");
            let storage_class_name = or_absent!(storage_class_name, cx, "storageClassName");
            let volume_mode = or_absent!(volume_mode, cx, "volumeMode");
            if !ok {
                return None;
            }
            Some(PvSpec {
                access_modes: access_modes?,
                capacity: capacity?,
                claim_ref: claim_ref?,
                mount_options: mount_options?,
                node_affinity: node_affinity?,
                reclaim_policy: reclaim_policy?,
                storage_class_name: storage_class_name?,
                volume_mode: volume_mode?,
                source: source?,
            })
        })
    }
}

/// A legacy in-tree source, field by field from the plugin table's API names.
fn decode_legacy<T: Tree>(
    plugin: crate::legacy::LegacyPlugin,
    node: &T,
    cx: &mut Decoder,
) -> Option<LegacySource> {
    use crate::legacy::LegacyPlugin as P;
    let entries = cx.entries(node, "VolumeSource")?;
    let get = |name: &str| {
        entries
            .iter()
            .find(|(k, _)| k.name() == name)
            .map(|(_, v)| v)
    };
    let known: &[&str] = match plugin {
        P::GcePersistentDisk => &["pdName", "fsType", "partition", "readOnly"],
        P::AwsElasticBlockStore => &["volumeID", "fsType", "partition", "readOnly"],
        P::AzureDisk => &["diskName", "diskURI", "fsType", "readOnly"],
        P::AzureFile => &["secretName", "shareName", "readOnly"],
        P::Cephfs => &["monitors", "path", "readOnly"],
        P::Cinder => &["volumeID", "fsType", "readOnly"],
        P::Glusterfs => &["endpoints", "path", "readOnly"],
        P::Rbd => &["monitors", "image", "fsType", "readOnly"],
        P::VsphereVolume => &["volumePath", "fsType"],
        P::PortworxVolume => &["volumeID", "fsType", "readOnly"],
    };
    for (key, _) in entries {
        if !known.contains(&key.name()) {
            cx.unmodelled_field(key);
        }
    }
    macro_rules! f {
        ($name:literal) => {
            match get($name) {
                Some(v) => cx.at(Segment::Field($name), v)?,
                None => cx.absent_at($name)?,
            }
        };
    }
    Some(match plugin {
        P::GcePersistentDisk => LegacySource::GcePersistentDisk {
            pd_name: f!("pdName"),
            fs_type: f!("fsType"),
            partition: f!("partition"),
            read_only: f!("readOnly"),
        },
        P::AwsElasticBlockStore => LegacySource::AwsElasticBlockStore {
            volume_id: f!("volumeID"),
            fs_type: f!("fsType"),
            partition: f!("partition"),
            read_only: f!("readOnly"),
        },
        P::AzureDisk => LegacySource::AzureDisk {
            disk_name: f!("diskName"),
            disk_uri: f!("diskURI"),
            fs_type: f!("fsType"),
            read_only: f!("readOnly"),
        },
        P::AzureFile => LegacySource::AzureFile {
            secret_name: f!("secretName"),
            share_name: f!("shareName"),
            read_only: f!("readOnly"),
        },
        P::Cephfs => LegacySource::Cephfs {
            monitors: f!("monitors"),
            path: f!("path"),
            read_only: f!("readOnly"),
        },
        P::Cinder => LegacySource::Cinder {
            volume_id: f!("volumeID"),
            fs_type: f!("fsType"),
            read_only: f!("readOnly"),
        },
        P::Glusterfs => LegacySource::Glusterfs {
            endpoints: f!("endpoints"),
            path: f!("path"),
            read_only: f!("readOnly"),
        },
        P::Rbd => LegacySource::Rbd {
            monitors: f!("monitors"),
            image: f!("image"),
            fs_type: f!("fsType"),
            read_only: f!("readOnly"),
        },
        P::VsphereVolume => LegacySource::VsphereVolume {
            volume_path: f!("volumePath"),
            fs_type: f!("fsType"),
        },
        P::PortworxVolume => LegacySource::PortworxVolume {
            volume_id: f!("volumeID"),
            fs_type: f!("fsType"),
            read_only: f!("readOnly"),
        },
    })
}

impl Decode for TargetPort {
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        match node.value() {
            TreeValue::String(s) => Some(TargetPort::Name(s.to_owned())),
            _ => i32::decode(node, cx).map(TargetPort::Number),
        }
    }
}

impl Decode for IntOrPercent {
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        match node.value() {
            TreeValue::String(s) => match s.strip_suffix('%').and_then(|p| p.parse().ok()) {
                Some(p) => Some(IntOrPercent::Percent(p)),
                None => {
                    let path = cx.path().clone();
                    cx.error(FieldError::invalid(
                        ids::S1_DECODE_INT_OR_PERCENT,
                        path,
                        s,
                        "a valid percent string must be a numeric string followed by an ending \
                         '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
                    ));
                    None
                }
            },
            _ => i32::decode(node, cx).map(IntOrPercent::Int),
        }
    }
}

impl Decode for crate::service::ClusterIp {
    /// `None` (headless), an address, or left out (the API server allocates one).
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        use crate::service::ClusterIp;
        let ip = cx.string(node)?;
        Some(match ip.as_str() {
            "None" => ClusterIp::None,
            "" => ClusterIp::Allocated,
            _ => ClusterIp::Address(ip),
        })
    }
    fn absent(_: &mut Decoder) -> Option<Self> {
        Some(crate::service::ClusterIp::Allocated)
    }
}

impl Decode for UpdateStrategy {
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        struct Rolling {
            partition: Option<i32>,
            max_unavailable: Option<IntOrPercent>,
        }
        decode_struct!(Rolling {
            "partition" => partition,
            "maxUnavailable" => max_unavailable,
        });
        let entries = cx.entries(node, "StatefulSetUpdateStrategy")?;
        cx.in_struct("StatefulSetUpdateStrategy", |cx| {
            let mut kind = None;
            let mut rolling: Option<Rolling> = None;
            for (key, value) in entries {
                let seg = Segment::Field(key.name());
                match key.name() {
                    "type" => kind = Some((cx.at::<T, String>(seg, value)?, value)),
                    "rollingUpdate" => rolling = cx.at::<T, Option<Rolling>>(seg, value)?,
                    _ => cx.unmodelled_field(key),
                }
            }
            let rolling = rolling.unwrap_or(Rolling {
                partition: None,
                max_unavailable: None,
            });
            match kind.as_ref().map(|(k, _)| k.as_str()) {
                None | Some("") | Some("RollingUpdate") => Some(UpdateStrategy::RollingUpdate {
                    partition: rolling.partition,
                    max_unavailable: rolling.max_unavailable,
                }),
                Some("OnDelete") => Some(UpdateStrategy::OnDelete),
                Some(other) => {
                    let path = cx.path().child("type");
                    cx.error(FieldError::not_supported(
                        ids::S1_DECODE_NOT_SUPPORTED,
                        path,
                        other,
                        &["OnDelete", "RollingUpdate"],
                    ));
                    None
                }
            }
        })
    }
}

impl Decode for StorageClass {
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        let entries = cx.entries(node, "StorageClass")?;
        cx.in_struct("StorageClass", |cx| {
            let mut ok = true;
            let mut metadata = None;
            let mut provisioner = None;
            let mut parameters = None;
            let mut reclaim_policy = None;
            let mut volume_binding_mode = None;
            let mut allow_volume_expansion = None;
            let mut mount_options = None;
            let mut allowed_topologies = None;
            for (key, value) in entries {
                let seg = Segment::Field(key.name());
                macro_rules! field {
                    ($slot:ident) => {{
                        $slot = Some(cx.at(seg, value));
                        ok &= $slot.as_ref().is_some_and(Option::is_some);
                    }};
                }
                match key.name() {
                    "apiVersion" | "kind" => {}
                    "metadata" => field!(metadata),
                    "provisioner" => field!(provisioner),
                    "parameters" => field!(parameters),
                    "reclaimPolicy" => field!(reclaim_policy),
                    "volumeBindingMode" => field!(volume_binding_mode),
                    "allowVolumeExpansion" => field!(allow_volume_expansion),
                    "mountOptions" => field!(mount_options),
                    "allowedTopologies" => field!(allowed_topologies),
                    _ => cx.unmodelled_field(key),
                }
            }
            macro_rules! take {
                ($slot:ident, $name:literal) => {
                    match $slot {
                        Some(v) => v,
                        None => cx.absent_at($name),
                    }
                };
            }
            let metadata = take!(metadata, "metadata");
            let provisioner = take!(provisioner, "provisioner");
            let parameters = take!(parameters, "parameters");
            let reclaim_policy = take!(reclaim_policy, "reclaimPolicy");
            let volume_binding_mode = take!(volume_binding_mode, "volumeBindingMode");
            let allow_volume_expansion = take!(allow_volume_expansion, "allowVolumeExpansion");
            let mount_options = take!(mount_options, "mountOptions");
            let allowed_topologies = take!(allowed_topologies, "allowedTopologies");
            if !ok {
                return None;
            }
            Some(StorageClass {
                metadata: metadata?,
                provisioner: provisioner?,
                parameters: parameters?,
                reclaim_policy: reclaim_policy?,
                volume_binding_mode: volume_binding_mode?,
                allow_volume_expansion: allow_volume_expansion?,
                mount_options: mount_options?,
                allowed_topologies: allowed_topologies?,
            })
        })
    }
}

impl Decode for crate::statefulset::StatefulSetSpec {
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        struct Ordinals {
            start: i32,
        }
        decode_struct!(Ordinals {
            "start" => start,
        });
        struct StatefulSetSpec {
            min_ready_seconds: Option<i32>,
            ordinals: Option<Ordinals>,
            retention: Option<crate::statefulset::RetentionPolicy>,
            pod_management_policy: Option<PodManagementPolicy>,
            replicas: Option<i32>,
            revision_history_limit: Option<i32>,
            selector: crate::selector::LabelSelector,
            service_name: String,
            template: crate::pod::PodTemplate,
            update_strategy: Option<UpdateStrategy>,
            volume_claim_templates: Vec<crate::pvc::PvcTemplate>,
        }
        decode_struct!(StatefulSetSpec {
            "minReadySeconds" => min_ready_seconds,
            "ordinals" => ordinals,
            "persistentVolumeClaimRetentionPolicy" => retention,
            "podManagementPolicy" => pod_management_policy,
            "replicas" => replicas,
            "revisionHistoryLimit" => revision_history_limit,
            "selector" => selector,
            "serviceName" => service_name,
            "template" => template,
            "updateStrategy" => update_strategy,
            "volumeClaimTemplates" => volume_claim_templates,
        });
        let s = StatefulSetSpec::decode(node, cx)?;
        Some(crate::statefulset::StatefulSetSpec {
            min_ready_seconds: s.min_ready_seconds,
            ordinals_start: s.ordinals.map(|o| o.start),
            retention: s.retention,
            pod_management_policy: s.pod_management_policy,
            replicas: s.replicas,
            revision_history_limit: s.revision_history_limit,
            selector: s.selector,
            service_name: s.service_name,
            template: s.template,
            update_strategy: s.update_strategy,
            volume_claim_templates: s.volume_claim_templates,
            extra: crate::schema::Extras::new(),
        })
    }
}

//! Pod volumes: a name and exactly one source, by construction.

use crate::{meta::StringMap, pvc::PvcTemplate, quantity::Quantity};
use serde::{Serialize, Serializer, ser::SerializeMap, ser::SerializeStruct};
use std::collections::BTreeMap;

/// A pod volume (`spec.volumes[i]`): a name and exactly one source.
#[derive(Debug, Clone, PartialEq)]
pub struct Volume {
    /// The volume's name (a DNS-1123 label), which mounts refer to.
    pub name: String,
    /// Where the volume's data comes from.
    pub source: VolumeSource,
}

impl Volume {
    /// A volume with this name and source.
    pub fn new(name: impl Into<String>, source: VolumeSource) -> Self {
        Volume { name: name.into(), source }
    }
}

impl Serialize for Volume {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Keys in kubectl's (alphabetical) order: the source key sorts around `name`.
        let mut map = s.serialize_map(Some(2))?;
        let key = self.source.key();
        if key > "name" {
            map.serialize_entry("name", &self.name)?;
        }
        self.source.serialize_entry(&mut map)?;
        if key < "name" {
            map.serialize_entry("name", &self.name)?;
        }
        map.end()
    }
}

/// The source of a pod volume. One variant per supported volume type.
// `Ephemeral` embeds a whole claim spec (quantities included) and is much larger than the other
// variants; a pod has few volumes, so the size does not matter and the variant stays unboxed.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum VolumeSource {
    /// Scratch space that lives as long as the pod.
    EmptyDir(EmptyDir),
    /// A file or directory of the node.
    HostPath(HostPath),
    /// An NFS export.
    Nfs(Nfs),
    /// A PersistentVolumeClaim in the pod's namespace.
    PersistentVolumeClaim(ClaimVolume),
    /// Keys of a ConfigMap as files.
    ConfigMap(ConfigMapVolume),
    /// Keys of a Secret as files.
    Secret(SecretVolume),
    /// Pod fields (labels, annotations, name, …) as files.
    DownwardApi(DownwardApiVolume),
    /// An inline CSI volume.
    Csi(CsiVolume),
    /// A generic ephemeral volume: a claim created and deleted with the pod.
    Ephemeral(EphemeralVolume),
}

impl VolumeSource {
    /// The field name of this source in the API, e.g. `persistentVolumeClaim`.
    pub fn key(&self) -> &'static str {
        match self {
            VolumeSource::EmptyDir(_) => "emptyDir",
            VolumeSource::HostPath(_) => "hostPath",
            VolumeSource::Nfs(_) => "nfs",
            VolumeSource::PersistentVolumeClaim(_) => "persistentVolumeClaim",
            VolumeSource::ConfigMap(_) => "configMap",
            VolumeSource::Secret(_) => "secret",
            VolumeSource::DownwardApi(_) => "downwardAPI",
            VolumeSource::Csi(_) => "csi",
            VolumeSource::Ephemeral(_) => "ephemeral",
        }
    }

    /// Writes `key: value` for this source into a map being serialized.
    pub(crate) fn serialize_entry<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        let key = self.key();
        match self {
            VolumeSource::EmptyDir(v) => map.serialize_entry(key, v),
            VolumeSource::HostPath(v) => map.serialize_entry(key, v),
            VolumeSource::Nfs(v) => map.serialize_entry(key, v),
            VolumeSource::PersistentVolumeClaim(v) => map.serialize_entry(key, v),
            VolumeSource::ConfigMap(v) => map.serialize_entry(key, v),
            VolumeSource::Secret(v) => map.serialize_entry(key, v),
            VolumeSource::DownwardApi(v) => map.serialize_entry(key, v),
            VolumeSource::Csi(v) => map.serialize_entry(key, v),
            VolumeSource::Ephemeral(v) => map.serialize_entry(key, v),
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// `emptyDir`: scratch space, on disk or in memory.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmptyDir {
    /// Where the directory lives; unset means the node's disk.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medium: Option<StorageMedium>,
    /// The most the volume may hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size_limit: Option<Quantity>,
}

/// The medium of an `emptyDir`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum StorageMedium {
    /// tmpfs (RAM); counts against the container's memory limit.
    Memory,
    /// Huge pages.
    HugePages,
}

/// `hostPath`: a path on the node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HostPath {
    /// The path on the node.
    pub path: String,
    /// What must exist at the path; unset means no check (kvol warns).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<HostPathType>,
}

/// What a `hostPath` must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum HostPathType {
    /// A directory, created (0755) if missing.
    DirectoryOrCreate,
    /// An existing directory.
    Directory,
    /// A file, created (0644) if missing.
    FileOrCreate,
    /// An existing file.
    File,
    /// An existing UNIX socket.
    Socket,
    /// An existing character device.
    CharDevice,
    /// An existing block device.
    BlockDevice,
}

impl HostPathType {
    /// Every type, in the API's documentation order.
    pub const ALL: [HostPathType; 7] = [
        HostPathType::DirectoryOrCreate,
        HostPathType::Directory,
        HostPathType::FileOrCreate,
        HostPathType::File,
        HostPathType::Socket,
        HostPathType::CharDevice,
        HostPathType::BlockDevice,
    ];

    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            HostPathType::DirectoryOrCreate => "DirectoryOrCreate",
            HostPathType::Directory => "Directory",
            HostPathType::FileOrCreate => "FileOrCreate",
            HostPathType::File => "File",
            HostPathType::Socket => "Socket",
            HostPathType::CharDevice => "CharDevice",
            HostPathType::BlockDevice => "BlockDevice",
        }
    }
}

/// `nfs`: an NFS export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Nfs {
    /// The exported path (absolute).
    pub path: String,
    /// Mount read-only.
    #[serde(skip_serializing_if = "is_false")]
    pub read_only: bool,
    /// Host name or IP address of the NFS server.
    pub server: String,
}

/// `persistentVolumeClaim`: use a claim of the pod's namespace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimVolume {
    /// The claim's name.
    pub claim_name: String,
    /// Mount read-only.
    #[serde(skip_serializing_if = "is_false")]
    pub read_only: bool,
}

/// File permission bits (`defaultMode`, `mode`), written as the decimal number the API stores
/// (`0o644` is written `420`). Valid values are `0..=0o777`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct FileMode(pub u32);

/// One key projected to a file (`items[j]` of configMap and secret volumes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyToPath {
    /// The key in the ConfigMap or Secret.
    pub key: String,
    /// Permission bits of this file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<FileMode>,
    /// The relative file path.
    pub path: String,
}

/// `configMap`: a ConfigMap's keys as files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigMapVolume {
    /// Permission bits of the files (default `0o644`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_mode: Option<FileMode>,
    /// Which keys to project, and where; empty means all keys.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<KeyToPath>,
    /// The ConfigMap's name.
    pub name: String,
    /// Whether the pod may start when the ConfigMap is missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub optional: Option<bool>,
}

/// `secret`: a Secret's keys as files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SecretVolume {
    /// Permission bits of the files (default `0o644`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_mode: Option<FileMode>,
    /// Which keys to project, and where; empty means all keys.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<KeyToPath>,
    /// Whether the pod may start when the Secret is missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub optional: Option<bool>,
    /// The Secret's name.
    pub secret_name: String,
}

/// `downwardAPI`: pod fields as files.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DownwardApiVolume {
    /// Permission bits of the files (default `0o644`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_mode: Option<FileMode>,
    /// The files.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<DownwardApiFile>,
}

/// One file of a `downwardAPI` volume: a path and exactly one source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownwardApiFile {
    /// The relative file path.
    pub path: String,
    /// Permission bits of this file.
    pub mode: Option<FileMode>,
    /// What the file holds.
    pub source: DownwardApiSource,
}

/// What a `downwardAPI` file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DownwardApiSource {
    /// A pod field such as `metadata.labels` (`fieldRef.fieldPath`).
    Field(String),
    /// A container's resource limit or request (`resourceFieldRef`).
    Resource {
        /// The container.
        container_name: String,
        /// The resource, e.g. `limits.memory`.
        resource: String,
        /// The unit the value is divided by, e.g. `1Mi`.
        divisor: Option<Quantity>,
    },
}

impl Serialize for DownwardApiFile {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct FieldRef<'a> {
            field_path: &'a str,
        }
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct ResourceRef<'a> {
            container_name: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            divisor: &'a Option<Quantity>,
            resource: &'a str,
        }
        let mut st = s.serialize_struct("DownwardAPIVolumeFile", 3)?;
        if let DownwardApiSource::Field(path) = &self.source {
            st.serialize_field("fieldRef", &FieldRef { field_path: path })?;
        }
        if let Some(mode) = &self.mode {
            st.serialize_field("mode", mode)?;
        }
        st.serialize_field("path", &self.path)?;
        if let DownwardApiSource::Resource { container_name, resource, divisor } = &self.source {
            let r = ResourceRef { container_name, divisor, resource };
            st.serialize_field("resourceFieldRef", &r)?;
        }
        st.end()
    }
}

/// `csi`: an inline (ephemeral) CSI volume.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CsiVolume {
    /// The CSI driver's name, e.g. `secrets-store.csi.k8s.io`.
    pub driver: String,
    /// Filesystem type, e.g. `ext4`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fs_type: Option<String>,
    /// A Secret passed to the driver's NodePublishVolume call.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_publish_secret_ref: Option<LocalObjectReference>,
    /// Mount read-only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_only: Option<bool>,
    /// Driver-specific attributes.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub volume_attributes: StringMap,
}

/// A reference to an object of the same namespace by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocalObjectReference {
    /// The object's name.
    pub name: String,
}

/// `ephemeral`: a claim created from a template with the pod and deleted with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EphemeralVolume {
    /// The claim to create (its name will be `<pod>-<volume>`).
    pub volume_claim_template: PvcTemplate,
}

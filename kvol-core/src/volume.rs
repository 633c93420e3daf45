//! Pod volumes: a name and exactly one source, by construction.

use crate::{meta::StringMap, pvc::PvcTemplate, quantity::Quantity};
use serde_core::{Serialize, Serializer, ser::SerializeMap, ser::SerializeStruct};
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
        Volume {
            name: name.into(),
            source,
        }
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
#[derive(Debug, Clone, PartialEq)]
#[allow(
    clippy::large_enum_variant,
    reason = "built once per volume and moved, never stored in bulk; boxing `Ephemeral` would change the model's public shape"
)]
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
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmptyDir {
    /// Where the directory lives; unset means the node's disk.
    pub medium: Option<StorageMedium>,
    /// The most the volume may hold.
    pub size_limit: Option<Quantity>,
}
serialize_struct!(EmptyDir {
    "medium" => medium skip_if Option::is_none,
    "sizeLimit" => size_limit skip_if Option::is_none,
});

/// The medium of an `emptyDir`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StorageMedium {
    /// tmpfs (RAM); counts against the container's memory limit.
    Memory,
    /// Huge pages.
    HugePages,
}
serialize_struct!(
    enum StorageMedium {
        Memory,
        HugePages,
    }
);

/// `hostPath`: a path on the node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPath {
    /// The path on the node.
    pub path: String,
    /// What must exist at the path; unset means no check (kvol warns).
    pub kind: Option<HostPathType>,
}
serialize_struct!(HostPath {
    "path" => path,
    "type" => kind skip_if Option::is_none,
});

/// What a `hostPath` must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
serialize_struct!(
    enum HostPathType {
        DirectoryOrCreate,
        Directory,
        FileOrCreate,
        File,
        Socket,
        CharDevice,
        BlockDevice,
    }
);

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nfs {
    /// The exported path (absolute).
    pub path: String,
    /// Mount read-only.
    pub read_only: bool,
    /// Host name or IP address of the NFS server.
    pub server: String,
}
serialize_struct!(Nfs {
    "path" => path,
    "readOnly" => read_only skip_if is_false,
    "server" => server,
});

/// `persistentVolumeClaim`: use a claim of the pod's namespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimVolume {
    /// The claim's name.
    pub claim_name: String,
    /// Mount read-only.
    pub read_only: bool,
}
serialize_struct!(ClaimVolume {
    "claimName" => claim_name,
    "readOnly" => read_only skip_if is_false,
});

/// File permission bits (`defaultMode`, `mode`), written as the decimal number the API stores
/// (`0o644` is written `420`). Valid values are `0..=0o777`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileMode(pub u32);
serialize_struct!(FileMode(transparent));

/// One key projected to a file (`items[j]` of configMap and secret volumes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyToPath {
    /// The key in the ConfigMap or Secret.
    pub key: String,
    /// Permission bits of this file.
    pub mode: Option<FileMode>,
    /// The relative file path.
    pub path: String,
}
serialize_struct!(KeyToPath {
    "key" => key,
    "mode" => mode skip_if Option::is_none,
    "path" => path,
});

/// `configMap`: a ConfigMap's keys as files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigMapVolume {
    /// Permission bits of the files (default `0o644`).
    pub default_mode: Option<FileMode>,
    /// Which keys to project, and where; empty means all keys.
    pub items: Vec<KeyToPath>,
    /// The ConfigMap's name.
    pub name: String,
    /// Whether the pod may start when the ConfigMap is missing.
    pub optional: Option<bool>,
}
serialize_struct!(ConfigMapVolume {
    "defaultMode" => default_mode skip_if Option::is_none,
    "items" => items skip_if Vec::is_empty,
    "name" => name,
    "optional" => optional skip_if Option::is_none,
});

/// `secret`: a Secret's keys as files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretVolume {
    /// Permission bits of the files (default `0o644`).
    pub default_mode: Option<FileMode>,
    /// Which keys to project, and where; empty means all keys.
    pub items: Vec<KeyToPath>,
    /// Whether the pod may start when the Secret is missing.
    pub optional: Option<bool>,
    /// The Secret's name.
    pub secret_name: String,
}
serialize_struct!(SecretVolume {
    "defaultMode" => default_mode skip_if Option::is_none,
    "items" => items skip_if Vec::is_empty,
    "optional" => optional skip_if Option::is_none,
    "secretName" => secret_name,
});

/// `downwardAPI`: pod fields as files.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DownwardApiVolume {
    /// Permission bits of the files (default `0o644`).
    pub default_mode: Option<FileMode>,
    /// The files.
    pub items: Vec<DownwardApiFile>,
}
serialize_struct!(DownwardApiVolume {
    "defaultMode" => default_mode skip_if Option::is_none,
    "items" => items skip_if Vec::is_empty,
});

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
        struct FieldRef<'a> {
            field_path: &'a str,
        }
        serialize_struct!(FieldRef<'a> {
            "fieldPath" => field_path,
        });
        struct ResourceRef<'a> {
            container_name: &'a str,
            divisor: &'a Option<Quantity>,
            resource: &'a str,
        }
        serialize_struct!(ResourceRef<'a> {
            "containerName" => container_name,
            "divisor" => divisor skip_if Option::is_none,
            "resource" => resource,
        });
        let mut st = s.serialize_struct("DownwardAPIVolumeFile", 3)?;
        if let DownwardApiSource::Field(path) = &self.source {
            st.serialize_field("fieldRef", &FieldRef { field_path: path })?;
        }
        if let Some(mode) = &self.mode {
            st.serialize_field("mode", mode)?;
        }
        st.serialize_field("path", &self.path)?;
        if let DownwardApiSource::Resource {
            container_name,
            resource,
            divisor,
        } = &self.source
        {
            let r = ResourceRef {
                container_name,
                divisor,
                resource,
            };
            st.serialize_field("resourceFieldRef", &r)?;
        }
        st.end()
    }
}

/// `csi`: an inline (ephemeral) CSI volume.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsiVolume {
    /// The CSI driver's name, e.g. `secrets-store.csi.k8s.io`.
    pub driver: String,
    /// Filesystem type, e.g. `ext4`.
    pub fs_type: Option<String>,
    /// A Secret passed to the driver's NodePublishVolume call.
    pub node_publish_secret_ref: Option<LocalObjectReference>,
    /// Mount read-only.
    pub read_only: Option<bool>,
    /// Driver-specific attributes.
    pub volume_attributes: StringMap,
}
serialize_struct!(CsiVolume {
    "driver" => driver,
    "fsType" => fs_type skip_if Option::is_none,
    "nodePublishSecretRef" => node_publish_secret_ref skip_if Option::is_none,
    "readOnly" => read_only skip_if Option::is_none,
    "volumeAttributes" => volume_attributes skip_if BTreeMap::is_empty,
});

/// A reference to an object of the same namespace by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalObjectReference {
    /// The object's name.
    pub name: String,
}
serialize_struct!(LocalObjectReference {
    "name" => name,
});

/// `ephemeral`: a claim created from a template with the pod and deleted with it.
#[derive(Debug, Clone, PartialEq)]
pub struct EphemeralVolume {
    /// The claim to create (its name will be `<pod>-<volume>`).
    pub volume_claim_template: PvcTemplate,
}
serialize_struct!(EphemeralVolume {
    "volumeClaimTemplate" => volume_claim_template,
});

/// Constructors for the common sources; the variants stay available for full control.
impl VolumeSource {
    /// `emptyDir: {}`: scratch space on the node's disk, as long as the pod lives.
    ///
    /// ```
    /// use kvol_core::{Pod, Container, VolumeSource};
    /// let pod = Pod::builder("scratch")
    ///     .container(Container::builder("app", "busybox").mount("tmp", "/tmp"))
    ///     .volume("tmp", VolumeSource::empty_dir())
    ///     .build()?;
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn empty_dir() -> VolumeSource {
        VolumeSource::EmptyDir(EmptyDir::default())
    }

    /// `emptyDir: {medium: Memory}`: a tmpfs, counted against the container's memory limit.
    pub fn empty_dir_memory() -> VolumeSource {
        VolumeSource::EmptyDir(EmptyDir {
            medium: Some(StorageMedium::Memory),
            size_limit: None,
        })
    }

    /// `emptyDir: {sizeLimit: size}` on the node's disk.
    ///
    /// Text that is not a quantity gives an error whose path is relative to the volume
    /// (`emptyDir.sizeLimit`); pass the result straight to a builder's `.volume(name, ..)`,
    /// which reports it at `spec.volumes[i].emptyDir.sizeLimit`.
    ///
    /// ```
    /// use kvol_core::{Pod, Container, VolumeSource};
    /// let pod = Pod::builder("cache")
    ///     .container(Container::builder("app", "busybox").mount("cache", "/cache"))
    ///     .volume("cache", VolumeSource::empty_dir_sized("500Mi"))
    ///     .build()?;
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    // A `FieldError` (path, rule, help) is large, but made at most once per call.
    #[allow(clippy::result_large_err)]
    pub fn empty_dir_sized(
        size: impl crate::builder::IntoQuantity,
    ) -> Result<VolumeSource, crate::report::FieldError> {
        let path = crate::report::FieldPath::root()
            .child("emptyDir")
            .child("sizeLimit");
        match size.into_quantity() {
            Ok(q) => Ok(VolumeSource::EmptyDir(EmptyDir {
                medium: None,
                size_limit: Some(q),
            })),
            Err(e) => {
                let cause = e.rule();
                let mut error = e.into_field_error(path);
                error.rule = crate::rules::ids::S3_1_QUANTITY_SIZE_LIMIT;
                Err(error.with_cause(cause))
            }
        }
    }

    /// `hostPath`: `path` on the node; `kind` is a [`HostPathType`] or `None` (no check, which
    /// kvol warns about).
    pub fn host_path(
        path: impl Into<String>,
        kind: impl Into<Option<HostPathType>>,
    ) -> VolumeSource {
        VolumeSource::HostPath(HostPath {
            path: path.into(),
            kind: kind.into(),
        })
    }

    /// `nfs`: the export `path` of `server`.
    pub fn nfs(
        server: impl Into<String>,
        path: impl Into<String>,
        read_only: bool,
    ) -> VolumeSource {
        VolumeSource::Nfs(Nfs {
            path: path.into(),
            read_only,
            server: server.into(),
        })
    }

    /// `persistentVolumeClaim`: the claim `claim_name` of the pod's namespace.
    pub fn claim(claim_name: impl Into<String>, read_only: bool) -> VolumeSource {
        VolumeSource::PersistentVolumeClaim(ClaimVolume {
            claim_name: claim_name.into(),
            read_only,
        })
    }

    /// `configMap`: every key of the ConfigMap `name` as a file.
    pub fn config_map(name: impl Into<String>) -> VolumeSource {
        VolumeSource::ConfigMap(ConfigMapVolume {
            default_mode: None,
            items: Vec::new(),
            name: name.into(),
            optional: None,
        })
    }

    /// `secret`: every key of the Secret `secret_name` as a file.
    pub fn secret(secret_name: impl Into<String>) -> VolumeSource {
        VolumeSource::Secret(SecretVolume {
            default_mode: None,
            items: Vec::new(),
            optional: None,
            secret_name: secret_name.into(),
        })
    }

    /// `downwardAPI`: pod fields as the files `items`.
    pub fn downward_api(items: impl IntoIterator<Item = DownwardApiFile>) -> VolumeSource {
        VolumeSource::DownwardApi(DownwardApiVolume {
            default_mode: None,
            items: items.into_iter().collect(),
        })
    }

    /// `csi`: an inline volume of the CSI driver `driver`.
    pub fn csi(driver: impl Into<String>) -> VolumeSource {
        VolumeSource::Csi(CsiVolume {
            driver: driver.into(),
            fs_type: None,
            node_publish_secret_ref: None,
            read_only: None,
            volume_attributes: StringMap::new(),
        })
    }

    /// `ephemeral`: a claim created from `template` with the pod and deleted with it. The
    /// claim is named `<pod>-<volume>`, so a name in the template is dropped (the API server
    /// forbids one).
    pub fn ephemeral(mut template: PvcTemplate) -> VolumeSource {
        template.metadata.name = None;
        VolumeSource::Ephemeral(EphemeralVolume {
            volume_claim_template: template,
        })
    }

    /// `ephemeral` from a claim template builder ([`PvcTemplate::builder`]). Conversion errors
    /// (a size that is missing or does not parse) have paths relative to the volume
    /// (`ephemeral.volumeClaimTemplate.spec.resources.requests[storage]`); pass the result
    /// straight to a builder's `.volume(name, ..)`, which reports them at `spec.volumes[i]…`.
    ///
    /// ```
    /// use kvol_core::{AccessMode, Container, Pod, PvcTemplate, VolumeSource};
    /// let scratch = PvcTemplate::builder("scratch")
    ///     .access_mode(AccessMode::ReadWriteOnce)
    ///     .request("10Gi");
    /// let pod = Pod::builder("job")
    ///     .container(Container::builder("job", "busybox").mount("scratch", "/scratch"))
    ///     .volume("scratch", VolumeSource::ephemeral_claim(scratch))
    ///     .build()?;
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn ephemeral_claim(
        template: crate::builder::PvcTemplateBuilder,
    ) -> Result<VolumeSource, Vec<crate::report::FieldError>> {
        let base = crate::report::FieldPath::root()
            .child("ephemeral")
            .child("volumeClaimTemplate");
        let mut problems = crate::builder::Problems::default();
        let template = template.assemble(&base, &mut problems);
        if problems.is_empty() {
            Ok(VolumeSource::ephemeral(template))
        } else {
            Err(problems.into_errors())
        }
    }
}

//! Pod volumes: a name and exactly one source, by construction.

use crate::render::{Emit, Sink};
use crate::{meta::StringMap, pvc::PvcTemplate, quantity::Quantity};
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

impl Emit for Volume {
    fn emit(&self, out: &mut dyn Sink) {
        // Keys in kubectl's (alphabetical) order: the source key sorts around `name`.
        out.begin_map();
        let key = self.source.key();
        if key > "name" {
            out.field("name", &self.name);
        }
        self.source.emit_entry(out);
        if key < "name" {
            out.field("name", &self.name);
        }
        out.end_map();
    }
}
serde_via_emit!(Volume);

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
    /// Several sources (service account token, ConfigMaps, Secrets, pod fields) in one
    /// directory.
    Projected(ProjectedVolume),
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
            VolumeSource::Projected(_) => "projected",
        }
    }

    /// Writes `key: value` for this source into a mapping being written.
    pub(crate) fn emit_entry(&self, out: &mut dyn Sink) {
        let key = self.key();
        match self {
            VolumeSource::EmptyDir(v) => out.field(key, v),
            VolumeSource::HostPath(v) => out.field(key, v),
            VolumeSource::Nfs(v) => out.field(key, v),
            VolumeSource::PersistentVolumeClaim(v) => out.field(key, v),
            VolumeSource::ConfigMap(v) => out.field(key, v),
            VolumeSource::Secret(v) => out.field(key, v),
            VolumeSource::DownwardApi(v) => out.field(key, v),
            VolumeSource::Csi(v) => out.field(key, v),
            VolumeSource::Ephemeral(v) => out.field(key, v),
            VolumeSource::Projected(v) => out.field(key, v),
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
emit_struct!(EmptyDir {
    "medium" => medium skip_if Option::is_none,
    "sizeLimit" => size_limit skip_if Option::is_none,
});

api_enum! {
    /// The medium of an `emptyDir`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum StorageMedium("storage medium") {
        /// tmpfs (RAM); counts against the container's memory limit.
        Memory = "Memory",
        /// Huge pages.
        HugePages = "HugePages",
    }
}

/// `hostPath`: a path on the node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPath {
    /// The path on the node.
    pub path: String,
    /// What must exist at the path; unset means no check (kvol warns).
    pub kind: Option<HostPathType>,
}
emit_struct!(HostPath {
    "path" => path,
    "type" => kind skip_if Option::is_none,
});

api_enum! {
    /// What a `hostPath` must be.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum HostPathType("host path type") {
        /// A directory, created (0755) if missing.
        DirectoryOrCreate = "DirectoryOrCreate",
        /// An existing directory.
        Directory = "Directory",
        /// A file, created (0644) if missing.
        FileOrCreate = "FileOrCreate",
        /// An existing file.
        File = "File",
        /// An existing UNIX socket.
        Socket = "Socket",
        /// An existing character device.
        CharDevice = "CharDevice",
        /// An existing block device.
        BlockDevice = "BlockDevice",
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
emit_struct!(Nfs {
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
emit_struct!(ClaimVolume {
    "claimName" => claim_name,
    "readOnly" => read_only skip_if is_false,
});

/// File permission bits (`defaultMode`, `mode`), written as the decimal number the API stores
/// (`0o644` is written `420`). Valid values are `0..=0o777`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileMode(pub u32);
emit_struct!(FileMode(transparent));

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
emit_struct!(KeyToPath {
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
emit_struct!(ConfigMapVolume {
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
emit_struct!(SecretVolume {
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
emit_struct!(DownwardApiVolume {
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

impl Emit for DownwardApiFile {
    fn emit(&self, out: &mut dyn Sink) {
        struct FieldRef<'a> {
            field_path: &'a str,
        }
        emit_struct!(FieldRef<'a> {
            "fieldPath" => field_path,
        });
        struct ResourceRef<'a> {
            container_name: &'a str,
            divisor: &'a Option<Quantity>,
            resource: &'a str,
        }
        emit_struct!(ResourceRef<'a> {
            "containerName" => container_name,
            "divisor" => divisor skip_if Option::is_none,
            "resource" => resource,
        });
        out.begin_map();
        if let DownwardApiSource::Field(path) = &self.source {
            out.field("fieldRef", &FieldRef { field_path: path });
        }
        if let Some(mode) = &self.mode {
            out.field("mode", mode);
        }
        out.field("path", &self.path);
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
            out.field("resourceFieldRef", &r);
        }
        out.end_map();
    }
}
serde_via_emit!(DownwardApiFile);

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
emit_struct!(CsiVolume {
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
emit_struct!(LocalObjectReference {
    "name" => name,
});

/// `ephemeral`: a claim created from a template with the pod and deleted with it.
#[derive(Debug, Clone, PartialEq)]
pub struct EphemeralVolume {
    /// The claim to create (its name will be `<pod>-<volume>`).
    pub volume_claim_template: PvcTemplate,
}
emit_struct!(EphemeralVolume {
    "volumeClaimTemplate" => volume_claim_template,
});

/// `projected`: several sources projected into one directory.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProjectedVolume {
    /// Permission bits of the files (default `0o644`).
    pub default_mode: Option<FileMode>,
    /// The sources, each exactly one kind.
    pub sources: Vec<VolumeProjection>,
}
emit_struct!(ProjectedVolume {
    "defaultMode" => default_mode skip_if Option::is_none,
    "sources" => sources skip_if Vec::is_empty,
});

/// One source of a `projected` volume (`sources[j]`). As in the API, each kind is a field and
/// exactly one must be set (the constructors set one; validation checks it).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VolumeProjection {
    /// Certificates of ClusterTrustBundles.
    pub cluster_trust_bundle: Option<ClusterTrustBundleProjection>,
    /// Keys of a ConfigMap.
    pub config_map: Option<ConfigMapProjection>,
    /// Pod fields.
    pub downward_api: Option<DownwardApiProjection>,
    /// Keys of a Secret.
    pub secret: Option<SecretProjection>,
    /// A token of the pod's service account.
    pub service_account_token: Option<ServiceAccountTokenProjection>,
}
emit_struct!(VolumeProjection {
    "clusterTrustBundle" => cluster_trust_bundle skip_if Option::is_none,
    "configMap" => config_map skip_if Option::is_none,
    "downwardAPI" => downward_api skip_if Option::is_none,
    "secret" => secret skip_if Option::is_none,
    "serviceAccountToken" => service_account_token skip_if Option::is_none,
});

impl VolumeProjection {
    /// A service account token for `audience` (unset: the API server's), valid for
    /// `expiration_seconds` (unset: one hour), written to `path`.
    pub fn service_account_token(
        path: impl Into<String>,
        audience: Option<String>,
        expiration_seconds: Option<i64>,
    ) -> Self {
        VolumeProjection {
            service_account_token: Some(ServiceAccountTokenProjection {
                audience,
                expiration_seconds,
                path: path.into(),
            }),
            ..Default::default()
        }
    }

    /// Every key of the ConfigMap `name`.
    pub fn config_map(name: impl Into<String>) -> Self {
        VolumeProjection {
            config_map: Some(ConfigMapProjection {
                items: Vec::new(),
                name: name.into(),
                optional: None,
            }),
            ..Default::default()
        }
    }

    /// Every key of the Secret `name`.
    pub fn secret(name: impl Into<String>) -> Self {
        VolumeProjection {
            secret: Some(SecretProjection {
                items: Vec::new(),
                name: name.into(),
                optional: None,
            }),
            ..Default::default()
        }
    }

    /// Pod fields as the files `items`.
    pub fn downward_api(items: impl IntoIterator<Item = DownwardApiFile>) -> Self {
        VolumeProjection {
            downward_api: Some(DownwardApiProjection {
                items: items.into_iter().collect(),
            }),
            ..Default::default()
        }
    }

    /// The kinds set, as API field names (exactly one in a valid projection).
    pub fn kinds(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.cluster_trust_bundle.is_some() {
            out.push("clusterTrustBundle");
        }
        if self.config_map.is_some() {
            out.push("configMap");
        }
        if self.downward_api.is_some() {
            out.push("downwardAPI");
        }
        if self.secret.is_some() {
            out.push("secret");
        }
        if self.service_account_token.is_some() {
            out.push("serviceAccountToken");
        }
        out
    }
}

/// `sources[j].configMap`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigMapProjection {
    /// Which keys to project, and where; empty means all keys.
    pub items: Vec<KeyToPath>,
    /// The ConfigMap's name.
    pub name: String,
    /// Whether the pod may start when the ConfigMap is missing.
    pub optional: Option<bool>,
}
emit_struct!(ConfigMapProjection {
    "items" => items skip_if Vec::is_empty,
    "name" => name,
    "optional" => optional skip_if Option::is_none,
});

/// `sources[j].secret`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretProjection {
    /// Which keys to project, and where; empty means all keys.
    pub items: Vec<KeyToPath>,
    /// The Secret's name.
    pub name: String,
    /// Whether the pod may start when the Secret is missing.
    pub optional: Option<bool>,
}
emit_struct!(SecretProjection {
    "items" => items skip_if Vec::is_empty,
    "name" => name,
    "optional" => optional skip_if Option::is_none,
});

/// `sources[j].downwardAPI`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DownwardApiProjection {
    /// The files.
    pub items: Vec<DownwardApiFile>,
}
emit_struct!(DownwardApiProjection {
    "items" => items skip_if Vec::is_empty,
});

/// `sources[j].serviceAccountToken`: a bound token of the pod's service account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceAccountTokenProjection {
    /// The token's audience (unset: the API server's).
    pub audience: Option<String>,
    /// The token's lifetime in seconds (at least 600; default 3600).
    pub expiration_seconds: Option<i64>,
    /// The relative file path.
    pub path: String,
}
emit_struct!(ServiceAccountTokenProjection {
    "audience" => audience skip_if Option::is_none,
    "expirationSeconds" => expiration_seconds skip_if Option::is_none,
    "path" => path,
});

/// `sources[j].clusterTrustBundle`: certificates of ClusterTrustBundles, by name or by signer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClusterTrustBundleProjection {
    /// With `signer_name`: the bundles whose labels match.
    pub label_selector: Option<crate::selector::LabelSelector>,
    /// One bundle by name (excludes `signer_name`).
    pub name: Option<String>,
    /// Whether the pod may start when no bundle is found.
    pub optional: Option<bool>,
    /// The relative file path.
    pub path: String,
    /// The bundles of this signer (excludes `name`).
    pub signer_name: Option<String>,
}
emit_struct!(ClusterTrustBundleProjection {
    "labelSelector" => label_selector skip_if Option::is_none,
    "name" => name skip_if Option::is_none,
    "optional" => optional skip_if Option::is_none,
    "path" => path,
    "signerName" => signer_name skip_if Option::is_none,
});

/// Constructors for the common sources; the variants stay available for full control.
impl VolumeSource {
    /// `emptyDir: {}`: scratch space on the node's disk, as long as the pod lives.
    ///
    /// ```
    /// use kvol_core::{Volume, VolumeSource};
    /// let tmp = Volume::new("tmp", VolumeSource::empty_dir());
    /// assert!(matches!(tmp.source, VolumeSource::EmptyDir(_)));
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

    /// `projected`: the `sources` in one directory.
    pub fn projected(sources: impl IntoIterator<Item = VolumeProjection>) -> VolumeSource {
        VolumeSource::Projected(ProjectedVolume {
            default_mode: None,
            sources: sources.into_iter().collect(),
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
}

//! Removed and deprecated in-tree volume plugins: accepted with a warning that names the
//! release that removed the plugin and the CSI driver to use instead (k8s-rules.md §15).
//!
//! Everything kvol knows about each plugin is one row of [`PLUGINS`] ([`PluginInfo`]): the API
//! key, the `kvol` DSL keyword and its fields, the in-tree provisioner name, the releases that
//! deprecated and removed it, and the CSI driver to use instead. Parsing, the warnings and the
//! docs read that table (kvol-dsl parses, lowers and names its warnings from it);
//! [`LegacyPlugin`]'s methods are views of its row. The text that cannot read it (the `pv!`
//! docs) is checked against it by `kvol-core/tests/legacy_table.rs`.
//!
//! ```
//! use kvol_core::legacy::{LegacyPlugin, PLUGINS};
//!
//! let gce = LegacyPlugin::from_keyword("gce_pd").unwrap();
//! assert_eq!(gce, LegacyPlugin::GcePersistentDisk);
//! assert_eq!(gce.key(), "gcePersistentDisk");
//! assert_eq!(gce.info().removed_in, 28);
//! assert_eq!(gce.info().csi_driver, Some("pd.csi.storage.gke.io"));
//! assert_eq!(LegacyPlugin::from_provisioner("kubernetes.io/gce-pd"), Some(gce));
//! assert_eq!(LegacyPlugin::from_key("rbd"), Some(LegacyPlugin::Rbd));
//! assert_eq!(PLUGINS.len(), LegacyPlugin::ALL.len());
//! ```

use crate::render::{Emit, Sink};

/// A legacy in-tree plugin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LegacyPlugin {
    /// `gcePersistentDisk`.
    GcePersistentDisk,
    /// `awsElasticBlockStore`.
    AwsElasticBlockStore,
    /// `azureDisk`.
    AzureDisk,
    /// `azureFile`.
    AzureFile,
    /// `cephfs`.
    Cephfs,
    /// `cinder`.
    Cinder,
    /// `glusterfs`.
    Glusterfs,
    /// `rbd`.
    Rbd,
    /// `vsphereVolume`.
    VsphereVolume,
    /// `portworxVolume`.
    PortworxVolume,
}

/// A field of a legacy source in the `kvol` DSL (`pd_name: "…"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DslField {
    /// The DSL key (the Rust field name of [`LegacySource`]'s variant).
    pub name: &'static str,
    /// The API's field name (`volumeID` for `volume_id`): where its errors are reported.
    pub api: &'static str,
    /// The API requires it.
    pub required: bool,
}

/// One row of the legacy plugin table ([`PLUGINS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PluginInfo {
    /// The plugin.
    pub plugin: LegacyPlugin,
    /// The field name of the source in the API (`gcePersistentDisk`).
    pub key: &'static str,
    /// The keyword of the source in the `kvol` DSL (`gce_pd`).
    pub keyword: &'static str,
    /// The source's fields in the DSL, in the order the DSL documents them.
    pub fields: &'static [DslField],
    /// The in-tree provisioner name StorageClasses used for it (`kubernetes.io/gce-pd`), if any.
    pub provisioner: Option<&'static str>,
    /// Minor release that deprecated the plugin (`1.x`).
    pub deprecated_in: u32,
    /// Minor release whose kubelet no longer ships the in-tree driver.
    pub removed_in: u32,
    /// The CSI driver the in-tree plugin migrates to, if any (`None`: the plugin simply stopped
    /// working).
    pub csi_driver: Option<&'static str>,
    /// For a plugin without a migration driver: the community CSI driver usually used instead
    /// (the Ceph drivers).
    pub alternative_csi_driver: Option<&'static str>,
}

/// What is known about a legacy plugin's end of life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PluginLifecycle {
    /// Minor release that deprecated the plugin (`1.x`).
    pub deprecated_in: u32,
    /// Minor release whose kubelet no longer ships the in-tree driver.
    pub removed_in: u32,
    /// The CSI driver that replaces it, if any (`None`: the plugin simply stopped working).
    pub csi_driver: Option<&'static str>,
}

const fn required(name: &'static str, api: &'static str) -> DslField {
    DslField {
        name,
        api,
        required: true,
    }
}

const fn optional(name: &'static str, api: &'static str) -> DslField {
    DslField {
        name,
        api,
        required: false,
    }
}

/// Every legacy plugin, in [`LegacyPlugin`]'s order (`PLUGINS[p as usize].plugin == p`).
/// Releases and drivers: kubernetes/website "Removed volume types".
pub const PLUGINS: &[PluginInfo] = &[
    PluginInfo {
        plugin: LegacyPlugin::GcePersistentDisk,
        key: "gcePersistentDisk",
        keyword: "gce_pd",
        fields: &[
            required("pd_name", "pdName"),
            optional("fs_type", "fsType"),
            optional("partition", "partition"),
            optional("read_only", "readOnly"),
        ],
        provisioner: Some("kubernetes.io/gce-pd"),
        deprecated_in: 17,
        removed_in: 28,
        csi_driver: Some("pd.csi.storage.gke.io"),
        alternative_csi_driver: None,
    },
    PluginInfo {
        plugin: LegacyPlugin::AwsElasticBlockStore,
        key: "awsElasticBlockStore",
        keyword: "aws_ebs",
        fields: &[
            required("volume_id", "volumeID"),
            optional("fs_type", "fsType"),
            optional("partition", "partition"),
            optional("read_only", "readOnly"),
        ],
        provisioner: Some("kubernetes.io/aws-ebs"),
        deprecated_in: 19,
        removed_in: 27,
        csi_driver: Some("ebs.csi.aws.com"),
        alternative_csi_driver: None,
    },
    PluginInfo {
        plugin: LegacyPlugin::AzureDisk,
        key: "azureDisk",
        keyword: "azure_disk",
        fields: &[
            required("disk_name", "diskName"),
            required("disk_uri", "diskURI"),
            optional("fs_type", "fsType"),
            optional("read_only", "readOnly"),
        ],
        provisioner: Some("kubernetes.io/azure-disk"),
        deprecated_in: 19,
        removed_in: 27,
        csi_driver: Some("disk.csi.azure.com"),
        alternative_csi_driver: None,
    },
    PluginInfo {
        plugin: LegacyPlugin::AzureFile,
        key: "azureFile",
        keyword: "azure_file",
        fields: &[
            required("secret_name", "secretName"),
            required("share_name", "shareName"),
            optional("read_only", "readOnly"),
        ],
        provisioner: Some("kubernetes.io/azure-file"),
        deprecated_in: 21,
        removed_in: 30,
        csi_driver: Some("file.csi.azure.com"),
        alternative_csi_driver: None,
    },
    PluginInfo {
        plugin: LegacyPlugin::Cephfs,
        key: "cephfs",
        keyword: "cephfs",
        fields: &[
            required("monitors", "monitors"),
            optional("path", "path"),
            optional("read_only", "readOnly"),
        ],
        provisioner: None,
        deprecated_in: 28,
        removed_in: 31,
        csi_driver: None,
        alternative_csi_driver: Some("cephfs.csi.ceph.com"),
    },
    PluginInfo {
        plugin: LegacyPlugin::Cinder,
        key: "cinder",
        keyword: "cinder",
        fields: &[
            required("volume_id", "volumeID"),
            optional("fs_type", "fsType"),
            optional("read_only", "readOnly"),
        ],
        provisioner: Some("kubernetes.io/cinder"),
        deprecated_in: 11,
        removed_in: 26,
        csi_driver: Some("cinder.csi.openstack.org"),
        alternative_csi_driver: None,
    },
    PluginInfo {
        plugin: LegacyPlugin::Glusterfs,
        key: "glusterfs",
        keyword: "glusterfs",
        fields: &[
            required("endpoints", "endpoints"),
            required("path", "path"),
            optional("read_only", "readOnly"),
        ],
        provisioner: Some("kubernetes.io/glusterfs"),
        deprecated_in: 25,
        removed_in: 26,
        csi_driver: None,
        alternative_csi_driver: None,
    },
    PluginInfo {
        plugin: LegacyPlugin::Rbd,
        key: "rbd",
        keyword: "rbd",
        fields: &[
            required("monitors", "monitors"),
            required("image", "image"),
            optional("fs_type", "fsType"),
            optional("read_only", "readOnly"),
        ],
        provisioner: Some("kubernetes.io/rbd"),
        deprecated_in: 28,
        removed_in: 31,
        csi_driver: None,
        alternative_csi_driver: Some("rbd.csi.ceph.com"),
    },
    PluginInfo {
        plugin: LegacyPlugin::VsphereVolume,
        key: "vsphereVolume",
        keyword: "vsphere",
        fields: &[
            required("volume_path", "volumePath"),
            optional("fs_type", "fsType"),
        ],
        provisioner: Some("kubernetes.io/vsphere-volume"),
        deprecated_in: 26,
        removed_in: 30,
        csi_driver: Some("csi.vsphere.vmware.com"),
        alternative_csi_driver: None,
    },
    PluginInfo {
        plugin: LegacyPlugin::PortworxVolume,
        key: "portworxVolume",
        keyword: "portworx",
        fields: &[
            required("volume_id", "volumeID"),
            optional("fs_type", "fsType"),
            optional("read_only", "readOnly"),
        ],
        provisioner: Some("kubernetes.io/portworx-volume"),
        deprecated_in: 25,
        removed_in: 36,
        csi_driver: Some("pxd.portworx.com"),
        alternative_csi_driver: None,
    },
];

impl LegacyPlugin {
    /// Every plugin, in declaration order (the order of [`PLUGINS`]).
    pub const ALL: [LegacyPlugin; 10] = [
        LegacyPlugin::GcePersistentDisk,
        LegacyPlugin::AwsElasticBlockStore,
        LegacyPlugin::AzureDisk,
        LegacyPlugin::AzureFile,
        LegacyPlugin::Cephfs,
        LegacyPlugin::Cinder,
        LegacyPlugin::Glusterfs,
        LegacyPlugin::Rbd,
        LegacyPlugin::VsphereVolume,
        LegacyPlugin::PortworxVolume,
    ];

    /// The plugin's row of [`PLUGINS`].
    pub fn info(self) -> &'static PluginInfo {
        &PLUGINS[self as usize]
    }

    /// The field name in the API.
    pub fn key(self) -> &'static str {
        self.info().key
    }

    /// The keyword in the `kvol` DSL.
    pub fn keyword(self) -> &'static str {
        self.info().keyword
    }

    /// Deprecation, removal and replacement.
    pub fn lifecycle(self) -> PluginLifecycle {
        let info = self.info();
        PluginLifecycle {
            deprecated_in: info.deprecated_in,
            removed_in: info.removed_in,
            csi_driver: info.csi_driver,
        }
    }

    /// The plugin whose API key is `key` (`gcePersistentDisk`).
    pub fn from_key(key: &str) -> Option<LegacyPlugin> {
        PLUGINS.iter().find(|p| p.key == key).map(|p| p.plugin)
    }

    /// The plugin whose DSL keyword is `keyword` (`gce_pd`).
    pub fn from_keyword(keyword: &str) -> Option<LegacyPlugin> {
        PLUGINS
            .iter()
            .find(|p| p.keyword == keyword)
            .map(|p| p.plugin)
    }

    /// The plugin behind an in-tree provisioner name (`kubernetes.io/gce-pd`).
    pub fn from_provisioner(provisioner: &str) -> Option<LegacyPlugin> {
        PLUGINS
            .iter()
            .find(|p| p.provisioner == Some(provisioner))
            .map(|p| p.plugin)
    }
}

/// A legacy in-tree volume source with its fields (the commonly used subset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LegacySource {
    /// A GCE persistent disk.
    GcePersistentDisk {
        /// The disk's name in GCE.
        pd_name: String,
        /// Filesystem type.
        fs_type: Option<String>,
        /// Partition number.
        partition: Option<i32>,
        /// Mount read-only.
        read_only: bool,
    },
    /// An AWS EBS volume.
    AwsElasticBlockStore {
        /// The EBS volume ID.
        volume_id: String,
        /// Filesystem type.
        fs_type: Option<String>,
        /// Partition number.
        partition: Option<i32>,
        /// Mount read-only.
        read_only: bool,
    },
    /// An Azure data disk.
    AzureDisk {
        /// The disk's name.
        disk_name: String,
        /// The disk's URI.
        disk_uri: String,
        /// Filesystem type.
        fs_type: Option<String>,
        /// Mount read-only.
        read_only: bool,
    },
    /// An Azure file share.
    AzureFile {
        /// The Secret holding the account name and key.
        secret_name: String,
        /// The share's name.
        share_name: String,
        /// Mount read-only.
        read_only: bool,
    },
    /// A CephFS mount.
    Cephfs {
        /// Ceph monitors.
        monitors: Vec<String>,
        /// Path inside the filesystem.
        path: Option<String>,
        /// Mount read-only.
        read_only: bool,
    },
    /// An OpenStack Cinder volume.
    Cinder {
        /// The volume ID.
        volume_id: String,
        /// Filesystem type.
        fs_type: Option<String>,
        /// Mount read-only.
        read_only: bool,
    },
    /// A GlusterFS volume.
    Glusterfs {
        /// The Endpoints object naming the servers.
        endpoints: String,
        /// The Gluster volume path.
        path: String,
        /// Mount read-only.
        read_only: bool,
    },
    /// A Ceph RBD image.
    Rbd {
        /// Ceph monitors.
        monitors: Vec<String>,
        /// The image name.
        image: String,
        /// Filesystem type.
        fs_type: Option<String>,
        /// Mount read-only.
        read_only: bool,
    },
    /// A vSphere VMDK.
    VsphereVolume {
        /// The VMDK path.
        volume_path: String,
        /// Filesystem type.
        fs_type: Option<String>,
    },
    /// A Portworx volume.
    PortworxVolume {
        /// The volume ID.
        volume_id: String,
        /// Filesystem type.
        fs_type: Option<String>,
        /// Mount read-only.
        read_only: bool,
    },
}

impl LegacySource {
    /// Which plugin this is.
    pub fn plugin(&self) -> LegacyPlugin {
        match self {
            LegacySource::GcePersistentDisk { .. } => LegacyPlugin::GcePersistentDisk,
            LegacySource::AwsElasticBlockStore { .. } => LegacyPlugin::AwsElasticBlockStore,
            LegacySource::AzureDisk { .. } => LegacyPlugin::AzureDisk,
            LegacySource::AzureFile { .. } => LegacyPlugin::AzureFile,
            LegacySource::Cephfs { .. } => LegacyPlugin::Cephfs,
            LegacySource::Cinder { .. } => LegacyPlugin::Cinder,
            LegacySource::Glusterfs { .. } => LegacyPlugin::Glusterfs,
            LegacySource::Rbd { .. } => LegacyPlugin::Rbd,
            LegacySource::VsphereVolume { .. } => LegacyPlugin::VsphereVolume,
            LegacySource::PortworxVolume { .. } => LegacyPlugin::PortworxVolume,
        }
    }
}

impl Emit for LegacySource {
    fn emit(&self, out: &mut dyn Sink) {
        out.begin_map();
        // Each arm writes its fields in alphabetical (kubectl) order.
        macro_rules! opt {
            ($k:literal, $v:expr) => {
                if let Some(v) = $v {
                    out.field($k, v);
                }
            };
        }
        macro_rules! flag {
            ($k:literal, $v:expr) => {
                if *$v {
                    out.field($k, &true);
                }
            };
        }
        match self {
            LegacySource::GcePersistentDisk {
                pd_name,
                fs_type,
                partition,
                read_only,
            } => {
                opt!("fsType", fs_type);
                opt!("partition", partition);
                out.field("pdName", pd_name);
                flag!("readOnly", read_only);
            }
            LegacySource::AwsElasticBlockStore {
                volume_id,
                fs_type,
                partition,
                read_only,
            } => {
                opt!("fsType", fs_type);
                opt!("partition", partition);
                flag!("readOnly", read_only);
                out.field("volumeID", volume_id);
            }
            LegacySource::AzureDisk {
                disk_name,
                disk_uri,
                fs_type,
                read_only,
            } => {
                out.field("diskName", disk_name);
                out.field("diskURI", disk_uri);
                opt!("fsType", fs_type);
                flag!("readOnly", read_only);
            }
            LegacySource::AzureFile {
                secret_name,
                share_name,
                read_only,
            } => {
                flag!("readOnly", read_only);
                out.field("secretName", secret_name);
                out.field("shareName", share_name);
            }
            LegacySource::Cephfs {
                monitors,
                path,
                read_only,
            } => {
                out.field("monitors", monitors);
                opt!("path", path);
                flag!("readOnly", read_only);
            }
            LegacySource::Cinder {
                volume_id,
                fs_type,
                read_only,
            } => {
                opt!("fsType", fs_type);
                flag!("readOnly", read_only);
                out.field("volumeID", volume_id);
            }
            LegacySource::Glusterfs {
                endpoints,
                path,
                read_only,
            } => {
                out.field("endpoints", endpoints);
                out.field("path", path);
                flag!("readOnly", read_only);
            }
            LegacySource::Rbd {
                monitors,
                image,
                fs_type,
                read_only,
            } => {
                opt!("fsType", fs_type);
                out.field("image", image);
                out.field("monitors", monitors);
                flag!("readOnly", read_only);
            }
            LegacySource::VsphereVolume {
                volume_path,
                fs_type,
            } => {
                opt!("fsType", fs_type);
                out.field("volumePath", volume_path);
            }
            LegacySource::PortworxVolume {
                volume_id,
                fs_type,
                read_only,
            } => {
                opt!("fsType", fs_type);
                flag!("readOnly", read_only);
                out.field("volumeID", volume_id);
            }
        }
        out.end_map();
    }
}
serde_via_emit!(LegacySource);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_enum_order_and_unique() {
        assert_eq!(PLUGINS.len(), LegacyPlugin::ALL.len());
        for (i, (info, plugin)) in PLUGINS.iter().zip(LegacyPlugin::ALL).enumerate() {
            assert_eq!(info.plugin, plugin);
            assert_eq!(plugin as usize, i);
            assert_eq!(LegacyPlugin::from_key(info.key), Some(plugin));
            assert_eq!(LegacyPlugin::from_keyword(info.keyword), Some(plugin));
            if let Some(p) = info.provisioner {
                assert_eq!(LegacyPlugin::from_provisioner(p), Some(plugin));
            }
            assert!(info.deprecated_in < info.removed_in);
            assert!(info.csi_driver.is_none() || info.alternative_csi_driver.is_none());
            assert!(info.fields.first().is_some_and(|f| f.required));
        }
    }
}

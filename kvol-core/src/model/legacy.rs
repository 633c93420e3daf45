//! Removed and deprecated in-tree volume plugins: accepted with a warning that names the
//! release that removed the plugin and the CSI driver to use instead (k8s-rules.md §15).

use serde_core::{Serialize, Serializer};

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

impl LegacyPlugin {
    /// The field name in the API.
    pub fn key(self) -> &'static str {
        match self {
            LegacyPlugin::GcePersistentDisk => "gcePersistentDisk",
            LegacyPlugin::AwsElasticBlockStore => "awsElasticBlockStore",
            LegacyPlugin::AzureDisk => "azureDisk",
            LegacyPlugin::AzureFile => "azureFile",
            LegacyPlugin::Cephfs => "cephfs",
            LegacyPlugin::Cinder => "cinder",
            LegacyPlugin::Glusterfs => "glusterfs",
            LegacyPlugin::Rbd => "rbd",
            LegacyPlugin::VsphereVolume => "vsphereVolume",
            LegacyPlugin::PortworxVolume => "portworxVolume",
        }
    }

    /// Deprecation, removal and replacement (kubernetes/website "Removed volume types").
    pub fn lifecycle(self) -> PluginLifecycle {
        let (deprecated_in, removed_in, csi_driver) = match self {
            LegacyPlugin::AwsElasticBlockStore => (19, 27, Some("ebs.csi.aws.com")),
            LegacyPlugin::AzureDisk => (19, 27, Some("disk.csi.azure.com")),
            LegacyPlugin::AzureFile => (21, 30, Some("file.csi.azure.com")),
            LegacyPlugin::Cephfs => (28, 31, None),
            LegacyPlugin::Cinder => (11, 26, Some("cinder.csi.openstack.org")),
            LegacyPlugin::GcePersistentDisk => (17, 28, Some("pd.csi.storage.gke.io")),
            LegacyPlugin::Glusterfs => (25, 26, None),
            LegacyPlugin::PortworxVolume => (25, 36, Some("pxd.portworx.com")),
            LegacyPlugin::Rbd => (28, 31, None),
            LegacyPlugin::VsphereVolume => (26, 30, Some("csi.vsphere.vmware.com")),
        };
        PluginLifecycle {
            deprecated_in,
            removed_in,
            csi_driver,
        }
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

impl Serialize for LegacySource {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde_core::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        // Each arm writes its fields in alphabetical (kubectl) order.
        macro_rules! opt {
            ($k:literal, $v:expr) => {
                if let Some(v) = $v {
                    m.serialize_entry($k, v)?;
                }
            };
        }
        macro_rules! flag {
            ($k:literal, $v:expr) => {
                if *$v {
                    m.serialize_entry($k, &true)?;
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
                m.serialize_entry("pdName", pd_name)?;
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
                m.serialize_entry("volumeID", volume_id)?;
            }
            LegacySource::AzureDisk {
                disk_name,
                disk_uri,
                fs_type,
                read_only,
            } => {
                m.serialize_entry("diskName", disk_name)?;
                m.serialize_entry("diskURI", disk_uri)?;
                opt!("fsType", fs_type);
                flag!("readOnly", read_only);
            }
            LegacySource::AzureFile {
                secret_name,
                share_name,
                read_only,
            } => {
                flag!("readOnly", read_only);
                m.serialize_entry("secretName", secret_name)?;
                m.serialize_entry("shareName", share_name)?;
            }
            LegacySource::Cephfs {
                monitors,
                path,
                read_only,
            } => {
                m.serialize_entry("monitors", monitors)?;
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
                m.serialize_entry("volumeID", volume_id)?;
            }
            LegacySource::Glusterfs {
                endpoints,
                path,
                read_only,
            } => {
                m.serialize_entry("endpoints", endpoints)?;
                m.serialize_entry("path", path)?;
                flag!("readOnly", read_only);
            }
            LegacySource::Rbd {
                monitors,
                image,
                fs_type,
                read_only,
            } => {
                opt!("fsType", fs_type);
                m.serialize_entry("image", image)?;
                m.serialize_entry("monitors", monitors)?;
                flag!("readOnly", read_only);
            }
            LegacySource::VsphereVolume {
                volume_path,
                fs_type,
            } => {
                opt!("fsType", fs_type);
                m.serialize_entry("volumePath", volume_path)?;
            }
            LegacySource::PortworxVolume {
                volume_id,
                fs_type,
                read_only,
            } => {
                opt!("fsType", fs_type);
                flag!("readOnly", read_only);
                m.serialize_entry("volumeID", volume_id)?;
            }
        }
        m.end()
    }
}

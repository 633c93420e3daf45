//! PersistentVolumes (cluster-scoped) and their sources.

use crate::render::{Emit, Sink};
use crate::{
    access::{AccessModes, ReclaimPolicy, VolumeMode},
    legacy::LegacySource,
    meta::{ClusterMeta, StringMap},
    quantity::Quantity,
    selector::VolumeNodeAffinity,
    volume::{HostPath, Nfs},
};
use std::collections::BTreeMap;

/// A PersistentVolume (`v1/PersistentVolume`, cluster-scoped: it has no namespace).
#[derive(Debug, Clone, PartialEq)]
pub struct PersistentVolume {
    /// Name (DNS-1123 subdomain), labels, annotations.
    pub metadata: ClusterMeta,
    /// Capacity, access modes, class and source.
    pub spec: PvSpec,
}

impl Emit for PersistentVolume {
    fn emit(&self, out: &mut dyn Sink) {
        out.begin_map();
        out.field("apiVersion", &"v1");
        out.field("kind", &"PersistentVolume");
        out.field("metadata", &self.metadata);
        out.field("spec", &self.spec);
        out.end_map();
    }
}
serde_via_emit!(PersistentVolume);

/// The spec of a PersistentVolume.
#[derive(Debug, Clone, PartialEq)]
pub struct PvSpec {
    /// Access modes the volume offers (at least one).
    pub access_modes: AccessModes,
    /// `capacity.storage`: the volume's size.
    pub capacity: Quantity,
    /// Pre-binding: the claim this volume is reserved for.
    pub claim_ref: Option<ClaimRef>,
    /// Mount options (not validated by the API server).
    pub mount_options: Vec<String>,
    /// Nodes the volume can be used from (required for `local`).
    pub node_affinity: Option<VolumeNodeAffinity>,
    /// What happens when the claim is released (default Retain).
    pub reclaim_policy: Option<ReclaimPolicy>,
    /// The class; claims bind only to PVs of their class (`None` and `""` mean no class).
    pub storage_class_name: Option<String>,
    /// Filesystem or Block (default Filesystem).
    pub volume_mode: Option<VolumeMode>,
    /// Where the data lives: exactly one source.
    pub source: PvSource,
}

impl Emit for PvSpec {
    fn emit(&self, out: &mut dyn Sink) {
        out.begin_map();
        let key = self.source.key();
        let mut source_written = false;
        // Fields in kubectl's (alphabetical) order, with the source slotted in by its key.
        macro_rules! field {
            ($name:literal, $present:expr, $value:expr) => {
                if !source_written && key < $name {
                    self.source.emit_entry(out);
                    source_written = true;
                }
                if $present {
                    out.field($name, $value);
                }
            };
        }
        field!("accessModes", true, &self.access_modes);
        field!("capacity", true, &Storage(&self.capacity));
        field!("claimRef", self.claim_ref.is_some(), &self.claim_ref);
        field!(
            "mountOptions",
            !self.mount_options.is_empty(),
            &self.mount_options
        );
        field!(
            "nodeAffinity",
            self.node_affinity.is_some(),
            &self.node_affinity
        );
        field!(
            "persistentVolumeReclaimPolicy",
            self.reclaim_policy.is_some(),
            &self.reclaim_policy
        );
        field!(
            "storageClassName",
            self.storage_class_name.is_some(),
            &self.storage_class_name
        );
        field!("volumeMode", self.volume_mode.is_some(), &self.volume_mode);
        if !source_written {
            self.source.emit_entry(out);
        }
        out.end_map();
    }
}
serde_via_emit!(PvSpec);

struct Storage<'a>(&'a Quantity);

impl Emit for Storage<'_> {
    fn emit(&self, out: &mut dyn Sink) {
        out.begin_map();
        out.field("storage", self.0);
        out.end_map();
    }
}

/// Pre-binding of a PV to a claim (`spec.claimRef`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRef {
    /// The claim's name.
    pub name: String,
    /// The claim's namespace.
    pub namespace: String,
}
emit_struct!(ClaimRef {
    "name" => name,
    "namespace" => namespace,
});

/// The source of a PersistentVolume: exactly one, by construction.
#[derive(Debug, Clone, PartialEq)]
#[allow(
    clippy::large_enum_variant,
    reason = "one source per PersistentVolume; boxing the CSI source would change the public shape"
)]
pub enum PvSource {
    /// A path on one node (single-node testing only).
    HostPath(HostPath),
    /// A local disk of one node (needs node affinity).
    Local(LocalVolume),
    /// An NFS export.
    Nfs(Nfs),
    /// A volume managed by a CSI driver.
    Csi(CsiPersistentVolume),
    /// An iSCSI target.
    Iscsi(IscsiVolume),
    /// A removed or deprecated in-tree plugin (accepted with a warning).
    Legacy(LegacySource),
}

impl PvSource {
    /// The field name of this source in the API, e.g. `csi`.
    pub fn key(&self) -> &'static str {
        match self {
            PvSource::HostPath(_) => "hostPath",
            PvSource::Local(_) => "local",
            PvSource::Nfs(_) => "nfs",
            PvSource::Csi(_) => "csi",
            PvSource::Iscsi(_) => "iscsi",
            PvSource::Legacy(l) => l.plugin().key(),
        }
    }

    fn emit_entry(&self, out: &mut dyn Sink) {
        let key = self.key();
        match self {
            PvSource::HostPath(v) => out.field(key, v),
            PvSource::Local(v) => out.field(key, v),
            PvSource::Nfs(v) => out.field(key, v),
            PvSource::Csi(v) => out.field(key, v),
            PvSource::Iscsi(v) => out.field(key, v),
            PvSource::Legacy(v) => out.field(key, v),
        }
    }
}

/// `local`: a disk, partition or directory of one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalVolume {
    /// Filesystem type (block devices only).
    pub fs_type: Option<String>,
    /// The path on the node.
    pub path: String,
}
emit_struct!(LocalVolume {
    "fsType" => fs_type skip_if Option::is_none,
    "path" => path,
});

/// `csi`: a volume managed by a CSI driver.
///
/// The five secret references name the Secrets (any namespace) whose data the CSI calls get:
/// the API server checks four of them (`validatePVSecretReference`) and takes
/// `nodeStageSecretRef` as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsiPersistentVolume {
    /// A Secret for the driver's ControllerExpandVolume call.
    pub controller_expand_secret_ref: Option<SecretReference>,
    /// A Secret for the driver's ControllerPublishVolume / ControllerUnpublishVolume calls.
    pub controller_publish_secret_ref: Option<SecretReference>,
    /// The driver's name, e.g. `pd.csi.storage.gke.io`.
    pub driver: String,
    /// Filesystem type, e.g. `ext4`.
    pub fs_type: Option<String>,
    /// A Secret for the driver's NodeExpandVolume call.
    pub node_expand_secret_ref: Option<SecretReference>,
    /// A Secret for the driver's NodePublishVolume call.
    pub node_publish_secret_ref: Option<SecretReference>,
    /// A Secret for the driver's NodeStageVolume / NodeUnstageVolume calls (not validated by
    /// the API server).
    pub node_stage_secret_ref: Option<SecretReference>,
    /// Mount read-only.
    pub read_only: Option<bool>,
    /// Driver-specific attributes.
    pub volume_attributes: StringMap,
    /// The volume's ID at the driver.
    pub volume_handle: String,
}
emit_struct!(CsiPersistentVolume {
    "controllerExpandSecretRef" => controller_expand_secret_ref skip_if Option::is_none,
    "controllerPublishSecretRef" => controller_publish_secret_ref skip_if Option::is_none,
    "driver" => driver,
    "fsType" => fs_type skip_if Option::is_none,
    "nodeExpandSecretRef" => node_expand_secret_ref skip_if Option::is_none,
    "nodePublishSecretRef" => node_publish_secret_ref skip_if Option::is_none,
    "nodeStageSecretRef" => node_stage_secret_ref skip_if Option::is_none,
    "readOnly" => read_only skip_if Option::is_none,
    "volumeAttributes" => volume_attributes skip_if BTreeMap::is_empty,
    "volumeHandle" => volume_handle,
});

/// Which secret reference of a [`CsiPersistentVolume`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CsiSecretRef {
    /// `controllerExpandSecretRef`.
    ControllerExpand,
    /// `controllerPublishSecretRef`.
    ControllerPublish,
    /// `nodeExpandSecretRef`.
    NodeExpand,
    /// `nodePublishSecretRef`.
    NodePublish,
    /// `nodeStageSecretRef`.
    NodeStage,
}

impl CsiSecretRef {
    /// The five, in the order the API writes them.
    pub const ALL: [CsiSecretRef; 5] = [
        CsiSecretRef::ControllerExpand,
        CsiSecretRef::ControllerPublish,
        CsiSecretRef::NodeExpand,
        CsiSecretRef::NodePublish,
        CsiSecretRef::NodeStage,
    ];

    /// The field's JSON name, e.g. `nodeStageSecretRef`.
    pub fn key(self) -> &'static str {
        match self {
            CsiSecretRef::ControllerExpand => "controllerExpandSecretRef",
            CsiSecretRef::ControllerPublish => "controllerPublishSecretRef",
            CsiSecretRef::NodeExpand => "nodeExpandSecretRef",
            CsiSecretRef::NodePublish => "nodePublishSecretRef",
            CsiSecretRef::NodeStage => "nodeStageSecretRef",
        }
    }

    /// Whether the API server validates this reference (`validateCSIPersistentVolumeSource`
    /// skips `nodeStageSecretRef`).
    pub fn validated(self) -> bool {
        self != CsiSecretRef::NodeStage
    }
}

impl CsiPersistentVolume {
    /// The volume `volume_handle` of the CSI driver `driver`, with nothing else set.
    pub fn new(driver: impl Into<String>, volume_handle: impl Into<String>) -> Self {
        CsiPersistentVolume {
            controller_expand_secret_ref: None,
            controller_publish_secret_ref: None,
            driver: driver.into(),
            fs_type: None,
            node_expand_secret_ref: None,
            node_publish_secret_ref: None,
            node_stage_secret_ref: None,
            read_only: None,
            volume_attributes: StringMap::new(),
            volume_handle: volume_handle.into(),
        }
    }

    /// The field holding one secret reference.
    pub fn secret_ref(&self, which: CsiSecretRef) -> Option<&SecretReference> {
        match which {
            CsiSecretRef::ControllerExpand => self.controller_expand_secret_ref.as_ref(),
            CsiSecretRef::ControllerPublish => self.controller_publish_secret_ref.as_ref(),
            CsiSecretRef::NodeExpand => self.node_expand_secret_ref.as_ref(),
            CsiSecretRef::NodePublish => self.node_publish_secret_ref.as_ref(),
            CsiSecretRef::NodeStage => self.node_stage_secret_ref.as_ref(),
        }
    }

    /// The field holding one secret reference, to set it.
    pub fn secret_ref_mut(&mut self, which: CsiSecretRef) -> &mut Option<SecretReference> {
        match which {
            CsiSecretRef::ControllerExpand => &mut self.controller_expand_secret_ref,
            CsiSecretRef::ControllerPublish => &mut self.controller_publish_secret_ref,
            CsiSecretRef::NodeExpand => &mut self.node_expand_secret_ref,
            CsiSecretRef::NodePublish => &mut self.node_publish_secret_ref,
            CsiSecretRef::NodeStage => &mut self.node_stage_secret_ref,
        }
    }

    /// The secret references that are set, with which field holds each.
    pub fn secret_refs(&self) -> impl Iterator<Item = (CsiSecretRef, &SecretReference)> {
        CsiSecretRef::ALL
            .into_iter()
            .filter_map(|w| self.secret_ref(w).map(|r| (w, r)))
    }

    /// Sets one secret reference: the Secret `name` in `namespace`.
    pub fn with_secret(
        mut self,
        which: CsiSecretRef,
        namespace: impl Into<String>,
        name: impl Into<String>,
    ) -> Self {
        *self.secret_ref_mut(which) = Some(SecretReference {
            name: name.into(),
            namespace: namespace.into(),
        });
        self
    }
}

impl From<CsiPersistentVolume> for PvSource {
    fn from(c: CsiPersistentVolume) -> Self {
        PvSource::Csi(c)
    }
}

/// A reference to a Secret in any namespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretReference {
    /// The Secret's name.
    pub name: String,
    /// The Secret's namespace.
    pub namespace: String,
}
emit_struct!(SecretReference {
    "name" => name,
    "namespace" => namespace,
});

/// `iscsi`: an iSCSI target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IscsiVolume {
    /// Filesystem type.
    pub fs_type: Option<String>,
    /// The target's IQN (`iqn.…`, `eui.…` or `naa.…`).
    pub iqn: String,
    /// The LUN (0..=255).
    pub lun: i32,
    /// Mount read-only.
    pub read_only: Option<bool>,
    /// `host:port` of the target portal.
    pub target_portal: String,
}
emit_struct!(IscsiVolume {
    "fsType" => fs_type skip_if Option::is_none,
    "iqn" => iqn,
    "lun" => lun,
    "readOnly" => read_only skip_if Option::is_none,
    "targetPortal" => target_portal,
});

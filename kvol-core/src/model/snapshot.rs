//! VolumeSnapshotClasses and VolumeSnapshots (`snapshot.storage.k8s.io/v1`): the CRDs of the CSI
//! external-snapshotter, which a cluster must have installed (with its snapshot controller).

use crate::meta::{ClusterMeta, ObjectMeta, StringMap};
use crate::render::{Emit, Sink};

/// The API group of the snapshot CRDs (a claim's `dataSource.apiGroup`).
pub const SNAPSHOT_GROUP: &str = "snapshot.storage.k8s.io";

/// The annotation that marks the default VolumeSnapshotClass of a CSI driver.
pub const DEFAULT_SNAPSHOT_CLASS_ANNOTATION: &str =
    "snapshot.storage.kubernetes.io/is-default-class";

/// A VolumeSnapshotClass (`snapshot.storage.k8s.io/v1`, cluster-scoped): how a CSI driver takes
/// snapshots.
#[derive(Debug, Clone, PartialEq)]
pub struct VolumeSnapshotClass {
    /// Name, labels, annotations (including the default-class marker).
    pub metadata: ClusterMeta,
    /// Whether the snapshot's content is deleted with the VolumeSnapshot (required).
    pub deletion_policy: DeletionPolicy,
    /// The CSI driver that takes the snapshots (required).
    pub driver: String,
    /// Driver-specific parameters.
    pub parameters: StringMap,
}

impl VolumeSnapshotClass {
    /// True when the class carries the default-class annotation set to `"true"`.
    pub fn is_default(&self) -> bool {
        self.metadata
            .annotations
            .get(DEFAULT_SNAPSHOT_CLASS_ANNOTATION)
            .is_some_and(|v| v == "true")
    }
}

api_enum! {
    /// What happens to a snapshot's content when its VolumeSnapshot is deleted.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum DeletionPolicy("deletion policy") {
        /// The VolumeSnapshotContent and the snapshot on the storage system are deleted.
        Delete = "Delete",
        /// They are kept.
        Retain = "Retain",
    }
}

impl Emit for VolumeSnapshotClass {
    fn emit(&self, out: &mut dyn Sink) {
        // kubectl prints a VolumeSnapshotClass's keys alphabetically.
        out.begin_map();
        out.field("apiVersion", &"snapshot.storage.k8s.io/v1");
        out.field("deletionPolicy", &self.deletion_policy);
        out.field("driver", &self.driver);
        out.field("kind", &"VolumeSnapshotClass");
        out.field("metadata", &self.metadata);
        if !self.parameters.is_empty() {
            out.field("parameters", &self.parameters);
        }
        out.end_map();
    }
}
serde_via_emit!(VolumeSnapshotClass);

/// A VolumeSnapshot (`snapshot.storage.k8s.io/v1`, namespaced): a request for a snapshot of a
/// claim, or a handle on an existing snapshot's content.
#[derive(Debug, Clone, PartialEq)]
pub struct VolumeSnapshot {
    /// Name, namespace, labels, annotations.
    pub metadata: ObjectMeta,
    /// Where the snapshot comes from and its class.
    pub spec: VolumeSnapshotSpec,
}

/// The spec of a VolumeSnapshot.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VolumeSnapshotSpec {
    /// Where the snapshot comes from (exactly one of its fields).
    pub source: VolumeSnapshotSource,
    /// The VolumeSnapshotClass (unset: the default class of the source's driver; never `""`).
    pub volume_snapshot_class_name: Option<String>,
}
emit_struct!(VolumeSnapshotSpec {
    "source" => source,
    "volumeSnapshotClassName" => volume_snapshot_class_name skip_if Option::is_none,
});

/// The source of a VolumeSnapshot: exactly one of a claim to snapshot and an existing content.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VolumeSnapshotSource {
    /// Take a new snapshot of this claim (same namespace).
    pub persistent_volume_claim_name: Option<String>,
    /// Represent an existing VolumeSnapshotContent (pre-provisioned snapshot).
    pub volume_snapshot_content_name: Option<String>,
}
emit_struct!(VolumeSnapshotSource {
    "persistentVolumeClaimName" => persistent_volume_claim_name skip_if Option::is_none,
    "volumeSnapshotContentName" => volume_snapshot_content_name skip_if Option::is_none,
});

impl VolumeSnapshot {
    /// A snapshot of claim `claim`, taken with class `class` (`None`: the driver's default).
    pub fn of_claim(
        name: impl Into<String>,
        claim: impl Into<String>,
        class: Option<String>,
    ) -> Self {
        VolumeSnapshot {
            metadata: ObjectMeta::named(name),
            spec: VolumeSnapshotSpec {
                source: VolumeSnapshotSource {
                    persistent_volume_claim_name: Some(claim.into()),
                    volume_snapshot_content_name: None,
                },
                volume_snapshot_class_name: class,
            },
        }
    }
}

impl Emit for VolumeSnapshot {
    fn emit(&self, out: &mut dyn Sink) {
        out.begin_map();
        out.field("apiVersion", &"snapshot.storage.k8s.io/v1");
        out.field("kind", &"VolumeSnapshot");
        out.field("metadata", &self.metadata);
        out.field("spec", &self.spec);
        out.end_map();
    }
}
serde_via_emit!(VolumeSnapshot);

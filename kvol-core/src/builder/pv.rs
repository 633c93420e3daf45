//! [`PvBuilder`] (PersistentVolumes) and the [`PvSource`] constructors.

use super::{IntoQuantity, Problems, QuantitySlot, put};
use crate::{
    access::{AccessMode, AccessModes, ReclaimPolicy, VolumeMode},
    legacy::LegacySource,
    meta::ClusterMeta,
    pv::{
        ClaimRef, CsiPersistentVolume, IscsiVolume, LocalVolume, PersistentVolume, PvSource, PvSpec,
    },
    report::{FieldError, FieldPath, Report},
    selector::{
        NodeSelector, NodeSelectorOperator, NodeSelectorRequirement, NodeSelectorTerm,
        VolumeNodeAffinity,
    },
    validate::Valid,
    version::KubeVersion,
    volume::{HostPath, HostPathType, Nfs},
};

/// The node label that names a node (`kubernetes.io/hostname`).
const HOSTNAME_LABEL: &str = "kubernetes.io/hostname";

impl PvSource {
    /// `hostPath`: a path on the node; `kind` is a [`HostPathType`] or `None` (no check, which
    /// kvol warns about).
    pub fn host_path(path: impl Into<String>, kind: impl Into<Option<HostPathType>>) -> PvSource {
        PvSource::HostPath(HostPath {
            path: path.into(),
            kind: kind.into(),
        })
    }
    /// `local`: a disk, partition or directory of one node (the PV then needs node affinity,
    /// e.g. [`PvBuilder::node_affinity_hostname`]).
    pub fn local(path: impl Into<String>) -> PvSource {
        PvSource::Local(LocalVolume {
            fs_type: None,
            path: path.into(),
        })
    }
    /// `nfs`: the export `path` of `server`, read-write.
    pub fn nfs(server: impl Into<String>, path: impl Into<String>) -> PvSource {
        PvSource::Nfs(Nfs {
            path: path.into(),
            read_only: false,
            server: server.into(),
        })
    }
    /// `csi`: the volume `volume_handle` of the CSI driver `driver`.
    pub fn csi(driver: impl Into<String>, volume_handle: impl Into<String>) -> PvSource {
        PvSource::Csi(CsiPersistentVolume::new(driver, volume_handle))
    }
    /// `iscsi`: LUN `lun` of the target `iqn` at `target_portal` (`host:port`).
    pub fn iscsi(target_portal: impl Into<String>, iqn: impl Into<String>, lun: i32) -> PvSource {
        PvSource::Iscsi(IscsiVolume {
            fs_type: None,
            iqn: iqn.into(),
            lun,
            read_only: None,
            target_portal: target_portal.into(),
        })
    }
}

impl From<LegacySource> for PvSource {
    fn from(source: LegacySource) -> PvSource {
        PvSource::Legacy(source)
    }
}

impl PersistentVolume {
    /// Starts a PersistentVolume named `name` (a DNS-1123 subdomain; PVs have no namespace).
    ///
    /// ```
    /// use kvol_core::{AccessMode, PersistentVolume, ReclaimPolicy};
    ///
    /// let pv = PersistentVolume::builder("shared")
    ///     .capacity("100Gi")
    ///     .access_mode(AccessMode::ReadWriteMany)
    ///     .reclaim_policy(ReclaimPolicy::Retain)
    ///     .nfs("nfs.example.com", "/exports/shared")
    ///     .build()?;
    /// assert_eq!(pv.spec.source.key(), "nfs");
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn builder(name: impl Into<String>) -> PvBuilder {
        PvBuilder {
            metadata: ClusterMeta::named(name),
            access_modes: AccessModes::EMPTY,
            capacity: None,
            claim_ref: None,
            mount_options: Vec::new(),
            node_affinity: None,
            reclaim_policy: None,
            storage_class_name: None,
            volume_mode: None,
            source: None,
            target: KubeVersion::DEFAULT,
        }
    }
}

/// Builds a [`PersistentVolume`]; start with [`PersistentVolume::builder`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `.build()` is called"]
pub struct PvBuilder {
    metadata: ClusterMeta,
    access_modes: AccessModes,
    capacity: QuantitySlot,
    claim_ref: Option<ClaimRef>,
    mount_options: Vec<String>,
    node_affinity: Option<VolumeNodeAffinity>,
    reclaim_policy: Option<ReclaimPolicy>,
    storage_class_name: Option<String>,
    volume_mode: Option<VolumeMode>,
    source: Option<PvSource>,
    target: KubeVersion,
}

impl PvBuilder {
    /// Adds a label (claims with a selector match PVs by label).
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.metadata.labels, key, value);
        self
    }
    /// Adds an annotation.
    pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.metadata.annotations, key, value);
        self
    }
    /// Sets the size (`capacity.storage`), e.g. `"1Gi"`. Required.
    ///
    /// Text that is not a quantity is reported by `build()` at `spec.capacity[storage]`.
    pub fn capacity(mut self, size: impl IntoQuantity) -> Self {
        self.capacity = Some(size.into_quantity());
        self
    }
    /// Adds an access mode the volume offers (several calls add several modes).
    pub fn access_mode(mut self, mode: AccessMode) -> Self {
        self.access_modes.insert(mode);
        self
    }
    /// Sets the access modes, replacing those added so far.
    pub fn access_modes(mut self, modes: impl Into<AccessModes>) -> Self {
        self.access_modes = modes.into();
        self
    }
    /// Sets what happens when the claim is released (unset: `Retain`).
    pub fn reclaim_policy(mut self, policy: ReclaimPolicy) -> Self {
        self.reclaim_policy = Some(policy);
        self
    }
    /// Sets `storageClassName`; only claims of this class bind. `""` writes an explicit
    /// "no class", which for a PV means the same as leaving it unset.
    pub fn storage_class(mut self, name: impl Into<String>) -> Self {
        self.storage_class_name = Some(name.into());
        self
    }
    /// Writes `storageClassName: ""` (no class; claims with `storageClassName: ""` bind).
    pub fn no_storage_class(self) -> Self {
        self.storage_class("")
    }
    /// Sets the volume mode (unset: `Filesystem`).
    pub fn volume_mode(mut self, mode: VolumeMode) -> Self {
        self.volume_mode = Some(mode);
        self
    }
    /// Adds a mount option (not validated by the API server).
    pub fn mount_option(mut self, option: impl Into<String>) -> Self {
        self.mount_options.push(option.into());
        self
    }
    /// Sets the nodes the volume can be used from.
    pub fn node_affinity(mut self, affinity: VolumeNodeAffinity) -> Self {
        self.node_affinity = Some(affinity);
        self
    }
    /// Restricts the volume to the named nodes (`kubernetes.io/hostname In [hostnames]`), as a
    /// `local` volume needs.
    pub fn node_affinity_hostname<I, S>(self, hostnames: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let requirement = NodeSelectorRequirement {
            key: HOSTNAME_LABEL.to_owned(),
            operator: NodeSelectorOperator::In,
            values: hostnames.into_iter().map(Into::into).collect(),
        };
        let term = NodeSelectorTerm {
            match_fields: Vec::new(),
            match_expressions: vec![requirement],
        };
        let required = NodeSelector {
            node_selector_terms: vec![term],
        };
        self.node_affinity(VolumeNodeAffinity { required })
    }
    /// Reserves the volume for the claim `name` in `namespace` (pre-binding, `claimRef`).
    pub fn claim_ref(mut self, namespace: impl Into<String>, name: impl Into<String>) -> Self {
        self.claim_ref = Some(ClaimRef {
            name: name.into(),
            namespace: namespace.into(),
        });
        self
    }
    /// Sets where the data lives (one source; a later call replaces an earlier one).
    pub fn source(mut self, source: impl Into<PvSource>) -> Self {
        self.source = Some(source.into());
        self
    }
    /// Source `hostPath` (see [`PvSource::host_path`]).
    pub fn host_path(self, path: impl Into<String>, kind: impl Into<Option<HostPathType>>) -> Self {
        self.source(PvSource::host_path(path, kind))
    }
    /// Source `local` (see [`PvSource::local`]; add node affinity too).
    pub fn local(self, path: impl Into<String>) -> Self {
        self.source(PvSource::local(path))
    }
    /// Source `nfs` (see [`PvSource::nfs`]).
    pub fn nfs(self, server: impl Into<String>, path: impl Into<String>) -> Self {
        self.source(PvSource::nfs(server, path))
    }
    /// Source `csi` (see [`PvSource::csi`]). For a source with secret references, pass a
    /// [`CsiPersistentVolume`] to [`source`](Self::source):
    ///
    /// ```
    /// use kvol_core::{AccessMode, PersistentVolume, pv::{CsiPersistentVolume, CsiSecretRef}};
    ///
    /// let csi = CsiPersistentVolume::new("file.csi.azure.com", "rg#account#share")
    ///     .with_secret(CsiSecretRef::NodeStage, "default", "azure-secret");
    /// let pv = PersistentVolume::builder("share")
    ///     .capacity("100Gi")
    ///     .access_mode(AccessMode::ReadWriteMany)
    ///     .source(csi)
    ///     .build()?;
    /// assert_eq!(pv.spec.source.key(), "csi");
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn csi(self, driver: impl Into<String>, volume_handle: impl Into<String>) -> Self {
        self.source(PvSource::csi(driver, volume_handle))
    }
    /// A legacy in-tree source (accepted with a warning naming the CSI driver to use instead).
    pub fn legacy(self, source: LegacySource) -> Self {
        self.source(PvSource::Legacy(source))
    }
    /// Validates for this Kubernetes release instead of [`KubeVersion::DEFAULT`].
    pub fn target(mut self, target: KubeVersion) -> Self {
        self.target = target;
        self
    }

    fn assemble(self) -> (PersistentVolume, Problems, KubeVersion) {
        let mut problems = Problems::default();
        let spec_path = FieldPath::root().child("spec");
        let capacity = spec_path.child("capacity");
        let aliases = [capacity.child("storage")];
        // `ValidatePersistentVolumeSpec` without a capacity: `Required` at `spec.capacity`, and
        // `NotSupported` there too (no `storage` key), whose bad value, the nil
        // `core.ResourceList`, `field.Error.ErrorBody` prints as JSON: `null`.
        let rule = crate::rules::ids::S7_CAPACITY_REQUIRED;
        let missing = vec![
            FieldError::required(rule, capacity.clone(), ""),
            FieldError::new(
                rule,
                capacity.clone(),
                crate::report::ErrorKind::NotSupported,
                Some("null".into()),
                "supported values: \"storage\"",
            ),
        ];
        let capacity =
            problems.quantity_or(self.capacity, missing, capacity.key("storage"), &aliases);
        let source = match self.source {
            Some(source) => source,
            None => {
                // The API server's own error for a PV without a source; the empty NFS stand-in
                // is never returned by `build()`, and its validation errors are dropped.
                problems.error(FieldError::required(
                    crate::rules::ids::S7_SOURCE_REQUIRED,
                    spec_path.clone(),
                    "must specify a volume type",
                ));
                problems.stand_in(spec_path.child("nfs"));
                PvSource::nfs("", "")
            }
        };
        let spec = PvSpec {
            access_modes: self.access_modes,
            capacity,
            claim_ref: self.claim_ref,
            mount_options: self.mount_options,
            node_affinity: self.node_affinity,
            reclaim_policy: self.reclaim_policy,
            storage_class_name: self.storage_class_name,
            volume_mode: self.volume_mode,
            source,
        };
        (
            PersistentVolume {
                metadata: self.metadata,
                spec,
            },
            problems,
            self.target,
        )
    }

    /// Builds and validates the volume: every conversion and validation error at once.
    pub fn build(self) -> Result<Valid<PersistentVolume>, Report> {
        let (pv, problems, target) = self.assemble();
        problems.finish(pv, target)
    }

    /// Builds without failing, with the warnings of the target release. For the `kvol` macros,
    /// whose input was checked at compile time with the same rules; use [`build`](Self::build).
    #[doc(hidden)]
    pub fn __build_prechecked(self) -> Valid<PersistentVolume> {
        let (pv, _, target) = self.assemble();
        super::prechecked(pv, target)
    }
}

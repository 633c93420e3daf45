//! [`StorageClassBuilder`].

use super::{Problems, put};
use crate::{
    access::ReclaimPolicy,
    meta::ClusterMeta,
    report::Report,
    selector::{TopologyRequirement, TopologySelectorTerm},
    storage_class::{DEFAULT_CLASS_ANNOTATION, StorageClass, VolumeBindingMode},
    validate::Valid,
    version::KubeVersion,
};

impl StorageClass {
    /// Starts a StorageClass named `name` (a DNS-1123 subdomain) whose volumes `provisioner`
    /// creates (e.g. `pd.csi.storage.gke.io`, or `kubernetes.io/no-provisioner` for local
    /// volumes).
    ///
    /// ```
    /// use kvol_core::StorageClass;
    /// use kvol_core::storage_class::VolumeBindingMode;
    ///
    /// let class = StorageClass::builder("fast", "pd.csi.storage.gke.io")
    ///     .parameter("type", "pd-ssd")
    ///     .binding_mode(VolumeBindingMode::WaitForFirstConsumer)
    ///     .allow_expansion(true)
    ///     .build()?;
    /// assert_eq!(class.parameters["type"], "pd-ssd");
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn builder(name: impl Into<String>, provisioner: impl Into<String>) -> StorageClassBuilder {
        StorageClassBuilder {
            class: StorageClass {
                metadata: ClusterMeta::named(name),
                provisioner: provisioner.into(),
                parameters: Default::default(),
                reclaim_policy: None,
                volume_binding_mode: None,
                allow_volume_expansion: None,
                mount_options: Vec::new(),
                allowed_topologies: Vec::new(),
            },
            target: KubeVersion::DEFAULT,
        }
    }
}

/// Builds a [`StorageClass`]; start with [`StorageClass::builder`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `.build()` is called"]
pub struct StorageClassBuilder {
    class: StorageClass,
    target: KubeVersion,
}

impl StorageClassBuilder {
    /// Adds a label.
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.class.metadata.labels, key, value);
        self
    }
    /// Adds an annotation.
    pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.class.metadata.annotations, key, value);
        self
    }
    /// Marks the class as the cluster's default
    /// (`storageclass.kubernetes.io/is-default-class: "true"`).
    pub fn default_class(self) -> Self {
        self.annotation(DEFAULT_CLASS_ANNOTATION, "true")
    }
    /// Adds a provisioner-specific parameter.
    pub fn parameter(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.class.parameters, key, value);
        self
    }
    /// Sets the reclaim policy of provisioned volumes (unset: `Delete`; `Recycle` is rejected).
    pub fn reclaim_policy(mut self, policy: ReclaimPolicy) -> Self {
        self.class.reclaim_policy = Some(policy);
        self
    }
    /// Sets when volumes are bound and provisioned (unset: `Immediate`).
    pub fn binding_mode(mut self, mode: VolumeBindingMode) -> Self {
        self.class.volume_binding_mode = Some(mode);
        self
    }
    /// Sets whether claims of this class may grow.
    pub fn allow_expansion(mut self, allow: bool) -> Self {
        self.class.allow_volume_expansion = Some(allow);
        self
    }
    /// Adds a mount option of provisioned volumes.
    pub fn mount_option(mut self, option: impl Into<String>) -> Self {
        self.class.mount_options.push(option.into());
        self
    }
    /// Requires topology label `key` to have one of `values`. Calls add requirements to the same
    /// term, so they must all hold (use [`allowed_topology_term`](Self::allowed_topology_term)
    /// for alternatives).
    pub fn allowed_topology<I, S>(mut self, key: impl Into<String>, values: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let requirement = TopologyRequirement {
            key: key.into(),
            values: values.into_iter().map(Into::into).collect(),
        };
        match self.class.allowed_topologies.first_mut() {
            Some(term) => term.match_label_expressions.push(requirement),
            None => self.class.allowed_topologies.push(TopologySelectorTerm {
                match_label_expressions: vec![requirement],
            }),
        }
        self
    }
    /// Adds an alternative topology term (terms are ORed).
    pub fn allowed_topology_term(mut self, term: TopologySelectorTerm) -> Self {
        self.class.allowed_topologies.push(term);
        self
    }
    /// Validates for this Kubernetes release instead of [`KubeVersion::DEFAULT`].
    pub fn target(mut self, target: KubeVersion) -> Self {
        self.target = target;
        self
    }

    /// Builds and validates the class: every validation error at once.
    pub fn build(self) -> Result<Valid<StorageClass>, Report> {
        Problems::default().finish(self.class, self.target)
    }

    /// Builds without failing, with the warnings of the target release. For the `kvol` macros,
    /// whose input was checked at compile time with the same rules; use [`build`](Self::build).
    #[doc(hidden)]
    pub fn __build_prechecked(self) -> Valid<StorageClass> {
        super::prechecked(self.class, self.target)
    }
}

//! Builders of the second release's kinds: [`ConfigMapBuilder`], [`SecretBuilder`],
//! [`DeploymentBuilder`], [`DaemonSetBuilder`], [`PdbBuilder`], [`SnapshotClassBuilder`], [`SnapshotBuilder`] and
//! [`AttributesClassBuilder`].

use super::{Problems, SourceInput, pod::assemble_volumes, put};
use crate::{
    attributes_class::{AttributesClassVersion, VolumeAttributesClass},
    config::{Bytes, ConfigMap, Secret},
    daemonset::{DaemonSet, DaemonSetSpec, DaemonSetUpdateStrategy},
    deployment::{Deployment, DeploymentSpec, DeploymentStrategy},
    meta::{ClusterMeta, ObjectMeta, StringMap, TemplateMeta},
    pdb::{PodDisruptionBudget, PodDisruptionBudgetSpec, UnhealthyPodEvictionPolicy},
    pod::{Container, PodSpec, PodTemplate},
    report::{FieldPath, Report},
    selector::LabelSelector,
    snapshot::{
        DEFAULT_SNAPSHOT_CLASS_ANNOTATION, DeletionPolicy, VolumeSnapshot, VolumeSnapshotClass,
        VolumeSnapshotSource, VolumeSnapshotSpec,
    },
    statefulset::IntOrPercent,
    validate::Valid,
    version::KubeVersion,
};

/// `build` and `__build_prechecked` of a builder that holds the whole object as `self.value`
/// (and its `target`): validation with no problems of the builder's own.
macro_rules! build_methods {
    ($ty:ident, $what:literal) => {
        #[doc = concat!("Builds and validates the ", $what, ".")]
        pub fn build(self) -> Result<Valid<$ty>, Report> {
            Problems::default().finish(self.value, self.target)
        }
        /// Builds without failing (for the `kvol` macros).
        #[doc(hidden)]
        pub fn __build_prechecked(self) -> Valid<$ty> {
            super::prechecked(self.value, self.target)
        }
    };
}

/// The metadata methods every builder of a namespaced object has (`self.meta` an
/// [`ObjectMeta`]), and `target`.
macro_rules! namespaced_methods {
    ($($meta:ident).+) => {
        /// Sets the namespace.
        pub fn namespace(mut self, namespace: impl Into<String>) -> Self {
            self.$($meta).+.namespace = Some(namespace.into());
            self
        }
        /// Adds an annotation.
        pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
            put(&mut self.$($meta).+.annotations, key, value);
            self
        }
        /// Validates for this Kubernetes release instead of [`KubeVersion::DEFAULT`].
        pub fn target(mut self, target: KubeVersion) -> Self {
            self.target = target;
            self
        }
    };
}

/// The methods of a builder whose object runs pods from one template (Deployment, DaemonSet):
/// the object's labels, the pods' labels, selector and annotations, `minReadySeconds`,
/// `revisionHistoryLimit` and the pod spec. The builder has `metadata`, `pod_labels`,
/// `selector`, `pod_annotations`, `pod`, `volumes` and `spec` with those two counts.
macro_rules! pod_template_methods {
    ($kind:literal) => {
        #[doc = concat!("Adds a label to the ", $kind, " object itself.")]
        pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
            put(&mut self.metadata.labels, key, value);
            self
        }
        /// Adds a pod label (also the selector); without any, the pods get `{app: <name>}`.
        pub fn pod_label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
            put(&mut self.pod_labels, key, value);
            self
        }
        /// Adds a label to the selector (`spec.selector.matchLabels`). Without any, the
        /// selector is the pod labels; with some, it must select the pods (a subset of their
        /// labels).
        pub fn selector_label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
            put(&mut self.selector, key, value);
            self
        }
        /// Adds a pod annotation.
        pub fn pod_annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
            put(&mut self.pod_annotations, key, value);
            self
        }
        /// Sets `minReadySeconds`.
        pub fn min_ready_seconds(mut self, seconds: i32) -> Self {
            self.spec.min_ready_seconds = Some(seconds);
            self
        }
        /// Sets `revisionHistoryLimit`.
        pub fn revision_history_limit(mut self, limit: i32) -> Self {
            self.spec.revision_history_limit = Some(limit);
            self
        }
        /// Sets the pods' `terminationGracePeriodSeconds`.
        pub fn grace_period(mut self, seconds: i64) -> Self {
            self.pod.termination_grace_period_seconds = Some(seconds);
            self
        }
        /// Sets a pod spec field of the pod template that kvol does not model (`hostNetwork`,
        /// `dnsConfig`, …): see [`PodBuilder::extra`](super::PodBuilder::extra).
        pub fn pod_extra(
            mut self,
            name: impl Into<String>,
            value: impl Into<crate::schema::Value>,
        ) -> Self {
            self.pod.extra.insert(name, value);
            self
        }
        /// Adds a container.
        pub fn container(mut self, container: impl Into<Container>) -> Self {
            self.pod.containers.push(container.into());
            self
        }
        /// Adds an init container.
        pub fn init_container(mut self, container: impl Into<Container>) -> Self {
            self.pod.init_containers.push(container.into());
            self
        }
        /// Adds a pod volume (see [`PodBuilder::volume`](super::PodBuilder::volume)).
        pub fn volume(mut self, name: impl Into<String>, source: impl Into<SourceInput>) -> Self {
            self.volumes.push((name.into(), source.into()));
            self
        }
        /// Sets the pods' service account.
        pub fn service_account(mut self, name: impl Into<String>) -> Self {
            self.pod.service_account_name = Some(name.into());
            self
        }
        /// Requires a node label for the pods.
        pub fn node_selector(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
            put(&mut self.pod.node_selector, key, value);
            self
        }
        /// Replaces the pod spec (containers, volumes, …) with `spec` (volumes added with
        /// [`volume`](Self::volume) come after its own).
        pub fn pod_spec(mut self, spec: PodSpec) -> Self {
            self.pod = spec;
            self
        }
    };
}

/// Builds a [`ConfigMap`]; start with [`ConfigMap::builder`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `.build()` is called"]
pub struct ConfigMapBuilder {
    value: ConfigMap,
    target: KubeVersion,
}

impl ConfigMap {
    /// Starts a ConfigMap named `name` (a DNS-1123 subdomain).
    ///
    /// ```
    /// use kvol_core::ConfigMap;
    /// let cm = ConfigMap::builder("app-config").data("app.properties", "mode=prod").build()?;
    /// assert_eq!(cm.data["app.properties"], "mode=prod");
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn builder(name: impl Into<String>) -> ConfigMapBuilder {
        ConfigMapBuilder {
            value: ConfigMap::named(name),
            target: KubeVersion::DEFAULT,
        }
    }
}

impl ConfigMapBuilder {
    namespaced_methods!(value.metadata);
    /// Adds a label.
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.value.metadata.labels, key, value);
        self
    }
    /// Adds a text value (`data`).
    pub fn data(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.value.data, key, value);
        self
    }
    /// Adds a binary value (`binaryData`, written as base64).
    pub fn binary_data(mut self, key: impl Into<String>, value: impl Into<Bytes>) -> Self {
        self.value.binary_data.insert(key.into(), value.into());
        self
    }
    /// Sets `immutable`.
    pub fn immutable(mut self, immutable: bool) -> Self {
        self.value.immutable = Some(immutable);
        self
    }
    build_methods!(ConfigMap, "ConfigMap");
}

/// Builds a [`Secret`]; start with [`Secret::builder`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `.build()` is called"]
pub struct SecretBuilder {
    value: Secret,
    target: KubeVersion,
}

impl Secret {
    /// Starts a Secret named `name` (a DNS-1123 subdomain), of type `Opaque` unless
    /// [`type_`](SecretBuilder::type_) says otherwise.
    ///
    /// ```
    /// use kvol_core::{Secret, config::secret_type};
    /// let s = Secret::builder("tls")
    ///     .type_(secret_type::TLS)
    ///     .string_data("tls.crt", "CERT")
    ///     .data("tls.key", b"KEY".as_slice())
    ///     .build()?;
    /// assert_eq!(s.value("tls.key"), Some(&b"KEY"[..]));
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn builder(name: impl Into<String>) -> SecretBuilder {
        SecretBuilder {
            value: Secret::named(name),
            target: KubeVersion::DEFAULT,
        }
    }
}

impl SecretBuilder {
    namespaced_methods!(value.metadata);
    /// Adds a label.
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.value.metadata.labels, key, value);
        self
    }
    /// Adds a value as bytes (`data`, written as base64).
    pub fn data(mut self, key: impl Into<String>, value: impl Into<Bytes>) -> Self {
        self.value.data.insert(key.into(), value.into());
        self
    }
    /// Adds a text value (`stringData`, written as it is).
    pub fn string_data(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.value.string_data, key, value);
        self
    }
    /// Sets the type (see [`crate::config::secret_type`]).
    pub fn type_(mut self, type_: impl Into<String>) -> Self {
        self.value.type_ = Some(type_.into());
        self
    }
    /// Sets `immutable`.
    pub fn immutable(mut self, immutable: bool) -> Self {
        self.value.immutable = Some(immutable);
        self
    }
    build_methods!(Secret, "Secret");
}

/// What a Deployment's or DaemonSet's builder holds of its pods.
struct PodTemplateParts {
    labels: StringMap,
    selector: StringMap,
    annotations: StringMap,
    pod: PodSpec,
    volumes: Vec<(String, SourceInput)>,
}

/// The selector and pod template of a Deployment or DaemonSet named `name`: the pods labelled
/// `{app: <name>}` unless labels were given, selected by their labels unless selector labels
/// were given, with the volumes added by name.
fn pod_template(
    name: &str,
    parts: PodTemplateParts,
    problems: &mut Problems,
) -> (LabelSelector, PodTemplate) {
    let volumes_path = FieldPath::root()
        .child("spec")
        .child("template")
        .child("spec")
        .child("volumes");
    let mut pod = parts.pod;
    pod.volumes
        .extend(assemble_volumes(parts.volumes, &volumes_path, problems));
    let mut labels = parts.labels;
    if labels.is_empty() {
        labels.insert("app".to_owned(), name.to_owned());
    }
    let selector = LabelSelector::labels(if parts.selector.is_empty() {
        labels.clone()
    } else {
        parts.selector
    });
    let template = PodTemplate {
        metadata: TemplateMeta {
            annotations: parts.annotations,
            labels,
            name: None,
        },
        spec: pod,
    };
    (selector, template)
}

/// Builds a [`Deployment`]; start with [`Deployment::builder`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `.build()` is called"]
pub struct DeploymentBuilder {
    metadata: ObjectMeta,
    pod_labels: StringMap,
    /// `matchLabels` of the selector when it is not the pod labels.
    selector: StringMap,
    pod_annotations: StringMap,
    pub(super) pod: PodSpec,
    volumes: Vec<(String, SourceInput)>,
    spec: DeploymentSpec,
    target: KubeVersion,
}

impl Deployment {
    /// Starts a Deployment named `name` (a DNS-1123 subdomain). The pod labels are
    /// `{app: <name>}` unless [`pod_label`](DeploymentBuilder::pod_label) gives some, and the
    /// selector is the pod labels.
    ///
    /// ```
    /// use kvol_core::{Container, Deployment, VolumeSource};
    /// use kvol_core::deployment::DeploymentStrategy;
    ///
    /// let web = Deployment::builder("web")
    ///     .replicas(3)
    ///     .strategy(DeploymentStrategy::recreate())
    ///     .container(Container::builder("nginx", "nginx:1.27").mount("shared", "/usr/share/nginx/html"))
    ///     .volume("shared", VolumeSource::claim("shared-files", false))
    ///     .build()?;
    /// assert_eq!(web.spec.selector.match_labels["app"], "web");
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn builder(name: impl Into<String>) -> DeploymentBuilder {
        DeploymentBuilder {
            metadata: ObjectMeta::named(name),
            pod_labels: StringMap::new(),
            selector: StringMap::new(),
            pod_annotations: StringMap::new(),
            pod: PodSpec::default(),
            volumes: Vec::new(),
            spec: DeploymentSpec {
                min_ready_seconds: None,
                paused: None,
                progress_deadline_seconds: None,
                replicas: None,
                revision_history_limit: None,
                selector: LabelSelector::default(),
                strategy: None,
                template: PodTemplate {
                    metadata: TemplateMeta::default(),
                    spec: PodSpec::default(),
                },
            },
            target: KubeVersion::DEFAULT,
        }
    }
}

impl DeploymentBuilder {
    namespaced_methods!(metadata);
    pod_template_methods!("Deployment");
    /// Sets the number of pods (unset: 1).
    pub fn replicas(mut self, replicas: i32) -> Self {
        self.spec.replicas = Some(replicas);
        self
    }
    /// Sets the rollout strategy (unset: RollingUpdate, 25% / 25%).
    pub fn strategy(mut self, strategy: DeploymentStrategy) -> Self {
        self.spec.strategy = Some(strategy);
        self
    }
    /// `strategy: {type: RollingUpdate, rollingUpdate: {maxSurge, maxUnavailable}}`.
    pub fn rolling_update(
        self,
        max_surge: Option<IntOrPercent>,
        max_unavailable: Option<IntOrPercent>,
    ) -> Self {
        self.strategy(DeploymentStrategy::rolling_update(
            max_surge,
            max_unavailable,
        ))
    }
    /// Sets `paused` (a paused Deployment starts no rollout when its template changes).
    pub fn paused(mut self, paused: bool) -> Self {
        self.spec.paused = Some(paused);
        self
    }
    /// Sets `progressDeadlineSeconds`.
    pub fn progress_deadline_seconds(mut self, seconds: i32) -> Self {
        self.spec.progress_deadline_seconds = Some(seconds);
        self
    }

    fn assemble(self) -> (Deployment, Problems, KubeVersion) {
        let mut problems = Problems::default();
        let mut spec = self.spec;
        (spec.selector, spec.template) = pod_template(
            &self.metadata.name,
            PodTemplateParts {
                labels: self.pod_labels,
                selector: self.selector,
                annotations: self.pod_annotations,
                pod: self.pod,
                volumes: self.volumes,
            },
            &mut problems,
        );
        (
            Deployment {
                metadata: self.metadata,
                spec,
            },
            problems,
            self.target,
        )
    }

    /// Builds and validates the Deployment.
    pub fn build(self) -> Result<Valid<Deployment>, Report> {
        let (d, problems, target) = self.assemble();
        problems.finish(d, target)
    }
    /// Builds without failing (for the `kvol` macros).
    #[doc(hidden)]
    pub fn __build_prechecked(self) -> Valid<Deployment> {
        let (d, _, target) = self.assemble();
        super::prechecked(d, target)
    }
}

/// Builds a [`DaemonSet`]; start with [`DaemonSet::builder`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `.build()` is called"]
pub struct DaemonSetBuilder {
    metadata: ObjectMeta,
    pod_labels: StringMap,
    /// `matchLabels` of the selector when it is not the pod labels.
    selector: StringMap,
    pod_annotations: StringMap,
    pub(super) pod: PodSpec,
    volumes: Vec<(String, SourceInput)>,
    spec: DaemonSetSpec,
    target: KubeVersion,
}

impl DaemonSet {
    /// Starts a DaemonSet named `name` (a DNS-1123 subdomain): one pod on every node. The pod
    /// labels are `{app: <name>}` unless [`pod_label`](DaemonSetBuilder::pod_label) gives some,
    /// and the selector is the pod labels.
    ///
    /// ```
    /// use kvol_core::{Container, DaemonSet, VolumeSource};
    ///
    /// let agent = DaemonSet::builder("log-agent")
    ///     .node_selector("kubernetes.io/os", "linux")
    ///     .container(Container::builder("agent", "fluent/fluent-bit:3.1").mount("logs", "/var/log"))
    ///     .volume("logs", VolumeSource::claim("shared-logs", false))
    ///     .build()?;
    /// assert_eq!(agent.spec.selector.match_labels["app"], "log-agent");
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn builder(name: impl Into<String>) -> DaemonSetBuilder {
        DaemonSetBuilder {
            metadata: ObjectMeta::named(name),
            pod_labels: StringMap::new(),
            selector: StringMap::new(),
            pod_annotations: StringMap::new(),
            pod: PodSpec::default(),
            volumes: Vec::new(),
            spec: DaemonSetSpec {
                min_ready_seconds: None,
                revision_history_limit: None,
                selector: LabelSelector::default(),
                template: PodTemplate {
                    metadata: TemplateMeta::default(),
                    spec: PodSpec::default(),
                },
                update_strategy: None,
            },
            target: KubeVersion::DEFAULT,
        }
    }
}

impl DaemonSetBuilder {
    namespaced_methods!(metadata);
    pod_template_methods!("DaemonSet");
    /// Sets the update strategy (unset: RollingUpdate, `maxUnavailable` 1, `maxSurge` 0).
    pub fn update_strategy(mut self, strategy: DaemonSetUpdateStrategy) -> Self {
        self.spec.update_strategy = Some(strategy);
        self
    }
    /// `updateStrategy: {type: RollingUpdate, rollingUpdate: {maxSurge, maxUnavailable}}`.
    pub fn rolling_update(
        self,
        max_surge: Option<IntOrPercent>,
        max_unavailable: Option<IntOrPercent>,
    ) -> Self {
        self.update_strategy(DaemonSetUpdateStrategy::rolling_update(
            max_surge,
            max_unavailable,
        ))
    }

    fn assemble(self) -> (DaemonSet, Problems, KubeVersion) {
        let mut problems = Problems::default();
        let mut spec = self.spec;
        (spec.selector, spec.template) = pod_template(
            &self.metadata.name,
            PodTemplateParts {
                labels: self.pod_labels,
                selector: self.selector,
                annotations: self.pod_annotations,
                pod: self.pod,
                volumes: self.volumes,
            },
            &mut problems,
        );
        (
            DaemonSet {
                metadata: self.metadata,
                spec,
            },
            problems,
            self.target,
        )
    }

    /// Builds and validates the DaemonSet.
    pub fn build(self) -> Result<Valid<DaemonSet>, Report> {
        let (d, problems, target) = self.assemble();
        problems.finish(d, target)
    }
    /// Builds without failing (for the `kvol` macros).
    #[doc(hidden)]
    pub fn __build_prechecked(self) -> Valid<DaemonSet> {
        let (d, _, target) = self.assemble();
        super::prechecked(d, target)
    }
}

/// Builds a [`PodDisruptionBudget`]; start with [`PodDisruptionBudget::builder`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `.build()` is called"]
pub struct PdbBuilder {
    value: PodDisruptionBudget,
    target: KubeVersion,
}

impl PodDisruptionBudget {
    /// Starts a PodDisruptionBudget named `name`.
    ///
    /// ```
    /// use kvol_core::PodDisruptionBudget;
    /// use kvol_core::statefulset::IntOrPercent;
    /// let pdb = PodDisruptionBudget::builder("redis-pdb")
    ///     .min_available(IntOrPercent::Int(2))
    ///     .selector_label("app", "redis")
    ///     .build()?;
    /// assert_eq!(pdb.spec.min_available, Some(IntOrPercent::Int(2)));
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn builder(name: impl Into<String>) -> PdbBuilder {
        PdbBuilder {
            value: PodDisruptionBudget {
                metadata: ObjectMeta::named(name),
                spec: PodDisruptionBudgetSpec::default(),
            },
            target: KubeVersion::DEFAULT,
        }
    }
}

impl PdbBuilder {
    namespaced_methods!(value.metadata);
    /// Adds a label.
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.value.metadata.labels, key, value);
        self
    }
    /// Sets `minAvailable`.
    pub fn min_available(mut self, v: IntOrPercent) -> Self {
        self.value.spec.min_available = Some(v);
        self
    }
    /// Sets `maxUnavailable`.
    pub fn max_unavailable(mut self, v: IntOrPercent) -> Self {
        self.value.spec.max_unavailable = Some(v);
        self
    }
    /// Selects pods with this label (adds to `selector.matchLabels`).
    pub fn selector_label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        let selector = self
            .value
            .spec
            .selector
            .get_or_insert_with(LabelSelector::default);
        put(&mut selector.match_labels, key, value);
        self
    }
    /// Sets the whole selector.
    pub fn selector(mut self, selector: LabelSelector) -> Self {
        self.value.spec.selector = Some(selector);
        self
    }
    /// Sets `unhealthyPodEvictionPolicy`.
    pub fn unhealthy_pod_eviction_policy(mut self, policy: UnhealthyPodEvictionPolicy) -> Self {
        self.value.spec.unhealthy_pod_eviction_policy = Some(policy);
        self
    }
    build_methods!(PodDisruptionBudget, "budget");
}

/// Builds a [`VolumeSnapshotClass`]; start with [`VolumeSnapshotClass::builder`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `.build()` is called"]
pub struct SnapshotClassBuilder {
    value: VolumeSnapshotClass,
    target: KubeVersion,
}

impl VolumeSnapshotClass {
    /// Starts a VolumeSnapshotClass named `name` for CSI driver `driver`, whose snapshots are
    /// deleted with their VolumeSnapshot unless [`deletion_policy`](SnapshotClassBuilder::deletion_policy)
    /// says `Retain`.
    ///
    /// ```
    /// use kvol_core::VolumeSnapshotClass;
    /// let c = VolumeSnapshotClass::builder("csi-snapclass", "hostpath.csi.k8s.io").build()?;
    /// assert_eq!(c.driver, "hostpath.csi.k8s.io");
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn builder(name: impl Into<String>, driver: impl Into<String>) -> SnapshotClassBuilder {
        SnapshotClassBuilder {
            value: VolumeSnapshotClass {
                metadata: ClusterMeta::named(name),
                deletion_policy: DeletionPolicy::Delete,
                driver: driver.into(),
                parameters: StringMap::new(),
            },
            target: KubeVersion::DEFAULT,
        }
    }
}

impl SnapshotClassBuilder {
    /// Adds a label.
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.value.metadata.labels, key, value);
        self
    }
    /// Adds an annotation.
    pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.value.metadata.annotations, key, value);
        self
    }
    /// Marks the class as its driver's default
    /// (`snapshot.storage.kubernetes.io/is-default-class: "true"`).
    pub fn default_class(self) -> Self {
        self.annotation(DEFAULT_SNAPSHOT_CLASS_ANNOTATION, "true")
    }
    /// Sets `deletionPolicy` (default here: `Delete`).
    pub fn deletion_policy(mut self, policy: DeletionPolicy) -> Self {
        self.value.deletion_policy = policy;
        self
    }
    /// Adds a driver parameter.
    pub fn parameter(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.value.parameters, key, value);
        self
    }
    /// Validates for this Kubernetes release instead of [`KubeVersion::DEFAULT`].
    pub fn target(mut self, target: KubeVersion) -> Self {
        self.target = target;
        self
    }
    build_methods!(VolumeSnapshotClass, "class");
}

/// Builds a [`VolumeSnapshot`]; start with [`VolumeSnapshot::builder`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `.build()` is called"]
pub struct SnapshotBuilder {
    value: VolumeSnapshot,
    target: KubeVersion,
}

impl VolumeSnapshot {
    /// Starts a VolumeSnapshot named `name`; give its source with
    /// [`of_claim`](SnapshotBuilder::of_claim) or [`content`](SnapshotBuilder::content).
    ///
    /// ```
    /// use kvol_core::VolumeSnapshot;
    /// let s = VolumeSnapshot::builder("data-snap").of_claim("data").class("csi-snapclass").build()?;
    /// assert_eq!(s.spec.source.persistent_volume_claim_name.as_deref(), Some("data"));
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn builder(name: impl Into<String>) -> SnapshotBuilder {
        SnapshotBuilder {
            value: VolumeSnapshot {
                metadata: ObjectMeta::named(name),
                spec: VolumeSnapshotSpec {
                    source: VolumeSnapshotSource::default(),
                    volume_snapshot_class_name: None,
                },
            },
            target: KubeVersion::DEFAULT,
        }
    }
}

impl SnapshotBuilder {
    namespaced_methods!(value.metadata);
    /// Adds a label.
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.value.metadata.labels, key, value);
        self
    }
    /// Takes a new snapshot of this claim (`source.persistentVolumeClaimName`).
    pub fn of_claim(mut self, claim: impl Into<String>) -> Self {
        self.value.spec.source.persistent_volume_claim_name = Some(claim.into());
        self
    }
    /// Represents an existing snapshot (`source.volumeSnapshotContentName`).
    pub fn content(mut self, content: impl Into<String>) -> Self {
        self.value.spec.source.volume_snapshot_content_name = Some(content.into());
        self
    }
    /// Names the VolumeSnapshotClass (unset: the driver's default class).
    pub fn class(mut self, class: impl Into<String>) -> Self {
        self.value.spec.volume_snapshot_class_name = Some(class.into());
        self
    }
    build_methods!(VolumeSnapshot, "snapshot");
}

/// Builds a [`VolumeAttributesClass`]; start with [`VolumeAttributesClass::builder`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `.build()` is called"]
pub struct AttributesClassBuilder {
    value: VolumeAttributesClass,
    version: Option<AttributesClassVersion>,
    target: KubeVersion,
}

impl VolumeAttributesClass {
    /// Starts a VolumeAttributesClass named `name` for CSI driver `driver`. Its apiVersion is
    /// the newest the target release has (`storage.k8s.io/v1` from 1.34) unless
    /// [`api_version`](AttributesClassBuilder::api_version) says otherwise.
    ///
    /// ```
    /// use kvol_core::{KubeVersion, VolumeAttributesClass};
    /// let gold = VolumeAttributesClass::builder("gold", "ebs.csi.aws.com")
    ///     .parameter("iops", "5000")
    ///     .build()?;
    /// assert_eq!(gold.api_version.as_str(), "storage.k8s.io/v1");
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn builder(name: impl Into<String>, driver: impl Into<String>) -> AttributesClassBuilder {
        AttributesClassBuilder {
            value: VolumeAttributesClass::new(name, driver, StringMap::new(), KubeVersion::DEFAULT),
            version: None,
            target: KubeVersion::DEFAULT,
        }
    }
}

impl AttributesClassBuilder {
    /// Adds a label.
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.value.metadata.labels, key, value);
        self
    }
    /// Adds an annotation.
    pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.value.metadata.annotations, key, value);
        self
    }
    /// Adds a parameter (at least one is required).
    pub fn parameter(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.value.parameters, key, value);
        self
    }
    /// Writes this API version instead of the target's newest.
    pub fn api_version(mut self, version: AttributesClassVersion) -> Self {
        self.version = Some(version);
        self
    }
    /// Validates (and picks the API version) for this release instead of
    /// [`KubeVersion::DEFAULT`].
    pub fn target(mut self, target: KubeVersion) -> Self {
        self.target = target;
        self
    }
    fn assemble(mut self) -> (VolumeAttributesClass, KubeVersion) {
        self.value.api_version = self
            .version
            .unwrap_or_else(|| AttributesClassVersion::for_target(self.target));
        (self.value, self.target)
    }
    /// Builds and validates the class.
    pub fn build(self) -> Result<Valid<VolumeAttributesClass>, Report> {
        let (v, target) = self.assemble();
        Problems::default().finish(v, target)
    }
    /// Builds without failing (for the `kvol` macros).
    #[doc(hidden)]
    pub fn __build_prechecked(self) -> Valid<VolumeAttributesClass> {
        let (v, target) = self.assemble();
        super::prechecked(v, target)
    }
}

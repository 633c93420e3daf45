//! Conversions into [k8s-openapi](https://docs.rs/k8s-openapi) types (feature `k8s-openapi`),
//! so that kube-rs users can create or server-side apply kvol's objects directly.
//!
//! Each kvol object converts with [`From`], from a reference to the object or to its
//! [`Valid`] wrapper:
//!
//! - [`Pod`] → [`core::v1::Pod`](k8s_openapi::api::core::v1::Pod)
//! - [`PersistentVolume`] →
//!   [`core::v1::PersistentVolume`](k8s_openapi::api::core::v1::PersistentVolume)
//! - [`PersistentVolumeClaim`] →
//!   [`core::v1::PersistentVolumeClaim`](k8s_openapi::api::core::v1::PersistentVolumeClaim)
//! - [`StorageClass`] →
//!   [`storage::v1::StorageClass`](k8s_openapi::api::storage::v1::StorageClass)
//! - [`Service`] → [`core::v1::Service`](k8s_openapi::api::core::v1::Service)
//! - [`StatefulSet`] → [`apps::v1::StatefulSet`](k8s_openapi::api::apps::v1::StatefulSet), or
//!   the pair `(core::v1::Service, apps::v1::StatefulSet)` with its governing Service (for a
//!   StatefulSet whose Service is declared in the set, `service_in_set`, convert that Service
//!   itself: the pair holds the one kvol would have written)
//! - [`ConfigMap`] → [`core::v1::ConfigMap`](k8s_openapi::api::core::v1::ConfigMap),
//!   [`Secret`] → [`core::v1::Secret`](k8s_openapi::api::core::v1::Secret)
//! - [`Deployment`] → [`apps::v1::Deployment`](k8s_openapi::api::apps::v1::Deployment)
//! - [`DaemonSet`] → [`apps::v1::DaemonSet`](k8s_openapi::api::apps::v1::DaemonSet)
//! - [`PodDisruptionBudget`] →
//!   [`policy::v1::PodDisruptionBudget`](k8s_openapi::api::policy::v1::PodDisruptionBudget)
//!
//! VolumeSnapshot and VolumeSnapshotClass have no k8s-openapi type (they are CRDs of the CSI
//! external-snapshotter, outside the Kubernetes API that k8s-openapi generates), and
//! VolumeAttributesClass has none in every k8s-openapi version kvol supports (`storage/v1`
//! from 1.34 only): write those with kvol's YAML, or with kube-rs' `DynamicObject`.
//!
//! The conversions are typed, field by field, and exact: the converted value serializes to the
//! same JSON as kvol's own serialization (the `openapi_roundtrip` tests check this for every
//! volume and PV source and every policy). There is one difference in shape, which the API
//! server ignores: k8s-openapi always writes `apiVersion: v1` and `kind: PersistentVolumeClaim`
//! into a StatefulSet's `volumeClaimTemplates` entries, whose type is a full
//! PersistentVolumeClaim; kvol leaves them out.
//!
//! A [`FileMode`] above `i32::MAX` (never valid: the API allows `0..=0o777`) saturates to
//! `i32::MAX`, since k8s-openapi stores modes as `i32`.
//!
//! # Kubernetes version
//!
//! kvol-core does not choose a Kubernetes version for k8s-openapi: as for any library, the
//! application does, by enabling exactly one of k8s-openapi's version features (`v1_33` …
//! `v1_37`, or `latest`) in its own dependency on k8s-openapi. The conversions compile with
//! every version k8s-openapi 0.29 supports.
//!
//! ```
//! use k8s_openapi::api::{apps::v1 as apps, core::v1 as core};
//! use kvol_core::{AccessMode, Container, PersistentVolumeClaim, PvcTemplate, StatefulSet};
//!
//! let claim = PersistentVolumeClaim::builder("data")
//!     .access_mode(AccessMode::ReadWriteOnce)
//!     .request("1Gi")
//!     .build()?;
//! let converted = core::PersistentVolumeClaim::from(&claim);
//! assert_eq!(converted.metadata.name.as_deref(), Some("data"));
//!
//! // A StatefulSet converts together with its headless Service, which is applied first.
//! let web = StatefulSet::builder("web")
//!     .container(Container::builder("nginx", "nginx").named_port("web", 80).mount("www", "/www"))
//!     .claim(PvcTemplate::builder("www").access_mode(AccessMode::ReadWriteOnce).request("1Gi"))
//!     .build()?;
//! let (service, set) = <(core::Service, apps::StatefulSet)>::from(&web);
//! assert_eq!(service.metadata.name.as_deref(), Some("web"));
//! assert_eq!(set.metadata.name.as_deref(), Some("web"));
//! # Ok::<(), kvol_core::Report>(())
//! ```

// Kubernetes releases add fields to some of these structs (`KeyToPath::user` in 1.37, for one),
// so `..Default::default()` is needed with some versions and has no effect with others.
#![allow(clippy::needless_update)]

use crate::{
    access::AccessModes,
    config::{ByteMap, ConfigMap, Secret},
    container::{EnvFromSource, EnvVarSource, VolumeDevice},
    daemonset::{DaemonSet, DaemonSetSpec, DaemonSetUpdateStrategy},
    deployment::{Deployment, DeploymentSpec, DeploymentStrategy},
    legacy::LegacySource,
    meta::{ClusterMeta, ObjectMeta, StringMap, TemplateMeta},
    model::api_enum::ApiEnum,
    pdb::PodDisruptionBudget,
    pod::{Container, ContainerPort, EnvVar, Pod, PodSpec, PodTemplate, VolumeMount},
    probe::{ExecAction, HttpGetAction, Lifecycle, LifecycleHandler, Probe, TcpSocketAction},
    pv::{
        ClaimRef, CsiPersistentVolume, IscsiVolume, LocalVolume, PersistentVolume, PvSource,
        PvSpec, SecretReference,
    },
    pvc::{
        ClassRef, PersistentVolumeClaim, PvcSpec, PvcTemplate, StorageResources,
        TypedLocalObjectReference, TypedObjectReference,
    },
    quantity::Quantity,
    resources::{ResourceList, ResourceRequirements},
    scheduling::{
        Affinity, NodeAffinity, PodAffinity, PodAffinityTerm, PreferredSchedulingTerm, Toleration,
        TopologySpreadConstraint, WeightedPodAffinityTerm,
    },
    security::{PodSecurityContext, SeccompProfile, SecurityContext},
    selector::{
        LabelSelector, LabelSelectorRequirement, NodeSelector, NodeSelectorRequirement,
        NodeSelectorTerm, TopologyRequirement, TopologySelectorTerm, VolumeNodeAffinity,
    },
    service::{
        ClientIpConfig, Service, ServicePort, ServiceSpec, SessionAffinityConfig, TargetPort,
    },
    statefulset::{IntOrPercent, RetentionPolicy, StatefulSet, StatefulSetSpec, UpdateStrategy},
    storage_class::StorageClass,
    validate::Valid,
    volume::{
        ClaimVolume, ConfigMapVolume, CsiVolume, DownwardApiFile, DownwardApiSource,
        DownwardApiVolume, EmptyDir, EphemeralVolume, FileMode, HostPath, KeyToPath,
        LocalObjectReference, Nfs, ProjectedVolume, SecretVolume, Volume, VolumeProjection,
        VolumeSource,
    },
};
use k8s_openapi::{
    ByteString,
    api::{apps::v1 as apps, core::v1 as core, policy::v1 as policy, storage::v1 as storage},
    apimachinery::pkg::{
        api::resource::Quantity as K8sQuantity, apis::meta::v1 as meta, util::intstr::IntOrString,
    },
};
use std::collections::BTreeMap;

// ---------------------------------------------------------------------------------------------
// Objects

impl From<&Pod> for core::Pod {
    /// The Pod, field by field.
    fn from(pod: &Pod) -> Self {
        core::Pod {
            metadata: object_meta(&pod.metadata),
            spec: Some(pod_spec(&pod.spec)),
            status: None,
        }
    }
}

impl From<&PersistentVolume> for core::PersistentVolume {
    /// The PersistentVolume, field by field (legacy in-tree sources included).
    fn from(pv: &PersistentVolume) -> Self {
        core::PersistentVolume {
            metadata: cluster_meta(&pv.metadata),
            spec: Some(pv_spec(&pv.spec)),
            status: None,
        }
    }
}

impl From<&PersistentVolumeClaim> for core::PersistentVolumeClaim {
    /// The PersistentVolumeClaim, field by field.
    fn from(claim: &PersistentVolumeClaim) -> Self {
        core::PersistentVolumeClaim {
            metadata: object_meta(&claim.metadata),
            spec: Some(pvc_spec(&claim.spec)),
            status: None,
        }
    }
}

impl From<&StorageClass> for storage::StorageClass {
    /// The StorageClass, field by field.
    fn from(class: &StorageClass) -> Self {
        storage::StorageClass {
            allow_volume_expansion: class.allow_volume_expansion,
            allowed_topologies: list(&class.allowed_topologies, topology_term),
            metadata: cluster_meta(&class.metadata),
            mount_options: strings(&class.mount_options),
            parameters: string_map(&class.parameters),
            provisioner: class.provisioner.clone(),
            reclaim_policy: class.reclaim_policy.map(api_name),
            volume_binding_mode: class.volume_binding_mode.map(api_name),
        }
    }
}

impl From<&Service> for core::Service {
    /// The Service, field by field.
    fn from(service: &Service) -> Self {
        core::Service {
            metadata: object_meta(&service.metadata),
            spec: Some(service_spec(&service.spec)),
            status: None,
        }
    }
}

impl From<&StatefulSet> for apps::StatefulSet {
    /// The StatefulSet document alone. Its governing Service is [`StatefulSet::service`]:
    /// convert that too, or convert into the pair `(Service, StatefulSet)`.
    fn from(set: &StatefulSet) -> Self {
        apps::StatefulSet {
            metadata: object_meta(&set.metadata),
            // `spec` is a `StatefulSetSpec` from Kubernetes 1.37 on and an `Option` before:
            // `into()` fits either.
            #[allow(clippy::useless_conversion)]
            spec: statefulset_spec(&set.spec).into(),
            status: None,
        }
    }
}

impl From<&StatefulSet> for (core::Service, apps::StatefulSet) {
    /// The governing headless Service and the StatefulSet, in the order to apply them (the
    /// order kvol renders them in).
    fn from(set: &StatefulSet) -> Self {
        (
            core::Service::from(&set.service),
            apps::StatefulSet::from(set),
        )
    }
}

impl From<&ConfigMap> for core::ConfigMap {
    /// The ConfigMap, field by field.
    fn from(cm: &ConfigMap) -> Self {
        core::ConfigMap {
            binary_data: byte_map(&cm.binary_data),
            data: string_map(&cm.data),
            immutable: cm.immutable,
            metadata: object_meta(&cm.metadata),
        }
    }
}

impl From<&Secret> for core::Secret {
    /// The Secret, field by field (`stringData` stays apart, as kvol writes it).
    fn from(s: &Secret) -> Self {
        core::Secret {
            data: byte_map(&s.data),
            immutable: s.immutable,
            metadata: object_meta(&s.metadata),
            string_data: string_map(&s.string_data),
            type_: s.type_.clone(),
        }
    }
}

impl From<&Deployment> for apps::Deployment {
    /// The Deployment, field by field.
    fn from(d: &Deployment) -> Self {
        apps::Deployment {
            metadata: object_meta(&d.metadata),
            // An `Option` before Kubernetes 1.37 in some versions: `into()` fits either.
            #[allow(clippy::useless_conversion)]
            spec: deployment_spec(&d.spec).into(),
            status: None,
        }
    }
}

impl From<&DaemonSet> for apps::DaemonSet {
    /// The DaemonSet, field by field.
    fn from(d: &DaemonSet) -> Self {
        apps::DaemonSet {
            metadata: object_meta(&d.metadata),
            // An `Option` before Kubernetes 1.37 in some versions: `into()` fits either.
            #[allow(clippy::useless_conversion)]
            spec: daemonset_spec(&d.spec).into(),
            status: None,
        }
    }
}

impl From<&PodDisruptionBudget> for policy::PodDisruptionBudget {
    /// The PodDisruptionBudget, field by field.
    fn from(p: &PodDisruptionBudget) -> Self {
        let s = &p.spec;
        let spec = policy::PodDisruptionBudgetSpec {
            max_unavailable: s.max_unavailable.map(int_or_percent),
            min_available: s.min_available.map(int_or_percent),
            selector: s.selector.as_ref().map(label_selector),
            unhealthy_pod_eviction_policy: s.unhealthy_pod_eviction_policy.map(api_name),
        };
        policy::PodDisruptionBudget {
            metadata: object_meta(&p.metadata),
            spec: Some(spec),
            status: None,
        }
    }
}

fn byte_map(map: &ByteMap) -> Option<BTreeMap<String, ByteString>> {
    (!map.is_empty()).then(|| {
        map.iter()
            .map(|(k, v)| (k.clone(), ByteString(v.0.clone())))
            .collect()
    })
}

fn deployment_spec(s: &DeploymentSpec) -> apps::DeploymentSpec {
    apps::DeploymentSpec {
        min_ready_seconds: s.min_ready_seconds,
        paused: s.paused,
        progress_deadline_seconds: s.progress_deadline_seconds,
        replicas: s.replicas,
        revision_history_limit: s.revision_history_limit,
        selector: label_selector(&s.selector),
        strategy: s.strategy.as_ref().map(deployment_strategy),
        template: pod_template(&s.template),
    }
}

fn deployment_strategy(s: &DeploymentStrategy) -> apps::DeploymentStrategy {
    apps::DeploymentStrategy {
        rolling_update: s.rolling_update.map(|r| apps::RollingUpdateDeployment {
            max_surge: r.max_surge.map(int_or_percent),
            max_unavailable: r.max_unavailable.map(int_or_percent),
        }),
        type_: s.type_.map(api_name),
    }
}

fn daemonset_spec(s: &DaemonSetSpec) -> apps::DaemonSetSpec {
    apps::DaemonSetSpec {
        min_ready_seconds: s.min_ready_seconds,
        revision_history_limit: s.revision_history_limit,
        selector: label_selector(&s.selector),
        template: pod_template(&s.template),
        update_strategy: s.update_strategy.as_ref().map(daemonset_update_strategy),
    }
}

fn daemonset_update_strategy(s: &DaemonSetUpdateStrategy) -> apps::DaemonSetUpdateStrategy {
    apps::DaemonSetUpdateStrategy {
        rolling_update: s.rolling_update.map(|r| apps::RollingUpdateDaemonSet {
            max_surge: r.max_surge.map(int_or_percent),
            max_unavailable: r.max_unavailable.map(int_or_percent),
        }),
        type_: s.type_.map(api_name),
    }
}

/// `From<&Valid<T>>` for each `From<&T>` above: a validated object converts like the object.
macro_rules! from_valid {
    ($($kvol:ty => $k8s:ty),* $(,)?) => {$(
        impl From<&Valid<$kvol>> for $k8s {
            /// Converts the validated object, as the conversion from a plain reference does.
            fn from(valid: &Valid<$kvol>) -> Self {
                <$k8s>::from(&**valid)
            }
        }
    )*};
}

from_valid!(
    Pod => core::Pod,
    PersistentVolume => core::PersistentVolume,
    PersistentVolumeClaim => core::PersistentVolumeClaim,
    StorageClass => storage::StorageClass,
    Service => core::Service,
    StatefulSet => apps::StatefulSet,
    StatefulSet => (core::Service, apps::StatefulSet),
    ConfigMap => core::ConfigMap,
    Secret => core::Secret,
    Deployment => apps::Deployment,
    DaemonSet => apps::DaemonSet,
    PodDisruptionBudget => policy::PodDisruptionBudget,
);

// ---------------------------------------------------------------------------------------------
// Shared helpers

/// The API spelling of an enum value, owned.
fn api_name<T: ApiEnum>(value: T) -> String {
    value.api_word().to_owned()
}

/// A map that kvol omits when empty.
fn string_map(map: &StringMap) -> Option<BTreeMap<String, String>> {
    (!map.is_empty()).then(|| map.clone())
}

/// A list that kvol omits when empty, converted item by item.
fn list<T, U>(items: &[T], convert: impl FnMut(&T) -> U) -> Option<Vec<U>> {
    (!items.is_empty()).then(|| items.iter().map(convert).collect())
}

/// A list of strings that kvol omits when empty.
fn strings(items: &[String]) -> Option<Vec<String>> {
    list(items, String::clone)
}

/// A `bool` that kvol writes only when true (`readOnly`, `publishNotReadyAddresses`).
fn flag(value: bool) -> Option<bool> {
    value.then_some(true)
}

/// A quantity, spelled as kvol serializes it.
fn quantity(q: &Quantity) -> K8sQuantity {
    K8sQuantity(q.canonical())
}

/// `{storage: q}`: PV capacity, claim requests and limits.
fn storage_map(q: &Quantity) -> BTreeMap<String, K8sQuantity> {
    BTreeMap::from([("storage".to_owned(), quantity(q))])
}

/// File permission bits; values past `i32::MAX` (never valid) saturate.
fn file_mode(mode: FileMode) -> i32 {
    i32::try_from(mode.0).unwrap_or(i32::MAX)
}

/// Access modes, always written (kvol writes `[]` for an empty set, which validation reports).
fn access_modes(modes: AccessModes) -> Option<Vec<String>> {
    Some(modes.iter().map(api_name).collect())
}

fn object_meta(m: &ObjectMeta) -> meta::ObjectMeta {
    meta::ObjectMeta {
        annotations: string_map(&m.annotations),
        labels: string_map(&m.labels),
        name: Some(m.name.clone()),
        namespace: m.namespace.clone(),
        ..Default::default()
    }
}

fn cluster_meta(m: &ClusterMeta) -> meta::ObjectMeta {
    meta::ObjectMeta {
        annotations: string_map(&m.annotations),
        labels: string_map(&m.labels),
        name: Some(m.name.clone()),
        ..Default::default()
    }
}

fn template_meta(m: &TemplateMeta) -> meta::ObjectMeta {
    meta::ObjectMeta {
        annotations: string_map(&m.annotations),
        labels: string_map(&m.labels),
        name: m.name.clone(),
        ..Default::default()
    }
}

fn label_selector(s: &LabelSelector) -> meta::LabelSelector {
    meta::LabelSelector {
        match_expressions: list(&s.match_expressions, label_requirement),
        match_labels: string_map(&s.match_labels),
    }
}

fn label_requirement(r: &LabelSelectorRequirement) -> meta::LabelSelectorRequirement {
    meta::LabelSelectorRequirement {
        key: r.key.clone(),
        operator: api_name(r.operator),
        values: strings(&r.values),
    }
}

// ---------------------------------------------------------------------------------------------
// Pods

fn pod_spec(s: &PodSpec) -> core::PodSpec {
    let out = core::PodSpec {
        affinity: s.affinity.as_ref().map(affinity),
        automount_service_account_token: s.automount_service_account_token,
        containers: s.containers.iter().map(container).collect(),
        dns_policy: s.dns_policy.map(api_name),
        enable_service_links: s.enable_service_links,
        hostname: s.hostname.clone(),
        image_pull_secrets: list(&s.image_pull_secrets, local_ref),
        init_containers: list(&s.init_containers, container),
        node_selector: string_map(&s.node_selector),
        priority_class_name: s.priority_class_name.clone(),
        restart_policy: s.restart_policy.map(api_name),
        security_context: s.security_context.as_ref().map(pod_security_context),
        service_account_name: s.service_account_name.clone(),
        subdomain: s.subdomain.clone(),
        termination_grace_period_seconds: s.termination_grace_period_seconds,
        tolerations: list(&s.tolerations, toleration),
        topology_spread_constraints: list(&s.topology_spread_constraints, spread_constraint),
        volumes: list(&s.volumes, volume),
        ..Default::default()
    };
    with_extras(out, &s.extra)
}

fn local_ref(r: &LocalObjectReference) -> core::LocalObjectReference {
    core::LocalObjectReference {
        name: r.name.clone(),
    }
}

fn pod_security_context(c: &PodSecurityContext) -> core::PodSecurityContext {
    core::PodSecurityContext {
        fs_group: c.fs_group,
        fs_group_change_policy: c.fs_group_change_policy.map(api_name),
        run_as_group: c.run_as_group,
        run_as_non_root: c.run_as_non_root,
        run_as_user: c.run_as_user,
        seccomp_profile: c.seccomp_profile.as_ref().map(seccomp_profile),
        supplemental_groups: if c.supplemental_groups.is_empty() {
            None
        } else {
            Some(c.supplemental_groups.clone())
        },
        ..Default::default()
    }
}

fn seccomp_profile(p: &SeccompProfile) -> core::SeccompProfile {
    core::SeccompProfile {
        localhost_profile: p.localhost_profile.clone(),
        type_: api_name(p.kind),
    }
}

fn affinity(a: &Affinity) -> core::Affinity {
    core::Affinity {
        node_affinity: a.node_affinity.as_ref().map(node_affinity),
        pod_affinity: a.pod_affinity.as_ref().map(|p| core::PodAffinity {
            preferred_during_scheduling_ignored_during_execution: list(
                &p.preferred,
                weighted_pod_term,
            ),
            required_during_scheduling_ignored_during_execution: list(&p.required, pod_term),
        }),
        pod_anti_affinity: a.pod_anti_affinity.as_ref().map(pod_anti_affinity),
    }
}

fn pod_anti_affinity(p: &PodAffinity) -> core::PodAntiAffinity {
    core::PodAntiAffinity {
        preferred_during_scheduling_ignored_during_execution: list(&p.preferred, weighted_pod_term),
        required_during_scheduling_ignored_during_execution: list(&p.required, pod_term),
    }
}

fn node_affinity(a: &NodeAffinity) -> core::NodeAffinity {
    core::NodeAffinity {
        preferred_during_scheduling_ignored_during_execution: list(&a.preferred, preferred_term),
        required_during_scheduling_ignored_during_execution: a.required.as_ref().map(node_selector),
    }
}

fn preferred_term(t: &PreferredSchedulingTerm) -> core::PreferredSchedulingTerm {
    core::PreferredSchedulingTerm {
        preference: node_term(&t.preference),
        weight: t.weight,
    }
}

fn weighted_pod_term(t: &WeightedPodAffinityTerm) -> core::WeightedPodAffinityTerm {
    core::WeightedPodAffinityTerm {
        pod_affinity_term: pod_term(&t.pod_affinity_term),
        weight: t.weight,
    }
}

fn pod_term(t: &PodAffinityTerm) -> core::PodAffinityTerm {
    core::PodAffinityTerm {
        label_selector: t.label_selector.as_ref().map(label_selector),
        match_label_keys: strings(&t.match_label_keys),
        mismatch_label_keys: strings(&t.mismatch_label_keys),
        namespace_selector: t.namespace_selector.as_ref().map(label_selector),
        namespaces: strings(&t.namespaces),
        topology_key: t.topology_key.clone(),
    }
}

fn toleration(t: &Toleration) -> core::Toleration {
    core::Toleration {
        effect: t.effect.map(api_name),
        key: t.key.clone(),
        operator: t.operator.map(api_name),
        toleration_seconds: t.toleration_seconds,
        value: t.value.clone(),
    }
}

fn spread_constraint(c: &TopologySpreadConstraint) -> core::TopologySpreadConstraint {
    core::TopologySpreadConstraint {
        label_selector: c.label_selector.as_ref().map(label_selector),
        match_label_keys: strings(&c.match_label_keys),
        max_skew: c.max_skew,
        min_domains: c.min_domains,
        node_affinity_policy: c.node_affinity_policy.map(api_name),
        node_taints_policy: c.node_taints_policy.map(api_name),
        topology_key: c.topology_key.clone(),
        when_unsatisfiable: api_name(c.when_unsatisfiable),
    }
}

fn pod_template(t: &PodTemplate) -> core::PodTemplateSpec {
    core::PodTemplateSpec {
        metadata: Some(template_meta(&t.metadata)),
        spec: Some(pod_spec(&t.spec)),
    }
}

fn container(c: &Container) -> core::Container {
    let out = core::Container {
        args: strings(&c.args),
        command: strings(&c.command),
        env: list(&c.env, env_var),
        env_from: list(&c.env_from, env_from),
        image: Some(c.image.clone()),
        image_pull_policy: c.image_pull_policy.map(api_name),
        lifecycle: c.lifecycle.as_ref().map(lifecycle),
        liveness_probe: c.liveness_probe.as_ref().map(probe),
        name: c.name.clone(),
        ports: list(&c.ports, container_port),
        readiness_probe: c.readiness_probe.as_ref().map(probe),
        resources: c.resources.as_ref().map(resources),
        restart_policy: c.restart_policy.map(api_name),
        security_context: c.security_context.as_ref().map(security_context),
        startup_probe: c.startup_probe.as_ref().map(probe),
        termination_message_path: c.termination_message_path.clone(),
        termination_message_policy: c.termination_message_policy.map(api_name),
        volume_devices: list(&c.volume_devices, volume_device),
        volume_mounts: list(&c.volume_mounts, volume_mount),
        working_dir: c.working_dir.clone(),
        ..Default::default()
    };
    with_extras(out, &c.extra)
}

fn env_var(e: &EnvVar) -> core::EnvVar {
    core::EnvVar {
        name: e.name.clone(),
        value: (!e.value.is_empty()).then(|| e.value.clone()),
        value_from: e.value_from.as_ref().map(env_var_source),
    }
}

fn env_var_source(s: &EnvVarSource) -> core::EnvVarSource {
    core::EnvVarSource {
        config_map_key_ref: s
            .config_map_key_ref
            .as_ref()
            .map(|k| core::ConfigMapKeySelector {
                key: k.key.clone(),
                name: k.name.clone(),
                optional: k.optional,
            }),
        field_ref: s.field_ref.as_ref().map(|f| core::ObjectFieldSelector {
            api_version: f.api_version.clone(),
            field_path: f.field_path.clone(),
        }),
        resource_field_ref: s
            .resource_field_ref
            .as_ref()
            .map(|r| core::ResourceFieldSelector {
                container_name: r.container_name.clone(),
                divisor: r.divisor.as_ref().map(quantity),
                resource: r.resource.clone(),
            }),
        secret_key_ref: s.secret_key_ref.as_ref().map(|k| core::SecretKeySelector {
            key: k.key.clone(),
            name: k.name.clone(),
            optional: k.optional,
        }),
        ..Default::default()
    }
}

fn env_from(e: &EnvFromSource) -> core::EnvFromSource {
    core::EnvFromSource {
        config_map_ref: e.config_map_ref.as_ref().map(|r| core::ConfigMapEnvSource {
            name: r.name.clone(),
            optional: r.optional,
        }),
        prefix: e.prefix.clone(),
        secret_ref: e.secret_ref.as_ref().map(|r| core::SecretEnvSource {
            name: r.name.clone(),
            optional: r.optional,
        }),
    }
}

fn container_port(p: &ContainerPort) -> core::ContainerPort {
    core::ContainerPort {
        container_port: p.container_port,
        host_ip: None,
        host_port: p.host_port,
        name: p.name.clone(),
        protocol: Some(api_name(p.protocol)),
    }
}

fn volume_mount(m: &VolumeMount) -> core::VolumeMount {
    core::VolumeMount {
        mount_path: m.mount_path.clone(),
        mount_propagation: m.mount_propagation.map(api_name),
        name: m.name.clone(),
        read_only: flag(m.read_only),
        recursive_read_only: m.recursive_read_only.map(api_name),
        sub_path: m.sub_path.clone(),
        sub_path_expr: m.sub_path_expr.clone(),
        ..Default::default()
    }
}

fn volume_device(d: &VolumeDevice) -> core::VolumeDevice {
    core::VolumeDevice {
        device_path: d.device_path.clone(),
        name: d.name.clone(),
    }
}

fn resource_list(l: &ResourceList) -> Option<BTreeMap<String, K8sQuantity>> {
    (!l.is_empty()).then(|| l.iter().map(|(k, v)| (k.clone(), quantity(v))).collect())
}

fn resources(r: &ResourceRequirements) -> core::ResourceRequirements {
    core::ResourceRequirements {
        limits: resource_list(&r.limits),
        requests: resource_list(&r.requests),
        ..Default::default()
    }
}

fn exec(e: &ExecAction) -> core::ExecAction {
    core::ExecAction {
        command: strings(&e.command),
    }
}

fn http_get(h: &HttpGetAction) -> core::HTTPGetAction {
    core::HTTPGetAction {
        host: h.host.clone(),
        http_headers: list(&h.http_headers, |x| core::HTTPHeader {
            name: x.name.clone(),
            value: x.value.clone(),
        }),
        path: h.path.clone(),
        port: target_port(&h.port),
        scheme: h.scheme.map(api_name),
        ..Default::default()
    }
}

fn tcp_socket(t: &TcpSocketAction) -> core::TCPSocketAction {
    core::TCPSocketAction {
        host: t.host.clone(),
        port: target_port(&t.port),
    }
}

fn probe(p: &Probe) -> core::Probe {
    core::Probe {
        exec: p.exec.as_ref().map(exec),
        failure_threshold: p.failure_threshold,
        grpc: p.grpc.as_ref().map(|g| core::GRPCAction {
            port: g.port,
            service: g.service.clone(),
            ..Default::default()
        }),
        http_get: p.http_get.as_ref().map(http_get),
        initial_delay_seconds: p.initial_delay_seconds,
        period_seconds: p.period_seconds,
        success_threshold: p.success_threshold,
        tcp_socket: p.tcp_socket.as_ref().map(tcp_socket),
        termination_grace_period_seconds: p.termination_grace_period_seconds,
        timeout_seconds: p.timeout_seconds,
    }
}

fn lifecycle_handler(h: &LifecycleHandler) -> core::LifecycleHandler {
    core::LifecycleHandler {
        exec: h.exec.as_ref().map(exec),
        http_get: h.http_get.as_ref().map(http_get),
        sleep: h
            .sleep
            .as_ref()
            .map(|s| core::SleepAction { seconds: s.seconds }),
        tcp_socket: h.tcp_socket.as_ref().map(tcp_socket),
    }
}

fn lifecycle(l: &Lifecycle) -> core::Lifecycle {
    core::Lifecycle {
        post_start: l.post_start.as_ref().map(lifecycle_handler),
        pre_stop: l.pre_stop.as_ref().map(lifecycle_handler),
        ..Default::default()
    }
}

fn security_context(s: &SecurityContext) -> core::SecurityContext {
    core::SecurityContext {
        allow_privilege_escalation: s.allow_privilege_escalation,
        capabilities: s.capabilities.as_ref().map(|c| core::Capabilities {
            add: strings(&c.add),
            drop: strings(&c.drop),
        }),
        privileged: s.privileged,
        read_only_root_filesystem: s.read_only_root_filesystem,
        run_as_group: s.run_as_group,
        run_as_non_root: s.run_as_non_root,
        run_as_user: s.run_as_user,
        seccomp_profile: s.seccomp_profile.as_ref().map(seccomp_profile),
        ..Default::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Pod volumes

fn volume(v: &Volume) -> core::Volume {
    let mut out = core::Volume {
        name: v.name.clone(),
        ..Default::default()
    };
    match &v.source {
        VolumeSource::EmptyDir(s) => out.empty_dir = Some(empty_dir(s)),
        VolumeSource::HostPath(s) => out.host_path = Some(host_path(s)),
        VolumeSource::Nfs(s) => out.nfs = Some(nfs(s)),
        VolumeSource::PersistentVolumeClaim(s) => out.persistent_volume_claim = Some(claim(s)),
        VolumeSource::ConfigMap(s) => out.config_map = Some(config_map(s)),
        VolumeSource::Secret(s) => out.secret = Some(secret(s)),
        VolumeSource::DownwardApi(s) => out.downward_api = Some(downward_api(s)),
        VolumeSource::Csi(s) => out.csi = Some(csi_volume(s)),
        VolumeSource::Ephemeral(s) => out.ephemeral = Some(ephemeral(s)),
        VolumeSource::Projected(s) => out.projected = Some(projected(s)),
    }
    out
}

fn empty_dir(s: &EmptyDir) -> core::EmptyDirVolumeSource {
    core::EmptyDirVolumeSource {
        medium: s.medium.map(api_name),
        size_limit: s.size_limit.as_ref().map(quantity),
        ..Default::default()
    }
}

fn host_path(s: &HostPath) -> core::HostPathVolumeSource {
    core::HostPathVolumeSource {
        path: s.path.clone(),
        type_: s.kind.map(|kind| kind.as_str().to_owned()),
    }
}

fn nfs(s: &Nfs) -> core::NFSVolumeSource {
    core::NFSVolumeSource {
        path: s.path.clone(),
        read_only: flag(s.read_only),
        server: s.server.clone(),
    }
}

fn claim(s: &ClaimVolume) -> core::PersistentVolumeClaimVolumeSource {
    core::PersistentVolumeClaimVolumeSource {
        claim_name: s.claim_name.clone(),
        read_only: flag(s.read_only),
    }
}

fn key_to_path(k: &KeyToPath) -> core::KeyToPath {
    core::KeyToPath {
        key: k.key.clone(),
        mode: k.mode.map(file_mode),
        path: k.path.clone(),
        ..Default::default()
    }
}

fn config_map(s: &ConfigMapVolume) -> core::ConfigMapVolumeSource {
    core::ConfigMapVolumeSource {
        default_mode: s.default_mode.map(file_mode),
        items: list(&s.items, key_to_path),
        name: s.name.clone(),
        optional: s.optional,
        ..Default::default()
    }
}

fn secret(s: &SecretVolume) -> core::SecretVolumeSource {
    core::SecretVolumeSource {
        default_mode: s.default_mode.map(file_mode),
        items: list(&s.items, key_to_path),
        optional: s.optional,
        secret_name: Some(s.secret_name.clone()),
        ..Default::default()
    }
}

fn downward_api(s: &DownwardApiVolume) -> core::DownwardAPIVolumeSource {
    core::DownwardAPIVolumeSource {
        default_mode: s.default_mode.map(file_mode),
        items: list(&s.items, downward_api_file),
        ..Default::default()
    }
}

fn downward_api_file(f: &DownwardApiFile) -> core::DownwardAPIVolumeFile {
    let (field_ref, resource_field_ref) = match &f.source {
        DownwardApiSource::Field(path) => (
            Some(core::ObjectFieldSelector {
                api_version: None,
                field_path: path.clone(),
            }),
            None,
        ),
        DownwardApiSource::Resource {
            container_name,
            resource,
            divisor,
        } => (
            None,
            Some(core::ResourceFieldSelector {
                container_name: Some(container_name.clone()),
                divisor: divisor.as_ref().map(quantity),
                resource: resource.clone(),
            }),
        ),
    };
    core::DownwardAPIVolumeFile {
        field_ref,
        mode: f.mode.map(file_mode),
        path: f.path.clone(),
        resource_field_ref,
        ..Default::default()
    }
}

fn projected(s: &ProjectedVolume) -> core::ProjectedVolumeSource {
    core::ProjectedVolumeSource {
        default_mode: s.default_mode.map(file_mode),
        sources: list(&s.sources, projection),
        ..Default::default()
    }
}

fn projection(p: &VolumeProjection) -> core::VolumeProjection {
    core::VolumeProjection {
        cluster_trust_bundle: p.cluster_trust_bundle.as_ref().map(|b| {
            core::ClusterTrustBundleProjection {
                label_selector: b.label_selector.as_ref().map(label_selector),
                name: b.name.clone(),
                optional: b.optional,
                path: b.path.clone(),
                signer_name: b.signer_name.clone(),
                ..Default::default()
            }
        }),
        config_map: p.config_map.as_ref().map(|c| core::ConfigMapProjection {
            items: list(&c.items, key_to_path),
            name: c.name.clone(),
            optional: c.optional,
        }),
        downward_api: p
            .downward_api
            .as_ref()
            .map(|d| core::DownwardAPIProjection {
                items: list(&d.items, downward_api_file),
            }),
        secret: p.secret.as_ref().map(|c| core::SecretProjection {
            items: list(&c.items, key_to_path),
            name: c.name.clone(),
            optional: c.optional,
        }),
        service_account_token: p.service_account_token.as_ref().map(|t| {
            core::ServiceAccountTokenProjection {
                audience: t.audience.clone(),
                expiration_seconds: t.expiration_seconds,
                path: t.path.clone(),
                ..Default::default()
            }
        }),
        ..Default::default()
    }
}

fn csi_volume(s: &CsiVolume) -> core::CSIVolumeSource {
    core::CSIVolumeSource {
        driver: s.driver.clone(),
        fs_type: s.fs_type.clone(),
        node_publish_secret_ref: s.node_publish_secret_ref.as_ref().map(|r| {
            core::LocalObjectReference {
                name: r.name.clone(),
            }
        }),
        read_only: s.read_only,
        volume_attributes: string_map(&s.volume_attributes),
    }
}

fn ephemeral(s: &EphemeralVolume) -> core::EphemeralVolumeSource {
    let t = &s.volume_claim_template;
    core::EphemeralVolumeSource {
        volume_claim_template: Some(core::PersistentVolumeClaimTemplate {
            metadata: Some(template_meta(&t.metadata)),
            spec: pvc_spec(&t.spec),
        }),
    }
}

// ---------------------------------------------------------------------------------------------
// PersistentVolumes

fn pv_spec(s: &PvSpec) -> core::PersistentVolumeSpec {
    let mut out = core::PersistentVolumeSpec {
        access_modes: access_modes(s.access_modes),
        capacity: Some(storage_map(&s.capacity)),
        claim_ref: s.claim_ref.as_ref().map(claim_ref),
        mount_options: strings(&s.mount_options),
        node_affinity: s.node_affinity.as_ref().map(volume_node_affinity),
        persistent_volume_reclaim_policy: s.reclaim_policy.map(api_name),
        storage_class_name: s.storage_class_name.clone(),
        volume_mode: s.volume_mode.map(api_name),
        ..Default::default()
    };
    match &s.source {
        PvSource::HostPath(v) => out.host_path = Some(host_path(v)),
        PvSource::Local(v) => out.local = Some(local(v)),
        PvSource::Nfs(v) => out.nfs = Some(nfs(v)),
        PvSource::Csi(v) => out.csi = Some(csi_pv(v)),
        PvSource::Iscsi(v) => out.iscsi = Some(iscsi(v)),
        PvSource::Legacy(v) => set_legacy(&mut out, v),
    }
    out
}

fn claim_ref(r: &ClaimRef) -> core::ObjectReference {
    core::ObjectReference {
        name: Some(r.name.clone()),
        namespace: Some(r.namespace.clone()),
        ..Default::default()
    }
}

fn volume_node_affinity(a: &VolumeNodeAffinity) -> core::VolumeNodeAffinity {
    core::VolumeNodeAffinity {
        required: Some(node_selector(&a.required)),
    }
}

fn node_selector(s: &NodeSelector) -> core::NodeSelector {
    core::NodeSelector {
        node_selector_terms: s.node_selector_terms.iter().map(node_term).collect(),
    }
}

fn node_term(t: &NodeSelectorTerm) -> core::NodeSelectorTerm {
    core::NodeSelectorTerm {
        match_expressions: list(&t.match_expressions, node_requirement),
        match_fields: list(&t.match_fields, node_requirement),
    }
}

fn node_requirement(r: &NodeSelectorRequirement) -> core::NodeSelectorRequirement {
    core::NodeSelectorRequirement {
        key: r.key.clone(),
        operator: api_name(r.operator),
        values: strings(&r.values),
    }
}

fn local(v: &LocalVolume) -> core::LocalVolumeSource {
    core::LocalVolumeSource {
        fs_type: v.fs_type.clone(),
        path: v.path.clone(),
    }
}

fn secret_reference(r: &Option<SecretReference>) -> Option<core::SecretReference> {
    r.as_ref().map(|r| core::SecretReference {
        name: Some(r.name.clone()),
        namespace: Some(r.namespace.clone()),
    })
}

fn csi_pv(v: &CsiPersistentVolume) -> core::CSIPersistentVolumeSource {
    core::CSIPersistentVolumeSource {
        controller_expand_secret_ref: secret_reference(&v.controller_expand_secret_ref),
        controller_publish_secret_ref: secret_reference(&v.controller_publish_secret_ref),
        driver: v.driver.clone(),
        fs_type: v.fs_type.clone(),
        node_expand_secret_ref: secret_reference(&v.node_expand_secret_ref),
        node_publish_secret_ref: secret_reference(&v.node_publish_secret_ref),
        node_stage_secret_ref: secret_reference(&v.node_stage_secret_ref),
        read_only: v.read_only,
        volume_attributes: string_map(&v.volume_attributes),
        volume_handle: v.volume_handle.clone(),
    }
}

fn iscsi(v: &IscsiVolume) -> core::ISCSIPersistentVolumeSource {
    core::ISCSIPersistentVolumeSource {
        fs_type: v.fs_type.clone(),
        iqn: v.iqn.clone(),
        lun: v.lun,
        read_only: v.read_only,
        target_portal: v.target_portal.clone(),
        ..Default::default()
    }
}

/// Sets the one field of a PV spec that holds a legacy in-tree source.
fn set_legacy(out: &mut core::PersistentVolumeSpec, source: &LegacySource) {
    match source.clone() {
        LegacySource::GcePersistentDisk {
            pd_name,
            fs_type,
            partition,
            read_only,
        } => {
            out.gce_persistent_disk = Some(core::GCEPersistentDiskVolumeSource {
                fs_type,
                partition,
                pd_name,
                read_only: flag(read_only),
            });
        }
        LegacySource::AwsElasticBlockStore {
            volume_id,
            fs_type,
            partition,
            read_only,
        } => {
            out.aws_elastic_block_store = Some(core::AWSElasticBlockStoreVolumeSource {
                fs_type,
                partition,
                read_only: flag(read_only),
                volume_id,
            });
        }
        LegacySource::AzureDisk {
            disk_name,
            disk_uri,
            fs_type,
            read_only,
        } => {
            out.azure_disk = Some(core::AzureDiskVolumeSource {
                disk_name,
                disk_uri,
                fs_type,
                read_only: flag(read_only),
                ..Default::default()
            });
        }
        LegacySource::AzureFile {
            secret_name,
            share_name,
            read_only,
        } => {
            out.azure_file = Some(core::AzureFilePersistentVolumeSource {
                read_only: flag(read_only),
                secret_name,
                secret_namespace: None,
                share_name,
            });
        }
        LegacySource::Cephfs {
            monitors,
            path,
            read_only,
        } => {
            out.cephfs = Some(core::CephFSPersistentVolumeSource {
                monitors,
                path,
                read_only: flag(read_only),
                ..Default::default()
            });
        }
        LegacySource::Cinder {
            volume_id,
            fs_type,
            read_only,
        } => {
            out.cinder = Some(core::CinderPersistentVolumeSource {
                fs_type,
                read_only: flag(read_only),
                secret_ref: None,
                volume_id,
            });
        }
        LegacySource::Glusterfs {
            endpoints,
            path,
            read_only,
        } => {
            out.glusterfs = Some(core::GlusterfsPersistentVolumeSource {
                endpoints,
                endpoints_namespace: None,
                path,
                read_only: flag(read_only),
            });
        }
        LegacySource::Rbd {
            monitors,
            image,
            fs_type,
            read_only,
        } => {
            out.rbd = Some(core::RBDPersistentVolumeSource {
                fs_type,
                image,
                monitors,
                read_only: flag(read_only),
                ..Default::default()
            });
        }
        LegacySource::VsphereVolume {
            volume_path,
            fs_type,
        } => {
            out.vsphere_volume = Some(core::VsphereVirtualDiskVolumeSource {
                fs_type,
                volume_path,
                ..Default::default()
            });
        }
        LegacySource::PortworxVolume {
            volume_id,
            fs_type,
            read_only,
        } => {
            out.portworx_volume = Some(core::PortworxVolumeSource {
                fs_type,
                read_only: flag(read_only),
                volume_id,
            });
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Claims

fn pvc_spec(s: &PvcSpec) -> core::PersistentVolumeClaimSpec {
    let out = core::PersistentVolumeClaimSpec {
        access_modes: access_modes(s.access_modes),
        data_source: s.data_source.as_ref().map(data_source),
        data_source_ref: s.data_source_ref.as_ref().map(data_source_ref),
        resources: Some(storage_resources(&s.resources)),
        selector: s.selector.as_ref().map(label_selector),
        storage_class_name: class_name(&s.storage_class),
        volume_attributes_class_name: s.volume_attributes_class_name.clone(),
        volume_mode: s.volume_mode.map(api_name),
        volume_name: s.volume_name.clone(),
    };
    with_extras(out, &s.extra)
}

/// `storageClassName`: unset for the cluster default, `""` for no class, else the name.
fn class_name(class: &ClassRef) -> Option<String> {
    match class {
        ClassRef::ClusterDefault => None,
        ClassRef::NoClass => Some(String::new()),
        ClassRef::Named(name) => Some(name.clone()),
    }
}

fn storage_resources(r: &StorageResources) -> core::VolumeResourceRequirements {
    core::VolumeResourceRequirements {
        limits: r.limits.as_ref().map(storage_map),
        requests: Some(storage_map(&r.requests)),
    }
}

fn data_source(r: &TypedLocalObjectReference) -> core::TypedLocalObjectReference {
    core::TypedLocalObjectReference {
        api_group: r.api_group.clone(),
        kind: r.kind.clone(),
        name: r.name.clone(),
    }
}

fn data_source_ref(r: &TypedObjectReference) -> core::TypedObjectReference {
    core::TypedObjectReference {
        api_group: r.api_group.clone(),
        kind: r.kind.clone(),
        name: r.name.clone(),
        namespace: r.namespace.clone(),
    }
}

// ---------------------------------------------------------------------------------------------
// StorageClasses

fn topology_term(t: &TopologySelectorTerm) -> core::TopologySelectorTerm {
    core::TopologySelectorTerm {
        match_label_expressions: list(&t.match_label_expressions, topology_requirement),
    }
}

fn topology_requirement(r: &TopologyRequirement) -> core::TopologySelectorLabelRequirement {
    core::TopologySelectorLabelRequirement {
        key: r.key.clone(),
        values: r.values.clone(),
    }
}

// ---------------------------------------------------------------------------------------------
// Services

fn service_spec(s: &ServiceSpec) -> core::ServiceSpec {
    core::ServiceSpec {
        cluster_ip: s.cluster_ip.as_str().map(str::to_owned),
        external_traffic_policy: s.external_traffic_policy.map(api_name),
        internal_traffic_policy: s.internal_traffic_policy.map(api_name),
        ports: list(&s.ports, service_port),
        publish_not_ready_addresses: flag(s.publish_not_ready_addresses),
        selector: string_map(&s.selector),
        session_affinity: s.session_affinity.map(api_name),
        session_affinity_config: s.session_affinity_config.as_ref().map(session_config),
        type_: s.type_.map(api_name),
        ..Default::default()
    }
}

fn session_config(c: &SessionAffinityConfig) -> core::SessionAffinityConfig {
    core::SessionAffinityConfig {
        client_ip: c
            .client_ip
            .as_ref()
            .map(|ClientIpConfig { timeout_seconds }| core::ClientIPConfig {
                timeout_seconds: *timeout_seconds,
            }),
    }
}

fn service_port(p: &ServicePort) -> core::ServicePort {
    core::ServicePort {
        app_protocol: p.app_protocol.clone(),
        name: p.name.clone(),
        node_port: p.node_port,
        port: p.port,
        protocol: Some(api_name(p.protocol)),
        target_port: p.target_port.as_ref().map(target_port),
    }
}

fn target_port(t: &TargetPort) -> IntOrString {
    match t {
        TargetPort::Number(n) => IntOrString::Int(*n),
        TargetPort::Name(name) => IntOrString::String(name.clone()),
    }
}

// ---------------------------------------------------------------------------------------------
// StatefulSets

fn statefulset_spec(s: &StatefulSetSpec) -> apps::StatefulSetSpec {
    let out = apps::StatefulSetSpec {
        min_ready_seconds: s.min_ready_seconds,
        ordinals: s
            .ordinals_start
            .map(|start| apps::StatefulSetOrdinals { start: Some(start) }),
        persistent_volume_claim_retention_policy: s.retention.map(retention),
        pod_management_policy: s.pod_management_policy.map(api_name),
        replicas: s.replicas,
        revision_history_limit: s.revision_history_limit,
        selector: label_selector(&s.selector),
        service_name: Some(s.service_name.clone()),
        template: pod_template(&s.template),
        update_strategy: s.update_strategy.as_ref().map(update_strategy),
        volume_claim_templates: list(&s.volume_claim_templates, claim_template),
    };
    with_extras(out, &s.extra)
}

fn retention(p: RetentionPolicy) -> apps::StatefulSetPersistentVolumeClaimRetentionPolicy {
    apps::StatefulSetPersistentVolumeClaimRetentionPolicy {
        when_deleted: Some(api_name(p.when_deleted)),
        when_scaled: Some(api_name(p.when_scaled)),
    }
}

fn update_strategy(u: &UpdateStrategy) -> apps::StatefulSetUpdateStrategy {
    match u {
        UpdateStrategy::RollingUpdate {
            partition,
            max_unavailable,
        } => {
            // kvol writes `rollingUpdate` only when one of its fields is set.
            let rolling = (partition.is_some() || max_unavailable.is_some()).then(|| {
                apps::RollingUpdateStatefulSetStrategy {
                    max_unavailable: max_unavailable.map(int_or_percent),
                    partition: *partition,
                }
            });
            apps::StatefulSetUpdateStrategy {
                rolling_update: rolling,
                type_: Some("RollingUpdate".to_owned()),
            }
        }
        UpdateStrategy::OnDelete => apps::StatefulSetUpdateStrategy {
            rolling_update: None,
            type_: Some("OnDelete".to_owned()),
        },
    }
}

fn int_or_percent(v: IntOrPercent) -> IntOrString {
    match v {
        IntOrPercent::Int(n) => IntOrString::Int(n),
        IntOrPercent::Percent(p) => IntOrString::String(format!("{p}%")),
    }
}

/// A StatefulSet claim template; k8s-openapi's type for it is a whole PersistentVolumeClaim.
fn claim_template(t: &PvcTemplate) -> core::PersistentVolumeClaim {
    core::PersistentVolumeClaim {
        metadata: template_meta(&t.metadata),
        spec: Some(pvc_spec(&t.spec)),
        status: None,
    }
}

/// `out` with the escape hatch's extra fields set (through JSON: the k8s-openapi type reads
/// them as the API server would). Extras the type cannot read are left out; kvol's validation
/// has refused those already.
fn with_extras<T>(out: T, extras: &crate::schema::Extras) -> T
where
    T: k8s_openapi::serde::Serialize + k8s_openapi::serde::de::DeserializeOwned,
{
    use k8s_openapi::serde_json::{self, Value};
    if extras.is_empty() {
        return out;
    }
    let Ok(Value::Object(mut map)) = serde_json::to_value(&out) else {
        return out;
    };
    for (name, value) in extras.iter() {
        if let Ok(v) = serde_json::from_str::<Value>(&value.to_string()) {
            map.insert(name.to_owned(), v);
        }
    }
    serde_json::from_value(Value::Object(map)).unwrap_or(out)
}

//! Pods, pod templates and pod specs. The containers are in [`container`](super::container),
//! re-exported here under their old paths.

pub use super::container::{
    Container, ContainerPort, ContainerRestartPolicy, EnvFromRef, EnvFromSource, EnvVar,
    EnvVarSource, KeySelector, MountPropagationMode, ObjectFieldSelector, Protocol, PullPolicy,
    RecursiveReadOnlyMode, ResourceFieldSelector, TerminationMessagePolicy, VolumeDevice,
    VolumeMount,
};
use crate::render::{Emit, Sink};
use crate::{
    meta::{ObjectMeta, StringMap, TemplateMeta},
    scheduling::{Affinity, DnsPolicy, Toleration, TopologySpreadConstraint},
    schema::Extras,
    security::PodSecurityContext,
    volume::{LocalObjectReference, Volume},
};
use std::collections::BTreeMap;

/// A Pod (`v1/Pod`).
#[derive(Debug, Clone, PartialEq)]
pub struct Pod {
    /// Name (DNS-1123 subdomain), namespace, labels, annotations.
    pub metadata: ObjectMeta,
    /// Containers and volumes.
    pub spec: PodSpec,
}

impl Emit for Pod {
    fn emit(&self, out: &mut dyn Sink) {
        out.begin_map();
        out.field("apiVersion", &"v1");
        out.field("kind", &"Pod");
        out.field("metadata", &self.metadata);
        out.field("spec", &self.spec);
        out.end_map();
    }
}
serde_via_emit!(Pod);

/// The pod template of a workload (`spec.template`): labels, annotations and a pod spec.
#[derive(Debug, Clone, PartialEq)]
pub struct PodTemplate {
    /// Labels and annotations of the pods.
    pub metadata: TemplateMeta,
    /// The pods' spec.
    pub spec: PodSpec,
}
emit_struct!(PodTemplate {
    "metadata" => metadata,
    "spec" => spec,
});

/// What a pod runs and mounts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PodSpec {
    /// Node, pod and anti-affinity scheduling rules.
    pub affinity: Option<Affinity>,
    /// Whether the service account's token is mounted into the containers.
    pub automount_service_account_token: Option<bool>,
    /// The containers (at least one).
    pub containers: Vec<Container>,
    /// How the pod's DNS resolver is configured (default `ClusterFirst`).
    pub dns_policy: Option<DnsPolicy>,
    /// Whether Services' addresses are injected as environment variables (default true).
    pub enable_service_links: Option<bool>,
    /// The pod's hostname (a DNS-1123 label; default: the pod's name).
    pub hostname: Option<String>,
    /// Secrets holding registry credentials to pull the images.
    pub image_pull_secrets: Vec<LocalObjectReference>,
    /// Containers that run to completion before `containers` start.
    pub init_containers: Vec<Container>,
    /// Node labels the pod must be scheduled on.
    pub node_selector: StringMap,
    /// The PriorityClass of the pod.
    pub priority_class_name: Option<String>,
    /// Restart policy (`Always` by default; StatefulSets require `Always`).
    pub restart_policy: Option<RestartPolicy>,
    /// Identities and policies applied to every container.
    pub security_context: Option<PodSecurityContext>,
    /// The service account the pod runs as.
    pub service_account_name: Option<String>,
    /// The pod's DNS subdomain (`<hostname>.<subdomain>.<namespace>.svc`), a DNS-1123 label.
    pub subdomain: Option<String>,
    /// Seconds between SIGTERM and SIGKILL (default 30).
    pub termination_grace_period_seconds: Option<i64>,
    /// Taints the pod tolerates.
    pub tolerations: Vec<Toleration>,
    /// How the pods spread over topology domains.
    pub topology_spread_constraints: Vec<TopologySpreadConstraint>,
    /// The pod's volumes.
    pub volumes: Vec<Volume>,
    /// Pod spec fields kvol does not model (the escape hatch), written after the others.
    pub extra: Extras,
}
emit_struct!(PodSpec {
    "affinity" => affinity skip_if Option::is_none,
    "automountServiceAccountToken" => automount_service_account_token skip_if Option::is_none,
    "containers" => containers,
    "dnsPolicy" => dns_policy skip_if Option::is_none,
    "enableServiceLinks" => enable_service_links skip_if Option::is_none,
    "hostname" => hostname skip_if Option::is_none,
    "imagePullSecrets" => image_pull_secrets skip_if Vec::is_empty,
    "initContainers" => init_containers skip_if Vec::is_empty,
    "nodeSelector" => node_selector skip_if BTreeMap::is_empty,
    "priorityClassName" => priority_class_name skip_if Option::is_none,
    "restartPolicy" => restart_policy skip_if Option::is_none,
    "securityContext" => security_context skip_if Option::is_none,
    "serviceAccountName" => service_account_name skip_if Option::is_none,
    "subdomain" => subdomain skip_if Option::is_none,
    "terminationGracePeriodSeconds" => termination_grace_period_seconds skip_if Option::is_none,
    "tolerations" => tolerations skip_if Vec::is_empty,
    "topologySpreadConstraints" => topology_spread_constraints skip_if Vec::is_empty,
    "volumes" => volumes skip_if Vec::is_empty,
} extra extra);

api_enum! {
    /// When the kubelet restarts a pod's containers.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum RestartPolicy("restart policy") {
        /// Always restart (the default, and the only one a StatefulSet allows).
        Always = "Always",
        /// Restart containers that failed.
        OnFailure = "OnFailure",
        /// Never restart.
        Never = "Never",
    }
}

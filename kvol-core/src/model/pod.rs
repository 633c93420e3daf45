//! Pods, pod templates and containers (the volume-relevant subset).

use crate::{
    meta::{ObjectMeta, StringMap, TemplateMeta},
    scheduling::{Affinity, DnsPolicy, Toleration, TopologySpreadConstraint},
    schema::Extras,
    security::PodSecurityContext,
    volume::{LocalObjectReference, Volume},
};
use serde_core::{Serialize, Serializer, ser::SerializeStruct};
use std::collections::BTreeMap;

/// A Pod (`v1/Pod`).
#[derive(Debug, Clone, PartialEq)]
pub struct Pod {
    /// Name (DNS-1123 subdomain), namespace, labels, annotations.
    pub metadata: ObjectMeta,
    /// Containers and volumes.
    pub spec: PodSpec,
}

impl Serialize for Pod {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Pod", 4)?;
        st.serialize_field("apiVersion", "v1")?;
        st.serialize_field("kind", "Pod")?;
        st.serialize_field("metadata", &self.metadata)?;
        st.serialize_field("spec", &self.spec)?;
        st.end()
    }
}

/// The pod template of a workload (`spec.template`): labels, annotations and a pod spec.
#[derive(Debug, Clone, PartialEq)]
pub struct PodTemplate {
    /// Labels and annotations of the pods.
    pub metadata: TemplateMeta,
    /// The pods' spec.
    pub spec: PodSpec,
}
serialize_struct!(PodTemplate {
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
serialize_struct!(PodSpec {
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

/// A container (the volume-relevant subset of the API's fields).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Container {
    /// Arguments to the entrypoint.
    pub args: Vec<String>,
    /// The entrypoint (replaces the image's ENTRYPOINT).
    pub command: Vec<String>,
    /// Environment variables.
    pub env: Vec<EnvVar>,
    /// The image reference.
    pub image: String,
    /// The container's name (a DNS-1123 label, unique in the pod).
    pub name: String,
    /// Ports the container listens on.
    pub ports: Vec<ContainerPort>,
    /// Where volumes are mounted in the container.
    pub volume_mounts: Vec<VolumeMount>,
    /// Container fields kvol does not model (the escape hatch), written after the others.
    pub extra: Extras,
}
serialize_struct!(Container {
    "args" => args skip_if Vec::is_empty,
    "command" => command skip_if Vec::is_empty,
    "env" => env skip_if Vec::is_empty,
    "image" => image,
    "name" => name,
    "ports" => ports skip_if Vec::is_empty,
    "volumeMounts" => volume_mounts skip_if Vec::is_empty,
} extra extra);

impl Container {
    /// A container with a name and an image.
    pub fn new(name: impl Into<String>, image: impl Into<String>) -> Self {
        Container {
            name: name.into(),
            image: image.into(),
            ..Default::default()
        }
    }
}

/// An environment variable with a literal value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvVar {
    /// The variable's name.
    pub name: String,
    /// Its value.
    pub value: String,
}
serialize_struct!(EnvVar {
    "name" => name,
    "value" => value,
});

/// A port a container listens on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerPort {
    /// The port number (1..=65535).
    pub container_port: i32,
    /// An IANA service name (≤ 15 characters), which Services can target.
    pub name: Option<String>,
    /// The protocol (default TCP).
    pub protocol: Protocol,
}
serialize_struct!(ContainerPort {
    "containerPort" => container_port,
    "name" => name skip_if Option::is_none,
    "protocol" => protocol,
});

api_enum! {
    /// A network protocol.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub enum Protocol("protocol") {
        /// TCP (the default).
        #[default]
        TCP = "TCP",
        /// UDP.
        UDP = "UDP",
        /// SCTP.
        SCTP = "SCTP",
    }
}

/// Where a volume appears inside a container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolumeMount {
    /// The absolute path in the container.
    pub mount_path: String,
    /// The volume (or StatefulSet claim template) to mount.
    pub name: String,
    /// Mount read-only.
    pub read_only: bool,
    /// A relative path inside the volume to mount instead of its root.
    pub sub_path: Option<String>,
}
serialize_struct!(VolumeMount {
    "mountPath" => mount_path,
    "name" => name,
    "readOnly" => read_only skip_if std::ops::Not::not,
    "subPath" => sub_path skip_if Option::is_none,
});

impl VolumeMount {
    /// A read-write mount of volume `name` at `mount_path`.
    pub fn new(name: impl Into<String>, mount_path: impl Into<String>) -> Self {
        VolumeMount {
            name: name.into(),
            mount_path: mount_path.into(),
            read_only: false,
            sub_path: None,
        }
    }
}

//! Pods, pod templates and containers (the volume-relevant subset).

use crate::{
    meta::{ObjectMeta, StringMap, TemplateMeta},
    volume::Volume,
};
use serde::{Serialize, Serializer, ser::SerializeStruct};
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PodTemplate {
    /// Labels and annotations of the pods.
    pub metadata: TemplateMeta,
    /// The pods' spec.
    pub spec: PodSpec,
}

/// What a pod runs and mounts.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PodSpec {
    /// The containers (at least one).
    pub containers: Vec<Container>,
    /// Containers that run to completion before `containers` start.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub init_containers: Vec<Container>,
    /// Node labels the pod must be scheduled on.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub node_selector: StringMap,
    /// Restart policy (`Always` by default; StatefulSets require `Always`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restart_policy: Option<RestartPolicy>,
    /// The service account the pod runs as.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_account_name: Option<String>,
    /// Seconds between SIGTERM and SIGKILL (default 30).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub termination_grace_period_seconds: Option<i64>,
    /// The pod's volumes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub volumes: Vec<Volume>,
}

/// When the kubelet restarts a pod's containers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum RestartPolicy {
    /// Always restart (the default, and the only one a StatefulSet allows).
    Always,
    /// Restart containers that failed.
    OnFailure,
    /// Never restart.
    Never,
}

/// A container (the volume-relevant subset of the API's fields).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Container {
    /// Arguments to the entrypoint.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<String>,
    /// The entrypoint (replaces the image's ENTRYPOINT).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub command: Vec<String>,
    /// Environment variables.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub env: Vec<EnvVar>,
    /// The image reference.
    pub image: String,
    /// The container's name (a DNS-1123 label, unique in the pod).
    pub name: String,
    /// Ports the container listens on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ports: Vec<ContainerPort>,
    /// Where volumes are mounted in the container.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub volume_mounts: Vec<VolumeMount>,
}

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnvVar {
    /// The variable's name.
    pub name: String,
    /// Its value.
    pub value: String,
}

/// A port a container listens on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerPort {
    /// The port number (1..=65535).
    pub container_port: i32,
    /// An IANA service name (≤ 15 characters), which Services can target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The protocol (default TCP).
    pub protocol: Protocol,
}

/// A network protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub enum Protocol {
    /// TCP (the default).
    #[default]
    TCP,
    /// UDP.
    UDP,
    /// SCTP.
    SCTP,
}

/// Where a volume appears inside a container.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VolumeMount {
    /// The absolute path in the container.
    pub mount_path: String,
    /// The volume (or StatefulSet claim template) to mount.
    pub name: String,
    /// Mount read-only.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub read_only: bool,
    /// A relative path inside the volume to mount instead of its root.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_path: Option<String>,
}

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

//! Pods, pod templates and pod specs. The containers are in [`container`](super::container),
//! re-exported here under their old paths.

pub use super::container::{
    Container, ContainerPort, ContainerRestartPolicy, EnvFromRef, EnvFromSource, EnvVar,
    EnvVarSource, KeySelector, MountPropagationMode, ObjectFieldSelector, Protocol, PullPolicy,
    RecursiveReadOnlyMode, ResourceFieldSelector, TerminationMessagePolicy, VolumeDevice,
    VolumeMount,
};
use crate::{
    meta::{ObjectMeta, StringMap, TemplateMeta},
    volume::Volume,
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
    /// The containers (at least one).
    pub containers: Vec<Container>,
    /// Containers that run to completion before `containers` start.
    pub init_containers: Vec<Container>,
    /// Node labels the pod must be scheduled on.
    pub node_selector: StringMap,
    /// Restart policy (`Always` by default; StatefulSets require `Always`).
    pub restart_policy: Option<RestartPolicy>,
    /// The service account the pod runs as.
    pub service_account_name: Option<String>,
    /// Seconds between SIGTERM and SIGKILL (default 30).
    pub termination_grace_period_seconds: Option<i64>,
    /// The pod's volumes.
    pub volumes: Vec<Volume>,
}
serialize_struct!(PodSpec {
    "containers" => containers,
    "initContainers" => init_containers skip_if Vec::is_empty,
    "nodeSelector" => node_selector skip_if BTreeMap::is_empty,
    "restartPolicy" => restart_policy skip_if Option::is_none,
    "serviceAccountName" => service_account_name skip_if Option::is_none,
    "terminationGracePeriodSeconds" => termination_grace_period_seconds skip_if Option::is_none,
    "volumes" => volumes skip_if Vec::is_empty,
});

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

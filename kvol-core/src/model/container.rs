//! Containers and init containers (`v1/Container`): image, command, environment, ports,
//! mounts and raw block devices, resources, probes, lifecycle hooks and security context.
//!
//! The probes and lifecycle handlers are in [`probe`](super::probe), resources in
//! [`resources`](super::resources), the security context in [`security`](super::security).
//! [`pod`](super::pod) re-exports every type of this module under its old path
//! (`kvol_core::pod::Container`).

use super::{
    probe::{Lifecycle, Probe},
    resources::ResourceRequirements,
    security::SecurityContext,
};
use crate::quantity::Quantity;

/// A container: what it runs, what it mounts, how it is probed and limited.
///
/// Every field is optional in the API except `name` (and `image`, which workloads require);
/// unset fields are left out of the YAML, so the API server's defaults apply.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Container {
    /// Arguments to the entrypoint.
    pub args: Vec<String>,
    /// The entrypoint (replaces the image's ENTRYPOINT).
    pub command: Vec<String>,
    /// Environment variables.
    pub env: Vec<EnvVar>,
    /// Whole ConfigMaps or Secrets as environment variables.
    pub env_from: Vec<EnvFromSource>,
    /// The image reference.
    pub image: String,
    /// When the kubelet pulls the image (`Always` for `:latest` by default, else
    /// `IfNotPresent`).
    pub image_pull_policy: Option<PullPolicy>,
    /// Hooks run after start and before stop.
    pub lifecycle: Option<Lifecycle>,
    /// Restarts the container when it fails.
    pub liveness_probe: Option<Probe>,
    /// The container's name (a DNS-1123 label, unique in the pod).
    pub name: String,
    /// Ports the container listens on.
    pub ports: Vec<ContainerPort>,
    /// Takes the pod out of Service endpoints while it fails.
    pub readiness_probe: Option<Probe>,
    /// Requests and limits of compute resources.
    pub resources: Option<ResourceRequirements>,
    /// `Always` on an init container makes it a sidecar that runs beside the containers.
    pub restart_policy: Option<ContainerRestartPolicy>,
    /// Privileges and user of the container's processes.
    pub security_context: Option<SecurityContext>,
    /// Holds the other probes back until it succeeds once.
    pub startup_probe: Option<Probe>,
    /// Where the container writes its termination message (default `/dev/termination-log`).
    pub termination_message_path: Option<String>,
    /// Whether the termination message falls back to the log's tail.
    pub termination_message_policy: Option<TerminationMessagePolicy>,
    /// Raw block devices from Block-mode claims.
    pub volume_devices: Vec<VolumeDevice>,
    /// Where volumes are mounted in the container.
    pub volume_mounts: Vec<VolumeMount>,
    /// The working directory of the entrypoint.
    pub working_dir: Option<String>,
    /// Container fields kvol does not model (the escape hatch), written after the others.
    pub extra: crate::schema::Extras,
}
emit_struct!(Container {
    "args" => args skip_if Vec::is_empty,
    "command" => command skip_if Vec::is_empty,
    "env" => env skip_if Vec::is_empty,
    "envFrom" => env_from skip_if Vec::is_empty,
    "image" => image,
    "imagePullPolicy" => image_pull_policy skip_if Option::is_none,
    "lifecycle" => lifecycle skip_if Option::is_none,
    "livenessProbe" => liveness_probe skip_if Option::is_none,
    "name" => name,
    "ports" => ports skip_if Vec::is_empty,
    "readinessProbe" => readiness_probe skip_if Option::is_none,
    "resources" => resources skip_if Option::is_none,
    "restartPolicy" => restart_policy skip_if Option::is_none,
    "securityContext" => security_context skip_if Option::is_none,
    "startupProbe" => startup_probe skip_if Option::is_none,
    "terminationMessagePath" => termination_message_path skip_if Option::is_none,
    "terminationMessagePolicy" => termination_message_policy skip_if Option::is_none,
    "volumeDevices" => volume_devices skip_if Vec::is_empty,
    "volumeMounts" => volume_mounts skip_if Vec::is_empty,
    "workingDir" => working_dir skip_if Option::is_none,
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

    /// True for an init container that runs as a sidecar (`restartPolicy: Always`).
    pub fn is_sidecar(&self) -> bool {
        self.restart_policy == Some(ContainerRestartPolicy::Always)
    }

    /// The container's probes with their field names, in the API's order.
    pub fn probes(&self) -> impl Iterator<Item = (&'static str, &Probe)> {
        [
            ("livenessProbe", &self.liveness_probe),
            ("readinessProbe", &self.readiness_probe),
            ("startupProbe", &self.startup_probe),
        ]
        .into_iter()
        .filter_map(|(k, p)| p.as_ref().map(|p| (k, p)))
    }
}

api_enum! {
    /// When the kubelet pulls a container's image.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum PullPolicy("image pull policy") {
        /// Pull on every container start.
        Always = "Always",
        /// Pull only when the image is not on the node.
        IfNotPresent = "IfNotPresent",
        /// Never pull: the image must be on the node.
        Never = "Never",
    }
}

api_enum! {
    /// What a container's termination message is made of.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum TerminationMessagePolicy("termination message policy") {
        /// The file at `terminationMessagePath` only (the default).
        File = "File",
        /// The file, or the log's tail when the file is empty and the container failed.
        FallbackToLogsOnError = "FallbackToLogsOnError",
    }
}

api_enum! {
    /// A container's own restart policy: only `Always`, on init containers (sidecars).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum ContainerRestartPolicy("container restart policy") {
        /// The init container keeps running beside the containers (a native sidecar).
        Always = "Always",
    }
}

/// An environment variable: a literal value, or a value taken from somewhere else.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EnvVar {
    /// The variable's name.
    pub name: String,
    /// Its literal value (empty, and left out of the YAML, when `value_from` is set).
    pub value: String,
    /// Where the value comes from instead of `value`.
    pub value_from: Option<EnvVarSource>,
}
emit_struct!(EnvVar {
    "name" => name,
    "value" => value skip_if String::is_empty,
    "valueFrom" => value_from skip_if Option::is_none,
});

impl EnvVar {
    /// A variable with a literal value.
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        EnvVar {
            name: name.into(),
            value: value.into(),
            value_from: None,
        }
    }

    /// A variable whose value comes from `source`.
    pub fn from_source(name: impl Into<String>, source: EnvVarSource) -> Self {
        EnvVar {
            name: name.into(),
            value: String::new(),
            value_from: Some(source),
        }
    }
}

/// `valueFrom`: exactly one source of an environment variable's value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EnvVarSource {
    /// A key of a ConfigMap.
    pub config_map_key_ref: Option<KeySelector>,
    /// A field of the pod (`metadata.name`, `status.podIP`, …).
    pub field_ref: Option<ObjectFieldSelector>,
    /// A resource limit or request of a container (`limits.memory`, …).
    pub resource_field_ref: Option<ResourceFieldSelector>,
    /// A key of a Secret.
    pub secret_key_ref: Option<KeySelector>,
}
emit_struct!(EnvVarSource {
    "configMapKeyRef" => config_map_key_ref skip_if Option::is_none,
    "fieldRef" => field_ref skip_if Option::is_none,
    "resourceFieldRef" => resource_field_ref skip_if Option::is_none,
    "secretKeyRef" => secret_key_ref skip_if Option::is_none,
});

impl EnvVarSource {
    /// The value of `key` in Secret `name`.
    pub fn secret_key(name: impl Into<String>, key: impl Into<String>) -> Self {
        EnvVarSource {
            secret_key_ref: Some(KeySelector::new(name, key)),
            ..Default::default()
        }
    }

    /// The value of `key` in ConfigMap `name`.
    pub fn config_map_key(name: impl Into<String>, key: impl Into<String>) -> Self {
        EnvVarSource {
            config_map_key_ref: Some(KeySelector::new(name, key)),
            ..Default::default()
        }
    }

    /// A field of the pod, e.g. `metadata.namespace`.
    pub fn field(field_path: impl Into<String>) -> Self {
        EnvVarSource {
            field_ref: Some(ObjectFieldSelector {
                api_version: None,
                field_path: field_path.into(),
            }),
            ..Default::default()
        }
    }

    /// A resource of this container (or of `container_name`), e.g. `limits.memory`.
    pub fn resource(resource: impl Into<String>) -> Self {
        EnvVarSource {
            resource_field_ref: Some(ResourceFieldSelector {
                container_name: None,
                divisor: None,
                resource: resource.into(),
            }),
            ..Default::default()
        }
    }

    /// How many sources are set (the API server requires exactly one).
    pub fn count(&self) -> usize {
        usize::from(self.config_map_key_ref.is_some())
            + usize::from(self.field_ref.is_some())
            + usize::from(self.resource_field_ref.is_some())
            + usize::from(self.secret_key_ref.is_some())
    }
}

/// A key of a ConfigMap or Secret (`configMapKeyRef`, `secretKeyRef`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KeySelector {
    /// The key.
    pub key: String,
    /// The ConfigMap or Secret.
    pub name: String,
    /// True: a missing object or key leaves the variable unset instead of failing the start.
    pub optional: Option<bool>,
}
emit_struct!(KeySelector {
    "key" => key,
    "name" => name,
    "optional" => optional skip_if Option::is_none,
});

impl KeySelector {
    /// Key `key` of object `name`, required.
    pub fn new(name: impl Into<String>, key: impl Into<String>) -> Self {
        KeySelector {
            key: key.into(),
            name: name.into(),
            optional: None,
        }
    }
}

/// `fieldRef`: a field of the pod.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ObjectFieldSelector {
    /// The version the path is written in (default `v1`).
    pub api_version: Option<String>,
    /// The field's path, e.g. `metadata.name` or `metadata.labels['app']`.
    pub field_path: String,
}
emit_struct!(ObjectFieldSelector {
    "apiVersion" => api_version skip_if Option::is_none,
    "fieldPath" => field_path,
});

/// `resourceFieldRef`: a container's resource limit or request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResourceFieldSelector {
    /// The container (required in volumes, optional in the container's own `env`).
    pub container_name: Option<String>,
    /// The unit the value is divided by (default 1).
    pub divisor: Option<Quantity>,
    /// The resource, e.g. `limits.cpu`, `requests.memory`.
    pub resource: String,
}
emit_struct!(ResourceFieldSelector {
    "containerName" => container_name skip_if Option::is_none,
    "divisor" => divisor skip_if Option::is_none,
    "resource" => resource,
});

/// `envFrom`: every key of a ConfigMap or Secret as a variable, optionally prefixed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EnvFromSource {
    /// The ConfigMap.
    pub config_map_ref: Option<EnvFromRef>,
    /// A prefix for every variable's name.
    pub prefix: Option<String>,
    /// The Secret.
    pub secret_ref: Option<EnvFromRef>,
}
emit_struct!(EnvFromSource {
    "configMapRef" => config_map_ref skip_if Option::is_none,
    "prefix" => prefix skip_if Option::is_none,
    "secretRef" => secret_ref skip_if Option::is_none,
});

impl EnvFromSource {
    /// Every key of ConfigMap `name`.
    pub fn config_map(name: impl Into<String>) -> Self {
        EnvFromSource {
            config_map_ref: Some(EnvFromRef::new(name)),
            ..Default::default()
        }
    }

    /// Every key of Secret `name`.
    pub fn secret(name: impl Into<String>) -> Self {
        EnvFromSource {
            secret_ref: Some(EnvFromRef::new(name)),
            ..Default::default()
        }
    }
}

/// The ConfigMap or Secret of an `envFrom` entry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EnvFromRef {
    /// The object's name.
    pub name: String,
    /// True: a missing object is ignored.
    pub optional: Option<bool>,
}
emit_struct!(EnvFromRef {
    "name" => name,
    "optional" => optional skip_if Option::is_none,
});

impl EnvFromRef {
    /// A required reference to `name`.
    pub fn new(name: impl Into<String>) -> Self {
        EnvFromRef {
            name: name.into(),
            optional: None,
        }
    }
}

/// A port a container listens on.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ContainerPort {
    /// The port number (1..=65535).
    pub container_port: i32,
    /// A port of the node forwarded to the container port (1..=65535).
    pub host_port: Option<i32>,
    /// An IANA service name (≤ 15 characters), which Services can target.
    pub name: Option<String>,
    /// The protocol (default TCP).
    pub protocol: Protocol,
}
emit_struct!(ContainerPort {
    "containerPort" => container_port,
    "hostPort" => host_port skip_if Option::is_none,
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
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VolumeMount {
    /// The absolute path in the container.
    pub mount_path: String,
    /// How mounts propagate between the host and the container (default `None`).
    pub mount_propagation: Option<MountPropagationMode>,
    /// The volume (or StatefulSet claim template) to mount.
    pub name: String,
    /// Mount read-only.
    pub read_only: bool,
    /// Whether a read-only mount is read-only recursively (requires `read_only`).
    pub recursive_read_only: Option<RecursiveReadOnlyMode>,
    /// A relative path inside the volume to mount instead of its root.
    pub sub_path: Option<String>,
    /// Like `sub_path`, with `$(VAR)` expanded from the container's environment.
    pub sub_path_expr: Option<String>,
}
emit_struct!(VolumeMount {
    "mountPath" => mount_path,
    "mountPropagation" => mount_propagation skip_if Option::is_none,
    "name" => name,
    "readOnly" => read_only skip_if std::ops::Not::not,
    "recursiveReadOnly" => recursive_read_only skip_if Option::is_none,
    "subPath" => sub_path skip_if Option::is_none,
    "subPathExpr" => sub_path_expr skip_if Option::is_none,
});

impl VolumeMount {
    /// A read-write mount of volume `name` at `mount_path`.
    pub fn new(name: impl Into<String>, mount_path: impl Into<String>) -> Self {
        VolumeMount {
            name: name.into(),
            mount_path: mount_path.into(),
            ..Default::default()
        }
    }
}

api_enum! {
    /// `mountPropagation`: how mounts made under a volume propagate.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum MountPropagationMode("mount propagation mode") {
        /// No propagation (`private`, the default).
        None = "None",
        /// Host mounts appear in the container (`rslave`).
        HostToContainer = "HostToContainer",
        /// Both ways (`rshared`); privileged containers only.
        Bidirectional = "Bidirectional",
    }
}

api_enum! {
    /// `recursiveReadOnly`: whether a read-only mount's submounts are read-only too.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum RecursiveReadOnlyMode("recursive read-only mode") {
        /// Submounts keep their own mode (the default).
        Disabled = "Disabled",
        /// Recursively read-only where the runtime supports it.
        IfPossible = "IfPossible",
        /// Recursively read-only, or the container does not start.
        Enabled = "Enabled",
    }
}

/// A raw block device from a Block-mode claim (`volumeDevices`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VolumeDevice {
    /// The device's path in the container, e.g. `/dev/xvda`.
    pub device_path: String,
    /// The volume (a claim, or a StatefulSet claim template) in Block mode.
    pub name: String,
}
emit_struct!(VolumeDevice {
    "devicePath" => device_path,
    "name" => name,
});

impl VolumeDevice {
    /// Device `name` at `device_path`.
    pub fn new(name: impl Into<String>, device_path: impl Into<String>) -> Self {
        VolumeDevice {
            device_path: device_path.into(),
            name: name.into(),
        }
    }
}

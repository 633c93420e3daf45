//! Security contexts: the pod's (`spec.securityContext`), a container's, and the seccomp
//! profile both use.

/// `securityContext` of a container: user, privileges and filesystem access of its processes.
/// Unset fields inherit the pod's security context.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SecurityContext {
    /// Whether a process can gain more privileges than its parent (`no_new_privs`).
    pub allow_privilege_escalation: Option<bool>,
    /// Linux capabilities to add and drop.
    pub capabilities: Option<Capabilities>,
    /// Run as privileged (root on the host, every device).
    pub privileged: Option<bool>,
    /// Mount the root filesystem read-only.
    pub read_only_root_filesystem: Option<bool>,
    /// The primary group of the processes.
    pub run_as_group: Option<i64>,
    /// The kubelet refuses to start the container as UID 0.
    pub run_as_non_root: Option<bool>,
    /// The user of the processes.
    pub run_as_user: Option<i64>,
    /// The seccomp profile.
    pub seccomp_profile: Option<SeccompProfile>,
}
emit_struct!(SecurityContext {
    "allowPrivilegeEscalation" => allow_privilege_escalation skip_if Option::is_none,
    "capabilities" => capabilities skip_if Option::is_none,
    "privileged" => privileged skip_if Option::is_none,
    "readOnlyRootFilesystem" => read_only_root_filesystem skip_if Option::is_none,
    "runAsGroup" => run_as_group skip_if Option::is_none,
    "runAsNonRoot" => run_as_non_root skip_if Option::is_none,
    "runAsUser" => run_as_user skip_if Option::is_none,
    "seccompProfile" => seccomp_profile skip_if Option::is_none,
});

/// Linux capabilities added to and dropped from the runtime's default set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Capabilities {
    /// Added, e.g. `NET_ADMIN`.
    pub add: Vec<String>,
    /// Dropped, e.g. `ALL`.
    pub drop: Vec<String>,
}
emit_struct!(Capabilities {
    "add" => add skip_if Vec::is_empty,
    "drop" => drop skip_if Vec::is_empty,
});

/// `spec.securityContext`: identities and policies that apply to every container of the pod.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PodSecurityContext {
    /// A group that owns the pod's volumes and is added to every container's groups.
    pub fs_group: Option<i64>,
    /// When volume ownership is changed to `fsGroup`.
    pub fs_group_change_policy: Option<FsGroupChangePolicy>,
    /// The primary group of the containers' processes.
    pub run_as_group: Option<i64>,
    /// The kubelet refuses to start containers that would run as root.
    pub run_as_non_root: Option<bool>,
    /// The user of the containers' processes.
    pub run_as_user: Option<i64>,
    /// The seccomp profile of the containers.
    pub seccomp_profile: Option<SeccompProfile>,
    /// More groups of the containers' first process.
    pub supplemental_groups: Vec<i64>,
}
emit_struct!(PodSecurityContext {
    "fsGroup" => fs_group skip_if Option::is_none,
    "fsGroupChangePolicy" => fs_group_change_policy skip_if Option::is_none,
    "runAsGroup" => run_as_group skip_if Option::is_none,
    "runAsNonRoot" => run_as_non_root skip_if Option::is_none,
    "runAsUser" => run_as_user skip_if Option::is_none,
    "seccompProfile" => seccomp_profile skip_if Option::is_none,
    "supplementalGroups" => supplemental_groups skip_if Vec::is_empty,
});

api_enum! {
    /// When the kubelet changes volume ownership and permissions to the pod's `fsGroup`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum FsGroupChangePolicy("fsGroup change policy") {
        /// Only when the root directory's owner or permissions do not match (faster).
        OnRootMismatch = "OnRootMismatch",
        /// On every mount (the default).
        Always = "Always",
    }
}

/// A seccomp profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeccompProfile {
    /// The profile file under the kubelet's seccomp directory (`Localhost` only).
    pub localhost_profile: Option<String>,
    /// The kind of profile.
    pub kind: SeccompProfileType,
}
emit_struct!(SeccompProfile {
    "localhostProfile" => localhost_profile skip_if Option::is_none,
    "type" => kind,
});

impl SeccompProfile {
    /// The container runtime's default profile.
    pub fn runtime_default() -> Self {
        SeccompProfile {
            localhost_profile: None,
            kind: SeccompProfileType::RuntimeDefault,
        }
    }
}

api_enum! {
    /// The kinds of seccomp profile.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum SeccompProfileType("seccomp profile type") {
        /// The container runtime's default profile.
        RuntimeDefault = "RuntimeDefault",
        /// No seccomp filtering.
        Unconfined = "Unconfined",
        /// A profile file on the node (`localhostProfile`).
        Localhost = "Localhost",
    }
}

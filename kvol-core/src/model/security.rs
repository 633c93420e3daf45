//! A container's `securityContext`, and the seccomp profile that pods share.

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
serialize_struct!(SecurityContext {
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
serialize_struct!(Capabilities {
    "add" => add skip_if Vec::is_empty,
    "drop" => drop skip_if Vec::is_empty,
});

/// A seccomp profile (container or pod `securityContext.seccompProfile`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeccompProfile {
    /// The profile file under the kubelet's seccomp directory (`Localhost` only, where it is
    /// required).
    pub localhost_profile: Option<String>,
    /// Which profile.
    pub profile_type: SeccompProfileType,
}
serialize_struct!(SeccompProfile {
    "localhostProfile" => localhost_profile skip_if Option::is_none,
    "type" => profile_type,
});

impl SeccompProfile {
    /// The container runtime's default profile.
    pub fn runtime_default() -> Self {
        SeccompProfile {
            localhost_profile: None,
            profile_type: SeccompProfileType::RuntimeDefault,
        }
    }
}

api_enum! {
    /// The kind of a seccomp profile.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum SeccompProfileType("seccomp profile type") {
        /// The container runtime's default profile.
        RuntimeDefault = "RuntimeDefault",
        /// No filtering.
        Unconfined = "Unconfined",
        /// A profile file on the node (`localhostProfile`).
        Localhost = "Localhost",
    }
}

//! Security contexts: the pod's (`spec.securityContext`) and the seccomp profile it and its
//! containers use.

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
serialize_struct!(PodSecurityContext {
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
serialize_struct!(SeccompProfile {
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

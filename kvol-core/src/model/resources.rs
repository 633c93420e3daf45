//! Compute resources of a container: requests and limits (`resources`).

use crate::quantity::Quantity;
use std::collections::BTreeMap;

/// Resource names to quantities (`cpu: 500m`, `memory: 1Gi`), sorted as kubectl prints them.
pub type ResourceList = BTreeMap<String, Quantity>;

/// `resources`: what a container is guaranteed (`requests`) and may use at most (`limits`).
///
/// Names are `cpu`, `memory`, `ephemeral-storage`, `hugepages-<size>` or an extended
/// resource's qualified name (`nvidia.com/gpu`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResourceRequirements {
    /// Upper bounds.
    pub limits: ResourceList,
    /// What the scheduler reserves (defaults to the limit when only a limit is set).
    pub requests: ResourceList,
}
emit_struct!(ResourceRequirements {
    "limits" => limits skip_if BTreeMap::is_empty,
    "requests" => requests skip_if BTreeMap::is_empty,
});

impl ResourceRequirements {
    /// True when neither requests nor limits are set.
    pub fn is_empty(&self) -> bool {
        self.limits.is_empty() && self.requests.is_empty()
    }
}

/// `cpu`.
pub const CPU: &str = "cpu";
/// `memory`.
pub const MEMORY: &str = "memory";
/// `ephemeral-storage`.
pub const EPHEMERAL_STORAGE: &str = "ephemeral-storage";
/// The prefix of huge page resources (`hugepages-2Mi`).
pub const HUGEPAGES_PREFIX: &str = "hugepages-";

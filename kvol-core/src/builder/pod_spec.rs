//! The pod-spec settings that [`PodBuilder`](super::PodBuilder) and
//! [`StatefulSetBuilder`](super::StatefulSetBuilder) (and the Deployment and DaemonSet builders) share: security context, affinity,
//! tolerations, topology spread, DNS, pull secrets and service links.

/// Adds the shared pod-spec methods to a builder whose pod spec is the field `$spec`.
macro_rules! pod_spec_methods {
    ($builder:ident, $spec:ident) => {
        impl $builder {
            /// Sets the pod's `securityContext` (replacing what `fs_group`, `run_as_*` set).
            pub fn security_context(
                mut self,
                context: $crate::security::PodSecurityContext,
            ) -> Self {
                self.$spec.security_context = Some(context);
                self
            }
            /// Sets `securityContext.fsGroup`: the group that owns the pod's volumes.
            pub fn fs_group(mut self, group: i64) -> Self {
                self.security().fs_group = Some(group);
                self
            }
            /// Sets `securityContext.fsGroupChangePolicy`.
            pub fn fs_group_change_policy(
                mut self,
                policy: $crate::security::FsGroupChangePolicy,
            ) -> Self {
                self.security().fs_group_change_policy = Some(policy);
                self
            }
            /// Sets `securityContext.runAsUser`.
            pub fn run_as_user(mut self, user: i64) -> Self {
                self.security().run_as_user = Some(user);
                self
            }
            /// Sets `securityContext.runAsGroup`.
            pub fn run_as_group(mut self, group: i64) -> Self {
                self.security().run_as_group = Some(group);
                self
            }
            /// Sets `securityContext.runAsNonRoot`.
            pub fn run_as_non_root(mut self, non_root: bool) -> Self {
                self.security().run_as_non_root = Some(non_root);
                self
            }
            /// Adds a group to `securityContext.supplementalGroups`.
            pub fn supplemental_group(mut self, group: i64) -> Self {
                self.security().supplemental_groups.push(group);
                self
            }
            /// Sets `securityContext.seccompProfile`.
            pub fn seccomp_profile(mut self, profile: $crate::security::SeccompProfile) -> Self {
                self.security().seccomp_profile = Some(profile);
                self
            }
            fn security(&mut self) -> &mut $crate::security::PodSecurityContext {
                self.$spec
                    .security_context
                    .get_or_insert_with(Default::default)
            }
            /// Sets the whole `affinity` (replacing the terms added one by one).
            pub fn affinity(mut self, affinity: $crate::scheduling::Affinity) -> Self {
                self.$spec.affinity = Some(affinity);
                self
            }
            /// Adds a term to the required node affinity (the node must match one term).
            pub fn node_affinity_required(
                mut self,
                term: $crate::selector::NodeSelectorTerm,
            ) -> Self {
                let node = self.node_affinity();
                node.required
                    .get_or_insert_with(Default::default)
                    .node_selector_terms
                    .push(term);
                self
            }
            /// Adds a weighted (1..=100) preferred node affinity term.
            pub fn node_affinity_preferred(
                mut self,
                weight: i32,
                preference: $crate::selector::NodeSelectorTerm,
            ) -> Self {
                let term = $crate::scheduling::PreferredSchedulingTerm { preference, weight };
                self.node_affinity().preferred.push(term);
                self
            }
            fn node_affinity(&mut self) -> &mut $crate::scheduling::NodeAffinity {
                let affinity = self.$spec.affinity.get_or_insert_with(Default::default);
                affinity.node_affinity.get_or_insert_with(Default::default)
            }
            /// Adds a required pod affinity term (run in the same domain as those pods).
            pub fn pod_affinity(mut self, term: $crate::scheduling::PodAffinityTerm) -> Self {
                self.pod_affinity_of(false).required.push(term);
                self
            }
            /// Adds a weighted (1..=100) preferred pod affinity term.
            pub fn pod_affinity_preferred(
                mut self,
                weight: i32,
                term: $crate::scheduling::PodAffinityTerm,
            ) -> Self {
                let term = $crate::scheduling::WeightedPodAffinityTerm {
                    pod_affinity_term: term,
                    weight,
                };
                self.pod_affinity_of(false).preferred.push(term);
                self
            }
            /// Adds a required pod anti-affinity term (never in the same domain as those pods).
            pub fn pod_anti_affinity(mut self, term: $crate::scheduling::PodAffinityTerm) -> Self {
                self.pod_affinity_of(true).required.push(term);
                self
            }
            /// Adds a weighted (1..=100) preferred pod anti-affinity term.
            pub fn pod_anti_affinity_preferred(
                mut self,
                weight: i32,
                term: $crate::scheduling::PodAffinityTerm,
            ) -> Self {
                let term = $crate::scheduling::WeightedPodAffinityTerm {
                    pod_affinity_term: term,
                    weight,
                };
                self.pod_affinity_of(true).preferred.push(term);
                self
            }
            fn pod_affinity_of(&mut self, anti: bool) -> &mut $crate::scheduling::PodAffinity {
                let affinity = self.$spec.affinity.get_or_insert_with(Default::default);
                let slot = if anti {
                    &mut affinity.pod_anti_affinity
                } else {
                    &mut affinity.pod_affinity
                };
                slot.get_or_insert_with(Default::default)
            }
            /// Adds a toleration.
            pub fn toleration(mut self, toleration: $crate::scheduling::Toleration) -> Self {
                self.$spec.tolerations.push(toleration);
                self
            }
            /// Adds a topology spread constraint.
            pub fn topology_spread(
                mut self,
                constraint: $crate::scheduling::TopologySpreadConstraint,
            ) -> Self {
                self.$spec.topology_spread_constraints.push(constraint);
                self
            }
            /// Sets `priorityClassName`.
            pub fn priority_class(mut self, name: impl Into<String>) -> Self {
                self.$spec.priority_class_name = Some(name.into());
                self
            }
            /// Adds a Secret of registry credentials (`imagePullSecrets`).
            pub fn image_pull_secret(mut self, name: impl Into<String>) -> Self {
                let secret = $crate::volume::LocalObjectReference { name: name.into() };
                self.$spec.image_pull_secrets.push(secret);
                self
            }
            /// Sets `automountServiceAccountToken`.
            pub fn automount_service_account_token(mut self, mount: bool) -> Self {
                self.$spec.automount_service_account_token = Some(mount);
                self
            }
            /// Sets the pod's `hostname` (a DNS-1123 label).
            pub fn hostname(mut self, hostname: impl Into<String>) -> Self {
                self.$spec.hostname = Some(hostname.into());
                self
            }
            /// Sets the pod's `subdomain` (a DNS-1123 label: a headless Service's name).
            pub fn subdomain(mut self, subdomain: impl Into<String>) -> Self {
                self.$spec.subdomain = Some(subdomain.into());
                self
            }
            /// Sets `dnsPolicy`.
            pub fn dns_policy(mut self, policy: $crate::scheduling::DnsPolicy) -> Self {
                self.$spec.dns_policy = Some(policy);
                self
            }
            /// Sets `enableServiceLinks` (Services as environment variables; default true).
            pub fn enable_service_links(mut self, enable: bool) -> Self {
                self.$spec.enable_service_links = Some(enable);
                self
            }
        }
    };
}

pod_spec_methods!(PodBuilder, spec);
pod_spec_methods!(StatefulSetBuilder, pod);
pod_spec_methods!(DeploymentBuilder, pod);
pod_spec_methods!(DaemonSetBuilder, pod);

use super::{DaemonSetBuilder, DeploymentBuilder, PodBuilder, StatefulSetBuilder};

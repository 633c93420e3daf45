//! [`ServiceBuilder`]: a Service of any type, on its own (a client Service next to a
//! StatefulSet's headless one, or a headless Service without a StatefulSet).

use super::{Problems, put};
use crate::{
    meta::ObjectMeta,
    report::Report,
    service::{
        ClientIpConfig, ClusterIp, Service, ServicePort, ServiceSpec, ServiceType, SessionAffinity,
        SessionAffinityConfig, TrafficPolicy,
    },
    validate::Valid,
    version::KubeVersion,
};

impl Service {
    /// Starts a Service named `name` (a DNS-1035 label). Unlike [`ServiceSpec::default`], whose
    /// `clusterIP` is `None`, a built Service gets an allocated cluster IP unless
    /// [`headless`](ServiceBuilder::headless) is called.
    ///
    /// ```
    /// use kvol_core::Service;
    /// use kvol_core::service::{ServicePort, ServiceType, TargetPort};
    ///
    /// // The client Service next to a database StatefulSet's headless one.
    /// let client = Service::builder("mysql-read")
    ///     .selector("app", "mysql")
    ///     .service_type(ServiceType::NodePort)
    ///     .port(ServicePort::named("mysql", 3306).target(TargetPort::from("mysql")).node_port(30306))
    ///     .build()?;
    /// assert!(!client.is_headless());
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn builder(name: impl Into<String>) -> ServiceBuilder {
        ServiceBuilder {
            service: Service {
                metadata: ObjectMeta::named(name),
                spec: ServiceSpec {
                    cluster_ip: ClusterIp::Allocated,
                    ..ServiceSpec::default()
                },
            },
            target: KubeVersion::DEFAULT,
        }
    }
}

/// Builds a [`Service`]; start with [`Service::builder`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `.build()` is called"]
pub struct ServiceBuilder {
    service: Service,
    target: KubeVersion,
}

impl ServiceBuilder {
    /// Sets the namespace.
    pub fn namespace(mut self, namespace: impl Into<String>) -> Self {
        self.service.metadata.namespace = Some(namespace.into());
        self
    }
    /// Adds a label to the Service.
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.service.metadata.labels, key, value);
        self
    }
    /// Adds an annotation to the Service.
    pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.service.metadata.annotations, key, value);
        self
    }
    /// Adds a pod label the Service selects.
    pub fn selector(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.service.spec.selector, key, value);
        self
    }
    /// Sets the type (unset: `ClusterIP`).
    pub fn service_type(mut self, kind: ServiceType) -> Self {
        self.service.spec.type_ = Some(kind);
        self
    }
    /// Makes the Service headless (`clusterIP: None`).
    pub fn headless(self) -> Self {
        self.cluster_ip(ClusterIp::None)
    }
    /// Sets `clusterIP`.
    pub fn cluster_ip(mut self, cluster_ip: ClusterIp) -> Self {
        self.service.spec.cluster_ip = cluster_ip;
        self
    }
    /// Adds a port.
    pub fn port(mut self, port: ServicePort) -> Self {
        self.service.spec.ports.push(port);
        self
    }
    /// Sets `sessionAffinity`.
    pub fn session_affinity(mut self, affinity: SessionAffinity) -> Self {
        self.service.spec.session_affinity = Some(affinity);
        self
    }
    /// Sets `sessionAffinityConfig.clientIP.timeoutSeconds` (with `ClientIP` affinity).
    pub fn session_affinity_timeout(mut self, seconds: i32) -> Self {
        self.service.spec.session_affinity_config = Some(SessionAffinityConfig {
            client_ip: Some(ClientIpConfig {
                timeout_seconds: Some(seconds),
            }),
        });
        self
    }
    /// Sets `externalTrafficPolicy` (NodePort and LoadBalancer only).
    pub fn external_traffic_policy(mut self, policy: TrafficPolicy) -> Self {
        self.service.spec.external_traffic_policy = Some(policy);
        self
    }
    /// Sets `internalTrafficPolicy`.
    pub fn internal_traffic_policy(mut self, policy: TrafficPolicy) -> Self {
        self.service.spec.internal_traffic_policy = Some(policy);
        self
    }
    /// Publishes DNS records of pods before they are ready.
    pub fn publish_not_ready_addresses(mut self, publish: bool) -> Self {
        self.service.spec.publish_not_ready_addresses = publish;
        self
    }
    /// Validates for this Kubernetes release instead of [`KubeVersion::DEFAULT`].
    pub fn target(mut self, target: KubeVersion) -> Self {
        self.target = target;
        self
    }

    /// Builds and validates the Service: every validation error at once.
    pub fn build(self) -> Result<Valid<Service>, Report> {
        Problems::default().finish(self.service, self.target)
    }

    /// Builds without failing, with the warnings of the target release. For the `kvol` macros,
    /// whose input was checked at compile time with the same rules; use [`build`](Self::build).
    #[doc(hidden)]
    pub fn __build_prechecked(self) -> Valid<Service> {
        super::prechecked(self.service, self.target)
    }
}

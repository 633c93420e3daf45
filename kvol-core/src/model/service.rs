//! Services: the headless Service that gives a StatefulSet's pods their stable names, and the
//! client Services (ClusterIP, NodePort, LoadBalancer) that sit next to it.

use crate::render::{Emit, Sink};
use crate::{
    meta::{ObjectMeta, StringMap},
    pod::Protocol,
};
use std::collections::BTreeMap;

/// A Service (`v1/Service`).
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    /// Name (a DNS-1035 label: it must start with a letter), namespace, labels.
    pub metadata: ObjectMeta,
    /// Type, cluster IP, selector and ports.
    pub spec: ServiceSpec,
}

impl Emit for Service {
    fn emit(&self, out: &mut dyn Sink) {
        out.begin_map();
        out.field("apiVersion", &"v1");
        out.field("kind", &"Service");
        out.field("metadata", &self.metadata);
        out.field("spec", &self.spec);
        out.end_map();
    }
}
serde_via_emit!(Service);

impl Service {
    /// True for a headless Service (`clusterIP: None`).
    pub fn is_headless(&self) -> bool {
        self.spec.cluster_ip == ClusterIp::None
    }
}

/// The spec of a Service.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServiceSpec {
    /// `clusterIP`: `None` (headless, the default in kvol), allocated, or a fixed address.
    pub cluster_ip: ClusterIp,
    /// Whether external traffic is routed to node-local endpoints only (NodePort and
    /// LoadBalancer).
    pub external_traffic_policy: Option<TrafficPolicy>,
    /// Whether in-cluster traffic is routed to node-local endpoints only.
    pub internal_traffic_policy: Option<TrafficPolicy>,
    /// The ports.
    pub ports: Vec<ServicePort>,
    /// Publish DNS records for pods before they are ready (peer discovery).
    pub publish_not_ready_addresses: bool,
    /// The pods' labels.
    pub selector: StringMap,
    /// Whether a client sticks to one pod (`ClientIP`) or not (`None`, the default).
    pub session_affinity: Option<SessionAffinity>,
    /// The stickiness timeout of `ClientIP` session affinity.
    pub session_affinity_config: Option<SessionAffinityConfig>,
    /// The Service's type (unset: `ClusterIP`).
    pub type_: Option<ServiceType>,
}
emit_struct!(ServiceSpec {
    "clusterIP" => cluster_ip skip_if ClusterIp::is_allocated,
    "externalTrafficPolicy" => external_traffic_policy skip_if Option::is_none,
    "internalTrafficPolicy" => internal_traffic_policy skip_if Option::is_none,
    "ports" => ports skip_if Vec::is_empty,
    "publishNotReadyAddresses" => publish_not_ready_addresses skip_if std::ops::Not::not,
    "selector" => selector skip_if BTreeMap::is_empty,
    "sessionAffinity" => session_affinity skip_if Option::is_none,
    "sessionAffinityConfig" => session_affinity_config skip_if Option::is_none,
    "type" => type_ skip_if Option::is_none,
});

impl ServiceSpec {
    /// The Service's type, `ClusterIP` when unset.
    pub fn service_type(&self) -> ServiceType {
        self.type_.unwrap_or(ServiceType::ClusterIP)
    }
}

/// A Service's `clusterIP`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ClusterIp {
    /// `None`: a headless Service, whose DNS name resolves to the pods' addresses (kvol's
    /// default, as every Service kvol wrote before client Services was headless).
    #[default]
    None,
    /// Unset: the API server allocates an address.
    Allocated,
    /// A fixed address from the cluster's service range.
    Address(String),
}

impl ClusterIp {
    /// True when the field is left out for the API server to allocate.
    pub fn is_allocated(&self) -> bool {
        matches!(self, ClusterIp::Allocated)
    }

    /// The value written (`None`, an address), or `None` when allocated.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            ClusterIp::None => Some("None"),
            ClusterIp::Allocated => None,
            ClusterIp::Address(a) => Some(a),
        }
    }
}

impl Emit for ClusterIp {
    fn emit(&self, out: &mut dyn Sink) {
        out.str(self.as_str().unwrap_or(""))
    }
}
serde_via_emit!(ClusterIp);

api_enum! {
    /// How a Service is exposed.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum ServiceType("service type") {
        /// A cluster-internal address (the default).
        ClusterIP = "ClusterIP",
        /// ClusterIP plus a port on every node.
        NodePort = "NodePort",
        /// NodePort plus an external load balancer.
        LoadBalancer = "LoadBalancer",
        /// A DNS CNAME to `externalName` (which kvol does not model yet).
        ExternalName = "ExternalName",
    }
}

api_enum! {
    /// Whether a client's connections stick to one pod.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum SessionAffinity("session affinity") {
        /// By client IP address.
        ClientIP = "ClientIP",
        /// No stickiness (the default).
        None = "None",
    }
}

api_enum! {
    /// Whether traffic goes to endpoints cluster-wide or on the receiving node only.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum TrafficPolicy("traffic policy") {
        /// Every ready endpoint (the default).
        Cluster = "Cluster",
        /// Endpoints on the receiving node only (keeps the client's source IP).
        Local = "Local",
    }
}

/// `sessionAffinityConfig`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SessionAffinityConfig {
    /// `clientIP`.
    pub client_ip: Option<ClientIpConfig>,
}
emit_struct!(SessionAffinityConfig {
    "clientIP" => client_ip skip_if Option::is_none,
});

/// `sessionAffinityConfig.clientIP`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClientIpConfig {
    /// Seconds a client sticks to a pod (1..=86400, default 10800).
    pub timeout_seconds: Option<i32>,
}
emit_struct!(ClientIpConfig {
    "timeoutSeconds" => timeout_seconds skip_if Option::is_none,
});

/// A port of the Service.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ServicePort {
    /// The application protocol, e.g. `http` or `kubernetes.io/h2c`.
    pub app_protocol: Option<String>,
    /// The port's name (DNS-1123 label; required when there are several ports).
    pub name: Option<String>,
    /// The port on every node (NodePort and LoadBalancer; unset: allocated).
    pub node_port: Option<i32>,
    /// The port number.
    pub port: i32,
    /// The protocol (default TCP).
    pub protocol: Protocol,
    /// The container port: a number, or a named container port.
    pub target_port: Option<TargetPort>,
}
emit_struct!(ServicePort {
    "appProtocol" => app_protocol skip_if Option::is_none,
    "name" => name skip_if Option::is_none,
    "nodePort" => node_port skip_if Option::is_none,
    "port" => port,
    "protocol" => protocol,
    "targetPort" => target_port skip_if Option::is_none,
});

impl ServicePort {
    /// Port `port` (TCP), named `name`, sent to the same container port.
    pub fn named(name: impl Into<String>, port: i32) -> Self {
        ServicePort {
            name: Some(name.into()),
            port,
            ..Default::default()
        }
    }

    /// Sets the target port (a number or a named container port).
    pub fn target(mut self, target: TargetPort) -> Self {
        self.target_port = Some(target);
        self
    }

    /// Sets the port on every node (NodePort and LoadBalancer).
    pub fn node_port(mut self, node_port: i32) -> Self {
        self.node_port = Some(node_port);
        self
    }

    /// Sets the protocol.
    pub fn protocol(mut self, protocol: Protocol) -> Self {
        self.protocol = protocol;
        self
    }
}

/// A Service's `targetPort`: a number or a container port's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetPort {
    /// A port number.
    Number(i32),
    /// A named container port.
    Name(String),
}

// `From<i32>`, `From<&str>` and `From<String>` for `TargetPort` are in `probe.rs` (probes and
// hooks name their ports the same way).

impl Emit for TargetPort {
    fn emit(&self, out: &mut dyn Sink) {
        match self {
            TargetPort::Number(n) => out.i64((*n).into()),
            TargetPort::Name(n) => out.str(n),
        }
    }
}
serde_via_emit!(TargetPort);

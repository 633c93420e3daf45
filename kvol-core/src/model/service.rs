//! Headless Services: the stable network identity of a StatefulSet's pods.

use crate::{
    meta::{ObjectMeta, StringMap},
    pod::Protocol,
};
use serde_core::{Serialize, Serializer, ser::SerializeMap};

/// A headless Service (`clusterIP: None`), the only kind of Service kvol writes.
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    /// Name (a DNS-1035 label: it must start with a letter), namespace, labels.
    pub metadata: ObjectMeta,
    /// Selector and ports.
    pub spec: ServiceSpec,
}

/// The spec of a headless Service.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServiceSpec {
    /// The ports, one per named container port exposed.
    pub ports: Vec<ServicePort>,
    /// Publish DNS records for pods before they are ready (peer discovery).
    pub publish_not_ready_addresses: bool,
    /// The pods' labels.
    pub selector: StringMap,
}

/// A port of the Service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServicePort {
    /// The port's name (DNS-1123 label; required when there are several ports).
    pub name: Option<String>,
    /// The port number.
    pub port: i32,
    /// The protocol (default TCP).
    pub protocol: Protocol,
    /// The container port: a number, or a named container port.
    pub target_port: Option<TargetPort>,
}

/// A Service's `targetPort`: a number or a container port's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetPort {
    /// A port number.
    Number(i32),
    /// A named container port.
    Name(String),
}

impl Serialize for TargetPort {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            TargetPort::Number(n) => s.serialize_i32(*n),
            TargetPort::Name(n) => s.serialize_str(n),
        }
    }
}

impl Serialize for ServicePort {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        if let Some(n) = &self.name {
            m.serialize_entry("name", n)?;
        }
        m.serialize_entry("port", &self.port)?;
        m.serialize_entry("protocol", &self.protocol)?;
        if let Some(t) = &self.target_port {
            m.serialize_entry("targetPort", t)?;
        }
        m.end()
    }
}

impl Serialize for ServiceSpec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("clusterIP", "None")?;
        if !self.ports.is_empty() {
            m.serialize_entry("ports", &self.ports)?;
        }
        if self.publish_not_ready_addresses {
            m.serialize_entry("publishNotReadyAddresses", &true)?;
        }
        if !self.selector.is_empty() {
            m.serialize_entry("selector", &self.selector)?;
        }
        m.end()
    }
}

impl Serialize for Service {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("apiVersion", "v1")?;
        m.serialize_entry("kind", "Service")?;
        m.serialize_entry("metadata", &self.metadata)?;
        m.serialize_entry("spec", &self.spec)?;
        m.end()
    }
}

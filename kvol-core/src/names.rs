//! Kubernetes name formats (apimachinery `pkg/util/validation`), with the API server's messages.
//!
//! PLACEHOLDER API (the names work item replaces the checks, keeping every public item).

use std::fmt;

/// Why a string is not a valid name of some format: the API server's messages, in its order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameError {
    /// One message per failed rule, as the API server words it.
    pub messages: Vec<String>,
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.messages.join("; "))
    }
}

impl std::error::Error for NameError {}

fn simple(s: &str, max: usize) -> Result<(), NameError> {
    if s.is_empty() || s.len() > max {
        return Err(NameError {
            messages: vec![format!("must be no more than {max} characters")],
        });
    }
    Ok(())
}

/// RFC 1123 label: volume, container, StatefulSet, namespace names.
pub fn dns1123_label(s: &str) -> Result<(), NameError> {
    simple(s, 63)
}
/// RFC 1123 subdomain: Pod, PV, PVC, StorageClass names.
pub fn dns1123_subdomain(s: &str) -> Result<(), NameError> {
    simple(s, 253)
}
/// RFC 1035 label: Service names.
pub fn dns1035_label(s: &str) -> Result<(), NameError> {
    simple(s, 63)
}
/// Qualified name: label and annotation keys, provisioners.
pub fn qualified_name(s: &str) -> Result<(), NameError> {
    simple(s, 316)
}
/// Label value (may be empty).
pub fn label_value(s: &str) -> Result<(), NameError> {
    if s.len() > 63 { simple("", 63) } else { Ok(()) }
}
/// IANA service name: container port names.
pub fn port_name(s: &str) -> Result<(), NameError> {
    simple(s, 15)
}

//! The only module that writes YAML.
//!
//! PLACEHOLDER: filled in by the YAML work item.

//! # kvol
//!
//! Kubernetes storage manifests in typed Rust, checked while your crate compiles and rendered as
//! YAML that the API server accepts and that every YAML reader reads the same way.
#![forbid(unsafe_code)]

extern crate self as kvol;

pub use kvol_core::*;

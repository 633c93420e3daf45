//! Value types with their own grammar: quantities, names and Kubernetes versions.
//!
//! Every module is also re-exported at the crate root under its old path
//! (`kvol_core::quantity`, `kvol_core::names`, …).

pub mod names;
pub mod positive_quantity;
pub mod quantity;
pub mod version;

//! # kvol-core
//!
//! The typed Kubernetes storage model behind [kvol](https://docs.rs/kvol): Pods and their
//! volumes, PersistentVolumes, PersistentVolumeClaims, StorageClasses, headless Services and
//! StatefulSets; the API server's validation rules; cross-object checks (including the PV
//! controller's binding algorithm); and YAML rendering that Kubernetes reads exactly as written.
//!
//! Most users depend on the `kvol` facade crate instead, which re-exports everything here
//! together with the macros.
#![forbid(unsafe_code)]

pub mod names;
pub mod quantity;
pub mod yaml;

pub use names::NameError;
pub use quantity::{Quantity, QuantityError};

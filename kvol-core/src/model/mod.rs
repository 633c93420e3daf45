//! The object model: the Kubernetes objects kvol writes and the types they are made of.
//!
//! Plain data with their own invariants only; nothing here depends on a layer above. The API
//! server's rules live in [`rules`](crate::rules), rendering in [`render`](crate::render), and
//! the fluent entry points of the library API are defined in the construction layer on top.
//! Every module is also re-exported at the crate root under its old path (`kvol_core::pod`,
//! `kvol_core::volume`, …).

#[macro_use]
pub mod api_enum;

pub mod access;
pub mod attributes_class;
pub mod config;
pub mod container;
pub mod daemonset;
pub mod deployment;
pub mod legacy;
pub mod meta;
pub mod object;
pub mod pdb;
pub mod pod;
pub mod probe;
pub mod pv;
pub mod pvc;
pub mod resources;
pub mod scheduling;
pub mod security;
pub mod selector;
pub mod service;
pub mod snapshot;
pub mod statefulset;
pub mod storage_class;
pub mod volume;

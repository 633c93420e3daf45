//! Procedural macros behind kvol's DSL. Use them through the `kvol` crate, which passes its own
//! path in; this crate is an implementation detail.
//!
//! Each entry point is a thin shim: the work happens on `proc_macro2` token streams in
//! `parse` → `ast` → `check` (kvol-core's rules) → `expand`, so ordinary unit tests can
//! drive it.

mod ast;
mod check;
mod ctxt;
mod expand;
mod parse;
mod suggest;
mod warnings;

#[cfg(test)]
mod tests;

use expand::Kind;
use proc_macro::TokenStream;

/// `statefulset!` (through `kvol::statefulset!`).
#[proc_macro]
pub fn statefulset_impl(input: TokenStream) -> TokenStream {
    expand::expand(Kind::StatefulSet, input.into()).into()
}

/// `pod!` (through `kvol::pod!`).
#[proc_macro]
pub fn pod_impl(input: TokenStream) -> TokenStream {
    expand::expand(Kind::Pod, input.into()).into()
}

/// `pvc!` (through `kvol::pvc!`).
#[proc_macro]
pub fn pvc_impl(input: TokenStream) -> TokenStream {
    expand::expand(Kind::Pvc, input.into()).into()
}

/// `pv!` (through `kvol::pv!`).
#[proc_macro]
pub fn pv_impl(input: TokenStream) -> TokenStream {
    expand::expand(Kind::Pv, input.into()).into()
}

/// `storage_class!` (through `kvol::storage_class!`).
#[proc_macro]
pub fn storage_class_impl(input: TokenStream) -> TokenStream {
    expand::expand(Kind::StorageClass, input.into()).into()
}

/// `manifests!` (through `kvol::manifests!`).
#[proc_macro]
pub fn manifests_impl(input: TokenStream) -> TokenStream {
    expand::expand(Kind::Manifests, input.into()).into()
}

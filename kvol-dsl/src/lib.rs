//! # kvol-dsl
//!
//! The engine behind kvol's macros, as an ordinary library crate so unit tests, the fuzzer and
//! tools can call it: syntax ([`parse`]) → typed input ([`ast`]) → **one lowering walk**
//! ([`lower`]) that yields, for each DSL key in one place, the kvol-core builder value the rules
//! check and the expression the expansion emits ([`lowered::Lowered`]) → diagnostics
//! ([`diagnose`]) → the expansion ([`mod@expand`]).
//!
//! **Not a stable API.** This crate is an implementation detail of `kvol-macros` (like
//! `sqlx-macros-core` for sqlx): it follows kvol's version exactly (`=` pinned) and may change
//! in any release without a semver bump. Use kvol's macros through the `kvol` crate.
#![forbid(unsafe_code)]

pub mod ast;
pub mod check;
pub mod ctxt;
pub mod diagnose;
pub mod expand;
pub mod lower;
pub mod lowered;
pub mod parse;
pub mod suggest;
pub mod warnings;

#[cfg(test)]
mod tests;

pub use expand::{Kind, expand, expand_with, parse_and_check};

//! `kvol import`: YAML that Kubernetes accepts, turned into Rust source that uses kvol's macros
//! and renders YAML meaning the same (defaults may be spelled out). What the DSL cannot say
//! goes through the escape hatch (`extra:`) with a comment; invalid input is refused with
//! `kvol check`'s diagnostics.

pub mod hatch;
pub mod source;
mod workloads;

use kvol_core::decode::DecodedDocument;

/// One document being imported: where it is, its tree as written, and what the model read.
pub struct Doc<'a> {
    /// The file's name as given.
    pub file: &'a str,
    /// Index among the file's non-empty documents, from 0.
    pub index: usize,
    /// The document as written (for the escape hatch and comments).
    pub node: &'a kvol_read::Node,
    /// The document decoded into kvol's model.
    pub decoded: &'a DecodedDocument,
}

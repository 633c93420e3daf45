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

/// Why a document cannot be imported: where, and what to do about it.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportError {
    /// The file's name as given.
    pub file: String,
    /// Index among the file's non-empty documents, from 0.
    pub doc: usize,
    /// The field path in the document (empty for the whole document).
    pub field: String,
    /// What cannot be imported, and what to do.
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}#{}", self.file, self.doc)?;
        if !self.field.is_empty() {
            write!(f, " {}", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ImportError {}

impl Doc<'_> {
    /// An import error at `field` of this document.
    pub fn error(&self, field: &str, message: impl Into<String>) -> ImportError {
        ImportError {
            file: self.file.to_owned(),
            doc: self.index,
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

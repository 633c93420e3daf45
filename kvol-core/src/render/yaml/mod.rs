//! The only module that writes YAML: kvol's own small writer, a [`Sink`](crate::render::Sink)
//! for any [`Emit`] value (and, with the `serde` feature, any `serde::Serialize` value through
//! `render::Serde`).
//!
//! Kubernetes reads manifests with `sigs.k8s.io/yaml` (go-yaml v2, YAML 1.1 resolution, where
//! `y`, `on`, `0755`, `1e3` are not strings), other tools with YAML 1.1 (PyYAML) or YAML 1.2
//! parsers. General-purpose emitters write `on` or `y` plain, which Kubernetes then reads as a
//! bool. This writer's output is read identically by all of them:
//!
//! - a string is written plain only when [`needs_quotes`] proves it unambiguous (a narrow,
//!   documented class: `ReadWriteOnce`, `registry.k8s.io/pause:3.9`, `/data`, `1Gi`); every
//!   other string is double-quoted on one line, with escapes ([`write_str_scalar`]), so no string
//!   can inject a key, a comment or a document; block scalars (`|`, `>`) are never used;
//! - integers are plain decimal (so a mode `0o644` is written `420`), bools `true` / `false`,
//!   `None` and `()` are `null`, floats always carry a `.` (`1.0`, `1.5e+300`);
//! - mapping keys must be strings ([`YamlErrorKind::NonStringKey`] otherwise).
//!
//! The layout is `kubectl get -o yaml`'s: two-space indentation, a sequence under a key starts at
//! the key's column, a mapping in a sequence starts on the dash line, `{}` and `[]` for empty
//! collections. Entries come in the order the value emits them (struct fields in declaration
//! order, map entries in iteration order); through `Serde`, newtype structs are transparent and
//! enums are externally tagged (`Variant` or `Variant: value`).
//!
//! It is a direct writer: no intermediate tree, one `String` buffer per document.
//!
//! ```
//! use std::collections::BTreeMap;
//!
//! let container = BTreeMap::from([("image", vec!["registry.k8s.io/nginx-slim:0.8"]), ("args", vec!["on", "-v"])]);
//! assert_eq!(
//!     kvol_core::yaml::to_string(&container).unwrap(),
//!     "args:\n- \"on\"\n- \"-v\"\nimage:\n- registry.k8s.io/nginx-slim:0.8\n"
//! );
//! ```

mod error;
mod scalar;
mod writer;

use std::io::Write;

use crate::render::emit::Emit;

pub use error::{YamlError, YamlErrorKind};

use crate::object::Document;

/// Appends one document's YAML to `out` (not generic, never inlined into callers).
#[inline(never)]
pub fn document_into(out: &mut String, doc: &Document<'_>) -> Result<(), YamlError> {
    writer::emit_into(out, doc)
}
pub use scalar::{needs_quotes, write_str_scalar};

/// Writes `value` as one YAML document (without a `---` line).
///
/// A top-level scalar is allowed (`"yes"` gives `"\"yes\"\n"`). kvol's own values always
/// write; through `render::Serde`, the errors are non-string mapping keys,
/// integers beyond 64 bits, and errors raised by `Serialize` implementations, each with the path
/// where it happened ([`YamlError::path`]).
///
/// ```
/// use std::collections::BTreeMap;
///
/// let labels = BTreeMap::from([("app", "on"), ("tier", "db")]);
/// assert_eq!(kvol_core::yaml::to_string(&labels).unwrap(), "app: \"on\"\ntier: db\n");
/// assert_eq!(kvol_core::yaml::to_string(&Vec::<u8>::new()).unwrap(), "[]\n");
/// ```
pub fn to_string<T: Emit + ?Sized>(value: &T) -> Result<String, YamlError> {
    let mut out = String::with_capacity(256);
    writer::emit_into(&mut out, value)?;
    Ok(out)
}

/// Writes `value` as one YAML document into `writer`.
///
/// The document is built in memory first and written with a single `write_all`, so on an
/// error in the value nothing is written.
///
/// ```
/// let mut buf = Vec::new();
/// kvol_core::yaml::to_writer(&mut buf, &["a", "1"]).unwrap();
/// assert_eq!(buf, b"- a\n- \"1\"\n");
/// ```
pub fn to_writer<W: Write, T: Emit + ?Sized>(mut writer: W, value: &T) -> Result<(), YamlError> {
    let out = to_string(value)?;
    writer.write_all(out.as_bytes())?;
    Ok(())
}

/// Writes `value` as one document of a multi-document stream: preceded by a `---` line unless
/// `first` is true. [`DocumentWriter`] keeps track of `first` for you and reuses its buffer.
///
/// ```
/// let mut buf = Vec::new();
/// kvol_core::yaml::write_document(&mut buf, &["a"], true).unwrap();
/// kvol_core::yaml::write_document(&mut buf, &["b"], false).unwrap();
/// assert_eq!(buf, b"- a\n---\n- b\n");
/// ```
pub fn write_document<W: Write + ?Sized, T: Emit + ?Sized>(
    writer: &mut W,
    value: &T,
    first: bool,
) -> Result<(), YamlError> {
    let mut out = String::with_capacity(256);
    if !first {
        out.push_str("---\n");
    }
    writer::emit_into(&mut out, value)?;
    writer.write_all(out.as_bytes())?;
    Ok(())
}

/// Writes every value of `values` as one document of a multi-document stream, documents
/// separated by `---` lines (none before the first).
///
/// ```
/// let docs = kvol_core::yaml::to_string_multi([&["a"], &["b"]]).unwrap();
/// assert_eq!(docs, "- a\n---\n- b\n");
/// ```
pub fn to_string_multi<'a, T, I>(values: I) -> Result<String, YamlError>
where
    T: Emit + ?Sized + 'a,
    I: IntoIterator<Item = &'a T>,
{
    let mut out = String::with_capacity(1024);
    for (i, value) in values.into_iter().enumerate() {
        if i > 0 {
            out.push_str("---\n");
        }
        writer::emit_into(&mut out, value)?;
    }
    Ok(out)
}

/// Writes a stream of YAML documents separated by `---` lines (none before the first), one
/// document at a time, so that any number of documents can be streamed without holding them.
///
/// Each document is built in a reused in-memory buffer and handed to the writer with one
/// `write_all`; a document that fails to write writes nothing and does not count. Wrap
/// unbuffered writers (files, sockets) in a [`std::io::BufWriter`] when the documents are small.
///
/// ```
/// use kvol_core::yaml::DocumentWriter;
///
/// let mut docs = DocumentWriter::new(Vec::new());
/// for name in ["cm-0", "cm-1"] {
///     docs.write(&std::collections::BTreeMap::from([("name", name)])).unwrap();
/// }
/// assert_eq!(docs.documents(), 2);
/// assert_eq!(docs.into_inner(), b"name: cm-0\n---\nname: cm-1\n");
/// ```
#[derive(Debug)]
pub struct DocumentWriter<W: Write> {
    writer: W,
    buf: String,
    documents: usize,
}

impl<W: Write> DocumentWriter<W> {
    /// A writer of documents into `writer`; nothing is written yet.
    pub fn new(writer: W) -> Self {
        DocumentWriter {
            writer,
            buf: String::with_capacity(1024),
            documents: 0,
        }
    }

    /// Writes `value` as the next document (after a `---` line unless it is the first).
    pub fn write<T: Emit + ?Sized>(&mut self, value: &T) -> Result<(), YamlError> {
        self.buf.clear();
        if self.documents > 0 {
            self.buf.push_str("---\n");
        }
        let result = writer::emit_into(&mut self.buf, value).and_then(|()| {
            self.writer
                .write_all(self.buf.as_bytes())
                .map_err(YamlError::from)
        });
        if self.buf.capacity() > 1 << 20 {
            // Do not keep the memory of one huge document for the rest of the stream.
            self.buf = String::with_capacity(1024);
        }
        result?;
        self.documents += 1;
        Ok(())
    }

    /// Writes one Kubernetes document, as [`DocumentWriter::write`] does, through
    /// [`document_into`] (compiled once, in kvol-core).
    pub fn write_document(&mut self, doc: &Document<'_>) -> Result<(), YamlError> {
        self.buf.clear();
        if self.documents > 0 {
            self.buf.push_str("---\n");
        }
        let result = document_into(&mut self.buf, doc).and_then(|()| {
            self.writer
                .write_all(self.buf.as_bytes())
                .map_err(YamlError::from)
        });
        if self.buf.capacity() > 1 << 20 {
            self.buf = String::with_capacity(1024);
        }
        result?;
        self.documents += 1;
        Ok(())
    }

    /// How many documents were written.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// Flushes the underlying writer.
    pub fn flush(&mut self) -> Result<(), YamlError> {
        self.writer.flush()?;
        Ok(())
    }

    /// The underlying writer.
    pub fn get_ref(&self) -> &W {
        &self.writer
    }

    /// Gives back the underlying writer (not flushed: call [`DocumentWriter::flush`] first if
    /// it buffers).
    pub fn into_inner(self) -> W {
        self.writer
    }
}

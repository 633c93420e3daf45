//! [`YamlError`]: what can go wrong while writing YAML, and where.

use std::{fmt, io};

/// An error from the YAML writer: an I/O failure, a value shape kvol's YAML cannot express
/// faithfully, or a value's own error ([`crate::render::Failure`]).
///
/// The error records where in the value it happened: [`YamlError::path`] gives a field path such
/// as `spec.volumes[0].name` (empty at the root). The path is read from the writer's state when
/// the error happens, so it costs nothing when writing succeeds.
#[derive(Debug)]
pub struct YamlError {
    kind: YamlErrorKind,
    /// Path segments, outermost first.
    path: Vec<Segment>,
}

/// The kind of a [`YamlError`].
#[derive(Debug)]
#[non_exhaustive]
pub enum YamlErrorKind {
    /// Writing to the underlying writer failed.
    Io(io::Error),
    /// A mapping key is not a string. YAML would read a non-string key (a number, a bool, a
    /// sequence...) with its own type, which Kubernetes' JSON objects cannot hold, so kvol refuses
    /// it. The payload names what was found, e.g. `integer`.
    NonStringKey(&'static str),
    /// An integer outside the 64-bit range: YAML readers disagree on such numbers (go-yaml v2
    /// reads them as floats, PyYAML as integers).
    IntegerOutOfRange,
    /// An error raised by the value itself (`serde::ser::Error::custom`, through
    /// `render::Serde`).
    Custom(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment {
    /// A map key as written in the YAML (plain or double-quoted).
    Key(String),
    /// A sequence index.
    Index(usize),
}

impl YamlError {
    pub(crate) fn new(kind: YamlErrorKind) -> Self {
        YamlError {
            kind,
            path: Vec::new(),
        }
    }

    pub(crate) fn io(err: io::Error) -> Self {
        YamlError::new(YamlErrorKind::Io(err))
    }

    /// An error at `path` (outermost segment first).
    pub(crate) fn at(kind: YamlErrorKind, path: Vec<Segment>) -> Self {
        YamlError { kind, path }
    }

    /// What went wrong.
    pub fn kind(&self) -> &YamlErrorKind {
        &self.kind
    }

    /// True when the error comes from the underlying writer.
    pub fn is_io(&self) -> bool {
        matches!(self.kind, YamlErrorKind::Io(_))
    }

    /// Where in the value the error happened, e.g. `spec.volumes[0].name`, `data["a b"]`; empty
    /// when it happened at the root. Map keys that YAML needs quoted are shown as written,
    /// in brackets.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            match seg {
                Segment::Key(key) if key.starts_with('"') => {
                    out.push('[');
                    out.push_str(key);
                    out.push(']');
                }
                Segment::Key(key) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                Segment::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            YamlErrorKind::Io(e) => write!(f, "cannot write YAML: {e}")?,
            YamlErrorKind::NonStringKey(found) => {
                write!(f, "mapping keys must be strings, found {found}")?
            }
            YamlErrorKind::IntegerOutOfRange => {
                f.write_str("integer out of the 64-bit range (YAML readers disagree on its type)")?
            }
            YamlErrorKind::Custom(msg) => f.write_str(msg)?,
        }
        if !self.path.is_empty() {
            write!(f, " at `{}`", self.path())?;
        }
        Ok(())
    }
}

impl std::error::Error for YamlError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            YamlErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<io::Error> for YamlError {
    fn from(err: io::Error) -> Self {
        YamlError::io(err)
    }
}

impl From<YamlError> for io::Error {
    /// The writer's own error for [`YamlErrorKind::Io`] (so its kind, e.g. `BrokenPipe`, is
    /// kept), else an error of kind `Other` carrying the YAML error.
    fn from(err: YamlError) -> Self {
        match err.kind {
            YamlErrorKind::Io(e) => e,
            _ => io::Error::other(err),
        }
    }
}

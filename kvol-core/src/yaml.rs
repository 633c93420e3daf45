//! The only module that writes YAML.
//!
//! PLACEHOLDER: filled in by the YAML work item.

use serde::Serialize;
use std::io;

/// PLACEHOLDER error type.
#[derive(Debug)]
pub struct YamlError(String);

impl std::fmt::Display for YamlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for YamlError {}

/// PLACEHOLDER document stream writer (JSON lines until the YAML work item lands).
pub struct DocumentWriter<W: io::Write> {
    writer: W,
    first: bool,
}

impl<W: io::Write> DocumentWriter<W> {
    /// Starts a stream.
    pub fn new(writer: W) -> Self {
        DocumentWriter {
            writer,
            first: true,
        }
    }
    /// Writes one document.
    pub fn write<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), YamlError> {
        if !self.first {
            self.writer
                .write_all(b"---\n")
                .map_err(|e| YamlError(e.to_string()))?;
        }
        self.first = false;
        let s = serde_json::to_string(value).map_err(|e| YamlError(e.to_string()))?;
        writeln!(self.writer, "{s}").map_err(|e| YamlError(e.to_string()))
    }
    /// Flushes.
    pub fn finish(mut self) -> Result<(), YamlError> {
        self.writer.flush().map_err(|e| YamlError(e.to_string()))
    }
}

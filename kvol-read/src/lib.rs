//! Reads a YAML stream **as Kubernetes reads it**, keeping the line and column of every value:
//! the reader of the future `kvol check` / `kvol import` command line (SPEC.md, "The same engine
//! for YAML"). It is a separate crate on purpose: neither `kvol` nor `kvol-core` depends on it.
//!
//! What "as Kubernetes reads it" means, step by step (kubectl and the API server go through
//! `k8s.io/apimachinery`'s YAML stream reader and `sigs.k8s.io/yaml`, which decodes with a
//! fork of go-yaml v2 and converts the result to JSON):
//!
//! 1. **Documents** are split like kubectl's `YAMLReader`: line by line, a line *starting with*
//!    `---` separates documents, and what follows the dashes must be empty or a comment, or
//!    the rest of the stream is refused (`invalid Yaml document separator: {a: 1}`). A `---`
//!    line at column 0 therefore splits even inside a block scalar or a quoted string (YAML ends
//!    those scalars there too); an indented one does not. CRLF line ends become LF. Documents
//!    that decode to `null` (empty, only comments, `~`) are skipped, as kubectl's resource
//!    builder does; the others are numbered from 0 ([`Document::index`]).
//! 2. **Scalars** resolve as go-yaml v2's `resolve.go` does (YAML 1.1 flavoured): `y`, `Y`,
//!    `yes`, `on`, `true`, … (the three spellings `yes`/`Yes`/`YES` of each word, not `yEs`) are
//!    booleans; `0755` is 493, `0o17` 15, `0x1F` 31, `0b101` 5, `1_000` 1000; `08`, `1e3` and
//!    `1.` are floats; `1:20` and dates stay strings; `~`, `null` and the empty scalar are null;
//!    `.inf` and `.nan` are floats that JSON cannot carry, so the document is refused
//!    (`json: unsupported value: +Inf`); integers beyond `u64` and floats beyond `f64` stay
//!    strings. Quoted scalars are strings; explicit tags (`!!int "3"`, `!!binary`, `!!str 3`)
//!    are honoured like go-yaml does, custom tags are ignored.
//! 3. **Strictness** is that of kubectl's default strict field validation: a key repeated in a
//!    mapping is an error naming both lines (also when it comes from a merge key `<<`, since
//!    go-yaml's strict mode sets merged keys through the same check); aliases are expanded as
//!    go-yaml v2 does, with its "document contains excessive aliasing" rule and a budget of
//!    kvol's own ([`MAX_NODES`] nodes, [`MAX_DEPTH`] levels), so a billion-laughs stream is
//!    refused quickly; invalid UTF-8, control characters and tabs in indentation are errors
//!    with positions. No input panics (a proptest feeds arbitrary bytes).
//! 4. The result is a JSON-like tree ([`Node`], [`Value`]) where every node carries its line
//!    and column (1-based, in the whole stream), and [`Node::to_json`] writes the JSON that
//!    kubectl sends, byte for byte (keys sorted, Go's number and string formatting).
//!
//! Where kvol-read knowingly differs from Kubernetes: nesting deeper than [`MAX_DEPTH`] (1,000)
//! levels and documents expanding to more than [`MAX_NODES`] nodes are refused (go-yaml
//! accepts them as long as the alias ratio rule holds), and so are the inputs listed at the end
//! of this page; two keys of different YAML types with the same JSON name (`1:` and `"1":`) keep the last one (Kubernetes keeps one of them in
//! Go's random map order); the position of a node reached through an alias is the position of
//! the anchored node.
//!
//! # Example
//!
//! ```
//! let docs = kvol_read::read_stream("a: yes\nb: 0755\n---\nc: [1e3, '3']\n");
//! let first = docs[0].as_ref().unwrap();
//! assert_eq!(first.value.to_json(), r#"{"a":true,"b":493}"#);
//! let second = docs[1].as_ref().unwrap();
//! assert_eq!((second.index, second.line), (1, 4));
//! assert_eq!(second.value.to_json(), r#"{"c":[1000,"3"]}"#);
//! let kvol_read::Value::Map(entries) = &second.value.value else { unreachable!() };
//! assert_eq!((entries[0].1.line, entries[0].1.col), (4, 4));
//! ```
//!
//! # Parser choice (measured, see BENCHMARKS.md "YAML reader: parser choice")
//!
//! The events come from **saphyr-parser** (pure safe Rust, five small dependency crates), chosen
//! over yaml-rust2, serde_yaml / unsafe-libyaml and a hand-written parser. Measured on 10,400
//! generated manifests (12.9 MB, `gen_corpus --sets 1300 --seed 1`) on the project's 2-core
//! machine, under load (6.7–7.3) / quieter (1.4–1.7):
//!
//! | parser | clean debug build | dependency crates | events |
//! | --- | --- | ---: | --- |
//! | saphyr-parser 0.0.6 | 2.6–3.0 s / 1.24 s | 5 | 37 / 59 MB/s |
//! | yaml-rust2 0.10.4, default features | 8.6–10.0 s / 2.3 s | 10 | 32 / 62 MB/s |
//! | yaml-rust2 0.10.4, no default features | 3.4–3.9 s / 1.3–1.5 s | 5 | 30 / 61 MB/s |
//! | serde_yaml 0.9.34 (documents into `Value`, no positions per value) | 12.0–12.1 s / 3.2 s | 9 | 20 / 34 MB/s |
//! | unsafe-libyaml 0.2.11 (needs unsafe code to drive) | 0.9–1.0 s | 0 | — |
//!
//! `cargo build -p kvol-read` from clean takes 4.3–4.9 s / 1.7 s; the whole read runs at 13 /
//! 26 MB/s (about 21,000 documents/s when quiet), and all 10,400 documents give byte for byte
//! the JSON of Kubernetes' own reader. unsafe-libyaml (the C lineage go-yaml v2 was ported from)
//! would be the most faithful but cannot be driven without `unsafe`; yaml-rust2 is as fast but
//! heavier by default (saphyr-parser is its successor); a hand-written parser was not attempted
//! (libyaml's is about 12,000 lines).
//!
//! # Where saphyr-parser (YAML 1.2) and libyaml (Kubernetes) part, and what kvol-read does
//!
//! Found with the corpus and with differential fuzzing against Kubernetes' reader
//! (`tests/data/difffuzz.py`):
//!
//! - **Mended** (saphyr-parser refuses, libyaml reads; the text is mended and parsed again,
//!   positions are those of the original): a tab after `:` (`key:\tvalue`); continuation lines
//!   of quoted strings at column 0; a block scalar indicator alone on the line below its key; an
//!   indented `---` or `...` starting a plain scalar; a comment right after a token (`[a]#c`).
//! - **Checked** (libyaml refuses, saphyr-parser reads): libyaml's tab rules (a tab-only line,
//!   a tab before a comment line, after `-`, left of a plain or block scalar's indentation);
//!   `%` at column 0 inside a document; a document starting with `...`; `|`, `>` or `?` in a
//!   word of a flow collection; an implicit key spanning lines; anchor, alias and tag
//!   characters.
//! - **Fixed up**: blank block scalars at the end of a stream (clip and keep).
//! - **Refused where Kubernetes reads the input** (never a different value): in a flow
//!   collection, a word followed by `:` and `,` or a bracket (`[a:, b]` is `["a:", "b"]` for
//!   libyaml), a tag without value (`[!!str, 1]` is `["1"]`: libyaml's tags take in `,`), a
//!   word starting with `?` or `:` (`[?x]` is a mapping for libyaml), a flow collection
//!   continued at column 0 inside a block; some tags libyaml accepts (`!!,int`); a top-level
//!   block scalar with lines at column 0; the YAML 1.1 line breaks U+0085, U+2028, U+2029 and a
//!   carriage return without a line feed, anywhere; content after a complete top-level scalar
//!   or flow collection (go-yaml stops reading there); flow collections nested deeper than 255
//!   levels; and the limits above.
//! - **Read where Kubernetes refuses** (known, rare): some malformed tags glued to other
//!   tokens (`!!str}`), caught by libyaml's tag scanner only.
//!
//! See BENCHMARKS.md, "YAML reader: parser choice", and `kvol-read/scripts/parser-choice.sh`
//! for the commands behind the figures.
#![forbid(unsafe_code)]

mod decode;
mod json;
mod resolve;
mod split;
mod tabs;
mod tree;

use std::fmt;

/// The most nodes one document may expand to through aliases before it is refused.
pub const MAX_NODES: usize = 1_000_000;

/// The deepest nesting of sequences and mappings a document may have (also through aliases).
pub const MAX_DEPTH: usize = 1_000;

/// One non-empty document of the stream.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Index among the stream's non-empty documents (refused ones included), from 0.
    pub index: usize,
    /// Line (1-based) of the stream on which the document's text starts.
    pub line: usize,
    /// The decoded document.
    pub value: Node,
}

/// A value with the position of its first character in the stream (for a collection, of its
/// first entry or its opening bracket).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Line, 1-based.
    pub line: usize,
    /// Column, 1-based, in characters.
    pub col: usize,
}

/// A mapping key as JSON sees it (go-yaml's key converted to a string by `sigs.k8s.io/yaml`:
/// `true`, `1`, `1.5` …), with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// The key as a JSON object member name.
    pub name: String,
    /// Line, 1-based.
    pub line: usize,
    /// Column, 1-based, in characters.
    pub col: usize,
}

/// A decoded value: the JSON data model, with integers kept apart from floats as go-yaml
/// keeps them.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`, `~`, an empty value.
    Null,
    /// A boolean (`true`, `yes`, `on`, `y` …).
    Bool(bool),
    /// An integer that fits in `i64` (`0755` is 493).
    Int(i64),
    /// An integer above `i64::MAX` that fits in `u64`.
    UInt(u64),
    /// A finite float (`1e3`, `08`, `1.5`).
    Float(f64),
    /// A string.
    String(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, keys in the order written (merged keys where the merge key stands).
    Map(Vec<(Key, Node)>),
}

/// Why a document (or the rest of the stream) could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// Index of the document among the non-empty ones, as [`Document::index`].
    pub doc: usize,
    /// What is wrong, worded like go-yaml / `sigs.k8s.io/yaml` where they have a message.
    pub message: String,
    /// Line, 1-based, in the stream.
    pub line: usize,
    /// Column, 1-based, in characters.
    pub col: usize,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: yaml: {}", self.line, self.col, self.message)
    }
}

impl std::error::Error for ReadError {}

impl Node {
    /// The JSON Kubernetes makes of this value, byte for byte as Go's `encoding/json` writes it
    /// (object keys sorted, `<` as `\u003c`, `1e+21`, …).
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        json::write(self, &mut out);
        out
    }

    /// The JSON type of the value, for messages (`"string"`, `"number"`, …).
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Int(_) | Value::UInt(_) | Value::Float(_) => "number",
            Value::String(_) => "string",
            Value::Seq(_) => "array",
            Value::Map(_) => "object",
        }
    }
}

/// Reads a whole stream: one entry per non-empty document, in order. A document that cannot be
/// decoded gives an `Err` and the following documents are still read; an invalid document
/// separator ends the stream with an `Err`, as kubectl stops there.
#[must_use]
pub fn read_stream(text: &str) -> Vec<Result<Document, ReadError>> {
    read_bytes(text.as_bytes())
}

/// [`read_stream`] on bytes: invalid UTF-8 refuses only the document that contains it.
#[must_use]
pub fn read_bytes(bytes: &[u8]) -> Vec<Result<Document, ReadError>> {
    let mut out = Vec::new();
    read_each(bytes, |doc| out.push(doc));
    out
}

/// [`read_bytes`] one document at a time: `each` gets every entry in order, and only one
/// decoded document is held at once (the memory of a long stream stays flat).
pub fn read_each(bytes: &[u8], mut each: impl FnMut(Result<Document, ReadError>)) {
    let mut count = 0;
    let split_error = split::split_each(bytes, |chunk| {
        let index = count;
        let at = |(message, line, col): (String, usize, usize)| ReadError {
            doc: index,
            message,
            line: line + chunk.first_line - 1,
            col,
        };
        match read_chunk(&chunk.bytes) {
            Ok(None) => {}
            Ok(Some(value)) => {
                count += 1;
                each(Ok(Document {
                    index,
                    line: chunk.first_line,
                    value: shift(value, chunk.first_line - 1),
                }));
            }
            Err(e) => {
                count += 1;
                each(Err(at(e)));
            }
        }
    });
    if let Some((message, line)) = split_error {
        each(Err(ReadError {
            doc: count,
            message,
            line,
            col: 1,
        }));
    }
}

/// Decodes one chunk; `None` when it decodes to null (kubectl skips it).
fn read_chunk(bytes: &[u8]) -> Result<Option<Node>, decode::ChunkError> {
    let text = check_chars(bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match decode::decode_chunk(text)? {
        None => Ok(None),
        Some(Node {
            value: Value::Null, ..
        }) => Ok(None),
        Some(node) => Ok(Some(node)),
    }
}

/// UTF-8 and the characters libyaml's reader accepts (go-yaml's `yaml_parser_update_buffer`).
fn check_chars(bytes: &[u8]) -> Result<&str, decode::ChunkError> {
    let position = |upto: &[u8]| {
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = upto.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let col = String::from_utf8_lossy(&upto[start..]).chars().count() + 1;
        (line, col)
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            let (line, col) = position(&bytes[..at]);
            let lead = bytes[at];
            let message = if e.error_len().is_none() {
                "incomplete UTF-8 octet sequence"
            } else if (0xC2..=0xF4).contains(&lead) {
                "invalid trailing UTF-8 octet"
            } else {
                "invalid leading UTF-8 octet"
            };
            return Err((message.to_string(), line, col));
        }
    };
    for (i, c) in text.char_indices() {
        if c == '\r' {
            // The splitter took off every `\r` before a `\n`: this one stands alone, a line
            // break for libyaml (old Mac files) and not always for saphyr-parser.
            let (line, col) = position(&bytes[..i]);
            return Err((
                "a carriage return without a line feed is a line break for Kubernetes' YAML parser and \
                 kvol-read does not read it as one: use LF or CRLF line ends"
                    .to_string(),
                line,
                col,
            ));
        }
        if matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') {
            // YAML 1.1 line breaks: libyaml breaks lines there (also inside quotes and
            // comments), YAML 1.2 parsers do not. Refused rather than read differently.
            let (line, col) = position(&bytes[..i]);
            return Err((
                format!(
                    "U+{:04X} is a line break for Kubernetes' YAML parser and kvol-read does not read it as one: \
                     write it as an escape (\\u{:04x}) in a double-quoted string",
                    c as u32, c as u32
                ),
                line,
                col,
            ));
        }
        let ok = matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..);
        if !ok {
            let (line, col) = position(&bytes[..i]);
            return Err(("control characters are not allowed".to_string(), line, col));
        }
    }
    Ok(text)
}

/// Moves every position of `node` down by `lines` (chunk lines to stream lines).
fn shift(mut node: Node, lines: usize) -> Node {
    if lines == 0 {
        return node;
    }
    fn walk(node: &mut Node, lines: usize) {
        node.line += lines;
        match &mut node.value {
            Value::Seq(items) => items.iter_mut().for_each(|n| walk(n, lines)),
            Value::Map(entries) => {
                for (k, v) in entries {
                    k.line += lines;
                    walk(v, lines);
                }
            }
            _ => {}
        }
    }
    walk(&mut node, lines);
    node
}

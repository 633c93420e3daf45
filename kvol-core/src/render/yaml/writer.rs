//! The YAML [`Sink`]: writes block-style YAML straight into a `String`, no tree in between.
//!
//! Layout (as `kubectl get -o yaml`): two-space indentation; a sequence that is a mapping value
//! starts at its key's column (`key:\n- a`); a mapping or sequence that is a sequence item starts
//! on the dash line (`- name: x\n  image: y`, `- - a`); empty collections are `{}` / `[]`.
//!
//! Every scalar ends its line with `\n`. A collection does not know whether it is empty until its
//! first entry arrives, so the text that introduces it is written lazily by that first entry
//! ([`Frame`]'s `started`) and `{}` / `[]` by its end when nothing came.

use super::error::{Segment, YamlError, YamlErrorKind};
use super::scalar::{indent, write_float, write_i64, write_str_scalar, write_u64};
use crate::render::emit::{Emit, Failure, Sink};

/// Longest key (in bytes as written) that is written as an implicit key `key: value`. YAML limits
/// implicit keys to 1024 characters (PyYAML and libyaml enforce it); longer keys are written
/// explicitly: `? key` then `: value` on the next line.
const MAX_IMPLICIT_KEY: usize = 1000;

/// Where the next value goes.
#[derive(Clone, Copy)]
enum Ctx {
    /// The document root, at column 0 of an empty line.
    Top,
    /// A mapping value: the cursor is just after the `:` of a key at column `col`.
    Value { col: usize },
    /// A sequence item: the cursor is just after the `- ` of a dash at column `col`.
    Item { col: usize },
}

/// A mapping or sequence being written.
struct Frame {
    /// Column of this collection's keys or dashes.
    col: usize,
    is_map: bool,
    /// Whether an entry has been written.
    started: bool,
    /// The first entry goes on a new line (the collection is a mapping value); otherwise the
    /// cursor already stands at `col` (document root, or right after a `- `).
    newline_first: bool,
    /// The collection is a mapping value (an empty one is written ` {}` after the `:`).
    in_value: bool,
    /// Elements started so far (a sequence's index for error paths is `index - 1`).
    index: usize,
    /// Byte range in `out` of the last key written (for error paths).
    key_start: usize,
    key_end: usize,
    /// Whether the value of an entry is being written (error paths name the entry).
    in_entry: bool,
}

/// Writes one value into `out`.
pub(crate) fn emit_into<T: Emit + ?Sized>(out: &mut String, value: &T) -> Result<(), YamlError> {
    let mut writer = YamlWriter::new(out);
    value.emit(&mut writer);
    writer.finish()
}

/// The YAML writer of one document.
pub(crate) struct YamlWriter<'a> {
    out: &'a mut String,
    stack: Vec<Frame>,
    ctx: Ctx,
    error: Option<YamlError>,
}

impl<'a> YamlWriter<'a> {
    pub(crate) fn new(out: &'a mut String) -> Self {
        YamlWriter {
            out,
            // Deep enough for every Kubernetes document kvol writes (a StatefulSet's claim
            // templates sit at depth 8), so the stack is allocated once per document.
            stack: Vec::with_capacity(16),
            ctx: Ctx::Top,
            error: None,
        }
    }

    /// The first failure, if any.
    pub(crate) fn finish(self) -> Result<(), YamlError> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Writes a scalar's text (`write` appends it) on the current line.
    #[inline]
    fn scalar(&mut self, write: impl FnOnce(&mut String)) {
        if self.error.is_some() {
            return;
        }
        if let Ctx::Value { .. } = self.ctx {
            self.out.push(' ');
        }
        write(self.out);
        self.out.push('\n');
        self.value_done();
    }

    /// The value of the innermost entry is complete.
    #[inline]
    fn value_done(&mut self) {
        if let Some(frame) = self.stack.last_mut() {
            frame.in_entry = false;
        }
    }

    fn begin(&mut self, is_map: bool) {
        if self.error.is_some() {
            return;
        }
        let (col, newline_first, in_value) = match self.ctx {
            Ctx::Top => (0, false, false),
            Ctx::Value { col } => (if is_map { col + 2 } else { col }, true, true),
            Ctx::Item { col } => (col + 2, false, false),
        };
        self.stack.push(Frame {
            col,
            is_map,
            started: false,
            newline_first,
            in_value,
            index: 0,
            key_start: 0,
            key_end: 0,
            in_entry: false,
        });
    }

    fn end(&mut self) {
        if self.error.is_some() {
            return;
        }
        if let Some(frame) = self.stack.pop()
            && !frame.started
        {
            if frame.in_value {
                self.out.push(' ');
            }
            self.out
                .push_str(if frame.is_map { "{}\n" } else { "[]\n" });
        }
        self.value_done();
    }

    /// Writes what comes before an entry of the innermost collection: the lazy opening for the
    /// first entry, else the indentation. Returns the collection, now inside an entry.
    #[inline]
    fn entry_start(&mut self) -> Option<&mut Frame> {
        let frame = self.stack.last_mut()?;
        if frame.started {
            indent(self.out, frame.col);
        } else {
            frame.started = true;
            if frame.newline_first {
                self.out.push('\n');
                indent(self.out, frame.col);
            }
        }
        frame.in_entry = true;
        Some(frame)
    }

    /// Where the writer stands, outermost first (for error paths).
    fn path(&self) -> Vec<Segment> {
        self.stack
            .iter()
            .filter(|frame| frame.in_entry)
            .map(|frame| {
                if frame.is_map {
                    let key = self.out.get(frame.key_start..frame.key_end).unwrap_or("");
                    Segment::Key(key.to_owned())
                } else {
                    Segment::Index(frame.index.saturating_sub(1))
                }
            })
            .collect()
    }
}

impl Sink for YamlWriter<'_> {
    fn null(&mut self) {
        self.scalar(|out| out.push_str("null"));
    }
    fn bool(&mut self, v: bool) {
        self.scalar(|out| out.push_str(if v { "true" } else { "false" }));
    }
    fn i64(&mut self, v: i64) {
        self.scalar(|out| write_i64(out, v));
    }
    fn u64(&mut self, v: u64) {
        self.scalar(|out| write_u64(out, v));
    }
    fn f64(&mut self, v: f64) {
        self.scalar(|out| write_float(out, v, v.is_nan(), v.is_infinite(), v.is_sign_negative()));
    }
    fn str(&mut self, v: &str) {
        self.scalar(|out| write_str_scalar(out, v));
    }
    fn wide_int(&mut self, _digits: &str) {
        self.fail(Failure::IntegerOutOfRange);
    }
    fn begin_seq(&mut self) {
        self.begin(false);
    }
    fn item(&mut self) {
        if self.error.is_some() {
            return;
        }
        if let Some(frame) = self.entry_start() {
            frame.index += 1;
            let col = frame.col;
            self.out.push_str("- ");
            self.ctx = Ctx::Item { col };
        }
    }
    fn end_seq(&mut self) {
        self.end();
    }
    fn begin_map(&mut self) {
        self.begin(true);
    }
    fn key(&mut self, key: &str) {
        if self.error.is_some() {
            return;
        }
        let Some(col) = self.entry_start().map(|frame| frame.col) else {
            return;
        };
        let start = self.out.len();
        write_str_scalar(self.out, key);
        let (key_start, key_end) = if self.out.len() - start > MAX_IMPLICIT_KEY {
            self.out.insert_str(start, "? ");
            let end = self.out.len();
            self.out.push('\n');
            indent(self.out, col);
            (start + 2, end)
        } else {
            (start, self.out.len())
        };
        self.out.push(':');
        if let Some(frame) = self.stack.last_mut() {
            frame.key_start = key_start;
            frame.key_end = key_end;
        }
        self.ctx = Ctx::Value { col };
    }
    fn end_map(&mut self) {
        self.end();
    }
    fn fail(&mut self, failure: Failure) {
        if self.error.is_some() {
            return;
        }
        let kind = match failure {
            Failure::NonStringKey(found) => YamlErrorKind::NonStringKey(found),
            Failure::IntegerOutOfRange => YamlErrorKind::IntegerOutOfRange,
            Failure::Custom(msg) => YamlErrorKind::Custom(msg),
        };
        self.error = Some(YamlError::at(kind, self.path()));
    }
}

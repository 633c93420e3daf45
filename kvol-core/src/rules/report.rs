//! Problems found by validation: errors (the API server would reject the object) and warnings
//! (it would accept it, but something is probably wrong), each with its field path.

use crate::legacy::LegacyPlugin;
use std::{borrow::Cow, fmt};

/// A field path such as `spec.volumeClaimTemplates[0].spec.resources.requests.storage`.
///
/// Validation builds the path of every field it visits, errors or not, so paths are made to be
/// cheap: up to 62 bytes (nearly every path of a single object) are kept inline, without
/// an allocation; longer ones on the heap. Besides its text, a path remembers where each of
/// its segments starts, so [`FieldPath::segments`] gives them back exactly, even for map keys
/// that contain `.`, `[` or `]` (`metadata.labels[a.b]` is the field `labels` and the key
/// `a.b`, never re-parsed from the text).
///
/// Two paths are equal (and hash the same) when they print the same.
///
/// ```
/// use kvol_core::report::{FieldPath, Segment};
///
/// let path = FieldPath::root().child("metadata").child("labels").key("example.com/a[1]");
/// assert_eq!(path.as_str(), "metadata.labels[example.com/a[1]]");
/// let segments: Vec<Segment<'_>> = path.segments().collect();
/// assert_eq!(
///     segments,
///     [Segment::Field("metadata"), Segment::Field("labels"), Segment::Key("example.com/a[1]")]
/// );
/// assert_eq!(path.last(), Some(Segment::Key("example.com/a[1]")));
/// assert_eq!(path.parent().map(|p| p.to_string()).as_deref(), Some("metadata.labels"));
/// assert_eq!(segments.into_iter().collect::<FieldPath>(), path);
/// ```
#[derive(Clone)]
pub struct FieldPath(Repr);

/// Longest path kept inline.
const INLINE: usize = 62;

/// The text of a path and its segment marks: inline exactly when it is at most [`INLINE`]
/// bytes long.
///
/// A segment starts at the byte offset of its `.` (or at 0 for a first field) or of its `[`;
/// bit `i` of `starts` is set when a segment starts at offset `i`, and the same bit of `keys`
/// when that segment is a map key (`[key]`) rather than an index (`[3]`).
#[derive(Clone)]
enum Repr {
    /// `buf[..len]` is the path (valid UTF-8: only whole `&str`s are copied in).
    Inline {
        len: u8,
        /// The first segment is a field (at offset 0, without a `.`).
        lead_field: bool,
        buf: [u8; INLINE],
        starts: u64,
        keys: u64,
    },
    /// A longer path, in one allocation: `data[..len]` is the text (valid UTF-8), then two
    /// bits per byte of text: bit `2 * (i % 4)` of `data[len + i / 4]` is set when a segment
    /// starts at offset `i`, the next bit when that segment is a map key.
    Heap {
        len: usize,
        lead_field: bool,
        data: Box<[u8]>,
    },
}

/// Where the segments of a path start, and which are map keys.
#[derive(Debug, Clone, Copy)]
enum Marks<'a> {
    /// Bit `i`: offset `i` (inline paths, at most 62 bytes).
    Words { starts: u64, keys: u64 },
    /// Two bits per offset, four offsets per byte (heap paths).
    Packed(&'a [u8]),
}

impl Marks<'_> {
    /// (a segment starts at `i`, it is a map key).
    fn at(self, i: usize) -> (bool, bool) {
        match self {
            Marks::Words { starts, keys } if i < 64 => {
                ((starts >> i) & 1 == 1, (keys >> i) & 1 == 1)
            }
            Marks::Words { .. } => (false, false),
            Marks::Packed(bytes) => {
                let b = bytes.get(i / 4).copied().unwrap_or(0) >> (2 * (i % 4));
                (b & 1 == 1, b & 2 == 2)
            }
        }
    }
}

/// One segment of a [`FieldPath`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Segment<'a> {
    /// A field, `.name` (or `name` first).
    Field(&'a str),
    /// A list element, `[3]`.
    Index(usize),
    /// A map entry, `[key]` (the key as is: it may contain `.`, `[` or `]`).
    Key(&'a str),
}

/// What kind of segment [`FieldPath::extended`] adds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Field,
    Index,
    Key,
}

impl FieldPath {
    /// The empty path (the object itself).
    pub fn root() -> Self {
        FieldPath(Repr::Inline {
            len: 0,
            lead_field: false,
            buf: [0; INLINE],
            starts: 0,
            keys: 0,
        })
    }
    /// `self.name`.
    pub fn child(&self, name: &str) -> Self {
        if self.bytes().is_empty() {
            self.extended(Mark::Field, &[name])
        } else {
            self.extended(Mark::Field, &[".", name])
        }
    }
    /// `self[index]`.
    pub fn index(&self, index: usize) -> Self {
        let mut buf = [0u8; 20];
        self.extended(Mark::Index, &["[", decimal(index, &mut buf), "]"])
    }
    /// `self.name` where `name` is the concatenation of `parts` (at most 11), without building
    /// `name` first. It is one field segment.
    pub(crate) fn child_concat(&self, parts: &[&str]) -> Self {
        let mut all = [""; 12];
        all[0] = if self.bytes().is_empty() { "" } else { "." };
        let n = parts.len().min(all.len() - 1);
        for (slot, part) in all[1..].iter_mut().zip(parts) {
            *slot = part;
        }
        self.extended(Mark::Field, &all[..=n])
    }
    /// `self[key]` (map entries, e.g. `metadata.labels[app]`).
    pub fn key(&self, key: &str) -> Self {
        self.extended(Mark::Key, &["[", key, "]"])
    }
    /// `self` followed by `segment`.
    pub fn with(&self, segment: Segment<'_>) -> Self {
        match segment {
            Segment::Field(name) => self.child(name),
            Segment::Index(i) => self.index(i),
            Segment::Key(key) => self.key(key),
        }
    }
    /// `self` followed by every segment of `rest` (`rest` made relative to `self`).
    pub fn join(&self, rest: &FieldPath) -> Self {
        rest.segments().fold(self.clone(), |path, s| path.with(s))
    }
    /// The path built from `segments`, in order.
    pub fn from_segments<'a>(segments: impl IntoIterator<Item = Segment<'a>>) -> Self {
        segments
            .into_iter()
            .fold(FieldPath::root(), |path, s| path.with(s))
    }
    /// The segments, first to last (none for the root).
    pub fn segments(&self) -> Segments<'_> {
        let (lead_field, marks) = match &self.0 {
            Repr::Inline {
                lead_field,
                starts,
                keys,
                ..
            } => (
                *lead_field,
                Marks::Words {
                    starts: *starts,
                    keys: *keys,
                },
            ),
            Repr::Heap {
                len,
                lead_field,
                data,
            } => (*lead_field, Marks::Packed(data.get(*len..).unwrap_or(&[]))),
        };
        Segments {
            text: self.as_str(),
            lead_field,
            marks,
            pos: 0,
        }
    }
    /// The last segment (`None` for the root).
    pub fn last(&self) -> Option<Segment<'_>> {
        self.segments().last()
    }
    /// The path without its last segment (`None` for the root).
    pub fn parent(&self) -> Option<FieldPath> {
        let n = self.segments().count();
        (n > 0).then(|| FieldPath::from_segments(self.segments().take(n - 1)))
    }
    /// True for the root (the empty path).
    pub fn is_root(&self) -> bool {
        self.bytes().is_empty()
    }
    /// `self` followed by `parts` (a segment of kind `mark`, starting at the end of `self`):
    /// inline when it fits, else in one allocation of the exact size.
    fn extended(&self, mark: Mark, parts: &[&str]) -> Self {
        let base = self.bytes();
        let start = base.len();
        let len = start + parts.iter().map(|p| p.len()).sum::<usize>();
        if len == 0 {
            // An empty field name at the root: no text, no segment.
            return self.clone();
        }
        let lead = start == 0 && mark == Mark::Field;
        // A path that fits has an inline parent (a parent is shorter than its children).
        if let Repr::Inline {
            buf,
            starts,
            keys,
            lead_field,
            ..
        } = &self.0
            && len <= INLINE
        {
            // The parent's buffer is copied whole (a fixed-size copy the compiler inlines).
            let mut buf = *buf;
            let mut at = start;
            for p in parts {
                buf[at..at + p.len()].copy_from_slice(p.as_bytes());
                at += p.len();
            }
            // `start < len <= INLINE < 64`, or `start == 0`.
            let flag = 1u64 << (start % 64);
            FieldPath(Repr::Inline {
                len: len as u8,
                lead_field: *lead_field || lead,
                buf,
                starts: starts | flag,
                keys: if mark == Mark::Key {
                    keys | flag
                } else {
                    *keys
                },
            })
        } else {
            // Text, then the marks: the parent's, and this segment's.
            let mut data = Vec::with_capacity(len + len.div_ceil(4));
            data.extend_from_slice(base);
            for p in parts {
                data.extend_from_slice(p.as_bytes());
            }
            data.resize(len + len.div_ceil(4), 0);
            let (marks, lead_field) = match &self.0 {
                Repr::Inline {
                    starts,
                    keys,
                    lead_field,
                    ..
                } => (
                    Marks::Words {
                        starts: *starts,
                        keys: *keys,
                    },
                    *lead_field || lead,
                ),
                Repr::Heap {
                    len: base_len,
                    lead_field,
                    data,
                } => (
                    Marks::Packed(data.get(*base_len..).unwrap_or(&[])),
                    *lead_field,
                ),
            };
            let packed = &mut data[len..];
            fn put(packed: &mut [u8], i: usize, bits: u8) {
                if let Some(b) = packed.get_mut(i / 4) {
                    *b |= bits << (2 * (i % 4));
                }
            }
            match marks {
                // Same layout: the parent's marks are copied whole.
                Marks::Packed(src) => {
                    for (d, s) in packed.iter_mut().zip(src) {
                        *d = *s;
                    }
                }
                Marks::Words { .. } => {
                    for i in 0..start {
                        let (s, k) = marks.at(i);
                        put(packed, i, u8::from(s) | (u8::from(k) << 1));
                    }
                }
            }
            put(packed, start, 1 | (u8::from(mark == Mark::Key) << 1));
            FieldPath(Repr::Heap {
                len,
                lead_field,
                data: data.into_boxed_slice(),
            })
        }
    }
    /// The path as bytes (no UTF-8 check).
    fn bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline { len, buf, .. } => &buf[..usize::from(*len)],
            Repr::Heap { len, data, .. } => data.get(..*len).unwrap_or(&[]),
        }
    }
    /// The path as text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Always valid: the bytes were copied from `&str`s, whole.
            Repr::Inline { len, buf, .. } => {
                std::str::from_utf8(&buf[..usize::from(*len)]).unwrap_or("")
            }
            Repr::Heap { len, data, .. } => {
                std::str::from_utf8(data.get(..*len).unwrap_or(&[])).unwrap_or("")
            }
        }
    }
}

/// The segments of a [`FieldPath`], from [`FieldPath::segments`].
#[derive(Debug, Clone)]
pub struct Segments<'a> {
    text: &'a str,
    lead_field: bool,
    marks: Marks<'a>,
    /// Where to look for the next segment start.
    pos: usize,
}

impl<'a> Iterator for Segments<'a> {
    type Item = Segment<'a>;

    fn next(&mut self) -> Option<Segment<'a>> {
        let len = self.text.len();
        let start = (self.pos..len).find(|&i| self.marks.at(i).0)?;
        let end = (start + 1..len)
            .find(|&i| self.marks.at(i).0)
            .unwrap_or(len);
        self.pos = end;
        let b = self.text.as_bytes();
        // Every boundary is at an ASCII byte (`.`, `[`, `]`), so the slices are on characters.
        let inner = |from: usize, to: usize| self.text.get(from..to).unwrap_or("");
        Some(if start == 0 && self.lead_field {
            Segment::Field(inner(0, end))
        } else if b.get(start) == Some(&b'[') {
            let content = inner(start + 1, end.saturating_sub(1).max(start + 1));
            if self.marks.at(start).1 {
                Segment::Key(content)
            } else {
                Segment::Index(content.parse().unwrap_or_default())
            }
        } else {
            Segment::Field(inner(start + 1, end))
        })
    }
}

impl<'a> FromIterator<Segment<'a>> for FieldPath {
    fn from_iter<I: IntoIterator<Item = Segment<'a>>>(iter: I) -> Self {
        FieldPath::from_segments(iter)
    }
}

/// `n` in decimal, written at the end of `buf`.
pub(crate) fn decimal(mut n: usize, buf: &mut [u8; 20]) -> &str {
    let mut start = buf.len();
    loop {
        start -= 1;
        buf[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[start..]).unwrap_or_default()
}

impl Default for FieldPath {
    fn default() -> Self {
        FieldPath::root()
    }
}

impl PartialEq for FieldPath {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for FieldPath {}

impl std::hash::Hash for FieldPath {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("FieldPath").field(&self.as_str()).finish()
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kind of an error, as apimachinery's `field.ErrorType` prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// `Required value`.
    Required,
    /// `Invalid value`.
    Invalid,
    /// `Unsupported value`.
    NotSupported,
    /// `Forbidden`.
    Forbidden,
    /// `Duplicate value`.
    Duplicate,
    /// `Not found`.
    NotFound,
    /// `Too long`.
    TooLong,
    /// `Too many`.
    TooMany,
}

impl ErrorKind {
    /// The API server's wording.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Required => "Required value",
            ErrorKind::Invalid => "Invalid value",
            ErrorKind::NotSupported => "Unsupported value",
            ErrorKind::Forbidden => "Forbidden",
            ErrorKind::Duplicate => "Duplicate value",
            ErrorKind::NotFound => "Not found",
            ErrorKind::TooLong => "Too long",
            ErrorKind::TooMany => "Too many",
        }
    }
}

/// Whose rule or warning it is: the API server's (its create path rejects the object, or warns
/// about it, itself) or kvol's own (the API server accepts the object as written; kvol reports
/// it because something would fail later, which [`RuleId::why`] says).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// The Kubernetes API server: its validation rejects the object on create, or its
    /// `WarningsOnCreate` gives the warning.
    ApiServer,
    /// kvol itself: the API server accepts the object as written, but it would not work as
    /// meant (a controller, the scheduler or the kubelet fails later, or data is lost).
    Kvol,
}

impl Source {
    /// A stable lower-case id: `apiserver` or `kvol` (the `source` column of
    /// `kvol-core/tests/data/rule-coverage.tsv`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Source::ApiServer => "apiserver",
            Source::Kvol => "kvol",
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The id of a rule of `k8s-rules.md`, as listed in `kvol-core/tests/data/rule-coverage.tsv`:
/// `<section>/<short name>`, e.g. `2/dns1123-label-length` or `7/local-node-affinity-required`
/// (rules kvol adds on top of the API server have `kvol-` in the short name). The constants are
/// in [`crate::rules::ids`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleId(&'static str);

impl RuleId {
    /// A rule id (only the constants of [`crate::rules::ids`] are made with it).
    pub(crate) const fn new(id: &'static str) -> Self {
        RuleId(id)
    }
    /// The id, e.g. `2/dns1123-label-length`.
    pub const fn as_str(self) -> &'static str {
        self.0
    }
    /// The `k8s-rules.md` section, e.g. `2` or `11.1`.
    pub fn section(self) -> &'static str {
        self.0.split_once('/').map_or("", |(s, _)| s)
    }
    /// What the rule means, in Kubernetes' terms, when kvol has a help text for it (the
    /// [`FieldError::help`] of its errors).
    pub fn help(self) -> Option<&'static str> {
        crate::rules::help::of(self)
    }
    /// Whose rule it is: [`Source::Kvol`] for the rules kvol adds on top of the API server
    /// (`kvol-` in their short name, the PersistentVolume controller's binding rules of §16, and
    /// a few warnings the API server does not give), [`Source::ApiServer`] for the others.
    pub fn source(self) -> Source {
        crate::rules::ids::source_of(self.0)
    }
    /// For kvol's own rules ([`Source::Kvol`]), why kvol checks what the API server accepts:
    /// what would fail later, and where (e.g. "the StatefulSet controller cannot create the
    /// pods: …"). `None` for the API server's rules.
    pub fn why(self) -> Option<&'static str> {
        crate::rules::ids::why_of(self.0)
    }
    /// The id with the given text, if it is one of [`crate::rules::ids::ALL`].
    pub fn from_id(id: &str) -> Option<Self> {
        crate::rules::ids::ALL.iter().copied().find(|r| r.0 == id)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// One validation error, printed like the API server: `path: Kind: "value": detail`.
///
/// Besides what is printed, it says which rule it breaks ([`FieldError::rule`]), for a field
/// that must have some format which part of the format failed ([`FieldError::cause`]), and may
/// carry a help text ([`FieldError::help`]) explaining the rule in Kubernetes' terms.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldError {
    /// Where the problem is.
    pub path: FieldPath,
    /// What kind of problem.
    pub kind: ErrorKind,
    /// The bad value, already quoted the way the API server prints it (`"x"`, `80`).
    pub value: Option<String>,
    /// The explanation.
    pub detail: String,
    /// The index of the object this error is about, when it comes from validating a
    /// [`Manifests`](crate::Manifests) set (`Some(i)` for `objects()[i]`, also when a
    /// cross-object check reports it); `None` for a lone object or the set itself.
    pub object: Option<usize>,
    /// The rule broken (a constant of [`crate::rules::ids`]): the field's own rule, e.g.
    /// `11.1/name-format` for a StatefulSet name.
    pub rule: RuleId,
    /// The more specific rule behind [`FieldError::rule`], when there is one: the part of a
    /// name format that failed (`2/dns1123-label-dots` behind `11.1/name-format`), or the
    /// check that made the closest PersistentVolume refuse a claim (`16/capacity`).
    pub cause: Option<RuleId>,
    /// What the rule means, in Kubernetes' terms (no DSL or builder syntax), when there is
    /// more to say than the detail: set from [`RuleId::help`] of the rule (or of the cause)
    /// when the error is made.
    pub help: Option<Cow<'static, str>>,
}

impl FieldError {
    /// An error of any kind, printed `path: Kind: value: detail`; `value` is printed as is.
    pub fn new(
        rule: RuleId,
        path: FieldPath,
        kind: ErrorKind,
        value: Option<String>,
        detail: impl Into<String>,
    ) -> Self {
        FieldError {
            path,
            kind,
            value,
            detail: detail.into(),
            object: None,
            rule,
            cause: None,
            help: rule.help().map(Cow::Borrowed),
        }
    }
    /// `Required value`.
    pub fn required(rule: RuleId, path: FieldPath, detail: impl Into<String>) -> Self {
        FieldError::new(rule, path, ErrorKind::Required, None, detail)
    }
    /// `Invalid value: "v": detail` for a string value.
    pub fn invalid(rule: RuleId, path: FieldPath, value: &str, detail: impl Into<String>) -> Self {
        FieldError::new(rule, path, ErrorKind::Invalid, Some(quote(value)), detail)
    }
    /// `Invalid value: 5: detail` for a number.
    pub fn invalid_number(
        rule: RuleId,
        path: FieldPath,
        value: i64,
        detail: impl Into<String>,
    ) -> Self {
        let value = Some(value.to_string());
        FieldError::new(rule, path, ErrorKind::Invalid, value, detail)
    }
    /// `Unsupported value: "v": supported values: "a", "b"`.
    pub fn not_supported(rule: RuleId, path: FieldPath, value: &str, supported: &[&str]) -> Self {
        let list: Vec<String> = supported.iter().map(|s| quote(s)).collect();
        let detail = format!("supported values: {}", list.join(", "));
        FieldError::new(
            rule,
            path,
            ErrorKind::NotSupported,
            Some(quote(value)),
            detail,
        )
    }
    /// `Forbidden: detail`.
    pub fn forbidden(rule: RuleId, path: FieldPath, detail: impl Into<String>) -> Self {
        FieldError::new(rule, path, ErrorKind::Forbidden, None, detail)
    }
    /// `Duplicate value: "v"`.
    pub fn duplicate(rule: RuleId, path: FieldPath, value: &str) -> Self {
        FieldError::new(rule, path, ErrorKind::Duplicate, Some(quote(value)), "")
    }
    /// `Not found: "v"`.
    pub fn not_found(rule: RuleId, path: FieldPath, value: &str) -> Self {
        FieldError::new(rule, path, ErrorKind::NotFound, Some(quote(value)), "")
    }
    /// `Too long: may not be more than N bytes`.
    pub fn too_long(rule: RuleId, path: FieldPath, max: usize) -> Self {
        let detail = format!("may not be more than {max} bytes");
        FieldError::new(rule, path, ErrorKind::TooLong, None, detail)
    }
    /// The same error with [`FieldError::cause`] set (and the cause's help, when the error
    /// has none).
    pub fn with_cause(mut self, cause: RuleId) -> Self {
        self.cause = Some(cause);
        if self.help.is_none() {
            self.help = cause.help().map(Cow::Borrowed);
        }
        self
    }
    /// The same error with a help text (replacing any).
    pub fn with_help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        self.help = Some(help.into());
        self
    }
    /// The same error with a help text, unless it has one already.
    pub fn or_help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        if self.help.is_none() {
            self.help = Some(help.into());
        }
        self
    }
    /// True when `rule` is this error's rule or its cause.
    pub fn breaks(&self, rule: RuleId) -> bool {
        self.rule == rule || self.cause == Some(rule)
    }
    /// Whose rule the error breaks: the [`RuleId::source`] of [`FieldError::rule`]. The
    /// error's text ([`Display`](fmt::Display)) is the same either way.
    pub fn source(&self) -> Source {
        self.rule.source()
    }
    /// What makes two errors the same problem: path, kind and rule (not the wording).
    pub fn identity(&self) -> (&FieldPath, ErrorKind, RuleId) {
        (&self.path, self.kind, self.rule)
    }
}

/// Quotes a string the way Go's `%q` does for printable text.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind.as_str())?;
        if let Some(v) = &self.value {
            write!(f, ": {v}")?;
        }
        if !self.detail.is_empty() {
            write!(f, ": {}", self.detail)?;
        }
        Ok(())
    }
}

/// What a [`Warning`] is about: one variant per kind of warning kvol-core gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WarningCode {
    /// A PersistentVolume source of an in-tree plugin that the target release still ships,
    /// deprecated.
    LegacyPluginDeprecated(LegacyPlugin),
    /// A PersistentVolume source of an in-tree plugin removed in the target release (it only
    /// works through CSI migration, or not at all).
    LegacyPluginRemoved(LegacyPlugin),
    /// A StorageClass provisioner of an in-tree plugin (`kubernetes.io/gce-pd`, …).
    InTreeProvisioner(LegacyPlugin),
    /// `persistentVolumeReclaimPolicy: Recycle`, deprecated.
    RecycleReclaimPolicy,
    /// The beta annotation `volume.beta.kubernetes.io/storage-class`, deprecated.
    BetaStorageClassAnnotation,
    /// A storage size with a fractional number of bytes.
    FractionalBytes,
    /// A deprecated node label (`beta.kubernetes.io/os`, `failure-domain.beta…/zone`, …) in a
    /// node selector, a PV's node affinity or a StorageClass's allowed topologies.
    DeprecatedNodeLabel,
    /// A hostPath (pod volume or PV) without a `type`: the path is not checked.
    HostPathWithoutType,
    /// A negative `terminationGracePeriodSeconds` (treated as 1).
    NegativeGracePeriod,
    /// `terminationGracePeriodSeconds: 0` in a StatefulSet's pod template.
    StatefulSetGraceZero,
    /// The same container port (number and protocol) twice in a pod.
    DuplicateContainerPort,
    /// An environment variable defined again in the same container, hiding the first.
    DuplicateEnvVar,
    /// A Pod name that is not a DNS-1123 label: it becomes the Pod's hostname.
    PodNameNotDnsLabel,
    /// A StatefulSet name too long for its pods' `controller-revision-hash` label.
    LongStatefulSetName,
    /// The default-class annotation with a value other than `true` or `false`.
    DefaultClassAnnotationValue,
    /// Several default StorageClasses in a set (or declared).
    SeveralDefaultClasses,
    /// A Service given twice in a set, identical (it is written twice).
    DuplicateService,
    /// A PersistentVolume reserved (`claimRef`) for a claim that is neither in the set nor
    /// declared external.
    ClaimRefUnknownClaim,
    /// A PersistentVolume and a claim pre-bound to each other that would not match: the PV
    /// controller binds them without checking.
    MutualPreBindingMismatch,
    /// A PersistentVolume reserved for a claim of the set that binds another volume or none.
    ReservedVolumeUnused,
    /// A local PersistentVolume bound through a class that binds immediately (not
    /// `WaitForFirstConsumer`).
    LocalVolumeImmediateBinding,
    /// A Service whose selector matches no Pod or pod template of the set.
    ServiceSelectsNoPods,
    /// A VolumeAttributesClass in an API version the target release does not serve by default.
    AttributesClassNotServed,
    /// A ReadWriteOnce claim mounted by several replicas, by a Deployment that rolls out
    /// with old and new pods side by side, or by a DaemonSet (a pod on every node).
    SharedReadWriteOnceClaim,
    /// A PodDisruptionBudget that selects no pod of the set.
    PdbSelectsNoPods,
    /// A PodDisruptionBudget that allows no eviction of the pods it covers.
    PdbBlocksDrain,
    /// A StatefulSet pod volume without a source (an `emptyDir` without medium or size limit)
    /// named like a claim template: the StatefulSet controller replaces it with the claim.
    ClaimTemplatePlaceholderVolume,
}

impl WarningCode {
    /// A stable kebab-case id, e.g. `legacy-plugin-removed` or `recycle-reclaim-policy` (the
    /// plugin of the plugin variants is not part of it).
    pub fn as_str(self) -> &'static str {
        match self {
            WarningCode::LegacyPluginDeprecated(_) => "legacy-plugin-deprecated",
            WarningCode::LegacyPluginRemoved(_) => "legacy-plugin-removed",
            WarningCode::InTreeProvisioner(_) => "in-tree-provisioner",
            WarningCode::RecycleReclaimPolicy => "recycle-reclaim-policy",
            WarningCode::BetaStorageClassAnnotation => "beta-storage-class-annotation",
            WarningCode::FractionalBytes => "fractional-bytes",
            WarningCode::DeprecatedNodeLabel => "deprecated-node-label",
            WarningCode::HostPathWithoutType => "host-path-without-type",
            WarningCode::NegativeGracePeriod => "negative-grace-period",
            WarningCode::StatefulSetGraceZero => "statefulset-grace-zero",
            WarningCode::DuplicateContainerPort => "duplicate-container-port",
            WarningCode::DuplicateEnvVar => "duplicate-env-var",
            WarningCode::PodNameNotDnsLabel => "pod-name-not-dns-label",
            WarningCode::LongStatefulSetName => "long-statefulset-name",
            WarningCode::DefaultClassAnnotationValue => "default-class-annotation-value",
            WarningCode::SeveralDefaultClasses => "several-default-classes",
            WarningCode::DuplicateService => "duplicate-service",
            WarningCode::ClaimRefUnknownClaim => "claim-ref-unknown-claim",
            WarningCode::MutualPreBindingMismatch => "mutual-pre-binding-mismatch",
            WarningCode::ReservedVolumeUnused => "reserved-volume-unused",
            WarningCode::LocalVolumeImmediateBinding => "local-volume-immediate-binding",
            WarningCode::ServiceSelectsNoPods => "service-selects-no-pods",
            WarningCode::AttributesClassNotServed => "attributes-class-not-served",
            WarningCode::SharedReadWriteOnceClaim => "shared-read-write-once-claim",
            WarningCode::PdbSelectsNoPods => "pdb-selects-no-pods",
            WarningCode::PdbBlocksDrain => "pdb-blocks-drain",
            WarningCode::ClaimTemplatePlaceholderVolume => "claim-template-placeholder-volume",
        }
    }
    /// Whose warning it is: [`Source::ApiServer`] when the API server's `WarningsOnCreate` gives
    /// it (read from Kubernetes' `warningsForPodSpecAndMeta`,
    /// `warningsForPersistentVolumeSpecAndMeta`, `GetWarningsForPersistentVolumeClaim(Spec)` and
    /// `GetWarningsForStorageClass`), [`Source::Kvol`] for kvol's own advice. For the legacy
    /// plugins it depends on the plugin: the API server warns about `cephfs`, `rbd` and
    /// `glusterfs` volumes only. [`Warning::source`] refines this by where the warning is.
    pub fn source(self) -> Source {
        use LegacyPlugin::{Cephfs, Glusterfs, Rbd};
        match self {
            WarningCode::LegacyPluginDeprecated(Cephfs | Rbd | Glusterfs)
            | WarningCode::LegacyPluginRemoved(Cephfs | Rbd | Glusterfs)
            | WarningCode::RecycleReclaimPolicy
            | WarningCode::BetaStorageClassAnnotation
            | WarningCode::FractionalBytes
            | WarningCode::DeprecatedNodeLabel
            | WarningCode::NegativeGracePeriod
            | WarningCode::DuplicateContainerPort
            | WarningCode::DuplicateEnvVar
            | WarningCode::PodNameNotDnsLabel => Source::ApiServer,
            WarningCode::LegacyPluginDeprecated(_)
            | WarningCode::LegacyPluginRemoved(_)
            | WarningCode::InTreeProvisioner(_)
            | WarningCode::HostPathWithoutType
            | WarningCode::StatefulSetGraceZero
            | WarningCode::LongStatefulSetName
            | WarningCode::DefaultClassAnnotationValue
            | WarningCode::SeveralDefaultClasses
            | WarningCode::DuplicateService
            | WarningCode::ClaimRefUnknownClaim
            | WarningCode::MutualPreBindingMismatch
            | WarningCode::ReservedVolumeUnused
            | WarningCode::LocalVolumeImmediateBinding
            | WarningCode::ServiceSelectsNoPods => Source::Kvol,
            WarningCode::AttributesClassNotServed
            | WarningCode::SharedReadWriteOnceClaim
            | WarningCode::PdbSelectsNoPods
            | WarningCode::PdbBlocksDrain
            | WarningCode::ClaimTemplatePlaceholderVolume => Source::Kvol,
        }
    }
    /// The legacy plugin the warning is about, for the plugin variants.
    pub fn plugin(self) -> Option<LegacyPlugin> {
        match self {
            WarningCode::LegacyPluginDeprecated(p)
            | WarningCode::LegacyPluginRemoved(p)
            | WarningCode::InTreeProvisioner(p) => Some(p),
            _ => None,
        }
    }
}

impl fmt::Display for WarningCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A warning: the API server accepts the object, but it will not work as meant or uses
/// something deprecated. The message says what to write instead.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Warning {
    /// Where.
    pub path: FieldPath,
    /// What kind of warning.
    pub code: WarningCode,
    /// What is wrong and what to do instead. For the API server's own warnings, exactly its
    /// words.
    pub message: String,
    /// kvol's advice beside a warning whose message is the API server's (so the message stays
    /// the server's own words).
    pub help: Option<Cow<'static, str>>,
    /// The index of the object this warning is about, when it comes from validating a
    /// [`Manifests`](crate::Manifests) set (as [`FieldError::object`]).
    pub object: Option<usize>,
}

impl Warning {
    /// Whose warning it is: the code's [`WarningCode::source`], except where the API server
    /// gives that kind of warning elsewhere but not here: a fractional byte value in a
    /// PersistentVolume's `capacity` (the API server checks claims only) and the beta
    /// storage-class annotation on a StatefulSet's claim template (the API server checks only
    /// the templates' `spec`) are kvol's own.
    pub fn source(&self) -> Source {
        let under = |name: &str| self.path.segments().any(|s| s == Segment::Field(name));
        match self.code {
            WarningCode::FractionalBytes if under("capacity") => Source::Kvol,
            WarningCode::BetaStorageClassAnnotation if under("volumeClaimTemplates") => {
                Source::Kvol
            }
            code => code.source(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Everything validation found: every error and every warning, in document order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// What the API server would reject (or what cannot work across objects).
    pub errors: Vec<FieldError>,
    /// What it would accept but is probably wrong or deprecated.
    pub warnings: Vec<Warning>,
}

impl Report {
    /// True when there are no errors (warnings allowed).
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.errors.len() {
            0 => write!(f, "no errors")?,
            1 => write!(f, "1 error: {}", self.errors[0])?,
            n => {
                write!(f, "{n} errors:")?;
                for e in &self.errors {
                    write!(f, "\n  - {e}")?;
                }
            }
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

#[cfg(test)]
mod tests {
    use super::{FieldPath, Segment, Source, Warning, WarningCode};
    use crate::legacy::LegacyPlugin;

    /// Each code's source, with the API server function it was read from (Kubernetes
    /// `pkg/api/pod/warnings.go`, `pkg/api/persistentvolume/util.go`,
    /// `pkg/api/persistentvolumeclaim/util.go`, `pkg/api/storage/util.go`,
    /// `pkg/registry/apps/statefulset/strategy.go`).
    #[test]
    fn warning_sources_are_read_from_the_api_servers_warnings() {
        use Source::{ApiServer, Kvol};
        let table = [
            // warningsForPersistentVolumeSpecAndMeta
            (WarningCode::RecycleReclaimPolicy, ApiServer),
            (
                WarningCode::LegacyPluginDeprecated(LegacyPlugin::Cephfs),
                ApiServer,
            ),
            (
                WarningCode::LegacyPluginRemoved(LegacyPlugin::Rbd),
                ApiServer,
            ),
            (
                WarningCode::LegacyPluginRemoved(LegacyPlugin::Glusterfs),
                ApiServer,
            ),
            // ... and GetWarningsForPersistentVolumeClaim
            (WarningCode::BetaStorageClassAnnotation, ApiServer),
            // GetWarningsForPersistentVolumeClaimSpec
            (WarningCode::FractionalBytes, ApiServer),
            // warningsForPodSpecAndMeta, warningsForPersistentVolumeSpecAndMeta,
            // GetWarningsForStorageClass
            (WarningCode::DeprecatedNodeLabel, ApiServer),
            // warningsForPodSpecAndMeta
            (WarningCode::NegativeGracePeriod, ApiServer),
            (WarningCode::DuplicateContainerPort, ApiServer),
            (WarningCode::DuplicateEnvVar, ApiServer),
            (WarningCode::PodNameNotDnsLabel, ApiServer),
            // in none of them: kvol's own
            (
                WarningCode::LegacyPluginRemoved(LegacyPlugin::GcePersistentDisk),
                Kvol,
            ),
            (
                WarningCode::LegacyPluginDeprecated(LegacyPlugin::PortworxVolume),
                Kvol,
            ),
            (WarningCode::InTreeProvisioner(LegacyPlugin::Cephfs), Kvol),
            (WarningCode::HostPathWithoutType, Kvol),
            (WarningCode::StatefulSetGraceZero, Kvol),
            (WarningCode::LongStatefulSetName, Kvol),
            (WarningCode::DefaultClassAnnotationValue, Kvol),
            (WarningCode::SeveralDefaultClasses, Kvol),
            (WarningCode::DuplicateService, Kvol),
            (WarningCode::ClaimRefUnknownClaim, Kvol),
            (WarningCode::MutualPreBindingMismatch, Kvol),
            (WarningCode::ReservedVolumeUnused, Kvol),
            (WarningCode::LocalVolumeImmediateBinding, Kvol),
        ];
        for (code, source) in table {
            assert_eq!(code.source(), source, "{code:?}");
        }
        let at = |code, path: FieldPath| Warning {
            path,
            code,
            message: String::new(),
            help: None,
            object: None,
        };
        let spec = FieldPath::root().child("spec");
        let capacity = spec.child("capacity").key("storage");
        assert_eq!(at(WarningCode::FractionalBytes, capacity).source(), Kvol);
        let request = spec.child("resources").child("requests").key("storage");
        assert_eq!(
            at(WarningCode::FractionalBytes, request).source(),
            ApiServer
        );
        let annotations = |p: FieldPath| p.child("metadata").child("annotations");
        let template = annotations(spec.child("volumeClaimTemplates").index(0));
        let code = WarningCode::BetaStorageClassAnnotation;
        assert_eq!(at(code, template).source(), Kvol);
        assert_eq!(at(code, annotations(FieldPath::root())).source(), ApiServer);
        assert_eq!(ApiServer.to_string(), "apiserver");
    }

    #[test]
    fn segments_are_kept_exactly() {
        let tricky = ["a.b", "[x]", "a]b[c", "", "3", "é.[", "]"];
        for key in tricky {
            let p = FieldPath::root().child("metadata").child("labels").key(key);
            assert_eq!(p.as_str(), format!("metadata.labels[{key}]"));
            assert_eq!(
                p.segments().collect::<Vec<_>>(),
                [
                    Segment::Field("metadata"),
                    Segment::Field("labels"),
                    Segment::Key(key)
                ]
            );
        }
        // `[3]` as an index and as a key print the same and are told apart.
        let index = FieldPath::root().child("a").index(3);
        let key = FieldPath::root().child("a").key("3");
        assert_eq!(index.as_str(), key.as_str());
        assert_eq!(index.last(), Some(Segment::Index(3)));
        assert_eq!(key.last(), Some(Segment::Key("3")));
        // A first segment may be an index, a key, or a field that starts with `[`.
        assert_eq!(FieldPath::root().index(0).last(), Some(Segment::Index(0)));
        assert_eq!(FieldPath::root().key("k").last(), Some(Segment::Key("k")));
        let odd = FieldPath::root().child("[0]").index(1);
        assert_eq!(
            odd.segments().collect::<Vec<_>>(),
            [Segment::Field("[0]"), Segment::Index(1)]
        );
        // One field, whatever it contains (the API server's `Child("ordinals.start")`).
        let quirk = FieldPath::root().child("spec").child("ordinals.start");
        assert_eq!(quirk.last(), Some(Segment::Field("ordinals.start")));
        let object = FieldPath::root().child_concat(&["objects[", "2", "](Pod a/b)"]);
        assert_eq!(object.segments().count(), 1);
        // The root has none; an empty field name at the root adds none.
        assert_eq!(FieldPath::root().segments().count(), 0);
        assert!(FieldPath::root().child("").is_root());
        assert_eq!(FieldPath::root().parent(), None);
        assert_eq!(FieldPath::root().last(), None);
    }

    #[test]
    fn parent_last_join_and_from_segments() {
        let p = FieldPath::root()
            .child("spec")
            .child("volumes")
            .index(2)
            .child("configMap")
            .child("items")
            .index(0)
            .child("path");
        assert_eq!(p.last(), Some(Segment::Field("path")));
        let parent = p.parent().expect("a parent");
        assert_eq!(parent.as_str(), "spec.volumes[2].configMap.items[0]");
        assert_eq!(parent.last(), Some(Segment::Index(0)));
        let rebuilt: FieldPath = p.segments().collect();
        assert_eq!(rebuilt, p);
        assert!(rebuilt.segments().eq(p.segments()));
        let base = FieldPath::root().child("spec").child("volumes").index(2);
        let rest = FieldPath::root().child("emptyDir").key("a.b");
        let joined = base.join(&rest);
        assert_eq!(joined.as_str(), "spec.volumes[2].emptyDir[a.b]");
        assert_eq!(joined.last(), Some(Segment::Key("a.b")));
        assert_eq!(FieldPath::root().join(&rest), rest);
    }

    #[test]
    fn segments_survive_long_paths() {
        // Across the inline limit and the 64-bit word of marks, with keys full of brackets.
        let mut path = FieldPath::root();
        let mut expected: Vec<Segment<'static>> = Vec::new();
        let pieces = [
            Segment::Field("spec"),
            Segment::Key("a.b[c]"),
            Segment::Index(12),
            Segment::Field("é"),
            Segment::Key(""),
            Segment::Index(0),
        ];
        for i in 0..60 {
            let s = pieces[i % pieces.len()];
            path = path.with(s);
            expected.push(s);
            assert_eq!(path.segments().collect::<Vec<_>>(), expected, "at {i}");
            assert_eq!(path.last(), Some(s));
            let parent = path.parent().expect("a parent");
            assert_eq!(parent.segments().count(), i);
            assert_eq!(FieldPath::from_segments(expected.iter().copied()), path);
        }
        assert!(path.as_str().len() > 200);
    }

    #[test]
    fn field_paths_print_like_the_api_server() {
        let spec = FieldPath::root().child("spec");
        assert_eq!(spec.as_str(), "spec");
        let t = spec.child("volumeClaimTemplates");
        assert_eq!(t.index(0).as_str(), "spec.volumeClaimTemplates[0]");
        assert_eq!(t.index(10).as_str(), "spec.volumeClaimTemplates[10]");
        assert_eq!(
            t.index(usize::MAX).as_str(),
            format!("spec.volumeClaimTemplates[{}]", usize::MAX)
        );
        let storage = t.index(7).child("spec").child("resources").key("storage");
        assert_eq!(
            storage.as_str(),
            "spec.volumeClaimTemplates[7].spec.resources[storage]"
        );
        assert_eq!(FieldPath::root().index(3).as_str(), "[3]");
        assert_eq!(FieldPath::default(), FieldPath::root());
        assert_eq!(format!("{:?}", spec), "FieldPath(\"spec\")");
        assert_eq!(FieldPath::root().key("a").as_str(), "[a]");
    }

    #[test]
    fn long_paths_and_non_ascii_keys() {
        use std::collections::hash_map::DefaultHasher;
        use std::hash::{Hash, Hasher};
        let hash = |p: &FieldPath| {
            let mut h = DefaultHasher::new();
            p.hash(&mut h);
            h.finish()
        };
        // Across the inline limit, one byte at a time, with multi-byte characters.
        let mut path = FieldPath::root();
        let mut text = String::new();
        for i in 0..40 {
            let key = if i % 3 == 0 { "é" } else { "ab" };
            path = path.key(key);
            text.push_str(&format!("[{key}]"));
            assert_eq!(path.as_str(), text);
            assert_eq!(path.to_string(), text);
        }
        // Equality and hashing follow the text, whatever the representation.
        let a = FieldPath::root().child(&"x".repeat(61)).child("y");
        let b = FieldPath::root().child(&"x".repeat(61)).child("y");
        assert_eq!(a, b);
        assert_eq!(hash(&a), hash(&b));
        let short = FieldPath::root().child("a").child("b");
        assert_eq!(short, FieldPath::root().child("a.b"));
        assert_eq!(hash(&short), hash(&FieldPath::root().child("a.b")));
        assert_ne!(short, FieldPath::root().child("a.c"));
    }
}

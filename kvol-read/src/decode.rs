//! One chunk of the stream to a [`Node`]: the parser's events become a tree of raw nodes
//! (iteratively, with a depth limit), then go-yaml v2's decoder is replayed on it: scalar
//! resolution, aliases (with go-yaml's "excessive aliasing" rule and kvol's own budget), merge
//! keys, strict duplicate keys, and `sigs.k8s.io/yaml`'s conversion of keys to JSON strings.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle};

use crate::json::go_float32_key;
use crate::resolve::{Scalar, resolve_scalar};
use crate::tabs::Regions;
use crate::{Key, MAX_DEPTH, MAX_NODES, Node, Value};

/// An error inside a chunk: message, line and column (both 1-based, relative to the chunk).
pub(crate) type ChunkError = (String, usize, usize);

enum RawKind {
    Scalar {
        text: String,
        tag: String,
        plain: bool,
    },
    Seq(Vec<usize>),
    Map(Vec<(usize, usize)>),
    Alias {
        target: usize,
        name: String,
    },
}

struct Raw {
    kind: RawKind,
    line: usize,
    col: usize,
}

/// Decodes the first YAML document of `text` (as `yaml.Unmarshal` does: what follows the first
/// document is not read). `None` for a chunk without any document (only comments).
///
/// saphyr-parser follows YAML 1.2 (and its test suite) where libyaml, hence go-yaml, is more
/// lenient, in places that manifests may hit; the chunk is then mended and parsed again (at
/// most [`MAX_RETRIES`] times), keeping the positions of the original text (see [`Retry`]):
///
/// - a tab as the only separator after `:` or `-` before a word (`key:\tvalue`): the tab is
///   separation there, it becomes a space (same column);
/// - a quoted scalar whose continuation lines are not indented (`a: "x\ny"` with `y` at column
///   0): leading white space of those lines is not part of the value, so spaces are inserted
///   (the columns of what follows the closing quote on its line are shifted back);
/// - a block scalar indicator alone on the line below its key, at the key's indentation: one
///   space is inserted before it;
/// - an indented `---` or `...` starting a plain scalar: its first character is replaced by a
///   stand-in during parsing and restored in the value.
pub(crate) fn decode_chunk(text: &str) -> Result<Option<Node>, ChunkError> {
    let mut current = std::borrow::Cow::Borrowed(text);
    let mut shifts = Shifts::default();
    let mut markers: Vec<usize> = Vec::new();
    let mut retries = 0;
    let (mut arena, root, mut regions) = loop {
        let mut regions = Regions::default();
        match build_tree(&current, &mut regions, &markers) {
            Err((m, l, c, Some(retry))) if retries < MAX_RETRIES => {
                retries += 1;
                let mended = match retry {
                    Retry::Tab(i) => Some(untab_before(&current, i)),
                    Retry::QuotedIndent(i) => indent_quoted(&current, i, &mut shifts),
                    Retry::BareBlockHeader(i) => indent_bare_header(&current, i, &mut shifts),
                    Retry::MarkerInPlain(i) => hide_marker(&current, i, &mut markers),
                    Retry::CommentSpace(i) => space_before_comment(&current, i, &mut shifts),
                };
                match mended {
                    Some(t) => current = std::borrow::Cow::Owned(t),
                    None => return Err((m, l, shifts.col(l, c))),
                }
            }
            Err((m, l, c, _)) => return Err((m, l, shifts.col(l, c))),
            Ok(None) => {
                // No document (comments, blank lines): libyaml's tab rules still apply.
                crate::tabs::check(text, &regions)?;
                return Ok(None);
            }
            Ok(Some((arena, root))) => break (arena, root, regions),
        }
    };
    if !shifts.0.is_empty() {
        for raw in &mut arena {
            raw.col = shifts.col(raw.line, raw.col);
        }
        regions.map_indices(|i| shifts.to_original(i));
    }
    crate::tabs::check(text, &regions)?;
    let decode = || {
        let mut d = Decoder {
            arena: &arena,
            decode_count: 1, // the document node
            alias_count: 0,
            alias_depth: 0,
            active: Vec::new(),
            nodes: 0,
            depth: 0,
        };
        d.unmarshal(root)
    };
    let deep = regions.max_depth > SHALLOW
        || arena
            .iter()
            .any(|r| matches!(r.kind, RawKind::Alias { .. }));
    if !deep {
        return decode().map(Some);
    }
    // The decoder recurses once per level (a few kB per level in a debug build): a deep
    // document, or one whose aliases may make it deep, is decoded on a thread with a stack
    // sized for MAX_DEPTH levels.
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .stack_size(DEEP_STACK)
            .spawn_scoped(scope, decode);
        match worker {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|_| Err(("internal error while decoding".into(), 1, 1))),
            Err(e) => Err((
                format!("cannot start a thread to decode a deeply nested document: {e}"),
                1,
                1,
            )),
        }
    })
    .map(Some)
}

/// Nesting up to which a document without aliases is decoded on the caller's thread.
const SHALLOW: usize = 64;

/// The stack of the thread that decodes deeper documents: room for [`MAX_DEPTH`] levels of
/// the decoder in a debug build (about 2.5 kB each), with a wide margin.
const DEEP_STACK: usize = 64 << 20;

/// `text` with a space before the `#` at character `at`; `None` if it is not a `#` right after
/// something else than white space.
fn space_before_comment(text: &str, at: usize, shifts: &mut Shifts) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    if chars.get(at) != Some(&'#') || at == 0 || chars[at - 1].is_whitespace() {
        return None;
    }
    let line_start = chars[..at]
        .iter()
        .rposition(|&c| c == '\n')
        .map_or(0, |i| i + 1);
    let line = chars[..at].iter().filter(|&&c| c == '\n').count() + 1;
    shifts.insert(at, line, 1, at - line_start);
    let mut out: String = chars[..at].iter().collect();
    out.push(' ');
    out.extend(&chars[at..]);
    Some(out)
}

/// libyaml's message for an anchor or alias name with other characters than letters, digits,
/// `-` and `_` (YAML 1.2 parsers accept more).
const BAD_ANCHOR: &str =
    "did not find expected alphabetic or numeric character (in an anchor or alias name)";

fn valid_anchor(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// libyaml's tag characters (URI characters, `%` escapes, `!` handles).
fn valid_tag(tag: &str) -> bool {
    tag.chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_;/?:@&=+$,.!~*'()[]%<>".contains(c))
}

/// Checks the name of the anchor (and the tag) written before the node at byte `at` (best effort: the last
/// token before the node, or the one before a tag), as libyaml would.
fn check_anchor_name(text: &str, at: usize, line: usize, col: usize) -> Result<(), BuildError> {
    let mut before = text.get(..at).unwrap_or("");
    for _ in 0..3 {
        before = before.trim_end_matches([' ', '\t', '\n']);
        // An empty node is placed at the next entry's indicator (`- !!str\n- x`).
        if let Some(b) = before.strip_suffix(['-', '?', ':'])
            && b.ends_with([' ', '\t', '\n'])
        {
            before = b;
            continue;
        }
        let start = before
            .rfind([' ', '\t', '\n', '[', '{', ','])
            .map_or(0, |i| i + 1);
        let token = &before[start..];
        if let Some(name) = token.strip_prefix('&') {
            // libyaml wants white space (or `?:,]}%@` and a backquote) right after the name:
            // `&a[1]` is an error there.
            let glued = start + token.len() == at
                && text[at..]
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_whitespace() && !"?:,]}%@`".contains(c));
            return if valid_anchor(name) && !glued {
                Ok(())
            } else {
                Err((BAD_ANCHOR.into(), line, col, None))
            };
        }
        if !token.starts_with('!') {
            return Ok(());
        }
        if !valid_tag(token) {
            return Err((
                "did not find expected whitespace or line break (in a tag)".into(),
                line,
                col,
                None,
            ));
        }
        before = &before[..start];
    }
    Ok(())
}

/// Whether the text at byte `at` is a `:` directly followed by `,`, `]` or `}`.
fn colon_before_flow_end(text: &str, at: usize) -> bool {
    let rest = text.as_bytes().get(at..).unwrap_or(&[]);
    rest.first() == Some(&b':') && matches!(rest.get(1), Some(b',' | b']' | b'}'))
}

/// Whether the next thing after byte `at` (white space aside) is a `:`, which makes the node
/// before an implicit key.
fn followed_by_colon(text: &str, at: usize) -> bool {
    text.get(at..)
        .unwrap_or("")
        .trim_start_matches([' ', '\t', '\n'])
        .starts_with(':')
}

/// Whether a `:` follows byte `at` on a later line (white space aside): the `:` of a key left
/// on the line above, which libyaml refuses.
fn colon_after_line_break(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or("").trim_start_matches([' ', '\t']);
    rest.starts_with('\n') && rest.trim_start_matches([' ', '\t', '\n']).starts_with(':')
}

/// Whether the node at byte `at` follows a `?` indicator (an explicit key, which may span lines).
fn explicit_key(text: &str, at: usize) -> bool {
    let before = text
        .get(..at)
        .unwrap_or("")
        .trim_end_matches([' ', '\t', '\n', '\r']);
    before.ends_with('?')
        && before[..before.len() - 1]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == '{' || c == ',')
}

/// Stand-ins for the first character of an indented `---` / `...` starting a plain scalar
/// (noncharacters, refused in the input when this mending is needed).
const HIDDEN_DASH: char = '\u{fdd0}';
const HIDDEN_DOT: char = '\u{fdd1}';

/// `text` with the `---` or `...` at character `at` (not at column 0) starting with a
/// stand-in, recorded in `markers`; `None` if it is something else.
fn hide_marker(text: &str, at: usize, markers: &mut Vec<usize>) -> Option<String> {
    if text.matches([HIDDEN_DASH, HIDDEN_DOT]).count() != markers.len() {
        return None; // the input has them itself
    }
    let mut chars: Vec<char> = text.chars().collect();
    let c = *chars.get(at)?;
    let is_marker = matches!(c, '-' | '.')
        && chars.get(at + 1) == Some(&c)
        && chars.get(at + 2) == Some(&c)
        && chars.get(at + 3).is_none_or(|n| n.is_whitespace());
    if !is_marker || at == 0 || chars[at - 1] == '\n' {
        return None;
    }
    chars[at] = if c == '-' { HIDDEN_DASH } else { HIDDEN_DOT };
    markers.push(at);
    Some(chars.into_iter().collect())
}

/// `text` with one space before the block scalar header that stands alone on the last line
/// with content before character `at` (`key:\n|\n`); `None` if that line is something else.
fn indent_bare_header(text: &str, at: usize, shifts: &mut Shifts) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut end = chars[..at.min(chars.len())]
        .iter()
        .rposition(|&c| c == '\n')?;
    // The least indentation of the content lines passed on the way up.
    let mut content_indent = usize::MAX;
    loop {
        let start = chars[..end]
            .iter()
            .rposition(|&c| c == '\n')
            .map_or(0, |i| i + 1);
        let line: String = chars[start..end].iter().collect();
        let t = line.trim();
        if t.is_empty() {
            end = start.checked_sub(1)?;
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let head = t.split(" #").next().unwrap_or(t).trim_end();
        let mut it = head.chars();
        let bare = matches!(it.next(), Some('|' | '>'))
            && it.all(|c| c.is_ascii_digit() || c == '+' || c == '-');
        if !bare {
            // A content line of the block scalar (more indented than what follows it), or
            // something else.
            if indent == 0 {
                return None;
            }
            content_indent = content_indent.min(indent);
            end = start.checked_sub(1)?;
            continue;
        }
        if content_indent <= indent {
            return None;
        }
        // The line above must be a key waiting for its value (`key:`).
        let above = chars[..start.saturating_sub(1)].iter().collect::<String>();
        let key_line = above
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
        if !key_line.is_some_and(|l| l.split(" #").next().unwrap_or(l).trim_end().ends_with(':')) {
            return None;
        }
        let line_no = chars[..start].iter().filter(|&&c| c == '\n').count() + 1;
        shifts.insert(start, line_no, 1, 0);
        let mut out: String = chars[..start].iter().collect();
        out.push(' ');
        out.extend(&chars[start..]);
        return Some(out);
    }
}

/// Spaces inserted by the mendings: (original character index of the insertion point, line
/// (1-based), count, column (0-based) of the insertion point in the original line), in the
/// order of the text.
#[derive(Default)]
struct Shifts(Vec<(usize, usize, usize, usize)>);

impl Shifts {
    /// A character index of the mended text, in the original text.
    fn to_original(&self, m: usize) -> usize {
        let mut added = 0;
        for &(orig, _, count, _) in &self.0 {
            let pos = orig + added;
            if m >= pos + count {
                added += count;
            } else if m >= pos {
                return orig;
            } else {
                break;
            }
        }
        m - added
    }

    /// A column (1-based) of the mended text on `line`, in the original text.
    fn col(&self, line: usize, col: usize) -> usize {
        let mut col = col;
        for &(_, l, count, at) in &self.0 {
            // Insertions are in text order: `col` is still a mended column for the later ones
            // on the line, so each is compared after the earlier ones were taken off.
            if l == line && col > at + count {
                col -= count;
            }
        }
        col
    }

    /// Records `count` spaces inserted at character `at` of the current (mended) text, on
    /// `line` at column `col` (0-based, in the current text).
    fn insert(&mut self, at: usize, line: usize, count: usize, col: usize) {
        let orig = self.to_original(at);
        let earlier: usize = self
            .0
            .iter()
            .filter(|s| s.1 == line && s.0 < orig)
            .map(|s| s.2)
            .sum();
        let pos = self.0.partition_point(|s| s.0 < orig);
        self.0
            .insert(pos, (orig, line, count, col.saturating_sub(earlier)));
    }
}

/// `text` with the continuation lines of the quoted scalar starting at character `start`
/// indented past the opening quote; `None` when there is nothing to mend (or a line that
/// libyaml refuses anyway, a document marker at column 0).
fn indent_quoted(text: &str, start: usize, shifts: &mut Shifts) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let quote = *chars.get(start)?;
    if quote != '"' && quote != '\'' {
        return None;
    }
    let line_start = chars[..start]
        .iter()
        .rposition(|&c| c == '\n')
        .map_or(0, |i| i + 1);
    let line_no = chars[..start].iter().filter(|&&c| c == '\n').count() + 1;
    let want = start - line_start + 1;
    // Continuation line starts inside the scalar.
    let mut starts = Vec::new();
    let mut i = start + 1;
    while i < chars.len() {
        match chars[i] {
            '\\' if quote == '"' => i += 1,
            '\'' if quote == '\'' && chars.get(i + 1) == Some(&'\'') => i += 1,
            c if c == quote => break,
            '\n' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    let mut inserts = Vec::new();
    for (n, &ls) in starts.iter().enumerate() {
        let rest = &chars[ls.min(chars.len())..];
        let spaces = rest.iter().take_while(|&&c| c == ' ').count();
        let blank = rest.iter().take_while(|&&c| c == ' ' || c == '\t').count() == rest.len()
            || matches!(rest.iter().find(|&&c| c != ' ' && c != '\t'), Some('\n'));
        let marker = (rest.starts_with(&['.', '.', '.']) || rest.starts_with(&['-', '-', '-']))
            && rest.get(3).is_none_or(|c| c.is_whitespace());
        if marker {
            return None;
        }
        if !blank && spaces < want {
            inserts.push((ls, line_no + n + 1, want - spaces));
        }
    }
    if inserts.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + inserts.len() * want);
    let mut next = 0;
    let mut added = 0;
    for (ls, line, count) in inserts {
        out.extend(&chars[next..ls]);
        out.extend(std::iter::repeat_n(' ', count));
        next = ls;
        shifts.insert(ls + added, line, count, 0);
        added += count;
    }
    out.extend(&chars[next..]);
    Some(out)
}

/// Char index → (line, col) is given by the parser; alias names are read back from the text.
fn alias_name(text: &str, char_index: usize, offsets: &Offsets) -> String {
    let start = offsets.byte(text, char_index);
    let rest = text.get(start..).unwrap_or("");
    let rest = rest.strip_prefix('*').unwrap_or(rest);
    rest.chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '[' | ']' | '{' | '}'))
        .collect()
}

/// Byte offset of every character, for texts that are not ASCII (the parser counts characters).
struct Offsets(Option<Vec<usize>>);

impl Offsets {
    fn new(text: &str) -> Self {
        Offsets(if text.is_ascii() {
            None
        } else {
            Some(text.char_indices().map(|(b, _)| b).collect())
        })
    }

    fn byte(&self, text: &str, char_index: usize) -> usize {
        match &self.0 {
            None => char_index.min(text.len()),
            Some(v) => v.get(char_index).copied().unwrap_or(text.len()),
        }
    }
}

/// The block scalar header before byte `at` (the last line above with something else than
/// white space): whether it has the keep indicator `+`, and the byte after its line.
fn block_header(text: &str, at: usize) -> Option<(bool, usize)> {
    // At the end of the stream saphyr-parser places the scalar on its indicator.
    let at = if matches!(text.as_bytes().get(at), Some(b'|' | b'>')) {
        text[at..].find('\n').map_or(text.len(), |i| at + i)
    } else {
        at
    };
    let before = text.get(..at)?;
    let mut end = before.len();
    loop {
        let start = before[..end].rfind('\n').map_or(0, |i| i + 1);
        let line = &before[start..end];
        if !line.trim().is_empty() {
            let pos = line.rfind(['|', '>'])?;
            let keep = line[pos + 1..]
                .chars()
                .take_while(|c| !c.is_whitespace())
                .any(|c| c == '+');
            return Some((keep, (end + 1).min(text.len())));
        }
        if start == 0 {
            return None;
        }
        end = start - 1;
    }
}

/// An open block collection: its libyaml indentation column (0-based), where saphyr-parser
/// placed its start, and whether it is a sequence.
#[derive(Clone, Copy)]
struct Block {
    col: usize,
    start: usize,
    seq: bool,
}

/// The columns of the `m` dashes before byte `at`, separated by white space only, nearest
/// first; `None` if there are not `m` of them.
fn dashes_before(text: &str, at: usize, m: usize) -> Option<Vec<usize>> {
    let b = text.as_bytes();
    let mut i = at.min(b.len());
    let mut cols = Vec::with_capacity(m);
    while cols.len() < m {
        while i > 0 && matches!(b[i - 1], b' ' | b'\t' | b'\n') {
            i -= 1;
        }
        if i == 0 || b[i - 1] != b'-' {
            return None;
        }
        i -= 1;
        let line_start = b[..i]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |p| p + 1);
        cols.push(text.get(line_start..i)?.chars().count());
    }
    Some(cols)
}

fn char_at(text: &str, char_index: usize, offsets: &Offsets) -> Option<char> {
    text.get(offsets.byte(text, char_index)..)?.chars().next()
}

fn tag_string(tag: Option<&saphyr_parser::Tag>) -> String {
    match tag {
        None => String::new(),
        Some(t) => format!("{}{}", t.handle, t.suffix),
    }
}

/// How many times one document is mended and parsed again (see [`decode_chunk`]).
const MAX_RETRIES: usize = 64;

/// `text` with the tabs just before character `char_index` turned into spaces.
fn untab_before(text: &str, char_index: usize) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let mut i = char_index.min(chars.len());
    while i > 0 && matches!(chars[i - 1], '\t' | ' ') {
        chars[i - 1] = ' ';
        i -= 1;
    }
    chars.into_iter().collect()
}

/// What to mend before parsing again, at a character index.
enum Retry {
    /// A tab separator saphyr-parser refused, before this index.
    Tab(usize),
    /// A quoted scalar starting here has continuation lines saphyr-parser finds under-indented.
    QuotedIndent(usize),
    /// A comment starts here right after a token (`[a]#c`), which libyaml accepts.
    CommentSpace(usize),
    /// A plain scalar starts here with `---` or `...`, which saphyr-parser reads as a document
    /// marker also when indented (libyaml only at column 0).
    MarkerInPlain(usize),
    /// The line before this index may be a block scalar header alone on its line, at its
    /// key's indentation (libyaml reads it as the key's value, saphyr-parser as a new key).
    BareBlockHeader(usize),
}

/// A parse error, and what may be mended to parse again.
type BuildError = (String, usize, usize, Option<Retry>);

enum Frame {
    Seq(usize, Vec<usize>),
    Map(usize, Vec<(usize, usize)>, Option<usize>),
}

/// libyaml refuses a document that starts with an end marker `...` (`yaml_parser_parse_document_start`
/// expects a node after an implicit start); saphyr-parser skips it.
fn leading_document_end(text: &str) -> Result<(), BuildError> {
    for (n, line) in text.lines().enumerate() {
        let t = line.trim_start_matches([' ', '\t']);
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if line.starts_with("...") && line[3..].chars().next().is_none_or(char::is_whitespace) {
            return Err(("did not find expected node content".into(), n + 1, 1, None));
        }
        break;
    }
    Ok(())
}

fn build_tree(
    text: &str,
    regions: &mut Regions,
    markers: &[usize],
) -> Result<Option<(Vec<Raw>, usize)>, BuildError> {
    let offsets = Offsets::new(text);
    // Columns (0-based) of the open block collections; `None` for flow ones.
    let mut blocks: Vec<Option<Block>> = Vec::new();
    let mut parser = Parser::new_from_str(text);
    let mut arena: Vec<Raw> = Vec::new();
    // anchor id → (node, finished)
    let mut anchors: HashMap<usize, usize> = HashMap::new();
    let mut open_anchors: Vec<usize> = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut flow_starts: Vec<usize> = Vec::new();
    let mut root = None;
    leading_document_end(text)?;
    loop {
        let (event, span) = match parser.next_event() {
            None => return Ok(None),
            Some(Err(e)) => {
                let m = e.marker();
                let retry = if e
                    .info()
                    .ends_with("must be followed by a valid YAML whitespace")
                {
                    Some(Retry::Tab(m.index()))
                } else if e.info() == "invalid indentation in quoted scalar" {
                    Some(Retry::QuotedIndent(m.index()))
                } else if e.info() == "comments must be separated from other tokens by whitespace" {
                    Some(Retry::CommentSpace(m.index()))
                } else if e.info() == "unexpected end of plain scalar" {
                    Some(Retry::MarkerInPlain(m.index()))
                } else if e.info() == "simple key expect ':'" {
                    Some(Retry::BareBlockHeader(m.index()))
                } else {
                    None
                };
                let message = if e.info() == "recursion limit exceeded" {
                    "flow collections nested deeper than 255 levels".to_string()
                } else if e.info().ends_with("found unknown anchor") {
                    // go-yaml's wording, with the name.
                    format!(
                        "unknown anchor '{}' referenced",
                        alias_name(text, m.index(), &offsets)
                    )
                } else {
                    e.info().to_string()
                };
                return Err((message, m.line(), m.col() + 1, retry));
            }
            Some(Ok(x)) => x,
        };
        let (line, col) = (span.start.line(), span.start.col() + 1);
        let is_scalar = matches!(&event, Event::Scalar(..));
        // A flow or plain scalar spanning lines, which cannot be an implicit key.
        let multi_line = matches!(
            &event,
            Event::Scalar(_, style, ..) if !matches!(style, ScalarStyle::Literal | ScalarStyle::Folded)
        ) && span.end.line() != span.start.line();
        let new_node = match event {
            Event::StreamStart | Event::Nothing => continue,
            Event::StreamEnd => return Ok(root.map(|r| (arena, r))),
            Event::DocumentStart(_) => {
                regions.doc_start = span.start.index();
                continue;
            }
            Event::DocumentEnd => {
                regions.doc_end = Some(span.end.index());
                return Ok(root.map(|r| (arena, r)));
            }
            Event::Scalar(value, style, anchor, tag) => {
                let tagged = tag.is_some();
                let (s, e) = (span.start.index(), span.end.index());
                if style == ScalarStyle::Plain
                    && blocks.last().is_some_and(Option::is_none)
                    && colon_before_flow_end(text, offsets.byte(text, e))
                {
                    // `[a:, b]`: libyaml ends a word only at `: ` and reads "a:", YAML 1.2
                    // parsers read a key `a` with no value.
                    return Err((
                        "a word followed by `:` and then `,` or a bracket is read differently by Kubernetes' \
                         YAML parser (as a word ending in `:`), and kvol-read does not read it as one: quote \
                         it or put a space after the `:`"
                            .into(),
                        line,
                        col,
                        None,
                    ));
                }
                if tagged
                    && value.is_empty()
                    && style == ScalarStyle::Plain
                    && blocks.last().is_some_and(Option::is_none)
                {
                    // libyaml's tag characters include `,`, `[` and `]`: `[!!str, 1]` is
                    // `["1"]` for Kubernetes, `["", 1]` for YAML 1.2 parsers.
                    return Err((
                        "a tag with no value in a flow collection is read differently by Kubernetes' YAML \
                         parser (its tags take in `,`, `[` and `]`), and kvol-read does not read it as one: \
                         write the value after the tag"
                            .into(),
                        line,
                        col,
                        None,
                    ));
                }
                match style {
                    ScalarStyle::Plain => {
                        let indent = blocks
                            .iter()
                            .rev()
                            .flatten()
                            .next()
                            .map_or(0, |b| b.col + 1);
                        regions.plain.push((s, e, indent));
                    }
                    ScalarStyle::Literal | ScalarStyle::Folded => {
                        if !value.is_empty() {
                            regions.block.push((s, e, span.start.col()));
                        }
                    }
                    _ => regions.quoted.push((s, e)),
                }
                if style == ScalarStyle::Plain
                    && blocks.last().is_some_and(Option::is_none)
                    && let Some(c @ ('?' | ':' | '|' | '>')) = value.chars().next()
                    && char_at(text, s, &offsets) == Some(c)
                {
                    // libyaml reads these as indicators in a flow collection (`[?x]` is a
                    // mapping, `[|x]` an error); YAML 1.2 parsers as the start of a word.
                    let message = if matches!(c, '|' | '>') {
                        "found character that cannot start any token".to_string()
                    } else {
                        format!(
                            "`{c}` starting a word in a flow collection is an indicator for Kubernetes' \
                             YAML parser, and kvol-read does not read it as one: quote the word"
                        )
                    };
                    return Err((message, line, col, None));
                }
                if style == ScalarStyle::Plain
                    && blocks.last().is_some_and(Option::is_none)
                    && value.contains(['?', '[', ']', '{', '}'])
                {
                    // libyaml ends a word of a flow collection at these characters, and
                    // then finds no `,` where it expects one.
                    return Err((
                        "did not find expected ',' or the end of the flow collection \
                         (Kubernetes' YAML parser ends a word at `?`)"
                            .into(),
                        line,
                        col,
                        None,
                    ));
                }
                if matches!(style, ScalarStyle::Literal | ScalarStyle::Folded)
                    && span.start.col() == 0
                    && value.chars().any(|c| c != '\n')
                {
                    // libyaml indents a block scalar by one column at least, so lines at column
                    // 0 end it (a top-level `|` followed by `# comment` is empty there, not
                    // "# comment\n" as in YAML 1.2): refused rather than read differently.
                    return Err((
                        "block scalar lines at column 0 (Kubernetes' YAML parser needs them indented)".into(),
                        line,
                        col,
                        None,
                    ));
                }
                let mut value = value;
                if style == ScalarStyle::Plain && markers.iter().any(|&m| s <= m && m < e) {
                    value = value
                        .replace(HIDDEN_DASH, "-")
                        .replace(HIDDEN_DOT, ".")
                        .into();
                }
                if matches!(style, ScalarStyle::Literal | ScalarStyle::Folded)
                    && value.chars().all(|c| c == '\n')
                    && let Some((keep, after)) = block_header(text, offsets.byte(text, s))
                {
                    // Only line breaks: libyaml clips them all without `+` (saphyr-parser
                    // keeps one at the end of the stream), and keeps them all with `+` (saphyr
                    // drops them at the end of the stream).
                    let rest = &text[after..];
                    if !keep && !value.is_empty() {
                        value = "".into();
                    } else if keep && rest.trim().is_empty() {
                        value = "\n".repeat(rest.matches('\n').count()).into();
                    }
                }
                let idx = arena.len();
                arena.push(Raw {
                    kind: RawKind::Scalar {
                        text: value.into_owned(),
                        tag: tag_string(tag.as_deref()),
                        plain: style == ScalarStyle::Plain,
                    },
                    line,
                    col,
                });
                if anchor != 0 || tagged {
                    check_anchor_name(text, offsets.byte(text, span.start.index()), line, col)?;
                }
                if anchor != 0 {
                    anchors.insert(anchor, idx);
                }
                idx
            }
            Event::Alias(id) => {
                let name = alias_name(text, span.start.index(), &offsets);
                if !valid_anchor(&name) {
                    return Err((BAD_ANCHOR.into(), line, col, None));
                }
                let Some(&target) = anchors.get(&id) else {
                    return Err((
                        format!("unknown anchor '{name}' referenced"),
                        line,
                        col,
                        None,
                    ));
                };
                if open_anchors.contains(&target) {
                    return Err((
                        format!("anchor '{name}' value contains itself"),
                        line,
                        col,
                        None,
                    ));
                }
                arena.push(Raw {
                    kind: RawKind::Alias { target, name },
                    line,
                    col,
                });
                arena.len() - 1
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                regions.max_depth = regions.max_depth.max(stack.len() + 1);
                if stack.len() >= MAX_DEPTH {
                    return Err((
                        format!("nesting deeper than {MAX_DEPTH} levels"),
                        line,
                        col,
                        None,
                    ));
                }
                let is_seq = matches!(event, Event::SequenceStart(..));
                // A flow collection's start event spans its bracket; a block one is empty.
                // Inside a flow collection, everything is flow (`[a: 1]` has an implicit mapping).
                let flow = blocks.iter().any(Option::is_none)
                    || span.end.index() > span.start.index()
                        && char_at(text, span.start.index(), &offsets)
                            .is_some_and(|c| c == '[' || c == '{');
                let start = span.start.index();
                if flow {
                    blocks.push(None);
                } else if is_seq {
                    // saphyr-parser places a block sequence at its first item's content, libyaml's
                    // indentation is the column of the dashes: the `m` block sequences opened
                    // at the same place own the `m` dashes before it, outermost first.
                    let chain = blocks
                        .iter()
                        .rev()
                        .take_while(|b| b.is_some_and(|b| b.seq && b.start == start))
                        .count();
                    let dashes = dashes_before(text, offsets.byte(text, start), chain + 1);
                    let len = blocks.len();
                    if let Some(d) = &dashes {
                        for (k, b) in blocks[len - chain..].iter_mut().enumerate() {
                            if let Some(b) = b {
                                b.col = d[chain - k];
                            }
                        }
                    }
                    let col = dashes.as_ref().map_or(span.start.col(), |d| d[0]);
                    blocks.push(Some(Block {
                        col,
                        start,
                        seq: true,
                    }));
                } else {
                    blocks.push(Some(Block {
                        col: span.start.col(),
                        start,
                        seq: false,
                    }));
                }
                flow_starts.push(span.start.index());
                let idx = arena.len();
                arena.push(Raw {
                    kind: RawKind::Seq(Vec::new()),
                    line,
                    col,
                });
                if anchor != 0 {
                    check_anchor_name(text, offsets.byte(text, span.start.index()), line, col)?;
                    anchors.insert(anchor, idx);
                    open_anchors.push(idx);
                }
                stack.push(if is_seq {
                    Frame::Seq(idx, Vec::new())
                } else {
                    Frame::Map(idx, Vec::new(), None)
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = stack.pop() else { continue };
                if let (Some(None), Some(start)) = (blocks.pop(), flow_starts.pop()) {
                    regions.flow.push((start, span.end.index()));
                }
                let (idx, kind) = match frame {
                    Frame::Seq(idx, items) => (idx, RawKind::Seq(items)),
                    Frame::Map(idx, pairs, _) => (idx, RawKind::Map(pairs)),
                };
                arena[idx].kind = kind;
                open_anchors.retain(|&a| a != idx);
                idx
            }
        };
        match stack.last_mut() {
            None => root = Some(new_node),
            Some(Frame::Seq(_, items)) => items.push(new_node),
            Some(Frame::Map(_, pairs, pending)) => match pending.take() {
                None if is_scalar
                    && !explicit_key(text, offsets.byte(text, span.start.index()))
                    && (multi_line
                        && followed_by_colon(text, offsets.byte(text, span.end.index()))
                        || colon_after_line_break(text, offsets.byte(text, span.end.index()))) =>
                {
                    // libyaml forgets a possible simple key at a line break (YAML 1.2 also
                    // keeps implicit keys on one line); saphyr-parser accepts it in flow.
                    return Err((
                        "could not find expected ':' (a key spans lines)".into(),
                        line,
                        col,
                        None,
                    ));
                }
                None => *pending = Some(new_node),
                Some(k) => pairs.push((k, new_node)),
            },
        }
    }
}

/// The identity of a key as go-yaml's `map[interface{}]interface{}` sees it.
#[derive(PartialEq, Eq, Hash)]
enum KeyId {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(u64),
    Str(String),
}

struct MapOut {
    entries: Vec<(Key, Node)>,
    /// typed key → line of the value that set it.
    seen: HashMap<KeyId, (usize, usize)>,
    /// JSON name → index in `entries`.
    names: HashMap<String, usize>,
}

struct Decoder<'a> {
    arena: &'a [Raw],
    decode_count: usize,
    alias_count: usize,
    alias_depth: usize,
    active: Vec<usize>,
    nodes: usize,
    depth: usize,
}

/// A decoded mapping key.
struct KeyInfo {
    id: KeyId,
    name: Option<String>,
    line: usize,
    col: usize,
}

/// go-yaml's `setMapIndex` in strict mode, then `sigs.k8s.io/yaml`'s key conversion.
#[inline(never)]
fn set_entry(out: &mut MapOut, key: KeyInfo, value: Node) -> Result<(), ChunkError> {
    let KeyInfo {
        id,
        name,
        line: kl,
        col: kc,
    } = key;
    if let Some(&(first_line, _)) = out.seen.get(&id) {
        let shown = match &id {
            KeyId::Str(s) => crate::json::quoted(s),
            KeyId::Null => "<nil>".into(),
            _ => name.clone().unwrap_or_default(),
        };
        return Err((
            format!("key {shown} already set in map (first set on line {first_line})"),
            kl,
            kc,
        ));
    }
    let Some(name) = name else {
        let shown = match id {
            KeyId::UInt(u) => format!("uint64, key: {u:#x}"),
            _ => "%!s(<nil>), key: <nil>".into(),
        };
        return Err((format!("Unsupported map key of type: {shown}"), kl, kc));
    };
    out.seen.insert(id, (kl, kc));
    let entry = (
        Key {
            name: name.clone(),
            line: kl,
            col: kc,
        },
        value,
    );
    match out.names.get(&name) {
        // Two keys of different YAML types with the same JSON name (`1` and `"1"`):
        // Kubernetes keeps one of them (Go map order); kvol keeps the last.
        Some(&i) => out.entries[i] = entry,
        None => {
            out.names.insert(name, out.entries.len());
            out.entries.push(entry);
        }
    }
    Ok(())
}

/// go-yaml v2's `allowedAliasRatio`.
fn allowed_alias_ratio(decode_count: usize) -> f64 {
    const LOW: usize = 400_000;
    const HIGH: usize = 4_000_000;
    if decode_count <= LOW {
        0.99
    } else if decode_count >= HIGH {
        0.10
    } else {
        0.99 - 0.89 * ((decode_count - LOW) as f64 / (HIGH - LOW) as f64)
    }
}

impl Decoder<'_> {
    /// go-yaml's bookkeeping at the start of every `unmarshal` call.
    fn count(&mut self, idx: usize) -> Result<(), ChunkError> {
        self.decode_count += 1;
        if self.alias_depth > 0 {
            self.alias_count += 1;
        }
        let raw = &self.arena[idx];
        if self.alias_count > 100
            && self.decode_count > 1000
            && self.alias_count as f64 / self.decode_count as f64
                > allowed_alias_ratio(self.decode_count)
        {
            return Err((
                "document contains excessive aliasing".into(),
                raw.line,
                raw.col,
            ));
        }
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err((
                format!("document expands to more than {MAX_NODES} nodes (through aliases)"),
                raw.line,
                raw.col,
            ));
        }
        Ok(())
    }

    fn enter_alias(&mut self, idx: usize) -> Result<usize, ChunkError> {
        let raw = &self.arena[idx];
        let RawKind::Alias { target, name } = &raw.kind else {
            return Ok(idx);
        };
        if self.active.contains(&idx) {
            return Err((
                format!("anchor '{name}' value contains itself"),
                raw.line,
                raw.col,
            ));
        }
        self.active.push(idx);
        self.alias_depth += 1;
        Ok(*target)
    }

    fn leave_alias(&mut self) {
        self.active.pop();
        self.alias_depth -= 1;
    }

    /// go-yaml's `unmarshal`. The recursion goes through small frames only (the scalar and
    /// the collections have their own functions), so that [`MAX_DEPTH`] levels fit in a
    /// thread's default stack even in a debug build.
    fn unmarshal(&mut self, idx: usize) -> Result<Node, ChunkError> {
        self.count(idx)?;
        match &self.arena[idx].kind {
            RawKind::Alias { .. } => self.alias(idx),
            RawKind::Scalar { .. } => self.scalar(idx),
            RawKind::Seq(_) => self.sequence(idx),
            RawKind::Map(_) => self.map(idx),
        }
    }

    #[inline(never)]
    fn alias(&mut self, idx: usize) -> Result<Node, ChunkError> {
        let target = self.enter_alias(idx)?;
        let r = self.unmarshal(target);
        self.leave_alias();
        r
    }

    #[inline(never)]
    fn scalar(&self, idx: usize) -> Result<Node, ChunkError> {
        let raw = &self.arena[idx];
        let (line, col) = (raw.line, raw.col);
        let RawKind::Scalar { text, tag, plain } = &raw.kind else {
            unreachable!()
        };
        let value = match resolve_scalar(tag, text, *plain).map_err(|m| (m, line, col))? {
            Scalar::Null => Value::Null,
            Scalar::Bool(b) => Value::Bool(b),
            Scalar::Int(i) => Value::Int(i),
            Scalar::UInt(u) => Value::UInt(u),
            Scalar::Float(f) => {
                if !f.is_finite() {
                    let shown = if f.is_nan() {
                        "NaN"
                    } else if f > 0.0 {
                        "+Inf"
                    } else {
                        "-Inf"
                    };
                    return Err((format!("json: unsupported value: {shown}"), line, col));
                }
                Value::Float(f)
            }
            Scalar::Str(s) => Value::String(s),
            Scalar::Merge => Value::String("<<".into()),
        };
        Ok(Node { value, line, col })
    }

    #[inline(never)]
    fn sequence(&mut self, idx: usize) -> Result<Node, ChunkError> {
        let arena = self.arena;
        let raw = &arena[idx];
        let RawKind::Seq(items) = &raw.kind else {
            unreachable!()
        };
        self.deeper(raw.line, raw.col)?;
        let mut out = Vec::with_capacity(items.len());
        for &item in items {
            out.push(self.unmarshal(item)?);
        }
        self.depth -= 1;
        Ok(Node {
            value: Value::Seq(out),
            line: raw.line,
            col: raw.col,
        })
    }

    #[inline(never)]
    fn map(&mut self, idx: usize) -> Result<Node, ChunkError> {
        let raw = &self.arena[idx];
        let (line, col) = (raw.line, raw.col);
        let mut out = Box::new(MapOut {
            entries: Vec::new(),
            seen: HashMap::new(),
            names: HashMap::new(),
        });
        self.deeper(line, col)?;
        self.mapping(idx, &mut out)?;
        self.depth -= 1;
        Ok(Node {
            value: Value::Map(out.entries),
            line,
            col,
        })
    }

    fn deeper(&mut self, line: usize, col: usize) -> Result<(), ChunkError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err((
                format!("nesting deeper than {MAX_DEPTH} levels (through aliases)"),
                line,
                col,
            ));
        }
        Ok(())
    }

    /// go-yaml's `mapping` into an existing map (a merge decodes into the map being built).
    fn mapping(&mut self, idx: usize, out: &mut MapOut) -> Result<(), ChunkError> {
        let arena = self.arena;
        let RawKind::Map(pairs) = &arena[idx].kind else {
            return Ok(());
        };
        for &(k, v) in pairs {
            if self.is_merge(k) {
                self.merge(v, out)?;
                continue;
            }
            let key = self.key(k)?;
            let value = self.unmarshal(v)?;
            set_entry(out, key, value)?;
        }
        Ok(())
    }

    /// A mapping key, decoded, with its identity for go-yaml's map and its JSON name.
    #[inline(never)]
    fn key(&mut self, k: usize) -> Result<KeyInfo, ChunkError> {
        let key = self.unmarshal(k)?;
        let (line, col) = (key.line, key.col);
        let (id, name) = match key.value {
            Value::Seq(_) | Value::Map(_) => {
                return Err((format!("invalid map key: {}", key.to_json()), line, col));
            }
            Value::Null => (KeyId::Null, None),
            Value::Bool(b) => (KeyId::Bool(b), Some(b.to_string())),
            Value::Int(i) => (KeyId::Int(i), Some(i.to_string())),
            Value::UInt(u) => (KeyId::UInt(u), None),
            Value::Float(f) => (KeyId::Float(f.to_bits()), Some(go_float32_key(f))),
            Value::String(s) => (KeyId::Str(s.clone()), Some(s)),
        };
        Ok(KeyInfo {
            id,
            name,
            line,
            col,
        })
    }

    fn is_merge(&self, k: usize) -> bool {
        match &self.arena[k].kind {
            RawKind::Scalar { text, tag, plain } => {
                text == "<<" && ((*plain && tag.is_empty()) || tag == "tag:yaml.org,2002:merge")
            }
            _ => false,
        }
    }

    fn kind_of_target(&self, idx: usize) -> &RawKind {
        match &self.arena[idx].kind {
            RawKind::Alias { target, .. } => &self.arena[*target].kind,
            k => k,
        }
    }

    /// go-yaml's `merge`: a mapping, an alias of a mapping, or a sequence of those (the later
    /// ones first, so that earlier ones win; in strict mode a repeated key is an error).
    fn merge(&mut self, v: usize, out: &mut MapOut) -> Result<(), ChunkError> {
        let raw = &self.arena[v];
        let fail = || {
            Err((
                "map merge requires map or sequence of maps as the value".to_string(),
                raw.line,
                raw.col,
            ))
        };
        match &raw.kind {
            RawKind::Map(_) => self.merge_one(v, out),
            RawKind::Alias { .. } => {
                if !matches!(self.kind_of_target(v), RawKind::Map(_)) {
                    return fail();
                }
                self.merge_one(v, out)
            }
            RawKind::Seq(items) => {
                for &item in items.iter().rev() {
                    if !matches!(self.kind_of_target(item), RawKind::Map(_)) {
                        return fail();
                    }
                    self.merge_one(item, out)?;
                }
                Ok(())
            }
            RawKind::Scalar { .. } => fail(),
        }
    }

    /// `d.unmarshal(n, out)` with `out` the map being built.
    fn merge_one(&mut self, idx: usize, out: &mut MapOut) -> Result<(), ChunkError> {
        self.count(idx)?;
        if let RawKind::Alias { .. } = self.arena[idx].kind {
            let target = self.enter_alias(idx)?;
            let r = self.merge_one(target, out);
            self.leave_alias();
            return r;
        }
        let (line, col) = (self.arena[idx].line, self.arena[idx].col);
        self.deeper(line, col)?;
        let r = self.mapping(idx, out);
        self.depth -= 1;
        r
    }
}

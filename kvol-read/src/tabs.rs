//! libyaml's rules (go-yaml v2's `scannerc.go`) that are stricter than YAML 1.2 and than
//! saphyr-parser: a `%` at column 0 inside a document is a directive (an error), and tabs are
//! refused in three places. They are checked after parsing, on the regions the parser's events
//! delimit, and only when the document contains a tab or a `%` at a line start:
//!
//! - between tokens in block context, where a simple key is allowed (at the start of a line,
//!   after `-`, `?`, or the `:` of a complex key) a tab is not white space:
//!   `found character that cannot start any token` (a tab-only line, a tab before a comment
//!   line, `- \tx`);
//! - in the white space a plain scalar consumes (its line breaks and what follows it), a tab
//!   on a new line left of the scalar's indentation: `found a tab character that violates
//!   indentation` (`a: 1\n\t\nb: 2`);
//! - in a block scalar, a tab where an indentation space is expected (before the indentation
//!   is known, or left of it): `found a tab character where an indentation space is expected`.

/// Regions of one document, in character indices, collected from the parser's events.
#[derive(Default)]
pub(crate) struct Regions {
    /// Plain scalars: start, end, and libyaml's `indent` (the innermost block collection's
    /// column + 1, 0 at top level).
    pub plain: Vec<(usize, usize, usize)>,
    /// Quoted scalars: start (the quote), end (after the closing quote).
    pub quoted: Vec<(usize, usize)>,
    /// Block scalars: content start, end, indentation column (0-based).
    pub block: Vec<(usize, usize, usize)>,
    /// Flow collections: `[`/`{` to after `]`/`}`.
    pub flow: Vec<(usize, usize)>,
    /// Where the (first) document starts: its `---`, or its first token.
    pub doc_start: usize,
    /// Where the document ends, when the parser said (after its `...`, or where the next
    /// document starts): what follows is not read by go-yaml.
    pub doc_end: Option<usize>,
    /// The deepest nesting of collections (without aliases).
    pub max_depth: usize,
}

impl Regions {
    /// Rewrites every index with `f` (from a mended text to the original one).
    pub(crate) fn map_indices(&mut self, f: impl Fn(usize) -> usize) {
        for r in &mut self.plain {
            (r.0, r.1) = (f(r.0), f(r.1));
        }
        for r in &mut self.block {
            (r.0, r.1) = (f(r.0), f(r.1));
        }
        for r in self.quoted.iter_mut().chain(&mut self.flow) {
            *r = (f(r.0), f(r.1));
        }
        self.doc_start = f(self.doc_start);
        self.doc_end = self.doc_end.map(&f);
    }
}

/// A tab error: message, line and column (1-based).
pub(crate) type TabError = (String, usize, usize);

const NO_TOKEN: &str = "found character that cannot start any token";
const PLAIN: &str = "found a tab character that violates indentation";
const BLOCK: &str = "found a tab character where an indentation space is expected";

pub(crate) fn check(text: &str, regions: &Regions) -> Result<(), TabError> {
    if !text.contains('\t') && !text.contains("\n%") {
        return Ok(());
    }
    let mut chars: Vec<char> = text.chars().collect();
    if let Some(end) = regions.doc_end {
        chars.truncate(end);
    }
    let n = chars.len();
    // line and column (0-based) of every character.
    let mut line_of = Vec::with_capacity(n + 1);
    let mut col_of = Vec::with_capacity(n + 1);
    let mut line_starts = vec![0];
    let (mut line, mut col) = (0, 0);
    for (i, &c) in chars.iter().enumerate() {
        line_of.push(line);
        col_of.push(col);
        if c == '\n' {
            line += 1;
            col = 0;
            line_starts.push(i + 1);
        } else {
            col += 1;
        }
    }
    line_of.push(line);
    col_of.push(col);
    let at = |i: usize, msg: &str| -> TabError { (msg.to_string(), line_of[i] + 1, col_of[i] + 1) };
    let mut covered = vec![false; n + 1];
    let mut cover = |s: usize, e: usize| {
        for c in &mut covered[s.min(n)..e.min(n)] {
            *c = true;
        }
    };
    for &(s, e) in regions.quoted.iter().chain(&regions.flow) {
        cover(s, e);
    }

    // Plain scalars and the white space after them.
    for &(s, e, indent) in &regions.plain {
        let mut end = e.min(n);
        while end < n && matches!(chars[end], ' ' | '\t' | '\n') {
            end += 1;
        }
        cover(s, end);
        let mut leading = false;
        for i in s.min(n)..end {
            match chars[i] {
                '\n' => leading = true,
                ' ' => {}
                '\t' => {
                    if leading && col_of[i] < indent {
                        return Err(at(i, PLAIN));
                    }
                }
                _ => leading = false,
            }
        }
    }

    // Block scalars, from the line after the header to the end of the content.
    for &(s, e, indent) in &regions.block {
        if s >= n || s >= e {
            continue;
        }
        let content_line = line_of[s];
        // The header is the nearest line above with something else than white space.
        let mut header = content_line;
        while header > 0 {
            header -= 1;
            let ls = line_starts[header];
            let le = line_starts.get(header + 1).map_or(n, |&x| x - 1);
            if chars[ls..le].iter().any(|c| !matches!(c, ' ' | '\t')) {
                break;
            }
        }
        let header_text: String = {
            let ls = line_starts[header];
            let le = line_starts.get(header + 1).map_or(n, |&x| x - 1);
            chars[ls..le].iter().collect()
        };
        let explicit = explicit_indent(&header_text);
        let first = header + 1;
        let region_start = line_starts.get(first).copied().unwrap_or(n);
        cover(region_start, e);
        let last_line = line_of[e.min(n)];
        for l in first..=last_line {
            let Some(&ls) = line_starts.get(l) else { break };
            if ls >= e.min(n) && l != first {
                break;
            }
            let mut i = ls;
            let mut spaces = 0;
            let auto = !explicit && l <= content_line;
            while i < n && chars[i] == ' ' && (auto || spaces < indent) {
                i += 1;
                spaces += 1;
            }
            if i < n && chars[i] == '\t' && (auto || spaces < indent) {
                return Err(at(i, BLOCK));
            }
        }
    }

    // Line starts and indicators in block context.
    for &ls in &line_starts {
        if ls >= n || covered[ls] {
            continue;
        }
        if chars[ls] == '%' && ls > regions.doc_start {
            // libyaml reads `%` at column 0 as a directive, also inside a document.
            return Err(at(ls, "found unknown directive name"));
        }
        let mut i = ls;
        while i < n && matches!(chars[i], ' ' | '\t') {
            if chars[i] == '\t' && !covered[i] {
                return Err(at(i, NO_TOKEN));
            }
            i += 1;
        }
        // `-`, `?` and `:` indicators followed by white space, possibly repeated (`- - x`).
        while i + 1 < n
            && !covered[i]
            && matches!(chars[i], '-' | '?' | ':')
            && matches!(chars[i + 1], ' ' | '\t' | '\n')
        {
            i += 1;
            while i < n && matches!(chars[i], ' ' | '\t') {
                if chars[i] == '\t' && !covered[i] {
                    return Err(at(i, NO_TOKEN));
                }
                i += 1;
            }
        }
    }
    Ok(())
}

/// Whether a block scalar header (`key: |2-  # comment`) gives an indentation indicator.
fn explicit_indent(header: &str) -> bool {
    let Some(pos) = header.rfind(['|', '>']) else {
        return false;
    };
    header[pos + 1..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .any(|c| c.is_ascii_digit())
}

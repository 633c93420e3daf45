//! kubectl's document splitting (`k8s.io/apimachinery/pkg/util/yaml`: `YAMLReader` on top of
//! its `LineReader`), on bytes.
//!
//! - The input is read line by line; a line loses its `\n` or `\r\n` terminator and gets a
//!   plain `\n` back (so the YAML parser never sees the `\r` of a CRLF file).
//! - A line that *starts with* `---` is a separator candidate: what follows the dashes, once
//!   white space is trimmed, must be empty or start with `#`; anything else (`----`, `---foo`,
//!   `--- !!map`, `--- {a: 1}`) stops the whole stream with
//!   `invalid Yaml document separator: <rest>`, although it is legal YAML.
//! - At a separator a non-empty buffer is emitted as one document and the separator line is
//!   dropped; if the buffer is empty the separator line is kept as the first line of the next
//!   document (so a leading `---` stays in the document, where the YAML parser reads it as an
//!   explicit document start).
//! - At the end of the input a non-empty buffer is emitted.
//!
//! The splitter knows nothing of YAML: a `---` line at column 0 inside a block scalar or a
//! multi-line quoted string splits the document there (in YAML such a line ends the scalar
//! anyway), while an indented `  ---` is content. `...` end markers and `%YAML` directives are
//! left for the parser.

/// One piece of the stream, as kubectl hands it to `sigs.k8s.io/yaml`.
#[derive(Debug)]
pub(crate) struct Chunk {
    /// The bytes of the document, every line ending in `\n`.
    pub bytes: Vec<u8>,
    /// Line (1-based) of the stream on which the chunk starts.
    pub first_line: usize,
}

/// The chunks of `input`, and the separator error that stopped the stream, if any
/// (message, line).
#[cfg(test)]
pub(crate) fn split(input: &[u8]) -> (Vec<Chunk>, Option<(String, usize)>) {
    let mut chunks = Vec::new();
    let error = split_each(input, |c| chunks.push(c));
    (chunks, error)
}

/// [`split`] one chunk at a time: `each` gets every chunk in order (only one is held at once);
/// returns the separator error that stopped the stream, if any (message, line).
pub(crate) fn split_each(input: &[u8], mut each: impl FnMut(Chunk)) -> Option<(String, usize)> {
    let mut cur: Vec<u8> = Vec::new();
    let mut cur_first = 1;
    let mut rest = input;
    let mut line_no = 0;
    while !rest.is_empty() {
        line_no += 1;
        let (line, next) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &rest[rest.len()..]),
        };
        rest = next;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if let Some(after) = line.strip_prefix(b"---") {
            // Go's `strings.TrimSpace`: Unicode white space (U+2028, U+00A0 … too).
            let rest = String::from_utf8_lossy(after);
            let trimmed = rest.trim();
            if !trimmed.is_empty() && !trimmed.starts_with('#') {
                let shown = trimmed.to_string();
                return Some((format!("invalid Yaml document separator: {shown}"), line_no));
            }
            if !cur.is_empty() {
                each(Chunk {
                    bytes: std::mem::take(&mut cur),
                    first_line: cur_first,
                });
                continue;
            }
        }
        if cur.is_empty() {
            cur_first = line_no;
        }
        cur.extend_from_slice(line);
        cur.push(b'\n');
    }
    if !cur.is_empty() {
        each(Chunk {
            bytes: cur,
            first_line: cur_first,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::split;

    fn texts(s: &str) -> Vec<String> {
        split(s.as_bytes())
            .0
            .into_iter()
            .map(|c| String::from_utf8(c.bytes).unwrap())
            .collect()
    }

    #[test]
    fn separators() {
        assert_eq!(texts("a: 1\n---\nb: 2\n"), ["a: 1\n", "b: 2\n"]);
        assert_eq!(texts("---\na: 1\n"), ["---\na: 1\n"]);
        assert_eq!(texts("a: 1\r\n--- # x\r\nb: 2"), ["a: 1\n", "b: 2\n"]);
        assert_eq!(texts("a: |\n  ---\n"), ["a: |\n  ---\n"]);
        let (chunks, err) = split(b"a: 1\n--- {b: 2}\n");
        // kubectl drops the document being read when the separator is refused.
        assert!(chunks.is_empty());
        assert_eq!(
            err,
            Some(("invalid Yaml document separator: {b: 2}".to_string(), 2))
        );
    }
}

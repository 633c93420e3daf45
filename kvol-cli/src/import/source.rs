//! Writing DSL source: a macro body as nested entries (`key: value,`, `head { … },`, comments),
//! and the literals the macros read back (names, strings, quantities).

/// One macro body or nested block: its entries in order.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Body {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq)]
enum Entry {
    /// `key: value,` (the value is DSL text already).
    Field { key: String, value: String },
    /// `head { … },` where `head` is `key:`, `container web`, `liveness: exec [..]`, ….
    Block { head: String, body: Body },
    /// `// text` on its own line.
    Comment(String),
    /// `text,`: an entry that is not `key: value` (a selector expression `tier In [..]`).
    Item(String),
    /// `head [{ … }, { … }],`: a list of blocks (`topology: [..]`).
    List { head: String, items: Vec<Body> },
}

/// Blocks without comments whose one-line form is at most this long are written on one line.
const INLINE_WIDTH: usize = 72;

impl Body {
    /// An empty body.
    pub fn new() -> Self {
        Body::default()
    }

    /// Whether nothing has been written.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// `key: value,` — `value` is DSL text (use [`name`], [`string`], [`quantity`], …).
    pub fn field(&mut self, key: &str, value: impl Into<String>) -> &mut Self {
        self.entries.push(Entry::Field {
            key: key.to_owned(),
            value: value.into(),
        });
        self
    }

    /// `head { body },` — `head` includes its colon when the DSL wants one (`security:`).
    pub fn block(&mut self, head: impl Into<String>, body: Body) -> &mut Self {
        self.entries.push(Entry::Block {
            head: head.into(),
            body,
        });
        self
    }

    /// `text,` — an entry that is DSL text as a whole (`tier In ["db"]`).
    pub fn item(&mut self, text: impl Into<String>) -> &mut Self {
        self.entries.push(Entry::Item(text.into()));
        self
    }

    /// `head [{ … }, …],` — `head` includes its colon (`topology:`).
    pub fn list(&mut self, head: impl Into<String>, items: Vec<Body>) -> &mut Self {
        self.entries.push(Entry::List {
            head: head.into(),
            items,
        });
        self
    }

    /// `// text` (one line per line of `text`).
    pub fn comment(&mut self, text: &str) -> &mut Self {
        for line in text.lines() {
            self.entries.push(Entry::Comment(line.to_owned()));
        }
        self
    }

    /// Appends `other`'s entries.
    pub fn extend(&mut self, other: Body) -> &mut Self {
        self.entries.extend(other.entries);
        self
    }

    /// The entries, one per line at `indent` spaces, each ending in a comma.
    pub fn write(&self, out: &mut String, indent: usize) {
        let pad = " ".repeat(indent);
        for entry in &self.entries {
            match entry {
                Entry::Field { key, value } => {
                    out.push_str(&format!("{pad}{key}: {value},\n"));
                }
                Entry::Item(text) => {
                    out.push_str(&format!("{pad}{text},\n"));
                }
                Entry::List { head, items } => {
                    let lines: Option<Vec<String>> = items.iter().map(Body::one_line).collect();
                    if let Some(lines) = &lines {
                        let line = format!("[{}]", lines.join(", "));
                        if indent + head.len() + line.len() + 2 <= 100 {
                            out.push_str(&format!("{pad}{head} {line},\n"));
                            continue;
                        }
                    }
                    out.push_str(&format!("{pad}{head} [\n"));
                    let inner = " ".repeat(indent + 4);
                    for item in items {
                        match item.one_line() {
                            Some(line) if indent + 4 + line.len() < 100 => {
                                out.push_str(&format!("{inner}{line},\n"));
                            }
                            _ => {
                                out.push_str(&format!("{inner}{{\n"));
                                item.write(out, indent + 8);
                                out.push_str(&format!("{inner}}},\n"));
                            }
                        }
                    }
                    out.push_str(&format!("{pad}],\n"));
                }
                Entry::Comment(text) => {
                    for line in wrap(text, 100usize.saturating_sub(indent + 3).max(40)) {
                        out.push_str(&format!("{pad}// {line}\n").replace(" \n", "\n"));
                    }
                }
                Entry::Block { head, body } => {
                    if let Some(line) = body.one_line()
                        && indent + head.len() + line.len() + 4 <= 100
                    {
                        out.push_str(&format!("{pad}{head} {line},\n"));
                        continue;
                    }
                    out.push_str(&format!("{pad}{head} {{\n"));
                    body.write(out, indent + 4);
                    out.push_str(&format!("{pad}}},\n"));
                }
            }
        }
    }

    /// `{ a: 1, b: { c: 3 } }` when the body is short and holds no comment (and `{}` when
    /// empty).
    fn one_line(&self) -> Option<String> {
        if self.has_comments() {
            return None;
        }
        let line = self.inline();
        (line.len() <= INLINE_WIDTH && !line.contains('\n')).then_some(line)
    }

    /// Whether a comment is written anywhere in the body.
    fn has_comments(&self) -> bool {
        self.entries.iter().any(|e| match e {
            Entry::Comment(_) => true,
            Entry::Block { body, .. } => body.has_comments(),
            Entry::List { items, .. } => items.iter().any(Body::has_comments),
            Entry::Field { .. } | Entry::Item(_) => false,
        })
    }

    /// The body on one line however long, `{ a: 1, b In [x] }` (`{}` when empty), for a value
    /// written inside another one.
    pub fn inline(&self) -> String {
        if self.entries.is_empty() {
            return "{}".to_owned();
        }
        let parts: Vec<String> = (self.entries.iter())
            .filter_map(|entry| match entry {
                Entry::Field { key, value } => Some(format!("{key}: {value}")),
                Entry::Item(text) => Some(text.clone()),
                Entry::List { head, items } => {
                    let items: Vec<String> = items.iter().map(Body::inline).collect();
                    Some(format!("{head} [{}]", items.join(", ")))
                }
                Entry::Block { head, body } => Some(format!("{head} {}", body.inline())),
                Entry::Comment(_) => None,
            })
            .collect();
        format!("{{ {} }}", parts.join(", "))
    }
}

/// `text` in lines of at most `width` characters, broken at spaces (a longer word stays whole).
fn wrap(text: &str, width: usize) -> Vec<String> {
    // A line's leading spaces (an indented list under a heading) stay, on every wrapped line.
    let body = text.trim_start_matches(' ');
    let indent = &text[..text.len() - body.len()];
    let mut lines = Vec::new();
    let mut line = indent.to_owned();
    for word in body.split(' ') {
        if line.len() > indent.len() && line.len() + 1 + word.len() > width {
            lines.push(std::mem::replace(&mut line, indent.to_owned()));
        }
        if line.len() > indent.len() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

/// A Rust string literal for `text` (escapes as Rust's own `Debug` writes them).
pub fn string(text: &str) -> String {
    format!("{text:?}")
}

/// A name as the macros read it: bare (`web`, `mongo-pvc`, `pv-0001`) when every hyphenated
/// segment lexes as one identifier or integer token, else a string literal.
pub fn name(text: &str) -> String {
    let segment_ok = |s: &str, first: bool| {
        let mut chars = s.chars();
        match chars.next() {
            Some(c) if c.is_ascii_lowercase() || c == '_' => {
                chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            }
            Some(c) if c.is_ascii_digit() && !first => s.chars().all(|c| c.is_ascii_digit()),
            _ => false,
        }
    };
    let bare = text != "_"
        && text
            .split('-')
            .enumerate()
            .all(|(i, s)| segment_ok(s, i == 0));
    if bare { text.to_owned() } else { string(text) }
}

/// A quantity as the macros read it: a bare literal (`1Gi`, `1.5Gi`, `500m`, `100`) when Rust
/// lexes it as one number token, else a string (`"1Ei"`, `"1e3"`).
pub fn quantity(text: &str) -> String {
    // `E` and `Ei` are left out: Rust reads `1E…` as an exponent.
    const SUFFIXES: [&str; 13] = [
        "Ki", "Mi", "Gi", "Ti", "Pi", "n", "u", "m", "k", "M", "G", "T", "P",
    ];
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &text[digits.len()..];
    let number_ok = {
        let mut parts = digits.splitn(2, '.');
        let whole = parts.next().unwrap_or("");
        let frac = parts.next();
        !whole.is_empty()
            && whole.chars().all(|c| c.is_ascii_digit())
            && frac.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()))
    };
    if number_ok && (suffix.is_empty() || SUFFIXES.contains(&suffix)) {
        text.to_owned()
    } else {
        string(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_bare_when_they_lex_as_one_name() {
        assert_eq!(name("web"), "web");
        assert_eq!(name("mongo-pvc"), "mongo-pvc");
        assert_eq!(name("pv-0001"), "pv-0001");
        assert_eq!(name("0-data"), "\"0-data\"");
        assert_eq!(name("web.example.com"), "\"web.example.com\"");
        assert_eq!(name("a-1e3"), "\"a-1e3\"");
        assert_eq!(name("Web"), "\"Web\"");
    }

    #[test]
    fn quantities_are_bare_when_rust_lexes_them() {
        assert_eq!(quantity("1Gi"), "1Gi");
        assert_eq!(quantity("1.5Gi"), "1.5Gi");
        assert_eq!(quantity("500m"), "500m");
        assert_eq!(quantity("1Ei"), "\"1Ei\"");
        assert_eq!(quantity("1e3"), "\"1e3\"");
        assert_eq!(quantity("1E"), "\"1E\"");
        assert_eq!(quantity(".5"), "\".5\"");
    }

    #[test]
    fn short_blocks_are_written_on_one_line() {
        let mut inner = Body::new();
        inner.field("cpu", "1").field("memory", quantity("1Gi"));
        let mut body = Body::new();
        body.field("name", name("web"))
            .block("limits:", inner)
            .comment("kept as written");
        let mut out = String::new();
        body.write(&mut out, 4);
        assert_eq!(
            out,
            "    name: web,\n    limits: { cpu: 1, memory: 1Gi },\n    // kept as written\n"
        );
    }
}

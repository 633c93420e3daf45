//! An independent model of how YAML readers resolve a PLAIN scalar, used to check that every
//! scalar kvol writes plain is read as a string by all of them.
//!
//! The patterns are transcribed from the YAML 1.1 type repository (yaml.org/type: bool, int,
//! float, null, timestamp, merge, value), PyYAML's resolver.py (which differs slightly from the
//! spec), the YAML 1.2 core schema, and go-yaml v2's resolve.go (`y`/`n`, Go's base-0 integers
//! `0o17` / `0b1` / `0x1F` with `_` removed, `yamlStyleFloat`, Go's `ParseFloat` after a `.`).
//! Their union over-approximates "some reader does not read this as a string", which is what the
//! tests need. They are matched by the small backtracking regex engine below (the test crate has
//! no `regex` dependency).

#![allow(dead_code)]

/// (reader, type, pattern); a pattern must match the whole scalar.
pub const RESOLVERS: &[(&str, &str, &str)] = &[
    // YAML 1.1 (yaml.org/type)
    (
        "1.1",
        "bool",
        "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
    ),
    (
        "1.1",
        "int",
        "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+",
    ),
    (
        "1.1",
        "float",
        "[-+]?([0-9][0-9_]*)?\\.[0-9.]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)",
    ),
    ("1.1", "null", "~|null|Null|NULL|"),
    (
        "1.1",
        "timestamp",
        "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?([Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](\\.[0-9]*)?(([ \\t]*)Z|[-+][0-9][0-9]?(:[0-9][0-9])?)?",
    ),
    ("1.1", "merge", "<<"),
    ("1.1", "value", "="),
    // PyYAML 6 resolver.py
    (
        "PyYAML",
        "float",
        "[-+]?([0-9][0-9_]*)\\.[0-9_]*([eE][-+][0-9]+)?|\\.[0-9_]+([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)",
    ),
    (
        "PyYAML",
        "int",
        "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+",
    ),
    // YAML 1.2 core schema (and ruamel's 1.2 additions)
    ("1.2", "null", "null|Null|NULL|~|"),
    ("1.2", "bool", "true|True|TRUE|false|False|FALSE"),
    (
        "1.2",
        "int",
        "[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9][0-9_]*|[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?0x[0-9a-fA-F_]+",
    ),
    (
        "1.2",
        "float",
        "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?(\\.inf|\\.Inf|\\.INF)|\\.nan|\\.NaN|\\.NAN|[-+]?([0-9][0-9_]*)\\.[0-9_]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+",
    ),
    // go-yaml v2 resolve.go (strconv with base 0 after removing '_'; any letter case of the
    // prefixes; yamlStyleFloat; Go ParseFloat spellings)
    (
        "go-yaml",
        "map",
        "y|Y|yes|Yes|YES|on|On|ON|true|True|TRUE|n|N|no|No|NO|off|Off|OFF|false|False|FALSE|~|null|Null|NULL|\\.nan|\\.NaN|\\.NAN|\\.inf|\\.Inf|\\.INF|\\+\\.inf|\\+\\.Inf|\\+\\.INF|-\\.inf|-\\.Inf|-\\.INF|<<",
    ),
    (
        "go-yaml",
        "int",
        "[-+]?_*0_*[xX][0-9a-fA-F_]+|[-+]?_*0_*[oObB][0-9_]+|[-+]?[0-9_]*[0-9][0-9_]*",
    ),
    (
        "go-yaml",
        "float",
        "[-+]?(\\.[0-9_]+|[0-9_]*[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9_]+)?",
    ),
    (
        "go-yaml",
        "dot-float",
        "\\.[0-9_]+([eE][-+]?[0-9]+)?|[-+.]?([iI][nN][fF]|[iI][nN][fF][iI][nN][iI][tT][yY]|[nN][aA][nN])",
    ),
    ("go-yaml", "timestamp", "[0-9][0-9][0-9][0-9]-.*"),
];

/// The first resolver that takes the plain scalar `s` for something other than a string.
pub fn non_string_reading(s: &str) -> Option<(&'static str, &'static str)> {
    static COMPILED: std::sync::OnceLock<Vec<Vec<Vec<Node>>>> = std::sync::OnceLock::new();
    let compiled = COMPILED.get_or_init(|| RESOLVERS.iter().map(|r| parse(r.2)).collect());
    let chars: Vec<char> = s.chars().collect();
    RESOLVERS
        .iter()
        .zip(compiled)
        .find(|(_, alts)| matches(alts, &chars))
        .map(|(&(reader, ty, _), _)| (reader, ty))
}

// --- a tiny backtracking regex engine: literals, `.`, `\x` escapes (`\t` = tab), classes with
// --- ranges, groups `(...)` / `(?:...)`, alternation, `?` `*` `+`.

#[derive(Debug)]
enum Node {
    Char(char),
    Any,
    Class(Vec<(char, char)>),
    Group(Vec<Vec<Node>>),
    Repeat(Box<Node>, usize, usize),
}

struct Parser<'p> {
    chars: Vec<char>,
    pos: usize,
    pattern: &'p str,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn next(&mut self) -> char {
        let c = self.chars.get(self.pos).copied();
        self.pos += 1;
        c.unwrap_or_else(|| panic!("bad pattern {}", self.pattern))
    }

    fn escaped(&mut self) -> char {
        match self.next() {
            't' => '\t',
            c => c,
        }
    }

    fn alternatives(&mut self) -> Vec<Vec<Node>> {
        let mut alts = vec![self.sequence()];
        while self.peek() == Some('|') {
            self.pos += 1;
            alts.push(self.sequence());
        }
        alts
    }

    fn sequence(&mut self) -> Vec<Node> {
        let mut seq = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            self.pos += 1;
            let atom = match c {
                '(' => {
                    if self.peek() == Some('?') {
                        self.pos += 2; // "?:"
                    }
                    let alts = self.alternatives();
                    assert_eq!(self.next(), ')', "bad pattern {}", self.pattern);
                    Node::Group(alts)
                }
                '[' => {
                    let mut ranges = Vec::new();
                    loop {
                        let mut lo = self.next();
                        if lo == ']' {
                            break;
                        }
                        if lo == '\\' {
                            lo = self.escaped();
                        }
                        let mut hi = lo;
                        if self.peek() == Some('-') && self.chars.get(self.pos + 1) != Some(&']') {
                            self.pos += 1;
                            hi = self.next();
                            if hi == '\\' {
                                hi = self.escaped();
                            }
                        }
                        ranges.push((lo, hi));
                    }
                    Node::Class(ranges)
                }
                '\\' => Node::Char(self.escaped()),
                '.' => Node::Any,
                c => Node::Char(c),
            };
            let atom = match self.peek() {
                Some('?') => Node::Repeat(Box::new(atom), 0, 1),
                Some('*') => Node::Repeat(Box::new(atom), 0, usize::MAX),
                Some('+') => Node::Repeat(Box::new(atom), 1, usize::MAX),
                _ => {
                    seq.push(atom);
                    continue;
                }
            };
            self.pos += 1;
            seq.push(atom);
        }
        seq
    }
}

fn parse(pattern: &str) -> Vec<Vec<Node>> {
    let mut p = Parser {
        chars: pattern.chars().collect(),
        pos: 0,
        pattern,
    };
    let alts = p.alternatives();
    assert_eq!(p.pos, p.chars.len(), "bad pattern {pattern}");
    alts
}

fn seq(nodes: &[Node], s: &[char], i: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
    let Some((first, rest)) = nodes.split_first() else {
        return k(i);
    };
    match first {
        Node::Char(c) => s.get(i) == Some(c) && seq(rest, s, i + 1, k),
        Node::Any => i < s.len() && seq(rest, s, i + 1, k),
        Node::Class(ranges) => match s.get(i) {
            Some(&ch) if ranges.iter().any(|&(lo, hi)| lo <= ch && ch <= hi) => {
                seq(rest, s, i + 1, k)
            }
            _ => false,
        },
        Node::Group(alts) => alts
            .iter()
            .any(|alt| seq(alt, s, i, &mut |j| seq(rest, s, j, k))),
        Node::Repeat(inner, min, max) => repeat(inner, *min, *max, 0, rest, s, i, k),
    }
}

#[allow(clippy::too_many_arguments)]
fn repeat(
    inner: &Node,
    min: usize,
    max: usize,
    count: usize,
    rest: &[Node],
    s: &[char],
    i: usize,
    k: &mut dyn FnMut(usize) -> bool,
) -> bool {
    if count < max
        && seq(std::slice::from_ref(inner), s, i, &mut |j| {
            (j > i || count < min) && repeat(inner, min, max, count + 1, rest, s, j, k)
        })
    {
        return true;
    }
    count >= min && seq(rest, s, i, k)
}

/// True when `pattern` matches all of `s`.
pub fn full_match(pattern: &str, s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    matches(&parse(pattern), &chars)
}

fn matches(alts: &[Vec<Node>], chars: &[char]) -> bool {
    alts.iter()
        .any(|alt| seq(alt, chars, 0, &mut |j| j == chars.len()))
}

#[test]
fn the_regex_engine_works() {
    assert!(full_match("a|b", "b"));
    assert!(!full_match("a|b", "ab"));
    assert!(full_match("[-+]?[0-9]+", "-12"));
    assert!(!full_match("[-+]?[0-9]+", "-"));
    assert!(full_match("(:[0-5]?[0-9])+", ":1:59"));
    assert!(full_match("x(\\.[0-9]*)?", "x."));
    assert!(full_match("[ \\t]+", " \t"));
    assert!(full_match("~|null|", ""));
    assert!(full_match("0-.*", "0-abc"));
}

#[test]
fn the_resolvers_know_the_classics() {
    for s in [
        "yes",
        "No",
        "ON",
        "y",
        "N",
        "true",
        "~",
        "null",
        "",
        "0755",
        "0o17",
        "0O17",
        "0x1F",
        "0b1",
        "1e3",
        "1E3",
        "1e+3",
        ".inf",
        "-.Inf",
        ".NaN",
        "1_000",
        "12:30",
        "190:20:30",
        "2001-12-14",
        "2001-12-14t21:59:43.10-05:00",
        "=",
        "<<",
        "08",
        "1.0",
        "-1",
        "+1",
        "0.",
        "1.e3",
        ".5",
        "685_230.15",
        "9223372036854775808",
        "1:20",
        "infinity",
        "+Inf",
        ".nan",
    ] {
        assert!(
            non_string_reading(s).is_some(),
            "{s:?} should resolve to a non-string"
        );
    }
    for s in [
        "1Gi",
        "500m",
        "abc",
        "ReadWriteOnce",
        "a:b",
        "/x",
        "o",
        "yess",
    ] {
        assert_eq!(non_string_reading(s), None, "{s:?} should be a string");
    }
}

//! Scalars: the plain-or-quoted decision, double-quoted escaping, numbers.

use std::fmt::Write as _;

/// Words that some reader resolves to a non-string when plain, compared case-insensitively:
/// YAML 1.1 and go-yaml v2 bools (`y`, `n`, `yes`, `no`, `on`, `off`, `true`, `false`), null, and
/// for good measure the float spellings Go's `ParseFloat` knows (`nan`, `inf`, `infinity`).
const RESERVED: [&[u8]; 12] = [
    b"y",
    b"n",
    b"yes",
    b"no",
    b"on",
    b"off",
    b"true",
    b"false",
    b"null",
    b"nan",
    b"inf",
    b"infinity",
];

/// Kubernetes quantity suffixes allowed after a digit-first plain scalar.
const QUANTITY_SUFFIXES: [&[u8]; 15] = [
    b"Ki", b"Mi", b"Gi", b"Ti", b"Pi", b"Ei", b"n", b"u", b"m", b"k", b"M", b"G", b"T", b"P", b"E",
];

/// Returns true when `s` must be written double-quoted, i.e. when kvol cannot prove that
/// YAML 1.1 (PyYAML), go-yaml v2 (Kubernetes) and YAML 1.2 readers all read the plain scalar `s`
/// as the string `s`.
///
/// The rule is deliberately narrow. A string is written plain only when:
///
/// 1. it is not empty and does not end with `:`;
/// 2. it starts with an ASCII letter and continues with ASCII letters, digits and `. _ / - :`
///    (for example `registry.k8s.io/nginx-slim:0.8`, `ReadWriteOnce`, `app.kubernetes.io/name`),
///    and is not one of `y n yes no on off true false null nan inf infinity` in any letter case;
/// 3. or it starts with `/` and continues with ASCII letters, digits and `. _ / -` (a path such as
///    `/var/lib/data`);
/// 4. or it has the shape of a Kubernetes quantity with a suffix:
///    `[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)` (for example `1Gi`, `500m`,
///    `1.5Gi`), which no reader takes for a number, date or time.
///
/// Everything else (`yes`, `0755`, `1e3`, `10.0.2.5`, `a b`, `-x`, `.inf`, non-ASCII text, ...)
/// is quoted.
///
/// ```
/// use kvol_core::yaml::needs_quotes;
/// assert!(!needs_quotes("registry.k8s.io/nginx-slim:0.8"));
/// assert!(!needs_quotes("1Gi"));
/// assert!(needs_quotes("on"));
/// assert!(needs_quotes("10.0.2.5"));
/// assert!(needs_quotes(""));
/// ```
pub fn needs_quotes(s: &str) -> bool {
    !is_plain_safe(s.as_bytes())
}

/// [`PLAIN_BYTES`] flag: the byte may follow a leading letter (ASCII letters, digits, `. _ / - :`).
const WORD: u8 = 1;
/// [`PLAIN_BYTES`] flag: the byte may follow a leading `/` (ASCII letters, digits, `. _ / -`).
const PATH: u8 = 2;

/// The plain-scalar byte classes of rules 2 and 3 of [`needs_quotes`], as a table: the check runs
/// on every string written, so one lookup per byte instead of a chain of comparisons.
static PLAIN_BYTES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'/' | b'-') {
            t[c] = WORD | PATH;
        } else if b == b':' {
            t[c] = WORD;
        }
        c += 1;
    }
    t
};

#[inline]
fn is_plain_safe(b: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    if last == b':' {
        return false;
    }
    if first.is_ascii_alphabetic() {
        b.iter().all(|&c| PLAIN_BYTES[usize::from(c)] & WORD != 0) && !is_reserved(b)
    } else if first == b'/' {
        b.iter().all(|&c| PLAIN_BYTES[usize::from(c)] & PATH != 0)
    } else if first.is_ascii_digit() {
        is_quantity_shape(b)
    } else {
        false
    }
}

fn is_reserved(b: &[u8]) -> bool {
    b.len() <= 8 && RESERVED.iter().any(|w| w.eq_ignore_ascii_case(b))
}

/// `[0-9]+(\.[0-9]+)?` followed by exactly one quantity suffix.
fn is_quantity_shape(b: &[u8]) -> bool {
    let int_len = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if int_len == 0 {
        return false;
    }
    let mut rest = &b[int_len..];
    if let Some((&b'.', frac)) = rest.split_first() {
        let frac_len = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if frac_len == 0 {
            return false;
        }
        rest = &frac[frac_len..];
    }
    QUANTITY_SUFFIXES.contains(&rest)
}

/// Appends the YAML form of the string `s` to `out`: plain when [`needs_quotes`] says it may be,
/// otherwise double-quoted, on a single line, with `\\ \" \n \t \r \0` escapes and `\xXX` /
/// `\uXXXX` for every character outside YAML 1.1's printable set and for the characters some
/// reader treats as a line break or byte-order mark (U+0085, U+2028, U+2029, U+FEFF).
///
/// ```
/// let mut out = String::new();
/// kvol_core::yaml::write_str_scalar(&mut out, "1Gi");
/// out.push(' ');
/// kvol_core::yaml::write_str_scalar(&mut out, "yes");
/// out.push(' ');
/// kvol_core::yaml::write_str_scalar(&mut out, "a\tb\u{85}");
/// assert_eq!(out, r#"1Gi "yes" "a\tb\x85""#);
/// ```
pub fn write_str_scalar(out: &mut String, s: &str) {
    if is_plain_safe(s.as_bytes()) {
        out.push_str(s);
    } else {
        write_quoted(out, s);
    }
}

/// Escape for an ASCII byte inside a double-quoted scalar: 0 = copy, b'x' = `\xXX`, else the
/// letter after the backslash.
const fn ascii_escapes() -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 0x20 {
        t[i] = b'x';
        i += 1;
    }
    t[0x00] = b'0';
    t[0x09] = b't';
    t[0x0A] = b'n';
    t[0x0D] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t[0x7F] = b'x';
    t
}

static ASCII_ESCAPES: [u8; 128] = ascii_escapes();

/// True for a non-ASCII char that must be escaped: C1 controls (NEL among them), the Unicode line
/// and paragraph separators, the BOM and the non-characters U+FFFE / U+FFFF.
#[inline]
fn must_escape_non_ascii(c: char) -> bool {
    matches!(
        c,
        '\u{80}'..='\u{9F}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'
    )
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Writes `s` double-quoted (see [`write_str_scalar`]).
fn write_quoted(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0; // start of the pending run to copy verbatim
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            let esc = ASCII_ESCAPES[b as usize];
            if esc == 0 {
                i += 1;
                continue;
            }
            out.push_str(&s[start..i]);
            out.push('\\');
            if esc == b'x' {
                push_hex(out, 'x', u32::from(b), 2);
            } else {
                out.push(char::from(esc));
            }
            i += 1;
            start = i;
        } else {
            // `i` is at a char boundary: every earlier step advanced by whole chars.
            let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let width = c.len_utf8();
            if must_escape_non_ascii(c) {
                out.push_str(&s[start..i]);
                out.push('\\');
                let code = u32::from(c);
                if code < 0x100 {
                    push_hex(out, 'x', code, 2);
                } else {
                    push_hex(out, 'u', code, 4);
                }
                start = i + width;
            }
            i += width;
        }
    }
    out.push_str(&s[start..]);
    out.push('"');
}

fn push_hex(out: &mut String, letter: char, code: u32, digits: u32) {
    out.push(letter);
    for k in (0..digits).rev() {
        out.push(char::from(HEX[((code >> (4 * k)) & 0xF) as usize]));
    }
}

/// Appends an unsigned integer in decimal.
#[inline]
pub(crate) fn write_u64(out: &mut String, mut v: u64) {
    let mut buf = [0u8; 20];
    let mut pos = buf.len();
    loop {
        pos -= 1;
        buf[pos] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for &d in &buf[pos..] {
        out.push(char::from(d));
    }
}

/// Appends a signed integer in decimal.
#[inline]
pub(crate) fn write_i64(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    write_u64(out, v.unsigned_abs());
}

/// Appends a float that YAML 1.1, YAML 1.2 and go-yaml v2 all read as the same float: always
/// with a `.` and, when an exponent is needed, with an explicit sign (`1.0e+300`), which YAML 1.1
/// requires; `.nan`, `.inf`, `-.inf` for the non-finite values.
pub(crate) fn write_float<F>(out: &mut String, v: F, is_nan: bool, is_inf: bool, negative: bool)
where
    F: std::fmt::Display + std::fmt::LowerExp,
{
    if is_nan {
        out.push_str(".nan");
        return;
    }
    if is_inf {
        out.push_str(if negative { "-.inf" } else { ".inf" });
        return;
    }
    let sci = format!("{v:e}");
    let (mantissa, exp) = match sci.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (sci.as_str(), 0),
    };
    if (-5..=15).contains(&exp) {
        let start = out.len();
        let _ = write!(out, "{v}");
        if !out[start..].contains('.') {
            out.push_str(".0");
        }
    } else {
        out.push_str(mantissa);
        if !mantissa.contains('.') {
            out.push_str(".0");
        }
        out.push('e');
        if exp >= 0 {
            out.push('+');
        }
        write_i64(out, i64::from(exp));
    }
}

/// Appends `n` spaces.
#[inline]
pub(crate) fn indent(out: &mut String, n: usize) {
    const SPACES: &str = "                                                                ";
    let mut n = n;
    while n > SPACES.len() {
        out.push_str(SPACES);
        n -= SPACES.len();
    }
    out.push_str(&SPACES[..n]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(s: &str) -> String {
        let mut out = String::new();
        write_quoted(&mut out, s);
        out
    }

    fn float(v: f64) -> String {
        let mut out = String::new();
        write_float(
            &mut out,
            v,
            v.is_nan(),
            v.is_infinite(),
            v.is_sign_negative(),
        );
        out
    }

    #[test]
    fn plain_words() {
        for s in [
            "a",
            "ReadWriteOnce",
            "v1",
            "apps/v1",
            "app.kubernetes.io/name",
            "nginx-slim:0.8",
            "registry.k8s.io/nginx-slim:0.8",
            "MY_VAR",
            "/data",
            "/dev/termination-log",
            "1Gi",
            "500m",
            "1.5Gi",
            "100Mi",
            "2E",
            "yess",
            "o",
            "nulls",
            "http://x",
            "a:b",
            "/",
        ] {
            assert!(!needs_quotes(s), "{s:?} should be plain");
        }
    }

    #[test]
    fn quoted_words() {
        for s in [
            "",
            "y",
            "Y",
            "n",
            "N",
            "yes",
            "No",
            "ON",
            "oFf",
            "true",
            "False",
            "NULL",
            "~",
            "nan",
            "Inf",
            "infinity",
            "0755",
            "0o17",
            "0x1F",
            "1e3",
            "1E3",
            ".inf",
            "1_000",
            "12:30",
            "190:20:30",
            "2001-12-14",
            "=",
            "<<",
            "08",
            "1.0",
            "-1",
            "+1",
            "a: b",
            "a #b",
            "---",
            "...",
            " a",
            "a ",
            "a\nb",
            "a\tb",
            "\"",
            "'",
            "\\",
            "é",
            "\u{85}",
            "\u{feff}",
            "10.0.2.5",
            "1",
            "1.",
            "1.Gi",
            "1Gix",
            "a:",
            "x:",
            "/a:b",
            "_x",
            ".x",
            "-x",
            "a,b",
            "a[b]",
            "a{b}",
            "a!b",
            "a&b",
            "a*b",
            "a|b",
            "a>b",
            "a%b",
            "a@b",
            "a`b",
            "a?b",
            "1Ki5",
        ] {
            assert!(needs_quotes(s), "{s:?} should be quoted");
        }
    }

    #[test]
    fn escapes() {
        assert_eq!(quoted("a\\b\"c"), r#""a\\b\"c""#);
        assert_eq!(quoted("\n\t\r\0"), r#""\n\t\r\0""#);
        assert_eq!(quoted("\u{1}\u{1b}\u{7f}"), r#""\x01\x1B\x7F""#);
        assert_eq!(quoted("\u{85}\u{a0}é"), "\"\\x85\u{a0}é\"");
        assert_eq!(
            quoted("\u{2028}\u{2029}\u{feff}\u{fffe}\u{ffff}"),
            r#""\u2028\u2029\uFEFF\uFFFE\uFFFF""#
        );
        assert_eq!(quoted("😀 ok"), "\"😀 ok\"");
        assert_eq!(quoted(""), "\"\"");
    }

    #[test]
    fn numbers() {
        let mut out = String::new();
        write_i64(&mut out, i64::MIN);
        out.push(' ');
        write_u64(&mut out, u64::MAX);
        out.push(' ');
        write_u64(&mut out, 0);
        assert_eq!(out, "-9223372036854775808 18446744073709551615 0");
        assert_eq!(float(1.0), "1.0");
        assert_eq!(float(-0.0), "-0.0");
        assert_eq!(float(0.1), "0.1");
        assert_eq!(float(1e300), "1.0e+300");
        assert_eq!(float(1.5e-7), "1.5e-7");
        assert_eq!(float(1e15), "1000000000000000.0");
        assert_eq!(float(f64::NAN), ".nan");
        assert_eq!(float(f64::NEG_INFINITY), "-.inf");
        assert_eq!(float(f64::INFINITY), ".inf");
    }

    #[test]
    fn indents() {
        let mut out = String::new();
        indent(&mut out, 150);
        assert_eq!(out.len(), 150);
        assert!(out.bytes().all(|b| b == b' '));
    }
}

//! go-yaml v2's scalar resolution (`gopkg.in/yaml.v2` 2.4, `resolve.go`, as vendored by
//! `sigs.k8s.io/yaml`), transcribed: what a plain (or explicitly tagged) scalar becomes when
//! Kubernetes decodes it into `interface{}`.

/// The long form of the YAML core tags.
pub(crate) const TAG_PREFIX: &str = "tag:yaml.org,2002:";

/// A resolved scalar, before the JSON conversion.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Scalar {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    /// `<<` (plain or `!!merge`).
    Merge,
}

/// The value of `text`: `tag` is the full tag (`tag:yaml.org,2002:int`, `!foo`), empty for a
/// plain scalar without tag; `quoted` scalars without tag are strings. The error is go-yaml's
/// message.
pub(crate) fn resolve_scalar(tag: &str, text: &str, plain: bool) -> Result<Scalar, String> {
    if tag.is_empty() && !plain {
        return Ok(Scalar::Str(text.to_string()));
    }
    let short = tag.strip_prefix(TAG_PREFIX);
    if tag == "tag:yaml.org,2002:binary" {
        return decode_base64(text)
            .map(|b| Scalar::Str(String::from_utf8_lossy(&b).into_owned()))
            .ok_or_else(|| "!!binary value contains invalid base64 data".to_string());
    }
    if tag == "tag:yaml.org,2002:merge" && text == "<<" {
        return Ok(Scalar::Merge);
    }
    let resolvable = tag.is_empty()
        || matches!(
            short,
            Some("str" | "bool" | "int" | "float" | "null" | "timestamp")
        );
    if !resolvable {
        return Ok(Scalar::Str(text.to_string()));
    }
    let (rtag, value) = resolve(short.unwrap_or(""), text);
    let want = short.unwrap_or("");
    if want.is_empty() || want == rtag || want == "str" {
        return Ok(value);
    }
    // go-yaml turns an int (not a uint64) into a float under `!!float`.
    if let ("float", Scalar::Int(i)) = (want, &value) {
        return Ok(Scalar::Float(*i as f64));
    }
    Err(format!("cannot decode !!{rtag} `{text}` as a !!{want}"))
}

/// go-yaml's `resolve(tag, in)`, for a resolvable tag (`""` or a short core tag): the resolved
/// short tag and value.
fn resolve(tag: &str, text: &str) -> (&'static str, Scalar) {
    let hint = match text.as_bytes().first() {
        None => b'N',
        Some(b'+' | b'-') => b'S',
        Some(b'0'..=b'9') => b'D',
        Some(b'y' | b'Y' | b'n' | b'N' | b't' | b'T' | b'f' | b'F' | b'o' | b'O' | b'~') => b'M',
        Some(b'.') => b'.',
        Some(_) => 0,
    };
    if hint == 0 || tag == "str" {
        return ("str", Scalar::Str(text.to_string()));
    }
    if let Some(v) = resolve_map(text) {
        return v;
    }
    match hint {
        b'.' => {
            if let Some(f) = go_parse_float(text) {
                return ("float", Scalar::Float(f));
            }
        }
        b'D' | b'S' => {
            if (tag.is_empty() || tag == "timestamp") && looks_like_timestamp(text) {
                return ("timestamp", Scalar::Str(text.to_string()));
            }
            let plain: String = text.chars().filter(|&c| c != '_').collect();
            if let Some(i) = go_parse_int(&plain) {
                return ("int", Scalar::Int(i));
            }
            if let Some(u) = go_parse_uint(&plain) {
                return ("int", Scalar::UInt(u));
            }
            if yaml_style_float(&plain)
                && let Some(f) = go_parse_float(&plain)
            {
                return ("float", Scalar::Float(f));
            }
            // The `0b` / `-0b` branches of resolve.go are already covered by base 0 parsing.
        }
        _ => {}
    }
    ("str", Scalar::Str(text.to_string()))
}

fn resolve_map(text: &str) -> Option<(&'static str, Scalar)> {
    Some(match text {
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            ("bool", Scalar::Bool(true))
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            ("bool", Scalar::Bool(false))
        }
        "" | "~" | "null" | "Null" | "NULL" => ("null", Scalar::Null),
        ".nan" | ".NaN" | ".NAN" => ("float", Scalar::Float(f64::NAN)),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            ("float", Scalar::Float(f64::INFINITY))
        }
        "-.inf" | "-.Inf" | "-.INF" => ("float", Scalar::Float(f64::NEG_INFINITY)),
        "<<" => ("merge", Scalar::Merge),
        _ => return None,
    })
}

/// `parseTimestamp`'s first test (four digits and a dash) followed by the formats go-yaml
/// accepts, checked by shape: `2006-1-2`, optionally with a time.
fn looks_like_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 5 || !b[..4].iter().all(u8::is_ascii_digit) || b[4] != b'-' {
        return false;
    }
    // Date part: YYYY-M(M)-D(D).
    let mut i = 5;
    let month = count_digits(&b[i..]);
    if !(1..=2).contains(&month) {
        return false;
    }
    i += month;
    if b.get(i) != Some(&b'-') {
        return false;
    }
    i += 1;
    let day = count_digits(&b[i..]);
    if !(1..=2).contains(&day) {
        return false;
    }
    i += day;
    let m: u32 = s[5..5 + month].parse().unwrap_or(0);
    let d: u32 = s[6 + month..6 + month + day].parse().unwrap_or(0);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return false;
    }
    i == b.len() || matches!(b[i], b'T' | b't' | b' ')
}

fn count_digits(b: &[u8]) -> usize {
    b.iter().take_while(|c| c.is_ascii_digit()).count()
}

/// Go's `strconv.ParseInt(s, 0, 64)` (underscores already removed).
fn go_parse_int(s: &str) -> Option<i64> {
    let (neg, body) = match s.as_bytes().first()? {
        b'+' => (false, &s[1..]),
        b'-' => (true, &s[1..]),
        _ => (false, s),
    };
    let u = parse_uint_base0(body)?;
    if neg {
        if u <= i64::MAX as u64 + 1 {
            Some((u as i128).wrapping_neg() as i64)
        } else {
            None
        }
    } else if u <= i64::MAX as u64 {
        Some(u as i64)
    } else {
        None
    }
}

/// Go's `strconv.ParseUint(s, 0, 64)`: no sign.
fn go_parse_uint(s: &str) -> Option<u64> {
    parse_uint_base0(s)
}

fn parse_uint_base0(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    let (radix, digits) = if b.len() >= 2 && b[0] == b'0' {
        match b[1] {
            b'x' | b'X' => (16, &s[2..]),
            b'o' | b'O' => (8, &s[2..]),
            b'b' | b'B' => (2, &s[2..]),
            _ => (8, &s[1..]),
        }
    } else {
        (10, s)
    };
    if digits.is_empty() {
        return None; // "0x", "0o", "0b"
    }
    if !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    u64::from_str_radix(digits, radix).ok()
}

/// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
fn yaml_style_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        let n = count_digits(&b[i..]);
        if n == 0 {
            return false;
        }
        i += n;
    } else {
        let n = count_digits(&b[i..]);
        if n == 0 {
            return false;
        }
        i += n;
        if b.get(i) == Some(&b'.') {
            i += 1;
            i += count_digits(&b[i..]);
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let n = count_digits(&b[i..]);
        if n == 0 {
            return false;
        }
        i += n;
    }
    i == b.len()
}

/// Go's `strconv.ParseFloat(s, 64)` for the decimal syntax (what reaches it from `resolve`):
/// underscores only between digits, no hexadecimal, `inf`/`nan` words, out-of-range values
/// refused (go-yaml then keeps the string).
fn go_parse_float(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let body = b
        .strip_prefix(b"+")
        .or_else(|| b.strip_prefix(b"-"))
        .unwrap_or(b);
    let lower = String::from_utf8_lossy(body).to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity") {
        return Some(if b[0] == b'-' {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if lower == "nan" {
        return if body.len() == b.len() {
            Some(f64::NAN)
        } else {
            None
        };
    }
    if lower.starts_with("0x") {
        return None; // hexadecimal floats cannot reach here from resolve (regex or '.').
    }
    let mut cleaned = String::with_capacity(s.len());
    if s.contains('_') {
        if !underscore_ok(s) {
            return None;
        }
        cleaned.extend(s.chars().filter(|&c| c != '_'));
    } else {
        cleaned.push_str(s);
    }
    if !go_decimal_float_syntax(cleaned.as_bytes()) {
        return None;
    }
    let f: f64 = cleaned.parse().ok()?;
    if f.is_infinite() { None } else { Some(f) }
}

/// Go's decimal float syntax: sign, digits with an optional point (at least one digit), and an
/// optional exponent with at least one digit.
fn go_decimal_float_syntax(b: &[u8]) -> bool {
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let int = count_digits(&b[i..]);
    i += int;
    let mut frac = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac = count_digits(&b[i..]);
        i += frac;
    }
    if int + frac == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let n = count_digits(&b[i..]);
        if n == 0 {
            return false;
        }
        i += n;
    }
    i == b.len()
}

/// Go's `strconv.underscoreOK` (decimal case): every `_` sits between two digits.
fn underscore_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let b = b
        .strip_prefix(b"+")
        .or_else(|| b.strip_prefix(b"-"))
        .unwrap_or(b);
    let mut saw = b'^';
    for &c in b {
        if c.is_ascii_digit() {
            saw = b'0';
            continue;
        }
        if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
            continue;
        }
        if saw == b'_' {
            return false;
        }
        saw = b'!';
    }
    saw != b'_'
}

/// Go's `base64.StdEncoding.DecodeString` (padding required; `\r` and `\n` ignored).
fn decode_base64(s: &str) -> Option<Vec<u8>> {
    let clean: Vec<u8> = s.bytes().filter(|&c| c != b'\n' && c != b'\r').collect();
    if !clean.len().is_multiple_of(4) {
        return None;
    }
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        })
    };
    let mut out = Vec::with_capacity(clean.len() / 4 * 3);
    let groups = clean.len() / 4;
    for (g, quad) in clean.chunks(4).enumerate() {
        let pad = quad.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && g + 1 != groups) {
            return None;
        }
        let mut n = 0u32;
        for &c in &quad[..4 - pad] {
            n = (n << 6) | val(c)?;
        }
        n <<= 6 * pad as u32;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::{Scalar, resolve_scalar};

    fn r(s: &str) -> Scalar {
        resolve_scalar("", s, true).unwrap()
    }

    #[test]
    fn go_yaml_v2_table() {
        assert_eq!(r("yes"), Scalar::Bool(true));
        assert_eq!(r("Y"), Scalar::Bool(true));
        assert_eq!(r("OFF"), Scalar::Bool(false));
        assert_eq!(r("yEs"), Scalar::Str("yEs".into()));
        assert_eq!(r("0755"), Scalar::Int(493));
        assert_eq!(r("0o17"), Scalar::Int(15));
        assert_eq!(r("0x1F"), Scalar::Int(31));
        assert_eq!(r("-0b101"), Scalar::Int(-5));
        assert_eq!(r("08"), Scalar::Float(8.0));
        assert_eq!(r("1e3"), Scalar::Float(1000.0));
        assert_eq!(r("1_000"), Scalar::Int(1000));
        assert_eq!(r("1:20"), Scalar::Str("1:20".into()));
        assert_eq!(r("~"), Scalar::Null);
        assert_eq!(r("1e400"), Scalar::Str("1e400".into()));
        assert_eq!(r("18446744073709551615"), Scalar::UInt(u64::MAX));
        assert_eq!(r("-9223372036854775808"), Scalar::Int(i64::MIN));
        assert_eq!(r("2001-12-14"), Scalar::Str("2001-12-14".into()));
        assert_eq!(r(".5"), Scalar::Float(0.5));
        assert_eq!(r("+-1"), Scalar::Str("+-1".into()));
        assert!(resolve_scalar("tag:yaml.org,2002:int", "abc", false).is_err());
        assert_eq!(
            resolve_scalar("tag:yaml.org,2002:float", "1", true).unwrap(),
            Scalar::Float(1.0)
        );
        assert_eq!(
            resolve_scalar("tag:yaml.org,2002:binary", "aGk=", true).unwrap(),
            Scalar::Str("hi".into())
        );
    }
}

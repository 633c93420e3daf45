//! JSON exactly as Go's `encoding/json` (Go 1.19) writes the `interface{}` tree that
//! `sigs.k8s.io/yaml` builds: object keys sorted by bytes, HTML-safe string escapes, and Go's
//! float formatting. The output of [`crate::Node::to_json`] is therefore byte for byte what
//! kubectl hands to the API server, which is what the tests compare.

use crate::{Node, Value};

pub(crate) fn write(node: &Node, out: &mut String) {
    match &node.value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::UInt(u) => out.push_str(&u.to_string()),
        Value::Float(f) => out.push_str(&go_float(*f)),
        Value::String(s) => write_str(s, out),
        Value::Seq(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        Value::Map(entries) => {
            let mut sorted: Vec<_> = entries.iter().collect();
            sorted.sort_by(|a, b| a.0.name.cmp(&b.0.name));
            out.push('{');
            for (i, (k, v)) in sorted.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_str(&k.name, out);
                out.push(':');
                write(v, out);
            }
            out.push('}');
        }
    }
}

/// `s` as a JSON string.
pub(crate) fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_str(s, &mut out);
    out
}

/// Go's `encodeState.string` with `escapeHTML` (Go 1.19: only `\n`, `\r`, `\t` get short
/// escapes).
pub(crate) fn write_str(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{0}'..='\u{1f}' => {
                let b = c as u8;
                out.push_str("\\u00");
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 0xf)] as char);
            }
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
    }
    out.push('"');
}

/// Go's `floatEncoder` for float64: `%f`-style shortest digits, or `%e` below 1e-6 and from
/// 1e21 on, with `e-07` cleaned up to `e-7`.
pub(crate) fn go_float(f: f64) -> String {
    let abs = f.abs();
    if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
        let e = format!("{f:e}"); // shortest digits: "1.2345e23", "1e-7"
        let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
        let (sign, digits) = match exp.strip_prefix('-') {
            Some(d) => ('-', d),
            None => ('+', exp),
        };
        let digits = if sign == '+' && digits.len() < 2 {
            format!("0{digits}")
        } else {
            digits.to_string()
        };
        format!("{mant}e{sign}{digits}")
    } else {
        format!("{f}")
    }
}

/// `strconv.FormatFloat(f, 'g', -1, 32)`, with go-yaml's names for the infinities and NaN:
/// how `sigs.k8s.io/yaml` turns a float map key into a JSON key.
pub(crate) fn go_float32_key(f: f64) -> String {
    if f.is_nan() {
        return ".nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { ".inf" } else { "-.inf" }.into();
    }
    let x = f as f32;
    if x.is_infinite() {
        return if x > 0.0 { ".inf" } else { "-.inf" }.into();
    }
    let e = format!("{x:e}");
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if x != 0.0 && !(-4..6).contains(&exp) {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mant}e{sign}{:02}", exp.abs())
    } else {
        format!("{x}")
    }
}

#[cfg(test)]
mod tests {
    use super::{go_float, go_float32_key};

    #[test]
    fn floats_as_go() {
        assert_eq!(go_float(1e21), "1e+21");
        assert_eq!(go_float(1e20), "100000000000000000000");
        assert_eq!(go_float(1e-7), "1e-7");
        assert_eq!(go_float(1.2345678901234569e23), "1.2345678901234569e+23");
        assert_eq!(go_float(-0.0), "-0");
        assert_eq!(go_float(12000.0), "12000");
        assert_eq!(go_float(0.1), "0.1");
        assert_eq!(go_float(1.5e-10), "1.5e-10");
        assert_eq!(go_float32_key(1.5), "1.5");
        assert_eq!(go_float32_key(1e6), "1e+06");
        assert_eq!(go_float32_key(123456.0), "123456");
        assert_eq!(go_float32_key(0.00001), "1e-05");
        assert_eq!(go_float32_key(0.1), "0.1");
    }
}

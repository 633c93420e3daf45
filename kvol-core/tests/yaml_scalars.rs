//! Ambiguous scalars: each must be written quoted (exact bytes pinned) and read back identical;
//! every scalar written plain must be a string for YAML 1.1, go-yaml v2 and YAML 1.2 readers.

#[path = "support/resolvers.rs"]
mod resolvers;

use std::collections::BTreeMap;

use kvol_core::yaml::{self, needs_quotes, write_str_scalar};
use resolvers::non_string_reading;

/// (string, exact YAML form)
const TABLE: &[(&str, &str)] = &[
    ("yes", r#""yes""#),
    ("no", r#""no""#),
    ("on", r#""on""#),
    ("off", r#""off""#),
    ("y", r#""y""#),
    ("n", r#""n""#),
    ("Y", r#""Y""#),
    ("N", r#""N""#),
    ("True", r#""True""#),
    ("NULL", r#""NULL""#),
    ("yEs", r#""yEs""#),
    ("oFF", r#""oFF""#),
    ("~", r#""~""#),
    ("", r#""""#),
    ("0755", r#""0755""#),
    ("0o17", r#""0o17""#),
    ("0O17", r#""0O17""#),
    ("0x1F", r#""0x1F""#),
    ("0b101", r#""0b101""#),
    ("1e3", r#""1e3""#),
    ("1E3", r#""1E3""#),
    ("6.8523015e+5", r#""6.8523015e+5""#),
    (".inf", r#"".inf""#),
    ("-.Inf", r#""-.Inf""#),
    (".NaN", r#"".NaN""#),
    ("1_000", r#""1_000""#),
    ("685_230.15", r#""685_230.15""#),
    ("12:30", r#""12:30""#),
    ("1:20", r#""1:20""#),
    ("190:20:30", r#""190:20:30""#),
    ("2001-12-14", r#""2001-12-14""#),
    (
        "2001-12-14t21:59:43.10-05:00",
        r#""2001-12-14t21:59:43.10-05:00""#,
    ),
    ("=", r#""=""#),
    ("<<", r#""<<""#),
    ("08", r#""08""#),
    ("1.0", r#""1.0""#),
    ("0.", r#""0.""#),
    (".5", r#"".5""#),
    ("-1", r#""-1""#),
    ("+1", r#""+1""#),
    ("80", r#""80""#),
    ("10.0.2.5", r#""10.0.2.5""#),
    ("9223372036854775808", r#""9223372036854775808""#),
    ("a: b", r#""a: b""#),
    ("a:", r#""a:""#),
    ("a #b", r#""a #b""#),
    ("#", r##""#""##),
    ("---", r#""---""#),
    ("...", r#""...""#),
    ("- a", r#""- a""#),
    ("? a", r#""? a""#),
    ("[a]", r#""[a]""#),
    ("{a: 1}", r#""{a: 1}""#),
    ("&a", r#""&a""#),
    ("*a", r#""*a""#),
    ("!a", r#""!a""#),
    ("%YAML", r#""%YAML""#),
    ("@a", r#""@a""#),
    ("`a", r#""`a""#),
    ("|", r#""|""#),
    (">", r#"">""#),
    (" a", r#"" a""#),
    ("a ", r#""a ""#),
    ("  ", r#""  ""#),
    ("a\nb", r#""a\nb""#),
    ("a\n", r#""a\n""#),
    ("\n", r#""\n""#),
    ("line1\nline2\n  yes\n", r#""line1\nline2\n  yes\n""#),
    ("a\r\nb", r#""a\r\nb""#),
    ("a\tb", r#""a\tb""#),
    ("\t", r#""\t""#),
    ("'", r#""'""#),
    ("\"", r#""\"""#),
    ("it's \"x\"", r#""it's \"x\"""#),
    ("\\", r#""\\""#),
    ("C:\\dir\\", r#""C:\\dir\\""#),
    ("\0", r#""\0""#),
    ("\u{7}\u{1b}\u{7f}", r#""\x07\x1B\x7F""#),
    ("é", "\"é\""),
    ("日本語", "\"日本語\""),
    ("😀", "\"😀\""),
    ("\u{a0}", "\"\u{a0}\""),
    ("a\u{85}b", r#""a\x85b""#),
    ("\u{80}\u{9f}", r#""\x80\x9F""#),
    ("\u{feff}bom", r#""\uFEFFbom""#),
    ("a\u{2028}b\u{2029}", r#""a\u2028b\u2029""#),
    ("\u{fffe}\u{ffff}", r#""\uFFFE\uFFFF""#),
    ("\u{fffd}", "\"\u{fffd}\""),
    ("-", r#""-""#),
    (".", r#"".""#),
    (":", r#"":""#),
    ("_", r#""_""#),
];

/// Strings that stay plain (Kubernetes-typical values).
const PLAIN: &[&str] = &[
    "v1",
    "apps/v1",
    "storage.k8s.io/v1",
    "ConfigMap",
    "ReadWriteOnce",
    "registry.k8s.io/nginx-slim:0.8",
    "app.kubernetes.io/name",
    "kubernetes.io/no-provisioner",
    "/data",
    "/",
    "1Gi",
    "500Mi",
    "1.5Gi",
    "100m",
    "2E",
    "10k",
    "web-0",
    "MY_VAR",
    "Retain",
    "WaitForFirstConsumer",
    "http://example.com/x",
];

#[test]
fn ambiguous_scalars_are_quoted_exactly() {
    for &(s, want) in TABLE {
        assert!(needs_quotes(s), "{s:?} must be quoted");
        let mut out = String::new();
        write_str_scalar(&mut out, s);
        assert_eq!(out, want, "form of {s:?}");
        assert_eq!(yaml::to_string(s).unwrap(), format!("{want}\n"));
    }
}

#[test]
fn ambiguous_scalars_read_back_identical_as_values_and_keys() {
    for &(s, _) in TABLE {
        let doc = BTreeMap::from([("k", vec![s]), ("v", vec![s])]);
        let text = yaml::to_string(&doc).unwrap();
        let back: BTreeMap<String, Vec<String>> =
            serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{s:?}: {e}\n{text}"));
        assert_eq!(back["k"], [s], "{text}");

        let as_key = BTreeMap::from([(s, s)]);
        let text = yaml::to_string(&as_key).unwrap();
        let back: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        let back: serde_json::Value = serde_json::to_value(back).unwrap();
        assert_eq!(back, serde_json::json!({ s: s }), "{text}");
    }
}

#[test]
fn typical_values_stay_plain() {
    for &s in PLAIN {
        assert!(!needs_quotes(s), "{s:?} should stay plain");
        assert_eq!(yaml::to_string(s).unwrap(), format!("{s}\n"));
        assert_eq!(non_string_reading(s), None, "{s:?}");
    }
}

#[test]
fn no_quoted_example_is_a_string_by_accident() {
    // Sanity check of the test resolvers themselves: the classic traps are recognised.
    for s in [
        "yes",
        "y",
        "0755",
        "0o17",
        "1e3",
        "08",
        "1_000",
        "12:30",
        "2001-12-14",
        "<<",
        "=",
    ] {
        assert!(non_string_reading(s).is_some(), "{s:?}");
    }
}

/// Every string up to 3 characters over a hostile alphabet, and up to 4 over a narrower one:
/// whenever kvol writes it plain, no reader resolves it to a non-string, and serde_yaml reads it
/// back (as a value and as a key) unchanged.
#[test]
fn exhaustive_short_strings() {
    let wide: Vec<char> = "0189.:-+_/eExXoObBnNyYfFaZkKiIGM ~#<=,[]{}!&*|>'\"%@`?\t\n"
        .chars()
        .collect();
    let narrow: Vec<char> = "019.:-+_eExXoObBnNyYaGi".chars().collect();
    let mut plain = Vec::new();
    let mut checked = 0usize;
    let mut visit = |s: &str| {
        checked += 1;
        if !needs_quotes(s) {
            if let Some((reader, ty)) = non_string_reading(s) {
                panic!("{s:?} is written plain but {reader} reads it as {ty}");
            }
            plain.push(s.to_owned());
        }
    };
    let mut buf = String::new();
    enumerate(&wide, 3, &mut buf, &mut visit);
    enumerate(&narrow, 4, &mut buf, &mut visit);
    assert!(checked > 300_000, "{checked}");
    assert!(plain.len() > 50_000, "{}", plain.len());
    // Round trip the plain ones through a real parser, in chunks.
    for chunk in plain.chunks(2000) {
        let map: BTreeMap<&str, &str> = chunk.iter().map(|s| (s.as_str(), s.as_str())).collect();
        let text = yaml::to_string(&map).unwrap();
        let back: BTreeMap<String, String> = serde_yaml::from_str(&text).unwrap();
        assert_eq!(back.len(), map.len());
        for (k, v) in &back {
            assert_eq!(k, v);
            assert!(map.contains_key(k.as_str()));
        }
    }
}

fn enumerate(alphabet: &[char], max_len: usize, buf: &mut String, visit: &mut dyn FnMut(&str)) {
    visit(buf);
    if buf.chars().count() == max_len {
        return;
    }
    for &c in alphabet {
        buf.push(c);
        enumerate(alphabet, max_len, buf, visit);
        buf.pop();
    }
}

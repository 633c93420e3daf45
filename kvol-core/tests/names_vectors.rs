//! Runs every row of `tests/data/names.tsv` (transcribed from apimachinery's own validation tests)
//! through the matching `kvol_core::names` check, and through the matching newtype, reporting
//! every disagreement at once.

use std::collections::BTreeMap;

use kvol_core::names::{
    self, Dns1035Label, Dns1123Label, Dns1123Subdomain, LabelValue, NameError, PortName,
    QualifiedName,
};

const VECTORS: &str = include_str!("data/names.tsv");

/// Decodes the vector file's escapes: `<empty>` for the empty string, `\\`, `\t` and `\n`.
fn decode(field: &str) -> Result<String, String> {
    if field == "<empty>" {
        return Ok(String::new());
    }
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            other => return Err(format!("unknown escape \\{other:?} in {field:?}")),
        }
    }
    Ok(out)
}

type Check = fn(&str) -> Result<(), NameError>;

/// The free function and, where one exists, the newtype constructor for a function name.
fn checks(function: &str) -> Option<(Check, Option<Check>)> {
    let pair: (Check, Option<Check>) = match function {
        "dns1123_label" => (
            names::dns1123_label,
            Some(|s| Dns1123Label::new(s).map(drop)),
        ),
        "dns1123_subdomain" => (
            names::dns1123_subdomain,
            Some(|s| Dns1123Subdomain::new(s).map(drop)),
        ),
        "dns1035_label" => (
            names::dns1035_label,
            Some(|s| Dns1035Label::new(s).map(drop)),
        ),
        "qualified_name" => (
            names::qualified_name,
            Some(|s| QualifiedName::new(s).map(drop)),
        ),
        "label_value" => (names::label_value, Some(|s| LabelValue::new(s).map(drop))),
        "port_name" => (names::port_name, Some(|s| PortName::new(s).map(drop))),
        "config_map_key" => (names::config_map_key, None),
        _ => return None,
    };
    Some(pair)
}

#[test]
fn every_vector_row_agrees() {
    let mut failures = Vec::new();
    let mut rows_per_function: BTreeMap<&str, usize> = BTreeMap::new();
    let mut header_seen = false;

    for (index, line) in VECTORS.lines().enumerate() {
        let line_no = index + 1;
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [function, input, valid] = fields[..] else {
            failures.push(format!(
                "line {line_no}: expected 3 tab-separated fields: {line:?}"
            ));
            continue;
        };
        if !header_seen && (function, input, valid) == ("function", "input", "valid") {
            header_seen = true;
            continue;
        }
        let input = match decode(input) {
            Ok(input) => input,
            Err(e) => {
                failures.push(format!("line {line_no}: {e}"));
                continue;
            }
        };
        let expected = match valid {
            "true" => true,
            "false" => false,
            other => {
                failures.push(format!("line {line_no}: bad validity column {other:?}"));
                continue;
            }
        };
        let Some((check, newtype)) = checks(function) else {
            failures.push(format!("line {line_no}: unknown function {function:?}"));
            continue;
        };
        *rows_per_function.entry(function).or_default() += 1;

        let result = check(&input);
        match (&result, expected) {
            (Ok(()), true) => {}
            (Err(e), false) if !e.messages.is_empty() => {}
            (Err(e), false) => failures.push(format!(
                "line {line_no}: {function}({input:?}) returned an error with no messages: {e:?}"
            )),
            (Ok(()), false) => failures.push(format!(
                "line {line_no}: {function}({input:?}) accepted, want rejected"
            )),
            (Err(e), true) => failures.push(format!(
                "line {line_no}: {function}({input:?}) rejected, want accepted: {e}"
            )),
        }
        if let Some(newtype) = newtype {
            let typed = newtype(&input);
            if typed != result {
                failures.push(format!(
                    "line {line_no}: {function}({input:?}) newtype says {typed:?}, function says \
                     {result:?}"
                ));
            }
        }
    }

    if !header_seen {
        failures.push("no header row `function<TAB>input<TAB>valid`".to_owned());
    }
    for function in [
        "dns1123_label",
        "dns1123_subdomain",
        "dns1035_label",
        "qualified_name",
        "label_value",
        "port_name",
    ] {
        if rows_per_function.get(function).copied().unwrap_or(0) == 0 {
            failures.push(format!("no rows for {function}"));
        }
    }
    let total: usize = rows_per_function.values().sum();
    if total < 160 {
        failures.push(format!("only {total} rows read; the file has about 170"));
    }

    assert!(
        failures.is_empty(),
        "{} of {total} vector rows failed ({rows_per_function:?}):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn decode_handles_every_escape() {
    assert_eq!(decode("<empty>").unwrap(), "");
    assert_eq!(decode(r"a\\b").unwrap(), "a\\b");
    assert_eq!(decode(r"a\tb\nc").unwrap(), "a\tb\nc");
    assert_eq!(decode(" a ").unwrap(), " a ");
    assert!(decode(r"a\x").is_err());
    assert!(decode("a\\").is_err());
}

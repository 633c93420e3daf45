//! apimachinery's own quantity test vectors (`tests/data/quantity*.tsv`, copied from
//! `shared/vectors/`): every row must hold. Failures are collected and reported together.

use std::cmp::Ordering;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use kvol_core::Quantity;

const PARSE_VECTORS: &str = include_str!("data/quantity.tsv");
const CMP_VECTORS: &str = include_str!("data/quantity_cmp.tsv");

/// Decodes a TSV field: `<empty>` is the empty string; `\\`, `\t` and `\n` are escapes.
fn decode(field: &str) -> String {
    if field == "<empty>" {
        return String::new();
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
            other => panic!("unknown escape \\{other:?} in field {field:?}"),
        }
    }
    out
}

/// The data rows of a TSV file: comments (`#`) and the column header skipped, fields decoded.
/// Lines are not trimmed: leading and trailing spaces in inputs are significant.
fn rows(text: &str, columns: usize) -> Vec<(usize, Vec<String>)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#') && !line.is_empty())
        .skip(1)
        .map(|(i, line)| {
            let fields: Vec<String> = line.split('\t').map(decode).collect();
            assert_eq!(fields.len(), columns, "line {}: {line:?}", i + 1);
            (i + 1, fields)
        })
        .collect()
}

fn hash_of(q: &Quantity) -> u64 {
    let mut h = DefaultHasher::new();
    q.hash(&mut h);
    h.finish()
}

fn report(file: &str, total: usize, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} of {total} rows of {file} fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn parse_and_canonical_vectors() {
    let rows = rows(PARSE_VECTORS, 2);
    assert!(
        rows.len() >= 280,
        "expected the whole vector file, got {} rows",
        rows.len()
    );
    let mut failures = Vec::new();
    for (line, fields) in &rows {
        let (input, expected) = (&fields[0], &fields[1]);
        match (input.parse::<Quantity>(), expected.as_str()) {
            (Err(_), "ERROR") => {}
            (Ok(q), "ERROR") => {
                failures.push(format!(
                    "line {line}: {input:?} parsed as {q}, expected an error"
                ));
            }
            (Err(e), _) => {
                failures.push(format!(
                    "line {line}: {input:?} failed ({e}), expected {expected:?}"
                ));
            }
            (Ok(q), _) => {
                let canonical = q.canonical();
                if canonical != *expected {
                    failures.push(format!(
                        "line {line}: {input:?} canonical {canonical:?}, expected {expected:?}"
                    ));
                    continue;
                }
                if q.to_string() != canonical {
                    failures.push(format!(
                        "line {line}: {input:?} Display differs from canonical"
                    ));
                }
                // The canonical string reads back as the same value, and prints as itself.
                match expected.parse::<Quantity>() {
                    Ok(back) if back == q && back.canonical() == *expected => {}
                    Ok(back) => failures.push(format!(
                        "line {line}: {expected:?} reads back as {:?} ({:?})",
                        back.canonical(),
                        back
                    )),
                    Err(e) => {
                        failures.push(format!("line {line}: {expected:?} fails to reparse: {e}"))
                    }
                }
            }
        }
    }
    report("quantity.tsv", rows.len(), &failures);
}

#[test]
fn comparison_vectors() {
    let rows = rows(CMP_VECTORS, 3);
    assert!(
        rows.len() >= 95,
        "expected the whole vector file, got {} rows",
        rows.len()
    );
    let mut failures = Vec::new();
    for (line, fields) in &rows {
        let expected = match fields[2].as_str() {
            "-1" => Ordering::Less,
            "0" => Ordering::Equal,
            "1" => Ordering::Greater,
            other => panic!("line {line}: bad cmp {other:?}"),
        };
        let (a, b) = match (fields[0].parse::<Quantity>(), fields[1].parse::<Quantity>()) {
            (Ok(a), Ok(b)) => (a, b),
            (a, b) => {
                failures.push(format!("line {line}: parse failed: {a:?} / {b:?}"));
                continue;
            }
        };
        let (forward, backward) = (a.cmp(&b), b.cmp(&a));
        if forward != expected || backward != expected.reverse() {
            failures.push(format!(
                "line {line}: {:?} vs {:?}: got {forward:?}/{backward:?}, expected {expected:?}",
                fields[0], fields[1]
            ));
        }
        if (a == b) != (expected == Ordering::Equal) {
            failures.push(format!("line {line}: == disagrees with cmp"));
        }
        if expected == Ordering::Equal && hash_of(&a) != hash_of(&b) {
            failures.push(format!("line {line}: equal quantities hash differently"));
        }
    }
    report("quantity_cmp.tsv", rows.len(), &failures);
}

#[test]
fn decode_handles_every_escape() {
    assert_eq!(decode("<empty>"), "");
    assert_eq!(decode(r"a\\b\tc\nd"), "a\\b\tc\nd");
    assert_eq!(decode(" 1"), " 1");
}

//! Fidelity (issue 12, item 4): every row of the rule-mutation table (kvol-core/tests/mutations)
//! written as YAML and read back by `kvol check`. The mutated document is rejected at the same
//! field path, with the same message and rule as the library reports, at a line of the file
//! that holds that field; its accepted twin gives nothing at that path. Each row is checked at
//! every target of its version range (1.30 to 1.37 unless the API server changed).
//!
//! Rows on one object are checked per object (as the API server on create: kvol's own rules
//! are warnings there); rows on a set of objects (`Manifests`) and on a StatefulSet's Service
//! are checked as a whole set.

#[path = "../../kvol-core/tests/mutations/mod.rs"]
#[allow(unused_imports)]
mod mutations;

use kvol_cli::check::{DocReport, Finding, Input, Options, check};
use kvol_core::report::Source;
use kvol_core::{FieldError, KubeVersion};
use mutations::{Expect, Row, rows};

/// The path a finding of `row` has in its document: a set row's paths start with the object
/// (`objects[1](PersistentVolumeClaim default/c)`), which the document does not.
fn in_document(path: &str) -> String {
    match path.strip_prefix("objects[") {
        Some(rest) => match rest.split_once(").") {
            Some((_, inner)) => inner.to_owned(),
            None => String::new(),
        },
        None => path.strip_prefix("service.").unwrap_or(path).to_owned(),
    }
}

fn body(e: &FieldError) -> String {
    let mut b = e.kind.as_str().to_owned();
    if let Some(v) = &e.value {
        b.push_str(": ");
        b.push_str(v);
    }
    if !e.detail.is_empty() {
        b.push_str(": ");
        b.push_str(&e.detail);
    }
    b
}

/// Whether the line a finding points at holds its field: the last field or key name, the
/// value, or a list item.
fn line_holds(yaml: &str, f: &Finding, e: Option<&FieldError>) -> bool {
    let Some(text) = yaml.lines().nth(f.line.wrapping_sub(1)) else {
        return false;
    };
    let last = f.field.rsplit(['.', '[']).next().unwrap_or("");
    let last = last.trim_end_matches(']');
    let value = e.and_then(|e| e.value.as_deref()).unwrap_or("");
    let value = value.trim_matches('"');
    // A required field the document leaves out has no line of its own: it is shown where its
    // nearest parent is (or at the document, when that is missing too).
    let absent_parent = e.is_some_and(|e| e.kind == kvol_core::report::ErrorKind::Required);
    text.contains(last)
        || (!value.is_empty() && text.contains(value))
        || text.trim_start().starts_with('-')
        || f.field.is_empty()
        || absent_parent
}

/// Rows whose meaning YAML cannot carry: a StatefulSet's Service is paired with it by name and
/// namespace, so a Service named or placed otherwise is simply another Service (kvol check
/// then finds no governing Service in the files, which may exist in the cluster).
/// So is an extra field that kvol models: in YAML it is simply that field. A DaemonSet's,
/// Deployment's or StatefulSet's `activeDeadlineSeconds`, set through the escape hatch, is
/// refused by the library; read from YAML it is a field kvol does not model (reported as such,
/// not validated).
const NOT_IN_YAML: [&str; 6] = [
    "11.2/kvol-service-name-is-serviceName",
    "11.2/kvol-service-namespace",
    "4/kvol-extra-modelled",
    "25/active-deadline-forbidden",
    "20/active-deadline-forbidden",
    "11.1/activeDeadlineSeconds",
];

/// Rows of the escape hatch (`.extra(..)` with an unknown name or a value of the wrong type):
/// what the builders refuse, the API server refuses while decoding, before any validation.
const DECODE_ROWS: [&str; 2] = ["4/extra-unknown-field", "4/extra-type"];

fn all_findings(reports: &[DocReport]) -> Vec<&Finding> {
    reports
        .iter()
        .flat_map(|r| r.errors.iter().chain(&r.warnings))
        .collect()
}

/// The problems of one row at one target, if any.
fn check_row(row: &Row, target: KubeVersion) -> Vec<String> {
    let Some(yaml_of) = &row.yaml else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    let per_object = !(row.path.starts_with("objects[") || row.path.starts_with("service."));
    let options = if per_object {
        Options::per_object(target)
    } else {
        Options::whole_set(target)
    };
    let field = in_document(&row.path);
    let yaml = yaml_of(true);
    let input = Input {
        name: "row.yaml".into(),
        bytes: yaml.clone().into_bytes(),
    };
    let reports = check(std::slice::from_ref(&input), &options);
    if DECODE_ROWS.contains(&row.id) {
        let name = field.rsplit('.').next().unwrap_or(&field);
        let refused = (reports.iter().flat_map(|r| &r.decode_errors))
            .any(|e| e.message.contains(name) && e.line > 0);
        if !refused {
            problems.push(format!("no decode error naming {name}: {reports:#?}"));
        }
        return problems;
    }
    for r in &reports {
        if !r.decode_errors.is_empty() {
            problems.push(format!("decode errors {:?}", r.decode_errors));
        }
    }
    let library = (row.reject)(target);
    let findings = all_findings(&reports);
    match row.expect {
        Expect::Error(_) => {
            // On a StatefulSet's generated Service, kvol's own consistency rules (name, namespace,
            // selector and ports equal to the set's) have no YAML form: a set read from YAML
            // has its Service as a document of its own.
            let on_service = row.path.starts_with("service.");
            let expected: Vec<&FieldError> = library
                .errors
                .iter()
                .filter(|e| in_document(e.path.as_str()) == field)
                .filter(|e| !(on_service && e.source() == Source::Kvol))
                .collect();
            if expected.is_empty() && on_service {
                return problems;
            }
            if expected.is_empty() {
                problems.push(format!("the library gives no error at {field}"));
            }
            for e in expected {
                let found = findings.iter().find(|f| {
                    f.field == field && f.rule == e.rule.as_str() && f.message == body(e)
                });
                match found {
                    None => problems.push(format!(
                        "no finding {field}: {} [{}]; kvol check gave {:#?}",
                        body(e),
                        e.rule,
                        findings
                    )),
                    Some(f) => {
                        let as_error = !per_object || e.source() == Source::ApiServer;
                        let in_errors = reports.iter().any(|r| r.errors.contains(f));
                        if as_error != in_errors {
                            problems.push(format!(
                                "{field} [{}]: an error should be {}",
                                e.rule,
                                if as_error { "an error" } else { "a warning" }
                            ));
                        }
                        if !line_holds(&yaml, f, Some(e)) {
                            problems.push(format!(
                                "{field} [{}] points at line {}: {:?}",
                                e.rule,
                                f.line,
                                yaml.lines().nth(f.line.wrapping_sub(1))
                            ));
                        }
                    }
                }
            }
        }
        Expect::Warning => {
            let expected: Vec<_> = library
                .warnings
                .iter()
                .filter(|w| in_document(w.path.as_str()) == field)
                .collect();
            for w in expected {
                let found = findings.iter().any(|f| {
                    f.field == field && f.rule == w.code.as_str() && f.message == w.message
                });
                if !found {
                    problems.push(format!("no warning {field}: {}", w.message));
                }
            }
        }
    }
    // The twin: nothing at the row's path.
    let twin = Input {
        name: "twin.yaml".into(),
        bytes: yaml_of(false).into_bytes(),
    };
    let twin_reports = check(std::slice::from_ref(&twin), &options);
    let library_twin = (row.accept)(target);
    let library_twin_at: usize = library_twin
        .errors
        .iter()
        .filter(|e| in_document(e.path.as_str()) == field)
        .count();
    let read_twin_at = twin_reports
        .iter()
        .flat_map(|r| &r.errors)
        .filter(|f| f.field == field)
        .count();
    if library_twin_at == 0 && read_twin_at > 0 {
        problems.push(format!("the twin gets an error at {field} once read back"));
    }
    problems
}

#[test]
fn every_mutation_row_reads_back_with_the_same_verdict() {
    let rows = rows();
    let (mut checked, mut failures) = (0, Vec::new());
    for row in &rows {
        if row.yaml.is_none() || NOT_IN_YAML.contains(&row.id) {
            continue;
        }
        checked += 1;
        // Every target of the row's version range (1.30 to 1.37 for most rows).
        for minor in row.targets.clone() {
            let target = KubeVersion::new(minor).expect("a supported target");
            let problems = check_row(row, target);
            if !problems.is_empty() {
                failures.push(format!(
                    "{} at 1.{minor}:\n  {}",
                    row.id,
                    problems.join("\n  ")
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} rows differ once read back:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 250, "{checked} rows");
}

//! The three report formats of `kvol check`: rustc-style text, one JSON line per document
//! (the API server's verdict shape), and SARIF 2.1.0.

use crate::check::{DocReport, Finding};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The text of each input, by name, for snippets.
pub type Sources<'a> = BTreeMap<&'a str, &'a str>;

fn source_word(f: &Finding) -> &'static str {
    f.source.as_str()
}

/// One line of `file` (1-based), if it has it.
fn line_of<'a>(sources: &Sources<'a>, file: &str, line: usize) -> Option<&'a str> {
    let text = sources.get(file)?;
    text.lines().nth(line.checked_sub(1)?)
}

/// A rustc-style block: `error[RULE]: field: message`, the location, the line with a caret
/// under the value, and the notes.
struct Block<'a> {
    level: &'a str,
    rule: &'a str,
    headline: &'a str,
    at: (usize, usize),
    notes: &'a [(&'a str, String)],
}

fn human_block(out: &mut String, sources: &Sources<'_>, report: &DocReport, block: Block<'_>) {
    let Block {
        level,
        rule,
        headline,
        at,
        notes,
    } = block;
    out.push_str(&format!("{level}[{rule}]: {headline}\n"));
    let (line, col) = at;
    let gutter = line.max(1).to_string().len();
    let pad = " ".repeat(gutter);
    if line > 0 {
        out.push_str(&format!("{pad}--> {}:{line}:{col}\n", report.file));
        if let Some(text) = line_of(sources, &report.file, line) {
            let text = text.trim_end_matches('\r');
            out.push_str(&format!("{pad} |\n{line} | {text}\n"));
            let caret_pad: String = text
                .chars()
                .take(col.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let rest: String = text.chars().skip(col.saturating_sub(1)).collect();
            let width = value_width(&rest);
            out.push_str(&format!("{pad} | {caret_pad}{}\n", "^".repeat(width)));
        }
    } else {
        out.push_str(&format!("{pad}--> {}\n", report.file));
    }
    for (name, text) in notes {
        out.push_str(&format!("{pad} = {name}: {text}\n"));
    }
    out.push('\n');
}

/// How many characters the value starting a line's rest spans (a scalar up to a comment or the
/// line's end; a key up to its colon).
fn value_width(rest: &str) -> usize {
    let trimmed = rest.split(" #").next().unwrap_or(rest).trim_end();
    let value = match trimmed.find(": ") {
        Some(i) if !trimmed.starts_with(['"', '\'']) => &trimmed[..i],
        _ => trimmed.strip_suffix(':').unwrap_or(trimmed),
    };
    value.chars().count().clamp(1, 80)
}

/// The object a report is about, as `Kind namespace/name`.
fn object_label(r: &DocReport) -> String {
    let kind = if r.kind.is_empty() {
        "document"
    } else {
        &r.kind
    };
    match (&r.namespace, r.name.is_empty()) {
        (_, true) => kind.to_owned(),
        (Some(ns), false) => format!("{kind} {ns}/{}", r.name),
        (None, false) => format!("{kind} {}", r.name),
    }
}

/// The human report: every problem with its snippet, then a summary.
pub fn human(reports: &[DocReport], sources: &Sources<'_>, verbose: bool) -> String {
    let mut out = String::new();
    let mut summary = Summary::default();
    for r in reports {
        out.push_str(&human_document(r, sources, verbose));
        summary.add(r);
    }
    out.push_str(&summary.text());
    out
}

/// The human report of one document: its problems, each with its snippet.
pub fn human_document(r: &DocReport, sources: &Sources<'_>, verbose: bool) -> String {
    let mut out = String::new();
    let label = object_label(r);
    for e in &r.decode_errors {
        let notes = [(
            "note",
            format!("{label}: the API server cannot decode this document"),
        )];
        let block = Block {
            level: "error",
            rule: "decode",
            headline: &e.message,
            at: (e.line, e.col),
            notes: &notes,
        };
        human_block(&mut out, sources, r, block);
    }
    for (level, findings) in [("error", &r.errors), ("warning", &r.warnings)] {
        for f in findings {
            let headline = if f.field.is_empty() {
                f.message.clone()
            } else {
                format!("{}: {}", f.field, f.message)
            };
            let mut notes = vec![("note", format!("{label}; rule of {}", source_word(f)))];
            if let Some(h) = &f.help {
                notes.push(("help", h.clone()));
            }
            let block = Block {
                level,
                rule: &f.rule,
                headline: &headline,
                at: (f.line, f.col),
                notes: &notes,
            };
            human_block(&mut out, sources, r, block);
        }
    }
    if verbose && !r.unmodelled.is_empty() {
        out.push_str(&format!(
            "note: {}#{} {label}: not checked (kvol does not model them): {}\n\n",
            r.file,
            r.doc,
            r.unmodelled.join(", ")
        ));
    }
    out
}

/// The counts of the human report's last lines, gathered document by document.
#[derive(Debug, Default)]
pub struct Summary {
    documents: usize,
    rejected: usize,
    errors: usize,
    warnings: usize,
    unchecked_fields: usize,
    not_modelled: BTreeMap<String, usize>,
}

impl Summary {
    /// Counts one document's report.
    pub fn add(&mut self, r: &DocReport) {
        self.documents += 1;
        self.rejected += usize::from(!r.accepted());
        self.errors += r.errors.len() + r.decode_errors.len();
        self.warnings += r.warnings.len();
        self.unchecked_fields += r.unmodelled.len();
        if !r.modelled && r.decode_errors.is_empty() {
            let what = if r.api_version.is_empty() {
                r.kind.clone()
            } else {
                format!("{} {}", r.api_version, r.kind)
            };
            *self.not_modelled.entry(what).or_default() += 1;
        }
    }

    /// The summary lines: counts, the kinds kvol does not model, the fields not checked.
    pub fn text(&self) -> String {
        let (errors, warnings) = (self.errors, self.warnings);
        let mut out = format!(
            "checked {} document{}: {} rejected, {errors} error{}, {warnings} warning{}\n",
            self.documents,
            plural(self.documents),
            self.rejected,
            plural(errors),
            plural(warnings),
        );
        if !self.not_modelled.is_empty() {
            let kinds: Vec<String> = (self.not_modelled.iter())
                .map(|(k, n)| format!("{k} ×{n}"))
                .collect();
            out.push_str(&format!(
                "not modelled by kvol (decoding checked only): {}\n",
                kinds.join(", ")
            ));
        }
        if self.unchecked_fields > 0 {
            out.push_str(&format!(
                "{} field{} kvol does not model were not checked (--verbose lists them)\n",
                self.unchecked_fields,
                plural(self.unchecked_fields)
            ));
        }
        out
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn finding_json(f: &Finding, with_type: bool) -> Value {
    let mut v = json!({
        "field": f.field,
        "message": f.message,
        "line": f.line,
        "col": f.col,
        "rule": f.rule,
        "source": source_word(f),
    });
    if with_type {
        v["type"] = json!(f.error_type.unwrap_or("FieldValueInvalid"));
    }
    v
}

/// One JSON object per document, in SPEC's shape.
pub fn json_lines(reports: &[DocReport]) -> String {
    reports.iter().map(json_line).collect()
}

/// The JSON line of one document (with its newline).
pub fn json_line(r: &DocReport) -> String {
    let mut warnings: Vec<Value> = r.warnings.iter().map(|f| finding_json(f, false)).collect();
    if !r.modelled && r.decode_errors.is_empty() {
        warnings.push(json!({
            "field": "",
            "message": format!(
                "kvol does not model {} {}: only its decoding was checked",
                r.api_version, r.kind
            ),
            "line": 0,
            "col": 0,
            "rule": crate::NOT_MODELLED,
            "source": "kvol",
        }));
    }
    let line = json!({
        "file": r.file,
        "doc": r.doc,
        "apiVersion": r.api_version,
        "kind": r.kind,
        "namespace": r.namespace,
        "name": r.name,
        "accepted": r.accepted(),
        "decode_errors": r.decode_errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>(),
        "errors": r.errors.iter().map(|f| finding_json(f, true)).collect::<Vec<_>>(),
        "warnings": warnings,
    });
    line.to_string() + "\n"
}

/// A SARIF 2.1.0 log with one result per finding.
pub fn sarif(reports: &[DocReport]) -> String {
    let mut rules: BTreeMap<String, Value> = BTreeMap::new();
    let mut results = Vec::new();
    let location = |file: &str, line: usize, col: usize| {
        let mut region = json!({});
        if line > 0 {
            region = json!({"startLine": line, "startColumn": col.max(1)});
        }
        json!([{ "physicalLocation": {
            "artifactLocation": { "uri": file },
            "region": region,
        }}])
    };
    for r in reports {
        for e in &r.decode_errors {
            rules.entry("decode".into()).or_insert_with(|| {
                json!({"id": "decode", "shortDescription": {"text": "the API server cannot decode the document"}})
            });
            results.push(json!({
                "ruleId": "decode",
                "level": "error",
                "message": {"text": e.message},
                "locations": location(&r.file, e.line, e.col),
            }));
        }
        for (level, findings) in [("error", &r.errors), ("warning", &r.warnings)] {
            for f in findings {
                rules.entry(f.rule.clone()).or_insert_with(|| {
                    json!({
                        "id": f.rule,
                        "properties": {"source": source_word(f)},
                    })
                });
                let mut text = if f.field.is_empty() {
                    f.message.clone()
                } else {
                    format!("{}: {}", f.field, f.message)
                };
                if let Some(h) = &f.help {
                    text.push_str(&format!("\nhelp: {h}"));
                }
                results.push(json!({
                    "ruleId": f.rule,
                    "level": level,
                    "message": {"text": text},
                    "locations": location(&r.file, f.line, f.col),
                    "properties": {"source": source_word(f), "field": f.field},
                }));
            }
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "kvol",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://example.invalid/kvol",
                "rules": rules.into_values().collect::<Vec<_>>(),
            }},
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).expect("a JSON value serializes") + "\n"
}

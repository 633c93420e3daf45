//! kvol-read against Kubernetes' own reader: every input of `tests/data/corpus/` (hostile YAML)
//! and every file of the shared real-world and reference manifests must decode to the JSON
//! that `sigs.k8s.io/yaml` (go-yaml v2, kubectl's splitting, strict keys) produces, byte for
//! byte, or be refused where Kubernetes refuses it. The expectations were produced by the Go
//! program with `tests/data/regen.sh` and are committed, so this test needs no Go.

use std::fs;
use std::path::{Path, PathBuf};

/// What Kubernetes made of one input: the JSON of the documents it read, and whether it then
/// refused the stream (with its message).
struct Expected {
    docs: Vec<String>,
    error: Option<String>,
}

fn parse_expect(lines: &[&str]) -> Expected {
    let mut docs = Vec::new();
    let mut error = None;
    for line in lines {
        match line.strip_prefix("ERROR: ") {
            Some(e) => error = Some(e.to_string()),
            None => docs.push((*line).to_string()),
        }
    }
    Expected { docs, error }
}

/// Compares kvol-read with the expectation: `Ok(agreeing documents)` or a description of the
/// first disagreement.
fn compare(name: &str, input: &[u8], expected: &Expected) -> Result<usize, String> {
    let got = kvol_read::read_bytes(input);
    let mut agreed = 0;
    for (i, want) in expected.docs.iter().enumerate() {
        match got.get(i) {
            Some(Ok(doc)) => {
                let json = doc.value.to_json();
                if &json != want {
                    return Err(format!(
                        "{name} document {i}:\n  kubernetes: {want}\n  kvol-read:  {json}"
                    ));
                }
                if doc.index != i {
                    return Err(format!("{name} document {i}: index {}", doc.index));
                }
                agreed += 1;
            }
            Some(Err(e)) => {
                return Err(format!(
                    "{name} document {i}: kubernetes reads {want}, kvol-read refuses: {e}"
                ));
            }
            None => {
                return Err(format!(
                    "{name}: kubernetes reads document {i} ({want}), kvol-read has none"
                ));
            }
        }
    }
    let rest = &got[expected.docs.len()..];
    match (&expected.error, rest.first()) {
        (None, None) => Ok(agreed),
        (None, Some(extra)) => Err(format!(
            "{name}: kvol-read has one more document: {extra:?}"
        )),
        (Some(e), None) => Err(format!(
            "{name}: kubernetes refuses ({e}), kvol-read reads it"
        )),
        (Some(_), Some(Ok(doc))) => Err(format!(
            "{name}: kubernetes refuses document {}, kvol-read reads {}",
            doc.index,
            doc.value.to_json()
        )),
        (Some(_), Some(Err(_))) => Ok(agreed + 1),
    }
}

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

#[test]
fn hostile_corpus_reads_as_kubernetes_reads_it() {
    let dir = data().join("corpus");
    let mut names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    names.sort();
    assert!(names.len() >= 60, "corpus missing");
    let mut failures = Vec::new();
    let mut divergences = Vec::new();
    let (mut agreed, mut total) = (0, 0);
    for path in &names {
        let input = fs::read(path).unwrap();
        let expect = fs::read_to_string(path.with_extension("expect")).unwrap();
        let lines: Vec<&str> = expect.lines().collect();
        let expected = parse_expect(&lines);
        total += expected.docs.len() + usize::from(expected.error.is_some());
        let name = path.file_name().unwrap().to_string_lossy();
        let known = fs::read_to_string(path.with_extension("known")).ok();
        match (compare(&name, &input, &expected), known) {
            (Ok(n), None) => agreed += n,
            (Ok(_), Some(_)) => {
                failures.push(format!("{name}: agrees now, remove its .known file"))
            }
            (Err(e), None) => failures.push(e),
            // A known divergence must be a refusal, never a different value.
            (Err(e), Some(why)) => {
                if kvol_read::read_bytes(&input).iter().any(Result::is_err) {
                    divergences.push(format!("{name}: {}", why.trim()));
                } else {
                    failures.push(format!("{e}\n  (a known divergence must be a refusal)"));
                }
            }
        }
    }
    println!(
        "corpus: {} files, {agreed} of {total} documents and refusals agree with Kubernetes; {} known divergences (refusals):",
        names.len(),
        divergences.len()
    );
    for d in &divergences {
        println!("  {d}");
    }
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn shared_manifests_read_as_kubernetes_reads_them() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    if !shared.join("realworld/docs").is_dir() {
        println!(
            "note: {} is absent, shared manifests not checked",
            shared.display()
        );
        return;
    }
    let expect = fs::read_to_string(data().join("shared.expect")).unwrap();
    let mut sections: Vec<(String, Vec<&str>)> = Vec::new();
    for line in expect.lines() {
        match line.strip_prefix("== ") {
            Some(path) => sections.push((path.to_string(), Vec::new())),
            None => sections.last_mut().expect("a section").1.push(line),
        }
    }
    assert!(
        sections.len() >= 90,
        "shared.expect lists {} files",
        sections.len()
    );
    let mut failures = Vec::new();
    let (mut agreed, mut total) = (0, 0);
    for (path, lines) in &sections {
        let input = fs::read(shared.join(path)).unwrap();
        let expected = parse_expect(lines);
        total += expected.docs.len() + usize::from(expected.error.is_some());
        match compare(path, &input, &expected) {
            Ok(n) => agreed += n,
            Err(e) => failures.push(e),
        }
    }
    println!(
        "shared: {} files, {agreed} of {total} documents agree with Kubernetes",
        sections.len()
    );
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

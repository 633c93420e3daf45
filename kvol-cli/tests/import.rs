//! `kvol import` on the seed references and the real-world corpus: every file is imported, or
//! refused for a reason listed here; what is written is unchanged by `rustfmt --edition 2024`; the binary's exit
//! codes.

use kvol_cli::check::Input;
use kvol_cli::import::{Failure, Options, import};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn shared(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared")
        .join(dir)
}

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

/// Files refused, with a rule id or message text that every refusal of the file holds: none
/// since every realworld document can be written (keep the list for the next corpus).
const REFUSED: &[(&str, &[&str])] = &[];

/// What import made of one file: the source, or the reasons it was refused (import errors'
/// texts, and the rule ids of what kvol check refused).
fn import_file(path: &Path, main: bool) -> Result<String, Vec<String>> {
    let input = Input {
        name: path.file_name().unwrap().to_string_lossy().into_owned(),
        bytes: std::fs::read(path).unwrap(),
    };
    let options = Options {
        main,
        ..Options::default()
    };
    match import(&[input], &options) {
        Ok(source) => Ok(source),
        Err(Failure::Unimportable(errors)) => Err(errors.iter().map(ToString::to_string).collect()),
        Err(Failure::Invalid(reports)) => {
            let reasons = (reports.iter())
                .flat_map(|r| {
                    let decode = r.decode_errors.iter().map(|d| d.message.clone());
                    decode.chain(r.errors.iter().map(|f| f.rule.clone()))
                })
                .collect();
            Err(reasons)
        }
    }
}

/// Runs `rustfmt --check --edition 2024` on `source` in a folder of its own (so that no
/// project's `rustfmt.toml` applies): `None` when rustfmt is not installed.
fn rustfmt_diff(source: &str, name: &str) -> Option<String> {
    let dir = std::env::temp_dir().join(format!("kvol-import-fmt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{name}.rs"));
    std::fs::write(&file, source).unwrap();
    let out = Command::new("rustfmt")
        .args(["--check", "--edition", "2024"])
        .arg(&file)
        .current_dir(&dir)
        .output()
        .ok()?;
    let _ = std::fs::remove_file(&file);
    Some(if out.status.success() {
        String::new()
    } else {
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn rustfmt_present() -> bool {
    let present = Command::new("rustfmt").arg("--version").output().is_ok();
    if !present {
        eprintln!("rustfmt is not installed: the outputs' formatting is not checked");
    }
    present
}

#[test]
fn every_file_imports_or_is_refused_for_a_known_reason() {
    let fmt = rustfmt_present();
    let mut files = yaml_files(&shared("reference"));
    files.extend(yaml_files(&shared("realworld/docs")));
    assert!(
        files.len() > 80,
        "the corpus is missing: {} files",
        files.len()
    );
    let (mut imported, mut refused) = (0, 0);
    let mut problems = Vec::new();
    for path in &files {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let expected = REFUSED.iter().find(|(f, _)| *f == file).map(|(_, r)| *r);
        match (import_file(path, false), expected) {
            (Ok(source), None) => {
                imported += 1;
                assert!(source.contains("pub fn manifests() -> kvol::Valid<kvol::Manifests>"));
                let main = import_file(path, true).expect("imports with --main too");
                assert!(main.contains("print!(\"{}\", manifests().to_yaml());"));
                if fmt {
                    for (s, what) in [(&source, "function"), (&main, "main")] {
                        let diff = rustfmt_diff(s, what).unwrap_or_default();
                        if !diff.is_empty() {
                            problems.push(format!("{file} ({what}): not rustfmt-clean:\n{diff}"));
                        }
                    }
                }
            }
            (Ok(_), Some(_)) => problems.push(format!("{file}: imports, but is listed as refused")),
            (Err(reasons), expected) => {
                let expected = expected.unwrap_or(&[]);
                let unexplained: Vec<&String> = (reasons.iter())
                    .filter(|r| !expected.iter().any(|e| r.contains(e)))
                    .collect();
                if !unexplained.is_empty() {
                    problems.push(format!("{file}: refused: {unexplained:#?}"));
                }
                for e in expected {
                    if !reasons.iter().any(|r| r.contains(e)) {
                        problems.push(format!("{file}: refused, but not for {e:?}: {reasons:#?}"));
                    }
                }
                refused += 1;
            }
        }
    }
    eprintln!("{imported} files imported, {refused} refused for a known reason");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(refused, REFUSED.len());
    assert!(imported >= 40, "only {imported} files imported");
}

#[test]
fn a_whole_folder_is_one_set_with_its_references_resolved() {
    // The external-snapshotter's example: a class, a snapshot of a claim, the restored claim.
    let dir = shared("realworld/docs");
    let inputs: Vec<Input> = [
        "kubernetes-csi__external-snapshotter__examples__kubernetes__storageclass.yaml",
        "kubernetes-csi__external-snapshotter__examples__kubernetes__snapshotclass-v1.yaml",
        "kubernetes-csi__external-snapshotter__examples__kubernetes__snapshot-v1.yaml",
        "kubernetes-csi__external-snapshotter__examples__kubernetes__restore.yaml",
    ]
    .iter()
    .map(|f| Input {
        name: (*f).to_owned(),
        bytes: std::fs::read(dir.join(f)).unwrap(),
    })
    .collect();
    let source = import(&inputs, &Options::default()).expect("imports");
    // The class and the snapshot are in the set: only the snapshot's claim is outside it.
    assert!(
        source.contains("        external_claims: [hpvc],\n"),
        "{source}"
    );
    assert!(!source.contains("external_classes"), "{source}");
    assert!(!source.contains("external_snapshots"), "{source}");
    assert_eq!(source.matches("\n        storage_class {").count(), 1);
    assert_eq!(source.matches("\n        volume_snapshot {").count(), 1);
}

fn kvol(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kvol"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kvol runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

#[test]
fn the_command_writes_source_or_says_why_not() {
    let claim = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  \
                 accessModes: [ReadWriteOnce]\n  storageClassName: fast\n  resources: \
                 {requests: {storage: 1Gi}}\n";
    let out = kvol(&["import", "--main", "-"], claim);
    assert_eq!(out.status.code(), Some(0));
    let source = String::from_utf8(out.stdout).unwrap();
    assert!(
        source.starts_with("// Written by `kvol import` from `-`"),
        "{source}"
    );
    assert!(source.contains("fn main() {\n    print!(\"{}\", manifests().to_yaml());\n}\n"));
    assert!(
        source.contains("        pvc { name: data, access: RWO, request: 1Gi, class: fast },\n")
    );

    // Invalid input: kvol check's diagnostics, exit 1.
    let zero = claim.replace("1Gi", "0");
    let out = kvol(&["import", "-"], &zero);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("spec.resources[storage]"), "{err}");
    assert!(
        err.contains("kvol import writes only what kvol check accepts"),
        "{err}"
    );
    assert!(out.stdout.is_empty());

    // A kind kvol does not model: named, exit 1.
    let out = kvol(
        &["import"],
        "apiVersion: batch/v1\nkind: Job\nmetadata: {name: d}\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("kvol does not model batch/v1 Job"), "{err}");

    // Usage and I/O errors: exit 2.
    assert_eq!(kvol(&["import", "--nope"], "").status.code(), Some(2));
    assert_eq!(
        kvol(&["import", "/nonexistent/x.yaml"], "").status.code(),
        Some(2)
    );
    let help = kvol(&["import", "--help"], "");
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8(help.stdout).unwrap().contains("--main"));
}

#[test]
fn kvol_check_takes_a_governing_service_declared_outside() {
    let set = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\nspec:\n  \
               serviceName: web\n  selector: {matchLabels: {app: web}}\n  template:\n    \
               metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, \
               image: nginx}]\n";
    let without = kvol(&["check", "-"], set);
    assert_eq!(without.status.code(), Some(1));
    let err = String::from_utf8(without.stdout).unwrap();
    assert!(err.contains("11.2/kvol-service-in-set-exists"), "{err}");
    let with = kvol(&["check", "--service", "web", "-"], set);
    assert_eq!(
        with.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&with.stdout)
    );
}

//! `kvol check` end to end: the binary on files, folders and standard input, in each format,
//! with its exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn kvol(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kvol"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kvol runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn reference(name: &str) -> String {
    format!(
        "{}/../../shared/reference/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

const ZERO_CLAIM: &str = "\
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: \"\"
  resources:
    requests:
      storage: 0
";

#[test]
fn an_invalid_claim_is_located_and_exits_1() {
    let o = kvol(&["check", "--per-object", "-"], Some(ZERO_CLAIM));
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let text = stdout(&o);
    assert!(
        text.contains("error[3.4/positive-request]: spec.resources[storage]: Invalid value: \"0\""),
        "{text}"
    );
    assert!(text.contains(" --> -:10:16\n"), "{text}");
    assert!(text.contains("10 |       storage: 0\n"), "{text}");
    assert!(text.contains("   |                ^\n"), "{text}");
    assert!(
        text.ends_with("checked 1 document: 1 rejected, 1 error, 0 warnings\n"),
        "{text}"
    );
}

#[test]
fn json_has_the_api_servers_verdict_shape() {
    let o = kvol(
        &["check", "--per-object", "--format", "json"],
        Some(ZERO_CLAIM),
    );
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    let v = &lines[0];
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "file",
            "doc",
            "apiVersion",
            "kind",
            "namespace",
            "name",
            "accepted",
            "decode_errors",
            "errors",
            "warnings"
        ]
    );
    assert_eq!(v["accepted"], false);
    assert_eq!(v["kind"], "PersistentVolumeClaim");
    let e = &v["errors"][0];
    assert_eq!(e["type"], "FieldValueInvalid");
    assert_eq!(e["field"], "spec.resources[storage]");
    assert_eq!(
        (e["line"].as_u64(), e["col"].as_u64()),
        (Some(10), Some(16))
    );
    assert_eq!(e["rule"], "3.4/positive-request");
    assert_eq!(e["source"], "apiserver");
}

#[test]
fn sarif_is_a_2_1_0_log() {
    let o = kvol(&["check", "--format", "sarif", "-"], Some(ZERO_CLAIM));
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let result = &v["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "3.4/positive-request");
    assert_eq!(result["level"], "error");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 10);
}

#[test]
fn the_seed_references_are_accepted_per_object() {
    let dir = format!("{}/../../shared/reference", env!("CARGO_MANIFEST_DIR"));
    let o = kvol(&["check", "--per-object", "--format", "json", &dir], None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o).lines().count(), 11);
}

#[test]
fn cross_document_findings_and_externals() {
    let set = reference("06-statefulset-web.yaml");
    let o = kvol(&["check", &set], None);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(
        text.contains("error[8/kvol-storageClassName-exists]"),
        "{text}"
    );
    assert!(text.contains("declared with `--class NAME`"), "{text}");
    let o = kvol(&["check", "--class", "standard", &set], None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

const ENV_FROM_SECRET: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
    envFrom:
    - secretRef:
        name: app-secrets
";

#[test]
fn a_missing_env_secret_is_an_error_of_the_set_unless_declared() {
    let o = kvol(&["check", "-"], Some(ENV_FROM_SECRET));
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(text.contains("error[24/kvol-env-secret-exists]"), "{text}");
    assert!(text.contains("(CreateContainerConfigError)"), "{text}");
    assert!(
        text.contains("declare it with `--secret NAME`; or mark the reference `optional: true`"),
        "{text}"
    );
    let o = kvol(
        &["check", "--secret", "app-secrets", "-"],
        Some(ENV_FROM_SECRET),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // Document by document there is no set to look the Secret up in: nothing to report.
    let o = kvol(&["check", "--per-object", "-"], Some(ENV_FROM_SECRET));
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(!stdout(&o).contains("kvol-env"), "{}", stdout(&o));
}

#[test]
fn deny_warnings_turns_warnings_into_exit_1() {
    let pv = reference("04-mongodb-static-pv.yaml");
    let o = kvol(&["check", "--per-object", &pv], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("warning[legacy-plugin-removed]"));
    let o = kvol(&["check", "--per-object", "--deny-warnings", &pv], None);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn decode_errors_and_unmodelled_kinds() {
    let text = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: c}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: 5\n---\n\tbad: tab\n";
    let o = kvol(
        &["check", "--per-object", "--format", "json", "-"],
        Some(text),
    );
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{}", stdout(&o));
    assert_eq!(lines[0]["accepted"], true);
    assert_eq!(lines[0]["warnings"][0]["rule"], "kvol/not-modelled");
    assert_eq!(lines[1]["accepted"], false);
    assert!(
        lines[1]["decode_errors"][0]
            .as_str()
            .unwrap()
            .contains("cannot unmarshal number into Go struct field Container"),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2]["accepted"], false);
    assert_eq!(lines[2]["doc"], 2);
}

#[test]
fn api_versions_no_cluster_serves_are_refused_with_the_one_to_write() {
    let text = "apiVersion: storage.k8s.io/v1beta1\nkind: StorageClass\nmetadata: {name: s}\n\
                provisioner: x.csi.io\n---\napiVersion: snapshot.storage.k8s.io/v1beta1\n\
                kind: VolumeSnapshot\nmetadata: {name: s}\nspec: {source: {persistentVolumeClaimName: c}}\n";
    let o = kvol(
        &["check", "--per-object", "--format", "json", "-"],
        Some(text),
    );
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{}", stdout(&o));
    for (line, served) in lines
        .iter()
        .zip(["storage.k8s.io/v1", "snapshot.storage.k8s.io/v1"])
    {
        assert_eq!(line["accepted"], false, "{line}");
        let message = line["decode_errors"][0].as_str().unwrap();
        assert!(message.starts_with("no matches for kind"), "{message}");
        assert!(
            message.contains(&format!("apiVersion: {served} ")),
            "{message}"
        );
    }
}

#[test]
fn usage_and_io_errors_exit_2() {
    let o = kvol(&["check", "/no/such/file.yaml"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("error: /no/such/file.yaml"));
    let o = kvol(&["check", "--k8s", "1.29", "-"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = kvol(&["check", "--bogus"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = kvol(&["frobnicate"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = kvol(&["--help"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("kvol check"));
}

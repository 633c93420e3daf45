//! Cross-check with real YAML 1.1 (PyYAML), YAML 1.2 (ruamel.yaml), kcheck's go-yaml v2 emulation
//! and kubectl's own decoder (sigs.k8s.io/yaml), through the project's checker
//! `/work/shared/tools/kcheck` and its venv (`~/.cache/kcheck/venv`, made by
//! `/work/shared/tools/setup.sh`).
//!
//! Ignored by default (it needs that external venv); run it with
//! `cargo test -p kvol-core --test yaml_kcheck -- --ignored`. Without the venv it says so and
//! passes. Override the locations with `KCHECK` and `KCHECK_PYTHON`.

#[path = "support/hostile.rs"]
mod hostile;

use std::path::PathBuf;
use std::process::Command;

use hostile::TOKENS;
use kvol_core::yaml::DocumentWriter;
use serde_json::{Map, Value, json};

/// A deterministic xorshift generator (no rand dependency).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn token(&mut self) -> &'static str {
        TOKENS[self.below(TOKENS.len())]
    }

    fn hostile(&mut self) -> String {
        if self.below(4) == 0 {
            self.token().to_owned()
        } else {
            (0..self.below(6)).map(|_| self.token()).collect()
        }
    }

    fn tree(&mut self, depth: u32) -> Value {
        match if depth == 0 { 0 } else { self.below(4) } {
            0 => match self.below(6) {
                0 => Value::Bool(self.below(2) == 0),
                1 => Value::from(self.next() as i64),
                2 => Value::Null,
                _ => Value::String(self.hostile()),
            },
            1 => Value::Array((0..self.below(4)).map(|_| self.tree(depth - 1)).collect()),
            _ => Value::Object(
                (0..self.below(4))
                    .map(|_| (self.hostile(), self.tree(depth - 1)))
                    .collect(),
            ),
        }
    }
}

/// ConfigMaps with hostile data/annotation/label keys and values; every fifth document is a
/// custom kind with nested sequences and mappings (and keys too long to be implicit).
fn documents(n: usize) -> Vec<Value> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    (0..n)
        .map(|i| {
            let mut labels = Map::new();
            labels.insert("app".into(), json!(TOKENS[i % TOKENS.len()]));
            labels.insert(
                TOKENS[(i * 7) % TOKENS.len()].into(),
                json!(TOKENS[(i * 3) % TOKENS.len()]),
            );
            let mut data = Map::new();
            for t in TOKENS.iter().skip(i % 10).step_by(10) {
                data.insert(format!("k-{t}"), json!(t));
            }
            let mut annotations = Map::new();
            for _ in 0..8 {
                data.insert(rng.hostile(), json!(rng.hostile()));
                annotations.insert(rng.hostile(), json!(rng.hostile()));
            }
            if i == 3 {
                data.insert("L".repeat(1500), json!("long key"));
                data.insert("\"".repeat(700), json!("long quoted key"));
                annotations.insert(format!("{}\n", "é".repeat(1200)), json!("yes"));
            }
            let metadata =
                json!({"name": format!("obj-{i}"), "labels": labels, "annotations": annotations});
            if i % 5 == 4 {
                let long = "K".repeat(1100);
                json!({
                    "apiVersion": "example.com/v1", "kind": "Foo", "metadata": metadata,
                    "spec": {
                        "items": [rng.tree(4), rng.tree(4), [[rng.tree(3)]], {}, []],
                        "tree": rng.tree(5),
                        "long": {long.clone(): [rng.tree(3), {long: rng.tree(3)}]},
                    },
                })
            } else {
                json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": metadata, "data": data})
            }
        })
        .collect()
}

/// Loads the stream with PyYAML, ruamel.yaml and kcheck's go-yaml v2 loader and prints, for each,
/// whether every document equals the expected JSON (compared as canonical JSON text).
const COMPARE: &str = r#"
import importlib.machinery, importlib.util, json, sys, yaml
loader = importlib.machinery.SourceFileLoader("kcheck", sys.argv[1])
spec = importlib.util.spec_from_loader("kcheck", loader)
kc = importlib.util.module_from_spec(spec); loader.exec_module(kc)
text = open(sys.argv[2], encoding="utf-8").read()
expected = [json.dumps(d, sort_keys=True) for d in json.load(open(sys.argv[3], encoding="utf-8"))]
for name, docs in (("PyYAML", list(yaml.safe_load_all(text))), ("ruamel", kc.load_ruamel(text)),
                   ("go-yaml-v2", list(yaml.load_all(text, Loader=kc.GoV2Loader)))):
    got = [json.dumps(d, sort_keys=True) for d in docs]
    print(name, "SAME" if got == expected else "DIFFERENT %d/%d" % (len(got), len(expected)))
"#;

#[test]
#[ignore = "needs kcheck's Python venv; run with --ignored"]
fn kcheck_reads_hostile_configmaps_identically() {
    let home = std::env::var("HOME").unwrap_or_default();
    let python = std::env::var("KCHECK_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(home).join(".cache/kcheck/venv/bin/python"));
    let kcheck = std::env::var("KCHECK")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from("/work/shared/tools/kcheck"));
    if !python.exists() || !kcheck.exists() {
        eprintln!(
            "skipped: no kcheck venv at {} or no {}",
            python.display(),
            kcheck.display()
        );
        return;
    }

    let docs = documents(200);
    let dir = std::env::temp_dir().join(format!("kvol-yaml-kcheck-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let yaml_path = dir.join("hostile.yaml");
    let json_path = dir.join("hostile.json");
    let mut writer = DocumentWriter::new(std::fs::File::create(&yaml_path).unwrap());
    for doc in &docs {
        writer.write(doc).unwrap();
    }
    drop(writer);
    std::fs::write(&json_path, serde_json::to_string(&docs).unwrap()).unwrap();

    let out = Command::new(&python)
        .arg(&kcheck)
        .args(["--k8s", "1.37"])
        .arg(&yaml_path)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    let count = |prefix: &str| report.lines().filter(|l| l.starts_with(prefix)).count();
    // Only the custom kind may fail, and only its schema (kcheck has no schema for it).
    let unexpected: Vec<&str> = report
        .lines()
        .filter(|l| {
            l.starts_with("FAIL") && !(l.starts_with("FAIL schema@") && l.contains(" Foo/"))
        })
        .collect();
    assert!(unexpected.is_empty(), "{}\n{report}", unexpected.join("\n"));
    assert_eq!(count("PASS yaml "), docs.len(), "{report}");
    assert_eq!(count("PASS scalars "), docs.len(), "{report}");
    let kubectl = count("PASS kubectl ");
    assert!(kubectl == docs.len() || report.contains("NOTE"), "{report}");
    eprintln!("kcheck: {}", report.lines().last().unwrap_or(""));

    let out = Command::new(&python)
        .args(["-c", COMPARE])
        .arg(&kcheck)
        .arg(&yaml_path)
        .arg(&json_path)
        .output()
        .unwrap();
    let compare = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        compare.lines().collect::<Vec<_>>(),
        ["PyYAML SAME", "ruamel SAME", "go-yaml-v2 SAME"],
        "{compare}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

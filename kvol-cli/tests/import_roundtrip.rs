//! `kvol import`'s round trip: import → compile → render → compare, over the seed's reference
//! manifests, kvol's own example references and the real manifests of `../shared/realworld/`.
//!
//! Every file is imported into one module of a scratch crate (under `CARGO_TARGET_TMPDIR`,
//! depending on this checkout's `kvol`), which is compiled once and run; its output is each
//! set's YAML. A file's round trip holds when every input document has an output document of
//! the same kind, namespace and name (and no other output document exists) such that
//! - every leaf of the input is in the output with the same value (quantities by value; `false`,
//!   `null` and empty collections equal to absent), and
//! - both decode to the same kvol model object (so what kvol spells out is only what the
//!   server's defaults fill in, as the decoder applies them).
//!
//! A workload's `spec.template.metadata.name` is left out of the comparison: it has no effect
//! (the controllers name the pods), and import leaves it out with a comment.
//!
//! The apiVersions that no target version serves any more (`storage.k8s.io/v1beta1`
//! StorageClass, `snapshot.storage.k8s.io/v1beta1` snapshots: the same schema as v1) and the
//! pre-release VolumeAttributesClass versions (`v1alpha1`, `v1beta1`: the same fields as v1,
//! which the macros' target serves) come back as v1; that is the only difference allowed.

use kvol_cli::check::Input;
use kvol_cli::import::{Options, import};
use kvol_core::KubeVersion;
use kvol_core::decode::decode_document;
use serde_json::Value as Json;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Marks the start of a file's output in the scratch program's standard output.
const MARK: &str = "#### kvol-roundtrip ";

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

/// The YAML files to import: `(label, path)`.
fn inputs() -> Vec<(String, PathBuf)> {
    let mut files = Vec::new();
    let mut add = |label: &str, dir: PathBuf| match std::fs::read_dir(&dir) {
        Ok(entries) => {
            let mut paths: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
            paths.retain(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"));
            paths.sort();
            for p in paths {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                files.push((format!("{label}/{name}"), p));
            }
        }
        Err(_) => eprintln!("{}: not found, skipped", dir.display()),
    };
    add(
        "reference",
        workspace().join("kvol-core/tests/data/reference"),
    );
    add("shared-reference", workspace().join("../shared/reference"));
    add("realworld", workspace().join("../shared/realworld/docs"));
    files
}

/// The documents of a YAML stream as Kubernetes reads them, as JSON.
fn documents(text: &str) -> Vec<Json> {
    kvol_read::read_stream(text)
        .into_iter()
        .map(|d| serde_json::from_str(&d.expect("readable").value.to_json()).unwrap())
        .collect()
}

fn identity(doc: &Json) -> (String, String, String) {
    let s = |v: &Json| v.as_str().unwrap_or_default().to_owned();
    (
        s(&doc["kind"]),
        s(&doc["metadata"]["namespace"]),
        s(&doc["metadata"]["name"]),
    )
}

#[path = "../../kvol-read/tests/support/same_meaning.rs"]
mod same_meaning;

/// Every leaf of `input` is in `output` with the same value, or an apiVersion kvol updates.
fn leaves_kept(input: &Json, output: &Json, path: &str, missing: &mut Vec<String>) {
    let updated_api_version = |path: &str, a: &Json, b: &Json| {
        path == ".apiVersion"
            && matches!((a, b), (Json::String(a), Json::String(b)) if served_as(a) == b)
    };
    same_meaning::leaves_kept(input, output, path, missing, &updated_api_version);
}

/// The apiVersion kvol writes for one no longer served.
fn served_as(api_version: &str) -> &str {
    match api_version {
        "storage.k8s.io/v1beta1" | "storage.k8s.io/v1alpha1" => "storage.k8s.io/v1",
        "snapshot.storage.k8s.io/v1beta1" => "snapshot.storage.k8s.io/v1",
        other => other,
    }
}

/// The model object a JSON document decodes to.
fn model(doc: &Json) -> Option<kvol_core::Object> {
    let mut doc = doc.clone();
    if let Some(v) = doc["apiVersion"].as_str().map(|v| served_as(v).to_owned()) {
        doc["apiVersion"] = Json::String(v);
    }
    let text = serde_json::to_string(&doc).unwrap();
    let node = kvol_read::read_stream(&text).remove(0).unwrap().value;
    decode_document(&node).object
}

/// `doc` without the name of its pod template (`spec.template.metadata.name` of a workload):
/// the controllers name their pods themselves, so the field has no effect, and `kvol import`
/// leaves it out with a comment (the macros have no key for it).
fn without_pod_template_name(doc: &Json) -> Json {
    let mut doc = doc.clone();
    if let Some(meta) = doc
        .pointer_mut("/spec/template/metadata")
        .and_then(Json::as_object_mut)
    {
        meta.remove("name");
    }
    doc
}

/// The differences between a file's input documents and what its imported source rendered.
fn compare(input: &[Json], output: &[Json]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut by_id: BTreeMap<_, &Json> = output.iter().map(|d| (identity(d), d)).collect();
    for doc in input {
        let id = identity(doc);
        let doc = &without_pod_template_name(doc);
        let Some(out) = by_id.remove(&id) else {
            problems.push(format!("{id:?}: not rendered"));
            continue;
        };
        let mut missing = Vec::new();
        leaves_kept(doc, out, "", &mut missing);
        problems.extend(missing.into_iter().map(|m| format!("{id:?}{m}")));
        let (a, b) = (model(doc), model(out));
        if a.is_none() || a != b {
            problems.push(format!(
                "{id:?}: the model differs:\n  input:  {a:?}\n  output: {b:?}"
            ));
        }
    }
    for id in by_id.keys() {
        problems.push(format!("{id:?}: rendered but not in the input"));
    }
    problems
}

/// Writes the scratch crate: one module per imported file, plus one `--main` program.
fn write_crate(dir: &Path, modules: &[(String, String)], main_program: &str) {
    std::fs::create_dir_all(dir.join("src/bin")).unwrap();
    let kvol = workspace();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"import-roundtrip\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
             publish = false\n\n[dependencies]\nkvol = {{ path = {:?} }}\n\n[workspace]\n",
            kvol.display().to_string()
        ),
    )
    .unwrap();
    // The checkout's lock file: the same dependency versions, and no registry lookups.
    std::fs::copy(kvol.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    let mut main = String::from("#![allow(deprecated)]\n\n");
    for (i, (label, source)) in modules.iter().enumerate() {
        main.push_str(&format!(
            "/// Imported from `{label}`.\nmod m{i:03} {{\n{source}\n}}\n\n"
        ));
    }
    main.push_str("fn main() {\n");
    for (i, (label, _)) in modules.iter().enumerate() {
        main.push_str(&format!(
            "    print!(\"{MARK}{label}\\n{{}}\", m{i:03}::manifests().to_yaml());\n"
        ));
    }
    main.push_str("}\n");
    std::fs::write(dir.join("src/main.rs"), main).unwrap();
    std::fs::write(dir.join("src/bin/imported_main.rs"), main_program).unwrap();
}

/// Builds and runs one binary of the scratch crate; its standard output.
fn run(dir: &Path, bin: &str) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "run",
            "--quiet",
            "--offline",
            "--bin",
            bin,
            "--manifest-path",
        ])
        .arg(dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "the imported source does not compile or run:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 YAML")
}

#[test]
fn import_compile_render_compare() {
    let target = KubeVersion::DEFAULT;
    let mut modules = Vec::new();
    let mut texts = BTreeMap::new();
    let mut refused = Vec::new();
    for (label, path) in inputs() {
        let bytes = std::fs::read(&path).unwrap();
        let input = Input {
            name: label.clone(),
            bytes: bytes.clone(),
        };
        let options = Options {
            main: false,
            target,
            ..Options::default()
        };
        match import(&[input], &options) {
            Ok(source) => {
                texts.insert(label.clone(), String::from_utf8(bytes).unwrap());
                modules.push((label, source));
            }
            Err(e) => refused.push(format!("{label}: {e:?}")),
        }
    }
    assert!(modules.len() >= 8, "{} files imported", modules.len());

    // One file once more as a whole program (`kvol import --main`).
    let (main_label, main_text) = texts.iter().next_back().expect("a file");
    let main_program = import(
        &[Input {
            name: main_label.clone(),
            bytes: main_text.clone().into_bytes(),
        }],
        &Options {
            main: true,
            target,
            ..Options::default()
        },
    )
    .expect("imported");

    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("import-roundtrip");
    write_crate(&dir, &modules, &main_program);
    let stdout = run(&dir, "import-roundtrip");

    let mut outputs: BTreeMap<&str, String> = BTreeMap::new();
    let mut current = None;
    for line in stdout.split_inclusive('\n') {
        if let Some(label) = line.strip_prefix(MARK) {
            current = Some(label.trim_end());
            outputs.insert(label.trim_end(), String::new());
        } else if let Some(label) = current {
            outputs.get_mut(label).unwrap().push_str(line);
        }
    }
    let mut failures = Vec::new();
    let mut document_count = 0;
    for (label, text) in &texts {
        let input = documents(text);
        document_count += input.len();
        let output = documents(outputs.get(label.as_str()).map_or("", String::as_str));
        let problems = compare(&input, &output);
        if !problems.is_empty() {
            failures.push(format!("{label}:\n  {}", problems.join("\n  ")));
        }
    }
    let realworld = texts.keys().filter(|l| l.starts_with("realworld/")).count();
    eprintln!(
        "import round trip: {} files ({realworld} from realworld), {document_count} documents, \
         {} differ",
        texts.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        refused.is_empty(),
        "{} files not imported:\n{}",
        refused.len(),
        refused.join("\n")
    );

    let program_output = run(&dir, "imported_main");
    let problems = compare(&documents(main_text), &documents(&program_output));
    assert!(problems.is_empty(), "--main of {main_label}: {problems:#?}");
}

#[test]
fn the_comparison_sees_a_changed_or_lost_field() {
    let input = documents(
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\nspec:\n  \
         accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n",
    );
    assert_eq!(compare(&input, &input), Vec::<String>::new());
    let changed = documents(
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\nspec:\n  \
         accessModes: [ReadWriteMany]\n  resources: {requests: {storage: 1024Mi}}\n",
    );
    let problems = compare(&input, &changed);
    assert!(
        problems.iter().any(|p| p.contains("ReadWriteOnce")),
        "{problems:#?}"
    );
    // 1Gi and 1024Mi are the same quantity: only the access mode differs (twice: leaf, model).
    assert_eq!(problems.len(), 2, "{problems:#?}");
    let extra = documents(
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\nspec:\n  \
         accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n  \
         storageClassName: fast\n",
    );
    let problems = compare(&input, &extra);
    assert_eq!(
        problems.len(),
        1,
        "an added field changes the model: {problems:#?}"
    );
    assert_eq!(compare(&input, &[]).len(), 1, "a lost document");
}

//! The valid-corpus generator (issue 5, item 3): random but valid manifest sets, built through
//! kvol's builder API from proptest strategies, deterministic for a seed. Every object passes
//! `build()` and every set passes as a whole (`Manifests`: claims name existing claims and
//! classes, and the simulated PV controller binds every claim that cannot be provisioned).
//!
//! Used by `kvol-core/tests/corpus_valid.rs` (every generated set builds, output is
//! deterministic, every object kind and source appears) and by the root package's
//! `examples/gen_corpus.rs`, which writes `DIR/set-NNNNN.yaml` and `DIR/set-NNNNN.yaml.json`
//! for the CI checker (`ci/check_manifests.py`).

#![allow(dead_code, unused_imports)]

#[path = "../support/hostile.rs"]
mod hostile;
pub mod set;
pub mod strategies;

// Each user of the module needs part of these (the example, corpus_valid, the read-back tests).
#[allow(unused_imports)]
pub use set::{Stats, generate, generate_set};

use kvol_core::{Object, render::ToDocuments};
use std::{io, path::Path};

/// The set's YAML stream and its JSON sidecar: a JSON array with one object per document, written
/// by kvol's own JSON writer (`kvol_core::json`, the one behind `to_json`); the CI checker compares
/// it with every YAML reader's reading.
pub fn render(objects: &[Object]) -> (String, String) {
    let mut yaml = Vec::new();
    kvol_core::render::write_yaml(objects, &mut yaml)
        .unwrap_or_else(|e| panic!("kvol could not write the YAML of a valid set: {e}"));
    let yaml = String::from_utf8(yaml).expect("kvol writes UTF-8");
    let mut docs = Vec::new();
    objects.each_document(&mut |d| {
        docs.push(d);
    });
    let mut json =
        kvol_core::json::to_string_pretty(&docs).expect("every kvol document serializes to JSON");
    json.push('\n');
    (yaml, json)
}

/// The file name of set `index`: `set-00042.yaml`.
pub fn file_name(index: u64) -> String {
    format!("set-{index:05}.yaml")
}

/// Writes set `index` as `dir/set-NNNNN.yaml` and `dir/set-NNNNN.yaml.json`.
pub fn write(dir: &Path, index: u64, objects: &[Object]) -> io::Result<()> {
    let (yaml, json) = render(objects);
    let name = file_name(index);
    std::fs::write(dir.join(&name), yaml)?;
    std::fs::write(dir.join(format!("{name}.json")), json)
}

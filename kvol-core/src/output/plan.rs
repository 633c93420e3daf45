//! The in-memory half of a write: every file's name and bytes, before the disk is touched.

use super::{GENERATED_HEADER, KUSTOMIZATION, OutputError};
use crate::render::Emit;
use crate::{object::Document, render::ToDocuments, yaml};
use serde_json::Value;
use std::collections::HashMap;

/// Longest file name most file systems accept, in bytes.
const MAX_FILE_NAME: usize = 255;

/// One file to be in the folder after the write.
#[derive(Debug)]
pub(super) struct File {
    pub(super) name: String,
    pub(super) bytes: Vec<u8>,
}

/// A StatefulSet of the new set, for the guard.
#[derive(Debug)]
pub(super) struct NewStatefulSet {
    pub(super) name: String,
    pub(super) namespace: Option<String>,
    pub(super) document: Value,
}

/// Every file of the new set (documents in order, then the kustomization), and its StatefulSets.
#[derive(Debug)]
pub(super) struct Plan {
    pub(super) files: Vec<File>,
    pub(super) statefulsets: Vec<NewStatefulSet>,
}

/// What a document is called in messages: `StatefulSet prod/web`, `StorageClass fast`.
pub(super) fn describe(kind: &str, namespace: Option<&str>, name: &str) -> String {
    match namespace {
        Some(ns) => format!("{kind} {ns}/{name}"),
        None => format!("{kind} {name}"),
    }
}

fn namespace<'a>(doc: &Document<'a>) -> Option<&'a str> {
    doc.namespace_field().and_then(Option::as_deref)
}

/// Checks that a Kubernetes name (or namespace) can be part of a file name as it is: lower-case
/// letters, digits, `-` and `.` only (what DNS-1123 names allow), so it cannot name a path
/// outside the folder and cannot collide with another name on a case-insensitive file system.
fn check_component(what: &str, value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err(format!("the {what} is empty"));
    }
    match value
        .chars()
        .find(|c| !matches!(c, 'a'..='z' | '0'..='9' | '-' | '.'))
    {
        Some(c) => Err(format!(
            "the {what} contains {c:?}; only a-z, 0-9, '-' and '.' can be used in a file name"
        )),
        None => Ok(()),
    }
}

impl Plan {
    /// Renders `documents` into memory.
    pub(super) fn new<T: ToDocuments + ?Sized>(documents: &T) -> Result<Plan, OutputError> {
        let mut docs = Vec::new();
        documents.each_document(&mut |d| docs.push(d));

        // Names: `<kind>-<name>.yaml`, namespace-qualified where two would collide.
        let mut names = Vec::with_capacity(docs.len());
        for doc in &docs {
            let ns = namespace(doc);
            let problem = check_component("name", doc.name())
                .err()
                .or_else(|| ns.and_then(|ns| check_component("namespace", ns).err()));
            if let Some(reason) = problem {
                return Err(OutputError::FileName {
                    document: describe(doc.kind(), ns, doc.name()),
                    reason,
                });
            }
            names.push(format!(
                "{}-{}.yaml",
                doc.kind().to_ascii_lowercase(),
                doc.name()
            ));
        }
        let mut count: HashMap<&str, usize> = HashMap::new();
        for name in &names {
            *count.entry(name.as_str()).or_default() += 1;
        }
        let qualify: Vec<bool> = names
            .iter()
            .map(|n| count.get(n.as_str()).is_some_and(|&c| c > 1))
            .collect();
        for ((name, doc), qualify) in names.iter_mut().zip(&docs).zip(qualify) {
            if let (true, Some(ns)) = (qualify, namespace(doc)) {
                *name = format!(
                    "{}-{ns}-{}.yaml",
                    doc.kind().to_ascii_lowercase(),
                    doc.name()
                );
            }
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, name) in names.iter().enumerate() {
            if let Some(&first) = seen.get(name.as_str()) {
                let (a, b) = (&docs[first], &docs[i]);
                return Err(OutputError::FileNameCollision {
                    file: name.clone(),
                    first: describe(a.kind(), namespace(a), a.name()),
                    second: describe(b.kind(), namespace(b), b.name()),
                });
            }
            seen.insert(name, i);
            if name.len() > MAX_FILE_NAME {
                return Err(OutputError::FileName {
                    document: describe(docs[i].kind(), namespace(&docs[i]), docs[i].name()),
                    reason: format!(
                        "its file name would be {} bytes long, more than the {MAX_FILE_NAME} \
                         most file systems allow",
                        name.len()
                    ),
                });
            }
        }

        // Bytes.
        let mut files = Vec::with_capacity(docs.len() + 1);
        let mut statefulsets = Vec::new();
        for (doc, name) in docs.iter().zip(names) {
            let bytes = render(&name, doc)?;
            if let Document::StatefulSet(sts) = doc {
                let document = serde_json::to_value(doc).map_err(|e| OutputError::Render {
                    file: name.clone(),
                    message: e.to_string(),
                })?;
                statefulsets.push(NewStatefulSet {
                    name: sts.metadata.name.clone(),
                    namespace: sts.metadata.namespace.clone(),
                    document,
                });
            }
            files.push(File { name, bytes });
        }
        let resources: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        let kustomization = render(KUSTOMIZATION, &Kustomization::new(resources))?;
        files.push(File {
            name: KUSTOMIZATION.to_owned(),
            bytes: kustomization,
        });
        Ok(Plan {
            files,
            statefulsets,
        })
    }
}

/// The header and the YAML of one document.
fn render<T: Emit + ?Sized>(file: &str, value: &T) -> Result<Vec<u8>, OutputError> {
    let yaml = yaml::to_string(value).map_err(|e| OutputError::Render {
        file: file.to_owned(),
        message: e.to_string(),
    })?;
    let mut bytes = Vec::with_capacity(GENERATED_HEADER.len() + yaml.len());
    bytes.extend_from_slice(GENERATED_HEADER.as_bytes());
    bytes.extend_from_slice(yaml.as_bytes());
    Ok(bytes)
}

/// `kustomization.yaml`.
struct Kustomization<'a> {
    api_version: &'static str,
    kind: &'static str,
    resources: Vec<&'a str>,
}
emit_struct!(Kustomization<'a> {
    "apiVersion" => api_version,
    "kind" => kind,
    "resources" => resources,
});

impl<'a> Kustomization<'a> {
    fn new(resources: Vec<&'a str>) -> Self {
        Kustomization {
            api_version: "kustomize.config.k8s.io/v1beta1",
            kind: "Kustomization",
            resources,
        }
    }
}

//! `kvol import`: YAML that Kubernetes accepts, turned into Rust source that uses kvol's macros
//! and renders YAML meaning the same (defaults may be spelled out). What the DSL cannot say
//! goes through the escape hatch (`extra:`) with a comment; invalid input is refused with
//! `kvol check`'s diagnostics.
//!
//! The documents become one `kvol::manifests! { … }`, checked against itself when the
//! generated source compiles. So the input is checked as one set, as a plain `kvol check` does
//! (at `--k8s`), and what it refers to without holding is declared external in the block:
//! StorageClasses, claims, ConfigMaps, Secrets, VolumeSnapshots and their classes,
//! VolumeAttributesClasses, a StatefulSet's governing Service (`external_services`), and a
//! cluster default class for claims that name none (`assume_default_class: true`). Those
//! declarations are found by checking the set: each "not found" of a reference becomes a
//! declaration, and the set is checked again until nothing new is missing. Whatever the set
//! check still reports (a claim no volume can bind, a mount of a missing volume, …) would not
//! compile: the input is refused with `kvol check`'s diagnostics.
//!
//! ```
//! use kvol_cli::check::Input;
//! use kvol_cli::import::{Options, import};
//!
//! let claim = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\n\
//!              spec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: fast\n  \
//!              resources: {requests: {storage: 1Gi}}\n";
//! let input = Input { name: "claim.yaml".into(), bytes: claim.into() };
//! let source = import(&[input], &Options::default()).unwrap();
//! assert!(source.contains("external_classes: [fast],"));
//! assert!(source.contains("pvc { name: data, access: RWO, request: 1Gi, class: fast },"));
//! ```

pub mod hatch;
mod kinds;
pub mod source;
mod workloads;

use crate::check::{self, DocReport, Externals, Input};
use kvol_core::attributes_class::AttributesClassVersion;
use kvol_core::decode::{DecodedDocument, MODELLED_KINDS, decode_document};
use kvol_core::manifests::ExternalKind;
use kvol_core::model::api_enum::ApiEnum;
use kvol_core::object::Object;
use kvol_core::rules::ids;
use kvol_core::{KubeVersion, RuleId};
use source::Body;
use workloads as workload_printers;

/// One document being imported: where it is, its tree as written, and what the model read.
pub struct Doc<'a> {
    /// The file's name as given.
    pub file: &'a str,
    /// Index among the file's non-empty documents, from 0.
    pub index: usize,
    /// The document as written (for the escape hatch and comments).
    pub node: &'a kvol_read::Node,
    /// The document decoded into kvol's model.
    pub decoded: &'a DecodedDocument,
}

/// Why a document cannot be imported: where, and what to do about it.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportError {
    /// The file's name as given.
    pub file: String,
    /// Index among the file's non-empty documents, from 0.
    pub doc: usize,
    /// The field path in the document (empty for the whole document).
    pub field: String,
    /// What cannot be imported, and what to do.
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}#{}", self.file, self.doc)?;
        if !self.field.is_empty() {
            write!(f, " {}", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ImportError {}

impl Doc<'_> {
    /// An import error at `field` of this document.
    pub fn error(&self, field: &str, message: impl Into<String>) -> ImportError {
        ImportError {
            file: self.file.to_owned(),
            doc: self.index,
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

/// How to import.
#[derive(Debug, Clone)]
pub struct Options {
    /// The Kubernetes version whose rules the input is checked against (the generated
    /// macros check at [`KubeVersion::DEFAULT`]).
    pub target: KubeVersion,
    /// Write a whole `main.rs` that prints the set's YAML, rather than a function.
    pub main: bool,
    /// What exists outside the input, as `kvol check`'s options declare it (declared in the
    /// generated block too, with what import finds missing).
    pub externals: Externals,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            target: KubeVersion::DEFAULT,
            main: false,
            externals: Externals::default(),
        }
    }
}

/// Why the input was not imported.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// `kvol check` refuses the input (with the externals import declares): every document's
    /// report, as `kvol check` makes it.
    Invalid(Vec<DocReport>),
    /// The input is valid, but some of it cannot be written with kvol's macros.
    Unimportable(Vec<ImportError>),
}

/// apiVersions no longer served that have the same schema as their v1: `(apiVersion, kind)`.
const UNSERVED_BETAS: &[(&str, &str, &str)] = &[
    (
        "storage.k8s.io/v1beta1",
        "StorageClass",
        "storage.k8s.io/v1",
    ),
    (
        "snapshot.storage.k8s.io/v1beta1",
        "VolumeSnapshot",
        "snapshot.storage.k8s.io/v1",
    ),
    (
        "snapshot.storage.k8s.io/v1beta1",
        "VolumeSnapshotClass",
        "snapshot.storage.k8s.io/v1",
    ),
];

/// One document of the input, read (and its apiVersion updated when it is an unserved beta).
struct Read {
    file: String,
    doc: Result<kvol_read::Document, kvol_read::ReadError>,
    /// A comment on how import changed the document's spelling.
    note: Option<String>,
}

/// Imports every document of `inputs` as one `kvol::manifests! { … }`: the source of a
/// function `manifests()` returning the validated set, or (with [`Options::main`]) a whole
/// `main.rs` printing its YAML.
pub fn import(inputs: &[Input], options: &Options) -> Result<String, Failure> {
    let mut docs = Vec::new();
    for input in inputs {
        for mut doc in kvol_read::read_bytes(&input.bytes) {
            let note = doc.as_mut().ok().and_then(|d| update_beta(&mut d.value));
            docs.push(Read {
                file: input.name.clone(),
                doc,
                note,
            });
        }
    }
    if docs.is_empty() {
        let file = inputs.iter().map(|i| i.name.as_str()).collect::<Vec<_>>();
        return Err(Failure::Unimportable(vec![ImportError {
            file: file.join(", "),
            doc: 0,
            field: String::new(),
            message: "nothing to import: the input holds no document".to_owned(),
        }]));
    }
    let namespace = set_namespace(&docs, options);
    let (reports, externals) = check_with_externals(&docs, options, &namespace);
    if reports.iter().any(|r| !r.accepted()) {
        return Err(Failure::Invalid(reports));
    }
    let mut errors = Vec::new();
    let mut decoded = Vec::new();
    for read in &docs {
        let Ok(doc) = &read.doc else { continue };
        let d = decode_document(&doc.value);
        if !d.modelled {
            errors.push(ImportError {
                file: read.file.clone(),
                doc: doc.index,
                field: String::new(),
                message: format!(
                    "kvol does not model {} {}: kvol import writes only the kinds kvol models \
                     ({}); leave this document out of the input",
                    if d.api_version.is_empty() {
                        "(no apiVersion)"
                    } else {
                        &d.api_version
                    },
                    if d.kind.is_empty() {
                        "(no kind)"
                    } else {
                        &d.kind
                    },
                    modelled_kinds()
                ),
            });
        }
        decoded.push((read, doc, d));
    }
    let docs: Vec<(Doc<'_>, Option<&str>)> = decoded
        .iter()
        .filter(|(_, _, d)| d.modelled && d.object.is_some())
        .map(|(read, doc, d)| {
            let doc = Doc {
                file: &read.file,
                index: doc.index,
                node: &doc.value,
                decoded: d,
            };
            (doc, read.note.as_deref())
        })
        .collect();
    let allows = allow_names(&docs, &namespace, &externals);
    let items = items(&docs, &namespace, &allows, &mut errors);
    if !errors.is_empty() {
        return Err(Failure::Unimportable(errors));
    }
    let mut block = header(&namespace, &externals);
    for item in items {
        if let Some(note) = &item.note {
            block.comment(note);
        }
        block.block(item.key, item.body);
    }
    // File names in a comment: one line each.
    let files: Vec<String> = (inputs.iter())
        .map(|i| i.name.replace(|c: char| c.is_control(), " "))
        .collect();
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    Ok(write_source(&block, &files, options.main))
}

/// The kinds kvol models, for messages.
fn modelled_kinds() -> String {
    let mut kinds: Vec<&str> = MODELLED_KINDS.iter().map(|(_, k)| *k).collect();
    kinds.dedup();
    kinds.join(", ")
}

/// Turns an unserved beta apiVersion into its v1 (same schema), and says so.
fn update_beta(node: &mut kvol_read::Node) -> Option<String> {
    let kvol_read::Value::Map(entries) = &mut node.value else {
        return None;
    };
    let text = |entries: &[(kvol_read::Key, kvol_read::Node)], name: &str| {
        entries.iter().find_map(|(k, v)| match &v.value {
            kvol_read::Value::String(s) if k.name == name => Some(s.clone()),
            _ => None,
        })
    };
    let (version, kind) = (text(entries, "apiVersion")?, text(entries, "kind")?);
    let (_, _, v1) = UNSERVED_BETAS
        .iter()
        .find(|(v, k, _)| *v == version && *k == kind)?;
    for (k, v) in entries.iter_mut() {
        if k.name == "apiVersion" {
            v.value = kvol_read::Value::String((*v1).to_owned());
        }
    }
    Some(format!(
        "{kind} {version} in the input: that version is not served by Kubernetes 1.30 and \
         later; imported as {v1} (the same schema)"
    ))
}

/// The set's namespace (where objects without one are applied): `--namespace`, else the one
/// every namespaced document names, else `default`.
fn set_namespace(docs: &[Read], options: &Options) -> String {
    if let Some(n) = &options.externals.namespace {
        return n.clone();
    }
    let mut found: Option<Option<String>> = None;
    for read in docs {
        let Ok(doc) = &read.doc else { continue };
        let d = decode_document(&doc.value);
        let cluster_scoped = matches!(
            d.kind.as_str(),
            "PersistentVolume" | "StorageClass" | "VolumeSnapshotClass" | "VolumeAttributesClass"
        );
        if !d.modelled || cluster_scoped {
            continue;
        }
        match &found {
            None => found = Some(d.namespace.clone()),
            Some(ns) if *ns == d.namespace => {}
            Some(_) => return "default".to_owned(),
        }
    }
    found.flatten().unwrap_or_else(|| "default".to_owned())
}

/// What a "not found" of the set check declares external.
enum Missing {
    Class,
    Claim,
    DefaultClass,
    Object(ExternalKind),
}

fn missing(rule: &str) -> Option<Missing> {
    let is = |id: RuleId| id.as_str() == rule;
    Some(if is(ids::S8_KVOL_STORAGE_CLASS_NAME_EXISTS) {
        Missing::Class
    } else if is(ids::S5_KVOL_CLAIM_NAME_EXISTS) || is(ids::S24_KVOL_SNAPSHOT_SOURCE_CLAIM_EXISTS) {
        Missing::Claim
    } else if is(ids::S16_DEFAULT_CLASS) {
        Missing::DefaultClass
    } else if is(ids::S24_KVOL_CONFIG_MAP_VOLUME_EXISTS)
        || is(ids::S24_KVOL_PROJECTED_CONFIG_MAP_EXISTS)
        || is(ids::S24_KVOL_ENV_CONFIG_MAP_EXISTS)
    {
        Missing::Object(ExternalKind::ConfigMap)
    } else if is(ids::S24_KVOL_SECRET_VOLUME_EXISTS)
        || is(ids::S24_KVOL_PROJECTED_SECRET_EXISTS)
        || is(ids::S24_KVOL_ENV_SECRET_EXISTS)
    {
        Missing::Object(ExternalKind::Secret)
    } else if is(ids::S24_KVOL_SNAPSHOT_EXISTS) {
        Missing::Object(ExternalKind::VolumeSnapshot)
    } else if is(ids::S24_KVOL_SNAPSHOT_CLASS_EXISTS) {
        Missing::Object(ExternalKind::VolumeSnapshotClass)
    } else if is(ids::S24_KVOL_ATTRIBUTES_CLASS_EXISTS) {
        Missing::Object(ExternalKind::VolumeAttributesClass)
    } else if is(ids::S11_2_KVOL_SERVICE_IN_SET_EXISTS) {
        Missing::Object(ExternalKind::Service)
    } else {
        return None;
    })
}

/// The name a "not found" finding is about: the string at its field in the document, else
/// the quoted value of its message (`Not found: "name": …`).
fn missing_name(node: Option<&kvol_read::Node>, finding: &check::Finding) -> Option<String> {
    if let Some(n) = node.and_then(|n| hatch::node_at(n, &finding.field))
        && let kvol_read::Value::String(s) = &n.value
    {
        return Some(s.clone());
    }
    let rest = finding.message.strip_prefix("Not found: \"")?;
    let end = rest.find('"')?;
    Some(rest[..end].to_owned())
}

/// Checks the input as one set, declaring external what it refers to without holding (in the
/// set's namespace), until nothing new is missing: the last reports, and the declarations.
fn check_with_externals(
    docs: &[Read],
    options: &Options,
    namespace: &str,
) -> (Vec<DocReport>, Externals) {
    let mut externals = options.externals.clone();
    externals.namespace = Some(namespace.to_owned());
    loop {
        let check_options = check::Options {
            target: options.target,
            per_object: false,
            externals: externals.clone(),
        };
        let input = docs
            .iter()
            .map(|r| (r.file.clone(), r.doc.clone()))
            .collect();
        let reports = check::check_documents(input, &check_options);
        let mut added = false;
        for (report, read) in reports.iter().zip(docs) {
            let node = read.doc.as_ref().ok().map(|d| &d.value);
            let ns = report.namespace.as_deref().unwrap_or(namespace);
            for finding in &report.errors {
                let Some(what) = missing(&finding.rule) else {
                    continue;
                };
                if let Missing::DefaultClass = what {
                    added |= !externals.assume_default_class && externals.default_class.is_none();
                    externals.assume_default_class = true;
                    continue;
                }
                let Some(name) = missing_name(node, finding) else {
                    continue;
                };
                let namespaced = !matches!(
                    what,
                    Missing::Class
                        | Missing::Object(
                            ExternalKind::VolumeSnapshotClass | ExternalKind::VolumeAttributesClass
                        )
                );
                // In another namespace than the set's: `NAMESPACE/NAME`.
                let other = (namespaced && ns != namespace).then(|| ns.to_owned());
                let new = match what {
                    Missing::Class => push_new(&mut externals.classes, name),
                    Missing::Claim => push_new(&mut externals.claims, (other, name)),
                    Missing::Object(kind) => {
                        let name = match other {
                            Some(ns) => format!("{ns}/{name}"),
                            None => name,
                        };
                        push_new(&mut externals.objects, (kind, name))
                    }
                    Missing::DefaultClass => false,
                };
                added |= new;
            }
        }
        if !added {
            return (reports, externals);
        }
    }
}

fn push_new<T: PartialEq>(list: &mut Vec<T>, item: T) -> bool {
    let new = !list.contains(&item);
    if new {
        list.push(item);
    }
    new
}

/// The `manifests!` block's own keys: its namespace and what it declares external.
fn header(namespace: &str, externals: &Externals) -> Body {
    let mut body = Body::new();
    if namespace != "default" {
        body.field("namespace", source::name(namespace));
    }
    if let Some(c) = &externals.default_class {
        body.field("default_class", source::name(c));
    } else if externals.assume_default_class {
        body.comment("claims without a class: the cluster's default StorageClass provisions them");
        body.field("assume_default_class", "true");
    }
    let list = |names: Vec<String>| {
        let mut names: Vec<String> = names.iter().map(|n| source::name(n)).collect();
        names.sort();
        names.dedup();
        format!("[{}]", names.join(", "))
    };
    let mut lists: Vec<(&str, Vec<String>)> = vec![
        ("external_classes", externals.classes.clone()),
        (
            "external_claims",
            (externals.claims.iter())
                .map(|(ns, n)| match ns {
                    Some(ns) => format!("{ns}/{n}"),
                    None => n.clone(),
                })
                .collect(),
        ),
    ];
    for (key, kind) in [
        ("external_config_maps", ExternalKind::ConfigMap),
        ("external_secrets", ExternalKind::Secret),
        ("external_snapshots", ExternalKind::VolumeSnapshot),
        (
            "external_snapshot_classes",
            ExternalKind::VolumeSnapshotClass,
        ),
        (
            "external_attributes_classes",
            ExternalKind::VolumeAttributesClass,
        ),
        ("external_services", ExternalKind::Service),
    ] {
        let names = (externals.objects.iter())
            .filter(|(k, _)| *k == kind)
            .map(|(_, n)| n.clone())
            .collect();
        lists.push((key, names));
    }
    let declared = lists.iter().any(|(_, names)| !names.is_empty());
    if declared {
        body.comment("referred to by the input, not in it: kvol checks the set with them");
    }
    for (key, names) in lists {
        if !names.is_empty() {
            body.field(key, list(names));
        }
    }
    body
}

/// One object of the `manifests!` block: its key (`pvc`), body, and a comment before it.
struct Item {
    key: &'static str,
    body: Body,
    note: Option<String>,
}

/// The objects of the block, in input order. A StatefulSet's headless Service (same
/// namespace, named `serviceName`, `clusterIP: None`) is handed to the StatefulSet's printer,
/// which merges it into `statefulset { … }` when it can.
fn items(
    docs: &[(Doc<'_>, Option<&str>)],
    namespace: &str,
    allows: &[Vec<String>],
    errors: &mut Vec<ImportError>,
) -> Vec<Item> {
    let mut merged = vec![false; docs.len()];
    let mut bodies: Vec<Option<Item>> = Vec::new();
    for (i, (doc, note)) in docs.iter().enumerate() {
        let mut note = note.map(str::to_owned);
        if let Some(Object::VolumeAttributesClass(c)) = &doc.decoded.object
            && c.api_version != AttributesClassVersion::V1
        {
            note = Some(format!(
                "VolumeAttributesClass {} in the input: kvol writes {}, the same schema, \
                 served from Kubernetes 1.34",
                c.api_version.api_word(),
                AttributesClassVersion::V1.api_word()
            ));
        }
        let Some(object) = &doc.decoded.object else {
            bodies.push(None);
            continue;
        };
        let printed = match object {
            Object::Pod(p) => workload_printers::pod(doc, p)
                .map(|b| ("pod", b))
                .map_err(|e| vec![e]),
            Object::Deployment(d) => workload_printers::deployment(doc, d)
                .map(|b| ("deployment", b))
                .map_err(|e| vec![e]),
            Object::DaemonSet(d) => workload_printers::daemonset(doc, d)
                .map(|b| ("daemonset", b))
                .map_err(|e| vec![e]),
            Object::StatefulSet(set) => {
                let service = governing_service(docs, i, namespace, &merged).and_then(|j| {
                    match &docs[j].0.decoded.object {
                        Some(Object::Service(svc)) => Some((j, &docs[j].0, svc)),
                        _ => None,
                    }
                });
                let governing = match service {
                    Some((_, d, svc)) => workloads::Governing::Input(d, svc),
                    None => workloads::Governing::Elsewhere,
                };
                workload_printers::statefulset(doc, set, governing)
                    .map(|(body, was_merged)| {
                        if let (Some((j, _, _)), true) = (service, was_merged) {
                            merged[j] = true;
                        }
                        ("statefulset", body)
                    })
                    .map_err(|e| vec![e])
            }
            other => kinds::object(doc, other),
        };
        match printed {
            Ok((key, mut body)) => {
                if let Some(names) = allows.get(i).filter(|n| !n.is_empty()) {
                    body.comment("kvol's warnings on this object, accepted as in the input");
                    body.field("allow", format!("[{}]", names.join(", ")));
                }
                bodies.push(Some(Item { key, body, note }))
            }
            Err(e) => {
                errors.extend(e);
                bodies.push(None);
            }
        }
    }
    bodies
        .into_iter()
        .zip(merged)
        .filter_map(|(item, merged)| item.filter(|_| !merged))
        .collect()
}

/// The document of `docs` that is the headless Service governing StatefulSet `docs[set]`: same
/// namespace, named `serviceName`, `clusterIP: None`, not `taken` by another StatefulSet.
fn governing_service(
    docs: &[(Doc<'_>, Option<&str>)],
    set: usize,
    namespace: &str,
    taken: &[bool],
) -> Option<usize> {
    let ns_of = |doc: &Doc<'_>| {
        doc.decoded
            .namespace
            .as_deref()
            .unwrap_or(namespace)
            .to_owned()
    };
    let (doc, _) = docs.get(set)?;
    let Some(Object::StatefulSet(sts)) = &doc.decoded.object else {
        return None;
    };
    let ns = ns_of(doc);
    docs.iter().enumerate().position(|(j, (d, _))| {
        matches!(&d.decoded.object, Some(Object::Service(svc))
            if !taken.get(j).copied().unwrap_or(false)
                && svc.metadata.name == sts.spec.service_name
                && ns_of(d) == ns
                && svc.is_headless())
    })
}

/// The names `allow: [..]` takes for the warnings kvol gives on each document's object when
/// the macros check the set (as `kvol-dsl`'s `warnings::name` spells them).
fn allow_names(
    docs: &[(Doc<'_>, Option<&str>)],
    namespace: &str,
    externals: &Externals,
) -> Vec<Vec<String>> {
    use kvol_core::validate::Validate;
    let mut set = kvol_core::Manifests::new().namespace(namespace);
    for c in &externals.classes {
        set = set.external_storage_class(c.clone());
    }
    for (ns, c) in &externals.claims {
        set = match ns {
            Some(ns) => set.external_claim_in(ns.clone(), c.clone()),
            None => set.external_claim(c.clone()),
        };
    }
    for (kind, name) in &externals.objects {
        set = match name.split_once('/') {
            Some((ns, name)) => set.external_in(*kind, ns, name),
            None => set.external(*kind, name.clone()),
        };
    }
    if let Some(c) = &externals.default_class {
        set = set.cluster_default_class(c.clone());
    } else if externals.assume_default_class {
        set = set.assume_default_class();
    }
    let mut index = Vec::new();
    for (i, (doc, _)) in docs.iter().enumerate() {
        if let Some(o) = &doc.decoded.object {
            let mut o = o.clone();
            // Written as v1, whatever the input's version.
            if let Object::VolumeAttributesClass(c) = &mut o {
                c.api_version = AttributesClassVersion::V1;
            }
            set.push(o);
            index.push(i);
        }
    }
    let mut out = vec![Vec::new(); docs.len()];
    for w in set.check().warnings {
        let Some(&i) = w.object.and_then(|o| index.get(o)) else {
            continue;
        };
        let name = warning_name(w.code);
        if !out[i].contains(&name) {
            out[i].push(name);
        }
    }
    out
}

/// A warning's name in `allow: [..]`.
fn warning_name(code: kvol_core::WarningCode) -> String {
    use kvol_core::WarningCode as W;
    let snake = |camel: &str| {
        let mut out = String::new();
        for c in camel.chars() {
            if c.is_ascii_uppercase() {
                if !out.is_empty() {
                    out.push('_');
                }
                out.push(c.to_ascii_lowercase());
            } else {
                out.push(c);
            }
        }
        out
    };
    match code {
        W::LegacyPluginRemoved(p) | W::LegacyPluginDeprecated(p) => {
            let info = p.info();
            let tense = if info.removed_in <= KubeVersion::DEFAULT.minor() {
                "was"
            } else {
                "is"
            };
            format!(
                "{}_{tense}_removed_in_kubernetes_1_{}",
                snake(info.key),
                info.removed_in
            )
        }
        W::InTreeProvisioner(p) => format!("in_tree_provisioner_{}", snake(p.key())),
        other => other.as_str().replace('-', "_"),
    }
}

/// The whole source: the function returning the set, and `main` with `--main`.
fn write_source(block: &Body, files: &[&str], main: bool) -> String {
    let mut out = match files {
        [one] => format!("// Written by `kvol import` from `{one}`.\n"),
        _ => {
            let mut out = "// Written by `kvol import` from:\n".to_owned();
            for f in files {
                out.push_str(&format!("// - `{f}`\n"));
            }
            out
        }
    };
    if main {
        out.push_str(
            "// `cargo run` prints the objects' YAML.\n\n\
             fn main() {\n    print!(\"{}\", manifests().to_yaml());\n}\n",
        );
    }
    out.push('\n');
    out.push_str(
        "/// The imported objects, checked against each other when this compiles.\n\
         pub fn manifests() -> kvol::Valid<kvol::Manifests> {\n    kvol::manifests! {\n",
    );
    block.write(&mut out, 8);
    out.push_str("    }\n}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stateful_set_is_paired_with_its_headless_service() {
        let yaml = "\
apiVersion: v1
kind: Service
metadata: {name: web, namespace: other}
spec: {clusterIP: None, selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {clusterIP: None, selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
";
        let read: Vec<kvol_read::Document> = (kvol_read::read_stream(yaml).into_iter())
            .map(|d| d.unwrap())
            .collect();
        let decoded: Vec<DecodedDocument> =
            read.iter().map(|d| decode_document(&d.value)).collect();
        let docs: Vec<(Doc<'_>, Option<&str>)> = (read.iter().zip(&decoded))
            .map(|(r, d)| {
                let doc = Doc {
                    file: "in.yaml",
                    index: r.index,
                    node: &r.value,
                    decoded: d,
                };
                (doc, None)
            })
            .collect();
        // Not the one of another namespace, nor the one with a cluster IP.
        assert_eq!(governing_service(&docs, 3, "default", &[false; 4]), Some(2));
        // Not one already merged into another StatefulSet.
        assert_eq!(
            governing_service(&docs, 3, "default", &[false, false, true, false]),
            None
        );
        // Applied to namespace `other`, the StatefulSet is governed by the first one.
        assert_eq!(governing_service(&docs, 3, "other", &[false; 4]), Some(0));
        assert_eq!(governing_service(&docs, 0, "default", &[false; 4]), None);
    }

    #[test]
    fn empty_input_is_refused() {
        let input = Input {
            name: "-".into(),
            bytes: b"# nothing\n---\n".to_vec(),
        };
        match import(&[input], &Options::default()) {
            Err(Failure::Unimportable(e)) => {
                assert_eq!(
                    e[0].message,
                    "nothing to import: the input holds no document"
                )
            }
            other => panic!("{other:?}"),
        }
    }
}

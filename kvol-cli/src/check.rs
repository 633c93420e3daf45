//! `kvol check`'s engine: read every document as Kubernetes reads it, decode the modelled
//! kinds into kvol's model, run the same rules as the builders (per object, and across all
//! the documents given unless `--per-object`), and locate every finding in its file.

use crate::locate::locate;
use kvol_core::decode::{DecodeIssue, decode_document};
use kvol_core::report::{FieldPath, Source};
use kvol_core::validate::{Checker, Validate};
use kvol_core::{KubeVersion, Manifests, Object, Report};

/// One input: a file's name as the user wrote it (`-` for standard input) and its bytes.
pub struct Input {
    /// The name shown in reports.
    pub name: String,
    /// The file's content.
    pub bytes: Vec<u8>,
}

/// What `kvol check` assumes about the cluster, besides the documents given.
#[derive(Debug, Default, Clone)]
pub struct Externals {
    /// StorageClasses that exist in the cluster.
    pub classes: Vec<String>,
    /// Claims that exist in the cluster, as `(namespace, name)`.
    pub claims: Vec<(Option<String>, String)>,
    /// The cluster's default StorageClass, when one is declared.
    pub default_class: Option<String>,
    /// The cluster has a default StorageClass (name unknown).
    pub assume_default_class: bool,
    /// The namespace of documents that name none.
    pub namespace: Option<String>,
    /// Other objects that exist in the cluster (ConfigMaps, Secrets, VolumeSnapshots, Services
    /// in the namespace of documents that name none, or `NAMESPACE/NAME`;
    /// VolumeSnapshotClasses, VolumeAttributesClasses).
    pub objects: Vec<(kvol_core::manifests::ExternalKind, String)>,
}

/// How to check.
#[derive(Debug, Clone)]
pub struct Options {
    /// The Kubernetes version whose rules apply.
    pub target: KubeVersion,
    /// Only what the API server checks on create, document by document.
    pub per_object: bool,
    /// What exists outside the documents given.
    pub externals: Externals,
}

impl Options {
    /// Only what the API server checks on create, for `target`, with no externals.
    pub fn per_object(target: KubeVersion) -> Self {
        Options {
            target,
            per_object: true,
            externals: Externals::default(),
        }
    }

    /// Every check, across all documents, for `target`, with no externals.
    pub fn whole_set(target: KubeVersion) -> Self {
        Options {
            per_object: false,
            ..Options::per_object(target)
        }
    }
}

/// One finding (an error or a warning) located in its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// `FieldValueInvalid`, `FieldValueRequired`, … (errors only).
    pub error_type: Option<&'static str>,
    /// The field path, as the API server prints it.
    pub field: String,
    /// The message without the field path (the API server's `ErrorBody`).
    pub message: String,
    /// Line of the offending value, 1-based (0 when unknown).
    pub line: usize,
    /// Column, 1-based.
    pub col: usize,
    /// The rule id (or warning code).
    pub rule: String,
    /// Whose rule it is.
    pub source: Source,
    /// What to write instead, when kvol knows.
    pub help: Option<String>,
}

/// A decode error with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeError {
    /// The message, worded as the API server's decoder words it.
    pub message: String,
    /// Line, 1-based (0 when unknown).
    pub line: usize,
    /// Column, 1-based.
    pub col: usize,
}

/// The verdict on one document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocReport {
    /// The file's name.
    pub file: String,
    /// Index among the file's non-empty documents, from 0.
    pub doc: usize,
    /// `apiVersion`, as written.
    pub api_version: String,
    /// `kind`, as written.
    pub kind: String,
    /// `metadata.namespace`, as written.
    pub namespace: Option<String>,
    /// `metadata.name`, as written.
    pub name: String,
    /// Whether kvol models this kind (otherwise only decoding was checked).
    pub modelled: bool,
    /// Why the document could not be decoded.
    pub decode_errors: Vec<DecodeError>,
    /// What the API server would reject (and, outside `--per-object`, kvol's own errors).
    pub errors: Vec<Finding>,
    /// Warnings: the API server's, and kvol's.
    pub warnings: Vec<Finding>,
    /// Fields kvol does not model, not checked (their paths).
    pub unmodelled: Vec<String>,
}

impl DocReport {
    /// No decode errors and no errors.
    pub fn accepted(&self) -> bool {
        self.decode_errors.is_empty() && self.errors.is_empty()
    }
}

/// A document that decoded into a model object, with where its findings go.
struct Decoded {
    /// Index of its report.
    report: usize,
    /// The file's text, for locating.
    node: kvol_read::Node,
    object: Object,
}

/// The error type as the API server's JSON status names it.
fn error_type(kind: kvol_core::report::ErrorKind) -> &'static str {
    use kvol_core::report::ErrorKind as K;
    match kind {
        K::Required => "FieldValueRequired",
        K::Invalid => "FieldValueInvalid",
        K::NotSupported => "FieldValueNotSupported",
        K::Forbidden => "FieldValueForbidden",
        K::Duplicate => "FieldValueDuplicate",
        K::NotFound => "FieldValueNotFound",
        K::TooLong => "FieldValueTooLong",
        K::TooMany => "FieldValueTooMany",
    }
}

/// `Kind: value: detail`, the error without its path.
fn error_body(e: &kvol_core::FieldError) -> String {
    let mut body = e.kind.as_str().to_owned();
    if let Some(v) = &e.value {
        body.push_str(": ");
        body.push_str(v);
    }
    if !e.detail.is_empty() {
        body.push_str(": ");
        body.push_str(&e.detail);
    }
    body
}

fn error_finding(e: &kvol_core::FieldError, path: &FieldPath, node: &kvol_read::Node) -> Finding {
    let (line, col) = locate(node, path, e.value.as_deref());
    Finding {
        error_type: Some(error_type(e.kind)),
        field: path.to_string(),
        message: error_body(e),
        line,
        col,
        rule: e.rule.to_string(),
        source: e.source(),
        help: e.help.as_ref().map(|h| cli_words(h)),
    }
}

/// kvol-core's help names the library's calls; on the command line they are options.
fn cli_words(help: &str) -> String {
    help.replace("`Manifests::external_storage_class`", "`--class NAME`")
        .replace(
            "`Manifests::cluster_default_class`",
            "`--default-class NAME`",
        )
        .replace("`Manifests::external_claim_in`", "`--claim NAMESPACE/NAME`")
        .replace("`Manifests::external_claim`", "`--claim NAME`")
        .replace("`assume_default_class`", "`--assume-default-class`")
        .replace(
            "declare it external (`Manifests::external_config_map`, `external_config_maps: [..]` \
             in `manifests!`, `kvol check --config-map`)",
            "declare it with `--config-map NAME`",
        )
        .replace(
            "declare it external (`Manifests::external_secret`, `external_secrets: [..]` in \
             `manifests!`, `kvol check --secret`)",
            "declare it with `--secret NAME`",
        )
}

fn warning_finding(w: &kvol_core::Warning, path: &FieldPath, node: &kvol_read::Node) -> Finding {
    let (line, col) = locate(node, path, None);
    Finding {
        error_type: None,
        field: path.to_string(),
        message: w.message.clone(),
        line,
        col,
        rule: w.code.as_str().to_owned(),
        source: w.source(),
        help: w.help.as_ref().map(|h| cli_words(h)),
    }
}

/// Checks every document of every input.
pub fn check(inputs: &[Input], options: &Options) -> Vec<DocReport> {
    let mut reports = Vec::new();
    if options.per_object {
        for input in inputs {
            check_each(input, options, |r| reports.push(r));
        }
        return reports;
    }
    let mut decoded: Vec<Decoded> = Vec::new();
    for input in inputs {
        kvol_read::read_each(&input.bytes, |doc| {
            let (report, d) = read_document(&input.name, doc, options.target);
            if let Some((node, object)) = d {
                decoded.push(Decoded {
                    report: reports.len(),
                    node,
                    object,
                });
            }
            reports.push(report);
        });
    }
    check_set(&mut reports, decoded, options);
    reports
}

/// Checks documents already read (`kvol import` reads them itself, to import what it checked):
/// each with its file's name, every check across all of them (as [`check`] without
/// `--per-object`; `options.per_object` is ignored).
pub fn check_documents(
    docs: Vec<(String, Result<kvol_read::Document, kvol_read::ReadError>)>,
    options: &Options,
) -> Vec<DocReport> {
    let mut reports = Vec::new();
    let mut decoded: Vec<Decoded> = Vec::new();
    for (file, doc) in docs {
        let (report, d) = read_document(&file, doc, options.target);
        if let Some((node, object)) = d {
            decoded.push(Decoded {
                report: reports.len(),
                node,
                object,
            });
        }
        reports.push(report);
    }
    check_set(&mut reports, decoded, options);
    reports
}

/// `--per-object`: checks the documents of `input` one at a time, as the API server does on
/// create, and hands each report to `each` as soon as it is done (memory stays flat however
/// many documents there are).
pub fn check_each(input: &Input, options: &Options, mut each: impl FnMut(DocReport)) {
    kvol_read::read_each(&input.bytes, |doc| {
        let (mut report, d) = read_document(&input.name, doc, options.target);
        if let Some((node, object)) = d {
            let mut checker = Checker::new(options.target);
            object.validate(&FieldPath::root(), &mut checker);
            let decoded = Decoded {
                report: 0,
                node,
                object,
            };
            attach(
                std::slice::from_mut(&mut report),
                &decoded,
                checker.finish(),
                true,
            );
        }
        each(report);
    });
}

/// Reads one entry of the stream: its report so far (decode errors, the errors of values the
/// model cannot hold, the unmodelled fields) and, when it decoded, its node and object.
///
/// The API server's decoding comes first (`kvol_core::schema::check_tree`: unknown fields as
/// strict field validation reports them, JSON types, quantities): a document it refuses is not
/// validated, as on the server.
fn read_document(
    file: &str,
    doc: Result<kvol_read::Document, kvol_read::ReadError>,
    target: KubeVersion,
) -> (DocReport, Option<(kvol_read::Node, Object)>) {
    let doc = match doc {
        Ok(doc) => doc,
        Err(e) => {
            let report = DocReport {
                file: file.to_owned(),
                doc: e.doc,
                api_version: String::new(),
                kind: String::new(),
                namespace: None,
                name: String::new(),
                modelled: false,
                decode_errors: vec![DecodeError {
                    message: format!("yaml: {}", e.message),
                    line: e.line,
                    col: e.col,
                }],
                errors: Vec::new(),
                warnings: Vec::new(),
                unmodelled: Vec::new(),
            };
            return (report, None);
        }
    };
    let refused = kvol_core::schema::check_tree(&doc.value, target);
    let d = decode_document(&doc.value);
    let mut report = DocReport {
        file: file.to_owned(),
        doc: doc.index,
        api_version: d.api_version,
        kind: d.kind,
        namespace: d.namespace,
        name: d.name,
        modelled: d.modelled,
        decode_errors: Vec::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
        unmodelled: d.unmodelled.iter().map(|u| u.path.to_string()).collect(),
    };
    if let Some(why) = no_longer_served(&report.api_version, &report.kind) {
        let (line, col) = top_level_value_at(&doc.value, "apiVersion");
        report.decode_errors.push(DecodeError {
            message: format!(
                "no matches for kind {:?} in version {:?}: {why}",
                report.kind, report.api_version
            ),
            line,
            col,
        });
        return (report, None);
    }
    if !refused.is_empty() {
        report.decode_errors = (refused.into_iter())
            .map(|e| DecodeError {
                message: e.message,
                line: e.line,
                col: e.col,
            })
            .collect();
        return (report, None);
    }
    for issue in &d.issues {
        match issue {
            DecodeIssue::Decode { message, line, col } => report.decode_errors.push(DecodeError {
                message: message.clone(),
                line: *line,
                col: *col,
            }),
            DecodeIssue::Field(e) => report.errors.push(error_finding(e, &e.path, &doc.value)),
        }
    }
    let decoded = d.object.map(|object| (doc.value, object));
    (report, decoded)
}

/// Why a modelled kind's apiVersion is refused by every supported cluster (the REST mapping
/// fails before decoding: kubectl says "no matches for kind"), and what to write instead.
fn no_longer_served(api_version: &str, kind: &str) -> Option<&'static str> {
    match (api_version, kind) {
        ("storage.k8s.io/v1beta1", "StorageClass") => Some(
            "storage.k8s.io/v1beta1 StorageClass was removed in Kubernetes 1.22; write \
             apiVersion: storage.k8s.io/v1 (the same fields), as kvol import does",
        ),
        ("snapshot.storage.k8s.io/v1beta1", "VolumeSnapshot" | "VolumeSnapshotClass") => Some(
            "the snapshot CRDs dropped v1beta1 in external-snapshotter 6.0 (the releases for \
             Kubernetes 1.20 and later); write apiVersion: snapshot.storage.k8s.io/v1 (the same \
             fields), as kvol import does",
        ),
        _ => None,
    }
}

/// Line and column of the value of a top-level key (1, 1 when the key is absent).
fn top_level_value_at(doc: &kvol_read::Node, key: &str) -> (usize, usize) {
    match &doc.value {
        kvol_read::Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| k.name == key)
            .map_or((1, 1), |(_, v)| (v.line, v.col)),
        _ => (doc.line, doc.col),
    }
}

/// Attaches an object's report to its document; under `--per-object`, kvol's own errors are
/// warnings (the document's errors are exactly the API server's).
fn attach(reports: &mut [DocReport], d: &Decoded, report: Report, per_object: bool) {
    let out = &mut reports[d.report];
    for e in &report.errors {
        let finding = error_finding(e, &e.path, &d.node);
        if per_object && e.source() == Source::Kvol {
            out.warnings.push(Finding {
                error_type: None,
                ..finding
            });
        } else {
            out.errors.push(finding);
        }
    }
    for w in &report.warnings {
        out.warnings.push(warning_finding(w, &w.path, &d.node));
    }
}

/// The cross-object check: every decoded object in one `Manifests` set. A StatefulSet's
/// governing Service is one of the documents (the set is decoded with `service_in_set`), so
/// kvol checks that the set holds it, headless and selecting the pods.
fn check_set(reports: &mut [DocReport], decoded: Vec<Decoded>, options: &Options) {
    if decoded.is_empty() {
        return;
    }
    let mut set = Manifests::new();
    if let Some(n) = &options.externals.namespace {
        set = set.namespace(n.clone());
    }
    for c in &options.externals.classes {
        set = set.external_storage_class(c.clone());
    }
    for (kind, name) in &options.externals.objects {
        set = match name.split_once('/') {
            Some((ns, name)) => set.external_in(*kind, ns, name),
            None => set.external(*kind, name.clone()),
        };
    }
    for (n, c) in &options.externals.claims {
        set = match n {
            Some(n) => set.external_claim_in(n.clone(), c.clone()),
            None => set.external_claim(c.clone()),
        };
    }
    if let Some(c) = &options.externals.default_class {
        set = set.cluster_default_class(c.clone());
    }
    if options.externals.assume_default_class {
        set = set.assume_default_class();
    }
    for d in &decoded {
        set.push(d.object.clone());
    }
    let mut checker = Checker::new(options.target);
    set.validate(&FieldPath::root(), &mut checker);
    let report = checker.finish();
    // The object a set finding is about, and its path within the object; a finding about no
    // one object (none is known today) goes to the first document, with its whole path, rather
    // than be dropped.
    let within = |object: Option<usize>, path: &FieldPath| -> (usize, FieldPath) {
        let inside = object.and_then(|i| {
            let prefix = set.object_path(i)?;
            let mut segments = path.segments();
            let first = segments.next()?;
            (Some(first) == prefix.last()).then(|| (i, FieldPath::from_segments(segments)))
        });
        inside.unwrap_or_else(|| (0, path.clone()))
    };
    for e in &report.errors {
        let (d, path) = within(e.object, &e.path);
        let finding = error_finding(e, &path, &decoded[d].node);
        reports[decoded[d].report].errors.push(finding);
    }
    for w in &report.warnings {
        let (d, path) = within(w.object, &w.path);
        let finding = warning_finding(w, &path, &decoded[d].node);
        reports[decoded[d].report].warnings.push(finding);
    }
}

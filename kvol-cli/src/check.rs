//! `kvol check`'s engine: read every document as Kubernetes reads it, decode the modelled
//! kinds into kvol's model, run the same rules as the builders (per object, and across all
//! the documents given unless `--per-object`), and locate every finding in its file.

use crate::locate::locate;
use kvol_core::decode::{DecodeIssue, decode_document};
use kvol_core::report::{FieldPath, Segment, Source};
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
    /// Other objects that exist in the cluster (ConfigMaps, Secrets, VolumeSnapshots in the
    /// namespace of documents that name none; VolumeSnapshotClasses, VolumeAttributesClasses).
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
    let (line, col) = locate(node, path);
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
}

fn warning_finding(w: &kvol_core::Warning, path: &FieldPath, node: &kvol_read::Node) -> Finding {
    let (line, col) = locate(node, path);
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
            let (report, d) = read_document(&input.name, doc);
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

/// `--per-object`: checks the documents of `input` one at a time, as the API server does on
/// create, and hands each report to `each` as soon as it is done (memory stays flat however
/// many documents there are).
pub fn check_each(input: &Input, options: &Options, mut each: impl FnMut(DocReport)) {
    kvol_read::read_each(&input.bytes, |doc| {
        let (mut report, d) = read_document(&input.name, doc);
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
fn read_document(
    file: &str,
    doc: Result<kvol_read::Document, kvol_read::ReadError>,
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
/// governing Service, when one of the documents, is paired with it (kvol checks the two
/// together), and its findings go back to the Service's document.
fn check_set(reports: &mut [DocReport], mut decoded: Vec<Decoded>, options: &Options) {
    let default_ns = options.externals.namespace.as_deref();
    let ns_of = |ns: &Option<String>| ns.as_deref().or(default_ns).map(str::to_owned);
    // Pair each StatefulSet with its Service document, if one is given.
    let mut paired = vec![false; decoded.len()];
    let mut service_doc: Vec<Option<usize>> = vec![None; decoded.len()];
    for i in 0..decoded.len() {
        let Object::StatefulSet(set) = &decoded[i].object else {
            continue;
        };
        let (name, ns) = (
            set.spec.service_name.clone(),
            ns_of(&set.metadata.namespace),
        );
        let found = (0..decoded.len()).find(|&j| {
            !paired[j]
                && matches!(&decoded[j].object, Object::Service(s)
                    if s.metadata.name == name && ns_of(&s.metadata.namespace) == ns)
        });
        let Some(j) = found else {
            continue;
        };
        let Object::Service(service) = decoded[j].object.clone() else {
            continue;
        };
        if let Object::StatefulSet(set) = &mut decoded[i].object {
            set.service = service;
        }
        paired[j] = true;
        service_doc[i] = Some(j);
    }
    let mut set = Manifests::new();
    if let Some(n) = &options.externals.namespace {
        set = set.namespace(n.clone());
    }
    for c in &options.externals.classes {
        set = set.external_storage_class(c.clone());
    }
    for (kind, name) in &options.externals.objects {
        set = set.external(*kind, name.clone());
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
    // The set's objects, by the index of their decoded document.
    let members: Vec<usize> = (0..decoded.len()).filter(|&i| !paired[i]).collect();
    for &i in &members {
        set.push(decoded[i].object.clone());
    }
    if members.is_empty() {
        return;
    }
    let mut checker = Checker::new(options.target);
    set.validate(&FieldPath::root(), &mut checker);
    let report = checker.finish();
    // The object a set finding is about, and its path within the object.
    let within = |object: Option<usize>, path: &FieldPath| -> Option<(usize, FieldPath)> {
        let i = object?;
        let prefix = set.object_path(i)?;
        let mut segments = path.segments();
        let first = segments.next()?;
        (Some(first) == prefix.last()).then(|| (i, FieldPath::from_segments(segments)))
    };
    // Where a finding on member `i` at `path` goes: its own document, or (for `service.…` of
    // a StatefulSet paired with a Service document) the Service's.
    let target = |i: usize, path: FieldPath| -> (usize, FieldPath) {
        let member = members[i];
        let mut segments = path.segments();
        if let (Some(Segment::Field("service")), Some(j)) = (segments.next(), service_doc[member]) {
            return (j, FieldPath::from_segments(segments));
        }
        (member, path)
    };
    // A finding about no one object (none is known today) goes to the first document, with
    // its whole path, rather than be dropped.
    let first = members.first().copied().unwrap_or(0);
    for e in &report.errors {
        let (d, path) = match within(e.object, &e.path) {
            Some((i, path)) => target(i, path),
            None => (first, e.path.clone()),
        };
        let finding = error_finding(e, &path, &decoded[d].node);
        reports[decoded[d].report].errors.push(finding);
    }
    for w in &report.warnings {
        let (d, path) = match within(w.object, &w.path) {
            Some((i, path)) => target(i, path),
            None => (first, w.path.clone()),
        };
        let finding = warning_finding(w, &path, &decoded[d].node);
        reports[decoded[d].report].warnings.push(finding);
    }
}

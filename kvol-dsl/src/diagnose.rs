//! kvol-core's findings as compile-time diagnostics: each error at the span of the token behind
//! its field path, reported once, with the notes and help a macro user needs.

use crate::{
    ast::Guarantee,
    ctxt::{Ctxt, Sp},
    lower::Cx,
};
use kvol_core::{FieldError, report::ErrorKind};

/// The errors already reported, so each problem is reported once: kvol-core may report one
/// mistake at several fields (a label is the selector, the template's labels and the
/// Service's), and the passes of an interpolated invocation find the same problem again.
pub struct Reported {
    seen: Vec<Seen>,
    /// Some entries did not parse: leave out what their absence may cause (missing values,
    /// names that are not found, errors with no token of their own).
    partial: bool,
}

/// One reported error: what it said and where.
struct Seen {
    kind: ErrorKind,
    value: Option<String>,
    detail: String,
    at: (String, String),
    exact: bool,
    path: kvol_core::FieldPath,
}

/// A comparable form of a span range (spans have no equality of their own).
fn at(sp: Sp) -> (String, String) {
    (format!("{:?}", sp.start), format!("{:?}", sp.end))
}

impl Reported {
    /// An empty record; `partial` when some entries of the invocation did not parse.
    pub fn new(partial: bool) -> Self {
        Reported {
            seen: Vec::new(),
            partial,
        }
    }

    /// Reports `e` unless the same problem was reported already.
    pub fn push(&mut self, ctxt: &Ctxt, cx: &Cx, e: &FieldError, root: Sp, from_placeholder: bool) {
        let (sp, exact) = locate(cx, e, root);
        if self.partial
            && (!exact
                || matches!(e.kind, ErrorKind::Required | ErrorKind::NotFound)
                || e.value.as_deref() == Some("\"\""))
        {
            return;
        }
        let here = at(sp);
        let seen = self.seen.iter().any(|s| {
            // The same message at the same token (or where the token is only approximate).
            let same_message = s.kind == e.kind && s.value == e.value && s.detail == e.detail;
            // One bad value under two rules at one token (a Pod name that also names its
            // compact container).
            let same_value = e.value.is_some() && s.value == e.value && s.at == here;
            (same_message && (s.at == here || !exact || !s.exact))
                || same_value
                || (from_placeholder && s.path == e.path)
        });
        if seen {
            return;
        }
        self.seen.push(Seen {
            kind: e.kind,
            value: e.value.clone(),
            detail: e.detail.clone(),
            at: here,
            exact,
            path: e.path.clone(),
        });
        ctxt.push(map_error(cx, e, sp, from_placeholder));
    }
}

/// The span of the token behind an error's field, and whether the path matched exactly.
fn locate(cx: &Cx, e: &FieldError, root: Sp) -> (Sp, bool) {
    cx.spans
        .find_value(&e.path, e.value.as_deref())
        .unwrap_or((root, false))
}

/// A kvol-core error as a compile error at `sp`.
fn map_error(cx: &Cx, e: &FieldError, sp: Sp, from_placeholder: bool) -> syn::Error {
    let path = e.path.as_str();
    let mut msg = String::from(e.kind.as_str());
    if let Some(v) = &e.value {
        msg.push_str(&format!(": {v}"));
    }
    if !e.detail.is_empty() {
        msg.push_str(&format!(": {}", e.detail));
    }
    let format_error = matches!(e.kind, ErrorKind::Invalid | ErrorKind::TooLong);
    if let Some(note) = rule_note(cx.kind, path).filter(|_| format_error) {
        msg.push_str(&format!("\nnote: {note}"));
    }
    if e.kind == ErrorKind::Required
        && let Some(help) = required_help(path)
    {
        msg.push_str(&format!("\nhelp: {help}"));
    }
    let interp = cx
        .spans
        .interps
        .iter()
        .find(|(isp, _, _)| at(*isp) == at(sp));
    if let Some((_, placeholder, g)) = interp.filter(|_| from_placeholder) {
        msg.push_str(&placeholder_note(*g, placeholder));
    } else if from_placeholder {
        msg.push_str(
            "\nnote: this happens for some values of the interpolated `{…}` expressions: kvol \
             cannot guarantee the object is valid for every value of their types\nhelp: write \
             these values literally, or build the object with the builder API and handle the \
             `Result` of `build()`",
        );
    }
    if !path.is_empty() {
        msg.push_str(&format!("\nnote: field `{path}` of the {}", cx.kind));
    }
    sp.error(msg)
}

fn placeholder_note(g: Guarantee, placeholder: &str) -> String {
    format!(
        "\nnote: kvol cannot guarantee this for every value of `{}` (tried `{placeholder}`)\n\
         help: write the value literally, or build the object with the builder API and \
         handle the `Result` of `build()`",
        g.type_name()
    )
}

/// What to add for a required field that is missing.
fn required_help(path: &str) -> Option<&'static str> {
    let last = path.rsplit('.').next().unwrap_or(path);
    Some(match last {
        "name" if path == "metadata.name" => "add `name: NAME`",
        "image" => "add `image: \"IMAGE\"` to the container",
        "accessModes" => "add `access: RWO` (or ROX, RWX, RWOP)",
        "resources[storage]" | "requests[storage]" | "resources" => "add `request: 1Gi`",
        "capacity" => "add `capacity: 1Gi`",
        "provisioner" => "add `provisioner: \"DRIVER\"`",
        "containers" => {
            "add `image: \"IMAGE\"` (one container named like the object) or a \
             `container NAME { image: \"IMAGE\" }`"
        }
        "spec" => "add `source: …` (host_path, local, nfs, csi, iscsi)",
        _ => return None,
    })
}

/// A note quoting the Kubernetes rule behind a field, where the detail alone is terse.
fn rule_note(kind: &str, path: &str) -> Option<String> {
    let label = "a DNS-1123 label: at most 63 characters of a-z, 0-9 and '-', starting and \
                 ending with a letter or digit";
    let subdomain = "a DNS-1123 subdomain: at most 253 characters of a-z, 0-9, '-' and '.', \
                     starting and ending with a letter or digit";
    if path == "metadata.name" {
        return Some(match kind {
            "StatefulSet" => format!("a StatefulSet name must be {label}"),
            k => format!("a {k} name must be {subdomain}"),
        });
    }
    if path == "spec.serviceName" || path == "service.metadata.name" {
        return Some(
            "a Service name must be a DNS-1035 label: at most 63 characters of a-z, 0-9 and \
             '-', starting with a letter and ending with a letter or digit"
                .into(),
        );
    }
    if path.ends_with("metadata.namespace") {
        return Some(format!("a namespace must be {label}"));
    }
    if path.contains("ports[") && path.ends_with(".name") && !path.starts_with("service") {
        return Some(
            "a container port name must be an IANA service name: at most 15 characters of a-z, \
             0-9 and '-', with at least one letter, no '--', not starting or ending with '-'"
                .into(),
        );
    }
    if (path.contains("volumes[") || path.contains("containers[") || path.contains("Containers["))
        && path.ends_with("].name")
        && !path.contains(".env[")
    {
        return Some(format!("volume and container names must be {label}"));
    }
    if path.ends_with("storageClassName") {
        return Some(format!("a StorageClass name must be {subdomain}"));
    }
    None
}

//! What can stop a write, and what to do about it.

use serde_json::Value;
use std::{fmt, io, path::PathBuf};

/// Why a set of manifests was not (completely) written into a folder.
///
/// Every variant but [`OutputError::Io`] is found before anything is written, and so is an
/// `Io` error whose `replaced` list is empty: the folder is as it was.
///
/// ```
/// use kvol_core::{output::{OutputDir, OutputError}, StorageClass};
///
/// let dir = std::env::temp_dir().join(format!("kvol-doc-error-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// // A kustomization.yaml of the user's own: kvol will not overwrite it.
/// std::fs::write(dir.join("kustomization.yaml"), "resources: [app.yaml]\n")?;
/// let class = StorageClass::builder("fast", "ebs.csi.aws.com").build()?;
/// let err = OutputDir::new(&dir).write(&class).unwrap_err();
/// assert!(matches!(err, OutputError::NotOwned { .. }));
/// assert!(err.to_string().contains("kustomization.yaml: does not start with"));
/// assert!(!dir.join("storageclass-fast.yaml").exists());
/// # std::fs::remove_dir_all(&dir).ok();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum OutputError {
    /// A document's name or namespace cannot be used in a file name as it is (only what
    /// Kubernetes names allow is accepted: `a-z`, `0-9`, `-`, `.`).
    FileName {
        /// The document, e.g. `StatefulSet prod/web`.
        document: String,
        /// Why.
        reason: String,
    },
    /// Two documents would be written to the same file, even with namespaces in the names
    /// (the same kind and name twice in one namespace, or in none).
    FileNameCollision {
        /// The file name.
        file: String,
        /// The first document.
        first: String,
        /// The second document.
        second: String,
    },
    /// A document could not be rendered (kvol's YAML writer refused a value).
    Render {
        /// The file it was meant for.
        file: String,
        /// The writer's error.
        message: String,
    },
    /// Files that kvol would replace but did not write: they do not start with
    /// [`GENERATED_HEADER`](super::GENERATED_HEADER), or are folders or symbolic links. Also a
    /// `kustomization.yml` or `Kustomization` of the user's, which kustomize would not accept
    /// next to kvol's `kustomization.yaml`.
    NotOwned {
        /// Each file, with what is wrong with it.
        files: Vec<(PathBuf, String)>,
    },
    /// A StatefulSet file kvol wrote earlier no longer reads as YAML, so the guard cannot compare
    /// it (fix or delete it, or allow immutable changes for this run).
    PreviousFile {
        /// The file.
        path: PathBuf,
        /// The YAML reader's error.
        message: String,
    },
    /// Fields Kubernetes forbids changing on an existing StatefulSet differ from the StatefulSet
    /// kvol wrote into the folder before. Nothing was written.
    ImmutableFields(Vec<ImmutableChange>),
    /// Reading the folder, or writing, renaming or removing a file failed.
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What kvol was doing: `read`, `write`, `remove`, …
        action: &'static str,
        /// The system's error.
        source: io::Error,
        /// Files already replaced with their new content before the failure (each one complete;
        /// every other file keeps its previous content). Empty when the folder is untouched.
        replaced: Vec<String>,
    },
}

/// One difference in a field Kubernetes forbids changing on an existing StatefulSet.
///
/// ```
/// use kvol_core::output::ImmutableChange;
/// use serde_json::json;
///
/// let change = ImmutableChange {
///     statefulset: "web".into(),
///     namespace: None,
///     previous_file: "manifests/statefulset-web.yaml".into(),
///     field: "spec.volumeClaimTemplates".into(),
///     path: "spec.volumeClaimTemplates[0].spec.resources.requests.storage".into(),
///     old: Some(json!("1Gi")),
///     new: Some(json!("2Gi")),
/// };
/// assert_eq!(
///     change.to_string(),
///     "spec.volumeClaimTemplates[0].spec.resources.requests.storage: was \"1Gi\", now \"2Gi\""
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ImmutableChange {
    /// The StatefulSet's name.
    pub statefulset: String,
    /// Its namespace, if it names one.
    pub namespace: Option<String>,
    /// The file that holds the previous version.
    pub previous_file: PathBuf,
    /// The immutable field: `spec.selector`, `spec.serviceName`, `spec.volumeClaimTemplates` or
    /// `spec.podManagementPolicy`.
    pub field: String,
    /// Where inside it the values differ, e.g.
    /// `spec.volumeClaimTemplates[0].spec.resources.requests.storage`.
    pub path: String,
    /// The previous value (`None`: not set).
    pub old: Option<Value>,
    /// The new value (`None`: not set).
    pub new: Option<Value>,
}

fn show(value: &Option<Value>) -> String {
    match value {
        None => "(not set)".to_owned(),
        Some(v) => serde_json::to_string(v).unwrap_or_else(|_| v.to_string()),
    }
}

impl fmt::Display for ImmutableChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: was {}, now {}",
            self.path,
            show(&self.old),
            show(&self.new)
        )
    }
}

/// The way out, for one StatefulSet whose immutable fields changed.
fn way_out(f: &mut fmt::Formatter<'_>, changes: &[&ImmutableChange]) -> fmt::Result {
    let Some(first) = changes.first() else {
        return Ok(());
    };
    let ns = first
        .namespace
        .as_deref()
        .map(|ns| format!(" -n {ns}"))
        .unwrap_or_default();
    let touched = |field: &str| changes.iter().any(|c| c.field == field);
    write!(
        f,
        "\n  The API server would reject this update. To make it anyway, let kvol write the new \
         version (OutputDir::allow_immutable_changes(true)), then delete the StatefulSet but keep \
         its pods and PersistentVolumeClaims, and apply the new manifests:\
         \n    kubectl delete statefulset {}{ns} --cascade=orphan\
         \n    kubectl apply -k {}",
        first.statefulset,
        first
            .previous_file
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| ".".to_owned()),
    )?;
    if touched("spec.volumeClaimTemplates") {
        write!(
            f,
            "\n  Existing claims keep their current spec (claim templates only shape new claims): \
             resize them one by one with `kubectl edit pvc` if their StorageClass allows \
             expansion."
        )?;
    }
    if touched("spec.selector") {
        write!(
            f,
            "\n  The old pods do not match the new selector, so the new StatefulSet does not adopt \
             them: delete them one by one and it recreates them, reusing their claims by name."
        )?;
    }
    Ok(())
}

impl fmt::Display for OutputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutputError::FileName { document, reason } => {
                write!(f, "cannot name a file after {document}: {reason}")
            }
            OutputError::FileNameCollision {
                file,
                first,
                second,
            } => write!(f, "{first} and {second} would both be written to {file}"),
            OutputError::Render { file, message } => write!(f, "cannot render {file}: {message}"),
            OutputError::NotOwned { files } => {
                write!(
                    f,
                    "kvol did not write these files and will not replace them (move them away, \
                     or write the manifests into another folder):"
                )?;
                for (path, what) in files {
                    write!(f, "\n  {}: {what}", path.display())?;
                }
                Ok(())
            }
            OutputError::PreviousFile { path, message } => write!(
                f,
                "cannot read {} to compare the StatefulSet's immutable fields: {message} (fix or \
                 delete the file, or allow immutable changes for this run)",
                path.display()
            ),
            OutputError::ImmutableFields(changes) => {
                write!(
                    f,
                    "Kubernetes forbids changing the selector, serviceName, volumeClaimTemplates \
                     and podManagementPolicy of an existing StatefulSet, and these differ from \
                     the version already written:"
                )?;
                let mut done: Vec<(&str, Option<&str>)> = Vec::new();
                for c in changes {
                    let key = (c.statefulset.as_str(), c.namespace.as_deref());
                    if done.contains(&key) {
                        continue;
                    }
                    done.push(key);
                    let mine: Vec<&ImmutableChange> = changes
                        .iter()
                        .filter(|o| (o.statefulset.as_str(), o.namespace.as_deref()) == key)
                        .collect();
                    let name = match key.1 {
                        Some(ns) => format!("{ns}/{}", key.0),
                        None => key.0.to_owned(),
                    };
                    write!(
                        f,
                        "\nStatefulSet {name} (previous version: {}):",
                        c.previous_file.display()
                    )?;
                    for m in &mine {
                        write!(f, "\n  {m}")?;
                    }
                    way_out(f, &mine)?;
                }
                Ok(())
            }
            OutputError::Io {
                path,
                action,
                source,
                replaced,
            } => {
                write!(f, "cannot {action} {}: {source}", path.display())?;
                if !replaced.is_empty() {
                    write!(
                        f,
                        " (already replaced: {}; every other file keeps its previous content, \
                         run again to finish)",
                        replaced.join(", ")
                    )?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for OutputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            OutputError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

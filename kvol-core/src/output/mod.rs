//! Writing a validated set of manifests into a folder, typically from `build.rs`: one file per
//! document plus a `kustomization.yaml`, byte-identical for identical input, written atomically,
//! never touching files kvol did not write, and refusing changes Kubernetes would reject on an
//! existing StatefulSet. Needs the `build-script` feature.
//!
//! ```
//! use kvol_core::{output::OutputDir, StorageClass, Valid};
//!
//! let dir = std::env::temp_dir().join(format!("kvol-doc-output-{}", std::process::id()));
//! let fast = StorageClass::builder("fast", "ebs.csi.aws.com").build()?;
//!
//! let first = OutputDir::new(&dir).write(&fast)?;
//! assert_eq!(first.written(), ["storageclass-fast.yaml", "kustomization.yaml"]);
//! // Same input, nothing to do: the files (and their modification times) are left alone.
//! let second = OutputDir::new(&dir).write(&fast)?;
//! assert!(!second.changed());
//! # std::fs::remove_dir_all(&dir).ok();
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Files
//!
//! Each document gets `<kind>-<name>.yaml` (kind in lower case: `storageclass-fast.yaml`,
//! `persistentvolumeclaim-data.yaml`). A StatefulSet renders as two documents, so its headless
//! Service gets its own `service-<service name>.yaml` next to `statefulset-<name>.yaml`. When two
//! documents would get the same name (same kind and name in different namespaces), those that
//! carry a namespace are named `<kind>-<namespace>-<name>.yaml`; if names still collide, nothing
//! is written and [`OutputError::FileNameCollision`] names both documents. Names that are not
//! Kubernetes names (anything but `a-z`, `0-9`, `-`, `.`) are refused rather than escaped, so a
//! name can never reach outside the folder.
//!
//! `kustomization.yaml` (`kustomize.config.k8s.io/v1beta1`, `kind: Kustomization`) lists the
//! files under `resources:` in document order, so `kubectl apply -k <dir>` applies exactly the
//! current set. Every file starts with the line [`GENERATED_HEADER`] and is written with kvol's
//! own YAML writer ([`crate::yaml`]), so the output is byte-identical for identical input.
//!
//! # Ownership: which files kvol may replace or delete
//!
//! Two marks, each guarding one destructive action:
//!
//! - **Replace** a file only if it starts with [`GENERATED_HEADER`]. A file at one of kvol's file
//!   names without that first line (a user's own `kustomization.yaml`, a file the user adopted by
//!   deleting the header) stops the whole write with [`OutputError::NotOwned`] before anything
//!   is written.
//! - **Delete** a file (a document that left the set) only if it is listed in the folder's
//!   [`OWNED_LIST`] file (`.kvol-owned`, the names kvol wrote, itself written atomically) *and*
//!   still starts with the header. A copy the user made of a generated file (`x-old.yaml`) carries
//!   the header but is not listed, so it stays; a listed file whose header the user removed stays
//!   too. Anything else in the folder is never opened for writing, renamed or deleted.
//!
//! The header alone would delete such copies; the list alone would overwrite a user's file that
//! happens to have kvol's name after the list was lost. Together, losing `.kvol-owned` only means
//! that stale files are no longer cleaned up (they are out of `kustomization.yaml` anyway).
//!
//! # Atomicity, and the remaining window
//!
//! Everything that can fail without touching the disk happens first: rendering every file into
//! memory, naming, reading the folder, the ownership checks and the StatefulSet guard. Only then
//! are files written, each one atomically: into a temporary `.<name>.<pid>.kvol-tmp` in the same
//! folder, `fsync`ed, then renamed over the target (a rename within one folder replaces the file
//! in one step on POSIX file systems; on Windows `std::fs::rename` replaces it with
//! `MoveFileExW`, atomic in practice on NTFS but not documented as such). Files whose content is unchanged are not written
//! at all, so their modification time stays and cargo sees nothing new.
//!
//! The order is: `.kvol-owned` grows to old ∪ new names, the changed documents are replaced,
//! `kustomization.yaml` is replaced, stale files are deleted, `.kvol-owned` shrinks to the new
//! names, and the folder itself is `fsync`ed (Unix, best effort). What this guarantees: every
//! file is at all times either its complete previous content or its complete new content, never
//! a mix or a truncated file; the kustomization never lists a file that is missing; kvol never
//! forgets a file it wrote. What it does not guarantee: the folder *as a whole* changes in one
//! step. If the process dies or a write fails midway (disk full, permissions), some documents are
//! new and the others still old, until the next run finishes the job (the error lists the files
//! already replaced). A crash can also leave a hidden `.kvol-tmp` file, which the next write
//! removes. Only one writer per folder at a time is supported (two build scripts sharing one
//! folder would race on `.kvol-owned`).
//!
//! # The StatefulSet guard
//!
//! Kubernetes forbids changing `spec.selector`, `spec.serviceName`, `spec.volumeClaimTemplates`
//! and `spec.podManagementPolicy` of an existing StatefulSet (k8s-rules.md §13). When the folder
//! already holds a kvol-written StatefulSet with the same name and namespace, those fields are
//! compared with the new object and a difference stops the write with
//! [`OutputError::ImmutableFields`], which names each changed field with its old and new value
//! and the usual way out: `kubectl delete statefulset <name> --cascade=orphan`, then apply again
//! (pods and PersistentVolumeClaims are kept). [`OutputDir::allow_immutable_changes`] skips the
//! guard for a run that does exactly that.
//!
//! The comparison is on JSON values: the previous file parsed with `serde_yaml` into a
//! `serde_json::Value`, against `serde_json::to_value` of the new StatefulSet document. Values the
//! API server treats as equal are equal here too: an absent `podManagementPolicy` and
//! `OrderedReady`, an absent claim `volumeMode` and `Filesystem`, and storage sizes with the same
//! value (`1Gi` and `1024Mi`).
//!
//! Why read the YAML file back rather than a JSON copy kvol would keep next to it: the YAML file
//! is what gets applied, so it is the truth about what the cluster holds; a side copy would be
//! one more file to keep in step with it (a crash between the two writes, a hand edit of one of
//! them) and one more thing in the folder. kvol wrote the file with a writer whose output every
//! YAML 1.1 and 1.2 reader reads the same way (see [`crate::yaml`]), so serde_yaml reads it
//! exactly. The cost is the serde_yaml dependency, which is why this module sits behind the
//! `build-script` feature, off by default: build scripts enable it on their build-dependency,
//! and crates that only render manifests do not compile a YAML parser.

mod error;
mod fs_ops;
mod guard;
mod plan;

pub use error::{ImmutableChange, OutputError};

use crate::{render::ToDocuments, validate::Valid};
use std::{
    collections::BTreeSet,
    fmt,
    path::{Path, PathBuf},
};

/// The first line of every file kvol writes into a folder (with its line break).
pub const GENERATED_HEADER: &str = "# generated by kvol; do not edit\n";

/// The kustomization file written next to the manifests.
pub const KUSTOMIZATION: &str = "kustomization.yaml";

/// The file in which kvol lists the files it wrote into the folder (one name per line).
pub const OWNED_LIST: &str = ".kvol-owned";

/// Writes `manifests` into `dir` with the default options: the same as
/// `OutputDir::new(dir).write(manifests)`.
///
/// ```
/// use kvol_core::{output::write_dir, Container, PvcTemplate, StatefulSet, AccessMode};
///
/// let web = StatefulSet::builder("web")
///     .container(Container::builder("nginx", "registry.k8s.io/nginx-slim:0.8"))
///     .claim(PvcTemplate::builder("www").access_mode(AccessMode::ReadWriteOnce).request("1Gi"))
///     .build()?;
/// let dir = std::env::temp_dir().join(format!("kvol-doc-write-dir-{}", std::process::id()));
/// let summary = write_dir(&dir, &web)?;
/// assert_eq!(
///     summary.written(),
///     ["service-web.yaml", "statefulset-web.yaml", "kustomization.yaml"]
/// );
/// # std::fs::remove_dir_all(&dir).ok();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_dir<T: ToDocuments>(
    dir: impl AsRef<Path>,
    manifests: &Valid<T>,
) -> Result<WriteSummary, OutputError> {
    OutputDir::new(dir.as_ref()).write(manifests)
}

/// Options for writing a set of manifests into a folder; [`OutputDir::write`] does the work.
///
/// ```
/// use kvol_core::{output::OutputDir, StorageClass};
///
/// let dir = std::env::temp_dir().join(format!("kvol-doc-output-dir-{}", std::process::id()));
/// let class = StorageClass::builder("standard", "pd.csi.storage.gke.io").build()?;
/// let summary = OutputDir::new(&dir)
///     .allow_immutable_changes(false) // the default
///     .write(&class)?;
/// assert_eq!(summary.dir(), dir.as_path());
/// let yaml = std::fs::read_to_string(dir.join("storageclass-standard.yaml"))?;
/// assert!(yaml.starts_with("# generated by kvol; do not edit\napiVersion: storage.k8s.io/v1\n"));
/// # std::fs::remove_dir_all(&dir).ok();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputDir {
    dir: PathBuf,
    allow_immutable_changes: bool,
}

impl OutputDir {
    /// Options for writing into `dir` (created, with its parents, if missing).
    ///
    /// ```
    /// let out = kvol_core::output::OutputDir::new("target/manifests");
    /// assert_eq!(out.dir(), std::path::Path::new("target/manifests"));
    /// ```
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        OutputDir {
            dir: dir.into(),
            allow_immutable_changes: false,
        }
    }

    /// The folder written into.
    ///
    /// ```
    /// let out = kvol_core::output::OutputDir::new("out");
    /// assert_eq!(out.dir().to_str(), Some("out"));
    /// ```
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// With `true`, writes a StatefulSet even when a field Kubernetes forbids changing
    /// (`spec.selector`, `spec.serviceName`, `spec.volumeClaimTemplates`,
    /// `spec.podManagementPolicy`) differs from the one already in the folder. Use it for the run
    /// whose output you apply after `kubectl delete statefulset <name> --cascade=orphan`.
    ///
    /// ```
    /// let out = kvol_core::output::OutputDir::new("out").allow_immutable_changes(true);
    /// # let _ = out;
    /// ```
    pub fn allow_immutable_changes(mut self, allow: bool) -> Self {
        self.allow_immutable_changes = allow;
        self
    }

    /// Writes one file per document and `kustomization.yaml` into the folder, removes the files
    /// of documents that left the set, and leaves unchanged files untouched (see the
    /// [module documentation](self) for naming, ownership and atomicity).
    ///
    /// Errors, each before anything is written unless it is an [`OutputError::Io`] whose
    /// `replaced` list is not empty: a document whose name cannot be a file name or two that
    /// would share a file; a file kvol would replace that it did not write; a changed immutable
    /// StatefulSet field; an unreadable folder or previous file; a failed write.
    ///
    /// ```
    /// use kvol_core::{output::OutputDir, Object, StorageClass, Valid};
    ///
    /// let dir = std::env::temp_dir().join(format!("kvol-doc-write-{}", std::process::id()));
    /// let class = |name| StorageClass::builder(name, "ebs.csi.aws.com").build();
    /// let fast: Object = class("fast")?.into_inner().into();
    /// let slow: Object = class("slow")?.into_inner().into();
    /// OutputDir::new(&dir).write(&Valid::new(vec![fast.clone(), slow])?)?;
    /// // "slow" left the set: its file goes.
    /// let summary = OutputDir::new(&dir).write(&Valid::new(vec![fast])?)?;
    /// assert_eq!(summary.removed(), ["storageclass-slow.yaml"]);
    /// assert_eq!(summary.written(), ["kustomization.yaml"]);
    /// assert_eq!(summary.unchanged(), ["storageclass-fast.yaml"]);
    /// # std::fs::remove_dir_all(&dir).ok();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write<T: ToDocuments>(&self, manifests: &Valid<T>) -> Result<WriteSummary, OutputError> {
        self.write_documents(&**manifests)
    }

    fn write_documents<T: ToDocuments + ?Sized>(
        &self,
        documents: &T,
    ) -> Result<WriteSummary, OutputError> {
        // 1. Everything in memory: names, bytes, the new StatefulSets.
        let plan = plan::Plan::new(documents)?;
        // 2. What the folder holds, and whether kvol may replace / delete it.
        let state = fs_ops::Folder::read(&self.dir, &plan)?;
        // 3. The guard, against the StatefulSets kvol wrote before.
        if !self.allow_immutable_changes {
            guard::check(&self.dir, &plan, &state)?;
        }
        // 4. Only now the disk.
        fs_ops::apply(&self.dir, &plan, state)
    }
}

/// What a write did, file by file (names relative to the folder; the `.kvol-owned` bookkeeping
/// file is not listed).
///
/// ```
/// use kvol_core::{output::write_dir, StorageClass};
///
/// let dir = std::env::temp_dir().join(format!("kvol-doc-summary-{}", std::process::id()));
/// let class = StorageClass::builder("fast", "ebs.csi.aws.com").build()?;
/// let summary = write_dir(&dir, &class)?;
/// assert!(summary.changed());
/// assert_eq!(summary.files(), ["storageclass-fast.yaml", "kustomization.yaml"]);
/// assert_eq!(
///     summary.to_string(),
///     format!("{}: 2 written, 0 unchanged, 0 removed", dir.display())
/// );
/// # std::fs::remove_dir_all(&dir).ok();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteSummary {
    dir: PathBuf,
    files: Vec<String>,
    written: BTreeSet<String>,
    removed: Vec<String>,
}

impl WriteSummary {
    /// The folder.
    ///
    /// ```
    /// # use kvol_core::{output::write_dir, StorageClass};
    /// # let dir = std::env::temp_dir().join(format!("kvol-doc-sum-dir-{}", std::process::id()));
    /// # let class = StorageClass::builder("fast", "ebs.csi.aws.com").build()?;
    /// let summary = write_dir(&dir, &class)?;
    /// assert_eq!(summary.dir(), dir);
    /// # std::fs::remove_dir_all(&dir).ok();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Every file of the set, in `kustomization.yaml`'s order, `kustomization.yaml` last.
    ///
    /// ```
    /// # use kvol_core::{output::write_dir, StorageClass};
    /// # let dir = std::env::temp_dir().join(format!("kvol-doc-sum-files-{}", std::process::id()));
    /// # let class = StorageClass::builder("fast", "ebs.csi.aws.com").build()?;
    /// let summary = write_dir(&dir, &class)?;
    /// assert_eq!(summary.files().last().map(String::as_str), Some("kustomization.yaml"));
    /// # std::fs::remove_dir_all(&dir).ok();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn files(&self) -> &[String] {
        &self.files
    }

    /// The files written (new or changed), in [`WriteSummary::files`] order.
    ///
    /// ```
    /// # use kvol_core::{output::write_dir, StorageClass};
    /// # let dir = std::env::temp_dir().join(format!("kvol-doc-written-{}", std::process::id()));
    /// # let class = StorageClass::builder("fast", "ebs.csi.aws.com").build()?;
    /// assert_eq!(write_dir(&dir, &class)?.written().len(), 2);
    /// assert!(write_dir(&dir, &class)?.written().is_empty());
    /// # std::fs::remove_dir_all(&dir).ok();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn written(&self) -> Vec<&str> {
        self.files
            .iter()
            .filter(|f| self.written.contains(*f))
            .map(String::as_str)
            .collect()
    }

    /// The files left untouched because their content was already right.
    ///
    /// ```
    /// # use kvol_core::{output::write_dir, StorageClass};
    /// # let dir = std::env::temp_dir().join(format!("kvol-doc-sum-same-{}", std::process::id()));
    /// # let class = StorageClass::builder("fast", "ebs.csi.aws.com").build()?;
    /// write_dir(&dir, &class)?;
    /// assert_eq!(write_dir(&dir, &class)?.unchanged().len(), 2);
    /// # std::fs::remove_dir_all(&dir).ok();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unchanged(&self) -> Vec<&str> {
        self.files
            .iter()
            .filter(|f| !self.written.contains(*f))
            .map(String::as_str)
            .collect()
    }

    /// The files kvol had written before and deleted because their document left the set.
    ///
    /// ```
    /// # use kvol_core::{output::write_dir, StorageClass};
    /// # let dir = std::env::temp_dir().join(format!("kvol-doc-removed-{}", std::process::id()));
    /// # let class = StorageClass::builder("fast", "ebs.csi.aws.com").build()?;
    /// assert!(write_dir(&dir, &class)?.removed().is_empty());
    /// # std::fs::remove_dir_all(&dir).ok();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn removed(&self) -> &[String] {
        &self.removed
    }

    /// True when something was written or removed.
    ///
    /// ```
    /// # use kvol_core::{output::write_dir, StorageClass};
    /// # let dir = std::env::temp_dir().join(format!("kvol-doc-changed-{}", std::process::id()));
    /// # let class = StorageClass::builder("fast", "ebs.csi.aws.com").build()?;
    /// assert!(write_dir(&dir, &class)?.changed());
    /// assert!(!write_dir(&dir, &class)?.changed());
    /// # std::fs::remove_dir_all(&dir).ok();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn changed(&self) -> bool {
        !self.written.is_empty() || !self.removed.is_empty()
    }
}

impl fmt::Display for WriteSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} written, {} unchanged, {} removed",
            self.dir.display(),
            self.written.len(),
            self.files.len() - self.written.len(),
            self.removed.len()
        )
    }
}

//! `kvol_core::output`: writing a set of manifests into a folder (feature `build-script`, which
//! kvol-core's dev-dependency on itself turns on for tests).
//!
//! Every test works in its own folder under the system temp dir and checks the folder as a
//! whole: names, bytes, modification times and inode numbers, so that "left untouched" means
//! not rewritten at all.

use kvol_core::{
    AccessMode, Container, KubeVersion, Manifests, Object, PersistentVolumeClaim, PvcTemplate,
    StatefulSet, StorageClass, Valid,
    output::{GENERATED_HEADER, ImmutableChange, OWNED_LIST, OutputDir, OutputError, write_dir},
    statefulset::PodManagementPolicy,
};
use std::{
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
    time::{Duration, SystemTime},
};

/// A fresh folder path (not created) that is removed again when the test ends.
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!("kvol-output-{test}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&path);
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

impl AsRef<Path> for TempDir {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl std::ops::Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

/// Everything about every entry of a folder that a rewrite would change.
#[derive(Debug, PartialEq)]
struct Entry {
    bytes: Vec<u8>,
    modified: SystemTime,
    #[cfg(unix)]
    inode: u64,
}

fn snapshot(dir: &Path) -> BTreeMap<String, Entry> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let meta = entry.metadata().unwrap();
        let bytes = if meta.is_file() {
            fs::read(entry.path()).unwrap()
        } else {
            b"<folder>".to_vec()
        };
        out.insert(
            entry.file_name().into_string().unwrap(),
            Entry {
                bytes,
                modified: meta.modified().unwrap(),
                #[cfg(unix)]
                inode: std::os::unix::fs::MetadataExt::ino(&meta),
            },
        );
    }
    out
}

/// Moves every file's modification time an hour back, so that any rewrite shows.
fn age(dir: &Path) {
    let past = SystemTime::now() - Duration::from_secs(3600);
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let file = fs::File::options().append(true).open(&path).unwrap();
            file.set_modified(past).unwrap();
        }
    }
}

fn names(dir: &Path) -> Vec<String> {
    snapshot(dir).into_keys().collect()
}

fn read(dir: &Path, file: &str) -> String {
    fs::read_to_string(dir.join(file)).unwrap()
}

/// The seed's `web` StatefulSet, with its claim size as a parameter.
fn web_with(
    size: &str,
    f: impl FnOnce(kvol_core::StatefulSetBuilder) -> kvol_core::StatefulSetBuilder,
) -> StatefulSet {
    let builder = StatefulSet::builder("web")
        .service_name("nginx")
        .label("app", "nginx")
        .replicas(3)
        .grace_period(10)
        .container(
            Container::builder("nginx", "registry.k8s.io/nginx-slim:0.8")
                .named_port("web", 80)
                .mount("www", "/usr/share/nginx/html"),
        )
        .claim(
            PvcTemplate::builder("www")
                .access_mode(AccessMode::ReadWriteOnce)
                .storage_class("standard")
                .request(size),
        );
    f(builder).build().unwrap().into_inner()
}

fn web(size: &str) -> StatefulSet {
    web_with(size, |b| b)
}

fn class(name: &str) -> StorageClass {
    StorageClass::builder(name, "pd.csi.storage.gke.io")
        .parameter("type", "pd-balanced")
        .build()
        .unwrap()
        .into_inner()
}

fn claim(namespace: Option<&str>, name: &str) -> PersistentVolumeClaim {
    let mut b = PersistentVolumeClaim::builder(name)
        .access_mode(AccessMode::ReadWriteOnce)
        .request("1Gi");
    if let Some(ns) = namespace {
        b = b.namespace(ns);
    }
    b.build().unwrap().into_inner()
}

fn set(objects: Vec<Object>) -> Valid<Vec<Object>> {
    Valid::new(objects).unwrap()
}

/// The seed's web StatefulSet and its StorageClass.
fn seed(size: &str) -> Valid<Vec<Object>> {
    set(vec![class("standard").into(), web(size).into()])
}

#[test]
fn files_and_kustomization() {
    let dir = TempDir::new("files");
    let summary = write_dir(&dir, &seed("1Gi")).unwrap();
    let files = [
        "storageclass-standard.yaml",
        "service-nginx.yaml",
        "statefulset-web.yaml",
        "kustomization.yaml",
    ];
    assert_eq!(summary.files(), files);
    assert_eq!(summary.written(), files);
    assert!(summary.unchanged().is_empty() && summary.removed().is_empty());
    assert_eq!(
        names(&dir),
        [
            ".kvol-owned",
            "kustomization.yaml",
            "service-nginx.yaml",
            "statefulset-web.yaml",
            "storageclass-standard.yaml",
        ]
    );
    assert_eq!(
        read(&dir, "kustomization.yaml"),
        "# generated by kvol; do not edit\n\
         apiVersion: kustomize.config.k8s.io/v1beta1\n\
         kind: Kustomization\n\
         resources:\n\
         - storageclass-standard.yaml\n\
         - service-nginx.yaml\n\
         - statefulset-web.yaml\n"
    );
    assert_eq!(
        read(&dir, OWNED_LIST)
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect::<Vec<_>>(),
        [
            "kustomization.yaml",
            "service-nginx.yaml",
            "statefulset-web.yaml",
            "storageclass-standard.yaml",
        ]
    );
    // Each file is the header and the document exactly as `to_yaml` renders it alone.
    let sts = web("1Gi");
    let yaml = kvol_core::render::to_yaml(&sts);
    let (service, statefulset) = yaml.split_once("---\n").unwrap();
    assert_eq!(
        read(&dir, "service-nginx.yaml"),
        format!("{GENERATED_HEADER}{service}")
    );
    assert_eq!(
        read(&dir, "statefulset-web.yaml"),
        format!("{GENERATED_HEADER}{statefulset}")
    );
    assert!(
        read(&dir, "storageclass-standard.yaml")
            .starts_with("# generated by kvol; do not edit\napiVersion: storage.k8s.io/v1\n")
    );
    assert_eq!(
        summary.to_string(),
        format!("{}: 4 written, 0 unchanged, 0 removed", dir.display())
    );
}

#[test]
fn second_run_changes_nothing() {
    let dir = TempDir::new("second-run");
    write_dir(&dir, &seed("1Gi")).unwrap();
    age(&dir);
    let before = snapshot(&dir);
    let summary = write_dir(&dir, &seed("1Gi")).unwrap();
    assert!(!summary.changed());
    assert_eq!(summary.unchanged().len(), 4);
    assert_eq!(
        snapshot(&dir),
        before,
        "same bytes, same mtimes, same inodes"
    );
}

#[test]
fn identical_input_gives_identical_bytes() {
    let (a, b) = (TempDir::new("bytes-a"), TempDir::new("bytes-b"));
    write_dir(&a, &seed("1Gi")).unwrap();
    write_dir(&b, &seed("1Gi")).unwrap();
    let content = |d: &Path| -> Vec<(String, Vec<u8>)> {
        snapshot(d).into_iter().map(|(k, v)| (k, v.bytes)).collect()
    };
    assert_eq!(content(&a), content(&b));
}

#[test]
fn only_changed_files_are_rewritten() {
    let dir = TempDir::new("partial");
    write_dir(&dir, &seed("1Gi")).unwrap();
    age(&dir);
    let before = snapshot(&dir);
    let grown = set(vec![
        class("standard").into(),
        web_with("1Gi", |b| b.replicas(5)).into(),
    ]);
    let summary = write_dir(&dir, &grown).unwrap();
    assert_eq!(summary.written(), ["statefulset-web.yaml"]);
    let after = snapshot(&dir);
    for (name, entry) in &before {
        if name == "statefulset-web.yaml" {
            assert_ne!(after[name].bytes, entry.bytes);
        } else {
            assert_eq!(&after[name], entry, "{name} was touched");
        }
    }
    assert!(read(&dir, "statefulset-web.yaml").contains("replicas: 5\n"));
}

#[test]
fn namespaces_qualify_colliding_names() {
    let dir = TempDir::new("namespaces");
    let objects = set(vec![
        claim(Some("prod"), "data").into(),
        claim(Some("staging"), "data").into(),
        claim(None, "data").into(),
        claim(Some("prod"), "logs").into(),
    ]);
    let summary = write_dir(&dir, &objects).unwrap();
    assert_eq!(
        summary.files(),
        [
            "persistentvolumeclaim-prod-data.yaml",
            "persistentvolumeclaim-staging-data.yaml",
            "persistentvolumeclaim-data.yaml",
            "persistentvolumeclaim-logs.yaml",
            "kustomization.yaml",
        ]
    );
    assert!(read(&dir, "persistentvolumeclaim-staging-data.yaml").contains("namespace: staging"));
}

#[test]
fn colliding_names_are_refused() {
    let dir = TempDir::new("collision");
    let twice = set(vec![claim(None, "data").into(), claim(None, "data").into()]);
    let err = write_dir(&dir, &twice).unwrap_err();
    assert!(matches!(err, OutputError::FileNameCollision { .. }));
    assert_eq!(
        err.to_string(),
        "PersistentVolumeClaim data and PersistentVolumeClaim data would both be written to \
         persistentvolumeclaim-data.yaml"
    );
    // Namespace-qualified names that still collide: the same name twice in one namespace.
    let same_ns = set(vec![
        claim(Some("prod"), "data").into(),
        claim(Some("prod"), "data").into(),
    ]);
    let err = write_dir(&dir, &same_ns).unwrap_err();
    assert_eq!(
        err.to_string(),
        "PersistentVolumeClaim prod/data and PersistentVolumeClaim prod/data would both be \
         written to persistentvolumeclaim-prod-data.yaml"
    );
    assert!(!dir.exists(), "nothing written, not even the folder");
}

#[test]
fn names_that_are_not_file_names_are_refused() {
    let dir = TempDir::new("bad-names");
    // Validation rejects these names; `Valid` is forged here to test the writer's own defence.
    for (name, shown) in [
        ("../escape", "'/'"),
        ("Web", "'W'"),
        ("a\\b", "'\\\\'"),
        ("", "is empty"),
    ] {
        let mut sc = class("standard");
        sc.metadata.name = name.to_owned();
        let forged = Valid::__prevalidated(sc, Vec::new(), KubeVersion::DEFAULT);
        let err = write_dir(&dir, &forged).unwrap_err();
        assert!(matches!(err, OutputError::FileName { .. }), "{name:?}");
        let message = err.to_string();
        assert!(message.contains(shown), "{message}");
    }
    let mut long = class("standard");
    long.metadata.name = "a".repeat(253);
    let forged = Valid::__prevalidated(long, Vec::new(), KubeVersion::DEFAULT);
    assert!(write_dir(&dir, &forged).unwrap_err().to_string().ends_with(
        "its file name would be 271 bytes long, more than the 255 most file systems allow"
    ));
    assert!(!dir.exists());
}

#[test]
fn stale_files_are_removed() {
    let dir = TempDir::new("stale");
    write_dir(&dir, &seed("1Gi")).unwrap();
    let only_class = set(vec![class("standard").into()]);
    let summary = write_dir(&dir, &only_class).unwrap();
    assert_eq!(
        summary.removed(),
        ["service-nginx.yaml", "statefulset-web.yaml"]
    );
    assert_eq!(summary.written(), ["kustomization.yaml"]);
    assert_eq!(summary.unchanged(), ["storageclass-standard.yaml"]);
    assert_eq!(
        names(&dir),
        [
            ".kvol-owned",
            "kustomization.yaml",
            "storageclass-standard.yaml"
        ]
    );
    assert!(!read(&dir, OWNED_LIST).contains("statefulset-web.yaml"));
    // An empty set leaves an empty kustomization.
    write_dir(&dir, &set(vec![])).unwrap();
    assert_eq!(names(&dir), [".kvol-owned", "kustomization.yaml"]);
    assert!(read(&dir, "kustomization.yaml").ends_with("resources: []\n"));
}

#[test]
fn foreign_files_are_untouched() {
    let dir = TempDir::new("foreign");
    write_dir(&dir, &seed("1Gi")).unwrap();
    // Files kvol did not write: a note, a user's manifest, a copy of a generated file (it has the
    // header but kvol did not write it there), and a generated file the user adopted by deleting
    // its header.
    fs::write(dir.join("notes.txt"), "keep me\n").unwrap();
    fs::write(dir.join("app.yaml"), "apiVersion: v1\nkind: ConfigMap\n").unwrap();
    fs::copy(
        dir.join("statefulset-web.yaml"),
        dir.join("statefulset-web-old.yaml"),
    )
    .unwrap();
    let adopted = read(&dir, "service-nginx.yaml").replacen(GENERATED_HEADER, "", 1);
    fs::write(dir.join("service-nginx.yaml"), adopted).unwrap();
    fs::create_dir(dir.join("overlays")).unwrap();
    age(&dir);
    let before = snapshot(&dir);

    let only_class = set(vec![class("standard").into()]);
    let summary = write_dir(&dir, &only_class).unwrap();
    assert_eq!(summary.removed(), ["statefulset-web.yaml"]);
    let after = snapshot(&dir);
    for name in [
        "notes.txt",
        "app.yaml",
        "statefulset-web-old.yaml",
        "service-nginx.yaml",
        "overlays",
    ] {
        assert_eq!(after.get(name), before.get(name), "{name} was touched");
    }
    // The adopted file is no longer kvol's: not listed any more.
    assert!(!read(&dir, OWNED_LIST).contains("service-nginx.yaml"));
}

#[test]
fn foreign_file_at_a_kvol_name_stops_the_write() {
    let dir = TempDir::new("not-owned");
    write_dir(&dir, &set(vec![class("standard").into()])).unwrap();
    fs::write(dir.join("service-nginx.yaml"), "# mine\n").unwrap();
    fs::create_dir(dir.join("statefulset-web.yaml")).unwrap();
    age(&dir);
    let before = snapshot(&dir);
    let err = write_dir(&dir, &seed("1Gi")).unwrap_err();
    let OutputError::NotOwned { files } = &err else {
        panic!("{err}");
    };
    assert_eq!(files.len(), 2);
    assert_eq!(
        err.to_string(),
        format!(
            "kvol did not write these files and will not replace them (move them away, or write \
             the manifests into another folder):\n  {}: does not start with \"# generated by \
             kvol; do not edit\"\n  {}: a folder",
            dir.join("service-nginx.yaml").display(),
            dir.join("statefulset-web.yaml").display()
        )
    );
    assert_eq!(snapshot(&dir), before);
}

#[test]
fn lost_owned_list_only_stops_cleanup() {
    let dir = TempDir::new("lost-list");
    write_dir(&dir, &seed("1Gi")).unwrap();
    fs::remove_file(dir.join(OWNED_LIST)).unwrap();
    age(&dir);
    let before = snapshot(&dir);
    // Same set: the files are kvol's (header) and unchanged; only the list comes back.
    let summary = write_dir(&dir, &seed("1Gi")).unwrap();
    assert!(!summary.changed());
    let after = snapshot(&dir);
    assert!(after.contains_key(OWNED_LIST));
    for (name, entry) in &before {
        assert_eq!(&after[name], entry, "{name}");
    }
    // Without the list, a file that left the set is not deleted (kvol cannot prove it wrote it).
    fs::remove_file(dir.join(OWNED_LIST)).unwrap();
    let summary = write_dir(&dir, &set(vec![class("standard").into()])).unwrap();
    assert!(summary.removed().is_empty());
    assert!(dir.join("statefulset-web.yaml").exists());
    assert!(!read(&dir, "kustomization.yaml").contains("statefulset-web.yaml"));
}

fn immutable_changes(err: &OutputError) -> &[ImmutableChange] {
    match err {
        OutputError::ImmutableFields(changes) => changes,
        other => panic!("expected ImmutableFields, got {other}"),
    }
}

#[test]
fn guard_refuses_a_claim_template_change_and_says_what_to_do() {
    let dir = TempDir::new("guard");
    write_dir(&dir, &seed("1Gi")).unwrap();
    age(&dir);
    let before = snapshot(&dir);

    let err = write_dir(&dir, &seed("2Gi")).unwrap_err();
    let changes = immutable_changes(&err);
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].field, "spec.volumeClaimTemplates");
    assert_eq!(
        changes[0].path,
        "spec.volumeClaimTemplates[0].spec.resources.requests.storage"
    );
    let file = dir.join("statefulset-web.yaml");
    assert_eq!(changes[0].previous_file, file);
    assert_eq!(
        err.to_string(),
        format!(
            "Kubernetes forbids changing the selector, serviceName, volumeClaimTemplates and \
             podManagementPolicy of an existing StatefulSet, and these differ from the version \
             already written:\n\
             StatefulSet web (previous version: {file}):\n  \
             spec.volumeClaimTemplates[0].spec.resources.requests.storage: was \"1Gi\", now \"2Gi\"\n  \
             The API server would reject this update. To make it anyway, let kvol write the new \
             version (OutputDir::allow_immutable_changes(true)), then delete the StatefulSet but \
             keep its pods and PersistentVolumeClaims, and apply the new manifests:\n    \
             kubectl delete statefulset web --cascade=orphan\n    \
             kubectl apply -k {dir}\n  \
             Existing claims keep their current spec (claim templates only shape new claims): \
             resize them one by one with `kubectl edit pvc` if their StorageClass allows \
             expansion.",
            file = file.display(),
            dir = dir.display(),
        )
    );
    assert_eq!(snapshot(&dir), before, "a refused write touches nothing");

    // The explicit override writes it.
    let summary = OutputDir::new(&*dir)
        .allow_immutable_changes(true)
        .write(&seed("2Gi"))
        .unwrap();
    assert_eq!(summary.written(), ["statefulset-web.yaml"]);
    assert!(read(&dir, "statefulset-web.yaml").contains("storage: 2Gi"));
    // And from now on 2Gi is the baseline.
    assert!(!write_dir(&dir, &seed("2Gi")).unwrap().changed());
}

#[test]
fn guard_names_every_changed_field() {
    let dir = TempDir::new("guard-all");
    let ns = |b: kvol_core::StatefulSetBuilder| b.namespace("shop");
    write_dir(&dir, &Valid::new(web_with("1Gi", ns)).unwrap()).unwrap();
    let changed = web_with("1Gi", |b| {
        b.namespace("shop")
            .service_name("nginx-headless")
            .label("tier", "web")
            .pod_management(PodManagementPolicy::Parallel)
    });
    let err = write_dir(&dir, &Valid::new(changed).unwrap()).unwrap_err();
    let paths: Vec<&str> = immutable_changes(&err)
        .iter()
        .map(|c| c.path.as_str())
        .collect();
    assert_eq!(
        paths,
        [
            "spec.selector.matchLabels.tier",
            "spec.serviceName",
            "spec.podManagementPolicy",
        ]
    );
    let message = err.to_string();
    for line in [
        "\nStatefulSet shop/web (previous version: ",
        "\n  spec.selector.matchLabels.tier: was (not set), now \"web\"",
        "\n  spec.serviceName: was \"nginx\", now \"nginx-headless\"",
        "\n  spec.podManagementPolicy: was \"OrderedReady\", now \"Parallel\"",
        "\n    kubectl delete statefulset web -n shop --cascade=orphan",
        "\n  The old pods do not match the new selector",
    ] {
        assert!(message.contains(line), "{line:?} not in:\n{message}");
    }
}

#[test]
fn guard_allows_mutable_changes_and_server_defaults() {
    let dir = TempDir::new("guard-mutable");
    write_dir(&dir, &seed("1Gi")).unwrap();
    // replicas, the template, the update strategy: all allowed. An explicit OrderedReady is what
    // the server defaulted; 1024Mi is 1Gi.
    let next = set(vec![
        class("standard").into(),
        web_with("1024Mi", |b| {
            b.replicas(5)
                .grace_period(30)
                .pod_management(PodManagementPolicy::OrderedReady)
        })
        .into(),
    ]);
    let summary = write_dir(&dir, &next).unwrap();
    assert_eq!(summary.written(), ["statefulset-web.yaml"]);
}

#[test]
fn guard_ignores_other_statefulsets_and_new_ones() {
    let dir = TempDir::new("guard-other");
    write_dir(&dir, &seed("1Gi")).unwrap();
    // Same name in another namespace: another object, no comparison (the old file goes).
    let elsewhere = web_with("5Gi", |b| b.namespace("other"));
    let summary = write_dir(&dir, &Valid::new(elsewhere).unwrap()).unwrap();
    assert_eq!(
        summary.written(),
        [
            "service-nginx.yaml",
            "statefulset-web.yaml",
            "kustomization.yaml"
        ]
    );
    assert_eq!(summary.removed(), ["storageclass-standard.yaml"]);
    assert!(read(&dir, "statefulset-web.yaml").contains("namespace: other"));
}

#[test]
fn guard_reports_an_unreadable_previous_file() {
    let dir = TempDir::new("guard-unreadable");
    write_dir(&dir, &seed("1Gi")).unwrap();
    let path = dir.join("statefulset-web.yaml");
    fs::write(&path, format!("{GENERATED_HEADER}spec: [unclosed\n")).unwrap();
    let err = write_dir(&dir, &seed("1Gi")).unwrap_err();
    assert!(matches!(err, OutputError::PreviousFile { .. }), "{err}");
    assert!(
        err.to_string()
            .starts_with(&format!("cannot read {}", path.display()))
    );
    // The override does not need to read it, and repairs it.
    OutputDir::new(&*dir)
        .allow_immutable_changes(true)
        .write(&seed("1Gi"))
        .unwrap();
    assert!(!write_dir(&dir, &seed("1Gi")).unwrap().changed());
}

#[test]
fn output_path_that_is_a_file_fails_cleanly() {
    let dir = TempDir::new("not-a-folder");
    fs::write(&*dir, "a file\n").unwrap();
    let err = write_dir(&dir, &seed("1Gi")).unwrap_err();
    assert!(matches!(err, OutputError::Io { ref replaced, .. } if replaced.is_empty()));
    assert!(
        err.to_string()
            .starts_with("cannot use as the output folder"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&*dir).unwrap(), "a file\n");
    fs::remove_file(&*dir).unwrap();
}

/// A write that fails midway: every file is either completely old or completely new, the
/// kustomization still lists only files that exist, kvol still owns everything it wrote, and the
/// next run finishes the job.
#[test]
fn failure_midway_keeps_every_file_whole() {
    let dir = TempDir::new("midway");
    let old = set(vec![
        claim(None, "a").into(),
        claim(None, "b").into(),
        claim(None, "c").into(),
    ]);
    write_dir(&dir, &old).unwrap();
    let snapshot_old = snapshot(&dir);
    // The new set changes a and b and drops c; the write of b is made to fail by putting a
    // folder where its temporary file goes.
    let bigger = |name: &str| -> Object {
        let mut c = claim(None, name);
        c.metadata.labels.insert("v".into(), "2".into());
        c.into()
    };
    let new = set(vec![bigger("a"), bigger("b")]);
    let blocker = dir.join(format!(
        ".persistentvolumeclaim-b.yaml.{}.kvol-tmp",
        std::process::id()
    ));
    fs::create_dir(&blocker).unwrap();
    fs::write(blocker.join("x"), "").unwrap();

    let err = write_dir(&dir, &new).unwrap_err();
    let OutputError::Io { replaced, .. } = &err else {
        panic!("{err}");
    };
    assert_eq!(replaced, &["persistentvolumeclaim-a.yaml"]);
    assert!(err.to_string().contains(
        "(already replaced: persistentvolumeclaim-a.yaml; every other file keeps its previous \
         content, run again to finish)"
    ));
    let now = snapshot(&dir);
    // a is new, b, c and the kustomization are old, byte for byte.
    assert!(
        String::from_utf8_lossy(&now["persistentvolumeclaim-a.yaml"].bytes).contains("v: \"2\"")
    );
    for name in [
        "persistentvolumeclaim-b.yaml",
        "persistentvolumeclaim-c.yaml",
        "kustomization.yaml",
    ] {
        assert_eq!(now[name], snapshot_old[name], "{name}");
    }
    assert_eq!(
        now.keys().filter(|k| k.ends_with(".kvol-tmp")).count(),
        1,
        "no temporary file left but the blocker"
    );
    let list = read(&dir, OWNED_LIST);
    for name in ["a", "b", "c"] {
        assert!(list.contains(&format!("persistentvolumeclaim-{name}.yaml")));
    }

    // The next run, with the obstacle gone, finishes the job.
    fs::remove_dir_all(&blocker).unwrap();
    let summary = write_dir(&dir, &new).unwrap();
    assert_eq!(
        summary.written(),
        ["persistentvolumeclaim-b.yaml", "kustomization.yaml"]
    );
    assert_eq!(summary.removed(), ["persistentvolumeclaim-c.yaml"]);
    assert_eq!(
        names(&dir),
        [
            ".kvol-owned",
            "kustomization.yaml",
            "persistentvolumeclaim-a.yaml",
            "persistentvolumeclaim-b.yaml",
        ]
    );
}

#[test]
fn leftover_temporary_files_are_cleaned_up() {
    let dir = TempDir::new("leftovers");
    write_dir(&dir, &seed("1Gi")).unwrap();
    let leftover = dir.join(".statefulset-web.yaml.99999.kvol-tmp");
    fs::write(&leftover, "half").unwrap();
    write_dir(&dir, &seed("1Gi")).unwrap();
    assert!(!leftover.exists());
}

#[cfg(unix)]
#[test]
fn unwritable_folder_fails_before_any_change() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new("read-only");
    write_dir(&dir, &seed("1Gi")).unwrap();
    fs::set_permissions(&*dir, fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores permissions: nothing to test there.
    let probe = dir.join("probe");
    if fs::write(&probe, "").is_ok() {
        fs::remove_file(&probe).unwrap();
        fs::set_permissions(&*dir, fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let before = snapshot(&dir);
    let err = write_dir(&dir, &seed("2Gi"));
    let err2 = OutputDir::new(&*dir)
        .allow_immutable_changes(true)
        .write(&seed("2Gi"))
        .unwrap_err();
    fs::set_permissions(&*dir, fs::Permissions::from_mode(0o755)).unwrap();
    assert!(err.is_err());
    assert!(
        matches!(err2, OutputError::Io { ref replaced, .. } if replaced.is_empty()),
        "{err2}"
    );
    assert_eq!(snapshot(&dir), before);
}

#[test]
fn another_kustomization_file_stops_the_write() {
    let dir = TempDir::new("other-kustomization");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("kustomization.yml"), "resources: []\n").unwrap();
    let err = write_dir(&dir, &seed("1Gi")).unwrap_err();
    assert!(
        err.to_string().ends_with(&format!(
            "{}: kustomize refuses a folder with both kustomization.yml and kustomization.yaml",
            dir.join("kustomization.yml").display()
        )),
        "{err}"
    );
    assert_eq!(names(&dir), ["kustomization.yml"]);
}

#[test]
fn manifests_sets_write_the_same_files() {
    let (a, b) = (TempDir::new("manifests-a"), TempDir::new("manifests-b"));
    let manifests = Valid::new(Manifests::new().with(class("standard")).with(web("1Gi"))).unwrap();
    write_dir(&a, &manifests).unwrap();
    write_dir(&b, &seed("1Gi")).unwrap();
    let content = |d: &Path| -> Vec<(String, Vec<u8>)> {
        snapshot(d).into_iter().map(|(k, v)| (k, v.bytes)).collect()
    };
    assert_eq!(content(&a), content(&b));
}

/// An invalid set never reaches the folder: only `Valid` values can be written, and a build
/// script that stops at the validation error leaves the previous output as it was.
#[test]
fn invalid_set_leaves_the_previous_folder() {
    let dir = TempDir::new("invalid");
    let good = Valid::new(Manifests::new().with(class("standard")).with(web("1Gi"))).unwrap();
    write_dir(&dir, &good).unwrap();
    age(&dir);
    let before = snapshot(&dir);
    // The claim template names a class that is neither in the set nor declared external.
    let build = || -> Result<(), Box<dyn std::error::Error>> {
        let set = Valid::new(Manifests::new().with(web("1Gi")))?;
        write_dir(&dir, &set)?;
        Ok(())
    };
    let err = build().unwrap_err().to_string();
    assert!(
        err.contains("storageClassName") && err.contains("\"standard\""),
        "{err}"
    );
    assert_eq!(snapshot(&dir), before);
}

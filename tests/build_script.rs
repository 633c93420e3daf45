//! The build-script sample (`examples/build-script`), built twice by cargo with one shared target
//! folder: the second build runs the build script again (an environment variable it watches
//! changes, to a value that means the same thing), and the manifests folder must come out exactly
//! as it was: the same files, bytes, modification times and inodes.
//!
//! The target folder lives in cargo's `CARGO_TARGET_TMPDIR`, so only the first run of this test
//! on a machine compiles the sample's dependencies.

use std::{
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
    process::{Command, Output},
    time::{Duration, SystemTime},
};

const ALLOW: &str = "KVOL_ALLOW_IMMUTABLE_CHANGES";

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/build-script")
}

fn target() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("build-script-sample")
}

/// `cargo build -v` of the sample; `allow` is the value of the variable its build script watches.
fn build(allow: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO"));
    cmd.arg("build")
        .arg("-v")
        .arg("--manifest-path")
        .arg(sample().join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target())
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS");
    match allow {
        Some(v) => cmd.env(ALLOW, v),
        None => cmd.env_remove(ALLOW),
    };
    let out = cmd.output().expect("cargo runs");
    assert!(
        out.status.success(),
        "cargo build of the sample failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// True when this build ran the sample's build script (cargo -v prints `Running` for it).
fn ran_build_script(out: &Output) -> bool {
    String::from_utf8_lossy(&out.stderr).lines().any(|l| {
        l.trim_start().starts_with("Running")
            && l.contains("build/kvol-build-script-sample-")
            && l.contains("build-script-build")
    })
}

/// The manifests folder, as the sample's binary prints it.
fn manifests_dir() -> PathBuf {
    let exe = target().join("debug/kvol-build-script-sample");
    let out = Command::new(&exe).output().expect("the sample runs");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    PathBuf::from(stdout.lines().next().expect("a first line"))
}

#[derive(Debug, PartialEq)]
struct Entry {
    bytes: Vec<u8>,
    modified: SystemTime,
    #[cfg(unix)]
    inode: u64,
}

fn snapshot(dir: &Path) -> BTreeMap<String, Entry> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(dir).expect("the manifests folder") {
        let entry = entry.expect("an entry");
        let meta = entry.metadata().expect("metadata");
        out.insert(
            entry.file_name().into_string().expect("utf-8 name"),
            Entry {
                bytes: fs::read(entry.path()).expect("a file"),
                modified: meta.modified().expect("mtime"),
                #[cfg(unix)]
                inode: std::os::unix::fs::MetadataExt::ino(&meta),
            },
        );
    }
    out
}

#[test]
fn second_build_changes_nothing() {
    // Whether or not this build has to run the script (an earlier run of this test may have left
    // the sample built), the folder is complete afterwards.
    build(None);
    let dir = manifests_dir();
    assert!(
        dir.starts_with(target()),
        "{} is in the target folder",
        dir.display()
    );
    let files: Vec<String> = snapshot(&dir).into_keys().collect();
    assert_eq!(
        files,
        [
            ".kvol-owned",
            "kustomization.yaml",
            "service-nginx.yaml",
            "statefulset-web.yaml",
            "storageclass-standard.yaml",
        ]
    );
    // An hour back, so that any rewrite would show even on a coarse clock.
    let past = SystemTime::now() - Duration::from_secs(3600);
    for name in &files {
        let file = fs::File::options()
            .append(true)
            .open(dir.join(name))
            .expect("open");
        file.set_modified(past).expect("set mtime");
    }
    let before = snapshot(&dir);

    // "0" means what unset means (no override), but it is a change cargo reruns the script for.
    let second = build(Some("0"));
    assert!(
        ran_build_script(&second),
        "the second build did not run the build script:\n{}",
        String::from_utf8_lossy(&second.stderr)
    );
    assert_eq!(
        snapshot(&dir),
        before,
        "the second build touched the folder"
    );
}

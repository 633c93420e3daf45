//! The disk half of a write: reading what the folder holds, then atomic replacements.

use super::{
    GENERATED_HEADER, KUSTOMIZATION, OWNED_LIST, OutputError, WriteSummary,
    plan::{File, Plan},
};
use std::{
    collections::BTreeSet,
    fs,
    io::{self, Write},
    path::{Path, PathBuf},
};

/// The suffix of kvol's temporary files (`.<name>.<pid>.kvol-tmp`).
const TMP_SUFFIX: &str = ".kvol-tmp";

/// The other names kustomize reads a kustomization from.
const OTHER_KUSTOMIZATIONS: [&str; 2] = ["kustomization.yml", "Kustomization"];

/// The first line of `.kvol-owned`.
const OWNED_LIST_HEADER: &str = "# files kvol wrote into this folder; kvol deletes them when \
                                 their document leaves the set\n";

/// What one of the new files finds in the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// No such file yet.
    Missing,
    /// Already the new content: left alone.
    Same,
    /// A file kvol wrote, with other content: replaced.
    Replace,
}

/// What the folder holds, read before anything is written.
#[derive(Debug)]
pub(super) struct Folder {
    /// Per file of the plan, in order.
    targets: Vec<Target>,
    /// The current `.kvol-owned`, if any.
    owned_list: Option<Vec<u8>>,
    /// The names listed in it.
    listed: BTreeSet<String>,
    /// Listed files that left the set and still carry the header: deleted.
    stale: Vec<String>,
    /// Temporary files a killed run left behind.
    leftovers: Vec<String>,
    /// Files kvol wrote (listed or at a name of the plan, with the header) that may hold a
    /// StatefulSet (`statefulset-*.yaml`), with their content, for the guard.
    pub(super) old_statefulsets: Vec<(String, Vec<u8>)>,
}

fn io_error(path: PathBuf, action: &'static str, source: io::Error) -> OutputError {
    OutputError::Io {
        path,
        action,
        source,
        replaced: Vec::new(),
    }
}

/// A name kvol may have written: `[a-z0-9.-]+.yaml`, not hidden.
fn is_kvol_name(name: &str) -> bool {
    name.strip_suffix(".yaml").is_some_and(|stem| {
        !stem.is_empty()
            && !stem.starts_with('.')
            && stem
                .chars()
                .all(|c| matches!(c, 'a'..='z' | '0'..='9' | '-' | '.'))
    })
}

/// The content of a regular file (not a symlink), `None` if there is no file at `path`, or
/// `Err(description)` for something else there.
fn read_regular(path: &Path) -> Result<Option<Vec<u8>>, Result<String, OutputError>> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Err(io_error(path.to_owned(), "inspect", e))),
        Ok(meta) if meta.file_type().is_file() => match fs::read(path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) => Err(Err(io_error(path.to_owned(), "read", e))),
        },
        Ok(meta) if meta.file_type().is_dir() => Err(Ok("a folder".to_owned())),
        Ok(meta) if meta.file_type().is_symlink() => Err(Ok("a symbolic link".to_owned())),
        Ok(_) => Err(Ok("not a regular file".to_owned())),
    }
}

fn has_header(bytes: &[u8]) -> bool {
    bytes.starts_with(GENERATED_HEADER.as_bytes())
}

fn owned_list_bytes<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<u8> {
    let mut out = String::from(OWNED_LIST_HEADER);
    for name in names {
        out.push_str(name);
        out.push('\n');
    }
    out.into_bytes()
}

impl Folder {
    /// Reads the folder and checks that every file to be replaced was written by kvol.
    pub(super) fn read(dir: &Path, plan: &Plan) -> Result<Folder, OutputError> {
        let mut folder = Folder {
            targets: vec![Target::Missing; plan.files.len()],
            owned_list: None,
            listed: BTreeSet::new(),
            stale: Vec::new(),
            leftovers: Vec::new(),
            old_statefulsets: Vec::new(),
        };
        match fs::metadata(dir) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(folder),
            Err(e) => return Err(io_error(dir.to_owned(), "inspect", e)),
            Ok(meta) if !meta.is_dir() => {
                let e = io::Error::new(io::ErrorKind::NotADirectory, "not a folder");
                return Err(io_error(dir.to_owned(), "use as the output folder", e));
            }
            Ok(_) => {}
        }

        let list_path = dir.join(OWNED_LIST);
        match read_regular(&list_path) {
            Ok(Some(bytes)) => {
                let text = String::from_utf8_lossy(&bytes);
                folder.listed = text
                    .lines()
                    .filter(|l| is_kvol_name(l))
                    .map(str::to_owned)
                    .collect();
                folder.owned_list = Some(bytes);
            }
            Ok(None) => {}
            Err(Ok(what)) => {
                return Err(OutputError::NotOwned {
                    files: vec![(list_path, what)],
                });
            }
            Err(Err(e)) => return Err(e),
        }

        let mut foreign = Vec::new();
        let is_sts = |name: &str| name.starts_with("statefulset-");
        for (file, target) in plan.files.iter().zip(&mut folder.targets) {
            let path = dir.join(&file.name);
            match read_regular(&path) {
                Ok(None) => {}
                Ok(Some(bytes)) if bytes == file.bytes => {
                    *target = Target::Same;
                    if is_sts(&file.name) {
                        folder.old_statefulsets.push((file.name.clone(), bytes));
                    }
                }
                Ok(Some(bytes)) if has_header(&bytes) => {
                    *target = Target::Replace;
                    if is_sts(&file.name) {
                        folder.old_statefulsets.push((file.name.clone(), bytes));
                    }
                }
                Ok(Some(_)) => foreign.push((
                    path,
                    format!("does not start with {:?}", GENERATED_HEADER.trim_end()),
                )),
                Err(Ok(what)) => foreign.push((path, what)),
                Err(Err(e)) => return Err(e),
            }
        }
        let entries = fs::read_dir(dir).map_err(|e| io_error(dir.to_owned(), "list", e))?;
        for entry in entries {
            let entry = entry.map_err(|e| io_error(dir.to_owned(), "list", e))?;
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            if name.starts_with('.') && name.ends_with(TMP_SUFFIX) {
                folder.leftovers.push(name);
            } else if OTHER_KUSTOMIZATIONS.contains(&name.as_str()) {
                let why =
                    format!("kustomize refuses a folder with both {name} and {KUSTOMIZATION}");
                foreign.push((entry.path(), why));
            }
        }
        folder.leftovers.sort();
        if !foreign.is_empty() {
            return Err(OutputError::NotOwned { files: foreign });
        }

        let planned: BTreeSet<&str> = plan.files.iter().map(|f| f.name.as_str()).collect();
        for name in &folder.listed {
            if planned.contains(name.as_str()) {
                continue;
            }
            // A file kvol listed that is gone, replaced by something else, or adopted by the
            // user (header removed) is not kvol's any more.
            if let Ok(Some(bytes)) = read_regular(&dir.join(name))
                && has_header(&bytes)
            {
                folder.stale.push(name.clone());
                if is_sts(name) {
                    folder.old_statefulsets.push((name.clone(), bytes));
                }
            }
        }

        Ok(folder)
    }
}

/// Writes `bytes` to `dir/name` atomically: a temporary file in the same folder, `fsync`,
/// rename over the target. On error the target is untouched and the temporary file removed.
fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    let tmp = dir.join(format!(".{name}.{}{TMP_SUFFIX}", std::process::id()));
    // A file of ours from a killed run with the same process id.
    let _ = fs::remove_file(&tmp);
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            let written = f.write_all(bytes).and_then(|()| f.sync_all());
            if written.is_err() {
                let _ = fs::remove_file(&tmp);
            }
            written
        })
        .and_then(|()| {
            fs::rename(&tmp, dir.join(name)).inspect_err(|_| {
                let _ = fs::remove_file(&tmp);
            })
        })
}

/// Makes the renames durable (Unix; best effort: some file systems refuse to sync a folder).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    {
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Performs the write planned in `plan` on the folder read as `folder`.
pub(super) fn apply(dir: &Path, plan: &Plan, folder: Folder) -> Result<WriteSummary, OutputError> {
    let new_names: BTreeSet<&str> = plan.files.iter().map(|f| f.name.as_str()).collect();
    let final_list = owned_list_bytes(new_names.iter().copied());
    let changed: Vec<&File> = plan
        .files
        .iter()
        .zip(&folder.targets)
        .filter(|(_, t)| **t != Target::Same)
        .map(|(f, _)| f)
        .collect();
    let mut summary = WriteSummary {
        dir: dir.to_owned(),
        files: plan.files.iter().map(|f| f.name.clone()).collect(),
        written: BTreeSet::new(),
        removed: Vec::new(),
    };
    let list_current = folder.owned_list.as_deref() == Some(final_list.as_slice());
    if changed.is_empty() && folder.stale.is_empty() && list_current {
        for name in &folder.leftovers {
            let _ = fs::remove_file(dir.join(name));
        }
        return Ok(summary);
    }

    let fail = |summary: &WriteSummary, path: PathBuf, action, source| OutputError::Io {
        path,
        action,
        source,
        replaced: summary.written().iter().map(|s| (*s).to_owned()).collect(),
    };
    fs::create_dir_all(dir).map_err(|e| fail(&summary, dir.to_owned(), "create", e))?;
    for name in &folder.leftovers {
        let _ = fs::remove_file(dir.join(name));
    }

    // 1. The list grows first, so that kvol never forgets a file it wrote.
    let union: BTreeSet<&str> = new_names
        .iter()
        .copied()
        .chain(folder.listed.iter().map(String::as_str))
        .collect();
    let union_list = owned_list_bytes(union);
    let mut list_now = folder.owned_list;
    if list_now.as_deref() != Some(union_list.as_slice()) {
        write_atomic(dir, OWNED_LIST, &union_list)
            .map_err(|e| fail(&summary, dir.join(OWNED_LIST), "write", e))?;
        list_now = Some(union_list);
    }
    // 2. The documents, then the kustomization (last in the plan), each atomically.
    for file in changed {
        write_atomic(dir, &file.name, &file.bytes)
            .map_err(|e| fail(&summary, dir.join(&file.name), "write", e))?;
        summary.written.insert(file.name.clone());
    }
    // 3. Stale files, now that the kustomization no longer lists them.
    for name in &folder.stale {
        match fs::remove_file(dir.join(name)) {
            Ok(()) => summary.removed.push(name.clone()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(fail(&summary, dir.join(name), "remove", e)),
        }
    }
    // 4. The list shrinks to what is there.
    if list_now.as_deref() != Some(final_list.as_slice()) {
        write_atomic(dir, OWNED_LIST, &final_list)
            .map_err(|e| fail(&summary, dir.join(OWNED_LIST), "write", e))?;
    }
    sync_dir(dir);
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kvol_names() {
        assert!(is_kvol_name("statefulset-web.yaml"));
        assert!(is_kvol_name("kustomization.yaml"));
        assert!(is_kvol_name("pod-a.b.yaml"));
        for bad in [
            "",
            ".yaml",
            ".hidden.yaml",
            "../x.yaml",
            "a/b.yaml",
            "Web.yaml",
            "web.yml",
            "web.yaml.bak",
            "# comment",
        ] {
            assert!(!is_kvol_name(bad), "{bad:?}");
        }
    }

    #[test]
    fn owned_list_format() {
        let bytes = owned_list_bytes(["a.yaml", "b.yaml"]);
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with("# "));
        assert!(text.ends_with("\na.yaml\nb.yaml\n"));
    }
}

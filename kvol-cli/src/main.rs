//! `kvol`: kvol's rules, defaults and binding simulation for the Kubernetes YAML you already
//! have.
//!
//! - `kvol check [PATH... | -]`: reads YAML as Kubernetes reads it and reports what the API
//!   server would reject on create, what kvol's own rules find across the documents (claims and
//!   their classes and volumes, mounts, selectors), and warnings, located in the files.
//! - `kvol import [PATH... | -]`: writes Rust source that uses kvol's macros and renders the
//!   same objects, checked against each other when it compiles.

use kvol_cli::check::{self, Externals, Input, Options};
use kvol_cli::{import, output};
use kvol_core::KubeVersion;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const HELP: &str = "\
kvol: Kubernetes storage manifests checked as the API server checks them, and more

Usage:
  kvol check [OPTIONS] [PATH... | -]
  kvol import [OPTIONS] [PATH... | -]

Commands:
  check    Check YAML files, folders (their *.yaml, *.yml and *.json files) or standard input
  import   Write Rust source that uses kvol's macros for the objects of YAML files

Run `kvol check --help` and `kvol import --help` for their options.
";

const CHECK_HELP: &str = "\
kvol check: the API server's verdict on every document, before you apply it

Reads YAML as Kubernetes reads it (kubectl's document splitting, YAML 1.1 scalars as
go-yaml v2 reads them, duplicate keys refused), applies the API server's defaults, and runs
kvol's rules: the server's own validation for the target version, and, across all the
documents given, what only fails later (claims without a class or a volume to bind, mounts of
missing volumes, selectors that select nothing).

Usage:
  kvol check [OPTIONS] [PATH... | -]

Arguments:
  PATH...                    Files or folders (searched for *.yaml, *.yml, *.json); `-` or
                             nothing reads standard input

Options:
  --k8s <1.30..1.37>         Kubernetes version whose rules apply [default: 1.34]
  --per-object               Only what the API server checks on create, document by document
                             (kvol's own findings become warnings; no cross-document checks)
  --format <human|json|sarif>
                             Report format [default: human]; json: one line per document
  --deny-warnings            Exit 1 on warnings too
  --class <NAME>             A StorageClass that exists in the cluster (repeatable)
  --default-class <NAME>     The cluster's default StorageClass
  --assume-default-class     The cluster has a default StorageClass (its name unknown)
  --claim <[NAMESPACE/]NAME> A PersistentVolumeClaim that exists in the cluster (repeatable)
  --config-map <[NAMESPACE/]NAME>
                             A ConfigMap that exists in the cluster (repeatable)
  --secret <[NAMESPACE/]NAME>
                             A Secret that exists in the cluster (repeatable)
  --snapshot <[NAMESPACE/]NAME>
                             A VolumeSnapshot that exists in the cluster (repeatable)
  --snapshot-class <NAME>    A VolumeSnapshotClass that exists in the cluster (repeatable)
  --attributes-class <NAME>  A VolumeAttributesClass that exists in the cluster (repeatable)
  --service <[NAMESPACE/]NAME>
                             A Service that exists in the cluster: the governing Service of a
                             StatefulSet given without it (repeatable)
  --namespace <NAME>         The namespace of documents that name none [default: default]
  --verbose                  Also list the fields kvol does not model (not checked)
  -h, --help                 Print this help

Exit status: 0 when every document is accepted, 1 when one is not (or, with
--deny-warnings, has a warning), 2 on a usage or I/O error.
";

const IMPORT_HELP: &str = "\
kvol import: your YAML as Rust source that uses kvol's macros

Reads YAML as `kvol check` reads it and writes, to standard output, Rust source whose
`kvol::manifests! { … }` renders the same objects (defaults may be spelled out), checked
against each other when it compiles. A StatefulSet and its headless Service become one
`statefulset { … }`. What the input refers to without holding (StorageClasses, claims,
ConfigMaps, Secrets, snapshots, a governing Service, a default StorageClass) is declared
external in the block. Fields the macros have no key for go through the escape hatch
(`extra:`) where it exists, with a comment; otherwise the field is named as an error.
`storage.k8s.io/v1beta1` StorageClasses and `snapshot.storage.k8s.io/v1beta1` snapshots and
snapshot classes (not served since Kubernetes 1.30 at the latest, the same schema as v1) are
imported as v1, with a comment saying so.

Input that `kvol check` refuses is refused with its diagnostics.

Usage:
  kvol import [OPTIONS] [PATH... | -]

Arguments:
  PATH...                    Files or folders (searched for *.yaml, *.yml, *.json); `-` or
                             nothing reads standard input

Options:
  --main                     Write a whole main.rs that prints the objects' YAML, rather than
                             `pub fn manifests() -> kvol::Valid<kvol::Manifests>`
  --k8s <1.30..1.37>         Kubernetes version whose rules the input is checked against
                             [default: 1.34]; the macros check at 1.34
  --namespace <NAME>         The namespace of documents that name none [default: the one
                             every document names, else default]
  -h, --help                 Print this help

Example:
  kvol import --main app.yaml > src/main.rs && cargo run

Exit status: 0 when the source is written, 1 when the input is invalid or cannot be written
with kvol's macros, 2 on a usage or I/O error.
";

/// A usage or I/O error: exit status 2.
struct Fatal(String);

impl From<lexopt::Error> for Fatal {
    fn from(e: lexopt::Error) -> Self {
        Fatal(e.to_string())
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Human,
    Json,
    Sarif,
}

struct CheckArgs {
    options: Options,
    format: Format,
    deny_warnings: bool,
    verbose: bool,
    paths: Vec<String>,
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(Fatal(message)) => {
            let _ = writeln!(std::io::stderr(), "error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, Fatal> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    match parser.next()? {
        Some(Value(cmd)) if cmd == "check" => check_command(parse_check(parser)?),
        Some(Value(cmd)) if cmd == "import" => import_command(parse_import(parser)?),
        Some(Long("help") | Short('h')) | None => {
            print!("{HELP}");
            Ok(ExitCode::SUCCESS)
        }
        Some(Long("version") | Short('V')) => {
            println!("kvol {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        Some(Value(cmd)) => Err(Fatal(format!(
            "unknown command {:?}; the commands are: check, import (kvol --help)",
            cmd.to_string_lossy()
        ))),
        Some(other) => Err(Fatal(other.unexpected().to_string())),
    }
}

fn parse_check(mut parser: lexopt::Parser) -> Result<CheckArgs, Fatal> {
    use lexopt::prelude::*;
    let mut args = CheckArgs {
        options: Options {
            target: KubeVersion::DEFAULT,
            per_object: false,
            externals: Externals::default(),
        },
        format: Format::Human,
        deny_warnings: false,
        verbose: false,
        paths: Vec::new(),
    };
    while let Some(arg) = parser.next()? {
        match arg {
            Long("help") | Short('h') => {
                print!("{CHECK_HELP}");
                std::process::exit(0);
            }
            Long("k8s") => {
                let v = parser.value()?.string()?;
                args.options.target = v
                    .parse()
                    .map_err(|e| Fatal(format!("--k8s {v}: {e} (kvol knows 1.30 to 1.37)")))?;
            }
            Long("per-object") => args.options.per_object = true,
            Long("deny-warnings") => args.deny_warnings = true,
            Long("verbose") | Short('v') => args.verbose = true,
            Long("format") => {
                let v = parser.value()?.string()?;
                args.format = match v.as_str() {
                    "human" => Format::Human,
                    "json" => Format::Json,
                    "sarif" => Format::Sarif,
                    _ => {
                        return Err(Fatal(format!(
                            "--format {v}: expected human, json or sarif"
                        )));
                    }
                };
            }
            Long("class") => args
                .options
                .externals
                .classes
                .push(parser.value()?.string()?),
            Long("default-class") => {
                args.options.externals.default_class = Some(parser.value()?.string()?)
            }
            Long("assume-default-class") => args.options.externals.assume_default_class = true,
            Long("claim") => {
                let v = parser.value()?.string()?;
                let claim = match v.split_once('/') {
                    Some((ns, name)) => (Some(ns.to_owned()), name.to_owned()),
                    None => (None, v),
                };
                args.options.externals.claims.push(claim);
            }
            Long("namespace") => args.options.externals.namespace = Some(parser.value()?.string()?),
            Long(
                option @ ("config-map" | "secret" | "snapshot" | "snapshot-class"
                | "attributes-class" | "service"),
            ) => {
                use kvol_core::manifests::ExternalKind as K;
                let kind = match option {
                    "config-map" => K::ConfigMap,
                    "secret" => K::Secret,
                    "snapshot" => K::VolumeSnapshot,
                    "snapshot-class" => K::VolumeSnapshotClass,
                    "attributes-class" => K::VolumeAttributesClass,
                    _ => K::Service,
                };
                let name = parser.value()?.string()?;
                args.options.externals.objects.push((kind, name));
            }
            Value(path) => args.paths.push(path.string()?),
            _ => return Err(Fatal(format!("{} (kvol check --help)", arg.unexpected()))),
        }
    }
    Ok(args)
}

struct ImportArgs {
    options: import::Options,
    paths: Vec<String>,
}

fn parse_import(mut parser: lexopt::Parser) -> Result<ImportArgs, Fatal> {
    use lexopt::prelude::*;
    let mut args = ImportArgs {
        options: import::Options::default(),
        paths: Vec::new(),
    };
    while let Some(arg) = parser.next()? {
        match arg {
            Long("help") | Short('h') => {
                print!("{IMPORT_HELP}");
                std::process::exit(0);
            }
            Long("main") => args.options.main = true,
            Long("k8s") => {
                let v = parser.value()?.string()?;
                args.options.target = v
                    .parse()
                    .map_err(|e| Fatal(format!("--k8s {v}: {e} (kvol knows 1.30 to 1.37)")))?;
            }
            Long("namespace") => args.options.externals.namespace = Some(parser.value()?.string()?),
            Value(path) => args.paths.push(path.string()?),
            _ => return Err(Fatal(format!("{} (kvol import --help)", arg.unexpected()))),
        }
    }
    Ok(args)
}

fn import_command(args: ImportArgs) -> Result<ExitCode, Fatal> {
    let files = gather(&args.paths)?;
    let inputs = files
        .iter()
        .map(read_input)
        .collect::<Result<Vec<_>, _>>()?;
    match import::import(&inputs, &args.options) {
        Ok(source) => {
            std::io::stdout()
                .lock()
                .write_all(source.as_bytes())
                .map_err(|e| Fatal(format!("standard output: {e}")))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(failure) => {
            let mut stderr = std::io::stderr().lock();
            let text = match failure {
                import::Failure::Invalid(reports) => {
                    let texts: Vec<String> = (inputs.iter())
                        .map(|i| String::from_utf8_lossy(&i.bytes).into_owned())
                        .collect();
                    let sources: output::Sources<'_> = (inputs.iter().zip(&texts))
                        .map(|(i, t)| (i.name.as_str(), t.as_str()))
                        .collect();
                    let rejected: Vec<check::DocReport> =
                        reports.into_iter().filter(|r| !r.accepted()).collect();
                    format!(
                        "{}error: kvol import writes only what kvol check accepts: fix the \
                         input, or declare what exists outside it (kvol check --help)\n",
                        output::human(&rejected, &sources, false)
                    )
                }
                import::Failure::Unimportable(errors) => {
                    let mut text = String::new();
                    for e in &errors {
                        text.push_str(&format!("error: {e}\n"));
                    }
                    text.push_str(&format!(
                        "error: {} field(s) or document(s) cannot be written with kvol's macros\n",
                        errors.len()
                    ));
                    text
                }
            };
            let _ = stderr.write_all(text.as_bytes());
            Ok(ExitCode::from(1))
        }
    }
}

/// The files of `paths`, in order: files as given, folders searched recursively (sorted), `-`
/// (or no path) standard input. Nothing is read yet.
fn gather(paths: &[String]) -> Result<Vec<Option<PathBuf>>, Fatal> {
    if paths.is_empty() {
        return Ok(vec![None]);
    }
    let mut files = Vec::new();
    for p in paths {
        if p == "-" {
            files.push(None);
            continue;
        }
        let path = Path::new(p);
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            found.sort();
            if found.is_empty() {
                return Err(Fatal(format!("{p}: no *.yaml, *.yml or *.json file in it")));
            }
            files.extend(found.into_iter().map(Some));
        } else {
            files.push(Some(path.to_owned()));
        }
    }
    Ok(files)
}

fn read_input(file: &Option<PathBuf>) -> Result<Input, Fatal> {
    match file {
        Some(path) => read_file(path),
        None => stdin(),
    }
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), Fatal> {
    let entries = std::fs::read_dir(dir).map_err(|e| Fatal(format!("{}: {e}", dir.display())))?;
    for entry in entries {
        let path = entry
            .map_err(|e| Fatal(format!("{}: {e}", dir.display())))?
            .path();
        if path.is_dir() {
            walk(&path, files)?;
        } else if path
            .extension()
            .is_some_and(|e| e == "yaml" || e == "yml" || e == "json")
        {
            files.push(path);
        }
    }
    Ok(())
}

fn read_file(path: &Path) -> Result<Input, Fatal> {
    let bytes = std::fs::read(path).map_err(|e| Fatal(format!("{}: {e}", path.display())))?;
    Ok(Input {
        name: path.display().to_string(),
        bytes,
    })
}

fn stdin() -> Result<Input, Fatal> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| Fatal(format!("standard input: {e}")))?;
    Ok(Input {
        name: "-".into(),
        bytes,
    })
}

fn check_command(args: CheckArgs) -> Result<ExitCode, Fatal> {
    let files = gather(&args.paths)?;
    let mut stdout = std::io::stdout().lock();
    let mut write = |text: &str| {
        stdout
            .write_all(text.as_bytes())
            .map_err(|e| Fatal(format!("standard output: {e}")))
    };
    let (mut rejected, mut warned) = (false, false);
    let mut note = |r: &check::DocReport| {
        rejected |= !r.accepted();
        warned |= !r.warnings.is_empty();
    };
    if args.options.per_object && args.format != Format::Sarif {
        // Document by document: each report is written as soon as it is made.
        let mut summary = output::Summary::default();
        for file in &files {
            let input = read_input(file)?;
            let text = String::from_utf8_lossy(&input.bytes);
            let sources: output::Sources<'_> = [(input.name.as_str(), text.as_ref())].into();
            let mut result = Ok(());
            check::check_each(&input, &args.options, |r| {
                note(&r);
                if result.is_ok() {
                    result = match args.format {
                        Format::Json => write(&output::json_line(&r)),
                        _ => {
                            summary.add(&r);
                            write(&output::human_document(&r, &sources, args.verbose))
                        }
                    };
                }
            });
            result?;
        }
        if args.format == Format::Human {
            write(&summary.text())?;
        }
    } else {
        let inputs = files
            .iter()
            .map(read_input)
            .collect::<Result<Vec<_>, _>>()?;
        let reports = check::check(&inputs, &args.options);
        reports.iter().for_each(&mut note);
        let texts: Vec<String> = (inputs.iter())
            .map(|i| String::from_utf8_lossy(&i.bytes).into_owned())
            .collect();
        let sources: output::Sources<'_> = (inputs.iter().zip(&texts))
            .map(|(i, t)| (i.name.as_str(), t.as_str()))
            .collect();
        write(&match args.format {
            Format::Human => output::human(&reports, &sources, args.verbose),
            Format::Json => output::json_lines(&reports),
            Format::Sarif => output::sarif(&reports),
        })?;
    }
    Ok(if rejected || (args.deny_warnings && warned) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

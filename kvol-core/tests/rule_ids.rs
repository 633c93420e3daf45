//! Rule ids (issue 10): every id kvol-core can put on an error is a row of
//! `tests/data/rule-coverage.tsv`, `kvol_core::rules::ids` is what `scripts/gen_rule_ids.py`
//! makes of the table, and the rules that only kvol-core's own tests cover (no mutation row)
//! are rejected with their id and accepted at the boundary here.

use kvol_core::{
    AccessMode, Container, FieldError, FieldPath, Manifests, PersistentVolumeClaim, PvcTemplate,
    Report, RuleId, Source, StatefulSet, Validate, report::ErrorKind, rules::ids,
};
use std::{collections::BTreeSet, path::PathBuf};

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The ids of the coverage table.
fn table_ids() -> BTreeSet<String> {
    let path = manifest_dir().join("tests/data/rule-coverage.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_rule_id_constant_is_a_row_of_the_coverage_table() {
    let table = table_ids();
    let constants: BTreeSet<String> = ids::ALL.iter().map(|r| r.as_str().to_owned()).collect();
    assert_eq!(
        constants.len(),
        ids::ALL.len(),
        "duplicate ids in rules::ids::ALL"
    );
    let unknown: Vec<&String> = constants.difference(&table).collect();
    assert!(unknown.is_empty(), "rule ids without a row: {unknown:?}");
    let missing: Vec<&String> = table.difference(&constants).collect();
    assert!(
        missing.is_empty(),
        "rows without a constant (run `python3 scripts/gen_rule_ids.py`): {missing:?}"
    );
    for r in ids::ALL {
        assert_eq!(RuleId::from_id(r.as_str()), Some(*r));
    }
    assert_eq!(RuleId::from_id("2/no-such-rule"), None);
}

/// Every `RuleId::new("…")` of the source, and every constant of `ids.rs`, is in `ALL` (so
/// the test above sees every id the crate can use).
#[test]
fn every_rule_id_in_the_source_is_a_listed_constant() {
    let all: BTreeSet<&str> = ids::ALL.iter().map(|r| r.as_str()).collect();
    let mut stack = vec![manifest_dir().join("src")];
    let mut seen = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source is UTF-8");
            for (n, part) in text.split("RuleId::new(\"").enumerate().skip(1) {
                let id = part.split('"').next().unwrap_or("");
                assert!(
                    all.contains(id),
                    "{}: RuleId::new({id:?}) (occurrence {n}) is not in rules::ids::ALL",
                    path.display()
                );
                seen += 1;
            }
        }
    }
    assert_eq!(
        seen,
        ids::ALL.len(),
        "one RuleId::new per constant, all in ids.rs"
    );
}

fn has(report: &Report, path: &str, kind: ErrorKind, rule: RuleId) -> bool {
    report
        .errors
        .iter()
        .any(|e| e.path.as_str() == path && e.kind == kind && e.rule == rule)
}

fn sts() -> StatefulSet {
    StatefulSet::builder("web")
        .service_name("web")
        .label("app", "web")
        .container(
            Container::builder("nginx", "registry.k8s.io/nginx-slim:0.8")
                .named_port("web", 80)
                .mount("www", "/usr/share/nginx/html"),
        )
        .claim(
            PvcTemplate::builder("www")
                .access_mode(AccessMode::ReadWriteOnce)
                .request("1Gi"),
        )
        .build()
        .expect("valid")
        .into_inner()
}

fn pvc(name: &str) -> PersistentVolumeClaim {
    PersistentVolumeClaim::builder(name)
        .access_mode(AccessMode::ReadWriteOnce)
        .request("1Gi")
        .build()
        .expect("valid")
        .into_inner()
}

#[test]
fn kvol_service_name_required() {
    let mut s = sts();
    assert!(s.check().errors.is_empty());
    s.spec.service_name = String::new();
    s.service.metadata.name = String::new();
    let r = s.check();
    assert!(
        has(
            &r,
            "spec.serviceName",
            ErrorKind::Required,
            ids::S11_2_KVOL_SERVICE_NAME_REQUIRED
        ),
        "{r}"
    );
}

#[test]
fn kvol_quantity_exponent_int32() {
    let build = |size: &str| {
        PersistentVolumeClaim::builder("c")
            .access_mode(AccessMode::ReadWriteOnce)
            .request(size)
            .build()
    };
    let r = build("1000e2147483647").expect_err("refused");
    assert!(
        has(
            &r,
            "spec.resources.requests[storage]",
            ErrorKind::Invalid,
            ids::S3_1_KVOL_QUANTITY_EXPONENT_INT32
        ),
        "{r}"
    );
    assert!(build("1e18").is_ok());
}

#[test]
fn kvol_object_unique() {
    let r = Manifests::new()
        .assume_default_class()
        .with(pvc("a"))
        .with(pvc("a"))
        .check();
    assert!(
        has(
            &r,
            "objects[1](PersistentVolumeClaim default/a).metadata.name",
            ErrorKind::Duplicate,
            ids::S4_KVOL_OBJECT_UNIQUE
        ),
        "{r}"
    );
    assert!(
        Manifests::new()
            .assume_default_class()
            .with(pvc("a"))
            .with(pvc("b"))
            .check()
            .errors
            .is_empty()
    );
}

#[test]
fn kvol_service_conflict() {
    let s = sts();
    let same = s.service.clone();
    let mut other = s.service.clone();
    other.spec.ports.clear();
    let r = Manifests::new()
        .assume_default_class()
        .with(s.clone())
        .with(other)
        .check();
    assert!(
        r.errors
            .iter()
            .any(|e| e.kind == ErrorKind::Duplicate && e.rule == ids::S11_2_KVOL_SERVICE_CONFLICT),
        "{r}"
    );
    let r = Manifests::new()
        .assume_default_class()
        .with(s)
        .with(same)
        .check();
    assert!(r.errors.is_empty(), "{r}");
}

// ---------------------------------------------------------------------------------------------
// Help texts: set with the rule, true for the field, free of builder and macro syntax.

fn help_at<'a>(report: &'a Report, path: &str) -> Option<&'a str> {
    let e = report
        .errors
        .iter()
        .find(|e| e.path.as_str() == path)
        .unwrap_or_else(|| panic!("no error at {path}: {report}"));
    e.help.as_deref()
}

#[test]
fn help_is_the_fields_own() {
    use kvol_core::{Pod, VolumeSource};
    let r = Pod::builder("p".repeat(200))
        .container(
            Container::builder("App", "busybox")
                .env("A=B", "x")
                .mount("Data", "/d"),
        )
        .volume("Data", VolumeSource::empty_dir())
        .volume(
            "e".repeat(60),
            VolumeSource::ephemeral_claim(
                PvcTemplate::builder("")
                    .access_mode(AccessMode::ReadWriteOnce)
                    .request("1Gi"),
            ),
        )
        .build()
        .expect_err("invalid");
    let volume = help_at(&r, "spec.volumes[0].name").expect("help");
    assert!(
        volume.starts_with("a volume name must be a DNS-1123 label"),
        "{volume}"
    );
    let container = help_at(&r, "spec.containers[0].name").expect("help");
    assert!(
        container.starts_with("a container name must be a DNS-1123 label"),
        "{container}"
    );
    // An environment variable name and the claim an ephemeral volume creates have rules of
    // their own: no volume or container name note.
    assert_eq!(help_at(&r, "spec.containers[0].env[0].name"), None);
    let claim_name = r
        .errors
        .iter()
        .find(|e| e.rule == ids::S5_EPHEMERAL_CLAIM_NAME)
        .expect("the ephemeral claim's name is too long");
    assert_eq!(claim_name.help, None);

    // Builder errors get it too, and templates keep the help of the pod rule.
    let r = PersistentVolumeClaim::builder("c")
        .access_mode(AccessMode::ReadWriteOnce)
        .build()
        .expect_err("no request");
    let request = help_at(&r, "spec.resources[storage]").expect("help");
    assert!(request.contains("resources.requests.storage"), "{request}");
    let mut s = sts();
    s.spec.template.spec.containers[0].name = "Nginx".into();
    let r = s.check();
    let e = r
        .errors
        .iter()
        .find(|e| e.path.as_str() == "spec.template.spec.containers[0].name")
        .expect("an error");
    assert_eq!(e.rule, ids::S11_0_TEMPLATE_POD_SPEC);
    assert_eq!(e.cause, Some(ids::S2_NAME_CONTAINER));
    assert!(
        e.help
            .as_deref()
            .is_some_and(|h| h.starts_with("a container name"))
    );
}

#[test]
fn help_texts_name_no_syntax() {
    for r in ids::ALL {
        if let Some(help) = r.help() {
            assert!(
                !help.contains('`') && !help.contains("add ") && !help.contains("()"),
                "{r}: {help}"
            );
        }
    }
    assert!(ids::S2_NAME_STATEFULSET.help().is_some());
    assert!(ids::S6_4_ENV_NAME_RELAXED.help().is_none());
}

/// Duplicates are found with the types, not their Debug text.
#[test]
fn errors_and_warnings_compare_and_hash_by_value() {
    use kvol_core::FieldPath;
    use std::collections::HashSet;
    let path = FieldPath::root().child("metadata").child("name");
    let a = kvol_core::FieldError::invalid(ids::S2_NAME_POD, path.clone(), "A", "x");
    let b = kvol_core::FieldError::invalid(ids::S2_NAME_POD, path.clone(), "B", "y");
    let c = kvol_core::FieldError::invalid(ids::S2_NAME_PV, path, "A", "x");
    assert_eq!(a.identity(), b.identity());
    assert_ne!(a.identity(), c.identity());
    let set: HashSet<_> = [a.clone(), a.clone(), b, c].into_iter().collect();
    assert_eq!(set.len(), 3);
    let r = Manifests::new()
        .assume_default_class()
        .with(pvc("a"))
        .with(pvc("a"))
        .check();
    let again = Manifests::new()
        .assume_default_class()
        .with(pvc("a"))
        .with(pvc("a"))
        .check();
    assert_eq!(r, again);
    let warnings: HashSet<_> = r.warnings.iter().chain(&again.warnings).collect();
    assert_eq!(warnings.len(), r.warnings.len());
}

/// The way a front end reads a report (the sketch of docs/builder-api.md).
#[test]
fn a_report_read_without_its_text() {
    use kvol_core::{Segment, WarningCode};
    let mut s = sts();
    s.metadata.name = "web.v2".into();
    s.spec.template.spec.termination_grace_period_seconds = Some(0);
    let report = s.check();
    let e = &report.errors[0];
    assert_eq!(e.rule.as_str(), "2/name-statefulset");
    assert_eq!(e.cause.map(|c| c.as_str()), Some("2/dns1123-label-dots"));
    assert!(e.breaks(ids::S2_DNS1123_LABEL_DOTS));
    assert!(
        e.help
            .as_deref()
            .is_some_and(|h| h.contains("DNS-1123 label"))
    );
    assert_eq!(
        e.path.segments().collect::<Vec<_>>(),
        [Segment::Field("metadata"), Segment::Field("name")]
    );
    assert_eq!(e.path.last(), Some(Segment::Field("name")));
    let w = &report.warnings[0];
    assert_eq!(w.code, WarningCode::StatefulSetGraceZero);
    assert_eq!(w.code.as_str(), "statefulset-grace-zero");
}

/// `RuleId::source` and `RuleId::why` are the table's `source` and `why` columns (issue 13):
/// every `kvol-` id is kvol's own and says why; `FieldError::source` is its rule's.
#[test]
fn rule_sources_and_whys_are_the_table_columns() {
    let path = manifest_dir().join("tests/data/rule-coverage.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut rows = 0;
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (id, source, why) = (f[0], f[7], f[8]);
        let rule = RuleId::from_id(id).unwrap_or_else(|| panic!("{id}: no constant"));
        assert_eq!(rule.source().as_str(), source, "{id}");
        assert_eq!(rule.why().unwrap_or(""), why, "{id}");
        if id.contains("kvol-") {
            assert_eq!(rule.source(), Source::Kvol, "{id}");
        }
        if rule.source() == Source::Kvol {
            assert!(rule.why().is_some_and(|w| !w.trim().is_empty()), "{id}");
        }
        rows += 1;
    }
    assert_eq!(rows, ids::ALL.len());
    let e = FieldError::required(ids::S7_KVOL_CLAIM_REF_NAME_REQUIRED, FieldPath::root(), "");
    assert_eq!(e.source(), Source::Kvol);
    let e = FieldError::required(ids::S4_NAME_REQUIRED, FieldPath::root(), "");
    assert_eq!(e.source(), Source::ApiServer);
    assert_eq!(Source::ApiServer.as_str(), "apiserver");
    assert_eq!(Source::Kvol.to_string(), "kvol");
}

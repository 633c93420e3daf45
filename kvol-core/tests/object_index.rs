//! `FieldError::object` and `Warning::object`: the findings of a `Manifests` set carry the index
//! of the object they are about, so callers need not parse the `objects[i](…)` path prefix.

use kvol_core::access::AccessMode;
use kvol_core::meta::{ClusterMeta, ObjectMeta};
use kvol_core::pv::{ClaimRef, PersistentVolume, PvSource, PvSpec};
use kvol_core::pvc::{ClassRef, PersistentVolumeClaim, PvcSpec};
use kvol_core::report::Report;
use kvol_core::volume::Nfs;
use kvol_core::{Manifests, Validate};

fn claim(name: &str, request: &str) -> PersistentVolumeClaim {
    PersistentVolumeClaim {
        metadata: ObjectMeta::named(name),
        spec: PvcSpec {
            storage_class: ClassRef::NoClass,
            ..PvcSpec::new(AccessMode::ReadWriteOnce.into(), request.parse().unwrap())
        },
    }
}

fn volume(name: &str, capacity: &str) -> PersistentVolume {
    PersistentVolume {
        metadata: ClusterMeta::named(name),
        spec: PvSpec {
            access_modes: AccessMode::ReadWriteOnce.into(),
            capacity: capacity.parse().unwrap(),
            claim_ref: None,
            mount_options: vec![],
            node_affinity: None,
            reclaim_policy: None,
            storage_class_name: Some(String::new()),
            volume_mode: None,
            source: PvSource::Nfs(Nfs {
                path: format!("/exports/{name}"),
                read_only: false,
                server: "nfs.example.com".into(),
            }),
        },
    }
}

/// Every finding's index agrees with its path prefix (`objects[i](…)`), and set-level findings
/// have none.
fn assert_consistent(report: &Report) {
    let index_in = |path: &str| {
        let rest = path.strip_prefix("objects[")?;
        rest[..rest.find(']')?].parse::<usize>().ok()
    };
    for e in &report.errors {
        assert_eq!(e.object, index_in(e.path.as_str()), "{e}");
    }
    for w in &report.warnings {
        assert_eq!(w.object, index_in(w.path.as_str()), "{w}");
    }
}

#[test]
fn an_objects_own_errors_carry_its_index() {
    let set = Manifests::new()
        .with(volume("data", "1Gi"))
        .with(claim("Data", "1Gi"));
    let report = set.check();
    assert!(!report.errors.is_empty());
    assert!(report.errors.iter().all(|e| e.object == Some(1)));
    assert_consistent(&report);
}

#[test]
fn cross_object_errors_carry_the_index_of_the_object_they_are_reported_on() {
    let set = Manifests::new()
        .with(volume("small", "1Gi"))
        .with(claim("big", "2Gi"));
    let report = set.check();
    assert_eq!(report.errors.len(), 1, "{report}");
    assert_eq!(report.errors[0].object, Some(1));
    assert!(report.errors[0].path.as_str().starts_with("objects[1]"));
    assert_consistent(&report);
}

#[test]
fn warnings_carry_the_index_too() {
    let mut reserved = volume("reserved", "1Gi");
    reserved.spec.claim_ref = Some(ClaimRef {
        name: "elsewhere".into(),
        namespace: "default".into(),
    });
    let set = Manifests::new()
        .with(claim("a", "1Gi"))
        .with(volume("free", "1Gi"))
        .with(reserved);
    let report = set.check();
    let warning = report
        .warnings
        .iter()
        .find(|w| w.path.as_str().ends_with("spec.claimRef"))
        .expect("a claimRef warning");
    assert_eq!(warning.object, Some(2));
    assert_consistent(&report);
}

#[test]
fn set_level_and_lone_object_findings_have_no_index() {
    let report = Manifests::new()
        .namespace("Not A Label")
        .with(claim("a", "1Gi"))
        .with(volume("v", "1Gi"))
        .check();
    let namespace = report
        .errors
        .iter()
        .find(|e| e.path.as_str() == "namespace")
        .expect("a namespace error");
    assert_eq!(namespace.object, None);
    assert_consistent(&report);

    let lone = claim("Data", "1Gi").check();
    assert!(!lone.errors.is_empty());
    assert!(lone.errors.iter().all(|e| e.object.is_none()));
}

#[test]
fn duplicates_carry_the_index_of_the_later_object() {
    let report = Manifests::new()
        .with(claim("a", "1Gi"))
        .with(volume("v", "1Gi"))
        .with(claim("a", "1Gi"))
        .check();
    let duplicate = report
        .errors
        .iter()
        .find(|e| e.kind == kvol_core::report::ErrorKind::Duplicate)
        .expect("a duplicate");
    assert_eq!(duplicate.object, Some(2));
    assert_consistent(&report);
}

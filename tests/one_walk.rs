//! What each macro checked is what it emits. Every pass case of the UI suite is compiled here
//! again with `kvol` shadowed by self-checking macros: each expansion asserts, when it runs,
//! that its value renders byte for byte as the value kvol-dsl's rules checked at compile time.
//! (Values with `{…}` interpolations are checked through placeholders, so only their shape is
//! shared; their invocations run unasserted. `no-prelude.rs` names `::kvol` absolutely and is
//! left to the UI suite.)

// The pass cases' own compile-time warnings are the UI suite's to check.
#![allow(deprecated)]

/// `kvol` with its macros replaced by self-checking ones.
mod checked {
    pub use ::kvol::*;

    macro_rules! statefulset {
        ($($t:tt)*) => { ::kvol::__private::__self_checked_impl!(statefulset; ::kvol; $($t)*) };
    }
    macro_rules! pod {
        ($($t:tt)*) => { ::kvol::__private::__self_checked_impl!(pod; ::kvol; $($t)*) };
    }
    macro_rules! pvc {
        ($($t:tt)*) => { ::kvol::__private::__self_checked_impl!(pvc; ::kvol; $($t)*) };
    }
    macro_rules! pv {
        ($($t:tt)*) => { ::kvol::__private::__self_checked_impl!(pv; ::kvol; $($t)*) };
    }
    macro_rules! storage_class {
        ($($t:tt)*) => { ::kvol::__private::__self_checked_impl!(storage_class; ::kvol; $($t)*) };
    }
    macro_rules! deployment {
        ($($t:tt)*) => { ::kvol::__private::__self_checked_impl!(deployment; ::kvol; $($t)*) };
    }
    macro_rules! daemonset {
        ($($t:tt)*) => { ::kvol::__private::__self_checked_impl!(daemonset; ::kvol; $($t)*) };
    }
    macro_rules! config_map {
        ($($t:tt)*) => { ::kvol::__private::__self_checked_impl!(config_map; ::kvol; $($t)*) };
    }
    macro_rules! secret {
        ($($t:tt)*) => { ::kvol::__private::__self_checked_impl!(secret; ::kvol; $($t)*) };
    }
    macro_rules! pdb {
        ($($t:tt)*) => { ::kvol::__private::__self_checked_impl!(pdb; ::kvol; $($t)*) };
    }
    macro_rules! volume_snapshot_class {
        ($($t:tt)*) => { ::kvol::__private::__self_checked_impl!(volume_snapshot_class; ::kvol; $($t)*) };
    }
    macro_rules! volume_snapshot {
        ($($t:tt)*) => { ::kvol::__private::__self_checked_impl!(volume_snapshot; ::kvol; $($t)*) };
    }
    macro_rules! volume_attributes_class {
        ($($t:tt)*) => { ::kvol::__private::__self_checked_impl!(volume_attributes_class; ::kvol; $($t)*) };
    }
    macro_rules! manifests {
        ($($t:tt)*) => { ::kvol::__private::__self_checked_impl!(manifests; ::kvol; $($t)*) };
    }
    macro_rules! service {
        ($($t:tt)*) => { ::kvol::__private::__self_checked_impl!(service; ::kvol; $($t)*) };
    }
    pub(crate) use {
        config_map, daemonset, deployment, manifests, pdb, pod, pv, pvc, secret, service,
        statefulset, storage_class, volume_attributes_class, volume_snapshot,
        volume_snapshot_class,
    };
}

/// Includes one pass case with the self-checking `kvol` and runs its `main`.
macro_rules! pass_case {
    ($name:ident, $file:literal) => {
        mod $name {
            #[allow(unused_imports)]
            use crate::checked as kvol;
            include!($file);
            #[test]
            fn emits_what_it_checked() {
                main();
            }
        }
    };
}

pass_case!(allow_warning, "ui/pass/allow-warning.rs");
pass_case!(escape_hatch, "ui/pass/escape-hatch.rs");
pass_case!(container_fields, "ui/pass/container-fields.rs");
pass_case!(daemonset, "ui/pass/daemonset.rs");
pass_case!(deployment_nfs_rwx, "ui/pass/deployment-nfs-rwx.rs");
pass_case!(new_kinds, "ui/pass/new-kinds.rs");
pass_case!(snapshot_restore, "ui/pass/snapshot-restore.rs");
pass_case!(every_volume_source, "ui/pass/every-volume-source.rs");
pass_case!(flagship_compact, "ui/pass/flagship-compact.rs");
pass_case!(flagship_full, "ui/pass/flagship-full.rs");
pass_case!(interpolation, "ui/pass/interpolation.rs");
pass_case!(pod_spec_settings, "ui/pass/pod-spec-settings.rs");
pass_case!(pv_pvc_sc, "ui/pass/pv-pvc-sc.rs");
pass_case!(realworld_containers, "ui/pass/realworld-containers.rs");
pass_case!(seed_1_emptydir, "ui/pass/seed-1-emptydir.rs");
pass_case!(seed_2_hostpath, "ui/pass/seed-2-hostpath.rs");
pass_case!(seed_3_nfs, "ui/pass/seed-3-nfs.rs");
pass_case!(seed_4_static_pv, "ui/pass/seed-4-static-pv.rs");
pass_case!(seed_5_dynamic, "ui/pass/seed-5-dynamic.rs");
pass_case!(
    selectors_topology_affinity,
    "ui/pass/selectors-topology-affinity.rs"
);
pass_case!(statefulset_options, "ui/pass/statefulset-options.rs");

/// The pass cases included above: a new pass case must be added here too.
const INCLUDED: &[&str] = &[
    "allow-warning.rs",
    "container-fields.rs",
    "daemonset.rs",
    "deployment-nfs-rwx.rs",
    "escape-hatch.rs",
    "every-volume-source.rs",
    "flagship-compact.rs",
    "flagship-full.rs",
    "interpolation.rs",
    "new-kinds.rs",
    "no-prelude.rs",
    "pod-spec-settings.rs",
    "pv-pvc-sc.rs",
    "realworld-containers.rs",
    "seed-1-emptydir.rs",
    "seed-2-hostpath.rs",
    "seed-3-nfs.rs",
    "seed-4-static-pv.rs",
    "seed-5-dynamic.rs",
    "selectors-topology-affinity.rs",
    "snapshot-restore.rs",
    "statefulset-options.rs",
];

#[test]
fn every_pass_case_is_included() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui/pass");
    let mut found: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/ui/pass is readable")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".rs"))
        .collect();
    found.sort();
    assert_eq!(
        found, INCLUDED,
        "add the new pass case to tests/one_walk.rs"
    );
}

/// The self-check can fail: a value other than the checked one is refused.
#[test]
#[should_panic(expected = "emitted a value other than the one it checked")]
fn a_different_value_is_refused() {
    let web = ::kvol::statefulset! { name: web, image: "nginx", replicas: 2 };
    let other = ::kvol::statefulset! { name: web, image: "nginx", replicas: 3 };
    let _ = ::kvol::__private::emitted_as_checked(web, &other.to_yaml());
}

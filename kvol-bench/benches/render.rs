//! Render benchmark: kvol vs k8s-openapi + serde_yaml on the same objects (issue 6, item 1).
//!
//! Each iteration handles [`PAIRS`] StatefulSets of the seed's `web` shape, each with its
//! headless Service (so 2 × `PAIRS` Kubernetes objects), names varying with the index: labels,
//! 3 replicas, grace period 10, one container with the named port `web` 80 and a mount, one 1Gi
//! ReadWriteOnce claim template of class `standard`.
//!
//! Four measurements, in one criterion group so that one run compares them:
//!
//! - `kvol/build+validate+render`: `StatefulSet::builder(..)…build()` (quantity parsing,
//!   validation, the derived Service) → `Valid<StatefulSet>` → `write_yaml` into a reused
//!   `Vec<u8>`;
//! - `k8s-openapi/build+render`: the same objects as k8s-openapi structs (no parsing, no
//!   validation: k8s-openapi has neither) → `serde_yaml` into a reused `Vec<u8>`;
//! - `kvol/render` and `k8s-openapi/render`: the objects are built once, outside the measured
//!   loop; only the YAML writing is timed.
//!
//! Throughput is reported per object (one Service or one StatefulSet) and per output byte; the
//! two libraries write slightly different bytes (kvol writes `protocol: TCP` like the API server's
//! defaulting does, serde_yaml adds `apiVersion`/`kind` to each claim template), so compare the
//! objects/s figures. Before measuring, the bench checks that both outputs parse to the same
//! documents, so the comparison is between equivalent manifests.
//!
//! Run: `cargo bench -p kvol-bench --bench render` (add `-- --quick` for a short run).

use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::hint::black_box;
use std::io::Write;

use criterion::{Criterion, Throughput, criterion_group};
use k8s_openapi::{
    api::{apps::v1 as apps, core::v1 as core},
    apimachinery::pkg::{api::resource::Quantity, apis::meta::v1 as meta},
};
use kvol::{AccessMode, Container, PvcTemplate, StatefulSet, Valid};
use serde::Serialize;

/// StatefulSet + Service pairs per iteration.
const PAIRS: usize = 100;

/// The seed's `web` StatefulSet number `i`, built and validated by kvol.
fn kvol_web(i: usize) -> Valid<StatefulSet> {
    let service = format!("nginx-{i}");
    StatefulSet::builder(format!("web-{i}"))
        .service_name(service.clone())
        .label("app", service)
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
                .request("1Gi"),
        )
        .build()
        .expect("the seed StatefulSet is valid")
}

/// The same objects as k8s-openapi structs: the headless Service and the StatefulSet.
fn k8s_web(i: usize) -> (core::Service, apps::StatefulSet) {
    let service = format!("nginx-{i}");
    let labels = BTreeMap::from([("app".to_owned(), service.clone())]);
    let svc = core::Service {
        metadata: meta::ObjectMeta {
            name: Some(service.clone()),
            labels: Some(labels.clone()),
            ..Default::default()
        },
        spec: Some(core::ServiceSpec {
            cluster_ip: Some("None".to_owned()),
            ports: Some(vec![core::ServicePort {
                name: Some("web".to_owned()),
                port: 80,
                protocol: Some("TCP".to_owned()),
                ..Default::default()
            }]),
            selector: Some(labels.clone()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let claim = core::PersistentVolumeClaim {
        metadata: meta::ObjectMeta {
            name: Some("www".to_owned()),
            ..Default::default()
        },
        spec: Some(core::PersistentVolumeClaimSpec {
            access_modes: Some(vec!["ReadWriteOnce".to_owned()]),
            resources: Some(core::VolumeResourceRequirements {
                requests: Some(BTreeMap::from([(
                    "storage".to_owned(),
                    Quantity("1Gi".to_owned()),
                )])),
                ..Default::default()
            }),
            storage_class_name: Some("standard".to_owned()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let set = apps::StatefulSet {
        metadata: meta::ObjectMeta {
            name: Some(format!("web-{i}")),
            ..Default::default()
        },
        spec: apps::StatefulSetSpec {
            replicas: Some(3),
            selector: meta::LabelSelector {
                match_labels: Some(labels.clone()),
                ..Default::default()
            },
            service_name: Some(service),
            template: core::PodTemplateSpec {
                metadata: Some(meta::ObjectMeta {
                    labels: Some(labels),
                    ..Default::default()
                }),
                spec: Some(core::PodSpec {
                    containers: vec![core::Container {
                        name: "nginx".to_owned(),
                        image: Some("registry.k8s.io/nginx-slim:0.8".to_owned()),
                        ports: Some(vec![core::ContainerPort {
                            container_port: 80,
                            name: Some("web".to_owned()),
                            protocol: Some("TCP".to_owned()),
                            ..Default::default()
                        }]),
                        volume_mounts: Some(vec![core::VolumeMount {
                            name: "www".to_owned(),
                            mount_path: "/usr/share/nginx/html".to_owned(),
                            ..Default::default()
                        }]),
                        ..Default::default()
                    }],
                    termination_grace_period_seconds: Some(10),
                    ..Default::default()
                }),
            },
            volume_claim_templates: Some(vec![claim]),
            ..Default::default()
        },
        ..Default::default()
    };
    (svc, set)
}

/// Writes kvol objects as one YAML stream: `write_yaml` per StatefulSet (its Service, `---`, the
/// set), with a `---` line between consecutive StatefulSets.
fn write_kvol(sets: impl IntoIterator<Item = Valid<StatefulSet>>, out: &mut Vec<u8>) {
    out.clear();
    for (i, set) in sets.into_iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b"---\n");
        }
        set.write_yaml(&mut *out).expect("writing to memory");
    }
}

/// The same with references (render-only variant).
fn write_kvol_ref(sets: &[Valid<StatefulSet>], out: &mut Vec<u8>) {
    out.clear();
    for (i, set) in sets.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b"---\n");
        }
        set.write_yaml(&mut *out).expect("writing to memory");
    }
}

/// Writes k8s-openapi objects as one YAML stream with serde_yaml (which puts `---` between the
/// documents of one `Serializer`).
fn write_k8s<P: Borrow<(core::Service, apps::StatefulSet)>>(
    pairs: impl IntoIterator<Item = P>,
    out: &mut Vec<u8>,
) {
    out.clear();
    let mut ser = serde_yaml::Serializer::new(&mut *out);
    for pair in pairs {
        let (svc, set) = pair.borrow();
        svc.serialize(&mut ser).expect("serde_yaml");
        set.serialize(&mut ser).expect("serde_yaml");
    }
    ser.into_inner().expect("serde_yaml").flush().ok();
}

/// Parses a YAML stream into documents, dropping the `apiVersion`/`kind` that k8s-openapi writes
/// into each claim template (the only difference between the two outputs).
fn documents(yaml: &[u8]) -> Vec<serde_yaml::Value> {
    use serde::Deserialize;
    let text = std::str::from_utf8(yaml).expect("UTF-8");
    serde_yaml::Deserializer::from_str(text)
        .map(|doc| {
            let mut v = serde_yaml::Value::deserialize(doc).expect("valid YAML");
            if let Some(templates) = v
                .get_mut("spec")
                .and_then(|s| s.get_mut("volumeClaimTemplates"))
                .and_then(|t| t.as_sequence_mut())
            {
                for t in templates.iter_mut().filter_map(|t| t.as_mapping_mut()) {
                    t.remove("apiVersion");
                    t.remove("kind");
                }
            }
            v
        })
        .collect()
}

/// What one measured iteration does.
#[derive(Clone, Copy)]
enum Variant {
    /// kvol: builder, validation, YAML.
    BuildKvol,
    /// k8s-openapi: struct literals, serde_yaml.
    BuildK8s,
    /// kvol: YAML of objects built beforehand.
    RenderKvol,
    /// k8s-openapi: serde_yaml of objects built beforehand.
    RenderK8s,
}

impl Variant {
    const ALL: [Variant; 4] = [
        Variant::BuildKvol,
        Variant::BuildK8s,
        Variant::RenderKvol,
        Variant::RenderK8s,
    ];

    fn name(self) -> &'static str {
        match self {
            Variant::BuildKvol => "kvol/build+validate+render",
            Variant::BuildK8s => "k8s-openapi/build+render",
            Variant::RenderKvol => "kvol/render",
            Variant::RenderK8s => "k8s-openapi/render",
        }
    }
}

/// The objects built once (for the render-only variants) and the reused output buffer.
struct State {
    kvol: Vec<Valid<StatefulSet>>,
    k8s: Vec<(core::Service, apps::StatefulSet)>,
    out: Vec<u8>,
}

impl State {
    fn new() -> Self {
        State {
            kvol: (0..PAIRS).map(kvol_web).collect(),
            k8s: (0..PAIRS).map(k8s_web).collect(),
            out: Vec::with_capacity(128 << 10),
        }
    }

    /// One iteration of `variant`; returns the bytes written.
    fn run(&mut self, variant: Variant) -> usize {
        match variant {
            Variant::BuildKvol => write_kvol((0..PAIRS).map(kvol_web), &mut self.out),
            Variant::BuildK8s => write_k8s((0..PAIRS).map(k8s_web), &mut self.out),
            Variant::RenderKvol => write_kvol_ref(black_box(&self.kvol), &mut self.out),
            Variant::RenderK8s => write_k8s(black_box(&self.k8s), &mut self.out),
        }
        black_box(self.out.len())
    }
}

fn render(c: &mut Criterion) {
    let mut state = State::new();

    // The check that both write the same manifests, and the sizes for the byte throughput.
    state.run(Variant::RenderKvol);
    let kvol_docs = documents(&state.out);
    let kvol_bytes = state.out.len() as u64;
    state.run(Variant::RenderK8s);
    let k8s_docs = documents(&state.out);
    let k8s_bytes = state.out.len() as u64;
    assert_eq!(kvol_docs.len(), 2 * PAIRS);
    assert_eq!(
        kvol_docs, k8s_docs,
        "kvol and k8s-openapi must render the same manifests"
    );
    let objects = 2 * PAIRS as u64;
    eprintln!(
        "render: {PAIRS} pairs = {objects} objects per iteration; kvol writes {kvol_bytes} \
         bytes, serde_yaml {k8s_bytes} bytes"
    );

    let mut group = c.benchmark_group("render");
    for variant in Variant::ALL {
        let bytes = match variant {
            Variant::BuildKvol | Variant::RenderKvol => kvol_bytes,
            Variant::BuildK8s | Variant::RenderK8s => k8s_bytes,
        };
        group.throughput(Throughput::ElementsAndBytes {
            elements: objects,
            bytes,
        });
        group.bench_function(variant.name(), |b| b.iter(|| state.run(variant)));
    }
    group.finish();
}

criterion_group!(benches, render);

/// `cargo bench -p kvol-bench --bench render` runs criterion. With `KVOL_RENDER_ITERATIONS=n` and
/// `KVOL_RENDER_VARIANT=<name>` set, the binary instead runs that variant `n` times and exits:
/// for instruction counts under callgrind (`scripts/render-instructions.sh`), where the
/// difference between two iteration counts is the cost of the iterations alone.
fn main() {
    if let Ok(n) = std::env::var("KVOL_RENDER_ITERATIONS") {
        let n: usize = n.parse().expect("KVOL_RENDER_ITERATIONS is a number");
        let name = std::env::var("KVOL_RENDER_VARIANT").unwrap_or_default();
        let variant = Variant::ALL
            .into_iter()
            .find(|v| v.name() == name)
            .unwrap_or_else(|| panic!("KVOL_RENDER_VARIANT must be one of the variant names"));
        let mut state = State::new();
        for _ in 0..n {
            state.run(variant);
        }
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}

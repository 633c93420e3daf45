//! Validation time of large sets of PersistentVolumes and claims (the cross-object checks and
//! the PV controller simulation dominate).
//!
//! `cargo bench -p kvol-core --bench binding [-- N...]` prints the median wall-clock and CPU
//! time (this thread's, from Linux `schedstat`; ratios use it) of
//! `Manifests::check` for sets of N PVs + N PVCs (default 1,000, 10,000 and 100,000): varied
//! classes (static and dynamic), access-mode sets, volume modes and sizes, some selectors,
//! `claimRef` and `volumeName` pre-bindings, pods mounting the claims, and a few claims that
//! cannot bind (so explanations are part of the cost). No dependencies: wall-clock medians.

use kvol_core::access::{AccessMode, AccessModes, VolumeMode};
use kvol_core::meta::{ClusterMeta, ObjectMeta, StringMap};
use kvol_core::pod::{Container, Pod, PodSpec};
use kvol_core::pv::{ClaimRef, PersistentVolume, PvSource, PvSpec};
use kvol_core::pvc::{ClassRef, PersistentVolumeClaim, PvcSpec};
use kvol_core::selector::LabelSelector;
use kvol_core::storage_class::{StorageClass, VolumeBindingMode};
use kvol_core::volume::{ClaimVolume, Nfs, Volume, VolumeSource};
use kvol_core::{Manifests, Validate};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const RWO: AccessMode = AccessMode::ReadWriteOnce;
const ROX: AccessMode = AccessMode::ReadOnlyMany;
const RWX: AccessMode = AccessMode::ReadWriteMany;
const RWOP: AccessMode = AccessMode::ReadWriteOncePod;

/// (name, provisioner, binding mode); "" is no class.
const CLASSES: [(&str, &str, Option<VolumeBindingMode>); 5] = [
    ("", "", None),
    ("manual", "", None),
    (
        "local-storage",
        "kubernetes.io/no-provisioner",
        Some(VolumeBindingMode::WaitForFirstConsumer),
    ),
    ("static", "kubernetes.io/no-provisioner", None),
    ("fast", "pd.csi.storage.gke.io", None),
];

fn mode_sets() -> [AccessModes; 7] {
    let set = |m: &[AccessMode]| m.iter().copied().collect::<AccessModes>();
    [
        set(&[RWO]),
        set(&[ROX]),
        set(&[RWX]),
        set(&[RWO, ROX]),
        set(&[RWO, RWX]),
        set(&[RWO, ROX, RWX]),
        set(&[RWOP]),
    ]
}

fn build(n: usize, seed: u64) -> Manifests {
    let mut rng = Rng(seed | 1);
    let sets = mode_sets();
    let mut set = Manifests::new();
    for (name, provisioner, mode) in CLASSES.iter().skip(2) {
        set.push(StorageClass {
            metadata: ClusterMeta::named(*name),
            provisioner: provisioner.to_string(),
            parameters: StringMap::new(),
            reclaim_policy: None,
            volume_binding_mode: *mode,
            allow_volume_expansion: None,
            mount_options: vec![],
            allowed_topologies: vec![],
        });
    }
    let mut claims = Vec::with_capacity(n);
    let mut volumes = Vec::with_capacity(n);
    for i in 0..n {
        let class = CLASSES[rng.below(CLASSES.len() as u64) as usize].0;
        let modes = sets[rng.below(sets.len() as u64) as usize];
        let block = rng.chance(5);
        let capacity_gi = 1 + rng.below(200);
        let zone = ["a", "b", "c"][rng.below(3) as usize];
        let mut labels = StringMap::new();
        labels.insert("zone".into(), zone.into());
        let volume_name = format!("pv-{i:06}");
        let claim_name = format!("data-{i:06}");
        let mut volume = PersistentVolume {
            metadata: ClusterMeta {
                labels,
                ..ClusterMeta::named(volume_name.clone())
            },
            spec: PvSpec {
                access_modes: modes,
                capacity: format!("{capacity_gi}Gi").parse().unwrap(),
                claim_ref: None,
                mount_options: vec![],
                node_affinity: None,
                reclaim_policy: None,
                storage_class_name: (!class.is_empty()).then(|| class.to_owned()),
                volume_mode: block.then_some(VolumeMode::Block),
                source: PvSource::Nfs(Nfs {
                    path: format!("/exports/{i}"),
                    read_only: false,
                    server: "nfs.example.com".into(),
                }),
            },
        };
        // The claim that goes with it: a subset of its modes, a request that fits. 1% ask for
        // more than any volume has, so they fail and get explained.
        let wanted: AccessModes = match modes.iter().next() {
            Some(first) if rng.chance(70) => first.into(),
            _ => modes,
        };
        let request_mi = if rng.chance(1) {
            1_000_000
        } else {
            (capacity_gi * 1024).saturating_sub(rng.below(900)).max(1)
        };
        let mut spec = PvcSpec::new(wanted, format!("{request_mi}Mi").parse().unwrap());
        spec.storage_class = if class.is_empty() {
            ClassRef::NoClass
        } else {
            ClassRef::Named(class.to_owned())
        };
        spec.volume_mode = block.then_some(VolumeMode::Block);
        match rng.below(100) {
            0..=1 => {
                volume.spec.claim_ref = Some(ClaimRef {
                    name: claim_name.clone(),
                    namespace: "default".into(),
                });
            }
            2..=3 => spec.volume_name = Some(volume_name),
            4..=8 => {
                let mut labels = StringMap::new();
                labels.insert("zone".into(), zone.into());
                spec.selector = Some(LabelSelector::labels(labels));
            }
            _ => {}
        }
        volumes.push(volume);
        claims.push(PersistentVolumeClaim {
            metadata: ObjectMeta::named(claim_name),
            spec,
        });
    }
    // Claims are applied in another order than their volumes were listed.
    for i in (1..claims.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        claims.swap(i, j);
    }
    let pods: Vec<Pod> = claims
        .iter()
        .step_by(10)
        .map(|c| Pod {
            metadata: ObjectMeta::named(format!("pod-{}", c.metadata.name)),
            spec: PodSpec {
                containers: vec![Container::new("app", "busybox")],
                volumes: vec![Volume::new(
                    "data",
                    VolumeSource::PersistentVolumeClaim(ClaimVolume {
                        claim_name: c.metadata.name.clone(),
                        read_only: false,
                    }),
                )],
                ..Default::default()
            },
        })
        .collect();
    set.extend(volumes);
    set.extend(claims);
    set.extend(pods);
    set
}

/// CPU time of this thread (Linux `schedstat`), so that a busy machine does not skew the
/// figures; `None` elsewhere.
fn cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000, 100_000]
    } else {
        sizes
    };
    println!(
        "{:>9} {:>12} {:>12} {:>6} {:>8} {:>9}",
        "n", "wall", "cpu", "runs", "errors", "warnings"
    );
    let mut previous: Option<(usize, Duration)> = None;
    for n in sizes {
        let set = build(n, 0x5eed_0000 + n as u64);
        // KVOL_BENCH_RUNS fixes the count (e.g. 0 to measure only building the set, for
        // instruction counts with `perf stat`).
        let runs = std::env::var("KVOL_BENCH_RUNS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or((2_000_000 / n.max(1)).clamp(3, 21));
        let mut times = Vec::with_capacity(runs);
        let mut cpu_times = Vec::with_capacity(runs);
        let mut report = None;
        for _ in 0..runs {
            let cpu = cpu_time();
            let start = Instant::now();
            let r = black_box(&set).check();
            times.push(start.elapsed());
            if let (Some(before), Some(after)) = (cpu, cpu_time()) {
                cpu_times.push(after.saturating_sub(before));
            }
            report = Some(r);
        }
        let wall = median(times);
        let t = if cpu_times.is_empty() {
            wall
        } else {
            median(cpu_times)
        };
        let (errors, warnings) = report
            .map(|r| (r.errors.len(), r.warnings.len()))
            .unwrap_or_default();
        print!(
            "{n:>9} {:>9.2} ms {:>9.2} ms {runs:>6} {errors:>8} {warnings:>9}",
            wall.as_secs_f64() * 1e3,
            t.as_secs_f64() * 1e3
        );
        if let Some((pn, pt)) = previous {
            let ratio = t.as_secs_f64() / pt.as_secs_f64();
            print!(
                "   ×{:.1} cpu for ×{:.0} objects",
                ratio,
                n as f64 / pn as f64
            );
        }
        println!();
        previous = Some((n, t));
    }
}

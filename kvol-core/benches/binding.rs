//! Validation time of large sets of PersistentVolumes and claims.
//!
//! `cargo bench -p kvol-core --bench binding [-- N...]` builds sets of N PVs + N PVCs (default
//! 1,000, 10,000 and 100,000) — varied classes (static and dynamic), access-mode sets, volume
//! modes and sizes, some selectors, `claimRef` and `volumeName` pre-bindings, pods mounting a
//! tenth of the claims, and a few claims that cannot bind (so explanations are part of the
//! cost) — and times `Manifests::check` (every object's rules, the cross-object checks and the
//! binding simulation) and `binding::Simulation::run` alone, two ways:
//!
//! - **warm**: calls back to back; the median wall-clock and CPU time (this thread's, from Linux
//!   `schedstat`, so a busy machine skews it less). A set that fits the last-level cache (1,000)
//!   stays there between calls, a larger one does not, so growth ratios mix the work with the
//!   cache.
//! - **cold**: before each call (untimed) a buffer larger than the last-level cache is written,
//!   so every size reads its set from memory; the median wall-clock time of single calls.
//!
//! and prints the growth of each for ×10 objects. No dependencies.

use kvol_core::access::{AccessMode, AccessModes, VolumeMode};
use kvol_core::binding::{ClaimClass, ClaimInput, Simulation};
use kvol_core::meta::{ClusterMeta, ObjectMeta, StringMap};
use kvol_core::pod::{Container, Pod, PodSpec};
use kvol_core::pv::{ClaimRef, PersistentVolume, PvSource, PvSpec};
use kvol_core::pvc::{ClassRef, PersistentVolumeClaim, PvcSpec};
use kvol_core::selector::LabelSelector;
use kvol_core::storage_class::{StorageClass, VolumeBindingMode};
use kvol_core::volume::{ClaimVolume, Nfs, Volume, VolumeSource};
use kvol_core::{Manifests, Object, Validate};
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

/// The shortest sample (see [`measure`]).
const SAMPLE: Duration = Duration::from_millis(250);

/// CPU time of this thread (Linux `schedstat`), so that a busy machine does not skew the
/// figures; `None` elsewhere.
fn cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// Bigger than the last-level cache (32 MB on the project's machine): walking it pushes
/// everything else out.
const EVICT_BYTES: usize = 96 << 20;

/// Median wall-clock time of one call of `f` with a cold cache: before each call (untimed), a
/// buffer larger than the last-level cache is written, so every size reads the set from memory
/// alike (`measure` repeats calls back to back, so a small set stays in the cache between them
/// and a large one does not). Wall-clock, since a single short call is below `schedstat`'s tick.
fn measure_cold<T>(samples: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut evict = vec![0u64; EVICT_BYTES / 8];
    let mut times = Vec::with_capacity(samples);
    for round in 0..samples.max(1) {
        for (i, word) in evict.iter_mut().enumerate().step_by(8) {
            *word = word.wrapping_add(i as u64 ^ round as u64);
        }
        black_box(&evict);
        let start = Instant::now();
        black_box(f());
        times.push(start.elapsed());
    }
    median(times)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// Median wall-clock and CPU time of one call of `f` over `samples` samples, and its last
/// result. Each sample repeats `f` until it has run for `SAMPLE` at least, and is divided by
/// the repetitions.
///
/// The CPU time in `schedstat` only moves when the kernel accounts the running thread, in steps
/// of a scheduler tick (4 ms on the project's machine): with 50 ms samples, a 40 ms call was
/// timed once per sample and read as 36, 40 or 44 ms. 250 ms samples keep that error near 1.6%.
fn measure<T>(samples: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, Option<T>) {
    let start = Instant::now();
    let mut last = Some(black_box(f()));
    let once = start.elapsed().max(Duration::from_micros(1));
    let repeat = (SAMPLE.as_nanos() / once.as_nanos()).clamp(1, 100_000) as u32;
    let mut times = Vec::with_capacity(samples);
    let mut cpu_times = Vec::with_capacity(samples);
    for _ in 0..samples {
        let cpu = cpu_time();
        let start = Instant::now();
        for _ in 0..repeat {
            last = Some(black_box(f()));
        }
        times.push(start.elapsed() / repeat);
        if let (Some(before), Some(after)) = (cpu, cpu_time()) {
            cpu_times.push(after.saturating_sub(before) / repeat);
        }
    }
    let wall = median(times);
    let cpu = if cpu_times.is_empty() {
        wall
    } else {
        median(cpu_times)
    };
    (wall, cpu, last)
}

/// The claims of the set as the PV controller sees them (class resolved as the set does).
fn claim_inputs(set: &Manifests) -> Vec<ClaimInput<'_>> {
    set.iter()
        .filter_map(|o| match o {
            Object::PersistentVolumeClaim(c) => Some(ClaimInput {
                namespace: "default",
                name: &c.metadata.name,
                spec: &c.spec,
                class: ClaimClass::Named(c.spec.storage_class.effective()),
                delay_binding: c.spec.storage_class.effective() == "local-storage",
            }),
            _ => None,
        })
        .collect()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
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
        "{:>9} {:>12} {:>12} {:>12} {:>14} {:>14} {:>7} {:>8} {:>9}",
        "n",
        "check wall",
        "check cpu",
        "check cold",
        "simulation cpu",
        "simulation cold",
        "samples",
        "errors",
        "warnings",
    );
    // Per size: cpu and cold time of the check, then of the simulation.
    let mut previous: Option<(usize, [Duration; 4])> = None;
    for n in sizes {
        let set = build(n, 0x5eed_0000 + n as u64);
        // KVOL_BENCH_RUNS sets the number of samples (e.g. 0 under callgrind: one call).
        let runs = std::env::var("KVOL_BENCH_RUNS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(if n >= 100_000 { 5 } else { 11 });
        let (wall, cpu, report) = measure(runs, || black_box(&set).check());
        // Cold-cache samples (KVOL_BENCH_COLD_RUNS, default 21; 5 at 100,000).
        let cold_runs = std::env::var("KVOL_BENCH_COLD_RUNS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(if n >= 100_000 { 5 } else { 21 });
        let cold = measure_cold(cold_runs, || black_box(&set).check());
        let (errors, warnings) = report
            .map(|r| (r.errors.len(), r.warnings.len()))
            .unwrap_or_default();
        let volumes: Vec<&PersistentVolume> = set
            .iter()
            .filter_map(|o| match o {
                Object::PersistentVolume(pv) => Some(pv),
                _ => None,
            })
            .collect();
        let (_, sim, _) = measure(runs, || {
            let bound = Simulation::run(volumes.iter().copied(), claim_inputs(&set));
            bound.outcomes().len()
        });
        let sim_cold = measure_cold(cold_runs, || {
            let bound = Simulation::run(volumes.iter().copied(), claim_inputs(&set));
            bound.outcomes().len()
        });
        println!(
            "{n:>9} {:>9.2} ms {:>9.2} ms {:>9.2} ms {:>11.2} ms {:>12.2} ms {runs:>7} {errors:>8} {warnings:>9}",
            ms(wall),
            ms(cpu),
            ms(cold),
            ms(sim),
            ms(sim_cold),
        );
        let times = [cpu, cold, sim, sim_cold];
        if let Some((pn, before)) = previous {
            let growth: Vec<String> = times
                .iter()
                .zip(before)
                .map(|(now, then)| format!("×{:.1}", now.as_secs_f64() / then.as_secs_f64()))
                .collect();
            println!(
                "{:>9} growth for ×{:.0} objects: check {} (cpu), {} (cold); simulation {} (cpu), {} (cold)",
                "",
                n as f64 / pn as f64,
                growth[0],
                growth[1],
                growth[2],
                growth[3],
            );
        }
        previous = Some((n, times));
    }
}

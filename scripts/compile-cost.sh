#!/usr/bin/env bash
# Compile cost of kvol for a user: a clean debug build of the smallest program that prints the
# seed's `web` StatefulSet and its headless Service as YAML, written
#
#   - with kvol (path dependency on this repository), using the `kvol::statefulset!` macro, and
#   - with k8s-openapi 0.29 (feature `latest`) + serde_yaml 0.9, the usual alternative.
#
# Both crates are generated in a temporary folder and fetch their dependencies from crates.io
# (nothing is vendored; `--offline` is used only when the local registry cache already holds
# everything). Each is built RUNS times (default 2) with `cargo build`, each time into a fresh
# CARGO_TARGET_DIR, alternating kvol and k8s-openapi so that load changes hit both alike. Prints
# every wall-clock and CPU time, the ratios kvol / k8s-openapi of the minima (target: wall
# clock at most 0.5), and the ratio of each run's pair with their median and worst. Needs
# /usr/bin/time (Debian package `time`).
#
# Usage: scripts/compile-cost.sh [RUNS]
# Set TIMINGS=1 to also keep a `cargo build --timings` report of the last build of each crate.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-2}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The repository's .cargo/config.toml picks k8s-openapi's version for kvol's own builds; the
# generated crates live outside it and must not inherit such a choice from the environment.
unset K8S_OPENAPI_ENABLED_VERSION CARGO_TARGET_DIR RUSTC_WRAPPER

mkdir -p "$tmp/with-kvol/src" "$tmp/with-k8s-openapi/src"

cat >"$tmp/with-kvol/Cargo.toml" <<EOF
[package]
name = "with-kvol"
version = "0.1.0"
edition = "2024"
publish = false

[dependencies]
kvol = { path = "$repo" }

[workspace]
EOF
cat >"$tmp/with-kvol/src/main.rs" <<'EOF'
//! The seed's StatefulSet `web` and its headless Service `nginx`, with kvol's macro.
fn main() {
    let web = kvol::statefulset! {
        name: web,
        service: nginx,
        labels: { app: nginx },
        replicas: 3,
        grace: 10s,
        container nginx {
            image: "registry.k8s.io/nginx-slim:0.8",
            port: web 80,
            mount: www => "/usr/share/nginx/html",
        },
        claim: www 1Gi RWO "standard",
    };
    print!("{}", web.to_yaml());
}
EOF

cat >"$tmp/with-k8s-openapi/Cargo.toml" <<'EOF'
[package]
name = "with-k8s-openapi"
version = "0.1.0"
edition = "2024"
publish = false

[dependencies]
k8s-openapi = { version = "0.29", features = ["latest"] }
serde = "1"
serde_yaml = "0.9"

[workspace]
EOF
cat >"$tmp/with-k8s-openapi/src/main.rs" <<'EOF'
//! The seed's StatefulSet `web` and its headless Service `nginx`, with k8s-openapi + serde_yaml.
use k8s_openapi::api::{apps::v1 as apps, core::v1 as core};
use k8s_openapi::apimachinery::pkg::{api::resource::Quantity, apis::meta::v1 as meta};
use serde::Serialize;
use std::collections::BTreeMap;

fn main() {
    let labels = BTreeMap::from([("app".to_owned(), "nginx".to_owned())]);
    let service = core::Service {
        metadata: meta::ObjectMeta {
            name: Some("nginx".into()),
            labels: Some(labels.clone()),
            ..Default::default()
        },
        spec: Some(core::ServiceSpec {
            cluster_ip: Some("None".into()),
            ports: Some(vec![core::ServicePort {
                name: Some("web".into()),
                port: 80,
                ..Default::default()
            }]),
            selector: Some(labels.clone()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let web = apps::StatefulSet {
        metadata: meta::ObjectMeta {
            name: Some("web".into()),
            ..Default::default()
        },
        spec: apps::StatefulSetSpec {
            replicas: Some(3),
            selector: meta::LabelSelector {
                match_labels: Some(labels.clone()),
                ..Default::default()
            },
            service_name: Some("nginx".into()),
            template: core::PodTemplateSpec {
                metadata: Some(meta::ObjectMeta {
                    labels: Some(labels),
                    ..Default::default()
                }),
                spec: Some(core::PodSpec {
                    termination_grace_period_seconds: Some(10),
                    containers: vec![core::Container {
                        name: "nginx".into(),
                        image: Some("registry.k8s.io/nginx-slim:0.8".into()),
                        ports: Some(vec![core::ContainerPort {
                            container_port: 80,
                            name: Some("web".into()),
                            ..Default::default()
                        }]),
                        volume_mounts: Some(vec![core::VolumeMount {
                            name: "www".into(),
                            mount_path: "/usr/share/nginx/html".into(),
                            ..Default::default()
                        }]),
                        ..Default::default()
                    }],
                    ..Default::default()
                }),
            },
            volume_claim_templates: Some(vec![core::PersistentVolumeClaim {
                metadata: meta::ObjectMeta {
                    name: Some("www".into()),
                    ..Default::default()
                },
                spec: Some(core::PersistentVolumeClaimSpec {
                    access_modes: Some(vec!["ReadWriteOnce".into()]),
                    storage_class_name: Some("standard".into()),
                    resources: Some(core::VolumeResourceRequirements {
                        requests: Some(BTreeMap::from([(
                            "storage".to_owned(),
                            Quantity("1Gi".into()),
                        )])),
                        ..Default::default()
                    }),
                    ..Default::default()
                }),
                ..Default::default()
            }]),
            ..Default::default()
        },
        ..Default::default()
    };
    let mut out = Vec::new();
    let mut ser = serde_yaml::Serializer::new(&mut out);
    service.serialize(&mut ser).unwrap();
    web.serialize(&mut ser).unwrap();
    drop(ser);
    print!("{}", String::from_utf8(out).unwrap());
}
EOF
# Resolve and download before the timed builds: offline when the local cache holds everything,
# else from crates.io.
offline=(--offline)
for crate in with-kvol with-k8s-openapi; do
    if ! (cd "$tmp/$crate" && cargo fetch --offline -q 2>/dev/null); then
        offline=()
        (cd "$tmp/$crate" && cargo fetch -q)
    fi
done

# One clean debug build of `crate` into a fresh target directory: prints "WALL CPU" seconds
# (CPU = user + system time of cargo and every compiler it ran, less sensitive to other load on
# the machine than the wall-clock time).
build() {
    local crate=$1 run=$2 extra=()
    if [[ ${TIMINGS:-0} == 1 && $run == "$runs" ]]; then extra=(--timings); fi
    local target="$tmp/target-$crate-$run"
    (cd "$tmp/$crate" && CARGO_TARGET_DIR=$target /usr/bin/time -o "$tmp/time" -f '%e %U %S' \
        cargo build -q "${offline[@]}" "${extra[@]}")
    if [[ ${#extra[@]} -gt 0 ]]; then
        mkdir -p "$repo/target/compile-cost"
        cp "$target"/cargo-timings/cargo-timing.html "$repo/target/compile-cost/$crate.html"
    fi
    # Check the program works (and prints the two documents) before trusting its time.
    "$target/debug/$crate" | grep -q '^kind: StatefulSet$'
    rm -rf "$target"
    awk '{ printf "%.1f %.1f", $1, $2 + $3 }' "$tmp/time"
}

declare -a kvol_wall k8s_wall kvol_cpu k8s_cpu
for run in $(seq 1 "$runs"); do
    read -r wall cpu <<<"$(build with-kvol "$run")"
    kvol_wall+=("$wall") kvol_cpu+=("$cpu")
    read -r wall cpu <<<"$(build with-k8s-openapi "$run")"
    k8s_wall+=("$wall") k8s_cpu+=("$cpu")
    echo "run $run: kvol ${kvol_wall[-1]} s (CPU ${kvol_cpu[-1]} s)," \
        "k8s-openapi ${k8s_wall[-1]} s (CPU ${k8s_cpu[-1]} s)"
done

min() { printf '%s\n' "$@" | sort -g | head -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "kvol (statefulset! macro): wall ${kvol_wall[*]} s, CPU ${kvol_cpu[*]} s"
echo "k8s-openapi + serde_yaml:  wall ${k8s_wall[*]} s, CPU ${k8s_cpu[*]} s"
echo "kvol / k8s-openapi, min wall: $(ratio "$(min "${kvol_wall[@]}")" "$(min "${k8s_wall[@]}")")" \
    "(target <= 0.50); min CPU: $(ratio "$(min "${kvol_cpu[@]}")" "$(min "${k8s_cpu[@]}")")"
# Each kvol build ran right before its k8s-openapi build, under about the same load: the ratio of
# each such pair, and their median and worst, say more than the minima on a noisy machine.
pairs() {
    local -n a=$1 b=$2
    for i in "${!a[@]}"; do ratio "${a[$i]}" "${b[$i]}"; echo; done
}
summary() {
    local sorted
    mapfile -t sorted < <(printf '%s\n' "$@" | sort -g)
    echo "${*} (median ${sorted[$(((${#sorted[@]} - 1) / 2))]}, worst ${sorted[-1]})"
}
mapfile -t wall_pairs < <(pairs kvol_wall k8s_wall)
mapfile -t cpu_pairs < <(pairs kvol_cpu k8s_cpu)
echo "kvol / k8s-openapi per run, wall: $(summary "${wall_pairs[@]}"); CPU: $(summary "${cpu_pairs[@]}")"
if [[ ${TIMINGS:-0} == 1 ]]; then echo "cargo --timings reports: $repo/target/compile-cost/"; fi

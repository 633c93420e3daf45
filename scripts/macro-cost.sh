#!/usr/bin/env bash
# What kvol's macros cost while editing: `cargo check` of a crate with N (default 500)
# `kvol::statefulset!` invocations, against the same N StatefulSets written with the builder API,
# after an edit of the file that holds them (the replicas of the first set, 3 <-> 4: the common
# edit-check loop; proc-macro expansion is never cached, so every check expands all N again).
#
# Both crates are generated in a temporary folder with a path dependency on this repository and
# checked once to warm up; then, RUNS times (default 5), alternating the two, the objects file is
# edited and `cargo check` timed. Prints the median of each and the difference, which is what the
# macros add (target: under 1 s for 500).
#
# Usage: scripts/macro-cost.sh [RUNS] [N]
# MACRO_COST_BUILDER_ONLY=1 times the builder crate alone (for a kvol without the macros).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
count=${2:-500}
builder_only=${MACRO_COST_BUILDER_ONLY:-0}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset CARGO_TARGET_DIR RUSTC_WRAPPER

# The StatefulSet `web-$i` of the seed's shape, as a macro invocation and with the builder. The
# replicas line of the first set carries the marker the edit looks for.
marker() { if [[ $1 == 0 ]]; then echo " // edit-me"; fi; }
macro_object() {
    cat <<EOF
pub fn web_$1() -> Valid<StatefulSet> {
    kvol::statefulset! {
        name: web-$1,
        service: nginx-$1,
        labels: { app: nginx-$1 },
        replicas: 3,$(marker "$1")
        grace: 10s,
        container nginx {
            image: "registry.k8s.io/nginx-slim:0.8",
            port: web 80,
            mount: www => "/usr/share/nginx/html",
        },
        claim: www 1Gi RWO "standard",
    }
}

EOF
}
builder_object() {
    cat <<EOF
pub fn web_$1() -> Valid<StatefulSet> {
    StatefulSet::builder("web-$1")
        .service_name("nginx-$1")
        .label("app", "nginx-$1")
        .replicas(3)$(marker "$1")
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
        .expect("valid")
}

EOF
}

# Generates crate `$1` whose objects come from function `$2`.
generate() {
    local crate=$1 object=$2 dir="$tmp/$1"
    mkdir -p "$dir/src"
    cat >"$dir/Cargo.toml" <<EOF
[package]
name = "$crate"
version = "0.1.0"
edition = "2024"
publish = false

[dependencies]
kvol = { path = "$repo" }

[workspace]
EOF
    {
        echo '#![allow(dead_code, unused_imports)]'
        echo 'use kvol::{AccessMode, Container, PvcTemplate, StatefulSet, Valid};'
        echo
        for i in $(seq 0 $((count - 1))); do "$object" "$i"; done
    } >"$dir/src/objects.rs"
    {
        echo 'mod objects;'
        echo 'fn main() {'
        echo '    let sets = ['
        for i in $(seq 0 $((count - 1))); do echo "        objects::web_$i(),"; done
        echo '    ];'
        echo '    println!("{}", sets.iter().map(|s| s.to_yaml().len()).sum::<usize>());'
        echo '}'
    } >"$dir/src/main.rs"
}

crates=(with-builder)
generate with-builder builder_object
if [[ $builder_only != 1 ]]; then
    crates=(with-macros with-builder)
    generate with-macros macro_object
fi

# Warm-up: dependencies built, first full check done.
for crate in "${crates[@]}"; do
    (cd "$tmp/$crate" && CARGO_TARGET_DIR="$tmp/target-$crate" cargo check -q)
done

# Seconds for `cargo check` after editing the objects file of `crate` (replicas 3 <-> 4).
check() {
    local crate=$1 start end
    sed -i '/edit-me/ y/34/43/' "$tmp/$crate/src/objects.rs"
    start=$(date +%s.%N)
    (cd "$tmp/$crate" && CARGO_TARGET_DIR="$tmp/target-$crate" cargo check -q)
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}

declare -A times
for run in $(seq 1 "$runs"); do
    line="run $run:"
    for crate in "${crates[@]}"; do
        t=$(check "$crate")
        times[$crate]+="$t "
        line+=" $crate $t s"
    done
    echo "$line"
done

# Median of a space-separated list of numbers.
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for crate in "${crates[@]}"; do
    echo "$crate: ${times[$crate]}s (median $(median "${times[$crate]}") s) for $count StatefulSets"
done
if [[ $builder_only != 1 ]]; then
    awk -v m="$(median "${times[with-macros]}")" -v b="$(median "${times[with-builder]}")" -v n="$count" \
        'BEGIN { printf "the macros add %.2f s per check for %d invocations (ratio %.2f; target < 1 s)\n", m - b, n, m / b }'
fi

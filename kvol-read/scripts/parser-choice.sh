#!/bin/sh
# The measurements behind kvol-read's parser choice (kvol-read/src/lib.rs, BENCHMARKS.md
# "YAML reader: parser choice"):
#
#   kvol-read/scripts/parser-choice.sh STREAM.yaml [RUNS]
#
# For each candidate parser, a tiny crate in a temporary folder that reads STREAM.yaml
# (best of 5 passes): clean debug build time of the crate and its dependencies (in a fresh
# target folder, RUNS times), the number of dependency crates, and release throughput
# (events, or documents into a value for serde_yaml). Then the same for kvol-read itself:
# `cargo build -p kvol-read` from clean, and its yaml2json example over STREAM.yaml.
#
# A large stream: cargo run --release --example gen_corpus -- --out /tmp/c --sets 1300 --seed 1
# then: for f in /tmp/c/set-*.yaml; do cat "$f"; printf -- '---\n'; done > /tmp/big.yaml
set -eu
stream=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
runs=${2:-3}
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mk() { # name dependency-line main.rs-body
    mkdir -p "$work/$1/src"
    printf '[package]\nname = "%s"\nversion = "0.1.0"\nedition = "2024"\n[dependencies]\n%s\n' "$1" "$2" > "$work/$1/Cargo.toml"
    cat > "$work/$1/src/main.rs"
}

mk saphyr 'saphyr-parser = "=0.0.6"' <<'EOF'
fn main() {
    let s = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let (mut best, mut n) = (f64::MAX, 0);
    for _ in 0..5 {
        let t = std::time::Instant::now();
        n = 0;
        for ev in saphyr_parser::Parser::new_from_str(&s) { ev.unwrap(); n += 1; }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("{n} events in {:.0} ms: {:.1} MB/s", best * 1e3, s.len() as f64 / best / 1e6);
}
EOF
yr2_main='fn main() {
    use yaml_rust2::parser::{Event, Parser};
    let s = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let (mut best, mut n) = (f64::MAX, 0);
    for _ in 0..5 {
        let t = std::time::Instant::now();
        n = 0;
        let mut p = Parser::new_from_str(&s);
        loop { let (ev, _) = p.next_token().unwrap(); n += 1; if ev == Event::StreamEnd { break } }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("{n} events in {:.0} ms: {:.1} MB/s", best * 1e3, s.len() as f64 / best / 1e6);
}'
echo "$yr2_main" | mk yaml-rust2 'yaml-rust2 = "=0.10.4"'
echo "$yr2_main" | mk yaml-rust2-nodefault 'yaml-rust2 = { version = "=0.10.4", default-features = false }'
mk serde_yaml 'serde_yaml = "=0.9.34"
serde = "1"' <<'EOF'
use serde::Deserialize;
fn main() {
    let s = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let (mut best, mut n) = (f64::MAX, 0);
    for _ in 0..5 {
        let t = std::time::Instant::now();
        n = 0;
        for doc in serde_yaml::Deserializer::from_str(&s) { let _v = serde_yaml::Value::deserialize(doc).unwrap(); n += 1; }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("{n} documents into serde_yaml::Value in {:.0} ms: {:.1} MB/s", best * 1e3, s.len() as f64 / best / 1e6);
}
EOF

now() { date +%s.%N; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for c in saphyr yaml-rust2 yaml-rust2-nodefault serde_yaml; do
    cd "$work/$c"
    cargo generate-lockfile -q
    times=""
    i=0
    while [ $i -lt "$runs" ]; do
        rm -rf t; s=$(now); CARGO_TARGET_DIR=t cargo build -q; e=$(now)
        times="$times $(echo "$e - $s" | bc | cut -c1-5)"
        i=$((i + 1))
    done
    deps=$(cargo tree -q -e normal --prefix none | sort -u | grep -vc "^$c ")
    CARGO_TARGET_DIR=t cargo build -q --release
    echo "$c: clean debug build (s):$times; $deps dependency crates; $(./t/release/$c "$stream")"
done

cd "$repo"
times=""
i=0
while [ $i -lt "$runs" ]; do
    rm -rf "$work/kr"; s=$(now); CARGO_TARGET_DIR="$work/kr" cargo build -q -p kvol-read; e=$(now)
    times="$times $(echo "$e - $s" | bc | cut -c1-5)"
    i=$((i + 1))
done
CARGO_TARGET_DIR="$work/kr" cargo build -q --release -p kvol-read --example yaml2json
best=""
for _ in 1 2 3 4 5; do
    line=$("$work/kr/release/examples/yaml2json" --count < "$stream")
    echo "  kvol-read pass: $line"
done
echo "kvol-read: cargo build -p kvol-read from clean (s):$times"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

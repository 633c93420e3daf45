#!/usr/bin/env bash
# `kvol check` side by side with kubernetes-validate (schema only) and checkov's Kubernetes
# framework on the same corpus, in one run; and kvol's peak memory per object on 1,000 and
# 10,000 documents (BENCHMARKS.md, section 7).
#
#   scripts/check-speed.sh [DOCUMENTS]      # default 10000 (the corpus has 8 documents a set)
#
# Installs kubernetes-validate==1.37.0 and checkov into a venv under ~/.cache/kvol-bench (PyPI)
# if they are missing. Prints one line per tool: wall time, documents per second, and the ratio
# of kvol's throughput to it. Needs GNU time (/usr/bin/time) for the memory figures.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

docs=${1:-10000}
sets=$(( (docs + 7) / 8 ))
venv=${KVOL_BENCH_VENV:-$HOME/.cache/kvol-bench/venv}
if [[ ! -x $venv/bin/checkov || ! -x $venv/bin/kubernetes-validate ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q kubernetes-validate==1.37.0 checkov
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build -q --release -p kvol-cli
cargo run -q --release --example gen_corpus -- --out "$work/gen" --sets "$sets" --seed 1 >/dev/null
mkdir -p "$work/corpus"
mv "$work"/gen/*.yaml "$work/corpus/"
count=$(cat "$work"/corpus/*.yaml | grep -c '^kind:' || true)
echo "corpus: $count documents in $sets files ($(du -sh "$work/corpus" | cut -f1))"

kvol=target/release/kvol
# seconds CMD...: wall-clock seconds of CMD (its output discarded, its status ignored).
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'
}
rate() { awk -v n="$count" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }

t_kvol=$(seconds "$kvol" check --per-object --format json "$work/corpus")
t_set=$(seconds "$kvol" check --format json "$work/corpus")
t_kv=$(seconds "$venv/bin/kubernetes-validate" --strict --quiet -k 1.34.0 "$work"/corpus/*.yaml)
t_ck=$(seconds "$venv/bin/checkov" -d "$work/corpus" --framework kubernetes --quiet --compact -o json)

printf '%-44s %8s s %10s docs/s\n' "kvol check --per-object" "$t_kvol" "$(rate "$t_kvol")"
printf '%-44s %8s s %10s docs/s\n' "kvol check (all documents as one set)" "$t_set" "$(rate "$t_set")"
for row in "kubernetes-validate --strict:$t_kv" "checkov --framework kubernetes:$t_ck"; do
  name=${row%%:*}
  t=${row##*:}
  ratio=$(awk -v a="$t" -v b="$t_kvol" 'BEGIN { printf "%.0f", a / b }')
  printf '%-44s %8s s %10s docs/s   kvol per object is %s× faster\n' "$name" "$t" "$(rate "$t")" "$ratio"
done

# Peak memory of --per-object: one stream of N documents (a single file, read as one input),
# and the same documents as N/8 files.
if [[ -x /usr/bin/time ]]; then
  all=("$work"/corpus/*.yaml)
  for n in 1000 10000; do
    files=("${all[@]:0:$((n / 8))}")
    for f in "${files[@]}"; do cat "$f"; echo ---; done > "$work/stream-$n.yaml"
    kb=$( { /usr/bin/time -f '%M' "$kvol" check --per-object --format json "$work/stream-$n.yaml" >/dev/null; } 2>&1 | tail -n 1)
    kb_dir=$( { /usr/bin/time -f '%M' "$kvol" check --per-object --format json "${files[@]}" >/dev/null; } 2>&1 | tail -n 1)
    echo "peak RSS, --per-object, $n documents: one $(du -h "$work/stream-$n.yaml" | cut -f1) stream $((kb / 1024)) MB; ${#files[@]} files $((kb_dir / 1024)) MB"
  done
fi

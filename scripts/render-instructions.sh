#!/usr/bin/env bash
# Instruction counts of the render benchmark (kvol-bench/benches/render.rs) under callgrind: a figure that,
# unlike wall-clock time, does not move with the load of a shared machine.
#
# For each variant the bench binary runs it ITERATIONS times and 0 times (setup only); the
# difference divided by the objects written is the cost per object. Prints Ir/object per variant
# and the k8s-openapi / kvol ratios.
#
# Usage: scripts/render-instructions.sh [ITERATIONS]   (default 10; needs valgrind)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

iterations=${1:-10}
objects_per_iteration=200 # PAIRS (100) StatefulSets + their Services, see kvol-bench/benches/render.rs

command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 1; }
bin=$(cargo bench -p kvol-bench --bench render --no-run 2>&1 | sed -n 's/.*Executable .*(\(.*\))$/\1/p')
[[ -x $bin ]] || { echo "could not find the bench binary" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Instructions executed by the bench binary running `variant` `n` times.
instructions() {
    local variant=$1 n=$2
    KVOL_RENDER_VARIANT=$variant KVOL_RENDER_ITERATIONS=$n \
        valgrind --tool=callgrind --callgrind-out-file="$tmp/out" "$bin" 2>"$tmp/log" >/dev/null
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/log"
}

declare -A per_object
for variant in kvol/build+validate+render k8s-openapi/build+render kvol/render k8s-openapi/render; do
    base=$(instructions "$variant" 0)
    total=$(instructions "$variant" "$iterations")
    per_object[$variant]=$(( (total - base) / (iterations * objects_per_iteration) ))
    printf '%-28s %9d Ir/object\n' "$variant" "${per_object[$variant]}"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "k8s-openapi / kvol, build+render: $(ratio "${per_object[k8s-openapi/build+render]}" "${per_object[kvol/build+validate+render]}")x"
echo "k8s-openapi / kvol, render only:  $(ratio "${per_object[k8s-openapi/render]}" "${per_object[kvol/render]}")x"

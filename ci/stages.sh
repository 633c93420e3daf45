#!/usr/bin/env bash
# kvol's independent-checker CI stages.
#
#   ci/stages.sh setup            apt packages + Go decoder build + Python venv (idempotent)
#   ci/stages.sh check DIR...     check every *.yaml under DIR... (ci/check_manifests.py;
#                                 CHECK_ARGS, e.g. "--k8s 1.30,1.37", is passed on)
#   ci/stages.sh selftest         prove the checker works (ci/selftest.sh)
#   ci/stages.sh bench [DOCS]     time `check` on about DOCS documents (default 20000): copies
#                                 of ci/selftest/good
#
# Everything lands in ${KVOL_CACHE:-$HOME/.cache/kvol}. Each stage prints what it runs and how
# long it took; the exit status is the stage's.
set -euo pipefail

ci="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

say() { echo "stages.sh: $*" >&2; }

# timed NAME CMD...: runs CMD, then reports its duration and status.
timed() {
  local name=$1 start rc=0
  shift
  say "$name: $*"
  start=$(date +%s.%N)
  "$@" || rc=$?
  say "$name: $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s, exit $rc"
  return $rc
}

setup() {
  timed decoder "$ci/decoder/build.sh" >/dev/null
  timed venv "$ci/setup-venv.sh" >/dev/null
}

check() {
  [ $# -gt 0 ] || { say "usage: stages.sh check DIR..."; return 2; }
  # shellcheck disable=SC2086 # CHECK_ARGS is a list of options
  timed check "$ci/check_manifests.py" ${CHECK_ARGS:-} "$@"
}

selftest() {
  timed selftest "$ci/selftest.sh"
}

bench() {
  local want=${1:-20000} per copies dir rc=0
  dir="$(mktemp -d)"
  per=$("${KVOL_CACHE:-$HOME/.cache/kvol}/bin/k8s-yaml2json" "$ci"/selftest/good/*.yaml | wc -l)
  copies=$(( (want + per - 1) / per ))
  say "bench: $copies copies of ci/selftest/good ($per documents each) in $dir"
  python3 -c 'import shutil, sys
for i in range(int(sys.argv[3])):
    shutil.copytree(sys.argv[1], "%s/%d" % (sys.argv[2], i))' "$ci/selftest/good" "$dir" "$copies"
  check "$dir" | tail -n 1 || rc=$?
  rm -rf "$dir"
  return $rc
}

case "${1:-}" in
  setup | selftest) "$1" ;;
  check | bench) cmd=$1; shift; "$cmd" "$@" ;;
  *) sed -n '2,12s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
esac

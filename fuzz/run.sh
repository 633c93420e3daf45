#!/usr/bin/env bash
# Bounded fuzzing of kvol: every fuzz target for SECONDS (default 60) each.
#
#   fuzz/run.sh [SECONDS]
#
# With a nightly toolchain: installs cargo-fuzz if it is missing (`cargo install cargo-fuzz
# --locked`, a few minutes), builds the targets once, copies the committed seeds
# (fuzz/seeds/<target>/) into the working corpus (fuzz/corpus/<target>/, not committed), and
# runs `cargo +nightly fuzz run <target> -- -max_total_time=SECONDS -rss_limit_mb=2048`.
# Without nightly: says so, and runs the same checks as a time-bounded proptest run on stable
# instead (fuzz/tests/replay.rs, KVOL_FUZZ_SECONDS) — random and mutated-seed inputs, no
# coverage guidance.
#
# Targets: quantity, names, yaml_roundtrip, dsl (kvol-dsl, the macros' engine) and check
# (`kvol check`'s engine: the YAML reader, model decoding, rules and reports).
#
# Environment: FUZZ_SANITIZER (default none: kvol forbids unsafe code, and AddressSanitizer
# makes runs about ten times slower; `address` to use it), FUZZ_TARGETS (a space-separated
# subset of the targets), FUZZ_FALLBACK=1 (take the no-nightly path even with nightly, to
# test it).
#
# Prints executions and time per target. Exits non-zero when a target crashes (the input is
# saved under fuzz/artifacts/<target>/; `cargo +nightly fuzz run <target> <file>` replays it)
# or when a build fails. Logs: fuzz/artifacts/logs/<target>.log.
set -euo pipefail

fuzz="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$fuzz")"
cd "$root"

seconds=${1:-60}
if ! [[ $seconds =~ ^[1-9][0-9]*$ ]]; then
  sed -n '2,24s/^# \{0,1\}//p' "$fuzz/run.sh" >&2
  exit 2
fi
sanitizer=${FUZZ_SANITIZER:-none}

say() { echo "run.sh: $*"; }

# elapsed START: seconds since START (from `date +%s.%N`), one decimal.
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

# The targets, and the features they need.
features=()
all_targets="quantity names yaml_roundtrip dsl check"
read -r -a targets <<<"${FUZZ_TARGETS:-$all_targets}"
for t in "${targets[@]}"; do
  if [[ " $all_targets " != *" $t "* ]]; then
    say "unknown or unavailable target '$t' (available: $all_targets)"
    exit 2
  fi
done

# ----------------------------------------------------------------------------------------------
# No nightly: the same checks as a bounded proptest run on the stable toolchain.
if [ "${FUZZ_FALLBACK:-0}" = 1 ] || ! rustup toolchain list 2>/dev/null | grep -q '^nightly' ||
  ! cargo +nightly --version >/dev/null 2>&1; then
  if [ "${FUZZ_FALLBACK:-0}" = 1 ]; then
    say "FUZZ_FALLBACK=1: taking the no-nightly path, so this is NOT a fuzzing run."
  else
    say "NO NIGHTLY TOOLCHAIN: libFuzzer needs nightly, so this is NOT a fuzzing run."
  fi
  say "Falling back to a time-bounded proptest run of the same checks (fuzz/tests/replay.rs):"
  say "random and mutated-seed inputs for ${seconds}s per target, without coverage guidance."
  log="$(mktemp)"
  rc=0
  start=$(date +%s.%N)
  filters=()
  for t in "${targets[@]}"; do filters+=("seeds_$t" "random_$t"); done
  # Not --locked, like cargo fuzz: a new kvol-core dependency only adds to fuzz/Cargo.lock.
  KVOL_FUZZ_SECONDS=$seconds cargo test --release --manifest-path fuzz/Cargo.toml \
    --no-default-features "${features[@]}" --test replay -- --exact "${filters[@]}" \
    --test-threads=1 --nocapture >"$log" 2>&1 || rc=$?
  echo
  say "summary (proptest fallback, no nightly):"
  grep -oE '(seeds|random) [a-z_]+: .*' "$log" | sed 's/^/  /' || true
  if [ $rc -ne 0 ]; then
    tail -n 60 "$log"
    say "FAILED (exit $rc) after $(elapsed "$start") s; full log: $log"
    exit 1
  fi
  say "no failure in $(elapsed "$start") s"
  rm -f "$log"
  exit 0
fi

# ----------------------------------------------------------------------------------------------
# libFuzzer through cargo-fuzz.
if ! cargo fuzz --version >/dev/null 2>&1; then
  say "cargo-fuzz is missing: cargo install cargo-fuzz --locked"
  start=$(date +%s.%N)
  cargo install cargo-fuzz --locked
  say "cargo-fuzz installed in $(elapsed "$start") s"
fi
say "$(cargo +nightly --version); $(cargo fuzz --version); sanitizer: $sanitizer"

# Same flags for build and run, so that `fuzz run` does not rebuild.
fuzz_flags=(--sanitizer "$sanitizer" "${features[@]}")

start=$(date +%s.%N)
say "building: cargo +nightly fuzz build ${fuzz_flags[*]}"
if ! cargo +nightly fuzz build "${fuzz_flags[@]}"; then
  say "BUILD FAILED"
  exit 1
fi
say "built in $(elapsed "$start") s"

mkdir -p fuzz/artifacts/logs
summary=()
failed=0
for t in "${targets[@]}"; do
  # Seeds into the working corpus (existing corpus files are kept).
  mkdir -p "fuzz/corpus/$t"
  cp -n "fuzz/seeds/$t"/* "fuzz/corpus/$t/" 2>/dev/null || true
  log="fuzz/artifacts/logs/$t.log"
  say "$t: ${seconds}s, corpus fuzz/corpus/$t ($(find "fuzz/corpus/$t" -type f | wc -l) inputs)"
  start=$(date +%s.%N)
  rc=0
  cargo +nightly fuzz run "${fuzz_flags[@]}" "$t" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 \
    >"$log" 2>&1 || rc=$?
  took=$(elapsed "$start")
  # libFuzzer's final statistics; the last `#N` status line if it died before printing them.
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  [ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
  execs=${execs:-0}
  rate=$(awk -v n="$execs" -v s="$took" 'BEGIN { printf "%d", (s > 0 ? n / s : 0) }')
  if [ $rc -eq 0 ]; then
    summary+=("$(printf '%-15s %12s executions  %7s s  %8s/s  ok' "$t" "$execs" "$took" "$rate")")
  else
    failed=1
    summary+=("$(printf '%-15s %12s executions  %7s s  %8s/s  CRASH (exit %d)' \
      "$t" "$execs" "$took" "$rate" "$rc")")
    # The panic message and the saved input (the full output is in the log).
    echo "---- $t crashed (exit $rc); from $log:"
    grep -m 1 -A 12 -E 'panicked at|ERROR: libFuzzer|==[0-9]+==ERROR' "$log" || tail -n 30 "$log"
    grep -h -A 2 -E 'Test unit written to|Reproduce with' "$log" || true
  fi
done

echo
say "summary (libFuzzer, ${seconds}s per target, sanitizer $sanitizer):"
printf '  %s\n' "${summary[@]}"
if [ $failed -ne 0 ]; then
  say "CRASH: see the logs in fuzz/artifacts/logs/ and the inputs in fuzz/artifacts/<target>/"
  exit 1
fi

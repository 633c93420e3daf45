#!/usr/bin/env bash
# Proves kvol's CI checker works (run `ci/stages.sh setup` first):
#   - k8s-yaml2json splits and decodes streams as Kubernetes does (separators, CRLF, JSON guess);
#   - the Quantity pattern agrees with apimachinery's ParseQuantity vectors (selftest/quantity.tsv);
#   - every selftest/good file passes all checks;
#   - every selftest/bad file, checked alone, fails with exactly the FAIL lines its '# expect: REGEX'
#     headers describe: each regex matches some FAIL line and each FAIL line matches some regex;
#   - the cached validators give kubernetes_validate.validate's verdict on every document (--crosscheck);
#   - usage errors exit 2.
# Ends with 'N passed, M failed'; exit 1 if anything failed.
set -uo pipefail
ci="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${KVOL_CACHE:-$HOME/.cache/kvol}"
decoder="$cache/bin/k8s-yaml2json"
check="$ci/check_manifests.py"
st="$ci/selftest"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok()  { pass=$((pass + 1)); echo "PASS $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

# --- the decoder: stdin -> expected stdout and exit status ------------------------------------
decodes() {  # name input expected_stdout expected_status
  local out rc
  out="$(printf '%b' "$2" | "$decoder" 2>"$tmp/err")"; rc=$?
  if [ "$out" = "$(printf '%b' "$3")" ] && [ "$rc" -eq "$4" ]; then ok "decoder: $1"
  else bad "decoder: $1: exit $rc, got '$out' $(cat "$tmp/err")"; fi
}
decodes "two documents, '# comment' after ---" 'a: 1\n--- # c\nb: y\n' '{"a":1}\n{"b":true}' 0
decodes "leading --- and empty documents skipped" '---\n---\n# only\n---\na: 0644\n' '{"a":420}' 0
decodes "CRLF line ends" 'a: 1\r\n---\r\nb: "x"\r\n' '{"a":1}\n{"b":"x"}' 0
decodes "no final newline" 'a: 1\n---\nb: 2' '{"a":1}\n{"b":2}' 0
decodes "'--- !!map' rejected before any document" 'a: 1\n--- !!map\nb: 2\n' '' 1
decodes "'----' rejected" 'a: 1\n----\n' '' 1
decodes "a stream starting with '{' is JSON to kubectl" '  {"a": 1}\n' '' 1
decodes "unquoted dates stay strings, 1e3 is a number" 'd: 2024-01-02\ne: 1e3\n' '{"d":"2024-01-02","e":1000}' 0
printf 'a: 1\n---\nb: [\n' > "$tmp/broken.yaml"
out="$("$decoder" "$st/good/06-statefulset-web.yaml" "$tmp/broken.yaml" | cut -c1-60)"
want="$(printf '%s\t1\t{"apiVersion":"v1","kind":"Service","metadata":{' "$st/good/06-statefulset-web.yaml" | cut -c1-60)"
if [ "$(head -1 <<<"$out")" = "$want" ] && [ "$(wc -l <<<"$out")" -eq 4 ] &&
   grep -q "^$tmp/broken.yaml	2	!" <<<"$out"; then ok "decoder: file mode (PATH, N, JSON or !ERROR)"
else bad "decoder: file mode: $out"; fi

# --- the Quantity pattern against apimachinery's vectors ---------------------------------------
# quantity.tsv: input<TAB>canonical form, or ERROR when ParseQuantity fails; \t \n \\ escaped.
if out="$("$cache/venv/bin/python" - "$ci" "$st/quantity.tsv" 2>&1 <<'PY'
import re, sys
sys.path.insert(0, sys.argv[1])
from check_manifests import QUANTITY_RE
rows = wrong = 0
for line in open(sys.argv[2], encoding="utf-8"):
    if line.startswith("#") or line.startswith("input\t"):
        continue
    text, canonical = line.rstrip("\n").split("\t")
    text = "" if text == "<empty>" else re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n"}.get(m[1], m[1]), text)
    rows += 1
    if bool(re.search(QUANTITY_RE, text)) != (canonical != "ERROR"):
        wrong += 1
        print("disagrees on %r (ParseQuantity: %s)" % (text, canonical))
print("%d ParseQuantity vectors, %d disagreements" % (rows, wrong))
sys.exit(1 if wrong else 0)
PY
)"; then ok "quantity pattern: $out"
else bad "quantity pattern: $out"; fi

# --- good files pass ------------------------------------------------------------------------------
if out="$("$check" "$st/good" 2>&1)"; then ok "selftest/good passes ($(tail -1 <<<"$out"))"
else bad "selftest/good"; grep '^FAIL' <<<"$out"; fi

# --- each bad file fails with exactly its expected FAIL lines ------------------------------------
for f in "$st"/bad/*.yaml; do
  name="$(basename "$f")"
  rm -rf "$tmp/case" && mkdir "$tmp/case" && cp "$f" "$tmp/case/" && { cp "$f.json" "$tmp/case/" 2>/dev/null || true; }
  out="$("$check" "$tmp/case" 2>&1)"; rc=$?
  fails="$(grep '^FAIL' <<<"$out")"
  mapfile -t pats < <(sed -n 's/^# expect: //p' "$f")
  problems=()
  [ "$rc" -eq 1 ] || problems+=("exit $rc, wanted 1")
  [ ${#pats[@]} -gt 0 ] || problems+=("no '# expect:' header")
  for p in "${pats[@]}"; do grep -Eq -- "^$p" <<<"$fails" || problems+=("no FAIL line matches: $p"); done
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    matched=0
    for p in "${pats[@]}"; do grep -Eq -- "^$p" <<<"$line" && { matched=1; break; }; done
    [ $matched -eq 1 ] || problems+=("unexpected: $line")
  done <<<"$fails"
  if [ ${#problems[@]} -eq 0 ]; then ok "bad/$name fails as expected ($(tail -1 <<<"$out"))"
  else bad "bad/$name"; printf '     %s\n' "${problems[@]}"; fi
done

# --- the cached validators agree with kubernetes_validate.validate -------------------------------
out="$("$check" --crosscheck "$st/good" "$st/bad" 2>&1)"
n="$(grep -c '^FAIL schema@' <<<"$out")"
if ! grep -q '^FAIL crosscheck@' <<<"$out" && [ "$n" -gt 0 ]; then
  ok "--crosscheck: kubernetes_validate.validate gives the same verdicts ($n schema failures among them)"
else bad "--crosscheck"; grep '^FAIL crosscheck@' <<<"$out"; fi

# --- usage errors -----------------------------------------------------------------------------------
mkdir "$tmp/empty"
usage_error() {  # description args...
  local what=$1 rc
  shift
  "$check" "$@" >/dev/null 2>&1; rc=$?
  if [ $rc -eq 2 ]; then ok "$what is a usage error (exit 2)"; else bad "$what: exit $rc, wanted 2"; fi
}
usage_error "an uncovered Kubernetes version" --k8s 1.24 "$st/good"
usage_error "a directory without *.yaml" "$tmp/empty"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/bin/sh
# Regenerates the expectations of kvol-read's corpus test (tests/corpus.rs) with Kubernetes'
# own YAML reader: the k8syaml2json program of shared/tools (sigs.k8s.io/yaml and go-yaml v2
# from Debian packages, kubectl's document splitting), run as
#
#     k8syaml2json -strict -skip-null < FILE
#
# (strict: duplicate keys are errors, as with kubectl's default strict field validation;
# skip-null: documents that decode to null are dropped, as kubectl does).
#
# For each corpus/NAME.yaml it writes corpus/NAME.expect: one JSON line per document, then,
# if Kubernetes refused the stream, a last line "ERROR: <message>" (the program stops at the
# first refused document). shared.expect holds the same for every file of
# shared/realworld/docs and shared/reference, each introduced by a line "== <path>".
#
#   kvol-read/tests/data/regen.sh      # builds the program first if needed
set -eu
here=$(cd "$(dirname "$0")" && pwd)
shared="$here/../../../../shared"
bin="${K8SYAML_OUT:-$HOME/.cache/k8syaml2json}/bin/k8syaml2json"
[ -x "$bin" ] || "$shared/tools/k8syaml2json/build.sh"

# expect FILE: the expectation lines of one input on stdout.
expect() {
    if "$bin" -strict -skip-null < "$1" 2> "$here/.stderr"; then
        :
    else
        printf 'ERROR: %s\n' "$(tr '\n' ' ' < "$here/.stderr" | sed 's/ *$//')"
    fi
    rm -f "$here/.stderr"
}

for f in "$here"/corpus/*.yaml; do
    expect "$f" > "${f%.yaml}.expect"
done

out="$here/shared.expect"
: > "$out"
if [ -d "$shared/realworld/docs" ]; then
    for f in "$shared"/realworld/docs/*.yaml "$shared"/reference/*.yaml; do
        rel=${f#"$shared"/}
        printf '== %s\n' "$rel" >> "$out"
        expect "$f" >> "$out"
    done
fi
echo "regenerated $(ls "$here"/corpus/*.expect | wc -l) corpus expectations and shared.expect" >&2

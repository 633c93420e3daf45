#!/usr/bin/env bash
# Creates the Python venv of ci/check_manifests.py at ${KVOL_CACHE:-$HOME/.cache/kvol}/venv
# with the pinned packages of ci/requirements.txt.
#
#   ci/setup-venv.sh      prints the venv's python on stdout
#
# Idempotent: pip runs only when ci/requirements.txt changed since the last successful run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${KVOL_CACHE:-$HOME/.cache/kvol}/venv"
req="$here/requirements.txt"
py="$venv/bin/python"

if [ ! -x "$py" ]; then
  echo "setup-venv.sh: creating $venv" >&2
  mkdir -p "$(dirname "$venv")"
  "${PYTHON:-python3}" -m venv "$venv"
fi
stamp="$(sha256sum "$req" | cut -d' ' -f1)"
if [ "$(cat "$venv/.kvol-requirements" 2>/dev/null)" != "$stamp" ]; then
  echo "setup-venv.sh: pip install -r $req" >&2
  "$py" -m pip install --disable-pip-version-check -q -r "$req" >&2
  echo "$stamp" > "$venv/.kvol-requirements"
fi
"$py" - >&2 <<'PY'
from importlib.metadata import version
print("setup-venv.sh: venv ready: " + ", ".join(
    "%s %s" % (p, version(p)) for p in ("PyYAML", "ruamel.yaml", "kubernetes-validate", "jsonschema")))
PY
echo "$py"

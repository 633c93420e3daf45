#!/usr/bin/env bash
# Builds k8s-yaml2json (main.go beside this script) from Debian packages only:
# Go and sigs.k8s.io/yaml (with go-yaml v2) come from apt, the build runs in
# GOPATH mode against /usr/share/gocode, so nothing is downloaded by Go.
#
#   ci/decoder/build.sh      prints the binary's path on stdout
#
# Idempotent: apt-get runs only when a package is missing (with one
# `apt-get update` first), and the binary is rebuilt only when main.go or the
# packages changed. Output: ${KVOL_CACHE:-$HOME/.cache/kvol}/bin/k8s-yaml2json.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${KVOL_CACHE:-$HOME/.cache/kvol}"
bin="$cache/bin/k8s-yaml2json"
pkgs=(golang-go golang-k8s-sigs-yaml-dev golang-gopkg-yaml.v2-dev)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for p in "${pkgs[@]}"; do installed "$p" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  mkdir -p "$cache"
  log="$cache/apt.log"
  echo "build.sh: apt-get install ${missing[*]} (log: $log)" >&2
  if ! { "${sudo[@]}" apt-get update &&
         DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"; } \
       >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    exit 1
  fi
fi

# The build's identity: the source and the exact package versions.
stamp="$( { sha256sum "$here/main.go"; dpkg-query -W "${pkgs[@]}"; } | sha256sum | cut -d' ' -f1)"
if [ -x "$bin" ] && [ "$(cat "$bin.stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "build.sh: $bin is up to date" >&2
else
  mkdir -p "$cache/bin" "$cache/gocache"
  # Build in a copy: GOPATH mode wants a directory that is not inside a module.
  src="$(mktemp -d)"
  trap 'rm -rf "$src"' EXIT
  cp "$here/main.go" "$src/"
  (cd "$src" && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$cache/gocache" \
     GOFLAGS='' GOPROXY=off CGO_ENABLED=0 go build -trimpath -o "$bin.tmp" .)
  mv "$bin.tmp" "$bin"
  echo "$stamp" > "$bin.stamp"
  echo "build.sh: built $bin ($(go version | cut -d' ' -f3), sigs.k8s.io/yaml" \
       "$(dpkg-query -W -f='${Version}' golang-k8s-sigs-yaml-dev), go-yaml v2" \
       "$(dpkg-query -W -f='${Version}' golang-gopkg-yaml.v2-dev))" >&2
fi
echo "$bin"

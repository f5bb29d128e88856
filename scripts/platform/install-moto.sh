#!/usr/bin/env bash
# Installs moto's DynamoDB-compatible server (PyPI `moto[server]`, pinned in versions.env) into a
# Python venv under the cache:  ${XDG_CACHE_HOME:-$HOME/.cache}/vela-tables/moto-<ver>/
# Idempotent: an existing venv whose moto reports the pinned version is kept.
# Usage: scripts/platform/install-moto.sh [--force]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"

die() { echo "install-moto: ERROR: $*" >&2; exit 1; }
log() { echo "install-moto: $*"; }

[[ -n "${MOTO_VERSION:-}" ]] || die "MOTO_VERSION missing in $here/versions.env"
force=0
[[ "${1:-}" == "--force" ]] && force=1

cache="${XDG_CACHE_HOME:-$HOME/.cache}/vela-tables"
venv="$cache/moto-$MOTO_VERSION"
py="${PYTHON:-python3}"
command -v "$py" >/dev/null 2>&1 || die "$py not found (Python >= 3.9 with the venv module is needed)"

installed_ok() {
  [[ -x "$venv/bin/python" ]] &&
    [[ "$("$venv/bin/python" -c 'import moto, werkzeug; print(moto.__version__)' 2>/dev/null)" == "$MOTO_VERSION" ]]
}

if [[ $force -eq 0 ]] && installed_ok; then
  log "moto $MOTO_VERSION already installed in $venv (skip)"
  exit 0
fi

start=$(date +%s.%N)
rm -rf "$venv"
log "creating venv in $venv"
trap 'rm -rf "$venv"' ERR   # never leave a half-installed venv behind
"$py" -m venv "$venv" || die "python3 -m venv failed (on Debian: apt-get install python3-venv)"
"$venv/bin/pip" install --disable-pip-version-check --quiet "moto[server]==$MOTO_VERSION" ||
  { rm -rf "$venv"; die "pip install moto[server]==$MOTO_VERSION failed"; }
trap - ERR
installed_ok || die "moto in $venv does not report version $MOTO_VERSION"
log "moto $MOTO_VERSION installed in $venv in $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f s", b-a}')"

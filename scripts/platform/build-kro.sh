#!/usr/bin/env bash
# Build the KRO controller from Go modules into the project's cache:
# ${XDG_CACHE_HOME:-$HOME/.cache}/vela-tables/bin/kro-<version>/controller (static, stripped).
# Idempotent: prints the directory and exits 0 when the binary already carries the version.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions-vela.env
. "$here/versions-vela.env"

cache="${XDG_CACHE_HOME:-$HOME/.cache}/vela-tables"
bin_dir="$cache/bin/kro-$KRO_VERSION"

die() { echo "build-kro: ERROR: $*" >&2; exit 1; }
command -v go >/dev/null || die "go is not on PATH"

is_built() {
  [ -x "$bin_dir/controller" ] \
    && go version -m "$bin_dir/controller" 2>/dev/null | grep -q "mod[[:space:]]*github.com/kubernetes-sigs/kro[[:space:]]*$KRO_VERSION"
}

if [ "${1:-}" != "--force" ] && is_built; then
  echo "$bin_dir"
  exit 0
fi

mkdir -p "$bin_dir"
start=$(date +%s)
echo "build-kro: building github.com/kubernetes-sigs/kro/cmd/controller@$KRO_VERSION (2-4 min)" >&2
# Run outside any module so `go install pkg@version` resolves KRO's own go.mod.
(cd "$bin_dir" && CGO_ENABLED=0 GOBIN="$bin_dir" GOFLAGS=-buildvcs=false \
  go install -trimpath -ldflags "-s -w" "github.com/kubernetes-sigs/kro/cmd/controller@$KRO_VERSION") \
  || die "go install failed"
is_built || die "$bin_dir/controller does not carry kro $KRO_VERSION"
echo "build-kro: built in $(( $(date +%s) - start )) s" >&2
echo "$bin_dir"

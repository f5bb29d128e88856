#!/usr/bin/env bash
# Build the KubeVela CLI (`vela`) and controller (`vela-core`) from Go modules into the
# project's cache: ${XDG_CACHE_HOME:-$HOME/.cache}/vela-tables/bin/vela-<version>/.
# Idempotent: prints the directory and exits 0 when both binaries already report the version.
# The wrapper module lives under the cache (never in the repository).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions-vela.env
. "$here/versions-vela.env"

cache="${XDG_CACHE_HOME:-$HOME/.cache}/vela-tables"
bin_dir="$cache/bin/vela-$KUBEVELA_VERSION"
work="$cache/build/vela-$KUBEVELA_VERSION"

log() { echo "build-vela: $*" >&2; }
die() { echo "build-vela: ERROR: $*" >&2; exit 1; }

command -v go >/dev/null || die "go is not on PATH"

is_built() {
  [ -x "$bin_dir/vela" ] && [ -x "$bin_dir/vela-core" ] || return 1
  HOME="$(mktemp -d)" "$bin_dir/vela" version 2>/dev/null | grep -q "CLI Version: *${KUBEVELA_VERSION#v}" \
    || HOME="$(mktemp -d)" "$bin_dir/vela" version 2>/dev/null | grep -q "CLI Version: *$KUBEVELA_VERSION"
}

if [ "${1:-}" != "--force" ] && is_built; then
  echo "$bin_dir"
  exit 0
fi

mkdir -p "$work" "$bin_dir"
cd "$work"

log "resolving github.com/oam-dev/kubevela@$KUBEVELA_VERSION"
info="$(go mod download -json "github.com/oam-dev/kubevela@$KUBEVELA_VERSION")" \
  || die "go mod download failed: $info"
mod_dir="$(printf '%s' "$info" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' | head -1)"
[ -d "$mod_dir" ] || die "module directory not found in: $info"

# KubeVela's own replace block is needed verbatim (a module's replace directives do not apply
# to its dependants). Copy it from the module's go.mod so a version bump picks the right one.
replace_block="$(awk '/^replace \(/{p=1} p{print} p&&/^\)/{exit}' "$mod_dir/go.mod")"
[ -n "$replace_block" ] || die "no replace block in $mod_dir/go.mod"

cat > go.mod <<GOMOD
module vela-build

go 1.24

require github.com/oam-dev/kubevela $KUBEVELA_VERSION

tool (
	github.com/oam-dev/kubevela/references/cmd/cli
	github.com/oam-dev/kubevela/cmd/core
)

$replace_block
GOMOD

# KubeVela's go.sum carries the hash of a replacement the checksum database does not know.
cp "$mod_dir/go.sum" go.sum
chmod u+w go.sum

log "go mod tidy in $work"
go mod tidy || die "go mod tidy failed"

ld="-s -w -X github.com/oam-dev/kubevela/version.VelaVersion=$KUBEVELA_VERSION -X github.com/oam-dev/kubevela/version.GitRevision=$KUBEVELA_COMMIT"
export CGO_ENABLED=0
start=$(date +%s)
log "building vela (several minutes on 2 cores)"
go build -trimpath -ldflags "$ld" -o "$bin_dir/vela.tmp" github.com/oam-dev/kubevela/references/cmd/cli \
  || die "building vela failed"
mv "$bin_dir/vela.tmp" "$bin_dir/vela"
log "vela built in $(( $(date +%s) - start )) s"
start=$(date +%s)
go build -trimpath -ldflags "$ld" -o "$bin_dir/vela-core.tmp" github.com/oam-dev/kubevela/cmd/core \
  || die "building vela-core failed"
mv "$bin_dir/vela-core.tmp" "$bin_dir/vela-core"
log "vela-core built in $(( $(date +%s) - start )) s"

is_built || die "built binaries do not report $KUBEVELA_VERSION"
echo "$bin_dir"

#!/usr/bin/env bash
# Builds the local control plane binaries from Go modules (no Docker, no downloads besides the Go
# module proxy) into the cache, keyed by the pinned versions in versions.env:
#   ${XDG_CACHE_HOME:-$HOME/.cache}/vela-tables/bin/kubernetes-<ver>/{kube-apiserver,kubectl,kube-controller-manager}
#   ${XDG_CACHE_HOME:-$HOME/.cache}/vela-tables/bin/etcd-<ver>/{etcd,etcdctl}
# Idempotent: a binary that exists and reports the pinned version is not rebuilt.
# Usage: scripts/platform/build-kube.sh [--force] [etcd] [kube-apiserver] [kubectl] [kube-controller-manager]
#   (no component arguments = all of them). Cold build on 2 cores: ~8-10 min; run it in the background:
#   nohup scripts/platform/build-kube.sh > /tmp/build-kube.log 2>&1 &
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"

die() { echo "build-kube: ERROR: $*" >&2; exit 1; }
log() { echo "build-kube: $*"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

command -v go >/dev/null 2>&1 || die "go is not on PATH (Go >= 1.24 is needed for 'tool' lines in go.mod)"
[[ -n "${KUBERNETES_VERSION:-}" && -n "${ETCD_VERSION:-}" ]] || die "KUBERNETES_VERSION / ETCD_VERSION missing in $here/versions.env"
[[ "$KUBERNETES_VERSION" =~ ^v1\.([0-9]+)\.([0-9]+)$ ]] || die "KUBERNETES_VERSION must look like v1.X.Y, got '$KUBERNETES_VERSION'"
kminor="${BASH_REMATCH[1]}"
staging_version="v0.${kminor}.${BASH_REMATCH[2]}"

force=0
want=()
for a in "$@"; do
  case "$a" in
    --force) force=1 ;;
    etcd|kube-apiserver|kubectl|kube-controller-manager) want+=("$a") ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) die "unknown argument '$a'" ;;
  esac
done
[[ ${#want[@]} -gt 0 ]] || want=(etcd kube-apiserver kubectl kube-controller-manager)
wants() { local w; for w in "${want[@]}"; do [[ "$w" == "$1" ]] && return 0; done; return 1; }

cache="${XDG_CACHE_HOME:-$HOME/.cache}/vela-tables"
kbin="$cache/bin/kubernetes-$KUBERNETES_VERSION"
ebin="$cache/bin/etcd-$ETCD_VERSION"
kbuild="$cache/build/kube-$KUBERNETES_VERSION"
ebuild="$cache/build/etcd-$ETCD_VERSION"
mkdir -p "$kbin" "$ebin" "$kbuild" "$ebuild"

export CGO_ENABLED=0
export GOFLAGS="${GOFLAGS:--buildvcs=false}"
total_start="$(now)"

# ---- checks: does a cached binary exist, run and report the pinned version? ----
# (output captured first: `cmd | grep -q` can fail with SIGPIPE under pipefail)
kube_ok() {
  local b="$kbin/$1" out
  [[ -x "$b" ]] || return 1
  case "$1" in
    kubectl) out="$("$b" version --client 2>/dev/null)" || return 1
      [[ "$out" == *"Client Version: $KUBERNETES_VERSION"* ]] ;;
    *) out="$("$b" --version 2>/dev/null)" || return 1
      [[ "$out" == *"Kubernetes $KUBERNETES_VERSION"* ]] ;;
  esac
}
etcd_ok() {
  local a b
  [[ -x "$ebin/etcd" && -x "$ebin/etcdctl" ]] || return 1
  a="$("$ebin/etcd" --version 2>/dev/null)" && b="$("$ebin/etcdctl" version 2>/dev/null)" || return 1
  [[ "$a" == *"etcd Version: ${ETCD_VERSION#v}"* && "$b" == *"etcdctl version: ${ETCD_VERSION#v}"* ]]
}

# ---- etcd ----
build_etcd() {
  if [[ $force -eq 0 ]] && etcd_ok; then log "etcd $ETCD_VERSION cached in $ebin (skip)"; return; fi
  local t; t="$(now)"
  log "building etcd $ETCD_VERSION in $ebuild"
  cat > "$ebuild/go.mod" <<GOMOD
module vela-tables/etcd-build

go 1.24

require (
	go.etcd.io/etcd/etcdctl/v3 $ETCD_VERSION
	go.etcd.io/etcd/server/v3 $ETCD_VERSION
)

tool (
	go.etcd.io/etcd/etcdctl/v3
	go.etcd.io/etcd/server/v3
)
GOMOD
  (cd "$ebuild" && go mod tidy) || die "go mod tidy failed for etcd $ETCD_VERSION (is the version served by the module proxy?)"
  log "etcd: go mod tidy $(elapsed "$t")"
  local t2; t2="$(now)"
  (cd "$ebuild" && go build -trimpath -ldflags "-s -w" -o "$ebin/etcd.tmp" go.etcd.io/etcd/server/v3) || die "go build of etcd failed"
  (cd "$ebuild" && go build -trimpath -ldflags "-s -w" -o "$ebin/etcdctl.tmp" go.etcd.io/etcd/etcdctl/v3) || die "go build of etcdctl failed"
  mv -f "$ebin/etcd.tmp" "$ebin/etcd"; mv -f "$ebin/etcdctl.tmp" "$ebin/etcdctl"
  etcd_ok || die "built etcd does not report version $ETCD_VERSION: $("$ebin/etcd" --version 2>&1 | head -3)"
  log "etcd + etcdctl built in $(elapsed "$t2") (total etcd $(elapsed "$t"))"
}

# ---- kubernetes wrapper module ----
prepare_kube_module() {
  local t; t="$(now)"
  if [[ -f "$kbuild/go.mod" && -f "$kbuild/go.sum" && -f "$kbuild/.tidy-ok" ]]; then
    log "kubernetes wrapper module ready in $kbuild"; return
  fi
  log "preparing wrapper module for k8s.io/kubernetes@$KUBERNETES_VERSION in $kbuild"
  local json gomod
  json="$(cd "$kbuild" && GOFLAGS=-mod=mod go mod download -json "k8s.io/kubernetes@$KUBERNETES_VERSION")" ||
    die "go mod download k8s.io/kubernetes@$KUBERNETES_VERSION failed: $json"
  gomod="$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",\{0,1\}$/\1/p')"
  [[ -f "$gomod" ]] || die "could not find the go.mod of k8s.io/kubernetes@$KUBERNETES_VERSION (GoMod='$gomod')"
  {
    echo "module vela-tables/kube-build"
    echo
    grep -E '^go [0-9]' "$gomod"
    # godebug: single line or block
    awk '/^godebug \(/{p=1} p{print} p&&/^\)/{p=0} /^godebug [^(]/{print}' "$gomod"
    echo
    echo "require k8s.io/kubernetes $KUBERNETES_VERSION"
    echo
    echo "replace ("
    grep -oE 'k8s\.io/[A-Za-z0-9._-]+ => \./staging/src/k8s\.io/[A-Za-z0-9._-]+' "$gomod" |
      awk -v v="$staging_version" '{ print "\t" $1 " => " $1 " " v }'
    echo ")"
    echo
    echo "tool ("
    echo "	k8s.io/kubernetes/cmd/kube-apiserver"
    echo "	k8s.io/kubernetes/cmd/kubectl"
    echo "	k8s.io/kubernetes/cmd/kube-controller-manager"
    echo ")"
  } > "$kbuild/go.mod"
  local n; n="$(grep -c '=> k8s.io/' "$kbuild/go.mod" || true)"
  [[ "$n" -ge 20 ]] || die "expected ~31 staging replaces in the wrapper go.mod, found $n (format of $gomod changed?)"
  rm -f "$kbuild/go.sum"
  (cd "$kbuild" && go mod tidy) || die "go mod tidy failed for the kubernetes wrapper module in $kbuild"
  touch "$kbuild/.tidy-ok"
  log "kubernetes wrapper module: $n staging replaces, go mod tidy $(elapsed "$t")"
}

kube_ldflags() {
  local d pkg ld="-s -w"
  d="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld+=" -X $pkg.gitVersion=$KUBERNETES_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$kminor"
    ld+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=$d"
  done
  printf '%s' "$ld"
}

build_kube() {
  local name="$1"
  if [[ $force -eq 0 ]] && kube_ok "$name"; then log "$name $KUBERNETES_VERSION cached in $kbin (skip)"; return; fi
  prepare_kube_module
  local t; t="$(now)"
  local note=""
  [[ "$name" == kube-apiserver ]] && note=" (5.5-7 min cold on 2 cores)"
  log "building $name $KUBERNETES_VERSION$note"
  (cd "$kbuild" && go build -trimpath -ldflags "$(kube_ldflags)" -o "$kbin/$name.tmp" "k8s.io/kubernetes/cmd/$name") ||
    die "go build of $name failed (see output above)"
  mv -f "$kbin/$name.tmp" "$kbin/$name"
  kube_ok "$name" || die "built $name does not report $KUBERNETES_VERSION"
  log "$name built in $(elapsed "$t") ($(du -h "$kbin/$name" | cut -f1))"
}

wants etcd && build_etcd
for c in kube-apiserver kubectl kube-controller-manager; do
  wants "$c" && build_kube "$c"
done
log "done in $(elapsed "$total_start"): kubernetes in $kbin, etcd in $ebin"

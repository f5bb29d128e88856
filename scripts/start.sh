#!/usr/bin/env bash
# Starts the portal on embedded defaults: frontend on :3000, backend on :7007, in-memory
# SQLite, guest sign-in, this repository's catalog, and a local platform (kube-apiserver +
# etcd with the real CRDs, vela-core, KRO, moto's DynamoDB server) on loopback.
# VELA_TABLES_PLATFORM=none skips the local platform (use your own cluster through
# app-config.local.yaml, see README.md).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ "${VELA_TABLES_PLATFORM:-local}" = none ]; then
  "$here/setup.sh"
else
  "$here/setup.sh" --platform
fi
# shellcheck source=toolchain.sh
source "$here/toolchain.sh"
cd "$VELA_TABLES_ROOT"

configs=(--config "$VELA_TABLES_ROOT/app-config.yaml")
if [ "${VELA_TABLES_PLATFORM:-local}" != none ]; then
  export VELA_TABLES_PORTAL_OWNER=$$
  overlay="$(scripts/portal-platform.sh start)"
  # One clean-up, on every way out; a signal ends the script so that it runs once.
  trap 'scripts/portal-platform.sh stop' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  configs+=(--config "$overlay")
fi
if [ -f app-config.local.yaml ]; then
  configs+=(--config "$VELA_TABLES_ROOT/app-config.local.yaml")
fi

yarn start "${configs[@]}"

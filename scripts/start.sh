#!/usr/bin/env bash
# Starts the portal on embedded defaults: frontend on :3000, backend on :7007, in-memory
# SQLite, guest sign-in, this repository's catalog, and a local platform (kube-apiserver +
# etcd with the real CRDs, vela-core, KRO, moto's DynamoDB server, and the local stand-ins for the
# ACK controller, Crossplane's AWS provider and Kratix) on loopback.
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
platform=false
portal_pid=

# Stops the portal: TERM to its whole process group (yarn, the CLI, the backend and the frontend
# dev server), KILL after 20 s.
stop_portal() {
  [ -n "$portal_pid" ] || return 0
  kill -TERM -- "-$portal_pid" 2>/dev/null || return 0
  for _ in $(seq 1 40); do
    kill -0 -- "-$portal_pid" 2>/dev/null || return 0
    sleep 0.5
  done
  echo "start: the portal did not stop within 20 s; killing it" >&2
  kill -KILL -- "-$portal_pid" 2>/dev/null || true
}
cleanup() {
  stop_portal
  if [ "$platform" = true ]; then scripts/portal-platform.sh stop; fi
}
# One clean-up, on every way out; a signal ends the script so that it runs once.
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "${VELA_TABLES_PLATFORM:-local}" != none ]; then
  export VELA_TABLES_PORTAL_OWNER=$$
  platform=true
  overlay="$(scripts/portal-platform.sh start)"
  configs+=(--config "$overlay")
fi
if [ -f app-config.local.yaml ]; then
  configs+=(--config "$VELA_TABLES_ROOT/app-config.local.yaml")
fi

# The portal runs in the background in a process group of its own, and the script waits for it:
# bash runs a trap only once its foreground command has ended, so with `yarn start` in the
# foreground a TERM sent to this script (a service manager, `kill <pid>`) would wait for ever.
# `wait` returns as soon as a signal arrives, and the trap stops the portal's whole group. Its
# stdin is /dev/null: a background group that read the terminal would be stopped (SIGTTIN).
set -m
yarn start "${configs[@]}" </dev/null &
portal_pid=$!
set +m
wait "$portal_pid"

#!/usr/bin/env bash
# One-time and every-time set-up shared by start.sh and test.sh: toolchain, JS dependencies,
# and (on request) the browser and the local platform's binaries. Idempotent and quick when
# everything is already in place.
#   scripts/setup.sh [--browser] [--platform]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=toolchain.sh
source "$here/toolchain.sh"
cd "$VELA_TABLES_ROOT"

want_browser=0
want_platform=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    --platform) want_platform=1 ;;
    *) echo "setup: unknown option $arg" >&2; exit 2 ;;
  esac
done

step() { echo "setup: $*" >&2; }

step "node $(node -v), yarn $(yarn -v)"
start=$(date +%s)
# --immutable: a clean clone installs exactly the committed lock file.
yarn install --immutable > "${TMPDIR:-/tmp}/vela-tables-yarn-install.log" 2>&1 || {
  tail -n 40 "${TMPDIR:-/tmp}/vela-tables-yarn-install.log" >&2
  echo "setup: yarn install failed (full log: ${TMPDIR:-/tmp}/vela-tables-yarn-install.log)" >&2
  exit 1
}
step "dependencies installed in $(( $(date +%s) - start )) s"

if [ "$want_browser" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  step "installing Debian's chromium (never a downloaded browser build)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if [ "$want_platform" = 1 ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  # the phase-history tests start a throw-away PostgreSQL server on loopback (never a service)
  step "installing Debian's PostgreSQL server binaries (initdb, pg_ctl)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi

if [ "$want_platform" = 1 ]; then
  for script in scripts/platform/build-kube.sh scripts/platform/install-moto.sh \
                scripts/platform/build-vela.sh scripts/platform/build-kro.sh; do
    step "ensuring $(basename "$script" .sh) (cached binaries are reused)"
    bash "$script" || { echo "setup: $script failed (see its output above)" >&2; exit 1; }
  done
fi

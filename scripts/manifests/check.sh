#!/usr/bin/env bash
# Prove manifests/ with the real KubeVela CLI (offline, no cluster):
#   1. `vela def vet` every definition (CUE) in manifests/definitions/
#   2. `vela def render` them and compare with manifests/rendered/ (--write regenerates it)
#   3. `vela dry-run --offline` every example Application in manifests/examples/ against the
#      rendered definitions (what `kubectl apply -n vela-system` installs)
#   4. every Application in manifests/tests/negative/ must FAIL, with the text of its
#      `# expect: <text>` line in the error
#   5. consistency: the Kratix request CRD equals the Promise's spec.api; every field the
#      components write into a KRO instance / Kratix request is declared by its RGD / CRD; every
#      definition is exercised by an example; catalog-info.yaml has one entity per example
#
# Usage: scripts/manifests/check.sh [--write] [--out DIR] [--verbose]
#   --write    regenerate manifests/rendered/ from the CUE sources instead of comparing
#   --out DIR  write the engine resources each example renders to DIR/<example>.yaml
#              (input for the server-side dry-run against a real kube-apiserver)
# Needs the cached vela (scripts/platform/build-vela.sh) and python3 with PyYAML.
# Prints `manifests: N passed, M failed`; exits 1 when anything failed.
set -uo pipefail
export PYTHONDONTWRITEBYTECODE=1

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=../platform/versions-vela.env
. "$root/scripts/platform/versions-vela.env"
manifests="$root/manifests"

write=0 out="" verbose=0
while [ $# -gt 0 ]; do
  case "$1" in
    --write) write=1 ;;
    --out) out="${2:?--out needs a directory}"; shift ;;
    --out=*) out="${1#--out=}" ;;
    --verbose|-v) verbose=1 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "check.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

vela_bin="${VELA:-${XDG_CACHE_HOME:-$HOME/.cache}/vela-tables/bin/vela-$KUBEVELA_VERSION/vela}"
if [ ! -x "$vela_bin" ]; then
  echo "manifests: vela $KUBEVELA_VERSION not found at $vela_bin; run scripts/platform/build-vela.sh" >&2
  exit 2
fi
python3 -c 'import yaml' 2>/dev/null || { echo "manifests: python3 with PyYAML is needed" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# vela needs a kubeconfig even offline (without one it exits 1 silently) and writes $HOME/.vela.
mkdir -p "$tmp/home"
cat > "$tmp/kubeconfig" <<'EOF'
apiVersion: v1
kind: Config
clusters:
  - name: offline
    cluster: {server: "https://127.0.0.1:1"}
users:
  - name: offline
    user: {}
contexts:
  - name: offline
    context: {cluster: offline, user: offline}
current-context: offline
EOF
export HOME="$tmp/home" KUBECONFIG="$tmp/kubeconfig"

# Each call logs one harmless line about the unreachable cluster; drop it.
vela() {
  "$vela_bin" "$@" 2>&1 | grep -v 'Failed to load external packages for cuex default compiler'
  return "${PIPESTATUS[0]}"
}

passed=0 failed=0
ok() { passed=$((passed + 1)); [ "$verbose" = 1 ] && echo "ok    $1"; return 0; }
bad() {
  failed=$((failed + 1)); echo "FAIL  $1"
  [ -n "${2:-}" ] && printf '%s\n' "$2" | head -40 | sed 's/^/      /'
  return 0
}
rel() { echo "${1#"$root"/}"; }

# 1. vet -----------------------------------------------------------------------------------------
mapfile -t cue_files < <(find "$manifests/definitions" -name '*.cue' | sort)
for f in "${cue_files[@]}"; do
  if msg="$(vela def vet "$f")"; then ok "vet $(rel "$f")"; else bad "vet $(rel "$f")" "$msg"; fi
done

# 2. render and compare --------------------------------------------------------------------------
rendered="$tmp/rendered"
for kind in components traits; do
  mkdir -p "$rendered/$kind"
  if ! msg="$(vela def render "$manifests/definitions/$kind" -o "$rendered/$kind")"; then
    bad "render definitions/$kind" "$msg"
  fi
done
if [ "$write" = 1 ]; then
  rm -rf "$manifests/rendered"
  mkdir -p "$manifests/rendered"
  cp -r "$rendered/components" "$rendered/traits" "$manifests/rendered/"
  ok "rendered/ regenerated"
elif msg="$(diff -r "$rendered" "$manifests/rendered" 2>&1)"; then
  ok "rendered/ matches definitions/"
else
  bad "rendered/ differs from definitions/ (run scripts/manifests/check.sh --write)" "$msg"
fi

# dry-run reads one flat directory of rendered definitions: exactly what vela-system gets.
defs="$tmp/defs"
mkdir -p "$defs"
cp "$rendered"/components/*.yaml "$rendered"/traits/*.yaml "$defs/"

# 3. examples ------------------------------------------------------------------------------------
[ -n "$out" ] && mkdir -p "$out"
dry="$tmp/dry-run"
mkdir -p "$dry"
mapfile -t examples < <(find "$manifests/examples" -name '*.yaml' ! -name 'catalog-info.yaml' | sort)
for f in "${examples[@]}"; do
  name="$(basename "$f" .yaml)"
  if msg="$(vela dry-run --offline -f "$f" -d "$defs")"; then
    printf '%s\n' "$msg" > "$dry/$name.yaml"
    ok "dry-run $(rel "$f")"
  else
    bad "dry-run $(rel "$f")" "$msg"
  fi
done

if [ -n "$out" ]; then
  if msg="$(python3 "$root/scripts/manifests/export_rendered.py" "$dry" "$out" "${CRDS_DIR:-$root/../shared/crds}" 2>&1)"; then
    ok "rendered engine resources written to $out ($(find "$out" -name '*.yaml' | wc -l) files)"
  else
    bad "export to $out" "$msg"
  fi
fi

# 4. negative cases ------------------------------------------------------------------------------
mapfile -t negatives < <(find "$manifests/tests/negative" -name '*.yaml' | sort)
for f in "${negatives[@]}"; do
  expect="$(sed -n 's/^# expect: //p' "$f" | head -1)"
  if [ -z "$expect" ]; then bad "negative $(rel "$f"): no '# expect:' line"; continue; fi
  if msg="$(vela dry-run --offline -f "$f" -d "$defs")"; then
    bad "negative $(rel "$f") was accepted (expected: $expect)"
  elif grep -qF -- "$expect" <<<"$msg"; then
    ok "negative $(rel "$f") rejected: $expect"
  else
    bad "negative $(rel "$f") failed without '$expect'" "$msg"
  fi
done

# 5. consistency --------------------------------------------------------------------------------
# The real CRDs (ACK, Crossplane, Kratix, KRO) the test control plane installs; override with
# CRDS_DIR. Without them the schema checks are skipped (and said so).
crds_dir="${CRDS_DIR:-$root/../shared/crds}"
msg="$(python3 "$root/scripts/manifests/consistency.py" "$manifests" "$dry" "$crds_dir" 2>&1)"
status=$?
while IFS= read -r line; do
  case "$line" in
    "ok "*) ok "${line#ok }" ;;
    "FAIL "*) bad "${line#FAIL }" ;;
    "skip "*) echo "$line" ;;
    "") ;;
    *) [ "$status" = 0 ] || bad "consistency.py" "$line" ;;
  esac
done <<<"$msg"

echo "manifests: $passed passed, $failed failed"
[ "$failed" = 0 ]

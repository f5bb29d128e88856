#!/usr/bin/env bash
# Verify manifests/ against a real kube-apiserver (and, when built, the real KRO controller):
#   1. start etcd + kube-apiserver on loopback (cached binaries, throw-away data and certs)
#   2. install the real CRDs (KubeVela, KRO, ACK, Crossplane, Kratix) and our DynamoDBRequest CRD
#   3. apply what a platform team applies: namespaces, rendered definitions into vela-system,
#      RBAC, engine configuration, adoption examples, the Kratix Promise, the KRO RGDs
#   4. `kubectl create --dry-run=server` every engine resource the examples render
#      (scripts/manifests/check.sh --out), KRO instances once KRO has created their CRDs
#   5. with KRO: both RGDs become Active; the instances of the KRO examples are applied and KRO
#      must create ACK Tables whose spec matches what the instance asked for (features that are
#      off are absent); the ACK Tables are server-side validated by the real ACK CRD
#   6. RBAC: what the portal's ServiceAccount may and may not do (kubectl auth can-i)
#   7. with vela-core: example Applications render, and each engine component reports
#      unhealthy (with the engine's reason) until the engine resource is ready, then healthy;
#      engine statuses are written through the status subresource, shaped as the real CRDs allow
# Usage: scripts/manifests/verify-live.sh [--keep]   (--keep leaves the platform running)
# The processes (etcd, kube-apiserver, KRO, vela-core) are the local platform's
# (packages/local-platform: `cli.ts start --detach --name verify-live --vela-core --kro`, stopped
# with `cli.ts stop`): this script applies manifests/ itself, so that each apply is a check.
# Needs: scripts/platform/build-kube.sh (etcd, kube-apiserver, kubectl), build-vela.sh,
# build-kro.sh, install-moto.sh; python3 with PyYAML; the CRDs of the project's shared folder
# (../shared/crds, or CRDS_DIR).
set -uo pipefail
export PYTHONDONTWRITEBYTECODE=1

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=../toolchain.sh
source "$root/scripts/toolchain.sh"
. "$root/scripts/platform/versions.env"
. "$root/scripts/platform/versions-vela.env"
crds="${CRDS_DIR:-$root/../shared/crds}"
manifests="$root/manifests"
keep=0; [ "${1:-}" = "--keep" ] && keep=1
run=verify-live
cli() { node "$root/packages/local-platform/src/cli.ts" "$@"; }

[ -d "$crds" ] || { echo "verify-live: CRD dir $crds missing (set CRDS_DIR)" >&2; exit 2; }

tmp="$(mktemp -d)"
cleanup() {
  if [ "$keep" = 1 ]; then
    echo "verify-live: kept running (stop with: node packages/local-platform/src/cli.ts stop --name $run), KUBECONFIG=${kubeconfig:-}"
    rm -rf "$tmp"; return
  fi
  cli stop --name "$run" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok    $1"; }
bad() { failed=$((failed + 1)); echo "FAIL  $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | head -30 | sed 's/^/      /'; return 0; }
k() { "$kubectl_bin" --kubeconfig "$kubeconfig" "$@"; }

# 1. control plane and controllers (the local platform) ----------------------------------------
cd "$tmp"
cli stop --name "$run" >/dev/null 2>&1 # a run left by --keep
crds_abs="$(cd "$crds" && pwd)"
if ! msg="$(VELA_TABLES_SHARED_DIR="$(dirname "$crds_abs")" cli start --detach --name "$run" --no-dynamodb --vela-core --kro 2>&1)"; then
  bad "local platform (kube-apiserver, KRO, vela-core) did not start" "$msg"
  echo "verify-live: $passed passed, $failed failed"; exit 1
fi
info="$root/.local-platform/$run/platform.json"
pj() { node -e 'const i=require(process.argv[1]);const v=process.argv[2].split(".").reduce((o,k)=>o&&o[k],i);console.log(v??"")' "$info" "$1"; }
kubeconfig="$(pj kubernetes.kubeconfig)"
kubectl_bin="$(pj kubernetes.kubectl)"
statedir="$(pj stateDir)"
kro_log="$(pj controllers.kro.logFile)"
vela_log="$(pj controllers.velaCore.logFile)"
if k get --raw /readyz >/dev/null 2>&1; then ok "kube-apiserver $KUBERNETES_VERSION ready"; else
  bad "kube-apiserver did not become ready" "$(tail -20 "$statedir/kube-apiserver.log")"; exit 1; fi

# 2. CRDs ----------------------------------------------------------------------------------------
if msg="$(k apply --server-side -f "$crds/kubevela" -f "$crds/kro" -f "$crds/ack-dynamodb" \
    -f "$crds/crossplane-aws" -f "$crds/kratix" -f "$manifests/kratix/dynamodbrequest-crd.yaml" 2>&1)" &&
   k wait --for condition=established --timeout=60s crd --all >/dev/null 2>&1; then
  ok "CRDs installed and Established ($(k get crd -o name | wc -l))"
else
  bad "CRDs" "$msg"
fi

# 3. platform manifests ------------------------------------------------------------------------
k create namespace vela-system >/dev/null 2>&1
apply() { # label, files...
  local label="$1"; shift
  local args=(); for f in "$@"; do args+=(-f "$f"); done
  if msg="$(k apply --server-side "${args[@]}" 2>&1)"; then ok "apply $label"; else bad "apply $label" "$msg"; fi
}
apply "rbac/namespaces.yaml + engines/namespaces.yaml" "$manifests/rbac/namespaces.yaml" "$manifests/engines/namespaces.yaml"
if msg="$(k apply --server-side -n vela-system -f "$manifests/rendered/components" -f "$manifests/rendered/traits" 2>&1)"; then
  ok "apply -n vela-system rendered/ ($(k get componentdefinitions,traitdefinitions -n vela-system -o name | wc -l) definitions)"
else bad "apply -n vela-system rendered/" "$msg"; fi
apply "rbac/" "$manifests/rbac"
apply "engines/ (secrets, ProviderConfigs, ACK config)" "$manifests/engines/credentials-secret.yaml" \
  "$manifests/engines/crossplane" "$manifests/engines/ack/controller-config.yaml"
apply "engines/adoption/" "$manifests/engines/adoption"
apply "kratix/promise.yaml" "$manifests/kratix/promise.yaml"
apply "kro/ RGDs" "$manifests/kro"

# 4. server-side dry-run of everything the examples render --------------------------------------
out="$tmp/rendered-examples"
if ! msg="$("$root/scripts/manifests/check.sh" --out "$out" 2>&1)"; then
  bad "check.sh --out" "$(tail -5 <<<"$msg")"
fi
# KRO instances need the CRDs KRO generates from the RGDs.
kro_running=0
if [ -n "$(pj controllers.kro.pid)" ]; then
  kro_running=1
  for rgd in dynamodb-table simple-dynamodb; do
    state=""
    for _ in $(seq 1 150); do
      state="$(k get rgd "$rgd" -o jsonpath='{.status.state}' 2>/dev/null)"
      [ "$state" = "Active" ] && break; sleep 0.2
    done
    if [ "$state" = "Active" ]; then ok "KRO $KRO_VERSION: RGD $rgd Active"
    else bad "KRO: RGD $rgd is '${state}'" "$(k get rgd "$rgd" -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\n"}{end}' 2>&1; grep -i error "$kro_log" | tail -5)"; fi
  done
  k wait --for condition=established --timeout=30s crd/dynamodbtables.kro.run crd/simpledynamodbs.kro.run >/dev/null 2>&1
else
  echo "skip  KRO controller not running: KRO instances and RGD activation not checked"
fi

for f in "$out"/*.yaml; do
  name="$(basename "$f" .yaml)"
  # one file per object (check.sh --out already cleared cluster-scoped namespaces, as vela-core does)
  python3 - "$f" "$tmp/split-$name" "$root/scripts/manifests" <<'EOF'
import sys, yaml, os
sys.path.insert(0, sys.argv[3])
from export_rendered import SafeQuotingDumper
os.makedirs(sys.argv[2], exist_ok=True)
for i, d in enumerate(x for x in yaml.safe_load_all(open(sys.argv[1])) if x):
    with open(os.path.join(sys.argv[2], f"{i:02d}-{d['kind']}.yaml"), "w") as o:
        yaml.dump(d, o, Dumper=SafeQuotingDumper)
EOF
  for obj in "$tmp/split-$name"/*.yaml; do
    kind="$(basename "$obj" .yaml)"; kind="${kind#*-}"
    if [ "$kro_running" = 0 ] && { [ "$kind" = DynamoDBTable ] || [ "$kind" = SimpleDynamoDB ]; }; then continue; fi
    if msg="$(k create --dry-run=server -f "$obj" 2>&1)"; then ok "server dry-run $name: $kind"
    else bad "server dry-run $name: $kind" "$msg"; fi
  done
done

# 5. KRO instances -> ACK Tables -----------------------------------------------------------------
if [ "$kro_running" = 1 ]; then
  for name in dynamodb-basic-kro dynamodb-inline-kro dynamodb-traits-kro dynamodb-traits-kro-simplified dynamodb-adopt-kro-simplified dynamodb-basic-simple-kro; do
    for obj in "$tmp/split-$name"/*.yaml; do
      k apply -f "$obj" >/dev/null 2>&1 || bad "apply instance $name" "$(k apply -f "$obj" 2>&1)"
      inst="$(python3 -c 'import sys,yaml;print(yaml.safe_load(open(sys.argv[1]))["metadata"]["name"])' "$obj")"
      table=""
      for _ in $(seq 1 100); do
        table="$(k get tables.dynamodb.services.k8s.aws -n team-a "$inst" -o json 2>/dev/null)" && [ -n "$table" ] && break
        sleep 0.2
      done
      if [ -z "$table" ]; then
        bad "KRO created the ACK Table for $name" "$(k get -f "$obj" -o jsonpath='{.status}' 2>&1; grep -i -E 'error|fail' "$kro_log" | tail -5)"
        continue
      fi
      if msg="$(python3 "$root/scripts/manifests/expect_ack_table.py" "$obj" <<<"$table" 2>&1)"; then
        ok "KRO: ACK Table for $name matches the instance ($msg)"
      else
        bad "KRO: ACK Table for $name" "$msg"
      fi
      # readiness: fake the ACK controller's status and wait for the instance to become ACTIVE
      k patch tables.dynamodb.services.k8s.aws -n team-a "$inst" --subresource=status --type=merge \
        -p '{"status":{"tableStatus":"ACTIVE","ackResourceMetadata":{"arn":"arn:aws:dynamodb:us-west-2:123456789012:table/'"$inst"'","ownerAccountID":"123456789012","region":"us-west-2"},"conditions":[{"type":"ACK.ResourceSynced","status":"True"}]}}' >/dev/null
      st=""
      for _ in $(seq 1 100); do
        st="$(k get -f "$obj" -o jsonpath='{.status.state}/{.status.tableStatus}/{.status.resourceSynced}/{.status.tableArn}' 2>/dev/null)"
        case "$st" in ACTIVE/ACTIVE/True/arn:*) break ;; esac; sleep 0.2
      done
      case "$st" in ACTIVE/ACTIVE/True/arn:*) ok "KRO: $name instance ACTIVE with tableStatus/resourceSynced/tableArn surfaced" ;;
        *) bad "KRO: $name instance status after the Table became ACTIVE: '$st'" ;; esac
    done
  done
fi

# 6. RBAC --------------------------------------------------------------------------------------
sa="system:serviceaccount:backstage:backstage-portal"
can() { # expect verb resource [ns]
  local expect="$1" verb="$2" res="$3" ns="${4:-}"
  local args=(auth can-i "$verb" "$res" --as "$sa"); [ -n "$ns" ] && args+=(-n "$ns") || args+=(--all-namespaces)
  local got; got="$(k "${args[@]}" 2>/dev/null)"
  if [ "$got" = "$expect" ]; then ok "rbac: portal can-i $verb $res ${ns:-(all namespaces)} = $expect"
  else bad "rbac: portal can-i $verb $res ${ns:-(all namespaces)} = $got, want $expect"; fi
}
can yes create applications.core.oam.dev team-a
can yes delete applications.core.oam.dev team-b
can no create applications.core.oam.dev default
can yes list applications.core.oam.dev
can yes watch tables.dynamodb.aws.upbound.io
can yes list tables.dynamodb.aws.m.upbound.io
can yes list tables.dynamodb.services.k8s.aws
can yes list dynamodbtables.kro.run
can yes list simpledynamodbs.kro.run
can yes list resourcegraphdefinitions.kro.run
can yes list dynamodbrequests.dynamodb.kratix.io
can yes list resourcetrackers.core.oam.dev
can no create tables.dynamodb.services.k8s.aws team-a
can no delete dynamodbtables.kro.run team-a
can no list secrets team-a
can no create componentdefinitions.core.oam.dev vela-system

# 7. vela-core: health and status messages of each engine component, live -----------------------
if [ -n "$(pj controllers.velaCore.pid)" ]; then
  svc() { # app component -> "healthy|message"
    k get applications.core.oam.dev -n team-b "$1" -o jsonpath="{range .status.services[?(@.name==\"$2\")]}{.healthy}|{.message}{end}" 2>/dev/null
  }
  wait_svc() { # app component want-prefix
    local got=""
    for _ in $(seq 1 150); do got="$(svc "$1" "$2")"; case "$got" in "$3"*) echo "$got"; return 0 ;; esac; sleep 0.2; done
    echo "$got"; return 1
  }
  apps=(xp/dynamodb-basic-xp:orders-basic-xp kro/dynamodb-basic-kro:orders-basic-kro
        simple-kro/dynamodb-basic-simple-kro:orders-simple-kro kratix/dynamodb-basic-kratix:orders-basic-kratix
        xp/dynamodb-namespaced-xp:events-namespaced-xp)
  # in team-b: team-a already holds the KRO instances of step 5 under the same names
  for a in "${apps[@]}"; do
    sed 's/namespace: team-a$/namespace: team-b/' "$manifests/examples/${a%%:*}.yaml" | k apply -f - >/dev/null
  done
  declare -A pending=(
    [orders-basic-xp]="false|Ready: Unknown, Synced: Unknown"
    [events-namespaced-xp]="false|Ready: Unknown, Synced: Unknown"
    [orders-basic-kro]="false|tableStatus: pending"
    [orders-simple-kro]="false|tableStatus: pending"
    [orders-basic-kratix]="false|Reconciled: Unknown"
  )
  declare -A healthy=(
    [orders-basic-xp]="true|Ready: True, Synced: True"
    [events-namespaced-xp]="true|Ready: True, Synced: True"
    [orders-basic-kro]="true|tableStatus: ACTIVE, kro state: ACTIVE"
    [orders-simple-kro]="true|tableStatus: ACTIVE, kro state: ACTIVE"
    [orders-basic-kratix]="true|Reconciled: True"
  )
  for a in "${apps[@]}"; do
    app="${a%%:*}"; app="${app#*/}"; comp="${a#*:}"
    if got="$(wait_svc "$app" "$comp" "${pending[$comp]}")"; then ok "vela-core: $app before the engine is ready: $got"
    else bad "vela-core: $app before the engine is ready: got '$got', want '${pending[$comp]}...'" "$(grep -i error "$vela_log" | tail -3)"; fi
  done
  now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  conds() { printf '{"status":{"conditions":[%s]}}' "$1"; }
  c() { printf '{"type":"%s","status":"%s","reason":"%s","lastTransitionTime":"%s"}' "$1" "$2" "$3" "$now"; }
  # a failing Crossplane Table first: the reason must show
  k patch tables.dynamodb.aws.upbound.io orders-basic-xp --subresource=status --type=merge \
    -p "$(conds "$(c Ready False Creating),$(c Synced True ReconcileSuccess)")" >/dev/null
  if got="$(wait_svc dynamodb-basic-xp orders-basic-xp "false|Ready: False (reason: Creating), Synced: True")"; then
    ok "vela-core: dynamodb-basic-xp while Crossplane creates the table: $got"
  else bad "vela-core: dynamodb-basic-xp while creating: got '$got'"; fi
  for t in "tables.dynamodb.aws.upbound.io orders-basic-xp" "tables.dynamodb.aws.m.upbound.io -n team-b events-namespaced-xp"; do
    # shellcheck disable=SC2086
    k patch $t --subresource=status --type=merge \
      -p "$(conds "$(c Ready True Available),$(c Synced True ReconcileSuccess)")" >/dev/null
  done
  for t in orders-basic-kro orders-simple-kro; do
    k patch tables.dynamodb.services.k8s.aws -n team-b "$t" --subresource=status --type=merge \
      -p '{"status":{"tableStatus":"ACTIVE","conditions":[{"type":"ACK.ResourceSynced","status":"True"}]}}' >/dev/null
  done
  k patch dynamodbrequests.dynamodb.kratix.io -n team-b orders-basic-kratix --subresource=status --type=merge \
    -p "$(conds "$(c ConfigureWorkflowCompleted True PipelinesExecutedSuccessfully),$(c WorksSucceeded True WorksSucceeded),$(c Reconciled True Reconciled)")" >/dev/null
  for a in "${apps[@]}"; do
    app="${a%%:*}"; app="${app#*/}"; comp="${a#*:}"
    if got="$(wait_svc "$app" "$comp" "${healthy[$comp]}")"; then ok "vela-core: $app healthy once the engine is ready: $got"
    else bad "vela-core: $app once the engine is ready: got '$got', want '${healthy[$comp]}'" "$(grep -i error "$vela_log" | tail -3)"; fi
  done
  # vela-core stores each definition's parameter schema (what forms and the portal can read)
  missing=""
  for f in "$manifests"/rendered/components/*.yaml "$manifests"/rendered/traits/*.yaml; do
    d="$(basename "$f" .yaml)"; t=component; case "$f" in */traits/*) t=trait ;; esac
    k get configmap -n vela-system "$t-schema-$d" >/dev/null 2>&1 || missing="$missing $t-schema-$d"
  done
  if [ -z "$missing" ]; then ok "vela-core: parameter schema ConfigMap for every definition"
  else bad "vela-core: parameter schema ConfigMaps missing:$missing" "$(grep 'Could not store capability' "$vela_log" | tail -3)"; fi
else
  echo "skip  vela-core not running: live health checks not run"
fi

echo "verify-live: $passed passed, $failed failed"
[ "$failed" = 0 ]

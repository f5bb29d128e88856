#!/usr/bin/env bash
# Runs every test: type check and lint; the platform manifests against the real `vela` CLI and a real
# kube-apiserver with the real KRO and vela-core controllers; unit and integration tests (Jest,
# through backstage-cli, against a real kube-apiserver + etcd and moto's DynamoDB server); and
# the browser smoke test (Playwright driving Debian's Chromium against the started portal).
# Ends with one line "tests: N passed, M failed".
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/setup.sh" --browser --platform || exit 1
# shellcheck source=toolchain.sh
source "$here/toolchain.sh"
cd "$VELA_TABLES_ROOT"

results="$VELA_TABLES_ROOT/test-results"
rm -rf "$results" && mkdir -p "$results"
failed_stage=()
stage() { echo "== $*" >&2; }
# Runs a check script into its log, shows all but its `ok` lines, and records a failure by the
# script's own exit code.
check_stage() {
  local name=$1 script=$2 log=$3
  bash "$script" > "$log" 2>&1
  local rc=$?
  grep -vE '^ok ' "$log" || true
  [ "$rc" = 0 ] || failed_stage+=("$name")
}

stage "type check"
yarn tsc || failed_stage+=("tsc")

stage "lint"
yarn backstage-cli repo lint || failed_stage+=("lint")

stage "formatting (prettier --check on the TypeScript sources)"
yarn prettier --check --loglevel warn "plugins/*/src/**/*.{ts,tsx}" "packages/*/src/**/*.{ts,tsx}" \
  "plugins/*/scripts/**/*.ts" "packages/*/scripts/**/*.ts" || failed_stage+=("prettier")

stage "API reports of the published plugins (report.api.md is up to date)"
yarn backstage-repo-tools api-reports --tsc --ci --allow-all-warnings --omit-messages ae-wrong-input-file-type \
  plugins/kubevela-common plugins/kubevela-node plugins/kubevela-backend \
  plugins/scaffolder-backend-module-kubevela plugins/kubevela plugins/catalog-backend-module-kubevela \
  || failed_stage+=("api-reports")

stage "platform manifests: vela def vet, render, dry-run, negative set"
check_stage manifests-check scripts/manifests/check.sh "$results/manifests-check.log"

stage "platform manifests on a live apiserver with KRO and vela-core"
check_stage manifests-live scripts/manifests/verify-live.sh "$results/manifests-live.log"

stage "unit and integration tests"
CI=true yarn backstage-cli repo test --json --outputFile="$results/jest.json" || failed_stage+=("jest")

stage "browser smoke test"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" \
  yarn playwright test --reporter=list,json || failed_stage+=("playwright")

node scripts/test-summary.mjs \
  --jest "$results/jest.json" --playwright "$results/playwright.json" \
  --log "$results/manifests-check.log" --log "$results/manifests-live.log" || failed_stage+=("summary")
if [ ${#failed_stage[@]} -gt 0 ]; then
  echo "failed stages: ${failed_stage[*]}" >&2
  exit 1
fi

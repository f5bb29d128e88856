#!/usr/bin/env bash
# Runs every test: type check, unit and integration tests (Jest, through backstage-cli), and
# the browser smoke test (Playwright driving Debian's Chromium against the started portal).
# Ends with one line "tests: N passed, M failed".
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/setup.sh" --browser || exit 1
# shellcheck source=toolchain.sh
source "$here/toolchain.sh"
cd "$VELA_TABLES_ROOT"

results="$VELA_TABLES_ROOT/test-results"
rm -rf "$results" && mkdir -p "$results"
failed_stage=()

echo "== type check" >&2
yarn tsc || failed_stage+=("tsc")

echo "== unit and integration tests" >&2
CI=true yarn backstage-cli repo test --json --outputFile="$results/jest.json" || failed_stage+=("jest")

echo "== browser smoke test" >&2
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" \
  yarn playwright test --reporter=list,json || failed_stage+=("playwright")

node scripts/test-summary.mjs "$results/jest.json" "$results/playwright.json" || true
if [ ${#failed_stage[@]} -gt 0 ]; then
  echo "failed stages: ${failed_stage[*]}" >&2
  exit 1
fi

#!/usr/bin/env bash
# `npm test`: typecheck -> lint -> unit (vitest) -> e2e (playwright) -> one closing line
# `summary: N passed, N failed, N skipped`. Every step runs even when an earlier one fails,
# so one run shows everything that is wrong; the exit code is non-zero if any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export npm_config_loglevel=error
R=$(mktemp -d)
failed_steps=()
step() { # step NAME CMD...: run, time, remember a failure, never abort
  local name=$1 t0=$SECONDS
  shift
  echo "=== $name"
  if "$@"; then echo "=== $name ok ($((SECONDS - t0))s)"; else
    echo "=== $name FAILED ($((SECONDS - t0))s)"
    failed_steps+=("$name")
  fi
}
step typecheck npx tsc -b
step lint npx eslint .
step unit env NO_COLOR=1 npx vitest run --reporter=default --reporter=json --outputFile.json="$R/vitest.json"
step e2e env PLAYWRIGHT_JSON_OUTPUT_FILE="$R/playwright.json" npx playwright test --reporter=list,json
FAILED_STEPS="${failed_steps[*]}" node scripts/summary.cjs "$R"
rm -rf "$R"
((${#failed_steps[@]} == 0))

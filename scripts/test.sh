#!/usr/bin/env bash
# `npm test`: lint, format, typecheck, dead code (knip), unit tests (Vitest), then end-to-end tests (Playwright, Debian Chromium)
# against the production build on a throwaway database. Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/*.json reports/*.status

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "[test] Chromium is missing; installing Debian's chromium with apt-get…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || true
  fi
  if [ ! -x "$chromium" ]; then
    echo "[test] Chromium not found at $chromium: install it with 'sudo apt-get install chromium' (or set CHROMIUM_PATH)."
    exit 1
  fi
fi

failed_stages=()
stage() {
  local name="$1"; shift
  echo "[test] ── $name"
  if "$@"; then echo "passed" > "reports/stage-$name.status"; else echo "failed" > "reports/stage-$name.status"; failed_stages+=("$name"); fi
}

stage lint npx eslint --max-warnings=0 .
stage format npx prettier --check --log-level=warn .
stage typecheck npx tsc --noEmit
stage deadcode npx knip --no-progress --no-config-hints
stage unit npx vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json
stage e2e npx playwright test
stage e2e-postgresql node scripts/e2e-postgres.mjs

node scripts/test-summary.mjs
if [ ${#failed_stages[@]} -gt 0 ]; then
  echo "[test] failed: ${failed_stages[*]}"
  exit 1
fi

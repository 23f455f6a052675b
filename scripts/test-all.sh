#!/usr/bin/env bash
# Every check, in order of cost: lint, types, unit, integration (real SQLite files),
# then end-to-end in Chromium against a fresh production build.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n== %s ==\n' "$1"; }

step 'lint';        node_modules/.bin/eslint . --max-warnings 0
step 'types';       node_modules/.bin/tsc --noEmit
step 'unit';        node_modules/.bin/vitest run --project unit
step 'integration'; node_modules/.bin/vitest run --project integration
step 'build';       npm run build --silent
step 'end-to-end';  node_modules/.bin/playwright test
step 'benchmark (smoke)'; npm run bench --silent -- --n 2000 --duration 2 --runs 20

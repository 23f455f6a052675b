#!/usr/bin/env bash
# Every check, in order of cost: lint, types, unit; then integration (real databases) and end-to-end
# (Chromium against the production build, two instances) once on SQLite and once on PostgreSQL; then the
# benchmark's smoke run.
# PostgreSQL: a throwaway cluster on loopback started here (scripts/postgres.sh) and stopped on exit, or
# the server at TEST_POSTGRES_URL. TEST_DATABASES=sqlite skips PostgreSQL (say so when you report results).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# Every app instance of one build must share it (Server Actions across instances); a new one per run.
export NEXT_SERVER_ACTIONS_ENCRYPTION_KEY="${NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:-$(node -e "process.stdout.write(require('crypto').randomBytes(32).toString('base64'))")}"
DATABASES="${TEST_DATABASES:-sqlite postgresql}"

step() { printf '\n== %s ==\n' "$1"; }

postgres_url=''
if [[ " $DATABASES " == *" postgresql "* ]]; then
  if [[ -n "${TEST_POSTGRES_URL:-}" ]]; then
    postgres_url="$TEST_POSTGRES_URL"
    : "${TEST_POSTGRES_REPLICA_URL:?set it too: a streaming replica of TEST_POSTGRES_URL (the replica routing test needs one)}"
  else
    export PG_PORT="${PG_PORT:-55432}"
    trap 'scripts/postgres.sh stop' EXIT
    step "PostgreSQL (throwaway cluster and streaming replica on 127.0.0.1:$PG_PORT and $((PG_PORT + 1)))"
    postgres_url="$(scripts/postgres.sh start)"
    TEST_POSTGRES_REPLICA_URL="$(scripts/postgres.sh replica)"
  fi
  export TEST_POSTGRES_REPLICA_URL
fi

step 'lint';        node_modules/.bin/eslint . --max-warnings 0
step 'types';       node_modules/.bin/tsc --noEmit
step 'unit';        node_modules/.bin/vitest run --project unit
step 'build';       npm run build --silent

for database in $DATABASES; do
  case "$database" in
    # Each database with one of the two file stores (lib/files/storage.ts): the folder, and the database itself.
    sqlite) url=''; store=local ;;
    postgresql) url="$postgres_url"; store=database ;;
    *) echo "Unknown database in TEST_DATABASES: $database" >&2; exit 2 ;;
  esac
  step "integration ($database, files in the $store store)"; FILE_STORE="$store" TEST_DATABASE_URL="$url" node_modules/.bin/vitest run --project integration
  step "end-to-end ($database)"; FILE_STORE="$store" TEST_DATABASE_URL="$url" node_modules/.bin/playwright test
done

step 'benchmark (smoke, sqlite)'; npm run bench --silent -- --n 2000 --duration 2 --runs 20
if [[ -n "$postgres_url" ]]; then
  step 'benchmark (smoke, postgresql)'
  BENCH_POSTGRES_URL="$postgres_url" npm run bench --silent -- --db postgres --n 2000 --duration 2 --runs 20
fi

#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for tests and benchmarks (never a public address).
#   scripts/postgres.sh start   → prints the DATABASE_URL of a fresh cluster (trust auth, 127.0.0.1 only)
#   scripts/postgres.sh replica → starts a streaming hot-standby replica of it on PG_PORT+1, prints its URL
#   scripts/postgres.sh stop    → stops both and deletes their files
# PG_PORT (default 5433) and PG_DIR (default /tmp/ct-catalogue-pg-$PG_PORT) choose where.
# Uses Debian's server binaries; as root the server runs as the `postgres` user, as initdb requires.
set -euo pipefail
PORT="${PG_PORT:-5433}"
DIR="${PG_DIR:-/tmp/ct-catalogue-pg-$PORT}"
REPLICA_PORT=$((PORT + 1))
REPLICA_DIR="$DIR-replica"
BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
if [[ -z "$BIN" || ! -x "$BIN/initdb" ]]; then
  echo "No PostgreSQL server found: apt-get install -y postgresql (or set PG_BIN)" >&2
  exit 1
fi

as_owner() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if [[ -f "$DIR/postmaster.pid" ]]; then as_owner "$BIN/pg_ctl" -D "$DIR" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$DIR"
    mkdir -p "$DIR"
    [[ "$(id -u)" == 0 ]] && chown postgres: "$DIR"
    as_owner "$BIN/initdb" -D "$DIR" --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    # Tests create a database per file: more connections than the default 100, and no fsync for a throwaway cluster.
    as_owner "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w \
      -o "-k $DIR -p $PORT -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null
    echo "postgresql://postgres@127.0.0.1:$PORT/postgres"
    ;;
  replica)
    rm -rf "$REPLICA_DIR"
    mkdir -p "$REPLICA_DIR"
    [[ "$(id -u)" == 0 ]] && chown postgres: "$REPLICA_DIR"
    chmod 700 "$REPLICA_DIR"
    # A base backup that writes standby.signal and primary_conninfo (-R): the server starts as a hot standby.
    as_owner "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PORT" -U postgres -D "$REPLICA_DIR" -R -X stream 2>&1 | { grep -v "skipping special file" || true; } >&2
    as_owner "$BIN/pg_ctl" -D "$REPLICA_DIR" -l "$REPLICA_DIR/server.log" -w \
      -o "-k $REPLICA_DIR -p $REPLICA_PORT -c listen_addresses=127.0.0.1 -c max_connections=300 -c hot_standby=on" \
      start >/dev/null
    echo "postgresql://postgres@127.0.0.1:$REPLICA_PORT/postgres"
    ;;
  stop)
    for dir in "$REPLICA_DIR" "$DIR"; do
      if [[ -f "$dir/postmaster.pid" ]]; then as_owner "$BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null || true; fi
      rm -rf "$dir"
    done
    ;;
  *)
    echo "Usage: $0 start|replica|stop" >&2
    exit 2
    ;;
esac

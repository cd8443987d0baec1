#!/usr/bin/env bash
# Quickstart: builds the native barman, backs up a throw-away PostgreSQL 15 cluster, streams WAL,
# recovers to a point in time, starts the recovered copy, shows which rows came back, runs restore-test.
# Usage: ./quickstart.sh [--keep]     (--keep leaves the clusters running for exploring)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")" && pwd)
QS="$ROOT/.quickstart"
KEEP=0
[ "${1:-}" = "--keep" ] && KEEP=1
PGBIN=/usr/lib/postgresql/15/bin
SRV=pg-main

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { printf '$ %s\n' "$*"; "$@"; }
# From / : the postgres user may not be allowed into the current directory.
as_pg() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# 1. prerequisites
if [ ! -x "$PGBIN/initdb" ]; then
    say "Installing PostgreSQL 15 (postgresql-15)"
    [ "$(id -u)" = 0 ] || { echo "PostgreSQL 15 is missing; run as root or: sudo apt-get install -y postgresql-15"; exit 1; }
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >/dev/null
fi
command -v dotnet >/dev/null || { echo "The .NET SDK (dotnet) is required to build barman"; exit 1; }

# PostgreSQL runs as the postgres user, which must reach the cluster directory: a clone under /root (mode 0700) is
# out of its reach, so the throw-away files go to /var/tmp instead (the repository is left as it is).
if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$ROOT" 2>/dev/null; then
    QS=/var/tmp/barman-quickstart
    echo "note: the postgres user cannot reach $ROOT; the throw-away cluster goes to $QS"
fi

# 2. a clean slate (stop what a previous --keep run left)
if [ -d "$QS" ]; then
    for d in "$QS/pg" "$QS/recovered"; do [ -f "$d/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$d" -m immediate stop >/dev/null 2>&1 || true; done
    [ -x "$QS/bin/barman" ] && [ -f "$QS/barman.conf" ] && "$QS/bin/barman" -c "$QS/barman.conf" receive-wal --stop "$SRV" >/dev/null 2>&1 || true
    rm -rf "$QS"
fi
mkdir -p "$QS/bin" "$QS/sock" "$QS/archtmp" "$QS/home/$SRV/incoming" "$QS/barman.d"
chmod 0755 "$QS" "$QS/home" "$QS/home/$SRV"; chmod 0777 "$QS/home/$SRV/incoming" "$QS/archtmp" "$QS/sock"

say "Building the native barman (NativeAOT)"
dotnet publish "$ROOT/src/Barman.Cli" -c Release -r linux-x64 -o "$QS/bin" -nologo -v q >"$QS/build.log" 2>&1 || { cat "$QS/build.log"; exit 1; }
BARMAN="$QS/bin/barman"
"$BARMAN" --version

cleanup() {
    if [ "$KEEP" = 1 ]; then
        echo; echo "Left running (--keep). Explore with: $BARMAN -c $QS/barman.conf list-backup $SRV"
        echo "Stop everything with: $0 (it cleans up first) or:"
        echo "  $BARMAN -c $QS/barman.conf receive-wal --stop $SRV; $PGBIN/pg_ctl -D $QS/pg stop; $PGBIN/pg_ctl -D $QS/recovered stop"
        return
    fi
    "$BARMAN" -c "$QS/barman.conf" receive-wal --stop "$SRV" >/dev/null 2>&1 || true
    for d in "$QS/recovered" "$QS/pg"; do [ -f "$d/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$d" -m fast -w stop >/dev/null 2>&1 || true; done
}
trap cleanup EXIT

say "Creating a throw-away PostgreSQL 15 cluster"
PORT=$(free_port)
mkdir -p "$QS/pg"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$QS/pg" "$QS/sock" "$QS/archtmp"
as_pg "$PGBIN/initdb" -D "$QS/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat >>"$QS/pg/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$QS/sock'
wal_level = replica
max_wal_senders = 10
max_replication_slots = 10
archive_mode = on
archive_command = 'test ! -f $QS/home/$SRV/incoming/%f && cp %p $QS/archtmp/%f && mv $QS/archtmp/%f $QS/home/$SRV/incoming/%f'
CONF
as_pg "$PGBIN/pg_ctl" -D "$QS/pg" -l "$QS/sock/pg.log" -w start >/dev/null
psql_() { "$PGBIN/psql" -X -q -At -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "$1"; }
psql_ "CREATE USER barman SUPERUSER; CREATE USER streaming_barman REPLICATION; SELECT pg_create_physical_replication_slot('barman');" >/dev/null
echo "PostgreSQL 15 listening on 127.0.0.1:$PORT"

say "Writing the barman configuration from samples/"
sed -e "s|/var/lib/barman|$QS/home|; s|/etc/barman.d|$QS/barman.d|; s|/var/log/barman/barman.log|$QS/barman.log|; s|barman_user = barman|barman_user = $(id -un)|" \
    "$ROOT/samples/barman.conf" >"$QS/barman.conf"
sed -e "s|host=pg-main|host=127.0.0.1 port=$PORT|; s|/var/lib/barman|$QS/home|" "$ROOT/samples/barman.d/pg-main.conf" >"$QS/barman.d/$SRV.conf"
cat "$QS/barman.d/$SRV.conf" | grep -v '^;' | grep -v '^$'
B() { run "$BARMAN" -c "$QS/barman.conf" "$@"; }

say "Checking and starting WAL streaming"
B cron
sleep 2
B switch-wal --force --archive "$SRV"
B check "$SRV" || true

say "Taking a backup"
B backup --wait "$SRV"
B list-backup "$SRV"

say "Writing rows, with a point in time between them"
psql_ "CREATE TABLE quickstart(batch int, at timestamptz default now()); INSERT INTO quickstart(batch) SELECT 1 FROM generate_series(1,100);"
sleep 1; TARGET=$(psql_ "SELECT now()"); sleep 1
psql_ "INSERT INTO quickstart(batch) SELECT 2 FROM generate_series(1,100);"
echo "batch 1 written, target time $TARGET, batch 2 written"
B switch-wal --archive "$SRV"

say "Recovering to the point in time between the batches"
B recover --target-time "$TARGET" "$SRV" latest "$QS/recovered"

say "Starting the recovered copy"
RPORT=$(free_port)
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$QS/recovered" && chmod 0700 "$QS/recovered"
as_pg "$PGBIN/pg_ctl" -D "$QS/recovered" -l "$QS/sock/recovered.log" -o "-p $RPORT -c unix_socket_directories=$QS/sock -c archive_mode=off" -w start >/dev/null
for _ in $(seq 1 60); do
    [ "$("$PGBIN/psql" -X -At -h 127.0.0.1 -p "$RPORT" -U postgres -d postgres -c 'SELECT pg_is_in_recovery()' 2>/dev/null)" = f ] && break
    "$PGBIN/psql" -X -At -h 127.0.0.1 -p "$RPORT" -U postgres -d postgres -c 'SELECT pg_wal_replay_resume()' >/dev/null 2>&1 || true
    sleep 1
done
ROWS=$("$PGBIN/psql" -X -At -h 127.0.0.1 -p "$RPORT" -U postgres -d postgres -c "SELECT string_agg(batch || ':' || n, ' ') FROM (SELECT batch, count(*) n FROM quickstart GROUP BY batch ORDER BY batch) s")
echo "rows in the recovered copy (batch:count): $ROWS"

say "Verified restore test"
RT=0; B restore-test "$SRV" || RT=$?

echo
if [ "$ROWS" = "1:100" ] && [ "$RT" = 0 ]; then
    echo "VERDICT: OK - backup, WAL streaming, point-in-time recovery (batch 1 back, batch 2 not) and restore-test all worked"
else
    echo "VERDICT: FAILED - recovered rows '$ROWS' (expected '1:100'), restore-test exit $RT"
    exit 1
fi

#!/usr/bin/env bash
# Produces N real 16 MiB WAL segments from pgbench into $SEG_DIR (cached: does nothing when they are there).
# Runs a throw-away PostgreSQL 15 as user postgres on port ${BENCH_PORT:-55290}; leaves it running for pgbackrest
# (bench/stop-cluster.sh stops it). Usage: make-segments.sh [N]
set -euo pipefail
N=${1:-128}
BENCH=${BENCH_DIR:-/tmp/barman-wal-bench}
SEG_DIR=$BENCH/segments
PORT=${BENCH_PORT:-55290}
PGBIN=/usr/lib/postgresql/15/bin
mkdir -p "$SEG_DIR" "$BENCH/pg"
chown postgres "$SEG_DIR" "$BENCH/pg"
if [ ! -d "$BENCH/pg/data" ]; then
    runuser -u postgres -- $PGBIN/initdb -D "$BENCH/pg/data" -U postgres --auth=trust >/dev/null
    cat >> "$BENCH/pg/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$BENCH/pg'
wal_level = replica
archive_mode = on
archive_command = 'cp %p $SEG_DIR/%f'
max_wal_size = 4GB
CONF
fi
runuser -u postgres -- $PGBIN/pg_ctl -D "$BENCH/pg/data" -l "$BENCH/pg/log" -w status >/dev/null 2>&1 ||
    runuser -u postgres -- $PGBIN/pg_ctl -D "$BENCH/pg/data" -l "$BENCH/pg/log" -w start >/dev/null
count() { find "$SEG_DIR" -maxdepth 1 -name '????????????????????????' | wc -l; }
if [ "$(count)" -lt "$N" ]; then
    runuser -u postgres -- $PGBIN/pgbench -h 127.0.0.1 -p "$PORT" -U postgres -i -s 20 postgres >/dev/null 2>&1
    while [ "$(count)" -lt "$N" ]; do
        runuser -u postgres -- $PGBIN/pgbench -h 127.0.0.1 -p "$PORT" -U postgres -c 4 -j 2 -T 10 postgres >/dev/null 2>&1
        runuser -u postgres -- $PGBIN/psql -h 127.0.0.1 -p "$PORT" -U postgres -qAtc 'SELECT pg_switch_wal()' postgres >/dev/null
        sleep 1
    done
fi
echo "$SEG_DIR: $(count) segments"

#!/usr/bin/env bash
# bench/recover.sh: `recover latest` of a ~1.5 GB pgbench cluster, ours against the real barman 3.4, with
# `cp -a` of the backup's data directory as the floor. The backup is taken by the real `barman backup`
# (postgres method) on a private config, so this also proves that we recover a backup the real barman took,
# through WAL it archived. Needs root (PostgreSQL runs as postgres), hyperfine, PostgreSQL 15.
# Ours is the NativeAOT executable, as shipped (published to artifacts/linux-x64 unless NO_PUBLISH=1).
# Usage: bench/recover.sh [--keep]   Env: SCALE (default 100 = ~1.5 GB), PORT (55480), RUNS (3), ROOT, NO_PUBLISH.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
SCALE=${SCALE:-100}
PORT=${PORT:-55480}
RUNS=${RUNS:-3}
ROOT=${ROOT:-/tmp/barman-bench-recover}
PGBIN=/usr/lib/postgresql/15/bin
OURS=$REPO/artifacts/linux-x64/barman
KEEP=${1:-}

pg() { runuser -u postgres -- "$@"; }
cleanup() {
    pg "$PGBIN/pg_ctl" -D "$ROOT/pg" -m immediate -w stop >/dev/null 2>&1 || true
    pg "$PGBIN/pg_ctl" -D "$ROOT/rec-ours" -m immediate -w stop >/dev/null 2>&1 || true
    [ "$KEEP" = "--keep" ] || rm -rf "$ROOT"
}
trap cleanup EXIT

if [ "${NO_PUBLISH:-}" != 1 ]; then
    echo "== publish (NativeAOT)"
    dotnet publish "$REPO/src/Barman.Cli" -c Release -r linux-x64 -o "$REPO/artifacts/linux-x64" -nologo -v q >/dev/null
fi

echo "== cluster: pgbench scale $SCALE on port $PORT"
rm -rf "$ROOT"; mkdir -p "$ROOT/home/pg-bench/incoming" "$ROOT/sock" "$ROOT/barman.d"
chmod 0755 "$ROOT"; chmod 0777 "$ROOT/home/pg-bench/incoming"; chown postgres "$ROOT/sock"
mkdir "$ROOT/pg"; chown postgres "$ROOT/pg"
pg "$PGBIN/initdb" -D "$ROOT/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
cat >>"$ROOT/pg/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$ROOT/sock'
wal_level = replica
max_wal_senders = 10
archive_mode = on
archive_command = 'test ! -f $ROOT/home/pg-bench/incoming/%f && cp %p $ROOT/home/pg-bench/incoming/%f.tmp && chmod 0644 $ROOT/home/pg-bench/incoming/%f.tmp && mv $ROOT/home/pg-bench/incoming/%f.tmp $ROOT/home/pg-bench/incoming/%f'
shared_buffers = 256MB
max_wal_size = 4GB
fsync = off
CONF
pg "$PGBIN/pg_ctl" -D "$ROOT/pg" -l "$ROOT/sock/pg.log" -w start >/dev/null
"$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE USER barman SUPERUSER"
"$PGBIN/pgbench" -h 127.0.0.1 -p "$PORT" -U postgres -i -s "$SCALE" -q postgres 2>&1 | tail -1

cat >"$ROOT/barman.conf" <<CONF
[barman]
barman_home = $ROOT/home
configuration_files_directory = $ROOT/barman.d
barman_user = root
log_file = $ROOT/barman.log
compression = gzip
parallel_jobs = 2
CONF
cat >"$ROOT/barman.d/pg-bench.conf" <<CONF
[pg-bench]
description = "bench"
conninfo = host=127.0.0.1 port=$PORT user=barman dbname=postgres
streaming_conninfo = host=127.0.0.1 port=$PORT user=barman
backup_method = postgres
archiver = on
streaming_archiver = off
backup_directory = $ROOT/home/pg-bench
CONF

echo "== real barman backup"
barman -c "$ROOT/barman.conf" -q cron >/dev/null 2>&1 || true
barman -c "$ROOT/barman.conf" switch-wal --force --archive --archive-timeout 900 pg-bench >/dev/null
barman -c "$ROOT/barman.conf" backup --wait pg-bench | tail -3
ID=$(barman -c "$ROOT/barman.conf" list-backup --minimal pg-bench | head -1)
DATA="$ROOT/home/pg-bench/base/$ID/data"
echo "backup $ID: $(du -sh "$DATA" | cut -f1) in $(find "$DATA" -type f | wc -l) files"

echo "== timings (hyperfine, $RUNS runs each, destination removed before each run)"
hyperfine --warmup 1 --runs "$RUNS" --export-markdown "$ROOT/results.md" --export-json "$ROOT/results.json" \
    --prepare "rm -rf $ROOT/rec-real $ROOT/rec-ours $ROOT/rec-cp; sync" \
    -n "real barman 3.4" "barman -c $ROOT/barman.conf recover pg-bench latest $ROOT/rec-real" \
    -n "ours" "$OURS -c $ROOT/barman.conf recover pg-bench latest $ROOT/rec-ours" \
    -n "cp -a (floor)" "cp -a $DATA $ROOT/rec-cp"
cat "$ROOT/results.md"
python3 - "$ROOT/results.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
ours, real, cp = r["ours"], r["real barman 3.4"], r["cp -a (floor)"]
for name, x in (("ours", ours), ("real barman 3.4", real), ("cp -a", cp)):
    print(f"{name:16} wall {x['mean']:.3f} s  user+sys {x['user'] + x['system']:.3f} s")
print(f"ours / real barman: {ours['mean'] / real['mean']:.2f} (target <= 0.5)")
print(f"ours / cp -a:       {ours['mean'] / cp['mean']:.2f} (target <= 1.3)")
PY

echo "== proof: PostgreSQL starts on our copy of the real barman's backup"
"$OURS" -c "$ROOT/barman.conf" recover pg-bench latest "$ROOT/rec-ours" >/dev/null
chown -R postgres "$ROOT/rec-ours"
pg "$PGBIN/pg_ctl" -D "$ROOT/rec-ours" -l "$ROOT/sock/rec-ours.log" -o "-p $((PORT + 1)) -c unix_socket_directories=$ROOT/sock -c archive_mode=off" -w start >/dev/null
ROWS=$("$PGBIN/psql" -h 127.0.0.1 -p $((PORT + 1)) -U postgres -Atc "SELECT count(*) FROM pgbench_accounts")
echo "pgbench_accounts rows in the recovered copy: $ROWS (expected $((SCALE * 100000)))"
[ "$ROWS" = "$((SCALE * 100000))" ]

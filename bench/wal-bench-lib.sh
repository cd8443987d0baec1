#!/usr/bin/env bash
# Shared helpers of bench/archive-wal.sh and bench/get-wal.sh: segments, our AOT binary, configs, timing.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BENCH=${BENCH_DIR:-/tmp/barman-wal-bench}
PORT=${BENCH_PORT:-55290}
N=${N:-128}
OURS=${BARMAN_OURS:-$BENCH/aot/barman}
REAL=/usr/bin/barman
WORK=$BENCH/work

prepare() {
    "$HERE/make-segments.sh" "$N" >/dev/null
    if [ ! -x "$OURS" ]; then
        dotnet publish "$HERE/../src/Barman.Cli" -r linux-x64 -c Release -o "$(dirname "$OURS")" -nologo -p:TreatWarningsAsErrors=false >/dev/null
    fi
    mapfile -t SEGS < <(ls "$BENCH/segments" | grep -E '^[0-9A-F]{24}$' | sort | head -n "$N")
}

# stage: a fresh barman home with the N segments in incoming/ (copy time not measured, page cache synced).
stage() {
    rm -rf "$WORK"
    mkdir -p "$WORK"/home/pg/{incoming,wals,streaming,errors,base} "$WORK/out"
    for s in "${SEGS[@]}"; do cp --preserve=timestamps "$BENCH/segments/$s" "$WORK/home/pg/incoming/"; done
    sync
}

# barman_conf COMPRESSION|none: the config both barmans read.
barman_conf() {
    {
        echo "[barman]"
        echo "barman_home = $WORK/home"
        echo "barman_user = root"
        echo "log_file = $WORK/barman.log"
        [ "$1" = none ] || echo "compression = $1"
        echo "[pg]"
        echo "description = bench"
        echo "conninfo = host=127.0.0.1 port=$PORT user=postgres dbname=postgres"
        echo "backup_method = postgres"
        echo "archiver = on"
    } >"$WORK/barman.conf"
}

# pgbr_conf gz|lz4|zst|none: a pgBackRest repo for the bench cluster; creates the stanza.
pgbr_conf() {
    mkdir -p "$WORK/repo" "$WORK/pgbr-lock" "$WORK/pgbr-spool"
    cat >"$WORK/pgbackrest.conf" <<CONF
[global]
repo1-path=$WORK/repo
lock-path=$WORK/pgbr-lock
spool-path=$WORK/pgbr-spool
log-level-console=error
log-level-file=off
compress-type=$1
start-fast=y
[bench]
pg1-path=$BENCH/pg/data
pg1-port=$PORT
pg1-socket-path=$BENCH/pg
pg1-user=postgres
CONF
    pgbackrest --config="$WORK/pgbackrest.conf" --stanza=bench --no-online stanza-create >/dev/null
}

pgbr() { pgbackrest --config="$WORK/pgbackrest.conf" --stanza=bench "$@"; }

# seconds CMD...: wall-clock seconds of one command, output discarded.
# (bash locals are dynamically scoped: the names must not clash with the loop variables of the timed functions)
seconds() {
    local t_start t_end
    t_start=$(date +%s%N)
    "$@" >/dev/null
    t_end=$(date +%s%N)
    awk -v s="$t_start" -v e="$t_end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }'
}

# ratio A B: A/B with three decimals, "-" when either is missing.
ratio() { if [ "$1" = - ] || [ "$2" = - ]; then echo -; else awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; fi; }

# ms TOTAL COUNT: milliseconds per item.
ms() { if [ "$1" = - ]; then echo -; else awk -v t="$1" -v n="$2" 'BEGIN { printf "%.1f", t * 1000 / n }'; fi; }

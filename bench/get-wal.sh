#!/usr/bin/env bash
# get-wal as restore_command: milliseconds per segment for M (default 32) of the N archived segments, written to a
# file as PostgreSQL's %p: ours vs the real barman 3.4 (reading the catalog ours wrote) vs pgBackRest archive-get.
source "$(dirname "$0")/wal-bench-lib.sh"
M=${M:-32}
prepare
SAMPLE=("${SEGS[@]:0:$M}")

get_ours() { for s in "${SAMPLE[@]}"; do "$OURS" -c "$WORK/barman.conf" get-wal pg "$s" >"$WORK/out/$s"; done; }
get_real() { for s in "${SAMPLE[@]}"; do "$REAL" -c "$WORK/barman.conf" get-wal pg "$s" >"$WORK/out/$s"; done; }
get_pgbr() { for s in "${SAMPLE[@]}"; do pgbr archive-get "$s" "$WORK/out/$s"; done; }
check() { for s in "${SAMPLE[@]}"; do cmp -s "$WORK/out/$s" "$BENCH/segments/$s" || { echo "$1: $s differs" >&2; exit 1; }; done; rm -f "$WORK/out"/*; }

printf '| codec | ours (ms/segment) | real barman (ms/segment) | pgBackRest archive-get (ms/segment) | ours/real | ours/pgBackRest |\n'
printf '|---|---|---|---|---|---|\n'
for codec in none gzip zstd lz4; do
    stage; barman_conf "$codec"
    "$OURS" -c "$WORK/barman.conf" -q archive-wal pg
    t_ours=$(seconds get_ours); check ours
    t_real=-
    if [ "$codec" = none ] || [ "$codec" = gzip ]; then t_real=$(seconds get_real); check real; fi
    case $codec in none) pc=none ;; gzip) pc=gz ;; zstd) pc=zst ;; lz4) pc=lz4 ;; esac
    pgbr_conf "$pc"
    for s in "${SAMPLE[@]}"; do mkdir -p "$WORK/pw"; cp "$BENCH/segments/$s" "$WORK/pw/$s"; pgbr archive-push "$WORK/pw/$s"; done
    t_pgbr=$(seconds get_pgbr); check pgbackrest
    printf '| %s | %s | %s | %s | %s | %s |\n' "$codec" "$(ms "$t_ours" "$M")" "$(ms "$t_real" "$M")" "$(ms "$t_pgbr" "$M")" \
        "$(ratio "$t_ours" "$t_real")" "$(ratio "$t_ours" "$t_pgbr")"
done
echo "($M of $N segments of 16 MiB, $(nproc) cores; ours = $OURS)"

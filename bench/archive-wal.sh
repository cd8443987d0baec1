#!/usr/bin/env bash
# Archiving N (default 128) real 16 MiB pgbench segments from incoming/: ours vs the real barman 3.4 vs pgBackRest
# archive-push (one call per segment, as archive_command runs it), with cp + fsync as the floor. Prints a table.
source "$(dirname "$0")/wal-bench-lib.sh"
prepare

floor() { for s in "${SEGS[@]}"; do dd if="$WORK/home/pg/incoming/$s" of="$WORK/out/$s" bs=1M conv=fsync status=none; done; }
# verify CODEC: every archived file, decompressed by the system tool, equals its source segment; xlog.db lists each once.
verify() {
    local dec
    case $1 in none) dec=cat ;; gzip) dec="gzip -dc" ;; bzip2) dec="bzip2 -dc" ;; zstd) dec="zstd -dcq" ;; lz4) dec="lz4 -dc" ;; esac
    for s in "${SEGS[@]}"; do
        $dec <"$WORK/home/pg/wals/${s:0:16}/$s" | cmp -s - "$BENCH/segments/$s" || { echo "ours: $s archived with $1 differs" >&2; exit 1; }
    done
    [ "$(cut -f1 "$WORK/home/pg/wals/xlog.db" | sort -u | wc -l)" = "${#SEGS[@]}" ] || { echo "ours: xlog.db does not list each segment once ($1)" >&2; exit 1; }
}
push_all() { for s in "${SEGS[@]}"; do pgbr archive-push "$WORK/home/pg/incoming/$s"; done; }

stage; barman_conf none; t_floor=$(seconds floor)
printf '| codec | ours (s) | real barman (s) | pgBackRest archive-push (s) | cp+fsync floor (s) | ours/real | ours/pgBackRest |\n'
printf '|---|---|---|---|---|---|---|\n'
for codec in none gzip zstd lz4 ${WITH_BZIP2:+bzip2}; do
    stage; barman_conf "$codec"
    t_ours=$(seconds "$OURS" -c "$WORK/barman.conf" -q archive-wal pg)
    [ -z "$(ls "$WORK/home/pg/incoming")" ] || { echo "ours left files in incoming ($codec)" >&2; exit 1; }
    verify "$codec"
    t_real=-
    if [ "$codec" = none ] || [ "$codec" = gzip ] || { [ "$codec" = bzip2 ] && [ -n "${WITH_REAL_BZIP2:-}" ]; }; then
        stage; barman_conf "$codec"
        t_real=$(seconds "$REAL" -c "$WORK/barman.conf" -q archive-wal pg)
    fi
    t_pgbr=-
    case $codec in none) pc=none ;; gzip) pc=gz ;; zstd) pc=zst ;; lz4) pc=lz4 ;; *) pc= ;; esac
    if [ -n "$pc" ]; then
        stage; pgbr_conf "$pc"
        t_pgbr=$(seconds push_all)
    fi
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$codec" "$t_ours" "$t_real" "$t_pgbr" "$t_floor" \
        "$(ratio "$t_ours" "$t_real")" "$(ratio "$t_ours" "$t_pgbr")"
done
echo "($N segments of 16 MiB, $(nproc) cores; ours = $OURS)"

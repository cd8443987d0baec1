#!/usr/bin/env bash
# get-wal as restore_command: milliseconds per segment for M (default 32) of the N archived segments, written to a
# fresh file as PostgreSQL's %p: ours vs the real barman 3.4 (reading the catalog ours wrote) vs pgBackRest archive-get.
# The calls are interleaved segment by segment, so a busy neighbour slows every column alike.
# BARMAN_BASELINE=/path/to/older/barman adds a column for that binary (it archives and serves its own copy).
source "$(dirname "$0")/wal-bench-lib.sh"
M=${M:-32}
BASE=${BARMAN_BASELINE:-}
prepare
SAMPLE=("${SEGS[@]:0:$M}")

# timed NAME CMD...: runs CMD with stdout into a fresh $WORK/out/<segment>, adds its wall time (µs) to T[NAME].
declare -A T
timed() {
    local name=$1 file=$2 t0 t1
    shift 2
    rm -f "$file"
    t0=${EPOCHREALTIME/./}
    "$@" >"$file"
    t1=${EPOCHREALTIME/./}
    T[$name]=$(( ${T[$name]:-0} + t1 - t0 ))
}
verify() { cmp -s "$2" "$BENCH/segments/$3" || { echo "$1: $3 differs" >&2; exit 1; }; }
msper() { if [ -z "${T[$1]:-}" ]; then echo -; else awk -v t="${T[$1]}" -v n="$M" 'BEGIN { printf "%.1f", t / 1000 / n }'; fi; }
ratio_of() { if [ -z "${T[$1]:-}" ] || [ -z "${T[$2]:-}" ]; then echo -; else awk -v a="${T[$1]}" -v b="${T[$2]}" 'BEGIN { printf "%.3f", a / b }'; fi; }

printf '| codec | ours (ms/segment) |%s real barman (ms/segment) | pgBackRest archive-get (ms/segment) | ours/real | ours/pgBackRest |%s\n' \
    "${BASE:+ baseline (ms/segment) |}" "${BASE:+ baseline/pgBackRest |}"
printf '|---|---|%s---|---|---|---|%s\n' "${BASE:+---|}" "${BASE:+---|}"
for codec in none gzip zstd lz4; do
    stage; barman_conf "$codec"
    if [ -n "$BASE" ]; then
        # The baseline archives the same segments into its own home with its own frame format.
        sed "s#^barman_home = .*#barman_home = $WORK/home-base#; s#^log_file = .*#log_file = $WORK/barman-base.log#" "$WORK/barman.conf" >"$WORK/barman-base.conf"
        mkdir -p "$WORK/home-base/pg"
        cp -a "$WORK/home/pg/." "$WORK/home-base/pg/"
        "$BASE" -c "$WORK/barman-base.conf" -q archive-wal pg
    fi
    "$OURS" -c "$WORK/barman.conf" -q archive-wal pg
    case $codec in none) pc=none ;; gzip) pc=gz ;; zstd) pc=zst ;; lz4) pc=lz4 ;; esac
    pgbr_conf "$pc"
    for s in "${SAMPLE[@]}"; do mkdir -p "$WORK/pw"; cp "$BENCH/segments/$s" "$WORK/pw/$s"; pgbr archive-push "$WORK/pw/$s"; done
    sync
    T=()
    for s in "${SAMPLE[@]}"; do
        out="$WORK/out/$s"
        timed ours "$out" "$OURS" -c "$WORK/barman.conf" get-wal pg "$s"; verify ours "$out" "$s"
        if [ -n "$BASE" ]; then timed base "$out" "$BASE" -c "$WORK/barman-base.conf" get-wal pg "$s"; verify baseline "$out" "$s"; fi
        # pgBackRest writes the file itself (its stdout stays empty).
        timed pgbr "$WORK/out/pgbr.stdout" pgbr archive-get "$s" "$out"; verify pgbackrest "$out" "$s"
        if [ "$codec" = none ] || [ "$codec" = gzip ]; then timed real "$out" "$REAL" -c "$WORK/barman.conf" get-wal pg "$s"; verify real "$out" "$s"; fi
        rm -f "$out"
    done
    printf '| %s | %s |%s %s | %s | %s | %s |%s\n' "$codec" "$(msper ours)" "${BASE:+ $(msper base) |}" "$(msper real)" "$(msper pgbr)" \
        "$(ratio_of ours real)" "$(ratio_of ours pgbr)" "${BASE:+ $(ratio_of base pgbr) |}"
done
echo "($M of $N segments of 16 MiB, $(nproc) cores; ours = $OURS${BASE:+; baseline = $BASE})"

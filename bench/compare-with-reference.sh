#!/usr/bin/env bash
# bench/compare-with-reference.sh: recovers the same backup with the real barman 3.4 and with ours, for each
# target form, and diffs stdout (start time and destination normalised), the tree with modes, and every byte.
# Needs the catalog that `bench/recover.sh --keep` leaves (ROOT, default /tmp/barman-bench-recover; SCALE=10 is enough).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=${ROOT:-/tmp/barman-bench-recover}
OURS=${OURS:-$PWD/src/Barman.Cli/bin/Release/net10.0/barman}
CONF=$ROOT/barman.conf
[ -f "$CONF" ] || { echo "no $CONF: run bench/recover.sh --keep first"; exit 1; }
END=$(sed -n 's/^end_time=//p' "$ROOT"/home/pg-bench/base/*/backup.info | head -1)
LATER=$(date -u -d "${END%+*} + 1 hour" '+%Y-%m-%d %H:%M:%S')
status=0

compare() {
    local name
    name=$(printf '%s' "$*" | tr -c 'a-zA-Z0-9' '_' | cut -c1-40)
    local real=$ROOT/cmp-real-$name ours=$ROOT/cmp-ours-$name
    rm -rf "$real" "$ours"
    barman -c "$CONF" recover pg-bench latest "$real" "$@" >"$real.out" 2>&1
    "$OURS" -c "$CONF" recover pg-bench latest "$ours" "$@" >"$ours.out" 2>&1
    local verdict="identical"
    diff <(sed "s#$real#DEST#; s/start time: .*/START/" "$real.out") <(sed "s#$ours#DEST#; s/start time: .*/START/" "$ours.out") >/dev/null || verdict="stdout differs"
    if [ -d "$real" ] || [ -d "$ours" ]; then
        diff <(cd "$real" && find . -printf '%P %m %y %s\n' | sort) <(cd "$ours" && find . -printf '%P %m %y %s\n' | sort) >/dev/null || verdict="$verdict; tree differs"
        diff -r "$real" "$ours" >/dev/null || verdict="$verdict; content differs: $(diff -rq "$real" "$ours" | head -3 | tr '\n' ' ')"
    fi
    printf '%-60s %s\n' "recover ${*:-(no target)}" "$verdict"
    [ "$verdict" = identical ] || status=1
    rm -rf "$real" "$ours" "$real.out" "$ours.out"
}

compare
compare --target-time "$LATER"
compare --target-xid 1000
compare --target-xid 1000 --exclusive
compare --target-lsn 0/3000000 --target-action promote
compare --target-name nosuch --target-action shutdown
compare --target-immediate --target-action pause
compare --target-tli 1 --target-name x
compare --target-tli latest
compare --standby-mode
compare --target-time "2000-01-01"
compare --target-time "not a time"
compare --target-action promote
compare --target-xid 1 --target-name x
echo "(--get-wal differs on purpose: our restore_command carries -c CONFIG and needs no sudo)"
exit $status

#!/usr/bin/env bash
# Catalog verbs at scale: list-backup, -f json list-backup and show-backup (oldest: barman walks the most WAL for it) on
# generated catalogs of 300 and 3,000 backups (10 WAL each: 3,300 / 33,000 xlog.db lines), ours (NativeAOT) against
# the real barman (/usr/bin/barman) in one run. Prints hyperfine's table per case and the ratio ours / real.
# Usage: bench/catalog.sh [--no-publish]   (SIZES="300 3000" by default; e.g. SIZES=30 for a quick check)
# Columns: wall-clock means, and ours' CPU time (user+sys, mean) which stays meaningful on a loaded machine.
# The real barman re-reads xlog.db once per backup (O(backups x WAL)): at 3,000 backups one list-backup takes minutes,
# so it runs once there (REAL_RUNS_3000, default 1) and outputs are compared byte for byte at 300 backups only.
set -euo pipefail
cd "$(dirname "$0")/.."

ours=$PWD/artifacts/linux-x64/barman
real=/usr/bin/barman
[ "${1:-}" = "--no-publish" ] || dotnet publish src/Barman.Cli -c Release -r linux-x64 -o artifacts/linux-x64 -nologo -v q
command -v hyperfine >/dev/null || { echo "hyperfine is not installed" >&2; exit 1; }
[ -x "$real" ] || { echo "$real not found: nothing to compare with" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-10s %-24s %12s %14s %12s %10s\n' backups command "ours (ms)" "ours cpu (ms)" "real (ms)" "ours/real" >"$work/summary"
for n in ${SIZES:-300 3000}; do
    home="$work/h$n"
    conf="$work/barman-$n.conf"
    cat >"$conf" <<CONF
[barman]
barman_home = $home
barman_user = $(id -un)
log_file = $work/barman.log
compression = gzip
minimum_redundancy = 1

[pg-main]
description = "Catalog benchmark"
conninfo = host=127.0.0.1 port=55390 user=barman dbname=postgres
streaming_conninfo = host=127.0.0.1 port=55390 user=streaming_barman
backup_method = postgres
streaming_archiver = on
slot_name = barman
retention_policy = RECOVERY WINDOW OF 30 DAYS
CONF
    python3 bench/catalog-gen.py "$home" pg-main "$n" 10 --variety
    oldest=$("$ours" -c "$conf" list-backup --minimal pg-main | tail -1)
    runs_real=5; [ "$n" -ge 3000 ] && runs_real=${REAL_RUNS_3000:-1}
    for cmd in "list-backup pg-main" "-f json list-backup pg-main" "show-backup pg-main $oldest"; do
        # the outputs must be identical before timing means anything
        if [ "$n" -le 300 ] && ! cmp -s <("$ours" -c "$conf" $cmd) <("$real" -c "$conf" $cmd); then
            echo "OUTPUT DIFFERS for '$cmd' at $n backups" >&2
        fi
        hyperfine -N --warmup 1 --runs 20 --export-json "$work/o.json" "$ours -c $conf $cmd" >/dev/null
        hyperfine -N --warmup 0 --runs "$runs_real" --export-json "$work/r.json" "$real -c $conf $cmd" >/dev/null
        o=$(python3 -c "import json;print(json.load(open('$work/o.json'))['results'][0]['mean']*1000)")
        oc=$(python3 -c "import json;r=json.load(open('$work/o.json'))['results'][0];print((r['user']+r['system'])*1000)")
        r=$(python3 -c "import json;print(json.load(open('$work/r.json'))['results'][0]['mean']*1000)")
        printf '%-10s %-24s %12.1f %14.1f %12.1f %10.4f\n' "$n" "${cmd%% pg-main*}" "$o" "$oc" "$r" "$(python3 -c "print($o/$r)")" >>"$work/summary"
    done
done
cat "$work/summary"

#!/usr/bin/env bash
# Start-up cost of our NativeAOT barman against the real one (/usr/bin/barman): --version, --help and list-servers on a
# generated 7-server configuration. Prints hyperfine's table per command and the ratio (real / ours).
# Usage: bench/startup.sh [--no-publish]     (needs hyperfine; publishes to artifacts/linux-x64 unless --no-publish)
set -euo pipefail
cd "$(dirname "$0")/.."

ours=artifacts/linux-x64/barman
real=/usr/bin/barman
if [ "${1:-}" != "--no-publish" ]; then
    dotnet publish src/Barman.Cli -c Release -r linux-x64 -o artifacts/linux-x64 -nologo -v q
fi
command -v hyperfine >/dev/null || { echo "hyperfine is not installed" >&2; exit 1; }
[ -x "$real" ] || { echo "$real not found: nothing to compare with" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
conf="$work/barman.conf"
mkdir -p "$work/barman.d" "$work/home"
cat >"$conf" <<CONF
[barman]
barman_home = $work/home
barman_user = $(id -un)
configuration_files_directory = $work/barman.d
log_file = $work/barman.log
log_level = INFO
compression = gzip
minimum_redundancy = 1
retention_policy = RECOVERY WINDOW OF 7 DAYS
CONF
for i in 1 2 3 4 5 6 7; do
    cat >"$work/barman.d/pg-$i.conf" <<CONF
[pg-$i]
description = "Benchmark server $i"
conninfo = host=127.0.0.1 port=$((54400 + i)) user=barman dbname=postgres
streaming_conninfo = host=127.0.0.1 port=$((54400 + i)) user=streaming_barman
backup_method = postgres
streaming_archiver = on
slot_name = barman_$i
CONF
done

# Same bytes first: a benchmark of two programs printing different things would mean nothing.
if ! diff <("$real" -c "$conf" list-servers) <("$ours" -c "$conf" list-servers) >/dev/null; then
    echo "warning: list-servers output differs between $real and $ours" >&2
fi

printf '\n| command | real barman (ms) | ours (ms) | ratio |\n|---|---|---|---|\n' >"$work/table.md"
bench() {
    local label=$1; shift
    hyperfine -N --warmup 3 --min-runs 20 --export-json "$work/r.json" \
        -n real "$real $*" -n ours "$ours $*" >&2
    python3 - "$label" "$work/r.json" >>"$work/table.md" <<'PY'
import json, sys
label, path = sys.argv[1], sys.argv[2]
r = {x["command"]: x["mean"] * 1000 for x in json.load(open(path))["results"]}
print(f"| {label} | {r['real']:.1f} | {r['ours']:.1f} | {r['real'] / r['ours']:.1f}x faster |")
PY
}
bench "--version" --version
bench "--help" --help
bench "list-servers (7 servers)" -c "$conf" list-servers
cat "$work/table.md"

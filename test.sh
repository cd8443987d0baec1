#!/usr/bin/env bash
# Runs every test project (unit, CLI, integration on real PostgreSQL 15) and prints the totals
# as the last line: "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")"
# The Barman 3.4 reference (golden files, oracle facts) lives in shared/ beside the clone.
if [ -z "${BARMAN_REFERENCE:-}" ] && [ -d ../shared/reference/barman-3.4 ]; then
    export BARMAN_REFERENCE="$(cd ../shared/reference/barman-3.4 && pwd)"
fi

log=$(mktemp)
dotnet build Barman.sln -c Release -nologo -v q >"$log" 2>&1 || { cat "$log"; echo "0 passed, 1 failed"; exit 1; }
dotnet test Barman.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=0; failed=0; skipped=0
while read -r f p s; do
    failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
done < <(sed -nE 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/p' "$log")
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"

#!/usr/bin/env bash
# Stops the throw-away PostgreSQL that make-segments.sh started (the segments stay cached in $BENCH_DIR/segments).
set -euo pipefail
BENCH=${BENCH_DIR:-/tmp/barman-wal-bench}
runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$BENCH/pg/data" -m fast -w stop

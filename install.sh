#!/usr/bin/env bash
# Builds the native barman and installs it as /usr/local/bin/barman (run as root).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")" && pwd)
RID=${RID:-linux-x64}
dotnet publish "$ROOT/src/Barman.Cli" -c Release -r "$RID" -o "$ROOT/artifacts/$RID" -nologo
install -m 0755 "$ROOT/artifacts/$RID/barman" "${PREFIX:-/usr/local}/bin/barman"
echo "installed: $("${PREFIX:-/usr/local}/bin/barman" --version)"

#!/usr/bin/env bash
# Builds barman for every supported platform into artifacts/<rid>/. The host's own RID gets the NativeAOT
# binary; other RIDs are self-contained single-file builds (NativeAOT needs the target's native toolchain).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HOST_RID=linux-x64
for rid in ${RIDS:-linux-x64 linux-arm64 osx-arm64 win-x64}; do
    echo "== $rid"
    if [ "$rid" = "$HOST_RID" ]; then
        dotnet publish "$ROOT/src/Barman.Cli" -c Release -r "$rid" -o "$ROOT/artifacts/$rid" -nologo -v q
    else
        dotnet publish "$ROOT/src/Barman.Cli" -c Release -r "$rid" -o "$ROOT/artifacts/$rid" -nologo -v q \
            -p:PublishAot=false -p:PublishSingleFile=true -p:SelfContained=true
    fi
done
ls -la "$ROOT"/artifacts/*/barman*

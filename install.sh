#!/usr/bin/env bash
# Builds the native barman and installs it as /usr/local/bin/barman with its bash completion (run as root).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")" && pwd)
RID=${RID:-linux-x64}
PREFIX=${PREFIX:-/usr/local}
dotnet publish "$ROOT/src/Barman.Cli" -c Release -r "$RID" -o "$ROOT/artifacts/$RID" -nologo
install -D -m 0755 "$ROOT/artifacts/$RID/barman" "$PREFIX/bin/barman"
# bash-completion also looks in $PREFIX/share/bash-completion/completions (XDG_DATA_DIRS).
install -D -m 0644 "$ROOT/packaging/completion/barman.bash" "$PREFIX/share/bash-completion/completions/barman"
install -D -m 0644 "$ROOT/packaging/completion/_barman" "$PREFIX/share/zsh/site-functions/_barman"
echo "installed: $("$PREFIX/bin/barman" --version)"
echo "completion: $PREFIX/share/bash-completion/completions/barman (bash), $PREFIX/share/zsh/site-functions/_barman (zsh)"

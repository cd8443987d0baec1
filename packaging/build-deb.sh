#!/usr/bin/env bash
# Builds barman-dotnet_<version>_amd64.deb (into $OUT, default artifacts/) with dpkg-deb: the native barman, sample config,
# /etc/cron.d/barman, bash/zsh completion and a barman system user created on install, as Debian's barman package does.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VERSION=${VERSION:-3.4.0}
STAGE=$(mktemp -d)
chmod 0755 "$STAGE"
trap 'rm -rf "$STAGE"' EXIT

OUT=${OUT:-$ROOT/artifacts}
# BARMAN_BINARY: an already published native barman (skips the NativeAOT publish).
if [ -z "${BARMAN_BINARY:-}" ]; then
    dotnet publish "$ROOT/src/Barman.Cli" -c Release -r linux-x64 -o "$ROOT/artifacts/linux-x64" -nologo -v q
    BARMAN_BINARY=$ROOT/artifacts/linux-x64/barman
fi
install -D -m 0755 "$BARMAN_BINARY" "$STAGE/usr/bin/barman"
install -D -m 0644 "$ROOT/samples/barman.conf" "$STAGE/etc/barman.conf"
install -D -m 0644 "$ROOT/samples/barman.d/pg-main.conf" "$STAGE/usr/share/doc/barman-dotnet/examples/pg-main.conf"
install -D -m 0644 "$ROOT/samples/postgres/setup.sql" "$STAGE/usr/share/doc/barman-dotnet/examples/setup.sql"
install -d -m 0755 "$STAGE/etc/barman.d"
# The restore-test line names the example server, so it ships commented out until pg-main is configured.
sed -e 's|/usr/local/bin/barman|/usr/bin/barman|g' -e 's|^\([^#].*restore-test pg-main\)|# \1|' "$ROOT/samples/cron.d/barman" \
    | install -D -m 0644 /dev/stdin "$STAGE/etc/cron.d/barman"
install -D -m 0644 "$ROOT/packaging/completion/barman.bash" "$STAGE/usr/share/bash-completion/completions/barman"
install -D -m 0644 "$ROOT/packaging/completion/_barman" "$STAGE/usr/share/zsh/vendor-completions/_barman"
install -d "$STAGE/DEBIAN"
cat >"$STAGE/DEBIAN/control" <<CONTROL
Package: barman-dotnet
Version: $VERSION
Section: database
Priority: optional
Architecture: amd64
Maintainer: Barman for .NET developers <barman-dotnet@localhost>
Conflicts: barman
Provides: barman
Replaces: barman
Depends: adduser, rsync
Recommends: postgresql-client
Description: Backup and Recovery Manager for PostgreSQL (native .NET drop-in for Barman)
 Same commands, configuration files and on-disk catalog as Barman 3.4, in one native executable.
CONTROL
printf '/etc/barman.conf\n/etc/cron.d/barman\n' >"$STAGE/DEBIAN/conffiles"
install -m 0755 "$ROOT/packaging/debian/postinst" "$STAGE/DEBIAN/postinst"
install -m 0755 "$ROOT/packaging/debian/postrm" "$STAGE/DEBIAN/postrm"
mkdir -p "$OUT"
dpkg-deb --root-owner-group --build "$STAGE" "$OUT/barman-dotnet_${VERSION}_amd64.deb"

#!/usr/bin/env bash
# Builds artifacts/barman-dotnet_<version>_amd64.deb with dpkg-deb: the native barman, sample config,
# /etc/cron.d/barman and a 'barman' system user created on install, as Debian's barman package does.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VERSION=${VERSION:-3.4.0}
STAGE=$(mktemp -d)
chmod 0755 "$STAGE"
trap 'rm -rf "$STAGE"' EXIT

dotnet publish "$ROOT/src/Barman.Cli" -c Release -r linux-x64 -o "$ROOT/artifacts/linux-x64" -nologo -v q
install -D -m 0755 "$ROOT/artifacts/linux-x64/barman" "$STAGE/usr/bin/barman"
install -D -m 0644 "$ROOT/samples/barman.conf" "$STAGE/etc/barman.conf"
install -D -m 0644 "$ROOT/samples/barman.d/pg-main.conf" "$STAGE/usr/share/doc/barman-dotnet/examples/pg-main.conf"
install -D -m 0644 "$ROOT/samples/postgres/setup.sql" "$STAGE/usr/share/doc/barman-dotnet/examples/setup.sql"
install -d -m 0755 "$STAGE/etc/barman.d"
sed 's|/usr/local/bin/barman|/usr/bin/barman|g' "$ROOT/samples/cron.d/barman" | install -D -m 0644 /dev/stdin "$STAGE/etc/cron.d/barman"
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
mkdir -p "$ROOT/artifacts"
dpkg-deb --root-owner-group --build "$STAGE" "$ROOT/artifacts/barman-dotnet_${VERSION}_amd64.deb"

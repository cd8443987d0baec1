#!/usr/bin/env bash
# One-off check of the newcomer's path: in an isolated copy of this machine (packaging/isolated-root.sh) with every
# PostgreSQL package and its data purged, clone BRANCH of this repository afresh and run ./quickstart.sh to its verdict.
#   packaging/verify-quickstart.sh [BRANCH]      (root; needs the apt package registry for postgresql-15)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BRANCH=${1:-$(git -C "$ROOT" rev-parse --abbrev-ref HEAD)}
# Purging the two *-common packages takes every PostgreSQL package with it (and barman, pgbackrest that need them).
# policy-rc.d: the packages' init scripts must not start a default cluster on the host's port 5432 (shared network).
setup='set -e
export DEBIAN_FRONTEND=noninteractive
apt-get purge -y -q postgresql-common postgresql-client-common >/dev/null
rm -rf /var/lib/postgresql /etc/postgresql /etc/postgresql-common /var/log/postgresql
if getent passwd postgres >/dev/null; then userdel postgres; fi
if getent group postgres >/dev/null; then groupdel postgres; fi
printf "#!/bin/sh\nexit 101\n" >/usr/sbin/policy-rc.d && chmod 0755 /usr/sbin/policy-rc.d
echo "before: initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null || echo none) psql=$(command -v psql || echo none) postgres-user=$(getent passwd postgres || echo none)"'
exec "$ROOT/packaging/isolated-root.sh" --setup "$setup" -- /bin/bash -c "set -e
git clone -q --no-local --branch '$BRANCH' '$ROOT' /root/barman-fresh
cd /root/barman-fresh && git log --oneline -1
./quickstart.sh"

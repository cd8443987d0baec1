#!/usr/bin/env bash
# Runs a command in a throw-away copy of this machine: private mount+PID namespaces, an overlay whose lower layer is /
# (every write lands in a tmpfs), chroot. Nothing reaches the host, and the mounts vanish with the namespace.
#
#   isolated-root.sh [--copy PATH]... [--setup 'SHELL CMD'] [--footprint] -- CMD [ARG]...
#
#   --copy PATH     copy PATH into /isolated/ inside the root (the host's other mounts are not part of the overlay)
#   --setup CMD     run CMD (sh -c) in the root first, e.g. to remove a package that CMD must not see
#   --footprint     after CMD, print one "footprint<TAB>KIND<TAB>PATH" line per change CMD made (not --setup's):
#                   KIND is new, new-dir, changed or deleted; directories that merely got copied up are not listed
set -euo pipefail

if [ "${1:-}" = --inside ]; then
    base=$2; shift 2
    copies=(); setup=""; footprint=0
    while [ $# -gt 0 ]; do
        case "$1" in
            --copy) copies+=("$2"); shift 2 ;;
            --setup) setup=$2; shift 2 ;;
            --footprint) footprint=1; shift ;;
            --) shift; break ;;
        esac
    done
    mount -t tmpfs -o mode=0700 isolated-root "$base"
    mkdir -p "$base"/a/upper "$base"/a/work "$base"/b/upper "$base"/b/work "$base"/ra "$base"/rb
    mount -t overlay overlay -o "lowerdir=/,upperdir=$base/a/upper,workdir=$base/a/work" "$base/ra"
    mkdir -p "$base/ra/isolated"
    for c in "${copies[@]}"; do cp -a "$c" "$base/ra/isolated/"; done

    # The API filesystems a package manager and a database server need; /tmp and /run start empty.
    api_mounts() {
        mount -t proc proc "$1/proc"
        mount --rbind /dev "$1/dev"
        mount --rbind /sys "$1/sys"
        mount -t tmpfs tmpfs "$1/tmp" && chmod 1777 "$1/tmp"
        mount -t tmpfs tmpfs "$1/run"
    }
    root=$base/ra
    if [ -n "$setup" ]; then
        api_mounts "$base/ra"
        chroot "$base/ra" /bin/sh -c "$setup"
    fi
    if [ "$footprint" = 1 ]; then
        # A second overlay on top of the first: its upper layer holds exactly what CMD changed.
        mount -t overlay overlay -o "lowerdir=$base/ra,upperdir=$base/b/upper,workdir=$base/b/work" "$base/rb"
        root=$base/rb
    fi
    mountpoint -q "$root/proc" || api_mounts "$root"
    rc=0
    chroot "$root" "$@" || rc=$?
    if [ "$footprint" = 1 ]; then
        (cd "$base/b/upper" && find . -mindepth 1 -print0 | sort -z) | while IFS= read -r -d '' p; do
            rel=${p#.}; up=$base/b/upper$rel; low=$base/ra$rel
            if [ -c "$up" ] && [ "$(stat -c %t:%T "$up")" = 0:0 ]; then
                printf 'footprint\tdeleted\t%s\n' "$rel"
            elif [ -d "$up" ] && [ ! -L "$up" ]; then
                [ -d "$low" ] || printf 'footprint\tnew-dir\t%s\n' "$rel"
            elif [ ! -e "$low" ] && [ ! -L "$low" ]; then
                printf 'footprint\tnew\t%s\n' "$rel"
            elif [ "$(stat -c %f:%u:%g "$up")" != "$(stat -c %f:%u:%g "$low")" ] || ! cmp -s "$up" "$low"; then
                printf 'footprint\tchanged\t%s\n' "$rel"
            fi
        done
    fi
    exit "$rc"
fi

copies=(); rest=()
while [ $# -gt 0 ]; do
    case "$1" in
        --copy) copies+=(--copy "$(realpath "$2")"); shift 2 ;;
        --setup) rest+=(--setup "$2"); shift 2 ;;
        --footprint) rest+=(--footprint); shift ;;
        --) shift; break ;;
        *) break ;;
    esac
done
if [ $# -eq 0 ]; then
    sed -n '2,11s/^# \{0,1\}//p' "$0" >&2
    exit 2
fi
[ "$(id -u)" = 0 ] || { echo "isolated-root: must run as root" >&2; exit 2; }
base=$(mktemp -d "${TMPDIR:-/tmp}/isolated-root-XXXXXX")
# The mounts live only in the namespace below, so they go when its last process does; only the empty
# mount point is left on the host.
trap 'rmdir "$base" 2>/dev/null || true' EXIT
rc=0
unshare --mount --pid --fork --propagation private -- "$0" --inside "$base" "${copies[@]}" "${rest[@]}" -- "$@" || rc=$?
exit "$rc"

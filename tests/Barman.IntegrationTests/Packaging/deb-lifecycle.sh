#!/bin/sh
# Installs, removes and purges a barman-dotnet .deb, printing "fact<TAB>KEY<TAB>VALUE" lines for DebPackageTests.
# Runs inside packaging/isolated-root.sh (never on a real machine): it changes users and packages.
deb=$1
fact() { printf 'fact\t%s\t%s\n' "$1" "$2"; }
meta() { if [ -e "$1" ]; then stat -c '%a %U:%G' "$1"; else echo absent; fi; }
step() { name=$1; shift; out=$("$@" 2>&1); rc=$?; fact "$name.rc" "$rc"; printf '%s\n' "$out" | sed "s/^/log\t$name\t/"; }
paths="/usr/bin/barman /etc/barman.conf /etc/barman.d /etc/cron.d/barman /var/lib/barman /var/log/barman"

step install dpkg -i "$deb"
fact install.passwd "$(getent passwd barman || echo absent)"
fact install.group "$(getent group barman || echo absent)"
for p in $paths; do fact "install.meta:$p" "$(meta "$p")"; done
fact install.version "$(v=$(/usr/bin/barman --version 2>&1); echo "rc=$? $v")"
fact install.list-servers-as-barman "$(runuser -u barman -- barman list-servers 2>&1; echo "rc=$?")"
fact install.cron-binaries "$(grep -v '^#' /etc/cron.d/barman | grep -o '/[a-z/]*bin/barman' | sort -u | tr '\n' ' ')"
fact install.completion "$(meta /usr/share/bash-completion/completions/barman)"
# The packaged bash completion, as bash calls it for "barman li<TAB>": the native binary answers [suggest:9].
fact install.bash-complete "$(bash -c '. /usr/share/bash-completion/completions/barman
COMP_LINE="barman li"; COMP_POINT=9; COMP_WORDS=(barman li); COMP_CWORD=1; _barman; echo "${COMPREPLY[*]}"' 2>&1)"

step remove dpkg --remove barman-dotnet
fact remove.passwd "$(getent passwd barman || echo absent)"
for p in $paths; do fact "remove.meta:$p" "$(meta "$p")"; done

step purge dpkg --purge barman-dotnet
fact purge.passwd "$(getent passwd barman || echo absent)"
fact purge.group "$(getent group barman || echo absent)"
fact purge.status "$(dpkg-query -W -f '${Status}' barman-dotnet 2>&1)"
for p in $paths; do fact "purge.meta:$p" "$(meta "$p")"; done

#!/usr/bin/env bash
# Installs the inburgering executables, their systemd units (rendered from the templates in
# deploy/systemd), the sysusers.d and tmpfiles.d entries and the example region file.
# `make install` runs it after a release build; deploy/README.md explains what goes where.
set -euo pipefail

usage() {
    cat <<'TEXT'
Usage: deploy/install.sh (--bindir-from DIR | --units-only) [--prefix P] [--destdir D]

  --bindir-from DIR  where the built executables are (swift build -c release --show-bin-path)
  --units-only       install everything but the executables
  --prefix P         installation prefix, an absolute path (default /usr/local);
                     the units run P/bin/inburgering-<service>
  --destdir D        stage the files under D (for packaging; the units still name P/bin)
  --help             show this text

Installs P/bin/{inburgering-intake,-pip,-enrolment,-contract-monitor,-notifier,inburgeringctl},
P/lib/systemd/system/inburgering-<service>@.service and inburgering@.target,
P/lib/sysusers.d/inburgering.conf, P/lib/tmpfiles.d/inburgering.conf and
P/share/doc/inburgering/{README.md,zwolle.env.example,zwolle.register.yaml}.
TEXT
}

fail() {
    echo "install.sh: error: $1" >&2
    exit 1
}

services=(intake pip enrolment contract-monitor notifier)
declare -A descriptions=(
    [intake]="COA koppelingen, DUO notifications, brede intake"
    [pip]="route advice and the PIP"
    [enrolment]="placement with providers and their reports"
    [contract-monitor]="contracts, capacity, keurmerk and results"
    [notifier]="e-mail and webhooks before deadlines"
)
executables=("${services[@]/#/inburgering-}" inburgeringctl)

bindir_from=
units_only=false
prefix=/usr/local
destdir=
while [ $# -gt 0 ]; do
    case $1 in
        --help | -h) usage; exit 0 ;;
        --units-only) units_only=true; shift ;;
        --bindir-from | --prefix | --destdir)
            [ $# -ge 2 ] && [[ $2 != --* ]] || fail "$1 needs a value; --help shows the usage"
            case $1 in
                --bindir-from) bindir_from=$2 ;;
                --prefix) prefix=$2 ;;
                --destdir) destdir=$2 ;;
            esac
            shift 2
            ;;
        --bindir-from=*) bindir_from=${1#*=}; shift ;;
        --prefix=*) prefix=${1#*=}; shift ;;
        --destdir=*) destdir=${1#*=}; shift ;;
        *) fail "unknown argument '$1'; --help shows the usage" ;;
    esac
done

case $prefix in
    /*) ;;
    *) fail "--prefix must be an absolute path, not '$prefix'" ;;
esac
if [[ $prefix =~ [[:space:]%\\\"\'] ]]; then fail "--prefix must not contain spaces, quotes, % or backslashes (it goes into ExecStart=)"; fi
while [ "${prefix%/}" != "$prefix" ]; do prefix=${prefix%/}; done
destdir=${destdir%/}

if $units_only; then
    [ -z "$bindir_from" ] || fail "--units-only and --bindir-from exclude each other"
else
    [ -n "$bindir_from" ] || fail "pass --bindir-from DIR (the built executables) or --units-only"
    [ -d "$bindir_from" ] || fail "--bindir-from '$bindir_from' is not a directory"
    for name in "${executables[@]}"; do
        [ -f "$bindir_from/$name" ] && [ -x "$bindir_from/$name" ] \
            || fail "no executable $bindir_from/$name; build first (swift build -c release)"
    done
fi

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bindir=$prefix/bin
unitdir=$prefix/lib/systemd/system
docdir=$prefix/share/doc/inburgering

# Replaces @NAME@ placeholders; values are taken literally (no '&' expansion of bash 5.2).
shopt -u patsub_replacement 2>/dev/null || true
render() { # template service description
    local text
    text=$(<"$1")
    text=${text//@SERVICE@/$2}
    text=${text//@DESCRIPTION@/$3}
    text=${text//@BINDIR@/$bindir}
    text=${text//@DOCDIR@/$docdir}
    if [[ $text =~ @[A-Z_]+@ ]]; then fail "$1 has a placeholder install.sh does not know: ${BASH_REMATCH[0]}"; fi
    printf '%s\n' "$text"
}

install -d -m 0755 "$destdir$unitdir" "$destdir$prefix/lib/sysusers.d" "$destdir$prefix/lib/tmpfiles.d" "$destdir$docdir"
if ! $units_only; then
    install -d -m 0755 "$destdir$bindir"
    for name in "${executables[@]}"; do
        install -m 0755 "$bindir_from/$name" "$destdir$bindir/$name"
    done
fi
for service in "${services[@]}"; do
    unit=$destdir$unitdir/inburgering-$service@.service
    render "$source_dir/systemd/inburgering-service@.service.in" "$service" "${descriptions[$service]}" >"$unit.tmp"
    chmod 0644 "$unit.tmp"
    mv -f "$unit.tmp" "$unit"
done
install -m 0644 "$source_dir/systemd/inburgering@.target" "$destdir$unitdir/inburgering@.target"
install -m 0644 "$source_dir/sysusers.d/inburgering.conf" "$destdir$prefix/lib/sysusers.d/inburgering.conf"
install -m 0644 "$source_dir/tmpfiles.d/inburgering.conf" "$destdir$prefix/lib/tmpfiles.d/inburgering.conf"
install -m 0644 "$source_dir/regions/zwolle.env.example" "$destdir$docdir/zwolle.env.example"
install -m 0644 "$source_dir/regions/zwolle.register.yaml" "$destdir$docdir/zwolle.register.yaml"
install -m 0644 "$source_dir/README.md" "$destdir$docdir/README.md"

$units_only || echo "installed the executables in $destdir$bindir"
echo "installed the units in $destdir$unitdir and the examples in $destdir$docdir"
case $prefix in
    /usr | /usr/local) ;;
    *) echo "note: systemd does not look in $unitdir, $prefix/lib/sysusers.d or $prefix/lib/tmpfiles.d; link or copy the files into /etc" ;;
esac
[ -z "$destdir" ] || echo "note: staged under $destdir; the steps below apply once the files are in place"
cat <<TEXT

Next steps, as root, for region zwolle (deploy/README.md has the details):
  systemd-sysusers inburgering.conf             # the user and group 'inburgering'
  systemd-tmpfiles --create inburgering.conf    # /etc/inburgering, 0750 root:inburgering
  install -m 0640 -o root -g inburgering $docdir/zwolle.env.example /etc/inburgering/zwolle.env
  \$EDITOR /etc/inburgering/zwolle.env
  systemctl daemon-reload
  systemctl enable --now inburgering@zwolle.target
  # then the contract register, with a contractmanager's token of contract-monitor (docs/contracts.md):
  inburgeringctl contracts import $docdir/zwolle.register.yaml --token-file TOKEN
  systemctl status 'inburgering-*@zwolle.service'
TEXT

#!/usr/bin/env bash
# Installs the Debian packages named as arguments when they are missing, and checks that
# a Swift toolchain is on PATH. Used by every make target that builds.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
    echo "error: no 'swift' on PATH; install Swift 6.3 (swift.org) and try again" >&2
    exit 1
fi

missing=()
for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q '^install ok installed$'; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing missing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "error: missing packages ${missing[*]}; run as root: apt-get install ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

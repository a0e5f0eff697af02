#!/bin/sh
# Installs what building intake needs on a Debian or Ubuntu machine that
# already has Swift: libedit's headers (and pkg-config, which finds them).
# Does nothing when they are there already.
set -eu

missing=""
[ -f /usr/include/histedit.h ] || missing="$missing libedit-dev"
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "intake needs:$missing. Install them with your package manager and try again." >&2
    exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo="sudo"
    else
        echo "intake needs:$missing. Run as root: apt-get install -y$missing" >&2
        exit 1
    fi
fi
echo "Installing$missing ..."
# shellcheck disable=SC2086
$sudo apt-get install -y -q $missing >/dev/null 2>&1 || {
    $sudo apt-get update -q >/dev/null
    $sudo apt-get install -y -q $missing >/dev/null
}

#!/bin/sh
# Installs what intake needs on a Debian or Ubuntu machine that already has
# Swift. Does nothing when everything is there already.
#
#   scripts/setup.sh          to build and run: libedit's headers, pkg-config
#   scripts/setup.sh --test   also what the tests use: Graphviz (dot),
#                             the time zone database, man (for the
#                             installed manual page), Chromium (the paper report printed to PDF and
#                             to a picture in a real browser), poppler-utils
#                             (pdfinfo and pdftotext, to read the PDF back),
#                             Python's jsonschema (to hold the JSON Schemas
#                             against the loaders), fhir.resources (FHIR's
#                             models, to validate what intake exports) and
#                             fhirpathpy (to hold intake's FHIRPath to it)
set -eu

missing=""
[ -f /usr/include/histedit.h ] || missing="$missing libedit-dev"
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
if [ "${1:-}" = "--test" ]; then
    command -v dot >/dev/null 2>&1 || missing="$missing graphviz"
    # The time zones a test reads reports in (TZ=Asia/Seoul, America/New_York).
    [ -f /usr/share/zoneinfo/America/New_York ] || missing="$missing tzdata"
    # scripts/test-install.sh renders the installed manual page with man -l.
    command -v man >/dev/null 2>&1 || missing="$missing man-db"
    command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing="$missing chromium"
    command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
    # Korean reports: a font with Hangul for the PDF the browser prints.
    [ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1 || missing="$missing fonts-noto-cjk"
    command -v python3 >/dev/null 2>&1 || missing="$missing python3 python3-pip"
fi

if [ -n "$missing" ]; then
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
fi

if [ "${1:-}" = "--test" ] && ! python3 -c "import jsonschema" >/dev/null 2>&1; then
    echo "Installing Python's jsonschema ..."
    python3 -m pip install -q jsonschema 2>/dev/null \
        || python3 -m pip install -q --user jsonschema 2>/dev/null \
        || python3 -m pip install -q --break-system-packages jsonschema
fi

if [ "${1:-}" = "--test" ] && ! python3 -c "import fhir.resources, fhirpathpy" >/dev/null 2>&1; then
    echo "Installing Python's fhir.resources and fhirpathpy ..."
    python3 -m pip install -q fhir.resources fhirpathpy 2>/dev/null \
        || python3 -m pip install -q --user fhir.resources fhirpathpy 2>/dev/null \
        || python3 -m pip install -q --break-system-packages fhir.resources fhirpathpy
fi

#!/bin/sh
# Checks `make install` and `make uninstall` for real, into a temporary
# DESTDIR with another PREFIX: exactly the five files land where bash, zsh,
# fish and man look for them; the binary runs from there without the Swift
# runtime's libraries; `man -l` renders the page; the completion scripts
# load; uninstalling removes those files and nothing else.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dest="$work/dest"
prefix=/opt/intake-test
root="$dest$prefix"

fail() {
    echo "test-install: $*" >&2
    exit 1
}

make install DESTDIR="$dest" PREFIX="$prefix" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "make install failed"; }

expected="bin/intake
share/bash-completion/completions/intake
share/fish/vendor_completions.d/intake.fish
share/man/man1/intake.1
share/zsh/site-functions/_intake"
installed=$(cd "$dest" && find . -type f | sed "s|^\./${prefix#/}/||" | sort)
[ "$installed" = "$expected" ] || fail "installed files differ from what was expected:
$installed"

[ "$(stat -c %a "$root/bin/intake")" = 755 ] || fail "bin/intake is not 0755"
for file in share/man/man1/intake.1 share/bash-completion/completions/intake share/zsh/site-functions/_intake share/fish/vendor_completions.d/intake.fish; do
    [ "$(stat -c %a "$root/$file")" = 644 ] || fail "$file is not 0644"
done

# Self-contained: runs from anywhere, needs no libswift*.so.
version=$(cd / && "$root/bin/intake" --version) || fail "the installed binary does not run"
if ldd "$root/bin/intake" 2>/dev/null | grep -q libswift; then fail "the installed binary needs the Swift runtime's libraries"; fi

# The manual renders, with a NAME line, every command and an option of each.
page=$(MANWIDTH=80 man -l -P cat "$root/share/man/man1/intake.1" 2>"$work/man.err") || fail "man -l failed: $(cat "$work/man.err")"
[ ! -s "$work/man.err" ] || fail "man -l warned: $(cat "$work/man.err")"
for word in NAME "A chronic-pain intake interview" "intake run" "intake replay" "report  A one-page summary" "--transcripts" "--step" "$version"; do
    printf '%s' "$page" | grep -q -e "$word" || fail "the manual page does not show '$word'"
done

# The completion scripts load in their shells (zsh and fish when installed).
bash -c ". '$root/share/bash-completion/completions/intake' && complete -p intake" >/dev/null || fail "the bash completion does not load"
if command -v zsh >/dev/null 2>&1; then zsh -n "$root/share/zsh/site-functions/_intake" || fail "the zsh completion is not valid zsh"; fi
if command -v fish >/dev/null 2>&1; then fish -n "$root/share/fish/vendor_completions.d/intake.fish" || fail "the fish completion is not valid fish"; fi

# Uninstalling removes exactly the five files: another page beside the
# manual stays.
: >"$root/share/man/man1/other.1"
make uninstall DESTDIR="$dest" PREFIX="$prefix" >/dev/null
left=$(cd "$dest" && find . -type f | sed "s|^\./${prefix#/}/||")
[ "$left" = "share/man/man1/other.1" ] || fail "make uninstall left or removed the wrong files: $left"

echo "make install and make uninstall: ok (intake $version, $(printf '%s\n' "$expected" | wc -l) files)"

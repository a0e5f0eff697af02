#!/bin/sh
# Regenerates Transcripts/examples/ by running the real intake: every
# category, a session with corrections, a resumed session, a reception
# session, an unfinished one, and a signed one with its desk's public key.
# Run after a change that alters outcomes on purpose, then review the diff:
# the tests replay these with --check.
set -eu
cd "$(dirname "$0")/.."
swift build >/dev/null
intake=.build/debug/intake
out=Transcripts/examples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$out"/*.jsonl

# name, then how to run: the newest transcript in $work is renamed to $out/name.jsonl
keep() {
    newest=$(ls -t "$work"/*.jsonl | head -1)
    mv "$newest" "$out/$1.jsonl"
}

"$intake" run --transcripts "$work" --answers Tests/Personas/01-desk-worker-neck.json >/dev/null
keep good-fit-neck
"$intake" run --transcripts "$work" --answers Tests/Personas/08-over-50-new-back-pain-osteoporosis.json >/dev/null
keep check-with-doctor-first-new-pain-over-50
"$intake" run --transcripts "$work" --answers Tests/Personas/18-urgent-bladder-leg-weakness.json >/dev/null
keep seek-care-now-urgent-stop
# Typed at a terminal-like pipe, with refused answers, :back, :review and :skip.
"$intake" run --transcripts "$work" < Tests/Fixtures/typed-session.txt >/dev/null
keep fit-with-precautions-with-corrections
# Stopped after a few answers, then resumed with the rest.
head -n 9 Tests/Fixtures/typed-session.txt | "$intake" run --transcripts "$work" >/dev/null
paused=$(ls -t "$work"/*.jsonl | head -1)
tail -n +10 Tests/Fixtures/typed-session.txt | "$intake" run --resume "$paused" >/dev/null
keep resumed-session
# Reception, with a client reference, stopped with :quit.
printf '18-50\n4 months\nevery day\n:quit\n' | "$intake" run --mode reception --client "R-2041" --transcripts "$work" >/dev/null
keep reception-unfinished

# The follow-up check-in: typed with a refused answer and :back, and an urgent stop.
followup="--questionnaire Questionnaires/follow-up.json"
mkdir -p "$out/follow-up"
rm -f "$out"/follow-up/*.jsonl
"$intake" run $followup --transcripts "$work" < Tests/Fixtures/follow-up-typed-session.txt >/dev/null
keep follow-up/fit-with-precautions-typed-with-corrections
printf 'no change\nnone\ninjury\nright knee\nno\nleg weakness, bladder\n' | "$intake" run $followup --transcripts "$work" >/dev/null
keep follow-up/seek-care-now-urgent-stop

# A signed session: a desk key made for the occasion (and thrown away with
# $work, so nobody can sign as the example desk), the session paused and
# resumed at that desk, so both of its seals are signed; the desk's public
# key file beside it, for: intake replay --trusted-keys "$out/signed/keys".
mkdir -p "$out/signed/keys"
rm -f "$out"/signed/*.jsonl "$out"/signed/keys/*.pub
XDG_CONFIG_HOME="$work/config" "$intake" keys init --desk "Example desk" >/dev/null
XDG_CONFIG_HOME="$work/config" "$intake" keys export "$out/signed/keys/example-desk.pub" >/dev/null
head -n 9 Tests/Fixtures/typed-session.txt | XDG_CONFIG_HOME="$work/config" "$intake" run --transcripts "$work" >/dev/null
paused=$(ls -t "$work"/*.jsonl | head -1)
tail -n +10 Tests/Fixtures/typed-session.txt | XDG_CONFIG_HOME="$work/config" "$intake" run --resume "$paused" >/dev/null
keep signed/resumed-session-signed

chmod 644 "$out"/*.jsonl "$out"/follow-up/*.jsonl "$out"/signed/*.jsonl "$out"/signed/keys/*.pub
ls -l "$out" "$out/follow-up" "$out/signed" "$out/signed/keys"

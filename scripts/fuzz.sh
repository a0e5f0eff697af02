#!/bin/sh
# Fuzzes intake's parsers with libFuzzer and AddressSanitizer.
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]
#
# TARGET is fuzz-questionnaire, fuzz-rules, fuzz-answers or fuzz-transcript
# (Sources/Fuzz/, described in Fuzz/README.md); the default is all of them,
# 60 seconds each, and SECONDS 0 only builds. Each target starts from its
# seeds in Fuzz/corpus/TARGET, copied to a scratch corpus under .build-fuzz so
# the seeds stay as they are and later runs go on from what earlier ones found.
#
# A crash, a hang (10 s for one input) or running out of memory (2 GB) is a
# bug: the input is copied to Fuzz/crashes/TARGET/ and the script exits 1
# after the other targets have run, saying how to reproduce it. Extra options
# for libFuzzer can be given in FUZZ_FLAGS, e.g. FUZZ_FLAGS=-jobs=2.
set -eu

cd "$(dirname "$0")/.."

all_targets="fuzz-questionnaire fuzz-rules fuzz-answers fuzz-transcript"
scratch=.build-fuzz
which=${1:-all}
seconds=${2:-60}

usage() {
    echo "usage: scripts/fuzz.sh [TARGET|all] [SECONDS]; TARGET is one of: $all_targets" >&2
    exit 2
}

case $seconds in '' | *[!0-9]*) usage ;; esac
if [ "$which" = all ]; then
    targets=$all_targets
else
    case " $all_targets " in *" $which "*) targets=$which ;; *) usage ;; esac
fi

# The longest input worth trying: a little over the largest seed (the
# shipped questionnaire is 47 KB, its rules 23 KB, a transcript up to 19 KB);
# answers are capped at 4,000 characters, so twice that covers "too long".
max_len() {
    case $1 in
        fuzz-questionnaire) echo 65536 ;;
        fuzz-rules) echo 32768 ;;
        fuzz-answers) echo 8192 ;;
        fuzz-transcript) echo 32768 ;;
    esac
}

# `--sanitize=fuzzer` makes SwiftPM link libFuzzer's main and compile the
# targets' entry points as libraries. Swift's own flags carry both sanitizers
# in one `-sanitize=` (given last, so it wins): swiftc keeps only the last
# `-sanitize=` it is given, and SwiftPM's `--sanitize=fuzzer --sanitize=address`
# passes two, in no fixed order, so Swift code lost either its coverage or ASan.
# SwiftPM also builds the package's plugin tool (embed-text, top-level code)
# with these flags and fails; no fuzz target uses the plugin, so the build log
# is shown only when the build itself fails.
mkdir -p "$scratch/fuzz"
log=$scratch/fuzz/build.log
for target in $targets; do
    echo "==> building $target (release, libFuzzer + AddressSanitizer, in $scratch; log in $log)"
    if ! swift build -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address \
        --scratch-path "$scratch" --product "$target" >"$log" 2>&1; then
        cat "$log" >&2
        echo "building $target failed" >&2
        exit 2
    fi
done

# Swift's own crash reporter would hold the pipe open after a crash; libFuzzer
# and ASan report crashes themselves. LeakSanitizer's check at exit reports
# what the cached shipped questionnaire holds as leaked (Swift keeps some
# pointers with enum tag bits set, which LSan does not take for pointers);
# libFuzzer's own check for memory leaked by one input stays on.
SWIFT_BACKTRACE=enable=no
ASAN_OPTIONS=leak_check_at_exit=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}
export SWIFT_BACKTRACE ASAN_OPTIONS

[ "$seconds" -gt 0 ] || exit 0

failed=""
for target in $targets; do
    corpus=$scratch/fuzz/$target/corpus
    artifacts=$scratch/fuzz/$target/artifacts
    mkdir -p "$corpus" "$artifacts"
    rm -f "$artifacts"/*
    cp Fuzz/corpus/"$target"/* "$corpus"/
    dict=""
    [ -f "Fuzz/dicts/$target.dict" ] && dict="-dict=Fuzz/dicts/$target.dict"

    echo "==> fuzzing $target for $seconds s (corpus $corpus)"
    status=0
    # shellcheck disable=SC2086
    "$scratch/release/$target" "$corpus" $dict \
        -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 \
        -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$artifacts/" ${FUZZ_FLAGS:-} || status=$?

    found=""
    for input in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/leak-*; do
        [ -f "$input" ] || continue
        mkdir -p "Fuzz/crashes/$target"
        cp "$input" "Fuzz/crashes/$target/"
        found="$found Fuzz/crashes/$target/$(basename "$input")"
    done
    if [ -n "$found" ]; then
        failed="$failed $target"
        echo "!!! $target found a bug; the input is kept in:$found"
        for input in $found; do
            echo "    reproduce: scripts/fuzz.sh $target 0; SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=$ASAN_OPTIONS $scratch/release/$target $input"
        done
    elif [ "$status" -ne 0 ]; then
        failed="$failed $target"
        echo "!!! $target stopped with status $status and left no input behind"
    fi
done

if [ -n "$failed" ]; then
    echo "fuzzing found problems in:$failed" >&2
    exit 1
fi
echo "fuzzing found nothing in: $targets"

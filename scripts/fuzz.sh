#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz (issue #8, hostile input): request
# bodies, the transfer contract, the providers' webhook signatures and the Pix
# callback, access tokens (JWT), and the catalog CSV/JSON feed readers.
#
#   scripts/fuzz.sh [--seconds N] [--target NAME] [--build-dir DIR]
#
# Installs the Debian packages (scripts/setup-debian.sh: clang and its
# libFuzzer runtime), configures the "fuzz" preset (clang,
# -fsanitize=fuzzer,address,undefined; in build/fuzz unless --build-dir),
# builds the fuzz targets only, then runs each (or only fuzz_NAME) for N
# seconds (default 20) over a copy of its seed corpus in
# <build>/fuzz-work/<name>/corpus: new inputs never land in the source tree.
# Exits non-zero if any target crashes, leaks, times out or breaks a checked
# property, and prints the reproducer's path; replay it with
#   build/fuzz/tests/fuzz/fuzz_NAME <reproducer>
# and, once fixed, copy it into tests/fuzz/corpus/NAME/ so every ctest run
# (label fuzz-corpus, also in the gcc ASan/UBSan lane) replays it.
#
# Longer runs (nightly, before a release): --seconds 3600 per target, or run a
# target by hand on both cores with libFuzzer's own options, e.g.
#   build/fuzz/tests/fuzz/fuzz_jwt -jobs=2 -workers=2 -max_total_time=7200 \
#     -dict=tests/fuzz/dictionaries/jwt.dict build/fuzz/fuzz-work/jwt/corpus
# and keep the grown corpus (build/fuzz/fuzz-work/<name>/corpus) between runs;
# to fold the interesting new inputs back into the seeds, minimize first:
#   fuzz_NAME -merge=1 tests/fuzz/corpus/NAME build/fuzz/fuzz-work/NAME/corpus
# (review what it adds: seeds are replayed on every ctest run, keep them few).
set -euo pipefail

cd "$(dirname "$0")/.."

seconds=20
only=""
build=build/fuzz
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --target) only="${2#fuzz_}"; shift 2 ;;
        --build-dir) build="$2"; shift 2 ;;
        -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
        *) echo "fuzz: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
case "$seconds" in ''|*[!0-9]*) echo "fuzz: --seconds needs a whole number" >&2; exit 2 ;; esac

targets=()
for corpus in tests/fuzz/corpus/*/; do
    name="$(basename "$corpus")"
    if [ -z "$only" ] || [ "$only" = "$name" ]; then
        targets+=("$name")
    fi
done
if [ ${#targets[@]} -eq 0 ]; then
    echo "fuzz: no target named '$only' (see tests/fuzz/corpus/)" >&2
    exit 2
fi

./scripts/setup-debian.sh
cmake --preset fuzz -B "$build" >/dev/null
cmake --build "$build" -j 2 --target "${targets[@]/#/fuzz_}"

bindir="$build/tests/fuzz"
work="$build/fuzz-work"

# Qt's own leak-free shutdown is not ours to fix: the same suppressions as ctest.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp}"

failed=0
for name in "${targets[@]}"; do
    dir="$work/$name"
    rm -rf "$dir"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    cp tests/fuzz/corpus/"$name"/* "$dir/corpus/"
    dict=()
    if [ -f "tests/fuzz/dictionaries/$name.dict" ]; then
        dict=(-dict="tests/fuzz/dictionaries/$name.dict")
    fi
    echo "fuzz: $name for ${seconds}s"
    # -timeout: one input may take 10 s (these parsers take microseconds);
    # -rss_limit_mb: a hostile input must not balloon memory either.
    if "$bindir/fuzz_$name" "$dir/corpus" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$dir/artifacts/" >"$dir/log" 2>&1; then
        # The last status line: executions, coverage, features, corpus.
        summary="$(grep -E '^#[0-9]+' "$dir/log" | tail -n 1 | sed -E 's/^#([0-9]+)\s+\S+\s+//')"
        rate="$(grep -E '^stat::average_exec_per_sec' "$dir/log" | awk '{print $2}')"
        echo "fuzz: $name ok: ${rate:-?} exec/s, $summary"
    else
        failed=1
        echo "fuzz: $name FAILED; log: $dir/log" >&2
        grep -E 'ERROR: |SUMMARY: |fuzz property failed' "$dir/log" | head -n 5 >&2 || true
        for artifact in "$dir"/artifacts/*; do
            [ -e "$artifact" ] && echo "fuzz: reproducer: $artifact" >&2
        done
    fi
done

exit $failed

#!/usr/bin/env bash
# The concurrency lane: the suites labelled "concurrency" (HTTP workers,
# background jobs, shared metrics, client threads racing each other) built
# with ThreadSanitizer and run through ctest. Only those suites, the
# reservad they start and the log scan ctest adds as their fixture's cleanup
# are built. A TSan report stops the process that finds it (halt_on_error=1,
# exit code 66), which fails the suite, reservad children included;
# tests/tsan.supp lists what is suppressed and why. die_after_fork=0: run as
# root, the test cluster forks its PostgreSQL tools from a threaded process
# (QProcess with a child modifier that drops root), and TSan would kill that
# child, which only calls setgroups/setgid/setuid and exec.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-debian.sh
cmake --preset tsan
# The tests the preset selects (fixtures included), as build targets.
mapfile -t targets < <(ctest --preset tsan -N 2>/dev/null | sed -n 's/^ *Test *#[0-9]*: *\(tst_[A-Za-z0-9_]*\)$/\1/p')
if [ ${#targets[@]} -eq 0 ]; then
    echo "test-tsan: no test carries the concurrency label" >&2
    exit 1
fi
cmake --build --preset tsan --target "${targets[@]}"
ctest --preset tsan

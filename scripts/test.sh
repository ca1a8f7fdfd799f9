#!/usr/bin/env bash
# The whole suite: installs what is missing, builds (Debug with ASan/UBSan),
# and runs every test through ctest. Database suites start and stop their own
# throwaway PostgreSQL clusters (the same code reservad uses for its managed
# cluster), so nothing else needs to be running.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-debian.sh
cmake --preset debug
cmake --build --preset debug
ctest --preset debug

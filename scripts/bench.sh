#!/usr/bin/env bash
# Benchmarks on a Release build: each prints a table of figures and ratios
# against a baseline measured in the same run. Nothing here asserts speed.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-debian.sh
cmake --preset release
cmake --build --preset release
ctest --preset bench

#!/usr/bin/env bash
# Builds (Release) and starts reservad on 127.0.0.1:8080 with its managed
# PostgreSQL; on first start it migrates and seeds a demo tenant, catalog and
# users, then prints the URL and the demo credentials. Ctrl+C stops it cleanly.
#   --headless   serve only (the default until the desktop app lands)
# Other arguments go to `reservad serve` (e.g. --listen 0.0.0.0:8080).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-debian.sh
cmake --preset release
cmake --build --preset release --target reservad

args=()
for a in "$@"; do
    [ "$a" = "--headless" ] && continue
    args+=("$a")
done

data_dir="${RESERVA_DATA_DIR:-$PWD/reserva-data}"
# As root, PostgreSQL runs as the unprivileged "postgres" account, which must
# be able to enter the data directory; a checkout under /root is not enterable.
if [ "$(id -u)" -eq 0 ] && [ -z "${RESERVA_DATA_DIR:-}" ] \
    && ! runuser -u postgres -- test -x "$(dirname "$data_dir")" 2>/dev/null; then
    data_dir=/var/lib/reserva-demo
    echo "run: $(dirname "$PWD/reserva-data") is private to root; using $data_dir"
fi
mkdir -p "$data_dir"
exec build/release/server/reservad serve --seed-demo --data-dir "$data_dir" "${args[@]}"

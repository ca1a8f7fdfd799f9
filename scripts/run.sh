#!/usr/bin/env bash
# Builds (Release) and starts reservad on 127.0.0.1:8080 with its managed
# PostgreSQL; on first start it migrates and seeds a demo tenant, catalog and
# users, then prints the URL and the demo credentials. Ctrl+C stops it cleanly.
#   --headless        serve only (the default until the desktop app lands)
#   --fake-providers  also start `reservad fake-providers` on 127.0.0.1:12111
#                     and point Stripe, Mercado Pago and Pix at it, with local
#                     webhook secrets, so the payment flow can be tried end to
#                     end with `reservad simulate-webhook` (never in production)
# Other arguments go to `reservad serve` (e.g. --listen 0.0.0.0:8443 --tls-cert FILE
# --tls-key FILE; plain HTTP off loopback also needs --allow-plain-http).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-debian.sh
cmake --preset release
cmake --build --preset release --target reservad

args=()
fakes=0
for a in "$@"; do
    [ "$a" = "--headless" ] && continue
    [ "$a" = "--fake-providers" ] && { fakes=1; continue; }
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
reservad=build/release/server/reservad
if [ "$fakes" -eq 0 ]; then
    exec "$reservad" serve --seed-demo --data-dir "$data_dir" "${args[@]}"
fi

fake_base=http://127.0.0.1:12111/
"$reservad" fake-providers --listen 127.0.0.1:12111 &
fakes_pid=$!
trap 'kill "$fakes_pid" 2>/dev/null; wait "$fakes_pid" 2>/dev/null || true' EXIT
export RESERVA_STRIPE_API_BASE=$fake_base RESERVA_STRIPE_API_KEY=sk_test_fake
export RESERVA_MP_API_BASE=$fake_base RESERVA_MP_ACCESS_TOKEN=TEST-fake
export RESERVA_PIX_API_BASE=$fake_base RESERVA_PIX_CLIENT_ID=fake
export RESERVA_PIX_CLIENT_SECRET=fake RESERVA_PIX_KEY=fake@example.com
export RESERVA_STRIPE_WEBHOOK_SECRET=${RESERVA_STRIPE_WEBHOOK_SECRET:-whsec_local_demo}
export RESERVA_MP_WEBHOOK_SECRET=${RESERVA_MP_WEBHOOK_SECRET:-mp_local_demo}
export RESERVA_PIX_WEBHOOK_SECRET=${RESERVA_PIX_WEBHOOK_SECRET:-pix_local_demo}
echo "run: fake providers at $fake_base; webhook secrets: whsec_local_demo," \
    "mp_local_demo, pix_local_demo (or your RESERVA_*_WEBHOOK_SECRET)"
# Not exec: the trap stops the fakes when reservad ends (Ctrl+C reaches both).
"$reservad" serve --seed-demo --data-dir "$data_dir" "${args[@]}"

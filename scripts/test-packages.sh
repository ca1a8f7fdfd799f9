#!/usr/bin/env bash
# The Linux installers, for real: builds the Release DEB and RPM packages
# (server and desktop), checks the RPMs' contents, installs the DEBs with
# apt, starts the installed reservad on its managed PostgreSQL, checks /readyz
# and a login, runs the installed desktop binary, then removes the packages
# and checks nothing of theirs is left.
# CI runs it after ./scripts/test.sh. Needs root (apt).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-debian.sh

build=build/package
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRESERVA_BUILD_TESTS=OFF \
    -DRESERVA_WERROR=ON -DCMAKE_INSTALL_PREFIX=/usr
cmake --build "$build"
rm -f "$build"/*.deb "$build"/*.rpm
(cd "$build" && cpack -G "DEB;RPM")
server_deb=$(ls "$build"/reserva-server_*.deb)
desktop_deb=$(ls "$build"/reserva-desktop_*.deb)
echo "packages: $server_deb $desktop_deb"
dpkg-deb --info "$server_deb" | grep -E 'Depends|Package'
# Listings are read whole before grep: with pipefail, `grep -q` exiting at
# the first match would kill the lister with SIGPIPE and fail the pipeline.
server_deb_files=$(dpkg-deb --contents "$server_deb")
grep -q './usr/lib/systemd/system/reservad.service' <<<"$server_deb_files"
# The RPMs cannot be installed here (Debian); their contents and the run-time
# requirements rpm's own scan cannot see are checked.
server_rpm=$(ls "$build"/reserva-server-*.rpm)
desktop_rpm=$(ls "$build"/reserva-desktop-*.rpm)
server_rpm_files=$(rpm -qpl "$server_rpm")
grep -qx /usr/bin/reservad <<<"$server_rpm_files"
grep -qx /usr/lib/systemd/system/reservad.service <<<"$server_rpm_files"
grep -qx /usr/bin/reserva <<<"$(rpm -qpl "$desktop_rpm")"
grep -q qt6-qtbase-postgresql <<<"$(rpm -qpR "$server_rpm")"
if grep -qx /usr/lib/systemd <<<"$server_rpm_files"; then
    echo "the server RPM claims /usr/lib/systemd"; exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get install -y "./$server_deb" "./$desktop_deb"

data=$(mktemp -d /tmp/reserva-package-test.XXXXXX)
chmod 0711 "$data" # PostgreSQL runs as its own account and must enter it
log=$data/serve.log
port=18181
cleanup() {
    [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    rm -rf "$data"
}
trap cleanup EXIT

getent passwd reserva >/dev/null || { echo "the reserva account was not created"; exit 1; }
test -x /usr/bin/reservad
/usr/bin/reservad --version

/usr/bin/reservad serve --seed-demo --data-dir "$data/server" --listen 127.0.0.1:$port >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "reservad exited"; exit 1; }
    sleep 1
done
curl -fsS "http://127.0.0.1:$port/readyz"
echo
# The demo seed runs once the listener is up: /readyz can answer before the
# credentials are printed.
password=
for _ in $(seq 1 60); do
    password=$(awk '/^  admin:/ {print $4}' "$log")
    [ -n "$password" ] && break
    sleep 1
done
[ -n "$password" ] || { cat "$log"; echo "no demo credentials"; exit 1; }
login=$(curl -fsS "http://127.0.0.1:$port/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$password\"}")
grep -q '"access_token"' <<<"$login"
echo "login through the installed reservad: ok"
kill "$pid"
wait "$pid" || true
pid=

QT_QPA_PLATFORM=offscreen /usr/bin/reserva --version

apt-get remove --purge -y reserva-server reserva-desktop
for f in /usr/bin/reservad /usr/bin/reserva /usr/lib/systemd/system/reservad.service \
    /usr/share/applications/reserva.desktop /usr/share/metainfo/app.reserva.Reserva.metainfo.xml; do
    if [ -e "$f" ]; then echo "left behind: $f"; exit 1; fi
done
echo "packages installed, served, removed: ok"

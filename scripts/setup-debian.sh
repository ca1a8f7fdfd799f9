#!/usr/bin/env bash
# Installs the Debian 12 packages that building, testing and running Reserva
# need. Idempotent: it installs only what is missing, and calls apt only then.
set -euo pipefail

packages=(
    # toolchain
    g++ cmake ninja-build ccache pkg-config git
    # Qt 6.4 (Debian 12): Core, Network, Sql with its PostgreSQL driver, Test
    qt6-base-dev qt6-base-dev-tools libqt6sql6-psql
    # libpq's headers: DbConnection runs its prepared statements through libpq
    libpq-dev
    # OpenSSL 3 (Ed25519, HMAC, AES-GCM, scrypt)
    libssl-dev
    # PostgreSQL 15 server binaries for the managed cluster and the tests
    postgresql
    # the run command's smoke check
    curl
    # the desktop app: Widgets, Charts, Linguist tools, the SVG icon plugin, QtKeychain
    qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6svg6
    qtkeychain-qt6-dev
    # its tests and screenshots: a private D-Bus session with a real Secret
    # Service (gnome-keyring), a virtual X server, ImageMagick's import
    dbus gnome-keyring xvfb xauth imagemagick
    # the installers: dpkg-shlibdeps and file (CPack DEB), rpmbuild (CPack RPM)
    dpkg-dev file rpm
    # scripts/fuzz.sh: clang 14 with its libFuzzer and sanitizer runtimes
    clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all ${#packages[@]} packages present"
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: missing ${missing[*]}; run as root or install sudo" >&2; exit 1; }
    sudo="sudo"
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"

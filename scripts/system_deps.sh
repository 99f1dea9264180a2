#!/usr/bin/env bash
# Install the Debian packages that Credwise's tests and services use:
#   chromium, chromium-driver  headless browser tests of the web chat widget
#   postgresql                 production-like tracker store
#   redis-server               lock store / cache
#   nginx                      reverse proxy in front of the Rasa server and widget
#
# Safe to run any number of times: packages already installed are left alone, and
# apt-get is called only for the ones missing. It installs only as root or, in CI,
# through passwordless sudo; elsewhere it prints the command to run and succeeds, so
# a developer without root can still use everything that does not need these.
set -euo pipefail

PACKAGES=(chromium chromium-driver postgresql redis-server nginx)

is_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "system_deps: not a Debian-based system; install these yourself: ${PACKAGES[*]}" >&2
    # CI runs on Debian; anywhere else, missing packages only matter to the tests
    # that use them.
    [[ "${CI:-}" == "true" ]] && exit 1
    exit 0
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
    is_installed "$pkg" || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
    echo "system_deps: all present (${PACKAGES[*]})"
    exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
    SUDO=()
elif [[ "${CI:-}" == "true" ]] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
elif [[ "${CI:-}" == "true" ]]; then
    echo "system_deps: CI needs root or passwordless sudo to install: ${missing[*]}" >&2
    exit 1
else
    echo "system_deps: missing ${missing[*]}; install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 0
fi

# Package maintainer scripts would start system-wide nginx, PostgreSQL and Redis on
# their default ports. The tests start their own instances on ports they choose, so
# block service starts during the install unless a policy already does.
POLICY=/usr/sbin/policy-rc.d
if [[ ! -e "$POLICY" ]]; then
    printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$POLICY" >/dev/null
    "${SUDO[@]}" chmod 755 "$POLICY"
    trap '"${SUDO[@]}" rm -f "$POLICY"' EXIT
fi

echo "system_deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# The package lists may be empty or stale on a fresh machine.
"${SUDO[@]}" apt-get update -qq
# dpkg prints a line per file unpacked; keep that in a log and show it only on failure.
apt_log="$(mktemp)"
if ! "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$apt_log" 2>&1; then
    tail -n 40 "$apt_log" >&2
    echo "system_deps: apt-get install failed (full log: $apt_log)" >&2
    exit 1
fi
rm -f "$apt_log"

for pkg in "${missing[@]}"; do
    is_installed "$pkg" || { echo "system_deps: $pkg failed to install" >&2; exit 1; }
done
echo "system_deps: installed ${missing[*]}"

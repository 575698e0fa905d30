#!/usr/bin/env bash
# Installs what the build and the tests need, only what is missing (idempotent):
# the wasm target, wasm-bindgen-cli at the version Cargo.toml pins, Debian's
# Chromium, ChromeDriver and php-cli, the mail libraries of tests/real_mailers.rs,
# and the npm dev dependencies of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

WBG_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# A full `make test` from a fresh clone writes about 2.5 GB (target/ for the host and
# wasm, node_modules, pkg/; measured; 7 GB before tests kept line tables only). When the
# disk fills, the linker dies with "signal 7 [Bus error]" and says nothing about space,
# so say it here first. 4 GB: the measured 2.5 GB plus a margin (ours).
DISK_NEEDED_MB=4096
disk_free_mb=$(df -Pm . 2>/dev/null | awk 'NR==2 {print $4}')
if [ -n "${disk_free_mb:-}" ] && [ "$disk_free_mb" -lt "$DISK_NEEDED_MB" ]; then
  say "WARNING: ${disk_free_mb} MB free on this disk; a full build needs about ${DISK_NEEDED_MB} MB"
  say "WARNING: a linker that dies with 'signal 7 [Bus error]' means the disk is full"
fi

if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$WBG_VERSION" ]; then
  say "installing wasm-bindgen-cli $WBG_VERSION (a few minutes, once)"
  # Without --locked: its lockfile pins a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "=$WBG_VERSION"
fi

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v php >/dev/null || missing+=(php-cli)
# tests/real_mailers.rs: the mail libraries whose default output must lint clean (#11).
# Symfony Mime's Address needs egulias/email-validator (Debian: php-email-validator).
command -v python3 >/dev/null || missing+=(python3)
for pkg in libphp-phpmailer php-symfony-mime php-email-validator php-mail-mime libmime-lite-perl libemail-mime-perl libmime-tools-perl ruby-mail; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
command -v openssl >/dev/null || missing+=(openssl)
if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -d tests/node_modules ] || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
  say "installing the tests' npm dev dependencies"
  (cd tests && npm ci --no-audit --no-fund --loglevel=error)
fi
# tests/dkim_real_mailers.rs: dkimpy signs the Python email message (#16).
if ! python3 -c 'import dkim' 2>/dev/null; then
  say "installing dkimpy (PyPI) for the DKIM tests"
  python3 -m pip install --user --quiet 'dkimpy==1.1.8' || python3 -m pip install --user --quiet --break-system-packages 'dkimpy==1.1.8'
fi
say "ready"

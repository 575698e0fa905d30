#!/usr/bin/env bash
# Installs the reference peers of #14 from Debian, only what is missing (idempotent):
# SpamAssassin 4.0 with spamc, and rspamd 3.4. Called by `make bench-peers`, never by
# `make test`. Debian's policy-rc.d on this image keeps the packaged daemons stopped; the
# bench starts its own local-only instances with ../shared/peers/ (see its README).
set -euo pipefail

say() { printf '\033[1m[bench-peers]\033[0m %s\n' "$*"; }

missing=()
command -v spamassassin >/dev/null || missing+=(spamassassin)
command -v spamc >/dev/null || missing+=(spamc)
command -v rspamd >/dev/null || missing+=(rspamd)
if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
say "peers: $(spamassassin --version | head -1); rspamd $(rspamd --version 2>/dev/null | grep -oE '[0-9]+\.[0-9]+(\.[0-9]+)?' | head -1)"

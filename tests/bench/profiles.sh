#!/usr/bin/env bash
# `make bench-profiles` (#14): the release-profile table. Builds the wasm under
# each opt-level (each in its own target directory, so the dependencies are
# built once per level and kept), optionally puts it through wasm-opt (npm
# binaryen), and prints one row per variant: raw and gzipped size, Node
# messages/s on spamassassin-public-dev, ms for the 9.9 MB and the PDF messages
# (tests/bench/variant.mjs). Slow (a full build per level); prints only.
#   tests/bench/profiles.sh ["LEVEL[:WASM-OPT FLAGS]" …]   default: z s 3 "s:-O3" "s:-Oz"
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f pkg/package.json ] || { echo "profiles.sh: pkg/ is missing: run make build first" >&2; exit 2; }
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(z s 3 "s:-O3" "s:-Oz")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| profile | raw bytes | gzipped (zlib 9) | Node msg/s (spamassassin) | 9.9 MB message, ms | PDF message, ms | wasm-opt time |"
echo "|---|---|---|---|---|---|---|"
for variant in "${variants[@]}"; do
  level=${variant%%:*}
  flags=; [ "$level" != "$variant" ] && flags=${variant#*:}
  dir=target/profile-$level
  CARGO_PROFILE_RELEASE_OPT_LEVEL=$level CARGO_TARGET_DIR=$dir \
    cargo build --quiet --release --target wasm32-unknown-unknown
  label="opt-level $level${flags:+ + wasm-opt $flags}"
  # shellcheck disable=SC2086
  node tests/bench/variant.mjs "$label" "$dir/wasm32-unknown-unknown/release/mail_preflight.wasm" $flags
done

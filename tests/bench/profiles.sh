#!/usr/bin/env bash
# `make bench-profiles` (#14): the release-profile table. Builds the wasm under
# each variant (each in its own target directory, so the dependencies are built
# once per variant and kept), optionally puts it through wasm-opt (npm binaryen),
# and measures them side by side (tests/bench/variant.mjs: one row per variant:
# raw and gzipped size, Node messages/s on spamassassin-public-dev, ms for the
# 9.9 MB and the PDF messages, require + first lint). Slow (a full build per
# variant); prints only.
#   tests/bench/profiles.sh ["LEVEL[+CRATE=LEVEL…][:WASM-OPT FLAGS]" …]
#   LEVEL is the release opt-level of every crate without an override of its own
#   (Cargo.toml keeps mail-parser at 3); +CRATE=LEVEL sets one crate's, e.g.
#   s+mail-preflight=2 (our crate at 2), s+mail-parser=s (mail-parser back at "s").
#   default: z s 3 s+mail-parser=s s+mail-preflight=2 s+mail-preflight=3 "z:-Oz"
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f pkg/package.json ] || { echo "profiles.sh: pkg/ is missing: run make build first" >&2; exit 2; }
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(z s 3 s+mail-parser=s s+mail-preflight=2 s+mail-preflight=3 "z:-Oz")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
toml_level() { case $1 in [0-9]) echo "$1" ;; *) echo "\"$1\"" ;; esac; }
rows=()
for variant in "${variants[@]}"; do
  profile=${variant%%:*}
  flags=; [ "$profile" != "$variant" ] && flags=${variant#*:}
  IFS=+ read -r level overrides_list <<<"$profile"
  overrides=()
  label="opt-level $level"
  if [ -n "$overrides_list" ]; then
    IFS=+ read -r -a pairs <<<"$overrides_list"
    for pair in "${pairs[@]}"; do
      crate=${pair%%=*}
      overrides+=(--config "profile.release.package.\"$crate\".opt-level=$(toml_level "${pair#*=}")")
      label+=", $crate at ${pair#*=}"
    done
  fi
  dir=target/profile-$(tr -c 'A-Za-z0-9\n' '_' <<<"$profile")
  echo "building $profile${flags:+ (then wasm-opt $flags)} in $dir" >&2
  CARGO_PROFILE_RELEASE_OPT_LEVEL=$level CARGO_TARGET_DIR=$dir \
    cargo build --quiet --release --target wasm32-unknown-unknown "${overrides[@]}"
  label+="${flags:+ + wasm-opt $flags}"
  rows+=("$label=$dir/wasm32-unknown-unknown/release/mail_preflight.wasm${flags:+=$flags}")
done
node tests/bench/variant.mjs "${rows[@]}"

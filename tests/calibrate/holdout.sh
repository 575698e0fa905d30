#!/usr/bin/env bash
# Builds a held-out calibration set: the messages of the public SpamAssassin corpus that
# ../shared/corpus/spamassassin-public-dev does NOT hold, as labelled folders that
# `make calibrate DIR=…` reads. The corpus comes from a clone of
# https://github.com/stdlib-js/datasets-spam-assassin (Apache-2.0; its data/*/*.txt are the
# corpus files byte for byte, the same copy the dev set was taken from). Nothing is copied
# into this repository.
#
#   git clone --depth 1 https://github.com/stdlib-js/datasets-spam-assassin /tmp/sa
#   tests/calibrate/holdout.sh /tmp/sa /tmp/sa-holdout
#   make calibrate DIR=/tmp/sa-holdout            # easy ham and spam, as the dev set
#   make calibrate DIR=/tmp/sa-holdout-hard       # hard ham (commercial mail) and spam-2
set -euo pipefail
src=${1:?usage: holdout.sh CLONE-OF-datasets-spam-assassin OUT-DIR}
out=${2:?usage: holdout.sh CLONE-OF-datasets-spam-assassin OUT-DIR}
dev="$(cd "$(dirname "$0")/../.." && pwd)/../shared/corpus/spamassassin-public-dev"
[ -d "$src/data" ] || { echo "holdout.sh: $src/data is missing (a clone of stdlib-js/datasets-spam-assassin?)" >&2; exit 2; }
[ -d "$dev" ] || { echo "holdout.sh: the dev set $dev is missing" >&2; exit 2; }

declare -A folder=([easy-ham-1]=ham-easy-1 [easy-ham-2]=ham-easy-2 [spam-1]=spam-1 [spam-2]=spam-2)
rm -rf "$out" "$out-hard"
for from in "${!folder[@]}"; do
  to="$out/${folder[$from]}"
  mkdir -p "$to"
  for file in "$src/data/$from"/*.txt; do
    name=$(basename "$file" .txt)
    [ -e "$dev/${folder[$from]}/$name" ] || cp "$file" "$to/$name"
  done
done
# Hard ham is not in the dev set at all; it is measured apart, against the held-out spam-2.
mkdir -p "$out-hard/ham-hard-1"
for file in "$src/data/hard-ham-1"/*.txt; do cp "$file" "$out-hard/ham-hard-1/$(basename "$file" .txt)"; done
ln -s "$out/spam-2" "$out-hard/spam-2"
for dir in "$out"/* "$out-hard"/*; do echo "$(ls "$dir/" | wc -l) $dir"; done

#!/usr/bin/env bash
# `make fuzz`: each target in turn, one process (no -jobs/-workers: the machine
# is shared), for FUZZ_SECONDS seconds, seeded from ../shared/corpus into a
# corpus directory outside the repository (never committed). Prints, per
# target, executions, coverage (edges, features), corpus size and crashes.
#
#   FUZZ_SECONDS   seconds per target (default 60)
#   FUZZ_DIR       corpora, logs and crash artifacts (default $TMPDIR/mail-preflight-fuzz)
#   FUZZ_RSS_MB    libFuzzer's -rss_limit_mb (default 2048; 512 for the wasm bound of #13)
#   FUZZ_TARGETS   space-separated targets (default: all)
#   FUZZ_SANITIZER none (default: the engine has no unsafe code, and ASan's quarantine
#                  would count against the RSS limit) or address
#   FUZZ_STACK_KB  the fuzzer's stack (default 1024: wasm's)
set -euo pipefail
cd "$(dirname "$0")"

seconds=${FUZZ_SECONDS:-60}
dir=${FUZZ_DIR:-${TMPDIR:-/tmp}/mail-preflight-fuzz}
rss=${FUZZ_RSS_MB:-2048}
sanitizer=${FUZZ_SANITIZER:-none}
targets=${FUZZ_TARGETS:-lint_raw raw_views compose php_mail options scenario smtp_explain custom_rules attachment_file}

# Inputs longer than this are not generated: long enough for every cap the
# engine has below the input limit's scale (64 KiB SMTP replies, 20,000-character
# previews, 998-octet lines, nested MIME), short enough for fast mutation.
max_len() {
  case "$1" in
    lint_raw | raw_views | attachment_file) echo 131072 ;;
    smtp_explain) echo 70000 ;;
    *) echo 65536 ;;
  esac
}

if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "make fuzz needs nightly Rust and cargo-fuzz:" >&2
  echo "  rustup toolchain install nightly --profile minimal && cargo install cargo-fuzz" >&2
  exit 2
fi

cargo +nightly fuzz build -O -s "$sanitizer"
# Where cargo put the targets: CARGO_TARGET_DIR when set (relative to here, as cargo reads it).
bin="${CARGO_TARGET_DIR:-target}/x86_64-unknown-linux-gnu/release"
mkdir -p "$dir/logs"
status=0
printf '%-13s %12s %8s %9s %7s %9s %s\n' target executions "exec/s" edges features corpus result >"$dir/summary.txt"
for target in $targets; do
  corpus="$dir/corpus/$target"
  artifacts="$dir/artifacts/$target/"
  log="$dir/logs/$target.log"
  mkdir -p "$corpus" "$artifacts"
  node seed.mjs "$target" "$corpus"
  echo "fuzz: $target for ${seconds}s (log: $log)"
  result=ok
  # The wasm build's stack is 1 MiB (Rust's wasm32 default): the fuzzer's main
  # thread gets no more, so recursion that would trap in wasm crashes here too.
  if ! (ulimit -s "${FUZZ_STACK_KB:-1024}" && exec "$bin/$target" "$corpus" \
    -max_total_time="$seconds" -timeout=2 -rss_limit_mb="$rss" -max_len="$(max_len "$target")" \
    -artifact_prefix="$artifacts" -print_final_stats=1) >"$log" 2>&1; then
    result="FAILED: $(grep -m1 -oE 'ERROR: libFuzzer: [a-z-]+|panicked at [^ ]+' "$log" || echo see log) $(ls -t "$artifacts" | head -1)"
    status=1
  fi
  executions=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || echo 0)
  speed=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || echo 0)
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 || true)
  edges=$(grep -oE 'cov: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || echo 0)
  features=$(grep -oE 'ft: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || echo 0)
  units=$(grep -oE 'corp: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || echo 0)
  printf '%-13s %12s %8s %9s %7s %9s %s\n' "$target" "$executions" "$speed" "$edges" "$features" "$units" "$result" >>"$dir/summary.txt"
done
cat "$dir/summary.txt"
exit "$status"

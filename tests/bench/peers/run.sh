#!/usr/bin/env bash
# `make bench-peers` (#14): lints the same labelled corpus with our CLI, rspamd 3.4 and
# SpamAssassin 4.0 (Debian, local-only, started with the scripts of ../shared/peers/),
# one after the other in one run, then prints messages/s, the ratios, and each one's
# ROC AUC and ham-marked-as-spam rate against the labels (compare.mjs). Prints only.
#
# usage: tests/bench/peers/run.sh [CORPUS_DIR]   (default ../shared/corpus/spamassassin-public-dev;
#        sub-folders ham-* and spam-* give the labels)
set -euo pipefail
cd "$(dirname "$0")/../../.."
HERE=tests/bench/peers
PEERS=$(cd .. && pwd)/shared/peers
CORPUS=${1:-../shared/corpus/spamassassin-public-dev}
CLI=pkg/bin/mail-preflight.cjs

say() { printf '\033[1m[bench-peers]\033[0m %s\n' "$*" >&2; }

[ -d "$PEERS" ] || { say "the peers' scripts are absent: expected $PEERS (see its README)"; exit 2; }
[ -d "$CORPUS" ] || { say "the labelled corpus is absent: expected $CORPUS (third-party mail, never copied here)"; exit 2; }
[ -f "$CLI" ] || { say "$CLI is missing: run make build"; exit 2; }
"$HERE/install.sh"

# Private run state: the peers' scratch files, their daemons' pid files and logs.
export PEERS_RUN=${PEERS_RUN:-${TMPDIR:-/tmp}/mail-preflight-bench-peers}
RUN=$PEERS_RUN/bench
rm -rf "$RUN"; mkdir -p "$RUN/messages"

# One flat folder of links, named <labelled folder>__<file>, so every tool gets the same
# files in one run (the peers' scripts read one folder, not a tree) and the label survives.
# A folder is labelled as in `make calibrate`: one of its -, _ or . separated words is ham or spam.
label_of() {
  local word
  for word in $(tr '_.-' '   ' <<<"$1" | tr 'A-Z' 'a-z'); do
    case $word in ham | spam) echo "$word"; return ;; esac
  done
}
n=0
for dir in "$CORPUS"/*/; do
  folder=$(basename "$dir")
  [ -n "$(label_of "$folder")" ] || continue
  for file in "$dir"*; do
    name=$(basename "$file")
    [ -f "$file" ] || continue
    case $name in .* | cmds | LICENSE* | README*) continue ;; esac
    ln -s "$(cd "$dir" && pwd)/$name" "$RUN/messages/${folder}__$name"
    n=$((n + 1))
  done
done
[ "$n" -gt 0 ] || { say "no file under ham-*/spam-* folders of $CORPUS"; exit 2; }
say "$n messages from $CORPUS; run state in $PEERS_RUN"

now() { date +%s.%N; }
elapsed() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.3f", e - s }'; }

# Ours: the CLI as a user runs it, one process over every file (its default --jobs, if any).
# Its run is under a second, where this shared machine moved one run by up to a third
# (0.67-0.93 s in one session), so it runs OURS_RUNS times (default 5, ours) and the median
# counts; every run is printed. The peers' runs are 30-60 times longer and run once.
OURS_RUNS=${OURS_RUNS:-5}
say "mail-preflight: node $CLI lint --format jsonl <$n files>, $OURS_RUNS runs"
ours_runs=()
for _ in $(seq "$OURS_RUNS"); do
  start=$(now)
  status=0
  node "$CLI" lint --format jsonl "$RUN"/messages/* > "$RUN/ours.jsonl" || status=$?
  ours_runs+=("$(elapsed "$start" "$(now)")")
  # Exit 1 only says some message has an error finding; 2 is a usage or I/O problem.
  [ "$status" -le 1 ] || { say "the CLI failed (exit $status)"; exit 1; }
done
ours_seconds=$(printf '%s\n' "${ours_runs[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')

# rspamd: a daemon; its start is not timed. Output to a file: it keeps stdout open.
cleanup() { "$PEERS/rspamd_stop.sh" >>"$RUN/rspamd-daemon.log" 2>&1 || true; }
trap cleanup EXIT
say "rspamd: starting (log $RUN/rspamd-daemon.log)"
"$PEERS/rspamd_start.sh" >"$RUN/rspamd-daemon.log" 2>&1 || { cat "$RUN/rspamd-daemon.log" >&2; exit 1; }
start=$(now)
"$PEERS/rspamd_score.sh" "$RUN/messages" "$RUN/rspamd.jsonl" 2>>"$RUN/rspamd-score.log"
rspamd_seconds=$(elapsed "$start" "$(now)")
cleanup
trap - EXIT

# SpamAssassin: in-process workers (the scripts' default mode); loading the rules is timed.
"$PEERS/sa_setup.sh" >"$RUN/sa-setup.log" 2>&1 || { cat "$RUN/sa-setup.log" >&2; exit 1; }
say "SpamAssassin: scoring (a minute or two)"
start=$(now)
"$PEERS/sa_score.sh" "$RUN/messages" "$RUN/sa.jsonl" 2>>"$RUN/sa-score.log"
sa_seconds=$(elapsed "$start" "$(now)")

node "$HERE/compare.mjs" --messages "$n" \
  --ours "$RUN/ours.jsonl" --ours-seconds "$ours_seconds" --ours-runs "${ours_runs[*]}" \
  --rspamd "$RUN/rspamd.jsonl" --rspamd-seconds "$rspamd_seconds" --rspamd-jobs "${RSPAMD_JOBS:-$(nproc)}" \
  --sa "$RUN/sa.jsonl" --sa-seconds "$sa_seconds" --sa-jobs "${SA_JOBS:-$(nproc)}"

#!/usr/bin/env node
// The CLI's throughput over ../shared/corpus/spamassassin-public-dev (every
// message of its four folders), as a CI job runs it: `mail-preflight lint
// --format jsonl --jobs N`, a fresh process each run, output to /dev/null.
// Prints messages/s and MB/s (median of RUNS runs) and the peak resident memory
// of the process (GNU time, when installed) for --jobs 1 and --jobs 2. Asserts
// nothing. Needs pkg/ (make build).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'pkg', 'bin', 'mail-preflight.cjs');
const corpus = join(root, '..', 'shared', 'corpus', 'spamassassin-public-dev');
/** Runs per setting; the median is printed (the machine is shared: single runs vary). */
const RUNS = 3;
const JOBS = [1, 2];
/** The corpus's message files: numbered names in its folders (LICENSE and notes left out). */
const MESSAGE_GLOB = '*/[0-9]*';

if (!existsSync(cli)) {
  console.error('cli-bench: pkg/ is missing; run make build (or node pkg-config/build.mjs) first');
  process.exit(2);
}
if (!existsSync(corpus)) {
  console.log(`cli-bench: NOTE ${corpus} is absent: nothing to measure`);
  process.exit(0);
}

const files = readdirSync(corpus, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(corpus, d.name)).filter((f) => /^[0-9]/.test(f)).map((f) => join(corpus, d.name, f)));
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** One run: wall time in ms and the peak RSS in MB (when GNU time is there). */
function run(jobs) {
  const args = [cli, 'lint', '--format', 'jsonl', '--jobs', String(jobs), '--output', '/dev/null', MESSAGE_GLOB];
  const started = performance.now();
  const result = gnuTime
    ? spawnSync(gnuTime, ['-f', '%M', process.execPath, ...args], { cwd: corpus, encoding: 'utf8' })
    : spawnSync(process.execPath, args, { cwd: corpus, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status === 2) throw new Error(`mail-preflight exited 2: ${result.stderr}`);
  const rssKb = gnuTime ? Number(result.stderr.trim().split('\n').pop()) : NaN;
  return { ms, rssMb: rssKb / 1024 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(`cli-bench: ${files.length} messages, ${(bytes / 1e6).toFixed(1)} MB (${corpus}), ${cpus().length} cores, `
  + `median of ${RUNS} runs, each a fresh process (start-up included)`);
for (const jobs of JOBS) {
  const runs = Array.from({ length: RUNS }, () => run(jobs));
  const ms = median(runs.map((r) => r.ms));
  const rss = median(runs.map((r) => r.rssMb));
  console.log(`mail-preflight lint --jobs ${jobs}`.padEnd(32)
    + `${(files.length / (ms / 1000)).toFixed(0).padStart(7)} msg/s ${(bytes / 1e6 / (ms / 1000)).toFixed(2).padStart(7)} MB/s`
    + `${(ms / 1000).toFixed(2).padStart(8)} s${Number.isNaN(rss) ? '' : `  peak RSS ${rss.toFixed(0)} MB`}`);
}

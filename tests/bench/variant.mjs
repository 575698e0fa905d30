#!/usr/bin/env node
// Rows of the release-profile table (#14): wasm files built under some profiles,
// each put through wasm-bindgen (and wasm-opt FLAGS when given) into a copy of
// pkg/, then measured side by side: size raw and gzipped, the Node throughput on
// the SpamAssassin corpus and the 9.9 MB and PDF messages, and the cold start.
//   node tests/bench/variant.mjs 'LABEL=RAW_WASM[=WASM-OPT FLAGS]' …
// The variants run in one process, in rounds that take them in turn (the order
// reversed every other round), so a machine whose speed drifts during the run
// moves every row alike: one variant per process had let this 2-core VM's drift
// decide a comparison (the table of 2026-12-01 had opt-level 3 slower than "s";
// interleaved, it is 1.4x faster). The cold start alternates fresh processes.
// Needs pkg/ (make build); asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { spamassassinMessages, generatedMessage, pdfMessage } from './inputs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Measured rounds (each lints the corpus once and each large message twice per variant). */
const ROUNDS = 8;
/** Fresh processes per variant for the cold start. */
const COLD_RUNS = 9;

const specs = process.argv.slice(2).map((arg) => {
  const [label, wasm, ...rest] = arg.split('=');
  const flags = rest.join('=');
  if (!label || !wasm) {
    console.error(`variant.mjs: expected LABEL=RAW_WASM[=WASM-OPT FLAGS], got ${JSON.stringify(arg)}`);
    process.exit(2);
  }
  return { label, wasm, flags: flags.split(/\s+/).filter(Boolean) };
});
if (!specs.length) {
  console.error('usage: node tests/bench/variant.mjs LABEL=RAW_WASM[=WASM-OPT FLAGS] …');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'mp-variant-'));
try {
  const variants = specs.map((spec, i) => {
    const out = join(dir, String(i));
    cpSync(join(root, 'pkg'), join(out, 'pkg'), { recursive: true });
    execFileSync('wasm-bindgen', ['--target', 'web', '--remove-name-section', '--remove-producers-section',
      '--out-dir', join(out, 'wb'), spec.wasm]);
    let wasm = join(out, 'wb', 'mail_preflight_bg.wasm');
    let optSeconds;
    if (spec.flags.length) {
      const started = performance.now();
      execFileSync(join(root, 'tests/node_modules/.bin/wasm-opt'), [...spec.flags, wasm, '-o', join(out, 'opt.wasm')]);
      optSeconds = (performance.now() - started) / 1000;
      wasm = join(out, 'opt.wasm');
    }
    cpSync(wasm, join(out, 'pkg/web/mail_preflight_bg.wasm'));
    const bytes = readFileSync(wasm);
    const { lint } = createRequire(import.meta.url)(join(out, 'pkg'));
    return { ...spec, pkg: join(out, 'pkg'), lint, raw: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length,
      optSeconds, rates: [], big: [], pdf: [], cold: [] };
  });

  const corpus = spamassassinMessages().map(([, raw]) => raw);
  const big = generatedMessage(9_900_000);
  const pdf = pdfMessage(9_850_000);
  const rate = (lint) => {
    const started = performance.now();
    for (const raw of corpus) { try { lint(raw); } catch { /* counted */ } }
    return corpus.length / ((performance.now() - started) / 1000);
  };
  const time = (lint, input) => { const t = performance.now(); lint(input); return performance.now() - t; };
  // A first round unmeasured: V8 compiles the hot wasm functions again with its
  // optimising tier in the background; the rounds measured come after.
  for (const v of variants) { rate(v.lint); time(v.lint, big); time(v.lint, pdf); }
  for (let round = 0; round < ROUNDS; round++) {
    for (const v of round % 2 ? [...variants].reverse() : variants) {
      if (corpus.length) v.rates.push(rate(v.lint));
      for (let i = 0; i < 2; i++) { v.big.push(time(v.lint, big)); v.pdf.push(time(v.lint, pdf)); }
    }
  }
  // Cold start: require() plus the first lint, in fresh processes taking the variants in turn.
  for (let run = 0; run < COLD_RUNS; run++) {
    for (const v of run % 2 ? [...variants].reverse() : variants) {
      const probe = `const t0 = performance.now(); const m = require(${JSON.stringify(v.pkg)});
        m.lint('From: a@example.com\\r\\nTo: b@example.com\\r\\nSubject: Hi\\r\\n\\r\\nHello\\r\\n');
        console.log(performance.now() - t0);`;
      const child = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
      if (child.status === 0) v.cold.push(Number(child.stdout));
    }
  }

  const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
  console.log(`| profile | raw bytes | gzipped (zlib 9) | Node msg/s (spamassassin) | 9.9 MB message, ms | PDF message, ms `
    + `| require + first lint, ms | wasm-opt time |`);
  console.log('|---|---|---|---|---|---|---|---|');
  for (const v of variants) {
    console.log(`| ${v.label} | ${v.raw} | ${v.gzipped} | ${median(v.rates).toFixed(0)} | ${median(v.big).toFixed(0)} | `
      + `${median(v.pdf).toFixed(0)} | ${median(v.cold).toFixed(1)} | ${v.optSeconds === undefined ? '—' : `${v.optSeconds.toFixed(0)} s`} |`);
  }
  console.log(`(medians: ${ROUNDS} interleaved rounds in one process, ${COLD_RUNS} fresh processes per variant for the cold start)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

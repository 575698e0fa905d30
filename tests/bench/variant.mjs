#!/usr/bin/env node
// One row of the release-profile table (#14): a wasm built under some profile,
// put through wasm-bindgen (and wasm-opt FLAGS when given) into a copy of pkg/,
// then measured: size raw and gzipped, and the Node throughput on the
// SpamAssassin corpus and on the 9.9 MB and PDF messages (median of runs).
//   node tests/bench/variant.mjs LABEL RAW_WASM [wasm-opt flags…]
// Needs pkg/ (make build); asserts nothing.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { spamassassinMessages, generatedMessage, pdfMessage } from './inputs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [label, rawWasm, ...optFlags] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'mp-variant-'));
try {
  cpSync(join(root, 'pkg'), join(dir, 'pkg'), { recursive: true });
  execFileSync('wasm-bindgen', ['--target', 'web', '--remove-name-section', '--remove-producers-section',
    '--out-dir', join(dir, 'wb'), rawWasm]);
  let wasm = join(dir, 'wb', 'mail_preflight_bg.wasm');
  let optSeconds = 0;
  if (optFlags.length) {
    const started = performance.now();
    execFileSync(join(root, 'tests/node_modules/.bin/wasm-opt'), [...optFlags, wasm, '-o', join(dir, 'opt.wasm')]);
    optSeconds = (performance.now() - started) / 1000;
    wasm = join(dir, 'opt.wasm');
  }
  cpSync(wasm, join(dir, 'pkg/web/mail_preflight_bg.wasm'));
  const bytes = readFileSync(wasm);
  const { lint } = createRequire(import.meta.url)(join(dir, 'pkg'));
  const corpus = spamassassinMessages().map(([, raw]) => raw);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rate = () => {
    const started = performance.now();
    for (const raw of corpus) { try { lint(raw); } catch { /* counted */ } }
    return corpus.length / ((performance.now() - started) / 1000);
  };
  // Two rounds first: V8 compiles hot wasm functions again with its optimising
  // tier in the background; the rounds measured come after.
  rate(); rate();
  const rates = [rate(), rate(), rate(), rate(), rate()];
  const big = generatedMessage(9_900_000);
  const pdf = pdfMessage(9_850_000);
  const time = (input) => { const t = performance.now(); lint(input); return performance.now() - t; };
  time(big); time(pdf);
  const bigMs = median([time(big), time(big), time(big)]);
  const pdfMs = median([time(pdf), time(pdf), time(pdf)]);
  console.log(`| ${label} | ${bytes.length} | ${gzipSync(bytes, { level: 9 }).length} | ${median(rates).toFixed(0)} | `
    + `${bigMs.toFixed(0)} | ${pdfMs.toFixed(0)} | ${optFlags.length ? `${optSeconds.toFixed(0)} s` : '—'} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

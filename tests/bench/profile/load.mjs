#!/usr/bin/env node
// A load to profile (#14): lints a set of messages in a loop with the package in
// PKG (default pkg/), for `node --cpu-prof` against a build that keeps the name
// section (`node pkg-config/build.mjs --keep-names`). Prints what it ran.
//   node --cpu-prof --cpu-prof-dir=DIR tests/bench/profile/load.mjs [corpus|big|pdf|html] [seconds]
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spamassassinMessages, generatedMessage, pdfMessage, htmlMessage } from '../inputs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const { lint } = createRequire(import.meta.url)(process.env.PKG || join(root, 'pkg'));
const kind = process.argv[2] || 'corpus';
const seconds = Number(process.argv[3] || 5);
const inputs = kind === 'corpus' ? spamassassinMessages().map(([, raw]) => raw)
  : kind === 'big' ? [generatedMessage(9_900_000)]
    : kind === 'pdf' ? [pdfMessage(9_850_000)]
      : [htmlMessage()];
const started = performance.now();
let count = 0;
while (performance.now() - started < seconds * 1000) {
  for (const raw of inputs) {
    try { lint(raw); } catch { /* refused inputs still count */ }
    count++;
  }
}
console.log(`${kind}: ${count} lints in ${((performance.now() - started) / 1000).toFixed(1)} s`);

#!/usr/bin/env node
// `make bench` (memory, #13): the wasm memory high-water mark of one lint of each
// of the worst 10 MB messages we can build (tests/hostile/generate.mjs): HTML,
// attachments, header fields, MIME structure. Each is linted by a fresh engine
// instance, so `WebAssembly.Memory.buffer.byteLength` after the call (wasm memory
// only grows) is what that message needed. The bound we keep is 256 MB
// (default, ours: a tenth of what a browser tab gives wasm32, four times the
// worst message we know of). Prints numbers, marks any case over the bound;
// asserts nothing. Needs pkg/ (make build).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { worstCases, limitCases } from '../hostile/generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkgDir = join(root, 'pkg');
/** The wasm memory any one message may need (default, ours). */
const BOUND_BYTES = 256 * 1024 * 1024;

if (!existsSync(join(pkgDir, 'package.json'))) {
  console.error('memory bench: pkg/ is missing; run make build first');
  process.exit(2);
}
const { Engine } = createRequire(import.meta.url)(join(pkgDir, 'lib', 'engine.cjs'));

const mb = (bytes) => (bytes / 1e6).toFixed(1);
console.log('wasm memory per lint, each in a fresh instance (10 MB messages of each kind; bound 256 MiB):');
console.log(`${'kind'.padEnd(12)}${'message'.padEnd(36)}${'size MB'.padStart(8)}${'ms'.padStart(8)}${'memory MB'.padStart(11)}  result`);
let worst = { memory: 0 };
const start = new Engine().memory().buffer.byteLength;
for (const { kind, name, make } of worstCases()) {
  const bytes = make();
  const engine = new Engine();
  const began = performance.now();
  let result;
  try {
    const report = engine.lint(bytes);
    const cut = report.findings.filter((f) => /too-much-work|limit|cut/.test(f.messageId)).map((f) => f.ruleId);
    result = `${report.verdict}, ${report.findings.length} findings${cut.length ? `, cut: ${[...new Set(cut)].join(' ')}` : ''}`;
  } catch (error) {
    result = `error ${error.code || error.message}`;
  }
  const ms = performance.now() - began;
  const memory = engine.memory().buffer.byteLength;
  if (memory > worst.memory) worst = { memory, name };
  const over = memory > BOUND_BYTES ? '  OVER THE BOUND' : '';
  console.log(`${kind.padEnd(12)}${name.padEnd(36)}${mb(bytes.length).padStart(8)}${ms.toFixed(0).padStart(8)}${mb(memory).padStart(11)}  ${result}${over}`);
}
console.log(`a fresh instance: ${mb(start)} MB; the highest: ${mb(worst.memory)} MB (${worst.name}); bound ${mb(BOUND_BYTES)} MB`);

// Ordinary messages at the input limit (32 MiB), through the call that reads them.
console.log('\nwasm memory per call at the input limit (ordinary messages, each in a fresh instance):');
console.log(`${'call'.padEnd(12)}${'message'.padEnd(36)}${'size MB'.padStart(8)}${'ms'.padStart(8)}${'memory MB'.padStart(11)}  result`);
for (const { name, call, make } of limitCases()) {
  const input = make();
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
  const engine = new Engine();
  const began = performance.now();
  let result;
  try {
    const out = engine[call](input);
    result = call === 'lint' ? `${out.verdict}, ${out.findings.length} findings` : `${out.fixed.length} bytes, ${out.applied.map((a) => a.fix).join(' ') || 'no fix'}`;
  } catch (error) {
    result = `error ${error.code || error.message}`;
  }
  const ms = performance.now() - began;
  const memory = engine.memory().buffer.byteLength;
  const over = memory > BOUND_BYTES ? '  OVER THE BOUND' : '';
  console.log(`${call.padEnd(12)}${name.padEnd(36)}${mb(size).padStart(8)}${ms.toFixed(0).padStart(8)}${mb(memory).padStart(11)}  ${result}${over}`);
}

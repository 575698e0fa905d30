#!/usr/bin/env node
// The first lint's cost in measures the machine's load does not move (#14 cold start):
//   node tests/bench/first-lint-compiles.mjs [PKG_DIR] [MESSAGE_FILE]
// 1. The wasm functions V8 compiles (Liftoff, lazily, on their first call) for the first
//    lint of a fresh process, and their body bytes (`--trace-wasm-compilation-times`);
//    the same counts are the same run to run. With a package built with
//    MAIL_PREFLIGHT_KEEP_NAMES=1, NAMES=1 lists them, largest first.
// 2. The first lint's own run, its one-time work (the lexicons read, the default lists
//    built): fresh instances of the module in one process, each one's first lint, the
//    code compiled already by the instances before it (median of 40, Liftoff's code).
// Prints numbers; asserts nothing. Needs pkg/ (make build) unless PKG_DIR is given.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = resolve(process.argv[2] || join(root, 'pkg'));
const file = process.argv[3] ? resolve(process.argv[3]) : null;
const wasmPath = join(pkg, 'web', 'mail_preflight_bg.wasm');
const setUp = `
  const fs = require('node:fs');
  const mod = new WebAssembly.Module(fs.readFileSync(${JSON.stringify(wasmPath)}));
  const factory = require(${JSON.stringify(join(pkg, 'node', 'mail_preflight.js'))});
  const message = ${file ? `fs.readFileSync(${JSON.stringify(file)})` : `'From: a@example.com\\r\\nTo: b@example.com\\r\\nSubject: Hi\\r\\n\\r\\nHello\\r\\n'`};`;

// 1. What the first lint compiles.
const traceDir = mkdtempSync(join(tmpdir(), 'first-lint-'));
const tracePath = join(traceDir, 'trace.txt');
const traced = spawnSync(process.execPath, ['--trace-wasm-compilation-times', '--liftoff-only', '-e', `${setUp}
  const engine = factory(mod);
  console.log('FIRST-LINT-START');
  engine.lint(message, undefined);
  console.log('FIRST-LINT-END');`], { stdio: ['ignore', openSync(tracePath, 'w'), 'inherit'] });
if (traced.status !== 0) process.exit(traced.status ?? 1);
// V8 prints its trace through C's stdio, which a pipe to this process lost part of at
// the child's exit: the child writes to a file.
let within = false;
const compiled = [];
for (const line of readFileSync(tracePath, 'utf8').split('\n')) {
  if (line === 'FIRST-LINT-START') within = true;
  else if (line === 'FIRST-LINT-END') within = false;
  else if (within) {
    const found = /#(\d+) using Liftoff.* bodysize (\d+)/.exec(line);
    if (found) compiled.push([Number(found[1]), Number(found[2])]);
  }
}
rmSync(traceDir, { recursive: true, force: true });
const bytes = compiled.reduce((sum, [, size]) => sum + size, 0);
console.log(`first lint${file ? ` of ${file}` : ''}: ${compiled.length} functions compiled, ${bytes} bytes of bodies`);
if (process.env.NAMES) {
  const names = functionNames(readFileSync(wasmPath));
  for (const [index, size] of [...compiled].sort((a, b) => b[1] - a[1])) console.log(`  ${size} ${names.get(index) ?? `#${index}`}`);
}

// 2. The first lint's own run.
const instances = spawnSync(process.execPath, ['--liftoff-only', '-e', `${setUp}
  const firstLint = () => { const engine = factory(mod); const t = performance.now(); engine.lint(message, undefined); return performance.now() - t; };
  for (let i = 0; i < 3; i++) firstLint();
  const times = Array.from({ length: 40 }, firstLint).sort((a, b) => a - b);
  console.log(times[19].toFixed(3) + ' ' + times[10].toFixed(3) + ' ' + times[29].toFixed(3));`], { encoding: 'utf8' });
const [median, low, high] = instances.stdout.trim().split(' ');
console.log(`first lint of a fresh instance, its code compiled: median ${median} ms (quartiles ${low}–${high}, 40 instances)`);

/** Function index → name, from the module's name section (absent from the shipped build). */
function functionNames(buf) {
  const names = new Map();
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = buf[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  while (at < buf.length) {
    const id = buf[at++];
    const end = leb() + at;
    if (id === 0) {
      const nameLength = leb();
      const name = buf.toString('utf8', at, at + nameLength);
      at += nameLength;
      while (name === 'name' && at < end) {
        const sub = buf[at++];
        const subEnd = leb() + at;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const index = leb();
            const length = leb();
            names.set(index, buf.toString('utf8', at, at + length));
            at += length;
          }
        }
        at = subEnd;
      }
    }
    at = end;
  }
  return names;
}

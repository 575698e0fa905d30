// Which of V8's wasm compilers a CLI run uses (lib/compilers.cjs, #14): Liftoff
// alone for a run of few files (TurboFan's recompiling would not pay back), the
// default tiers for a long run, and whatever the user chose with V8 flags. The
// choice changes speed only: the output is the engine's, compiled either way.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import test from 'node:test';
import { pkg, pkgDir, runCli, tempDir, rawMessage, messageWithLongLine } from './helpers.mjs';

const require = createRequire(import.meta.url);
const compilers = require(join(pkgDir, 'lib', 'compilers.cjs'));
const { baselineOnly, BASELINE_ONLY_MAX_FILES: MAX, BASELINE_ONLY_MAX_FILES_SPARE_CORE: MAX_SPARE } = compilers;

test('a run of few files uses Liftoff alone; a long run, or one leaving a core free, keeps the tiers', () => {
  assert.equal(baselineOnly({ files: 1, threads: 1, cores: 1 }), true);
  assert.equal(baselineOnly({ files: MAX, threads: 2, cores: 2 }), true);
  assert.equal(baselineOnly({ files: MAX + 1, threads: 2, cores: 2 }), false);
  assert.equal(baselineOnly({ files: MAX_SPARE, threads: 1, cores: 2 }), true);
  assert.equal(baselineOnly({ files: MAX_SPARE + 1, threads: 1, cores: 2 }), false);
  assert.ok(MAX_SPARE < MAX);
});

test('V8 wasm flags the user gave node are kept', () => {
  const few = { files: 3, threads: 2, cores: 2 };
  assert.equal(baselineOnly({ ...few, execArgv: ['--no-liftoff'] }), false);
  assert.equal(baselineOnly({ ...few, execArgv: ['--max-old-space-size=512', '--wasm-tiering-budget=100'] }), false);
  assert.equal(baselineOnly({ ...few, execArgv: ['--max-old-space-size=512'] }), true);
});

test('the choice is made before the module is compiled, never after', () => {
  const tiny = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\nHello\r\n';
  const verdict = pkg.lint(tiny).verdict;
  const probe = (flags = []) => spawnSync(process.execPath, [...flags, '-e', `
    const { chooseCompilers } = require(${JSON.stringify(join(pkgDir, 'lib', 'compilers.cjs'))});
    const before = chooseCompilers({ files: 2, threads: 1, cores: 1 });
    const engine = require(${JSON.stringify(join(pkgDir, 'index.cjs'))});
    const report = engine.lint(${JSON.stringify(tiny)});
    console.log(JSON.stringify([before, chooseCompilers({ files: 2, threads: 1, cores: 1 }), report.verdict]));`],
  { encoding: 'utf8' });
  const chosen = probe();
  assert.equal(chosen.status, 0, chosen.stderr);
  assert.deepEqual(JSON.parse(chosen.stdout), [true, false, verdict]);
  const user = probe(['--liftoff-only']);
  assert.equal(user.status, 0, user.stderr);
  assert.deepEqual(JSON.parse(user.stdout), [false, false, verdict]);
});

test('the CLI validates wasm functions lazily, unless the user chose V8 wasm flags; a program that requires the package keeps the defaults', () => {
  // A module whose one function is invalid (i64.const where an i32 is returned):
  // V8 refuses it when compiling it under the default flags, and compiles it
  // when functions are validated on first call (--wasm-lazy-validation).
  const invalid = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 5, 1, 0x60, 0, 1, 0x7f, 3, 2, 1, 0, 0x0a, 6, 1, 4, 0, 0x42, 1, 0x0b];
  const probe = (flags = [], choose = true) => spawnSync(process.execPath, [...flags, '-e', `
    const { chooseCompilers } = require(${JSON.stringify(join(pkgDir, 'lib', 'compilers.cjs'))});
    if (${choose}) chooseCompilers({ files: 5000, threads: 2, cores: 2 });
    require(${JSON.stringify(join(pkgDir, 'index.cjs'))}).lint('From: a@example.com\\r\\n\\r\\nHi\\r\\n');
    let compiled = true;
    try { new WebAssembly.Module(new Uint8Array(${JSON.stringify(invalid)})); } catch { compiled = false; }
    console.log(JSON.stringify(compiled));`], { encoding: 'utf8' });
  for (const [flags, choose, lazily] of [[[], true, true], [['--no-liftoff'], true, false], [[], false, false]]) {
    const run = probe(flags, choose);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout), lazily, `${flags.join(' ')} ${choose ? 'CLI' : 'library'}`);
  }
});

test('a short CLI run (Liftoff alone) reports exactly what the engine reports in this process', (t) => {
  const dir = tempDir(t);
  const messages = {
    'plain.eml': rawMessage(),
    'long.eml': messageWithLongLine(),
    'caps.eml': rawMessage({ subject: 'FREE MONEY NOW!!!', body: 'CLICK HERE TO WIN $1,000,000 TODAY!!!\r\n' }),
  };
  for (const [name, raw] of Object.entries(messages)) writeFileSync(join(dir, name), raw);
  const names = Object.keys(messages);
  const run = runCli(['lint', '--format', 'jsonl', ...names], { cwd: dir });
  assert.ok(run.status <= 1, run.stderr);
  const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(lines.length, names.length);
  lines.forEach((line, i) => {
    const report = pkg.lint(messages[names[i]]);
    assert.equal(line.verdict, report.verdict, names[i]);
    assert.deepEqual(line.findings.map((f) => [f.ruleId, f.severity, f.message]),
      report.findings.map((f) => [f.ruleId, f.severity, f.message]), names[i]);
  });
});

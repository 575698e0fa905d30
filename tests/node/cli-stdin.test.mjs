// The CLI's standard input (`lint -`, `simulate -`, `explain -`): read as a stream,
// so a non-blocking stdin is waited for in the event loop, not retried in a loop
// that spins a core; cut one byte past the engine's limit and refused then as
// "more than" the limit, never with the size read so far as the input's size.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { pkg, pkgDir, cliPath, tempDir, rawMessage, requireDev } from './helpers.mjs';

const { MAX_INPUT_BYTES } = requireDev(join(pkgDir, 'lib', 'engine.cjs'));

/** A child that reads its stdin through the CLI's own reader and prints how many bytes it got. */
const READER = `
const { processIo } = require(${JSON.stringify(join(pkgDir, 'lib', 'cli.cjs'))});
// A pipe as process.stdin: libuv puts fd 0 in non-blocking mode, as a parent's
// non-blocking pipe arrives (a synchronous read then meets EAGAIN until data comes).
process.stdin;
process.stderr.write('reading\\n');
Promise.resolve(processIo().readStdin(Number(process.argv[1]))).then((read) => {
  const bytes = Buffer.isBuffer(read) ? read : read.bytes;
  process.stdout.write(JSON.stringify({ length: bytes.length, cut: Boolean(read.cut) }));
});
`;

/** The scheduler state of `pid`'s main thread (R running, S sleeping…), from /proc. */
function stateOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
}

test('waiting for stdin on a non-blocking pipe, the CLI sleeps in the event loop instead of spinning', { skip: !existsSync('/proc/self/stat') }, async () => {
  const child = spawn(process.execPath, ['-e', READER, '100'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk) => { out += chunk; });
  const closed = new Promise((resolve) => child.on('close', resolve));
  await new Promise((resolve) => child.stderr.once('data', resolve));
  // The reader spinning on EAGAIN is always runnable (R); one waiting for data sleeps (S).
  // Sampled a bounded number of times: no duration is asserted.
  const states = [];
  for (let i = 0; i < 200 && !states.includes('S'); i++) {
    states.push(stateOf(child.pid));
    await sleep(10);
  }
  const slept = states.includes('S');
  if (!slept) child.kill();
  assert.ok(slept, `the reader never slept while stdin was empty (states ${[...new Set(states)].join('')})`);
  child.stdin.end('hello');
  await closed;
  assert.deepEqual(JSON.parse(out), { length: 5, cut: false });
});

test('stdin from a file, /dev/null or a pipe past the limit is read as the CLI reads it', (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'in.eml');
  writeFileSync(file, rawMessage());
  for (const [source, limit, expected] of [
    [file, 1000, { length: Buffer.byteLength(rawMessage()), cut: false }],
    ['/dev/null', 1000, { length: 0, cut: false }],
    [file, 10, { length: Buffer.byteLength(rawMessage()), cut: true }],
  ]) {
    const fd = openSync(source, 'r');
    const run = spawnSync(process.execPath, ['-e', READER, String(limit)], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8' });
    closeSync(fd);
    const got = JSON.parse(run.stdout);
    // Past the limit, reading stops within one chunk of it (64 KiB): the file is shorter.
    assert.deepEqual(got, expected, source);
  }
  const piped = spawnSync(process.execPath, ['-e', READER, '1000'], { input: rawMessage(), encoding: 'utf8' });
  assert.deepEqual(JSON.parse(piped.stdout), { length: Buffer.byteLength(rawMessage()), cut: false });
});

/** The CLI run with `input` piped into its stdin (the writer's EPIPE, once the CLI stopped reading, ignored). */
function pipedCli(args, input) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: '', LANG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.stdin.on('error', (error) => { if (error.code !== 'EPIPE') reject(error); });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

test('stdin cut past the limit is refused as more than the limit, in the reader\'s language, by lint and simulate', async () => {
  // 40 MB piped: reading stops one chunk past 33.55 MB, a size the message must not give as the input's.
  const input = Buffer.alloc(40 * 1000 * 1000, 0x61);
  for (const locale of ['en', 'fr']) {
    const run = await pipedCli(['lint', '--format', 'jsonl', '--locale', locale, '-'], input);
    assert.equal(run.status, 2, run.stderr);
    const { error } = JSON.parse(run.stdout.trim().split('\n')[0]);
    assert.equal(error.code, 'input-too-large');
    assert.equal(error.message, pkg.renderMessage('core.error.input-too-large-unmeasured', { limit: { megabytes: MAX_INPUT_BYTES } }, locale));
    assert.match(error.message, locale === 'en' ? /more than 33\.55\sMB/ : /plus de 33,55\sMo/);
  }
  const scenario = await pipedCli(['simulate', '-'], input);
  assert.equal(scenario.status, 2);
  assert.ok(scenario.stderr.includes(pkg.renderMessage('queue.error.scenario-too-large-unmeasured', { limit: { megabytes: MAX_INPUT_BYTES } }, 'en')),
    scenario.stderr);
});

test('a directory as stdin is said to be one, not read as an empty message', (t) => {
  const dir = tempDir(t);
  const fd = openSync(dir, 'r');
  const run = spawnSync(process.execPath, [cliPath, 'lint', '-'], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, LC_ALL: '', LANG: '' } });
  closeSync(fd);
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr + run.stdout, /EISDIR/);
  assert.doesNotMatch(run.stderr + run.stdout, /empty/i);
});

// The Node API's engine under stress: after a trap the instance is re-created and
// only that call fails (code `internal`); compose fields and PHP header arrays are
// measured before anything is copied into wasm memory (`input-too-large`).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { pkg, pkgDir, requireDev, rawMessage, messageWithLongLine } from './helpers.mjs';

const { sharedEngine, Engine, MAX_INPUT_BYTES } = requireDev(join(pkgDir, 'lib', 'engine.cjs'));

/** Overwrites the current instance's memory: its next call traps, as a corrupted instance would. */
function corrupt(engine) {
  new Uint8Array(engine.memory().buffer).fill(0xff);
}

test('after a trap, lint() throws code internal for that input and the next input lints correctly', () => {
  const expected = pkg.lint(messageWithLongLine());
  const before = sharedEngine().memory();
  corrupt(sharedEngine());
  assert.throws(() => pkg.lint(messageWithLongLine()), (error) => error.code === 'internal' && /restarted/.test(error.message));
  assert.notEqual(sharedEngine().memory(), before, 'a new instance with its own memory');
  assert.deepEqual(pkg.lint(messageWithLongLine()), expected);
});

test('the internal error is in the caller\'s language', () => {
  corrupt(sharedEngine());
  assert.throws(() => pkg.lint(rawMessage(), { locale: 'pl' }), (error) => error.code === 'internal' && /Silnik/.test(error.message));
  assert.equal(pkg.lint(rawMessage(), { locale: 'pl' }).locale, 'pl');
});

test('every export recovers the same way (rules, messages, simulate, explainSmtpReply…)', () => {
  corrupt(sharedEngine());
  assert.throws(() => pkg.explainSmtpReply('550 5.1.1 User unknown'), (error) => error.code === 'internal');
  assert.equal(pkg.explainSmtpReply('550 5.1.1 User unknown').code, 550);
  corrupt(sharedEngine());
  assert.throws(() => pkg.rules('en'), (error) => error.code === 'internal');
  assert.ok(pkg.rules('en').length > 0);
});

test('separate engines do not share an instance: a trap in one leaves the other untouched', () => {
  const a = new Engine();
  const b = new Engine();
  corrupt(a);
  assert.throws(() => a.lint(rawMessage()), (error) => error.code === 'internal');
  assert.equal(b.lint(rawMessage()).origin, 'raw');
  assert.equal(a.lint(rawMessage()).origin, 'raw');
});

test('compose fields over the input limit are refused before they are copied into wasm memory', () => {
  const grown = [];
  const engine = new Engine();
  const memoryBefore = engine.memory().buffer.byteLength;
  const big = Buffer.alloc(MAX_INPUT_BYTES / 2 + 1, 0x61);
  for (const input of [
    { from: 'a@example.com', text: 'x', attachments: [{ filename: 'a.bin', content: big }, { filename: 'b.bin', content: big }] },
    { from: 'a@example.com', text: big.toString('latin1'), html: big.toString('latin1') },
    { from: 'a@example.com', text: 'x', headers: { 'X-Huge': big.toString('latin1'), 'X-Huge-2': big.toString('latin1') } },
  ]) {
    assert.throws(() => engine.lint(input), (error) => {
      grown.push(engine.memory().buffer.byteLength - memoryBefore);
      return error.code === 'input-too-large' && /MB/.test(error.message);
    });
  }
  assert.deepEqual(grown, [0, 0, 0], 'the wasm memory did not grow: nothing was copied');
});

test('PHP mail() arguments, header arrays and maps included, are measured before they are copied', () => {
  const engine = new Engine();
  const memoryBefore = engine.memory().buffer.byteLength;
  const half = 'h'.repeat(MAX_INPUT_BYTES / 2 + 1);
  assert.throws(() => engine.lintPhpMail('a@example.com', 'Hi', 'x', [`X-A: ${half}`, `X-B: ${half}`]),
    (error) => error.code === 'input-too-large');
  assert.throws(() => engine.lintPhpMail('a@example.com', 'Hi', half, { 'X-A': half }),
    (error) => error.code === 'input-too-large');
  assert.equal(engine.memory().buffer.byteLength, memoryBefore);
  assert.equal(engine.lintPhpMail('a@example.com', 'Hi', 'x', ['From: b@example.com']).origin, 'phpMail');
});

test('a Date object for `date` is written as Nodemailer writes it', () => {
  const report = pkg.lint({ from: 'a@example.com', to: 'b@example.com', subject: 'Hi', text: 'x', date: new Date('2026-11-24T10:00:00Z') });
  assert.match(report.source, /^Date: Tue, 24 Nov 2026 10:00:00 \+0000\r\n/m);
});

test('the browser entry (web.js) re-creates its instance after a trap as the Node entry does', async () => {
  const web = await import(join(pkgDir, 'web.js'));
  const glue = await import(join(pkgDir, 'web', 'mail_preflight.js'));
  web.initSync(readFileSync(join(pkgDir, 'web', 'mail_preflight_bg.wasm')));
  const expected = web.lint(messageWithLongLine());
  const before = glue.__memory();
  new Uint8Array(before.buffer).fill(0xff);
  assert.throws(() => web.lint(messageWithLongLine(), { locale: 'pl' }), (error) => error.code === 'internal' && /Silnik/.test(error.message));
  assert.notEqual(glue.__memory(), before, 'a new instance with its own memory');
  assert.deepEqual(web.lint(messageWithLongLine()), expected);
  new Uint8Array(glue.__memory().buffer).fill(0xff);
  assert.throws(() => web.explainSmtpReply('550 5.1.1 User unknown'), (error) => error.code === 'internal');
  assert.equal(web.explainSmtpReply('550 5.1.1 User unknown').code, 550);
});

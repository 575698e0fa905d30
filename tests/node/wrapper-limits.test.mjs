// The npm wrapper's own limits on what a caller hands it (hostile-input report s35):
// lists and objects are counted before they are copied, byte fields given as lists
// of numbers or as Node's JSON form of a Buffer are bytes (measured against the
// input limit, never counted as values, never an `internal`), and every refusal is
// a coded error in the caller's language, quickly.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import test from 'node:test';
import { pkg, pkgDir, requireDev } from './helpers.mjs';

const { Engine, MAX_INPUT_BYTES } = requireDev(join(pkgDir, 'lib', 'engine.cjs'));
const base = { from: 'a@site.example', to: 'b@site.example', subject: 'Hello there', text: 'x' };

/** `f()`'s thrown error and how long it took, in ms. */
function timed(f) {
  const start = Date.now();
  try {
    f();
  } catch (error) {
    return { error, ms: Date.now() - start };
  }
  assert.fail('it did not throw');
}

test('a sparse list (attachments.length = 4e9) is refused as too-many at once, naming the field, in the caller\'s language', (t) => {
  for (const length of [4e9, 1e8, 3e6]) {
    const attachments = [];
    attachments.length = length;
    const { error, ms } = timed(() => pkg.lint({ ...base, attachments }, { locale: 'pl' }));
    assert.equal(error.code, 'invalid-input');
    assert.equal(error.messageId, 'core.invalid.too-many');
    assert.equal(error.params.path, 'attachments');
    assert.equal(error.params.count, length);
    assert.equal(error.message, pkg.renderMessage(error.messageId, error.params, 'pl'));
    assert.match(error.message, /^Pola wiadomości są nieprawidłowe: attachments:/);
    t.diagnostic(`${ms} ms`); // printed, never asserted (make bench measures)
  }
});

test('createLinter refuses a sparse list the same way, on the calling thread', async () => {
  const linter = pkg.createLinter({ threads: 1 });
  try {
    const headers = [];
    headers.length = 4e9;
    await assert.rejects(linter.lint({ ...base, headers }, { locale: 'fr' }),
      (error) => error.code === 'invalid-input' && error.messageId === 'core.invalid.too-many' && /^Les champs du message/.test(error.message));
  } finally {
    await linter.close();
  }
});

test('an object with more members than the limit is refused before they are read', () => {
  const headers = {};
  for (let i = 0; i <= 1_000_000; i++) headers[`x-${i}`] = '';
  let read = 0;
  const watched = new Proxy(headers, { get(target, key) { if (typeof key === 'string') read += 1; return target[key]; } });
  assert.throws(() => pkg.lint({ ...base, headers: watched }),
    (error) => error.messageId === 'core.invalid.too-many' && error.params.path === 'headers');
  assert.equal(read, 0, 'no member was read');
});

test('byte fields as lists of numbers or Buffer JSON lint as the same bytes as a Buffer', () => {
  const bytes = Buffer.from('%PDF-1.4 hello');
  const asBuffer = pkg.lint({ ...base, attachments: [{ filename: 'a.pdf', content: bytes }] });
  for (const content of [[...bytes], bytes.toJSON(), JSON.parse(JSON.stringify(bytes))]) {
    const report = pkg.lint({ ...base, attachments: [{ filename: 'a.pdf', content }] });
    assert.equal(report.source, asBuffer.source);
  }
  const raw = Buffer.from('From: a@site.example\r\nTo: b@site.example\r\nSubject: Hello there\r\n\r\nhi\r\n');
  const rawReport = pkg.lint({ raw });
  assert.equal(pkg.lint({ raw: raw.toJSON() }).source, rawReport.source);
  assert.equal(pkg.lint({ raw: [...raw] }).source, rawReport.source);
  const text = Buffer.from('héllo');
  const textReport = pkg.lint({ ...base, text });
  assert.equal(pkg.lint({ ...base, text: text.toJSON() }).source, textReport.source);
  assert.equal(pkg.lint({ ...base, html: { content: [...text] } }).source, pkg.lint({ ...base, html: { content: text } }).source);
});

test('a list that is not all bytes keeps the engine\'s own error naming the entry', () => {
  assert.throws(() => pkg.lint({ ...base, attachments: [{ filename: 'a.bin', content: [1, 256] }] }),
    (error) => error.code === 'invalid-input' && /attachments\[0\]\.content/.test(error.message));
});

test('a 2 MB Buffer JSON raw and a 1.5 MB Buffer JSON attachment are linted (bytes are not values)', () => {
  const raw = { type: 'Buffer', data: [...Buffer.from('From: a@site.example\r\nTo: b@site.example\r\nSubject: Hello there\r\n\r\n'), ...new Array(2e6).fill(65)] };
  assert.ok(pkg.lint({ raw }).verdict);
  const content = JSON.parse(JSON.stringify(Buffer.alloc(1.5e6, 65)));
  assert.ok(pkg.lint({ ...base, attachments: [{ filename: 'a.pdf', content }] }).verdict);
});

test('Buffer JSON and number lists past the input limit are input-too-large, at once, without an internal error', (t) => {
  const engine = new Engine();
  const before = engine.memory().buffer.byteLength;
  const data = new Array(MAX_INPUT_BYTES + 1).fill(65);
  for (const input of [{ raw: { type: 'Buffer', data } }, { ...base, attachments: [{ filename: 'a.bin', content: data }] }]) {
    const { error, ms } = timed(() => engine.lint(input, { locale: 'es' }));
    assert.equal(error.code, 'input-too-large');
    assert.equal(error.messageId, 'core.error.input-too-large');
    assert.equal(error.limit, MAX_INPUT_BYTES);
    assert.match(error.message, /^La entrada ocupa/);
    t.diagnostic(`${ms} ms`); // printed, never asserted (make bench measures)
  }
  // The error's own rendering may take a page; the 32 MB were not copied.
  assert.ok(engine.memory().buffer.byteLength - before < 1 << 20, 'nothing was copied into wasm memory');
});

test('a 10.5 MB raw as Buffer JSON gets a report, not internal', (t) => {
  const head = [...Buffer.from('From: a@site.example\r\nTo: b@site.example\r\nSubject: Hello there\r\n\r\n')];
  const data = head.concat(new Array(10.5e6).fill(65));
  const start = Date.now();
  const report = pkg.lint({ raw: { type: 'Buffer', data } });
  assert.ok(report.findings.some((f) => f.ruleId === 'size/total'), 'the size rule speaks');
  t.diagnostic(`${Date.now() - start} ms`); // printed, never asserted (make bench measures)
});

test('texts are measured as UTF-8 before they are copied: a text of \'é\' at twice the limit in bytes is refused at once', () => {
  const engine = new Engine();
  const before = engine.memory().buffer.byteLength;
  const text = 'é'.repeat(MAX_INPUT_BYTES / 2 + 1);
  for (const input of [`From: a@site.example\r\n\r\n${text}`, { ...base, text }]) {
    const { error } = timed(() => engine.lint(input, { locale: 'fr' }));
    assert.equal(error.code, 'input-too-large');
    assert.ok(error.size > MAX_INPUT_BYTES, 'the size is the UTF-8 bytes');
  }
  assert.ok(engine.memory().buffer.byteLength - before < 1 << 20, 'nothing was copied into wasm memory');
});

test('texts that are no message are refused before the copy, naming what they are, in the requested language', (t) => {
  const engine = new Engine();
  const big = 'x'.repeat(MAX_INPUT_BYTES + 1);
  const cases = [
    [() => pkg.checkCustomRules(`"${big}"`, 'pl'), 'core.too-large.rules', 'pl', /^Reguły własne:/],
    [() => pkg.checkCustomRules({ spamassassinRules: big }, 'fr'), 'core.too-large.rules', 'fr', /^Les règles personnalisées :/],
    [() => pkg.checkOptions(`{"locale":"${big}"}`, 'es'), 'core.too-large.options', 'es', /^Las opciones:/],
    [() => pkg.lint('From: a@b.example\r\n\r\nx', { locale: 'fr', spamassassinRules: big }), 'core.too-large.options', 'fr', /^Les options :/],
    [() => pkg.renderMessage('core.invalid.threw', { path: big, detail: '' }, 'pl'), 'core.too-large.params', 'pl', /^Parametry komunikatu:/],
    [() => pkg.checkSmtpSettings({ host: big }, 'en'), 'core.too-large.options', 'en', /^The options:/],
  ];
  for (const [call, what, locale, words] of cases) {
    const { error, ms } = timed(call);
    assert.equal(error.code, 'input-too-large', what);
    assert.equal(error.messageId, 'core.error.too-large');
    assert.equal(error.params.what.label, what);
    assert.equal(error.message, pkg.renderMessage(error.messageId, error.params, locale));
    assert.match(error.message, words);
    assert.doesNotMatch(error.message, /No host|Aucun hébergement|Ningún alojamiento|Żaden hosting/);
    t.diagnostic(`${what}: ${ms} ms`); // printed, never asserted (make bench measures)
  }
  const scenario = timed(() => pkg.simulate(`{"domain":"${big}"}`)).error;
  assert.equal(scenario.messageId, 'queue.error.scenario-too-large');
  assert.equal(engine.memory().buffer.byteLength > 0, true);
});

test('an SMTP reply is read up to MAX_REPLY_BYTES (64 KiB) and the rest is not copied; the explanation says it was cut', () => {
  const { sharedEngine } = requireDev(join(pkgDir, 'lib', 'engine.cjs'));
  const memory = () => sharedEngine().memory().buffer.byteLength;
  const before = memory();
  const explained = pkg.explainSmtpReply(`550 5.1.1 ${'x'.repeat(100e6)}`, 'fr');
  assert.equal(explained.code, 550);
  assert.match(explained.problem, /65.536 premiers octets/u);
  assert.ok(memory() - before < 16 << 20, `the wasm memory grew by ${memory() - before} bytes`);
  // At the cut, the explanation is the one of the whole reply.
  const long = `550 5.1.1 ${'y'.repeat(70_000)}`;
  assert.deepEqual(pkg.explainSmtpReply(`${long}${'z'.repeat(1e6)}`, 'es'), pkg.explainSmtpReply(long, 'es'));
});

test('options, settings and byte arrays that cannot be read are coded errors naming the field', () => {
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  const cases = [
    [() => pkg.lint(base, { get locale() { throw new Error('boom'); } }), 'invalid-options', 'core.invalid.threw', /locale/],
    [() => pkg.lint(base, { rules: { get 'size/total'() { throw new Error('boom'); } } }), 'invalid-options', 'core.invalid.threw', /rules\.size\/total/],
    [() => pkg.lint(base, revoked), 'invalid-options', 'core.invalid.threw', /options/],
    [() => pkg.fixMessage('From: a@b.example\r\n\r\nx', revoked), 'invalid-options', 'core.invalid.threw', /options/],
  ];
  // Views made before their buffer is transferred (a view of a detached buffer cannot be made at all).
  const ab = new ArrayBuffer(8);
  const [view, other] = [new Uint8Array(ab), new DataView(ab)];
  structuredClone(ab, { transfer: [ab] });
  cases.push([() => pkg.lint({ ...base, text: view }, { locale: 'fr' }), 'invalid-input', 'core.invalid.detached', /text/]);
  cases.push([() => pkg.lint({ ...base, attachments: [{ filename: 'a', content: ab }] }), 'invalid-input', 'core.invalid.detached', /attachments\[0\]\.content/]);
  cases.push([() => pkg.lint(other), 'invalid-input', 'core.invalid.detached', /message/]);
  for (const [call, code, messageId, field] of cases) {
    const { error } = timed(call);
    assert.equal(error.code, code, error.message);
    assert.equal(error.messageId, messageId, error.message);
    assert.match(error.message, field);
    assert.match(error.message, /^(The options are not valid|The message fields are not valid|Les champs du message)/);
  }
});

test('a message text that is not ASCII is copied into wasm memory as its bytes, not at three bytes a UTF-16 unit', () => {
  // wasm-bindgen reserves three bytes per unit to copy a string in, and wasm memory never
  // shrinks: 15 M × 'é' (30 MB) took 93 MB where its bytes take 63 MB.
  const text = `From: a@site.example\r\nTo: b@site.example\r\nSubject: Hi\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${'é'.repeat(4_000_000)}\r\n`;
  const bytes = Buffer.from(text, 'utf8');
  for (const call of ['lint', 'fixMessage']) {
    const [fromText, fromBytes] = [text, bytes].map((input) => {
      const engine = new Engine();
      const result = engine[call](input);
      return { result: call === 'lint' ? result : Buffer.from(result.fixed), memory: engine.memory().buffer.byteLength };
    });
    assert.deepEqual(fromText.result, fromBytes.result, `${call}: the same answer`);
    assert.equal(fromText.memory, fromBytes.memory, `${call}: the same wasm memory as the bytes`);
  }
});

test('lintPhpMail takes texts that are not ASCII in as their UTF-8 bytes, as lint does: the same report and wasm memory', (t) => {
  // The same four arguments as texts and as their UTF-8 bytes (which lintPhpMail refused before):
  // wasm-bindgen copies a string in by reserving three bytes a UTF-16 unit. At this size the
  // peak is the report's (its source), not the copy: printed, the same either way.
  const body = `${'é'.repeat(5_000_000)}\r\n`;
  const args = ['b@site.example', 'Zażółć', body, 'From: a@site.example\r\nContent-Type: text/plain; charset=utf-8'];
  const [fromText, fromBytes] = [args, args.map((a) => Buffer.from(a, 'utf8'))].map((input) => {
    const engine = new Engine();
    return { report: engine.lintPhpMail(...input), memory: engine.memory().buffer.byteLength };
  });
  assert.deepEqual(fromText.report, fromBytes.report, 'the same report');
  assert.equal(fromText.memory, fromBytes.memory, 'the same wasm memory as the bytes');
  assert.ok(fromText.report.source.includes('\r\nSubject: Zażółć\r\n'), 'the subject read as UTF-8');
  t.diagnostic(`10 MB body of é: wasm memory ${(fromText.memory / 1048576).toFixed(0)} MiB`);
});

// createLinter({ threads }): the engine in worker threads for servers. The same
// reports as lint(), promises, the event loop free while a large message is
// checked, coded errors, close(), and no process kept alive by idle threads.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import test from 'node:test';
import { pkg, pkgDir, rawMessage, messageWithLongLine, messageWithWideLine } from './helpers.mjs';

test('lint and lintPhpMail resolve with the same reports as the synchronous API', async (t) => {
  const linter = pkg.createLinter({ threads: 2 });
  t.after(() => linter.close());
  assert.equal(linter.threads, 2);
  const inputs = [rawMessage(), messageWithLongLine(), Buffer.from(messageWithWideLine()),
    { from: 'a@example.com', to: 'b@example.com', subject: 'Hi', text: 'Hello', attachments: [{ filename: 'a.pdf', content: Buffer.from('%PDF') }] }];
  const reports = await Promise.all(inputs.map((input) => linter.lint(input, { locale: 'fr' })));
  assert.deepEqual(reports, inputs.map((input) => pkg.lint(input, { locale: 'fr' })));
  const php = await linter.lintPhpMail('b@example.com', 'Hi', 'Hello\nthere', ['From: a@example.com']);
  assert.deepEqual(php, pkg.lintPhpMail('b@example.com', 'Hi', 'Hello\nthere', ['From: a@example.com']));
});

test('byte fields in every form lint() takes give the pool lint()\'s report: a Uint8Array, a Buffer, an ArrayBuffer, a DataView', async (t) => {
  // The pool reads the fields on the calling thread, where a Uint8Array that is no
  // Buffer is marked as a view, and clones them to a worker, where a Buffer becomes a
  // plain Uint8Array: the worker read them again, marking the mark (refused) and reading
  // the Buffer as a view (a text part quoted-printable, where Nodemailer chooses by content).
  const bytes = (text) => new Uint8Array(Buffer.from(text));
  const text = 'Zażółć gęślą jaźń, a long line of 8-bit text. '.repeat(6);
  const base = { from: 'a@example.com', to: 'b@example.com', subject: 'Hi' };
  const inputs = {
    'text: Uint8Array': { ...base, text: bytes(text) },
    'text: Buffer': { ...base, text: Buffer.from(text) },
    'html: Uint8Array': { ...base, html: bytes(`<p>${text}</p>`) },
    'content: Uint8Array': { ...base, text: 'x', attachments: [{ filename: 'cv.pdf', content: bytes('%PDF-1.4\n%%EOF\n') }] },
    'content: Buffer': { ...base, text: 'x', attachments: [{ filename: 'cv.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') }] },
    'content: ArrayBuffer': { ...base, text: 'x', attachments: [{ filename: 'a.txt', content: bytes('héllo\n').buffer }] },
    'content: DataView': { ...base, text: 'x', attachments: [{ filename: 'a.txt', content: new DataView(bytes('héllo\n').buffer) }] },
    'alternative: Uint8Array': { ...base, text: 'x', alternatives: [{ contentType: 'text/x-web-markdown', content: bytes(text) }] },
    'raw: Uint8Array': { raw: bytes('From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\nHello\r\n') },
  };
  for (const threads of [1, 2]) {
    const linter = pkg.createLinter({ threads });
    t.after(() => linter.close());
    for (const [name, input] of Object.entries(inputs)) {
      assert.deepEqual(await linter.lint(input, { locale: 'pl' }), pkg.lint(input, { locale: 'pl' }), `${threads} threads: ${name}`);
    }
  }
});

test('the event loop keeps running while a 10 MB message is checked in a worker', async (t) => {
  const linter = pkg.createLinter({ threads: 1 });
  t.after(() => linter.close());
  const big = rawMessage({ body: `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(170_000)}\r\n` });
  assert.ok(Buffer.byteLength(big) > 9_500_000);
  let turns = 0;
  let running = true;
  const spin = () => {
    turns++;
    if (running) setImmediate(spin);
  };
  setImmediate(spin);
  const report = await linter.lint(big);
  running = false;
  assert.ok(turns > 1, `the event loop turned ${turns} times while the lint was pending`);
  assert.equal(report.sizes.encoded, Buffer.byteLength(big));
});

test('a threshold given as Infinity or NaN is named as given by lint() and by the pool, even with options a worker cannot receive as they are', async (t) => {
  const linter = pkg.createLinter({ threads: 1 });
  t.after(() => linter.close());
  const check = (error, value) => {
    assert.equal(error.code, 'invalid-options');
    assert.equal(error.messageId, 'core.invalid.not-finite');
    assert.equal(error.params.path, 'thresholds.size.maxMessageBytes');
    assert.equal(error.params.value, value);
    assert.doesNotMatch(error.message, /null/);
    return true;
  };
  for (const value of [Infinity, NaN, -Infinity]) {
    const options = { locale: 'pl', thresholds: { size: { maxMessageBytes: value } } };
    assert.throws(() => pkg.lint(rawMessage(), options), (error) => check(error, String(value)));
    await assert.rejects(linter.lint(rawMessage(), options), (error) => check(error, String(value)));
    // A function makes the options uncloneable: the pool sends them as JSON, which had turned the number into null.
    await assert.rejects(linter.lint(rawMessage(), { ...options, onWarn() {} }), (error) => check(error, String(value)));
  }
});

test('bad input and bad options reject with the engine\'s coded errors', async (t) => {
  const linter = pkg.createLinter({ threads: 1 });
  t.after(() => linter.close());
  await assert.rejects(linter.lint(42), (error) => error.code === 'invalid-input');
  await assert.rejects(linter.lint('x', { bogus: true }), (error) => error.code === 'invalid-options');
  await assert.rejects(linter.lint('x', { rules: { 'size/totl': 'off' } }),
    (error) => error.code === 'invalid-options' && /size\/total/.test(error.message));
  assert.equal((await linter.lint(rawMessage())).origin, 'raw', 'the worker still works');
});

test('close() stops the threads; later calls reject with code closed', async () => {
  const linter = pkg.createLinter({ threads: 1 });
  await linter.lint(rawMessage());
  await linter.close();
  await assert.rejects(linter.lint(rawMessage()), (error) => error.code === 'closed');
});

test('close() while a lint runs settles the running call, and the queued ones, with closed in the call\'s language', async () => {
  const linter = pkg.createLinter({ threads: 1 });
  const big = rawMessage({ body: `${'x'.repeat(76)}\r\n`.repeat(120_000) });
  const running = linter.lint(big, { locale: 'fr' });
  const queued = linter.lint(big, { locale: 'pl' });
  const settled = Promise.allSettled([running, queued]);
  await new Promise((resolve) => setTimeout(resolve, 50));
  await linter.close();
  const [first, second] = await settled;
  for (const [result, locale] of [[first, 'fr'], [second, 'pl']]) {
    assert.equal(result.status, 'rejected');
    assert.equal(result.reason.code, 'closed');
    assert.equal(result.reason.messageId, 'cli.error.closed');
    assert.equal(result.reason.message, pkg.renderMessage('cli.error.closed', {}, locale));
  }
  await assert.rejects(linter.lint(rawMessage(), { locale: 'es' }),
    (error) => error.code === 'closed' && error.message === pkg.renderMessage('cli.error.closed', {}, 'es'));
});

test('the linter\'s own errors are in its settings\' locale, with messageId; threads: \'2\' is named as a text', async () => {
  assert.throws(() => pkg.createLinter({ threads: '2', locale: 'fr' }), (error) => error.code === 'invalid-options'
    && error.messageId === 'cli.error.threads' && error.message === pkg.renderMessage(error.messageId, error.params, 'fr')
    && /c'est un texte \("2"\)/.test(error.message));
  assert.throws(() => pkg.createLinter({ threads: 0 }), (error) => /it is a number \(0\)/.test(error.message));
  const linter = pkg.createLinter({ threads: 1, locale: 'pl' });
  await linter.close();
  await assert.rejects(linter.lint(rawMessage()), (error) => error.message === pkg.renderMessage('cli.error.closed', {}, 'pl'));
  assert.throws(() => pkg.createLinter({ locale: 'de' }), (error) => error.code === 'invalid-options');
});

test('createLinter(null) is the defaults; settings that are not an object, or that throw, are coded errors naming the field', async () => {
  await pkg.createLinter(null).close();
  assert.throws(() => pkg.createLinter(3), (error) => error.code === 'invalid-options' && error.messageId === 'core.invalid.shape' && /settings/.test(error.message));
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  for (const settings of [{ get threads() { throw new Error('boom'); } }, revoked]) {
    assert.throws(() => pkg.createLinter(settings), (error) => error.code === 'invalid-options'
      && error.messageId === 'core.invalid.threw' && /reading (threads|locale) threw/.test(error.message));
  }
});

test('a locale JSON cannot write is a coded error, as lint() refuses it; one JSON leaves out is no locale', async () => {
  // Before: a BigInt and a throwing toJSON escaped as uncoded errors from JSON.stringify, and a
  // symbol was taken as the linter's locale.
  assert.throws(() => pkg.createLinter({ locale: 1n }), (error) => error.code === 'invalid-options'
    && error.messageId === 'core.invalid.not-json-compatible' && error.field === 'locale');
  assert.throws(() => pkg.createLinter({ locale: { toJSON() { throw new Error('boom'); } } }), (error) => error.code === 'invalid-options'
    && error.messageId === 'core.invalid.threw' && /boom/.test(error.message));
  const linter = pkg.createLinter({ threads: 1, locale: Symbol('fr') });
  await linter.close();
  await assert.rejects(linter.lint(rawMessage()), (error) => error.message === pkg.renderMessage('cli.error.closed', {}, 'en'));
});

test('threads must be a whole number from 1 to 64 (MAX_THREADS); the default is at least 1', () => {
  for (const threads of [0, -1, 1.5, 'two', 65, 1e9]) {
    assert.throws(() => pkg.createLinter({ threads }), (error) => error.code === 'invalid-options'
      && /from 1 to 64/.test(error.message), String(threads));
  }
  const linter = pkg.createLinter();
  assert.ok(Number.isInteger(linter.threads) && linter.threads >= 1);
  return linter.close();
});

test('idle threads do not keep the process alive (a script that never calls close() exits)', () => {
  const script = `import { createLinter } from ${JSON.stringify(join(pkgDir, 'index.mjs'))};
    const linter = createLinter({ threads: 2 });
    const report = await linter.lint('Subject: hi\\r\\n\\r\\nhello\\r\\n');
    console.log(report.origin);`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.error, undefined, 'the process ended by itself');
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), 'raw');
});

test('a worker that dies fails only its task (code internal); a new worker takes the next one', async (t) => {
  const { WorkerPool } = (await import('node:module')).createRequire(import.meta.url)(join(pkgDir, 'lib', 'pool.cjs'));
  const pool = new WorkerPool(1);
  t.after(() => pool.close());
  const big = rawMessage({ body: `${'Lorem ipsum dolor sit amet. '.repeat(300_000)}\r\n` });
  const pending = pool.run('lint', [big, { locale: 'fr' }]);
  const next = pool.run('lint', [messageWithLongLine()]);
  // The worker is killed while it lints (as an out-of-memory abort or a crash would end it).
  await new Promise((resolve) => setTimeout(resolve, 50));
  const [worker] = pool.workers;
  await worker.terminate();
  // Said in the caller's language, the worker's end too.
  await assert.rejects(pending, (error) => error.code === 'internal' && /redémarré/.test(error.message)
    && error.message.includes(pkg.renderMessage('cli.error.worker-stopped', { code: '§' }, 'fr').split('§')[0]));
  assert.deepEqual(await next, pkg.lint(messageWithLongLine()));
  assert.equal(pool.workers.size, 1, 'replaced');
});

test('the calling thread as one of the threads (the CLI): tasks split between it and the workers, in order, coded errors', async (t) => {
  const { WorkerPool } = (await import('node:module')).createRequire(import.meta.url)(join(pkgDir, 'lib', 'pool.cjs'));
  const ranHere = [];
  const localMethods = {
    lint: (input, options) => {
      ranHere.push(input);
      return pkg.lint(input, options);
    },
  };
  const pool = new WorkerPool(2, { perWorker: 2, localMethods });
  t.after(() => pool.close());
  // A worker still starting takes no task while this thread is free (lib/pool.cjs, `usable`):
  // the first task is this thread's, and the worker is told it exists.
  const warmUp = rawMessage({ subject: 'Warm-up' });
  assert.deepEqual(await pool.run('lint', [warmUp, { locale: 'pl' }]), pkg.lint(warmUp, { locale: 'pl' }));
  assert.deepEqual(ranHere, [warmUp], 'the worker was starting: this thread linted the first task');
  assert.equal(pool.workers.size, 1, 'the worker was started by the first task');
  await workerReady(pool);
  ranHere.length = 0;
  const inputs = Array.from({ length: 24 }, (_, i) => rawMessage({ subject: `Message ${i}` }));
  const reports = await Promise.all(inputs.map((input) => pool.run('lint', [input, { locale: 'pl' }])));
  assert.deepEqual(reports, inputs.map((input) => pkg.lint(input, { locale: 'pl' })), 'each task answers its own input');
  assert.equal(pool.workers.size, 1, 'two threads: one worker and this thread');
  assert.ok(ranHere.length > 0 && ranHere.length < inputs.length, `this thread took ${ranHere.length} of ${inputs.length}`);
  // An empty worker is served first, then this thread (at the next turn of its event loop).
  await new Promise((resolve) => setImmediate(resolve));
  const first = pool.run('lint', [inputs[0]]);
  const empty = Buffer.alloc(0);
  const here = pool.run('lint', [empty]);
  await assert.rejects(here, (error) => error.code === 'not-a-message' && typeof error.message === 'string');
  assert.equal(ranHere.at(-1), empty, 'the bad input was linted on this thread');
  await first;
});

/** Resolves once a worker of `pool` says its engine is made (polled; fails after 60 s). */
async function workerReady(pool) {
  for (let waited = 0; waited < 60_000; waited += 10) {
    if ([...pool.workers].some((worker) => worker.ready)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail('no worker of the pool became ready');
}

/** `{ a: { a: … } }`, `depth` levels: past what structured clone and JSON.stringify can walk at 5,000. */
function nested(key, depth) {
  const root = {};
  let node = root;
  for (let i = 0; i < depth; i++) node = node[key] = {};
  return root;
}

/** A promise's outcome as lint()'s: `{ report }` or the error's code, message and fields. */
async function outcome(promiseOrCall) {
  try {
    const report = await (typeof promiseOrCall === 'function' ? promiseOrCall() : promiseOrCall);
    return { report };
  } catch (error) {
    const { code, message, messageId, params, suggestion } = error;
    return { code, message, messageId, params, suggestion };
  }
}

test('arguments that cannot reach a worker settle as lint() answers them, and the pool stays usable', async (t) => {
  for (const threads of [1, 2]) {
    const linter = pkg.createLinter({ threads });
    t.after(() => linter.close());
    const message = rawMessage();
    const calls = [
      [message, { now: () => 1, locale: 'fr' }], // a function in the options: dropped, as lint() drops it
      [message, { locale: 'es', spamThreshold: 10n }], // a BigInt: invalid-options
      [() => 1, { locale: 'pl' }], // a function as the input: invalid-input
      [Symbol('input'), undefined],
      [{ from: 'a@example.com', text: () => 1 }, { locale: 'fr' }], // a function in a compose field
      [{ from: 'a@example.com', headers: nested('headers', 5000) }, { locale: 'fr' }], // internal, as lint()
    ];
    for (const [input, options] of calls) {
      for (let round = 0; round < threads + 1; round++) {
        const pooled = await outcome(linter.lint(input, options));
        assert.deepEqual(pooled, await outcome(() => pkg.lint(input, options)), `${threads} threads: ${String(input).slice(0, 30)}`);
      }
      assert.deepEqual(await linter.lint(message), pkg.lint(message), `${threads} threads: the next call is answered`);
    }
    const php = await outcome(linter.lintPhpMail('b@example.com', 'Hi', 'x', ['From: a@example.com'], { locale: 'pl', hook: () => 1 }));
    assert.equal(php.report.origin, 'phpMail');
  }
});

test('errors from the pool carry the fields of the plain API\'s (messageId, params, suggestion)', async (t) => {
  const linter = pkg.createLinter({ threads: 1 });
  t.after(() => linter.close());
  for (const options of [{ spamThreshold: 'x', locale: 'fr' }, { rules: { 'size/totl': 'off' }, locale: 'es' },
    { rules: ['size/total'], locale: 'pl' }]) {
    const pooled = await outcome(linter.lint(rawMessage(), options));
    assert.ok(pooled.code && pooled.messageId && pooled.params, JSON.stringify(pooled));
    assert.deepEqual(pooled, await outcome(() => pkg.lint(rawMessage(), options)));
    assert.equal(pkg.renderMessage(pooled.messageId, pooled.params, options.locale), pooled.message, 'said again from its id');
  }
});

test('an instance of a class is refused by the pool as lint() refuses it (the copy to a worker would make it a plain object)', async (t) => {
  const linter = pkg.createLinter({ threads: 1 });
  t.after(() => linter.close());
  class Mail { constructor() { this.from = 'a@example.com'; this.subject = 'Hi'; } }
  assert.throws(() => pkg.lint(new Mail()), { code: 'invalid-input' });
  await assert.rejects(linter.lint(new Mail()), { code: 'invalid-input' });
});

test('a hostile input or options object (throwing getter, revoked Proxy) rejects the call, as lint() throws, and the process lives on', async (t) => {
  const linter = pkg.createLinter({ threads: 1 });
  t.after(() => linter.close());
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  const trapped = new Proxy({}, { get() { throw new Error('proxy trap'); }, ownKeys() { throw new Error('ownKeys trap'); } });
  const getter = { from: 'a@example.com', get subject() { throw new Error('getter boom'); } };
  const localeGetter = { get locale() { throw new Error('locale getter'); } };
  const calls = [[revoked], [trapped], [getter], [rawMessage(), localeGetter], [rawMessage(), trapped], [rawMessage(), revoked]];
  for (const args of calls) {
    let thrown;
    try {
      pkg.lint(...args);
    } catch (error) {
      thrown = error;
    }
    await assert.rejects(linter.lint(...args), (error) => {
      assert.equal(error.code, thrown.code, `${error.message} vs lint()'s ${thrown.message}`);
      assert.equal(error.message, thrown.message);
      return true;
    });
  }
  assert.equal((await linter.lint(rawMessage())).version, pkg.version(), 'the pool is still usable');
});

// A call given up: `signal` (an AbortSignal) and `timeout` (ms, per call or the linter's).
// No durations are asserted: a call is aborted at a known state of the pool (waiting,
// posted), and a timeout of 1 ms ends a call that must start a worker and read 8 MB.
const busy = () => rawMessage({ body: `${'Lorem ipsum dolor sit amet. '.repeat(300_000)}\r\n` });
const poolModule = async () => (await import('node:module')).createRequire(import.meta.url)(join(pkgDir, 'lib', 'pool.cjs'));

test('a signal aborted before the call rejects it with the signal\'s reason (the standard AbortError), lint and lintPhpMail', async (t) => {
  const linter = pkg.createLinter({ threads: 1 });
  t.after(() => linter.close());
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(linter.lint(rawMessage(), { signal: controller.signal, locale: 'fr' }), (error) => {
    assert.equal(error, controller.signal.reason);
    assert.equal(error.name, 'AbortError');
    return true;
  });
  const reason = new Error('the client went away');
  await assert.rejects(linter.lintPhpMail('b@example.com', 'Hi', 'x', [], { signal: AbortSignal.abort(reason) }), (error) => error === reason);
  // A signal never aborted changes nothing: the report is lint()'s (the engine never sees signal or timeout).
  const options = { locale: 'pl', signal: new AbortController().signal, timeout: 600_000 };
  assert.deepEqual(await linter.lint(rawMessage(), options), pkg.lint(rawMessage(), { locale: 'pl' }));
  assert.deepEqual(await linter.lintPhpMail('b@example.com', 'Hi', 'x', ['From: a@example.com'], options),
    pkg.lintPhpMail('b@example.com', 'Hi', 'x', ['From: a@example.com'], { locale: 'pl' }));
});

test('a call aborted while it waits leaves the queue; the running call and the next ones are answered', async (t) => {
  const { WorkerPool } = await poolModule();
  const pool = new WorkerPool(1);
  t.after(() => pool.close());
  const running = pool.run('lint', [busy()]);
  const controller = new AbortController();
  const waiting = pool.run('lint', [rawMessage()], [], controller.signal);
  const after = pool.run('lint', [messageWithLongLine()]);
  assert.equal(pool.queue.length, 2, 'one worker, one task each: the other two wait');
  controller.abort();
  assert.equal(pool.queue.length, 1, 'the aborted call left the queue at once');
  await assert.rejects(waiting, (error) => error === controller.signal.reason && error.name === 'AbortError');
  assert.equal((await running).origin, 'raw');
  assert.deepEqual(await after, pkg.lint(messageWithLongLine()));
  assert.equal(pool.workers.size, 1, 'the worker was kept');
});

test('a call aborted while it runs terminates its worker; the pool stays usable, a call in another worker is unaffected', async (t) => {
  const { WorkerPool } = await poolModule();
  const pool = new WorkerPool(2);
  t.after(() => pool.close());
  const controller = new AbortController();
  const aborted = pool.run('lint', [busy(), { locale: 'fr' }], [], controller.signal);
  const other = pool.run('lint', [busy()]);
  const [first, second] = pool.workers;
  assert.equal(first.tasks.length, 1, 'posted to the first worker');
  assert.equal(second.tasks.length, 1, 'the other call to the second');
  const reason = new Error('request closed');
  controller.abort(reason);
  await assert.rejects(aborted, (error) => error === reason);
  assert.ok(!pool.workers.has(first), 'its worker left the pool at once');
  assert.equal(pool.stopping.size, 1, 'and is being terminated');
  const next = pool.run('lint', [messageWithLongLine()]);
  assert.equal((await other).origin, 'raw', 'the call in the other worker is answered');
  assert.deepEqual(await next, pkg.lint(messageWithLongLine()), 'a new worker takes the next call');
  assert.equal(pool.workers.size, 2, 'replaced');
  await pool.close();
  assert.equal(pool.stopping.size, 0, 'close() waited for the terminated worker');
  assert.equal(pool.workers.size, 0);
});

test('createLinter: abort while running, then the linter answers and closes', async () => {
  const linter = pkg.createLinter({ threads: 1 });
  const controller = new AbortController();
  const aborted = linter.lint(busy(), { signal: controller.signal });
  // The call reaches the pool once its input is read (a text: at once); one turn later it is running.
  await new Promise((resolve) => setImmediate(resolve));
  controller.abort();
  await assert.rejects(aborted, (error) => error === controller.signal.reason);
  assert.deepEqual(await linter.lint(rawMessage(), { locale: 'es' }), pkg.lint(rawMessage(), { locale: 'es' }));
  await linter.close();
});

test('a call given up while its streams are read destroys them: the one being read and those after it, unread', async (t) => {
  // Before, the call rejected at once but its streams were read on (and held their
  // file or socket) until their own idle or total timeouts, minutes later.
  const { PassThrough } = await import('node:stream');
  const linter = pkg.createLinter({ threads: 1 });
  t.after(() => linter.close());
  const fields = (text, html) => ({ from: 'a@example.com', to: 'b@example.com', subject: 'Hi', text, html });
  // Aborted: the stream being read (it has given a chunk and waits) and the html stream after it.
  const controller = new AbortController();
  const [reading, later] = [new PassThrough(), new PassThrough()];
  const aborted = linter.lint(fields(reading, later), { signal: controller.signal });
  reading.write('Hello ');
  await new Promise((resolve) => setImmediate(resolve));
  controller.abort();
  await assert.rejects(aborted, (error) => error === controller.signal.reason);
  assert.ok(reading.destroyed, 'the stream being read is destroyed');
  assert.ok(later.destroyed, 'the stream after it is destroyed unread');
  // The call's timeout (1 ms) gives it up the same way, with its coded error.
  const [slow, after] = [new PassThrough(), new PassThrough()];
  await assert.rejects(linter.lint(fields(slow, after), { timeout: 1 }), (error) => error.code === 'timeout');
  assert.ok(slow.destroyed && after.destroyed, 'a timeout destroys the streams too');
  // A call not given up reads its streams to the end and is answered.
  const [text, html] = [new PassThrough(), new PassThrough()];
  const answered = linter.lint(fields(text, html), { signal: new AbortController().signal, timeout: 600_000 });
  text.end('Hello');
  html.end('<p>Hello</p>');
  assert.equal((await answered).origin, 'compose');
});

test('timeout (per call, or the linter\'s) rejects with a coded TimeoutError in the call\'s language; a call may give a longer one', async (t) => {
  const check = (locale) => (error) => {
    assert.equal(error.code, 'timeout');
    assert.equal(error.name, 'TimeoutError');
    assert.ok(error instanceof Error);
    assert.equal(error.messageId, 'cli.error.timeout');
    assert.deepEqual(error.params, { timeout: 1 });
    assert.equal(error.message, pkg.renderMessage('cli.error.timeout', { timeout: 1 }, locale));
    return true;
  };
  const linter = pkg.createLinter({ threads: 1 });
  t.after(() => linter.close());
  await assert.rejects(linter.lint(busy(), { timeout: 1, locale: 'fr' }), check('fr'));
  await assert.rejects(linter.lint(busy(), { timeout: 1 }), check('en'));
  assert.equal((await linter.lint(rawMessage())).origin, 'raw', 'the linter is usable after a timeout');
  const strict = pkg.createLinter({ threads: 1, timeout: 1, locale: 'pl' });
  t.after(() => strict.close());
  await assert.rejects(strict.lint(busy()), check('pl'));
  await assert.rejects(strict.lintPhpMail('b@example.com', 'Hi', busy(), [], { locale: 'es' }), check('es'));
  assert.deepEqual(await strict.lint(rawMessage(), { timeout: 600_000 }), pkg.lint(rawMessage()), 'a longer timeout for one call');
  const messages = new Set(['en', 'fr', 'es', 'pl'].map((locale) => pkg.renderMessage('cli.error.timeout', { timeout: 1 }, locale)));
  assert.equal(messages.size, 4, 'said in each language');
});

test('a timeout that is not a whole number of ms from 1 to 2147483647, or a signal that is no AbortSignal, is invalid-options', async (t) => {
  const linter = pkg.createLinter({ threads: 1 });
  t.after(() => linter.close());
  const cases = [[-1, 'core.invalid.range'], [0, 'core.invalid.range'], [2 ** 31, 'core.invalid.range'], [Infinity, 'core.invalid.range'],
    [NaN, 'core.invalid.not-number'], ['5', 'core.invalid.not-number'], [1.5, 'core.invalid.not-whole-number']];
  for (const [timeout, messageId] of cases) {
    const coded = (locale) => (error) => error.code === 'invalid-options' && error.messageId === messageId
      && error.params.path === 'timeout' && error.message === pkg.renderMessage(messageId, error.params, locale);
    await assert.rejects(linter.lint(rawMessage(), { timeout, locale: 'fr' }), coded('fr'), String(timeout));
    assert.throws(() => pkg.createLinter({ timeout, locale: 'pl' }), coded('pl'), String(timeout));
  }
  for (const signal of [{}, 'abort', 1, () => {}, []]) {
    await assert.rejects(linter.lint(rawMessage(), { signal, locale: 'es' }), (error) => error.code === 'invalid-options'
      && error.messageId === 'core.invalid.wrong-type' && error.field === 'signal'
      && error.message === pkg.renderMessage(error.messageId, error.params, 'es') && /AbortSignal/.test(error.message));
  }
  assert.equal((await linter.lint(rawMessage(), { signal: null, timeout: undefined })).origin, 'raw', 'null and undefined are none');
});

// The package's JavaScript API in Node: inputs (string, bytes, compose fields
// with attachments in every form Nodemailer takes), errors, the catalogue, the
// entries (ESM, CJS, web, bundler) and the hand-written types.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import test from 'node:test';
import {
  pkg, pkgDir, repoRoot, tempDir, testsModules, requireDev, rawMessage, messageWithLongLine, messageWithWideLine, idsOf,
} from './helpers.mjs';

const { lint, lintPhpMail, rules, messages, version, simulate, renderReport, renderMessage, checkSmtpSettings } = pkg;

const compose = {
  from: 'Website <contact@example.com>',
  replyTo: 'contact@example.com',
  to: 'owner@example.com',
  subject: 'New message from the contact form',
  text: 'Hello,\nsomeone wrote through the contact form.\n',
};

test('a raw message as a string gives a report with the documented shape', () => {
  const report = lint(rawMessage());
  assert.equal(report.version, version());
  assert.equal(report.origin, 'raw');
  assert.equal(report.locale, 'en');
  assert.ok(['pass', 'warn', 'fail'].includes(report.verdict));
  assert.deepEqual(Object.keys(report.counts).sort(), ['error', 'info', 'warning']);
  assert.equal(report.sizes.encoded, Buffer.byteLength(rawMessage()));
  assert.equal(report.sizes.limit, 10_000_000);
  assert.equal(report.source, undefined, 'raw input is not echoed back');
});

test('a string, a Uint8Array and a Buffer of the same message give the same report', () => {
  const text = messageWithLongLine();
  const fromString = lint(text);
  const fromBytes = lint(new TextEncoder().encode(text));
  const fromBuffer = lint(Buffer.from(text));
  assert.deepEqual(fromBytes, fromString);
  assert.deepEqual(fromBuffer, fromString);
  assert.equal(fromString.verdict, 'fail');
  assert.deepEqual(idsOf(fromString), ['size/line-length']);
});

test('findings have every documented field, localized message and fix', () => {
  const [en] = lint(messageWithLongLine()).findings;
  const [fr] = lint(messageWithLongLine(), { locale: 'fr' }).findings;
  for (const finding of [en, fr]) {
    assert.equal(finding.ruleId, 'size/line-length');
    assert.equal(finding.severity, 'error');
    assert.equal(typeof finding.score, 'number', 'spam points (0 for a rule that is not a spam factor)');
    assert.equal(finding.fixId, 'size/line-length.fix');
    assert.match(finding.messageId, /^size\/line-length\./);
    assert.ok(finding.message.length > 0 && finding.fix.length > 0 && finding.evidence.length > 0);
    assert.equal(typeof finding.location.line, 'number');
  }
  assert.notEqual(en.message, fr.message, 'French message differs from English');
  assert.equal(en.messageId, fr.messageId, 'message ids are never translated');
});

test('byte offsets index the UTF-8 bytes of the linted message', () => {
  // Multi-byte characters before the long line: string offsets and byte offsets differ.
  const text = rawMessage({ subject: 'Zażółć gęślą jaźń — été', body: `Łódź ${'ż'.repeat(600)}\r\n` });
  const report = lint(text);
  const finding = report.findings.find((f) => f.ruleId === 'size/line-length' && f.severity === 'error');
  assert.ok(finding, 'a 1205-byte line is over 998 octets although it has 605 characters');
  const bytes = Buffer.from(text);
  const { start, end, line, column } = finding.location;
  const lineText = bytes.subarray(start, end).toString('utf8');
  assert.ok(lineText.startsWith('Łódź żżż'), `offsets ${start}..${end} select the long line, got ${lineText.slice(0, 20)}`);
  assert.equal(line, text.slice(0, text.indexOf('Łódź')).split('\n').length);
  assert.equal(column, 1);
});

test('compose fields are rendered to MIME and the offsets index report.source', () => {
  const report = lint({ ...compose, text: `${'é'.repeat(700)}\n` });
  assert.equal(report.origin, 'compose');
  assert.equal(typeof report.source, 'string');
  assert.match(report.source, /^From: Website <contact@example\.com>\r\n/m);
  assert.equal(report.sizes.encoded, Buffer.byteLength(report.source));
  for (const finding of report.findings) {
    const { start, end } = finding.location;
    if (start !== undefined) assert.ok(end <= Buffer.byteLength(report.source));
  }
});

test('attachments as Buffer, Uint8Array, base64 string and text string give the same encoded attachment', () => {
  const bytes = Buffer.from('%PDF-1.4 not really a pdf\n');
  const forms = [
    { content: bytes },
    { content: new Uint8Array(bytes) },
    { content: bytes.toString('base64'), encoding: 'base64' },
    { content: bytes.toString('utf8') },
    { content: bytes.toString('hex'), encoding: 'hex' },
    { content: JSON.parse(JSON.stringify(bytes)) },
  ];
  const reports = forms.map((form) => lint({ ...compose, attachments: [{ filename: 'note.pdf', contentType: 'application/pdf', ...form }] }));
  const expected = bytes.toString('base64');
  for (const report of reports) {
    assert.ok(report.source.includes(expected), 'the attachment is base64 of the original bytes');
    assert.match(report.source, /filename="?note\.pdf"?/);
    assert.equal(report.sizes.decoded, reports[0].sizes.decoded);
    assert.equal(report.sizes.encoded, reports[0].sizes.encoded);
  }
});

test('a large Buffer attachment gives real base64 sizes: 7.6 MB decoded is over 10 MB encoded', () => {
  const attachment = Buffer.alloc(7_600_000, 0x41);
  const report = lint({ ...compose, attachments: [{ filename: 'big.bin', content: attachment }] });
  assert.ok(report.sizes.encoded > 10_000_000, `encoded ${report.sizes.encoded}`);
  assert.deepEqual(idsOf(report).filter((id) => id.startsWith('size/')), ['size/content', 'size/total']);
  assert.equal(report.verdict, 'fail');
});

test('PHP mail() arguments are linted as the message PHP hands to sendmail', () => {
  const report = lintPhpMail('owner@example.com', 'Test mail PHP', 'The body/content of the Email',
    'From: Website <contact@example.com>\r\nReply-To: contact@example.com');
  assert.equal(report.origin, 'phpMail');
  assert.match(report.source, /^To: owner@example\.com\r\nSubject: Test mail PHP\r\n/);
  const asList = lintPhpMail('owner@example.com', 'Test mail PHP', 'The body/content of the Email',
    ['From: Website <contact@example.com>', 'Reply-To: contact@example.com']);
  assert.deepEqual(idsOf(asList), idsOf(report));
});

test('bad input throws an Error with a stable code, never a trap', () => {
  const cases = [
    [() => lint(42), 'invalid-input'],
    [() => lint(null), 'invalid-input'],
    [() => lint([1, 2, 3]), 'invalid-input'],
    [() => lint({ to: 5 }), 'invalid-input'],
    [() => lint({ ...compose, attachments: [{ filename: 'x', content: 12 }] }), 'invalid-input'],
    [() => lint('x', { bogus: true }), 'invalid-options'],
    [() => lint('x', { locale: 'de' }), 'invalid-options'],
    [() => lint('x', { rules: { 'size/total': 'loud' } }), 'invalid-options'],
    [() => lint('x', 'en'), 'invalid-options'],
    [() => lintPhpMail(1, 'a', 'b', ''), 'invalid-input'],
  ];
  for (const [call, code] of cases) {
    assert.throws(call, (error) => error instanceof Error && error.code === code && error.message.length > 0,
      `${call} throws ${code}`);
  }
  // The engine still works after every error.
  assert.equal(lint(rawMessage()).origin, 'raw');
});

test('an input over 32 MiB is refused with input-too-large before it is read', () => {
  const huge = new Uint8Array(32 * 1024 * 1024 + 1);
  assert.throws(() => lint(huge), (error) => error.code === 'input-too-large');
});

test('per-rule overrides and thresholds change severities', () => {
  const off = lint(messageWithLongLine(), { rules: { 'size/line-length': 'off' } });
  assert.deepEqual(idsOf(off), []);
  const warning = lint(messageWithWideLine(), { rules: { 'size/line-length': 'warning' } });
  assert.equal(warning.verdict, 'warn');
  const strict = lint(rawMessage(), { thresholds: { size: { maxMessageBytes: 100 } } });
  assert.ok(idsOf(strict).includes('size/total'));
  assert.equal(strict.sizes.limit, 100);
});

test('rules() documents every rule in the four languages, messages() has every text', () => {
  const byLocale = Object.fromEntries(['en', 'fr', 'es', 'pl'].map((l) => [l, rules(l)]));
  assert.ok(byLocale.en.length >= 3);
  for (const rule of byLocale.en) {
    assert.match(rule.id, /^[a-z]+\/[a-z0-9-]+$/);
    assert.ok(['error', 'warning', 'info'].includes(rule.defaultSeverity));
    assert.ok(rule.examples.some((e) => e.fails) && rule.examples.some((e) => !e.fails), `${rule.id} has examples`);
    for (const locale of ['fr', 'es', 'pl']) {
      const translated = byLocale[locale].find((r) => r.id === rule.id);
      assert.ok(translated.summary && translated.why && translated.fix, `${rule.id} in ${locale}`);
    }
  }
  const catalogue = messages('pl');
  assert.ok(catalogue['size/total.summary']);
  assert.notEqual(catalogue['size/total.summary'], messages('en')['size/total.summary']);
});

test('require and import share one module and one wasm instance', () => {
  const required = createRequire(import.meta.url)(join(pkgDir, 'index.cjs'));
  assert.equal(required.lint, lint, 'the ESM entry re-exports the CJS functions');
  // In a fresh process, loading both entries compiles the wasm once.
  const script = `
    const { createRequire } = require('node:module');
    let compiled = 0;
    const Module = WebAssembly.Module;
    WebAssembly.Module = function (...args) { compiled++; return new Module(...args); };
    const cjs = require(${JSON.stringify(join(pkgDir, 'index.cjs'))});
    import(${JSON.stringify(join(pkgDir, 'index.mjs'))}).then((esm) => {
      console.log(JSON.stringify({ compiled, same: esm.lint === cjs.lint, verdict: esm.lint('Subject: x\\r\\n\\r\\nx').verdict }));
    });`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const loaded = JSON.parse(run.stdout);
  assert.deepEqual({ ...loaded, verdict: typeof loaded.verdict }, { compiled: 1, same: true, verdict: 'string' });
});

test('the web entry refuses calls before init(), then works synchronously', async () => {
  const web = await import(join(pkgDir, 'web.js'));
  assert.throws(() => web.lint('x'), (error) => error.code === 'not-initialized');
  await web.init(readFileSync(join(pkgDir, 'web', 'mail_preflight_bg.wasm')));
  await web.init(); // a second call reuses the first
  assert.equal(web.lint(messageWithLongLine()).verdict, 'fail');
  assert.equal(web.version(), version());
  assert.equal(web.default, web.init);
});

test('the bundler entry (WebAssembly ES-module integration) lints synchronously after import', () => {
  // Node implements the same wasm ESM integration as webpack/Vite behind a flag.
  const script = `const m = await import(${JSON.stringify(join(pkgDir, 'bundler.js'))});
    await m.init();
    console.log(JSON.stringify({ verdict: m.lint(process.argv[1]).verdict, version: m.version() }));`;
  const run = spawnSync(process.execPath, ['--experimental-wasm-modules', '--no-warnings', '--input-type=module', '-e', script,
    messageWithLongLine()], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), { verdict: 'fail', version: version() });
});

test('package.json: exports map, sideEffects, engines, files, bin', () => {
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'mail-preflight');
  // The bundler glue instantiates the wasm on import: webpack 5 in production drops it under `sideEffects: false`.
  assert.deepEqual(manifest.sideEffects, ['./bundler.js', './web/mail_preflight_bundler.js']);
  assert.deepEqual(JSON.parse(readFileSync(join(pkgDir, 'web', 'package.json'), 'utf8')).sideEffects,
    ['./mail_preflight_bundler.js']);
  assert.equal(JSON.parse(readFileSync(join(pkgDir, 'node', 'package.json'), 'utf8')).sideEffects, false);
  assert.equal(manifest.engines.node, '>=20', 'Node 18 is past its end of life');
  assert.equal(manifest.bin['mail-preflight'], './bin/mail-preflight.cjs');
  const root = manifest.exports['.'];
  assert.equal(root.node.require.default, './index.cjs');
  assert.equal(root.node.import.default, './index.mjs');
  assert.equal(root.browser.default, './web.js');
  for (const condition of [root.node.require, root.node.import, root.browser, root.import]) {
    assert.ok(condition.types, 'every condition has types');
  }
  assert.ok(!manifest.files.some((f) => /^(src|tests?)\/|\.rs$|Cargo/.test(f)), 'files lists only what runs');
});

test('no file of the package names a types file the package does not ship (@ts-self-types)', () => {
  // wasm-bindgen's glue names its own .d.ts (Deno's directive), which build.mjs removes.
  const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]);
  for (const file of files(pkgDir).filter((f) => /\.[cm]?js$/.test(f))) {
    for (const [, target] of readFileSync(file, 'utf8').matchAll(/@ts-self-types="([^"]+)"/g)) {
      assert.ok(existsSync(join(dirname(file), target)), `${file} names ${target}`);
    }
  }
});

test('the types say what Location.column counts: Unicode code points of its line, not bytes', () => {
  // A line of Polish letters (two bytes each in UTF-8) before a link to a numeric host.
  const message = 'From: contact@my-site.example\r\nTo: owner@my-site.example\r\nSubject: Test\r\nMIME-Version: 1.0\r\n'
    + 'Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'
    + '<p>Zażółć gęślą jaźń <a href="http://192.0.2.4/">Zobacz</a></p>\r\n';
  const { location } = pkg.lint(message).findings.find((f) => f.ruleId === 'links/numeric-host');
  const bytes = Buffer.from(message);
  const lineStart = bytes.lastIndexOf(0x0a, location.start - 1) + 1;
  const codePoints = [...bytes.subarray(lineStart, location.start).toString()].length;
  assert.ok(location.start - lineStart > codePoints, 'the line has multi-byte characters before the finding');
  assert.equal(location.column, codePoints + 1);
  for (const name of ['index.d.ts', 'index.d.cts', 'web.d.ts']) {
    const declarations = readFileSync(join(pkgDir, name), 'utf8');
    const location = /export interface Location \{[\s\S]*?\n\}/.exec(declarations)[0];
    const doc = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*column\?: number;/.exec(location)[1];
    assert.match(doc, /code points/, name);
    assert.doesNotMatch(doc, /in bytes/, name);
  }
});

test('index.d.ts types every export without any, and compiles strictly', (t) => {
  const declarations = readFileSync(join(pkgDir, 'index.d.ts'), 'utf8');
  assert.doesNotMatch(declarations.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''), /\bany\b/);
  const runtimeExports = Object.keys(createRequire(import.meta.url)(join(pkgDir, 'index.cjs')));
  for (const name of runtimeExports) {
    assert.match(declarations, new RegExp(`export (function|const) ${name}\\b`), `${name} is declared`);
  }
  // A consumer project: TypeScript resolves the package through its exports map
  // (nodenext), so the .mts file gets the ESM types and the .cts file the CJS ones.
  const dir = tempDir(t);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(pkgDir, join(dir, 'node_modules', 'mail-preflight'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  writeFileSync(join(dir, 'usage.mts'), `
    import init, { lint, lintPhpMail, rules, messages, version, simulate, explainSmtpReply,
      type Report, type Finding, type Compose, type Options, type RuleDoc, type MailPreflightError } from 'mail-preflight';
    const options: Options = { locale: 'fr', rules: { 'size/line-length': 'off' }, thresholds: { size: { maxMessageBytes: 1 } } };
    const form: Compose = { from: { name: 'Site', address: 'a@example.com' }, to: ['b@example.com'], subject: 's', text: 't',
      attachments: [{ filename: 'a.pdf', content: new Uint8Array(1) }, { filename: 'b.txt', content: 'aGk=', encoding: 'base64' }] };
    await init();
    const report: Report = lint(form, options);
    const first: Finding | undefined = report.findings[0];
    const line: number | undefined = first?.location.line;
    const docs: RuleDoc[] = rules('pl');
    const texts: { [id: string]: string } = messages();
    const v: string = version();
    const php: Report = lintPhpMail('a@example.com', 's', 'm', { From: 'b@example.com' });
    const result = simulate?.({ streams: [{ name: 'form', rate: 1, duration: 3600, verdict: 'clean' }] });
    const held: number | undefined = result?.counters.held;
    const reply = explainSmtpReply?.('550 5.1.1 User unknown', 'es');
    const permanent: boolean = reply?.class === 'permanent';
    void [held, permanent];
    try { lint(new Uint8Array(0)); } catch (e) { const code: MailPreflightError['code'] = (e as MailPreflightError).code; void code; }
    void [line, docs, texts, v, php];
    // PHP header maps take lists; coded errors carry messageId and params; rule docs as rules() gives them.
    lintPhpMail('a@example.com', 's', 'm', { From: 'b@example.com', 'X-Tag': ['1', '2'] });
    try { lint(''); } catch (e) { const err = e as MailPreflightError; const id: string | undefined = err.messageId; void [id, err.params]; }
    const example = docs[0].examples[0];
    const expected: [number, 'error' | 'warning' | 'info'] = [example.expectedCount, example.expectedSeverity];
    const tunable: string | undefined = docs[0].thresholds[0]?.option;
    const source: string | undefined = docs[0].evidence[0]?.kind;
    void [expected, tunable, source];
    // @ts-expect-error: a number is not an input
    lint(42);
    // @ts-expect-error: unknown locale
    rules('de');
    // @ts-expect-error: unknown option
    lint('x', { colour: true });
    // Every threshold group the engine accepts is typed, and nothing else is.
    const groups: Options = { thresholds: { body: { clipBytes: 5000 }, bulk: { dailyVolume: 10, recipients: 20 },
      sender: { brandDomains: ['x.com'] }, accessibility: { minContrast: 3 }, links: { reportPlainHttp: false },
      spam: { subjectCapsWords: 2, whitespaceMaxRatio: 0.5, subjectPrefixes: ['hi'] } } };
    void groups;
    // @ts-expect-error: a misspelt threshold name
    lint('x', { thresholds: { spam: { subjectCapWords: 2 } } });
    // @ts-expect-error: a list threshold takes a list
    lint('x', { thresholds: { spam: { subjectPrefixes: 'hi' } } });
    // @ts-expect-error: an unknown group
    lint('x', { thresholds: { attachment: { maxArchiveDepth: 2 } } });
    // What the engine and the options' JSON Schema accept, the types accept: "$schema", transport php or
    // sendmail, any case, null for every smtp field.
    const configured: Options = { $schema: './node_modules/mail-preflight/schema/options.schema.json',
      smtp: { transport: 'SMTP', security: 'StartTLS', host: null, port: null, from: null } };
    const transports: Options[] = [{ smtp: { transport: 'php' } }, { smtp: { transport: 'Sendmail' } },
      { smtp: { transport: null, security: 'SSL' } }, { smtp: null }];
    void [configured, transports];
    // @ts-expect-error: a transport the engine refuses
    lint('x', { smtp: { transport: 'ftp' } });
    // @ts-expect-error: a security the engine refuses
    lint('x', { smtp: { security: 'tls1.3' } });
  `);
  writeFileSync(join(dir, 'server.mts'), `
    import { createLinter, type Linter, type Report } from 'mail-preflight';
    import { preflight, type PreflightError } from 'mail-preflight/nodemailer';
    import { assertPreflight, assertPreflightAsync, toPassPreflight, toPassPreflightAsync, matchers } from 'mail-preflight/test';
    const linter: Linter = createLinter({ threads: 2 });
    const pending: Promise<Report> = linter.lint('Subject: x\\r\\n\\r\\nx', { php: { platform: 'windows' } });
    // A call given up: a signal, a timeout (ms), per call or the linter's; code timeout.
    const bounded: Promise<Report> = createLinter({ timeout: 5000, locale: 'fr' }).lint('x', { signal: AbortSignal.timeout(100), timeout: 2000 });
    const php: Promise<Report> = linter.lintPhpMail('b@example.com', 'Hi', 'x', [], { signal: null, locale: 'es' });
    bounded.catch((error: import('mail-preflight').MailPreflightError) => error.code === 'timeout' && error.timeout);
    void php;
    // @ts-expect-error: a timeout is a number of ms
    linter.lint('x', { timeout: '5s' });
    const plugin = preflight({ locale: 'pl', onFail: (error: PreflightError) => { const r: Report = error.report; void r; }, maxWarnings: 3, linter });
    const report: Report = assertPreflight({ from: 'a@example.com', date: new Date(), attachments: [{ content: 'x', encoding: 'latin1' }] },
      { maxWarnings: 1, allow: ['spam/subject-caps'] });
    const pass: boolean = toPassPreflight('x').pass && matchers.toPassPreflight('x').pass;
    void [pending, plugin, report, pass];
    // The async forms take fields holding streams, and the stream options.
    declare const body: import('mail-preflight').ContentStream;
    const streamed: Promise<Report> = assertPreflightAsync({ from: 'a@example.com', text: body },
      { maxWarnings: 1, streamIdleTimeout: 1000, streamTotalTimeout: 60000 });
    const matched: Promise<boolean> = toPassPreflightAsync({ raw: body }).then((result) => result.pass);
    void [streamed, matched, matchers.toPassPreflightAsync, preflight({ streamTotalTimeout: 1000, streamIdleTimeout: 10 })];
    declare const awaited: jest.Matchers<void>;
    const later: Promise<void> = awaited.toPassPreflightAsync({ streamTotalTimeout: 1000 });
    void later;
    // @ts-expect-error: the sync assertion reads no stream
    assertPreflight({ from: 'a@example.com', text: body });
    // The Jest matcher, typed through the global jest namespace.
    declare const expectation: jest.Matchers<void>;
    expectation.toPassPreflight({ maxWarnings: 2 });
    // @ts-expect-error: onFail is reject, warn or a function
    preflight({ onFail: 'ignore' });
    // What @types/nodemailer asks of a compile plugin (Mail.PluginFunction): its MailMessage's
    // data is Mail.Options, an interface without an index signature (the shape of
    // @types/nodemailer 8, which tests/ does not install).
    interface MailOptions { from?: string; to?: string | string[]; text?: string | Uint8Array; attachments?: object[] }
    declare class MailMessage { data: MailOptions; resolveContent(data: object | unknown[], key: string | number,
      callback: (err: Error | null, value?: unknown) => unknown): Promise<unknown>; setMailerHeader(): void }
    type PluginFunction = (mail: MailMessage, callback: (err?: Error | null) => void) => void;
    const compile: PluginFunction = preflight({ locale: 'en', onFail: 'reject', maxWarnings: 5 });
    void compile;
  `);
  writeFileSync(join(dir, 'usage.cts'), `
    import { lint, type Report } from 'mail-preflight';
    import { preflight } from 'mail-preflight/nodemailer';
    import { assertPreflight } from 'mail-preflight/test';
    const report: Report = lint(new Uint8Array([83, 58, 10, 10]));
    void [report, preflight, assertPreflight];
    interface MailOptions { from?: string; subject?: string }
    type PluginFunction = (mail: { data: MailOptions; resolveContent(data: object, key: string | number,
      callback: (err: Error | null, value?: unknown) => unknown): Promise<unknown> }, callback: (err?: Error | null) => void) => void;
    const compile: PluginFunction = preflight();
    void compile;
  `);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022',
      lib: ['es2022', 'dom'], types: [], skipLibCheck: false,
    },
    files: ['usage.mts', 'usage.cts', 'server.mts'],
  }));
  const tsc = join(testsModules, 'typescript', 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', dir, '--listFiles'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.ok(run.stdout.split('\n').includes(join(pkgDir, 'index.d.ts')), 'the import condition gives index.d.ts');
  assert.ok(run.stdout.split('\n').includes(join(pkgDir, 'index.d.cts')), 'the require condition gives index.d.cts');
  assert.ok(run.stdout.split('\n').includes(join(pkgDir, 'nodemailer.d.ts')), 'mail-preflight/nodemailer has types');

  // A browser bundle: the browser condition gives web.d.ts, which has no createLinter.
  writeFileSync(join(dir, 'page.ts'), `
    import init, { lint, type Report } from 'mail-preflight';
    await init();
    const report: Report = lint('x');
    void report;
    // @ts-expect-error: createLinter needs worker_threads: Node only
    import('mail-preflight').then((m) => m.createLinter());
  `);
  writeFileSync(join(dir, 'tsconfig.browser.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, module: 'esnext', moduleResolution: 'bundler', customConditions: ['browser'],
      target: 'es2022', lib: ['es2022', 'dom'], types: [],
    },
    files: ['page.ts'],
  }));
  const browser = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.browser.json'), '--listFiles'], { encoding: 'utf8' });
  assert.equal(browser.status, 0, browser.stdout + browser.stderr);
  assert.ok(browser.stdout.split('\n').includes(join(pkgDir, 'web.d.ts')), 'the browser condition gives web.d.ts');
  void repoRoot;
});

/**
 * The thresholds `Thresholds` types in a declaration file, read with the TypeScript
 * compiler's parser: `{ group: { name: type } }`, each group's interface followed by name.
 */
function typedThresholds(file) {
  const ts = requireDev('typescript');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const interfaces = new Map();
  source.forEachChild((node) => { if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node); });
  const members = (name) => {
    const node = interfaces.get(name);
    assert.ok(node, `${file} declares interface ${name}`);
    assert.equal(node.heritageClauses, undefined, `${name} extends nothing`);
    assert.ok(node.members.every((m) => ts.isPropertySignature(m)), `${name} has only named members (no index signature)`);
    return node.members.map((m) => [m.name.text, m.type, m.questionToken !== undefined]);
  };
  const groups = {};
  for (const [group, type, optional] of members('Thresholds')) {
    assert.ok(optional && ts.isTypeReferenceNode(type), `Thresholds.${group} is an optional interface`);
    groups[group] = Object.fromEntries(members(type.typeName.text).map(([name, t, opt]) => {
      assert.ok(opt, `${group}.${name} is optional`);
      return [name, t.getText(source)];
    }));
  }
  return groups;
}

test('index.d.ts types exactly the thresholds the engine accepts: every group, every name, its type (no drift)', () => {
  // The engine's thresholds, from its JSON Schema and from rules(): the two must agree.
  const schema = JSON.parse(readFileSync(join(pkgDir, 'schema', 'options.schema.json'), 'utf8')).properties.thresholds;
  assert.equal(schema.additionalProperties, false);
  const tsType = { integer: 'number', number: 'number', boolean: 'boolean', array: 'string[]' };
  const engine = {};
  for (const [group, { properties, additionalProperties }] of Object.entries(schema.properties)) {
    assert.equal(additionalProperties, false, `${group}: unknown names are refused`);
    engine[group] = Object.fromEntries(Object.entries(properties).map(([name, p]) => {
      if (p.type === 'array') assert.equal(p.items.type, 'string', `${group}.${name} is a list of texts`);
      assert.ok(tsType[p.type], `${group}.${name}: ${p.type}`);
      return [name, tsType[p.type]];
    }));
  }
  const options = new Set(rules('en').flatMap((r) => r.thresholds.map((t) => t.option)));
  const schemaOptions = Object.entries(engine).flatMap(([g, names]) => Object.keys(names).map((n) => `thresholds.${g}.${n}`));
  assert.deepEqual([...options].sort(), schemaOptions.sort(), 'rules() and the schema list the same thresholds');
  assert.ok(['body', 'bulk', 'sender', 'accessibility'].every((g) => g in engine), 'the groups the audit found untyped');
  const sorted = (groups) => Object.fromEntries(Object.entries(groups).sort(([a], [b]) => a.localeCompare(b))
    .map(([g, names]) => [g, Object.fromEntries(Object.entries(names).sort(([a], [b]) => a.localeCompare(b)))]));
  for (const name of ['index.d.ts', 'index.d.cts', 'web.d.ts']) {
    assert.deepEqual(sorted(typedThresholds(join(pkgDir, name))), sorted(engine), `${name}: Thresholds against the engine`);
  }
  // The line threshold counts characters (code points of a UTF-8 line), as the engine does.
  const declarations = readFileSync(join(pkgDir, 'index.d.ts'), 'utf8');
  const lineDoc = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*recommendedLineOctets\?: number;/.exec(declarations)[1];
  assert.match(lineDoc, /in characters \(a UTF-8 line's code points/);
  assert.match(lineDoc, /Default 78\b/);
  assert.doesNotMatch(lineDoc, /78 octets/);
});

test('lintPhpMail takes a header map whose values are lists of texts, as PHP >= 7.2 does: one line each', () => {
  const report = lintPhpMail('owner@example.com', 'Hi', 'x', { From: 'a@example.com', 'X-A': ['1', '2'] });
  assert.match(report.source, /\r\nFrom: a@example\.com\r\nX-A: 1\r\nX-A: 2\r\n\r\n/);
  assert.deepEqual(report, lintPhpMail('owner@example.com', 'Hi', 'x', ['From: a@example.com', 'X-A: 1', 'X-A: 2']));
  for (const locale of ['en', 'fr', 'es', 'pl']) {
    for (const value of [5, ['1', 2], { value: 'x' }]) {
      assert.throws(() => lintPhpMail('owner@example.com', 'Hi', 'x', { From: 'a@example.com', 'X-A': value }, { locale }), (error) =>
        error.code === 'invalid-input' && error.messageId === 'core.invalid.shape' && error.params.path === 'headers.X-A'
        && error.message === renderMessage(error.messageId, error.params, locale) && !/JsValue|invalid type/.test(error.message));
    }
  }
});

test('toPassPreflight is typed on the expect of @jest/globals (the expect module\'s Matchers), in ESM and CommonJS', (t) => {
  // An installed package, not a link: TypeScript resolves the augmented 'expect' from the
  // package's real place, which for pkg/ has no node_modules (the compile test above
  // covers that case: Jest not installed). Its types and manifest are enough to check.
  const dir = tempDir(t);
  const installed = join(dir, 'node_modules', 'mail-preflight');
  mkdirSync(installed, { recursive: true });
  for (const name of readdirSync(pkgDir).filter((n) => /\.d\.c?ts$|^package\.json$/.test(n))) {
    copyFileSync(join(pkgDir, name), join(installed, name));
  }
  for (const name of ['@jest', '@types', 'expect']) symlinkSync(join(testsModules, name), join(dir, 'node_modules', name), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  const source = (imports) => `${imports}
    expect.extend({ toPassPreflight });
    test('x', () => {
      expect('From: a@b.example\\r\\n\\r\\nx').toPassPreflight({ maxWarnings: 1, allow: ['spam/subject-caps'] });
      expect('x').not.toPassPreflight();
      // @ts-expect-error: maxWarnings is a number
      expect('x').toPassPreflight({ maxWarnings: 'many' });
    });\n`;
  writeFileSync(join(dir, 'jest.test.mts'), source(
    "import { expect, test } from '@jest/globals';\nimport { toPassPreflight } from 'mail-preflight/test';"));
  writeFileSync(join(dir, 'jest.test.cts'), source(
    "import { expect, test } from '@jest/globals';\nimport { toPassPreflight } from 'mail-preflight/test';"));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022',
      lib: ['es2022', 'dom'], types: ['node'], skipLibCheck: false,
    },
    files: ['jest.test.mts', 'jest.test.cts'],
  }));
  const tsc = join(testsModules, 'typescript', 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test('`import init from \'mail-preflight\'` compiled to CommonJS runs as it type-checks (node10 + esModuleInterop, a nodenext .cts, Babel\'s interop)', (t) => {
  // node10 reads the top-level "types" (index.d.ts, with a default export) and runs
  // "main" (index.cjs): the default import compiles to require(…).default when the
  // module sets __esModule, else to the exports object, which is no function.
  const cjs = createRequire(import.meta.url)(join(pkgDir, 'index.cjs'));
  assert.equal(cjs.__esModule, true);
  assert.equal(cjs.default, cjs.init);
  assert.ok(!Object.keys(cjs).includes('default'), 'the listed exports stay the API\'s');
  const dir = tempDir(t);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(pkgDir, join(dir, 'node_modules', 'mail-preflight'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  const source = `import init, { lint } from 'mail-preflight';
    init().then(() => console.log(lint('From: a@example.com\\r\\n\\r\\nx').origin));\n`;
  writeFileSync(join(dir, 'node10.ts'), source);
  writeFileSync(join(dir, 'nodenext.cts'), source);
  const tsc = join(testsModules, 'typescript', 'bin', 'tsc');
  const projects = {
    node10: [{ module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true }, 'node10.ts', 'node10.js'],
    nodenext: [{ module: 'nodenext', moduleResolution: 'nodenext' }, 'nodenext.cts', 'nodenext.cjs'],
  };
  for (const [name, [options, file, output]] of Object.entries(projects)) {
    writeFileSync(join(dir, `tsconfig.${name}.json`), JSON.stringify({
      compilerOptions: { ...options, strict: true, target: 'es2022', outDir: `out-${name}`, types: [], skipLibCheck: false },
      files: [file],
    }));
    const build = spawnSync(process.execPath, [tsc, '-p', join(dir, `tsconfig.${name}.json`)], { encoding: 'utf8' });
    assert.equal(build.status, 0, `${name}: ${build.stdout}${build.stderr}`);
    const run = spawnSync(process.execPath, [join(dir, `out-${name}`, output)], { encoding: 'utf8' });
    assert.equal(run.status, 0, `${name}: ${run.stderr}`);
    assert.equal(run.stdout, 'raw\n', name);
  }
});

test('the browser entry takes what the Node entry and the types take: a Date as compose date, a PHP header map with lists; other kinds are coded errors in both', async () => {
  const web = await import(join(pkgDir, 'web.js'));
  await web.init(readFileSync(join(pkgDir, 'web', 'mail_preflight_bg.wasm')));
  const fields = { from: 'contact@my-site.example', to: 'owner@my-site.example', subject: 'Hello', text: 'x',
    date: new Date(Date.UTC(2026, 11, 5, 10, 0, 0)) };
  const headers = { From: 'a@my-site.example', 'X-Tag': ['1', '2'] };
  for (const api of [pkg, web]) {
    // Nodemailer writes a Date as toUTCString() with +0000 (mime-node _encodeHeaderValue).
    assert.match(api.lint(fields).source, /\r\nDate: Sat, 05 Dec 2026 10:00:00 \+0000\r\n/);
    assert.deepEqual(api.lint(fields), pkg.lint(fields));
    assert.deepEqual(api.analyse(fields), pkg.analyse(fields));
    assert.match(api.lintPhpMail('owner@example.com', 'Hi', 'x', headers).source, /\r\nX-Tag: 1\r\nX-Tag: 2\r\n/);
    assert.deepEqual(api.lintPhpMail('owner@example.com', 'Hi', 'x', headers), pkg.lintPhpMail('owner@example.com', 'Hi', 'x', headers));
    for (const locale of ['en', 'fr', 'es', 'pl']) {
      const wrong = [
        [{ From: 'a@example.com', 'X-A': 5 }, 'headers.X-A'],
        [['From: a@example.com', 5], 'headers[1]'],
        [['From: a@example.com', ['X-A: 1']], 'headers[1]'],
      ];
      for (const [value, path] of wrong) {
        assert.throws(() => api.lintPhpMail('owner@example.com', 'Hi', 'x', value, { locale }), (error) =>
          error.code === 'invalid-input' && error.messageId === 'core.invalid.shape' && error.params.path === path
          && error.message === renderMessage(error.messageId, error.params, locale) && !/JsValue|invalid type/.test(error.message), path);
      }
      assert.throws(() => api.lint({ ...fields, date: { year: 2026 } }, { locale }), (error) =>
        error.code === 'invalid-input' && error.params?.path === 'date' && !/JsValue|invalid type/.test(error.message));
    }
  }
});

test('values JSON cannot hold (nested thousands deep, a BigInt) are refused in the caller\'s language, not as "must be an object"', () => {
  const nested = (key, depth) => {
    const root = {};
    let node = root;
    for (let i = 0; i < depth; i++) node = node[key] = {};
    return root;
  };
  const refusals = [
    [() => simulate({ locale: 'pl', service: nested('service', 5000) }), 'invalid-scenario', 'core.invalid.too-deep', 'pl'],
    [() => simulate({ locale: 'es', streams: [{ count: 1n }] }), 'invalid-scenario', 'core.invalid.not-json-compatible', 'es'],
    [() => renderReport(nested('findings', 5000), 'fr'), 'invalid-input', 'core.invalid.too-deep', 'fr'],
    [() => checkSmtpSettings(nested('host', 5000), 'pl'), 'invalid-options', 'core.invalid.too-deep', 'pl'],
    [() => checkSmtpSettings({ port: 25n }, 'es'), 'invalid-options', 'core.invalid.not-json-compatible', 'es'],
  ];
  for (const [call, code, messageId, locale] of refusals) {
    assert.throws(call, (error) => error.code === code && error.messageId === messageId
      && error.message === renderMessage(messageId, error.params, locale) && !/must be/.test(error.message)
      // too-deep says its limit, never the raw template ("{limit, plural, …}").
      && !/\{limit/.test(error.message) && (messageId !== 'core.invalid.too-deep' || error.params.limit === 128), messageId);
  }
});

test('lint() and analyse() read any bytes (ArrayBuffer, DataView, typed arrays, from their offset) and String objects as the message; other objects are refused', async () => {
  const web = await import(join(pkgDir, 'web.js'));
  await web.init(readFileSync(join(pkgDir, 'web', 'mail_preflight_bg.wasm')));
  const raw = messageWithLongLine();
  const bytes = new TextEncoder().encode(raw);
  const padded = new Uint8Array(bytes.length + 6);
  padded.set(bytes, 3);
  const forms = {
    ArrayBuffer: bytes.buffer, DataView: new DataView(padded.buffer, 3, bytes.length), Int8Array: new Int8Array(bytes.buffer),
    Uint16Array: new Uint16Array(bytes.buffer, 0, bytes.length >> 1), String: new String(raw),
  };
  for (const api of [pkg, web]) {
    const expected = api.lint(raw);
    for (const [name, input] of Object.entries(forms)) {
      const report = api.lint(input);
      assert.equal(report.origin, 'raw', name);
      if (name !== 'Uint16Array') assert.deepEqual(report, expected, name);
      else assert.equal(report.sizes.encoded, bytes.length & ~1, name);
    }
    assert.equal(api.analyse(forms.DataView).parts.length, api.analyse(raw).parts.length);
    for (const input of [new Date(), new Map(), new (class Fields {})()]) {
      assert.throws(() => api.lint(input), (error) => error.code === 'invalid-input' && /must be a string, bytes/.test(error.message));
    }
  }
});

test('renderReport refuses a locale lint() refuses (de), with lint()\'s own error, in Node and in the web build', async () => {
  const web = await import(join(pkgDir, 'web.js'));
  await web.init(readFileSync(join(pkgDir, 'web', 'mail_preflight_bg.wasm')));
  let expected;
  try {
    pkg.lint(rawMessage(), { locale: 'de' });
  } catch (error) {
    expected = error;
  }
  for (const api of [pkg, web]) {
    const report = api.lint(rawMessage());
    assert.throws(() => api.renderReport(report, 'de'), (error) => error.code === expected.code
      && error.messageId === expected.messageId && error.message === expected.message);
    assert.equal(api.renderReport(report, 'pl').locale, 'pl');
  }
});

test('input-too-large from measuring compose fields or PHP headers carries messageId and params, as the engine\'s own', () => {
  const big = 'x'.repeat(33 * 1024 * 1024);
  for (const call of [() => pkg.lint({ from: 'a@example.com', text: big }), () => pkg.lintPhpMail('a@example.com', 'Hi', 'x', [big])]) {
    assert.throws(call, (error) => {
      assert.equal(error.code, 'input-too-large');
      assert.equal(error.messageId, 'core.error.input-too-large');
      assert.equal(pkg.renderMessage(error.messageId, error.params, 'en'), error.message);
      return true;
    });
  }
});

test('an unknown rule id is the engine\'s own error in the Node and web builds alike (messageId, params, message, rule, suggestion)', async () => {
  const web = await import(join(pkgDir, 'web.js'));
  await web.init(readFileSync(join(pkgDir, 'web', 'mail_preflight_bg.wasm')));
  const shape = (call) => {
    try {
      call();
    } catch (error) {
      const { code, messageId, params, message, rule, suggestion } = error;
      return { code, messageId, params, message, rule, suggestion };
    }
    return assert.fail('no error');
  };
  const cases = [
    [{ rules: { 'size/line-lenght': 'off' } }, 'core.invalid.unknown-name-close', 'size/line-length'],
    [{ rules: { 'line-length': 'off' }, locale: 'fr' }, 'core.invalid.unknown-name-close', 'size/line-length'],
    [{ rules: { 'completely/unrelated': 'off' }, locale: 'pl' }, 'core.invalid.unknown-name', undefined],
  ];
  for (const [options, messageId, suggestion] of cases) {
    const rule = Object.keys(options.rules)[0];
    for (const lintCall of [(api) => () => api.lint(rawMessage(), options),
      (api) => () => api.lintPhpMail('a@example.com', 'Hi', 'x', 'From: b@example.com', options)]) {
      const node = shape(lintCall(pkg));
      assert.deepEqual(shape(lintCall(web)), node, JSON.stringify(options));
      assert.equal(node.code, 'invalid-options');
      assert.equal(node.messageId, messageId);
      assert.equal(node.rule, rule);
      assert.equal(node.suggestion, suggestion);
      assert.equal(node.params.path, 'rules');
      assert.equal(node.params.name, rule);
      assert.equal(pkg.renderMessage(node.messageId, node.params, options.locale || 'en'), node.message);
    }
  }
  assert.match(shape(() => pkg.lint(rawMessage(), cases[0][0])).message,
    /^The options are not valid: rules: unknown name "size\/line-lenght"; did you mean "size\/line-length"\?$/);
  // Another field's unknown name is not a rule: no error.rule.
  assert.equal(shape(() => pkg.lint(rawMessage(), { thresholds: { size: { maxMessageByte: 1 } } })).rule, undefined);
});

test('Nodemailer\'s SendMailOptions type-check for lintAsync and a Linter, where streams and address groups may be; lint refuses streams in its types', (t) => {
  // The shapes of @types/nodemailer 8.0.2's Mail.Options (and Nodemailer 10.6.1's own
  // MimeNodeAddress, whose address is optional beside group), which tests/ does not install:
  // the fields whose types our Compose had refused (streams, AttachmentLike with a Url path,
  // string encodings, an Envelope without index signature, address groups).
  const dir = tempDir(t);
  mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
  symlinkSync(pkgDir, join(dir, 'node_modules', 'mail-preflight'), 'dir');
  symlinkSync(join(testsModules, '@types', 'node'), join(dir, 'node_modules', '@types', 'node'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(join(dir, 'form.mts'), `
    import type { Readable } from 'node:stream';
    import type { Url } from 'node:url';
    import { lint, lintAsync, analyseAsync, createLinter, type LintInput, type LintAsyncInput, type Report } from 'mail-preflight';
    interface Address { name?: string | undefined; address: string }
    interface MimeNodeAddress { name?: string | undefined; address?: string | undefined; group?: MimeNodeAddress[] | undefined }
    interface AttachmentLike { content?: string | Buffer | Readable | undefined; path?: string | Url | undefined; href?: string | undefined }
    interface Attachment extends AttachmentLike {
      filename?: string | false | undefined; cid?: string | undefined; encoding?: string | undefined; contentType?: string | undefined;
      contentTransferEncoding?: '7bit' | 'base64' | 'quoted-printable' | false | undefined;
      contentDisposition?: 'attachment' | 'inline' | undefined;
      headers?: { [key: string]: string | string[] | { prepared: boolean; value: string } } | undefined;
      raw?: string | Buffer | Readable | AttachmentLike | undefined;
    }
    interface SendMailOptions {
      from?: string | Address | MimeNodeAddress | Array<string | Address> | undefined;
      to?: string | Address | MimeNodeAddress | Array<string | Address | MimeNodeAddress> | undefined;
      inReplyTo?: string | Address | undefined;
      text?: string | Buffer | Readable | AttachmentLike | undefined;
      html?: string | Buffer | Readable | AttachmentLike | undefined;
      icalEvent?: string | Buffer | Readable | (AttachmentLike & { method?: string; filename?: string | false }) | undefined;
      attachments?: Attachment[] | undefined;
      alternatives?: Attachment[] | undefined;
      envelope?: { from?: string | undefined; to?: string | undefined } | { from: string | false; to: string[] } | undefined;
      encoding?: string | undefined;
      textEncoding?: 'quoted-printable' | 'base64' | undefined;
      raw?: string | Buffer | Readable | AttachmentLike | undefined;
      priority?: 'high' | 'normal' | 'low' | undefined;
      // Nodemailer 10's SendMailOptions beside the message (lib/mailer/mail-message.d.ts) and MailComposerOptions' otp.
      signal?: AbortSignal | undefined; maxRecipients?: number | undefined; requireTLSExtensionEnabled?: boolean | undefined;
      auth?: { user?: string | undefined; pass?: string | undefined } | undefined; ses?: { [key: string]: any } | undefined;
      otp?: { code: string; origin: string } | undefined;
    }
    declare const options: SendMailOptions;
    // The idle time of the streams read is an option of the async calls only.
    void [lintAsync(options, { streamIdleTimeout: 5000, locale: 'fr' }), analyseAsync(options, { streamIdleTimeout: 1 }),
      createLinter().lint(options, { streamIdleTimeout: 1 })];
    // @ts-expect-error: the sync lint reads no stream, and its options are the engine's
    lint('From: a@example.com', { streamIdleTimeout: 1 });
    // @ts-expect-error: nor the total time of streams
    lint('From: a@example.com', { streamTotalTimeout: 1 });
    void lintAsync(options, { streamTotalTimeout: 1000 });
    const report: Promise<Report> = lintAsync(options);
    const pooled: Promise<Report> = createLinter({ threads: 1 }).lint(options);
    const input: LintAsyncInput = options;
    void [report, pooled, input, analyseAsync(options)];
    // @ts-expect-error: SendMailOptions may hold streams, which the sync lint cannot read
    lint(options);
    declare const stream: Readable;
    // @ts-expect-error: a stream is no LintInput
    const refused: LintInput = { text: stream };
    const group: LintInput = { from: 'a@example.com', to: [{ name: 'Team', group: [{ address: 'b@example.com' }] }, 'c@example.com'] };
    void [refused, group];
  `);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022',
      lib: ['es2022', 'dom'], types: ['node'] },
    files: ['form.mts'],
  }));
  const run = spawnSync(process.execPath, [join(testsModules, 'typescript', 'bin', 'tsc'), '-p', dir], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test('every entry\'s lint refuses a stream in compose fields naming lintAsync, and reads a Date as the Node entry does', async () => {
  const { Readable } = await import('node:stream');
  const fields = () => ({ from: 'a@example.com', to: 'b@example.org', subject: 'Hi', text: Readable.from(['Hello']) });
  const namesAsync = (call) => (e) => e.code === 'invalid-input' && e.messageId === 'core.invalid.stream'
    && e.params.asyncCall === `${call}Async` && e.message.includes(`await ${call}Async()`) && /est un flux/.test(e.message);
  const cjs = createRequire(import.meta.url)(join(pkgDir, 'index.cjs'));
  assert.throws(() => cjs.lint(fields(), { locale: 'fr' }), namesAsync('lint'));
  assert.throws(() => pkg.analyse(fields(), { locale: 'fr' }), namesAsync('analyse'));
  const web = await import(join(pkgDir, 'web.js'));
  await web.init(readFileSync(join(pkgDir, 'web', 'mail_preflight_bg.wasm')));
  assert.throws(() => web.lint(fields(), { locale: 'fr' }), namesAsync('lint'));
  // The bundler entry (wasm ES-module integration, behind a flag in Node) had handed the fields to the
  // wasm-bindgen export as they were: a stream was "a stream or an object, which cannot be read here".
  const script = `import { Readable } from 'node:stream';
    const m = await import(${JSON.stringify(join(pkgDir, 'bundler.js'))});
    const fields = () => ({ from: 'a@example.com', to: 'b@example.org', subject: 'Hi', text: Readable.from(['Hello']) });
    const caught = (call) => { try { call(); return null; } catch (e) { return { code: e.code, messageId: e.messageId, message: e.message, params: e.params }; } };
    const idle = await m.lintAsync({ from: 'a@example.com', text: new Readable({ read() {} }) }, { streamIdleTimeout: 20 }).catch((e) => e.messageId);
    console.log(JSON.stringify({
      lint: caught(() => m.lint(fields(), { locale: 'fr' })),
      analyse: caught(() => m.analyse(fields(), { locale: 'fr' })),
      read: (await m.lintAsync(fields())).source,
      dated: m.lint({ ...fields(), text: 'Hello', date: new Date(0) }).source,
      idle,
    }));`;
  const run = spawnSync(process.execPath, ['--experimental-wasm-modules', '--no-warnings', '--input-type=module', '-e', script],
    { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const bundler = JSON.parse(run.stdout);
  assert.ok(namesAsync('lint')(bundler.lint), JSON.stringify(bundler.lint));
  assert.ok(namesAsync('analyse')(bundler.analyse), JSON.stringify(bundler.analyse));
  assert.equal(bundler.read, (await pkg.lintAsync(fields())).source);
  const dated = { ...fields(), text: 'Hello', date: new Date(0) };
  assert.equal(bundler.dated, pkg.lint(dated).source);
  assert.equal(bundler.idle, 'core.invalid.stream-idle');
});

test('the Node types compile without the DOM library: "lib": ["es2022"] with @types/node, or with no types at all (skipLibCheck off)', (t) => {
  // init's URL, Request, Response and module, and a call's AbortSignal, are read off
  // globalThis (index.d.ts GlobalInstance): DOM's BufferSource and WebAssembly had made
  // a Node project without "dom" fail on the package's declarations (TS2304, TS2503).
  const dir = tempDir(t);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(pkgDir, join(dir, 'node_modules', 'mail-preflight'), 'dir');
  symlinkSync(join(testsModules, '@types'), join(dir, 'node_modules', '@types'), 'dir');
  if (existsSync(join(testsModules, 'undici-types'))) symlinkSync(join(testsModules, 'undici-types'), join(dir, 'node_modules', 'undici-types'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const usage = `import { lint, init, initSync, createLinter, type Report } from 'mail-preflight';
    const report: Report = lint('From: a@example.com\\r\\n\\r\\nx');
    await init(new Uint8Array(4));
    initSync(new ArrayBuffer(4));
    void [report, createLinter];\n`;
  writeFileSync(join(dir, 'usage.mts'), usage);
  writeFileSync(join(dir, 'usage.cts'), "import { lint } from 'mail-preflight';\nvoid lint;\n");
  writeFileSync(join(dir, 'node.mts'), `import { createLinter } from 'mail-preflight';
    await createLinter().lint('x', { signal: new AbortController().signal, timeout: 5 });
    await init(new URL('file:///engine.wasm'));
    import { init } from 'mail-preflight';
    // @ts-expect-error: a string is no AbortSignal
    await createLinter().lint('x', { signal: 'stop' });\n`);
  const tsc = join(testsModules, 'typescript', 'bin', 'tsc');
  for (const [name, types, files] of [['node', ['node'], ['usage.mts', 'usage.cts', 'node.mts']], ['bare', [], ['usage.mts', 'usage.cts']]]) {
    writeFileSync(join(dir, `tsconfig.${name}.json`), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022'], types, skipLibCheck: false },
      files,
    }));
    const run = spawnSync(process.execPath, [tsc, '-p', join(dir, `tsconfig.${name}.json`)], { encoding: 'utf8' });
    assert.equal(run.status, 0, `${name}: ${run.stdout}${run.stderr}`);
  }
});

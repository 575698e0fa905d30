// mail-preflight/test in the runners people use: assertPreflight in node:test
// (this file), and the toPassPreflight matcher in real Vitest and Jest runs (dev
// dependencies of tests/), each in a temporary project that installs the package
// by a node_modules link, as a user's project would.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { pkg, pkgDir, testsModules, tempDir, rawMessage, messageWithLongLine, messageWithWideLine } from './helpers.mjs';

const { assertPreflight, assertPreflightAsync, toPassPreflight, toPassPreflightAsync, matchers } = await import(join(pkgDir, 'test.mjs'));

const capitals = rawMessage({ subject: 'Your ORDER IS READY for pickup' });

test('assertPreflight returns the report of a message that passes', () => {
  const report = assertPreflight(rawMessage());
  assert.equal(report.verdict, 'pass');
});

test('assertPreflight throws an AssertionError listing each finding with its location', () => {
  assert.throws(() => assertPreflight(messageWithLongLine()), (error) => {
    assert.equal(error.name, 'AssertionError');
    const [finding] = pkg.lint(messageWithLongLine()).findings;
    assert.ok(error.message.includes(
      `- size/line-length (error), line ${finding.location.line}, column ${finding.location.column}: ${finding.message}`), error.message);
    assert.equal(error.report.verdict, 'fail', 'the report is the error\'s report');
    // What runners list and diff: the message alone, not the report (a rendered message
    // of megabytes in `source`) nor a diff of it against a text.
    assert.equal(error.operator, 'fail');
    assert.equal(error.actual, undefined);
    assert.equal(error.expected, undefined);
    for (const key of ['report', 'showDiff']) assert.ok(!Object.keys(error).includes(key), `${key} is not enumerable`);
    return true;
  });
});

test('warnings count beyond maxWarnings (default 0); allowed rules never count', () => {
  const warnings = pkg.lint(capitals).findings.filter((f) => f.severity === 'warning');
  assert.ok(warnings.length > 0);
  assert.throws(() => assertPreflight(capitals), /spam\/subject-caps \(warning\)/);
  assertPreflight(capitals, { maxWarnings: warnings.length });
  assertPreflight(capitals, { allow: [...new Set(warnings.map((f) => f.ruleId))] });
  assertPreflight(messageWithWideLine(), { maxWarnings: 0 }, 'info findings never count');
});

test('maxWarnings and allow of another kind are refused (invalid-options), never read as "no limit"', () => {
  // 'abc' and NaN made every comparison false: the warnings never counted and the assertion passed.
  for (const maxWarnings of ['abc', NaN, '0', -1, 1.5, null]) {
    assert.throws(() => assertPreflight(capitals, { maxWarnings }), (error) => {
      assert.equal(error.code, 'invalid-options', String(maxWarnings));
      assert.equal(error.field, 'maxWarnings');
      assert.match(error.message, /maxWarnings must be a whole number from 0/);
      return true;
    });
    assert.throws(() => toPassPreflight(capitals, { maxWarnings }), { code: 'invalid-options' });
  }
  // A text in allow was searched as a text: 'spam/subject-caps' allowed every id inside it.
  assert.throws(() => assertPreflight(capitals, { allow: 'spam/subject-caps' }), (error) => {
    assert.equal(error.code, 'invalid-options');
    assert.equal(error.field, 'allow');
    return true;
  });
  assert.throws(() => assertPreflight(capitals, { maxWarnings: 'abc', locale: 'fr' }), /maxWarnings doit être/);
  assertPreflight(capitals, { maxWarnings: Infinity });
});

test('compose fields and lint options are accepted; the message is in the chosen language', () => {
  // Compose fields without From: the host refuses the message Nodemailer would build.
  assert.throws(() => assertPreflight({ to: 'b@example.com', subject: 'Hello', text: 'Hi' }, { locale: 'es' }),
    /Se esperaba que el mensaje pasara la revisión[\s\S]*headers\/missing-field \(error\)/);
  assertPreflight(messageWithLongLine(), { rules: { 'size/line-length': 'off' } });
});

test('toPassPreflight has the shape of a Jest/Vitest matcher, with .not', () => {
  const passing = toPassPreflight(rawMessage());
  assert.equal(passing.pass, true);
  assert.match(passing.message(), /not to pass preflight, but it passes/);
  const failing = toPassPreflight(messageWithLongLine());
  assert.equal(failing.pass, false);
  assert.match(failing.message(), /size\/line-length \(error\)/);
});

/** A temporary project with mail-preflight and the runner linked into node_modules. */
// Compose fields holding a stream (Nodemailer's Readable content) had no assertion: the sync
// ones refuse a stream (lint cannot wait for it), and no async form existed.
test('assertPreflightAsync and toPassPreflightAsync read streams first; the sync forms name them', async () => {
  const { Readable } = await import('node:stream');
  const streamed = (text) => ({ raw: Readable.from([text]) });
  assert.equal((await assertPreflightAsync(streamed(rawMessage()))).verdict, 'pass');
  await assert.rejects(assertPreflightAsync(streamed(messageWithLongLine()), { locale: 'fr' }), (error) => {
    assert.equal(error.name, 'AssertionError');
    assert.match(error.message, /size\/line-length \(erreur\), ligne \d+, colonne 1/);
    assert.equal(error.report.verdict, 'fail');
    assert.ok(!Object.keys(error).includes('report'));
    return true;
  });
  // Criteria and the stream options: allowed rules, and an endless stream given up.
  assert.equal((await assertPreflightAsync(streamed(messageWithLongLine()), { allow: ['size/line-length'] })).verdict, 'fail');
  await assert.rejects(assertPreflightAsync({ from: 'a@example.com', text: new Readable({ read() {} }) }, { streamIdleTimeout: 20 }),
    (error) => error.messageId === 'core.invalid.stream-idle');
  const passes = await toPassPreflightAsync(streamed(rawMessage()));
  const fails = await toPassPreflightAsync(streamed(messageWithLongLine()));
  assert.deepEqual([passes.pass, fails.pass], [true, false]);
  assert.match(fails.message(), /size\/line-length \(error\)/);
  assert.equal(matchers.toPassPreflightAsync, toPassPreflightAsync);
  // The sync forms name the async one of their own, not lint's.
  for (const call of [() => assertPreflight(streamed(rawMessage()), { locale: 'es' }), () => toPassPreflight(streamed(rawMessage()))]) {
    assert.throws(call, (error) => error.messageId === 'core.invalid.stream' && /Preflight(Async)?\(\)/.test(error.message)
      && error.message.includes(`await ${error.params.call}Async()`) && error.params.call !== 'lint');
  }
  assert.throws(() => assertPreflight(rawMessage(), { streamIdleTimeout: 20 }),
    (error) => error.messageId === 'core.invalid.async-only-option' && error.message.includes('assertPreflightAsync()'));
});

function project(t, runner, testFile, source) {
  const dir = tempDir(t, `mail-preflight-${runner}-`);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(pkgDir, join(dir, 'node_modules', 'mail-preflight'), 'dir');
  symlinkSync(join(testsModules, runner), join(dir, 'node_modules', runner), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `${runner}-consumer`, private: true }));
  writeFileSync(join(dir, testFile), source);
  return dir;
}

const runnerTests = (header) => `${header}
const clean = ${JSON.stringify(rawMessage())};
const long = ${JSON.stringify(messageWithLongLine())};
const capitals = ${JSON.stringify(capitals)};
expect.extend({ toPassPreflight });
test('a clean message passes', () => { expect(clean).toPassPreflight(); });
test('a 1000-octet line does not', () => { expect(long).not.toPassPreflight(); });
test('the failure lists the finding and where it is', () => {
  expect(() => expect(long).toPassPreflight()).toThrow(/size\\/line-length \\(error\\), line \\d+, column 1/);
});
test('settings: maxWarnings and allow', () => {
  expect(capitals).not.toPassPreflight();
  expect(capitals).toPassPreflight({ allow: ['spam/subject-caps'] });
});
test('a failing expectation fails the test', () => { expect(long).toPassPreflight(); });
`;

/** One deliberately failing test shows the runner really reports matcher failures (`passed`: the others). */
function assertRunnerReport(run, passed = 4) {
  const output = run.stdout + run.stderr;
  assert.equal(run.status, 1, 'one test fails on purpose');
  assert.match(output, new RegExp(`${passed} passed`));
  assert.match(output, /1 failed/);
  assert.match(output, /size\/line-length \(error\)/, 'the matcher message is in the runner output');
}

const RUNNER_ENV = { ...process.env, CI: '1', NO_COLOR: '1' };

/** A real Vitest run of the project in `dir`. */
function runVitest(dir) {
  return spawnSync(process.execPath, [join(testsModules, 'vitest', 'vitest.mjs'), 'run', '--root', dir, '--color=false'],
    { cwd: dir, encoding: 'utf8', env: RUNNER_ENV });
}

/** A real Jest run of the project in `dir` (its `*.test.cjs` files, untransformed), with `more` arguments. */
function runJest(dir, more = []) {
  return spawnSync(process.execPath, [join(testsModules, 'jest', 'bin', 'jest.js'), '--rootDir', dir,
    '--testMatch', '**/*.test.cjs', '--transform', '{}', '--ci', '--no-cache', '--colors=false', ...more],
  { cwd: dir, encoding: 'utf8', env: RUNNER_ENV });
}

test('Vitest: expect.extend({ toPassPreflight }) in a real Vitest run', { timeout: 120_000 }, (t) => {
  const dir = project(t, 'vitest', 'preflight.test.mjs', runnerTests(
    "import { expect, test } from 'vitest';\nimport { toPassPreflight } from 'mail-preflight/test';"));
  assertRunnerReport(runVitest(dir));
});

test('Jest: expect.extend({ toPassPreflight }) in a real Jest run', { timeout: 120_000 }, (t) => {
  const dir = project(t, 'jest', 'preflight.test.cjs', runnerTests("const { toPassPreflight } = require('mail-preflight/test');"));
  assertRunnerReport(runJest(dir));
});

// An AssertionError made after a stream was read began its stack in Node's task queue
// (`at process.processTicksAndRejections`), not at the test's line: the stack is now the
// caller's, taken at the call, as Jest's expect(...).rejects takes it.
test('assertPreflightAsync\'s error points at the line that called it', async () => {
  const { Readable } = await import('node:stream');
  const call = () => assertPreflightAsync({ raw: Readable.from([messageWithLongLine()]) });
  await assert.rejects(call(), (error) => {
    const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
    assert.match(frames[0], /test-assertions\.test\.mjs:\d+:\d+/, error.stack);
    assert.doesNotMatch(frames[0], /task_queues/, error.stack);
    assert.doesNotMatch(error.stack, /test\.cjs/, error.stack);
    assert.ok(error.stack.startsWith('AssertionError [ERR_ASSERTION]: Expected the message to pass preflight'), error.stack);
    assert.ok(error.stack.includes(error.message), 'the header keeps the whole message');
    return true;
  });
});

const runnerAsyncTests = (header) => `${header}
const { Readable } = require('node:stream');
const streamed = (text) => ({ raw: Readable.from([text]) });
expect.extend({ toPassPreflightAsync });
test('a clean streamed message passes', async () => { await expect(streamed(${JSON.stringify(rawMessage())})).toPassPreflightAsync(); });
test('a streamed 1000-octet line does not', async () => { await expect(streamed(${JSON.stringify(messageWithLongLine())})).not.toPassPreflightAsync(); });
test('a failing expectation fails the test', async () => { await expect(streamed(${JSON.stringify(messageWithLongLine())})).toPassPreflightAsync(); });
`;

test('Vitest and Jest: expect.extend({ toPassPreflightAsync }) awaited in real runs, with a stream', { timeout: 180_000 }, (t) => {
  const vitestDir = project(t, 'vitest', 'preflight.test.mjs', runnerAsyncTests(
    "import { expect, test } from 'vitest';\nimport { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nimport { toPassPreflightAsync } from 'mail-preflight/test';"));
  // One deliberately failing async expectation shows the runner awaits the matcher and reports it.
  assertRunnerReport(runVitest(vitestDir), 2);
  const jestDir = project(t, 'jest', 'preflight.test.cjs', runnerAsyncTests("const { toPassPreflightAsync } = require('mail-preflight/test');"));
  assertRunnerReport(runJest(jestDir), 2);
});

const assertTests = (header) => `${header}
const long = ${JSON.stringify(messageWithLongLine())};
test('assertPreflight fails the test with its message', () => { assertPreflight(long); });
`;

/** This process's environment without NODE_TEST_CONTEXT, which makes a child `node --test` skip its files. */
function withoutTestContext() {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  return env;
}

/** The runner's report of a failing assertPreflight: the finding listed, the report neither printed nor diffed. */
function assertReadableFailure(output, status) {
  assert.equal(status, 1, output);
  assert.match(output, /1 failed/);
  assert.match(output, /size\/line-length \(error\), line \d+, column 1/, 'the assertion message');
  for (const dump of ['fixId', 'spamThreshold', 'Comparing two different types', 'Received']) {
    assert.ok(!output.includes(dump), `${dump}: the report is not printed\n${output}`);
  }
}

test('assertPreflight in real Vitest, Jest and node:test runs: the failure shows the findings, not a dump or a diff of the report', { timeout: 120_000 }, (t) => {
  const nodeTest = project(t, 'vitest', 'assert.test.mjs', assertTests(
    "import test from 'node:test';\nimport { assertPreflight } from 'mail-preflight/test';"));
  for (const reporter of ['tap', 'spec']) {
    const n = spawnSync(process.execPath, ['--test', `--test-reporter=${reporter}`, 'assert.test.mjs'],
      { cwd: nodeTest, encoding: 'utf8', env: { ...withoutTestContext(), NO_COLOR: '1' } });
    assertReadableFailure((n.stdout + n.stderr).replace(/^# fail 1$/m, '1 failed').replace(/^ℹ fail 1$/m, '1 failed'), n.status);
  }
  const vitest = project(t, 'vitest', 'assert.test.mjs', assertTests(
    "import { test } from 'vitest';\nimport { assertPreflight } from 'mail-preflight/test';"));
  const v = runVitest(vitest);
  assertReadableFailure(v.stdout + v.stderr, v.status);
  const jest = project(t, 'jest', 'assert.test.cjs', assertTests("const { assertPreflight } = require('mail-preflight/test');"));
  const j = runJest(jest);
  assertReadableFailure(j.stdout + j.stderr, j.status);
});

test('Jest: the package runs in an environment without TextEncoder and TextDecoder (as Jest\'s jsdom one)', { timeout: 120_000 }, (t) => {
  // jsdom has no TextEncoder: the Node build takes Node's own (node:util), not the
  // globals, which had thrown "TextEncoder is not defined" at require time.
  const dir = project(t, 'jest', 'globals.test.cjs', `
const { lint, lintPhpMail } = require('mail-preflight');
const { toPassPreflight } = require('mail-preflight/test');
const { TextCoordinates } = require(${JSON.stringify(join(pkgDir, 'lib', 'coordinates.cjs'))});
expect.extend({ toPassPreflight });
test('no TextEncoder or TextDecoder here', () => {
  expect(typeof TextEncoder).toBe('undefined');
  expect(typeof TextDecoder).toBe('undefined');
});
test('lint, lintPhpMail and the matcher read texts past ASCII', () => {
  expect(lint('From: a@example.com\\r\\nSubject: Zażółć\\r\\n\\r\\nGęślą jaźń\\r\\n').origin).toBe('raw');
  expect(lintPhpMail('b@example.com', 'Zażółć', 'jaźń', ['From: a@example.com']).origin).toBe('phpMail');
  expect(${JSON.stringify(rawMessage())}).toPassPreflight();
  expect(new TextCoordinates(Buffer.from('é\\nab')).at(4)).toEqual({ line: 2, column: 2 });
});
`);
  writeFileSync(join(dir, 'no-text-codecs.cjs'), `const { TestEnvironment } = require(${JSON.stringify(join(testsModules, 'jest-environment-node'))});
module.exports = class extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    delete this.global.TextEncoder;
    delete this.global.TextDecoder;
  }
};
`);
  const run = runJest(dir, ['--testEnvironment', join(dir, 'no-text-codecs.cjs')]);
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout + run.stderr, /2 passed/);
});

test('a spam score at the threshold fails the assertion without any error (verdict fail), unless its rules are allowed', () => {
  const spam = rawMessage({ subject: 'FREE MONEY!!! ACT NOW $$$ WINNER' });
  const report = pkg.lint(spam, { spamThreshold: 1 });
  assert.equal(report.verdict, 'fail');
  assert.equal(report.counts.error, 0);
  assert.throws(() => assertPreflight(spam, { spamThreshold: 1, maxWarnings: 100 }), (error) => {
    assert.match(error.message, /Spam score \d+\.\d of 1\.0/);
    assert.match(error.message, /spam\/subject-caps \(warning\)/);
    return true;
  });
  const scoring = [...new Set(report.findings.filter((f) => f.score > 0).map((f) => f.ruleId))];
  assertPreflight(spam, { spamThreshold: 1, maxWarnings: 100, allow: scoring });
});

test('assertion messages say severities and verdicts in the locale asked', () => {
  assert.throws(() => assertPreflight(messageWithLongLine(), { locale: 'pl' }), /size\/line-length \(błąd\)/);
  const result = toPassPreflight(rawMessage(), { locale: 'fr' });
  assert.match(result.message(), /verdict Prêt à l'envoi/);
});

'use strict';
// Assertions for test scripts:
//   assertPreflight(message, { maxWarnings: 0, allow: ['links/insecure'], locale: 'en' })
// throws an AssertionError (node:assert) listing each finding that counts, with
// its location, so it works in node:test, Mocha, Jest and Vitest alike; and
//   expect.extend({ toPassPreflight });  expect(message).toPassPreflight({ maxWarnings: 2 })
// for Jest and Vitest. `message` is what `lint()` takes: a raw message (string,
// Buffer, Uint8Array) or compose fields. Errors always count, and so do the findings
// that score when the spam score reaches the threshold; warnings count when
// there are more than `maxWarnings` (default 0); rules in `allow` never count.
// The other settings are lint options (locale, rules, thresholds…).
// Compose fields holding streams (Nodemailer's Readable content) are read first by the
// async forms, as lintAsync reads them:
//   await assertPreflightAsync(fields, settings);  await expect(fields).toPassPreflightAsync(settings)
// (settings may then hold streamIdleTimeout and streamTotalTimeout).

const { AssertionError } = require('node:assert');
const { lint, lintAsync, renderMessage } = require('./index.cjs');
const { translator } = require('./lib/texts.cjs');
const { findingLine, judge, scoreText, checkCriteria } = require('./lib/describe.cjs');

function split(settings = {}) {
  const { maxWarnings = 0, allow = [], ...options } = settings;
  checkCriteria({ maxWarnings, allow }, typeof options.locale === 'string' ? options.locale : 'en');
  return { criteria: { maxWarnings, allow }, options };
}

/** The verdict of the criteria on a report, and the failure text when it does not pass. */
function verdictOf(report, criteria, options) {
  const verdict = judge(report, criteria);
  const t = translator(options.locale || 'en');
  const text = verdict.passes ? t('cli.assert.passes', { verdict: t(`core.verdict.${report.verdict}`) })
    : [t('cli.assert.failed', { errors: verdict.errors, warnings: verdict.warnings, max: criteria.maxWarnings }),
      ...(verdict.spamFails ? [scoreText(t, report, verdict.spamScore)] : []),
      ...verdict.counted.map((finding) => findingLine(finding, t))].join('\n');
  return { report, verdict, text };
}

/** lint()'s refusals that name lint() and lintAsync(): a stream, a stream option. */
const NAMING_CALLS = ['core.invalid.stream', 'core.invalid.async-only-option'];

/**
 * lint()'s refusal of a stream or a stream option (`NAMING_CALLS`, naming lint and
 * lintAsync) worded for the assertion that met it (`call`), naming its async form.
 */
function namedForAssertion(error, call, options) {
  if (!error || !NAMING_CALLS.includes(error.messageId) || !error.params) return error;
  const params = { ...error.params, call, asyncCall: `${call}Async` };
  try {
    error.message = renderMessage(error.messageId, params, typeof options.locale === 'string' ? options.locale : 'en');
    error.params = params;
  } catch {
    // the error as lint() worded it
  }
  return error;
}

/** The report, the verdict of the criteria, and the failure text when it does not pass. */
function check(message, settings, call) {
  const { criteria, options } = split(settings);
  let report;
  try {
    report = lint(message, options);
  } catch (error) {
    throw namedForAssertion(error, call, options);
  }
  return verdictOf(report, criteria, options);
}

/** `check` of a message whose fields may hold streams: read first, as lintAsync reads them. */
async function checkAsync(message, settings) {
  const { criteria, options } = split(settings);
  return verdictOf(await lintAsync(message, options), criteria, options);
}

/**
 * Throws an AssertionError unless the message passes: its message lists what counts,
 * and the report is its `report`, not enumerable. Runners print an AssertionError's
 * `actual` and `expected`, and diff them: Jest (jest-circus formatNodeAssertErrors)
 * printed the whole report (the rendered message, megabytes with an attachment, in
 * `source`) before the message, and "Comparing two different types of values";
 * Vitest diffed it against a text; node:test's reporters list `actual` and
 * `expected` of any ERR_ASSERTION error. With the operator `fail` and neither value
 * (as `assert.fail(message)` throws) Jest prints the message alone, Vitest and
 * Mocha diff nothing (`showDiff: false` too), and a field that is not enumerable is
 * not listed (node:test, Vitest's "Serialized Error").
 */
function assertPreflight(message, settings) {
  return passedOrThrown(check(message, settings, 'assertPreflight'), assertPreflight);
}

/**
 * `assertPreflight` of compose fields that may hold streams: resolves to the report, or
 * rejects with the same AssertionError. Its stack is the caller's, taken when the call is
 * made, as Jest's `expect(...).rejects` takes it: made after a stream was read, it would
 * begin in Node's task queue (`processTicksAndRejections`), not at the test's line.
 */
function assertPreflightAsync(message, settings) {
  const site = new Error();
  Error.captureStackTrace(site, assertPreflightAsync);
  return checkAsync(message, settings).then((checked) => passedOrThrown(checked, assertPreflightAsync, site));
}

/**
 * The report of a message that passes; else the AssertionError, thrown (see
 * assertPreflight), with the frames of `site` (an Error made at the call) when given.
 */
function passedOrThrown({ report, verdict, text }, stackStartFn, site) {
  if (!verdict.passes) {
    const error = new AssertionError({ message: text, operator: 'fail', stackStartFn });
    // The error's header (its message, whole) followed by the call site's frames.
    const headerEnd = typeof error.stack === 'string' ? error.stack.indexOf(text) : -1;
    const framesStart = site && typeof site.stack === 'string' ? site.stack.indexOf('\n') : -1;
    if (headerEnd >= 0 && framesStart >= 0) {
      const stack = error.stack.slice(0, headerEnd + text.length) + site.stack.slice(framesStart);
      Object.defineProperty(error, 'stack', { value: stack, enumerable: false, writable: true, configurable: true });
    }
    const hidden = (value) => ({ value, enumerable: false, writable: true, configurable: true });
    Object.defineProperties(error, { report: hidden(report), showDiff: hidden(false) });
    throw error;
  }
  return report;
}

/** The Jest/Vitest matcher: `expect(message).toPassPreflight(settings)`, and `.not.` */
function toPassPreflight(received, settings) {
  const { verdict, text } = check(received, settings, 'toPassPreflight');
  return { pass: verdict.passes, message: () => text };
}

/**
 * The async matcher (Jest and Vitest await a matcher's promise):
 * `await expect(fields).toPassPreflightAsync(settings)`, and `.not.`; streams are read first.
 */
async function toPassPreflightAsync(received, settings) {
  const { verdict, text } = await checkAsync(received, settings);
  return { pass: verdict.passes, message: () => text };
}

module.exports = {
  assertPreflight, assertPreflightAsync, toPassPreflight, toPassPreflightAsync, matchers: { toPassPreflight, toPassPreflightAsync },
};

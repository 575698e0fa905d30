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

const { AssertionError } = require('node:assert');
const { lint } = require('./index.cjs');
const { translator } = require('./lib/texts.cjs');
const { findingLine, judge, scoreText } = require('./lib/describe.cjs');

function split(settings = {}) {
  const { maxWarnings = 0, allow = [], ...options } = settings;
  return { criteria: { maxWarnings, allow }, options };
}

/** The report, the verdict of the criteria, and the failure text when it does not pass. */
function check(message, settings) {
  const { criteria, options } = split(settings);
  const report = lint(message, options);
  const verdict = judge(report, criteria);
  const t = translator(options.locale || 'en');
  const text = verdict.passes ? t('cli.assert.passes', { verdict: t(`core.verdict.${report.verdict}`) })
    : [t('cli.assert.failed', { errors: verdict.errors, warnings: verdict.warnings, max: criteria.maxWarnings }),
      ...(verdict.spamFails ? [scoreText(t, report, verdict.spamScore)] : []),
      ...verdict.counted.map((finding) => findingLine(finding, t))].join('\n');
  return { report, verdict, text };
}

/** Throws an AssertionError (with the report as `actual`) unless the message passes. */
function assertPreflight(message, settings) {
  const { report, verdict, text } = check(message, settings);
  if (!verdict.passes) {
    throw new AssertionError({ message: text, actual: report, expected: 'no counted findings', operator: 'assertPreflight', stackStartFn: assertPreflight });
  }
  return report;
}

/** The Jest/Vitest matcher: `expect(message).toPassPreflight(settings)`, and `.not.` */
function toPassPreflight(received, settings) {
  const { verdict, text } = check(received, settings);
  return { pass: verdict.passes, message: () => text };
}

module.exports = { assertPreflight, toPassPreflight, matchers: { toPassPreflight } };

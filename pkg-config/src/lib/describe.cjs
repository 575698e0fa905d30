'use strict';
// Findings as lines for people, for the Nodemailer plugin's error and the test
// assertions: rule id, severity, where (line:column, header, part, archive path),
// message; every message-derived string through sanitize.cjs.

const { visible, visibleName } = require('./sanitize.cjs');
const { fixed, render } = require('./texts.cjs');
const { codedError } = require('./errors.cjs');

/** `line 3, column 1 [Subject]` — where a finding is, in the reader's language. */
function whereText(location, t) {
  const parts = [];
  if (typeof location.line === 'number') parts.push(t('cli.location', { line: location.line, column: location.column || 1 }));
  const details = [];
  if (location.header) details.push(visibleName(location.header));
  if (location.part !== undefined && location.part !== 0) details.push(t('cli.part', { part: location.part }));
  if (location.path) details.push(visible(location.path));
  if (details.length) parts.push(`[${details.join(', ')}]`);
  return parts.join(' ');
}

/**
 * A severity in the reader's language, as a word inside a line ("erreur",
 * "ostrzeżenie"): the catalogue's label (core.severity.*) in lower case.
 */
function severityWord(severity, t) {
  return t(`core.severity.${severity}`).toLocaleLowerCase(t.locale);
}

/** One finding: `- size/line-length (error), line 12, column 1: The line is …`. */
function findingLine(finding, t) {
  return `- ${t('cli.finding', {
    rule: visibleName(finding.ruleId),
    severity: severityWord(finding.severity, t),
    location: whereText(finding.location || {}, t) || '-',
    message: visible(finding.message),
  })}`;
}

/**
 * The spam score against its threshold as SpamAssassin writes them (`score=6.5
 * required=5.0`): one decimal each, in the reader's language ("Spam score 6.5 of 5.0").
 */
function scoreText(t, report, score = report.spamScore) {
  return t('core.report.score', { score: fixed(score, 1), threshold: fixed(report.spamThreshold, 1) });
}

/**
 * Which findings count against a message: every error; the findings that score
 * when their spam score reaches the threshold (the report's verdict `fail` without
 * an error: the host's filter would block it); the warnings when there are more
 * than `maxWarnings`. Rules in `allow` never count, nor score.
 * @returns {{ counted: object[], errors: number, warnings: number, spamScore: number,
 *   spamFails: boolean, passes: boolean }}
 */
function judge(report, { maxWarnings = 0, allow = [] } = {}) {
  const considered = report.findings.filter((f) => !allow.includes(f.ruleId));
  const errors = considered.filter((f) => f.severity === 'error');
  const warnings = considered.filter((f) => f.severity === 'warning');
  const spamScore = allow.length ? considered.reduce((sum, f) => sum + (f.score || 0), 0) : report.spamScore;
  const spamFails = allow.length ? spamScore >= report.spamThreshold : report.verdict === 'fail' && errors.length === 0;
  const tooManyWarnings = maxWarnings !== Infinity && warnings.length > maxWarnings;
  const counted = considered.filter((f) => f.severity === 'error'
    || (tooManyWarnings && f.severity === 'warning') || (spamFails && f.score > 0));
  return {
    counted, errors: errors.length, warnings: warnings.length, spamScore, spamFails, passes: counted.length === 0 && !spamFails,
  };
}

/**
 * `maxWarnings` and `allow` of assertPreflight, toPassPreflight and preflight(), checked
 * before anything is linted: a whole number from 0 (Infinity: no limit) and a list of
 * rule ids. Anything else is an `invalid-options` error naming the field, in `locale`:
 * a text or NaN in maxWarnings had made every comparison false, so the warnings never
 * counted and the assertion never failed on them; a text in allow was searched as a
 * text (`'spam/subject-caps'.includes(id)`), allowing every rule id inside it.
 */
function checkCriteria({ maxWarnings, allow }, locale = 'en') {
  const refused = (messageId, params) => {
    const all = { invalid: { label: 'core.invalid.subject.options' }, ...params };
    return codedError('invalid-options', render(messageId, all, locale), { messageId, params: all, field: params.path });
  };
  if (maxWarnings !== undefined && maxWarnings !== Infinity && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw refused('core.invalid.shape', { path: 'maxWarnings', expected: { label: 'core.invalid.expected.natural' } });
  }
  if (allow !== undefined && !(Array.isArray(allow) && allow.every((id) => typeof id === 'string'))) {
    throw refused('core.invalid.not-text-list', { path: 'allow' });
  }
}

module.exports = { findingLine, whereText, judge, scoreText, severityWord, checkCriteria };

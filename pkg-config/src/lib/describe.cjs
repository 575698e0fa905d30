'use strict';
// Findings as lines for people, for the Nodemailer plugin's error and the test
// assertions: rule id, severity, where (line:column, header, part, archive path),
// message; every message-derived string through sanitize.cjs.

const { visible, visibleName } = require('./sanitize.cjs');

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

/** One finding: `- size/line-length (error), line 12, column 1: The line is …`. */
function findingLine(finding, t) {
  return `- ${t('cli.finding', {
    rule: visibleName(finding.ruleId),
    severity: finding.severity,
    location: whereText(finding.location || {}, t) || '-',
    message: visible(finding.message),
  })}`;
}

/**
 * Which findings count against a message: every error, and the warnings when
 * there are more than `maxWarnings`; rules in `allow` never count.
 * @returns {{ counted: object[], errors: number, warnings: number, passes: boolean }}
 */
function judge(report, { maxWarnings = 0, allow = [] } = {}) {
  const considered = report.findings.filter((f) => !allow.includes(f.ruleId));
  const errors = considered.filter((f) => f.severity === 'error');
  const warnings = considered.filter((f) => f.severity === 'warning');
  const tooManyWarnings = maxWarnings !== Infinity && warnings.length > maxWarnings;
  const counted = tooManyWarnings ? [...errors, ...warnings] : errors;
  return { counted, errors: errors.length, warnings: warnings.length, passes: counted.length === 0 };
}

module.exports = { findingLine, whereText, judge };

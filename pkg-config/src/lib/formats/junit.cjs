'use strict';
// `--format junit`: JUnit XML as CI test reports read it (Jenkins, GitLab, Azure,
// GitHub test-report actions): one <testsuite> per file, one <testcase> per
// finding that counts (errors and warnings, as <failure>; info findings as
// passing cases with the text in <system-out>), a single passing case for a file
// without findings, an <error> case for a file that could not be linted. Written
// file by file. Text goes through sanitize.cjs first (XML 1.0 forbids most
// control characters even as references), then XML escaping. Warnings are
// failures as in ESLint's JUnit formatter: JUnit has no warning outcome, and a
// passing case would hide them from the CI views of failed tests (README, "JUnit
// output and CI": Jenkins makes such a build UNSTABLE, GitLab lists them, and
// `--quiet` leaves the errors only).
// A case is named by its rule and position ("size/line-length 12:1"); a rule's
// second finding at one position (several at 1:1, where findings about the whole
// message sit) is "size/line-length 1:1 #2", and so on: CI tools key a case's
// history by class and name, and merge or drop cases of the same name (Jenkins
// counts them once). Names are stable: the engine's findings come in a fixed order.

const { visible, visibleName, visiblePath } = require('../sanitize.cjs');

function xml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function position(location) {
  return typeof location.line === 'number' ? `${location.line}:${location.column || 1}` : '-';
}

function testcase(file, finding, seen) {
  const base = `${visibleName(finding.ruleId)} ${position(finding.location)}`;
  const count = (seen.get(base) || 0) + 1;
  seen.set(base, count);
  const name = xml(count === 1 ? base : `${base} #${count}`);
  const message = visible(finding.message);
  const detail = [message, finding.evidence && `> ${visible(finding.evidence)}`, finding.fix && `→ ${visible(finding.fix)}`]
    .filter(Boolean).join('\n');
  const open = `    <testcase classname="${file}" name="${name}" time="0">`;
  if (finding.severity === 'info') return `${open}<system-out>${xml(detail)}</system-out></testcase>\n`;
  return `${open}<failure type="${finding.severity}" message="${xml(message)}">${xml(detail)}</failure></testcase>\n`;
}

function junitFormatter(context) {
  return {
    start: () => '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="mail-preflight">\n',
    file(result) {
      const file = xml(visiblePath(result.file));
      if (result.error) {
        return `  <testsuite name="${file}" tests="1" failures="0" errors="1" skipped="0" time="0">\n`
          + `    <testcase classname="${file}" name="${xml(context.t('cli.cannot-lint'))}" time="0">`
          + `<error type="${xml(result.error.code)}" message="${xml(visible(result.error.message))}"/></testcase>\n`
          + '  </testsuite>\n';
      }
      const { findings } = result.report;
      const failures = findings.filter((f) => f.severity !== 'info').length;
      let out = `  <testsuite name="${file}" tests="${Math.max(1, findings.length)}" failures="${failures}" errors="0" skipped="0" time="0">\n`;
      if (findings.length === 0) out += `    <testcase classname="${file}" name="mail-preflight" time="0"/>\n`;
      const seen = new Map();
      for (const finding of findings) out += testcase(file, finding, seen);
      return `${out}  </testsuite>\n`;
    },
    end: () => '</testsuites>\n',
  };
}

module.exports = { junitFormatter };

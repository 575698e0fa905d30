'use strict';
// Human-readable output of `mail-preflight lint`: per file, the verdict, then one
// line per finding (line:column, severity, rule id, where, message) with its
// evidence and fix below, and a closing summary. Every word comes from the
// engine's catalogue in the chosen language; every message-derived string goes
// through sanitize.cjs. Colours only when the caller says so.

const { visible, visibleName, visiblePath } = require('../sanitize.cjs');
const { painter } = require('../paint.cjs');
const { scoreText, severityWord } = require('../describe.cjs');

const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'cyan' };
const VERDICT_STYLE = { fail: 'red', warn: 'yellow', pass: 'green' };

function countsText(t, counts) {
  return t('cli.counts', { errors: counts.error, warnings: counts.warning, infos: counts.info });
}

function position(location) {
  if (typeof location.line === 'number') return `${location.line}:${location.column || 1}`;
  return '-';
}

function where(location, t) {
  const parts = [];
  if (location.header) parts.push(visibleName(location.header));
  if (location.part !== undefined && location.part !== 0) parts.push(t('cli.part', { part: location.part }));
  if (location.path) parts.push(visible(location.path));
  return parts.length ? ` [${parts.join(', ')}]` : '';
}

/** The text block of one linted file. */
function formatFile(result, paint, t) {
  const name = paint('bold', visiblePath(result.file));
  if (result.error) {
    return `${name}\n  ${t('cli.labelled', { label: paint('red', t('cli.cannot-lint')), value: visible(result.error.message) })}\n`;
  }
  const { report } = result;
  const verdict = `${report.verdict} — ${t(`core.verdict.${report.verdict}`)}`;
  let out = `${name}  ${paint(VERDICT_STYLE[report.verdict], verdict)}`
    + `  ${paint('dim', `${scoreText(t, report)} · ${countsText(t, report.counts)}`)}\n`;
  const width = Math.max(0, ...report.findings.map((f) => position(f.location).length));
  const severityWidth = Math.max(0, ...Object.keys(SEVERITY_STYLE).map((s) => severityWord(s, t).length));
  for (const finding of report.findings) {
    const pos = position(finding.location).padEnd(width);
    const severity = paint(SEVERITY_STYLE[finding.severity], severityWord(finding.severity, t).padEnd(severityWidth));
    out += `  ${pos}  ${severity}  ${paint('bold', visibleName(finding.ruleId))}${where(finding.location, t)}`
      + `  ${visible(finding.message)}\n`;
    const indent = ' '.repeat(width + severityWidth + 6);
    if (finding.evidence) out += `${indent}${paint('dim', `> ${visible(finding.evidence)}`)}\n`;
    if (finding.fix) out += `${indent}${paint('dim', `→ ${visible(finding.fix)}`)}\n`;
  }
  return out;
}

/** The closing summary line. */
function formatSummary(summary, paint, t) {
  const { totals, linted, failing, unreadable } = summary;
  let line = t('cli.summary', { files: linted, counts: countsText(t, totals) });
  if (failing) line = t('cli.joined', { first: line, next: t('cli.summary.refused', { count: failing }) });
  if (unreadable) line = t('cli.joined', { first: line, next: t('cli.summary.unreadable', { count: unreadable }) });
  const style = totals.error || unreadable ? 'red' : totals.warning ? 'yellow' : 'green';
  return `\n${paint(style, line)}\n`;
}

/** @param {{ t: Function, colour: boolean }} context */
function textFormatter(context) {
  const paint = painter(context.colour);
  return {
    start: () => '',
    file: (result) => formatFile(result, paint, context.t),
    end: (summary) => formatSummary(summary, paint, context.t),
  };
}

module.exports = { textFormatter, formatFile, formatSummary };

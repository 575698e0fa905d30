'use strict';
// Human-readable output of `mail-preflight lint`: per file, the verdict, then
// one line per finding (line:column, severity, rule id, message) with its
// evidence and fix below. Colours only when the caller says so (a TTY without NO_COLOR).

const STYLES = { bold: [1, 22], dim: [2, 22], red: [31, 39], yellow: [33, 39], cyan: [36, 39], green: [32, 39] };
const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'cyan' };
const VERDICT_STYLE = { fail: 'red', warn: 'yellow', pass: 'green' };

function painter(colour) {
  return (style, text) => {
    if (!colour) return text;
    const [open, close] = STYLES[style];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  };
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function position(location) {
  if (typeof location.line === 'number') return `${location.line}:${location.column || 1}`;
  return '-';
}

function where(location) {
  const parts = [];
  if (location.header) parts.push(location.header);
  if (location.part !== undefined && location.part !== 0) parts.push(`part ${location.part}`);
  if (location.path) parts.push(location.path);
  return parts.length ? ` [${parts.join(', ')}]` : '';
}

/** The text block of one linted file. */
function formatFile(entry, colour) {
  const paint = painter(colour);
  if (entry.error) {
    return `${paint('bold', entry.file)}\n  ${paint('red', 'cannot lint')}: ${entry.error.message}\n`;
  }
  const { report } = entry;
  const counts = `${plural(report.counts.error, 'error')}, ${plural(report.counts.warning, 'warning')}, `
    + `${report.counts.info} info`;
  let out = `${paint('bold', entry.file)}  ${paint(VERDICT_STYLE[report.verdict], report.verdict)}`
    + `  ${paint('dim', `score ${report.score} · ${counts}`)}\n`;
  const width = Math.max(0, ...report.findings.map((f) => position(f.location).length));
  for (const finding of report.findings) {
    const pos = position(finding.location).padEnd(width);
    const severity = paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(7));
    out += `  ${pos}  ${severity}  ${paint('bold', finding.ruleId)}${where(finding.location)}  ${finding.message}\n`;
    const indent = ' '.repeat(width + 13);
    if (finding.evidence) out += `${indent}${paint('dim', `> ${finding.evidence}`)}\n`;
    if (finding.fix) out += `${indent}${paint('dim', `→ ${finding.fix}`)}\n`;
  }
  return out;
}

/** The closing summary line. */
function formatSummary(entries, colour) {
  const paint = painter(colour);
  const totals = { error: 0, warning: 0, info: 0 };
  let failing = 0;
  let unreadable = 0;
  for (const entry of entries) {
    if (entry.error) {
      unreadable++;
      continue;
    }
    for (const key of Object.keys(totals)) totals[key] += entry.report.counts[key];
    if (entry.report.verdict === 'fail') failing++;
  }
  const problems = totals.error + totals.warning + totals.info;
  let line = `${plural(problems, 'problem')} (${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}, `
    + `${totals.info} info) in ${plural(entries.length - unreadable, 'file')}`;
  if (failing) line += `; ${plural(failing, 'file')} would be refused or blocked`;
  if (unreadable) line += `; ${unreadable} could not be linted`;
  const style = totals.error || unreadable ? 'red' : totals.warning ? 'yellow' : 'green';
  return `\n${paint(style, line)}\n`;
}

module.exports = { formatFile, formatSummary, painter };

/** An SMTP reply explanation as text (shape: SmtpReplyExplanation in index.d.ts). */
function formatExplanation(explanation, colour) {
  const paint = painter(colour);
  const styles = { success: 'green', intermediate: 'cyan', transient: 'yellow', permanent: 'red' };
  const style = styles[explanation.class] || 'bold';
  const code = [explanation.code, explanation.enhanced && explanation.enhanced.code].filter(Boolean).join(' ');
  let out = `${paint('bold', code || '?')}  ${paint(style, explanation.classMeaning || explanation.class)}\n`;
  if (explanation.problem) out += `  ${paint('red', explanation.problem)}\n`;
  if (explanation.meaning) out += `  ${explanation.meaning}\n`;
  if (explanation.action) out += `  → ${explanation.action}\n`;
  if (explanation.enhanced) {
    const { class: cls, subject, detail } = explanation.enhanced;
    out += `  ${paint('dim', [cls, subject, detail].filter(Boolean).join(' · '))}\n`;
  }
  return out;
}

/** A simulation result as text: final state, counters, state changes, notifications. */
function formatSimulation(result, colour) {
  const paint = painter(colour);
  const time = (seconds) => new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC');
  const counters = Object.entries(result.counters || {}).map(([k, v]) => `${k} ${v}`).join(', ');
  let out = `${paint('bold', 'state')}: ${result.state}  (actions: ${(result.actions || []).join(', ') || '-'})\n`;
  out += `${paint('bold', 'counters')}: ${counters}\n`;
  // State changes, rejected actions and notifications in time order (stable for equal times).
  const events = [
    ...(result.timeline || []).map((c) => [c.at, `${c.from} → ${paint('bold', c.to)}  ${c.message}`]),
    ...(result.rejectedActions || []).map((r) => [r.at, `${paint('yellow', `${r.action} rejected`)}  ${r.message}`]),
    ...(result.notifications || []).map((n) => [n.at, paint('dim', `${n.kind} → ${n.to}: ${n.subject}`)]),
  ].sort((a, b) => a[0] - b[0]);
  for (const [at, text] of events) out += `  ${time(at)}  ${text}\n`;
  return out;
}

module.exports.formatExplanation = formatExplanation;
module.exports.formatSimulation = formatSimulation;

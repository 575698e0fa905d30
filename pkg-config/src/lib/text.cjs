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

/**
 * A translator over the engine's catalogue: `t('cli.counts', { errors: 1 })`.
 * Every word of the text output comes from the catalogue, in the chosen language.
 */
function translator(messages) {
  return (id, params = {}) => (messages[id] || id).replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

let english;
/** English, from the engine's catalogue, for callers that pass no translator. */
function ENGLISH(id, params) {
  english = english || translator(require('../index.cjs').messages('en'));
  return english(id, params);
}

function countsText(t, counts) {
  return t('cli.counts', { errors: counts.error, warnings: counts.warning, infos: counts.info });
}

function position(location) {
  if (typeof location.line === 'number') return `${location.line}:${location.column || 1}`;
  return '-';
}

function where(location, t) {
  const parts = [];
  if (location.header) parts.push(location.header);
  if (location.part !== undefined && location.part !== 0) parts.push(t('cli.part', { part: location.part }));
  if (location.path) parts.push(location.path);
  return parts.length ? ` [${parts.join(', ')}]` : '';
}

/** The text block of one linted file. */
function formatFile(entry, colour, t = ENGLISH) {
  const paint = painter(colour);
  if (entry.error) {
    return `${paint('bold', entry.file)}\n  ${paint('red', t('cli.cannot-lint'))}: ${entry.error.message}\n`;
  }
  const { report } = entry;
  const verdict = `${report.verdict} — ${t(`core.verdict.${report.verdict}`)}`;
  let out = `${paint('bold', entry.file)}  ${paint(VERDICT_STYLE[report.verdict], verdict)}`
    + `  ${paint('dim', `${t('core.report.score', { score: report.spamScore })} · ${countsText(t, report.counts)}`)}\n`;
  const width = Math.max(0, ...report.findings.map((f) => position(f.location).length));
  for (const finding of report.findings) {
    const pos = position(finding.location).padEnd(width);
    const severity = paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(7));
    out += `  ${pos}  ${severity}  ${paint('bold', finding.ruleId)}${where(finding.location, t)}  ${finding.message}\n`;
    const indent = ' '.repeat(width + 13);
    if (finding.evidence) out += `${indent}${paint('dim', `> ${finding.evidence}`)}\n`;
    if (finding.fix) out += `${indent}${paint('dim', `→ ${finding.fix}`)}\n`;
  }
  return out;
}

/** The closing summary line. */
function formatSummary(entries, colour, t = ENGLISH) {
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
  let line = t('cli.summary', { files: entries.length - unreadable, counts: countsText(t, totals) });
  if (failing) line += `; ${t('cli.summary.refused', { count: failing })}`;
  if (unreadable) line += `; ${t('cli.summary.unreadable', { count: unreadable })}`;
  const style = totals.error || unreadable ? 'red' : totals.warning ? 'yellow' : 'green';
  return `\n${paint(style, line)}\n`;
}

module.exports = { formatFile, formatSummary, painter, translator };

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
function formatSimulation(result, colour, t = ENGLISH) {
  const paint = painter(colour);
  const time = (seconds) => new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC');
  const counters = Object.entries(result.counters || {}).map(([k, v]) => `${k} ${v}`).join(', ');
  const actions = (result.actions || []).join(', ') || '-';
  let out = `${paint('bold', t('cli.state'))}: ${result.state}  (${t('cli.actions')}: ${actions})\n`;
  out += `${paint('bold', t('cli.counters'))}: ${counters}\n`;
  // State changes, rejected actions and notifications in time order (stable for equal times).
  const events = [
    ...(result.timeline || []).map((c) => [c.at, `${c.from} → ${paint('bold', c.to)}  ${c.message}`]),
    ...(result.rejectedActions || []).map((r) => [r.at, `${paint('yellow', t('cli.rejected', { action: r.action }))}  ${r.message}`]),
    ...(result.notifications || []).map((n) => [n.at, paint('dim', `${n.kind} → ${n.to}: ${n.subject}`)]),
  ].sort((a, b) => a[0] - b[0]);
  for (const [at, text] of events) out += `  ${time(at)}  ${text}\n`;
  return out;
}

module.exports.formatExplanation = formatExplanation;
module.exports.formatSimulation = formatSimulation;

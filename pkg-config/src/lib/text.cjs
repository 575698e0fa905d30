'use strict';
// Text layouts of `mail-preflight explain` (an SMTP reply explained) and
// `mail-preflight simulate` (a queue simulation's outcome). The lint output's
// layout is formats/text.cjs.

const { painter } = require('./paint.cjs');
const { translator } = require('./texts.cjs');

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
function formatSimulation(result, colour, t = translator('en')) {
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


module.exports = { formatExplanation, formatSimulation, painter };

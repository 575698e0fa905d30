// "SMTP reply": the engine's explanation of a server reply (class, meaning,
// action, enhanced code), with sample replies to try, and a link to the rule
// a reply is about (a message too big, one refused as spam).

import { $, el } from '../lib/dom.mjs';
import { text } from '../lib/i18n.mjs';

/** Replies a site owner meets (seed 003's table and RFC 3463 codes), to try in one click. */
export const SAMPLE_REPLIES = [
  '550 5.1.1 <someone@example.com>: Recipient address rejected: User unknown',
  '451 4.7.1 Greylisted, please try again later',
  '552 5.3.4 Message size exceeds fixed limit',
  '554 5.7.1 Message rejected as spam',
  '555 5.5.4 Too many messages sent, try later',
];

/** Enhanced status codes (RFC 3463) that point at one of our rules. */
const RELATED_RULES = [
  [/^5\.3\.4$/, 'size/total'],
  [/^5\.7\.1$/, 'spam/'],
];

export function setupExplain({ engine, state }) {
  const missing = !state.features.explainSmtpReply;
  $('explain-missing').hidden = !missing;
  $('explain-run').disabled = missing;
  $('smtp-reply').disabled = missing;
  let last = null;

  function row(rows, key, value, isCode = false) {
    if (value === undefined || value === null || value === '') return;
    rows.push(el('dt', { text: text(key) }), el('dd', {}, isCode ? el('code', { translate: 'no', text: value }) : value));
  }

  function render(result) {
    const rows = [];
    row(rows, 'ui.explain.meaning', result.meaning);
    row(rows, 'ui.explain.action', result.action);
    row(rows, 'ui.explain.retry', text(result.retry ? 'ui.explain.retry.yes' : 'ui.explain.retry.no'));
    if (result.enhanced) {
      row(rows, 'ui.explain.enhanced', [result.enhanced.class, result.enhanced.subject, result.enhanced.detail].filter(Boolean).join(' — '));
    }
    row(rows, 'ui.explain.text', result.text, true);
    const heading = el('h2', { class: `reply-class reply-${result.class}` }, [
      el('code', { translate: 'no', text: [result.code, result.enhanced && result.enhanced.code].filter(Boolean).join(' ') }),
      ' ', result.classMeaning || '',
    ]);
    const parts = [heading];
    if (result.problem) parts.push(el('p', { class: 'warn-note', text: result.problem }));
    parts.push(el('dl', { class: 'explanation' }, rows));
    const related = result.enhanced && RELATED_RULES.find(([pattern]) => pattern.test(result.enhanced.code));
    if (related) {
      const rule = state.rules.find((r) => r.id.startsWith(related[1]));
      const target = related[1].endsWith('/') ? `#rules` : `#rules/${related[1]}`;
      if (rule) parts.push(el('p', {}, el('a', { href: target, text: text('ui.explain.related', { rule: related[1].replace(/\/$/, '') }) })));
    }
    $('explanation').replaceChildren(...parts);
  }

  async function explain() {
    if (missing) return;
    const box = $('explanation');
    try {
      last = await engine.call('explainSmtpReply', [$('smtp-reply').value, state.locale]);
      render(last);
    } catch (err) {
      last = null;
      box.replaceChildren(el('p', { class: 'error', text: text('ui.explain.failed', { detail: err.message }) }));
    }
    box.hidden = false;
  }

  $('explain-form').addEventListener('submit', (e) => {
    e.preventDefault();
    explain();
  });
  $('explain-samples').replaceChildren(...SAMPLE_REPLIES.map((reply) => el('li', {}, el('button', {
    type: 'button', class: 'link-button', translate: 'no', text: reply, disabled: missing,
    onclick: () => {
      $('smtp-reply').value = reply;
      explain();
    },
  }))));

  return {
    async relocalize() {
      if (last) await explain();
    },
  };
}

// "SMTP reply": the engine's explanation of a server reply (class, meaning,
// action, enhanced code), with sample replies to try, and a link to the rule
// a reply is about (a message too big, one refused as spam).

import { $, el } from '../lib/dom.mjs';
import { text } from '../lib/i18n.mjs';
import { renderExplanation, wireExplainBox } from './simulate/explanation.mjs';

/** Replies a site owner meets (seed 003's table and RFC 3463 codes), to try in one click. */
export const SAMPLE_REPLIES = [
  '550 5.1.1 <someone@example.com>: Recipient address rejected: User unknown',
  '451 4.7.1 Greylisted, please try again later',
  '552 5.3.4 Message size exceeds fixed limit',
  '554 5.7.1 Message rejected as spam',
  '555 5.5.4 Too many messages sent, try later',
];

export function setupExplain({ engine, state }) {
  let last = null;

  // The engine's explanation (and the rules it relates to) shown by the one view
  // the simulation's error log also uses.
  function render(result) {
    $('explanation').replaceChildren(renderExplanation(result, { t: text, el }));
  }

  async function explain() {
    const box = $('explanation');
    try {
      // The SMTP settings last checked under Troubleshoot (views/troubleshoot.mjs), when
      // there are some: a reply asking for STARTTLS is then read against their port and security.
      const settings = state.smtpSettings || null;
      last = await engine.call('explainSmtpReply', [$('smtp-reply').value, state.locale, settings]);
      render(last);
      if (settings) box.append(el('p', { class: 'hint', id: 'explain-with-settings', text: text('page.explain.with-settings') }));
    } catch (err) {
      last = null;
      box.replaceChildren(el('p', { class: 'error', text: text('ui.explain.failed', { detail: err.message }) }));
    }
    box.hidden = false;
  }

  wireExplainBox({ form: $('explain-form'), box: $('smtp-reply') });
  $('explain-form').addEventListener('submit', (e) => {
    e.preventDefault();
    explain();
  });
  $('explain-samples').replaceChildren(...SAMPLE_REPLIES.map((reply) => el('li', {}, el('button', {
    type: 'button', class: 'link-button', translate: 'no', text: reply,
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

// "Recent checks": the last checks made in this browser (lib/history.mjs),
// each with its verdict, and an "Open" button when the message was kept.

import { $, el } from '../lib/dom.mjs';
import { text } from '../lib/i18n.mjs';
import { nameElement } from '../lib/names.mjs';
import { listChecks, addCheck, clearChecks, subjectOf } from '../lib/history.mjs';
import { shareFragment, readShareFragment } from '../lib/share.mjs';

/**
 * The Subject as the visitor typed it in the compose or mail() form: the message the
 * engine renders carries it as RFC 2047 encoded words ("=?UTF-8?Q?Caf=C3=A9…?="), which
 * the list showed (audit defect 04). A raw message's Subject is listed with its encoded
 * words decoded (lib/history.mjs `subjectOf`).
 */
function typedSubject(request) {
  const fields = request && (request.kind === 'compose' ? request.compose : request.kind === 'php' ? request.call : null);
  const subject = fields && typeof fields.subject === 'string' ? fields.subject : '';
  return subject.replace(/[\r\n]+/g, ' ').trim().slice(0, 120);
}

export function setupHistory(ctx) {
  function render() {
    const list = listChecks();
    $('history').hidden = list.length === 0;
    $('history-summary').textContent = text('ui.history.title', { count: list.length });
    const when = new Intl.DateTimeFormat(ctx.state.locale, { dateStyle: 'short', timeStyle: 'short' });
    $('history-list').replaceChildren(...list.map((entry) => el('li', { class: `history-entry verdict-${entry.verdict}` }, [
      el('time', { datetime: new Date(entry.at).toISOString(), text: when.format(new Date(entry.at)) }),
      el('span', { class: `badge verdict-badge-${entry.verdict}`, text: text(`core.verdict.${entry.verdict}`) }),
      // A file name or Subject: isolated, its hiding characters shown (lib/names.mjs).
      entry.label ? nameElement(entry.label, { class: 'history-label' }) : el('span', { class: 'history-label', text: text('ui.history.untitled') }),
      el('span', { class: 'hint', text: text('ui.verdict.counts', { errors: entry.counts.error, warnings: entry.counts.warning, infos: entry.counts.info }) }),
      entry.fragment
        ? el('button', { type: 'button', class: 'secondary small', text: text('ui.history.open'), onclick: () => open(entry) })
        : el('span', { class: 'hint', text: text('ui.history.not-kept') }),
    ])));
  }

  async function open(entry) {
    try {
      await ctx.lint.open(await readShareFragment(entry.fragment));
    } catch {
      $('history-status').textContent = text('ui.history.broken');
    }
  }

  $('history-clear').addEventListener('click', () => {
    clearChecks();
    render();
  });

  return {
    render,
    /** Records the report just shown. */
    async record({ report, request, linted }) {
      const label = (request && request.name) || typedSubject(request) || subjectOf(linted);
      let fragment = null;
      try {
        fragment = await shareFragment(request);
      } catch { /* kept without the message */ }
      addCheck({ label, verdict: report.verdict, counts: report.counts, fragment });
      render();
    },
  };
}

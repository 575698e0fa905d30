// "Recent checks": the last checks made in this browser (lib/history.mjs),
// each with its verdict, and an "Open" button when the message was kept.

import { $, el } from '../lib/dom.mjs';
import { text } from '../lib/i18n.mjs';
import { listChecks, addCheck, clearChecks, subjectOf } from '../lib/history.mjs';
import { shareFragment, readShareFragment } from '../lib/share.mjs';

export function setupHistory(ctx) {
  function render() {
    const list = listChecks();
    $('history').hidden = list.length === 0;
    $('history-summary').textContent = text('ui.history.title', { count: list.length });
    const when = new Intl.DateTimeFormat(ctx.state.locale, { dateStyle: 'short', timeStyle: 'short' });
    $('history-list').replaceChildren(...list.map((entry) => el('li', { class: `history-entry verdict-${entry.verdict}` }, [
      el('time', { datetime: new Date(entry.at).toISOString(), text: when.format(new Date(entry.at)) }),
      el('span', { class: `badge verdict-badge-${entry.verdict}`, text: text(`core.verdict.${entry.verdict}`) }),
      el('span', { class: 'history-label', translate: 'no', text: entry.label || text('ui.history.untitled') }),
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
      const label = (request && request.name) || subjectOf(linted);
      let fragment = null;
      try {
        fragment = await shareFragment(request);
      } catch { /* kept without the message */ }
      addCheck({ label, verdict: report.verdict, counts: report.counts, fragment });
      render();
    },
  };
}

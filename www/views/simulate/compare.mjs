// Two scenarios side by side: B starts as a copy of A (or A without its spam
// streams: "what a captcha changes"), the engine runs both, and the page shows
// each run's numbers and every one that differs.

import { RED_STATES, STATE_KEYS, stateName, duration } from './format.mjs';

const ROWS = ['state', 'redSeconds', 'mails', 'delivered', 'spamDelivered', 'returned', 'lost', 'pending', 'held', 'maxQueue',
  'longestHoldSeconds', 'abuseNotices', 'spamEpisodes'];

/** A copy of `scenario` without the streams the last run judged spam. */
export function withoutSpam(scenario, result) {
  const copy = JSON.parse(JSON.stringify(scenario));
  const spam = new Set((result && result.streams || []).map((s, i) => (s.kind === 'spam' ? i : -1)).filter((i) => i >= 0));
  copy.streams = (copy.streams || []).filter((s, i) => !spam.has(i) && s.verdict !== 'spam');
  return copy;
}

export function renderComparison(host, { comparison, t, el, number }) {
  const cell = (run, key) => {
    const value = run[key];
    if (key === 'state') {
      return el('td', { class: RED_STATES.includes(value) ? 'red' : 'green', dataset: { state: value } }, [
        el('span', { class: `badge state-${STATE_KEYS[value]}`, text: stateName(t, value) }),
      ]);
    }
    if (key === 'redSeconds' || key === 'longestHoldSeconds') return el('td', { text: duration(t, value || 0, number) });
    return el('td', { text: number(value ?? 0) });
  };
  host.replaceChildren(
    el('table', { class: 'comparison', id: 'comparison-table' }, [
      el('thead', {}, el('tr', {}, [
        el('th', { scope: 'col', text: '' }),
        el('th', { scope: 'col', text: t('queue.view.compare.a') }),
        el('th', { scope: 'col', text: t('queue.view.compare.b') }),
      ])),
      el('tbody', {}, ROWS.map((key) => el('tr', { dataset: { row: key }, class: comparison.a[key] === comparison.b[key] ? '' : 'differs' }, [
        el('th', { scope: 'row', text: t(`queue.view.compare.row.${key}`) }), cell(comparison.a, key), cell(comparison.b, key),
      ]))),
    ]),
    el('h4', { text: t('queue.view.compare.differences') }),
    comparison.differences.length
      ? el('ul', { id: 'comparison-differences' }, comparison.differences.map((d) => el('li', { text: d })))
      : el('p', { class: 'hint', text: t('queue.view.compare.same') }),
  );
}

// The result of a run, as the engine computed it: the final state and what it
// means, every counter (refused, pending and the SMTP path included), the state
// timeline and the history in the scenario's time zone, each change with the mail
// that caused it and what to do, notifications and the error log, each stream's
// lint result, the answers, and every value the run relies on (guide or ours).

import { timelineChart, barChart } from '../../lib/charts.mjs';
import { RED_STATES, STATE_KEYS, STATES, stateName, stateLabel, actionName, duration } from './format.mjs';

const COUNTERS = ['mails', 'sent', 'errors', 'held', 'expired', 'purged', 'refused', 'pending', 'maxQueue',
  'smtpAccepted', 'smtpRefused', 'smtpBounced'];

/** State intervals from the timeline of changes: [{from, to, state}]. */
export function stateBands(result) {
  const bands = [];
  const changes = result.timeline || [];
  let state = changes.length ? changes[0].from : result.state;
  let from = result.start;
  for (const change of changes) {
    // A state left at the instant it was entered keeps a zero-length band (a thin
    // line), so the chart never hides a state the log names.
    if (change.at >= from) bands.push({ from, to: change.at, state });
    state = change.to;
    from = Math.max(from, change.at);
  }
  if (result.end > from) bands.push({ from, to: result.end, state });
  return bands;
}

function ruleLink(el, id) {
  const target = id.endsWith('/') ? `#rules` : `#rules/${id}`;
  return el('a', { href: target, class: 'rule-link', translate: 'no', text: id });
}

/** Renders a result into `parts` (the view's containers). */
export function renderResult(parts, { result, fmt, t, el, number, origins, timelineSpan }) {
  const c = result.counters;
  const red = RED_STATES.includes(result.state);
  parts.summary.replaceChildren(
    el('div', { class: `counter final state-${STATE_KEYS[result.state]}`, dataset: { finalState: result.state } }, [
      el('span', { class: 'value', text: stateName(t, result.state) }),
      el('span', { class: 'label', text: t('queue.view.final-state') }),
      el('span', { class: 'about', text: t(`queue.state.${STATE_KEYS[result.state]}.about`) }),
    ]),
    ...COUNTERS.map((key) => el('div', { class: 'counter', dataset: { counter: key } }, [
      el('span', { class: 'value', text: number(c[key] || 0) }),
      el('span', { class: 'label', text: t(`queue.view.counter.${key}`) }),
    ])),
    el('div', { class: 'counter', dataset: { counter: 'redSeconds' } }, [
      el('span', { class: 'value', text: duration(t, c.redSeconds || 0, number) }),
      el('span', { class: 'label', text: t('queue.view.counter.redSeconds') }),
    ]),
  );
  parts.zone.textContent = t('queue.view.zone-note', { zone: fmt.zone(result.start), tzdata: result.tzdata });
  parts.summary.dataset.red = String(red);

  // The timeline chart and its legend.
  const bands = stateBands(result).map((b) => ({
    ...b, className: `state-${STATE_KEYS[b.state]}`,
    label: t('queue.view.band', { state: stateName(t, b.state), from: fmt.when(b.from), to: fmt.when(b.to) }),
  }));
  const series = result.series || { queue: [], sent: [], errors: [], bucketSeconds: 3600, start: result.start };
  parts.legend.replaceChildren(
    ...STATES.filter((s) => bands.some((b) => b.state === s))
      .map((s) => el('span', { class: `key state-${STATE_KEYS[s]}`, text: stateLabel(t, s) })),
    el('span', { class: 'key line-queue', text: t('queue.view.line.queue') }),
    el('span', { class: 'key line-sent', text: t('queue.view.line.sent') }),
    el('span', { class: 'key line-errors', text: t('queue.view.line.errors') }),
  );
  const cumulative = (values) => {
    let total = 0;
    return values.map((v) => (total += v));
  };
  const seriesEnd = series.start + series.bucketSeconds * series.queue.length;
  const [from, to] = timelineSpan(Math.max(result.end, seriesEnd));
  parts.timeline.replaceChildren(timelineChart({
    start: from, end: to, seriesStart: series.start, bucketSeconds: series.bucketSeconds, bands,
    lines: [
      { name: 'queue', className: 'line-queue', values: series.queue, label: t('queue.view.line.queue'), axis: 'left' },
      { name: 'sent', className: 'line-sent', values: cumulative(series.sent), label: t('queue.view.line.sent'), axis: 'right' },
      { name: 'errors', className: 'line-errors', values: cumulative(series.errors), label: t('queue.view.line.errors'), axis: 'right' },
    ],
    formatTime: fmt.tick, formatNumber: (n) => number(n),
    title: t('queue.view.timeline'), description: bands.map((b) => b.label).join('; '),
  }));
  const history = result.history || [];
  // A day the snapshot gives no volume for (null) is unknown, not 0 (as the chart draws it).
  const dayText = (d) => (d.volume === null || d.volume === undefined
    ? t('queue.view.day.unknown', { date: fmt.day(d.date) })
    : t('queue.view.day', { date: fmt.day(d.date), volume: number(d.volume) }));
  parts.history.replaceChildren(barChart({
    days: history, formatNumber: (n) => number(n), title: t('queue.view.history'),
    description: history.map(dayText).join('; '), label: dayText, dayLabel: (d) => fmt.day(d.date),
  }));

  // What happened, in time order: changes (with the mail and the measure, and what to do),
  // clicks applied or refused (with whose click it was), and notifications.
  const originOf = (at, action) => {
    const i = (origins.actions || []).findIndex((a) => result.start + a.at === at && String(a.action).toUpperCase() === action);
    return i >= 0 ? origins.list[i] || 'yours' : 'yours';
  };
  const events = [
    ...(result.timeline || []).map((ch) => ({
      at: ch.at, className: `change state-${STATE_KEYS[ch.to]}`, state: ch.to,
      body: [el('span', { text: ch.message }), ch.advice ? el('span', { class: 'advice', text: ch.advice }) : null],
    })),
    ...(result.appliedActions || []).map((a) => ({
      at: a.at, className: `applied origin-${originOf(a.at, a.action)}`,
      body: [el('span', {
        text: a.superseded ? `${t('queue.view.applied', { action: actionName(t, a.action) })} ${a.superseded.message}`
          : a.expected
          ? t('queue.view.applied-range', { action: actionName(t, a.action), effective: fmt.when(a.effectiveAt), earliest: fmt.when(a.expected.earliest), latest: fmt.when(a.expected.latest) })
          : t('queue.view.applied', { action: actionName(t, a.action) }),
      }), el('span', { class: 'badge', text: t(`queue.view.origin.${originOf(a.at, a.action)}`) })],
    })),
    ...(result.rejectedActions || []).map((a) => ({
      at: a.at, className: `rejected origin-${originOf(a.at, a.action)}`,
      body: [el('span', { text: a.message }), el('span', { class: 'badge', text: t(`queue.view.origin.${originOf(a.at, a.action)}`) })],
    })),
    ...(result.notifications || []).map((n) => ({
      at: n.at, className: `notice-${n.kind}`,
      body: [el('span', { text: n.to ? t('queue.view.notification', { subject: n.subject, to: n.to }) : t('queue.view.notification.no-recipient', { subject: n.subject }) })],
    })),
  ].sort((a, b) => a.at - b.at);
  parts.events.replaceChildren(...events.map((n) => el('li', { class: n.className, dataset: n.state ? { state: n.state } : {} }, [
    el('time', { datetime: new Date(n.at * 1000).toISOString(), text: fmt.when(n.at) }), ' ', ...n.body,
  ])));
  if (!events.length) parts.events.append(el('li', { class: 'hint', text: t('queue.view.no-events') }));

  // The error log, newest last, as the panel's "E-mails in error" list.
  const log = result.errorLog || [];
  parts.errors.replaceChildren(
    el('p', { class: 'hint', text: t('queue.view.error-log', { shown: number(log.length), total: number(result.errorLogTotal || 0) }) }),
    log.length ? el('div', { class: 'scroll-box', tabindex: '0', role: 'region', 'aria-label': t('queue.view.errors') }, el('table', { class: 'error-log' }, [
      el('thead', {}, el('tr', {}, ['date', 'to', 'message'].map((k) => el('th', { scope: 'col', text: t(`queue.view.error-log.${k}`) })))),
      el('tbody', {}, log.slice().reverse().map((entry) => {
        const at = entry.date ? Date.parse(entry.date) / 1000 : NaN;
        return el('tr', {}, [
          el('td', { text: Number.isNaN(at) ? (entry.date || '–') : fmt.when(at) }),
          el('td', { translate: 'no', text: entry.to || '–' }),
          el('td', {}, entry.message ? el('a', { href: `#explain/${encodeURIComponent(entry.message)}`, translate: 'no', text: entry.message }) : '–'),
        ]);
      })),
    ])) : null,
  );

  // Each stream: its mails, outcomes, and what the linter made of its message.
  parts.streams.replaceChildren(el('table', { class: 'streams-table' }, [
    el('thead', {}, el('tr', {}, ['name', 'transport', 'kind', 'mails', 'outcomes', 'lint'].map((k) => el('th', { scope: 'col', text: t(`queue.view.streams.${k}`) })))),
    el('tbody', {}, (result.streams || []).map((s, i) => el('tr', { dataset: { stream: String(i), kind: s.kind } }, [
      el('td', { text: s.name || `#${i + 1}` }),
      el('td', { text: t(`queue.view.transport.${s.transport}`) }),
      el('td', { text: t(`queue.view.kind.${s.kind}`) }),
      el('td', { text: number(s.mails) }),
      el('td', { text: Object.entries(s.outcomes || {}).map(([o, n]) => `${t(`queue.outcome.${o}`)}: ${number(n)}`).join(', ') }),
      el('td', { class: 'lint' }, s.lint ? [
        el('span', { class: `badge verdict-${s.lint.verdict}`, text: t(`queue.view.verdict.${s.lint.verdict}`) }),
        // Kind `returned`: why receivers send every mail back (the engine's text, in the scenario's language).
        s.lint.returned ? el('p', { class: 'hint', dataset: { returned: '' }, text: s.lint.returned }) : null,
        el('ul', { class: 'plain' }, s.lint.findings.map((f) => el('li', { class: `sev-${f.severity}` }, [ruleLink(el, f.ruleId), ' ', f.message]))),
      ] : el('span', { class: 'hint', text: t(s.logged ? 'queue.view.streams.logged' : 'queue.view.streams.declared') })),
    ]))),
  ]));

  // The owner's questions.
  const answers = result.answers || {};
  const answerItems = [];
  if (answers.maxSteadyRate) answerItems.push(el('li', { dataset: { answer: 'rate' }, text: answers.maxSteadyRate.message }));
  if (answers.timeFor) answerItems.push(el('li', { dataset: { answer: 'time' }, text: answers.timeFor.message }));
  if (answers.captcha) {
    answerItems.push(el('li', { dataset: { answer: 'captcha' } }, [
      el('span', { text: t('queue.view.captcha') }),
      el('ul', {}, answers.captcha.differences.map((d) => el('li', { text: d }))),
    ]));
  }
  parts.answers.replaceChildren(...answerItems);

  // Every value the run relies on, labelled guide / ours / yours, with the range to expect.
  parts.assumptions.replaceChildren(el('table', { class: 'assumptions' }, [
    el('thead', {}, el('tr', {}, ['field', 'value', 'source', 'note'].map((k) => el('th', { scope: 'col', text: t(`queue.view.assumptions.${k}`) })))),
    el('tbody', {}, (result.assumptions || []).map((a) => el('tr', { dataset: { field: a.field, source: a.source } }, [
      el('td', { translate: 'no' }, el('code', { text: a.field })),
      el('td', { text: a.shown }),
      el('td', {}, [el('span', { class: `badge source-${a.source}`, text: t(`queue.view.source.${a.source}`) }),
        a.expectedShown ? el('span', { class: 'hint', text: ` ${t('queue.view.expected-shown', { range: a.expectedShown })}` }) : null]),
      el('td', { text: a.note }),
    ]))),
  ]));
}

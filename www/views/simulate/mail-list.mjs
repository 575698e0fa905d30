// Every mail of a run, one row each, for a million rows: the engine's mail table
// (typed arrays: outcome, stream, created, settled) drawn as a virtual list. Only
// the rows in view exist in the page; a filter by outcome and stream builds an
// index of matching ids in one pass over the table.

import { OUTCOMES } from './format.mjs';

const ROW_HEIGHT = 28;
const VIEW_ROWS = 15;
/** Tallest spacer the browser draws reliably; beyond it the scroll position is scaled. */
const MAX_SPACER_PX = 8_000_000;

/**
 * `host`: container; `result`: the simulation (with `mailTable`); `fmt`: the clock;
 * `t`, `el`, `number` from the page.
 */
export function renderMailList(host, { result, fmt, t, el, number }) {
  const table = result.mailTable;
  if (!table || !table.outcome) {
    host.replaceChildren(el('p', { class: 'hint', text: t('queue.view.mails.none') }));
    return;
  }
  const total = table.outcome.length;
  const streams = result.streams || [];
  const outcomeSelect = el('select', { id: 'mail-filter-outcome' }, [
    el('option', { value: '', text: t('queue.view.mails.all-outcomes') }),
    ...OUTCOMES.map((o, i) => el('option', { value: String(i), text: t(`queue.outcome.${o}`) })),
  ]);
  const streamSelect = el('select', { id: 'mail-filter-stream' }, [
    el('option', { value: '', text: t('queue.view.mails.all-streams') }),
    ...streams.map((s, i) => el('option', { value: String(i), text: s.name || `#${i + 1}` })),
  ]);
  const count = el('span', { class: 'hint', id: 'mail-count', role: 'status', 'aria-live': 'polite' });
  const viewport = el('div', {
    class: 'mail-viewport', id: 'mail-viewport', role: 'table', tabindex: '0',
    'aria-label': t('queue.view.mails.title'),
  });
  const spacer = el('div', { class: 'mail-spacer' });
  const rows = el('div', { class: 'mail-rows', role: 'rowgroup' });
  spacer.append(rows);
  const header = el('div', { class: 'mail-row mail-head', role: 'row' }, [
    'id', 'stream', 'created', 'outcome', 'settled', 'reply',
  ].map((c) => el('span', { role: 'columnheader', class: `c-${c}`, text: t(`queue.view.mails.column.${c}`) })));
  viewport.append(header, spacer);

  let index = null; // Uint32Array of matching ids, or null for all
  let shown = total;
  const start = result.start;

  function filter() {
    const o = outcomeSelect.value === '' ? -1 : Number(outcomeSelect.value);
    const s = streamSelect.value === '' ? -1 : Number(streamSelect.value);
    if (o < 0 && s < 0) {
      index = null;
      shown = total;
    } else {
      const ids = new Uint32Array(total);
      let n = 0;
      for (let id = 0; id < total; id++) {
        if ((o < 0 || table.outcome[id] === o) && (s < 0 || table.stream[id] === s)) ids[n++] = id;
      }
      index = ids.subarray(0, n);
      shown = n;
    }
    count.textContent = t('queue.view.mails.count', { shown: number(shown), total: number(total) });
    viewport.setAttribute('aria-rowcount', String(shown + 1));
    // CSSOM, not a style attribute: the page's CSP allows no inline style.
    spacer.style.height = `${Math.min(shown * ROW_HEIGHT, MAX_SPACER_PX)}px`;
    viewport.scrollTop = 0;
    draw();
  }

  function reply(id) {
    const stream = streams[table.stream[id]];
    const outcome = OUTCOMES[table.outcome[id]];
    if (!stream) return '';
    if (outcome === 'bounced' || outcome === 'heldThenBounced') return stream.bounceReply || '';
    if (outcome === 'refused') return stream.refusedReply || '';
    return '';
  }

  function draw() {
    const height = Math.min(shown * ROW_HEIGHT, MAX_SPACER_PX);
    const scrollable = Math.max(1, height - VIEW_ROWS * ROW_HEIGHT);
    const fraction = Math.min(1, viewport.scrollTop / scrollable);
    const first = Math.max(0, Math.min(shown - VIEW_ROWS, Math.round(fraction * Math.max(0, shown - VIEW_ROWS))));
    const last = Math.min(shown, first + VIEW_ROWS + 2);
    const top = shown * ROW_HEIGHT <= MAX_SPACER_PX ? first * ROW_HEIGHT : viewport.scrollTop;
    rows.style.transform = `translateY(${top}px)`;
    const out = [];
    for (let position = first; position < last; position++) {
      const id = index ? index[position] : position;
      const outcome = OUTCOMES[table.outcome[id]];
      const stream = streams[table.stream[id]];
      out.push(el('div', { class: `mail-row outcome-${outcome}`, role: 'row', 'aria-rowindex': String(position + 2), dataset: { id: String(id) } }, [
        el('span', { role: 'cell', class: 'c-id', text: `#${id}` }),
        el('span', { role: 'cell', class: 'c-stream', text: stream ? stream.name : '' }),
        el('span', { role: 'cell', class: 'c-created', text: fmt.when(start + table.created[id]) }),
        el('span', { role: 'cell', class: 'c-outcome', text: t(`queue.outcome.${outcome}`) }),
        el('span', { role: 'cell', class: 'c-settled', text: fmt.when(start + table.settled[id]) }),
        el('span', { role: 'cell', class: 'c-reply', translate: 'no', text: reply(id) }),
      ]));
    }
    rows.replaceChildren(...out);
  }

  let frame = 0;
  viewport.addEventListener('scroll', () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      draw();
    });
  });
  viewport.addEventListener('keydown', (e) => {
    const step = { ArrowDown: ROW_HEIGHT, ArrowUp: -ROW_HEIGHT, PageDown: ROW_HEIGHT * VIEW_ROWS, PageUp: -ROW_HEIGHT * VIEW_ROWS }[e.key];
    if (e.key === 'Home') viewport.scrollTop = 0;
    else if (e.key === 'End') viewport.scrollTop = viewport.scrollHeight;
    else if (step) viewport.scrollTop += step;
    else return;
    e.preventDefault();
  });
  outcomeSelect.addEventListener('change', filter);
  streamSelect.addEventListener('change', filter);
  host.replaceChildren(
    el('div', { class: 'row' }, [
      el('label', { for: 'mail-filter-outcome', text: t('queue.view.mails.filter-outcome') }), outcomeSelect,
      el('label', { for: 'mail-filter-stream', text: t('queue.view.mails.filter-stream') }), streamSelect, count,
    ]),
    viewport,
  );
  filter();
}

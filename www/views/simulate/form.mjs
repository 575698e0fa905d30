// The scenario as a form (the hosting's state, the streams of mails, the clicks),
// with the JSON as the advanced view. The scenario object is the one source of
// truth: the form writes into it, the JSON shows it, and JSON typed by hand
// redraws the form. Fields the form does not show (thresholds, history, the
// error log) stay in the JSON untouched.

import { STATES, stateName, actionName } from './format.mjs';

const ACTIONS = ['BLOCK', 'UNBLOCK', 'PURGE', 'CHANGE_RECIPIENT'];
const KINDS = ['clean', 'spam', 'refused'];

/** Seconds → the value of an <input type=number> in minutes (blank for none). */
const minutes = (seconds) => (seconds === undefined || seconds === null ? '' : String(Math.round(seconds / 60)));

/**
 * `host`: the container; `model`: {scenario, origins} (origins[i] is 'example' or 'yours'
 * for scenario.actions[i]); `zones`: the engine's time-zone names; `onChange()` after every edit.
 */
export function renderForm(host, { model, zones, t, el, number, onChange }) {
  const s = model.scenario;
  s.service = s.service || {};
  s.streams = s.streams || [];
  s.actions = s.actions || [];
  const changed = () => onChange();
  const field = (id, label, input, hint) => el('p', { class: 'field' }, [
    el('label', { for: id, text: label }), input, hint ? el('span', { class: 'hint', text: hint }) : null,
  ]);
  const numberInput = (id, value, set, attrs = {}) => el('input', {
    id, type: 'number', min: '0', step: 'any', value: value === undefined || value === null ? '' : String(value), ...attrs,
    oninput: (e) => {
      set(e.target.value === '' ? undefined : Number(e.target.value));
      changed();
    },
  });
  const textInput = (id, value, set, attrs = {}) => el('input', {
    id, type: 'text', value: value ?? '', autocomplete: 'off', ...attrs,
    oninput: (e) => {
      set(e.target.value);
      changed();
    },
  });

  // — The hosting: zone, start, the API snapshot's service object.
  const zone = el('select', { id: 'sim-time-zone', onchange: (e) => { s.timeZone = e.target.value; changed(); } },
    zones.map((name) => el('option', { value: name, text: name })));
  zone.value = s.timeZone || 'Europe/Paris';
  const state = el('select', { id: 'sim-state', onchange: (e) => { s.service.state = e.target.value; changed(); } },
    // The API's name follows the panel's when they differ ("Disabled (ko)"); "Bounce (bounce)" would say it twice.
    STATES.map((value) => {
      const name = stateName(t, value);
      return el('option', { value, text: name.toLowerCase() === value ? name : `${name} (${value})` });
    }));
  state.value = s.service.state || 'ok';
  const startText = typeof s.start === 'string' ? s.start.slice(0, 16) : '';
  const hosting = el('fieldset', { class: 'card' }, [
    el('legend', { text: t('queue.view.form.hosting') }),
    el('div', { class: 'grid2' }, [
      field('sim-time-zone', t('queue.view.form.time-zone'), zone, t('queue.view.form.time-zone-hint')),
      field('sim-start', t('queue.view.form.start'), el('input', {
        id: 'sim-start', type: 'datetime-local', value: startText,
        onchange: (e) => { if (e.target.value) s.start = e.target.value; else delete s.start; changed(); },
      }), t('queue.view.form.start-hint')),
      field('sim-domain', t('queue.view.form.domain'), textInput('sim-domain', s.domain, (v) => { s.domain = v; })),
      field('sim-state', t('queue.view.form.state'), state),
      field('sim-sent', t('queue.view.form.sent'), numberInput('sim-sent', s.service.sent, (v) => { s.service.sent = v ?? 0; })),
      field('sim-sent-today', t('queue.view.form.sent-today'), numberInput('sim-sent-today', s.service.sentToday, (v) => { s.service.sentToday = v ?? 0; })),
      field('sim-bounce', t('queue.view.form.bounce'), numberInput('sim-bounce', s.service.bounce, (v) => { s.service.bounce = v ?? 0; })),
      field('sim-max-per-day', t('queue.view.form.max-per-day'), numberInput('sim-max-per-day', s.service.maxPerDay, (v) => {
        if (v === undefined) delete s.service.maxPerDay; else s.service.maxPerDay = v;
      }), t('queue.view.form.max-per-day-hint')),
      field('sim-email', t('queue.view.form.email'), textInput('sim-email', s.service.email, (v) => { s.service.email = v || null; }, { type: 'email' })),
    ]),
  ]);

  // — The streams: one row each.
  const streamRows = s.streams.map((stream, i) => {
    const id = (name) => `sim-stream-${i}-${name}`;
    const kind = el('select', { id: id('kind'), onchange: (e) => { stream.verdict = e.target.value; delete stream.message; changed(); } },
      KINDS.map((value) => el('option', { value, text: t(`queue.view.kind.${value}`) })));
    if (stream.message) kind.prepend(el('option', { value: '', text: t('queue.view.kind.message') }));
    kind.value = stream.message && !stream.verdict ? '' : stream.verdict || 'clean';
    const transport = el('select', { id: id('transport'), onchange: (e) => { stream.transport = e.target.value; changed(); } },
      ['mail', 'smtp'].map((value) => el('option', { value, text: t(`queue.view.transport.${value}`) })));
    transport.value = stream.transport || 'mail';
    const logged = typeof stream.log === 'string';
    const cells = [
      field(id('name'), t('queue.view.form.stream-name'), textInput(id('name'), stream.name, (v) => { stream.name = v; })),
      field(id('transport'), t('queue.view.form.transport'), transport),
      field(id('kind'), t('queue.view.form.kind'), kind),
      field(id('start'), t('queue.view.form.stream-start'), numberInput(id('start'), minutes(stream.start), (v) => { stream.start = Math.round((v ?? 0) * 60); })),
    ];
    if (logged) {
      const lines = stream.log.split(/\r?\n/).filter((l) => l.trim()).length;
      cells.push(el('p', { class: 'hint', text: t('queue.view.form.logged', { lines: number(lines) }) }));
    } else {
      cells.push(
        field(id('count'), t('queue.view.form.count'), numberInput(id('count'), stream.count, (v) => {
          if (v === undefined) delete stream.count; else stream.count = Math.round(v);
        })),
        field(id('rate'), t('queue.view.form.rate'), numberInput(id('rate'), stream.rate, (v) => { stream.rate = v ?? 0; })),
        field(id('duration'), t('queue.view.form.duration'), numberInput(id('duration'), minutes(stream.duration), (v) => {
          stream.duration = Math.round((v ?? 0) * 60);
        })),
        field(id('share'), t('queue.view.form.bounce-share'), numberInput(id('share'),
          stream.bounceShare === undefined ? '' : Math.round(stream.bounceShare * 1000) / 10,
          (v) => { stream.bounceShare = Math.min(100, v ?? 0) / 100; }, { max: '100' })),
      );
    }
    cells.push(field(id('domain'), t('queue.view.form.recipient-domain'),
      textInput(id('domain'), stream.recipientDomain, (v) => { stream.recipientDomain = v; })));
    return el('li', { class: 'stream-row card', dataset: { stream: String(i) } }, [
      el('div', { class: 'grid4' }, cells),
      el('button', { type: 'button', class: 'secondary', text: t('queue.view.form.remove-stream', { name: stream.name || String(i + 1) }),
        onclick: () => { s.streams.splice(i, 1); changed(true); } }),
    ]);
  });
  const addStream = el('button', {
    type: 'button', class: 'secondary', id: 'sim-add-stream', text: t('queue.view.form.add-stream'),
    onclick: () => {
      s.streams.push({ name: t('queue.view.form.new-stream'), start: 0, duration: 86400, rate: 2, verdict: 'clean' });
      changed(true);
    },
  });
  const logFile = el('input', {
    type: 'file', id: 'sim-log-file', accept: '.csv,.json,.jsonl,.log,.txt,text/csv,application/json',
    onchange: async (e) => {
      const file = e.target.files && e.target.files[0];
      if (!file) return;
      const text = await file.text();
      s.streams.push({ name: file.name, log: text });
      changed(true);
    },
  });
  const streams = el('fieldset', { class: 'card' }, [
    el('legend', { text: t('queue.view.form.streams') }),
    el('ol', { class: 'plain streams' }, streamRows),
    el('div', { class: 'row' }, [
      addStream,
      el('label', { class: 'file-button' }, [el('span', { text: t('queue.view.form.load-log') }), logFile]),
      el('span', { class: 'hint', text: t('queue.view.form.load-log-hint') }),
    ]),
  ]);

  // — The clicks, with whose they are.
  const actionRows = s.actions.map((action, i) => {
    const id = (name) => `sim-action-${i}-${name}`;
    const kind = el('select', { id: id('action'), 'aria-label': t('queue.view.form.actions'), onchange: (e) => { action.action = e.target.value; changed(); } },
      ACTIONS.map((value) => el('option', { value, text: actionName(t, value) })));
    kind.value = String(action.action || '').toUpperCase().replace('CHANGERECIPIENT', 'CHANGE_RECIPIENT');
    const origin = model.origins[i] || 'yours';
    return el('li', { class: `action-row origin-${origin}`, dataset: { origin } }, [
      el('span', { class: `badge origin-${origin}`, text: t(`queue.view.origin.${origin}`) }),
      el('label', { for: id('at'), class: 'inline', text: t('queue.view.form.at') }),
      numberInput(id('at'), minutes(action.at), (v) => { action.at = Math.round((v ?? 0) * 60); }, { class: 'narrow' }),
      kind,
      action.action === 'CHANGE_RECIPIENT' || action.action === 'changeRecipient'
        ? textInput(id('email'), action.email, (v) => { action.email = v; }, { 'aria-label': t('queue.view.form.email') })
        : null,
      el('button', { type: 'button', class: 'secondary', text: t('queue.view.form.remove'),
        onclick: () => { s.actions.splice(i, 1); model.origins.splice(i, 1); changed(true); } }),
    ]);
  });
  const actions = el('fieldset', { class: 'card' }, [
    el('legend', { text: t('queue.view.form.actions') }),
    s.actions.length ? el('ol', { class: 'plain actions' }, actionRows) : el('p', { class: 'hint', text: t('queue.view.form.no-actions') }),
    el('div', { class: 'row' }, [
      el('button', { type: 'button', class: 'secondary', id: 'sim-add-action', text: t('queue.view.form.add-action'),
        onclick: () => { s.actions.push({ at: 0, action: 'BLOCK' }); model.origins.push('yours'); changed(true); } }),
    ]),
  ]);
  host.replaceChildren(hosting, streams, actions);
}

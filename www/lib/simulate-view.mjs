// The simulation view: presets, the scenario editor, the state timeline and the
// per-day history charts, the notifications, and the actions each moment offers
// (apply one at a chosen time and the scenario re-runs with it).
import { timelineChart, barChart } from './charts.mjs';

/** The service states, green ones first (seed 002: green sends, red holds). */
export const STATES = ['active', 'force', 'disabled', 'bounce', 'spam', 'purging'];
/** The provider API's state names mapped to ours (SPEC §4: ok = active, ko = disabled). */
const API_STATES = { ok: 'active', ko: 'disabled', force: 'force', bounce: 'bounce', spam: 'spam', purging: 'purging' };

/** State intervals from the timeline of changes: [{from, to, state}]. */
export function stateBands(result) {
  const bands = [];
  const changes = result.timeline || [];
  let state = changes.length ? changes[0].from : API_STATES[result.service && result.service.state] || result.state;
  let from = result.start;
  for (const change of changes) {
    if (change.at > from) bands.push({ from, to: change.at, state });
    state = change.to;
    from = Math.max(from, change.at);
  }
  if (result.end > from) bands.push({ from, to: result.end, state });
  return bands;
}

export function setupSimulate({ engine, state, t, number, el, $ }) {
  const view = { presets: [], result: null };
  const available = state.features.simulate && state.features.queuePresets;
  $('simulate-missing').hidden = available;
  $('simulate-body').hidden = !available;

  const when = (unix) => new Intl.DateTimeFormat(state.locale, {
    timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
  }).format(new Date(unix * 1000));
  const elapsed = (seconds) => {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    return t('ui.simulate.elapsed', { hours: number(h), minutes: String(m).padStart(2, '0') });
  };

  function presetOptions() {
    const select = $('preset');
    const current = select.value;
    select.replaceChildren(...view.presets.map((p) => el('option', { value: p.id, text: t(`ui.simulate.preset.${p.id}`) })));
    if (current) select.value = current;
    $('preset-description').textContent = t(`ui.simulate.preset.${select.value}.about`);
  }

  function loadPreset(id) {
    const preset = view.presets.find((p) => p.id === id);
    if (!preset) return;
    let scenario = preset.json;
    try {
      scenario = JSON.stringify(JSON.parse(preset.json), null, 2);
    } catch { /* shown as given */ }
    $('scenario').value = scenario;
    $('preset-description').textContent = t(`ui.simulate.preset.${id}.about`);
  }

  async function run() {
    $('simulate-error').hidden = true;
    let scenario;
    try {
      scenario = JSON.parse($('scenario').value);
    } catch (err) {
      $('simulate-error').textContent = t('ui.simulate.bad-json', { detail: err.message });
      $('simulate-error').hidden = false;
      return;
    }
    scenario.locale = state.locale;
    const started = performance.now();
    $('simulate-progress').hidden = false;
    const timer = setInterval(() => {
      $('simulate-progress-text').textContent = t('ui.simulate.progress', { seconds: number((performance.now() - started) / 1000, 1) });
    }, 100);
    $('simulate-progress-text').textContent = t('ui.simulate.progress', { seconds: number(0, 1) });
    $('simulate-run').disabled = true;
    try {
      view.result = await engine.call('simulate', [scenario]);
      render();
    } catch (err) {
      $('simulate-error').textContent = t('ui.simulate.failed', { detail: err.message });
      $('simulate-error').hidden = false;
    } finally {
      clearInterval(timer);
      $('simulate-progress').hidden = true;
      $('simulate-run').disabled = false;
    }
  }

  function counter(key, value) {
    return el('div', { class: 'counter', dataset: { counter: key } }, [
      el('span', { class: 'value', text: number(value) }), el('span', { class: 'label', text: t(`ui.simulate.counter.${key}`) }),
    ]);
  }

  function render() {
    const result = view.result;
    if (!result) return;
    $('simulation').hidden = false;
    const c = result.counters;
    $('simulation-summary').replaceChildren(
      el('div', { class: `counter final state-${result.state}`, dataset: { finalState: result.state } }, [
        el('span', { class: 'value', text: t(`ui.state.${result.state}`) }), el('span', { class: 'label', text: t('ui.simulate.final-state') }),
      ]),
      counter('mails', c.mails), counter('sent', c.sent), counter('errors', c.errors), counter('held', c.held),
      counter('expired', c.expired), counter('purged', c.purged), counter('maxQueue', c.maxQueue),
    );
    const bands = stateBands(result).map((b) => ({ ...b, label: `${t(`ui.state.${b.state}`)}: ${when(b.from)} – ${when(b.to)}` }));
    const series = result.series || { queue: [], sent: [], errors: [], bucketSeconds: 3600, start: result.start };
    $('timeline-legend').replaceChildren(
      ...STATES.filter((s) => bands.some((b) => b.state === s)).map((s) => el('span', { class: `key state-${s}`, text: t(`ui.state.${s}`) })),
      el('span', { class: 'key line-queue', text: t('ui.simulate.line.queue') }),
      el('span', { class: 'key line-sent', text: t('ui.simulate.line.sent') }),
      el('span', { class: 'key line-errors', text: t('ui.simulate.line.errors') }),
    );
    const bandText = bands.map((b) => b.label).join('; ');
    $('timeline-chart').replaceChildren(timelineChart({
      start: series.start, end: Math.max(result.end, series.start + series.bucketSeconds * series.queue.length),
      bucketSeconds: series.bucketSeconds, bands,
      lines: [
        { name: 'queue', className: 'line-queue', values: series.queue, label: t('ui.simulate.line.queue') },
        { name: 'sent', className: 'line-sent', values: series.sent, label: t('ui.simulate.line.sent') },
        { name: 'errors', className: 'line-errors', values: series.errors, label: t('ui.simulate.line.errors') },
      ],
      formatTime: (s) => when(s).replace(/,/g, ''), formatNumber: (n) => number(n),
      title: t('ui.simulate.timeline'), description: bandText,
    }));
    const history = result.history || [];
    $('history-chart').replaceChildren(barChart({
      days: history, formatNumber: (n) => number(n), title: t('ui.simulate.history'),
      description: history.map((d) => t('ui.simulate.day', { date: d.date, volume: number(d.volume) })).join('; '),
      label: (d) => t('ui.simulate.day', { date: d.date, volume: number(d.volume) }),
    }));
    const notices = [
      ...(result.timeline || []).map((ch) => ({ at: ch.at, className: `state-${ch.to}`, text: `${t(`ui.state.${ch.from}`)} → ${t(`ui.state.${ch.to}`)}: ${ch.message}` })),
      ...(result.notifications || []).map((n) => ({ at: n.at, className: `notice-${n.kind}`, text: t('ui.simulate.notification', { subject: n.subject, to: n.to }) })),
      ...(result.appliedActions || []).map((a) => ({ at: a.at, className: 'applied', text: t('ui.simulate.applied', { action: t(`ui.action.${a.action}`), effective: when(a.effectiveAt) }) })),
      ...(result.rejectedActions || []).map((a) => ({ at: a.at, className: 'rejected', text: `${t('ui.simulate.rejected', { action: t(`ui.action.${a.action}`), state: t(`ui.state.${a.state}`) })} ${a.message}` })),
    ].sort((a, b) => a.at - b.at);
    $('notifications').replaceChildren(...notices.map((n) => el('li', { class: n.className }, [
      el('time', { text: when(n.at) }), ' ', el('span', { text: n.text }),
    ])));
    const slider = $('action-time');
    slider.max = String(Math.max(0, result.end - result.start));
    if (Number(slider.value) > Number(slider.max)) slider.value = slider.max;
    renderMoment();
  }

  /** The state at the chosen time and the buttons it offers. */
  function renderMoment() {
    const result = view.result;
    if (!result) return;
    const offset = Number($('action-time').value);
    const at = result.start + offset;
    $('action-time-value').textContent = `${when(at)} (${elapsed(offset)})`;
    const band = stateBands(result).find((b) => at >= b.from && at < b.to) || { state: result.state };
    let actions = result.actions || [];
    const changes = (result.timeline || []).filter((ch) => ch.at <= at);
    if (changes.length) actions = changes[changes.length - 1].actions;
    else if (result.timeline && result.timeline.length) actions = offeredBefore(band.state);
    $('action-state').textContent = t('ui.simulate.state-at', { state: t(`ui.state.${band.state}`) });
    $('action-buttons').replaceChildren(...actions.filter((a) => a !== 'changeRecipient').map((action) => el('button', {
      type: 'button', class: 'secondary', dataset: { action }, text: t('ui.simulate.apply', { action: t(`ui.action.${action}`) }),
      onclick: () => applyAction(action, offset),
    })));
    if (!$('action-buttons').children.length) $('action-buttons').append(el('span', { class: 'hint', text: t('ui.simulate.no-actions') }));
  }

  /** Actions of a state before any change (seed 002: which buttons each state shows). */
  function offeredBefore(s) {
    return { active: ['block'], force: ['block', 'purge'], disabled: ['unblock', 'purge'], bounce: ['unblock', 'purge'], spam: ['purge'], purging: [] }[s] || [];
  }

  function applyAction(action, offset) {
    let scenario;
    try {
      scenario = JSON.parse($('scenario').value);
    } catch {
      return;
    }
    scenario.actions = [...(scenario.actions || []), { at: offset, action }].sort((a, b) => a.at - b.at);
    $('scenario').value = JSON.stringify(scenario, null, 2);
    run();
  }

  if (available) {
    engine.call('queuePresets').then((presets) => {
      view.presets = presets;
      presetOptions();
      if (presets.length) loadPreset(presets[0].id);
    });
    $('preset').addEventListener('change', (e) => loadPreset(e.target.value));
    $('simulate-run').addEventListener('click', run);
    $('action-time').addEventListener('input', renderMoment);
  }

  return {
    relocalize() {
      if (!available) return;
      presetOptions();
      if (view.result) run();
    },
  };
}

// The simulation view: a scenario (a worked example, an API snapshot, a send log,
// or the message just linted) edited as a form or as JSON, run in the engine's
// worker, and the result the engine computed. The user's own clicks (from the
// time slider) are kept apart from the example's and can be reset; a failed run
// clears the previous result; the second scenario of a comparison runs beside it.

import { clock, RED_STATES, STATE_KEYS, stateLabel, actionName, duration, readScenario } from './format.mjs';
import { renderForm } from './form.mjs';
import { renderResult, stateBands } from './result.mjs';
import { renderMailList } from './mail-list.mjs';
import { renderComparison, withoutSpam } from './compare.mjs';

export { stateBands };

const STYLESHEET = new URL('./simulate.css', import.meta.url).href;
/** Actions a state offers before any change (the engine's table, read from its results). */
const SLIDER_STEP_SECONDS = 60;
/**
 * JSON longer than this (characters) is read in steps, each in a task of its own, so
 * typing stays fluid (default, ours: the size the check view's box takes, BOX_MAX_CHARS;
 * a 30 MB text's size count, depth scan and parse took 0.07, 0.12 and 0.1 s).
 */
const LARGE_JSON_CHARS = 200_000;
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

export function setupSimulate({ engine, state, t, number, el, $, lintedMessage }) {
  if (!document.querySelector(`link[href="${STYLESHEET}"]`)) {
    document.head.append(el('link', { rel: 'stylesheet', href: STYLESHEET }));
  }
  const view = {
    presets: [],
    zones: ['Europe/Paris'],
    presetId: '',
    /** The scenario being edited, and whose each of its actions is ('example' or 'yours'). */
    model: { scenario: {}, origins: [] },
    /** The example's actions as loaded, for "reset". */
    exampleActions: [],
    result: null,
    running: 0,
    /** The box's text being read (readScenario), and a count of readings: a newer one wins. */
    reading: Promise.resolve(),
    readings: 0,
  };

  // ── the skeleton (ids kept from the first version of the page, for its tests and links)
  const ui = {};
  const make = (key, tag, props = {}, children = []) => (ui[key] = el(tag, props, children));
  /**
   * A box that scrolls sideways on a narrow screen (the charts, the wide tables) rather than the page:
   * focusable and named by its heading, so it can be scrolled from the keyboard (WCAG 2.1.1; axe
   * `scrollable-region-focusable`, serious, at 360 px before: page audit).
   */
  const scrollRegion = (titleId) => ({ tabindex: '0', role: 'region', 'aria-labelledby': titleId });
  function skeleton() {
    const body = $('simulate-body');
    body.replaceChildren(
      el('div', { class: 'card' }, [
        el('div', { class: 'row' }, [
          make('presetLabel', 'label', { for: 'preset' }), make('preset', 'select', { id: 'preset' }),
          make('reset', 'button', { type: 'button', class: 'secondary', id: 'simulate-reset' }),
        ]),
        make('presetAbout', 'p', { id: 'preset-description', class: 'hint' }),
        make('form', 'div', { id: 'scenario-form' }),
        make('advanced', 'details', { id: 'scenario-advanced' }, [
          make('advancedSummary', 'summary'),
          make('scenarioLabel', 'label', { for: 'scenario' }),
          make('scenario', 'textarea', { id: 'scenario', rows: '14', spellcheck: 'false', translate: 'no' }),
          make('scenarioProblem', 'p', { id: 'scenario-problem', class: 'error', role: 'alert', hidden: true }),
        ]),
        el('div', { class: 'row' }, [
          make('run', 'button', { type: 'button', id: 'simulate-run', class: 'primary' }),
          make('compareOpen', 'button', { type: 'button', id: 'compare-open', class: 'secondary' }),
        ]),
        make('progress', 'div', { id: 'simulate-progress', class: 'progress', role: 'status', 'aria-live': 'polite', hidden: true }, [
          el('span', { class: 'spinner', 'aria-hidden': 'true' }), make('progressText', 'span', { id: 'simulate-progress-text' }),
        ]),
        make('error', 'p', { id: 'simulate-error', class: 'error', role: 'alert', hidden: true }),
      ]),
      make('simulation', 'section', { id: 'simulation', hidden: true, 'aria-labelledby': 'simulation-title' }, [
        make('resultTitle', 'h2', { id: 'simulation-title' }),
        make('zone', 'p', { id: 'simulation-zone', class: 'hint' }),
        make('summary', 'div', { id: 'simulation-summary', class: 'counters' }),
        make('answersTitle', 'h3'), make('answers', 'ul', { id: 'simulation-answers', class: 'answers' }),
        make('timelineTitle', 'h3', { id: 'timeline-title' }),
        el('div', { class: 'row' }, [
          make('spanLabel', 'label', { for: 'timeline-span' }),
          make('span', 'select', { id: 'timeline-span' }, ['changes', 'day', 'all'].map((v) => el('option', { value: v }))),
        ]),
        make('legend', 'div', { id: 'timeline-legend', class: 'legend' }),
        make('timeline', 'div', { id: 'timeline-chart', class: 'chart', ...scrollRegion('timeline-title') }),
        make('historyTitle', 'h3', { id: 'day-history-title' }),
        make('history', 'div', { id: 'history-chart', class: 'chart', ...scrollRegion('day-history-title') }),
        el('div', { class: 'card' }, [
          make('actionsTitle', 'h3'),
          el('div', { class: 'row' }, [
            make('timeLabel', 'label', { for: 'action-time' }),
            make('time', 'input', { id: 'action-time', type: 'range', min: '0', max: '0', step: String(SLIDER_STEP_SECONDS) }),
            make('timeValue', 'output', { id: 'action-time-value', for: 'action-time' }),
          ]),
          make('actionState', 'p', { id: 'action-state', class: 'hint' }),
          make('actionButtons', 'div', { id: 'action-buttons', class: 'row' }),
          make('yours', 'div', { id: 'your-actions' }),
        ]),
        make('eventsTitle', 'h3'), make('events', 'ol', { id: 'notifications', class: 'notifications' }),
        make('errorsTitle', 'h3'), make('errors', 'div', { id: 'error-log' }),
        make('streamsTitle', 'h3', { id: 'stream-results-title' }),
        make('streams', 'div', { id: 'stream-results', class: 'wide', ...scrollRegion('stream-results-title') }),
        make('mailsTitle', 'h3'), make('mails', 'div', { id: 'mail-list' }),
        make('assumptionsTitle', 'h3', { id: 'simulation-assumptions-title' }),
        make('assumptions', 'div', { id: 'simulation-assumptions', class: 'wide', ...scrollRegion('simulation-assumptions-title') }),
      ]),
      make('compare', 'section', { id: 'compare', hidden: true, 'aria-labelledby': 'compare-title' }, [
        make('compareTitle', 'h2', { id: 'compare-title' }),
        make('compareLead', 'p', { class: 'hint' }),
        el('div', { class: 'row' }, [
          make('compareCaptcha', 'button', { type: 'button', id: 'compare-captcha', class: 'secondary' }),
          make('compareCopy', 'button', { type: 'button', id: 'compare-copy', class: 'secondary' }),
        ]),
        make('compareLabel', 'label', { for: 'scenario-b' }),
        make('scenarioB', 'textarea', { id: 'scenario-b', rows: '10', spellcheck: 'false', translate: 'no' }),
        el('div', { class: 'row' }, [make('compareRun', 'button', { type: 'button', id: 'compare-run', class: 'primary' })]),
        make('compareError', 'p', { id: 'compare-error', class: 'error', role: 'alert', hidden: true }),
        make('comparison', 'div', { id: 'comparison', class: 'wide', ...scrollRegion('compare-title') }),
      ]),
    );
  }

  function texts() {
    const set = (key, id) => { ui[key].textContent = t(id); };
    set('presetLabel', 'queue.view.preset');
    set('reset', 'queue.view.reset');
    set('advancedSummary', 'queue.view.advanced');
    set('scenarioLabel', 'queue.view.json');
    set('run', 'queue.view.run');
    set('compareOpen', 'queue.view.compare.open');
    set('resultTitle', 'queue.view.result');
    set('answersTitle', 'queue.view.answers');
    set('timelineTitle', 'queue.view.timeline');
    set('spanLabel', 'queue.view.span');
    set('historyTitle', 'queue.view.history');
    set('actionsTitle', 'queue.view.actions');
    set('timeLabel', 'queue.view.action-time');
    set('eventsTitle', 'queue.view.events');
    set('errorsTitle', 'queue.view.errors');
    set('streamsTitle', 'queue.view.streams');
    set('mailsTitle', 'queue.view.mails.title');
    set('assumptionsTitle', 'queue.view.assumptions');
    set('compareTitle', 'queue.view.compare.title');
    set('compareLead', 'queue.view.compare.lead');
    set('compareCaptcha', 'queue.view.compare.captcha');
    set('compareCopy', 'queue.view.compare.copy');
    set('compareLabel', 'queue.view.compare.b-json');
    set('compareRun', 'queue.view.compare.run');
    for (const option of ui.span.options) option.textContent = t(`queue.view.span.${option.value}`);
    presetOptions();
  }

  function presetOptions() {
    const current = ui.preset.value || view.presetId;
    ui.preset.replaceChildren(
      ...view.presets.map((p) => el('option', { value: p.id, text: t(`queue.view.preset.${p.id}`) })),
      el('option', { value: '', text: t('queue.view.preset.custom') }),
    );
    ui.preset.value = current;
    ui.presetAbout.textContent = current ? t(`queue.view.preset.${current}.about`) : t('queue.view.preset.custom.about');
  }

  // ── the scenario: form ⇄ JSON
  function showJson() {
    ui.scenario.value = JSON.stringify(view.model.scenario, null, 2);
    ui.scenarioProblem.hidden = true;
  }
  function drawForm() {
    renderForm(ui.form, {
      model: view.model, zones: view.zones, t, el, number,
      onChange: (redraw) => {
        if (redraw) drawForm();
        showJson();
      },
    });
  }
  function setScenario(scenario, { example = false } = {}) {
    view.model.scenario = scenario;
    view.model.origins = (scenario.actions || []).map(() => (example ? 'example' : 'yours'));
    view.exampleActions = example ? JSON.parse(JSON.stringify(scenario.actions || [])) : [];
    drawForm();
    showJson();
  }
  /** The box's text read into the model, or its problem said under it; run() waits for it. */
  ui.scenarioOnInput = () => {
    const source = ui.scenario.value;
    const ticket = ++view.readings;
    view.reading = readScenario(t, source, 'scenario', source.length > LARGE_JSON_CHARS ? nextTask : undefined).then(({ scenario, problem, tooLarge }) => {
      if (ticket !== view.readings) return;
      // A text the engine would not read is not kept either, as a file too large is not: laid out in
      // the box, 40 MB held the tab for 5 to 25 s at its next frame (a Layout event of a trace).
      if (tooLarge) ui.scenario.value = '';
      if (problem) {
        ui.scenarioProblem.textContent = problem;
        ui.scenarioProblem.hidden = false;
        return;
      }
      const old = view.model.scenario.actions || [];
      view.model.scenario = scenario;
      // Actions still present keep whose they are; new ones are the user's.
      view.model.origins = (scenario.actions || []).map((a) => {
        const i = old.findIndex((o) => o.at === a.at && o.action === a.action);
        return i >= 0 ? view.model.origins[i] || 'yours' : 'yours';
      });
      ui.scenarioProblem.hidden = true;
      drawForm();
    });
    return view.reading;
  };

  function loadPreset(id) {
    const preset = view.presets.find((p) => p.id === id);
    view.presetId = preset ? id : '';
    ui.preset.value = view.presetId;
    presetOptions();
    if (!preset) return;
    let scenario = {};
    try {
      scenario = JSON.parse(preset.json);
    } catch { /* the engine's own presets parse */ }
    setScenario(scenario, { example: true });
  }

  // ── running
  function clearResult() {
    view.result = null;
    ui.simulation.hidden = true;
    for (const key of ['summary', 'legend', 'timeline', 'history', 'events', 'errors', 'streams', 'mails', 'assumptions', 'answers', 'actionButtons']) {
      ui[key].replaceChildren();
    }
  }

  /** The box's problem, when its text is not a scenario the engine reads (run and compare refuse it, not run the last one that read). */
  async function boxProblem() {
    await view.reading;
    return ui.scenarioProblem.hidden ? null : ui.scenarioProblem.textContent;
  }

  async function run() {
    const problem = await boxProblem();
    const scenario = { ...view.model.scenario, locale: state.locale };
    const ticket = ++view.running;
    if (problem) {
      clearResult();
      ui.progress.hidden = true;
      ui.run.disabled = false;
      ui.error.textContent = t('queue.view.failed', { detail: problem });
      ui.error.hidden = false;
      return;
    }
    ui.error.hidden = true;
    ui.progress.hidden = false;
    ui.run.disabled = true;
    const started = performance.now();
    const tick = () => { ui.progressText.textContent = t('queue.view.progress', { seconds: number((performance.now() - started) / 1000, 1) }); };
    tick();
    const timer = setInterval(tick, 100);
    try {
      const result = await engine.call('simulate', [scenario, { mailTable: true }]);
      if (ticket !== view.running) return;
      view.result = result;
      render();
    } catch (err) {
      if (ticket !== view.running) return;
      // A failed run says why and leaves no stale result under the message.
      clearResult();
      const field = err.field ? ` [${err.field}]` : '';
      ui.error.textContent = t('queue.view.failed', { detail: `${err.message}${field}` });
      ui.error.hidden = false;
    } finally {
      if (ticket === view.running) {
        clearInterval(timer);
        ui.progress.hidden = true;
        ui.run.disabled = false;
      } else {
        clearInterval(timer);
      }
    }
  }

  function fmt() {
    return clock(state.locale, view.result ? view.result.timeZone : view.model.scenario.timeZone);
  }

  function timelineSpan(result) {
    return (end) => {
      const choice = ui.span.value;
      const changes = (result.timeline || []).map((c) => c.at);
      if (choice === 'day') return [result.start, Math.min(end, result.start + 86400)];
      if (choice === 'changes' && changes.length) {
        const first = Math.min(...changes);
        const last = Math.max(...changes);
        const margin = Math.max(1800, (last - first) / 4);
        return [Math.max(result.start, first - margin), Math.min(end, last + margin)];
      }
      return [result.start, end];
    };
  }

  function render() {
    const result = view.result;
    if (!result) return;
    ui.simulation.hidden = false;
    const clockNow = fmt();
    renderResult(ui, {
      result, fmt: clockNow, t, el, number, timelineSpan: timelineSpan(result),
      origins: { actions: view.model.scenario.actions || [], list: view.model.origins },
    });
    renderMailList(ui.mails, { result, fmt: clockNow, t, el, number });
    ui.time.max = String(Math.max(0, result.end - result.start));
    if (Number(ui.time.value) > Number(ui.time.max)) ui.time.value = ui.time.max;
    renderMoment();
    renderYours();
  }

  // ── the time slider: the state at a moment, and the buttons it offers
  function renderMoment() {
    const result = view.result;
    if (!result) return;
    const clockNow = fmt();
    const offset = Number(ui.time.value);
    const at = result.start + offset;
    const text = t('queue.view.moment', { when: clockNow.when(at), elapsed: duration(t, offset, number) });
    ui.timeValue.textContent = text;
    // Screen readers read the moment, not a count of seconds.
    ui.time.setAttribute('aria-valuetext', text);
    const band = stateBands(result).find((b) => at >= b.from && at < b.to) || { state: result.state };
    const changes = (result.timeline || []).filter((ch) => ch.at <= at);
    let actions = result.actions || [];
    if (changes.length) actions = changes[changes.length - 1].actions;
    else if ((result.timeline || []).length) actions = offeredAtStart(result);
    ui.actionState.textContent = t('queue.view.state-at', { state: stateLabel(t, band.state) });
    ui.actionButtons.replaceChildren(...actions.filter((a) => a !== 'CHANGE_RECIPIENT').map((action) => el('button', {
      type: 'button', class: 'secondary', dataset: { action }, text: t('queue.view.apply', { action: actionName(t, action) }),
      onclick: () => applyAction(action, offset),
    })));
    if (!ui.actionButtons.children.length) ui.actionButtons.append(el('span', { class: 'hint', text: t('queue.view.no-actions') }));
  }

  /** Buttons of the starting state: the engine lists them with every change; before the first, the
   * ones its first change left (same state) are the best reading, else the final list. */
  function offeredAtStart(result) {
    const first = result.timeline[0];
    const same = result.timeline.find((ch) => ch.to === first.from);
    return same ? same.actions : result.actions || [];
  }

  /** The user's click at a moment. The example's later clicks belonged to its story: they go. */
  function applyAction(action, offset) {
    const s = view.model.scenario;
    const kept = [];
    const origins = [];
    (s.actions || []).forEach((a, i) => {
      const origin = view.model.origins[i] || 'yours';
      if (origin === 'example' && a.at >= offset) return;
      kept.push(a);
      origins.push(origin);
    });
    kept.push({ at: offset, action });
    origins.push('yours');
    const order = kept.map((a, i) => i).sort((x, y) => kept[x].at - kept[y].at);
    s.actions = order.map((i) => kept[i]);
    view.model.origins = order.map((i) => origins[i]);
    drawForm();
    showJson();
    run();
  }

  /** The user's clicks, each removable, and "reset to the example". */
  function renderYours() {
    const s = view.model.scenario;
    const mine = (s.actions || []).map((a, i) => [a, i]).filter(([, i]) => view.model.origins[i] === 'yours');
    const clockNow = fmt();
    const start = view.result ? view.result.start : 0;
    ui.yours.replaceChildren(
      el('h4', { text: t('queue.view.your-actions') }),
      mine.length ? el('ul', { class: 'plain' }, mine.map(([a, i]) => el('li', { dataset: { yourAction: a.action } }, [
        el('span', { text: `${clockNow.when(start + a.at)} — ${actionName(t, String(a.action).toUpperCase())} ` }),
        el('button', { type: 'button', class: 'link', text: t('queue.view.form.remove'),
          onclick: () => { s.actions.splice(i, 1); view.model.origins.splice(i, 1); drawForm(); showJson(); run(); } }),
      ]))) : el('p', { class: 'hint', text: t('queue.view.no-your-actions') }),
    );
    ui.reset.hidden = !view.presetId;
  }

  function reset() {
    if (!view.presetId) return;
    loadPreset(view.presetId);
    run();
  }

  // ── comparison
  async function runCompare() {
    ui.compareError.hidden = true;
    const scenarioB = ui.scenarioB.value;
    const problemA = await boxProblem();
    const { scenario: b, problem } = problemA ? { problem: problemA }
      : await readScenario(t, scenarioB, 'B', scenarioB.length > LARGE_JSON_CHARS ? nextTask : undefined);
    if (problem) {
      ui.comparison.replaceChildren();
      ui.compareError.textContent = problem;
      ui.compareError.hidden = false;
      return;
    }
    try {
      const comparison = await engine.call('compare', [
        { ...view.model.scenario, locale: state.locale }, { ...b, locale: state.locale },
      ]);
      renderComparison(ui.comparison, { comparison, t, el, number });
    } catch (err) {
      ui.comparison.replaceChildren();
      const field = err.field ? ` [${err.field}]` : '';
      ui.compareError.textContent = t('queue.view.failed', { detail: `${err.message}${field}` });
      ui.compareError.hidden = false;
    }
  }

  function openCompare(kind) {
    ui.compare.hidden = false;
    const b = kind === 'captcha' ? withoutSpam(view.model.scenario, view.result) : JSON.parse(JSON.stringify(view.model.scenario));
    ui.scenarioB.value = JSON.stringify(b, null, 2);
  }

  // ── "simulate this message" (from the lint tab)
  function useMessage(text) {
    const base = view.model.scenario && Object.keys(view.model.scenario).length ? view.model.scenario : {};
    const scenario = {
      domain: base.domain || 'example.com',
      timeZone: base.timeZone || 'Europe/Paris',
      service: base.service || { state: 'ok', sent: 0, sentToday: 0, bounce: 0, maxPerDay: 7200 },
      streams: [{ name: t('queue.view.this-message'), start: 28800, duration: 86400, rate: 2, message: text }],
    };
    view.presetId = '';
    presetOptions();
    setScenario(scenario);
    location.hash = '#simulate';
    run();
  }

  function fromHash() {
    const match = location.hash.match(/^#simulate\/([\w-]+)$/);
    if (match && view.presets.some((p) => p.id === match[1]) && match[1] !== view.presetId) loadPreset(match[1]);
  }

  /**
   * The checked message as text, or null when it is not UTF-8: a stream carries its
   * message as JSON text, so other bytes (a Latin-1 subject) would reach the engine changed.
   */
  function lintedText() {
    const bytes = lintedMessage();
    if (!bytes || !bytes.length) return null;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }

  /** "Simulate sending this message" under the verdict, offered when the checked message can be simulated as it is. */
  function attachSimulateThisMessage() {
    const anchor = document.getElementById('verdict');
    if (!anchor || typeof lintedMessage !== 'function') return;
    let button = document.getElementById('simulate-message');
    if (!button) {
      button = el('button', { type: 'button', class: 'secondary', id: 'simulate-message', text: t('queue.view.simulate-message'),
        onclick: () => {
          const text = lintedText();
          if (text !== null) useMessage(text);
        } });
      anchor.after(button);
    }
    // A checked message a scenario cannot carry as it is: said, not silently left out.
    let note = document.getElementById('simulate-message-note');
    if (!note) {
      note = el('p', { class: 'hint', id: 'simulate-message-note' });
      button.after(note);
    }
    const bytes = lintedMessage();
    const text = lintedText();
    button.hidden = text === null;
    note.hidden = text !== null || !bytes || !bytes.length;
    note.textContent = note.hidden ? '' : t('queue.view.simulate-message.not-utf8');
  }

  skeleton();
  ui.scenario.addEventListener('input', ui.scenarioOnInput);
  ui.preset.addEventListener('change', (e) => {
    loadPreset(e.target.value);
    if (e.target.value) history.replaceState(null, '', `#simulate/${e.target.value}`);
  });
  ui.run.addEventListener('click', run);
  ui.reset.addEventListener('click', reset);
  ui.time.addEventListener('input', renderMoment);
  ui.span.addEventListener('change', render);
  ui.compareOpen.addEventListener('click', () => openCompare('copy'));
  ui.compareCaptcha.addEventListener('click', () => openCompare('captcha'));
  ui.compareCopy.addEventListener('click', () => openCompare('copy'));
  ui.compareRun.addEventListener('click', runCompare);
  window.addEventListener('hashchange', fromHash);
  const zones = engine.call('queueTimeZones').then((z) => { view.zones = z.names; }).catch(() => {});
  Promise.all([engine.call('queuePresets', [state.locale]), zones]).then(([presets]) => {
    view.presets = presets;
    texts();
    const wanted = (location.hash.match(/^#simulate\/([\w-]+)$/) || [])[1];
    loadPreset(presets.some((p) => p.id === wanted) ? wanted : presets[0] && presets[0].id);
    document.body.dataset.simulateReady = 'true';
  });
  // On the report of the lint tab from the first check on (the report's verdict is in the page from the start).
  attachSimulateThisMessage();

  return {
    /** Re-renders in the page's new language; results carry the engine's texts, so the run is repeated. */
    relocalize() {
      if (!ui.run) return;
      // The examples' stream names in the new language, for the next example loaded.
      engine.call('queuePresets', [state.locale]).then((presets) => { view.presets = presets; }).catch(() => {});
      texts();
      drawForm();
      if (!ui.scenarioProblem.hidden) ui.scenarioOnInput();
      attachSimulateThisMessage();
      const button = document.getElementById('simulate-message');
      if (button) button.textContent = t('queue.view.simulate-message');
      // A result, or a failure, is said again in the new language by running again: the run's
      // failure quotes the box's problem or the engine's error, both in the language they were
      // made in (audit defect 02); so does the comparison's.
      if (view.result || !ui.error.hidden) run();
      if (!ui.compare.hidden && (!ui.compareError.hidden || ui.comparison.childElementCount > 0)) runCompare();
    },
    useMessage,
    /** A new report: the button is offered again, or not, for its message. */
    offerMessage: attachSimulateThisMessage,
    red: () => Boolean(view.result && RED_STATES.includes(view.result.state)),
    stateClass: (s) => `state-${STATE_KEYS[s]}`,
  };
}

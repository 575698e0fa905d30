// The preflight page. Everything runs in this tab: the engine (WebAssembly) in
// a Web Worker, every string from the engine's catalogues, no request leaving
// the page's origin. This file starts the engine, picks the language, routes
// between the views (views/*.mjs) and wires them together.
import { $, el } from './lib/dom.mjs';
import { EngineClient } from './lib/engine-client.mjs';
import { text, formatNumber, useLocale, useEngineRenderer, applyI18n, pickLocale, rememberLocale } from './lib/i18n.mjs';
import { SHARE_PREFIX, MAX_EXPANDED_BYTES, readShareFragment } from './lib/share.mjs';
import { setupLint } from './views/lint.mjs';
import { setupReport } from './views/report.mjs';
import { setupReportActions } from './views/report-actions.mjs';
import { setupFixes } from './views/fixes.mjs';
import { setupHistory } from './views/history.mjs';
import { setupExplain } from './views/explain.mjs';
import { setupTroubleshoot } from './views/troubleshoot.mjs';
import { setupRules } from './views/rules.mjs';
import { setupRulesEditor } from './views/rules-editor.mjs';
import { setupSimulate } from './lib/simulate-view.mjs';

const VIEWS = ['lint', 'simulate', 'explain', 'troubleshoot', 'rules', 'custom'];

const state = { locale: 'en', version: '', rules: [], englishRules: new Map(), report: null, lastRequest: null };
const engine = new EngineClient(new URL('./worker.js', import.meta.url));
const ctx = { engine, state };

async function setLocale(locale, { remember = true } = {}) {
  const rules = await engine.call('rules', [locale]);
  state.locale = locale;
  state.rules = rules;
  useLocale(locale);
  if (remember) rememberLocale(locale);
  $('language').value = locale;
  applyI18n();
  document.body.dataset.locale = locale;
  if (!ctx.views) return;
  const { rules: rulesView, lint, fixes, history, explain, troubleshoot, simulate, report } = ctx.views;
  rulesView.render();
  lint.relocalize();
  fixes.relocalize();
  history.render();
  troubleshoot.relocalize();
  simulate.relocalize();
  ctx.views.rulesEditor.relocalize();
  await Promise.all([explain.relocalize(), report.relocalize(locale)]);
}

function route() {
  const hash = location.hash.slice(1);
  if (hash.startsWith(SHARE_PREFIX)) {
    openShared(hash);
    return;
  }
  const [view, ...rest] = decodedHash(hash).split('/');
  // An address of a place in the page (#main, from the skip link) is not a view: the view shown stays (WCAG 3.2.1).
  const shown = document.querySelector('[data-view-panel]:not([hidden])');
  const place = view && !VIEWS.includes(view) && document.getElementById(view);
  const current = VIEWS.includes(view) ? view : (place && shown ? shown.dataset.viewPanel : 'lint');
  for (const panel of document.querySelectorAll('[data-view-panel]')) panel.hidden = panel.dataset.viewPanel !== current;
  for (const link of document.querySelectorAll('nav.views a')) {
    if (link.dataset.view === current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (current === 'lint' && ['raw', 'compose', 'php'].includes(rest[0])) ctx.views.lint.setMode(rest[0]);
  if (current === 'rules' && rest.length) ctx.views.rules.show(rest.join('/'));
}

/**
 * The fragment with its percent-escapes decoded; as written when they do not decode
 * (a link cut in the middle of an escape, "#rules/%E2%80", made decodeURIComponent
 * throw URIError and the page never started: audit defect 08). A view name is ASCII,
 * so the view is still found; a rule id that does not decode finds no rule.
 */
function decodedHash(hash) {
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
}

/** A shared link: the message is in the fragment; it is opened and checked here, and the address tidied. */
async function openShared(fragment) {
  history.replaceState(null, '', '#lint');
  route();
  try {
    await ctx.views.lint.open(await readShareFragment(fragment));
  } catch (err) {
    // Said as the check view says its failures: the previous report goes, the text follows the language.
    ctx.views.lint.showFailure(() => shareFailureText(err));
  }
}

/**
 * Why a link cannot be opened: it is longer than the links the page makes (lib/share.mjs
 * MAX_SHARE_FRAGMENT_CHARS), it inflates past what the engine reads (the engine's
 * own `input-too-large`, with the size reached when it was stopped), or it does not
 * hold a message.
 */
function shareFailureText(err) {
  if (err.code === 'share-too-long') return text('page.share.too-long');
  if (err.code !== 'share-too-large') return text('ui.actions.share-broken');
  return text('core.error.input-too-large', { size: { megabytes: err.size }, limit: { megabytes: MAX_EXPANDED_BYTES } });
}

/** The engine could not start: say so in the four languages (the catalogue lives in the engine) and offer to retry. */
function engineFailed(err) {
  const status = $('engine-status');
  status.className = 'status error';
  status.replaceChildren(
    'The engine could not start / Le moteur n\'a pas pu démarrer / El motor no pudo iniciarse / Silnik nie mógł się uruchomić: '
      + err.message + ' ',
    el('button', { type: 'button', id: 'engine-retry', class: 'secondary', text: 'Retry / Réessayer / Reintentar / Ponów',
      onclick: () => { engine.restart('engine-failed'); start(); } }),
  );
}

/**
 * The engine's template renderer (`renderMessage`) on the main thread: every text of
 * the page is rendered by it, synchronously (issue 12). The checks run in the worker.
 */
async function loadRenderer() {
  const module = await import('./engine/mail_preflight.js');
  await module.default();
  useEngineRenderer(module);
}

async function start() {
  const status = $('engine-status');
  status.className = 'status';
  status.textContent = '…';
  let hello;
  try {
    [hello] = await Promise.all([engine.call('hello'), loadRenderer()]);
    state.englishRules = new Map((await engine.call('rules', ['en'])).map((r) => [r.id, r]));
  } catch (err) {
    engineFailed(err);
    return;
  }
  state.version = hello.version;
  $('engine-version').textContent = hello.version;
  await setLocale(pickLocale(), { remember: false });
  status.textContent = '';
  if (!ctx.views) setupViews();
  route();
  document.body.dataset.ready = 'true';
}

function setupViews() {
  const report = setupReport(ctx);
  ctx.report = report;
  const actions = setupReportActions(ctx);
  const fixes = setupFixes(ctx);
  const historyView = setupHistory(ctx);
  ctx.afterReport = (shown, { relocalized = false } = {}) => {
    if (ctx.views) ctx.views.simulate.offerMessage();
    // The same report in another language: what was just done with it ("Link copied.") is said again, not dropped.
    if (relocalized) {
      actions.relocalize();
      return;
    }
    actions.reset();
    fixes.reset();
    historyView.record(shown);
  };
  const lint = setupLint(ctx);
  ctx.lint = lint;
  const simulate = setupSimulate({
    engine, state, t: text, number: formatNumber, el, $,
    // "Simulate sending this message": the bytes last checked (rendered ones for compose and mail()).
    lintedMessage: () => {
      const request = state.lastRequest;
      if (request && request.kind === 'raw') return request.bytes;
      return new TextEncoder().encode((state.report && state.report.source) || '');
    },
  });
  ctx.views = {
    report, lint, fixes, history: historyView, simulate,
    explain: setupExplain(ctx), troubleshoot: setupTroubleshoot(ctx), rules: setupRules(ctx),
    rulesEditor: setupRulesEditor({ root: $('view-custom'), engine, t: text, el, locale: () => state.locale }),
  };
  // "Your rules" (views/rules-editor.mjs) adds customRules and spamassassinRules to the checks' options.
  ctx.customOptions = () => ctx.views.rulesEditor.options();
  ctx.views.rules.render();
  historyView.render();
  fixes.reset();
  // The rules in the new language come from the worker; if it cannot give them, the selector says
  // the language still in force.
  $('language').addEventListener('change', (e) => setLocale(e.target.value).catch((err) => {
    console.warn(`language not changed: ${err.message}`);
    $('language').value = state.locale;
  }));
  window.addEventListener('hashchange', route);
  // "Skip to content" moves the focus only: the address, and with it the view, stays.
  document.querySelector('a.skip').addEventListener('click', (e) => {
    e.preventDefault();
    $('main').focus();
  });
  registerServiceWorker();
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  navigator.serviceWorker.register('sw.js').catch(() => {});
}

start();

// The "Check a message" view: the three input modes, running the check in the
// worker (with progress, Cancel and a time limit), the samples, and what the
// visitor reads when no report can be made (empty input, not an e-mail,
// too large, the engine stopped or ran too long).

import { $ } from '../lib/dom.mjs';
import { text, fixed, formatSize } from '../lib/i18n.mjs';
import { FAILURE } from '../lib/engine-client.mjs';
import { isolatedName } from '../lib/names.mjs';
import {
  setupLintInput, currentRequest, fillRequest, readFile, setRawBytes, refuseFile, renderRawInfo, renderComposeFiles,
} from './lint-input.mjs';
import { tablist, selectTab } from './tabs.mjs';

/**
 * A check past this time is stopped and the worker replaced (default, ours: issue 13
 * wants a report or a coded error within 10 s for any message; a 10 MB message
 * checks in about 0.3 s in Node (README), so 15 s is far from honest mail).
 */
export const LINT_TIME_LIMIT_MS = 15_000;

/** Codes after which "Try again" makes sense: the input was fine, the run was not. */
const RETRYABLE = [FAILURE.trapped, FAILURE.timeout, FAILURE.cancelled, FAILURE.workerFailed];

/** How often the progress is said to screen readers (default, ours: often enough to know the check goes on). */
const PROGRESS_ANNOUNCE_MS = 5_000;

export const SAMPLES = { clean: 'samples/contact-form.eml', spammy: 'samples/spammy.eml' };

export function setupLint(ctx) {
  const { engine, state } = ctx;
  let mode = 'raw';
  let running = null;
  /** Checks started, the key under which the worker keeps the bytes of each (worker.js `analyseKept`). */
  let checks = 0;

  function setMode(next) {
    mode = next;
    const container = document.querySelector('#view-lint .modes');
    selectTab(container, container.querySelector(`[data-mode="${next}"]`));
    for (const panel of document.querySelectorAll('[data-mode-panel]')) panel.hidden = panel.dataset.modePanel !== next;
  }

  /**
   * Shows the check's progress: the visible counter ticks every 100 ms in a plain
   * element; the status line screen readers hear says it at the start and then every
   * PROGRESS_ANNOUNCE_MS (WCAG 4.1.3: a live region read out ten times a second says
   * nothing). Returns the function that stops both.
   */
  function progress(request) {
    const size = request.kind === 'raw' ? request.bytes.length : 0;
    const started = performance.now();
    const sentence = () => {
      const seconds = fixed((performance.now() - started) / 1000, 1);
      return size > 100_000
        ? text('ui.lint.progress-size', { size: formatSize(size), seconds })
        : text('ui.lint.progress', { seconds });
    };
    const tick = () => {
      $('lint-progress-text').textContent = sentence();
    };
    const announce = () => {
      $('lint-progress-status').textContent = sentence();
    };
    tick();
    announce();
    $('lint-progress').hidden = false;
    const timers = [setInterval(tick, 100), setInterval(announce, PROGRESS_ANNOUNCE_MS)];
    return () => {
      timers.forEach(clearInterval);
      $('lint-progress').hidden = true;
      $('lint-progress-status').textContent = '';
    };
  }

  let failure = null;

  /**
   * The options every check of the page runs with: the language and the visitor's
   * own rules ("Your rules"). The fixes view checks the fixed message with them too,
   * so its before and after compare like with like.
   */
  function checkOptions() {
    return { locale: state.locale, ...(ctx.customOptions ? ctx.customOptions() : {}) };
  }

  /**
   * Says why there is no report (`message()` renders it in the current language);
   * offers "Try again" when the run, not the input, failed. The previous report goes:
   * it is not the answer for this input.
   */
  function showFailure(message, { retry } = {}) {
    failure = message;
    ctx.report.clear();
    $('lint-error-text').textContent = message();
    $('lint-retry').hidden = !retry;
    $('lint-error').hidden = false;
  }

  /** An error of the engine (or shaped like one: `messageId`, `params`) in the page's current language. */
  const localized = (err) => (err.messageId ? text(err.messageId, err.params) : err.message);

  function failureText(err) {
    switch (err.code) {
      case FAILURE.timeout: return text('ui.lint.timeout', { seconds: LINT_TIME_LIMIT_MS / 1000 });
      case FAILURE.trapped: return text('ui.lint.trapped');
      case FAILURE.cancelled: return text('ui.lint.cancelled');
      case FAILURE.workerFailed: return text('ui.lint.engine-failed');
      // The engine's own coded errors (not-a-message, input-too-large, invalid-input), in the page's language.
      case 'not-a-message':
      case 'input-too-large':
      case 'invalid-input': return localized(err);
      default: return text('ui.lint.failed', { detail: err.message });
    }
  }

  /** Checks `request` (or the request a promise gives); the report replaces the previous one, a failure hides it. */
  async function run(requested, { quiet = false } = {}) {
    const request = await requested;
    if (!request) {
      showFailure(() => text('ui.lint.empty'));
      return;
    }
    if (running) {
      // A new check replaces the one still running: that one is stopped (its answer
      // would be thrown away, and its time limit would stop this one), with its progress.
      running.done();
      engine.cancel();
    }
    $('lint-error').hidden = true;
    failure = null;
    $('lint-run').disabled = true;
    const call = running = { done: progress(request) };
    const options = checkOptions();
    let kept = null;
    try {
      let report;
      const limit = { timeLimitMs: LINT_TIME_LIMIT_MS };
      if (request.kind === 'raw') {
        // A copy goes to the worker: the page keeps the bytes for the source view.
        // The worker keeps it for the preview's analysis (worker.js `analyseKept`): one copy crosses, not two.
        const copy = request.bytes.slice();
        kept = ++checks;
        report = await engine.call('lint', [copy, options, kept], [copy.buffer], limit);
      } else if (request.kind === 'compose') {
        report = await engine.call('lint', [request.compose, options], [], limit);
      } else {
        report = await engine.call('lintPhpMail', [request.call, request.platform, options], [], limit);
      }
      if (call !== running) return;
      state.lastRequest = request;
      const linted = request.kind === 'raw' ? request.bytes : new TextEncoder().encode(report.source || '');
      await ctx.report.show(report, { request, linted, quiet, kept });
    } catch (err) {
      if (call !== running) return;
      state.lastRequest = request;
      showFailure(() => failureText(err), { retry: RETRYABLE.includes(err.code) });
    } finally {
      if (call === running) {
        running = null;
        call.done();
        $('lint-run').disabled = false;
      }
    }
  }

  /** A file opened or dropped; `othersIgnored`: files dropped with it, which are not checked. */
  async function onFile(file, othersIgnored = 0) {
    if (!file) return;
    // A file dropped on another view: the check view comes forward to show its report.
    if ($('view-lint').hidden) location.hash = '#lint';
    try {
      setRawBytes(await readFile(file), file.name, 'file', othersIgnored);
    } catch (err) {
      refuseFile(file.name);
      setMode('raw');
      showFailure(() => localized(err));
      return;
    }
    setMode('raw');
    await run(currentRequest('raw'));
  }

  async function loadSample(which) {
    const response = await fetch(SAMPLES[which]);
    const name = SAMPLES[which].split('/').pop();
    setRawBytes(new Uint8Array(await response.arrayBuffer()), name, 'file');
    setMode('raw');
    await run(currentRequest('raw'));
  }

  // An attachment refused (past the engine's limit) is named before the engine's reason.
  const attachmentFailure = (err) => (err.fileName
    ? `${text('ui.md.file', { name: isolatedName(err.fileName) })} ${localized(err)}` : localized(err));
  setupLintInput({ onFile, onError: (err) => showFailure(() => attachmentFailure(err)) });
  tablist(document.querySelector('#view-lint .modes'), (tab) => setMode(tab.dataset.mode));
  setMode('raw');
  $('load-sample').addEventListener('click', () => loadSample('clean'));
  $('load-spammy').addEventListener('click', () => loadSample('spammy'));
  $('lint-cancel').addEventListener('click', () => engine.cancel());
  $('lint-retry').addEventListener('click', () => run(state.lastRequest));
  const runCurrent = () => run(currentRequest(mode));
  $('lint-form').addEventListener('submit', (e) => {
    e.preventDefault();
    runCurrent();
  });
  $('lint-form').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      runCurrent();
    }
  });

  return {
    run,
    setMode,
    checkOptions,
    showFailure,
    /** Shows `request` in the form and checks it (examples, share links, history, fixed messages). */
    async open(request, options) {
      fillRequest(request);
      setMode(request.kind);
      await run(currentRequest(request.kind), options);
    },
    relocalize() {
      renderRawInfo();
      renderComposeFiles();
      if (failure && !$('lint-error').hidden) $('lint-error-text').textContent = failure();
    },
  };
}


// The preflight page. Everything runs in this tab: the engine (WebAssembly) runs
// in a Web Worker, every string comes from the engine's catalogues (`ui.*` and
// `core.*` keys), and no request leaves the page's origin.
import { EngineClient } from './lib/engine-client.mjs';
import { sourceSlices } from './lib/source.mjs';
import { previewParts } from './lib/mime.mjs';
import { buildPreview, PREVIEW_CSS } from './lib/preview.mjs';
import { testScript, testMailCall, looksLikeAddress } from './lib/php.mjs';
import { setupSimulate } from './lib/simulate-view.mjs';
import { setupRulesEditor } from './views/rules-editor.mjs';

const LOCALES = ['en', 'fr', 'es', 'pl'];
const STORAGE_LOCALE = 'mail-preflight.locale';
const STORAGE_CHECKLIST = 'mail-preflight.checklist';
/** Files at most this large are also shown in the text box. */
const MAX_TEXTAREA_BYTES = 1_000_000;

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, children = []) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of [].concat(children)) if (child) node.append(child);
  return node;
};

const state = {
  locale: 'en',
  messages: {},
  rules: [],
  features: {},
  version: '',
  mode: 'raw',
  fileBytes: null,
  fileName: '',
  lastRequest: null,
  report: null,
  linted: null,
  selected: null,
};

const engine = new EngineClient(new URL('./worker.js', import.meta.url));

// ---------------------------------------------------------------- i18n

export function t(key, params = {}) {
  const template = state.messages[key];
  if (template === undefined) return key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

function number(n, digits = 0) {
  return new Intl.NumberFormat(state.locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

function megabytes(bytes) {
  const mb = bytes / 1_000_000;
  return t('ui.unit.mb', { n: number(mb, mb >= 100 ? 0 : mb >= 1 ? 2 : 3) });
}

function applyI18n(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of node.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      node.setAttribute(attr, t(key));
    }
  }
  document.documentElement.lang = state.locale;
  document.title = t('ui.title');
}

function pickLocale() {
  const saved = localStorage.getItem(STORAGE_LOCALE);
  if (LOCALES.includes(saved)) return saved;
  for (const tag of navigator.languages || [navigator.language]) {
    const primary = String(tag || '').slice(0, 2).toLowerCase();
    if (LOCALES.includes(primary)) return primary;
  }
  return 'en';
}

async function setLocale(locale, { remember = true } = {}) {
  const [messages, rules] = await Promise.all([engine.call('messages', [locale]), engine.call('rules', [locale])]);
  state.locale = locale;
  state.messages = messages;
  state.rules = rules;
  if (remember) localStorage.setItem(STORAGE_LOCALE, locale);
  $('language').value = locale;
  applyI18n();
  renderRules();
  renderChecklistProgress();
  renderTestScript();
  renderFileInfo();
  $('ts-copied').textContent = '';
  $('lint-error').hidden = true;
  simulate.relocalize();
  rulesEditor.relocalize();
  if (state.lastRequest) await runLint(state.lastRequest, { quiet: true });
  document.body.dataset.locale = locale;
}

// ---------------------------------------------------------------- navigation

const VIEWS = ['lint', 'simulate', 'explain', 'troubleshoot', 'rules', 'custom'];

function route() {
  const hash = decodeURIComponent(location.hash.slice(1));
  const [view, ...rest] = hash.split('/');
  const current = VIEWS.includes(view) ? view : 'lint';
  for (const panel of document.querySelectorAll('[data-view-panel]')) panel.hidden = panel.dataset.viewPanel !== current;
  for (const link of document.querySelectorAll('nav.views a')) {
    if (link.dataset.view === current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (current === 'lint' && ['raw', 'compose', 'php'].includes(rest[0])) setMode(rest[0]);
  if (current === 'rules' && rest.length) {
    const target = document.getElementById('rule-' + rest.join('/'));
    if (target) {
      $('rules-search').value = '';
      filterRules();
      target.scrollIntoView({ block: 'start' });
      target.focus();
    }
  }
}

/** role=tablist: click or arrow keys select; `onSelect(tab)` shows its panel. */
function tablist(container, onSelect) {
  const tabs = [...container.querySelectorAll('[role=tab]')];
  container.addEventListener('click', (e) => {
    const tab = e.target.closest('[role=tab]');
    if (tab) onSelect(tab);
  });
  container.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) return;
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -i, End: tabs.length - 1 - i }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const next = tabs[(i + step + tabs.length) % tabs.length];
    next.focus();
    onSelect(next);
  });
}

function selectTab(container, tab) {
  for (const other of container.querySelectorAll('[role=tab]')) {
    const on = other === tab;
    other.setAttribute('aria-selected', on ? 'true' : 'false');
    other.tabIndex = on ? 0 : -1;
  }
}

function setMode(mode) {
  state.mode = mode;
  const container = document.querySelector('#view-lint .modes');
  selectTab(container, container.querySelector(`[data-mode="${mode}"]`));
  for (const panel of document.querySelectorAll('[data-mode-panel]')) panel.hidden = panel.dataset.modePanel !== mode;
}

function setResultTab(name) {
  const container = document.querySelector('.source-column .modes');
  selectTab(container, container.querySelector(`[data-result-tab="${name}"]`));
  for (const panel of document.querySelectorAll('[data-result-panel]')) panel.hidden = panel.dataset.resultPanel !== name;
}

// ---------------------------------------------------------------- progress

function progress(box, textNode, key, params) {
  const started = performance.now();
  box.hidden = false;
  const tick = () => {
    textNode.textContent = t(key, { ...params, seconds: number((performance.now() - started) / 1000, 1) });
  };
  tick();
  const timer = setInterval(tick, 100);
  return () => {
    clearInterval(timer);
    box.hidden = true;
  };
}

// ---------------------------------------------------------------- lint

function readCompose() {
  const value = (id) => $(id).value;
  const compose = {};
  for (const [key, id] of [['from', 'c-from'], ['to', 'c-to'], ['replyTo', 'c-reply-to'], ['subject', 'c-subject'],
    ['text', 'c-text'], ['html', 'c-html']]) {
    if (value(id) !== '') compose[key] = value(id);
  }
  return compose;
}

async function composeRequest() {
  const compose = readCompose();
  const files = [...$('c-attachments').files];
  if (files.length) {
    compose.attachments = [];
    for (const file of files) {
      compose.attachments.push({
        filename: file.name,
        content: new Uint8Array(await file.arrayBuffer()),
        contentType: file.type || 'application/octet-stream',
      });
    }
  }
  return { kind: 'compose', compose };
}

async function currentRequest() {
  if (state.mode === 'compose') return composeRequest();
  if (state.mode === 'php') {
    // A text box gives LF line ends; the headers are joined with CRLF as a PHP script writes them.
    const [to, subject, message, headers] = ['p-to', 'p-subject', 'p-message', 'p-headers'].map((id) => $(id).value);
    return { kind: 'php', args: [to, subject, message, headers.replace(/\r?\n/g, '\r\n')] };
  }
  if (state.fileBytes) return { kind: 'raw', bytes: state.fileBytes, name: state.fileName };
  return { kind: 'raw', bytes: new TextEncoder().encode($('raw-input').value) };
}

async function runLint(request, { quiet = false } = {}) {
  const options = { locale: state.locale, ...rulesEditor.options() };
  const size = request.bytes ? request.bytes.length : 0;
  const done = progress($('lint-progress'), $('lint-progress-text'), size > 100_000 ? 'ui.lint.progress-size' : 'ui.lint.progress',
    { size: megabytes(size) });
  $('lint-error').hidden = true;
  $('lint-run').disabled = true;
  try {
    let report;
    if (request.kind === 'raw') {
      // A copy goes to the worker so the page keeps the bytes for the source view.
      const copy = request.bytes.slice();
      report = await engine.call('lint', [copy, options], [copy.buffer]);
    } else if (request.kind === 'compose') {
      report = await engine.call('lint', [request.compose, options]);
    } else {
      report = await engine.call('lintPhpMail', [...request.args, options]);
    }
    state.lastRequest = request;
    state.report = report;
    state.linted = request.kind === 'raw' ? request.bytes : new TextEncoder().encode(report.source || '');
    renderReport(quiet);
  } catch (err) {
    $('lint-error').textContent = t('ui.lint.failed', { detail: err.message });
    $('lint-error').hidden = false;
  } finally {
    done();
    $('lint-run').disabled = false;
  }
}

const SEVERITIES = ['error', 'warning', 'info'];

function renderReport(quiet) {
  const report = state.report;
  $('result').hidden = false;
  const verdict = $('verdict');
  verdict.className = `verdict verdict-${report.verdict}`;
  $('verdict-title').textContent = t(`core.verdict.${report.verdict}`);
  $('verdict-counts').textContent = t('ui.verdict.counts', {
    errors: number(report.counts.error), warnings: number(report.counts.warning), infos: number(report.counts.info),
  });
  $('verdict-score').textContent = t('core.report.score', { score: number(report.spamScore), threshold: number(report.spamThreshold) });

  // Sizes against the host's limits (10 MB encoded, 7 MB of content: seed 002).
  const sizes = report.sizes;
  const contentLimit = 7_000_000;
  meter('size-encoded', sizes.encoded, sizes.limit, t('ui.sizes.encoded', { size: megabytes(sizes.encoded), limit: megabytes(sizes.limit) }));
  meter('size-decoded', sizes.decoded, contentLimit, t('ui.sizes.decoded', { size: megabytes(sizes.decoded), limit: megabytes(contentLimit) }));

  const container = $('findings');
  container.replaceChildren();
  $('no-findings').hidden = report.findings.length > 0;
  $('no-findings').textContent = t('core.report.no-findings');
  report.findings.forEach((finding, index) => (finding.index = index));
  for (const severity of SEVERITIES) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (!group.length) continue;
    const headingId = `findings-${severity}`;
    container.append(el('section', { class: `severity-group sev-${severity}`, 'aria-labelledby': headingId }, [
      el('h4', { id: headingId, text: t('ui.findings.group', { severity: t(`core.severity.${severity}`), count: number(group.length) }) }),
      el('ol', { class: 'findings' }, group.map(renderFinding)),
    ]));
  }
  state.selected = null;
  showSource(null);
  renderPreview();
  if (!quiet) $('verdict-title').focus?.();
}

function meter(prefix, value, limit, label) {
  const ratio = limit > 0 ? value / limit : 0;
  $(`${prefix}-label`).textContent = label;
  $(`${prefix}-bar`).setAttribute('aria-label', label);
  const fill = $(`${prefix}-fill`);
  fill.style.width = `${Math.min(100, ratio * 100).toFixed(2)}%`;
  fill.className = ratio > 1 ? 'over' : ratio > 0.8 ? 'near' : '';
}

function locationText(location) {
  const bits = [];
  if (location.header) bits.push(t('ui.findings.header', { name: location.header }));
  if (location.line) bits.push(t('core.report.line', { line: number(location.line), column: number(location.column || 1) }));
  if (location.part !== undefined && location.part > 0) bits.push(t('core.report.part', { part: location.part }));
  if (location.path) bits.push(location.path);
  return bits.join(' · ');
}

function renderFinding(finding) {
  const hasRange = Number.isInteger(finding.location.start) && Number.isInteger(finding.location.end);
  const details = [];
  if (finding.evidence) {
    details.push(el('dt', { text: t('core.report.evidence') }), el('dd', {}, el('code', { class: 'evidence', translate: 'no', text: finding.evidence })));
  }
  const where = locationText(finding.location);
  if (where) details.push(el('dt', { text: t('core.report.location') }), el('dd', { text: where }));
  details.push(el('dt', { text: t('core.report.fix') }), el('dd', { text: finding.fix }));
  const item = el('li', { class: `finding sev-${finding.severity}`, dataset: { rule: finding.ruleId, index: String(finding.index) } }, [
    el('button', {
      type: 'button', class: 'finding-main', 'aria-pressed': 'false',
      title: hasRange ? t('ui.findings.show-in-source') : t('ui.findings.no-range'),
      onclick: () => selectFinding(finding, item),
    }, [
      el('span', { class: `badge sev-${finding.severity}`, text: t(`core.severity.${finding.severity}`) }),
      el('code', { class: 'rule-id', translate: 'no', text: finding.ruleId }),
      el('span', { class: 'message', text: finding.message }),
    ]),
    el('dl', {}, details),
    el('p', { class: 'doc-link' }, [
      el('a', { href: `#rules/${finding.ruleId}`, text: t('ui.findings.doc') }),
      finding.ruleId === 'spam/invisible-text'
        ? el('button', { type: 'button', class: 'link-button', text: t('ui.findings.show-in-preview'), onclick: showHiddenInPreview })
        : null,
    ]),
  ]);
  return item;
}

function selectFinding(finding, item) {
  for (const other of document.querySelectorAll('.finding-main[aria-pressed=true]')) other.setAttribute('aria-pressed', 'false');
  item.querySelector('.finding-main').setAttribute('aria-pressed', 'true');
  state.selected = finding;
  const { start, end } = finding.location;
  const range = Number.isInteger(start) && Number.isInteger(end) ? { start, end } : null;
  setResultTab('source');
  showSource(range);
  const mark = $('source').querySelector('mark');
  if (mark) mark.scrollIntoView({ block: 'center' });
}

/** Opens the preview on the first passage an invisible-text finding marked. */
async function showHiddenInPreview() {
  setResultTab('preview');
  const doc = await previewDocument();
  const mark = doc && doc.querySelector('mark.mp-hidden');
  if (mark) mark.scrollIntoView({ block: 'center' });
  $('preview').focus();
}

function showSource(range) {
  const bytes = state.linted || new Uint8Array(0);
  const slices = sourceSlices(bytes, range);
  const pre = $('source');
  const parts = [document.createTextNode(slices.before)];
  if (range) {
    parts.push(el('mark', {
      id: 'source-mark', dataset: { start: String(range.start), end: String(range.end) }, text: slices.marked,
      'aria-label': t('ui.source.highlight', { start: number(range.start), end: number(range.end) }),
    }));
    parts.push(document.createTextNode(slices.after));
  }
  pre.replaceChildren(...parts);
  const notes = [];
  if (state.report && state.report.source) notes.push(t('ui.source.rendered'));
  if (slices.truncated) {
    notes.push(t('ui.source.window', { start: number(slices.windowStart), end: number(slices.windowEnd), total: number(bytes.length) }));
  }
  if (range) notes.push(t('ui.source.highlight', { start: number(range.start), end: number(range.end) }));
  else if (state.selected) notes.push(t('ui.findings.no-range'));
  $('source-note').textContent = notes.join(' ');
}

let previewReady = null;
function previewDocument() {
  const frame = $('preview');
  if (!previewReady) {
    previewReady = new Promise((resolve) => {
      const ready = () => frame.contentDocument && frame.contentDocument.readyState === 'complete' && frame.contentDocument.body;
      if (ready()) return resolve(frame.contentDocument);
      frame.addEventListener('load', () => resolve(frame.contentDocument), { once: true });
    });
  }
  return previewReady;
}

async function renderPreview() {
  const doc = await previewDocument();
  if (!doc) return;
  const { html, text, images } = previewParts(state.linted || new Uint8Array(0));
  // spam/invisible-text quotes the hidden runs in its `words` parameter, joined by " · "
  // (its evidence is "<colour source> / <background source>: <words>").
  const hidden = state.report.findings.filter((f) => f.ruleId === 'spam/invisible-text').flatMap((f) => {
    const words = f.params && typeof f.params.words === 'string' ? f.params.words : (f.evidence || '').split(': ').slice(1).join(': ');
    return words.split(' · ');
  });
  for (const old of doc.head.querySelectorAll('style')) old.remove();
  const style = doc.createElement('style');
  style.textContent = PREVIEW_CSS;
  doc.head.append(style);
  $('preview-empty').hidden = html !== null;
  if (html === null) {
    const pre = doc.createElement('pre');
    pre.textContent = text || '';
    pre.setAttribute('style', 'white-space: pre-wrap; font: 14px/1.4 sans-serif');
    doc.body.replaceChildren(pre);
    $('preview-hidden-note').hidden = true;
    return;
  }
  const built = buildPreview(html, images, hidden, doc, { hiddenText: t('ui.preview.hidden-text'), blockedImage: t('ui.preview.blocked-image') });
  for (const css of built.styles) {
    const s = doc.createElement('style');
    s.textContent = css;
    doc.head.append(s);
  }
  doc.body.replaceChildren(built.body);
  const notes = [];
  if (built.counts.hiddenMarked) notes.push(t('ui.preview.hidden-count', { count: number(built.counts.hiddenMarked) }));
  if (built.counts.blockedImages) notes.push(t('ui.preview.blocked-count', { count: number(built.counts.blockedImages) }));
  $('preview-hidden-note').textContent = notes.join(' ');
  $('preview-hidden-note').hidden = notes.length === 0;
}

// ---------------------------------------------------------------- raw input: file, drop, sample

function loadBytes(bytes, name) {
  state.fileBytes = bytes;
  state.fileName = name;
  const textarea = $('raw-input');
  if (bytes.length <= MAX_TEXTAREA_BYTES) {
    textarea.value = new TextDecoder('utf-8').decode(bytes);
    state.shownText = textarea.value;
  } else {
    textarea.value = '';
    state.shownText = '';
  }
  renderFileInfo();
}

function renderFileInfo() {
  const bytes = state.fileBytes;
  $('file-info').textContent = bytes
    ? t(bytes.length <= MAX_TEXTAREA_BYTES ? 'ui.lint.file-loaded' : 'ui.lint.file-loaded-large', { name: state.fileName, size: megabytes(bytes.length) })
    : '';
}

async function loadFile(file) {
  if (!file) return;
  loadBytes(new Uint8Array(await file.arrayBuffer()), file.name);
  setMode('raw');
  await runLint({ kind: 'raw', bytes: state.fileBytes, name: file.name });
}

function setupRawInput() {
  const textarea = $('raw-input');
  textarea.addEventListener('input', () => {
    // Typing replaces a loaded file: what is in the box is what gets checked.
    if (state.fileBytes && textarea.value !== state.shownText) {
      state.fileBytes = null;
      $('file-info').textContent = '';
    }
  });
  $('eml-file').addEventListener('change', (e) => loadFile(e.target.files[0]));
  const zone = $('drop-zone');
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('dragging');
    if (e.dataTransfer.files.length) loadFile(e.dataTransfer.files[0]);
  });
  $('load-sample').addEventListener('click', async () => {
    const response = await fetch('samples/contact-form.eml');
    loadBytes(new Uint8Array(await response.arrayBuffer()), 'contact-form.eml');
    await runLint({ kind: 'raw', bytes: state.fileBytes, name: 'contact-form.eml' });
  });
  $('c-attachments').addEventListener('change', (e) => {
    $('c-attachment-list').replaceChildren(...[...e.target.files].map((f) => el('li', { text: `${f.name} — ${megabytes(f.size)}` })));
  });
  $('lint-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    await runLint(await currentRequest());
  });
  $('lint-form').addEventListener('keydown', async (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      await runLint(await currentRequest());
    }
  });
}

// ---------------------------------------------------------------- rules reference

function renderRules() {
  const list = $('rules-list');
  list.replaceChildren(...state.rules.map((rule) => el('article', {
    class: 'rule card', id: `rule-${rule.id}`, tabindex: '-1', dataset: { search: [rule.id, rule.summary, rule.why, rule.fix].join(' ').toLowerCase() },
  }, [
    el('h2', {}, [el('code', { translate: 'no', text: rule.id }), ' ', el('span', { class: `badge sev-${rule.defaultSeverity}`, text: t(`core.severity.${rule.defaultSeverity}`) })]),
    el('p', { class: 'summary', text: rule.summary }),
    el('p', { class: 'hint', text: t('ui.rules.score', { score: number(rule.defaultScore) }) }),
    el('h3', { text: t('ui.rules.why') }), el('p', { text: rule.why }),
    el('h3', { text: t('ui.rules.fix') }), el('p', { text: rule.fix }),
    el('details', {}, [
      el('summary', { text: t('ui.rules.examples', { count: number(rule.examples.length) }) }),
      el('ul', { class: 'examples' }, rule.examples.map((example) => renderExample(rule, example))),
    ]),
  ])));
  filterRules();
}

function renderExample(rule, example) {
  const children = [
    el('p', {}, [
      el('span', { class: `badge ${example.fails ? 'sev-error' : 'sev-pass'}`, text: t(example.fails ? 'ui.rules.example-fails' : 'ui.rules.example-passes') }),
      ' ', el('span', { translate: 'no', text: example.title }),
    ]),
  ];
  if (example.kind !== 'generated') {
    children.push(el('pre', { class: 'code', translate: 'no', text: example.input }));
    if (example.options) children.push(el('p', { class: 'hint' }, [t('ui.rules.options') + ' ', el('code', { translate: 'no', text: example.options })]));
    if (!example.options) {
      children.push(el('button', { type: 'button', class: 'secondary', text: t('ui.rules.try'), onclick: () => tryExample(example) }));
    }
  }
  return el('li', { class: 'example' }, children);
}

async function tryExample(example) {
  location.hash = '#lint';
  if (example.kind === 'raw') {
    state.fileBytes = null;
    $('raw-input').value = example.input;
    setMode('raw');
  } else if (example.kind === 'compose') {
    const compose = JSON.parse(example.input);
    for (const [key, id] of [['from', 'c-from'], ['to', 'c-to'], ['replyTo', 'c-reply-to'], ['subject', 'c-subject'], ['text', 'c-text'], ['html', 'c-html']]) {
      $(id).value = typeof compose[key] === 'string' ? compose[key] : '';
    }
    setMode('compose');
  } else if (example.kind === 'phpMail') {
    const call = JSON.parse(example.input);
    $('p-to').value = call.to; $('p-subject').value = call.subject; $('p-message').value = call.message; $('p-headers').value = call.headers;
    setMode('php');
  }
  await runLint(await currentRequest());
}

function filterRules() {
  const query = $('rules-search').value.trim().toLowerCase();
  let shown = 0;
  for (const article of $('rules-list').children) {
    const match = !query || article.dataset.search.includes(query);
    article.hidden = !match;
    if (match) shown++;
  }
  $('rules-count').textContent = t('ui.rules.count', { shown: number(shown), total: number(state.rules.length) });
}

// ---------------------------------------------------------------- explain

function setupExplain() {
  const missing = !state.features.explainSmtpReply;
  $('explain-missing').hidden = !missing;
  $('explain-run').disabled = missing;
  $('smtp-reply').disabled = missing;
  $('explain-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (missing) return;
    const box = $('explanation');
    try {
      const result = await engine.call('explainSmtpReply', [$('smtp-reply').value, state.locale]);
      box.replaceChildren(renderExplanation(result));
    } catch (err) {
      box.replaceChildren(el('p', { class: 'error', text: t('ui.explain.failed', { detail: err.message }) }));
    }
    box.hidden = false;
  });
}

/** The explainer's answer (SmtpExplanation): class, meaning, action, enhanced code. */
function renderExplanation(result) {
  const rows = [];
  const row = (key, value, code = false) => {
    if (value === undefined || value === null || value === '') return;
    rows.push(el('dt', { text: t(key) }), el('dd', {}, code ? el('code', { translate: 'no', text: value }) : value));
  };
  row('ui.explain.meaning', result.meaning);
  row('ui.explain.action', result.action);
  row('ui.explain.retry', t(result.retry ? 'ui.explain.retry.yes' : 'ui.explain.retry.no'));
  if (result.enhanced) {
    row('ui.explain.enhanced', [result.enhanced.class, result.enhanced.subject, result.enhanced.detail].filter(Boolean).join(' — '));
  }
  row('ui.explain.text', result.text, true);
  const heading = el('h2', { class: `reply-class reply-${result.class}` }, [
    el('code', { translate: 'no', text: [result.code, result.enhanced && result.enhanced.code].filter(Boolean).join(' ') }),
    ' ', result.classMeaning || '',
  ]);
  const parts = [heading];
  if (result.problem) parts.push(el('p', { class: 'warn-note', text: result.problem }));
  parts.push(el('dl', { class: 'explanation' }, rows));
  const box = document.createDocumentFragment();
  box.append(...parts);
  return box;
}

// ---------------------------------------------------------------- troubleshoot

function checklistState() {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_CHECKLIST) || '{}');
  } catch {
    return {};
  }
}

function renderChecklistProgress() {
  const boxes = [...document.querySelectorAll('.checklist input[type=checkbox]')];
  const done = boxes.filter((b) => b.checked).length;
  $('checklist-progress').textContent = t('ui.ts.progress', { done: number(done), total: number(boxes.length) });
}

function testFields() {
  return { to: $('ts-to').value, from: $('ts-from').value, name: $('ts-name').value };
}

function renderTestScript() {
  const fields = testFields();
  const problems = [];
  if (fields.to && !looksLikeAddress(fields.to)) problems.push(t('ui.ts.test.bad-to'));
  if (fields.from && !looksLikeAddress(fields.from)) problems.push(t('ui.ts.test.bad-from'));
  $('ts-problem').textContent = problems.join(' ');
  $('ts-problem').hidden = problems.length === 0;
  $('ts-script').textContent = testScript({
    to: fields.to || 'RecipientEmail@adress.tld',
    from: fields.from || 'SendingEmail@address.tld',
    name: fields.name || 'Website',
  });
}

/**
 * The config/* findings for SMTP settings: through checkSmtpSettings() when the engine
 * has it, otherwise through lint() with the settings in its options (the config rules
 * read only the options; the message is a minimal one from the sending address).
 */
async function checkSmtpSettings(settings) {
  if (state.features.checkSmtpSettings) {
    const result = await engine.call('checkSmtpSettings', [settings, state.locale]);
    return Array.isArray(result) ? result : result.findings || [];
  }
  const from = (settings.from || 'webmaster@example.com').replace(/[\r\n]/g, '');
  const message = `From: ${from}\r\nTo: ${from}\r\nSubject: SMTP settings\r\n\r\n.\r\n`;
  const report = await engine.call('lint', [message, { locale: state.locale, smtp: settings }]);
  return report.findings.filter((f) => f.ruleId.startsWith('config/'));
}

function setupTroubleshoot() {
  const saved = checklistState();
  for (const box of document.querySelectorAll('.checklist input[type=checkbox]')) {
    box.checked = !!saved[box.dataset.step];
    box.addEventListener('change', () => {
      const now = checklistState();
      now[box.dataset.step] = box.checked;
      localStorage.setItem(STORAGE_CHECKLIST, JSON.stringify(now));
      renderChecklistProgress();
    });
  }
  for (const id of ['ts-to', 'ts-from', 'ts-name']) $(id).addEventListener('input', renderTestScript);
  $('ts-copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('ts-script').textContent);
      $('ts-copied').textContent = t('ui.ts.test.copied');
    } catch {
      const range = document.createRange();
      range.selectNodeContents($('ts-script'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      $('ts-copied').textContent = t('ui.ts.test.selected');
    }
  });
  $('ts-lint').addEventListener('click', async () => {
    const fields = testFields();
    const call = testMailCall({
      to: fields.to || 'RecipientEmail@adress.tld', from: fields.from || 'SendingEmail@address.tld', name: fields.name || 'Website',
    });
    $('p-to').value = call.to;
    $('p-subject').value = call.subject;
    $('p-message').value = call.message;
    $('p-headers').value = call.headers;
    location.hash = '#lint/php';
    setMode('php');
    await runLint(await currentRequest());
  });
  $('smtp-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const settings = { transport: $('smtp-transport').value, security: $('smtp-security').value };
    if ($('smtp-host').value.trim()) settings.host = $('smtp-host').value.trim();
    if ($('smtp-port').value) settings.port = Number($('smtp-port').value);
    if ($('smtp-from').value.trim()) settings.from = $('smtp-from').value.trim();
    const out = $('smtp-result');
    try {
      const findings = await checkSmtpSettings(settings);
      out.replaceChildren(findings.length
        ? el('ul', { class: 'findings' }, findings.map((f) => el('li', { class: `finding sev-${f.severity}`, dataset: { rule: f.ruleId } }, [
          el('span', { class: `badge sev-${f.severity}`, text: t(`core.severity.${f.severity}`) }), ' ',
          el('code', { translate: 'no', text: f.ruleId }), ' ', el('span', { text: f.message }),
          el('p', { class: 'hint', text: f.fix }),
        ])))
        : el('p', { class: 'pass-note', text: t('ui.ts.smtp.ok') }));
    } catch (err) {
      out.replaceChildren(el('p', { class: 'error', text: t('ui.ts.smtp.failed', { detail: err.message }) }));
    }
  });
  renderTestScript();
}

// ---------------------------------------------------------------- start

let simulate = { relocalize() {} };
let rulesEditor = { options: () => ({}), relocalize() {} };

async function start() {
  const status = $('engine-status');
  status.textContent = '…';
  let hello;
  try {
    hello = await engine.call('hello');
  } catch (err) {
    // The catalogue lives in the engine: without it, say so in the four languages.
    status.textContent = 'The engine could not start / Le moteur n\'a pas pu démarrer / El motor no pudo iniciarse / Silnik nie mógł się uruchomić: ' + err.message;
    status.className = 'status error';
    return;
  }
  state.version = hello.version;
  state.features = hello.features;
  $('engine-version').textContent = hello.version;
  simulate = setupSimulate({ engine, state, t, number, el, $, progress });
  rulesEditor = setupRulesEditor({ root: $('view-custom'), engine, t, el, locale: () => state.locale, available: Boolean(hello.features.checkCustomRules) });
  await setLocale(pickLocale(), { remember: false });
  status.textContent = '';
  setupRawInput();
  tablist(document.querySelector('#view-lint .modes'), (tab) => setMode(tab.dataset.mode));
  tablist(document.querySelector('.source-column .modes'), (tab) => setResultTab(tab.dataset.resultTab));
  setMode('raw');
  setResultTab('source');
  setupExplain();
  setupTroubleshoot();
  $('rules-search').addEventListener('input', filterRules);
  $('language').addEventListener('change', (e) => setLocale(e.target.value));
  window.addEventListener('hashchange', route);
  route();
  document.body.dataset.ready = 'true';
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('sw.js').catch(() => {});
  }
}

start();

// "Your rules": custom rules (a JSON list, `customRules`) and a SpamAssassin
// rule file (`spamassassinRules`), written here, checked by the engine as you
// type (`checkCustomRules`, problems at their line and column), kept in this
// browser (localStorage), exported and imported as JSON, and applied to the
// page's checks through `options()`.

import { readStored, writeStored, storageUsable } from '../lib/storage.mjs';

const STORAGE = 'mail-preflight.custom-rules';
/** Wait after the last key before checking, in ms (checking the whole SpamAssassin set takes about a second). */
const CHECK_DELAY_MS = 300;
/** Largest file imported, in bytes (the engine accepts 4 MB of SpamAssassin rules). */
const MAX_IMPORT_BYTES = 4_000_000;

const EXAMPLE = [
  {
    id: 'acme/banned-words',
    target: 'body',
    pattern: '(?i)\\b(casino|payday loans?)\\b',
    severity: 'warning',
    score: 2.5,
    message: { en: 'Banned word: {match}', fr: 'Mot interdit : {match}' },
  },
  {
    id: 'acme/crm-header',
    target: 'header',
    header: 'X-Acme-CRM',
    pattern: '^[0-9]{6}$',
    expect: 'match',
    severity: 'error',
  },
];

function load() {
  try {
    const saved = JSON.parse(readStored(STORAGE) || '{}');
    return {
      json: typeof saved.json === 'string' ? saved.json : '',
      sa: typeof saved.sa === 'string' ? saved.sa : '',
      enabled: saved.enabled !== false,
    };
  } catch {
    return { json: '', sa: '', enabled: true };
  }
}

/** The UTF-16 offset of a 1-based line and column (in characters) of `text`. */
function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  for (let c = 1; c < column && offset < text.length && text[offset] !== '\n'; c++) {
    offset += text.codePointAt(offset) > 0xffff ? 2 : 1;
  }
  return offset;
}

/**
 * Builds the panel in `root`. `engine` is the worker client, `t` the page's
 * translator, `el` its element helper, `locale()` the current language.
 * Returns `{ options(), relocalize() }`.
 */
export function setupRulesEditor({ root, engine, t, el, locale }) {
  const saved = load();
  const json = el('textarea', { id: 'custom-json', rows: 12, spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'custom-json-hint' });
  const sa = el('textarea', { id: 'custom-sa', rows: 10, spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'custom-sa-hint' });
  const enabled = el('input', { id: 'custom-enabled', type: 'checkbox' });
  const status = el('p', { id: 'custom-status', class: 'status', role: 'status', 'aria-live': 'polite' });
  const problems = el('ul', { id: 'custom-problems', class: 'problems' });
  const file = el('input', { id: 'custom-import', type: 'file', 'aria-labelledby': 'custom-import-button', accept: '.json,.cf,.txt,application/json,text/plain', hidden: true });
  const exportButton = el('button', { id: 'custom-export', type: 'button', dataset: { i18n: 'ui.custom.export' } });
  json.value = saved.json;
  sa.value = saved.sa;
  enabled.checked = saved.enabled;

  root.replaceChildren(
    el('h1', { id: 'custom-title', dataset: { i18n: 'ui.custom.title' } }),
    el('p', { class: 'lead', dataset: { i18n: 'ui.custom.lead' } }),
    // With site data blocked (lib/storage.mjs) the rules last as long as the tab: the hint says so instead.
    el('p', { id: 'custom-storage', class: 'hint', dataset: { i18n: storageUsable() ? 'ui.custom.storage' : 'page.storage.custom-off' } }),
    el('label', { for: 'custom-json', dataset: { i18n: 'ui.custom.json.label' } }),
    el('p', { id: 'custom-json-hint', class: 'hint', dataset: { i18n: 'ui.custom.json.hint' } }),
    json,
    el('p', {}, [el('button', { id: 'custom-example', type: 'button', dataset: { i18n: 'ui.custom.example' }, onclick: insertExample })]),
    el('label', { for: 'custom-sa', dataset: { i18n: 'ui.custom.sa.label' } }),
    el('p', { id: 'custom-sa-hint', class: 'hint', dataset: { i18n: 'ui.custom.sa.hint' } }),
    sa,
    el('p', {}, [enabled, ' ', el('label', { for: 'custom-enabled', dataset: { i18n: 'ui.custom.enabled' } })]),
    el('p', { class: 'actions' }, [
      exportButton,
      ' ',
      el('button', { id: 'custom-import-button', type: 'button', dataset: { i18n: 'ui.custom.import' }, onclick: () => file.click() }),
      file,
    ]),
    status,
    problems,
  );

  // The last check: `ready` rules are the ones `options()` hands to lint.
  let ready = { customRules: null, spamassassinRules: null };
  let lastResults = [];
  let timer = null;
  let generation = 0;

  function save() {
    writeStored(STORAGE, JSON.stringify({ json: json.value, sa: sa.value, enabled: enabled.checked }));
  }

  /**
   * What an export or import could not do, `{id, params}`: said in the status line in
   * place of the check's summary, and said again in a new language (relocalize), until
   * the rules change.
   */
  let notice = null;

  function say(id, params = {}) {
    notice = { id, params };
    status.textContent = t(id, params);
  }

  function schedule() {
    notice = null;
    // Set until the check of what was typed is shown (tests and assistive tools wait on it).
    root.dataset.checking = 'true';
    save();
    clearTimeout(timer);
    timer = setTimeout(check, CHECK_DELAY_MS);
  }

  async function check() {
    const mine = ++generation;
    status.textContent = t('ui.custom.checking');
    const jsonText = json.value.trim() === '' ? '[]' : json.value;
    const calls = [engine.call('checkCustomRules', [jsonText, locale()]).then((r) => ({ source: json, result: r }))];
    if (sa.value.trim() !== '') {
      calls.push(engine.call('checkCustomRules', [JSON.stringify({ spamassassinRules: sa.value }), locale()]).then((r) => ({ source: sa, result: r })));
    }
    let results;
    try {
      results = await Promise.all(calls);
    } catch (err) {
      if (mine !== generation) return;
      delete root.dataset.checking;
      status.textContent = err.message;
      ready = { customRules: null, spamassassinRules: null };
      return;
    }
    if (mine !== generation) return;
    delete root.dataset.checking;
    lastResults = results;
    const [custom, spamassassin] = results;
    const customOk = custom.result.ok;
    ready = {
      customRules: customOk && json.value.trim() !== '' ? JSON.parse(json.value) : null,
      spamassassinRules: spamassassin && spamassassin.result.ok ? sa.value : null,
    };
    render();
  }

  function render() {
    const lines = [];
    let count = 0;
    problems.replaceChildren();
    for (const { source, result } of lastResults) {
      for (const problem of result.problems) {
        count += source === json ? 1 : 0;
        const children = [];
        if (problem.line) {
          const at = offsetOf(source.value, problem.line, problem.column || 1);
          children.push(el('button', {
            type: 'button',
            class: 'link',
            text: t('ui.custom.problem.at', { line: problem.line, column: problem.column || 1 }),
            dataset: { reason: problem.reason },
            onclick: () => {
              source.focus();
              source.setSelectionRange(at, Math.min(at + 1, source.value.length));
            },
          }), ' ');
        }
        children.push(el('span', { text: problem.message }));
        problems.append(el('li', { class: source === json ? 'problem' : 'refusal' }, children));
      }
    }
    const [custom, spamassassin] = lastResults;
    if (custom && count > 0) lines.push(t('ui.custom.status.invalid', { count }));
    else if (custom && custom.result.customRules > 0) lines.push(t('ui.custom.status.ok', { count: custom.result.customRules }));
    if (spamassassin && spamassassin.result.spamassassin) {
      const summary = spamassassin.result.spamassassin;
      lines.push(t('ui.custom.status.sa', { loaded: summary.loadedTotal, refused: summary.refused }));
    }
    if (lines.length === 0) lines.push(t('ui.custom.empty'));
    status.textContent = notice ? t(notice.id, notice.params) : lines.join(' ');
    exportButton.disabled = count > 0;
  }

  function insertExample() {
    json.value = JSON.stringify(EXAMPLE, null, 2);
    schedule();
  }

  exportButton.addEventListener('click', () => {
    let rules;
    try {
      rules = json.value.trim() === '' ? [] : JSON.parse(json.value);
    } catch {
      // Export clicked before the check of what was typed (CHECK_DELAY_MS) disabled it: the
      // rules do not parse (audit defect 07: an uncaught SyntaxError, nothing said). The
      // check runs now, so its problems show at their line and column.
      clearTimeout(timer);
      notice = { id: 'page.custom.not-json', params: {} };
      check();
      // Said now, over check()'s "Checking…"; its summary gives way to it too (render()).
      say(notice.id);
      return;
    }
    const payload = { customRules: rules };
    if (sa.value.trim() !== '') payload.spamassassinRules = sa.value;
    const blob = new Blob([JSON.stringify(payload, null, 2) + '\n'], { type: 'application/json' });
    const link = el('a', { href: URL.createObjectURL(blob), download: 'mail-preflight-rules.json' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  });

  file.addEventListener('change', async () => {
    const chosen = file.files && file.files[0];
    file.value = '';
    if (!chosen) return;
    // Each refusal is the page's own sentence, in the page's language (the browser's JSON.parse
    // message is English whatever the page's language: audit defect 05).
    if (chosen.size > MAX_IMPORT_BYTES) {
      say('page.custom.import-too-large');
      return;
    }
    let content;
    try {
      content = await chosen.text();
    } catch (err) {
      say('ui.custom.import.failed', { detail: err.message });
      return;
    }
    if (/\.cf$/i.test(chosen.name) || /\.txt$/i.test(chosen.name)) {
      sa.value = content;
    } else {
      let value;
      try {
        value = JSON.parse(content);
      } catch {
        say('page.custom.import-not-json');
        return;
      }
      if (Array.isArray(value)) json.value = JSON.stringify(value, null, 2);
      else if (value && typeof value === 'object') {
        if (value.customRules !== undefined) json.value = JSON.stringify(value.customRules, null, 2);
        if (typeof value.spamassassinRules === 'string') sa.value = value.spamassassinRules;
      } else {
        say('page.custom.import-not-rules');
        return;
      }
    }
    schedule();
  });

  /** The panel's own labels (it may be built after the page applied its texts). */
  function applyTexts() {
    for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  }

  json.addEventListener('input', schedule);
  sa.addEventListener('input', schedule);
  enabled.addEventListener('change', save);
  applyTexts();
  check();

  return {
    /** The options the page's checks add: nothing unless applied and without problems. */
    options() {
      if (!enabled.checked) return {};
      const out = {};
      if (ready.customRules && ready.customRules.length) out.customRules = ready.customRules;
      if (ready.spamassassinRules) out.spamassassinRules = ready.spamassassinRules;
      return out;
    },
    /** The language changed: the engine's problem texts are in the old one. */
    relocalize() {
      applyTexts();
      check();
    },
  };
}

// The page's language: which catalogue is in force, and `text(id, params)`,
// the one place a catalogue entry becomes a sentence — rendered by the engine's
// own `renderMessage` (its number formatting, megabytes and labels), so the page
// has no template renderer of its own. Every string comes from the engine's
// catalogues (`ui.*`, `core.*` and the rule texts); the page never builds a
// sentence by concatenation. The few texts of the page the engine's catalogue
// does not hold yet (`page.*`, no parameters) are in lib/page-texts.mjs.

import { PAGE_TEXTS } from './page-texts.mjs';
import { readStored, writeStored } from './storage.mjs';

export const LOCALES = ['en', 'fr', 'es', 'pl'];
const STORAGE_LOCALE = 'mail-preflight.locale';

const current = { locale: 'en', renderer: null };

export const locale = () => current.locale;

/** Puts a language in force: `text()` renders in it from now on. */
export function useLocale(locale) {
  current.locale = locale;
}

/**
 * Hands rendering to the engine: `engine.renderMessage(id, params, locale)` formats
 * numbers and fills labels as the engine does for its own reports. `engine` is the
 * wasm-bindgen module loaded on the main thread (rendering is cheap and must stay
 * synchronous: progress counters tick while the worker is busy).
 */
export function useEngineRenderer(engine) {
  current.renderer = engine;
}

/**
 * The catalogue entry `id` in the current language, with its `{name}` parameters:
 * numbers (grouped integers, decimals), text, `{number, decimals}` for a fixed
 * number of decimals, `{megabytes}`, `{label}`. A parameter the engine refuses is
 * a bug of the page: it is reported on the console and the id is shown.
 */
export function text(id, params = {}) {
  if (Object.hasOwn(PAGE_TEXTS, id)) return PAGE_TEXTS[id][current.locale] || PAGE_TEXTS[id].en;
  try {
    return current.renderer.renderMessage(id, params, current.locale);
  } catch (err) {
    console.error(`text(${id}): ${err.message}`);
    return id;
  }
}

/** Stands for an element in a rendered sentence (a private-use character: no catalogue text holds one). */
const SLOT = '\ue000';

/**
 * The catalogue entry `id` as nodes, with `elements` ({param: Node}) in place of those
 * parameters: a file name shown in a <bdi> of its own inside the sentence (lib/names.mjs).
 * Only one element per sentence is supported, which is all the page's sentences need.
 */
export function textWith(id, params, elements) {
  const [[param, node]] = Object.entries(elements);
  const [before, after = ''] = text(id, { ...params, [param]: SLOT }).split(SLOT);
  return [before, node, after];
}

/** `{number, decimals}`: a parameter the engine shows with exactly `decimals` decimals ("5.0", "5,0"). */
export const fixed = (number, decimals) => ({ number, decimals });

/** A number in the reader's language, with exactly `digits` decimals. */
export function formatNumber(n, digits = 0) {
  return new Intl.NumberFormat(current.locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

/**
 * A byte count for people: bytes under 1 kB, kilobytes under 1 MB, megabytes
 * above (decimal units, as the engine's size limits: README "Megabytes are decimal").
 */
export function formatSize(bytes) {
  if (bytes < 1000) return text('ui.unit.b', { n: bytes });
  if (bytes < 1_000_000) return text('ui.unit.kb', { n: fixed(bytes / 1000, 1) });
  const mb = bytes / 1_000_000;
  return text('ui.unit.mb', { n: fixed(mb, mb >= 100 ? 0 : 2) });
}

/** Fills `data-i18n` (text) and `data-i18n-attr` (`attr:key;attr:key`) under `root`. */
export function applyI18n(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = text(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of node.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      node.setAttribute(attr, text(key));
    }
  }
  document.documentElement.lang = current.locale;
  document.title = text('ui.title');
}

/**
 * The visitor's saved choice, else the browser's first supported language, else English
 * (with site data blocked nothing is saved: lib/storage.mjs).
 */
export function pickLocale() {
  const saved = readStored(STORAGE_LOCALE);
  if (LOCALES.includes(saved)) return saved;
  for (const tag of navigator.languages || [navigator.language]) {
    const primary = String(tag || '').slice(0, 2).toLowerCase();
    if (LOCALES.includes(primary)) return primary;
  }
  return 'en';
}

export function rememberLocale(locale) {
  writeStored(STORAGE_LOCALE, locale);
}

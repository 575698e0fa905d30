// The page's language: which catalogue is in force, and `text(id, params)`,
// the one place a catalogue entry becomes a sentence. Every string comes from
// the engine's catalogues (`ui.*`, `core.*` and the rule texts); the page never
// builds a sentence by concatenation.

export const LOCALES = ['en', 'fr', 'es', 'pl'];
const STORAGE_LOCALE = 'mail-preflight.locale';

const current = { locale: 'en', messages: {}, renderer: null };

export const locale = () => current.locale;

/** Puts a language's catalogue (`messages(locale)` of the engine) in force. */
export function setCatalogue(locale, messages) {
  current.locale = locale;
  current.messages = messages;
}

/**
 * Hands rendering to the engine: `engine.renderMessage(id, params, locale)` formats
 * numbers and escapes as the engine does for its own reports. `engine` is the
 * wasm-bindgen module loaded on the main thread (rendering is cheap and must stay
 * synchronous: progress counters tick while the worker is busy).
 */
export function useEngineRenderer(engine) {
  current.renderer = engine && typeof engine.renderMessage === 'function' ? engine : null;
}

/** The catalogue entry `id` in the current language, with its `{name}` parameters filled. */
export function text(id, params = {}) {
  if (current.renderer) return current.renderer.renderMessage(id, params, current.locale);
  return fallbackRender(id, params);
}

/** Whether the catalogue has `id` (an unknown id renders as the id itself). */
export const has = (id) => Object.prototype.hasOwnProperty.call(current.messages, id);

// Waits for the engine's renderMessage (issue 12). Until then: the template with
// `{name}` replaced, numbers formatted like the engine's (grouped integers, one decimal).
function fallbackRender(id, params) {
  const template = current.messages[id];
  if (template === undefined) return id;
  return template.replace(/\{(\w+)\}/g, (whole, name) => {
    if (!(name in params)) return whole;
    const value = params[name];
    if (typeof value !== 'number') return String(value);
    return formatNumber(value, Number.isInteger(value) ? 0 : 1);
  });
}

/** A number in the reader's language, with exactly `digits` decimals. */
export function formatNumber(n, digits = 0) {
  return new Intl.NumberFormat(current.locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

/**
 * A byte count for people: bytes under 1 kB, kilobytes under 1 MB, megabytes
 * above (decimal units, as the engine's size limits: README "Megabytes are decimal").
 */
export function formatSize(bytes) {
  if (bytes < 1000) return text('ui.unit.b', { n: formatNumber(bytes) });
  if (bytes < 1_000_000) return text('ui.unit.kb', { n: formatNumber(bytes / 1000, 1) });
  const mb = bytes / 1_000_000;
  return text('ui.unit.mb', { n: formatNumber(mb, mb >= 100 ? 0 : 2) });
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

/** The visitor's saved choice, else the browser's first supported language, else English. */
export function pickLocale() {
  const saved = localStorage.getItem(STORAGE_LOCALE);
  if (LOCALES.includes(saved)) return saved;
  for (const tag of navigator.languages || [navigator.language]) {
    const primary = String(tag || '').slice(0, 2).toLowerCase();
    if (LOCALES.includes(primary)) return primary;
  }
  return 'en';
}

export function rememberLocale(locale) {
  localStorage.setItem(STORAGE_LOCALE, locale);
}

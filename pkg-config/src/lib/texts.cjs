'use strict';
// The package's own words (CLI output, errors raised before the engine runs, the
// Nodemailer plugin's and the test assertions' messages), in the reader's language,
// from the engine's catalogue (`src/i18n/catalog/cli.rs`): the engine's messages()
// gives the templates, the engine's renderMessage() fills them.
//
// Until the engine exports renderMessage(id, params, locale) (issue 12), `fill`
// stands in with its contract for the package's templates: `{name}` replaced by
// the parameter, `{{` and `}}` literal braces. Numbers the package shows are
// counts, written as digits in every language.

const { sharedEngine } = require('./engine.cjs');

const LOCALES = ['en', 'fr', 'es', 'pl'];
const catalogues = new Map();

function catalogue(locale) {
  if (!catalogues.has(locale)) catalogues.set(locale, sharedEngine().call('messages', [locale]));
  return catalogues.get(locale);
}

/** `{name}` → params[name]; `{{`/`}}` → a brace; an unknown name stays as written. */
function fill(template, params) {
  return template.replace(/\{\{|\}\}|\{(\w+)\}/g, (match, name) => {
    if (!name) return match[0];
    return Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match;
  });
}

/** The catalogue text `id` in `locale` (English for an unknown locale), with its parameters. */
function render(id, params = {}, locale = 'en') {
  const language = LOCALES.includes(locale) ? locale : 'en';
  const engine = sharedEngine();
  if (engine.exports('renderMessage')) return engine.call('renderMessage', [id, params, language]);
  const template = catalogue(language)[id];
  return template === undefined ? id : fill(template, params);
}

/** A translator bound to one language: `t('cli.counts', { errors: 1 })`. */
function translator(locale) {
  return (id, params) => render(id, params, locale);
}

module.exports = { render, translator, LOCALES };

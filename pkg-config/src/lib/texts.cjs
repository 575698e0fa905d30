'use strict';
// The package's own words (CLI output, errors raised before the engine runs, the
// Nodemailer plugin's and the test assertions' messages), in the reader's language,
// from the engine's catalogue (`src/i18n/catalog/cli.rs`), rendered by the engine's
// renderMessage(): the one template renderer, with its number formatting
// (`{number, decimals}`), megabytes (`{megabytes}`) and `{{`/`}}` literal braces.

const { sharedEngine } = require('./engine.cjs');

const LOCALES = ['en', 'fr', 'es', 'pl'];

/** The catalogue text `id` in `locale` (English for an unknown locale), with its parameters. */
function render(id, params = {}, locale = 'en') {
  const language = LOCALES.includes(locale) ? locale : 'en';
  return sharedEngine().call('renderMessage', [id, params, language]);
}

/** A translator bound to one language: `t('cli.counts', { errors: 1 })`. */
function translator(locale) {
  const t = (id, params) => render(id, params, locale);
  t.locale = LOCALES.includes(locale) ? locale : 'en';
  return t;
}

/** `{number, decimals}`: a parameter the engine shows with exactly `decimals` decimals ("5.0", "5,0"). */
const fixed = (number, decimals) => ({ number, decimals });

module.exports = { render, translator, fixed, LOCALES };

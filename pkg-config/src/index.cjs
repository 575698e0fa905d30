'use strict';
// Node entry, CommonJS. The wasm is compiled and instantiated synchronously on
// the first require; index.mjs re-exports THIS module through createRequire, so
// `require('mail-preflight')` and `import 'mail-preflight'` in one process share
// one engine. Every call goes through lib/engine.cjs: inputs are measured before
// they are copied into wasm memory, and a trap re-creates the instance.
const { sharedEngine, checkText, sizeOf, localeOf, MAX_INPUT_BYTES, MAX_REPLY_BYTES } = require('./lib/engine.cjs');
const { codedError, namedTooLarge } = require('./lib/errors.cjs');
const { jsonText, losesNumbers } = require('./lib/json-values.cjs');
const { render } = require('./lib/texts.cjs');

const engine = sharedEngine();

/** A scenario past the input limit: the engine's own error for it (`queue.error.scenario-too-large`). */
function scenarioTooLarge(locale) {
  return (size) => {
    const messageId = 'queue.error.scenario-too-large';
    const params = { size: { megabytes: size }, limit: { megabytes: MAX_INPUT_BYTES } };
    return codedError('input-too-large', render(messageId, params, locale), { messageId, params, size, limit: MAX_INPUT_BYTES });
  };
}

/**
 * A scenario as the JSON text the engine reads, refused in its own language when
 * JSON cannot hold it, and measured before it is copied into wasm memory.
 */
function scenarioText(scenario) {
  if (!scenario || typeof scenario !== 'object') return checkText(scenario, scenarioTooLarge('en'));
  const locale = localeOf([scenario]);
  const json = jsonText(scenario, { code: 'invalid-scenario', subject: 'core.invalid.subject.scenario', path: 'scenario', locale });
  checkText(json, scenarioTooLarge(locale));
  return losesNumbers(scenario, json) ? scenario : json;
}

/** `value` as given, once JSON can hold it (the engine reads it through JSON.stringify), measured as that JSON. */
function jsonObject(value, refusal, what) {
  if (value && typeof value === 'object') {
    checkText(jsonText(value, refusal), (size) => namedTooLarge(what, size, MAX_INPUT_BYTES, refusal.locale));
  }
  return value;
}

/**
 * SMTP settings as the JSON text the engine reads, written once here (measured,
 * and refused in the caller's words when JSON cannot hold them) and not again in
 * the engine (`checkSmtpSettingsJson`); undefined for what the engine reads as
 * given: no object, no JSON text, or a text that lost a number JSON cannot hold
 * (the engine names it as the caller wrote it).
 */
function settingsText(settings, locale) {
  if (!settings || typeof settings !== 'object') return undefined;
  const json = jsonText(settings, { code: 'invalid-options', subject: 'cli.invalid.subject.settings', path: 'settings', locale });
  if (typeof json !== 'string') return undefined;
  checkText(json, (size) => namedTooLarge('core.too-large.options', size, MAX_INPUT_BYTES, locale));
  return losesNumbers(settings, json) ? undefined : json;
}

/** A text (or a value) measured as `what` before it is copied into wasm memory. */
function measured(value, what, locale) {
  return checkText(value, (size) => namedTooLarge(what, size, MAX_INPUT_BYTES, typeof locale === 'string' ? locale : 'en'));
}

/** Rules as the engine reads them: an object as its JSON text, measured either way. */
function rulesText(rules, locale) {
  const text = rules && typeof rules === 'object'
    ? jsonText(rules, { code: 'invalid-options', subject: 'core.invalid.subject.options', path: 'rules', locale: typeof locale === 'string' ? locale : 'en' })
    : rules;
  return measured(text, 'core.too-large.rules', locale);
}

/** Message parameters measured before they are copied (a 500 MB parameter grew the wasm memory to 2.9 GB). */
function measuredParams(params, locale) {
  if (params && typeof params === 'object') {
    const size = sizeOf(params);
    if (size > MAX_INPUT_BYTES) throw namedTooLarge('core.too-large.params', size, MAX_INPUT_BYTES, typeof locale === 'string' ? locale : 'en');
  }
  return params;
}

/**
 * A locale lint() would refuse ('de') is refused with lint()'s own error
 * (invalid-options, core.invalid.unknown-value), not rendered in English.
 */
function refuseUnknownLocale(locale) {
  if (locale !== undefined) engine.call('checkOptions', [JSON.stringify({ locale })]);
}

module.exports = {
  // Already initialised at require time; kept so code written for the browser
  // entry (`await init()` once, then sync calls) runs unchanged in Node.
  init: () => Promise.resolve(),
  initSync: () => {},
  lint: (input, options) => engine.lint(input, options),
  // Compose fields holding streams (Nodemailer's Readable content): read, then linted.
  lintAsync: (input, options) => engine.lintAsync(input, options),
  analyseAsync: (input, options) => engine.analyseAsync(input, options),
  lintPhpMail: (to, subject, message, headers, options) => engine.lintPhpMail(to, subject, message, headers, options),
  rules: (locale) => engine.call('rules', [locale]),
  messages: (locale) => engine.call('messages', [locale]),
  version: () => engine.call('version', []),
  renderReport: (report, locale) => {
    refuseUnknownLocale(locale);
    return engine.call('renderReport', [jsonObject(report,
      { code: 'invalid-input', subject: 'cli.invalid.subject.report', path: 'report', locale }, 'core.too-large.report'), locale]);
  },
  renderMessage: (id, params, locale) => engine.call('renderMessage', [id, measuredParams(params, locale), locale]),
  optionsSchema: () => engine.call('optionsSchema', []),
  checkOptions: (json, locale) => engine.call('checkOptions', [measured(json, 'core.too-large.options', locale), locale]),
  analyse: (input, options) => engine.analyse(input, options),
  simulate: (scenario, options) => engine.call('simulate', [scenarioText(scenario), options]),
  // Only the first MAX_REPLY_BYTES of a reply are read: the rest is not copied (one
  // UTF-16 unit more than that many, so a pair cut at the end lies past the bytes read).
  explainSmtpReply: (reply, locale, settings) => engine.call('explainSmtpReply',
    [typeof reply === 'string' && reply.length > MAX_REPLY_BYTES + 1 ? reply.slice(0, MAX_REPLY_BYTES + 1) : reply, locale,
      settings == null ? settings : jsonObject(settings,
        { code: 'invalid-options', subject: 'cli.invalid.subject.settings', path: 'settings', locale }, 'core.too-large.options')]),
  checkSmtpSettings: (settings, locale) => {
    const json = settingsText(settings, locale);
    return json === undefined ? engine.call('checkSmtpSettings', [settings, locale]) : engine.call('checkSmtpSettingsJson', [json, locale]);
  },
  queuePresets: (locale) => engine.call('queuePresets', [locale]),
  checkCustomRules: (rules, locale) => engine.call('checkCustomRules', [rulesText(rules, locale), locale]),
  fixMessage: (input, options) => engine.fixMessage(input, options),
  compare: (a, b) => engine.call('compare', [scenarioText(a), scenarioText(b)]),
  queueTimeZones: () => engine.call('queueTimeZones', []),
  // The pool (worker_threads) is loaded on first use: a script that never
  // creates one does not pay for it at require time (#14: 10 ms of a cold start).
  createLinter: (...args) => require('./lib/pool.cjs').createLinter(...args),
};
// `import init from 'mail-preflight'` where the package is reached through this file:
// TypeScript's node10 resolution (the top-level "types", index.d.ts, declares the
// default export) with esModuleInterop, Babel (Jest) and bundlers compile it to
// `require(…).default` when `__esModule` is set, else to the whole exports object,
// which is no function (TypeError: default is not a function). Both are set as
// TypeScript's own CommonJS output sets them, not enumerable, so the exports listed stay
// the API's; index.mjs and web.js export the same `init` as their default.
Object.defineProperty(module.exports, '__esModule', { value: true });
Object.defineProperty(module.exports, 'default', { value: module.exports.init });

'use strict';
// Node entry, CommonJS. The wasm is compiled and instantiated synchronously on
// the first require; index.mjs re-exports THIS module through createRequire, so
// `require('mail-preflight')` and `import 'mail-preflight'` in one process share
// one engine. Every call goes through lib/engine.cjs: inputs are measured before
// they are copied into wasm memory, and a trap re-creates the instance.
const { sharedEngine } = require('./lib/engine.cjs');
const { jsonText, losesNumbers } = require('./lib/json-values.cjs');

const engine = sharedEngine();

/** A scenario object as the JSON text the engine reads, refused in its own language when JSON cannot hold it. */
function scenarioText(scenario) {
  if (!scenario || typeof scenario !== 'object') return scenario;
  const locale = typeof scenario.locale === 'string' ? scenario.locale : 'en';
  const json = jsonText(scenario, { code: 'invalid-scenario', subject: 'core.invalid.subject.scenario', path: 'scenario', locale });
  return losesNumbers(scenario, json) ? scenario : json;
}

/** `value` as given, once JSON can hold it (the engine reads it through JSON.stringify). */
function jsonObject(value, refusal) {
  if (value && typeof value === 'object') jsonText(value, refusal);
  return value;
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
  lintPhpMail: (to, subject, message, headers, options) => engine.lintPhpMail(to, subject, message, headers, options),
  rules: (locale) => engine.call('rules', [locale]),
  messages: (locale) => engine.call('messages', [locale]),
  version: () => engine.call('version', []),
  renderReport: (report, locale) => {
    refuseUnknownLocale(locale);
    return engine.call('renderReport', [jsonObject(report,
      { code: 'invalid-input', subject: 'cli.invalid.subject.report', path: 'report', locale }), locale]);
  },
  renderMessage: (id, params, locale) => engine.call('renderMessage', [id, params, locale]),
  optionsSchema: () => engine.call('optionsSchema', []),
  checkOptions: (json, locale) => engine.call('checkOptions', [json, locale]),
  analyse: (input, options) => engine.analyse(input, options),
  simulate: (scenario, options) => engine.call('simulate', [scenarioText(scenario), options]),
  explainSmtpReply: (reply, locale) => engine.call('explainSmtpReply', [reply, locale]),
  checkSmtpSettings: (settings, locale) => engine.call('checkSmtpSettings', [jsonObject(settings,
    { code: 'invalid-options', subject: 'cli.invalid.subject.settings', path: 'settings', locale }), locale]),
  queuePresets: (locale) => engine.call('queuePresets', [locale]),
  checkCustomRules: (rules, locale) => engine.call('checkCustomRules', [rules, locale]),
  fixMessage: (input, options) => engine.fixMessage(input, options),
  compare: (a, b) => engine.call('compare', [scenarioText(a), scenarioText(b)]),
  queueTimeZones: () => engine.call('queueTimeZones', []),
  // The pool (worker_threads) is loaded on first use: a script that never
  // creates one does not pay for it at require time (#14: 10 ms of a cold start).
  createLinter: (...args) => require('./lib/pool.cjs').createLinter(...args),
};

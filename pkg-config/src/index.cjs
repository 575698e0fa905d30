'use strict';
// Node entry, CommonJS. The wasm is compiled and instantiated synchronously on
// the first require; index.mjs re-exports THIS module through createRequire, so
// `require('mail-preflight')` and `import 'mail-preflight'` in one process share
// one wasm instance.
const engine = require('./node/mail_preflight.js');

/** Bindings that exist only in builds with the queue engine (simulate, SMTP replies). */
function optional(name) {
  return typeof engine[name] === 'function' ? engine[name] : undefined;
}

module.exports = {
  // Already initialised at require time; kept so code written for the browser
  // entry (`await init()` once, then sync calls) runs unchanged in Node.
  init: () => Promise.resolve(),
  initSync: () => undefined,
  lint: engine.lint,
  lintPhpMail: engine.lintPhpMail,
  rules: engine.rules,
  messages: engine.messages,
  version: engine.version,
  simulate: optional('simulate'),
  explainSmtpReply: optional('explainSmtpReply'),
  checkSmtpSettings: optional('checkSmtpSettings'),
  queuePresets: optional('queuePresets'),
  checkCustomRules: optional('checkCustomRules'),
};

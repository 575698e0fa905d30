// Node entry, ES module: re-exports the CommonJS entry so that ESM and CJS
// callers in one process share the same engine (the wasm loaded once).
import { createRequire } from 'node:module';

const engine = createRequire(import.meta.url)('./index.cjs');

export const {
  init, initSync, lint, lintPhpMail, rules, messages, version,
  renderReport, renderMessage, optionsSchema, checkOptions, analyse,
  simulate, explainSmtpReply, checkSmtpSettings, queuePresets, compare, queueTimeZones, createLinter, checkCustomRules,
  fixMessage, lintAsync, analyseAsync,
} = engine;
export default init;

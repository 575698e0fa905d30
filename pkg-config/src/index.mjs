// Node entry, ES module: re-exports the CommonJS entry so that ESM and CJS
// callers in one process share the same wasm instance (loaded once).
import { createRequire } from 'node:module';

const engine = createRequire(import.meta.url)('./index.cjs');

export const {
  init, initSync, lint, lintPhpMail, rules, messages, version,
  simulate, explainSmtpReply, checkSmtpSettings, queuePresets, checkCustomRules,
} = engine;
export default init;

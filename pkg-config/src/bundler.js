// Bundler entry for bundlers with WebAssembly ES-module integration (webpack 5
// with experiments.asyncWebAssembly, Vite with a wasm plugin, Rollup with
// @rollup/plugin-wasm): the wasm is instantiated when the module is imported,
// so every call is synchronous at once. `init()` exists so code written for
// the web entry runs unchanged. Bundlers without it (esbuild, plain Vite) use
// the default entry (web.js) and `await init()`.
import * as engine from './web/mail_preflight_bundler.js';

function optional(name) {
  return typeof engine[name] === 'function' ? engine[name] : undefined;
}

export function init() {
  return Promise.resolve();
}
export function initSync() {}
export const lint = engine.lint;
export const lintPhpMail = engine.lintPhpMail;
export const rules = engine.rules;
export const messages = engine.messages;
export const version = engine.version;
export const simulate = optional('simulate');
export const explainSmtpReply = optional('explainSmtpReply');
export const checkSmtpSettings = optional('checkSmtpSettings');
export const queuePresets = optional('queuePresets');
export const checkCustomRules = optional('checkCustomRules');
export default init;

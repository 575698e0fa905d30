// Bundler entry for bundlers with WebAssembly ES-module integration (webpack 5
// with experiments.asyncWebAssembly, Vite with a wasm plugin, Rollup with
// @rollup/plugin-wasm): the wasm is instantiated when the module is imported,
// so every call is synchronous at once. `init()` exists so code written for
// the web entry runs unchanged. Bundlers without it (esbuild, plain Vite) use
// the default entry (web.js) and `await init()`.
export {
  lint, lintPhpMail, rules, messages, version, renderReport, renderMessage, optionsSchema, checkOptions, analyse,
  simulate, explainSmtpReply, checkSmtpSettings, queuePresets, compare, queueTimeZones, checkCustomRules, fixMessage,
} from './web/mail_preflight_bundler.js';

export function init() {
  return Promise.resolve();
}
export function initSync() {}
export default init;

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
import { lint as lintRead, analyse as analyseRead } from './web/mail_preflight_bundler.js';
import { messageInputAsync, wasmInput, composeDate } from './lib/message-input.js';

/** `lint` of compose fields that may hold streams (as Nodemailer takes them): each is read first. */
export async function lintAsync(input, options) {
  return lintRead(wasmInput(composeDate(await messageInputAsync(input, 'lintAsync'))), options);
}
/** `analyse` of compose fields that may hold streams, read first as `lintAsync` reads them. */
export async function analyseAsync(input, options) {
  return analyseRead(wasmInput(composeDate(await messageInputAsync(input, 'analyseAsync'))), options);
}

export function init() {
  return Promise.resolve();
}
export function initSync() {}
export default init;

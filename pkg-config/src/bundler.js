// Bundler entry for bundlers with WebAssembly ES-module integration (webpack 5
// with experiments.asyncWebAssembly, Vite with a wasm plugin, Rollup with
// @rollup/plugin-wasm): the wasm is instantiated when the module is imported,
// so every call is synchronous at once. `init()` exists so code written for
// the web entry runs unchanged. Bundlers without it (esbuild, plain Vite) use
// the default entry (web.js) and `await init()`. The message and PHP mail()
// calls read their input as web.js and the Node entry read it (`messageInput`):
// the wasm-bindgen export alone read a stream in compose fields as an object it
// cannot read, never naming lintAsync, and a Date, a DataView or a non-ASCII
// text otherwise than the other entries.
export {
  rules, messages, version, renderReport, renderMessage, optionsSchema, checkOptions,
  simulate, explainSmtpReply, checkSmtpSettings, queuePresets, compare, queueTimeZones, checkCustomRules,
} from './web/mail_preflight_bundler.js';
import {
  lint as lintRead, analyse as analyseRead, lintPhpMail as lintPhpMailRead, fixMessage as fixMessageRead, renderMessage,
} from './web/mail_preflight_bundler.js';
import { messageInput, messageInputAsync, streamOptions, refuseStreamOptions, wasmInput, composeDate, phpHeaderLines, readerWith } from './lib/message-input.js';

/** Who words an error met reading a message: the engine, in the language `options` ask for. */
function readerOf(options) {
  return readerWith(options, (id, params, language) => renderMessage(id, params, language));
}

/** `lint` of a message in any shape the other entries take; a stream in its fields names `lintAsync`. */
export function lint(input, options) {
  refuseStreamOptions(options, 'lint', readerOf(options));
  return lintRead(wasmInput(composeDate(messageInput(input, 'lint', readerOf(options)))), options);
}
/** `analyse`, its input read as `lint` reads it. */
export function analyse(input, options) {
  refuseStreamOptions(options, 'analyse', readerOf(options));
  return analyseRead(wasmInput(composeDate(messageInput(input, 'analyse', readerOf(options)))), options);
}
/** PHP mail()'s arguments, read as the web and Node entries read them (`wasmInput`, `phpHeaderLines`). */
export function lintPhpMail(to, subject, message, headers, options) {
  const lines = phpHeaderLines(headers, readerOf(options));
  return lintPhpMailRead(wasmInput(to), wasmInput(subject), wasmInput(message), wasmInput(lines), options);
}
/** The mechanical fixes: a text that is not ASCII is copied in as its bytes (`wasmInput`). */
export function fixMessage(input, options) {
  return fixMessageRead(wasmInput(input), options);
}

/** `lint` of compose fields that may hold streams (as Nodemailer takes them): each is read first. */
export async function lintAsync(input, rawOptions) {
  // `streamIdleTimeout` is the reading's, not the engine's.
  const { options, timeouts } = streamOptions(rawOptions, readerOf(rawOptions));
  return lintRead(wasmInput(composeDate(await messageInputAsync(input, 'lintAsync', readerOf(options), undefined, timeouts))), options);
}
/** `analyse` of compose fields that may hold streams, read first as `lintAsync` reads them. */
export async function analyseAsync(input, rawOptions) {
  const { options, timeouts } = streamOptions(rawOptions, readerOf(rawOptions));
  return analyseRead(wasmInput(composeDate(await messageInputAsync(input, 'analyseAsync', readerOf(options), undefined, timeouts))), options);
}

export function init() {
  return Promise.resolve();
}
export function initSync() {}
export default init;

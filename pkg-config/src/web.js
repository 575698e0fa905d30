// Browser entry (<script type="module">, bundlers, workers): the wasm-bindgen
// `web` build. Call `await init()` once (it fetches web/mail_preflight_bg.wasm
// next to this file, or the URL/bytes/module you pass), then every call is
// synchronous. A call before init throws an Error with code `not-initialized`.
import initWasm, { initSync as initWasmSync, __reinstantiate } from './web/mail_preflight.js';
import * as engine from './web/mail_preflight.js';
import { messageInput, messageInputAsync, streamOptions, refuseStreamOptions, wasmInput, composeDate, phpHeaderLines, readerWith } from './lib/message-input.js';

let loading;
let ready = false;

/**
 * Loads the wasm once; later calls return the same promise.
 * @param {URL | string | Request | Response | BufferSource | WebAssembly.Module} [wasm]
 */
export function init(wasm) {
  if (!loading) {
    loading = initWasm(wasm === undefined ? undefined : { module_or_path: wasm }).then(
      () => { ready = true; },
      (error) => { loading = undefined; throw error; },
    );
  }
  return loading;
}

/**
 * Initialises synchronously from bytes or a compiled module (workers, tests).
 * @param {BufferSource | WebAssembly.Module} wasm
 */
export function initSync(wasm) {
  if (!ready) {
    initWasmSync({ module: wasm });
    ready = true;
  }
}

function notInitialized(name) {
  const error = new Error(`mail-preflight: ${name}() was called before init(); await init() once first`);
  error.code = 'not-initialized';
  return error;
}

/**
 * Whether an exception left the wasm instance unusable: a trap (RuntimeError:
 * unreachable, out of bounds, …) or the wasm stack overflowing mid-call, as
 * lib/engine.cjs decides for the Node entry.
 */
function isTrap(error) {
  return error instanceof WebAssembly.RuntimeError
    || (error instanceof RangeError && /call stack/i.test(error.message));
}

/** The language a call's arguments ask for (an options object or report with `locale`), else English. */
function localeOf(args) {
  for (const argument of args) {
    try {
      if (argument && typeof argument === 'object' && typeof argument.locale === 'string'
        && ['en', 'fr', 'es', 'pl'].includes(argument.locale)) return argument.locale;
    } catch {
      // a throwing getter or Proxy trap: the caller's value is refused where it is read
    }
  }
  return 'en';
}

/**
 * Calls an export; after a trap the instance is re-created from the same module
 * (its memory is in an unknown state) and the call throws a coded `internal`
 * error in the caller's language, as the Node entry does (lib/engine.cjs): only
 * that input fails, the next call runs on the fresh instance.
 */
function guarded(name) {
  return (...args) => {
    if (!ready) throw notInitialized(name);
    try {
      return engine[name](...args);
    } catch (error) {
      if (!isTrap(error)) throw error;
      __reinstantiate();
      const message = engine.renderMessage('cli.error.internal', { detail: error.message }, localeOf(args));
      throw Object.assign(new Error(message), { code: 'internal', cause: error });
    }
  };
}

/** Who words an error met reading a message: the engine, in the language `options` ask for. */
function readerOf(options) {
  return readerWith(options, (id, params, language) => renderMessage(id, params, language));
}

/** A call whose first argument is a message (lint, analyse): taken in the shapes the engine reads. */
function guardedMessage(name) {
  const call = guarded(name);
  return (input, ...rest) => {
    if (!ready) throw notInitialized(name);
    // The stream options are the async calls' (`lintAsync`): said so, not an unknown field.
    refuseStreamOptions(rest[0], name, readerOf(rest[0]));
    // A compose `date` given as a Date is read as Nodemailer writes it, as the Node entry reads it.
    return call(wasmInput(composeDate(messageInput(input, name, readerOf(rest[0])))), ...rest);
  };
}

export const lint = guardedMessage('lint');

/**
 * `lint` and `analyse` of compose fields that may hold streams (Node-style, with
 * `pipe`, as Nodemailer takes them): each is read first, then the sync call runs.
 */
function asyncMessage(name) {
  const call = guarded(name);
  return async (input, ...rest) => {
    if (!ready) throw notInitialized(`${name}Async`);
    // `streamIdleTimeout` is the reading's, not the engine's.
    const { options, timeouts } = streamOptions(rest[0], readerOf(rest[0]));
    const read = await messageInputAsync(input, `${name}Async`, readerOf(options), undefined, timeouts);
    return call(wasmInput(composeDate(read)), options, ...rest.slice(1));
  };
}
export const lintAsync = asyncMessage('lint');
export const analyseAsync = asyncMessage('analyse');
const lintPhpMailOf = guarded('lintPhpMail');
/**
 * PHP mail()'s arguments: a text that is not ASCII is copied in as its bytes
 * (`wasmInput`); a header map, whose values may be lists, as its lines, as the
 * Node entry reads it (`phpHeaderLines`).
 */
export function lintPhpMail(to, subject, message, headers, options) {
  if (!ready) throw notInitialized('lintPhpMail');
  const lines = phpHeaderLines(headers, readerOf(options));
  return lintPhpMailOf(wasmInput(to), wasmInput(subject), wasmInput(message), wasmInput(lines), options);
}
export const rules = guarded('rules');
export const messages = guarded('messages');
export const version = guarded('version');
const renderReportOf = guarded('renderReport');
/** A locale lint() would refuse ('de') is refused with lint()'s own error, not rendered in English. */
export function renderReport(report, locale) {
  if (locale !== undefined) checkOptions(JSON.stringify({ locale }));
  return renderReportOf(report, locale);
}
export const renderMessage = guarded('renderMessage');
export const optionsSchema = guarded('optionsSchema');
export const checkOptions = guarded('checkOptions');
export const analyse = guardedMessage('analyse');
export const simulate = guarded('simulate');
export const explainSmtpReply = guarded('explainSmtpReply');
export const checkSmtpSettings = guarded('checkSmtpSettings');
export const queuePresets = guarded('queuePresets');
export const checkCustomRules = guarded('checkCustomRules');
const fixMessageOf = guarded('fixMessage');
/** The mechanical fixes: a text that is not ASCII is copied in as its bytes (`wasmInput`). */
export const fixMessage = (input, options) => fixMessageOf(wasmInput(input), options);
export const compare = guarded('compare');
export const queueTimeZones = guarded('queueTimeZones');
export default init;

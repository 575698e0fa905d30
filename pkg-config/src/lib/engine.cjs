'use strict';
// One engine: the wasm module instantiated through wasm-bindgen's glue, called
// through `call(name, args)`. The module is compiled once per thread; the
// instance is re-created after any trap (a Rust panic or an allocation failure
// aborts with `unreachable`), because its memory is then in an unknown state:
// that input gets a coded `internal` error, the next one a fresh instance.
//
// Inputs are also measured here, before anything is copied into wasm memory:
// the engine checks sizes itself once it holds the input, but compose fields and
// PHP header arrays are copied field by field while they are converted.

const fs = require('node:fs');
const path = require('node:path');
const instantiate = require('../node/mail_preflight.js');
const { inputTooLarge, namedTooLarge, internalError } = require('./errors.cjs');
const { Readable } = require('node:stream');
const { messageInput, messageInputAsync, optionsInput, streamOptions, refuseStreamOptions, wasmInput, composeDate, phpHeaderLines, MAX_INPUT_BYTES } = require('./message-input.cjs');
const WASM_PATH = path.join(__dirname, '..', 'web', 'mail_preflight_bg.wasm');

let compiled;
/**
 * The compiled module, once per thread. A worker of lib/pool.cjs is handed the
 * main thread's (`useCompiledModule`), so `node:worker_threads` is never loaded
 * just to ask (it was a tenth of `require`'s time, #14).
 */
function compiledModule() {
  if (!compiled) compiled = new WebAssembly.Module(fs.readFileSync(WASM_PATH));
  return compiled;
}

/** Whether this thread compiled (or was handed) the module already. */
function isCompiled() {
  return compiled !== undefined;
}

/** Uses a module compiled elsewhere (a worker's, from the main thread). */
function useCompiledModule(module) {
  if (!(module instanceof WebAssembly.Module)) throw new TypeError('not a WebAssembly.Module');
  compiled = module;
}

/**
 * Whether an exception left the wasm instance unusable: a trap (RuntimeError:
 * unreachable, out of bounds, …) or the wasm stack overflowing mid-call.
 */
function isTrap(error) {
  return error instanceof WebAssembly.RuntimeError
    || (error instanceof RangeError && /call stack/i.test(error.message));
}

class Engine {
  /** @param {WebAssembly.Module} [module] */
  constructor(module = compiledModule()) {
    this.module = module;
    this.instance = instantiate(module);
  }

  /**
   * Calls an export; after a trap, re-creates the instance and throws `internal`
   * (in `locale`, by default the one the arguments ask for).
   */
  call(name, args, locale = localeOf(args)) {
    try {
      return this.instance[name](...args);
    } catch (error) {
      if (!isTrap(error)) throw error;
      this.instance = instantiate(this.module);
      throw internalError(error, locale);
    }
  }

  /** Who words an error met reading the input: this engine, in the language the options ask for. */
  reader(options) {
    return { locale: localeOf([options]), render: (id, params, locale) => this.call('renderMessage', [id, params, locale]) };
  }

  /** The wasm memory of the current instance (size reports, tests). */
  memory() {
    return this.instance.__wasm.memory;
  }

  /**
   * Options read once (getters and Proxy traps run here, a throw a coded
   * `invalid-options` naming the field) and measured before they are copied.
   */
  options(rawOptions) {
    const options = optionsInput(rawOptions, this.reader(rawOptions));
    if (options && typeof options === 'object') {
      const size = sizeOf(options);
      if (size > MAX_INPUT_BYTES) throw namedTooLarge('core.too-large.options', size, MAX_INPUT_BYTES, localeOf([options]));
    }
    return options;
  }

  /** The options of an async call: the engine's, and `streamIdleTimeout` (which only these calls read) apart. */
  asyncOptions(rawOptions) {
    return streamOptions(this.options(rawOptions), this.reader(rawOptions));
  }

  lint(rawInput, rawOptions) {
    const options = this.options(rawOptions);
    refuseStreamOptions(options, 'lint', this.reader(options));
    return this.lintInput(messageInput(rawInput, 'lint', this.reader(options)), options);
  }

  /**
   * `lint` of compose fields that may hold streams (`text`, `attachments[i].content`…):
   * each stream is read first (`messageInputAsync`), then the message is linted as
   * `lint` lints it. `lint` itself refuses a stream (`core.invalid.stream`).
   */
  async lintAsync(rawInput, rawOptions) {
    const { options, timeouts } = this.asyncOptions(rawOptions);
    return this.lintInput(await messageInputAsync(rawInput, 'lintAsync', this.reader(options), refilled, timeouts), options);
  }

  /** `analyse` of compose fields that may hold streams, read first as `lintAsync` reads them. */
  async analyseAsync(rawInput, rawOptions) {
    const { options, timeouts } = this.asyncOptions(rawOptions);
    const input = await messageInputAsync(rawInput, 'analyseAsync', this.reader(options), refilled, timeouts);
    checkLintInput(input, options);
    return this.call('analyse', [wasmInput(composeDate(input)), options]);
  }

  /**
   * `lint` of an input `messageInput` has read already: the pool reads it on the
   * calling thread and a worker gets its structured clone. Read a second time, a
   * byte view's mark (`{ type: 'Uint8Array', data }`) was marked again, which the
   * engine refuses, and a Buffer, a plain Uint8Array once cloned, was read as a
   * view (a text part quoted-printable, where lint() chooses by content).
   */
  lintRead(input, rawOptions) {
    return this.lintInput(input, this.options(rawOptions));
  }

  lintInput(input, options) {
    checkLintInput(input, options);
    return this.call('lint', [wasmInput(composeDate(input)), options]);
  }

  /**
   * `lint`, with the report as JSON text and its summary beside it:
   * `{ json, verdict, counts }` (the CLI's json formats write the text as it is).
   */
  lintJson(rawInput, rawOptions) {
    const options = this.options(rawOptions);
    const input = messageInput(rawInput, 'lint', this.reader(options));
    checkLintInput(input, options);
    const [json, verdict, error, warning, info] = this.call('lintJson', [wasmInput(composeDate(input)), options]);
    return { json, verdict, counts: { error, warning, info } };
  }

  /** The analysed parts of a message: the same input as `lint`, measured the same way. */
  analyse(rawInput, rawOptions) {
    const options = this.options(rawOptions);
    refuseStreamOptions(options, 'analyse', this.reader(options));
    const input = messageInput(rawInput, 'analyse', this.reader(options));
    checkLintInput(input, options);
    return this.call('analyse', [wasmInput(composeDate(input)), options]);
  }

  /** The mechanical fixes of a raw message (string or bytes), measured before it is copied. */
  fixMessage(input, rawOptions) {
    const options = this.options(rawOptions);
    checkSize(sizeOf(input), options);
    return this.call('fixMessage', [wasmInput(input), options]);
  }

  lintPhpMail(to, subject, message, headers, rawOptions) {
    const options = this.options(rawOptions);
    checkPhpMail([to, subject, message, headers], options);
    // Texts that are not ASCII go in as their UTF-8 bytes, as lint's message does (`wasmInput`).
    const args = [to, subject, message, phpHeaderLines(headers, this.reader(options))].map(wasmInput);
    return this.call('lintPhpMail', [...args, options]);
  }
}

/** The locale an options argument asks for, for errors raised before the engine reads it. */
/**
 * A stream the async calls read, put back in the caller's fields: a new stream of
 * the same bytes, so sendMail, given the same fields next, sends what was checked
 * (Nodemailer renders a stream as it renders the one read: quoted-printable text).
 */
function refilled(bytes) {
  return Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
}

function localeOf(args) {
  for (const argument of args) {
    try {
      if (argument && typeof argument === 'object' && typeof argument.locale === 'string') return argument.locale;
    } catch {
      // a throwing getter or Proxy trap: the caller's value is refused where it is read
    }
  }
  return 'en';
}

/** Most levels of nesting measured: compose fields are at most four deep (attachments[i].content.data). */
const MAX_MEASURED_DEPTH = 8;

/**
 * Bytes of what will be copied into wasm memory: strings as UTF-8 (what
 * wasm-bindgen writes; a UTF-16 length is only a lower bound, 'é' is two bytes,
 * a lone surrogate three), byte arrays, and plain objects and arrays below them.
 */
function sizeOf(value, depth = 0) {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (depth >= MAX_MEASURED_DEPTH || value === null || typeof value !== 'object') return 0;
  // The walk stops once the limit is passed: a sparse list's length alone can be 4e9.
  if (Array.isArray(value)) {
    let n = value.length;
    for (let i = 0; i < value.length && n <= MAX_INPUT_BYTES; i++) n += sizeOf(value[i], depth + 1);
    return n;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return 0;
  let n = 0;
  for (const key of Object.keys(value)) {
    if (n > MAX_INPUT_BYTES) break;
    n += key.length + sizeOf(value[key], depth + 1);
  }
  return n;
}

/**
 * A text the engine reads as JSON or as rules (a scenario, options, custom rules),
 * measured as UTF-8 before it is copied: past MAX_INPUT_BYTES, `tooLarge(size)`
 * is thrown, the error naming what the text is. Other values pass as they are.
 */
function checkText(value, tooLarge) {
  if (typeof value !== 'string' || value.length * 3 <= MAX_INPUT_BYTES) return value;
  const size = Buffer.byteLength(value, 'utf8');
  if (size > MAX_INPUT_BYTES) throw tooLarge(size);
  return value;
}

function checkSize(size, options) {
  if (size > MAX_INPUT_BYTES) throw inputTooLarge(size, MAX_INPUT_BYTES, localeOf([options]));
}

/**
 * A text as its UTF-8 bytes (the engine's own check counts UTF-16 units, which a
 * text of 'é' passes at twice the limit), compose fields (any object but a byte
 * array) whole: bodies, attachments, headers.
 */
function checkLintInput(input, options) {
  if (typeof input === 'string' || (input && typeof input === 'object' && !ArrayBuffer.isView(input) && !Array.isArray(input))) {
    checkSize(sizeOf(input), options);
  }
}

/** The four `mail()` arguments together, header arrays and maps included. */
function checkPhpMail(args, options) {
  checkSize(args.reduce((n, a) => n + sizeOf(a), 0), options);
}

let shared;
/** The engine of this thread, shared by the package's entries (one instance per process in Node). */
function sharedEngine() {
  shared = shared || new Engine();
  return shared;
}

/** The engine's MAX_REPLY_BYTES (src/smtp/reply.rs): the most of an SMTP reply it reads; the rest is ignored and the explanation says so. */
const MAX_REPLY_BYTES = 64 * 1024;

module.exports = { Engine, sharedEngine, compiledModule, isCompiled, useCompiledModule, isTrap, checkText, sizeOf, localeOf, MAX_INPUT_BYTES, MAX_REPLY_BYTES, refilled };

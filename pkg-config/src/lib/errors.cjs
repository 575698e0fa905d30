'use strict';
// Errors the package raises itself, shaped like the engine's: an `Error` with a
// stable `code` and a message in the caller's language.

/** An `Error` with `code` (and any extra fields). */
function codedError(code, message, fields = {}) {
  return Object.assign(new Error(message), { code }, fields);
}

/**
 * The fields of a coded error besides its code and message (messageId, params,
 * field, suggestion, size, limit, cause…) that a worker can send to the calling
 * thread: each is kept when structured clone takes it.
 */
function codedFields(error) {
  const fields = {};
  for (const key of Object.keys(error)) {
    if (key === 'code' || key === 'message' || key === 'stack') continue;
    try {
      fields[key] = structuredClone(error[key]);
    } catch {
      // not cloneable: left out
    }
  }
  return fields;
}

/**
 * The engine's `input-too-large`, raised before the input is copied into wasm
 * memory; `size` undefined when reading stopped past the limit (stdin): the
 * message then says "more than" the limit, never the size read so far.
 */
function inputTooLarge(size, limit, locale) {
  const { render } = require('./texts.cjs');
  // Sizes as the engine writes them in its own error (decimal megabytes).
  const messageId = size === undefined ? 'core.error.input-too-large-unmeasured' : 'core.error.input-too-large';
  const params = { limit: { megabytes: limit }, ...(size === undefined ? {} : { size: { megabytes: size } }) };
  return codedError('input-too-large', render(messageId, params, locale), { messageId, params, size, limit });
}

/**
 * `input-too-large` for a text that is no message (`what`, a `core.too-large.*`
 * label: rules, options, message parameters, an SMTP reply), raised before it is
 * copied into wasm memory; `size` undefined when it was not read to its end.
 */
function namedTooLarge(what, size, limit, locale) {
  const { render } = require('./texts.cjs');
  const messageId = size === undefined ? 'core.error.too-large-unmeasured' : 'core.error.too-large';
  const params = { what: { label: what }, limit: { megabytes: limit }, ...(size === undefined ? {} : { size: { megabytes: size } }) };
  return codedError('input-too-large', render(messageId, params, locale), { messageId, params, size, limit });
}

/** What a caller gets for the one input during which the engine trapped. */
function internalError(cause, locale) {
  const { render } = require('./texts.cjs');
  return codedError('internal', render('cli.error.internal', { detail: cause.message }, locale), { cause });
}

module.exports = { codedError, codedFields, inputTooLarge, namedTooLarge, internalError };

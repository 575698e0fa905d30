'use strict';
// Errors the package raises itself, shaped like the engine's: an `Error` with a
// stable `code` and a message in the caller's language.

/** An `Error` with `code` (and any extra fields). */
function codedError(code, message, fields = {}) {
  return Object.assign(new Error(message), { code }, fields);
}

/** The megabytes of a byte count, as the engine writes sizes (decimal MB, two decimals). */
function megabytes(bytes, locale) {
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${number.format(bytes / 1_000_000)}\u00a0MB`;
}

/** The engine's `input-too-large`, raised before the input is copied into wasm memory. */
function inputTooLarge(size, limit, locale) {
  const { render } = require('./texts.cjs');
  const params = { size: megabytes(size, locale), limit: megabytes(limit, locale) };
  return codedError('input-too-large', render('core.error.input-too-large', params, locale), { size, limit });
}

/** What a caller gets for the one input during which the engine trapped. */
function internalError(cause, locale) {
  const { render } = require('./texts.cjs');
  return codedError('internal', render('cli.error.internal', { detail: cause.message }, locale), { cause });
}

module.exports = { codedError, inputTooLarge, internalError };

'use strict';
// Values the engine reads as JSON (scenarios, reports, SMTP settings): written
// here with JSON.stringify first, so a value JSON cannot hold is refused in the
// reader's words. Inside the wasm the same call meets less stack, and its refusal
// was an English "must be an object" for what is an object.

const { codedError } = require('./errors.cjs');
const { render } = require('./texts.cjs');

/** The engine's MAX_JSON_DEPTH (src/error/invalid.rs): the most levels of nesting its JSON reader takes. */
const MAX_JSON_DEPTH = 128;

/**
 * `value` as JSON text, or a coded error (`code`) saying why JSON cannot hold it:
 * nested past V8's stack (`core.invalid.too-deep`: far past the 128 levels the
 * engine's JSON reader takes), a cycle or a BigInt (`core.invalid.not-json-compatible`).
 * `subject` is the catalogue label opening the message, `path` the value's name.
 */
function jsonText(value, { code, subject, path, locale }) {
  try {
    return JSON.stringify(value);
  } catch (error) {
    const messageId = error instanceof RangeError ? 'core.invalid.too-deep' : 'core.invalid.not-json-compatible';
    // too-deep says the limit: the engine's reader's (its template showed raw without it).
    const params = { invalid: { label: subject }, path, ...(error instanceof RangeError ? { limit: MAX_JSON_DEPTH } : {}) };
    throw codedError(code, render(messageId, params, locale), { messageId, params });
  }
}

/**
 * Whether `json`, written by JSON.stringify from `value`, lost a number JSON cannot
 * hold (Infinity, NaN), which it writes as null. Such a value goes to the engine as
 * it is: its reader names the number as the caller gave it (wasm.rs
 * `non_finite_number`), where serde would name a null. Only a text with a null is
 * walked again.
 */
function losesNumbers(value, json) {
  if (!json.includes('null')) return false;
  let lost = false;
  JSON.stringify(value, (key, member) => {
    if (typeof member === 'number' && !Number.isFinite(member)) lost = true;
    return member;
  });
  return lost;
}

module.exports = { jsonText, losesNumbers, MAX_JSON_DEPTH };

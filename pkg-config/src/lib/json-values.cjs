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
    const tooDeep = error instanceof RangeError;
    const messageId = tooDeep ? 'core.invalid.too-deep' : 'core.invalid.not-json-compatible';
    const params = tooDeep
      ? { invalid: { label: subject }, path: pathOrNull(() => pathTooDeep(value, path)) || path, limit: MAX_JSON_DEPTH }
      : { invalid: { label: subject }, path };
    throw codedError(code, render(messageId, params, locale), { messageId, params });
  }
}

/** `find()`, or null when it throws (a getter of the caller's that throws once read again). */
function pathOrNull(find) {
  try {
    return find();
  } catch {
    return null;
  }
}

/** Levels of a too-deep path shown before `…`, as the engine shows them (`shortened_path`). */
const LEVELS_SHOWN = 4;
/** Most values walked looking for the too-deep one (the engine's `MAX_COMPOSE_VALUES`). */
const MAX_VALUES_WALKED = 1_000_000;

/**
 * The path of the first value nested past MAX_JSON_DEPTH in `value` (`service.x.x.x…`),
 * its first LEVELS_SHOWN levels, as the engine names a too-deep field; null when the
 * walk (iterative, at most MAX_VALUES_WALKED values) does not find it.
 */
function pathTooDeep(value, root) {
  // (value, the keys leading to it, at most LEVELS_SHOWN + 1 of them, its depth)
  const stack = [[value, [], 0]];
  let walked = 0;
  while (stack.length > 0 && walked < MAX_VALUES_WALKED) {
    const [at, keys, depth] = stack.pop();
    walked += 1;
    if (at === null || typeof at !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      if (keys.length === 0) return root;
      const shown = keys.slice(0, LEVELS_SHOWN).reduce((p, key, i) => (typeof key === 'number' ? `${p}[${key}]` : i === 0 ? key : `${p}.${key}`), '');
      return keys.length > LEVELS_SHOWN ? `${shown}…` : shown;
    }
    const children = [];
    if (Array.isArray(at)) {
      for (let i = 0; i < at.length && walked + children.length < MAX_VALUES_WALKED; i++) children.push([at[i], i]);
    } else {
      for (const key in at) {
        if (walked + children.length >= MAX_VALUES_WALKED) break;
        if (Object.prototype.hasOwnProperty.call(at, key)) children.push([at[key], key]);
      }
    }
    // Pushed last first, so the first child is walked first (JSON.stringify's order).
    for (let i = children.length - 1; i >= 0; i--) {
      const [child, key] = children[i];
      stack.push([child, keys.length > LEVELS_SHOWN ? keys : [...keys, key], depth + 1]);
    }
  }
  return null;
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

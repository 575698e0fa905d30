// The engine's input limits, checked by the page before it hands an input over:
// an input the engine would refuse is refused at once, in the engine's words,
// before the page copies it to the worker, parses it or lays it out (a 40 MB
// scenario froze the tab for 10 s, most of it laying out its text in the form;
// 5,000 nested objects could not even be posted to the worker: the structured
// clone recursed). Each constant is the engine's, named as in its source;
// tests/e2e/limits.test.mjs reads them there.

/** src/error/mod.rs `MAX_INPUT_BYTES`: the most any input (a message, a scenario's JSON) may hold, in UTF-8 bytes. */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;
/** src/error/invalid.rs `MAX_JSON_DEPTH`: the deepest nesting of arrays and objects the engine reads. */
export const MAX_JSON_DEPTH = 128;

/** Characters outside ASCII, in runs: each adds one to three bytes to the text's length in UTF-16 units. */
const NOT_ASCII = /[^\x00-\x7f]+/g;

/**
 * The UTF-8 length of `text` (a lone surrogate counts 3 bytes, as the encoder writes
 * U+FFFD), counted without a copy: 40 MB of ASCII in 0.12 s, where TextEncoder took 0.46 s.
 */
export function utf8Length(text) {
  let bytes = text.length;
  NOT_ASCII.lastIndex = 0;
  for (let run = NOT_ASCII.exec(text); run; run = NOT_ASCII.exec(text)) {
    // A code point: 2 bytes below U+0800, else 3 (BMP) or 4 (a pair, already counted 2 units).
    for (const char of run[0]) bytes += char.codePointAt(0) < 0x800 ? 1 : 2;
  }
  return bytes;
}

/**
 * The UTF-8 size of `text` when it is over `limit`, else 0. A text of more UTF-16
 * units than a third of the limit is counted: each unit is at most three bytes, so a
 * shorter one is under it (typing in a scenario of a few megabytes costs no count).
 */
export function utf8SizeOver(text, limit) {
  if (text.length * 3 <= limit) return 0;
  const size = utf8Length(text);
  return size > limit ? size : 0;
}

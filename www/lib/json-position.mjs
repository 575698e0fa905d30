// Where a text stops being JSON (RFC 8259), for saying so at a line and column in
// the reader's language: V8's SyntaxError is in English and names a position for
// some errors only ("Unexpected token ',', … is not valid JSON" names none).

const WHITESPACE = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/** The offset (UTF-16 units) of the first character that is not JSON, or -1 when `source` reads. */
export function jsonErrorOffset(source) {
  let at = 0;
  const fail = () => { throw at; };
  const skip = () => { WHITESPACE.lastIndex = at; WHITESPACE.exec(source); at = WHITESPACE.lastIndex; };
  const token = (pattern) => {
    pattern.lastIndex = at;
    if (!pattern.exec(source)) fail();
    at = pattern.lastIndex;
  };
  const expect = (char) => { skip(); if (source[at] !== char) fail(); at++; };
  // Iterative over nesting: a deep text cannot overflow the stack.
  const value = () => {
    const closers = [];
    for (;;) {
      skip();
      const c = source[at];
      if (c === '{' || c === '[') {
        at++;
        skip();
        if (source[at] === (c === '{' ? '}' : ']')) at++;
        else {
          closers.push(c === '{' ? '}' : ']');
          if (c === '{') { token(STRING); expect(':'); }
          continue;
        }
      } else if (c === '"') token(STRING);
      else if (c === '-' || (c >= '0' && c <= '9')) token(NUMBER);
      else {
        const word = ['true', 'false', 'null'].find((w) => source.startsWith(w, at));
        if (!word) fail();
        at += word.length;
      }
      for (;;) {
        if (!closers.length) return;
        skip();
        const closer = closers[closers.length - 1];
        if (source[at] === closer) { at++; closers.pop(); continue; }
        if (source[at] !== ',') fail();
        at++;
        if (closer === '}') { skip(); token(STRING); expect(':'); }
        break;
      }
    }
  };
  try {
    value();
    skip();
    if (at < source.length) fail();
    return -1;
  } catch (offset) {
    if (typeof offset !== 'number') throw offset;
    return offset;
  }
}

/** The characters that matter to nesting outside strings: a quote opens a string, a bracket a level. */
const STRUCTURE = /["[\]{}]/g;

/**
 * The offset of the bracket that opens nesting level `limit + 1` (arrays and objects,
 * strings skipped), or -1 when `source` nests `limit` levels or fewer. It reads any
 * text, JSON or not, in one pass and without recursion, so it can be asked before
 * the text is parsed or its value posted to a worker.
 */
export function jsonDepthOffset(source, limit) {
  let depth = 0;
  STRUCTURE.lastIndex = 0;
  for (let match = STRUCTURE.exec(source); match; match = STRUCTURE.exec(source)) {
    const c = match[0];
    if (c === '"') {
      // The closing quote: the next one not escaped (an odd run of backslashes before it escapes it).
      let end = match.index;
      for (;;) {
        end = source.indexOf('"', end + 1);
        if (end < 0) return -1;
        let backslashes = 0;
        while (source.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
        if (backslashes % 2 === 0) break;
      }
      STRUCTURE.lastIndex = end + 1;
    } else if (c === '[' || c === '{') {
      if (++depth > limit) return match.index;
    } else if (depth > 0) depth--;
  }
  return -1;
}

/** `{line, column}` (from 1) of the first character that is not JSON, or null when `source` reads. */
export function jsonErrorPosition(source) {
  const offset = jsonErrorOffset(source);
  if (offset < 0) return null;
  const lines = source.slice(0, offset).split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

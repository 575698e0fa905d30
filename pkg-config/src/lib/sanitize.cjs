'use strict';
// The last line of defence before a terminal, a CI log or an XML file: every
// string that comes from a message (finding texts and parameters, header names,
// paths inside archives) or from the file system (file names) is shown with its
// control characters made visible and its length capped. A header name holding
// `ESC ] 52 ; c ; … BEL` must not write the reader's clipboard (OSC 52), `ESC [2K`
// + CR must not rewrite a line, and `a\n::error file=x::ok` must not become a
// second line that GitHub reads as an annotation. The engine cleans its own
// texts too; this does not rely on it.

/** Most characters of one message-derived field shown (default, ours): a line of a wide terminal, twice. */
const MAX_FIELD_CHARS = 400;
/** Most characters of a header name or rule id shown (default, ours). */
const MAX_NAME_CHARS = 200;
/**
 * Most characters of a file's path shown: Linux's PATH_MAX, 4096 (<linux/limits.h>),
 * the longest path the CLI can open. A path is what GitHub matches an annotation's
 * `file` against and what a JUnit reader groups by, so it is never cut short of a
 * path the CLI could read (cut at MAX_NAME_CHARS, a path in a deep monorepo lost its
 * annotations).
 */
const MAX_PATH_CHARS = 4096;

// C0 controls (U+0000–U+001F), DEL, C1 controls (U+0080–U+009F); the bidirectional
// formatting characters of Unicode TR #9 (LRM, RLM, ALM, LRE…RLO, LRI…PDI) that
// reorder what a terminal shows (CVE-2021-42574, "Trojan Source"); the line and
// paragraph separators some viewers break lines on; what XML 1.0 §2.2 leaves out of
// its characters (Char), even as a reference, so a JUnit file stays well-formed:
// U+FFFE, U+FFFF and a surrogate without its pair (a pair is one character here, `u`).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff\ufffe\uffff]/gu;

/** C0 controls and DEL as their Unicode control pictures (␛, ␊, ␡); the others as <U+XXXX>. */
function visibleCharacter(character) {
  const code = character.codePointAt(0);
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** `value` as text with every unsafe character made visible, cut to `max` characters with an ellipsis. */
function visible(value, max = MAX_FIELD_CHARS) {
  const text = String(value ?? '').replace(UNSAFE, visibleCharacter);
  const characters = [...text];
  return characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : text;
}

/** A header name or rule id: the same, with the shorter cap. */
function visibleName(value) {
  return visible(value, MAX_NAME_CHARS);
}

/** A file's path: the same, whole up to PATH_MAX. */
function visiblePath(value) {
  return visible(value, MAX_PATH_CHARS);
}

module.exports = { visible, visibleName, visiblePath, MAX_FIELD_CHARS, MAX_NAME_CHARS, MAX_PATH_CHARS };

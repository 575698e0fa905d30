// A mailbox export (mbox) given where one message is expected: the page checks its
// first message and says how many the file held.
//
// Where a message of an mbox ends (RFC 4155 §2, "mboxrd" and kin): each message starts
// with a "From " line (the envelope) and is followed by an empty line; a writer escapes a
// body line starting "From " (">From "). Readers differ on an unescaped one: Python's
// `mailbox.mbox` starts a message at every line starting "From " (blank line before it or
// not), mutt at a "From " line that parses as sender and date (`is_from`). The page takes
// a "From " line at the file's start or after an empty line, so a body's unescaped
// "From here on…" in mid-paragraph does not cut a message in two; the empty line before
// the next envelope is the mbox's separator, not the message's (Python's `mailbox` drops
// it too: `stops.append(line_pos - len(linesep))`).
//
// The first message keeps its own envelope line: the engine reports it
// (`headers/mbox-envelope`) and skips it, and its offsets index the bytes as given.

const FROM = [0x46, 0x72, 0x6f, 0x6d, 0x20]; // "From "

function startsFrom(code, length, at) {
  if (at + FROM.length > length) return false;
  for (let i = 0; i < FROM.length; i++) if (code(at + i) !== FROM[i]) return false;
  return true;
}

/**
 * `{count, firstEnd}` when `source` (bytes, or a string: offsets in its UTF-16 units) is an mbox
 * of two messages or more (it starts with a "From " line): `count` messages, the first being
 * `source[0 .. firstEnd)`; `null` otherwise (one message, with or without its envelope line,
 * is checked whole). Linear: one pass of indexOf over the line feeds.
 */
export function mboxMessages(source) {
  const scanner = mboxScanner(source);
  scanner.scan(0, source.length);
  return scanner.result();
}

/**
 * The same, read a stretch at a time (`scan(from, to)`, stretches in order: a large file
 * is read in steps so the tab stays responsive, lib/raw-text.mjs sourceFacts).
 */
export function mboxScanner(source) {
  const text = typeof source === 'string';
  const code = text ? (i) => source.charCodeAt(i) : (i) => source[i];
  const lineFeed = text ? '\n' : 10;
  const { length } = source;
  const mbox = startsFrom(code, length, 0);
  let count = 1;
  let firstEnd = -1;
  return {
    /** Reads the line feeds in `[from, to)`. */
    scan(from, to) {
      if (!mbox) return;
      // An empty line is LF LF or LF CR LF; the envelope follows it.
      for (let lf = source.indexOf(lineFeed, from); lf >= 0 && lf < to; lf = source.indexOf(lineFeed, lf + 1)) {
        if (!startsFrom(code, length, lf + 1)) continue;
        let blank = -1;
        if (lf >= 1 && code(lf - 1) === 10) blank = lf - 1;
        else if (lf >= 2 && code(lf - 1) === 13 && code(lf - 2) === 10) blank = lf - 2;
        if (blank < 0) continue;
        count++;
        // The message ends with the line break before the empty line.
        if (firstEnd < 0) firstEnd = blank + 1;
      }
    },
    result: () => (count > 1 ? { count, firstEnd } : null),
  };
}

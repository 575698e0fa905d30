// The raw source view: the linted bytes with one byte range highlighted.
// Findings give byte offsets into the linted message; the view decodes the
// bytes before, inside and after the range separately, so the highlighted text
// is exactly the bytes of the range whatever the characters around it.

// Sizes are ours (defaults): a <pre> of a few hundred kilobytes lays out without
// a noticeable pause; a 5 MB one froze the tab for over a second (issue 20).
/** Messages up to this size are shown whole; larger ones show a window around the finding. */
export const WHOLE_SOURCE_BYTES = 256_000;
/** Bytes shown on each side of a highlighted range in a large message. */
export const WINDOW_CONTEXT_BYTES = 20_000;
/** Most highlighted bytes shown in a large message (a size finding can cover megabytes). */
export const MAX_MARK_BYTES = 100_000;

const decoder = new TextDecoder('utf-8');

/** Moves `offset` back to the start of a UTF-8 sequence so no character is cut. */
export function charBoundary(bytes, offset) {
  let i = Math.max(0, Math.min(offset, bytes.length));
  let steps = 0;
  while (i > 0 && i < bytes.length && (bytes[i] & 0xc0) === 0x80 && steps < 3) {
    i--;
    steps++;
  }
  return i;
}

/**
 * What to show for `bytes` with `range` ({start, end} byte offsets, or null):
 * {before, marked, after, windowStart, windowEnd, truncated}.
 */
export function sourceSlices(bytes, range) {
  const total = bytes.length;
  let start = range ? Math.max(0, Math.min(range.start, total)) : 0;
  let end = range ? Math.max(start, Math.min(range.end, total)) : 0;
  start = charBoundary(bytes, start);
  end = charBoundary(bytes, end);
  let windowStart = 0;
  let windowEnd = total;
  let markEnd = end;
  if (total > WHOLE_SOURCE_BYTES) {
    if (range) {
      markEnd = charBoundary(bytes, Math.min(end, start + MAX_MARK_BYTES));
      windowStart = charBoundary(bytes, Math.max(0, start - WINDOW_CONTEXT_BYTES));
      windowEnd = charBoundary(bytes, Math.min(total, markEnd + WINDOW_CONTEXT_BYTES));
    } else {
      windowEnd = charBoundary(bytes, 2 * WINDOW_CONTEXT_BYTES);
    }
  }
  const before = decoder.decode(bytes.subarray(windowStart, range ? start : windowEnd));
  const marked = range ? decoder.decode(bytes.subarray(start, markEnd)) : '';
  const after = range ? decoder.decode(bytes.subarray(markEnd, windowEnd)) : '';
  return { before, marked, after, windowStart, windowEnd, truncated: windowStart > 0 || windowEnd < total || markEnd < end };
}

/**
 * Characters the source view shows by a sign (src/inspect/names.rs `is_hiding_char`, as
 * lib/names.mjs): C0 controls but TAB, LF and CR, DEL, bidi embeddings, overrides,
 * isolates and marks, zero-width characters. Drawn as they are, a NUL (headers/nul-byte)
 * was an empty highlight, and an RIGHT-TO-LEFT OVERRIDE in a header drew the lines after
 * it mirrored (page audit).
 */
export const SOURCE_HIDING = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff]+/g;
/** Runs of such characters drawn as styled signs; past this many the rest are signs in plain text (ours: a binary file stays light). */
export const MAX_SOURCE_SIGNS = 5_000;

/**
 * The sign of one hidden character: a C0 control or DEL as its Unicode control picture
 * (U+2400 block: ␀, ␛, ␡; one character for one, so a binary message does not grow), the
 * other characters as `<U+202E>`, the form of the engine's evidence.
 */
export function sourceSign(c) {
  const code = c.codePointAt(0);
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/**
 * `text` as nodes of `doc`: its hidden characters as signs, each run in a
 * `<span class="hidden-char">` (titled with its code points) while `budget.signs` lasts.
 */
export function visibleSource(text, doc, budget) {
  const nodes = [];
  let at = 0;
  SOURCE_HIDING.lastIndex = 0;
  for (let match = SOURCE_HIDING.exec(text); match; match = SOURCE_HIDING.exec(text)) {
    if (match.index > at) nodes.push(doc.createTextNode(text.slice(at, match.index)));
    const signs = [...match[0]].map(sourceSign).join('');
    if (budget.signs > 0) {
      budget.signs--;
      const span = doc.createElement('span');
      span.className = 'hidden-char';
      span.title = [...match[0]].map((c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`).slice(0, 16).join(' ');
      span.textContent = signs;
      nodes.push(span);
    } else {
      nodes.push(doc.createTextNode(signs));
    }
    at = match.index + match[0].length;
  }
  if (at < text.length) nodes.push(doc.createTextNode(text.slice(at)));
  return nodes;
}

/** `text` with its hidden characters as signs, as plain text (the fixes' diff lines). */
export const signed = (text) => text.replace(SOURCE_HIDING, (run) => [...run].map(sourceSign).join(''));

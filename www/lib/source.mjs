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

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
 * Bytes that are not UTF-8 (legacy-charset mail: ISO-8859-1/2, windows-1250/1252,
 * KOI8-R, Shift_JIS, …) had been drawn as U+FFFD while the preview read them. A segment
 * `{start, end, charset}` says in which charset the bytes of a part's header or body are
 * read (charsetSegments); its bytes are read so only when they are not UTF-8 as a whole.
 */
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'us-ascii', 'ascii']);
/** An RFC 2047 encoded word's charset (RFC 2231's `*language` left off). */
const ENCODED_WORD_CHARSET = /=\?([^?*\s]{1,64})(?:\*[^?]*)?\?[bq]\?/i;
/** Header bytes searched for an encoded word's charset (ours: a header block is a few kilobytes; a hostile one is not read whole). */
export const MAX_CHARSET_SCAN_BYTES = 64 * 1024;
const latin1 = new TextDecoder('latin1');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A decoder for `label` as the browser knows it (WHATWG Encoding), or null (unknown, or UTF-8). */
function legacyDecoder(label) {
  if (!label || UTF8_LABELS.has(label.toLowerCase())) return null;
  try {
    const decoder = new TextDecoder(label);
    return decoder.encoding === 'utf-8' ? null : decoder;
  } catch {
    return null;
  }
}

/**
 * Segments of `bytes` to read in a legacy charset, from the engine's analysis of the
 * message (`parts`: `{index, parent, charset, bodyStart, bodyEnd, headerStart, headerEnd}`,
 * lib/facts.mjs): a leaf part's body in the charset it declares; a header block in the
 * charset its encoded words name, else its part's, else its first text part's (mail
 * programs write raw 8-bit header text in the body's charset). Sorted, not overlapping.
 */
export function charsetSegments(bytes, parts) {
  if (!Array.isArray(parts)) return [];
  const parents = new Set(parts.map((part) => part.parent).filter((parent) => parent !== undefined));
  const byIndex = new Map(parts.map((part) => [part.index, part]));
  const firstLeafCharset = new Map();
  for (const part of parts) {
    if (!part.charset || parents.has(part.index)) continue;
    for (let up = part.parent; up !== undefined && !firstLeafCharset.has(up); up = byIndex.has(up) ? byIndex.get(up).parent : undefined) {
      firstLeafCharset.set(up, part.charset);
    }
  }
  const segments = [];
  const push = (start, end, charset) => {
    const decoder = legacyDecoder(charset);
    if (!decoder || !Number.isInteger(start) || !Number.isInteger(end)) return;
    const from = Math.max(0, Math.min(start, bytes.length));
    const to = Math.max(from, Math.min(end, bytes.length));
    if (to > from) segments.push({ start: from, end: to, charset: decoder.encoding, decoder, utf8: null });
  };
  for (const part of parts) {
    if (Number.isInteger(part.headerStart) && Number.isInteger(part.headerEnd)) {
      const scanned = latin1.decode(bytes.subarray(part.headerStart, Math.min(part.headerEnd, part.headerStart + MAX_CHARSET_SCAN_BYTES)));
      const word = ENCODED_WORD_CHARSET.exec(scanned);
      push(part.headerStart, part.headerEnd, (word && word[1]) || part.charset || firstLeafCharset.get(part.index));
    }
    if (part.charset && !parents.has(part.index)) push(part.bodyStart, part.bodyEnd, part.charset);
  }
  segments.sort((a, b) => a.start - b.start);
  const kept = [];
  for (const segment of segments) if (!kept.length || segment.start >= kept[kept.length - 1].end) kept.push(segment);
  return kept;
}

/** Whether a segment's bytes are read in its charset: they are not UTF-8 (checked once). */
function legacy(bytes, segment) {
  if (segment.utf8 === null) {
    try {
      strictUtf8.decode(bytes.subarray(segment.start, segment.end));
      segment.utf8 = true;
    } catch {
      segment.utf8 = false;
    }
  }
  return !segment.utf8;
}

/** The legacy segment holding byte `offset`, or null. */
function segmentAt(bytes, segments, offset) {
  const segment = segments.find((s) => s.start <= offset && offset < s.end);
  return segment && legacy(bytes, segment) ? segment : null;
}

/**
 * `bytes[from .. to)` as pieces `{text, charset?}`: UTF-8, and the legacy segments' bytes
 * read in their charset (`charset` set: the view marks them as bytes read so).
 */
export function decodePieces(bytes, from, to, segments = []) {
  const pieces = [];
  let at = from;
  for (const segment of segments) {
    if (segment.end <= at) continue;
    if (segment.start >= to) break;
    if (!legacy(bytes, segment)) continue;
    if (segment.start > at) pieces.push({ text: decoder.decode(bytes.subarray(at, segment.start)) });
    const end = Math.min(segment.end, to);
    const start = Math.max(segment.start, at);
    pieces.push({ text: segment.decoder.decode(bytes.subarray(start, end)), charset: segment.charset });
    at = end;
  }
  if (at < to) pieces.push({ text: decoder.decode(bytes.subarray(at, to)) });
  return pieces;
}

/**
 * What to show for `bytes` with `range` ({start, end} byte offsets, or null), with the
 * legacy-charset `segments` of the message (charsetSegments):
 * {before, marked, after (lists of decodePieces' pieces), windowStart, windowEnd, truncated}.
 */
export function sourceSlices(bytes, range, segments = []) {
  const total = bytes.length;
  // A UTF-8 boundary means nothing inside bytes read in another charset.
  const boundary = (offset) => (segmentAt(bytes, segments, offset) ? Math.max(0, Math.min(offset, total)) : charBoundary(bytes, offset));
  let start = range ? Math.max(0, Math.min(range.start, total)) : 0;
  let end = range ? Math.max(start, Math.min(range.end, total)) : 0;
  start = boundary(start);
  end = boundary(end);
  let windowStart = 0;
  let windowEnd = total;
  let markEnd = end;
  if (total > WHOLE_SOURCE_BYTES) {
    if (range) {
      markEnd = boundary(Math.min(end, start + MAX_MARK_BYTES));
      windowStart = boundary(Math.max(0, start - WINDOW_CONTEXT_BYTES));
      windowEnd = boundary(Math.min(total, markEnd + WINDOW_CONTEXT_BYTES));
    } else {
      windowEnd = boundary(2 * WINDOW_CONTEXT_BYTES);
    }
  }
  const before = decodePieces(bytes, windowStart, range ? start : windowEnd, segments);
  const marked = range ? decodePieces(bytes, start, markEnd, segments) : [];
  const after = range ? decodePieces(bytes, markEnd, windowEnd, segments) : [];
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

/**
 * Pieces (decodePieces) as nodes of `doc`: hidden characters as signs (visibleSource); in
 * a piece read in a legacy charset, each run of non-ASCII characters in a
 * `<span class="legacy-bytes">` titled `legacyTitle` and the charset, while `budget.signs`
 * lasts, so what was raw bytes stays told apart from UTF-8 text.
 */
export function sourceNodes(pieces, doc, budget, legacyTitle) {
  const nodes = [];
  for (const piece of pieces) {
    if (!piece.charset) {
      nodes.push(...visibleSource(piece.text, doc, budget));
      continue;
    }
    let at = 0;
    const runs = /[^\u0000-\u007f]+/g;
    // Past the budget the rest of the piece is one text: a run per word would be a node per word.
    for (let match = runs.exec(piece.text); match && budget.signs > 0; match = runs.exec(piece.text)) {
      if (match.index > at) nodes.push(...visibleSource(piece.text.slice(at, match.index), doc, budget));
      budget.signs--;
      const span = doc.createElement('span');
      span.className = 'legacy-bytes';
      span.title = `${legacyTitle} ${piece.charset}`;
      span.dataset.charset = piece.charset;
      span.append(...visibleSource(match[0], doc, budget));
      nodes.push(span);
      at = match.index + match[0].length;
    }
    if (at < piece.text.length) nodes.push(...visibleSource(piece.text.slice(at), doc, budget));
  }
  return nodes;
}

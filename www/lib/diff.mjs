// A line diff for the fix preview: what the mechanical fixes changed, as
// unchanged/removed/added lines with a little context. Common leading and
// trailing lines are skipped first; the middle is compared with a longest common
// subsequence table. A middle too large for one table is first cut at the lines
// found once on each side, in the same order (the anchors of a patience diff):
// a fix that adds a Message-ID at the top and a text version at the bottom of a
// 3,000-line HTML body had shown all 3,000 lines removed, then added again. Each
// stretch between anchors takes a table of its own, all tables together within
// MAX_TABLE_CELLS; a stretch past what is left is shown removed-then-added, and the
// diff says it was simplified (page.fixes.diff-simplified).

import { WHOLE_SOURCE_BYTES, decodePieces } from './source.mjs';

/**
 * Most line pairs (lines before × lines after) compared in the tables of one diff
 * (default, ours: a 16 MB table, filled in well under a second in a worker).
 * page.fixes.diff-simplified names it in each language.
 */
export const MAX_TABLE_CELLS = 4_000_000;
/** Unchanged lines kept around each change. */
export const CONTEXT_LINES = 3;
/**
 * Most characters of diff lines laid out: as much as the source view shows whole
 * (lib/source.mjs WHOLE_SOURCE_BYTES). A fixed 2.3 MB newsletter was laid out whole,
 * 80,021 lines, and held the tab for 3 s (audit defect 10), as a 5 MB source view and
 * a 5 MB message box had (issue 20).
 */
export const MAX_SHOWN_CHARS = WHOLE_SOURCE_BYTES;
/** Most diff lines laid out, however short (default, ours: a few thousand lines lay out without a pause). */
export const MAX_SHOWN_LINES = 5_000;

/**
 * `{entries: [{op: ' ' | '-' | '+', line}], simplified}` from `before` to `after` (arrays of
 * lines); `simplified` when some stretch was past the table budget and is shown removed-then-added.
 */
export function diffLines(before, after) {
  const entries = [];
  const budget = { cells: MAX_TABLE_CELLS, simplified: false };
  const [head, tail] = commonEnds(before, 0, before.length, after, 0, after.length);
  for (let k = 0; k < head; k++) entries.push({ op: ' ', line: before[k] });
  const [a0, a1, b0, b1] = [head, before.length - tail, head, after.length - tail];
  if (tableCells(a1 - a0, b1 - b0) <= budget.cells) {
    compare(before, a0, a1, after, b0, b1, budget, entries);
  } else {
    // Anchors, then each stretch between them (and before the first, after the last).
    let [i, j] = [a0, b0];
    for (const [ai, bj] of anchors(before, a0, a1, after, b0, b1)) {
      compare(before, i, ai, after, j, bj, budget, entries);
      entries.push({ op: ' ', line: before[ai] });
      [i, j] = [ai + 1, bj + 1];
    }
    compare(before, i, a1, after, j, b1, budget, entries);
  }
  for (let k = before.length - tail; k < before.length; k++) entries.push({ op: ' ', line: before[k] });
  return { entries, simplified: budget.simplified };
}

const tableCells = (rows, columns) => (rows + 1) * (columns + 1);

/** `[head, tail]`: lines equal at the start and at the end of a[a0..a1] and b[b0..b1], not overlapping. */
function commonEnds(a, a0, a1, b, b0, b1) {
  let head = 0;
  while (a0 + head < a1 && b0 + head < b1 && a[a0 + head] === b[b0 + head]) head++;
  let tail = 0;
  while (a0 + head < a1 - tail && b0 + head < b1 - tail && a[a1 - 1 - tail] === b[b1 - 1 - tail]) tail++;
  return [head, tail];
}

/**
 * Pairs `[i, j]` with a[i] === b[j], each line found once in a[a0..a1] and once in b[b0..b1],
 * increasing in both: the longest such chain (patience sorting, O(n log n)).
 */
function anchors(a, a0, a1, b, b0, b1) {
  const seen = new Map();
  for (let i = a0; i < a1; i++) {
    const entry = seen.get(a[i]);
    if (entry) entry.inA++;
    else seen.set(a[i], { inA: 1, i, inB: 0, j: -1 });
  }
  for (let j = b0; j < b1; j++) {
    const entry = seen.get(b[j]);
    if (entry && entry.inB++ === 0) entry.j = j;
  }
  const pairs = [];
  for (const { inA, i, inB, j } of seen.values()) if (inA === 1 && inB === 1) pairs.push([i, j]);
  pairs.sort((x, y) => x[0] - y[0]);
  // piles[k]: index in `pairs` of the smallest j ending a chain of length k + 1.
  const piles = [];
  const previous = new Int32Array(pairs.length);
  pairs.forEach(([, j], index) => {
    let [low, high] = [0, piles.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (pairs[piles[mid]][1] < j) low = mid + 1;
      else high = mid;
    }
    previous[index] = low > 0 ? piles[low - 1] : -1;
    piles[low] = index;
  });
  const chain = [];
  for (let index = piles.length ? piles[piles.length - 1] : -1; index >= 0; index = previous[index]) chain.push(pairs[index]);
  return chain.reverse();
}

/** a[a0..a1] against b[b0..b1] onto `entries`: common ends, then one table if the budget has room, else removed-then-added. */
function compare(before, a0, a1, after, b0, b1, budget, entries) {
  const [head, tail] = commonEnds(before, a0, a1, after, b0, b1);
  for (let k = a0; k < a0 + head; k++) entries.push({ op: ' ', line: before[k] });
  const a = before.slice(a0 + head, a1 - tail);
  const b = after.slice(b0 + head, b1 - tail);
  if (a.length && b.length && tableCells(a.length, b.length) > budget.cells) {
    budget.simplified = true;
    // One push per line: spread as arguments, 80,000 lines overflowed a worker's stack.
    for (const line of a) entries.push({ op: '-', line });
    for (const line of b) entries.push({ op: '+', line });
  } else if (a.length && b.length) {
    budget.cells -= tableCells(a.length, b.length);
    table(a, b, entries);
  } else {
    for (const line of a) entries.push({ op: '-', line });
    for (const line of b) entries.push({ op: '+', line });
  }
  for (let k = a1 - tail; k < a1; k++) entries.push({ op: ' ', line: before[k] });
}

/** The longest-common-subsequence diff of `a` and `b` onto `entries`. */
function table(a, b, entries) {
  // lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      entries.push({ op: ' ', line: a[i] });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
      // Removed lines before added ones, as diff(1) shows a change.
      entries.push({ op: '-', line: a[i++] });
    } else {
      entries.push({ op: '+', line: b[j++] });
    }
  }
}

/** The diff with unchanged runs cut to CONTEXT_LINES around changes; a cut is `{op: '…', count}`. */
export function withContext(diff) {
  const keep = new Uint8Array(diff.length);
  diff.forEach((entry, index) => {
    if (entry.op === ' ') return;
    for (let k = Math.max(0, index - CONTEXT_LINES); k <= Math.min(diff.length - 1, index + CONTEXT_LINES); k++) keep[k] = 1;
  });
  const out = [];
  let skipped = 0;
  diff.forEach((entry, index) => {
    if (keep[index]) {
      if (skipped) out.push({ op: '…', count: skipped });
      skipped = 0;
      out.push(entry);
    } else {
      skipped++;
    }
  });
  if (skipped) out.push({ op: '…', count: skipped });
  return out;
}

/**
 * Lines of a message for the diff: split at LF; a line ended by a bare LF shows ␊
 * and a CR not followed by LF shows ␍, so line-end fixes are visible. Bytes in the
 * legacy-charset `segments` (lib/source.mjs charsetSegments) are read in their charset,
 * as the source view reads them; read as UTF-8 they were all U+FFFD.
 */
export function messageLines(bytes, segments = []) {
  const lines = decodePieces(bytes, 0, bytes.length, segments).map((piece) => piece.text).join('').split('\n');
  const endsWithBreak = lines[lines.length - 1] === '';
  if (endsWithBreak) lines.pop();
  return lines.map((line, i) => {
    const crlf = line.endsWith('\r');
    const shown = (crlf ? line.slice(0, -1) : line).replace(/\r/g, '\u240d');
    const bareLf = !crlf && (i < lines.length - 1 || endsWithBreak);
    return bareLf ? `${shown}\u240a` : shown;
  });
}

/**
 * The first entries of `diff` (withContext's output) that fit in MAX_SHOWN_LINES lines and
 * MAX_SHOWN_CHARS characters, a line longer than what is left cut short with "…":
 * `{entries, cut}`, `cut` true when something was left out.
 */
export function shownDiff(diff, { maxChars = MAX_SHOWN_CHARS, maxLines = MAX_SHOWN_LINES } = {}) {
  const entries = [];
  let chars = 0;
  for (const entry of diff) {
    if (entries.length >= maxLines || chars >= maxChars) return { entries, cut: true };
    if (entry.op === '…') {
      entries.push(entry);
      continue;
    }
    const room = maxChars - chars;
    if (entry.line.length > room) {
      entries.push({ op: entry.op, line: `${entry.line.slice(0, room)}…` });
      return { entries, cut: true };
    }
    chars += entry.line.length;
    entries.push(entry);
  }
  return { entries, cut: false };
}

// A line diff for the fix preview: what the mechanical fixes changed, as
// unchanged/removed/added lines with a little context. Common leading and
// trailing lines are skipped first; the middle is compared with a longest common
// subsequence table, bounded so a huge change is shown as removed-then-added.

import { WHOLE_SOURCE_BYTES } from './source.mjs';

/** Largest middle (lines before × lines after) compared line by line (default, ours). */
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

/** `[{op: ' ' | '-' | '+', line}]` from `before` to `after` (arrays of lines). */
export function diffLines(before, after) {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head
    && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);
  const middle = [];
  if ((a.length + 1) * (b.length + 1) > MAX_TABLE_CELLS) {
    // One push per line: spread as arguments, 80,000 lines overflowed a worker's stack.
    for (const line of a) middle.push({ op: '-', line });
    for (const line of b) middle.push({ op: '+', line });
  } else {
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
        middle.push({ op: ' ', line: a[i] });
        i++;
        j++;
      } else if (i < a.length && (j === b.length || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
        // Removed lines before added ones, as diff(1) shows a change.
        middle.push({ op: '-', line: a[i++] });
      } else {
        middle.push({ op: '+', line: b[j++] });
      }
    }
  }
  return before.slice(0, head).map((line) => ({ op: ' ', line })).concat(middle,
    before.slice(before.length - tail).map((line) => ({ op: ' ', line })));
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
 * and a CR not followed by LF shows ␍, so line-end fixes are visible.
 */
export function messageLines(bytes) {
  const lines = new TextDecoder().decode(bytes).split('\n');
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

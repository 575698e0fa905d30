// What the visitor pasted, with its line ends as given. A <textarea> turns
// every CRLF and CR into LF (HTML's "API value"), so a pasted 10.05 MB CRLF
// message would be checked as 9.92 MB, and a bare CR, which is the very thing
// `headers/line-breaks` looks for, would vanish (issue 20, flow 1). The model
// keeps the raw text; the box shows it normalised, and each edit in the box is
// mapped back: the changed span is found (common prefix and suffix) and the
// typed text is written with the model's dominant line end.

import { mboxScanner } from './mbox.mjs';

/** The text as a <textarea> shows it. */
export const normalize = (text) => text.replace(/\r\n?/g, '\n');

/**
 * `{crlf, lf, cr}`: counts of each kind of line end in a string or in bytes, found by
 * indexOf (30 MB of bytes: 0.05 s, where reading them one by one took 0.15 s).
 */
export function lineEndCounts(source) {
  return countLineEnds(source, 0, source.length, { crlf: 0, lf: 0, cr: 0 });
}

/** Adds the line ends of `source[from .. to)` to `counts` (a CRLF is counted at its LF). */
function countLineEnds(source, from, to, counts) {
  const text = typeof source === 'string';
  const [cr, lf] = text ? ['\r', '\n'] : [13, 10];
  const at = text ? (i) => source.charCodeAt(i) : (i) => source[i];
  for (let i = source.indexOf(lf, from); i >= 0 && i < to; i = source.indexOf(lf, i + 1)) {
    if (i > 0 && at(i - 1) === 13) counts.crlf++;
    else counts.lf++;
  }
  for (let i = source.indexOf(cr, from); i >= 0 && i < to; i = source.indexOf(cr, i + 1)) {
    if (at(i + 1) !== 10) counts.cr++;
  }
  return counts;
}

/**
 * Bytes or characters read per task by sourceFacts (ours: about 5 ms of work; the whole of a
 * 20 MB file at once held the tab 0.12 s, 0.42 s on a CPU four times slower: page audit).
 */
export const SCAN_STEP = 1 << 20;

/**
 * What the page says of a raw message under its box, `{counts, mbox}` (line ends, and
 * lib/mbox.mjs's mailbox facts), read SCAN_STEP at a time, each step a task of its own.
 */
export async function sourceFacts(source) {
  const counts = { crlf: 0, lf: 0, cr: 0 };
  const mbox = mboxScanner(source);
  for (let from = 0; from < source.length; from += SCAN_STEP) {
    const to = Math.min(source.length, from + SCAN_STEP);
    countLineEnds(source, from, to, counts);
    mbox.scan(from, to);
    if (to < source.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { counts, mbox: mbox.result() };
}

export class RawText {
  constructor(raw = '') {
    this.raw = raw;
  }

  get shown() {
    return normalize(this.raw);
  }

  /** The line end typed text gets: CRLF when the text already uses CRLF most, LF otherwise. */
  lineEnd() {
    const { crlf, lf, cr } = lineEndCounts(this.raw);
    if (crlf > 0 && crlf >= lf && crlf >= cr) return '\r\n';
    if (cr > lf) return '\r';
    return '\n';
  }

  /** Index in `raw` of index `shown` of the normalised text (a CRLF is one shown character). */
  rawIndex(shown) {
    let r = 0;
    for (let s = 0; s < shown && r < this.raw.length; s++) {
      r += this.raw.charCodeAt(r) === 13 && this.raw.charCodeAt(r + 1) === 10 ? 2 : 1;
    }
    return r;
  }

  /** Replaces the shown span [start, end) by `inserted`, raw text kept as given. */
  replace(start, end, inserted) {
    const from = this.rawIndex(start);
    const to = this.rawIndex(end);
    this.raw = this.raw.slice(0, from) + inserted + this.raw.slice(to);
  }

  /** The box went from `before` to `after` (both normalised): apply the typed change. */
  edit(before, after) {
    let prefix = 0;
    const limit = Math.min(before.length, after.length);
    while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < limit - prefix
      && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
    const lineEnd = this.lineEnd();
    const typed = after.slice(prefix, after.length - suffix);
    this.replace(prefix, before.length - suffix, lineEnd === '\n' ? typed : typed.replace(/\n/g, lineEnd));
  }
}

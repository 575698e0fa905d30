// A short history of checks, kept in this browser only (localStorage): when,
// what (file name or Subject), the verdict and counts, and — when small enough —
// the message itself as a share fragment, so a check can be opened again.
// With site data blocked nothing is kept and the list stays empty (lib/storage.mjs).

import { readStored, writeStored, removeStored } from './storage.mjs';
import { decodeEncodedWords } from './encoded-words.mjs';

const KEY = 'mail-preflight.history';
/** Entries kept (default, ours: "a short history"). */
export const MAX_ENTRIES = 10;
/** Largest share fragment stored with an entry (default, ours: ten of them stay far under localStorage's 5 MB). */
export const MAX_STORED_FRAGMENT = 200_000;

export function listChecks() {
  try {
    const list = JSON.parse(readStored(KEY) || '[]');
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

function save(list) {
  // Storage full or refused: keep the summaries only, then give up quietly (history is a convenience).
  if (!writeStored(KEY, JSON.stringify(list))) writeStored(KEY, JSON.stringify(list.map(({ fragment, ...rest }) => rest)));
}

/**
 * The Subject of a message (first 64 KB looked at), for the list: unfolded, its RFC 2047
 * encoded words decoded (lib/encoded-words.mjs; the report carries no Subject).
 */
export function subjectOf(bytes) {
  const head = new TextDecoder().decode(bytes.subarray(0, 65_536));
  const match = /^Subject:[ \t]*(.*(?:\r?\n[ \t].*)*)/im.exec(head.split(/\r?\n\r?\n/)[0]);
  return match ? decodeEncodedWords(match[1].replace(/\r?\n[ \t]+/g, ' ').trim()).trim().slice(0, 120) : '';
}

/** Adds a check at the top; the same message checked again replaces its older entry. */
export function addCheck({ label, verdict, counts, fragment }) {
  const entry = { at: Date.now(), label, verdict, counts };
  if (fragment && fragment.length <= MAX_STORED_FRAGMENT) entry.fragment = fragment;
  const rest = listChecks().filter((e) => !(entry.fragment && e.fragment === entry.fragment));
  save([entry, ...rest].slice(0, MAX_ENTRIES));
}

export function clearChecks() {
  removeStored(KEY);
}

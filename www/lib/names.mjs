// Names that come from a message or from the visitor's files (file names,
// subjects, attachment names) shown inside the page's own sentences. A name may
// hold bidirectional controls: "invoice\u202Elme.exe" drew the page's
// "(241 bytes) loaded." mirrored after it and the name as its spoof
// "invoiceexe.eml" (audit defect 11). So a name is shown as the engine shows
// names in its evidence — every hiding character written as `<U+202E>`
// (src/inspect/mod.rs `visible_name`, the set of src/inspect/names.rs
// `is_hiding_char`) — and in a <bdi> of its own, so even a name in a
// right-to-left script leaves the sentence around it in its order (HTML
// Standard, "The bdi element"; Unicode UAX #9 isolates).

import { el } from './dom.mjs';

/** src/inspect/names.rs `is_hiding_char`: C0 controls and DEL, bidi embeddings, overrides, isolates and marks, zero-width characters. */
const HIDING = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff]/g;

/** `name` with each hiding character written `<U+XXXX>`, as the engine's evidence shows it. */
export function visibleName(name) {
  return String(name).replace(HIDING, (c) => `<U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** A name as an isolated element: `<bdi translate="no">` holding its visible form. */
export function nameElement(name, props = {}) {
  return el('bdi', { translate: 'no', ...props, text: visibleName(name) });
}

/**
 * A name inside a plain-text sentence (a status line set with textContent): its visible
 * form between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (UAX #9 §2.7), the
 * text-level form of <bdi>.
 */
export function isolatedName(name) {
  return `\u2068${visibleName(name)}\u2069`;
}

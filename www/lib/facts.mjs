// What the preview shows of the linted message: its HTML body, its text body,
// its image parts by Content-ID, and the runs of text the engine found hidden.
// The page asks the engine for these facts instead of reading MIME itself
// (issue 12); this file is the one place that asks.

import { previewParts } from './mime.mjs';

/** A part as the preview uses it: `{type, bytes()}` (bytes decoded, within the engine's limits). */
const imagePart = (type, bytes) => ({ type, bytes: () => bytes });

/**
 * `{html, text, images: Map(content-id → part), hidden: [text]}` for `bytes`, the
 * linted message, whose report is `report`.
 */
export async function previewFacts(engine, features, bytes, report) {
  if (features.messageFacts) return fromEngine(await engine.call('messageFacts', [bytes]));
  return legacyFacts(bytes, report);
}

/**
 * The engine's `messageFacts(input)` (issue 12): `{parts: [{contentType, contentId,
 * isBody, preview: {text?, bytes?}}], hiddenText: [{part, text, start, end}]}`.
 */
function fromEngine(facts) {
  const parts = facts.parts || [];
  const body = (type) => parts.find((p) => p.isBody && p.contentType === type && p.preview && typeof p.preview.text === 'string');
  const images = new Map();
  for (const p of parts) {
    if (p.contentId && /^image\//.test(p.contentType) && p.preview && p.preview.bytes) {
      images.set(p.contentId.toLowerCase(), imagePart(p.contentType, p.preview.bytes));
    }
  }
  const html = body('text/html');
  const text = body('text/plain');
  return {
    html: html ? html.preview.text : null,
    text: text ? text.preview.text : null,
    images,
    hidden: (facts.hiddenText || []).map((run) => run.text),
  };
}

// Waits for messageFacts: the page's own MIME reading (lib/mime.mjs, bounded) and
// the hidden runs spam/invisible-text quotes in its `words` parameter (" · "-joined).
function legacyFacts(bytes, report) {
  const { html, text, images } = previewParts(bytes);
  const hidden = report.findings.filter((f) => f.ruleId === 'spam/invisible-text').flatMap((f) => {
    const words = f.params && typeof f.params.words === 'string' ? f.params.words : (f.evidence || '').split(': ').slice(1).join(': ');
    return words.split(' · ');
  });
  return { html, text, images, hidden };
}

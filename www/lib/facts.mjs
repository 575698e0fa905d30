// What the preview shows of the linted message: its HTML body, its text body,
// its image parts by Content-ID, and the runs of text a reader cannot see — all
// from the engine's analysis of the message (`analyse`, issue 12): the page
// reads no MIME itself. This file is the one place that asks.

/** A part as the preview uses it: `{type, bytes()}` (decoded by the engine, within its preview limit). */
const imagePart = (type, bytes) => ({ type, bytes: () => bytes });

/**
 * `{html, text, images: Map(lower-case content-id → part), hidden: [{text, start?, end?}]}`
 * for `bytes`, the linted message: `start`/`end` are the UTF-8 byte offsets of the
 * start tag of the element holding a hidden run in `html`. `kept`: the key under which the
 * worker kept the bytes it checked (worker.js `analyseKept`), so they are not copied and
 * posted again; when the worker no longer holds them, they are sent.
 */
export async function previewFacts(engine, bytes, kept = null) {
  if (kept !== null) {
    try {
      return factsOf(await engine.call('analyseKept', [kept]));
    } catch (err) {
      if (err.code !== 'not-kept') throw err;
    }
  }
  const copy = bytes.slice();
  return factsOf(await engine.call('analyse', [copy], [copy.buffer]));
}

/** The preview's facts from an analysis (`Analysis` in the package's index.d.ts). */
export function factsOf(analysis) {
  const isBody = (preview) => analysis.parts[preview.part] && analysis.parts[preview.part].isBody;
  const html = analysis.texts.find((preview) => preview.html && isBody(preview));
  const plain = analysis.texts.find((preview) => !preview.html && isBody(preview)
    && analysis.parts[preview.part].contentType === 'text/plain');
  const images = new Map();
  for (const image of analysis.inlineImages) {
    const id = image.contentId.toLowerCase();
    if (!images.has(id)) images.set(id, imagePart(image.contentType, image.bytes));
  }
  const view = html && analysis.html.find((entry) => entry.part === html.part);
  // Honest hidden text (a preheader, a tracking pixel) is no finding, so it is not marked either.
  const hidden = (view ? view.hiddenRuns : []).filter((run) => !run.honest)
    .map((run) => ({ text: run.text, start: run.at.decodedStart, end: run.at.decodedEnd }));
  return { html: html ? html.text : null, text: plain ? plain.text : null, images, hidden, parts: sourceParts(analysis) };
}

/**
 * The parts as the source view reads their bytes (lib/source.mjs charsetSegments): each
 * one's declared charset, body and header block (from its first field's start to its last
 * field's end).
 */
export function sourceParts(analysis) {
  return analysis.parts.map((part) => {
    // A loop, not Math.min(...): a hostile header block has more fields than arguments fit on the stack.
    let headerStart;
    let headerEnd;
    for (const field of (part.index === 0 && !(part.headers || []).length ? analysis.headers : part.headers) || []) {
      if (headerStart === undefined || field.start < headerStart) headerStart = field.start;
      if (headerEnd === undefined || field.end > headerEnd) headerEnd = field.end;
    }
    return {
      index: part.index, parent: part.parent, charset: part.charset, bodyStart: part.bodyStart, bodyEnd: part.bodyEnd, headerStart, headerEnd,
    };
  });
}

// The safe preview of the linted message (lib/preview.mjs does the cleaning):
// its HTML with hidden text marked and its own images, or its text body.
// Built fresh for each report; the previous one is removed first, so a message
// that cannot be previewed never leaves the last message's preview on screen.

import { $ } from '../lib/dom.mjs';
import { text } from '../lib/i18n.mjs';
import { previewFacts } from '../lib/facts.mjs';
import { buildPreview, PartUrls, PREVIEW_CSS } from '../lib/preview.mjs';

export function setupPreview(ctx) {
  const { engine } = ctx;
  let ready = null;
  let urls = new PartUrls();
  let counts = null;
  let generation = 0;

  function frameDocument() {
    const frame = $('preview');
    if (!ready) {
      ready = new Promise((resolve) => {
        const loaded = () => frame.contentDocument && frame.contentDocument.readyState === 'complete' && frame.contentDocument.body;
        if (loaded()) return resolve(frame.contentDocument);
        frame.addEventListener('load', () => resolve(frame.contentDocument), { once: true });
      });
    }
    return ready;
  }

  function renderNotes() {
    const notes = [];
    if (counts && counts.hiddenMarked) notes.push(text('ui.preview.hidden-count', { count: counts.hiddenMarked }));
    if (counts && counts.blockedImages) notes.push(text('ui.preview.blocked-count', { count: counts.blockedImages }));
    $('preview-hidden-note').textContent = notes.join(' ');
    $('preview-hidden-note').hidden = notes.length === 0;
  }

  async function clear() {
    generation++;
    const doc = await frameDocument();
    urls.revokeAll();
    urls = new PartUrls();
    counts = null;
    if (doc) {
      for (const old of doc.head.querySelectorAll('style')) old.remove();
      doc.body.replaceChildren();
    }
    $('preview-empty').hidden = true;
    renderNotes();
  }

  /**
   * Renders the preview of `linted`; `onFacts(facts)` is told the engine's facts once they are known (the source view reads their parts);
   * `kept`: the key of the bytes the worker kept from the check (lib/facts.mjs previewFacts).
   */
  async function render(linted, onFacts, kept = null) {
    await clear();
    const mine = generation;
    const doc = await frameDocument();
    if (!doc) return;
    let facts;
    try {
      facts = await previewFacts(engine, linted, kept);
    } catch {
      facts = { html: null, text: null, images: new Map(), hidden: [], parts: [] };
    }
    if (mine !== generation) return;
    if (onFacts) onFacts(facts);
    $('preview-empty').hidden = facts.html !== null || facts.text !== null;
    if (facts.html === null) {
      const pre = doc.createElement('pre');
      pre.textContent = facts.text || '';
      pre.setAttribute('style', 'white-space: pre-wrap; font: 14px/1.4 sans-serif');
      doc.body.replaceChildren(pre);
      return;
    }
    const built = buildPreview(facts.html, facts.images, facts.hidden, doc, urls,
      { hiddenText: text('ui.preview.hidden-text'), blockedImage: text('ui.preview.blocked-image') });
    for (const css of [...built.styles, PREVIEW_CSS]) {
      const style = doc.createElement('style');
      style.textContent = css;
      doc.head.append(style);
    }
    doc.body.replaceChildren(built.body);
    counts = built.counts;
    renderNotes();
  }

  return {
    render,
    clear,
    /** New language: the marks' titles and the notes. */
    async relabel() {
      const doc = await frameDocument();
      for (const mark of doc ? doc.querySelectorAll('mark.mp-hidden') : []) mark.setAttribute('title', text('ui.preview.hidden-text'));
      for (const img of doc ? doc.querySelectorAll('img.mp-blocked') : []) img.setAttribute('title', text('ui.preview.blocked-image'));
      renderNotes();
    },
    /** Scrolls the preview to the first passage marked as hidden text. */
    async showHidden() {
      const doc = await frameDocument();
      const mark = doc && doc.querySelector('mark.mp-hidden');
      if (mark) mark.scrollIntoView({ block: 'center' });
      $('preview').focus();
    },
  };
}

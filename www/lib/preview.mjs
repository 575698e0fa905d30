// The safe preview of a message's HTML body.
//
// Three walls keep the message's HTML from doing anything:
// 1. it is parsed by DOMParser, whose documents are inert (no script runs, nothing loads);
// 2. it is cleaned: scripts, frames, objects, forms, <base>, <meta>, <link>, event
//    handlers, remote URLs are removed (in CSS too, read with its escapes written out:
//    url(), image-set(), @import, @font-face); `cid:` images show the message's own parts
//    through object URLs (one per part, made when first used, revoked with the
//    preview: a thousand <img src="cid:x"> cost one URL, not a thousand copies);
//    links are disarmed;
// 3. it is shown in preview.html, a frame sandboxed without allow-scripts whose own
//    Content-Security-Policy is `default-src 'none'; style-src 'unsafe-inline'; img-src data: blob:`,
//    so no remote image, font, style or tracking pixel can be fetched even if (2) missed one.
//
// Hidden-text marks carry their look in their own style attribute with !important:
// an element's style attribute wins over every style sheet of the same importance,
// whatever its selector or cascade layer (CSS Cascade 5 §6.1), so the message's CSS
// cannot hide them.

const REMOVED_ELEMENTS = [
  'script', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link',
  'form', 'input', 'button', 'select', 'textarea', 'video', 'audio', 'source', 'track', 'portal', 'template',
  'svg', 'math', 'canvas', 'picture',
];
const URL_ATTRIBUTES = ['src', 'href', 'srcset', 'background', 'poster', 'action', 'formaction', 'xlink:href', 'lowsrc',
  'dynsrc', 'longdesc', 'ping', 'cite', 'data', 'codebase', 'usemap', 'manifest'];
/** Largest inline image shown (decoded bytes; default, ours: a 5 MB image is past any sane mail). */
export const MAX_INLINE_IMAGE_BYTES = 5_000_000;

/** Object URLs of the message's image parts: one per part, made on first use, revoked together. */
export class PartUrls {
  constructor() {
    this.urls = new Map();
    this.made = 0;
  }

  /** The URL of `part` ({type, bytes()}), or null when it is not a showable image. */
  urlFor(part) {
    if (this.urls.has(part)) return this.urls.get(part);
    let url = null;
    if (/^image\/[a-z0-9.+-]+$/.test(part.type)) {
      const bytes = part.bytes();
      if (bytes && bytes.length <= MAX_INLINE_IMAGE_BYTES) {
        url = URL.createObjectURL(new Blob([bytes], { type: part.type }));
        this.made++;
      }
    }
    this.urls.set(part, url);
    return url;
  }

  revokeAll() {
    for (const url of this.urls.values()) if (url) URL.revokeObjectURL(url);
    this.urls.clear();
  }
}

/** The Content-ID a `cid:` URL names (RFC 2392: URL-encoded), lower-case; `cid:%` is read as written. */
export function contentIdOf(src) {
  const raw = src.slice(4);
  let id;
  try {
    id = decodeURIComponent(raw);
  } catch {
    id = raw;
  }
  return id.replace(/^<|>$/g, '').toLowerCase();
}

/**
 * CSS text with its escapes written out (CSS Syntax 3 §4.3.7: `\\75 rl(` is `url(`),
 * so the cleaning matches what a browser reads. A decoded quote or backslash is
 * dropped, and no escape is left, so the output cannot spell anything again.
 */
export function unescapeCss(css) {
  return css
    .replace(/\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\([^\n\r\f])|\\[\n\r\f]?/g, (_, hex, char) => {
      const decoded = hex ? String.fromCodePoint(Math.min(parseInt(hex, 16) || 0xfffd, 0x10ffff)) : char || '';
      return /["'\\]/.test(decoded) ? '' : decoded;
    })
    .replace(/\\/g, '');
}

/**
 * Removes what could fetch from the network in CSS text, counting each reference:
 * `@import`, `@font-face` rules (their `src` fetches fonts), `url(…)` not `data:`,
 * `image-set(…)` (it takes plain strings as URLs), a stray `src:`; and IE's
 * `expression(` and `behavior:`. Returns `{css, blocked}`.
 */
export function cleanCss(css) {
  let blocked = 0;
  const blockedAs = (replacement) => {
    blocked++;
    return replacement;
  };
  const remoteString = (set) => [...set.matchAll(/(["'])(.*?)\1/g)].some(([, , value]) => !/^\s*data:/i.test(value));
  const cleaned = unescapeCss(css)
    .replace(/@import[^;]*;?/gi, () => blockedAs(''))
    .replace(/@font-face\s*\{[^}]*\}?/gi, () => blockedAs(''))
    .replace(/url\(\s*(['"]?)(?!\s*data:)[^)]*\)/gi, () => blockedAs('none'))
    .replace(/(?:-webkit-)?image-set\((?:[^()]|\([^()]*\))*\)/gi, (set) => (remoteString(set) ? blockedAs('none') : set))
    .replace(/(^|[;{\s])src\s*:[^;}]*/gi, (_, before) => blockedAs(before))
    .replace(/expression\s*\(/gi, 'x(')
    .replace(/behavior\s*:/gi, 'x:');
  return { css: cleaned, blocked };
}

/**
 * Event-handler attributes in the start tags of `html` renamed `data-mp-on…` before it is
 * parsed: set in a document of the sandboxed frame, each one (an `<img onerror>`) made
 * Chromium log "Blocked script execution" on the page's console, and in the page's own
 * document a CSP violation (page audit). Nothing ran either way; the attribute loop of
 * buildPreview still removes every `on…` attribute the parser makes (those of a tag
 * whose quoted value holds a `<` or `>`, which this pass leaves), and the renamed ones.
 */
export function disarmHandlers(html) {
  // `[^<>]`: a scan from each `<` stops at the next one, so the pass is linear on any input.
  return html.replace(/<[a-zA-Z][^<>]*>/g, (tag) => tag.replace(/([\s/"'])(on[a-z-]*\s*=)/gi, '$1data-mp-$2'));
}

/**
 * `html` with `attribute="START"` added to the start tags at the given UTF-8 byte
 * ranges `{start, end}` (the engine's element offsets), so the parsed document knows
 * which elements hold hidden text. A range that is not a start tag is left alone.
 */
export function tagElements(html, ranges, attribute) {
  const bytes = new TextEncoder().encode(html);
  const GT = 0x3e;
  const SLASH = 0x2f;
  const LT = 0x3c;
  const at = new Map();
  for (const { start, end } of ranges) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > bytes.length || end - start < 3) continue;
    if (bytes[start] !== LT || bytes[end - 1] !== GT) continue;
    // Before the `>` of the tag, or before the `/` of `/>`.
    at.set(bytes[end - 2] === SLASH ? end - 2 : end - 1, start);
  }
  if (!at.size) return html;
  const encoder = new TextEncoder();
  const pieces = [];
  let from = 0;
  for (const point of [...at.keys()].sort((a, b) => a - b)) {
    pieces.push(bytes.subarray(from, point), encoder.encode(` ${attribute}="${at.get(point)}"`));
    from = point;
  }
  pieces.push(bytes.subarray(from));
  const out = new Uint8Array(pieces.reduce((n, piece) => n + piece.length, 0));
  let to = 0;
  for (const piece of pieces) {
    out.set(piece, to);
    to += piece.length;
  }
  return new TextDecoder().decode(out);
}

/**
 * Cleans `html` into a document fragment owned by `targetDoc`.
 * `images`: Map of lower-case Content-ID → part with {type, bytes()}; `urls`: the PartUrls
 * that serve them. `hidden`: the engine's hidden text runs `{text, start?, end?}` (start
 * and end: the byte range of the start tag of the element holding the run in `html`),
 * marked with `mark.mp-hidden` in that element, or where the text is when no range is known.
 * Returns {styles: [css text], body: DocumentFragment, counts: {blockedImages, hiddenMarked}}.
 */
export function buildPreview(html, images, hidden, targetDoc, urls, labels = {}) {
  // A name the message cannot have written: its elements are the ones the engine located.
  const holder = `data-mp-hidden-${Math.random().toString(36).slice(2)}`;
  const located = hidden.filter((run) => Number.isInteger(run.start) && Number.isInteger(run.end));
  // Parsed with the preview frame's own DOMParser so the inert document carries the
  // frame's policy (no script at all), not the page's.
  const Parser = (targetDoc.defaultView && targetDoc.defaultView.DOMParser) || DOMParser;
  const doc = new Parser().parseFromString(disarmHandlers(tagElements(html, located, holder)), 'text/html');
  let blockedImages = 0;
  // Remote references of the message's CSS (backgrounds, fonts, imports): blocked too, and counted with the images.
  let blockedRemote = 0;
  for (const el of doc.querySelectorAll(REMOVED_ELEMENTS.join(','))) el.remove();
  const styles = [];
  for (const el of doc.querySelectorAll('style')) {
    const { css, blocked } = cleanCss(el.textContent || '');
    styles.push(css);
    blockedRemote += blocked;
    el.remove();
  }
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name.startsWith('data-mp-on') || name === 'formaction' || name === 'http-equiv') el.removeAttribute(attr.name);
      else if (name === 'style') {
        const { css, blocked } = cleanCss(attr.value);
        el.setAttribute('style', css);
        blockedRemote += blocked;
      }
      else if (URL_ATTRIBUTES.includes(name) && !(el.localName === 'img' && name === 'src')) {
        if (name === 'href') el.setAttribute('data-href', attr.value.slice(0, 500));
        el.removeAttribute(attr.name);
      }
    }
    if (el.localName === 'img') {
      const src = (el.getAttribute('src') || '').trim();
      el.removeAttribute('src');
      const part = /^cid:/i.test(src) ? images.get(contentIdOf(src)) : null;
      const url = part ? urls.urlFor(part) : null;
      if (url) {
        el.setAttribute('src', url);
      } else if (/^data:image\//i.test(src)) {
        el.setAttribute('src', src);
      } else if (src) {
        blockedImages++;
        el.classList.add('mp-blocked');
        el.setAttribute('title', labels.blockedImage || '');
        el.setAttribute('data-blocked-src', src.slice(0, 500));
      }
    }
    if (el.localName === 'a') el.setAttribute('title', el.getAttribute('data-href') || '');
  }
  let hiddenMarked = 0;
  const holders = new Map();
  for (const element of doc.querySelectorAll(`[${holder}]`)) {
    holders.set(element.getAttribute(holder), element);
    element.removeAttribute(holder);
  }
  for (const run of hidden) {
    const needle = run.text.trim();
    const inElement = holders.get(String(run.start));
    let marked = inElement ? markText(inElement, needle, labels.hiddenText || '') : 0;
    // The element's text as a whole, when the run's words are spread over several text nodes.
    if (inElement && !marked) marked = markAll(inElement, labels.hiddenText || '');
    if (!inElement) marked = markText(doc.body, needle, labels.hiddenText || '');
    hiddenMarked += marked;
  }
  const body = targetDoc.createDocumentFragment();
  for (const node of [...doc.body.childNodes]) body.appendChild(targetDoc.importNode(node, true));
  return { styles, body, counts: { blockedImages: blockedImages + blockedRemote, hiddenMarked } };
}

/** Wraps each text node under `root` containing `needle` in <mark class="mp-hidden">. */
function markText(root, needle, title) {
  // A long run is matched on its start: the text may be split over several nodes.
  const probe = needle.replace(/\s+/g, ' ').trim().slice(0, 80);
  if (!probe) return 0;
  return markNodes(root, (node) => node.nodeValue.replace(/\s+/g, ' ').includes(probe), title);
}

/** Wraps every non-blank text node under `root` in <mark class="mp-hidden">. */
function markAll(root, title) {
  return markNodes(root, (node) => node.nodeValue.trim() !== '', title);
}

function markNodes(root, wanted, title) {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const hits = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (wanted(node) && !node.parentElement.closest('mark.mp-hidden')) hits.push(node);
  }
  for (const node of hits) {
    const mark = doc.createElement('mark');
    mark.className = 'mp-hidden';
    mark.setAttribute('style', HIDDEN_MARK_STYLE);
    mark.setAttribute('title', title);
    node.replaceWith(mark);
    mark.appendChild(node);
  }
  return hits.length;
}

/** A hidden-text mark's look, in its style attribute so no style sheet of the message can undo it. */
export const HIDDEN_MARK_STYLE = ['display: inline', 'visibility: visible', 'opacity: 1', 'position: static',
  'clip-path: none', 'transform: none', 'filter: none', 'color: #000', 'font-size: max(1em, 12px)',
  'background: repeating-linear-gradient(45deg, #f8c9dc 0 6px, #fff 6px 12px)', 'outline: 3px dashed #c2185b',
  'outline-offset: 2px'].map((d) => `${d} !important`).join('; ');

/** The preview frame's own look for blocked images (inline CSS is allowed there), put after the message's. */
export const PREVIEW_CSS = `
img.mp-blocked { display: inline-block; min-width: 24px; min-height: 24px; outline: 2px dashed #999;
  background: repeating-linear-gradient(45deg, #eee 0 6px, #ddd 6px 12px); }
`;

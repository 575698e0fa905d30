// The safe preview of a message's HTML body.
//
// Three walls keep the message's HTML from doing anything:
// 1. it is parsed by DOMParser, whose documents are inert (no script runs, nothing loads);
// 2. it is cleaned: scripts, frames, objects, forms, <base>, <meta>, <link>, event
//    handlers, remote URLs are removed; `cid:` images become data: URLs from the
//    message's own parts; links are disarmed;
// 3. it is shown in preview.html, a frame sandboxed without allow-scripts whose own
//    Content-Security-Policy is `default-src 'none'; style-src 'unsafe-inline'; img-src data:`,
//    so no remote image, font, style or tracking pixel can be fetched even if (2) missed one.

const REMOVED_ELEMENTS = [
  'script', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link',
  'form', 'input', 'button', 'select', 'textarea', 'video', 'audio', 'source', 'track', 'portal', 'template',
  'svg', 'math', 'canvas', 'picture',
];
const URL_ATTRIBUTES = ['src', 'href', 'srcset', 'background', 'poster', 'action', 'formaction', 'xlink:href', 'lowsrc',
  'dynsrc', 'longdesc', 'ping', 'cite', 'data', 'codebase', 'usemap', 'manifest'];
/** Largest inline image turned into a data: URL. */
export const MAX_INLINE_IMAGE_BYTES = 5_000_000;

function base64(bytes) {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}

/** Removes remote references from CSS text (url(...) not data:, @import). */
export function cleanCss(css) {
  return css
    .replace(/@import[^;]*;?/gi, '')
    .replace(/url\(\s*(['"]?)(?!data:)[^)]*\)/gi, 'none')
    .replace(/expression\s*\(/gi, 'x(')
    .replace(/behavior\s*:/gi, 'x:');
}

/**
 * Cleans `html` into a document fragment owned by `targetDoc`.
 * `images`: Map of lower-case Content-ID → part with {type, bytes()}.
 * `hiddenTexts`: texts reported by invisible-text findings, marked with `mark.mp-hidden`.
 * Returns {styles: [css text], body: DocumentFragment, counts: {blockedImages, hiddenMarked}}.
 */
export function buildPreview(html, images, hiddenTexts, targetDoc, labels = {}) {
  // Parsed with the preview frame's own DOMParser so the inert document carries the
  // frame's policy (no script at all), not the page's.
  const Parser = (targetDoc.defaultView && targetDoc.defaultView.DOMParser) || DOMParser;
  const doc = new Parser().parseFromString(html, 'text/html');
  let blockedImages = 0;
  for (const el of doc.querySelectorAll(REMOVED_ELEMENTS.join(','))) el.remove();
  const styles = [];
  for (const el of doc.querySelectorAll('style')) {
    styles.push(cleanCss(el.textContent || ''));
    el.remove();
  }
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'formaction' || name === 'http-equiv') el.removeAttribute(attr.name);
      else if (name === 'style') el.setAttribute('style', cleanCss(attr.value));
      else if (URL_ATTRIBUTES.includes(name) && !(el.localName === 'img' && name === 'src')) {
        if (name === 'href') el.setAttribute('data-href', attr.value.slice(0, 500));
        el.removeAttribute(attr.name);
      }
    }
    if (el.localName === 'img') {
      const src = (el.getAttribute('src') || '').trim();
      el.removeAttribute('src');
      const cid = /^cid:/i.test(src) ? decodeURIComponent(src.slice(4)).replace(/^<|>$/g, '').toLowerCase() : null;
      const part = cid ? images.get(cid) : null;
      const bytes = part ? part.bytes() : null;
      if (bytes && bytes.length <= MAX_INLINE_IMAGE_BYTES && /^image\/[a-z0-9.+-]+$/.test(part.type)) {
        el.setAttribute('src', `data:${part.type};base64,${base64(bytes)}`);
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
  for (const text of hiddenTexts) {
    hiddenMarked += markText(doc, text.trim(), labels.hiddenText || '');
  }
  const body = targetDoc.createDocumentFragment();
  for (const node of [...doc.body.childNodes]) body.appendChild(targetDoc.importNode(node, true));
  return { styles, body, counts: { blockedImages, hiddenMarked } };
}

/** Wraps each text node containing `needle` in <mark class="mp-hidden">. */
function markText(doc, needle, title) {
  if (!needle) return 0;
  // Evidence may be shortened with an ellipsis: match on the part before it.
  const probe = needle.split('…')[0].replace(/\s+/g, ' ').trim().slice(0, 80);
  if (!probe) return 0;
  let marked = 0;
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const hits = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue.replace(/\s+/g, ' ').includes(probe) && !node.parentElement.closest('mark.mp-hidden')) hits.push(node);
  }
  for (const node of hits) {
    const mark = doc.createElement('mark');
    mark.className = 'mp-hidden';
    mark.setAttribute('title', title);
    node.replaceWith(mark);
    mark.appendChild(node);
    marked++;
  }
  return marked;
}

/** The preview frame's own look for marks and blocked images (inline CSS is allowed there). */
export const PREVIEW_CSS = `
mark.mp-hidden { outline: 3px dashed #c2185b; outline-offset: 2px; background: repeating-linear-gradient(45deg,
  rgba(194,24,91,.18) 0 6px, rgba(255,255,255,.35) 6px 12px); color: #000 !important; }
img.mp-blocked { display: inline-block; min-width: 24px; min-height: 24px; outline: 2px dashed #999;
  background: repeating-linear-gradient(45deg, #eee 0 6px, #ddd 6px 12px); }
`;

// Just enough MIME reading for the preview: find the HTML body and the inline
// images (by Content-ID) of a message, decoded. The engine does the real
// analysis; this only feeds the sandboxed preview frame. Every loop is bounded.
// Used by lib/facts.mjs only until the engine exports messageFacts (issue 12);
// then this file goes.

/** Most MIME parts looked at, and deepest multipart nesting followed. */
export const MAX_PARTS = 500;
export const MAX_DEPTH = 20;

/** Bytes as a "binary string": one char per byte, so indexes are byte offsets. */
export function binaryString(bytes, start = 0, end = bytes.length) {
  let out = '';
  const CHUNK = 0x8000;
  for (let i = start; i < end; i += CHUNK) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(end, i + CHUNK)));
  }
  return out;
}

/** Splits a header block into unfolded fields (RFC 5322 §2.2.3). */
export function parseHeaders(text) {
  const fields = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && fields.length) {
      fields[fields.length - 1].value += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0) fields.push({ name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
  }
  return fields;
}

/** `text/html; charset="utf-8"` → {type: 'text/html', params: {charset: 'utf-8'}}. */
export function parseContentType(value) {
  const [type, ...rest] = (value || 'text/plain').split(';');
  const params = {};
  for (const piece of rest) {
    const eq = piece.indexOf('=');
    if (eq < 0) continue;
    const name = piece.slice(0, eq).trim().toLowerCase().replace(/\*\d*\*?$/, '');
    let v = piece.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    if (!(name in params)) params[name] = v;
  }
  return { type: type.trim().toLowerCase() || 'text/plain', params };
}

function headerEnd(s, from) {
  const crlf = s.indexOf('\r\n\r\n', from);
  const lf = s.indexOf('\n\n', from);
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { end: crlf, body: crlf + 4 };
  if (lf >= 0) return { end: lf, body: lf + 2 };
  return { end: s.length, body: s.length };
}

export function decodeBase64(text) {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const usable = clean.slice(0, clean.length - (clean.length % 4));
  try {
    const bin = atob(usable);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return new Uint8Array(0);
  }
}

export function decodeQuotedPrintable(text) {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d) {
      if (text[i + 1] === '\r' && text[i + 2] === '\n') { i += 2; continue; }
      if (text[i + 1] === '\n') { i += 1; continue; }
      const hex = text.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) { out[n++] = parseInt(hex, 16); i += 2; continue; }
    }
    out[n++] = c & 0xff;
  }
  return out.subarray(0, n);
}

/** Decoded text of a part in its declared charset (UTF-8 when unknown). */
export function decodeText(bytes, charset) {
  try {
    return new TextDecoder(charset || 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * The leaf parts of a message: [{type, charset, cid, disposition, filename, bytes()}],
 * depth-first. `bytes()` decodes the transfer encoding on demand.
 */
export function leafParts(messageBytes) {
  const s = binaryString(messageBytes);
  const leaves = [];
  let seen = 0;
  const stack = [{ start: 0, end: s.length, depth: 0 }];
  while (stack.length && seen < MAX_PARTS) {
    const { start, end, depth } = stack.pop();
    seen++;
    const h = headerEnd(s, start);
    const headerText = s.slice(start, Math.min(h.end, end));
    const bodyStart = Math.min(h.body, end);
    const fields = parseHeaders(headerText);
    const get = (name) => (fields.find((f) => f.name === name) || {}).value;
    const ct = parseContentType(get('content-type'));
    if (ct.type.startsWith('multipart/') && ct.params.boundary && depth < MAX_DEPTH) {
      const delimiter = '--' + ct.params.boundary;
      const children = [];
      let pos = s.indexOf(delimiter, bodyStart);
      while (pos >= 0 && pos < end && children.length < MAX_PARTS) {
        const lineEnd = s.indexOf('\n', pos);
        const after = s.slice(pos + delimiter.length, pos + delimiter.length + 2);
        if (after === '--' || lineEnd < 0) break;
        const childStart = lineEnd + 1;
        let next = s.indexOf('\n' + delimiter, childStart);
        if (next < 0 || next > end) next = end;
        let childEnd = next;
        if (s[childEnd - 1] === '\r') childEnd--;
        children.push({ start: childStart, end: childEnd, depth: depth + 1 });
        pos = next < end ? next + 1 : -1;
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
      continue;
    }
    const encoding = (get('content-transfer-encoding') || '').toLowerCase().trim();
    const disposition = parseContentType(get('content-disposition') || '');
    const cid = (get('content-id') || '').replace(/^\s*<|>\s*$/g, '').trim();
    const raw = s.slice(bodyStart, end);
    leaves.push({
      type: ct.type,
      charset: ct.params.charset,
      cid,
      disposition: disposition.type,
      filename: disposition.params.filename || ct.params.name || '',
      bytes() {
        if (encoding === 'base64') return decodeBase64(raw);
        if (encoding === 'quoted-printable') return decodeQuotedPrintable(raw);
        const out = new Uint8Array(raw.length);
        for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
        return out;
      },
    });
  }
  return leaves;
}

/** The first HTML body (not an attachment) and the inline images by Content-ID. */
export function previewParts(messageBytes) {
  const leaves = leafParts(messageBytes);
  const htmlPart = leaves.find((p) => p.type === 'text/html' && p.disposition !== 'attachment');
  const textPart = leaves.find((p) => p.type === 'text/plain' && p.disposition !== 'attachment');
  const images = new Map();
  for (const p of leaves) {
    if (p.cid && p.type.startsWith('image/')) images.set(p.cid.toLowerCase(), p);
  }
  return {
    html: htmlPart ? decodeText(htmlPart.bytes(), htmlPart.charset) : null,
    text: textPart ? decodeText(textPart.bytes(), textPart.charset) : null,
    images,
  };
}

// A shareable link that carries the message itself, compressed, in the URL
// fragment: `#lint/share=…`. Browsers never send the fragment to a server
// (RFC 3986 §3.5, Fetch: a request's URL has no fragment), so opening the link
// checks the message in the reader's tab, and nothing is uploaded anywhere.
//
// Payload: a JSON header line, then the raw message bytes (for a raw message),
// deflated (CompressionStream 'deflate-raw', RFC 1951) and in base64url (RFC 4648 §5).

export const SHARE_PREFIX = 'lint/share=';
/**
 * Largest compressed payload put in a link (default, ours): about 180 KB of URL,
 * which chat and mail programs still carry whole; larger messages: download the .eml.
 */
export const MAX_SHARE_BYTES = 128_000;
/**
 * Longest fragment payload read: the base64url text (RFC 4648 §5, 4 characters for 3 bytes,
 * unpadded) of MAX_SHARE_BYTES, the longest this page writes. A longer one was not made
 * here: it is refused before it is decoded (code `share-too-long`).
 */
export const MAX_SHARE_FRAGMENT_CHARS = Math.ceil((MAX_SHARE_BYTES * 4) / 3);
/**
 * Longest file name a link carries (ours: NAME_MAX, 255, of the common file systems, so a
 * name the page took from a file fits; a longer one is cut when the link is written): a
 * link with a longer one was not made here.
 */
export const MAX_SHARE_NAME_CHARS = 255;
/** The mail() platforms the page offers (index.html #p-platform, the engine's `php.platform`). */
const PHP_PLATFORMS = ['unix', 'windows'];
/** The mail() call's fields (views/lint-input.mjs PHP_FIELDS): strings when present. */
const PHP_CALL_FIELDS = ['to', 'subject', 'message', 'headers'];
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Largest message a link may expand to: the engine's input limit. */
import { MAX_INPUT_BYTES as MAX_EXPANDED_BYTES } from './limits.mjs';

export { MAX_EXPANDED_BYTES };

const encoder = new TextEncoder();

function toBase64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const toBase64Url = (bytes) => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Milliseconds of (de)compression run before the page's other tasks get a turn (ours). */
const PIPE_SLICE_MS = 50;
/**
 * Bytes handed to the (de)compressor at a time (ours: 64 KiB deflate in a few ms). The
 * stream works a whole chunk in one step: a 20 MB message handed as one Blob chunk held
 * the main thread 1.1 s in one task when it was compressed for its link (page audit).
 */
export const PIPE_CHUNK_BYTES = 64 * 1024;

/**
 * `parts` (byte arrays, one after the other) through `stream`, a chunk at a time, with a pause every PIPE_SLICE_MS:
 * `{out}`, or `{over: true, total}` as soon as the output passes `limit` (`total`: the
 * bytes out when it stopped; the rest is not worked: a message too large for a link costs
 * the compression of about `limit` of output, not of the whole message).
 */
async function pipe(parts, stream, limit = Infinity) {
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const chunks = [];
  let total = 0;
  let over = false;
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.length;
      if (total > limit) {
        over = true;
        await reader.cancel();
        return;
      }
      chunks.push(value);
    }
  })();
  // Seen by the write loop's awaits as well: a broken stream rejects both sides.
  reading.catch(() => {});
  let slice = performance.now();
  try {
    for (const bytes of parts) {
      for (let at = 0; at < bytes.length && !over; at += PIPE_CHUNK_BYTES) {
        // The stream's steps are promise jobs: without a pause the whole message would be
        // worked in one task. Each write waits until its chunk is taken, so the pipe does.
        if (performance.now() - slice > PIPE_SLICE_MS) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          slice = performance.now();
        }
        await writer.write(bytes.slice(at, at + PIPE_CHUNK_BYTES));
      }
    }
    if (!over) await writer.close();
  } catch (err) {
    if (!over) throw err;
  }
  await reading;
  if (over) return { over, total };
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return { out };
}

/** Attachment bytes as base64 strings, so compose fields fit the JSON header. */
function portable(request) {
  if (request.kind !== 'compose' || !request.compose.attachments) return request;
  const attachments = request.compose.attachments.map((a) => {
    if (!(a.content instanceof Uint8Array)) return a;
    return { ...a, content: toBase64(a.content), encoding: 'base64' };
  });
  return { ...request, compose: { ...request.compose, attachments } };
}

/** The fragment (without '#') for a request; `null` when the message is too large for a link. */
export async function shareFragment(request) {
  const header = request.kind === 'raw'
    // A name past MAX_SHARE_NAME_CHARS (a fixed file's "fixed-" prefixes added to a long one) is cut: such a link is read.
    ? { v: 1, kind: 'raw', name: (request.name || '').slice(0, MAX_SHARE_NAME_CHARS) }
    : { v: 1, ...portable(request) };
  const head = encoder.encode(JSON.stringify(header) + '\n');
  const body = request.kind === 'raw' ? request.bytes : new Uint8Array(0);
  const compressed = await pipe([head, body], new CompressionStream('deflate-raw'), MAX_SHARE_BYTES);
  if (compressed.over) return null;
  return SHARE_PREFIX + toBase64Url(compressed.out);
}

/**
 * The request a fragment carries, or throws (code `share-broken`, `share-too-long` past
 * MAX_SHARE_FRAGMENT_CHARS, or `share-too-large` with `size`, the bytes inflated when it stopped).
 */
export async function readShareFragment(fragment) {
  if (fragment.length - SHARE_PREFIX.length > MAX_SHARE_FRAGMENT_CHARS) {
    throw Object.assign(new Error('shared link too long'), { code: 'share-too-long' });
  }
  try {
    const inflated = await pipe([fromBase64Url(fragment.slice(SHARE_PREFIX.length))], new DecompressionStream('deflate-raw'),
      MAX_EXPANDED_BYTES + 64_000);
    // A link that inflates past the limit is refused (a deflate bomb).
    if (inflated.over) throw Object.assign(new Error('shared message too large'), { code: 'share-too-large', size: inflated.total });
    const payload = inflated.out;
    const newline = payload.indexOf(10);
    const header = JSON.parse(new TextDecoder().decode(payload.subarray(0, newline)));
    if (!isObject(header) || header.v !== 1) throw new Error('unknown share version');
    // A link is anyone's: fields the page would not write (a name past MAX_SHARE_NAME_CHARS, a platform it does not
    // offer, a field that is no text) make it a broken link, nothing is checked.
    if (header.kind === 'raw' && header.name !== undefined
      && (typeof header.name !== 'string' || header.name.length > MAX_SHARE_NAME_CHARS)) throw new Error('bad name');
    if (header.kind === 'php' && (!isObject(header.call)
      || PHP_CALL_FIELDS.some((key) => header.call[key] !== undefined && typeof header.call[key] !== 'string')
      || (header.platform !== undefined && !PHP_PLATFORMS.includes(header.platform)))) throw new Error('bad mail() call');
    if (header.kind === 'compose' && !isObject(header.compose)) throw new Error('bad compose');
    if (header.kind === 'raw') return { kind: 'raw', bytes: payload.slice(newline + 1), name: header.name || '', origin: 'file' };
    if (header.kind === 'compose' && header.compose) return { kind: 'compose', compose: header.compose };
    if (header.kind === 'php' && header.call) return { kind: 'php', call: header.call, platform: header.platform };
    throw new Error('unknown share kind');
  } catch (err) {
    if (err.code === 'share-too-large') throw err;
    throw Object.assign(new Error(String(err.message || err)), { code: 'share-broken' });
  }
}

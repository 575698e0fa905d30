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
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Milliseconds of (de)compression run before the page's other tasks get a turn (ours). */
const PIPE_SLICE_MS = 50;

async function pipe(bytes, stream, limit = Infinity) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks = [];
  let total = 0;
  let slice = performance.now();
  for (;;) {
    // The stream's steps are promise jobs: without a pause, 30 MB of a message compressed
    // for its link held the main thread 0.7 s in one task. Reading waits, so the pipe does.
    if (performance.now() - slice > PIPE_SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      slice = performance.now();
    }
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    // A link that inflates past the limit is refused (a deflate bomb).
    if (total > limit) {
      await reader.cancel();
      throw Object.assign(new Error('shared message too large'), { code: 'share-too-large', size: total });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
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
    ? { v: 1, kind: 'raw', name: request.name || '' }
    : { v: 1, ...portable(request) };
  const head = encoder.encode(JSON.stringify(header) + '\n');
  const body = request.kind === 'raw' ? request.bytes : new Uint8Array(0);
  const payload = new Uint8Array(head.length + body.length);
  payload.set(head);
  payload.set(body, head.length);
  const compressed = await pipe(payload, new CompressionStream('deflate-raw'));
  if (compressed.length > MAX_SHARE_BYTES) return null;
  return SHARE_PREFIX + toBase64Url(compressed);
}

/**
 * The request a fragment carries, or throws (code `share-broken`, or `share-too-large`
 * with `size`, the bytes inflated when it stopped).
 */
export async function readShareFragment(fragment) {
  try {
    const payload = await pipe(fromBase64Url(fragment.slice(SHARE_PREFIX.length)), new DecompressionStream('deflate-raw'),
      MAX_EXPANDED_BYTES + 64_000);
    const newline = payload.indexOf(10);
    const header = JSON.parse(new TextDecoder().decode(payload.subarray(0, newline)));
    if (header.v !== 1) throw new Error('unknown share version');
    if (header.kind === 'raw') return { kind: 'raw', bytes: payload.slice(newline + 1), name: header.name || '', origin: 'file' };
    if (header.kind === 'compose' && header.compose) return { kind: 'compose', compose: header.compose };
    if (header.kind === 'php' && header.call) return { kind: 'php', call: header.call, platform: header.platform };
    throw new Error('unknown share kind');
  } catch (err) {
    if (err.code === 'share-too-large') throw err;
    throw Object.assign(new Error(String(err.message || err)), { code: 'share-broken' });
  }
}

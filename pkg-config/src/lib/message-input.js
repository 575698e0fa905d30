// What lint() and analyse() take as a message, in the shapes the engine reads:
// a text, bytes (a Uint8Array), or compose fields (a plain object). The other
// forms of text and bytes are read as those (a String object as its text; an
// ArrayBuffer, a DataView or any typed array as its bytes, from its byteOffset
// for its byteLength); any other object (a Date, a Map, an instance of a class)
// is refused, where the engine would read its own fields as compose fields (an
// empty message) or fail on it. One source for both builds: pkg-config/build.mjs
// writes lib/message-input.cjs from this file for Node.

/** Whether `value` is a plain object (of any realm): its prototype is null or a prototype-less object. */
function isPlainObject(value) {
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** The kind of a value lint() does not take, for the programmer's error. */
function kindOf(value) {
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  return tag === 'Object' && value.constructor && value.constructor.name ? value.constructor.name : tag;
}

/** The engine's MAX_JSON_DEPTH (src/error/invalid.rs): deeper values are left for the engine to refuse. */
const MAX_COPIED_DEPTH = 128;
/**
 * The engine's MAX_COMPOSE_VALUES (src/wasm.rs): the most entries (list items and
 * object members) copied. A list or an object that would pass it is refused
 * before any of its entries is read: a sparse list of length 4e9 holds nothing,
 * yet copying it entry by entry ran V8 out of memory.
 */
const MAX_COPIED_VALUES = 1000000;
/** The engine's MAX_INPUT_BYTES (src/lib.rs): the largest input it reads at all. */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

/**
 * Compose fields the engine reads as bytes (src/input/compose: `Content` and
 * `BodyText`), where a list of numbers or Node's JSON form of a Buffer
 * (`{ type: 'Buffer', data: [...] }`) is a byte array, documented as such. Such a
 * value is handed over as a Uint8Array, copied once: its entries are bytes, not
 * values, so they are measured against the input limit, not MAX_COPIED_VALUES.
 */
const BODY_FIELDS = new Set(['raw', 'text', 'html', 'watchHtml', 'amp']);
const PART_LISTS = new Set(['attachments', 'alternatives']);
const PART_BYTE_FIELDS = new Set(['content', 'raw']);
/** Inside a byte field given as an object: `data` (a Buffer's JSON), `content` (`{ content, encoding }`). */
const BYTES_OBJECT_FIELDS = new Set(['data', 'content']);

/**
 * The address fields, which Nodemailer takes as a list nested to any depth and
 * flattens (lib/mime-node `_parseAddresses`; Nodemailer 10's types say so:
 * `MimeNodeAddressInput = string | MimeNodeAddress | MimeNodeAddressInput[]`):
 * `to: [['a@x.example', 'b@x.example'], 'c@x.example']` is sent to all three. The
 * engine reads one level of list: the copy is flattened here, to the copied depth.
 */
const ADDRESS_FIELDS = new Set(['from', 'sender', 'to', 'cc', 'bcc', 'replyTo']);

/** A copied message field with its address lists flattened: an address field's, the envelope's (from, to, cc, bcc). */
function flatAddresses(key, member) {
  if (ADDRESS_FIELDS.has(key)) return Array.isArray(member) ? member.flat(MAX_COPIED_DEPTH) : member;
  if (key !== 'envelope' || !member || typeof member !== 'object' || Array.isArray(member)) return member;
  for (const field of ['from', 'to', 'cc', 'bcc']) {
    if (Array.isArray(member[field])) member[field] = member[field].flat(MAX_COPIED_DEPTH);
  }
  return member;
}

/** The `type` that tells the engine a byte field's bytes are a view, not a Buffer (src/input/compose `VIEW_TYPE`). */
const VIEW_TYPE = 'Uint8Array';

/** Whether `value` is a Node Buffer (none exists in a browser: every view is a plain one there). */
function isNodeBuffer(value) {
  return typeof Buffer === 'function' && typeof Buffer.isBuffer === 'function' && Buffer.isBuffer(value);
}

/** Where a member sits: its role from its container's role and its key. */
function roleOf(role, key) {
  if (role === 'message') {
    if (BODY_FIELDS.has(key)) return 'bytes';
    if (PART_LISTS.has(key)) return 'parts';
    return key === 'icalEvent' ? 'part' : undefined;
  }
  if (role === 'parts') return 'part';
  if (role === 'part') return PART_BYTE_FIELDS.has(key) ? 'bytes' : undefined;
  if (role === 'bytes') return BYTES_OBJECT_FIELDS.has(key) ? 'bytes' : undefined;
  return undefined;
}

/** A coded `invalid-input` (or `code`) error in the reader's language; `fallback` if the renderer fails. */
function readingError(code, messageId, params, fallback, reader, fields = {}) {
  let message;
  try {
    message = reader.render(messageId, params, reader.locale);
  } catch {
    message = fallback;
  }
  return Object.assign(new Error(message, fields.cause ? { cause: fields.cause } : undefined), { code, messageId, params }, fields);
}

/**
 * Whether `value` is a stream as Nodemailer tells one (mime-node `setContent`,
 * `_getStream`: `typeof content.pipe === 'function'`), which it pipes into the part.
 */
function isStream(value) {
  return Boolean(value) && typeof value === 'object' && typeof value.pipe === 'function';
}

/**
 * A stream where a sync call reads the fields: it cannot wait for the bytes. The
 * error names the async call that reads streams (`lintAsync` for `lint`).
 */
function streamInSync(path, name, reader) {
  const params = { invalid: { label: MESSAGE_FIELDS.subject }, path, call: name, asyncCall: `${name}Async` };
  return readingError('invalid-input', 'core.invalid.stream', params,
    `${MESSAGE_FIELDS.english} are not valid: ${path} is a stream, which ${name}() cannot read. Call await ${name}Async() with the same fields.`, reader);
}

/** What is read: the message's fields (`invalid-input`) or the options (`invalid-options`). */
const MESSAGE_FIELDS = { code: 'invalid-input', subject: 'core.invalid.subject.input', role: 'message', name: 'message', english: 'The message fields' };
const OPTIONS = { code: 'invalid-options', subject: 'core.invalid.subject.options', role: undefined, name: 'options', english: 'The options' };

/** A value read (a getter, a Proxy trap) threw: coded error naming the field, the error as `cause`. */
function unreadable(path, cause, reader, kind = MESSAGE_FIELDS) {
  let detail;
  try {
    detail = String(cause && typeof cause === 'object' && 'message' in cause ? cause.message : cause).slice(0, 200);
  } catch {
    detail = '?';
  }
  const params = { invalid: { label: kind.subject }, path, detail };
  return readingError(kind.code, 'core.invalid.threw', params,
    `${kind.english} are not valid: reading ${path} threw an error (${detail}).`, reader, { cause });
}

/** More entries than MAX_COPIED_VALUES under `field` (the top-level field, as the engine names it). */
function tooMany(field, count, reader, kind) {
  const params = { invalid: { label: kind.subject }, path: field, count, max: MAX_COPIED_VALUES };
  return readingError(kind.code, 'core.invalid.too-many', params,
    `${kind.english} are not valid: ${field}: ${count} entries, at most ${MAX_COPIED_VALUES}.`, reader);
}

/** A byte array longer than the engine reads: its `input-too-large`, with the sizes as fields. */
function bytesTooLarge(size, reader) {
  const params = { size: { megabytes: size }, limit: { megabytes: MAX_INPUT_BYTES } };
  return readingError('input-too-large', 'core.error.input-too-large', params,
    `The input is ${size} bytes; mail-preflight reads at most ${MAX_INPUT_BYTES}.`, reader, { size, limit: MAX_INPUT_BYTES });
}

/**
 * Whether the memory of a byte view or an ArrayBuffer was detached (transferred
 * with postMessage or structuredClone): reading it throws a TypeError with no
 * code, "Cannot perform Construct on a detached ArrayBuffer".
 */
function isDetached(value) {
  try {
    new Uint8Array(ArrayBuffer.isView(value) ? value.buffer : value, 0, 0);
    return false;
  } catch {
    return true;
  }
}

/** A detached byte array at `path`: coded error naming the field (`core.invalid.detached`). */
function detached(path, reader, kind = MESSAGE_FIELDS) {
  const params = { invalid: { label: kind.subject }, path };
  return readingError(kind.code, 'core.invalid.detached', params,
    `${kind.english} are not valid: ${path} is a byte array whose memory was detached; it holds no bytes.`, reader);
}

/** A list of numbers as a Uint8Array when every entry is a byte (an integer from 0 to 255), else undefined. */
function byteList(list) {
  const bytes = new Uint8Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (typeof v !== 'number' || !(v >= 0 && v <= 255) || !Number.isInteger(v)) return undefined;
    bytes[i] = v;
  }
  return bytes;
}

/** Node's JSON form of a Buffer, exactly: `{ type: 'Buffer', data: [...] }` and nothing else. */
function isBufferJson(value) {
  const keys = Object.keys(value);
  return keys.length === 2 && value.type === 'Buffer' && Array.isArray(value.data) && keys.includes('data');
}

/**
 * The message fields as Nodemailer reads them: MailMessage copies them with
 * `this.data[key] = data[key]` (lib/mailer/mail-message.js), so an own `__proto__`
 * holding an object (JSON.parse makes one) becomes the prototype of Nodemailer's
 * copy, and its members are read as fields wherever the message has none of its
 * own (`{"__proto__": {"raw": …}, from, text}` is sent as that raw message); any
 * other `__proto__` value is dropped. Below the top level (headers, list, parts)
 * Nodemailer reads own keys, and `__proto__` stays one.
 */
function asNodemailerReads(fields) {
  if (!Object.prototype.hasOwnProperty.call(fields, '__proto__')) return fields;
  const inherited = fields.__proto__;
  const read = {};
  for (const key of Object.keys(fields)) if (key !== '__proto__') read[key] = fields[key];
  if (inherited && typeof inherited === 'object') {
    for (const key of Object.keys(inherited)) {
      if (key !== '__proto__' && !Object.prototype.hasOwnProperty.call(read, key)) read[key] = inherited[key];
    }
  }
  return read;
}

/**
 * Compose fields read once, here: plain objects and lists copied (every getter
 * and Proxy trap run now, a throw named by its field), byte views (a DataView,
 * any typed array, an ArrayBuffer) as Uint8Array, byte lists and Buffer JSON in
 * the byte fields as Uint8Array, anything else as it is. The engine converts the
 * copy, which then holds only data: a throw inside the conversion would leave
 * the caller's own error, without a code (#34).
 */
function composeCopy(input, reader, kind = MESSAGE_FIELDS, call = 'lint', streams = undefined) {
  let copied = 0;
  // Counted before a list or an object is copied: its length alone can be the attack.
  const count = (entries, field) => {
    copied += entries;
    // A list or an object past the limit on its own is named with its own length.
    if (copied > MAX_COPIED_VALUES) throw tooMany(field || kind.name, entries > MAX_COPIED_VALUES ? entries : copied, reader, kind);
  };
  const copy = (value, path, field, role, depth, holder, key) => {
    if (value === null || typeof value !== 'object') return value;
    try {
      return copyObject(value, path, field, role, depth, holder, key);
    } catch (error) {
      if (error && (error.code === 'input-too-large' || ['core.invalid.threw', 'core.invalid.too-many', 'core.invalid.detached', 'core.invalid.stream'].includes(error.messageId))) throw error;
      throw unreadable(path || kind.name, error, reader, kind);
    }
  };
  const copyObject = (value, path, field, role, depth, holder, key) => {
    // A stream where Nodemailer takes content (a body, a part's content or raw,
    // icalEvent): the async calls read it (`messageInputAsync`) into the mark of a byte
    // view, which the engine renders as mime-node renders a stream (a text part
    // quoted-printable, never 7bit: `getTransferEncoding` cannot look into either).
    if ((role === 'bytes' || (kind === MESSAGE_FIELDS && path === 'icalEvent')) && isStream(value)) {
      if (!streams) throw streamInSync(path, call, reader);
      const mark = { type: VIEW_TYPE, data: undefined };
      streams.push({ stream: value, path, mark, holder, key });
      // mail-composer makes an icalEvent that is no object with content its `{ content }`.
      return role === 'bytes' ? mark : { content: mark };
    }
    const tag = Object.prototype.toString.call(value);
    const isBuffer = tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
    if ((isBuffer || ArrayBuffer.isView(value)) && isDetached(value)) throw detached(path || kind.name, reader, kind);
    // A byte view that is not a Node Buffer, in a byte field: Nodemailer's mime-node
    // cannot look into it (`content instanceof Buffer` is false) and makes a text part
    // of it quoted-printable, where a Buffer's is chosen by content (`Content::View`).
    if (role === 'bytes' && ArrayBuffer.isView(value) && !isNodeBuffer(value)) {
      return { type: VIEW_TYPE, data: value instanceof Uint8Array ? value : new Uint8Array(value.buffer, value.byteOffset, value.byteLength) };
    }
    if (ArrayBuffer.isView(value) && !(value instanceof Uint8Array)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    if (isBuffer) return new Uint8Array(value);
    if (value instanceof Uint8Array || depth >= MAX_COPIED_DEPTH) return value;
    if (Array.isArray(value)) {
      if (role === 'bytes') {
        // A list of numbers longer than the input limit holds at least that many bytes (or is no byte list).
        if (value.length > MAX_INPUT_BYTES) throw bytesTooLarge(value.length, reader);
        const bytes = byteList(value);
        if (bytes) return bytes;
      }
      count(value.length, field);
      const list = new Array(value.length);
      const itemRole = role === 'parts' ? 'part' : undefined;
      for (let i = 0; i < value.length; i++) {
        list[i] = copy(read(value, i, `${path}[${i}]`), `${path}[${i}]`, field, itemRole, depth + 1, value, i);
      }
      return list;
    }
    if (!isPlainObject(value)) return value;
    if (role === 'bytes' && isBufferJson(value)) {
      const data = read(value, 'data', `${path}.data`);
      if (data.length > MAX_INPUT_BYTES) throw bytesTooLarge(data.length, reader);
      const bytes = byteList(data);
      if (bytes) return bytes;
    }
    const keys = Object.keys(value);
    count(keys.length, field);
    const object = {};
    for (const key of keys) {
      const at = path ? `${path}.${key}` : key;
      let member = copy(read(value, key, at), at, field || key, roleOf(role, key), depth + 1, value, key);
      if (role === 'message') member = flatAddresses(key, member);
      // An own `__proto__` (JSON.parse makes one) stays a member: `object[key] =` would set the prototype.
      if (key === '__proto__') Object.defineProperty(object, key, { value: member, writable: true, enumerable: true, configurable: true });
      else object[key] = member;
    }
    return role === 'message' ? asNodemailerReads(object) : object;
  };
  const read = (container, key, path) => {
    try {
      return container[key];
    } catch (error) {
      throw unreadable(path, error, reader, kind);
    }
  };
  return copy(input, '', '', kind.role, 0);
}

/**
 * Options read once, as compose fields are (`composeCopy`): every getter and
 * Proxy trap run here, a throw named by its field as `invalid-options` (it was
 * the caller's own error, or a TypeError, without a code), the copy plain data.
 */
export function optionsInput(options, reader = { locale: 'en' }) {
  if (options === null || typeof options !== 'object') return options;
  return composeCopy(options, reader, OPTIONS);
}

/** `shapeOf(input)`, a throw of the caller's object (a getter, a Proxy) made `invalid-input`. */
function kindOfInput(input, reader) {
  try {
    return shapeOf(input);
  } catch (error) {
    throw unreadable('message', error, reader);
  }
}

/**
 * `input` as the engine takes it, or an `invalid-input` error (English, like the
 * engine's own error for a wrong argument: it is for the programmer). Compose
 * fields are copied (`composeCopy`); `reader` says the language of a throw's
 * error and renders it (`{ locale, render(id, params, locale) }`).
 */
export function messageInput(input, name = 'lint', reader = { locale: 'en' }) {
  if (input === null || typeof input !== 'object') return input;
  const kind = kindOfInput(input, reader);
  if ((kind === 'bytes' || input instanceof Uint8Array) && isDetached(input)) throw detached('message', reader);
  if (kind === 'as-is') return input;
  if (kind === 'text') return String.prototype.valueOf.call(input);
  if (kind === 'bytes') return ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input);
  if (kind === 'fields') return composeCopy(input, reader, MESSAGE_FIELDS, name);
  const error = new Error(`${name}(input): input must be a string, bytes, or an object of compose fields; got a ${kindOf(input)}`);
  error.code = 'invalid-input';
  throw error;
}

/**
 * The most bytes the streams of one message are read to: the engine's input
 * limit, which no message can pass anyway. A longer stream is not read further
 * (and is destroyed): `input-too-large`, "more than" the limit, its size unknown.
 */
export const MAX_STREAM_BYTES = MAX_INPUT_BYTES;

/**
 * Who words an error met reading a message (the web and bundler entries): `render`
 * (the engine's renderMessage), in the language `options` ask for, English when
 * they ask for none of the four or their getter throws (the engine refuses such
 * options itself).
 */
export function readerWith(options, render) {
  let locale = 'en';
  try {
    if (options && typeof options.locale === 'string' && ['en', 'fr', 'es', 'pl'].includes(options.locale)) locale = options.locale;
  } catch {
    // options that throw are refused by the engine itself
  }
  return { locale, render };
}

/**
 * How long a stream may give nothing (no chunk, no end, no error, no close)
 * before it is given up, in milliseconds: 30 seconds, ours. A stream that never
 * ends would keep the call waiting for ever (and a form builder's request with
 * it); the byte limit above cannot end it, since it gives no bytes. An idle time:
 * a large attachment read from a slow upload goes on while its bytes come, up to
 * STREAM_TOTAL_TIMEOUT for all the streams of the call. For scale, Nodemailer's SMTP connection gives up after 10
 * minutes without traffic (lib/smtp-connection `SOCKET_TIMEOUT`), and waits 30 s
 * for a server to speak at all (`GREETING_TIMEOUT`). The option `streamIdleTimeout`
 * changes it, from 1 ms to MAX_STREAM_TIMEOUT.
 */
export const STREAM_IDLE_TIMEOUT = 30 * 1000;
/**
 * How long the streams of one call may take together, read one after the other,
 * in milliseconds: 5 minutes (ours, Node's value). The idle time cannot end a
 * stream that gives one byte every 29 seconds: under the byte limit that goes on
 * for years. Node's HTTP server bounds a request's body both ways, and for this
 * reason: beside `server.timeout` (a socket's idle time), `server.requestTimeout`
 * is "the timeout value in milliseconds for receiving the entire request from the
 * client", whose default became 300,000 in Node 18 (0, none, before), because "it
 * must be set to a non-zero value … to protect against potential Denial-of-Service
 * attacks" (Node's http documentation; Node 20 here: requestTimeout 300000,
 * headersTimeout 60000). Nodemailer sets none (lib/shared `resolveStream` reads to
 * the end; its SMTP `socketTimeout` is idle time). The option
 * `streamTotalTimeout` changes it, from 1 ms to MAX_STREAM_TIMEOUT.
 */
export const STREAM_TOTAL_TIMEOUT = 5 * 60 * 1000;
/** The longest `streamIdleTimeout` and `streamTotalTimeout`: setTimeout's (a 32-bit signed delay; a longer one fires at once). */
export const MAX_STREAM_TIMEOUT = 2147483647;
/** The options of the async calls that set how long their streams may take: each with its default. */
const STREAM_OPTIONS = { streamIdleTimeout: STREAM_IDLE_TIMEOUT, streamTotalTimeout: STREAM_TOTAL_TIMEOUT };

/** The default timeouts of the streams of one call: `{ idle, total }` in milliseconds. */
function defaultTimeouts() {
  return { idle: STREAM_IDLE_TIMEOUT, total: STREAM_TOTAL_TIMEOUT };
}

/** One stream option's value checked: a whole number of milliseconds from 1 to MAX_STREAM_TIMEOUT, else `invalid-options` naming it. */
export function checkedTimeout(name, value, reader) {
  const invalid = { label: OPTIONS.subject };
  if (typeof value !== 'number' || Number.isNaN(value)) {
    let shown;
    try {
      shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 100)) : String(value).slice(0, 100);
    } catch {
      shown = typeof value;
    }
    throw readingError('invalid-options', 'core.invalid.not-number', { invalid, path: name, value: shown },
      `The options are not valid: ${name}: ${shown} is not a number.`, reader);
  }
  if (!Number.isInteger(value) && Number.isFinite(value)) {
    throw readingError('invalid-options', 'core.invalid.not-whole-number', { invalid, path: name, value: String(value) },
      `The options are not valid: ${name}: ${value} is not a whole number.`, reader);
  }
  if (!(value >= 1 && value <= MAX_STREAM_TIMEOUT)) {
    throw readingError('invalid-options', 'core.invalid.range', { invalid, path: name, value: String(value), min: '1', max: String(MAX_STREAM_TIMEOUT) },
      `The options are not valid: ${name}: ${value} is outside 1 to ${MAX_STREAM_TIMEOUT}.`, reader);
  }
  return value;
}

/**
 * The options of a call without `streamIdleTimeout` and `streamTotalTimeout` (the
 * engine does not take them: it reads no stream), and their values checked
 * (`checkedTimeout`): `{ options, timeouts: { idle, total } }`. `options` are a
 * copy (`optionsInput`: the Node entry) or the caller's own (the pool, the web and
 * bundler entries, the Nodemailer plugin), read here once.
 */
export function streamOptions(options, reader = { locale: 'en' }) {
  const unchanged = { options, timeouts: defaultTimeouts() };
  if (!options || typeof options !== 'object') return unchanged;
  const given = {};
  const rest = {};
  try {
    if (Array.isArray(options) || !Object.keys(STREAM_OPTIONS).some((name) => Object.prototype.hasOwnProperty.call(options, name))) return unchanged;
    for (const key of Object.keys(options)) {
      if (Object.prototype.hasOwnProperty.call(STREAM_OPTIONS, key)) given[key] = options[key];
      else rest[key] = options[key];
    }
  } catch {
    // Options whose getter or Proxy trap throws (a revoked Proxy) are left as they are: the
    // engine refuses them where it reads them, as lint() does (`invalid-options` naming the field).
    return unchanged;
  }
  const timeouts = defaultTimeouts();
  if (given.streamIdleTimeout !== undefined) timeouts.idle = checkedTimeout('streamIdleTimeout', given.streamIdleTimeout, reader);
  if (given.streamTotalTimeout !== undefined) timeouts.total = checkedTimeout('streamTotalTimeout', given.streamTotalTimeout, reader);
  return { options: rest, timeouts };
}

/**
 * A sync call's options holding a stream option: `invalid-options` saying it is the
 * async call's (`core.invalid.async-only-option`), where the engine would call it an
 * unknown field. The sync calls read no stream; the types refuse it too.
 */
export function refuseStreamOptions(options, call, reader = { locale: 'en' }) {
  if (!options || typeof options !== 'object' || Array.isArray(options)) return;
  let name;
  try {
    // One left undefined (`{ ...defaults, streamIdleTimeout: undefined }`) is no option given, as the engine reads it.
    name = Object.keys(STREAM_OPTIONS).find((key) => Object.prototype.hasOwnProperty.call(options, key) && options[key] !== undefined);
  } catch {
    return; // a Proxy whose trap throws: refused where the options are read
  }
  if (name === undefined) return;
  const params = { invalid: { label: OPTIONS.subject }, path: name, call, asyncCall: `${call}Async` };
  throw readingError('invalid-options', 'core.invalid.async-only-option', params,
    `The options are not valid: ${name} is an option of ${call}Async(), which reads streams; ${call}() reads none, so it does not take it.`, reader);
}

/** One stream's bytes, as Nodemailer pipes them into a part: text chunks as UTF-8, byte chunks as they are. */
function readStream(stream, path, budget, reader, idleTimeout = STREAM_IDLE_TIMEOUT, deadline = undefined, signal = undefined) {
  return new Promise((resolve, reject) => {
    // Told by its `pipe` alone (as Nodemailer tells one), it may have no events to read it by.
    if (typeof stream.on !== 'function' || typeof stream.removeListener !== 'function') {
      reject(unreadable(path, new TypeError('a value with pipe() but no on() and removeListener() is no stream to read'), reader));
      return;
    }
    // The bytes read so far, in one buffer grown by doubling (at most twice the
    // bytes held): a list of the chunks had held a view object for each, and a
    // stream of 4 million one-byte chunks had taken 1.7 GB.
    let bytesRead = new Uint8Array(0);
    let size = 0;
    let settled = false;
    let idle;
    let total;
    const finish = (error, bytes) => {
      if (settled) return;
      settled = true;
      // No timer outlives the read: a process whose work is done ends at once.
      clearTimeout(idle);
      clearTimeout(total);
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onError);
      stream.removeListener('close', onClose);
      if (signal) signal.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(bytes);
    };
    const fail = (error) => {
      finish(error);
      // Read no further: the rest would be read into memory for nothing. An error it
      // emits while being destroyed is no longer anyone's: kept from crashing the process.
      stream.on('error', () => {});
      if (typeof stream.destroy === 'function') stream.destroy();
    };
    // A stream that gives nothing for `idleTimeout` ms is given up (STREAM_IDLE_TIMEOUT)
    // and destroyed; each chunk starts the wait again.
    const onIdle = () => {
      const params = { invalid: { label: MESSAGE_FIELDS.subject }, path, timeout: idleTimeout };
      fail(readingError('invalid-input', 'core.invalid.stream-idle', params,
        `${MESSAGE_FIELDS.english} are not valid: ${path} is a stream that gave no bytes and did not end for ${idleTimeout} ms; it was destroyed.`,
        reader, { timeout: idleTimeout }));
    };
    const wait = () => {
      clearTimeout(idle);
      if (!settled) idle = setTimeout(onIdle, idleTimeout);
    };
    // The streams of one call share one deadline (STREAM_TOTAL_TIMEOUT): a stream that gives
    // a byte now and then is given up when the time of the whole reading is spent.
    const onTotal = () => {
      const params = { invalid: { label: MESSAGE_FIELDS.subject }, path, timeout: deadline.timeout };
      fail(readingError('invalid-input', 'core.invalid.stream-total', params,
        `${MESSAGE_FIELDS.english} are not valid: ${path} is a stream still not ended after ${deadline.timeout} ms (streamTotalTimeout); it was destroyed.`,
        reader, { timeout: deadline.timeout }));
    };
    // The call given up (a Linter call's `signal` or `timeout`): the stream is read no
    // further and destroyed, as on a timeout of its own, rather than read on unheard.
    const onAbort = () => fail(abortReason(signal));
    const onData = (chunk) => {
      wait();
      let bytes;
      if (typeof chunk === 'string') bytes = UTF8.encode(chunk);
      else if (chunk instanceof Uint8Array) bytes = chunk;
      else {
        // mime-node's encoders take only texts and bytes: Nodemailer fails on such a chunk too.
        fail(unreadable(path, new TypeError(`the stream gave a ${kindOf(chunk)}, not bytes or a text`), reader));
        return;
      }
      size += bytes.length;
      if (size > budget.left) {
        fail(readingError('input-too-large', 'core.error.input-too-large-unmeasured', { limit: { megabytes: MAX_STREAM_BYTES } },
          `The input is more than ${MAX_STREAM_BYTES} bytes; mail-preflight reads at most ${MAX_STREAM_BYTES}.`, reader, { limit: MAX_STREAM_BYTES }));
        return;
      }
      if (size > bytesRead.length) {
        const grown = new Uint8Array(Math.min(budget.left, Math.max(size, 2 * bytesRead.length, 64 * 1024)));
        grown.set(bytesRead.subarray(0, size - bytes.length));
        bytesRead = grown;
      }
      bytesRead.set(bytes, size - bytes.length);
    };
    const onEnd = () => {
      budget.left -= size;
      finish(null, bytesRead.length === size ? bytesRead : bytesRead.slice(0, size));
    };
    const onError = (error) => finish(unreadable(path, error, reader));
    // A stream closed before its end ('close' without 'end': destroyed, by its
    // maker or after an error already emitted) emits nothing more: without this,
    // the call would wait for ever (Node's stream.finished says "Premature close").
    const onClose = () => {
      if (!settled && !stream.readableEnded) finish(unreadable(path, stream.errored || new Error('Premature close: the stream was closed before its end'), reader));
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('close', onClose);
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
    wait();
    if (deadline) total = setTimeout(onTotal, Math.max(0, deadline.at - Date.now()));
    if (stream.readableEnded) onEnd();
    // Destroyed (or failed) before the call: its 'error' and 'close' were emitted already.
    else if (stream.destroyed || stream.errored) onClose();
    // Paused by the caller (pause()): a 'data' listener does not start it; Nodemailer's pipe() does.
    else if (stream.readableFlowing === false && typeof stream.resume === 'function') stream.resume();
  });
}

/**
 * `messageInput` for the async calls (`lintAsync`, `analyseAsync`, a pool's `lint`):
 * compose fields may hold streams where Nodemailer takes content (`text`, `html`,
 * `attachments[i].content`, `raw`, `icalEvent`…). Each is read, one after the
 * other, as Nodemailer reads it when it builds the message, and handed to the
 * engine as a byte view's mark, which renders as Nodemailer renders a stream. A
 * stream can be read once: with `refill(bytes)` (Node: a new stream of the same
 * bytes), each one read is put back in its place in the caller's fields, so the
 * same fields can go on to Nodemailer's sendMail, which sends what was checked.
 */
export async function messageInputAsync(input, name = 'lintAsync', reader = { locale: 'en' }, refill = undefined, timeouts = defaultTimeouts()) {
  if (input === null || typeof input !== 'object') return input;
  const kind = kindOfInput(input, reader);
  if (kind !== 'fields') return messageInput(input, name, reader);
  const streams = [];
  const fields = composeCopy(input, reader, MESSAGE_FIELDS, name, streams);
  await readStreams(streams, reader, timeouts, ({ stream, mark, holder, key }, bytes) => {
    mark.data = bytes;
    if (refill) {
      try {
        holder[key] = refill(bytes);
        // The stream read is no longer in the caller's fields, so no one of theirs listens to
        // it: an 'error' it emits later (a file closed late) would end the process.
        if (typeof stream.on === 'function') stream.on('error', () => {});
      } catch {
        // A frozen object or a setter that throws keeps the stream read: it was the caller's to keep.
      }
    }
  });
  return fields;
}

/** What a call given up by `signal` rejects with: its reason, the standard AbortError when it gives none. */
export function abortReason(signal) {
  return signal.reason !== undefined ? signal.reason : new DOMException('This operation was aborted', 'AbortError');
}

/** A stream given up unread: destroyed, and an error it emits then kept from ending the process. */
function destroyUnread(stream) {
  try {
    if (typeof stream.on === 'function') stream.on('error', () => {});
    if (typeof stream.destroy === 'function') stream.destroy();
  } catch {
    // a stream whose destroy() throws is left as it is: the call has failed already
  }
}

/**
 * The streams of one message (`[{ stream, path, … }]`), read one after the other
 * within MAX_STREAM_BYTES together, each within `timeouts.idle` of silence and
 * all within `timeouts.total` (`{ idle, total }` in ms; a number is the idle time,
 * as earlier versions took it) and until `timeouts.signal` (an AbortSignal, if any)
 * aborts; `done(entry, bytes)` gets each one's bytes. When
 * one fails, the streams after it are destroyed unread (they would otherwise hold
 * their file or socket open, and their data, until the process ends) and its error
 * is thrown. The async calls read their fields' streams with it, and the
 * Nodemailer plugin a mail's (where Nodemailer's own `resolveContent` reads with
 * no limit).
 */
export async function readStreams(entries, reader = { locale: 'en' }, timeouts = defaultTimeouts(), done = () => {}) {
  const { idle, total, signal } = typeof timeouts === 'number' ? { ...defaultTimeouts(), idle: timeouts } : { ...defaultTimeouts(), ...timeouts };
  const budget = { left: MAX_STREAM_BYTES };
  const deadline = { at: Date.now() + total, timeout: total };
  for (let i = 0; i < entries.length; i++) {
    let bytes;
    try {
      if (signal && signal.aborted) throw abortReason(signal);
      bytes = await readStream(entries[i].stream, entries[i].path, budget, reader, idle, deadline, signal);
    } catch (error) {
      for (const later of entries.slice(i + 1)) destroyUnread(later.stream);
      throw error;
    }
    done(entries[i], bytes);
  }
}

/**
 * Compose fields with a `Date` as `date` (Nodemailer takes one; the types say
 * `string | number | Date`) given the text the engine reads: the text Nodemailer
 * writes (mime-node `_encodeHeaderValue`: toUTCString, GMT → +0000). Other inputs
 * are returned as they are. Both entries, Node's and the browser's, call it.
 */
export function composeDate(input) {
  if (input && typeof input === 'object' && !ArrayBuffer.isView(input) && Object.prototype.toString.call(input.date) === '[object Date]') {
    return { ...input, date: input.date.toUTCString().replace(/GMT/, '+0000') };
  }
  return input;
}

/** `headers` (or one of its entries) is not what PHP's mail() takes: coded `invalid-input` naming it. */
function phpHeaderShape(path, expected, reader) {
  const params = { invalid: { label: MESSAGE_FIELDS.subject }, path, expected: { label: expected } };
  return readingError('invalid-input', 'core.invalid.shape', params,
    `${MESSAGE_FIELDS.english} are not valid: ${path} must be ${expected === 'core.invalid.expected.text' ? 'a text' : 'a text or a list of texts'}.`, reader);
}

/**
 * PHP's `additional_headers` as the engine takes them: a text, bytes, or the list
 * of header lines. A map (PHP ≥ 7.2) has each value a text, or a list of texts
 * written as one line each under the same name (php_mail_build_headers); it
 * becomes that list of lines, in the engine's order for a map (by name). A value
 * of another kind, in a map or a list, is `invalid-input` naming it
 * (`headers.NAME`, `headers[i]`), as PHP refuses it with a TypeError, never the
 * conversion's own words ("invalid type: JsValue(…)"). Both entries call it.
 */
export function phpHeaderLines(headers, reader = { locale: 'en' }) {
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i++) {
      if (typeof headers[i] !== 'string') throw phpHeaderShape(`headers[${i}]`, 'core.invalid.expected.text', reader);
    }
    return headers;
  }
  if (!headers || typeof headers !== 'object' || ArrayBuffer.isView(headers)) return headers;
  const lines = [];
  for (const name of Object.keys(headers).sort()) {
    const value = headers[name];
    const values = Array.isArray(value) ? value : [value];
    if (!values.every((v) => typeof v === 'string')) throw phpHeaderShape(`headers.${name}`, 'core.invalid.expected.texts', reader);
    for (const v of values) lines.push(`${name}: ${v}`);
  }
  return lines;
}

/**
 * The encoder of `wasmInput`, one for all calls: the global one in a browser, Node's
 * own (node:util) in lib/message-input.cjs, where build.mjs adds the import.
 */
const UTF8 = new TextEncoder();

/**
 * A message text as its UTF-8 bytes, encoded here, outside the wasm memory, and
 * copied in at their size. wasm-bindgen copies a string in by a JavaScript loop
 * over its UTF-16 units, and for a text past ASCII by reserving three bytes per
 * unit, then shrinking, where wasm memory never shrinks (a text of 15 M × 'é',
 * 30 MB, reserved 45 MB beside the 15 MB first tried). The engine reads a text
 * and its UTF-8 bytes alike (src/wasm.rs), so only the copy changes: the 9.9 MB
 * ASCII message of `make bench` given as a string linted in 96 ms against 121
 * (the loop), and the corpus's messages as strings at the same rate (stop 38).
 * A text longer in UTF-16 units than the input limit passes as it is: the engine
 * refuses it by that length before any copy, where encoding it first could take
 * gigabytes.
 */
export function wasmInput(input) {
  if (typeof input !== 'string' || input.length > MAX_INPUT_BYTES) return input;
  return UTF8.encode(input);
}

/** What an object given as the message is (its traps may throw: the caller names them). */
function shapeOf(input) {
  if (input instanceof Uint8Array || Array.isArray(input)) return 'as-is';
  const tag = Object.prototype.toString.call(input);
  if (tag === '[object String]') return 'text';
  if (tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]' || ArrayBuffer.isView(input)) return 'bytes';
  return isPlainObject(input) ? 'fields' : 'other';
}

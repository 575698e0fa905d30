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
/** The engine's MAX_COMPOSE_VALUES (src/wasm.rs): beyond it, the rest is left for the engine to refuse. */
const MAX_COPIED_VALUES = 1000000;

/** A value read (a getter, a Proxy trap) threw: coded `invalid-input` naming the field, the error as `cause`. */
function unreadable(path, cause, reader) {
  const messageId = 'core.invalid.threw';
  const detail = String(cause && typeof cause === 'object' && 'message' in cause ? cause.message : cause).slice(0, 200);
  const params = { invalid: { label: 'core.invalid.subject.input' }, path, detail };
  let message;
  try {
    message = reader.render(messageId, params, reader.locale);
  } catch {
    message = `The message fields are not valid: reading ${path} threw an error (${detail}).`;
  }
  const error = new Error(message, { cause });
  return Object.assign(error, { code: 'invalid-input', messageId, params });
}

/**
 * Compose fields read once, here: plain objects and lists copied (every getter
 * and Proxy trap run now, a throw named by its field), byte views (a DataView,
 * any typed array, an ArrayBuffer) as Uint8Array, anything else as it is. The
 * engine converts the copy, which then holds only data: a throw inside the
 * conversion would leave the caller's own error, without a code (#34).
 */
function composeCopy(input, reader) {
  let copied = 0;
  const copy = (value, path, depth) => {
    if (value === null || typeof value !== 'object') return value;
    try {
      return copyObject(value, path, depth);
    } catch (error) {
      if (error && error.code === 'invalid-input' && error.messageId === 'core.invalid.threw') throw error;
      throw unreadable(path || 'message', error, reader);
    }
  };
  const copyObject = (value, path, depth) => {
    if (ArrayBuffer.isView(value) && !(value instanceof Uint8Array)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    const tag = Object.prototype.toString.call(value);
    if (tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]') return new Uint8Array(value);
    if (value instanceof Uint8Array || depth >= MAX_COPIED_DEPTH || copied > MAX_COPIED_VALUES) return value;
    if (Array.isArray(value)) {
      const list = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        copied++;
        list[i] = copy(read(value, i, `${path}[${i}]`), `${path}[${i}]`, depth + 1);
      }
      return list;
    }
    if (!isPlainObject(value)) return value;
    const object = {};
    for (const key of Object.keys(value)) {
      copied++;
      const at = path ? `${path}.${key}` : key;
      object[key] = copy(read(value, key, at), at, depth + 1);
    }
    return object;
  };
  const read = (container, key, path) => {
    try {
      return container[key];
    } catch (error) {
      throw unreadable(path, error, reader);
    }
  };
  return copy(input, '', 0);
}

/**
 * `input` as the engine takes it, or an `invalid-input` error (English, like the
 * engine's own error for a wrong argument: it is for the programmer). Compose
 * fields are copied (`composeCopy`); `reader` says the language of a throw's
 * error and renders it (`{ locale, render(id, params, locale) }`).
 */
export function messageInput(input, name = 'lint', reader = { locale: 'en' }) {
  if (input === null || typeof input !== 'object') return input;
  let kind;
  try {
    kind = shapeOf(input);
  } catch (error) {
    throw unreadable('message', error, reader);
  }
  if (kind === 'as-is') return input;
  if (kind === 'text') return String.prototype.valueOf.call(input);
  if (kind === 'bytes') return ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input);
  if (kind === 'fields') return composeCopy(input, reader);
  const error = new Error(`${name}(input): input must be a string, bytes, or an object of compose fields; got a ${kindOf(input)}`);
  error.code = 'invalid-input';
  throw error;
}

/** What an object given as the message is (its traps may throw: the caller names them). */
function shapeOf(input) {
  if (input instanceof Uint8Array || Array.isArray(input)) return 'as-is';
  const tag = Object.prototype.toString.call(input);
  if (tag === '[object String]') return 'text';
  if (tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]' || ArrayBuffer.isView(input)) return 'bytes';
  return isPlainObject(input) ? 'fields' : 'other';
}

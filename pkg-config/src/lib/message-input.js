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

/**
 * `input` as the engine takes it, or an `invalid-input` error (English, like the
 * engine's own error for a wrong argument: it is for the programmer).
 */
export function messageInput(input, name = 'lint') {
  if (input === null || typeof input !== 'object' || input instanceof Uint8Array || Array.isArray(input)) return input;
  const tag = Object.prototype.toString.call(input);
  if (tag === '[object String]') return String.prototype.valueOf.call(input);
  if (tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]') return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (isPlainObject(input)) return input;
  const error = new Error(`${name}(input): input must be a string, bytes, or an object of compose fields; got a ${kindOf(input)}`);
  error.code = 'invalid-input';
  throw error;
}

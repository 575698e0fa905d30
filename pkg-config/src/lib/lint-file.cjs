'use strict';
// Lints one file for the CLI, in the main thread (--jobs 1) or in a worker: reads
// it (a regular file, at most the engine's input limit, read once), lints it and
// returns what the output formats need — the report, the file's length and, when
// asked, the findings' positions as lines and code-point columns — so the file's
// bytes are dropped here and never travel to the main thread. Formats that write
// the report as JSON ask for `{ json: true }`: the report then comes as the
// engine's JSON text (`reportJson`) with its verdict and counts (`report`), never
// parsed or cloned as an object (#14).

const { MAX_INPUT_BYTES } = require('./engine.cjs');
const { inputTooLarge } = require('./errors.cjs');
const { readBoundedFile, readFailure } = require('./read-file.cjs');
const { TextCoordinates } = require('./coordinates.cjs');
const { translator } = require('./texts.cjs');

/** Codes of the errors the engine throws for one input (the others are I/O errors). */
const ENGINE_ERROR_CODES = new Set(['invalid-input', 'input-too-large', 'not-a-message', 'internal']);

/**
 * The bytes of a regular file, refusing anything over the engine's limit before
 * reading it and reading no more than the limit (lib/read-file.cjs).
 */
function readRegularFile(file, locale) {
  try {
    return readBoundedFile(file, MAX_INPUT_BYTES);
  } catch (error) {
    if (error.reason === 'too-large') throw inputTooLarge(error.size, MAX_INPUT_BYTES, locale);
    throw error;
  }
}

/** Why a file could not be read, in the reader's language (lib/read-file.cjs's words). */
function ioMessage(error, locale) {
  const t = translator(locale);
  const reason = readFailure(error, t);
  return error.reason ? reason : t('cli.error.cannot-read', { reason });
}

/**
 * `{ json }` gives the report as JSON text (`reportJson`) and only its verdict and
 * counts as `report`. `{ positions }` adds, per finding, `{ startLine, startColumn, endLine, endColumn }`
 * in lines and code points (SARIF §3.30, GitHub annotations).
 * @param {import('./engine.cjs').Engine} engine
 * @param {{ file: string, path?: Uint8Array, bytes?: Uint8Array }} input  `bytes` for stdin, read by the caller;
 *   `path` the bytes of a name that is not UTF-8, `file` then its shown name
 * @param {object} options  lint options
 */
function lintFile(engine, input, options, { positions = false, json = false } = {}) {
  const { file } = input;
  const result = { file };
  let bytes;
  try {
    // `path`: the bytes of a name that is not UTF-8 (lib/files.cjs); a worker receives them as a Uint8Array.
    const where = input.path ? Buffer.from(input.path.buffer, input.path.byteOffset, input.path.byteLength) : file;
    bytes = input.bytes || readRegularFile(where, options.locale);
  } catch (error) {
    result.error = error.code === 'input-too-large'
      ? { code: error.code, message: error.message }
      : { code: 'io', message: ioMessage(error, options.locale) };
    return result;
  }
  result.length = bytes.length;
  try {
    if (json && !positions) {
      const { json: text, verdict, counts } = engine.lintJson(bytes, options);
      result.reportJson = text;
      result.report = { verdict, counts };
    } else {
      result.report = engine.lint(bytes, options);
    }
  } catch (error) {
    if (!ENGINE_ERROR_CODES.has(error.code)) throw error;
    result.error = { code: error.code, message: error.message };
    return result;
  }
  if (positions) {
    const coordinates = new TextCoordinates(bytes);
    result.positions = result.report.findings.map((finding) => coordinates.region(finding.location));
  }
  return result;
}

/**
 * What a lint thread answers (lib/pool.cjs), with its engine: a worker's table,
 * and the CLI's own thread's when it lints beside the workers.
 */
function threadMethods(engine) {
  return {
    lint: (input, options) => engine.lint(input, options),
    // An input the pool has read on the calling thread (lib/pool.cjs, `createLinter`).
    lintRead: (input, options) => engine.lintRead(input, options),
    lintPhpMail: (to, subject, message, headers, options) => engine.lintPhpMail(to, subject, message, headers, options),
    lintFile: (input, options, wanted) => lintFile(engine, input, options, wanted),
  };
}

module.exports = { lintFile, readRegularFile, threadMethods };

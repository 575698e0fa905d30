'use strict';
// The lint options of a CLI run: the config file (`--config FILE`, or the first
// `.mail-preflight.json` found from the working directory up to the root, as
// ESLint finds its config), `--rule id:severity` on top, then the locale.
// `"$schema"` in a config file is for editors (completion and validation against
// the package's schema/options.schema.json) and is not an option.

const fs = require('node:fs');
const path = require('node:path');
const { sharedEngine } = require('./engine.cjs');
const { visible } = require('./sanitize.cjs');
const { UsageError } = require('./usage.cjs');
const { MAX_JSON_DEPTH } = require('./json-values.cjs');

const CONFIG_FILE_NAME = '.mail-preflight.json';
const RULE_SETTINGS = ['off', 'info', 'warning', 'error'];
/** Most levels walked up from the working directory (default, ours): deeper than any real tree, and a guard against loops. */
const MAX_LOOKUP_LEVELS = 256;

/** The nearest `.mail-preflight.json` from `start` up to the file-system root, or undefined. */
function findConfigFile(start) {
  let directory = path.resolve(start);
  for (let level = 0; level < MAX_LOOKUP_LEVELS; level++) {
    const candidate = path.join(directory, CONFIG_FILE_NAME);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here: one level up
    }
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
  return undefined;
}

/**
 * Where a text that JSON.parse refused stops being JSON, in the reader's words
 * ("line 2, column 13"), as the engine's JSON reader finds it: checkCustomRules
 * reads its text as JSON before anything else and gives the line and column of
 * the fault (checkOptions reads the options as it goes, so a value of the wrong
 * kind before the fault is what it reports). V8's messages are English and quote
 * the text, bytes and all.
 */
function jsonFault(text, t) {
  let problems = [];
  try {
    problems = sharedEngine().call('checkCustomRules', [text, t.locale || 'en']).problems || [];
  } catch {
    // a text past the engine's input limit: no position
  }
  const fault = problems.find((problem) => problem.reason === 'json' && problem.line);
  return fault ? t('cli.error.json-position', { line: fault.line, column: fault.column }) : t('cli.error.json-unreadable');
}

/**
 * The options object of a config file's JSON text, without `$schema`. Errors are
 * UsageErrors naming the file, said by `tFor(locale)` (a translator): `tFor()`
 * while the text is not JSON, then `tFor(the config's locale)`.
 */
function parseConfig(text, file, tFor) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    const t = tFor(undefined);
    throw new UsageError(t('cli.error.config-not-json', { file, detail: jsonFault(text, t) }), t.locale);
  }
  const t = tFor(value && typeof value === 'object' ? value.locale : undefined);
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(t('cli.error.config-not-object', { file }), t.locale);
  }
  if (nestedPast(value, MAX_JSON_DEPTH)) {
    // JSON.parse reads any depth; the engine's reader does not, and JSON.stringify overflowed
    // V8's stack on it, which was worded as a cycle or a BigInt.
    const params = { invalid: { label: 'core.invalid.subject.options' }, path: file, limit: MAX_JSON_DEPTH };
    throw new UsageError(t('core.invalid.too-deep', params), t.locale);
  }
  const { $schema, ...options } = value;
  if ($schema !== undefined && typeof $schema !== 'string') {
    throw new UsageError(t('cli.error.config-schema', { file }), t.locale);
  }
  return options;
}

/** Whether parsed JSON nests deeper than `limit` levels (walked without recursion). */
function nestedPast(root, limit) {
  const stack = [[root, 1]];
  while (stack.length) {
    const [value, depth] = stack.pop();
    if (depth > limit) return true;
    for (const member of Object.values(value)) {
      if (member && typeof member === 'object') stack.push([member, depth + 1]);
    }
  }
  return false;
}

/** `--rule size/line-length:off` → `['size/line-length', 'off']` (the last `:` separates: ids hold `/`). */
function parseRuleFlag(flag, t) {
  const colon = flag.lastIndexOf(':');
  const id = colon > 0 ? flag.slice(0, colon).trim() : '';
  const setting = colon > 0 ? flag.slice(colon + 1).trim().toLowerCase() : '';
  if (!id || !RULE_SETTINGS.includes(setting)) {
    throw new UsageError(t('cli.error.rule-flag', { flag: visible(flag), settings: RULE_SETTINGS.join(', ') }), t.locale);
  }
  return [id, setting];
}

module.exports = { findConfigFile, parseConfig, parseRuleFlag, jsonFault, CONFIG_FILE_NAME, RULE_SETTINGS };

'use strict';
// Command-line parsing shared by the commands: `node:util` parseArgs, its errors
// and ours as one UsageError (exit code 2) in the reader's language, and the
// locale the environment asks for.

const { parseArgs } = require('node:util');
const { LOCALES } = require('./texts.cjs');

class UsageError extends Error {
  /**
   * @param {string} message  in the reader's language
   * @param {string} [locale]  that language, when the command chose it from its input (a scenario's
   *   `locale`): the hint after the message is said in it too
   */
  constructor(message, locale) {
    super(message);
    this.locale = locale;
  }
}

/** The first of LC_ALL, LC_MESSAGES, LANG that is set decides; one of ours, else English. */
function environmentLocale(env) {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    if (!env[name]) continue;
    const tag = env[name].toLowerCase().match(/^[a-z]+/);
    return tag && LOCALES.includes(tag[0]) ? tag[0] : 'en';
  }
  return 'en';
}

/** The option as the user wrote it, from a parseArgs error message (`Unknown option '--bogus'`). */
function quotedOption(message) {
  const match = /'([^']+)'/.exec(message);
  return match ? match[1].split(/[ ,]/).filter((p) => p.startsWith('-')).pop() || match[1] : '?';
}

/**
 * parseArgs with our errors: `{ values, positionals }`; `-` and everything after
 * `--` are positionals. `t` translates the errors.
 */
function parseCommandLine(argv, options, t) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const option = quotedOption(error.message);
    if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(t('cli.usage.unknown-option', { option }));
    if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const id = /does not take an argument/.test(error.message) ? 'cli.usage.takes-no-value' : 'cli.usage.needs-value';
      throw new UsageError(t(id, { option }));
    }
    throw error;
  }
}

/** `value` when it is one of `allowed`, else a UsageError naming the option. */
function oneOf(value, allowed, option, t) {
  if (!allowed.includes(value)) throw new UsageError(t('cli.usage.one-of', { option, allowed: allowed.join(', '), value }));
  return value;
}

/** A whole number >= `min` (and <= `max` when given) as text, else a UsageError naming the option. */
function wholeNumber(text, option, min, t, max = undefined) {
  const value = Number(text);
  if (/^\d+$/.test(text) && Number.isSafeInteger(value) && value >= min && (max === undefined || value <= max)) {
    return value;
  }
  if (max === undefined) throw new UsageError(t('cli.usage.whole-number', { option, min, value: text }));
  throw new UsageError(t('cli.usage.whole-number-range', { option, min, max, value: text }));
}

module.exports = { UsageError, environmentLocale, parseCommandLine, oneOf, wholeNumber };

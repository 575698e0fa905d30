'use strict';
// Command-line parsing shared by the commands: `node:util` parseArgs, its errors
// and ours as one UsageError (exit code 2) in the reader's language, and the
// locale the environment asks for.

const { parseArgs } = require('node:util');
const { LOCALES, translator } = require('./texts.cjs');

class UsageError extends Error {
  /**
   * @param {string} message  in the reader's language
   * @param {string} [locale]  that language (--locale's, the environment's, or the one the command's
   *   input asks for: a config's or a scenario's `locale`): the hint after the message is said in it too
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
 * The language `--locale`/`-l` asks for, read from the arguments as given, before
 * they are parsed: the errors of parsing them are said in it.
 */
function askedLocale(argv) {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--') break;
    let value;
    if (arg.startsWith('--locale=')) value = arg.slice('--locale='.length);
    else if (arg === '--locale' || arg === '-l') value = argv[i + 1];
    if (value && LOCALES.includes(value)) return value;
  }
  return undefined;
}

/**
 * The arguments with `option value` written `--option=value`, when parseArgs
 * found the value ambiguous (it starts with a dash: `--max-warnings -1`), so the
 * value is judged as a value ("a whole number from 0") rather than as missing.
 */
function withDashValueJoined(argv, options, option) {
  const name = option.replace(/^--/, '');
  if (!options[name]) return undefined;
  const spellings = [`--${name}`, options[name].short && `-${options[name].short}`].filter(Boolean);
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  const at = argv.findIndex((arg, i) => i + 1 < end && spellings.includes(arg) && argv[i + 1].startsWith('-'));
  return at === -1 ? undefined : [...argv.slice(0, at), `--${name}=${argv[at + 1]}`, ...argv.slice(at + 2)];
}

/**
 * parseArgs with our errors: `{ values, positionals }`; `-` and everything after
 * `--` are positionals. `t` translates the errors, unless the arguments ask for
 * another language with --locale.
 */
function parseCommandLine(argv, options, t) {
  const asked = askedLocale(argv);
  const say = asked ? translator(asked) : t;
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const option = quotedOption(error.message);
    if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(say('cli.usage.unknown-option', { option }), say.locale);
    if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const joined = /ambiguous/.test(error.message) ? withDashValueJoined(argv, options, option) : undefined;
      if (joined) return parseCommandLine(joined, options, t);
      const id = /does not take an argument/.test(error.message) ? 'cli.usage.takes-no-value' : 'cli.usage.needs-value';
      throw new UsageError(say(id, { option }), say.locale);
    }
    throw error;
  }
}

/** `value` when it is one of `allowed`, else a UsageError naming the option. */
function oneOf(value, allowed, option, t) {
  if (!allowed.includes(value)) throw new UsageError(t('cli.usage.one-of', { option, allowed: allowed.join(', '), value }), t.locale);
  return value;
}

/** A whole number >= `min` (and <= `max` when given) as text, else a UsageError naming the option. */
function wholeNumber(text, option, min, t, max = undefined) {
  const value = Number(text);
  if (/^\d+$/.test(text) && Number.isSafeInteger(value) && value >= min && (max === undefined || value <= max)) {
    return value;
  }
  if (max === undefined) throw new UsageError(t('cli.usage.whole-number', { option, min, value: text }), t.locale);
  throw new UsageError(t('cli.usage.whole-number-range', { option, min, max, value: text }), t.locale);
}

/** `io.readStdin`'s answer, `{ bytes, cut }` (lib/cli.cjs) or, from a test's `io`, the bytes alone. */
function stdinRead(read) {
  return Buffer.isBuffer(read) ? { bytes: read, cut: false } : read;
}

module.exports = { UsageError, environmentLocale, askedLocale, parseCommandLine, oneOf, wholeNumber, stdinRead };

'use strict';
// The `mail-preflight` command: lint messages (text, JSON lines, SARIF 2.1.0),
// run a sending-queue simulation, explain an SMTP reply.
// Exit codes: 0 no error; 1 a finding is an error, or more warnings than
// --max-warnings; 2 usage or I/O problem (bad argument, unreadable file, bad config).

const fs = require('node:fs');
const engine = require('../index.cjs');
const { expandArguments } = require('./files.cjs');
const { toSarif } = require('./sarif.cjs');
const { formatFile, formatSummary, formatExplanation, formatSimulation, translator } = require('./text.cjs');
const packageVersion = require('../package.json').version;

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;
const LOCALES = ['en', 'fr', 'es', 'pl'];
const LINT_FORMATS = ['text', 'json', 'sarif'];
const DATA_FORMATS = ['json', 'text'];
/** Codes of the errors the engine throws for one input (the others are I/O errors). */
const ENGINE_ERROR_CODES = ['invalid-input', 'input-too-large', 'internal'];
/** Most items of one list the text outline shows (simulation outcomes can be a million mails). */
const OUTLINE_MAX_ITEMS = 20;

class UsageError extends Error {}

const HELP = `mail-preflight ${packageVersion}: checks an outgoing e-mail before it is sent.

Usage:
  mail-preflight lint [options] FILE|DIR|GLOB...   lint messages (.eml files; - reads stdin)
  mail-preflight simulate [options] SCENARIO.json  run a sending-queue simulation
  mail-preflight explain [options] "550 5.1.1 …"   explain an SMTP reply
  mail-preflight --help | --version

lint options:
  -f, --format text|json|sarif  output format (default text); json prints one line per file
  -l, --locale en|fr|es|pl      language of messages (default: --config, then LC_ALL/LC_MESSAGES/LANG, then en)
  -c, --config FILE.json        options: {"rules": {"size/line-length": "off"}, "thresholds": {...}, "customRules": [...], ...}
      --sa-rules FILE.cf        SpamAssassin rules (header, body, rawbody, uri, full, meta) run as sa/NAME
      --max-warnings N          exit 1 when there are more than N warnings in total
  -o, --output FILE             write the output to FILE instead of stdout
      --no-color                no colours (also NO_COLOR=1; colours only ever go to a terminal)
  A directory means every .eml file below it; quoted globs (*, **, ?, [..], {a,b}) are expanded.

simulate options: -f json|text, -l LOCALE (overrides the scenario's), -o FILE
explain options:  -f text|json, -l LOCALE

Exit codes: 0 no error, 1 an error finding or too many warnings, 2 usage or I/O problem.
`;

/** Parses `--name value`, `--name=value`, short aliases and boolean flags; `--` ends options. */
function parseArguments(argv, spec) {
  const values = {};
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const given = eq > 0 ? arg.slice(0, eq) : arg;
    const name = spec.aliases[given] || given;
    const kind = spec.options[name];
    if (!kind) throw new UsageError(`unknown option ${given}`);
    if (kind === 'boolean') {
      if (eq > 0) throw new UsageError(`${given} takes no value`);
      values[name] = true;
    } else {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`${given} needs a value`);
      values[name] = value;
    }
  }
  return { values, positional };
}

function oneOf(value, allowed, what) {
  if (!allowed.includes(value)) throw new UsageError(`${what} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value;
}

/** The first of LC_ALL, LC_MESSAGES, LANG that names one of our languages. */
function environmentLocale(env) {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const tag = (env[name] || '').toLowerCase().match(/^[a-z]+/);
    if (tag && LOCALES.includes(tag[0])) return tag[0];
    if (env[name]) break;
  }
  return 'en';
}

function readInput(file, io) {
  return file === '-' ? io.readStdin() : fs.readFileSync(file);
}

/** `{ text, value }` of a JSON file (or stdin); a usage error when unreadable or not JSON. */
function readJson(file, io, what) {
  let text;
  try {
    text = readInput(file, io).toString('utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${file}: ${error.code || error.message}`);
  }
  try {
    return { text, value: JSON.parse(text) };
  } catch (error) {
    throw new UsageError(`${what} ${file} is not valid JSON: ${error.message}`);
  }
}

function colourWanted(values, io) {
  if (values['--no-color'] || values['--output']) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return Boolean(io.stdoutIsTTY);
}

function lintCommand(argv, io) {
  const { values, positional } = parseArguments(argv, {
    options: {
      '--format': 'value', '--locale': 'value', '--config': 'value', '--max-warnings': 'value',
      '--output': 'value', '--no-color': 'boolean', '--help': 'boolean', '--sa-rules': 'value',
    },
    aliases: { '-f': '--format', '-l': '--locale', '-c': '--config', '-o': '--output', '-h': '--help' },
  });
  if (values['--help']) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const format = oneOf(values['--format'] || 'text', LINT_FORMATS, '--format');
  const options = values['--config'] ? readJson(values['--config'], io, 'config').value : {};
  if (!options || typeof options !== 'object' || Array.isArray(options)) {
    throw new UsageError(`config ${values['--config']} must be a JSON object of options`);
  }
  options.locale = oneOf(values['--locale'] || options.locale || environmentLocale(io.env), LOCALES, '--locale');
  if (values['--sa-rules']) {
    // The engine reads the text; bytes that are not UTF-8 become U+FFFD and their lines are refused, with their number.
    try {
      options.spamassassinRules = readInput(values['--sa-rules'], io).toString('utf8');
    } catch (error) {
      throw new UsageError(`cannot read SpamAssassin rules ${values['--sa-rules']}: ${error.code || error.message}`);
    }
  }
  const t = translator(engine.messages(options.locale));
  let maxWarnings;
  if (values['--max-warnings'] !== undefined) {
    maxWarnings = Number(values['--max-warnings']);
    if (!/^\d+$/.test(values['--max-warnings'])) {
      throw new UsageError(`--max-warnings must be a whole number >= 0 (got "${values['--max-warnings']}")`);
    }
  }
  if (positional.length === 0) throw new UsageError('lint needs at least one FILE, DIR or GLOB');
  // Bad options are a usage problem, reported once before any file: lint an empty
  // message with them (the engine checks options before reading the input).
  try {
    engine.lint('', options);
  } catch (error) {
    if (error.code === 'invalid-options') throw new UsageError(error.message);
  }

  const colour = colourWanted(values, io);
  const chunks = [];
  const emit = values['--output'] ? (text) => chunks.push(text) : io.stdout;
  const { files, problems } = expandArguments(positional);
  const entries = problems.map((message) => ({ file: message.split(': ')[0], error: { code: 'not-found', message } }));
  for (const entry of entries) {
    if (format === 'text') io.stderr(`mail-preflight: ${entry.error.message}\n`);
    if (format === 'json') emit(`${JSON.stringify({ file: entry.file, error: entry.error })}\n`);
  }
  for (const file of files) {
    const entry = { file };
    try {
      entry.bytes = readInput(file, io);
      entry.report = engine.lint(entry.bytes, options);
    } catch (error) {
      entry.error = ENGINE_ERROR_CODES.includes(error.code)
        ? { code: error.code, message: `${file}: ${error.message}` }
        : { code: 'io', message: `${file}: cannot read (${error.code || error.message})` };
    }
    entries.push(entry);
    if (format === 'text') emit(formatFile(entry, colour, t));
    if (format === 'json') {
      const line = entry.error ? { file, error: entry.error } : { file, ...entry.report };
      emit(`${JSON.stringify(line)}\n`);
    }
  }

  const linted = entries.filter((e) => e.report);
  const errors = linted.reduce((n, e) => n + e.report.counts.error, 0);
  const warnings = linted.reduce((n, e) => n + e.report.counts.warning, 0);
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  let exitCode = EXIT_OK;
  if (entries.some((e) => e.error)) exitCode = EXIT_USAGE;
  else if (errors > 0 || tooManyWarnings) exitCode = EXIT_FINDINGS;

  if (format === 'text') {
    emit(formatSummary(entries, colour, t));
  }
  if (tooManyWarnings) io.stderr(`mail-preflight: ${t('cli.too-many-warnings', { warnings, max: maxWarnings })}\n`);
  if (format === 'sarif') {
    const log = toSarif(entries, {
      rules: engine.rules(options.locale),
      locale: options.locale,
      toolVersion: engine.version(),
      cwd: io.cwd,
      commandLine: ['mail-preflight', 'lint', ...argv].join(' '),
      exitCode,
    });
    emit(`${JSON.stringify(log, null, 2)}\n`);
  }
  if (values['--output']) {
    try {
      fs.writeFileSync(values['--output'], chunks.join(''));
    } catch (error) {
      io.stderr(`mail-preflight: cannot write ${values['--output']}: ${error.code || error.message}\n`);
      return EXIT_USAGE;
    }
  }
  return exitCode;
}

/** A readable outline of any JSON value (for `simulate` and `explain` in text format). */
function outline(value, indent = '') {
  if (value === null || typeof value !== 'object') return `${indent}${String(value)}\n`;
  let out = '';
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return `${indent}${value.join(', ')}\n`;
    value.slice(0, OUTLINE_MAX_ITEMS).forEach((item, i) => {
      out += `${indent}- [${i}]\n${outline(item, `${indent}  `)}`;
    });
    if (value.length > OUTLINE_MAX_ITEMS) {
      out += `${indent}… ${value.length - OUTLINE_MAX_ITEMS} more (see --format json)\n`;
    }
    return out;
  }
  const isScalarList = (v) => Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object');
  for (const [key, v] of Object.entries(value)) {
    if (v !== null && typeof v === 'object' && !isScalarList(v)) {
      out += `${indent}${key}:\n${outline(v, `${indent}  `)}`;
    } else {
      out += `${indent}${key}: ${Array.isArray(v) ? v.join(', ') : String(v)}\n`;
    }
  }
  return out;
}

function requireBinding(name, command) {
  if (typeof engine[name] !== 'function') {
    throw new UsageError(`${command}: this build of the engine has no ${name}() binding`);
  }
  return engine[name];
}

function dataCommand(argv, io, command) {
  const { values, positional } = parseArguments(argv, {
    options: {
      '--format': 'value', '--locale': 'value', '--output': 'value', '--no-color': 'boolean', '--help': 'boolean',
    },
    aliases: { '-f': '--format', '-l': '--locale', '-o': '--output', '-h': '--help' },
  });
  if (values['--help']) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const format = oneOf(values['--format'] || (command === 'simulate' ? 'json' : 'text'), DATA_FORMATS, '--format');
  const locale = oneOf(values['--locale'] || environmentLocale(io.env), LOCALES, '--locale');
  let result;
  if (command === 'simulate') {
    if (positional.length !== 1) throw new UsageError('simulate needs exactly one SCENARIO.json (or - for stdin)');
    const simulate = requireBinding('simulate', command);
    const scenario = readJson(positional[0], io, 'scenario');
    // --locale overrides the scenario's language; otherwise the JSON text itself
    // goes to the engine, whose errors then give line and column.
    const explicitLocale = values['--locale'] && scenario.value && typeof scenario.value === 'object';
    const input = explicitLocale ? JSON.stringify({ ...scenario.value, locale }) : scenario.text;
    try {
      result = simulate(input);
    } catch (error) {
      throw new UsageError(`scenario ${positional[0]}: ${error.message}`);
    }
  } else {
    if (positional.length === 0) throw new UsageError('explain needs an SMTP reply, e.g. "550 5.1.1 User unknown"');
    const explain = requireBinding('explainSmtpReply', command);
    try {
      result = explain(positional.join(' '), locale);
    } catch (error) {
      throw new UsageError(error.message);
    }
  }
  let text;
  if (format === 'json') {
    text = `${JSON.stringify(result, null, command === 'simulate' ? 2 : 0)}\n`;
  } else {
    // The dedicated layout when the result has the documented shape, an outline otherwise.
    const colour = colourWanted(values, io);
    if (command === 'explain' && result && typeof result.class === 'string') text = formatExplanation(result, colour);
    else if (command === 'simulate' && result && result.counters) {
      text = formatSimulation(result, colour, translator(engine.messages(locale)));
    }
    else text = outline(result);
  }
  if (values['--output']) {
    fs.writeFileSync(values['--output'], text);
  } else {
    io.stdout(text);
  }
  return EXIT_OK;
}

/** Runs the CLI; returns the exit code. `io` abstracts the process for tests. */
function main(argv, io) {
  try {
    const [command, ...rest] = argv;
    if (command === undefined) {
      io.stderr(`mail-preflight: a command is needed\n\n${HELP}`);
      return EXIT_USAGE;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(HELP);
      return EXIT_OK;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`mail-preflight ${packageVersion} (engine ${engine.version()})\n`);
      return EXIT_OK;
    }
    if (command === 'lint') return lintCommand(rest, io);
    if (command === 'simulate' || command === 'explain') return dataCommand(rest, io, command);
    throw new UsageError(`unknown command "${command}" (lint, simulate, explain)`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`mail-preflight: ${error.message}\nRun mail-preflight --help for usage.\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

/** The real process as `io`. */
function processIo() {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => fs.readFileSync(0),
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: process.stdout.isTTY,
  };
}

module.exports = { main, processIo, outline, parseArguments, environmentLocale, EXIT_OK, EXIT_FINDINGS, EXIT_USAGE };

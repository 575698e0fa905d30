'use strict';
// The `mail-preflight` command: lint messages (lib/lint-command.cjs), run a
// sending-queue simulation, explain an SMTP reply.
// Exit codes: 0 no error; 1 a finding is an error, or more warnings than
// --max-warnings; 2 usage or I/O problem (bad argument, unreadable file, bad config).

const fs = require('node:fs');
const engine = require('../index.cjs');
const { lintCommand, EXIT_OK, EXIT_FINDINGS, EXIT_USAGE } = require('./lint-command.cjs');
const { simulateCommand, explainCommand } = require('./simulate-command.cjs');
const { formatExplanation, formatSimulation } = require('./text.cjs');
const { colourWanted } = require('./paint.cjs');
const { visible } = require('./sanitize.cjs');
const { translator, LOCALES } = require('./texts.cjs');
const { UsageError, environmentLocale, parseCommandLine, oneOf } = require('./usage.cjs');
const packageVersion = require('../package.json').version;

const DATA_FORMATS = ['json', 'text'];
/** Most items of one list the text outline shows (simulation outcomes can be a million mails). */
const OUTLINE_MAX_ITEMS = 20;

/** The usage text, in the reader's language. */
function help(t) {
  return t('cli.help', { version: packageVersion });
}

function readInput(file, io) {
  return file === '-' ? io.readStdin(Infinity) : fs.readFileSync(file);
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

const DATA_OPTIONS = {
  format: { type: 'string', short: 'f' },
  locale: { type: 'string', short: 'l' },
  output: { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

function dataCommand(argv, io, command) {
  const envLocale = environmentLocale(io.env);
  const { values, positionals: positional } = parseCommandLine(argv, DATA_OPTIONS, translator(envLocale));
  const t = translator(values.locale && LOCALES.includes(values.locale) ? values.locale : envLocale);
  if (values.help) {
    io.stdout(help(t));
    return EXIT_OK;
  }
  const format = oneOf(values.format || (command === 'simulate' ? 'json' : 'text'), DATA_FORMATS, '--format', t);
  const locale = oneOf(values.locale || envLocale, LOCALES, '--locale', t);
  let result;
  if (command === 'simulate') {
    if (positional.length !== 1) throw new UsageError('simulate needs exactly one SCENARIO.json (or - for stdin)');
    const scenario = readJson(positional[0], io, 'scenario');
    // --locale overrides the scenario's language; otherwise the JSON text itself
    // goes to the engine, whose errors then give line and column.
    const explicitLocale = values.locale && scenario.value && typeof scenario.value === 'object';
    const input = explicitLocale ? JSON.stringify({ ...scenario.value, locale }) : scenario.text;
    try {
      result = engine.simulate(input);
    } catch (error) {
      throw new UsageError(`scenario ${positional[0]}: ${error.message}`);
    }
  } else {
    if (positional.length === 0) throw new UsageError('explain needs an SMTP reply, e.g. "550 5.1.1 User unknown"');
    try {
      result = engine.explainSmtpReply(positional.join(' '), locale);
    } catch (error) {
      throw new UsageError(error.message);
    }
  }
  let text;
  if (format === 'json') {
    text = `${JSON.stringify(result, null, command === 'simulate' ? 2 : 0)}\n`;
  } else {
    // The dedicated layout when the result has the documented shape, an outline otherwise.
    const colour = colourWanted({ color: values.color, noColor: values['no-color'], toFile: Boolean(values.output) },
      io.env, io.stdoutIsTTY);
    if (command === 'explain' && result && typeof result.class === 'string') text = formatExplanation(result, colour);
    else if (command === 'simulate' && result && result.counters) {
      text = formatSimulation(result, colour, translator(locale));
    }
    else text = outline(result);
  }
  if (values.output) {
    fs.writeFileSync(values.output, text);
  } else {
    io.stdout(text);
  }
  return EXIT_OK;
}

/** Runs the CLI; resolves with the exit code. `io` abstracts the process for tests. */
async function main(argv, io) {
  const t = translator(environmentLocale(io.env));
  try {
    const [command, ...rest] = argv;
    if (command === undefined) {
      io.stderr(`mail-preflight: ${t('cli.usage.command-needed')}\n\n${help(t)}`);
      return EXIT_USAGE;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(help(t));
      return EXIT_OK;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`mail-preflight ${packageVersion} (engine ${engine.version()})\n`);
      return EXIT_OK;
    }
    if (command === 'lint') return await lintCommand(rest, io, help);
    if (command === 'simulate') return simulateCommand(rest, io);
    if (command === 'explain') return explainCommand(rest, io);
    throw new UsageError(t('cli.usage.unknown-command', { command: visible(command, 100), commands: 'lint, simulate, explain' }));
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`mail-preflight: ${visible(error.message, 2000)}\n${t('cli.usage.see-help')}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

/** Standard input, stopping once more than `limit` bytes were read (the caller refuses those). */
function readStdinUpTo(limit) {
  const chunks = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let read;
    try {
      read = fs.readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      if (error.code === 'EAGAIN') continue;
      if (error.code === 'EOF') break;
      throw error;
    }
    if (read === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, read)));
    total += read;
    if (total > limit) break;
  }
  return Buffer.concat(chunks, total);
}

/** The real process as `io`. */
function processIo() {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: readStdinUpTo,
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: process.stdout.isTTY,
  };
}

module.exports = { main, processIo, outline, EXIT_OK, EXIT_FINDINGS, EXIT_USAGE };

'use strict';
// The `mail-preflight` command: lint messages (lib/lint-command.cjs), run a
// sending-queue simulation or explain an SMTP reply (lib/simulate-command.cjs).
// Exit codes: 0 no error; 1 a finding is an error, or more warnings than
// --max-warnings (simulate: the run ends in a red state); 2 usage or I/O problem
// (bad argument, unreadable file, bad config, invalid scenario).

const fs = require('node:fs');
const { lintCommand, EXIT_OK, EXIT_FINDINGS, EXIT_USAGE } = require('./lint-command.cjs');
const { visible } = require('./sanitize.cjs');
const { translator, LOCALES } = require('./texts.cjs');
const { UsageError, environmentLocale, askedLocale } = require('./usage.cjs');
const packageVersion = require('../package.json').version;

/** The usage text, in the reader's language. */
function help(t) {
  return t('cli.help', { version: packageVersion });
}

/** Runs the CLI; resolves with the exit code. `io` abstracts the process for tests. */
async function main(givenArgv, io) {
  const argv = commandFirst(givenArgv);
  const t = translator(askedLocale(argv) || environmentLocale(io.env));
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
      io.stdout(`mail-preflight ${packageVersion} (engine ${require('../index.cjs').version()})\n`);
      return EXIT_OK;
    }
    if (command === 'lint') return await lintCommand(rest, io, help);
    // Loaded for its own commands only: a lint run does not pay for it (#14).
    if (command === 'simulate') return require('./simulate-command.cjs').simulateCommand(rest, io, help);
    if (command === 'explain') return require('./simulate-command.cjs').explainCommand(rest, io, help);
    throw new UsageError(t('cli.usage.unknown-command', { command: visible(command, 100), commands: 'lint, simulate, explain' }), t.locale);
  } catch (error) {
    if (error instanceof UsageError) {
      const hint = translator(error.locale || askedLocale(argv) || environmentLocale(io.env));
      io.stderr(`mail-preflight: ${visible(error.message, 2000)}\n${hint('cli.usage.see-help')}\n`);
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
    // The real process: a lint run may choose V8's wasm compilers (lib/compilers.cjs).
    chooseCompilers: true,
  };
}

/**
 * The arguments with a `--locale X` given before the command moved after it
 * (`mail-preflight --locale fr lint x` is `mail-preflight lint --locale fr x`):
 * every command takes --locale.
 */
function commandFirst(argv) {
  const [first, second] = argv;
  if (first && first.startsWith('--locale=')) return [...argv.slice(1, 2), first, ...argv.slice(2)];
  if ((first === '--locale' || first === '-l') && second !== undefined) return [...argv.slice(2, 3), first, second, ...argv.slice(3)];
  return argv;
}

module.exports = { main, processIo, EXIT_OK, EXIT_FINDINGS, EXIT_USAGE };

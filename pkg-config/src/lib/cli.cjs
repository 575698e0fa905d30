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
    if (command === 'simulate') return await require('./simulate-command.cjs').simulateCommand(rest, io, help);
    if (command === 'explain') return await require('./simulate-command.cjs').explainCommand(rest, io, help);
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

/**
 * Standard input, stopping once more than `limit` bytes were read (the caller
 * refuses those): `{ bytes, cut }`, `cut` when reading stopped before the end, so
 * that the refusal says "more than" rather than a size it never measured.
 * Read as a stream (process.stdin): Node waits for a pipe, a socket or a TTY in
 * its event loop, where a synchronous read of a non-blocking fd 0 (a parent's
 * O_NONBLOCK pipe) met EAGAIN and was retried in a loop that spun a core until
 * data came. At most `limit` bytes and one chunk (64 KiB) are held; past the limit
 * the stream is destroyed, the rest never read.
 * @param {number} limit
 * @param {import('node:stream').Readable} [stream]
 * @returns {Promise<{ bytes: Buffer, cut: boolean }>}
 */
function readStdinUpTo(limit, stream = process.stdin) {
  return new Promise((resolve, reject) => {
    // A directory given as stdin (`lint - < dir`): Node's stream of it ends with no
    // data and no error, which would read as an empty message; say what it is, as
    // readSync's EISDIR did.
    if (stream === process.stdin && stdinIsDirectory()) {
      const error = new Error('EISDIR: illegal operation on a directory, read');
      error.code = 'EISDIR';
      reject(error);
      return;
    }
    const chunks = [];
    let total = 0;
    const settle = (cut) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      if (cut) stream.destroy();
      resolve({ bytes: Buffer.concat(chunks, total), cut });
    };
    const onData = (chunk) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(buffer);
      total += buffer.length;
      if (total > limit) settle(true);
    };
    const onEnd = () => settle(false);
    const onError = (error) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      // A stdin that is a closed or unreadable fd reads as empty, as readSync's EOF did.
      if (error.code === 'EOF' || error.code === 'EBADF') resolve({ bytes: Buffer.concat(chunks, total), cut: false });
      else reject(error);
    };
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
  });
}

/** Whether fd 0 is a directory (false when it cannot be asked). */
function stdinIsDirectory() {
  try {
    return require('node:fs').fstatSync(0).isDirectory();
  } catch {
    return false;
  }
}

/**
 * What stderr says when stdout cannot be written for another reason than a reader gone
 * (EPIPE): a full disk (ENOSPC, `> /dev/full`), EIO, EFBIG. In the language asked for.
 */
function stdoutFailure(error, argv, env) {
  const t = translator(askedLocale(commandFirst(argv)) || environmentLocale(env));
  return `mail-preflight: ${t('cli.error.cannot-write', { file: 'stdout', reason: (error && error.code) || String(error && error.message) })}\n`;
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

module.exports = { main, processIo, readStdinUpTo, stdoutFailure, EXIT_OK, EXIT_FINDINGS, EXIT_USAGE };

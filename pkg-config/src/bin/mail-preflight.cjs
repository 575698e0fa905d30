#!/usr/bin/env node
'use strict';
// The mail-preflight CLI; see lib/cli.cjs and `mail-preflight --help`.
const { main, processIo, stdoutFailure, EXIT_USAGE } = require('../lib/cli.cjs');

// A reader that stops early (`mail-preflight lint … | head`) is not an error of
// ours: nothing more is written, and the run still ends with its own exit code
// (1 when a message has an error finding), which a pipeline's `pipefail` reads.
// Any other failure to write stdout (a full disk: ENOSPC) is an I/O problem: said on
// stderr, exit 2 at once (it was an uncaught stack trace, exit 1, the code of findings).
let readerGone = false;
process.stdout.on('error', (error) => {
  if (readerGone) return;
  readerGone = true;
  if (error.code === 'EPIPE') return;
  process.stderr.write(stdoutFailure(error, process.argv.slice(2), process.env));
  process.exit(EXIT_USAGE);
});
const io = processIo();
const writeStdout = io.stdout;
io.stdout = (text) => (readerGone ? true : writeStdout(text));
main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});

#!/usr/bin/env node
'use strict';
// The mail-preflight CLI; see lib/cli.cjs and `mail-preflight --help`.
const { main, processIo } = require('../lib/cli.cjs');

// A reader that stops early (`mail-preflight lint … | head`) is not an error of
// ours: nothing more is written, and the run still ends with its own exit code
// (1 when a message has an error finding), which a pipeline's `pipefail` reads.
let readerGone = false;
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  readerGone = true;
});
const io = processIo();
const writeStdout = io.stdout;
io.stdout = (text) => (readerGone ? true : writeStdout(text));
main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});

#!/usr/bin/env node
'use strict';
// The mail-preflight CLI; see lib/cli.cjs and `mail-preflight --help`.
const { main, processIo } = require('../lib/cli.cjs');

// A reader that stops early (`mail-preflight lint … | head`) is not an error of ours.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
main(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});

#!/usr/bin/env node
'use strict';
// The mail-preflight CLI; see lib/cli.cjs and `mail-preflight --help`.
const { main, processIo } = require('../lib/cli.cjs');

process.exitCode = main(process.argv.slice(2), processIo());

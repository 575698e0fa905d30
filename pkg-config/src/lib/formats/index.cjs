'use strict';
// The output formats of `mail-preflight lint`. Each is `{ start(), file(result), end(summary) }`,
// each returning the text to write, so output streams file by file.
const { textFormatter } = require('./text.cjs');
const { jsonFormatter, jsonLinesFormatter } = require('./json.cjs');
const { sarifFormatter } = require('./sarif.cjs');
const { githubFormatter } = require('./github.cjs');
const { junitFormatter } = require('./junit.cjs');

const FORMATTERS = {
  text: textFormatter,
  json: jsonFormatter,
  jsonl: jsonLinesFormatter,
  sarif: sarifFormatter,
  github: githubFormatter,
  junit: junitFormatter,
};

/** Formats whose findings need lines and code-point columns computed from the file. */
const NEEDS_POSITIONS = new Set(['sarif', 'github']);

/** Formats that write the report as JSON, which take it as the engine's JSON text. */
const TAKES_REPORT_JSON = new Set(['json', 'jsonl']);

module.exports = { FORMATTERS, NEEDS_POSITIONS, TAKES_REPORT_JSON, FORMATS: Object.keys(FORMATTERS) };

'use strict';
// The output formats of `mail-preflight lint`. Each is `{ start(), file(result), end(summary) }`,
// each returning the text to write, so output streams file by file.
// Each formatter's module is loaded when a run asks for it: SARIF's alone brings
// node:crypto, node:url and the rules reference, 9–12 ms of every CLI start
// before (#14), though most runs write text or JSON.
const FORMATTERS = {
  text: (context) => require('./text.cjs').textFormatter(context),
  json: (context) => require('./json.cjs').jsonFormatter(context),
  jsonl: (context) => require('./json.cjs').jsonLinesFormatter(context),
  sarif: (context) => require('./sarif.cjs').sarifFormatter(context),
  github: (context) => require('./github.cjs').githubFormatter(context),
  junit: (context) => require('./junit.cjs').junitFormatter(context),
};

/** Formats whose findings need lines and code-point columns computed from the file. */
const NEEDS_POSITIONS = new Set(['sarif', 'github']);

/** Formats that write the report as JSON, which take it as the engine's JSON text. */
const TAKES_REPORT_JSON = new Set(['json', 'jsonl']);

module.exports = { FORMATTERS, NEEDS_POSITIONS, TAKES_REPORT_JSON, FORMATS: Object.keys(FORMATTERS) };

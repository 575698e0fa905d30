'use strict';
// `--format json`: one JSON array for the run, one element per file, as ESLint's
// json formatter (`[{ "file": …, …report }, { "file": …, "error": … }]`), written
// element by element. `--format jsonl`: one line per file, the same elements.

function element(result) {
  return result.error ? { file: result.file, error: result.error } : { file: result.file, ...result.report };
}

/** `JSON.stringify(element(result))`; a report given as JSON text is spliced in as it is. */
function elementText(result) {
  if (result.error || typeof result.reportJson !== 'string') return JSON.stringify(element(result));
  const report = result.reportJson;
  const rest = report === '{}' ? '}' : `,${report.slice(1)}`;
  return `{"file":${JSON.stringify(result.file)}${rest}`;
}

function jsonFormatter() {
  let count = 0;
  return {
    start: () => '[',
    file: (result) => `${count++ ? ',' : ''}\n${elementText(result)}`,
    end: () => (count ? '\n]\n' : ']\n'),
  };
}

function jsonLinesFormatter() {
  return {
    start: () => '',
    file: (result) => `${elementText(result)}\n`,
    end: () => '',
  };
}

module.exports = { jsonFormatter, jsonLinesFormatter, elementText };

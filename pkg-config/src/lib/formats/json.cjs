'use strict';
// `--format json`: one JSON array for the run, one element per file, as ESLint's
// json formatter (`[{ "file": …, …report }, { "file": …, "error": … }]`), written
// element by element. `--format jsonl`: one line per file, the same elements.

function element(result) {
  return result.error ? { file: result.file, error: result.error } : { file: result.file, ...result.report };
}

function jsonFormatter() {
  let count = 0;
  return {
    start: () => '[',
    file: (result) => `${count++ ? ',' : ''}\n${JSON.stringify(element(result))}`,
    end: () => (count ? '\n]\n' : ']\n'),
  };
}

function jsonLinesFormatter() {
  return {
    start: () => '',
    file: (result) => `${JSON.stringify(element(result))}\n`,
    end: () => '',
  };
}

module.exports = { jsonFormatter, jsonLinesFormatter };

'use strict';
// `--format github`: GitHub Actions workflow commands, one per finding, which the
// runner shows as annotations on the file (docs.github.com, "Workflow commands
// for GitHub Actions": `::error file={name},line={line},endLine=…,col={col},endColumn=…,title={title}::{message}`).
// A command is one line: the runner reads `%0A`, `%0D` and `%25` in the message
// and also `%3A` and `%2C` in properties (actions/toolkit `command.ts`,
// escapeData/escapeProperty); the line ends only where we end it, so a message or
// a file name holding `\n::error …` cannot start a command of its own.

const { visible, visibleName, visiblePath } = require('../sanitize.cjs');

const COMMAND_OF_SEVERITY = { error: 'error', warning: 'warning', info: 'notice' };

/** actions/toolkit escapeData: the message after `::`. */
function escapeData(text) {
  return String(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** actions/toolkit escapeProperty: a `key=value` of the command. */
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name, properties, message) {
  const list = Object.entries(properties)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${name}${list ? ` ${list}` : ''}::${escapeData(message)}\n`;
}

/** A file name as the runner matches it against the repository: relative, with `/`. */
function annotationFile(file) {
  return file === '-' ? 'stdin' : file.replace(/\\/g, '/').replace(/^\.\//, '');
}

function githubFormatter() {
  return {
    start: () => '',
    file(result) {
      const file = visiblePath(annotationFile(result.file));
      if (result.error) return command('error', { file }, visible(result.error.message));
      return result.report.findings.map((finding, i) => {
        const region = result.positions && result.positions[i];
        const properties = { file };
        if (region) {
          properties.line = region.startLine;
          if (region.endLine !== undefined && region.endLine !== region.startLine) properties.endLine = region.endLine;
          properties.col = region.startColumn;
          if (region.endLine === region.startLine && region.endColumn !== undefined) properties.endColumn = region.endColumn;
        }
        properties.title = visibleName(finding.ruleId);
        const message = finding.fix ? `${visible(finding.message)} ${visible(finding.fix)}` : visible(finding.message);
        return command(COMMAND_OF_SEVERITY[finding.severity] || 'warning', properties, message);
      }).join('');
    },
    end: () => '',
  };
}

module.exports = { githubFormatter, escapeData, escapeProperty };
